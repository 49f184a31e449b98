"""Statutory response deadlines, as replaceable rules rather than constants in code."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

import attrs

from ._errors import InvalidRecord
from ._field_types import typed_fields
from ._fields import not_blank, to_tuple
from ._organisations import Organisation, OrganisationKind
from ._sources import Source

__all__ = ["Counting", "Deadline", "Response", "ResponseRule"]


class Counting(enum.Enum):
    """How a period of days is counted from the day of publication.

    .. versionadded:: 0.1.0
    """

    BEGINNING_WITH_PUBLICATION = "beginning_with_publication"
    """The day of publication is day 1 ("the period of 56 days beginning with the day on which
    the report is published"): the last day is publication + days - 1."""
    AFTER_PUBLICATION = "after_publication"
    """Day 1 is the day after publication ("within six weeks of publication"): the last day is
    publication + days."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ResponseRule:
    """A rule that someone must respond to a report within a period after it is published.

    Rules are data: use the built-in ones in :mod:`inspectlib.deadlines`, or make your own for
    another regime and pass them to :meth:`Inspection.deadlines
    <inspectlib.Inspection.deadlines>`.

    Args:
        id: A stable identifier (``"police-act-1996/s55"``); responses name their rule by it.
        name: What the rule requires, in words.
        days: The length of the period.
        counting: How the period is counted.
        responder: Who must respond, in words (``"the local policing body"``).
        citation: The provision that makes the rule.
        inspectorates: The inspectorates whose reports it applies to, by short name; empty for
            any.
        subject_kinds: The kinds of inspected body it applies to; empty for any.
        programmes: The framework programmes it applies to (``"hmicfrs/ncpi"``); empty for any.
        sources: Where the rule is published.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    name: str = attrs.field(validator=not_blank)
    days: int
    counting: Counting
    responder: str = attrs.field(validator=not_blank)
    citation: str | None = attrs.field(default=None, validator=not_blank)
    inspectorates: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    subject_kinds: tuple[OrganisationKind, ...] = attrs.field(default=(), converter=to_tuple)
    programmes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if self.days < 1:
            raise InvalidRecord(f"a response period needs at least one day, got {self.days}")

    def due(self, published: datetime.date) -> datetime.date:
        """The last day to respond to a report published on the day *published*.

        Raises:
            OverflowError: The day falls after 9999-12-31, the last day :class:`datetime.date`
                holds; the message says so. Validation refuses a report whose deadline under
                a built-in rule would, so that :meth:`Inspection.deadlines
                <inspectlib.Inspection.deadlines>` of a valid report always has an answer.
        """
        offset = (
            self.days - 1 if self.counting is Counting.BEGINNING_WITH_PUBLICATION else self.days
        )
        try:
            return published + datetime.timedelta(days=offset)
        except OverflowError:
            raise OverflowError(
                f"a response under {self.id!r} to a report published {published.isoformat()} "
                f"would be due after {datetime.date.max.isoformat()}, the last day the "
                "calendar holds"
            ) from None

    def applies(
        self,
        *,
        inspectorate: Organisation,
        subjects: Iterable[Organisation],
        framework: str | None,
    ) -> bool:
        """Whether the rule applies to a report by *inspectorate* on *subjects*."""
        if self.inspectorates and inspectorate.short_name not in self.inspectorates:
            return False
        if self.subject_kinds and not any(s.kind in self.subject_kinds for s in subjects):
            return False
        if self.programmes:
            programme = (framework or "").rpartition("/")[0]
            return programme in self.programmes
        return True


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Response:
    """A published response to a report, made under a rule.

    Args:
        rule: The id of the :class:`ResponseRule` it answers.
        responder: Who responded.
        published: The day it was published.
        sources: Where it is published.

    .. versionadded:: 0.1.0
    """

    rule: str = attrs.field(validator=not_blank)
    responder: Organisation
    published: datetime.date
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Deadline:
    """A rule applied to one report: the last day to respond, and the response if one was
    recorded.

    A report published on a known day has one last day. A report known only to the month or
    the year ("January 2020") has a range of possible last days, from *earliest_due* to
    *latest_due*; the answers below then say ``None`` where that range leaves them open.

    Args:
        rule: The rule applied.
        earliest_due: The first day the last day can be; ``None`` when the report's
            publication is known only as "no later than" a date.
        latest_due: The last day the last day can be.
        response: The response recorded under the rule, if any.

    .. versionadded:: 0.1.0
    """

    rule: ResponseRule
    earliest_due: datetime.date | None
    latest_due: datetime.date
    response: Response | None = None

    @property
    def due(self) -> datetime.date | None:
        """The last day to respond, where it is certain; ``None`` when only a range is
        known."""
        return self.latest_due if self.earliest_due == self.latest_due else None

    @property
    def met(self) -> bool | None:
        """Whether a response was published by the last day; ``None`` while none is recorded,
        or when the range of possible last days leaves it open."""
        if self.response is None:
            return None
        answered = self.response.published
        if answered <= (self.earliest_due or datetime.date.min):
            return True
        return False if answered > self.latest_due else None

    def overdue(self, on: datetime.date) -> bool | None:
        """Whether, on *on*, the last day has passed with no response on time; ``None`` when
        the range of possible last days leaves it open."""
        met = self.met
        if met:
            return False
        if on > self.latest_due:
            # A response recorded that may have come in time leaves it open.
            return None if self.response is not None and met is None else True
        if self.earliest_due is not None and on <= self.earliest_due:
            return False
        return None
