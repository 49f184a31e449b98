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

It reads the benchmark's corpus (``corpus.py``, made the first time it is needed, by the
inspectlib this script runs with), so older trees read the same records.
"""

from __future__ import annotations

import argparse
import json
import os
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
