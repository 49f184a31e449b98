"""Reading dates as people write them: "13 December 2024", "June 2025", "spring 2018",
"early August 2025", "by the end of 2023".

:meth:`PartialDate.parse` reads through here. The canonical forms come first, read as
:meth:`PartialDate.parse_canonical` reads them but in any case; then the forms
:meth:`PartialDate.describe` writes and the other common ones, each by a pattern of its own;
what is left goes to dateutil, fenced in: only words it reads right reach it, and what it fills
in from its defaults is told apart from what the text states.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Final, TypeAlias

import attrs
import dateutil.parser

from ._errors import InvalidPartialDate
from ._partial_dates import (
    CANONICAL,
    MONTH_NAMES,
    MonthPart,
    PartialDate,
    Season,
    days_in,
    from_canonical,
    unreadable,
)

__all__ = ["read_date"]

Reader: TypeAlias = Callable[[re.Match[str], str], PartialDate]
"""Makes the date a pattern matched (the text for errors)."""

_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES) if name}
_MONTH_NUMBERS.update({name[:3].lower(): number for name, number in _MONTH_NUMBERS.items()})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_HUMAN_FORMS = (
    "'13 December 2024', '13/12/2024', 'June 2025', '2025', 'Q2 2025', 'spring 2018', "
    "'early August 2025', 'by the end of 2023' or a canonical form such as '2025-06'"
)

# The canonical forms are read in any case here; parse_canonical() reads them only as written.
_CANONICAL_ANY_CASE = re.compile(CANONICAL.pattern, re.IGNORECASE)

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


def read_date(text: str) -> PartialDate:
    """The partial date *text* states, written as people write dates (:meth:`PartialDate.parse`).

    Raises:
        InvalidPartialDate: *text* is no date this reads, with why.
    """
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
        raise unreadable(text, error) from None


def _missing_year(text: str) -> InvalidPartialDate:
    return InvalidPartialDate(
        f"the year is missing from {text!r}: a partial date always states its year, "
        "as in 'June 2025'"
    )


def _parse_plain(lowered: str, text: str) -> PartialDate:
    """Read *lowered*, a date without "by" in lower case with single spaces; *text* for errors."""
    try:
        canonical = from_canonical(lowered, _CANONICAL_ANY_CASE)
    except InvalidPartialDate as error:
        raise unreadable(text, error) from None
    if canonical is not None:
        return canonical
    for pattern, read in _WRITTEN_FORMS:
        if match := pattern.fullmatch(lowered):
            return read(match, text)
    if _PART_OF_YEAR.fullmatch(lowered):
        raise InvalidPartialDate(
            f"cannot read {text!r}: early, mid and late need a month, as in 'early August 2025'"
        )
    return _parse_with_dateutil(lowered, text)


def _written_day(match: re.Match[str], text: str) -> PartialDate:
    return _build(text, year=int(match[3]), month=_MONTH_NUMBERS[match[2]], day=int(match[1]))


def _written_month(match: re.Match[str], text: str) -> PartialDate:
    return _build(text, year=int(match[2]), month=_MONTH_NUMBERS[match[1]])


def _quarter_first(match: re.Match[str], text: str) -> PartialDate:
    if match[4] is None:
        raise _missing_year(text)
    number = match[1] or match[2]
    quarter = int(number) if number else _QUARTER_WORDS[match[3]]
    return _build(text, year=int(match[4]), quarter=quarter)


def _quarter_last(match: re.Match[str], text: str) -> PartialDate:
    return _build(text, year=int(match[1]), quarter=int(match[2]))


def _month_part(match: re.Match[str], text: str) -> PartialDate:
    if match[3] is None:
        raise _missing_year(text)
    return _build(
        text, year=int(match[3]), month=_MONTH_NUMBERS[match[2]], part=MonthPart(match[1])
    )


def _day_first(day: int, month: int, year: int, text: str) -> PartialDate:
    """A date written in numbers, day first as in the UK: dateutil, asked for day first, would
    still read "04/13/2024" month first rather than fail, and give a date no one meant."""
    if not 1 <= month <= 12:
        swapped = ""
        if 1 <= day <= 12 and 1 <= month <= days_in(year, day):
            meant = f"{month} {MONTH_NAMES[day]} {year:04d}"
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


_WRITTEN_FORMS: Final[tuple[tuple[re.Pattern[str], Reader], ...]] = (
    (_WRITTEN_DAY, _written_day),
    (_WRITTEN_MONTH, _written_month),
    (_QUARTER_FIRST, _quarter_first),
    (_QUARTER_LAST, _quarter_last),
    (_SEASON_FIRST, lambda match, text: _season(match[1], match[2], match[3], text)),
    (_SEASON_LAST, lambda match, text: _season(match[2], match[1], None, text)),
    (_MONTH_PART, _month_part),
    (
        _NUMBERS_DAY_FIRST,
        lambda match, text: _day_first(int(match[1]), int(match[3]), int(match[4]), text),
    ),
)
"""The forms read by a pattern of their own, in the order they are tried: those describe()
writes, read here rather than by dateutil, which reads years below 100 as years of this
century, and the other common ones."""


def _unknown(text: str) -> InvalidPartialDate:
    return InvalidPartialDate(
        f"cannot read {text!r} as a partial date: expected a form such as {_HUMAN_FORMS}"
    )


def _parse_with_dateutil(lowered: str, text: str) -> PartialDate:
    _refuse_what_dateutil_misreads(lowered, text)
    found_a, found_b = _dateutil_twice(lowered, text)
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
    _check_weekday(result, lowered, text)
    return result


def _refuse_what_dateutil_misreads(lowered: str, text: str) -> None:
    """dateutil skips words it does not know and reads a span of two years as a day: such text
    is refused before it gets there."""
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


def _dateutil_twice(lowered: str, text: str) -> tuple[datetime, datetime]:
    """What dateutil reads in *lowered* from each of two defaults: what it found in the text is
    the same in both."""
    # Day first, as in the UK ("13/12/2024"), except after a leading year: no one writes
    # year/day/month, and "2024/06/12" is 12 June.
    dayfirst = _YEAR_FIRST.match(lowered) is None
    try:
        return (
            dateutil.parser.parse(
                lowered, dayfirst=dayfirst, fuzzy=False, ignoretz=True, default=_DEFAULT_A
            ),
            dateutil.parser.parse(
                lowered, dayfirst=dayfirst, fuzzy=False, ignoretz=True, default=_DEFAULT_B
            ),
        )
    except (ValueError, OverflowError) as error:  # dateutil's ParserError is a ValueError
        reason = str(error).removesuffix(f": {lowered}")
        if isinstance(error, OverflowError) or reason.startswith(
            ("Unknown string format", "String does not")
        ):
            raise _unknown(text) from error
        raise InvalidPartialDate(f"cannot read {text!r} as a partial date: {reason}") from error


def _check_weekday(result: PartialDate, lowered: str, text: str) -> None:
    """A weekday named in the text is the weekday of the day it states."""
    weekdays = {_PARSER_INFO.weekday(word) for word in _WORD.findall(lowered)} - {None}
    if not weekdays:
        return
    stated = result.to_date()
    if stated is None:
        raise InvalidPartialDate(f"cannot read {text!r}: it names a weekday but no day")
    if weekdays != {stated.weekday()}:
        raise InvalidPartialDate(
            f"cannot read {text!r}: {result.describe()} was a {_WEEKDAY_NAMES[stated.weekday()]}"
        )
