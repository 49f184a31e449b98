"""Two or more source trees of inspectlib, timed against each other: what one change is worth.

    git worktree add /tmp/before <commit>
    python benchmarks/compare_trees.py --records 1500 --rounds 5 before=/tmp/before/src after=src

Each tree is measured in a child process of its own (so no import is shared), the trees taking
turns round after round, so a machine that gets busier slows each of them alike. Each child
reports, as ratios to ``orjson`` measured in the same child: ``loads`` of single documents, the
cross-field ``check`` of the loaded (valid) records against the same ``orjson.loads`` floor, and
``dumps`` of records loaded (and so found valid) and of records checked again
(``validate="always"``). The medians over the rounds are printed, one line per tree.

Each child counts its own CPU time (``--clock process_time``, the default), so that the time
other work on a shared machine takes is not counted; ``--clock perf_counter`` counts the time
that passed instead.

With ``--instructions`` each call is counted in machine instructions instead, under valgrind's
cachegrind (``apt-get install valgrind``): the same count on a busy machine as on a quiet one,
so one run of each tree is enough, where timings on a shared machine vary by tens of percent.
A tree is run once to compile its modules, then with no call and with ``--calls`` calls of each
of ``orjson.loads``, ``loads``, ``check`` (of records loaded, so valid), ``orjson.dumps`` and
``dumps`` (of records loaded), the hash seed fixed; the difference over the calls is each one's
count. ``loads`` and ``check`` are given as ratios to ``orjson.loads`` too, ``dumps`` to
``orjson.dumps``. Instructions are not time (a
cache miss costs more than an addition), but a change that saves instructions in Python code
saves time.

It reads the benchmark's corpus (``corpus.py``, made the first time it is needed, by the
inspectlib this script runs with), so older trees read the same records.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import gc, json, sys, time
from pathlib import Path
import orjson
import inspectlib as il
assert il.__file__.startswith(sys.argv[1]), il.__file__
lines = Path(sys.argv[2]).read_bytes().splitlines()[: int(sys.argv[3])]
clock = getattr(time, sys.argv[4])
records = [il.loads(line, il.Inspection) for line in lines]
assert [il.dumps(record).encode() for record in records] == lines


def fastest(function, items):
    times = []
    for _ in range(5):
        gc.collect()
        gc.disable()
        start = clock()
        for item in items:
            function(item)
        times.append((clock() - start) / len(items))
        gc.enable()
    return min(times)


plain = [orjson.loads(line) for line in lines]
decode_floor = fastest(orjson.loads, lines)
encode_floor = fastest(orjson.dumps, plain)
print(json.dumps({
    "loads": fastest(lambda line: il.loads(line, il.Inspection), lines) / decode_floor,
    "check": fastest(il.check, records) / decode_floor,
    "dumps (loaded)": fastest(il.dumps, records) / encode_floor,
    "dumps (checked)": fastest(lambda r: il.dumps(r, validate="always"), records) / encode_floor,
}))
"""

# One of the operations, called a given number of times, for an instruction count.
_COUNTED_CHILD = r"""
import gc, sys
from pathlib import Path
import orjson
import inspectlib as il
assert il.__file__.startswith(sys.argv[1]), il.__file__
operation, calls = sys.argv[3], int(sys.argv[4])
lines = Path(sys.argv[2]).read_bytes().splitlines()[:200]
records = [il.loads(line, il.Inspection) for line in lines]
plain = [orjson.loads(line) for line in lines]
for record in records:
    il.dumps(record)
items, function = {
    "orjson.loads": (lines, orjson.loads),
    "loads": (lines, lambda line: il.loads(line, il.Inspection)),
    "check": (records, il.check),
    "orjson.dumps": (plain, orjson.dumps),
    "dumps": (records, il.dumps),
}[operation]
gc.disable()
for index in range(calls):
    function(items[index % len(items)])
"""
_COUNTED = ("orjson.loads", "loads", "check", "orjson.dumps", "dumps")


def instructions(src: str, path: Path, operation: str, calls: int) -> int:
    """The machine instructions a child running *operation* *calls* times executes."""
    child = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _COUNTED_CHILD,
            src,
            str(path),
            operation,
            str(calls),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=src, PYTHONHASHSEED="0"),
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", child.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from valgrind:\n{child.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def count_instructions(trees: dict[str, str], path: Path, calls: int) -> None:
    for name, src in trees.items():
        instructions(src, path, "loads", 0)  # compiles the tree's modules, as later runs find
        start = instructions(src, path, "loads", 0)
        per_call = {
            operation: (instructions(src, path, operation, calls) - start) / calls
            for operation in _COUNTED
        }
        print(
            f"{name:>12}  "
            + "  ".join(f"{key} {value:,.0f}" for key, value in per_call.items())
            + f"  (loads {per_call['loads'] / per_call['orjson.loads']:.2f}x, "
            f"check {per_call['check'] / per_call['orjson.loads']:.2f}x, "
            f"dumps {per_call['dumps'] / per_call['orjson.dumps']:.2f}x)",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--clock",
        choices=("process_time", "perf_counter"),
        default="process_time",
        help="the time each child counts: its own CPU time (the default: what other work on a "
        "shared machine takes is not counted) or the time that passed",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count machine instructions a call under valgrind, in place of timing",
    )
    parser.add_argument("--calls", type=int, default=200, help="calls counted, --instructions")
    parser.add_argument("trees", nargs="+", metavar="NAME=SRC", help="a name and a src folder")
    args = parser.parse_args()
    trees = {}
    for tree in args.trees:
        name, _, src = tree.partition("=")
        if not src or not (Path(src) / "inspectlib").is_dir():
            parser.error(f"{tree}: give NAME=SRC, SRC a folder holding the inspectlib package")
        trees[name] = str(Path(src).resolve())
    sys.path.insert(0, str(HERE))
    import corpus  # the benchmark's own module, beside this script

    path = corpus.corpus_files([10_000])[10_000]
    if args.instructions:
        count_instructions(trees, path, args.calls)
        return 0
    figures: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, src in trees.items():
            child = subprocess.run(
                [sys.executable, "-c", _CHILD, src, str(path), str(args.records), args.clock],
                capture_output=True,
                text=True,
                env=dict(os.environ, PYTHONPATH=src),
                check=False,
            )
            if child.returncode:
                print(f"{name}: failed\n{child.stderr[-2000:]}", file=sys.stderr)
                return 1
            figures[name].append(json.loads(child.stdout))
    for name, rounds in figures.items():
        medians = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
        print(f"{name:>12}  " + "  ".join(f"{key} {value:.2f}x" for key, value in medians.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
