"""Loading, validating and writing from several threads at once gives exactly the serial results.

Each test works out every answer serially first, then asks for all of them again, shuffled and
repeated, from eight threads; the interpreter switches threads as often as it can meanwhile, so
that unsafe sharing (a converter half built, a cache half filled) shows.
"""

from __future__ import annotations

import functools
import io
import pathlib
import random
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, TypeVar

import attrs
import pytest

import inspectlib as il
import strategies

T = TypeVar("T")
THREADS = 8
CORPUS = pathlib.Path(__file__).parent / "corpus"
VALID = [path.read_bytes() for path in sorted((CORPUS / "valid").glob("*.json"))]
INVALID = [path.read_bytes() for path in sorted((CORPUS / "invalid").glob("*.json"))]
MUTATED = [
    strategies.mutate(VALID[index % len(VALID)], random.Random(index), rounds=2)
    for index in range(40)
]
DOCUMENTS = VALID + INVALID + MUTATED


@pytest.fixture(autouse=True)
def switch_threads_often() -> Iterator[None]:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def outcome(data: bytes, catalogue: il.catalogue.Catalogue | None = None) -> tuple[str, Any]:
    """What loading *data* gave: the record, or the error's type and problems."""
    try:
        return ("loaded", il.loads(data, catalogue=catalogue))
    except il.ValidationError as error:
        return (type(error).__name__, (error.subject, error.problems))


def in_threads(tasks: Sequence[Callable[[], T]], repeat: int = 10) -> list[tuple[int, T]]:
    """Run every task *repeat* times, shuffled, on eight threads that start together."""
    order = [index for index in range(len(tasks)) for _ in range(repeat)]
    random.Random(0).shuffle(order)
    start = threading.Barrier(THREADS)

    def run(index: int) -> tuple[int, T]:
        return index, tasks[index]()

    def first(index: int) -> tuple[int, T]:
        start.wait()
        return run(index)

    with ThreadPoolExecutor(THREADS) as pool:
        firsts = [pool.submit(first, index) for index in order[:THREADS]]
        rest = list(pool.map(run, order[THREADS:]))
    return [future.result() for future in firsts] + rest


def test_the_documents_are_valid_and_invalid_alike() -> None:
    results = [outcome(data) for data in DOCUMENTS]

    assert {"loaded", "ValidationError", "FormatVersionError"} <= {kind for kind, _ in results}


def test_loading_from_eight_threads_gives_the_serial_results() -> None:
    tasks = [functools.partial(outcome, data) for data in DOCUMENTS]
    serial = [task() for task in tasks]

    for index, result in in_threads(tasks):
        assert serial[index] == result, DOCUMENTS[index][:200]


def test_a_new_catalogue_builds_its_converters_safely_under_contention() -> None:
    # A custom catalogue builds its converters lazily, on first use: here, eight threads at once.
    own = il.GradingScale(id="test/audit", name="Audit", labels=("Substantial", "Limited"))
    documents = [*DOCUMENTS, *VALID]
    serial_catalogue = il.catalogue.BUILTIN.with_scales(own)
    serial = [outcome(data, serial_catalogue) for data in documents]

    for _ in range(5):
        catalogue = il.catalogue.BUILTIN.with_scales(own)
        tasks = [functools.partial(outcome, data, catalogue) for data in documents]

        for index, result in in_threads(tasks, repeat=2):
            assert serial[index] == result


def test_validating_from_eight_threads_gives_the_serial_results(rich: il.Inspection) -> None:
    areas = list(rich.graded_areas)
    broken = [
        attrs.evolve(rich, graded_areas=[*areas, areas[0]]),
        attrs.evolve(rich, framework="hmicfrs/ncpi/2024"),
        attrs.evolve(rich, framework="no/such/framework"),
        attrs.evolve(rich, scales=()),
    ]
    records = [rich, *broken]
    tasks = [functools.partial(il.check, record) for record in records]
    serial = [task() for task in tasks]

    assert () == serial[0]
    assert all(serial[1:])
    for index, result in in_threads(tasks, repeat=25):
        assert serial[index] == result


def test_dumping_from_eight_threads_gives_the_same_bytes(
    seed: il.Inspection, rich: il.Inspection
) -> None:
    records: list[il.Record] = [
        seed,
        rich,
        *strategies.BUILTIN_SCALES,
        *strategies.BUILTIN_FRAMEWORKS,
    ]
    tasks = [functools.partial(il.dumps, record) for record in records]
    serial = [task() for task in tasks]

    for index, result in in_threads(tasks, repeat=5):
        assert serial[index] == result


def test_reading_one_json_lines_file_from_eight_threads(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [data.replace(b"\n", b"") for data in VALID + INVALID]
    path.write_bytes(b"\n".join(lines) + b"\n")

    def read() -> tuple[list[Any], list[Any]]:
        errors: list[il.ValidationError] = []
        records = list(il.load_lines(path, errors=errors))
        return records, [(e.subject, e.problems) for e in errors]

    serial = read()

    assert len(lines) == len(serial[0]) + len(serial[1])
    for _, result in in_threads([read], repeat=16):
        assert serial == result


def test_worker_processes_send_back_what_they_load() -> None:
    with ProcessPoolExecutor(2) as pool:
        loaded = list(pool.map(il.loads, VALID))

    assert [il.loads(data) for data in VALID] == loaded


def test_each_json_lines_record_is_one_write_so_threads_never_interleave_lines(
    seed: il.Inspection,
) -> None:
    # dump_lines writes one line per write(); a stream shared by threads gets whole lines.
    stream = io.BytesIO()
    lock = threading.Lock()

    class Locked(io.BytesIO):
        def write(self, data: Any) -> int:
            with lock:
                return stream.write(data)

    target = Locked()
    tasks = [lambda: il.dump_lines([seed] * 5, target)]
    in_threads(tasks, repeat=16)

    assert [seed] * 80 == list(il.load_lines(io.BytesIO(stream.getvalue())))
