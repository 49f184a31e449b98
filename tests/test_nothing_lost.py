"""Nothing is lost: not by an interrupted write, not by an append, not by one bad line.

- ``dump`` and ``dump_lines`` to a path write a temporary file and rename it over the target,
  so the target holds the old document or the new one, never half of one;
- appending JSON Lines adds whole lines after the ones there, and never spoils them;
- reading JSON Lines with ``errors=[]`` yields every good record and collects every bad line,
  so that good + bad is every line that is not blank.
"""

from __future__ import annotations

import errno
import io
import os
import pathlib
import random
import stat
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
import strategies
from inspectlib._cli import main

PROPERTY = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SMALL = pathlib.Path(__file__).parent / "corpus" / "valid" / "small-inspection.json"
LINE = SMALL.read_bytes().replace(b"\n", b"")


class Interrupted(Exception):
    """Stands for whatever stops a write half way: a crash, a signal, a full disk."""


def interrupted_after(records: list[il.Record], count: int) -> Iterator[il.Record]:
    yield from records[:count]
    raise Interrupted


def leftovers(directory: pathlib.Path, *expected: pathlib.Path) -> list[str]:
    """Files in *directory* other than *expected*: a temporary file left behind shows here."""
    return sorted(path.name for path in directory.iterdir() if path not in expected)


# -- atomic writes to a path -------------------------------------------------------------------


@pytest.mark.parametrize("written", [0, 1, 3])
def test_an_interrupted_dump_lines_leaves_the_file_as_it_was(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path, written: int
) -> None:
    path = tmp_path / "records.jsonl"
    il.dump_lines([seed], path)
    before = path.read_bytes()

    with pytest.raises(Interrupted):
        il.dump_lines(interrupted_after([rich, rich, rich], written), path)

    assert before == path.read_bytes()
    assert [] == leftovers(tmp_path, path)


def test_an_interrupted_dump_lines_creates_no_file(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    with pytest.raises(Interrupted):
        il.dump_lines(interrupted_after([seed, seed], 1), tmp_path / "new.jsonl")

    assert [] == leftovers(tmp_path)


def test_a_dump_that_cannot_encode_leaves_the_file_as_it_was(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "seed.json"
    il.dump(seed, path)
    before = path.read_bytes()
    unwritable = attrs.evolve(seed, extensions={"x:big": 2**64})

    with pytest.raises((TypeError, il.ValidationError)):  # today TypeError; see test_hostile_input
        il.dump(unwritable, path)

    assert before == path.read_bytes()
    assert [] == leftovers(tmp_path, path)


class FailingStream(io.FileIO):
    """A file that fills up after *room* bytes, as a full disk does."""

    room = 100

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def test_a_full_disk_leaves_the_file_as_it_was(
    seed: il.Inspection,
    rich: il.Inspection,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "seed.json"
    il.dump(seed, path)
    before = path.read_bytes()
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FailingStream(fd, "wb"))

    for write in (lambda: il.dump(rich, path), lambda: il.dump_lines([rich, rich], path)):
        with pytest.raises(OSError, match="No space left on device"):
            write()

        assert before == path.read_bytes()
        assert [] == leftovers(tmp_path, path)


def test_a_failed_rename_leaves_the_file_as_it_was_and_no_temporary_file(
    seed: il.Inspection,
    rich: il.Inspection,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "seed.json"
    il.dump(seed, path)
    before = path.read_bytes()

    def refuse(source: Any, target: Any) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="Permission denied"):
        il.dump(rich, path)

    assert before == path.read_bytes()
    assert [] == leftovers(tmp_path, path)


def test_a_dump_to_a_path_is_flushed_to_disk_before_the_rename(
    seed: il.Inspection, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(source: Any, target: Any) -> None:
        events.append("replace")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    il.dump(seed, tmp_path / "seed.json")

    assert "fsync" in events
    assert events.index("fsync") < events.index("replace")


def test_a_dump_keeps_the_permissions_a_plain_write_would_give(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    new, shared = tmp_path / "new.json", tmp_path / "shared.json"
    shared.write_text("{}")
    shared.chmod(0o664)

    il.dump(seed, new)
    il.dump(seed, shared)

    assert (0o666 & ~umask, 0o664) == (
        stat.S_IMODE(new.stat().st_mode),
        stat.S_IMODE(shared.stat().st_mode),
    )


def test_a_dump_through_a_symbolic_link_writes_the_file_it_points_to(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("{}")
    link.symlink_to(target)

    il.dump(seed, link)

    assert (True, seed) == (link.is_symlink(), il.load(target))


def test_rewriting_a_json_lines_file_in_place_loses_nothing(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "records.jsonl"
    il.dump_lines([seed, rich] * 50, path)

    # Reading from the file while it is being replaced works: the reader keeps the old file.
    assert 100 == il.dump_lines(il.load_lines(path), path)
    assert [seed, rich] * 50 == list(il.load_lines(path))


# -- JSON Lines append -----------------------------------------------------------------------


@PROPERTY
@given(batches=st.lists(st.lists(st.sampled_from([0, 1, 2]), max_size=4), min_size=1, max_size=4))
def test_appending_never_changes_the_lines_already_there(
    seed: il.Inspection,
    rich: il.Inspection,
    tmp_path: pathlib.Path,
    batches: list[list[int]],
) -> None:
    choices: list[il.Record] = [seed, rich, strategies.BUILTIN_SCALES[0]]
    path = tmp_path / "log.jsonl"
    path.unlink(missing_ok=True)
    expected: list[il.Record] = []

    for batch in batches:
        before = path.read_bytes() if path.exists() else b""
        records = [choices[index] for index in batch]
        assert len(records) == il.dump_lines(records, path, append=True)
        expected.extend(records)

        assert path.read_bytes().startswith(before)
        assert expected == list(il.load_lines(path))


def test_an_interrupted_append_keeps_every_line_written(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "log.jsonl"
    il.dump_lines([seed], path, append=True)

    with pytest.raises(Interrupted):
        il.dump_lines(interrupted_after([rich, rich, rich], 2), path, append=True)
    il.dump_lines([seed], path, append=True)

    assert [seed, rich, rich, seed] == list(il.load_lines(path))


@pytest.mark.parametrize(
    ("tail", "good_before"),
    [
        pytest.param(LINE, 2, id="last-line-without-newline"),
        pytest.param(LINE[:40], 1, id="last-line-cut-short"),
    ],
)
def test_an_append_starts_on_a_line_of_its_own(
    seed: il.Inspection, tmp_path: pathlib.Path, tail: bytes, good_before: int
) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(LINE + b"\n" + tail)
    errors: list[il.ValidationError] = []

    il.dump_lines([seed], path, append=True)
    records = list(il.load_lines(path, errors=errors))

    assert (good_before + 1, 2 - good_before) == (len(records), len(errors))
    assert seed == records[-1]


# -- JSON Lines with bad lines ---------------------------------------------------------------


def test_a_bad_line_raises_with_its_number_by_default(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "three.jsonl"
    path.write_bytes(
        LINE + b"\n" + LINE.replace(b'"A small', b'"kind": 1, "A small') + b"\n" + LINE
    )
    records = il.load_lines(path)

    next(records)
    with pytest.raises(il.ValidationError) as caught:
        next(records)

    assert [(2, "$")] == [(problem.line, problem.path) for problem in caught.value.problems]
    assert str(caught.value).startswith(f"{path} is invalid: 1 problem\n  line 2: $: invalid JSON")


def lines_of(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n") if line.strip()]


def alone(line: bytes) -> il.Record | None:
    """The record *line* holds when loaded on its own, or None if it is invalid."""
    try:
        return il.loads(line)
    except il.ValidationError:
        return None


@PROPERTY
@given(
    st.lists(
        st.one_of(
            st.just(LINE),
            st.just(b""),
            st.just(b"  \t"),
            strategies.mutated_documents().map(lambda data: data.replace(b"\n", b" ")),
        ),
        max_size=8,
    )
)
def test_collecting_errors_accounts_for_every_line(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    errors: list[il.ValidationError] = []

    records = list(il.load_lines(io.BytesIO(data), errors=errors))

    numbered = [
        (number, line) for number, line in enumerate(data.split(b"\n"), start=1) if line.strip()
    ]
    assert len(numbered) == len(records) + len(errors)
    assert [alone(line) for _, line in numbered if alone(line) is not None] == records
    assert [number for number, line in numbered if alone(line) is None] == [
        error.problems[0].line for error in errors
    ]
    assert all(
        problem.line == error.problems[0].line for error in errors for problem in error.problems
    )


def test_an_undecodable_line_in_a_text_stream_spoils_only_that_line(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(LINE + b"\n" + LINE.replace(b"A small", b"A \xff small") + b"\n" + LINE)
    errors: list[il.ValidationError] = []

    with path.open(encoding="utf-8") as stream:
        records = list(il.load_lines(stream, errors=errors))

    assert (2, [2]) == (len(records), [error.problems[0].line for error in errors])


def test_the_command_line_reports_every_bad_line_and_counts_every_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(7)
    lines = [LINE, b"[]", LINE, b"{", LINE, LINE.replace(b"2024-12-13", b"2024-13-13")]
    rng.shuffle(lines)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    assert 1 == main(["validate", str(path)])

    out, err = capsys.readouterr()
    bad = [n for n, line in enumerate(lines, start=1) if alone(line) is None]
    assert bad == sorted({int(row.split(":")[1]) for row in out.splitlines()})
    summary, skipped = err.splitlines()
    assert "6 documents checked, 3 invalid" == summary
    # The bad lines cannot be read into records: what was not checked in them is said, once.
    assert (
        "18 checks not run on 3 documents until the problems shown are fixed "
        "(--verbose names them)" == skipped
    )
