"""Converting JSON Lines to a Parquet dataset: time per record and peak memory, next to reading
the same file with ``load_lines``.

    python benchmarks/parquet.py                     # N = 1,000,000, three rounds
    python benchmarks/parquet.py --size 100000 --repeats 5
    python benchmarks/parquet.py --json figures.json  # the figures to one more file too

Each round runs each job in a child process of its own, so that each peak RSS is the job's own
(VmHWM from ``/proc/self/status``):

- ``load_lines``: stream the file with :func:`inspectlib.load_lines`, keeping nothing: the cost
  of reading and checking, which any conversion pays;
- ``write_parquet_dataset``: the same records written as a Parquet dataset partitioned by year
  (``inspectlib convert FILE OUT --to parquet --partition-by year`` does the same).

It prints, and writes to ``results/parquet.json`` and ``results/parquet.md``, the median of the
rounds for µs per record and the peak RSS, and the conversion's ratio to ``load_lines`` in the
same round. The target: peak RSS under 300 MB at 1,000,000 records.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_MB = 300


def _peak_mb() -> float:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmHWM"].split()[0]) / 1024


def child(job: str, source: Path, out: Path) -> None:
    """Run one job in this process and print its figures as one JSON line."""
    import inspectlib

    start = time.perf_counter()
    if job == "load_lines":
        count = sum(1 for _ in inspectlib.load_lines(source, inspectlib.Inspection))
    else:
        records = inspectlib.load_lines(source, inspectlib.Inspection)
        count = inspectlib.tables.write_parquet_dataset(records, out, partition_by="year").records
    seconds = time.perf_counter() - start
    print(json.dumps({"records": count, "seconds": seconds, "peak_mb": _peak_mb()}))


def run_child(job: str, source: Path, scratch: Path) -> dict[str, float]:
    out = scratch / "dataset"
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, __file__, "--child", job, str(source), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    if job != "load_lines":
        files = list(out.rglob("*.parquet"))
        figures["files"] = len(files)
        figures["dataset_mb"] = sum(path.stat().st_size for path in files) / 2**20
    shutil.rmtree(out, ignore_errors=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--output", type=Path, default=HERE / "results")
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the figures, as JSON, to PATH"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("JOB", "SOURCE", "OUT"), help=argparse.SUPPRESS
    )
    arguments = parser.parse_args()
    if arguments.child:
        job, source, out = arguments.child
        child(job, Path(source), Path(out))
        return 0

    sys.path.insert(0, str(HERE))
    import corpus

    source = corpus.corpus_files([arguments.size], arguments.data)[arguments.size]
    rounds: dict[str, list[dict[str, float]]] = {"load_lines": [], "write_parquet_dataset": []}
    load_average = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="inspectlib-parquet-") as scratch:
        for round_number in range(arguments.repeats):
            for job in rounds:
                figures = run_child(job, source, Path(scratch))
                assert figures["records"] == arguments.size, figures
                rounds[job].append(figures)
                print(f"round {round_number + 1}, {job}: {figures}", file=sys.stderr)
    size = arguments.size
    summary = {
        job: {
            "us_per_record": statistics.median(r["seconds"] for r in found) / size * 1e6,
            "peak_mb": statistics.median(r["peak_mb"] for r in found),
            "rounds": found,
        }
        for job, found in rounds.items()
    }
    ratios = [
        convert["seconds"] / load["seconds"]
        for load, convert in zip(rounds["load_lines"], rounds["write_parquet_dataset"], strict=True)
    ]
    report = {
        "size": size,
        "repeats": arguments.repeats,
        "load_average_at_start": load_average,
        "jobs": summary,
        "ratio_to_load_lines": statistics.median(ratios),
        "target_peak_mb": TARGET_MB,
        "met": summary["write_parquet_dataset"]["peak_mb"] < TARGET_MB,
    }
    arguments.output.mkdir(parents=True, exist_ok=True)
    (arguments.output / "parquet.json").write_text(json.dumps(report, indent=2) + "\n")
    if arguments.json is not None:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        f"# JSON Lines to a Parquet dataset, N = {size:,} ({arguments.repeats} rounds, medians)",
        "",
        "| Job | µs per record | Peak RSS (MB) |",
        "|---|---:|---:|",
        *(
            f"| `{job}` | {figures['us_per_record']:.1f} | {figures['peak_mb']:.1f} |"
            for job, figures in summary.items()
        ),
        "",
        f"Conversion / load_lines, same round: {report['ratio_to_load_lines']:.2f}x. "
        f"Peak RSS target < {TARGET_MB} MB: {'met' if report['met'] else 'NOT met'}. "
        f"Load average at start: {load_average:.2f}.",
        "",
    ]
    (arguments.output / "parquet.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
