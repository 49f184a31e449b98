"""Dates as sources state them: an exact day, or a partial date ("January 2020", "2014").

A report cited by a later one is often known only to the month or the year; inventing a day for
it would make every answer computed from it look more certain than it is. Fields that hold a date
a source states about a publication are typed :data:`StatedDate`, and everything that computes
with them asks :func:`date_bounds` for the first and last day the date can be.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeAlias

from ._partial_dates import MonthPart, PartialDate, Season

__all__ = ["StatedDate", "date_bounds", "describe_date", "to_stated_date"]

StatedDate: TypeAlias = datetime.date | PartialDate
"""A date as a source states it: an exact :class:`datetime.date`, or a :class:`PartialDate`
(``PartialDate.parse("January 2020")``) when the source gives only a month, a season or a year.

An exact day is always held as a :class:`datetime.date`: a :class:`PartialDate` of one plain
day given to such a field is stored as that day, so that equal dates compare and hash equal. A
:class:`datetime.datetime` is refused. On the wire it is one JSON string: ``"2024-12-13"`` for a
day, the canonical partial date form otherwise (``"2020-01"``, ``"2014"``).

.. versionadded:: 0.1.0
"""


def to_stated_date(value: Any) -> Any:
    """Store a stated date in its one canonical form (a converter of record fields): a plain
    one-day :class:`PartialDate` becomes that :class:`datetime.date`.

    Anything else passes unchanged, for the record's type check to accept or refuse with the
    field's name (a ``datetime`` is refused there: a stated date holds no time of day).
    """
    if isinstance(value, PartialDate):
        day = value.to_date()
        return value if day is None else day
    return value


def to_partial_date(value: Any) -> Any:
    """Hold a day given as a :class:`datetime.date` as the one-day :class:`PartialDate` it is (a
    converter of the fields that hold a partial date: a period's ends), so that every field
    that takes a date takes a :class:`datetime.date`.

    Anything else passes unchanged, for the record's type check to accept or refuse with the
    field's name (a ``datetime`` is refused there: a day holds no time of day).
    """
    if type(value) is datetime.date:
        return PartialDate.from_date(value)
    return value


def date_bounds(value: StatedDate) -> tuple[datetime.date | None, datetime.date]:
    """The first and the last day *value* can be.

    The first is ``None`` for a "no later than" date (``PartialDate.parse("by June 2025")``),
    whose start is unknown. For an exact day both are that day.

    >>> import datetime
    >>> date_bounds(datetime.date(2024, 12, 13))
    (datetime.date(2024, 12, 13), datetime.date(2024, 12, 13))
    >>> date_bounds(PartialDate.parse("January 2020"))
    (datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))

    Raises:
        TypeError: *value* is neither a date nor a partial date (a ``datetime`` included).

    .. versionadded:: 0.1.0
    """
    if type(value) is datetime.date:
        return value, value
    if isinstance(value, PartialDate):
        # Its bounds as it worked them out when made: no property called for each.
        earliest, latest, _, by = value._key
        return (None if by else earliest), latest
    raise TypeError(
        f"date_bounds() takes a datetime.date or a PartialDate, not {type(value).__name__}"
    )


def as_partial(value: StatedDate) -> PartialDate:
    """*value* as a :class:`PartialDate`, for comparisons that may answer "unknown"."""
    return value if isinstance(value, PartialDate) else PartialDate.from_date(value)


def certainly_before(first: StatedDate, then: StatedDate) -> bool:
    """True only when every day *first* may be is before every day *then* may be: the one
    test of order the rules apply, since a rule broken only perhaps is not reported.

    The same answer as ``as_partial(first).compare(then) is Order.BEFORE``, read from the two
    dates' bounds in place: no partial date made of an exact day, and no call a date. A partial
    date's bounds are the ones it worked out when made, its unknown start (``by``) held as
    ``date.min``, before which no day is.

    Raises:
        TypeError: *first* and *then* cannot be compared (a ``datetime`` with a date, say): only
            a record changed behind its constructor's back holds such a value, and two values
            of one wrong type may compare all the same.
    """
    last = first._key[1] if isinstance(first, PartialDate) else first
    earliest = then._key[0] if isinstance(then, PartialDate) else then
    return last < earliest


def describe_date(value: StatedDate) -> str:
    """*value* in words: ``"13 December 2024"``, ``"January 2020"``, ``"2014"``."""
    return as_partial(value).describe()


def covering(first: datetime.date | None, last: datetime.date) -> PartialDate:
    """The narrowest partial date that holds every day from *first* to *last*: the day, a part
    of a month, a month, a quarter, a season or a year; "by *last*" when no period holds them
    all or the start is unknown."""
    if first is None:
        return PartialDate.from_date(last).no_later_than()
    if first == last:
        return PartialDate.from_date(first)
    month = (first.year, first.month) == (last.year, last.month)
    candidates = []
    if month:
        part = MonthPart.EARLY if first.day <= 10 else MonthPart.MID if first.day <= 20 else None
        candidates += [
            PartialDate.of_month_part(first.year, first.month, kind)
            for kind in MonthPart
            if part is None or kind is part
        ]
        candidates.append(PartialDate.of_month(first.year, first.month))
    candidates.append(PartialDate.of_quarter(last.year, (last.month - 1) // 3 + 1))
    candidates += [
        PartialDate.of_season(year, season)
        for year in (first.year, last.year - 1, last.year)
        for season in Season
    ]
    candidates.append(PartialDate.of_year(last.year))
    holding = [c for c in candidates if c.contains(first) and c.contains(last)]
    if not holding:
        return PartialDate.from_date(last).no_later_than()
    return min(holding, key=lambda c: (c.latest - (c.earliest or c.latest)).days)


def stated_text(value: StatedDate) -> str:
    """*value* as the wire writes it: ``"2024-12-13"``, ``"2020-01"``, ``"2014"``."""
    return value.isoformat() if type(value) is datetime.date else str(value)


def stated_sort_key(value: StatedDate) -> tuple[datetime.date, datetime.date]:
    """Sort by the first day a date may be (unknown first), then the last: an exact day before
    the month that contains it, and no partial date made exact."""
    earliest, latest = date_bounds(value)
    return (datetime.date.min if earliest is None else earliest), latest
