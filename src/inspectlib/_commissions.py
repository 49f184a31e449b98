"""Commissioned inspections: asked for by a third party, delivered in parts over months."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from ._errors import InvalidRecord, NotFoundError
from ._expectations import Expectation, Expecting, Lateness, Records, Slip
from ._extensions import NO_EXTENSIONS, Extensions, freeze_extensions
from ._field_types import typed_fields
from ._fields import not_blank, not_empty, to_tuple
from ._inspections import Inspection, RelatedReport
from ._organisations import Organisation
from ._partial_dates import PartialDate
from ._sources import Source
from ._stated_dates import StatedDate, date_bounds, stated_sort_key, to_stated_date
from ._verdicts import Checked

__all__ = [
    "CommissionStatus",
    "CommissionedInspection",
    "Commissioner",
    "Deliverable",
    "DeliverableKind",
    "Publication",
    "Expectation",
    "LegalBasis",
    "Lateness",
    "Milestone",
    "Part",
    "PartStatus",
    "PublicationDate",
    "Question",
    "Role",
    "Slip",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Commissioner:
    """Who asked for an inspection, and in what capacity.

    Args:
        organisation: The body that commissioned it.
        capacity: The capacity it acted in (``"local policing body"``).
        person: The person who made the request, as sources name them.

    .. versionadded:: 0.1.0
    """

    organisation: Organisation
    capacity: str = attrs.field(validator=not_blank)
    person: str | None = attrs.field(default=None, validator=not_blank)


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class LegalBasis:
    """The power an inspection was commissioned under.

    Args:
        text: What the power allows, in words.
        citation: The provision (``"Police Act 1996 s.54(2BA)"``).

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(validator=not_blank)
    citation: str | None = attrs.field(default=None, validator=not_blank)


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Question:
    """One question of the terms of reference, with its sub-points.

    .. versionadded:: 0.1.0
    """

    number: int
    text: str = attrs.field(validator=not_blank)
    points: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


class PartStatus(enum.Enum):
    """Where a part of a commissioned inspection stands.

    .. versionadded:: 0.1.0
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class PublicationDate:
    """When something was published, with the sources that say so.

    Args:
        date: The day, or as much of it as the sources state (``PartialDate.parse("June
            2025")``).
        sources: Where it is stated.

    .. versionadded:: 0.1.0
    """

    date: StatedDate = attrs.field(converter=to_stated_date)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Publication(Expecting):
    """Something a commission published that is not an inspection report: an update letter, say.

    In a document of the format it is the ``document`` field of a :class:`Deliverable`.

    Args:
        id: A stable identifier.
        title: Its title.
        published: When it was published, as precisely as the sources state it.
        author: Who wrote it, as the document names them.
        addressed_to: Whom it is addressed to.
        summary: What it says, briefly.
        sources: Where it is published.
        expectations: Every statement of when it would be published, in the order they were
            made: the last is the one in force.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    title: str = attrs.field(validator=not_blank)
    published: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    author: str | None = attrs.field(default=None, validator=not_blank)
    addressed_to: str | None = attrs.field(default=None, validator=not_blank)
    summary: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
    expectations: tuple[Expectation, ...] = attrs.field(default=(), converter=to_tuple)

    def _publication(self, records: Records | None) -> StatedDate | None:
        return self.published


class DeliverableKind(enum.Enum):
    """What a deliverable of a part is.

    .. versionadded:: 0.1.0
    """

    TERMS_OF_REFERENCE = "terms_of_reference"
    UPDATE_LETTER = "update_letter"
    INTERIM_FINDINGS = "interim_findings"
    FINAL_REPORT = "final_report"
    OTHER = "other"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Deliverable:
    """Something a part delivers: a link to an :class:`~inspectlib.Inspection` by its id, or a
    :class:`Publication` record (its ``document`` field). Exactly one of the two.

    .. versionadded:: 0.1.0
    """

    kind: DeliverableKind
    inspection: str | None = attrs.field(default=None, validator=not_blank)
    document: Publication | None = None

    def __attrs_post_init__(self) -> None:
        if (self.inspection is None) == (self.document is None):
            raise InvalidRecord(
                "a deliverable links to an inspection or holds a document: exactly one of the two"
            )

    @property
    def published(self) -> StatedDate | None:
        """When the deliverable was published, where the record says (documents only)."""
        return None if self.document is None else self.document.published


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Part(Expecting):
    """One part of a commissioned inspection.

    A part is either described here, with its own publication date and deliverables, or *is*
    another record: a separate inspection (or commissioned inspection, or document) named by
    its id in *record*. Then nothing is entered twice: its publication date is read from that
    record, given to :meth:`lateness`, :meth:`publication` or
    :func:`~inspectlib.analysis.timeline` as ``records=``, and validation reports a date entered
    on the part as well.

    Args:
        number: Its number, from 1, unique within the commission.
        title: Its title.
        status: Where it stands.
        scope: The numbers of the terms-of-reference questions it covers.
        expectations: Every statement of when it would be published, in the order they were
            made: the last is the one in force. For a part that is another record, the
            commission's own statements about it; the record's are used where it has none.
        published: When it was published, with the sources that say so.
        disputed: Other publication dates that other sources give (kept, never dropped).
        deliverables: What it delivered: update letters, interim findings, the final report.
        record: The id of the record this part is, where another record delivers it.

    .. versionadded:: 0.1.0
    """

    number: int
    title: str = attrs.field(validator=not_blank)
    status: PartStatus
    scope: tuple[int, ...] = attrs.field(default=(), converter=to_tuple)
    expectations: tuple[Expectation, ...] = attrs.field(default=(), converter=to_tuple)
    published: PublicationDate | None = None
    disputed: tuple[PublicationDate, ...] = attrs.field(default=(), converter=to_tuple)
    deliverables: tuple[Deliverable, ...] = attrs.field(default=(), converter=to_tuple)
    record: str | None = attrs.field(default=None, validator=not_blank)

    def record_in(
        self, records: Records | None
    ) -> Inspection | CommissionedInspection | Publication:
        """The record this part is, looked up by id in *records*.

        Raises:
            NotFoundError: The part is no other record, no *records* were given, or the record
                is not among them.
        """
        if self.record is None:
            raise NotFoundError(f"part {self.number} is not another record (its record is None)")
        if records is None:
            raise NotFoundError(
                f"part {self.number} is the record {self.record!r}: pass records= to read it"
            )
        found = _index(records).get(self.record)
        if not isinstance(found, Inspection | CommissionedInspection | Publication):
            raise NotFoundError(
                f"part {self.number} is the record {self.record!r}, which is not among the "
                "records given"
            )
        return found

    def publication(self, records: Records | None = None) -> StatedDate | None:
        """When the part was published: its own date, or the date of the record it is.

        Raises:
            NotFoundError: The part is another record that *records* do not hold.
        """
        return self._publication(records)

    def _publication(self, records: Records | None) -> StatedDate | None:
        if self.record is None:
            return None if self.published is None else self.published.date
        record = self.record_in(records)
        if isinstance(record, CommissionedInspection):
            return record._publication(records)
        return record.published

    def lateness(
        self,
        on: datetime.date | None = None,
        *,
        against: Expectation | None = None,
        records: Records | None = None,
    ) -> Lateness | None:
        """Whether the part is, or was, late, and by how many days (see
        :meth:`Inspection.lateness <inspectlib.Inspection.lateness>`, the same rules).

        A part that is another record is measured against its own expectations, or, where it
        has none, the record's; its publication date is read from the record in *records*.
        """
        if self.record is not None and not self.expectations:
            record = self.record_in(records)
            return record.lateness(on, against=against, records=records)
        return super().lateness(on, against=against, records=records)


def _index(records: Records) -> Mapping[str, object]:
    if isinstance(records, Mapping):
        return records
    return {getattr(record, "id", None): record for record in records}  # type: ignore[misc]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Role:
    """An organisation in a role for a period: who led a commission, from when until when.

    Reviewers appointed first may be replaced by an inspectorate on a stated date; each
    keeps the period it held the role.

    Args:
        organisation: Who held the role.
        since: When it took the role up, as precisely as the sources state it; ``None`` from
            the start.
        until: When it gave the role up; ``None`` while it still holds it.
        sources: Where this is stated.

    .. versionadded:: 0.1.0
    """

    organisation: Organisation
    since: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    until: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    def may_hold(self, on: datetime.date) -> bool:
        """Whether the role may have been held on *on* (certainly or possibly)."""
        if self.since is not None:
            first = date_bounds(self.since)[0]
            if first is not None and first > on:
                return False
        return self.until is None or date_bounds(self.until)[1] >= on


class CommissionStatus(enum.Enum):
    """Where a commission stands, derived from its parts.

    .. versionadded:: 0.1.0
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    WITHDRAWN = "withdrawn"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Milestone:
    """The next thing expected of a commission: a part and when it is expected.

    .. versionadded:: 0.1.0
    """

    part: Part
    expected: PartialDate


_DONE = frozenset({PartStatus.PUBLISHED, PartStatus.WITHDRAWN, PartStatus.SUPERSEDED})


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class CommissionedInspection(Expecting, Checked):
    """An inspection asked for by a third party, with terms of reference and ordered parts.

    Args:
        id: A stable identifier.
        title: Its title.
        commissioner: Who asked for it, in what capacity.
        legal_basis: The power it was asked for under.
        commissioned: When it was asked for.
        lead: The organisation that leads it now.
        leads: Who led it over time, where the lead changed, in order, each with the period
            it held the role; the last is *lead*. Empty when the lead never changed.
        supporting: Inspectorates that support it.
        subjects: The organisations inspected.
        terms_of_reference: The questions it answers, in order.
        parts: Its parts, in order.
        sources: Where the facts about it are published.
        related: Links to related reports (the wider review it is part of, say).
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).
        expectations: Every statement of when the whole would be published, in the order they
            were made ("the review is expected to report in spring 2018").

    Its status, lateness and next milestone are derived from the parts, never stored. As a
    whole it is published when it is complete, on the latest of its parts' publication dates.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    title: str = attrs.field(validator=not_blank)
    commissioner: Commissioner
    legal_basis: LegalBasis | None = None
    commissioned: PartialDate
    lead: Organisation
    supporting: tuple[Organisation, ...] = attrs.field(default=(), converter=to_tuple)
    subjects: tuple[Organisation, ...] = attrs.field(converter=to_tuple, validator=not_empty)
    terms_of_reference: tuple[Question, ...] = attrs.field(default=(), converter=to_tuple)
    parts: tuple[Part, ...] = attrs.field(default=(), converter=to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
    related: tuple[RelatedReport, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)
    leads: tuple[Role, ...] = attrs.field(default=(), converter=to_tuple)
    expectations: tuple[Expectation, ...] = attrs.field(default=(), converter=to_tuple)

    def leads_on(self, on: datetime.date) -> tuple[Organisation, ...]:
        """Who led the commission on *on*: one organisation where that is certain, several
        where the dates of a change are known only in part, none before the first lead's
        period. Without a history of ``leads``, ``lead``."""
        if not self.leads:
            return (self.lead,)
        return tuple(role.organisation for role in self.leads if role.may_hold(on))

    def publication(self, records: Records | None = None) -> StatedDate | None:
        """When the whole was published: once complete, the latest publication of its parts;
        ``None`` before.

        Raises:
            NotFoundError: A part is another record that *records* do not hold.
        """
        return self._publication(records)

    def _publication(self, records: Records | None) -> StatedDate | None:
        if self.status is not CommissionStatus.COMPLETE:
            return None
        dates = [
            day
            for part in self.parts
            if part.status is PartStatus.PUBLISHED
            for day in (part._publication(records),)
            if day is not None
        ]
        # The latest last day; the whole cannot be dated more narrowly than that part.
        return max(dates, key=lambda day: stated_sort_key(day)[::-1]) if dates else None

    @property
    def status(self) -> CommissionStatus:
        """Complete when every part is done (published, or withdrawn or superseded with at
        least one published), withdrawn when every part is withdrawn, not started while every
        part is planned, otherwise in progress."""
        statuses = [part.status for part in self.parts]
        if statuses and all(status is PartStatus.WITHDRAWN for status in statuses):
            return CommissionStatus.WITHDRAWN
        if statuses and all(status in _DONE for status in statuses):
            return CommissionStatus.COMPLETE
        if all(status is PartStatus.PLANNED for status in statuses):
            return CommissionStatus.NOT_STARTED
        return CommissionStatus.IN_PROGRESS

    def part(self, number: int) -> Part:
        """The part with *number*.

        Raises:
            KeyError: There is no such part.
        """
        for part in self.parts:
            if part.number == number:
                return part
        raise KeyError(number)

    def late_parts(
        self, on: datetime.date | None = None, *, records: Records | None = None
    ) -> tuple[tuple[Part, Lateness], ...]:
        """The parts that are, or were, certainly late on *on* (today by default), with how
        late; *records* to read the dates of parts that are other records."""
        found = []
        for part in self.parts:
            lateness = part.lateness(on, records=records)
            if lateness is not None and lateness.late:
                found.append((part, lateness))
        return tuple(found)

    def next_milestone(self) -> Milestone | None:
        """The part still to come that is expected soonest, and when; ``None`` if none is."""
        pending = [
            (part, part.expected.expected)
            for part in self.parts
            if part.status not in _DONE and part.expected is not None
        ]
        if not pending:
            return None
        part, expected = min(pending, key=lambda item: item[1].sort_key)
        return Milestone(part=part, expected=expected)
