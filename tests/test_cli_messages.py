"""The command line's own messages: what a user reads when something is missing or odd, one
line each, never a Python traceback or a raw warning."""

from __future__ import annotations

import datetime
import json
import pathlib
import sys

import attrs
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


# JSON in a .jsonl file, JSON Lines in a .json file ---------------------------------------------


def test_a_pretty_printed_json_document_named_jsonl_is_one_error(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.jsonl"
    path.write_text(json.dumps(il.to_dict(il.sample("gmp-child-protection-2024")), indent=2))

    code, out, err = call(capsys, "validate", str(path))

    assert (1, "1 document checked, 1 invalid\n") == (code, err)
    assert (
        f"{path}:1: $: this looks like a JSON document, not JSON Lines: its first line starts a "
        "JSON value that goes on past the line; JSON Lines holds one whole document on each "
        "line: name the file .json to read it as one document\n"
    ) == out


def test_json_lines_named_json_is_one_error_saying_so(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(il.to_dict(il.sample("gmp-child-protection-2024")))
    path = tmp_path / "reports.json"
    path.write_text(f"{line}\n{line}\n")

    code, out, err = call(capsys, "validate", str(path))

    assert (1, "1 document checked, 1 invalid\n") == (code, err)
    assert (
        f"{path}: $: this looks like JSON Lines, not a JSON document: its first line is a whole "
        "JSON value and more follows; name the file .jsonl to read one document on each line\n"
    ) == out


def test_json_lines_whose_first_line_is_broken_gets_no_hint(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.dumps(il.to_dict(il.sample("gmp-child-protection-2024")))
    path = tmp_path / "reports.jsonl"
    path.write_text(f'\n{{"inspectlib": }}\n{line}\n')

    code, out, err = call(capsys, "validate", str(path))

    assert (1, "2 documents checked, 1 invalid") == (code, err.partition("\n")[0])
    assert out.startswith(f"{path}:2: $: invalid JSON")
    assert "looks like" not in out


# lateness in a summary -------------------------------------------------------------------------


def test_a_summary_says_one_day_late_against_a_by_deadline(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commission = il.sample("gmp-cse-commission-2024")
    assert isinstance(commission, il.CommissionedInspection)
    part = commission.parts[0]
    assert part.published is not None
    by_june = attrs.evolve(part.expectations[0], expected=il.PartialDate.parse("by June 2025"))
    late = attrs.evolve(
        part,
        expectations=[by_june],
        published=attrs.evolve(part.published, date=datetime.date(2025, 7, 1)),
    )
    path = tmp_path / "commission.json"
    il.dump(attrs.evolve(commission, parts=[late]), path)

    code, out, _ = call(capsys, "show", str(path))

    assert 0 == code
    assert "     late by 1 day against June 2025\n" in out
