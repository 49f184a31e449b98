"""The command line's own messages: what a user reads when something is missing or odd, one
line each, never a Python traceback or a raw warning."""

from __future__ import annotations

import pathlib
import sys

import pytest

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
