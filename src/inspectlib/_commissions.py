"""Commissioned inspections: asked for by a third party, delivered in parts over months."""

from __future__ import annotations

import datetime
import enum

import attrs

from ._errors import InvalidRecord
from ._extensions import NO_EXTENSIONS, Extensions, freeze_extensions
from ._field_types import typed_fields
from ._fields import not_blank, not_empty, to_tuple
from ._inspections import RelatedDocument
from ._organisations import Organisation
from ._partial_dates import PartialDate
from ._sources import Source

__all__ = [
    "CommissionStatus",
    "CommissionedInspection",
    "Commissioner",
    "Deliverable",
    "DeliverableKind",
    "Document",
    "Expectation",
    "LegalBasis",
    "Lateness",
    "Milestone",
    "Part",
    "PartStatus",
    "PublicationDate",
    "Question",
    "Slip",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class LegalBasis:
    """The power an inspection was commissioned under.

    Args:
        text: What the power allows, in words.
        citation: The provision (``"Police Act 1996 s.54(2BA)"``).

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(validator=not_blank)
    citation: str | None = attrs.field(default=None, validator=not_blank)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Expectation:
    """A statement of when something is expected: "we expect to publish in June 2025".

    Args:
        expected: When it is expected, at the precision stated.
        announced: When the expectation was stated.
        sources: Where it was stated.

    .. versionadded:: 0.1.0
    """

    expected: PartialDate
    announced: PartialDate
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PublicationDate:
    """The day something was published, with the sources that say so.

    .. versionadded:: 0.1.0
    """

    date: datetime.date
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Document:
    """A published document that is not an inspection report: an update letter, say.

    Args:
        id: A stable identifier.
        title: Its title.
        published: The day it was published.
        author: Who wrote it, as the document names them.
        addressed_to: Whom it is addressed to.
        summary: What it says, briefly.
        sources: Where it is published.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    title: str = attrs.field(validator=not_blank)
    published: datetime.date | None = None
    author: str | None = attrs.field(default=None, validator=not_blank)
    addressed_to: str | None = attrs.field(default=None, validator=not_blank)
    summary: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


class DeliverableKind(enum.Enum):
    """What a deliverable of a part is.

    .. versionadded:: 0.1.0
    """

    TERMS_OF_REFERENCE = "terms_of_reference"
    UPDATE_LETTER = "update_letter"
    INTERIM_FINDINGS = "interim_findings"
    FINAL_REPORT = "final_report"
    OTHER = "other"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deliverable:
    """Something a part delivers: a link to an :class:`~inspectlib.Inspection` by its id, or a
    :class:`Document` record. Exactly one of the two.

    .. versionadded:: 0.1.0
    """

    kind: DeliverableKind
    inspection: str | None = attrs.field(default=None, validator=not_blank)
    document: Document | None = None

    def __attrs_post_init__(self) -> None:
        if (self.inspection is None) == (self.document is None):
            raise InvalidRecord(
                "a deliverable links to an inspection or holds a document: exactly one of the two"
            )

    @property
    def published(self) -> datetime.date | None:
        """The day the deliverable was published, where the record says (documents only)."""
        return None if self.document is None else self.document.published


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Lateness:
    """How late a part is, or was, against an expectation.

    Args:
        late: Whether it is (or was) late.
        days: Days past the last day of the expected period: to publication if published,
            else to the day asked about. Zero or negative when not late.
        expected: The expectation measured against.
        measured_to: The day measured to: the publication, or the day asked about.

    .. versionadded:: 0.1.0
    """

    late: bool
    days: int
    expected: PartialDate
    measured_to: datetime.date

    def __bool__(self) -> bool:
        return self.late


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Slip:
    """One revision of an expectation: when it was announced and how far it moved.

    Args:
        expectation: The revised expectation.
        previous: The expectation it replaced, if any.
        days: How far the last possible day moved (positive: later).

    .. versionadded:: 0.1.0
    """

    expectation: Expectation
    previous: Expectation | None
    days: int


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Part:
    """One part of a commissioned inspection.

    Args:
        number: Its number, from 1, unique within the commission.
        title: Its title.
        status: Where it stands.
        scope: The numbers of the terms-of-reference questions it covers.
        expectations: Every statement of when it would be published, in the order they were
            made: the last is the one in force.
        published: When it was published, with the sources that say so.
        disputed: Other publication dates that other sources give (kept, never dropped).
        deliverables: What it delivered: update letters, interim findings, the final report.

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

    @property
    def expected(self) -> Expectation | None:
        """The expectation in force: the last one stated."""
        return self.expectations[-1] if self.expectations else None

    def lateness(
        self, on: datetime.date | None = None, *, against: Expectation | None = None
    ) -> Lateness | None:
        """Whether the part is late, and by how many days; ``None`` with no expectation.

        A part published by *on* (today by default) is measured from the last day of the
        expected period to its publication; one not yet published then, to *on*. It is
        measured against *against*, or else the expectation in force when it was published
        (or on *on*).
        """
        day = on or datetime.date.today()
        # Asked about a day before publication, the part was then still to come.
        published = self.published.date if self.published else None
        measured_to = published if published is not None and published <= day else day
        expectation = against or self._expectation_in_force(measured_to)
        if expectation is None:
            return None
        days = (measured_to - expectation.expected.latest).days
        return Lateness(
            late=days > 0, days=days, expected=expectation.expected, measured_to=measured_to
        )

    def _expectation_in_force(self, day: datetime.date) -> Expectation | None:
        stated = [e for e in self.expectations if e.announced.latest <= day]
        return stated[-1] if stated else self.expected

    def slippage(self) -> tuple[Slip, ...]:
        """Each expectation with how far it moved from the one before."""
        slips, previous = [], None
        for expectation in self.expectations:
            moved = (
                0
                if previous is None
                else (expectation.expected.latest - previous.expected.latest).days
            )
            slips.append(Slip(expectation=expectation, previous=previous, days=moved))
            previous = expectation
        return tuple(slips)


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


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CommissionedInspection:
    """An inspection asked for by a third party, with terms of reference and ordered parts.

    Args:
        id: A stable identifier.
        title: Its title.
        commissioner: Who asked for it, in what capacity.
        legal_basis: The power it was asked for under.
        commissioned: When it was asked for.
        lead: The inspectorate that leads it.
        supporting: Inspectorates that support it.
        subjects: The organisations inspected.
        terms_of_reference: The questions it answers, in order.
        parts: Its parts, in order.
        sources: Where the facts about it are published.
        related: Links to related documents (the wider review it is part of, say).
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).

    Its status, lateness and next milestone are derived from the parts, never stored.

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
    related: tuple[RelatedDocument, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)

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

    def late_parts(self, on: datetime.date | None = None) -> tuple[tuple[Part, Lateness], ...]:
        """The parts that are, or were, late on *on* (today by default), with how late."""
        found = []
        for part in self.parts:
            lateness = part.lateness(on)
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
