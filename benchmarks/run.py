"""inspectlib's performance benchmark: decoding, encoding and streaming against the best peers.

    python benchmarks/run.py                   # N = 1k, 10k, 100k (about 10 minutes)
    python benchmarks/run.py --full            # adds N = 1M (about 40 minutes on 2 cores)
    python benchmarks/run.py --sizes 1000 --repeats 5 --output /tmp/results   # a quick look

One process, one run. In order:

1. The rejection check: every contender must reject every invalid record of
   ``corpus.INVALID`` (and accept the valid corpus, and encode it to the same bytes), or the run
   stops before timing anything: nobody is timed doing less work.
2. Decoding: for each size, for each round, each contender streams the whole JSON Lines file
   (records discarded as they come), the ``orjson.loads`` floor first, in the same round.
3. Encoding: each contender writes records to a sink, one line each, against ``orjson.dumps`` of
   the plain dicts ``inspectlib.to_dict`` gives, produced before timing.
4. Peak memory: each decoding contender streams the largest file in a child process of this
   run (``stream.py``, collector on as Python starts it); peak RSS (VmHWM) is reported beside the
   RSS after start-up.

Timed loops run with the cyclic garbage collector off (collected before each loop and switched
back on after); one figure, ``inspectlib (gc on)``, runs with it on, at the largest size.
Figures are medians over the rounds; ratios are taken round by round against the floor measured
in the same round, then the median is reported.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import orjson  # noqa: E402
import peers  # noqa: E402

import corpus  # noqa: E402
import inspectlib as il  # noqa: E402

DEFAULT_SIZES = (1_000, 10_000, 100_000)
FULL_SIZES = (*DEFAULT_SIZES, 1_000_000)
ENCODE_POOL = 10_000  # encoding cycles through at most this many records held in memory

TARGETS = {
    "decode_ratio": 2.0,
    "encode_ratio": 1.0,
    "flatness": 1.15,
    "stream_rss_mb": 150.0,
}


# --- contenders -------------------------------------------------------------------------------
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


DECODERS: dict[str, Callable[[Path], int]] = {
    "orjson.loads (floor)": decode_floor,
    "json.loads (stdlib)": decode_json,
    "inspectlib": decode_inspectlib,
    "msgspec Structs": _peer_decoder(peers.decode_msgspec, True),
    "msgspec Structs, no cross-field check": _peer_decoder(peers.decode_msgspec, False),
    "pydantic v2": _peer_decoder(peers.decode_pydantic, True),
    "pydantic v2, no cross-field check": _peer_decoder(peers.decode_pydantic, False),
}
GC_ON = "inspectlib (gc on)"
FLOOR = "orjson.loads (floor)"
# What runs at sizes above 100k: the floor, the targets, and the peers with the same checks.
LARGE_DECODERS = (FLOOR, "json.loads (stdlib)", "inspectlib", "msgspec Structs", "pydantic v2")

# An encoder takes its own prepared objects and a binary sink, and writes one line each.


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


ENCODE_FLOOR = "orjson.dumps of plain dicts (floor)"
ENCODERS: dict[str, tuple[Callable[[list[bytes]], list[Any]] | None, Callable[..., None]]] = {
    ENCODE_FLOOR: (None, encode_floor),  # inspectlib.to_dict of the inspectlib records
    "inspectlib": (
        lambda lines: [il.loads(line, il.Inspection) for line in lines],
        encode_inspectlib,
    ),
    "msgspec Structs": (lambda lines: [peers.decode_msgspec(x) for x in lines], encode_msgspec),
    "pydantic v2": (lambda lines: [peers.decode_pydantic(x) for x in lines], encode_pydantic),
}


# --- timing -----------------------------------------------------------------------------------


def _timed(function: Callable[..., Any], *args: Any, collect: bool = False) -> float:
    """Seconds *function* takes, with the garbage collector off (on with *collect*)."""
    gc.collect()
    enabled = gc.isenabled()
    if collect:
        gc.enable()
    else:
        gc.disable()
    try:
        start = time.perf_counter()
        function(*args)
        return time.perf_counter() - start
    finally:
        if enabled:
            gc.enable()
        else:
            gc.disable()


def _summary(per_round: list[float], floors: list[float]) -> dict[str, Any]:
    ratios = [value / floor for value, floor in zip(per_round, floors, strict=True)]
    return {
        "us_per_record": statistics.median(per_round),
        "ratio": statistics.median(ratios),
        "rounds_us": [round(value, 3) for value in per_round],
        "min_us": min(per_round),
    }


def time_decoding(
    path: Path, size: int, names: list[str], repeats: int, gc_on: bool
) -> dict[str, Any]:
    order = [FLOOR, *[name for name in names if name != FLOOR]]
    if gc_on:
        order.append(GC_ON)
    rounds: dict[str, list[float]] = {name: [] for name in order}
    for round_number in range(repeats):
        for name in order:
            if name == GC_ON:
                seconds = _timed(decode_inspectlib, path, collect=True)
            else:
                seconds = _timed(DECODERS[name], path)
            rounds[name].append(seconds / size * 1e6)
        _progress(
            f"  decode N={size:,} round {round_number + 1}/{repeats}: "
            + ", ".join(f"{n.split(' ')[0]}={rounds[n][-1]:.1f}" for n in order)
        )
    return {name: _summary(rounds[name], rounds[FLOOR]) for name in order}


def _read_lines(path: Path, count: int) -> list[bytes]:
    lines = []
    with path.open("rb") as stream:
        for line in stream:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == count:
                break
    return lines


def time_encoding(path: Path, size: int, repeats: int) -> dict[str, Any]:
    """Encode *size* records per round, cycling through the first ENCODE_POOL of the file."""
    pool = _read_lines(path, min(size, ENCODE_POOL))
    prepared = {name: prepare(pool) for name, (prepare, _) in ENCODERS.items() if prepare}
    prepared[ENCODE_FLOOR] = [il.to_dict(record) for record in prepared["inspectlib"]]
    passes, rest = divmod(size, len(pool))
    rounds: dict[str, list[float]] = {name: [] for name in ENCODERS}
    with open(os.devnull, "wb") as sink:
        for _ in range(repeats):
            for name, (_, encode) in ENCODERS.items():
                items = prepared[name]

                def run(items: list[Any] = items, encode: Callable[..., None] = encode) -> None:
                    for _ in range(passes):
                        encode(items, sink)
                    if rest:
                        encode(items[:rest], sink)
                    sink.flush()

                rounds[name].append(_timed(run) / size * 1e6)
    del prepared
    gc.collect()
    return {name: _summary(rounds[name], rounds[ENCODE_FLOOR]) for name in ENCODERS}


# --- memory -----------------------------------------------------------------------------------


def _child_memory(name: str, path: Path) -> dict[str, float]:
    """Stream *path* with *name* in a child process (stream.py): RSS after start-up, and peak."""
    result = subprocess.run(
        [sys.executable, str(HERE / "stream.py"), name, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def retained_memory(lines: list[bytes]) -> dict[str, float]:
    """Bytes of Python memory per record when the decoded records are kept (tracemalloc)."""
    makers: dict[str, Callable[[bytes], Any]] = {
        "plain dicts (orjson.loads)": orjson.loads,
        "inspectlib": lambda line: il.loads(line, il.Inspection),
        "msgspec Structs": peers.decode_msgspec,
        "pydantic v2": peers.decode_pydantic,
    }
    result = {}
    for name, make in makers.items():
        gc.collect()
        tracemalloc.start()
        kept = [make(line) for line in lines]
        current, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result[name] = current / len(kept)
        del kept
    return result


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
        "invalid": table,
        "many_errors": {"expected": list(corpus.MANY_ERRORS_PATHS), "reported": reported},
        "valid_accepted_and_round_tripped": len(valid),
        "detailed_pass_calls_on_valid": detailed_calls,
    }


def _count_detailed_passes(valid: list[bytes]) -> int | None:
    """How often decoding valid documents ran the detailed (error-reporting) pass: 0 is right."""
    documents = sys.modules.get("inspectlib._documents")
    original = getattr(documents, "_detailed_problems", None)
    if original is None:
        return None
    calls = 0

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    documents._detailed_problems = counting  # type: ignore[union-attr]
    try:
        for line in valid:
            il.loads(line, il.Inspection)
        with contextlib.suppress(il.ValidationError):
            il.loads(corpus.invalid_documents()["bad_enum"])
        sentinel = calls  # one call, for the invalid document: the counter works
    finally:
        documents._detailed_problems = original  # type: ignore[union-attr]
    return sentinel - 1 if sentinel >= 1 else None


# --- report -----------------------------------------------------------------------------------


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


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = sorted(int(n) for n in results["decode"])
    smallest, largest = str(sizes[0]), str(sizes[-1])
    decode = results["decode"][largest]["inspectlib"]["ratio"]
    encoded = str(max(int(n) for n in results["encode"]))
    encode = results["encode"][encoded]["inspectlib"]["ratio"]
    per_size = [results["decode"][str(n)]["inspectlib"]["us_per_record"] for n in sizes]
    flat = per_size[-1] / per_size[0]
    spread = max(per_size) / min(per_size)
    memory = results["memory"]["stream"].get("inspectlib", {})
    rss = memory.get("rss_peak_mb")
    rejection = results["rejection"]
    many = rejection["many_errors"]
    every_error = all(p in many["reported"]["inspectlib"] for p in many["expected"])
    detailed = rejection["detailed_pass_calls_on_valid"]
    return [
        {
            "target": f"decode with full validation <= {TARGETS['decode_ratio']}x orjson.loads "
            f"(N={int(largest):,})",
            "measured": f"{decode:.2f}x",
            "verdict": _verdict(decode <= TARGETS["decode_ratio"]),
        },
        {
            "target": f"encode <= {TARGETS['encode_ratio']}x orjson.dumps of plain dicts "
            f"(N={int(encoded):,})",
            "measured": f"{encode:.2f}x",
            "verdict": _verdict(encode <= TARGETS["encode_ratio"]),
        },
        {
            "target": f"decode cost per record flat within 15% from N={int(smallest):,} to "
            f"N={int(largest):,}",
            "measured": f"largest/smallest {flat:.2f}, max/min over sizes {spread:.2f}",
            "verdict": _verdict(flat <= TARGETS["flatness"] and spread <= TARGETS["flatness"]),
        },
        {
            "target": f"streaming validation of the N={memory.get('records', 0):,} file: peak RSS "
            f"< {TARGETS['stream_rss_mb']:.0f} MB",
            "measured": "not measured" if rss is None else f"{rss:.1f} MB",
            "verdict": _verdict(rss is not None and rss < TARGETS["stream_rss_mb"]),
        },
        {
            "target": "a document with errors gets every error with its path",
            "measured": f"{len(many['reported']['inspectlib'])} problems reported for "
            f"{len(many['expected'])} errors",
            "verdict": _verdict(every_error),
        },
        {
            "target": "valid documents never pay for the detailed pass",
            "measured": "not measurable"
            if detailed is None
            else f"detailed pass ran {detailed} times on "
            f"{rejection['valid_accepted_and_round_tripped']} valid documents",
            "verdict": _verdict(detailed == 0),
        },
    ]


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    out = ["# inspectlib performance benchmark", ""]
    out.append(
        f"Run {results['started']} ({results['seconds'] / 60:.1f} minutes) with "
        f"`{results['command']}`."
    )
    out.append("")
    out.append(
        f"Machine: {m['platform']}; CPU {m['cpu']}, {m['cores']} cores; "
        f"{m['implementation']} {m['python']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['load_average_at_start'])}."
    )
    out.append("Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".")
    c = results["corpus"]
    out.append(
        f"Corpus: {c['description']}; {c['mean_bytes']:.0f} bytes a record on average; "
        f"seed {c['seed']}."
    )
    out.append(
        f"Method: medians of {results['repeats']} rounds; ratios to the floor measured in "
        "the same round (median of the per-round ratios); timed loops with the garbage "
        "collector off, except `inspectlib (gc on)`; decoding streams the file, records "
        "discarded as they come. Above N=" + f"{results['large_above']:,}" + " only the "
        "floor, json.loads, inspectlib and the peers with the cross-field check are timed. "
        "Encoding writes N lines to /dev/null, cycling through the first "
        f"{ENCODE_POOL:,} records (decoded before timing), one line a record; above "
        f"N={results['large_above']:,} it would only repeat them, so it is not run."
    )
    out += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    for row in results["targets"]:
        out.append(f"| {row['target']} | {row['measured']} | {row['verdict']} |")
    sizes = sorted(int(n) for n in results["decode"])
    names: list[str] = []
    for n in sizes:
        for name in results["decode"][str(n)]:
            if name not in names:
                names.append(name)
    out += ["", "## Decoding: JSON Lines to validated records, µs per record (x floor)", ""]
    out.append("| contender | " + " | ".join(f"N={n:,}" for n in sizes) + " |")
    out.append("|---|" + "---|" * len(sizes))
    for name in names:
        cells = []
        for n in sizes:
            r = results["decode"][str(n)].get(name)
            cells.append("—" if r is None else f"{r['us_per_record']:.1f} ({r['ratio']:.2f}x)")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    out += ["", "## Encoding: records to JSON Lines, µs per record (x floor)", ""]
    enc_sizes = sorted(int(n) for n in results["encode"])
    out.append("| contender | " + " | ".join(f"N={n:,}" for n in enc_sizes) + " |")
    out.append("|---|" + "---|" * len(enc_sizes))
    for name in ENCODERS:
        cells = []
        for n in enc_sizes:
            r = results["encode"][str(n)].get(name)
            cells.append("—" if r is None else f"{r['us_per_record']:.1f} ({r['ratio']:.2f}x)")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    mem = results["memory"]
    out += [
        "",
        f"## Peak memory, streaming the N={mem['stream_records']:,} file "
        "(child process per contender, VmHWM, gc on)",
        "",
        "| contender | RSS after start-up (MB) | peak RSS (MB) | growth (MB) |",
        "|---|---|---|---|",
    ]
    for name, r in mem["stream"].items():
        out.append(
            f"| {name} | {r['rss_start_mb']:.1f} | {r['rss_peak_mb']:.1f} | "
            f"{r['rss_peak_mb'] - r['rss_start_mb']:.1f} |"
        )
    out += [
        "",
        f"## Memory per record kept (tracemalloc, {mem['retained_records']:,} records)",
        "",
        "| contender | bytes per record |",
        "|---|---|",
    ]
    for name, value in mem["retained_bytes_per_record"].items():
        out.append(f"| {name} | {value:,.0f} |")
    rej = results["rejection"]
    checked = list(CHECKED)
    out += [
        "",
        "## Rejection check (run before timing; any acceptance aborts the run)",
        "",
        "| invalid record | expected path | " + " | ".join(checked) + " |",
        "|---|---|" + "---|" * len(checked),
    ]
    for row in rej["invalid"].values():
        cells = []
        for name in checked:
            r = row[name]
            if isinstance(r, str):
                cells.append(r)
            elif r["rejected"]:
                cells.append("rejected" + ("" if r["located"] else f" at {', '.join(r['paths'])}"))
            else:
                cells.append("ACCEPTED")
        out.append(f"| {row['what']} | `{row['expected_path']}` | " + " | ".join(cells) + " |")
    many = rej["many_errors"]
    out += [
        "",
        f"A document with {len(many['expected'])} errors "
        f"({', '.join(f'`{p}`' for p in many['expected'])}): "
        + "; ".join(f"{name} reports {len(paths)}" for name, paths in many["reported"].items())
        + ".",
        f"All contenders accepted the first {rej['valid_accepted_and_round_tripped']} valid "
        "records and wrote each back byte for byte.",
    ]
    return "\n".join(out) + "\n"


def print_table(results: dict[str, Any]) -> None:
    sizes = sorted(int(n) for n in results["decode"])
    for section in ("decode", "encode"):
        print(f"\n{section.upper()}: µs/record (ratio to floor)")
        names: list[str] = []
        for n in sizes:
            for name in results[section].get(str(n), {}):
                if name not in names:
                    names.append(name)
        print(f"{'contender':42s}" + "".join(f"{f'N={n:,}':>20s}" for n in sizes))
        for name in names:
            cells = ""
            for n in sizes:
                r = results[section].get(str(n), {}).get(name)
                cell = "—" if r is None else f"{r['us_per_record']:.1f} ({r['ratio']:.2f}x)"
                cells += f"{cell:>20s}"
            print(f"{name:42s}{cells}")
    print("\nMEMORY (streaming the largest file):")
    for name, r in results["memory"]["stream"].items():
        print(f"  {name:40s} start {r['rss_start_mb']:7.1f} MB  peak {r['rss_peak_mb']:7.1f} MB")
    print("\nTARGETS:")
    for row in results["targets"]:
        print(f"  [{row['verdict']:>7s}] {row['target']}: {row['measured']}")


# --- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", help="comma-separated record counts (default 1000,10000,100000)")
    parser.add_argument("--full", action="store_true", help="add N=1,000,000")
    parser.add_argument("--repeats", type=int, default=5, help="rounds per measurement (>= 5)")
    parser.add_argument(
        "--output", type=Path, default=HERE / "results", help="where latest.json and latest.md go"
    )
    parser.add_argument("--data", type=Path, default=corpus.DATA, help="where corpora are kept")
    parser.add_argument(
        "--large-above",
        type=int,
        default=100_000,
        help="above this size, time only the floor, the targets and the peers "
        "with the same checks (default 100000)",
    )
    args = parser.parse_args(argv)
    if args.sizes:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",")})
    else:
        sizes = list(FULL_SIZES if args.full else DEFAULT_SIZES)
    if args.repeats < 5:
        _progress(f"warning: {args.repeats} rounds; the benchmark's rule is at least five")
    started = time.time()
    results: dict[str, Any] = {
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": "python benchmarks/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "repeats": args.repeats,
        "machine": machine(),
        "gc": "off in timed loops (collected before each), on for 'inspectlib (gc on)'",
        "large_above": args.large_above,
    }
    _progress(
        f"inspectlib {results['machine']['versions']['inspectlib']} from "
        f"{results['machine']['inspectlib_path']}"
    )
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
    results["rejection"] = rejection_check(paths[largest])

    results["decode"] = {}
    for n in sizes:
        names = list(DECODERS) if n <= args.large_above else list(LARGE_DECODERS)
        _progress(f"decoding N={n:,}")
        results["decode"][str(n)] = time_decoding(
            paths[n], n, names, args.repeats, gc_on=n == largest
        )
    results["encode"] = {}
    # Encoding cycles through a pool of at most ENCODE_POOL records, so a size above
    # --large-above would time the same records again: it is left out.
    for n in [n for n in sizes if n <= max(args.large_above, min(sizes))]:
        _progress(f"encoding N={n:,}")
        results["encode"][str(n)] = time_encoding(paths[n], n, args.repeats)

    _progress(f"memory: streaming N={largest:,} in child processes")
    stream_names = [name for name in DECODERS if name in results["decode"][str(largest)]]
    results["memory"] = {
        "stream_records": largest,
        "stream": {name: _child_memory(name, paths[largest]) for name in stream_names},
        "retained_records": len(sample),
        "retained_bytes_per_record": retained_memory(sample),
    }
    results["seconds"] = time.time() - started
    results["targets"] = targets(results)

    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.output / "latest.md").write_text(markdown(results))
    print_table(results)
    print(
        f"\nwritten: {args.output / 'latest.json'}, {args.output / 'latest.md'} "
        f"({results['seconds'] / 60:.1f} minutes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
