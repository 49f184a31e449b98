"""inspectlib's performance benchmark: every path users take, beside pydantic v2 and msgspec.

    python benchmarks/run.py --quick     # every section at small sizes: about 3 minutes
    python benchmarks/run.py             # N = 1k, 10k, 100k, importers at a tenth: about 30 min
    python benchmarks/run.py --full      # the targets' sizes: about 90 minutes on 2 quiet cores
    python benchmarks/run.py --sizes 1000 --repeats 5 --output /tmp/results   # a quick look

``--full`` times the scenarios up to N = 1,000,000 (about 50 minutes; the 2.9 GB corpus is
made first if missing, a few minutes more), then runs the companions at the sizes their
targets name: the food hygiene import of 500,000 establishments (``fhrs.py``, about 12
minutes), the Ofsted import of 100,000 rows of each shape (``import_ofsted.py``, about 8) and
1,000,000 records written as a Parquet dataset (``parquet.py``, about 15). Each companion
runs as a child process with a time limit (``COMPANION_TIMEOUT``), so the run ends however
they behave.

One process, one run. In order:

1. The rejection check: every contender must reject every invalid record of
   ``corpus.INVALID`` (and accept the valid corpus, and encode it to the same bytes), or the run
   stops before timing anything: nobody is timed doing less work.
2. The scenarios, each a row of the report with pydantic v2 (same schema and checks, see
   ``peers.py``) beside inspectlib, and msgspec beside them, timed round by round against the
   scenario's floor in the same round (``SCENARIOS`` says what each times):
   stream decode (records discarded), ``loads`` of single documents, bulk decode keeping every
   record with the garbage collector on, the collector-free bulk load, ``dumps`` of single
   records, and ``dump_lines`` of a stream.
3. Memory: each decoder streams the largest file in a child process of this run
   (``stream.py``, collector on as Python starts it); peak RSS (VmHWM) beside the RSS after
   start-up. And Python memory per record kept (tracemalloc).
4. The companions (``fhrs.py``, ``import_ofsted.py``, ``parquet.py``), each run as a child
   process; their figures are read from the JSON each writes.
5. The targets table: each target with its measured value and a verdict.

Timed loops run with the cyclic garbage collector off (collected before each loop and restored
after), except where a scenario says otherwise. Figures are medians over the rounds; ratios are
taken round by round against the floor measured in the same round, then the median is reported.

It writes ``latest.json`` and ``latest.md`` to ``--output`` (``benchmarks/results/``), and the
companions' own reports beside them. Exit status: 0 when every section ran (whether or not its
targets are met), 1 when a child process (a companion, or a streaming memory measurement)
failed or ran out of time (the report says which), 2 when the rejection check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gc
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import orjson  # noqa: E402
import peers  # noqa: E402
import report  # noqa: E402
from report import MSGSPEC, OURS, PEER  # noqa: E402

import corpus  # noqa: E402
import inspectlib as il  # noqa: E402

QUICK_SIZES = (1_000, 5_000)
DEFAULT_SIZES = (1_000, 10_000, 100_000)
FULL_SIZES = (*DEFAULT_SIZES, 1_000_000)
POOL = 10_000  # single documents and encoding cycle through at most this many records in memory
BULK_MAX = 100_000  # the bulk loads keep every record: 100,000 pydantic models take ~2.8 GB


# --- stream decode contenders -----------------------------------------------------------------
# A decoder takes the path of a JSON Lines file and returns how many records it decoded.


def _lines(path: Path) -> Iterable[bytes]:
    with path.open("rb") as stream:
        yield from stream


def decode_floor(path: Path) -> int:
    loads = orjson.loads
    count = 0
    for line in _lines(path):
        loads(line)
        count += 1
    return count


def decode_json(path: Path) -> int:
    loads = json.loads
    count = 0
    for line in _lines(path):
        loads(line)
        count += 1
    return count


def decode_inspectlib(path: Path) -> int:
    count = 0
    for _ in il.load_lines(path, il.Inspection):
        count += 1
    return count


def _peer_decoder(decode: Callable[..., Any], check: bool) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        count = 0
        for line in _lines(path):
            decode(line, check)
            count += 1
        return count

    return run


FLOOR = "orjson.loads (floor)"
DECODERS: dict[str, Callable[[Path], int]] = {
    FLOOR: decode_floor,
    "json.loads (stdlib)": decode_json,
    OURS: decode_inspectlib,
    MSGSPEC: _peer_decoder(peers.decode_msgspec, True),
    "msgspec Structs, no cross-field check": _peer_decoder(peers.decode_msgspec, False),
    PEER: _peer_decoder(peers.decode_pydantic, True),
    "pydantic v2, no cross-field check": _peer_decoder(peers.decode_pydantic, False),
}
GC_ON = "inspectlib (gc on)"
# What runs at sizes above --large-above: the floor, the targets, the peers with the same checks.
LARGE_DECODERS = (FLOOR, "json.loads (stdlib)", OURS, MSGSPEC, PEER)


# --- the other scenarios' contenders ----------------------------------------------------------
# Each is a function of no argument doing the whole job for N records, made by the scenario's
# builder from what was prepared before timing.


def _each(function: Callable[[Any], Any], items: list[Any], size: int) -> Callable[[], None]:
    """Call *function* on *size* items, cycling through *items*: the same loop for everyone."""
    passes, rest = divmod(size, len(items))
    tail = items[:rest]

    def run() -> None:
        for _ in range(passes):
            for item in items:
                function(item)
        for item in tail:
            function(item)

    return run


def _kept(decode: Callable[[bytes], Any], path: Path) -> Callable[[], list[Any]]:
    """Every line of *path* decoded and kept in a list."""

    def run() -> list[Any]:
        with path.open("rb") as stream:
            return [decode(line) for line in stream]

    return run


def _kept_inspectlib(path: Path) -> Callable[[], list[Any]]:
    """What ``records = list(load_lines(path, Inspection))`` does."""
    return lambda: list(il.load_lines(path, il.Inspection))


BULK_WAY = (
    "inspectlib inside `with collector_paused():`, the peers and the floor by `gc.disable()` "
    "around the list's build, the collector restored after"
)


def _gc_disabled(load: Callable[[], list[Any]]) -> Callable[[], list[Any]]:
    """*load* with the collector off, switched back on after if it was on."""

    def run() -> list[Any]:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return load()
        finally:
            if enabled:
                gc.enable()

    return run


def _paused(load: Callable[[], list[Any]]) -> Callable[[], list[Any]]:
    """*load* inside inspectlib's ``collector_paused()``, its way to load in bulk."""

    def run() -> list[Any]:
        with il.collector_paused():
            return load()

    return run


def encode_floor(dicts: list[dict[str, Any]], sink: io.BufferedWriter) -> None:
    dumps, write = orjson.dumps, sink.write
    for d in dicts:
        write(dumps(d) + b"\n")


def encode_inspectlib(records: list[il.Inspection], sink: io.BufferedWriter) -> None:
    il.dump_lines(records, sink)


def encode_msgspec(docs: list[peers.MInspection], sink: io.BufferedWriter) -> None:
    encode, write = peers.encode_msgspec, sink.write
    for doc in docs:
        write(encode(doc) + b"\n")


def encode_pydantic(docs: list[peers.PInspection], sink: io.BufferedWriter) -> None:
    encode, write = peers.encode_pydantic, sink.write
    for doc in docs:
        write(encode(doc) + b"\n")


def dumps_pydantic(doc: peers.PInspection) -> str:
    """pydantic's own call for one record as JSON text, as ``inspectlib.dumps`` gives text."""
    return doc.model_dump_json(exclude_defaults=True)


ENCODE_FLOOR = "orjson.dumps of plain dicts (floor)"
KEPT_FLOOR = "orjson.loads, dicts kept (floor)"
STREAM_ENCODERS: dict[str, Callable[..., None]] = {
    ENCODE_FLOOR: encode_floor,
    OURS: encode_inspectlib,
    MSGSPEC: encode_msgspec,
    PEER: encode_pydantic,
}


@dataclass
class Prepared:
    """What the scenarios use, made before their timing: the corpus files, and a pool of
    records (the first POOL lines of the largest file, decoded by each contender), made when
    first asked for, so that the bulk loads run before it exists: with the collector on, every
    object alive is walked by each full collection, and a user's bulk load has no such pool."""

    paths: dict[int, Path]

    @functools.cached_property
    def lines(self) -> list[bytes]:
        return _read_lines(self.paths[max(self.paths)], min(max(self.paths), POOL))

    @functools.cached_property
    def objects(self) -> dict[str, list[Any]]:
        """Each contender's decoded pool; the floor's are the plain dicts of to_dict."""
        records = [il.loads(line, il.Inspection) for line in self.lines]
        return {
            ENCODE_FLOOR: [il.to_dict(record) for record in records],
            OURS: records,
            MSGSPEC: [peers.decode_msgspec(line) for line in self.lines],
            PEER: [peers.decode_pydantic(line) for line in self.lines],
        }

    def pool(self, name: str, size: int) -> list[Any]:
        return self.objects[name][:size]


def _loads_contenders(prepared: Prepared, size: int) -> dict[str, Callable[[], Any]]:
    documents = prepared.lines[:size]
    ours = il.loads
    kind = il.Inspection
    return {
        FLOOR: _each(orjson.loads, documents, size),
        OURS: _each(lambda document: ours(document, kind), documents, size),
        MSGSPEC: _each(peers.decode_msgspec, documents, size),
        PEER: _each(peers.decode_pydantic, documents, size),
    }


def _bulk_contenders(prepared: Prepared, size: int) -> dict[str, Callable[[], Any]]:
    path = prepared.paths[size]
    return {
        KEPT_FLOOR: _kept(orjson.loads, path),
        OURS: _kept_inspectlib(path),
        MSGSPEC: _kept(peers.decode_msgspec, path),
        PEER: _kept(peers.decode_pydantic, path),
    }


def _collector_free_contenders(prepared: Prepared, size: int) -> dict[str, Callable[[], Any]]:
    return {
        name: (_paused if name == OURS else _gc_disabled)(load)
        for name, load in _bulk_contenders(prepared, size).items()
    }


def _dumps_contenders(prepared: Prepared, size: int) -> dict[str, Callable[[], Any]]:
    return {
        ENCODE_FLOOR: _each(orjson.dumps, prepared.pool(ENCODE_FLOOR, size), size),
        OURS: _each(il.dumps, prepared.pool(OURS, size), size),
        MSGSPEC: _each(peers.encode_msgspec, prepared.pool(MSGSPEC, size), size),
        PEER: _each(dumps_pydantic, prepared.pool(PEER, size), size),
    }


def _dump_lines_contenders(
    prepared: Prepared, size: int, sink: io.BufferedWriter
) -> dict[str, Callable[[], Any]]:
    def writer(name: str) -> Callable[[], None]:
        items, encode = prepared.pool(name, size), STREAM_ENCODERS[name]
        passes, rest = divmod(size, len(items))
        tail = items[:rest]

        def run() -> None:
            for _ in range(passes):
                encode(items, sink)
            if tail:
                encode(tail, sink)
            sink.flush()

        return run

    return {name: writer(name) for name in STREAM_ENCODERS}


@dataclass(frozen=True)
class Scenario:
    """One path a user takes, timed for inspectlib, its peers and its floor."""

    key: str
    title: str
    what: str  # what is timed, for the report
    floor: str
    collect: bool  # the garbage collector on in the timed loop
    largest: str  # which sizes: "all", "pool" (<= --large-above), "bulk" (<= BULK_MAX)


SCENARIOS = (
    Scenario(
        "stream_decode",
        "stream decode (records discarded)",
        "`for record in load_lines(path, Inspection)`, each record dropped as the next comes; "
        "the peers decode each line of the same file and run the same cross-field rules",
        FLOOR,
        False,
        "all",
    ),
    Scenario(
        "loads",
        "`loads` of single documents",
        "`loads(document, Inspection)` once per document, one JSON document (bytes) a call, "
        "cycling through the first 10,000 records held in memory; the peers' own one-document "
        "call (`model_validate_json`, `msgspec.json.Decoder.decode`) and the cross-field rules",
        FLOOR,
        False,
        "pool",
    ),
    Scenario(
        "bulk_gc_on",
        "bulk decode, every record kept, collector on",
        "`records = list(load_lines(path, Inspection))` with the garbage collector on, as "
        "Python starts; the peers keep their objects in a list the same way; the floor keeps "
        "orjson's dicts",
        KEPT_FLOOR,
        True,
        "bulk",
    ),
    Scenario(
        "bulk_gc_free",
        "bulk decode, every record kept, collector-free",
        f"the same bulk load, without the collector: {BULK_WAY}",
        KEPT_FLOOR,
        True,
        "bulk",
    ),
    Scenario(
        "dumps",
        "encode of single records (`dumps`)",
        "`dumps(record)` once per record, JSON text back, cycling through the first 10,000 "
        "records decoded before timing; pydantic's `model_dump_json(exclude_defaults=True)`, "
        "msgspec's `json.Encoder.encode`; the floor is `orjson.dumps` of the plain dicts "
        "`to_dict` gives",
        ENCODE_FLOOR,
        False,
        "pool",
    ),
    Scenario(
        "dump_lines",
        "encode of a stream (`dump_lines`)",
        "`dump_lines(records, sink)` to /dev/null, one line a record, cycling through the same "
        "pool; the peers and the floor write each encoded line and a newline to the same sink",
        ENCODE_FLOOR,
        False,
        "pool",
    ),
)


# --- timing -----------------------------------------------------------------------------------


def _timed(function: Callable[..., Any], *args: Any, collect: bool = False) -> float:
    """Seconds *function* takes, with the garbage collector off (on with *collect*).

    What it returns is kept until the clock is read and dropped after, so that freeing a bulk
    load's records is not timed.
    """
    gc.collect()
    enabled = gc.isenabled()
    if collect:
        gc.enable()
    else:
        gc.disable()
    try:
        start = time.perf_counter()
        result = function(*args)
        seconds = time.perf_counter() - start
    finally:
        if enabled:
            gc.enable()
        else:
            gc.disable()
    del result
    return seconds


def _summary(per_round: list[float], floors: list[float]) -> dict[str, Any]:
    ratios = [value / floor for value, floor in zip(per_round, floors, strict=True)]
    return {
        "us_per_record": statistics.median(per_round),
        "ratio": statistics.median(ratios),
        "rounds_us": [round(value, 3) for value in per_round],
        "min_us": min(per_round),
    }


def _versus(rounds: dict[str, list[float]]) -> dict[str, float]:
    """inspectlib's time over each peer's, round by round, and the median: below 1 is ahead."""
    return {
        peer: statistics.median(
            ours / theirs for ours, theirs in zip(rounds[OURS], rounds[peer], strict=True)
        )
        for peer in (PEER, MSGSPEC)
        if peer in rounds and OURS in rounds
    }


def time_rounds(
    label: str,
    floor: str,
    contenders: dict[str, Callable[[], Any]],
    size: int,
    repeats: int,
    collect: dict[str, bool],
) -> dict[str, Any]:
    """Each round times the floor first, then every contender; medians over the rounds."""
    order = [floor, *[name for name in contenders if name != floor]]
    rounds: dict[str, list[float]] = {name: [] for name in order}
    for round_number in range(repeats):
        for name in order:
            seconds = _timed(contenders[name], collect=collect.get(name, False))
            rounds[name].append(seconds / size * 1e6)
        _progress(
            f"  {label} N={size:,} round {round_number + 1}/{repeats}: "
            + ", ".join(f"{n.split(' ')[0].rstrip(',')}={rounds[n][-1]:.1f}" for n in order)
        )
    return {
        "contenders": {name: _summary(rounds[name], rounds[floor]) for name in order},
        "versus": _versus(rounds),
    }


def time_stream_decode(
    path: Path, size: int, names: list[str], repeats: int, gc_on: bool
) -> dict[str, Any]:
    contenders: dict[str, Callable[[], Any]] = {
        name: (lambda decode=DECODERS[name]: decode(path)) for name in names
    }
    collect = {}
    if gc_on:
        contenders[GC_ON] = lambda: decode_inspectlib(path)
        collect[GC_ON] = True
    return time_rounds("stream decode", FLOOR, contenders, size, repeats, collect)


def _read_lines(path: Path, count: int) -> list[bytes]:
    lines = []
    with path.open("rb") as stream:
        for line in stream:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == count:
                break
    return lines


def scenario_sizes(scenario: Scenario, sizes: list[int], large_above: int) -> list[int]:
    """The sizes a scenario is timed at; the smallest size always."""
    cap = {"all": max(sizes), "pool": large_above, "bulk": BULK_MAX}[scenario.largest]
    return [n for n in sizes if n <= max(cap, min(sizes))]


def time_scenarios(
    prepared: Prepared, sizes: list[int], repeats: int, large_above: int
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    builders: dict[str, Callable[[Prepared, int], dict[str, Callable[[], Any]]]] = {
        "loads": _loads_contenders,
        "bulk_gc_on": _bulk_contenders,
        "bulk_gc_free": _collector_free_contenders,
        "dumps": _dumps_contenders,
    }
    with open(os.devnull, "wb") as sink:
        builders["dump_lines"] = lambda prepared, n: _dump_lines_contenders(prepared, n, sink)
        for scenario in SCENARIOS:
            results[scenario.key] = {
                "title": scenario.title,
                "what": scenario.what,
                "floor": scenario.floor,
                "by_size": {},
            }
        # The scenarios that read the files first, before the pool is made (see Prepared).
        for scenario in sorted(SCENARIOS, key=lambda scenario: scenario.largest == "pool"):
            by_size = results[scenario.key]["by_size"]
            for n in scenario_sizes(scenario, sizes, large_above):
                _progress(f"{scenario.title}, N={n:,}")
                if scenario.key == "stream_decode":
                    names = list(DECODERS) if n <= large_above else list(LARGE_DECODERS)
                    figures = time_stream_decode(
                        prepared.paths[n], n, names, repeats, gc_on=n == max(sizes)
                    )
                else:
                    contenders = builders[scenario.key](prepared, n)
                    collect = dict.fromkeys(contenders, scenario.collect)
                    figures = time_rounds(
                        scenario.title, scenario.floor, contenders, n, repeats, collect
                    )
                by_size[str(n)] = figures
                gc.collect()
    return results


# --- memory -----------------------------------------------------------------------------------


STREAM_TIMEOUT = 30 * 60  # seconds for one child to stream the largest file (about 2 minutes)


def _child_memory(name: str, path: Path) -> dict[str, Any]:
    """Stream *path* with *name* in a child process (stream.py): RSS after start-up, and peak.

    A child that fails or runs out of time is recorded (``failed``), not raised: the report
    says so and the run goes on.
    """
    try:
        result = subprocess.run(
            [sys.executable, str(HERE / "stream.py"), name, str(path)],
            capture_output=True,
            text=True,
            timeout=STREAM_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"failed": f"ran out of time after {STREAM_TIMEOUT / 60:.0f} minutes"}
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"failed": f"exit status {result.returncode}: {tail}"}
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def retained_memory(lines: list[bytes]) -> dict[str, float]:
    """Bytes of Python memory per record when the decoded records are kept (tracemalloc).

    Each contender decodes the lines once, untraced, before: what a first pass leaves behind
    (caches of parsed values, interned text) is not the records' cost, and the figure does not
    depend on what this run did before.
    """
    makers: dict[str, Callable[[bytes], Any]] = {
        "plain dicts (orjson.loads)": orjson.loads,
        OURS: lambda line: il.loads(line, il.Inspection),
        MSGSPEC: peers.decode_msgspec,
        PEER: peers.decode_pydantic,
    }
    result = {}
    for name, make in makers.items():
        for line in lines:
            make(line)
        gc.collect()
        tracemalloc.start()
        kept = [make(line) for line in lines]
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result[name] = current / len(kept)
        del kept
    return result


# --- the companions: importers and the Parquet writer -----------------------------------------


@dataclass(frozen=True)
class Companion:
    """A benchmark script of its own, run as a child process; its figures read from its JSON."""

    key: str
    title: str
    script: str
    size_option: str  # the script's option for its size
    report: str  # the JSON file it writes to its --output


COMPANIONS = (
    Companion("fhrs", "Food hygiene import (FHRS XML)", "fhrs.py", "--size", "fhrs.json"),
    Companion(
        "ofsted",
        "Ofsted import (management information CSV)",
        "import_ofsted.py",
        "--rows",
        "import_ofsted.json",
    ),
    Companion("parquet", "JSON Lines to a Parquet dataset", "parquet.py", "--size", "parquet.json"),
)
# (size, repeats) per mode; --full gives the sizes the targets name.
COMPANION_SIZES = {
    "quick": {"fhrs": 2_000, "ofsted": 1_000, "parquet": 2_000},
    "default": {"fhrs": 50_000, "ofsted": 10_000, "parquet": 100_000},
    "full": {"fhrs": 500_000, "ofsted": 100_000, "parquet": 1_000_000},
}
COMPANION_REPEATS = 3
COMPANION_TIMEOUT = 60 * 60  # seconds, each; --full needs about a quarter of it on 2 cores


def run_companion(
    companion: Companion, size: int, repeats: int, data: Path, output: Path, timeout: float
) -> dict[str, Any]:
    """Run one companion into a scratch directory; on success its files join *output*.

    A failure or a timeout is recorded, not raised: the rest of the report is still written,
    and the companion's earlier files in *output* are left as they were.
    """
    command = [
        sys.executable,
        str(HERE / companion.script),
        companion.size_option,
        str(size),
        "--repeats",
        str(repeats),
        "--data",
        str(data),
    ]
    shown = (
        f"python benchmarks/{companion.script} {companion.size_option} {size} --repeats {repeats}"
    )
    found: dict[str, Any] = {
        "title": companion.title,
        "command": shown,
        "size": size,
        "repeats": repeats,
    }
    _progress(f"{companion.title}: {shown}")
    started = time.time()
    with tempfile.TemporaryDirectory(prefix=f"inspectlib-{companion.key}-") as scratch:
        try:
            result = subprocess.run(
                [*command, "--output", scratch],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            found["status"] = f"ran out of time after {timeout / 60:.0f} minutes"
            return found
        finally:
            found["seconds"] = time.time() - started
        if result.returncode != 0:
            tail = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
            found["status"] = f"failed (exit status {result.returncode}): {tail}"
            return found
        try:
            found["figures"] = json.loads((Path(scratch) / companion.report).read_text())
        except (OSError, ValueError) as error:
            found["status"] = f"wrote no readable {companion.report}: {error}"
            return found
        output.mkdir(parents=True, exist_ok=True)
        for written in Path(scratch).iterdir():
            shutil.copyfile(written, output / written.name)
    found["status"] = "ok"
    return found


# --- the rejection check ----------------------------------------------------------------------


def _inspectlib_decode_line(line: bytes) -> Any:
    return il.loads(line, il.Inspection)


CHECKED: dict[str, tuple[Callable[[bytes], Any], bool]] = {
    # name -> (decode one line, does it run the cross-field rules)
    "inspectlib": (_inspectlib_decode_line, True),
    "msgspec Structs": (peers.decode_msgspec, True),
    "msgspec Structs, no cross-field check": (lambda x: peers.decode_msgspec(x, False), False),
    "pydantic v2": (peers.decode_pydantic, True),
    "pydantic v2, no cross-field check": (lambda x: peers.decode_pydantic(x, False), False),
}


def _paths(name: str, error: BaseException) -> list[str]:
    if isinstance(error, il.ValidationError):
        return [problem.path for problem in error.problems]
    return peers.error_paths(error)


def rejection_check(path: Path) -> dict[str, Any]:
    """Every contender rejects every invalid record, and reads and writes the valid ones alike."""
    failures: list[str] = []
    invalid = corpus.invalid_documents()
    table: dict[str, dict[str, Any]] = {}
    for case, line in invalid.items():
        what, expected = corpus.INVALID[case]
        row: dict[str, Any] = {"what": what, "expected_path": expected}
        for name, (decode, cross) in CHECKED.items():
            if case.startswith("cross_") and not cross:
                row[name] = "n/a (no cross-field check)"
                continue
            try:
                decode(line)
            except Exception as error:
                paths = _paths(name, error)
                located = any(p == expected or p.startswith(expected + ".") for p in paths)
                row[name] = {"rejected": True, "paths": paths, "located": located}
                if name == "inspectlib" and expected not in paths:
                    failures.append(f"inspectlib rejected {case} but not at {expected}: {paths}")
            else:
                row[name] = {"rejected": False}
                failures.append(f"{name} ACCEPTED the invalid record {case!r} ({what})")
        table[case] = row

    # A document with several errors: inspectlib must report each, with its path.
    many = corpus.many_errors_document()
    reported: dict[str, list[str]] = {}
    for name, (decode, _) in CHECKED.items():
        try:
            decode(many)
        except Exception as error:
            reported[name] = _paths(name, error)
        else:
            reported[name] = []
            failures.append(f"{name} ACCEPTED the document with several errors")
    missing = [p for p in corpus.MANY_ERRORS_PATHS if p not in reported["inspectlib"]]
    if missing:
        failures.append(f"inspectlib did not report every error: missing {missing}")
    # The same through load_lines, with line numbers.
    errors: list[il.ValidationError] = []
    stream = io.BytesIO(b"\n".join([_read_lines(path, 1)[0], many, invalid["bad_enum"]]) + b"\n")
    kept = list(il.load_lines(stream, il.Inspection, errors=errors))
    lines_reported = sorted({p.line for e in errors for p in e.problems})
    if len(kept) != 1 or lines_reported != [2, 3]:
        failures.append(f"load_lines(errors=[...]) kept {len(kept)}, lines {lines_reported}")

    # The valid corpus: everybody accepts it and writes back the very same bytes.
    valid = _read_lines(path, 1000)
    detailed_calls = _count_detailed_passes(valid)
    for line in valid:
        record = il.loads(line, il.Inspection)
        written = {
            "inspectlib": il.dumps(record).encode(),
            "msgspec Structs": peers.encode_msgspec(peers.decode_msgspec(line)),
            "pydantic v2": peers.encode_pydantic(peers.decode_pydantic(line)),
            "orjson (to_dict)": orjson.dumps(il.to_dict(record)),
        }
        for name, data in written.items():
            if data != line:
                failures.append(f"{name} does not write the canonical bytes of a valid record")
                break
        else:
            continue
        break
    if failures:
        for failure in failures:
            print("REJECTION CHECK FAILED:", failure, file=sys.stderr)
        raise SystemExit(2)
    return {
        "checked": list(CHECKED),
        "invalid": table,
        "many_errors": {"expected": list(corpus.MANY_ERRORS_PATHS), "reported": reported},
        "valid_accepted_and_round_tripped": len(valid),
        "detailed_pass_calls_on_valid": detailed_calls,
    }


# Where the detailed (error-reporting) pass is, by inspectlib's version: (module, class or None,
# function). Private names: when none is found the report says "not measured", and its test fails.
DETAILED_PASS = (
    ("inspectlib._codec", "Codec", "_detailed"),
    ("inspectlib._documents", None, "_detailed_problems"),
)


def _count_detailed_passes(valid: list[bytes]) -> int | None:
    """How often decoding valid documents ran the detailed (error-reporting) pass: 0 is right."""
    for module_name, class_name, name in DETAILED_PASS:
        module = sys.modules.get(module_name)
        owner = getattr(module, class_name, None) if class_name else module
        original = getattr(owner, name, None)
        if original is not None:
            break
    else:
        return None
    calls = 0

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    setattr(owner, name, counting)
    try:
        for line in valid:
            il.loads(line, il.Inspection)
        with contextlib.suppress(il.ValidationError):
            il.loads(corpus.invalid_documents()["bad_enum"])
        sentinel = calls  # one call, for the invalid document: the counter works
    finally:
        setattr(owner, name, original)
    return sentinel - 1 if sentinel >= 1 else None


# --- the machine ----------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "versions": {
            name: _version(name)
            for name in (
                "inspectlib",
                "attrs",
                "cattrs",
                "orjson",
                "pydantic",
                "pydantic-core",
                "msgspec",
                "python-dateutil",
            )
        },
        "inspectlib_path": str(Path(il.__file__).parent),
        "load_average_at_start": os.getloadavg(),
    }


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- main -------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    return sorted({int(s.replace("_", "")) for s in text.split(",")})


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--full",
        action="store_true",
        help="N up to 1,000,000 and the companions at the "
        "targets' sizes (about 90 minutes on 2 cores)",
    )
    mode.add_argument(
        "--quick", action="store_true", help="every section at small sizes (a few minutes)"
    )
    parser.add_argument("--sizes", type=_sizes, help="comma-separated record counts")
    parser.add_argument("--repeats", type=int, default=5, help="rounds per measurement (>= 5)")
    parser.add_argument(
        "--output", type=Path, default=HERE / "results", help="where latest.json and latest.md go"
    )
    parser.add_argument("--data", type=Path, default=corpus.DATA, help="where corpora are kept")
    parser.add_argument(
        "--large-above",
        type=int,
        default=100_000,
        help="above this size, stream-decode only the floor, the targets and the peers "
        "with the same checks, and time no single documents or encoding (default 100000)",
    )
    parser.add_argument("--fhrs-size", type=int, help="establishments for fhrs.py")
    parser.add_argument("--ofsted-rows", type=int, help="rows of each shape for import_ofsted.py")
    parser.add_argument("--parquet-size", type=int, help="records for parquet.py")
    parser.add_argument(
        "--companion-repeats", type=int, default=COMPANION_REPEATS, help="rounds of each companion"
    )
    parser.add_argument(
        "--companion-timeout",
        type=float,
        default=COMPANION_TIMEOUT / 60,
        help="minutes each companion may take before it is stopped (default 60)",
    )
    return parser.parse_args(argv)


LEVERS_NOTE = HERE / "levers.md"  # beside levers.py: each lever behind a change, its effect


@contextlib.contextmanager
def _section(results: dict[str, Any], name: str) -> Iterator[None]:
    """Time a section of the run, for the report's header (and the next run's estimate)."""
    start = time.time()
    try:
        yield
    finally:
        results["section_seconds"][name] = time.time() - start


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    mode = "full" if args.full else "quick" if args.quick else "default"
    sizes = args.sizes or list(
        {"full": FULL_SIZES, "quick": QUICK_SIZES, "default": DEFAULT_SIZES}[mode]
    )
    if args.repeats < 5:
        _progress(f"warning: {args.repeats} rounds; the benchmark's rule is at least five")
    chosen = {"fhrs": args.fhrs_size, "ofsted": args.ofsted_rows, "parquet": args.parquet_size}
    companion_sizes = {
        key: chosen[key] or default for key, default in COMPANION_SIZES[mode].items()
    }
    started = time.time()
    results: dict[str, Any] = {
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": "python benchmarks/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "mode": mode,
        "repeats": args.repeats,
        "machine": machine(),
        "gc": "off in timed loops (collected before each), on for the collector-on bulk load "
        "and 'inspectlib (gc on)'",
        "large_above": args.large_above,
        "pool": POOL,
        "bulk_max": BULK_MAX,
        "section_seconds": {},
    }
    _progress(
        f"inspectlib {results['machine']['versions']['inspectlib']} from "
        f"{results['machine']['inspectlib_path']}"
    )
    with _section(results, "corpus"):
        paths = corpus.corpus_files(sizes, args.data)
    largest = max(sizes)
    sample = _read_lines(paths[largest], 1000)
    results["corpus"] = {
        "description": "inspections with 5 graded areas (HMICFRS five-point), 8 findings with "
        "1 evidence item each, 2 sources, fieldwork period and due dates as "
        "partial dates, no framework",
        "seed": corpus.SEED,
        "mean_bytes": sum(map(len, sample)) / len(sample) + 1,
        "files": {str(n): str(p) for n, p in paths.items()},
    }

    _progress("rejection check")
    with _section(results, "rejection check"):
        results["rejection"] = rejection_check(paths[largest])

    with _section(results, "scenarios"):
        prepared = Prepared(paths)
        results["scenarios"] = time_scenarios(prepared, sizes, args.repeats, args.large_above)
        del prepared
        gc.collect()

    _progress(f"memory: streaming N={largest:,} in child processes")
    with _section(results, "memory"):
        results["memory"] = {
            "stream_records": largest,
            "stream": {name: _child_memory(name, paths[largest]) for name in LARGE_DECODERS},
            "retained_records": len(sample),
            "retained_bytes_per_record": retained_memory(sample),
        }

    for companion in COMPANIONS:
        with _section(results, companion.key):
            results.setdefault("companions", {})[companion.key] = run_companion(
                companion,
                companion_sizes[companion.key],
                args.companion_repeats,
                args.data,
                args.output,
                args.companion_timeout * 60,
            )
    results["levers_note"] = LEVERS_NOTE.read_text() if LEVERS_NOTE.exists() else None
    results["seconds"] = time.time() - started
    results["targets"] = report.targets(results)

    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.output / "latest.md").write_text(report.markdown(results))
    report.print_summary(results)
    print(
        f"\nwritten: {args.output / 'latest.json'}, {args.output / 'latest.md'} "
        f"({results['seconds'] / 60:.1f} minutes)"
    )
    failed = [key for key, found in results["companions"].items() if found["status"] != "ok"]
    failed += [
        f"streaming memory of {name}"
        for name, found in results["memory"]["stream"].items()
        if "failed" in found
    ]
    if failed:
        _progress(f"parts that did not finish: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
