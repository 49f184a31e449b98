"""Every example in the documentation runs as a test.

Sybil collects the examples of ``docs/**/*.md``:

- ``python`` code blocks run in order, sharing one namespace per page; a block that starts with
  ``>>>`` is a doctest session, and its output must match (``...`` matches anything);
- ``json`` code blocks are whole documents: each must load with ``inspectlib.loads`` and be
  exactly what ``inspectlib.dumps(..., indent=True)`` writes for it. A fragment of a document
  needs ``% skip: next`` before it;
- ``console`` code blocks are shell sessions: each ``$ python -m inspectlib ...`` runs with this
  interpreter, and its output (standard output, then standard error) must match what the page
  shows; ``> FILE`` at the end sends standard output to a file instead; ``$ echo $?`` shows the
  exit status of the command before it, which the page must show when it is not 0. Commands
  that are not meant to run here (``pip install``) belong in ``sh`` blocks, shown but not run;
- ``% invisible-code-block: python`` runs set-up code the page does not show;
- ``% skip: next`` before a block leaves it out.

Each page runs in a fresh temporary directory, so that the files it writes go nowhere.
The examples in the installed package's docstrings run from ``tests/test_docstrings.py``.
"""

from __future__ import annotations

import doctest
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser

import inspectlib

# The built documentation is not a source of examples.
collect_ignore = ["docs/_build"]

OPTIONS = doctest.ELLIPSIS
# Commands print the same whatever the terminal: argparse wraps help text to COLUMNS, and
# Python may colour it; output is UTF-8 whatever the locale.
CONSOLE_ENVIRONMENT = {
    **os.environ,
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "PYTHON_COLORS": "0",
    "PYTHONIOENCODING": "utf-8",
}


def _session(text: str) -> Iterator[tuple[str, str]]:
    """The commands of a console block, each with the output shown after it."""
    command: str | None = None
    output: list[str] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "".join(output)
            command, output = line[2:], []
        elif command is None:
            raise ValueError(f"console block: output before any command: {line!r}")
        else:
            output.append(line + "\n")
    if command is not None:
        yield command, "".join(output)


def run_console(example: Example) -> str | None:
    """Run the ``python -m inspectlib`` commands of a console block and compare their output."""
    checker = doctest.OutputChecker()
    status: int | None = None
    unchecked: str | None = None  # a command that failed, whose status the page must show
    for command, want in _session(str(example.parsed)):
        argv = shlex.split(command)
        if argv == ["echo", "$?"]:
            if status is None:
                raise ValueError("console block: 'echo $?' before any command")
            got, unchecked = f"{status}\n", None
        elif unchecked is not None:
            return f"{unchecked!r} exited with {status}: show it with '$ echo $?'"
        elif argv[:3] == ["python", "-m", "inspectlib"]:
            target = None
            if len(argv) > 2 and argv[-2] == ">":
                *argv, _, target = argv
            result = subprocess.run(
                [sys.executable, *argv[1:]],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=CONSOLE_ENVIRONMENT,
                check=False,
            )
            if target is None:
                got = result.stdout + result.stderr
            else:
                Path(target).write_text(result.stdout, encoding="utf-8")
                got = result.stderr
            status = result.returncode
            unchecked = command if status else None
        else:
            raise ValueError(f"console block: {command!r} does not run in tests; use a sh block")
        if not checker.check_output(want, got, OPTIONS):
            return checker.output_difference(doctest.Example(command, want), got, OPTIONS)
    if unchecked is not None:
        return f"{unchecked!r} exited with {status}: show it with '$ echo $?'"
    return None


def check_document(example: Example) -> str | None:
    """A JSON block is a canonical document: it loads, and writing it back gives it again."""
    shown = str(example.parsed)
    written = inspectlib.dumps(inspectlib.loads(shown), indent=True) + "\n"
    if written != shown:
        return f"the document is not written as shown; inspectlib writes:\n{written}"
    return None


@pytest.fixture(scope="module")
def docs_workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh working directory for the examples of one page."""
    path = tmp_path_factory.mktemp("docs")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(path)
        yield path


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONS),
        CodeBlockParser(language="json", evaluator=check_document),
        CodeBlockParser(language="console", evaluator=run_console),
        SkipParser(),
    ],
    path="docs",
    patterns=["*.md"],
    fixtures=["docs_workdir"],
    name="docs",
).pytest()
