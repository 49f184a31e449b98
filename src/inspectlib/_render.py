"""Plain-text summaries of records, for terminals and logs."""

from __future__ import annotations

import datetime

from ._inspections import Inspection

__all__ = ["render_inspection"]


def _table(rows: list[tuple[str, str]], headings: tuple[str, str]) -> list[str]:
    left_width = max(len(left) for left, _ in [headings, *rows])
    right_width = max(len(right) for _, right in [headings, *rows])
    lines = [
        f"  {headings[0]:<{left_width}}  {headings[1]}",
        f"  {'-' * left_width}  {'-' * right_width}",
    ]
    lines.extend(f"  {left:<{left_width}}  {right}" for left, right in rows)
    return lines


def _day(value: datetime.date) -> str:
    return f"{value.day} {value:%B %Y}"


def render_inspection(inspection: Inspection) -> str:
    """A readable summary of an inspection: who, when, grades, findings, evidence.

    .. versionadded:: 0.1.0
    """
    subjects = ", ".join(subject.name for subject in inspection.subjects)
    lines = [
        inspection.title,
        "=" * len(inspection.title),
        f"Inspectorate: {inspection.inspectorate.short_name or inspection.inspectorate.name}",
        f"Inspected:    {subjects}",
        f"Published:    {_day(inspection.published)}",
    ]
    if inspection.framework:
        lines.append(f"Framework:    {inspection.framework}")
    if inspection.fieldwork:
        lines.append(f"Fieldwork:    {inspection.fieldwork}")
    if inspection.overall is not None:
        lines.append(f"Overall:      {inspection.overall}")
    if inspection.graded_areas:
        lines += ["", "Graded areas"]
        rows = [(area.heading, str(area.judgment)) for area in inspection.graded_areas]
        lines += _table(rows, ("Area", "Judgment"))
    if inspection.findings:
        lines += ["", "Findings"]
        for finding in inspection.findings:
            reference = f" {finding.reference}" if finding.reference else ""
            lines.append(f"  - [{finding.kind.label}{reference}] {finding.text}")
    if inspection.evidence:
        lines += ["", "Evidence"]
        lines.extend(f"  - {item}" for item in inspection.evidence)
    for quote in inspection.quotes:
        role = f", {quote.role}" if quote.role else ""
        lines += ["", f"  \u201c{quote.text}\u201d", f"    - {quote.speaker}{role}"]
    return "\n".join(lines)
