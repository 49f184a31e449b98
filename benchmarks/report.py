"""The benchmark's report: the targets judged, and ``latest.md`` written, from the figures alone.

``run.py`` measures and hands its figures here; everything this module needs is in them (the
scenarios' titles and floors, the companions' commands and reports, the rejection check), so
that a report can be written again from a ``latest.json``:

    python benchmarks/report.py benchmarks/results/latest.json     # prints latest.md

Verdicts: ``met`` or ``NOT met`` for a target, ``ahead`` or ``behind`` pydantic for a scenario;
``not measured`` where a figure is missing (a companion that failed, or a renamed field in its
JSON), which the report's test refuses, so that no row is lost silently.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OURS, PEER, MSGSPEC = "inspectlib", "pydantic v2", "msgspec Structs"

TARGETS = {
    "decode_ratio": 5.0,
    "decode_stretch": 4.0,  # msgspec's ratio on this corpus
    "encode_ratio": 3.0,
    "encode_stretch": 1.5,
    "flatness": 1.15,
    "stream_rss_mb": 150.0,
    "kept_bytes_per_record": 7_304.0,  # the figure of the last full run before the target was set
    "fhrs_ratio": 3.0,
    "fhrs_rss_mb": 150.0,
    "ofsted_ratio": 3.0,
    "parquet_rss_mb": 300.0,
}
# Which scenario each speed target reads.
DECODE_TARGETS = ("stream_decode", "loads")
ENCODE_TARGETS = ("dump_lines", "dumps")

MET, NOT_MET, NOT_MEASURED = "met", "NOT met", "not measured"


def _verdict(ok: bool | None) -> str:
    return NOT_MEASURED if ok is None else MET if ok else NOT_MET


def _ahead(ratio: float) -> str:
    return "ahead" if ratio < 1.0 else "behind"


def _dig(mapping: Any, *keys: str | int) -> Any:
    """mapping[k1][k2]..., or None where a figure is missing (a companion's JSON lacks it)."""
    for key in keys:
        try:
            mapping = mapping[key]
        except (KeyError, IndexError, TypeError):
            return None
    return mapping


def _largest(scenario: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The largest size a scenario was timed at, and its figures there."""
    by_size = scenario["by_size"]
    if not by_size:
        return None
    n = max(int(size) for size in by_size)
    return n, by_size[str(n)]


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.1f} min"


def _row(section: str, target: str, measured: str, ok: bool | None) -> dict[str, str]:
    return {"section": section, "target": target, "measured": measured, "verdict": _verdict(ok)}


# --- targets ----------------------------------------------------------------------------------


def _ratio_row(scenario: dict[str, Any], limit: float, what: str, section: str) -> dict[str, str]:
    found = _largest(scenario)
    figure = None if found is None else _dig(found[1], "contenders", OURS, "ratio")
    at = "" if found is None else f" (N={found[0]:,})"
    floor = scenario["floor"].removesuffix(" (floor)")
    return _row(
        section,
        f"{scenario['title']}: {what} <= {limit}x {floor}{at}",
        NOT_MEASURED if figure is None else f"{figure:.2f}x",
        None if figure is None else figure <= limit,
    )


def _pydantic_row(scenario: dict[str, Any]) -> dict[str, str]:
    found = _largest(scenario)
    ratio = None if found is None else _dig(found[1], "versus", PEER)
    at = "" if found is None else f" (N={found[0]:,})"
    return _row(
        "ahead of pydantic",
        f"{scenario['title']}: ahead of pydantic v2, same schema and checks{at}",
        NOT_MEASURED
        if ratio is None
        else f"inspectlib takes {ratio:.2f}x pydantic's time ({_ahead(ratio)})",
        None if ratio is None else ratio < 1.0,
    )


def speed_targets(scenarios: dict[str, Any]) -> list[dict[str, str]]:
    rows = [
        *(
            _ratio_row(scenarios[key], TARGETS["decode_ratio"], "decode", "speed")
            for key in DECODE_TARGETS
        ),
        *(
            _ratio_row(scenarios[key], TARGETS["encode_ratio"], "encode", "speed")
            for key in ENCODE_TARGETS
        ),
        _ratio_row(
            scenarios[DECODE_TARGETS[0]], TARGETS["decode_stretch"], "stretch: decode", "stretch"
        ),
        _ratio_row(
            scenarios[ENCODE_TARGETS[0]], TARGETS["encode_stretch"], "stretch: encode", "stretch"
        ),
        *(_pydantic_row(scenario) for scenario in scenarios.values()),
    ]
    stream = scenarios["stream_decode"]["by_size"]
    sizes = sorted(int(n) for n in stream)
    per_size = [stream[str(n)]["contenders"][OURS]["us_per_record"] for n in sizes]
    flat, spread = per_size[-1] / per_size[0], max(per_size) / min(per_size)
    rows.append(
        _row(
            "speed",
            f"stream decode cost per record flat within 15% from N={sizes[0]:,} to N={sizes[-1]:,}",
            f"largest/smallest {flat:.2f}, max/min over sizes {spread:.2f}",
            flat <= TARGETS["flatness"] and spread <= TARGETS["flatness"],
        )
    )
    return rows


def memory_targets(memory: dict[str, Any]) -> list[dict[str, str]]:
    kept = memory["retained_bytes_per_record"].get(OURS)
    rss = _dig(memory, "stream", OURS, "rss_peak_mb")
    return [
        _row(
            "memory",
            f"memory per kept record <= {TARGETS['kept_bytes_per_record'] / 1000:.1f} KB "
            f"({TARGETS['kept_bytes_per_record']:,.0f} bytes; tracemalloc, "
            f"{memory['retained_records']:,} records)",
            NOT_MEASURED if kept is None else f"{kept:,.0f} bytes",
            None if kept is None else kept <= TARGETS["kept_bytes_per_record"],
        ),
        _row(
            "memory",
            f"streaming the N={memory['stream_records']:,} file: peak RSS "
            f"< {TARGETS['stream_rss_mb']:.0f} MB",
            NOT_MEASURED if rss is None else f"{rss:.1f} MB",
            None if rss is None else rss < TARGETS["stream_rss_mb"],
        ),
    ]


def error_targets(rejection: dict[str, Any]) -> list[dict[str, str]]:
    many = rejection["many_errors"]
    detailed = rejection["detailed_pass_calls_on_valid"]
    return [
        _row(
            "errors",
            "a document with errors gets every error with its path",
            f"{len(many['reported'][OURS])} problems reported for {len(many['expected'])} errors",
            all(p in many["reported"][OURS] for p in many["expected"]),
        ),
        _row(
            "errors",
            "valid documents never pay for the detailed pass",
            NOT_MEASURED
            if detailed is None
            else f"detailed pass ran {detailed} times on "
            f"{rejection['valid_accepted_and_round_tripped']} valid documents",
            None if detailed is None else detailed == 0,
        ),
    ]


def _measured(found: dict[str, Any], figure: float | None, form: str) -> str:
    if found.get("status") != "ok":
        return f"{NOT_MEASURED}: {found.get('status')}"
    return (
        f"{NOT_MEASURED}: no such figure in its report" if figure is None else form.format(figure)
    )


def _companion_row(
    section: str, target: str, found: dict[str, Any], figure: float | None, form: str, ok: bool
) -> dict[str, str]:
    """A companion's target: its figure, or why it is missing (then no verdict but that)."""
    return _row(section, target, _measured(found, figure, form), None if figure is None else ok)


def companion_targets(companions: dict[str, Any]) -> list[dict[str, str]]:
    fhrs, ofsted, parquet = companions["fhrs"], companions["ofsted"], companions["parquet"]
    ratio = _dig(fhrs, "figures", "ratio")
    peak = _dig(fhrs, "figures", "import_peak_rss_mib")
    rows = [
        _companion_row(
            "importers",
            f"FHRS import <= {TARGETS['fhrs_ratio']:.0f}x the bare parse (iterparse), "
            f"{fhrs['size']:,} establishments",
            fhrs,
            ratio,
            "{:.2f}x",
            ratio is not None and ratio <= TARGETS["fhrs_ratio"],
        ),
        _companion_row(
            "importers",
            f"FHRS import of {fhrs['size']:,} establishments: peak RSS "
            f"< {TARGETS['fhrs_rss_mb']:.0f} MB",
            fhrs,
            peak,
            "{:.1f} MiB",
            peak is not None and peak < TARGETS["fhrs_rss_mb"],
        ),
    ]
    # One row per shape of file; a row saying so where the shapes are missing.
    for shape in _dig(ofsted, "figures", "results") or [None]:
        ratio = _dig(shape, "ratio_to_csv_reader")
        rows.append(
            _companion_row(
                "importers",
                f"Ofsted import <= {TARGETS['ofsted_ratio']:.0f}x csv.reader, "
                f"{_dig(shape, 'shape') or 'each shape'}, {ofsted['size']:,} rows",
                ofsted,
                ratio,
                "{:.2f}x",
                ratio is not None and ratio <= TARGETS["ofsted_ratio"],
            )
        )
    peak = _dig(parquet, "figures", "jobs", "write_parquet_dataset", "peak_mb")
    rows.append(
        _companion_row(
            "Parquet",
            f"JSON Lines to a Parquet dataset, {parquet['size']:,} records: peak RSS "
            f"< {TARGETS['parquet_rss_mb']:.0f} MB",
            parquet,
            peak,
            "{:.1f} MB",
            peak is not None and peak < TARGETS["parquet_rss_mb"],
        )
    )
    return rows


def targets(results: dict[str, Any]) -> list[dict[str, str]]:
    """Every target, each with its measured value and a verdict."""
    return [
        *speed_targets(results["scenarios"]),
        *memory_targets(results["memory"]),
        *error_targets(results["rejection"]),
        *companion_targets(results["companions"]),
    ]


# --- latest.md --------------------------------------------------------------------------------


def _cell(figures: dict[str, Any] | None) -> str:
    if figures is None:
        return "—"
    return f"{figures['us_per_record']:.1f} ({figures['ratio']:.2f}x)"


def scenario_table(scenarios: dict[str, Any]) -> list[str]:
    out = [
        "| scenario | N | floor µs | inspectlib µs (x floor) | pydantic v2 µs (x floor) | "
        "msgspec µs (x floor) | inspectlib / pydantic | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for scenario in scenarios.values():
        found = _largest(scenario)
        if found is None:
            out.append(f"| {scenario['title']} | — | — | — | — | — | — | {NOT_MEASURED} |")
            continue
        n, figures = found
        contenders, ratio = figures["contenders"], figures["versus"].get(PEER)
        out.append(
            f"| {scenario['title']} | {n:,} | "
            f"{contenders[scenario['floor']]['us_per_record']:.1f} | "
            f"{_cell(contenders.get(OURS))} | {_cell(contenders.get(PEER))} | "
            f"{_cell(contenders.get(MSGSPEC))} | "
            + ("—" if ratio is None else f"{ratio:.2f}x")
            + f" | {NOT_MEASURED if ratio is None else _ahead(ratio)} |"
        )
    return out


def _sizes_table(by_size: dict[str, Any]) -> list[str]:
    sizes = sorted(int(n) for n in by_size)
    names: list[str] = []
    for n in sizes:
        for name in by_size[str(n)]["contenders"]:
            if name not in names:
                names.append(name)
    out = ["| contender | " + " | ".join(f"N={n:,}" for n in sizes) + " |"]
    out.append("|---|" + "---|" * len(sizes))
    for name in names:
        cells = [_cell(by_size[str(n)]["contenders"].get(name)) for n in sizes]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    versus = [by_size[str(n)]["versus"].get(PEER) for n in sizes]
    out.append(
        "| inspectlib / pydantic v2 | "
        + " | ".join("—" if v is None else f"{v:.2f}x ({_ahead(v)})" for v in versus)
        + " |"
    )
    return out


def _fhrs_table(figures: dict[str, Any], repeats: int) -> list[str]:
    def figure(key: str) -> Any:
        value = _dig(figures, key)
        return "—" if value is None else value

    return [
        f"{figure('size'):,} establishments ({figure('file_mib')} MiB), medians of {repeats} "
        "rounds, each run in a fresh process.",
        "",
        "| job | seconds | µs per record | x bare parse | peak RSS (MiB) |",
        "|---|---|---|---|---|",
        f"| bare parse (`iterparse`, each establishment cleared) | {figure('bare_seconds')} | "
        f"{figure('bare_us_per_record')} | 1.00 | {figure('bare_peak_rss_mib')} |",
        f"| `inspectlib.sources.fhrs.read` | {figure('import_seconds')} | "
        f"{figure('import_us_per_record')} | {figure('ratio')} | "
        f"{figure('import_peak_rss_mib')} |",
    ]


def _ofsted_table(figures: dict[str, Any], repeats: int) -> list[str]:
    columns = (
        "shape",
        "rows",
        "records",
        "csv_reader_s",
        "import_s",
        "import_us_per_row",
        "import_us_per_record",
        "ratio_to_csv_reader",
    )
    out = [
        f"Medians of {repeats} rounds, `csv.reader` then the importer in each round; the ratio "
        "is the median of the rounds' ratios.",
        "",
        "| shape | rows | records | csv.reader s | import s | µs per row | µs per record | "
        "x csv.reader |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for shape in _dig(figures, "results") or []:
        cells = ["—" if _dig(shape, c) is None else str(_dig(shape, c)) for c in columns]
        out.append("| " + " | ".join(cells) + " |")
    return out


def _parquet_table(figures: dict[str, Any], repeats: int) -> list[str]:
    out = [
        f"{_dig(figures, 'size') or 0:,} records, partitioned by year; medians of {repeats} "
        "rounds, each job in a child process of its own.",
        "",
        "| job | µs per record | peak RSS (MB) |",
        "|---|---|---|",
    ]
    for job in ("load_lines", "write_parquet_dataset"):
        us = _dig(figures, "jobs", job, "us_per_record")
        peak = _dig(figures, "jobs", job, "peak_mb")
        out.append(
            f"| `{job}` | {'—' if us is None else f'{us:.1f}'} | "
            f"{'—' if peak is None else f'{peak:.1f}'} |"
        )
    ratio = _dig(figures, "ratio_to_load_lines")
    if ratio is not None:
        out += ["", f"The conversion takes {ratio:.2f}x `load_lines` in the same round."]
    return out


COMPANION_TABLES = {"fhrs": _fhrs_table, "ofsted": _ofsted_table, "parquet": _parquet_table}


def companion_sections(results: dict[str, Any]) -> list[str]:
    found = _largest(results["scenarios"]["stream_decode"])
    load_lines = (
        NOT_MEASURED
        if found is None
        else f"{found[1]['contenders'][OURS]['us_per_record']:.1f} µs a record (N={found[0]:,})"
    )
    out: list[str] = []
    for key, companion in results["companions"].items():
        out += ["", f"## {companion['title']}", "", f"`{companion['command']}`"]
        if "seconds" in companion:
            out[-1] += f" ({_duration(companion['seconds'])})"
        out.append("")
        if companion.get("status") != "ok":
            out.append(f"Not measured: {companion.get('status')}.")
            continue
        out += COMPANION_TABLES[key](companion["figures"], companion["repeats"])
        out += ["", f"`load_lines` in this run's stream decode: {load_lines}."]
    return out


def _header(results: dict[str, Any]) -> list[str]:
    m, c = results["machine"], results["corpus"]
    out = [
        "# inspectlib performance benchmark",
        "",
        f"Run {results['started']} ({_duration(results['seconds'])}: "
        + ", ".join(f"{k} {_duration(v)}" for k, v in results["section_seconds"].items())
        + f") with `{results['command']}`.",
        "",
        f"Machine: {m['platform']}; CPU {m['cpu']}, {m['cores']} cores; "
        f"{m['implementation']} {m['python']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['load_average_at_start'])}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        f"Corpus: {c['description']}; {c['mean_bytes']:.0f} bytes a record on average; "
        f"seed {c['seed']}.",
        f"Method: medians of {results['repeats']} rounds; ratios to the floor measured in "
        "the same round (median of the per-round ratios), and inspectlib's time over "
        "pydantic's the same way; timed loops with the garbage collector off, except the "
        "collector-on bulk load and `inspectlib (gc on)`. Above N="
        f"{results['large_above']:,} only the floor, json.loads, inspectlib and the peers "
        "with the cross-field check stream-decode; single documents and encoding cycle "
        f"through the first {results['pool']:,} records, so they are timed up to N="
        f"{results['large_above']:,}; the bulk loads keep every record, up to "
        f"N={results['bulk_max']:,}.",
    ]
    if results["mode"] != "full":
        out += [
            "",
            f"**A {results['mode']} run**: sizes below those the targets name. The verdicts "
            "are for the sizes measured; `python benchmarks/run.py --full` gives the targets' "
            "own.",
        ]
    return out


def _memory_sections(memory: dict[str, Any]) -> list[str]:
    out = [
        "",
        f"## Peak memory, streaming the N={memory['stream_records']:,} file "
        "(child process per contender, VmHWM, gc on)",
        "",
        "| contender | RSS after start-up (MB) | peak RSS (MB) | growth (MB) |",
        "|---|---|---|---|",
    ]
    for name, r in memory["stream"].items():
        if "failed" in r:
            out.append(f"| {name} | {NOT_MEASURED}: {r['failed']} | — | — |")
            continue
        out.append(
            f"| {name} | {r['rss_start_mb']:.1f} | {r['rss_peak_mb']:.1f} | "
            f"{r['rss_peak_mb'] - r['rss_start_mb']:.1f} |"
        )
    out += [
        "",
        f"## Memory per record kept (tracemalloc, {memory['retained_records']:,} records)",
        "",
        "| contender | bytes per record |",
        "|---|---|",
    ]
    for name, value in memory["retained_bytes_per_record"].items():
        out.append(f"| {name} | {value:,.0f} |")
    return out


def _rejection_section(rejection: dict[str, Any]) -> list[str]:
    checked = rejection["checked"]
    out = [
        "",
        "## Rejection check (run before timing; any acceptance aborts the run)",
        "",
        "| invalid record | expected path | " + " | ".join(checked) + " |",
        "|---|---|" + "---|" * len(checked),
    ]
    for row in rejection["invalid"].values():
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
    many = rejection["many_errors"]
    out += [
        "",
        f"A document with {len(many['expected'])} errors "
        f"({', '.join(f'`{p}`' for p in many['expected'])}): "
        + "; ".join(f"{name} reports {len(paths)}" for name, paths in many["reported"].items())
        + ".",
        f"All contenders accepted the first {rejection['valid_accepted_and_round_tripped']} "
        "valid records and wrote each back byte for byte.",
    ]
    return out


def markdown(results: dict[str, Any]) -> str:
    """latest.md: scenarios, targets, each scenario by size, memory, companions, rejection."""
    scenarios = results["scenarios"]
    out = _header(results)
    out += ["", "## Scenarios: inspectlib beside pydantic v2", ""]
    out.append(
        "Each path a user takes, at the largest size it was timed at: µs per record (x the "
        "scenario's floor), and inspectlib's time over pydantic's (below 1.00x: ahead)."
    )
    out += ["", *scenario_table(scenarios)]
    out += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    for row in results["targets"]:
        out.append(f"| {row['target']} | {row['measured']} | {row['verdict']} |")
    for scenario in scenarios.values():
        title = scenario["title"]
        out += ["", f"## {title[0].upper()}{title[1:]}", ""]
        out += [f"Timed: {scenario['what']}. Floor: {scenario['floor']}.", ""]
        out += ["µs per record (x floor):", "", *_sizes_table(scenario["by_size"])]
    out += _memory_sections(results["memory"])
    out += companion_sections(results)
    out += _rejection_section(results["rejection"])
    out += ["", "## Closing note: the levers behind the changes", ""]
    note = results.get("levers_note")
    out.append(note.strip() if note else "No note: `benchmarks/levers.md` is missing.")
    return "\n".join(out) + "\n"


def print_summary(results: dict[str, Any]) -> None:
    print("\nSCENARIOS (largest size): µs/record (x floor), inspectlib / pydantic")
    for line in scenario_table(results["scenarios"])[2:]:
        print("  " + line)
    print("\nTARGETS:")
    for row in results["targets"]:
        print(f"  [{row['verdict']:>12s}] {row['target']}: {row['measured']}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: report.py LATEST_JSON")
    figures = json.loads(Path(sys.argv[1]).read_text())
    figures["targets"] = targets(figures)
    print(markdown(figures), end="")
