"""How fast, and in how much memory, the food hygiene importer reads a bulk XML file.

Generates an N-establishment file in the shape of the FSA's bulk open-data files (the fixtures'
shapes: rated FHRS premises with their three scores, awaiting inspection, exempt, FHIS results,
partial addresses, a right to reply), then, in the same run and alternating:

- the bare parse: ``xml.etree.ElementTree.iterparse`` over the file, clearing each
  establishment as it ends, which is the least any streaming reader of the file does;
- the import: ``inspectlib.sources.fhrs.read`` over the same file, every record built and
  validated.

Each is timed in a fresh child process, ``--repeats`` times; the figures are medians, and the
import's cost is given per record and as a ratio to the bare parse. Each child's peak RSS is
read from the kernel (``ru_maxrss``), so the import's memory is measured whole.

    python benchmarks/fhrs.py                 # 500,000 establishments, 3 repeats
    python benchmarks/fhrs.py --size 50000 --repeats 5

Writes ``results/fhrs.json`` and ``results/fhrs.md`` and prints the table; ``--json PATH``
writes the figures to PATH as well.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent

_RECORDS = [
    # (RatingValue, RatingKey, RatingDate or None, scores or None, scheme, extra elements)
    ("5", "fhrs_5_en-GB", "2023-11-05", ("5", "5", "5"), "FHRS", ""),
    ("4", "fhrs_4_en-GB", "2022-03-14", ("10", "5", "5"), "FHRS", ""),
    ("5", "fhrs_5_en-GB", "2024-06-30", ("0", "5", "0"), "FHRS", ""),
    ("3", "fhrs_3_en-GB", "2021-09-01", ("10", "10", "10"), "FHRS", ""),
    ("AwaitingInspection", "fhrs_awaitinginspection_en-GB", None, None, "FHRS", ""),
    ("Exempt", "fhrs_exempt_en-GB", None, None, "FHRS", ""),
    (
        "2",
        "fhrs_2_en-GB",
        "2024-12-04",
        ("15", "10", "10"),
        "FHRS",
        "<RightToReply>We have replaced the fridge &amp; retrained all staff.</RightToReply>",
    ),
    ("Pass", "fhis_pass_en-GB", "2023-07-28", None, "FHIS", ""),
    ("Improvement Required", "fhis_improvement_required_en-GB", "2023-07-28", None, "FHIS", ""),
    ("5", "fhrs_5_en-GB", None, None, "FHRS", ""),
]


def _establishment(n: int) -> str:
    value, key, rated, scores, scheme, extra = _RECORDS[n % len(_RECORDS)]
    address = (
        f"<AddressLine1>{n % 300} High Street</AddressLine1>"
        "<AddressLine2>Lôn Pen Cei</AddressLine2><AddressLine3>Abersoch</AddressLine3>"
        "<AddressLine4>Pwllheli, Gwynedd</AddressLine4>"
        "<PostCode>LL53 7AW</PostCode>"
        if n % 7
        else "<AddressLine3>Liverpool</AddressLine3>"
    )
    date = f"<RatingDate>{rated}</RatingDate>" if rated else '<RatingDate xsi:nil="true"/>'
    score_xml = (
        f"<Scores><Hygiene>{scores[0]}</Hygiene><Structural>{scores[1]}</Structural>"
        f"<ConfidenceInManagement>{scores[2]}</ConfidenceInManagement></Scores>"
        if scores
        else "<Scores/>"
    )
    geocode = (
        "<Geocode><Longitude>-4.50444900000000</Longitude><Latitude>52.82492300000000</Latitude>"
        "</Geocode>"
        if n % 5
        else "<Geocode />"
    )
    code = 554 + n % 20
    return (
        f"    <EstablishmentDetail>\n      <FHRSID>{100000 + n}</FHRSID>"
        f"<LocalAuthorityBusinessID>PI/{n:09d}</LocalAuthorityBusinessID>\n"
        f"      <BusinessName>{escape(f'Zinc & Co {n}')}</BusinessName>"
        "<BusinessType>Restaurant/Cafe/Canteen</BusinessType><BusinessTypeID>1</BusinessTypeID>\n"
        f"      {address}<RatingValue>{value}</RatingValue><RatingKey>{key}</RatingKey>{date}\n"
        f"      <LocalAuthorityCode>{code}</LocalAuthorityCode>"
        f"<LocalAuthorityName>Authority {code}</LocalAuthorityName>\n"
        "      <LocalAuthorityWebSite>http://www.gwynedd.gov.uk</LocalAuthorityWebSite>"
        "<LocalAuthorityEmailAddress>food@gwynedd.gov.uk</LocalAuthorityEmailAddress>\n"
        f"      {score_xml}<SchemeType>{scheme}</SchemeType>"
        f"<NewRatingPending>{'True' if n % 97 == 0 else 'False'}</NewRatingPending>{extra}\n"
        f"      {geocode}\n    </EstablishmentDetail>\n"
    )


def generate(size: int, path: Path) -> Path:
    """Write an N-establishment bulk file, unless one of that size is there already."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<FHRSEstablishment xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            "  <Header>\n    <ExtractDate>2026-08-19</ExtractDate>\n"
            f"    <ItemCount>{size}</ItemCount>\n    <ReturnCode>Success</ReturnCode>\n"
            "  </Header>\n  <EstablishmentCollection>\n"
        )
        for n in range(size):
            out.write(_establishment(n))
        out.write("  </EstablishmentCollection>\n</FHRSEstablishment>\n")
    partial.rename(path)
    return path


# The children ----------------------------------------------------------------------------------


def _bare(path: str) -> int:
    from xml.etree import ElementTree

    count = 0
    collection = None
    for event, element in ElementTree.iterparse(path, events=("start", "end")):
        if event == "start":
            if collection is None and element.tag == "EstablishmentCollection":
                collection = element
        elif element.tag == "EstablishmentDetail":
            count += 1
            assert collection is not None
            collection.clear()
    return count


def _import(path: str) -> int:
    from inspectlib.sources import fhrs

    count = 0
    for _ in fhrs.read(path):
        count += 1
    return count


def _child(kind: str, path: str) -> None:
    start = time.perf_counter()
    count = (_bare if kind == "bare" else _import)(path)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": count, "seconds": seconds, "peak_rss_mib": peak_kib / 1024}))


def _run(kind: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--output", type=Path, default=HERE / "results")
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the figures, as JSON, to PATH"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        _child(*arguments.child)
        return

    size = arguments.size
    path = generate(size, arguments.data / f"fhrs-{size}.xml")
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "import": []}
    for _ in range(arguments.repeats):
        for kind in ("bare", "import"):
            run = _run(kind, path)
            assert run["count"] == size, (kind, run)
            runs[kind].append(run)
    bare = statistics.median(run["seconds"] for run in runs["bare"])
    imported = statistics.median(run["seconds"] for run in runs["import"])
    figures = {
        "size": size,
        "file_mib": round(path.stat().st_size / 2**20, 1),
        "repeats": arguments.repeats,
        "bare_seconds": round(bare, 2),
        "import_seconds": round(imported, 2),
        "bare_us_per_record": round(bare / size * 1e6, 2),
        "import_us_per_record": round(imported / size * 1e6, 2),
        "ratio": round(imported / bare, 2),
        "bare_peak_rss_mib": round(max(run["peak_rss_mib"] for run in runs["bare"]), 1),
        "import_peak_rss_mib": round(max(run["peak_rss_mib"] for run in runs["import"]), 1),
        "runs": runs,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    }
    table = (
        f"| {size:,} establishments ({figures['file_mib']} MiB) | seconds (median of "
        f"{arguments.repeats}) | µs per record | x bare parse | peak RSS (MiB) |\n"
        "|---|---|---|---|---|\n"
        f"| bare parse (`iterparse`, clear each establishment) | {figures['bare_seconds']} | "
        f"{figures['bare_us_per_record']} | 1.00 | {figures['bare_peak_rss_mib']} |\n"
        f"| `inspectlib.sources.fhrs.read` | {figures['import_seconds']} | "
        f"{figures['import_us_per_record']} | {figures['ratio']} | "
        f"{figures['import_peak_rss_mib']} |\n"
    )
    arguments.output.mkdir(parents=True, exist_ok=True)
    (arguments.output / "fhrs.json").write_text(json.dumps(figures, indent=2) + "\n")
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
    (arguments.output / "fhrs.md").write_text(
        "# Food hygiene import: time and memory\n\n"
        f"`python benchmarks/fhrs.py --size {size} --repeats {arguments.repeats}`, Python "
        f"{figures['python']}, {figures['machine']}.\n\n" + table
    )
    print(table)


if __name__ == "__main__":
    main()
