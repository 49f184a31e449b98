"""Plain-text summaries of records, for terminals and logs."""

from __future__ import annotations

import datetime

import attrs

from ._commissions import CommissionedInspection
from ._frameworks import Framework
from ._inspections import Inspection
from ._partial_dates import describe_day
from ._scales import GradingScale
from ._stated_dates import StatedDate, describe_date
from ._timeline import timeline

__all__ = ["in_use", "render", "render_commission", "render_framework", "render_inspection"]


def _table(rows: list[tuple[str, str]], headings: tuple[str, str]) -> list[str]:
    left_width = max(len(left) for left, _ in [headings, *rows])
    right_width = max(len(right) for _, right in [headings, *rows])
    lines = [
        f"  {headings[0]:<{left_width}}  {headings[1]}",
        f"  {'-' * left_width}  {'-' * right_width}",
    ]
    lines.extend(f"  {left:<{left_width}}  {right}" for left, right in rows)
    return lines


def _day(value: StatedDate) -> str:
    if type(value) is datetime.date:
        # Not strftime's %B: it follows the process's locale, and output must not.
        return describe_day(value)
    return describe_date(value)


def _between(first: datetime.date | None, last: datetime.date) -> str:
    return f"{'an unknown day' if first is None else _day(first)} and {_day(last)}"


def _title(text: str) -> list[str]:
    return [text, "=" * len(text)]


def render_inspection(inspection: Inspection, *, today: datetime.date | None = None) -> str:
    """A readable summary of an inspection: who, when, grades, findings, evidence, deadlines.

    .. versionadded:: 0.1.0
    """
    subjects = ", ".join(subject.name for subject in inspection.subjects)
    lines = [
        *_title(inspection.title),
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
    lines += _deadline_lines(inspection, today)
    return "\n".join(lines)


def _deadline_lines(inspection: Inspection, today: datetime.date | None) -> list[str]:
    deadlines = inspection.deadlines()
    if not deadlines:
        return []
    lines = ["", "Response deadlines"]
    for deadline in deadlines:
        if deadline.response is not None:
            met = deadline.met
            state = "met" if met else "missed" if met is False else "met or missed"
            state += f": responded {_day(deadline.response.published)}"
        elif today is not None and deadline.overdue(today):
            state = "no response recorded, overdue"
        else:
            state = "no response recorded"
        due = (
            _day(deadline.due)
            if deadline.due is not None
            else f"between {_between(deadline.earliest_due, deadline.latest_due)}"
        )
        lines.append(
            f"  - {due}: {deadline.rule.responder} "
            f"({deadline.rule.citation or deadline.rule.name}); {state}"
        )
    return lines


def render_commission(
    commission: CommissionedInspection, *, today: datetime.date | None = None
) -> str:
    """A readable summary of a commissioned inspection: who asked, what, its parts, timeline.

    .. versionadded:: 0.1.0
    """
    commissioner = commission.commissioner
    who = commissioner.organisation.name + (
        f" ({commissioner.person})" if commissioner.person else ""
    )
    lines = [
        *_title(commission.title),
        f"Commissioned: {commission.commissioned.describe()} by {who}, as {commissioner.capacity}",
    ]
    if commission.legal_basis is not None:
        citation = commission.legal_basis.citation
        lines.append(f"Legal basis:  {citation or commission.legal_basis.text}")
    supporting = ", ".join(o.short_name or o.name for o in commission.supporting)
    lead = commission.lead.short_name or commission.lead.name
    lines.append(f"Led by:       {lead}" + (f", supported by {supporting}" if supporting else ""))
    lines.append(f"Status:       {commission.status.value.replace('_', ' ')}")
    if commission.terms_of_reference:
        lines += ["", "Terms of reference"]
        for question in commission.terms_of_reference:
            lines.append(f"  {question.number}. {question.text}")
            lines.extend(f"     - {point}" for point in question.points)
    if commission.parts:
        lines += ["", "Parts"]
        for part in commission.parts:
            lines.append(f"  {part.number}. {part.title}: {part.status.value.replace('_', ' ')}")
            if part.expected is not None:
                lines.append(f"     expected {part.expected.expected.describe()}")
            if part.published is not None:
                lines.append(f"     published {_day(part.published.date)}")
            if part.record is not None:
                # Its dates are in the other record, which a summary of this one does not hold.
                lines.append(f"     is the record {part.record}")
                continue
            lateness = part.lateness(today)
            if lateness is not None and lateness.late:
                # "By June" is the same deadline as "June": days count from its last day.
                against = attrs.evolve(lateness.expected, by=False).describe()
                days = (
                    ("1 day" if lateness.days == 1 else f"{lateness.days} days")
                    if lateness.days is not None
                    else f"{lateness.fewest_days} to {lateness.most_days} days"
                )
                lines.append(f"     late by {days} against {against}")
    lines += ["", "Timeline"]
    lines.extend(f"  {event}" for event in timeline(commission))
    return "\n".join(lines)


def in_use(framework: Framework) -> str:
    """When *framework* is in use, in words: ``"since 16 April 2024"`` (no end: it still is),
    ``"from 2014 to 2020"``, and what is not known said so."""
    start, end = framework.valid_from, framework.valid_until
    if start is None:
        return "since a date not known" if end is None else f"until {end.describe()}"
    if end is None:
        return f"since {start.describe()}"
    return f"from {start.describe()} to {end.describe()}"


def render_framework(framework: Framework) -> str:
    """A readable summary of a framework: its scales, areas and rules.

    .. versionadded:: 0.1.0
    """
    lines = [
        *_title(f"{framework.id}: {framework.name}"),
        f"Inspectorate: {framework.inspectorate}",
        f"In use:       {in_use(framework)}",
        f"Overall:      {'yes' if framework.overall else 'no overall judgment'}",
    ]
    for scale in framework.scales:
        lines.append(f"Scale:        {scale.id}: {', '.join(scale.labels)} (best first)")
    if framework.areas:
        heading = "Areas" if framework.closed else "Areas (known so far; others may exist)"
        lines += ["", heading]
        for area in framework.areas:
            indent = "    " if area.parent else "  "
            extra = [] if area.required else ["optional"]
            extra += [kind.value.replace("_", " ") for kind in area.non_grades]
            if area.scale:
                extra.append(f"on {area.scale}")
            suffix = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"{indent}{area.key}: {area.topic}{suffix}")
            lines.extend(f"{indent}  also: {alias}" for alias in area.aliases)
    if framework.notes:
        lines += ["", framework.notes]
    if framework.sources:
        lines += ["", "Sources"]
        lines.extend(f"  - {source.url or source.title}" for source in framework.sources)
    return "\n".join(lines)


def render_scale(scale: GradingScale) -> str:
    """A readable summary of a grading scale."""
    return "\n".join(
        [*_title(f"{scale.id}: {scale.name}"), *(f"  {label}" for label in scale.labels)]
    )


def render(
    record: Inspection | CommissionedInspection | Framework | GradingScale,
    *,
    today: datetime.date | None = None,
) -> str:
    """A readable summary of any record that can be a document.

    .. versionadded:: 0.1.0
    """
    if isinstance(record, Inspection):
        return render_inspection(record, today=today)
    if isinstance(record, CommissionedInspection):
        return render_commission(record, today=today)
    if isinstance(record, Framework):
        return render_framework(record)
    return render_scale(record)
