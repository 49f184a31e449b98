"""The command line: each command's output and exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import inspectlib as il
from inspectlib._cli import main


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspectlib", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def test_schema_prints_the_json_schema() -> None:
    result = run("schema")

    assert 0 == result.returncode, result.stderr
    assert il.json_schema() == json.loads(result.stdout)


def test_help_names_the_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])

    assert 0 == caught.value.code
    output = capsys.readouterr().out
    assert "schema" in output
    assert "Exit codes: 0 success, 1 invalid input, 2 wrong usage." in output


def test_an_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])

    assert 2 == caught.value.code
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
