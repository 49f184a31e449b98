"""What each of inspectlib's Limits costs at worst: time and peak memory per byte of input.

Usage::

    python benchmarks/limits.py                 # every shape, at the default sizes
    python benchmarks/limits.py --scale 0.25    # smaller inputs, for a quick look
    python benchmarks/limits.py --output benchmarks/results/limits.md

Each shape is the worst this file's author could construct for one limit: the input that makes
the loader spend the most time or memory per byte it reads, at a size near the limit (or, for
``max_bytes``, at a size a machine with a few GB can hold). Each runs in a fresh process, which
builds the input as bytes first and then loads it; the figures are the CPU time of loading and
the growth of the process's peak resident memory (``ru_maxrss``) while loading, each divided by
the input's size. The best of ``--repeats`` runs is reported, so that a busy machine inflates
them as little as possible.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
from typing import Final

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Each shape: (limit, what it is, the code that builds `data` from `n`, its default n, how it is
# loaded). The code runs in the child with `il` imported.
SMALL: Final = (ROOT / "tests" / "corpus" / "valid" / "small-inspection.json").read_bytes()
HEAD: Final = json.dumps(json.loads(SMALL)).encode()[:-1]  # the small inspection, without "}"

SHAPES: Final[list[tuple[str, str, str, int, str]]] = [
    (
        "max_bytes",
        "one long title (text is held once as bytes and once as str)",
        """data = HEAD + b', "title": "' + b"x" * n + b'"}' """,
        48 * 2**20,
        "loads",
    ),
    (
        "max_bytes",
        "a JSON Lines line over the limit, read past (limit 1 MiB)",
        """data = b"x" * n + NL + LINE + NL""",
        64 * 2**20,
        "lines-1MiB",
    ),
    (
        "max_extension_values",
        "an array of empty objects in extensions, just under the budget of values",
        """data = HEAD + b', "extensions": {"x:a": [' + b",".join([b"{}"] * n) + b"]}}" """,
        999_999,
        "loads",
    ),
    (
        "max_extension_values",
        "16 arrays of 1,000,000 empty objects in extensions, refused at the budget",
        """arrays = [b'"x:%d": [' % i + b",".join([b"{}"] * n) + b"]" for i in range(16)]
data = HEAD + b', "extensions": {' + b",".join(arrays) + b"}}" """,
        1_000_000,
        "loads",
    ),
    (
        "max_items",
        "a million nulls where evidence belongs (refused)",
        """nulls = b",".join([b"null"] * n)
data = HEAD.replace(b'"evidence"', b'"x"') + b', "evidence": [' + nulls + b"]}" """,
        1_000_000,
        "loads",
    ),
    (
        "max_items",
        "200,000 valid graded areas, small ones (the most records per byte)",
        """area = b'{"key":"k%d","topic":"T","judgment":{"type":"ungraded"}}'
areas = b'"graded_areas": [' + b",".join(area % i for i in range(n)) + b"]"
doc = json.loads(SMALL)
del doc["findings"], doc["graded_areas"]
data = json.dumps(doc).encode()[:-1] + b", " + areas + b"}" """,
        200_000,
        "loads",
    ),
    (
        "max_problems",
        "a million graded areas, each a problem (refused at 100 problems)",
        """ones = b",".join([b"1"] * n)
data = HEAD.replace(b'"graded_areas"', b'"y"') + b', "graded_areas": [' + ones + b"]}" """,
        1_000_000,
        "loads",
    ),
    (
        "max_problems",
        "200,000 grades off the declared scale, the scale named 200,000 times",
        """off = b'{"type":"grade","scale":"hmicfrs/four-point","grade":"good"}'
area = b'{"key":"k%d","topic":"T","judgment":' + off + b"}"
doc = json.loads(SMALL)
doc["findings"] = []
del doc["graded_areas"], doc["scales"]
areas = b'"graded_areas": [' + b",".join(area % i for i in range(n)) + b"]"
scales = b'"scales": [' + b",".join([b'"hmicfrs/five-point"'] * n) + b"]"
data = json.dumps(doc).encode()[:-1] + b", " + areas + b", " + scales + b"}" """,
        200_000,
        "loads",
    ),
    (
        "max_depth",
        "extensions nested to the limit (64), repeated up to the budget of values",
        """one = b"[" * 62 + b"0" + b"]" * 62
data = HEAD + b', "extensions": {"x:a": [' + b",".join([one] * n) + b"]}}" """,
        16_000,
        "loads",
    ),
    (
        "newer minor version",
        "a document of a newer minor version whose 200,000 graded areas each carry a new field",
        """area = b'{"key":"k%d","topic":"T","judgment":{"type":"ungraded"},"trend":"up"}'
areas = b'"graded_areas": [' + b",".join(area % i for i in range(n)) + b"]"
doc = json.loads(SMALL)
del doc["findings"], doc["graded_areas"]
doc["inspectlib"] = "1.99"
data = json.dumps(doc).encode()[:-1] + b", " + areas + b"}" """,
        200_000,
        "loads",
    ),
]

BUILD: Final = """
import json, sys
SMALL = {small!r}
HEAD = {head!r}
NL = bytes([10])
LINE = SMALL.replace(NL, b"")
n = {n}
{build}
open(sys.argv[1], "wb").write(data)
"""

# The input is read from a file the child did not make, so that the peak it starts from is the
# input's own size, not whatever building it took.
CHILD: Final = """
import gc, io, json, pathlib, resource, sys, time, warnings
warnings.simplefilter("ignore")
import inspectlib as il
SMALL = {small!r}
how = {how!r}
# Converters are built on first use: build them before timing.
il.loads(SMALL)
newer = json.loads(SMALL)
newer["inspectlib"] = "1.99"
il.loads(json.dumps(newer))
data = pathlib.Path(sys.argv[1]).read_bytes()
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.process_time()
outcome = "loaded"
try:
    if how == "loads":
        il.loads(data)
    else:
        errors = []
        limits = il.format.Limits(max_bytes=2**20)
        list(il.load_lines(io.BytesIO(data), errors=errors, limits=limits))
        outcome = f"{{len(errors)}} line refused"
except il.ValidationError as error:
    outcome = "refused: " + error.problems[0].message[:70]
seconds = time.process_time() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(data), "seconds": seconds, "grown_kib": after - before,
                   "outcome": outcome}}))
"""


def _run(code: str, *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return done.stdout


def measure(build: str, n: int, how: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as directory:
        path = str(pathlib.Path(directory) / "input")
        _run(BUILD.format(small=SMALL, head=HEAD, n=n, build=build), path)
        out = _run(CHILD.format(small=SMALL, how=how), path)
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each shape; the best")
    parser.add_argument("--output", type=pathlib.Path, help="also write the table here")
    arguments = parser.parse_args(argv)
    rows = [
        "| Limit | Shape | Input | Outcome | CPU time | s per MB "
        "| Peak memory growth | bytes per byte |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for limit, what, build, n, how in SHAPES:
        runs = [
            measure(build, max(1, int(n * arguments.scale)), how) for _ in range(arguments.repeats)
        ]
        size = int(runs[0]["bytes"])  # type: ignore[call-overload]
        seconds = min(float(run["seconds"]) for run in runs)  # type: ignore[arg-type]
        grown = min(int(run["grown_kib"]) for run in runs) * 1024  # type: ignore[call-overload]
        row = (
            f"| `{limit}` | {what} | {size / 2**20:,.1f} MiB | {runs[0]['outcome']} | "
            f"{seconds:.2f} s | {seconds / (size / 1e6):.3f} s | {grown / 2**20:,.0f} MiB | "
            f"{grown / size:.1f} |"
        )
        rows.append(row)
        print(row, flush=True)
    if arguments.output is not None:
        arguments.output.write_text("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
