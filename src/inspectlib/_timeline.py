"""Timelines: every dated event of an inspection or a commission, in the order that is known."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator

import attrs

from ._commissions import CommissionedInspection, Part
from ._deadlines import ResponseRule
from ._expectations import Expectation, Records, slippage_of
from ._field_types import typed_fields
from ._inspections import Inspection
from ._partial_dates import PartialDate
from ._stated_dates import StatedDate, as_partial, covering

__all__ = ["Event", "EventKind", "timeline"]


class EventKind(enum.Enum):
    """What happened, or is expected to.

    .. versionadded:: 0.1.0
    """

    COMMISSIONED = "commissioned"
    FIELDWORK_STARTED = "fieldwork_started"
    FIELDWORK_ENDED = "fieldwork_ended"
    EXPECTATION_STATED = "expectation_stated"
    EXPECTED = "expected"
    PUBLISHED = "published"
    DELIVERABLE = "deliverable"
    DEADLINE = "deadline"
    RESPONSE = "response"
    FINDING_UPDATE = "finding_update"
    LEAD_CHANGED = "lead_changed"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Event:
    """One dated event: when, what, and a sentence saying it.

    *date* keeps the precision the sources give: an event known only as "June 2025" stays
    "June 2025".

    .. versionadded:: 0.1.0
    """

    date: PartialDate
    kind: EventKind
    description: str

    def __str__(self) -> str:
        return f"{self.date.describe()}: {self.description}"


def _day(value: StatedDate) -> PartialDate:
    return as_partial(value)


def _inspection_events(
    inspection: Inspection, rules: tuple[ResponseRule, ...] | None
) -> Iterator[Event]:
    if inspection.fieldwork is not None:
        yield Event(
            date=inspection.fieldwork.start,
            kind=EventKind.FIELDWORK_STARTED,
            description="fieldwork started",
        )
        yield Event(
            date=inspection.fieldwork.end,
            kind=EventKind.FIELDWORK_ENDED,
            description="fieldwork ended",
        )
    yield from _expectation_events("the report", inspection.expectations)
    yield Event(
        date=_day(inspection.published),
        kind=EventKind.PUBLISHED,
        description=f"published: {inspection.title}",
    )
    for deadline in inspection.deadlines(rules):
        # A report known only in part has a range of possible last days: shown as the range,
        # placed at the narrowest period that holds it.
        exact = deadline.due is not None
        when = "" if exact else f" (between {_range(deadline.earliest_due, deadline.latest_due)})"
        yield Event(
            date=covering(deadline.earliest_due, deadline.latest_due),
            kind=EventKind.DEADLINE,
            description=f"last day for {deadline.rule.responder} to respond "
            f"({deadline.rule.citation or deadline.rule.name}){when}",
        )
        if deadline.response is not None:
            on_time = "on time" if deadline.met else "late"
            yield Event(
                date=_day(deadline.response.published),
                kind=EventKind.RESPONSE,
                description=f"{deadline.response.responder.name} responded ({on_time})",
            )
    for update in inspection.finding_updates:
        yield Event(
            date=update.date,
            kind=EventKind.FINDING_UPDATE,
            description=f"finding {update.finding!r} of {update.inspection!r}: "
            f"{update.status.value.replace('_', ' ')}",
        )


def _range(first: datetime.date | None, last: datetime.date) -> str:
    start = "an unknown day" if first is None else PartialDate.from_date(first).describe()
    return f"{start} and {PartialDate.from_date(last).describe()}"


def _commission_events(
    commission: CommissionedInspection, records: Records | None
) -> Iterator[Event]:
    who = commission.commissioner.person or commission.commissioner.organisation.name
    yield Event(
        date=commission.commissioned,
        kind=EventKind.COMMISSIONED,
        description=f"commissioned by {who}",
    )
    for role in commission.leads[1:]:
        if role.since is not None:
            yield Event(
                date=_day(role.since),
                kind=EventKind.LEAD_CHANGED,
                description=f"{role.organisation.name} took over the lead",
            )
    yield from _expectation_events("the commission", commission.expectations)
    for part in commission.parts:
        name = f"part {part.number} ({part.title})"
        if part.record is not None:
            yield from _record_part_events(part, name, records)
            continue
        for slip in part.slippage():
            moved = "" if slip.previous is None else f", moved {slip.days:+d} days"
            yield Event(
                date=slip.expectation.announced,
                kind=EventKind.EXPECTATION_STATED,
                description=f"{name} expected {slip.expectation.expected.describe()}{moved}",
            )
        if part.expected is not None:
            yield Event(
                date=part.expected.expected, kind=EventKind.EXPECTED, description=f"{name} expected"
            )
        for deliverable in part.deliverables:
            if deliverable.document is not None and deliverable.document.published is not None:
                yield Event(
                    date=_day(deliverable.document.published),
                    kind=EventKind.DELIVERABLE,
                    description=f"{name}: {deliverable.kind.value.replace('_', ' ')} published: "
                    f"{deliverable.document.title}",
                )
        if part.published is not None:
            disputed = ", ".join(_day(claim.date).describe() for claim in part.disputed)
            other = f" (other sources: {disputed})" if disputed else ""
            yield Event(
                date=_day(part.published.date),
                kind=EventKind.PUBLISHED,
                description=f"{name} published{other}",
            )


def _expectation_events(name: str, expectations: tuple[Expectation, ...]) -> Iterator[Event]:
    for slip in slippage_of(expectations):
        moved = "" if slip.previous is None else f", moved {slip.days:+d} days"
        yield Event(
            date=slip.expectation.announced,
            kind=EventKind.EXPECTATION_STATED,
            description=f"{name} expected {slip.expectation.expected.describe()}{moved}",
        )


def _record_part_events(part: Part, name: str, records: Records | None) -> Iterator[Event]:
    """A part that is another record: its expectations and publication read from it. Without
    *records*, only what the commission itself states of the part."""
    if records is None:
        yield from _expectation_events(name, part.expectations)
        return
    record = part.record_in(records)
    expectations = part.expectations or record.expectations
    yield from _expectation_events(name, expectations)
    if expectations:
        yield Event(
            date=expectations[-1].expected, kind=EventKind.EXPECTED, description=f"{name} expected"
        )
    published = part.publication(records)
    if published is not None:
        yield Event(
            date=_day(published),
            kind=EventKind.PUBLISHED,
            description=f"{name} published: {record.title} ({record.id})",
        )


def timeline(
    record: Inspection | CommissionedInspection,
    *,
    rules: tuple[ResponseRule, ...] | None = None,
    records: Records | None = None,
) -> tuple[Event, ...]:
    """Every dated event of *record*, ordered by what is known.

    Events are sorted by the earliest day each may be, then the latest, so an exact day sorts
    before a month that contains it and no partial date is made exact. The sort is stable:
    events on the same known day keep the order they happened in.

    Args:
        record: An inspection, or a commissioned inspection.
        rules: The response rules to place deadlines by; the built-in ones by default.
        records: The records that parts of a commission are (``Part.record``), to read their
            dates from: a mapping from id, or any iterable of records. Without them, such a
            part shows only the expectations the commission states for it.

    Raises:
        NotFoundError: A part is another record that the *records* given do not hold.

    .. versionadded:: 0.1.0
    """
    if isinstance(record, CommissionedInspection):
        events = list(_commission_events(record, records))
    else:
        events = list(_inspection_events(record, rules))
    return tuple(sorted(events, key=lambda event: event.date.sort_key[:2]))
