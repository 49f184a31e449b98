"""Dates stated at the precision a report states them: a day, a month, a season, "by 2023".

A :class:`PartialDate` is an interval of days in which the real day lies. It has one canonical
string form (``str()``, read back by :meth:`PartialDate.parse_canonical`), one human form
(:meth:`PartialDate.describe`), and a tolerant reader of what people write
(:meth:`PartialDate.parse`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Final

import attrs

from ._errors import InvalidPartialDate, UncertainOrderError

__all__ = ["PartialDate", "Precision", "Season", "MonthPart", "Order"]


class Precision(enum.Enum):
    """How precisely a :class:`PartialDate` states its date, from a single day to a whole year.

    The values are stable snake_case strings, safe to store.

    >>> PartialDate.parse("early August 2025").precision
    <Precision.PART_OF_MONTH: 'part_of_month'>

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"


class Season(enum.Enum):
    """A meteorological season, the convention the Met Office uses.

    Seasons are whole months, by convention rather than astronomy:

    * spring *YYYY*: 1 March to 31 May *YYYY*;
    * summer *YYYY*: 1 June to 31 August *YYYY*;
    * autumn *YYYY*: 1 September to 30 November *YYYY*;
    * winter *YYYY*: 1 December *YYYY* to the end of February *YYYY+1*. Winter is named by the
      year it starts in, so "winter 2018" is the winter of 2018/19.

    >>> winter = PartialDate.of_season(2018, Season.WINTER)
    >>> winter.earliest, winter.latest
    (datetime.date(2018, 12, 1), datetime.date(2019, 2, 28))

    .. versionadded:: 0.1.0
    """

    SPRING = "spring"
    SUMMER = "summer"
    AUTUMN = "autumn"
    WINTER = "winter"


class MonthPart(enum.Enum):
    """A third of a month: early (days 1-10), mid (11-20) or late (21 to the end of the month).

    >>> late = PartialDate.of_month_part(2024, 2, MonthPart.LATE)
    >>> late.earliest, late.latest
    (datetime.date(2024, 2, 21), datetime.date(2024, 2, 29))

    .. versionadded:: 0.1.0
    """

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Order(enum.Enum):
    """The answer of :meth:`PartialDate.compare`: how two dates are ordered in time.

    ``UNCERTAIN`` means that the stated periods overlap (or one has no known start), so either
    could be the earlier.

    .. versionadded:: 0.1.0
    """

    BEFORE = "before"
    SAME = "same"
    AFTER = "after"
    UNCERTAIN = "uncertain"


# Spelt out rather than taken from calendar.month_name, which follows the process's locale.
MONTH_NAMES = (
    "",  # months count from 1
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# (first month, last month, does it end in the next year)
_SEASON_MONTHS: dict[Season, tuple[int, int, bool]] = {
    Season.SPRING: (3, 5, False),
    Season.SUMMER: (6, 8, False),
    Season.AUTUMN: (9, 11, False),
    Season.WINTER: (12, 2, True),
}
_PART_DAYS: dict[MonthPart, tuple[int, int]] = {
    MonthPart.EARLY: (1, 10),
    MonthPart.MID: (11, 20),
    MonthPart.LATE: (21, 31),  # 31 is clipped to the month's length
}
_PART_WORDS = {MonthPart.EARLY: "early ", MonthPart.MID: "mid-", MonthPart.LATE: "late "}

CANONICAL_FORMS = (
    "YYYY-MM-DD, YYYY-MM-early, YYYY-MM-mid, YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, "
    "YYYY-summer, YYYY-autumn, YYYY-winter or YYYY, each optionally prefixed with '../'"
)
CANONICAL = re.compile(
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}|early|mid|late))?|-Q([0-9])"
    r"|-(spring|summer|autumn|winter))?"
)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _invalid_type(name: str, value: object, expected: str) -> InvalidPartialDate:
    return InvalidPartialDate(f"{name} must be {expected}, got {value!r} ({type(value).__name__})")


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(year: int, month: int) -> int:
    # calendar.monthrange also works out a weekday, which costs more than this whole check.
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def _month_end(year: int, month: int) -> date:
    return date(year, month, days_in(year, month))


class _KeptText:
    """Where a partial date keeps its canonical text: a slot beside its attrs fields, so that
    the fields, ``attrs.asdict`` and a pickle say the same whether or not it was asked for."""

    __slots__ = ("_text",)
    _text: str | None


@attrs.frozen(kw_only=True, order=False, repr=False)
class PartialDate(_KeptText):
    """A date known to a day, a part of a month, a month, a quarter, a season or a year.

    It stands for an interval of days in which the real day lies: :attr:`earliest` to
    :attr:`latest`. With ``by=True`` it means "no later than": any day up to and including the
    last day of the stated period, with no known start ("by the end of 2023", "by June 2025").

    Only valid combinations can be made: a day needs a month, a part of a month needs a month and
    no day, a quarter (1-4) and a season each stand alone with the year. Anything else raises
    :class:`~inspectlib.errors.InvalidPartialDate`. Quarters are calendar quarters (Q1 is January to
    March), not financial ones. Seasons are meteorological: see :class:`Season`.

    **The canonical form.** ``str()`` gives the one canonical string, the wire format that other
    tools read back with :meth:`parse_canonical`. The year is always four digits, zero padded:

    ======================  =========================================
    Precision               Canonical form
    ======================  =========================================
    day                     ``2024-12-13``
    part of a month         ``2025-08-early``, ``2025-08-mid``, ``2025-08-late``
    month                   ``2025-06``
    quarter                 ``2025-Q2`` (upper-case ``Q``)
    season                  ``2018-spring``, ``-summer``, ``-autumn``, ``-winter``
    year                    ``2025``, ``0987``
    ``by`` (any precision)  prefix ``../``: ``../2023``, ``../2025-06``, ``../2025-02-06``
    ======================  =========================================

    The ``../`` prefix is ISO 8601-2's open start; the day, month and year forms are ISO 8601;
    the part, quarter and season forms are this library's own (they are not ISO 8601-2 or EDTF
    codes).

    **Equality and order.** ``==`` compares what was stated, not time: ``June 2025`` is not equal
    to ``2025``, nor to ``by June 2025``. Use :meth:`compare` to ask about time; ``<``, ``<=``,
    ``>`` and ``>=`` (against a :class:`PartialDate` or a :class:`datetime.date`) answer only
    when the answer is certain and otherwise raise :class:`~inspectlib.errors.UncertainOrderError`.
    To sort dates of mixed precision use :attr:`sort_key`.

    >>> june = PartialDate.parse("June 2025")
    >>> str(june), june.describe(), june.precision
    ('2025-06', 'June 2025', <Precision.MONTH: 'month'>)
    >>> june.earliest, june.latest
    (datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
    >>> PartialDate.parse("by the end of 2023")
    PartialDate(year=2023, by=True)
    >>> june < PartialDate.of_day(2025, 7, 1)
    True
    >>> june.compare(PartialDate.of_year(2025))
    <Order.UNCERTAIN: 'uncertain'>

    .. versionadded:: 0.1.0
    """

    year: int
    month: int | None = None
    day: int | None = None
    part: MonthPart | None = None
    quarter: int | None = None
    season: Season | None = None
    by: bool = False
    # (earliest or date.min, latest, index in _RANKED, by): worked out once, as sorting
    # and comparing use it over and over. Not part of equality, hashing or repr.
    _key: tuple[date, date, int, bool] = attrs.field(init=False, eq=False, repr=False)
    # _text (the slot of _KeptText): the canonical text, None until the first str() makes it,
    # then kept: a frozen date's fields change only behind its constructor's back, and the
    # dates a document reader shares are written again and again. Record writers read it in
    # place (inspectlib._converter).

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", self._check())
        object.__setattr__(self, "_text", None)

    # What a pickle or a copy holds: the fields the date was made with, the same whatever has
    # been asked of it since; its key is worked out again (and so checked), its text when asked.
    def __getstate__(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in _MADE_WITH}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in _MADE_WITH:
            object.__setattr__(self, name, state[name])
        self.__attrs_post_init__()

    def _check(self) -> tuple[date, date, int, bool]:
        year, by = self.year, self.by
        # type(...) is int first: the common case, and much faster than the full check.
        if type(year) is not int and not _is_int(year):
            raise _invalid_type("year", year, "an int")
        if not 1 <= year <= 9999:
            raise InvalidPartialDate(f"year must be between 1 and 9999, got {year}")
        if type(by) is not bool:
            raise _invalid_type("by", by, "a bool")
        rank = _rank_of(self)
        first, last = _RANKED[rank].bounds(self)
        return (date.min if by else first, last, rank, by)

    # -- named constructors ----------------------------------------------------------------

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> PartialDate:
        """A single day.

        >>> str(PartialDate.of_day(2024, 12, 13))
        '2024-12-13'

        .. versionadded:: 0.1.0
        """
        return cls(year=year, month=month, day=day)

    @classmethod
    def of_month(cls, year: int, month: int) -> PartialDate:
        """A whole month.

        >>> PartialDate.of_month(2025, 6).describe()
        'June 2025'

        .. versionadded:: 0.1.0
        """
        return cls(year=year, month=month)

    @classmethod
    def of_year(cls, year: int) -> PartialDate:
        """A whole year.

        >>> str(PartialDate.of_year(987))
        '0987'

        .. versionadded:: 0.1.0
        """
        return cls(year=year)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> PartialDate:
        """A calendar quarter, 1 to 4 (Q1 is January to March).

        >>> str(PartialDate.of_quarter(2025, 2))
        '2025-Q2'

        .. versionadded:: 0.1.0
        """
        return cls(year=year, quarter=quarter)

    @classmethod
    def of_season(cls, year: int, season: Season) -> PartialDate:
        """A meteorological season; winter *year* runs into February of the next year.

        >>> str(PartialDate.of_season(2018, Season.SPRING))
        '2018-spring'

        .. versionadded:: 0.1.0
        """
        return cls(year=year, season=season)

    @classmethod
    def of_month_part(cls, year: int, month: int, part: MonthPart) -> PartialDate:
        """The early, mid or late part of a month.

        >>> PartialDate.of_month_part(2025, 8, MonthPart.MID).describe()
        'mid-August 2025'

        .. versionadded:: 0.1.0
        """
        return cls(year=year, month=month, part=part)

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        """The single day *d* (a :class:`datetime.date`; a ``datetime`` is refused).

        >>> from datetime import date
        >>> PartialDate.from_date(date(2024, 12, 13)).precision
        <Precision.DAY: 'day'>

        .. versionadded:: 0.1.0
        """
        if isinstance(d, datetime) or not isinstance(d, date):
            raise TypeError(f"from_date() takes a datetime.date, not {type(d).__name__}")
        return cls(year=d.year, month=d.month, day=d.day)

    def no_later_than(self) -> PartialDate:
        """The same period with ``by=True``: any day up to its last day, start unknown.

        >>> PartialDate.of_year(2023).no_later_than().describe()
        'by the end of 2023'

        .. versionadded:: 0.1.0
        """
        return self if self.by else attrs.evolve(self, by=True)

    # -- derived values ----------------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """How precisely the date is stated.

        .. versionadded:: 0.1.0
        """
        return _RANKED[self._key[2]].precision

    @property
    def earliest(self) -> date | None:
        """The first day the date could be, or ``None`` when ``by`` is true (start unknown).

        .. versionadded:: 0.1.0
        """
        return None if self.by else self._key[0]

    @property
    def latest(self) -> date:
        """The last day the date could be.

        .. versionadded:: 0.1.0
        """
        return self._key[1]

    @property
    def sort_key(self) -> tuple[date, date, int, bool]:
        """A key that sorts dates of any precision in a fixed, meaningful order.

        Dates sort by their earliest possible day (an unknown start, as in "by 2023", counts as
        the earliest of all, ``date.min``), then by their latest possible day, so that of two
        dates starting on the same day the narrower comes first; then the narrower precision,
        and a known start before an unknown one. Different dates never tie.

        >>> dates = [PartialDate.parse(text) for text in ["2025", "June 2025", "../2024"]]
        >>> [str(d) for d in sorted(dates, key=lambda d: d.sort_key)]
        ['../2024', '2025', '2025-06']

        .. versionadded:: 0.1.0
        """
        return self._key

    def contains(self, d: date) -> bool:
        """Whether the day *d* is one the date could be.

        >>> from datetime import date
        >>> PartialDate.parse("spring 2018").contains(date(2018, 5, 31))
        True

        .. versionadded:: 0.1.0
        """
        if isinstance(d, datetime) or not isinstance(d, date):
            raise TypeError(f"contains() takes a datetime.date, not {type(d).__name__}")
        earliest, latest, _, by = self._key
        return d <= latest and (by or earliest <= d)

    def to_date(self) -> date | None:
        """The exact day, if the date is a single known day; otherwise ``None``.

        >>> PartialDate.parse("13 December 2024").to_date()
        datetime.date(2024, 12, 13)
        >>> PartialDate.parse("by 13 December 2024").to_date() is None
        True

        .. versionadded:: 0.1.0
        """
        earliest, latest, _, by = self._key
        return None if by or earliest != latest else earliest

    # -- text ----------------------------------------------------------------------------------

    def __str__(self) -> str:
        try:
            text = self._text
        except AttributeError:  # a copy of an attrs subclass: attrs' own __setstate__ made it
            text = None
        if text is None:
            text = _RANKED[self._key[2]].canonical(self)
            if self.by:
                text = "../" + text
            object.__setattr__(self, "_text", text)
        return text

    def __repr__(self) -> str:
        shown = [f"year={self.year!r}"]
        for name in ("month", "day", "quarter"):
            value = getattr(self, name)
            if value is not None:
                shown.append(f"{name}={value!r}")
        if self.part is not None:
            shown.append(f"part=MonthPart.{self.part.name}")
        if self.season is not None:
            shown.append(f"season=Season.{self.season.name}")
        if self.by:
            shown.append("by=True")
        return f"PartialDate({', '.join(shown)})"

    def describe(self) -> str:
        """The date as a person would write it; :meth:`parse` reads it back.

        >>> [PartialDate.parse(t).describe() for t in ["2024-12-13", "2025-Q2", "../2023"]]
        ['13 December 2024', 'Q2 2025', 'by the end of 2023']
        >>> PartialDate.of_season(2018, Season.WINTER).describe()
        'winter 2018/19'

        Winter is written with both its years, as its name alone is easily misread.

        .. versionadded:: 0.1.0
        """
        form = _RANKED[self._key[2]]
        text = form.words(self)
        return form.by + text if self.by else text

    @classmethod
    def parse_canonical(cls, text: str) -> PartialDate:
        """Read the canonical form, and nothing else: the inverse of ``str()``.

        It is strict (no spaces, no other case, no other forms) and fast, for bulk loads.

        >>> PartialDate.parse_canonical("../2025-06")
        PartialDate(year=2025, month=6, by=True)
        >>> PartialDate.parse_canonical("2025-q2")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        inspectlib.errors.InvalidPartialDate: '2025-q2' is not a canonical partial date: ...

        .. versionadded:: 0.1.0
        """
        if not isinstance(text, str):
            raise TypeError(f"parse_canonical() takes a str, not {type(text).__name__}")
        try:
            result = from_canonical(text, CANONICAL)
        except InvalidPartialDate as error:
            raise unreadable(text, error) from None
        if result is None:
            raise InvalidPartialDate(
                f"{text!r} is not a canonical partial date: expected {CANONICAL_FORMS}"
            )
        return result

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as people write it, in any case, with any spacing.

        It reads every canonical form and, among others: "13 December 2024", "13 Dec 2024",
        "5th June 2025", "13/12/2024" (day first, as in the UK), "June 2025", "Jun 2025",
        "spring 2018", "winter 2018/19", "Q2 2025", "2025 Q2", "second quarter of 2025",
        "early August 2025", "mid-August 2025", "late August 2025", and any of these after "by",
        "by the end of", "by end of" or "no later than" ("by the end of 2023", "by June 2025").

        A date in numbers that does not read day first ("04/13/2024") is refused, never read
        month first. Every date has a year: "June" alone is refused, as are two-digit years,
        times of day, weekdays that do not fit the day, and anything else it cannot read, all
        with :class:`~inspectlib.errors.InvalidPartialDate`.

        >>> PartialDate.parse("by 6 February 2025")
        PartialDate(year=2025, month=2, day=6, by=True)
        >>> try:
        ...     PartialDate.parse("June")
        ... except InvalidPartialDate as error:
        ...     print(error)
        the year is missing from 'June': a partial date always states its year, as in 'June 2025'

        .. versionadded:: 0.1.0
        """
        if not isinstance(text, str):
            raise TypeError(f"parse() takes a str, not {type(text).__name__}")
        # Imported here: the reader builds partial dates, so it imports this module.
        from ._date_reading import read_date

        return read_date(text)

    # -- order ---------------------------------------------------------------------------------

    def compare(self, other: PartialDate | date) -> Order:
        """How this date is ordered in time against *other*, a partial date or a ``date``.

        ``BEFORE`` when every day this date could be is before every day *other* could be,
        ``AFTER`` the other way round, ``SAME`` only when both are one and the same single day,
        and ``UNCERTAIN`` otherwise. A "by" date has no known start, so it is never ``AFTER``
        anything.

        >>> PartialDate.parse("June 2025").compare(PartialDate.parse("Q3 2025"))
        <Order.BEFORE: 'before'>
        >>> PartialDate.parse("by June 2025").compare(PartialDate.parse("May 2025"))
        <Order.UNCERTAIN: 'uncertain'>

        .. versionadded:: 0.1.0
        """
        bounds = _bounds(other)
        if bounds is None:
            raise TypeError(
                f"compare() takes a PartialDate or a datetime.date, not {type(other).__name__}"
            )
        other_earliest, other_latest = bounds
        earliest, latest = self.earliest, self._key[1]
        if other_earliest is not None and latest < other_earliest:
            return Order.BEFORE
        if earliest is not None and other_latest < earliest:
            return Order.AFTER
        if earliest == latest == other_earliest == other_latest:
            return Order.SAME
        return Order.UNCERTAIN

    def __lt__(self, other: object) -> bool:
        bounds = _bounds(other)
        if bounds is None:
            return NotImplemented
        return self._order(other, bounds, "<", swap=False, strict=True)

    def __le__(self, other: object) -> bool:
        bounds = _bounds(other)
        if bounds is None:
            return NotImplemented
        return self._order(other, bounds, "<=", swap=False, strict=False)

    def __gt__(self, other: object) -> bool:
        bounds = _bounds(other)
        if bounds is None:
            return NotImplemented
        return self._order(other, bounds, ">", swap=True, strict=True)

    def __ge__(self, other: object) -> bool:
        bounds = _bounds(other)
        if bounds is None:
            return NotImplemented
        return self._order(other, bounds, ">=", swap=True, strict=False)

    def _order(
        self,
        other: object,
        bounds: tuple[date | None, date],
        op: str,
        *,
        swap: bool,
        strict: bool,
    ) -> bool:
        mine = (self.earliest, self._key[1])
        low, high = (bounds, mine) if swap else (mine, bounds)
        # "low op high" is certain when every possible low is before (or on) every possible high,
        # and certainly false when every possible low is on or after (after) every possible high.
        if strict:
            if high[0] is not None and low[1] < high[0]:
                return True
            if low[0] is not None and low[0] >= high[1]:
                return False
        else:
            if high[0] is not None and low[1] <= high[0]:
                return True
            if low[0] is not None and low[0] > high[1]:
                return False
        if isinstance(other, PartialDate):
            theirs = other.describe()
        else:
            assert isinstance(other, date)
            theirs = describe_day(other)
        raise UncertainOrderError(
            f"the order of {self.describe()!r} and {theirs!r} is not certain, so "
            f"{op!r} has no answer: use PartialDate.compare(), which can answer "
            "Order.UNCERTAIN, or sort by PartialDate.sort_key"
        )


# One table drives every precision ----------------------------------------------------------


_MADE_WITH: Final = tuple(field.name for field in attrs.fields(PartialDate) if field.init)
"""The fields a partial date is made with: what its pickle holds."""


def canonical_text(value: PartialDate) -> str:
    """The canonical text of *value*'s fields, as a document holds it (and the date keeps): a
    subclass's own ``__str__`` is not asked, so what it says is never written for the date."""
    return PartialDate.__str__(value)


@attrs.frozen
class _Form:
    """What a date of one precision is: which fields it is stated with, the days it stands
    for, and how it is written."""

    precision: Precision
    bounds: Callable[[PartialDate], tuple[date, date]]
    """Checks the fields the precision is stated with (the year and ``by`` are checked before,
    and that it is this precision), and gives its first and last day."""
    canonical: Callable[[PartialDate], str]
    """The canonical form, without the ``../`` of "no later than"."""
    words: Callable[[PartialDate], str]
    """The form people write, without "by"."""
    by: str
    """What "no later than" puts before the words: a period people speak of as ending (a
    year, a quarter, a season) is "by the end of" it."""


def _rank_of(stated: PartialDate) -> int:
    """The index in :data:`_RANKED` of the precision *stated*'s fields say, or why they say
    none."""
    if stated.month is not None:
        return _DAY if stated.day is not None else _PART if stated.part is not None else _MONTH
    if stated.day is not None:
        raise InvalidPartialDate(f"a day needs a month, got day={stated.day!r} without a month")
    if stated.part is not None:
        raise InvalidPartialDate(
            f"a part of a month needs a month, got part={stated.part!r} without a month"
        )
    if stated.quarter is not None:
        return _QUARTER
    return _YEAR if stated.season is None else _SEASON


def _checked_month(stated: PartialDate) -> int:
    month, quarter, season = stated.month, stated.quarter, stated.season
    # Never None here: the fields chose this precision.
    if month is None or (type(month) is not int and not _is_int(month)):
        raise _invalid_type("month", month, "an int or None")
    if not 1 <= month <= 12:
        raise InvalidPartialDate(f"month must be between 1 and 12, got {month}")
    if quarter is not None or season is not None:
        raise InvalidPartialDate(
            f"a month cannot go with a quarter or a season, got month={month}, "
            f"quarter={quarter!r}, season={season!r}"
        )
    return month


def _day_bounds(stated: PartialDate) -> tuple[date, date]:
    year, month, day, part = stated.year, _checked_month(stated), stated.day, stated.part
    # Never None here: the fields chose this precision.
    if day is None or (type(day) is not int and not _is_int(day)):
        raise _invalid_type("day", day, "an int or None")
    if part is not None:
        raise InvalidPartialDate(
            f"a part of a month cannot go with a day, got day={day} and part={part!r}"
        )
    try:
        exact = date(year, month, day)
    except ValueError:
        raise InvalidPartialDate(
            f"day {day} is out of range for {MONTH_NAMES[month]} {year:04d}, "
            f"which has {days_in(year, month)} days"
        ) from None
    return exact, exact


def _part_bounds(stated: PartialDate) -> tuple[date, date]:
    year, month, part = stated.year, _checked_month(stated), stated.part
    if not isinstance(part, MonthPart):
        raise _invalid_type("part", part, "a MonthPart or None")
    first, last = _PART_DAYS[part]
    return date(year, month, first), date(year, month, min(last, days_in(year, month)))


def _month_bounds(stated: PartialDate) -> tuple[date, date]:
    year, month = stated.year, _checked_month(stated)
    return date(year, month, 1), _month_end(year, month)


def _quarter_bounds(stated: PartialDate) -> tuple[date, date]:
    year, quarter, season = stated.year, stated.quarter, stated.season
    # Never None here: the fields chose this precision.
    if quarter is None or (type(quarter) is not int and not _is_int(quarter)):
        raise _invalid_type("quarter", quarter, "an int or None")
    if not 1 <= quarter <= 4:
        raise InvalidPartialDate(f"quarter must be between 1 and 4, got {quarter}")
    if season is not None:
        raise InvalidPartialDate(
            f"a quarter cannot go with a season, got quarter={quarter} and season={season!r}"
        )
    return date(year, quarter * 3 - 2, 1), _month_end(year, quarter * 3)


def _season_bounds(stated: PartialDate) -> tuple[date, date]:
    year, season = stated.year, stated.season
    if not isinstance(season, Season):
        raise _invalid_type("season", season, "a Season or None")
    first_month, last_month, crosses = _SEASON_MONTHS[season]
    if crosses and year == 9999:
        raise InvalidPartialDate(
            "winter 9999 would end in the year 10000, after the last date there is"
        )
    return date(year, first_month, 1), _month_end(year + 1 if crosses else year, last_month)


def _year_bounds(stated: PartialDate) -> tuple[date, date]:
    return date(stated.year, 1, 1), date(stated.year, 12, 31)


def _season_words(stated: PartialDate) -> str:
    year, season = stated.year, stated.season
    assert season is not None
    if season is Season.WINTER:
        # Winter is written with both its years, as its name alone is easily misread.
        return f"winter {year:04d}/{(year + 1) % 100:02d}"
    return f"{season.value} {year:04d}"


def _part_value(stated: PartialDate) -> MonthPart:
    assert stated.part is not None
    return stated.part


_FORMS: Final[dict[Precision, _Form]] = {
    Precision.DAY: _Form(
        Precision.DAY,
        _day_bounds,
        lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}",
        lambda d: f"{d.day} {MONTH_NAMES[d.month or 0]} {d.year:04d}",
        "by ",
    ),
    Precision.PART_OF_MONTH: _Form(
        Precision.PART_OF_MONTH,
        _part_bounds,
        lambda d: f"{d.year:04d}-{d.month:02d}-{_part_value(d).value}",
        lambda d: f"{_PART_WORDS[_part_value(d)]}{MONTH_NAMES[d.month or 0]} {d.year:04d}",
        "by ",
    ),
    Precision.MONTH: _Form(
        Precision.MONTH,
        _month_bounds,
        lambda d: f"{d.year:04d}-{d.month:02d}",
        lambda d: f"{MONTH_NAMES[d.month or 0]} {d.year:04d}",
        "by ",
    ),
    Precision.QUARTER: _Form(
        Precision.QUARTER,
        _quarter_bounds,
        lambda d: f"{d.year:04d}-Q{d.quarter}",
        lambda d: f"Q{d.quarter} {d.year:04d}",
        "by the end of ",
    ),
    Precision.SEASON: _Form(
        Precision.SEASON,
        _season_bounds,
        lambda d: f"{d.year:04d}-{d.season.value if d.season else ''}",
        _season_words,
        "by the end of ",
    ),
    Precision.YEAR: _Form(
        Precision.YEAR,
        _year_bounds,
        lambda d: f"{d.year:04d}",
        lambda d: f"{d.year:04d}",
        "by the end of ",
    ),
}
"""Each precision's form, narrowest first."""

_RANKED: Final = tuple(_FORMS.values())
"""The forms by rank, narrowest first: a date's rank is the third element of its sort key, and
the index it finds its form at on every construction and every write."""
_DAY, _PART, _MONTH, _QUARTER, _SEASON, _YEAR = (
    _RANKED.index(_FORMS[precision])
    for precision in (
        Precision.DAY,
        Precision.PART_OF_MONTH,
        Precision.MONTH,
        Precision.QUARTER,
        Precision.SEASON,
        Precision.YEAR,
    )
)


def _bounds(other: object) -> tuple[date | None, date] | None:
    if isinstance(other, PartialDate):
        return (other.earliest, other.latest)
    # A datetime is a date to isinstance, but it has a time of day and does not order with dates.
    if isinstance(other, date) and not isinstance(other, datetime):
        return (other, other)
    return None


def describe_day(d: date) -> str:
    """``"13 December 2024"``: a day as reports write it, in English whatever the locale."""
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year:04d}"


def from_canonical(text: str, pattern: re.Pattern[str]) -> PartialDate | None:
    """The canonical date *text* is, or None if it is not shaped like one.

    Text that is shaped like a canonical form but is not a valid date ("2025-13") raises.
    """
    by = text.startswith("../")
    body = text[3:] if by else text
    # Short cuts for the commonest forms, ahead of the regular expression that reads them all.
    size = len(body)
    if size == 10 and body[4] == "-" and body[7] == "-":
        try:
            d = date.fromisoformat(body)
        except ValueError:
            pass  # not a date; the pattern below says why
        else:
            return PartialDate(year=d.year, month=d.month, day=d.day, by=by)
    elif size == 4 and body.isascii() and body.isdigit():
        return PartialDate(year=int(body), by=by)
    elif size == 7 and body[4] == "-" and body.isascii() and body[5:].isdigit():
        year = body[:4]
        if year.isdigit():
            return PartialDate(year=int(year), month=int(body[5:]), by=by)
    match = pattern.fullmatch(body)
    if match is None:
        return None
    year_digits, month, day_or_part, quarter, season = match.groups()
    day: int | None = None
    part: MonthPart | None = None
    if day_or_part is not None:
        if day_or_part[0].isdigit():
            day = int(day_or_part)
        else:
            part = MonthPart(day_or_part.lower())
    return PartialDate(
        year=int(year_digits),
        month=None if month is None else int(month),
        day=day,
        part=part,
        quarter=None if quarter is None else int(quarter),
        season=None if season is None else Season(season.lower()),
        by=by,
    )


def unreadable(text: str, error: InvalidPartialDate) -> InvalidPartialDate:
    return InvalidPartialDate(f"cannot read {text!r}: {error}")
