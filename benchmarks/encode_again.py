"""The encode scenarios of ``run.py`` alone, at one size, several times over.

    python benchmarks/encode_again.py --times 4

Times ``dumps`` and ``dump_lines`` exactly as ``run.py`` does (the same pool of 10,000 records,
the same contenders, rounds and floor), in a process that has done nothing else first. Their
floor, ``orjson.dumps`` of the plain dicts ``to_dict`` gives, walks texts that lie wherever the
loading left them, and so runs at a speed that depends on what the process did before; this
shows how far the encode ratios move between attempts of one process, and against the full run.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import run

import corpus


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, default=3, help="attempts of each scenario")
    parser.add_argument("--size", type=int, default=100_000, help="records a round (N)")
    parser.add_argument("--repeats", type=int, default=5, help="rounds per attempt")
    parser.add_argument("--data", type=Path, default=corpus.DATA, help="where corpora are kept")
    args = parser.parse_args(argv)
    prepared = run.Prepared(corpus.corpus_files(sorted({run.POOL, args.size}), args.data))
    with open(os.devnull, "wb") as sink:
        scenarios = {
            "dumps": run._dumps_contenders(prepared, args.size),
            "dump_lines": run._dump_lines_contenders(prepared, args.size, sink),
        }
        for attempt in range(1, args.times + 1):
            for key, contenders in scenarios.items():
                figures = run.time_rounds(
                    key, run.ENCODE_FLOOR, contenders, args.size, args.repeats, {}
                )["contenders"]
                ours, floor = figures[run.OURS], figures[run.ENCODE_FLOOR]
                print(
                    f"attempt {attempt}, {key}, N={args.size:,}: inspectlib "
                    f"{ours['us_per_record']:.1f} us, {ours['ratio']:.2f}x the floor "
                    f"({floor['us_per_record']:.1f} us)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
