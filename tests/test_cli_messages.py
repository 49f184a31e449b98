"""The command line's own messages: what a user reads when something is missing or odd, one
line each, never a Python traceback or a raw warning."""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

import inspectlib as il
from inspectlib._cli import main


def call(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# a missing optional extra ----------------------------------------------------------------------


def test_a_missing_extra_is_one_line_and_exit_1(
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A module set to None in sys.modules cannot be imported: as if pyarrow were not installed.
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)

    code, out, err = call(
        capsys,
        "convert",
        "sample:gmp-child-protection-2024",
        str(tmp_path / "out"),
        "--to",
        "parquet",
        "--partition-by",
        "year",
    )

    assert (1, "") == (code, out)
    assert "inspectlib: pyarrow is not installed: pip install 'inspectlib[arrow]'\n" == err


# a document of a newer minor format version ----------------------------------------------------


def newer_document(tmp_path: pathlib.Path, suffix: str, count: int = 1) -> pathlib.Path:
    document = json.loads(json.dumps(il.to_dict(il.sample("gmp-child-protection-2024"))))
    document["inspectlib"] = "1.9"
    document["colour"] = "blue"
    path = tmp_path / f"newer{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(document, indent=2))
    else:
        path.write_text("".join(json.dumps(document) + "\n" for _ in range(count)))
    return path


def expected_warnings(where: str) -> str:
    return (
        f"inspectlib: warning: {where}: format version 1.9 is newer than this inspectlib's 1.1: "
        "fields it does not know will be dropped\n"
        f"inspectlib: warning: {where}: fields of a newer format version were dropped: $.colour\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["show"],
        ["convert", "{tmp}/out.jsonl"],
        ["convert", "{tmp}/out.json"],
        ["convert", "{tmp}/tables", "--to", "csv"],
    ],
)
def test_a_newer_format_version_warns_once_in_a_line_of_its_own(
    command: list[str], tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = newer_document(tmp_path, ".json")
    name, *rest = command
    arguments = [name, str(path), *(part.format(tmp=tmp_path) for part in rest)]

    code, _, err = call(capsys, *arguments)

    assert 0 == code
    assert err.startswith(expected_warnings(str(path)))
    assert 2 == err.count("inspectlib: warning:")
    assert "Warning" not in err


def test_a_newer_format_version_in_json_lines_warns_for_every_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = newer_document(tmp_path, ".jsonl", count=2)

    code, _, err = call(capsys, "validate", str(path))

    assert 0 == code
    assert (
        expected_warnings(f"{path}:1")
        + expected_warnings(f"{path}:2")
        + "2 documents checked, 0 invalid\n"
    ) == err
