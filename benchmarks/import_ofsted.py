"""How fast the Ofsted importer reads a large management information file, against the bare
parse of the same file (``csv.reader`` alone) in the same run.

    python benchmarks/import_ofsted.py                 # 100,000 rows a shape, 5 rounds
    python benchmarks/import_ofsted.py --rows 20000 --repeats 3

Two files are generated from the shapes of the test fixtures (``tests/fixtures/ofsted``): the
education inspection framework's "most recent inspections" (68 columns; a row gives the latest
full inspection, the previous one and the latest section 8 inspection: three records) and the
report cards' latest inspections (85 columns, a date per judgement, the latest OEIF graded and
ungraded inspections: up to three records). Each generated row is a fixture row with its URN,
LAESTAB and inspection numbers made unique.

Each round times, on the same file:

- the floor: ``csv.reader`` over the file decoded as text (every cell split, nothing built);
- ``ofsted.read``: encoding found, header found, every row turned into validated records.

Each round times the floor and then the importer, so that both run under the same load on a
shared machine. It prints, per shape, the medians of the rounds: seconds, microseconds per row
and per record, and the ratio of the importer to the floor (the median of each round's ratio).
It writes ``benchmarks/results/import_ofsted.json`` (``--json PATH``: to PATH as well).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from inspectlib.sources import ofsted

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "ofsted"
SHAPES = {
    "most recent inspections, 2019-2024 (68 columns)": "schools_most_recent_2019_2024.csv",
    "report cards, latest inspections (85 columns)": "schools_latest_report_cards.csv",
}
NUMBERED = ("URN", "LAESTAB")


def generate(fixture: Path, rows: int, target: Path) -> None:
    """*rows* rows in the fixture's shape: its rows over and over, ids made unique."""
    text = fixture.read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline="")))
    header = table[0]
    # Every sample row is an inspected school (a school not yet inspected makes no record).
    samples = [row for row in table[1:] if row[header.index("URN")] != "150123"]
    numbers = [
        i for i, name in enumerate(header) if "number" in name.lower() and "Number of" not in name
    ]
    # The school's ids, and the ids "at the time of" each inspection: shifted alike, so that a
    # row whose inspections were of the school itself still says so (and a predecessor's ids
    # stay another school's).
    ids = [i for i, name in enumerate(header) if name.startswith(NUMBERED)]
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for index in range(rows):
            row = list(samples[index % len(samples)])
            for column in ids:
                if row[column] not in ("", "NULL"):
                    row[column] = str(int(row[column]) + index * 10)
            for column in numbers:
                if row[column] not in ("", "NULL"):
                    row[column] = str(int(row[column].removeprefix("ITS")) + index * 10)
            writer.writerow(row)


def floor(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as stream:
        return sum(1 for _ in csv.reader(stream))


def importer(path: Path) -> int:
    return sum(1 for _ in ofsted.read(path))


def timed(function: object, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    count = function(path)  # type: ignore[operator]
    return time.perf_counter() - start, count


def rounds(path: Path, repeats: int) -> tuple[list[float], list[float], int, int]:
    """Each round times the floor and then the importer, one after the other, so that the two
    of a round run under the same load on a shared machine; the ratio is taken per round."""
    bare_times, full_times, lines, records = [], [], 0, 0
    for _ in range(repeats):
        bare, lines = timed(floor, path)
        full, records = timed(importer, path)
        bare_times.append(bare)
        full_times.append(full)
    return bare_times, full_times, lines, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--output", type=Path, default=HERE / "results")
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the figures, as JSON, to PATH"
    )
    options = parser.parse_args()
    options.data.mkdir(parents=True, exist_ok=True)
    results = []
    for shape, fixture in SHAPES.items():
        path = options.data / f"ofsted-{Path(fixture).stem}-{options.rows}.csv"
        generate(FIXTURES / fixture, options.rows, path)
        # One untimed pass each, so that both start from a warm page cache.
        floor(path)
        importer(path)
        bare_times, full_times, lines, records = rounds(path, options.repeats)
        bare, full = statistics.median(bare_times), statistics.median(full_times)
        ratios = [f / b for f, b in zip(full_times, bare_times, strict=True)]
        rows = lines - 1
        result = {
            "shape": shape,
            "rows": rows,
            "records": records,
            "bytes": path.stat().st_size,
            "csv_reader_s": round(bare, 4),
            "import_s": round(full, 4),
            "import_us_per_row": round(full / rows * 1e6, 2),
            "import_us_per_record": round(full / records * 1e6, 2),
            "ratio_to_csv_reader": round(statistics.median(ratios), 2),
            "ratios_per_round": [round(ratio, 2) for ratio in ratios],
        }
        results.append(result)
        print(
            f"{shape}: {rows:,} rows, {records:,} records, {result['bytes'] / 1e6:.1f} MB\n"
            f"  csv.reader alone  {bare:8.3f} s\n"
            f"  ofsted.read       {full:8.3f} s  "
            f"({result['import_us_per_row']} us a row, {result['import_us_per_record']} us a "
            f"record)\n"
            f"  ratio             {result['ratio_to_csv_reader']}x"
        )
    options.output.mkdir(parents=True, exist_ok=True)
    report = {
        "command": " ".join(["python", *sys.argv]),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeats": options.repeats,
        "results": results,
    }
    (options.output / "import_ofsted.json").write_text(json.dumps(report, indent=2) + "\n")
    if options.json is not None:
        options.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
