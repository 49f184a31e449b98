"""Dates stated at the precision a report states them: a day, a month, a season, "by 2023".

A :class:`PartialDate` is an interval of days in which the real day lies. It has one canonical
string form (``str()``, read back by :meth:`PartialDate.parse_canonical`), one human form
(:meth:`PartialDate.describe`), and a tolerant reader of what people write
(:meth:`PartialDate.parse`).
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime

import attrs
import dateutil.parser

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
_MONTH_NAMES = (
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
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES) if name}
_MONTH_NUMBERS.update({name[:3].lower(): number for name, number in _MONTH_NUMBERS.items()})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

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

# Narrowest first: the order of the third element of a sort key.
_PRECISIONS = (
    Precision.DAY,
    Precision.PART_OF_MONTH,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.SEASON,
    Precision.YEAR,
)
_DAY, _PART, _MONTH, _QUARTER, _SEASON, _YEAR = range(6)

CANONICAL_FORMS = (
    "YYYY-MM-DD, YYYY-MM-early, YYYY-MM-mid, YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, "
    "YYYY-summer, YYYY-autumn, YYYY-winter or YYYY, each optionally prefixed with '../'"
)
_HUMAN_FORMS = (
    "'13 December 2024', '13/12/2024', 'June 2025', '2025', 'Q2 2025', 'spring 2018', "
    "'early August 2025', 'by the end of 2023' or a canonical form such as '2025-06'"
)

_CANONICAL = re.compile(
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}|early|mid|late))?|-Q([0-9])"
    r"|-(spring|summer|autumn|winter))?"
)
# parse() reads canonical forms in any case; parse_canonical() does not.
_CANONICAL_ANY_CASE = re.compile(_CANONICAL.pattern, re.IGNORECASE)

_MONTH_WORD = "(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
_SEASON_WORD = "(spring|summer|autumn|winter)"
_BY = re.compile(r"(?:by|no later than) (?:(?:the )?end of )?(.+)")
_WRITTEN_DAY = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? " + _MONTH_WORD + r",? ([0-9]{4})")
_WRITTEN_MONTH = re.compile(_MONTH_WORD + r",? ([0-9]{4})")
_QUARTER_FIRST = re.compile(
    r"(?:q ?([0-9])|quarter ([0-9])|(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter)"
    r"(?:(?: of|,)? ?-? ?([0-9]{4}))?"
)
_QUARTER_LAST = re.compile(r"([0-9]{4}) ?-? ?q ?([0-9])")
_QUARTER_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_SEASON_FIRST = re.compile(
    _SEASON_WORD + r"(?:(?: of|,)? ([0-9]{4})(?: ?[/-] ?([0-9]{2}|[0-9]{4}))?)?"
)
_SEASON_LAST = re.compile(r"([0-9]{4}) ?-? ?" + _SEASON_WORD)
_MONTH_PART = re.compile(
    r"(early|mid|late)(?: ?- ?| )(?:in )?" + _MONTH_WORD + r"(?:,? ([0-9]{4}))?"
)
_PART_OF_YEAR = re.compile(r"(?:early|mid|late)(?: ?- ?| )(?:in )?[0-9]{4}")
_WORD = re.compile(r"[a-z]+")
# dateutil skips words it does not know ("at", "on", "and", "t") and reads "2018/19" as a day;
# only these words, month and weekday names reach it, and no span of two years.
_DATEUTIL_WORDS = frozenset({"st", "nd", "rd", "th", "of", "the", "am", "pm"})
_YEAR_SPAN = re.compile(r"([0-9]{4}) ?/ ?([0-9]{2}|[0-9]{4})(?![0-9])")
_YEAR_FIRST = re.compile(r"[0-9]{4}[^0-9]")
_NUMBERS_DAY_FIRST = re.compile(r"([0-9]{1,2}) ?([/.-]) ?([0-9]{1,2}) ?\2 ?([0-9]{4})")
_ORDINAL = re.compile(r"([0-9]+)(?:st|nd|rd|th)")

# Two different defaults show which components dateutil found in the text: those it found are
# the same in both results. Day 9 in the second keeps a weekday without a day ("Monday June
# 2025") from landing on the same day from both defaults; both years are leap years so that
# "29 February" without a year is reported as missing its year, not as out of range.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0, 0)
_DEFAULT_B = datetime(2004, 2, 9, 1, 1, 1, 1)
_PARSER_INFO = dateutil.parser.parserinfo()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _invalid_type(name: str, value: object, expected: str) -> InvalidPartialDate:
    return InvalidPartialDate(f"{name} must be {expected}, got {value!r} ({type(value).__name__})")


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    # calendar.monthrange also works out a weekday, which costs more than this whole check.
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in(year, month))


@attrs.frozen(kw_only=True, order=False, repr=False)
class PartialDate:
    """A date known to a day, a part of a month, a month, a quarter, a season or a year.

    It stands for an interval of days in which the real day lies: :attr:`earliest` to
    :attr:`latest`. With ``by=True`` it means "no later than": any day up to and including the
    last day of the stated period, with no known start ("by the end of 2023", "by June 2025").

    Only valid combinations can be made: a day needs a month, a part of a month needs a month and
    no day, a quarter (1-4) and a season each stand alone with the year. Anything else raises
    :class:`~inspectlib.InvalidPartialDate`. Quarters are calendar quarters (Q1 is January to
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
    when the answer is certain and otherwise raise :class:`~inspectlib.UncertainOrderError`.
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
    # (earliest or date.min, latest, index in _PRECISIONS, by): worked out once, as sorting
    # and comparing use it over and over. Not part of equality, hashing or repr.
    _key: tuple[date, date, int, bool] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", self._check())

    def _check(self) -> tuple[date, date, int, bool]:
        year, month, day, part = self.year, self.month, self.day, self.part
        quarter, season, by = self.quarter, self.season, self.by
        # type(...) is int first: the common case, and much faster than the full check.
        if type(year) is not int and not _is_int(year):
            raise _invalid_type("year", year, "an int")
        if not 1 <= year <= 9999:
            raise InvalidPartialDate(f"year must be between 1 and 9999, got {year}")
        if type(by) is not bool:
            raise _invalid_type("by", by, "a bool")
        if month is not None:
            if type(month) is not int and not _is_int(month):
                raise _invalid_type("month", month, "an int or None")
            if not 1 <= month <= 12:
                raise InvalidPartialDate(f"month must be between 1 and 12, got {month}")
            if quarter is not None or season is not None:
                raise InvalidPartialDate(
                    f"a month cannot go with a quarter or a season, got month={month}, "
                    f"quarter={quarter!r}, season={season!r}"
                )
            if day is not None:
                if type(day) is not int and not _is_int(day):
                    raise _invalid_type("day", day, "an int or None")
                if part is not None:
                    raise InvalidPartialDate(
                        f"a part of a month cannot go with a day, got day={day} and part={part!r}"
                    )
                try:
                    exact = date(year, month, day)
                except ValueError:
                    raise InvalidPartialDate(
                        f"day {day} is out of range for {_MONTH_NAMES[month]} {year:04d}, "
                        f"which has {_days_in(year, month)} days"
                    ) from None
                return (date.min if by else exact, exact, _DAY, by)
            if part is not None:
                if not isinstance(part, MonthPart):
                    raise _invalid_type("part", part, "a MonthPart or None")
                first, last = _PART_DAYS[part]
                last = min(last, _days_in(year, month))
                return (
                    date.min if by else date(year, month, first),
                    date(year, month, last),
                    _PART,
                    by,
                )
            return (date.min if by else date(year, month, 1), _month_end(year, month), _MONTH, by)
        if day is not None:
            raise InvalidPartialDate(f"a day needs a month, got day={day!r} without a month")
        if part is not None:
            raise InvalidPartialDate(
                f"a part of a month needs a month, got part={part!r} without a month"
            )
        if quarter is not None:
            if type(quarter) is not int and not _is_int(quarter):
                raise _invalid_type("quarter", quarter, "an int or None")
            if not 1 <= quarter <= 4:
                raise InvalidPartialDate(f"quarter must be between 1 and 4, got {quarter}")
            if season is not None:
                raise InvalidPartialDate(
                    f"a quarter cannot go with a season, got quarter={quarter} and "
                    f"season={season!r}"
                )
            return (
                date.min if by else date(year, quarter * 3 - 2, 1),
                _month_end(year, quarter * 3),
                _QUARTER,
                by,
            )
        if season is not None:
            if not isinstance(season, Season):
                raise _invalid_type("season", season, "a Season or None")
            first_month, last_month, crosses = _SEASON_MONTHS[season]
            if crosses and year == 9999:
                raise InvalidPartialDate(
                    "winter 9999 would end in the year 10000, after the last date there is"
                )
            return (
                date.min if by else date(year, first_month, 1),
                _month_end(year + 1 if crosses else year, last_month),
                _SEASON,
                by,
            )
        return (date.min if by else date(year, 1, 1), date(year, 12, 31), _YEAR, by)

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
        return _PRECISIONS[self._key[2]]

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
        year, month, rank = self.year, self.month, self._key[2]
        if rank == _DAY:
            text = f"{year:04d}-{month:02d}-{self.day:02d}"
        elif rank == _MONTH:
            text = f"{year:04d}-{month:02d}"
        elif rank == _YEAR:
            text = f"{year:04d}"
        elif rank == _PART:
            assert self.part is not None
            text = f"{year:04d}-{month:02d}-{self.part.value}"
        elif rank == _QUARTER:
            text = f"{year:04d}-Q{self.quarter}"
        else:
            assert self.season is not None
            text = f"{year:04d}-{self.season.value}"
        return "../" + text if self.by else text

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
        year, month, rank = self.year, self.month, self._key[2]
        if rank == _DAY:
            text = f"{self.day} {_MONTH_NAMES[month or 0]} {year:04d}"
        elif rank == _MONTH:
            text = f"{_MONTH_NAMES[month or 0]} {year:04d}"
        elif rank == _YEAR:
            text = f"{year:04d}"
        elif rank == _PART:
            assert self.part is not None
            text = f"{_PART_WORDS[self.part]}{_MONTH_NAMES[month or 0]} {year:04d}"
        elif rank == _QUARTER:
            text = f"Q{self.quarter} {year:04d}"
        elif self.season is Season.WINTER:
            text = f"winter {year:04d}/{(year + 1) % 100:02d}"
        else:
            assert self.season is not None
            text = f"{self.season.value} {year:04d}"
        if not self.by:
            return text
        if rank in (_YEAR, _QUARTER, _SEASON):
            return "by the end of " + text
        return "by " + text

    @classmethod
    def parse_canonical(cls, text: str) -> PartialDate:
        """Read the canonical form, and nothing else: the inverse of ``str()``.

        It is strict (no spaces, no other case, no other forms) and fast, for bulk loads.

        >>> PartialDate.parse_canonical("../2025-06")
        PartialDate(year=2025, month=6, by=True)
        >>> PartialDate.parse_canonical("2025-q2")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        inspectlib._errors.InvalidPartialDate: '2025-q2' is not a canonical partial date: ...

        .. versionadded:: 0.1.0
        """
        if not isinstance(text, str):
            raise TypeError(f"parse_canonical() takes a str, not {type(text).__name__}")
        try:
            result = _from_canonical(text, _CANONICAL)
        except InvalidPartialDate as error:
            raise _unreadable(text, error) from None
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
        with :class:`~inspectlib.InvalidPartialDate`.

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
        lowered = " ".join(text.split()).lower()
        if not lowered:
            raise InvalidPartialDate(f"cannot read {text!r}: it is empty")
        by = _BY.fullmatch(lowered)
        if by is None:
            return _parse_plain(lowered, text)
        stated = _parse_plain(by[1], text)
        if stated.by:
            raise InvalidPartialDate(f"cannot read {text!r}: it says 'by' twice")
        return attrs.evolve(stated, by=True)

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


def _bounds(other: object) -> tuple[date | None, date] | None:
    if isinstance(other, PartialDate):
        return (other.earliest, other.latest)
    # A datetime is a date to isinstance, but it has a time of day and does not order with dates.
    if isinstance(other, date) and not isinstance(other, datetime):
        return (other, other)
    return None


def describe_day(d: date) -> str:
    """``"13 December 2024"``: a day as reports write it, in English whatever the locale."""
    return f"{d.day} {_MONTH_NAMES[d.month]} {d.year:04d}"


def _from_canonical(text: str, pattern: re.Pattern[str]) -> PartialDate | None:
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


def _unreadable(text: str, error: InvalidPartialDate) -> InvalidPartialDate:
    return InvalidPartialDate(f"cannot read {text!r}: {error}")


def _build(
    text: str,
    *,
    year: int,
    month: int | None = None,
    day: int | None = None,
    part: MonthPart | None = None,
    quarter: int | None = None,
    season: Season | None = None,
) -> PartialDate:
    try:
        return PartialDate(
            year=year, month=month, day=day, part=part, quarter=quarter, season=season
        )
    except InvalidPartialDate as error:
        raise _unreadable(text, error) from None


def _missing_year(text: str) -> InvalidPartialDate:
    return InvalidPartialDate(
        f"the year is missing from {text!r}: a partial date always states its year, "
        "as in 'June 2025'"
    )


def _parse_plain(lowered: str, text: str) -> PartialDate:
    """Read *lowered*, a date without "by" in lower case with single spaces; *text* for errors."""
    try:
        canonical = _from_canonical(lowered, _CANONICAL_ANY_CASE)
    except InvalidPartialDate as error:
        raise _unreadable(text, error) from None
    if canonical is not None:
        return canonical
    # The human forms describe() writes are read here rather than by dateutil, which reads
    # years below 100 as years of this century.
    if match := _WRITTEN_DAY.fullmatch(lowered):
        return _build(text, year=int(match[3]), month=_MONTH_NUMBERS[match[2]], day=int(match[1]))
    if match := _WRITTEN_MONTH.fullmatch(lowered):
        return _build(text, year=int(match[2]), month=_MONTH_NUMBERS[match[1]])
    if match := _QUARTER_FIRST.fullmatch(lowered):
        if match[4] is None:
            raise _missing_year(text)
        number = match[1] or match[2]
        quarter = int(number) if number else _QUARTER_WORDS[match[3]]
        return _build(text, year=int(match[4]), quarter=quarter)
    if match := _QUARTER_LAST.fullmatch(lowered):
        return _build(text, year=int(match[1]), quarter=int(match[2]))
    if match := _SEASON_FIRST.fullmatch(lowered):
        return _season(match[1], match[2], match[3], text)
    if match := _SEASON_LAST.fullmatch(lowered):
        return _season(match[2], match[1], None, text)
    if match := _MONTH_PART.fullmatch(lowered):
        if match[3] is None:
            raise _missing_year(text)
        return _build(
            text, year=int(match[3]), month=_MONTH_NUMBERS[match[2]], part=MonthPart(match[1])
        )
    if match := _NUMBERS_DAY_FIRST.fullmatch(lowered):
        return _day_first(int(match[1]), int(match[3]), int(match[4]), text)
    if _PART_OF_YEAR.fullmatch(lowered):
        raise InvalidPartialDate(
            f"cannot read {text!r}: early, mid and late need a month, as in 'early August 2025'"
        )
    return _parse_with_dateutil(lowered, text)


def _day_first(day: int, month: int, year: int, text: str) -> PartialDate:
    """A date written in numbers, day first as in the UK: dateutil, asked for day first, would
    still read "04/13/2024" month first rather than fail, and give a date no one meant."""
    if not 1 <= month <= 12:
        swapped = ""
        if 1 <= day <= 12 and 1 <= month <= _days_in(year, day):
            meant = f"{month} {_MONTH_NAMES[day]} {year:04d}"
            swapped = f": for {meant} write '{month:02d}/{day:02d}/{year:04d}'"
        raise InvalidPartialDate(
            f"cannot read {text!r}: the day comes first, as in the UK, and there is no month "
            f"{month}{swapped}"
        )
    return _build(text, year=year, month=month, day=day)


def _season(name: str, year: str | None, end_year: str | None, text: str) -> PartialDate:
    if year is None:
        raise _missing_year(text)
    start = int(year)
    if end_year is not None:
        if name != "winter":
            raise InvalidPartialDate(f"cannot read {text!r}: only winter spans two years")
        expected = start + 1 if len(end_year) == 4 else (start + 1) % 100
        if int(end_year) != expected:
            raise InvalidPartialDate(
                f"cannot read {text!r}: winter {start:04d} ends in {start + 1:04d}, not {end_year}"
            )
    return _build(text, year=start, season=Season(name))


def _unknown(text: str) -> InvalidPartialDate:
    return InvalidPartialDate(
        f"cannot read {text!r} as a partial date: expected a form such as {_HUMAN_FORMS}"
    )


def _parse_with_dateutil(lowered: str, text: str) -> PartialDate:
    for word in _WORD.findall(lowered):
        if (
            word not in _DATEUTIL_WORDS
            and _PARSER_INFO.month(word) is None
            and _PARSER_INFO.weekday(word) is None
        ):
            raise _unknown(text)
    for span in _YEAR_SPAN.finditer(lowered):
        start, end = int(span[1]), int(span[2])
        if end in (start + 1, (start + 1) % 100):
            raise InvalidPartialDate(
                f"cannot read {text!r}: {span[0]!r} spans two years, as a financial or "
                "academic year does, and is not a partial date"
            )
    # Day first, as in the UK ("13/12/2024"), except after a leading year: no one writes
    # year/day/month, and "2024/06/12" is 12 June.
    dayfirst = _YEAR_FIRST.match(lowered) is None
    try:
        found_a = dateutil.parser.parse(
            lowered, dayfirst=dayfirst, fuzzy=False, ignoretz=True, default=_DEFAULT_A
        )
        found_b = dateutil.parser.parse(
            lowered, dayfirst=dayfirst, fuzzy=False, ignoretz=True, default=_DEFAULT_B
        )
    except (ValueError, OverflowError) as error:  # dateutil's ParserError is a ValueError
        reason = str(error).removesuffix(f": {lowered}")
        if isinstance(error, OverflowError) or reason.startswith(
            ("Unknown string format", "String does not")
        ):
            raise _unknown(text) from error
        raise InvalidPartialDate(f"cannot read {text!r} as a partial date: {reason}") from error
    if (
        found_a.hour == found_b.hour
        or found_a.minute == found_b.minute
        or found_a.second == found_b.second
        or found_a.microsecond == found_b.microsecond
    ):
        raise InvalidPartialDate(
            f"cannot read {text!r}: it has a time of day, and a partial date is a day or longer"
        )
    if found_a.year != found_b.year:
        raise _missing_year(text)
    year = found_a.year
    if f"{year:04d}" not in lowered:
        raise InvalidPartialDate(
            f"cannot read {text!r}: write the year in full, with four digits, as in '2025'"
        )
    month = found_a.month if found_a.month == found_b.month else None
    day = found_a.day if found_a.day == found_b.day else None
    if month is None and day is not None:
        raise InvalidPartialDate(f"cannot read {text!r}: it has a day but no month")
    # dateutil takes "5th" for a month if it must ("1 5th 2024"), but people write only days so.
    if any(int(ordinal[1]) != day for ordinal in _ORDINAL.finditer(lowered)):
        raise InvalidPartialDate(
            f"cannot read {text!r}: only a day of the month is written as an ordinal, as in '5th'"
        )
    result = _build(text, year=year, month=month, day=day)
    weekdays = {_PARSER_INFO.weekday(word) for word in _WORD.findall(lowered)} - {None}
    if weekdays:
        stated = result.to_date()
        if stated is None:
            raise InvalidPartialDate(f"cannot read {text!r}: it names a weekday but no day")
        if weekdays != {stated.weekday()}:
            raise InvalidPartialDate(
                f"cannot read {text!r}: {result.describe()} was a "
                f"{_WEEKDAY_NAMES[stated.weekday()]}"
            )
    return result
