"""Expected versus actual: when a publication was expected, and how late it came.

Any published record (an inspection, a commissioned inspection as a whole, a part of one, a
document) keeps every :class:`Expectation` stated about it. Lateness and slippage are computed
here once, for all of them, from the expectations and the record's publication date, whether
those dates are exact days or known only to a month or a year.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

import attrs

from ._field_types import typed_fields
from ._fields import to_tuple
from ._partial_dates import PartialDate
from ._sources import Source
from ._stated_dates import StatedDate, date_bounds

__all__ = [
    "Expectation",
    "Expecting",
    "Lateness",
    "Records",
    "Slip",
    "measure_lateness",
    "slippage_of",
]

Records: TypeAlias = Mapping[str, object] | Iterable[object]
"""Records to resolve references against: a mapping from id, or any iterable of records."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Expectation:
    """A statement of when something is expected: "we expect to publish in June 2025".

    Args:
        expected: When it is expected, at the precision stated (``"2018-spring"``,
            ``"2025-08-early"``).
        announced: When the expectation was stated.
        sources: Where it was stated.

    .. versionadded:: 0.1.0
    """

    expected: PartialDate
    announced: PartialDate
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Lateness:
    """How late something is, or was, against an expectation: a range of days when the dates
    are known only in part, one number when they are exact.

    Days are counted from the last day of the expected period ("early August 2025" ends on
    10 August) to the publication, or, while it is still to come, to the day asked about.

    Args:
        late: ``True`` when certainly late, ``False`` when certainly not, ``None`` when the
            dates leave it open (published "August 2025" against "by mid-August").
        fewest_days: The fewest days late it can be (zero or negative: not late); ``None``
            when the publication is known only as "no later than" a date.
        most_days: The most days late it can be.
        expected: The expected period measured against.
        measured_to: What was measured to: the publication date as stated, or the day asked
            about while the publication was still to come.

    .. versionadded:: 0.1.0
    """

    late: bool | None
    fewest_days: int | None
    most_days: int
    expected: PartialDate
    measured_to: StatedDate

    @property
    def days(self) -> int | None:
        """The number of days late when it is certain; ``None`` when only a range is known."""
        return self.most_days if self.fewest_days == self.most_days else None

    @property
    def certain(self) -> bool:
        """Whether the number of days is known exactly."""
        return self.fewest_days == self.most_days

    def __bool__(self) -> bool:
        """True only when certainly late."""
        return self.late is True

    def __str__(self) -> str:
        """``late (4 days after early August 2025)``, ``not late (16 days before the end of
        January 2024)``, ``possibly late (from 19 days before the end of mid-August 2025 to
        11 days after mid-August 2025)``."""
        verdict = {True: "late", False: "not late", None: "possibly late"}[self.late]
        return f"{verdict} ({self._span()})"

    def _span(self) -> str:
        fewest, most = self.fewest_days, self.most_days
        # Days count from the last day of the expected period: "after June" is after its end,
        # but "before June" would be before its start, so that side names the end. "By June"
        # is the same deadline as "June" here.
        period = attrs.evolve(self.expected, by=False)
        after = period.describe()
        before = after if period.day is not None else f"the end of {after}"
        if fewest is None:
            if most > 0:
                return f"at most {_days(most)} after {after}"
            if most == 0:
                return f"no later than {_on(period)}"
            return f"at least {_days(-most)} before {before}"
        on = _on(period)
        if fewest == most:
            if most > 0:
                return f"{_days(most)} after {after}"
            return f"on {on}" if most == 0 else f"{_days(-most)} before {before}"
        if fewest > 0:
            return f"{fewest} to {most} days after {after}"
        if most < 0:
            return f"{-most} to {-fewest} days before {before}"
        lower = on if fewest == 0 else f"{_days(-fewest)} before {before}"
        upper = on if most == 0 else f"{_days(most)} after {after}"
        return f"from {lower} to {upper}"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _on(period: PartialDate) -> str:
    described = period.describe()
    return described if period.day is not None else f"the last day of {described}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Slip:
    """One revision of an expectation: when it was announced and how far it moved.

    Args:
        expectation: The revised expectation.
        previous: The expectation it replaced, if any.
        days: How far the last possible day moved (positive: later). Both ends are days
            stated, so the movement is exact even when the periods are partial.

    .. versionadded:: 0.1.0
    """

    expectation: Expectation
    previous: Expectation | None
    days: int


def measure_lateness(
    expectations: Sequence[Expectation],
    published: StatedDate | None,
    on: datetime.date | None = None,
    against: Expectation | None = None,
) -> Lateness | None:
    """The lateness of a publication against its expectations; ``None`` with no expectation.

    The one implementation behind every record's ``lateness()``: see :meth:`Expecting.lateness`.
    """
    day = on or datetime.date.today()
    measured_to: StatedDate
    first: datetime.date | None
    if published is not None:
        first, last = date_bounds(published)
        if first is not None and first > day:
            published = None  # asked about a day before publication: it was still to come
    if published is None:
        first, last, measured_to = day, day, day
    else:
        measured_to = published
        last = min(last, day)
    expectation = against or _in_force(expectations, last)
    if expectation is None:
        return None
    deadline = expectation.expected.latest
    fewest = None if first is None else (first - deadline).days
    most = (last - deadline).days
    late = True if fewest is not None and fewest > 0 else False if most <= 0 else None
    return Lateness(
        late=late,
        fewest_days=fewest,
        most_days=most,
        expected=expectation.expected,
        measured_to=measured_to,
    )


def _in_force(expectations: Sequence[Expectation], day: datetime.date) -> Expectation | None:
    """The last expectation certainly stated by *day*; the last stated, if none was."""
    stated = [e for e in expectations if e.announced.latest <= day]
    if stated:
        return stated[-1]
    return expectations[-1] if expectations else None


def slippage_of(expectations: Sequence[Expectation]) -> tuple[Slip, ...]:
    """Each expectation with how far it moved from the one before."""
    slips, previous = [], None
    for expectation in expectations:
        moved = (
            0 if previous is None else (expectation.expected.latest - previous.expected.latest).days
        )
        slips.append(Slip(expectation=expectation, previous=previous, days=moved))
        previous = expectation
    return tuple(slips)


class Expecting:
    """What every published record with ``expectations`` can answer: the expectation in
    force, lateness and slippage, computed one way for all of them.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    expectations: tuple[Expectation, ...]

    def _publication(self, records: Records | None) -> StatedDate | None:
        raise NotImplementedError

    @property
    def expected(self) -> Expectation | None:
        """The expectation in force: the last one stated."""
        return self.expectations[-1] if self.expectations else None

    def lateness(
        self,
        on: datetime.date | None = None,
        *,
        against: Expectation | None = None,
        records: Records | None = None,
    ) -> Lateness | None:
        """Whether it is, or was, late, and by how many days; ``None`` with no expectation.

        Published by *on* (today by default), it is measured from the last day of the expected
        period to its publication; not yet published then, to *on*. It is measured against
        *against*, or else the expectation in force then: the last one stated by that day.
        Where the publication date is partial ("January 2020") the answer is a range of days,
        and ``Lateness.late`` is ``None`` when that range straddles the deadline.

        Args:
            on: The day asked about; today by default.
            against: The expectation to measure against.
            records: For a part that is another record (``Part.record``), the records to read
                its dates from: a mapping from id, or any iterable of records.
        """
        return measure_lateness(self.expectations, self._publication(records), on, against)

    def slippage(self) -> tuple[Slip, ...]:
        """Each expectation with how far it moved from the one before."""
        return slippage_of(self.expectations)
