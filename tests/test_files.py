"""Files: any legal name can be written, what is not a regular file is written in place, a
killed write leaves nothing behind for long, and reading stops at the size limit.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import signal
import stat
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Iterator

import pytest

import inspectlib as il
from inspectlib._cli import main
from inspectlib._files import TEMPORARY_SUFFIX

SMALL = pathlib.Path(__file__).parent / "corpus" / "valid" / "small-inspection.json"
LINE = SMALL.read_bytes().replace(b"\n", b"")


def leftovers(directory: pathlib.Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.startswith("."))


# -- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("a" * 246 + ".json", id="251-bytes"),
        pytest.param("b" * 250 + ".json", id="255-bytes"),
        pytest.param("\u00e9" * 125 + ".json", id="255-bytes-of-two-byte-characters"),
    ],
)
def test_a_file_of_any_legal_name_is_written(
    seed: il.Inspection, tmp_path: pathlib.Path, name: str
) -> None:
    path = tmp_path / name

    il.dump(seed, path)
    il.dump_lines([seed, seed], path)

    assert [seed, seed] == list(il.load_lines(path))
    assert [] == leftovers(tmp_path)


# -- what is not a regular file ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("append", [False, True])
def test_a_named_pipe_is_written_in_place_not_replaced(
    seed: il.Inspection, tmp_path: pathlib.Path, append: bool
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()

    il.dump_lines([seed], fifo, append=append)
    reader.join(timeout=10)

    assert [il.dumps(seed).encode() + b"\n"] == received
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert ["pipe"] == sorted(path.name for path in tmp_path.iterdir())


def test_dev_stdout_into_a_pipe_is_written() -> None:
    code = (
        "import inspectlib as il\n"
        "record = il.sample('gmp-child-protection-2024')\n"
        "il.dump(record, '/dev/stdout')\n"
        "il.dump_lines([record], '/dev/stdout', append=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)

    assert b"" == done.stderr
    document, line = done.stdout.decode().splitlines()
    assert il.sample("gmp-child-protection-2024") == il.loads(document) == il.loads(line)


def test_dev_stdout_appended_to_a_file_keeps_what_the_file_held(tmp_path: pathlib.Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    code = (
        "import inspectlib as il\nil.dump(il.sample('gmp-child-protection-2024'), '/dev/stdout')\n"
    )
    with log.open("a") as stream:
        subprocess.run([sys.executable, "-c", code], stdout=stream, check=True)

    assert log.read_text().startswith("earlier\n{")


# -- temporary files left by a killed write ------------------------------------------------------


WRITER = """
import sys, time, inspectlib as il
record = il.sample("gmp-child-protection-2024")
def records():
    yield record
    print("writing", flush=True)
    time.sleep(60)
    yield record
il.dump_lines(records(), sys.argv[1])
"""


def killed_while_writing(path: pathlib.Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    ) as writer:
        assert writer.stdout is not None
        assert "writing\n" == writer.stdout.readline()
        writer.send_signal(signal.SIGKILL)
        writer.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and file locks are POSIX")
def test_a_killed_write_leaves_a_recognisable_file_that_the_next_write_removes(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "records.jsonl"
    for _ in range(3):
        killed_while_writing(path)
    other = tmp_path / "other.jsonl"
    killed_while_writing(other)

    left = leftovers(tmp_path)
    assert 2 == len(left)
    assert all(name.endswith(TEMPORARY_SUFFIX) for name in left)
    assert any(name.startswith(".records.jsonl.") for name in left)

    il.dump_lines([seed], path)

    # The next write to the same file cleans up after it; another file's is not its business.
    assert [name for name in left if name.startswith(".other.jsonl.")] == leftovers(tmp_path)
    assert [seed] == list(il.load_lines(path))


@pytest.mark.skipif(sys.platform == "win32", reason="file locks are POSIX")
def test_a_write_in_progress_keeps_its_temporary_file_while_another_write_finishes(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "records.jsonl"
    started, go_on = threading.Event(), threading.Event()

    def slow() -> Iterator[il.Record]:
        yield rich
        started.set()
        go_on.wait(10)
        yield rich

    first = threading.Thread(target=lambda: il.dump_lines(slow(), path))
    first.start()
    started.wait(10)
    il.dump_lines([seed], path)
    assert [seed] == list(il.load_lines(path))
    go_on.set()
    first.join(10)

    assert [rich, rich] == list(il.load_lines(path))
    assert [] == leftovers(tmp_path)


# -- reading stops at the limit ------------------------------------------------------------------


class Endless(io.RawIOBase):
    """A stream of *size* bytes of ``x`` and then *tail*, made as they are read; it records
    the largest single read."""

    def __init__(self, size: int, tail: bytes = b"") -> None:
        self.left = size
        self.tail = tail
        self.largest = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.left)
        if count:
            buffer[:count] = b"x" * count
            self.left -= count
            self.largest = max(self.largest, count)
            return count
        count = min(len(buffer), len(self.tail))
        buffer[:count], self.tail = self.tail[:count], self.tail[count:]
        return count


def test_load_stops_reading_at_the_size_limit() -> None:
    stream = Endless(10**12)

    with pytest.raises(il.ValidationError) as caught:
        il.load(stream, limits=il.format.Limits(max_bytes=5_000))  # type: ignore[call-overload]

    assert [("$", "the document goes on past the limit of 5,000 bytes (Limits.max_bytes)")] == [
        (problem.path, problem.message) for problem in caught.value.problems
    ]
    assert stream.left > 10**12 - 10_000


def test_a_json_lines_line_longer_than_the_limit_is_read_past_in_bounded_memory() -> None:
    stream = io.BufferedReader(Endless(200 * 2**20, b"\n" + LINE + b"\n"))
    errors: list[il.ValidationError] = []
    limits = il.format.Limits(max_bytes=2**20)

    tracemalloc.start()
    try:
        records = list(il.load_lines(stream, errors=errors, limits=limits))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert 1 == len(records)
    assert [(1, "$", "the line goes on past the limit of 1,048,576 bytes (Limits.max_bytes)")] == [
        (p.line, p.path, p.message) for error in errors for p in error.problems
    ]
    assert peak < 8 * 2**20  # a 200 MiB line, read with a few MiB at a time


def test_a_json_lines_line_longer_than_the_limit_in_a_text_stream_is_refused() -> None:
    text = "x" * 50_000 + "\n" + LINE.decode() + "\n"
    errors: list[il.ValidationError] = []
    limits = il.format.Limits(max_bytes=len(LINE) + 10)

    records = list(il.load_lines(io.StringIO(text), errors=errors, limits=limits))

    assert 1 == len(records)
    assert [1] == [problem.line for error in errors for problem in error.problems]


def test_the_command_line_reads_standard_input_no_further_than_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = il.format.Limits(max_bytes=5_000)
    monkeypatch.setattr("inspectlib._cli.DEFAULT_LIMITS", small)
    monkeypatch.setattr("inspectlib._documents.DEFAULT_LIMITS", small)
    stream = Endless(10**12)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(stream)))

    assert 1 == main(["validate", "-"])

    assert "goes on past the limit of 5,000 bytes" in capsys.readouterr().out
    assert stream.left > 10**12 - 10 * 2**20


# -- extensions: a budget of values ------------------------------------------------------------


def test_extensions_holding_more_values_than_the_budget_are_refused_naming_the_limit() -> None:
    document = json.loads(SMALL.read_text())
    document["extensions"] = {"x:many": [{}] * 6, "x:more": {"a": [[], []]}}
    limits = il.format.Limits(max_extension_values=9)

    with pytest.raises(il.ValidationError) as caught:
        il.loads(json.dumps(document), limits=limits)

    assert [
        ("$.extensions.x:more.a", "more than 9 values in all (Limits.max_extension_values)")
    ] == [(problem.path, problem.message) for problem in caught.value.problems]
    document["extensions"]["x:more"] = {"a": []}
    assert il.loads(json.dumps(document), limits=limits)


# -- the command line goes on past what it cannot read -----------------------------------------


def test_validate_reports_a_directory_as_one_failed_path_and_goes_on(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(SMALL.read_bytes())
    folder = tmp_path / "folder"
    folder.mkdir()

    assert 1 == main(["validate", str(folder), str(good)])

    printed = capsys.readouterr()
    assert f"{folder}: cannot be read: Is a directory\n2 documents checked, 1 invalid\n" == (
        printed.err
    )
    assert "" == printed.out
