"""The performance benchmark runs end to end and its report keeps every row.

``benchmarks/run.py`` is run once at tiny sizes (one round each, so the figures mean nothing
here: speed is judged by the full run, never by a test). What is checked is the report's
shape: every section is there, every scenario has pydantic beside inspectlib and a verdict, and
every target of the report has a measured value and a verdict, so that a row cannot be lost
without a test failing.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"

pytestmark = pytest.mark.slow  # about 15 seconds of CPU: child processes for each companion

SCENARIOS = (
    "stream decode (records discarded)",
    "`loads` of single documents",
    "bulk decode, every record kept, collector on",
    "bulk decode, every record kept, collector-free",
    "encode of single records (`dumps`)",
    "encode of a stream (`dump_lines`)",
)

# Each target the report must judge, by the start of its row.
TARGETS = (
    "stream decode (records discarded): decode <= 5.0x orjson.loads",
    "`loads` of single documents: decode <= 5.0x orjson.loads",
    "encode of a stream (`dump_lines`): encode <= 3.0x orjson.dumps",
    "encode of single records (`dumps`): encode <= 3.0x orjson.dumps",
    "stream decode (records discarded): stretch: decode <= 4.0x orjson.loads",
    "encode of a stream (`dump_lines`): stretch: encode <= 1.5x orjson.dumps",
    *(f"{scenario}: ahead of pydantic v2, same schema and checks" for scenario in SCENARIOS),
    "stream decode cost per record flat within 15%",
    "memory per kept record <= 7.3 KB",
    "streaming the N=400 file: peak RSS < 150 MB",
    "a document with errors gets every error with its path",
    "valid documents never pay for the detailed pass",
    "FHRS import <= 3x the bare parse (iterparse), 120 establishments",
    "FHRS import of 120 establishments: peak RSS < 150 MB",
    "Ofsted import <= 3x csv.reader, most recent inspections",
    "Ofsted import <= 3x csv.reader, report cards",
    "JSON Lines to a Parquet dataset, 200 records: peak RSS < 300 MB",
)

SECTIONS = (
    "## Scenarios: inspectlib beside pydantic v2",
    "## Targets",
    *(f"## {scenario[0].upper()}{scenario[1:]}" for scenario in SCENARIOS),
    "## Peak memory, streaming the N=400 file",
    "## Memory per record kept",
    "## Food hygiene import (FHRS XML)",
    "## Ofsted import (management information CSV)",
    "## JSON Lines to a Parquet dataset",
    "## Rejection check",
    "## Closing note: the levers behind the changes",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any], Path]:
    pytest.importorskip("pydantic", reason="the peers are in the bench dependency group")
    pytest.importorskip("msgspec", reason="the peers are in the bench dependency group")
    base = tmp_path_factory.mktemp("benchmark")
    output = base / "results"
    command = [
        sys.executable,
        str(RUN),
        "--quick",
        "--sizes",
        "200,400",
        "--repeats",
        "1",
        "--fhrs-size",
        "120",
        "--ofsted-rows",
        "40",
        "--parquet-size",
        "200",
        "--companion-repeats",
        "1",
        "--output",
        str(output),
        "--data",
        str(base / "data"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    markdown = (output / "latest.md").read_text()
    figures = json.loads((output / "latest.json").read_text())
    return markdown, figures, output


def _table(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first table under *heading*, cells stripped, header and rule left out."""
    section = markdown.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def test_every_section_is_written(report: tuple[str, dict[str, Any], Path]) -> None:
    markdown, _, _ = report
    missing = [heading for heading in SECTIONS if f"\n{heading}" not in markdown]
    assert [] == missing


def test_every_scenario_has_pydantic_beside_it_and_a_verdict(
    report: tuple[str, dict[str, Any], Path],
) -> None:
    markdown, _, _ = report
    rows = _table(markdown, "## Scenarios: inspectlib beside pydantic v2")
    assert list(SCENARIOS) == [row[0] for row in rows]
    for row in rows:
        scenario, size, _, ours, pydantic, msgspec, ratio, verdict = row
        assert "400" == size, scenario
        assert all(cell.endswith("x)") for cell in (ours, pydantic, msgspec)), row
        assert verdict == ("ahead" if float(ratio.removesuffix("x")) < 1 else "behind"), row


def test_every_target_has_a_measured_value_and_a_verdict(
    report: tuple[str, dict[str, Any], Path],
) -> None:
    markdown, _, _ = report
    rows = _table(markdown, "## Targets")
    for target in TARGETS:
        found = [row for row in rows if row[0].startswith(target)]
        assert len(found) == 1, (target, [row[0] for row in rows])
        _, measured, verdict = found[0]
        assert verdict in {"met", "NOT met"}, found[0]
        assert "not measured" not in measured
    assert len(TARGETS) == len(rows), [row[0] for row in rows]


def test_the_companions_figures_are_read_and_their_reports_kept(
    report: tuple[str, dict[str, Any], Path],
) -> None:
    _, figures, output = report
    companions = figures["companions"]
    assert {"fhrs", "ofsted", "parquet"} == set(companions)
    assert all(found["status"] == "ok" for found in companions.values()), companions
    assert 120 == companions["fhrs"]["figures"]["size"]
    assert [40, 40] == [shape["rows"] for shape in companions["ofsted"]["figures"]["results"]]
    assert 200 == companions["parquet"]["figures"]["size"]
    for name in ("fhrs.json", "fhrs.md", "import_ofsted.json", "parquet.json", "parquet.md"):
        assert (output / name).is_file(), name


def test_a_quick_run_says_its_verdicts_are_not_the_full_runs(
    report: tuple[str, dict[str, Any], Path],
) -> None:
    markdown, figures, _ = report
    assert "quick" == figures["mode"]
    assert "**A quick run**: sizes below those the targets name." in markdown


def test_the_collector_free_load_is_inspectlibs_own_way(
    report: tuple[str, dict[str, Any], Path],
) -> None:
    markdown, _, _ = report
    section = markdown.split("\n## Bulk decode, every record kept, collector-free\n", 1)[1]
    timed = section.split("\n", 2)[1]
    assert timed.startswith(
        "Timed: the same bulk load, without the collector: inspectlib inside "
        "`with collector_paused():`, the peers and the floor by `gc.disable()`"
    ), timed


def _benchmark_module(name: str) -> Any:
    """A module of benchmarks/ (``run``, ``report``), imported as run.py imports its own."""
    directory = str(ROOT / "benchmarks")
    if directory not in sys.path:
        sys.path.insert(0, directory)
    return importlib.import_module(name)


def test_a_companion_that_fails_is_reported_not_lost(tmp_path: Path) -> None:
    pytest.importorskip("pydantic", reason="the peers are in the bench dependency group")
    run = _benchmark_module("run")
    report = _benchmark_module("report")
    broken = run.Companion("fhrs", "Food hygiene import", "no_such_script.py", "--size", "x.json")
    found = run.run_companion(broken, 10, 1, tmp_path / "data", tmp_path / "out", timeout=60)
    assert found["status"].startswith("failed (exit status 2): "), found
    assert not (tmp_path / "out").exists()
    working = {"status": "ok", "size": 10, "figures": {}}
    rows = report.companion_targets({"fhrs": found, "ofsted": working, "parquet": working})
    assert [
        ("FHRS import <= 3x the bare parse (iterparse), 10 establishments", "not measured"),
        ("FHRS import of 10 establishments: peak RSS < 150 MB", "not measured"),
        ("Ofsted import <= 3x csv.reader, each shape, 10 rows", "not measured"),
        ("JSON Lines to a Parquet dataset, 10 records: peak RSS < 300 MB", "not measured"),
    ] == [(row["target"], row["verdict"]) for row in rows]
    assert rows[0]["measured"] == f"not measured: {found['status']}"
    assert rows[3]["measured"] == "not measured: no such figure in its report"
