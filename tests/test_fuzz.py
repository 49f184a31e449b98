"""A quick fuzz of every loader, for CI: random and mutated bytes raise nothing undocumented.

The documented outcomes are a record, ``inspectlib.ValidationError`` (or a subclass), and
``FormatVersionWarning`` as a warning; the command line's ``validate`` exits 0 or 1. Each input
must also be handled within the deadline, 2 s, far above the milliseconds a document takes.

fuzz/run.py is the long-running version, with a wider vocabulary of hostile values (which finds
the bugs test_hostile_input.py marks as expected failures).
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import warnings
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
import strategies
from inspectlib._cli import main

FUZZ = settings(
    max_examples=4 * settings().max_examples,
    deadline=2_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextlib.contextmanager
def documented_warnings_only() -> Iterator[None]:
    """Let FormatVersionWarning through; any other warning fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", il.errors.FormatVersionWarning)
        yield


def loads_or_refuses(data: bytes | str) -> None:
    with documented_warnings_only(), contextlib.suppress(*strategies.DOCUMENTED_ERRORS):
        il.loads(data)


@FUZZ
@given(strategies.documents())
def test_loads_raises_nothing_but_validation_error(data: bytes) -> None:
    loads_or_refuses(data)
    with contextlib.suppress(UnicodeDecodeError):
        loads_or_refuses(data.decode())


@FUZZ
@given(st.lists(strategies.documents().map(lambda data: data.replace(b"\n", b" ")), max_size=4))
def test_load_lines_raises_nothing_but_validation_error_and_keeps_count(
    lines: list[bytes],
) -> None:
    data = b"\n".join(lines)
    errors: list[il.ValidationError] = []

    with documented_warnings_only():
        with contextlib.suppress(*strategies.DOCUMENTED_ERRORS):
            for _ in il.load_lines(io.BytesIO(data)):
                pass
        good = sum(1 for _ in il.load_lines(io.BytesIO(data), errors=errors))

    assert sum(1 for line in data.split(b"\n") if line.strip()) == good + len(errors)


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(FUZZ, max_examples=settings().max_examples)
@given(data=strategies.documents())
def test_the_command_line_validate_exits_0_or_1(directory: pathlib.Path, data: bytes) -> None:
    for name in ("input.json", "input.jsonl"):
        path = directory / name
        path.write_bytes(data)
        with (
            documented_warnings_only(),
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(io.StringIO()),
        ):
            assert main(["validate", "--quiet", str(path)]) in (0, 1)
