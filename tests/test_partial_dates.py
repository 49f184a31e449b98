"""Partial dates: validation, intervals, the canonical and human forms, and certain-only order."""

from __future__ import annotations

import contextlib
import datetime as dt
import doctest
from collections.abc import Callable

import attrs
import dateutil.parser
import pytest
from hypothesis import given
from hypothesis import strategies as st

import inspectlib._partial_dates as partial_dates_module
from inspectlib._errors import InvalidPartialDate, UncertainOrderError
from inspectlib._partial_dates import MonthPart, Order, PartialDate, Precision, Season

D = dt.date
P = PartialDate

DAY = P.of_day(2024, 12, 13)
MONTH = P.of_month(2025, 6)
YEAR = P.of_year(2025)
QUARTER = P.of_quarter(2025, 2)
SPRING = P.of_season(2018, Season.SPRING)
WINTER = P.of_season(2018, Season.WINTER)
EARLY = P.of_month_part(2025, 8, MonthPart.EARLY)
MID = P.of_month_part(2025, 8, MonthPart.MID)
LATE = P.of_month_part(2025, 8, MonthPart.LATE)
BY_YEAR = P.of_year(2023).no_later_than()
BY_MONTH = P.of_month(2025, 6).no_later_than()
BY_DAY = P.of_day(2025, 2, 6).no_later_than()


# -- strategies ----------------------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Any valid partial date, of every precision, with and without ``by``."""
    precision = draw(st.sampled_from(Precision))
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    if precision is Precision.DAY:
        made = P.from_date(draw(st.dates()))
    elif precision is Precision.PART_OF_MONTH:
        made = P.of_month_part(year, month, draw(st.sampled_from(MonthPart)))
    elif precision is Precision.MONTH:
        made = P.of_month(year, month)
    elif precision is Precision.QUARTER:
        made = P.of_quarter(year, draw(st.integers(1, 4)))
    elif precision is Precision.SEASON:
        season = draw(st.sampled_from(Season))
        # Winter 9999 would end in the year 10000.
        made = P.of_season(min(year, 9998) if season is Season.WINTER else year, season)
    else:
        made = P.of_year(year)
    return made.no_later_than() if draw(st.booleans()) else made


def certain(op: Callable[[object, object], bool], a: object, b: object) -> bool | None:
    """The certain answer of ``op(a, b)``, or None when the order is not certain."""
    try:
        return op(a, b)
    except UncertainOrderError:
        return None


def lt(a: object, b: object) -> bool:
    return a < b  # type: ignore[operator,no-any-return]


def le(a: object, b: object) -> bool:
    return a <= b  # type: ignore[operator,no-any-return]


# -- the public names ----------------------------------------------------------------------------


def test_module_exports_exactly_the_public_names() -> None:
    assert {"PartialDate", "Precision", "Season", "MonthPart", "Order"} == set(
        partial_dates_module.__all__
    )


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (Precision, ["day", "part_of_month", "month", "quarter", "season", "year"]),
        (Season, ["spring", "summer", "autumn", "winter"]),
        (MonthPart, ["early", "mid", "late"]),
        (Order, ["before", "same", "after", "uncertain"]),
    ],
)
def test_enum_values_are_stable_snake_case_strings(enum: type, values: list[str]) -> None:
    assert values == [member.value for member in enum]  # type: ignore[attr-defined]


def test_docstring_examples_pass() -> None:
    results = doctest.testmod(partial_dates_module, optionflags=doctest.ELLIPSIS)

    assert (0, True) == (results.failed, results.attempted > 20)


# -- construction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("made", "fields"),
    [
        (P.of_day(2024, 12, 13), {"year": 2024, "month": 12, "day": 13}),
        (P.of_month(2025, 6), {"year": 2025, "month": 6}),
        (P.of_year(2025), {"year": 2025}),
        (P.of_quarter(2025, 2), {"year": 2025, "quarter": 2}),
        (P.of_season(2018, Season.SPRING), {"year": 2018, "season": Season.SPRING}),
        (
            P.of_month_part(2025, 8, MonthPart.EARLY),
            {"year": 2025, "month": 8, "part": MonthPart.EARLY},
        ),
        (P.from_date(D(2024, 12, 13)), {"year": 2024, "month": 12, "day": 13}),
        (P.of_year(2023).no_later_than(), {"year": 2023, "by": True}),
    ],
)
def test_named_constructors_make_the_same_date_as_the_fields(
    made: PartialDate, fields: dict[str, object]
) -> None:
    assert PartialDate(**fields) == made  # type: ignore[arg-type]


def test_no_later_than_keeps_the_period_and_sets_by() -> None:
    assert (P(year=2025, month=6, by=True), BY_MONTH) == (
        MONTH.no_later_than(),
        BY_MONTH.no_later_than(),
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": 0}, "year must be between 1 and 9999, got 0"),
        ({"year": 10000}, "year must be between 1 and 9999, got 10000"),
        ({"year": 2025, "month": 0}, "month must be between 1 and 12, got 0"),
        ({"year": 2025, "month": 13}, "month must be between 1 and 12, got 13"),
        (
            {"year": 2025, "month": 6, "day": 31},
            "day 31 is out of range for June 2025, which has 30 days",
        ),
        (
            {"year": 2023, "month": 2, "day": 29},
            "day 29 is out of range for February 2023, which has 28 days",
        ),
        ({"year": 2025, "month": 6, "day": 0}, "day 0 is out of range for June 2025"),
        ({"year": 2025, "day": 5}, "a day needs a month, got day=5 without a month"),
        ({"year": 2025, "part": MonthPart.EARLY}, "a part of a month needs a month"),
        (
            {"year": 2025, "month": 8, "day": 5, "part": MonthPart.EARLY},
            "a part of a month cannot go with a day",
        ),
        ({"year": 2025, "quarter": 0}, "quarter must be between 1 and 4, got 0"),
        ({"year": 2025, "quarter": 5}, "quarter must be between 1 and 4, got 5"),
        ({"year": 2025, "month": 6, "quarter": 2}, "a month cannot go with a quarter or a season"),
        (
            {"year": 2025, "month": 6, "season": Season.SUMMER},
            "a month cannot go with a quarter or a season",
        ),
        ({"year": 2025, "day": 5, "quarter": 2}, "a day needs a month"),
        ({"year": 2025, "part": MonthPart.LATE, "season": Season.SUMMER}, "needs a month"),
        (
            {"year": 2025, "quarter": 2, "season": Season.SUMMER},
            "a quarter cannot go with a season",
        ),
        ({"year": 9999, "season": Season.WINTER}, "winter 9999 would end in the year 10000"),
        ({"year": "2025"}, "year must be an int, got '2025' (str)"),
        ({"year": 2025, "season": "summer"}, "season must be a Season or None, got 'summer'"),
        ({"year": 2025, "month": 8, "part": "early"}, "part must be a MonthPart or None"),
        ({"year": 2025, "by": 1}, "by must be a bool, got 1 (int)"),
    ],
)
def test_invalid_combinations_are_refused_saying_what_is_wrong(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        PartialDate(**fields)  # type: ignore[arg-type]

    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": True}, "year must be an int, got True (bool)"),
        ({"year": 2025, "month": True}, "month must be an int or None, got True (bool)"),
        ({"year": 2025, "month": 1, "day": True}, "day must be an int or None, got True (bool)"),
        ({"year": 2025, "quarter": True}, "quarter must be an int or None, got True (bool)"),
    ],
)
def test_bool_is_refused_where_an_int_is_expected(fields: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        PartialDate(**fields)  # type: ignore[arg-type]

    assert message == str(caught.value)


def test_29_february_is_a_day_only_in_leap_years() -> None:
    assert D(2024, 2, 29) == P.of_day(2024, 2, 29).to_date()
    with pytest.raises(InvalidPartialDate):
        P.of_day(2100, 2, 29)


def test_from_date_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="not datetime"):
        P.from_date(dt.datetime(2024, 12, 13, 10, 0))


# -- immutability, equality, hashing, repr -------------------------------------------------------


def test_fields_cannot_be_assigned() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        MONTH.year = 2026  # type: ignore[misc]


def test_equality_is_about_what_was_stated_not_time() -> None:
    assert (True, False, False, False) == (
        P.of_month(2025, 6) == P.parse("June 2025"),
        P.of_month(2025, 6) == P.parse("2025"),
        P.of_month(2025, 6) == P.parse("by June 2025"),
        P.of_day(2025, 6, 30) == D(2025, 6, 30),
    )


def test_equal_dates_hash_equal_and_work_in_sets_and_dicts() -> None:
    first, second = P.parse("June 2025"), P.parse("2025-06")

    assert (hash(first), {first, second, YEAR}, {first: "x"}[second]) == (
        hash(second),
        {MONTH, YEAR},
        "x",
    )


def test_repr_shows_only_the_stated_fields() -> None:
    assert [
        "PartialDate(year=2025, month=6)",
        "PartialDate(year=2025, month=8, part=MonthPart.EARLY)",
        "PartialDate(year=2018, season=Season.WINTER)",
        "PartialDate(year=2025, quarter=2)",
        "PartialDate(year=2023, by=True)",
    ] == [repr(d) for d in (MONTH, EARLY, WINTER, QUARTER, BY_YEAR)]


def test_evolve_recomputes_the_interval() -> None:
    moved = attrs.evolve(MONTH, month=2)

    assert (D(2025, 2, 1), D(2025, 2, 28)) == (moved.earliest, moved.latest)


# -- intervals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "precision", "earliest", "latest"),
    [
        (DAY, Precision.DAY, D(2024, 12, 13), D(2024, 12, 13)),
        (MONTH, Precision.MONTH, D(2025, 6, 1), D(2025, 6, 30)),
        (P.of_month(2024, 2), Precision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
        (P.of_month(2025, 2), Precision.MONTH, D(2025, 2, 1), D(2025, 2, 28)),
        (YEAR, Precision.YEAR, D(2025, 1, 1), D(2025, 12, 31)),
        (P.of_quarter(2025, 1), Precision.QUARTER, D(2025, 1, 1), D(2025, 3, 31)),
        (QUARTER, Precision.QUARTER, D(2025, 4, 1), D(2025, 6, 30)),
        (P.of_quarter(2025, 3), Precision.QUARTER, D(2025, 7, 1), D(2025, 9, 30)),
        (P.of_quarter(2025, 4), Precision.QUARTER, D(2025, 10, 1), D(2025, 12, 31)),
        (SPRING, Precision.SEASON, D(2018, 3, 1), D(2018, 5, 31)),
        (P.of_season(2018, Season.SUMMER), Precision.SEASON, D(2018, 6, 1), D(2018, 8, 31)),
        (P.of_season(2018, Season.AUTUMN), Precision.SEASON, D(2018, 9, 1), D(2018, 11, 30)),
        (WINTER, Precision.SEASON, D(2018, 12, 1), D(2019, 2, 28)),
        (P.of_season(2023, Season.WINTER), Precision.SEASON, D(2023, 12, 1), D(2024, 2, 29)),
        (EARLY, Precision.PART_OF_MONTH, D(2025, 8, 1), D(2025, 8, 10)),
        (MID, Precision.PART_OF_MONTH, D(2025, 8, 11), D(2025, 8, 20)),
        (LATE, Precision.PART_OF_MONTH, D(2025, 8, 21), D(2025, 8, 31)),
        (
            P.of_month_part(2025, 6, MonthPart.LATE),
            Precision.PART_OF_MONTH,
            D(2025, 6, 21),
            D(2025, 6, 30),
        ),
        (
            P.of_month_part(2024, 2, MonthPart.LATE),
            Precision.PART_OF_MONTH,
            D(2024, 2, 21),
            D(2024, 2, 29),
        ),
        (BY_YEAR, Precision.YEAR, None, D(2023, 12, 31)),
        (BY_MONTH, Precision.MONTH, None, D(2025, 6, 30)),
        (BY_DAY, Precision.DAY, None, D(2025, 2, 6)),
    ],
)
def test_each_precision_covers_its_interval_of_days(
    date: PartialDate, precision: Precision, earliest: D | None, latest: D
) -> None:
    assert (precision, earliest, latest) == (date.precision, date.earliest, date.latest)


@pytest.mark.parametrize(
    ("date", "day", "expected"),
    [
        (MONTH, D(2025, 6, 1), True),
        (MONTH, D(2025, 6, 30), True),
        (MONTH, D(2025, 7, 1), False),
        (MONTH, D(2025, 5, 31), False),
        (WINTER, D(2019, 2, 28), True),
        (WINTER, D(2018, 11, 30), False),
        (BY_YEAR, D(1, 1, 1), True),
        (BY_YEAR, D(2023, 12, 31), True),
        (BY_YEAR, D(2024, 1, 1), False),
        (DAY, D(2024, 12, 13), True),
        (DAY, D(2024, 12, 14), False),
    ],
)
def test_contains_says_whether_a_day_is_possible(date: PartialDate, day: D, expected: bool) -> None:
    assert expected == date.contains(day)


@pytest.mark.parametrize(
    ("date", "expected"),
    [(DAY, D(2024, 12, 13)), (BY_DAY, None), (MONTH, None), (YEAR, None), (EARLY, None)],
)
def test_to_date_is_the_day_only_for_an_exact_day(date: PartialDate, expected: D | None) -> None:
    assert expected == date.to_date()


# -- the canonical form --------------------------------------------------------------------------

CANONICAL = [
    (DAY, "2024-12-13"),
    (P.of_day(987, 1, 2), "0987-01-02"),
    (MONTH, "2025-06"),
    (YEAR, "2025"),
    (P.of_year(987), "0987"),
    (P.of_year(1), "0001"),
    (QUARTER, "2025-Q2"),
    (SPRING, "2018-spring"),
    (P.of_season(2018, Season.SUMMER), "2018-summer"),
    (P.of_season(2018, Season.AUTUMN), "2018-autumn"),
    (WINTER, "2018-winter"),
    (EARLY, "2025-08-early"),
    (MID, "2025-08-mid"),
    (LATE, "2025-08-late"),
    (BY_YEAR, "../2023"),
    (BY_MONTH, "../2025-06"),
    (BY_DAY, "../2025-02-06"),
    (QUARTER.no_later_than(), "../2025-Q2"),
    (WINTER.no_later_than(), "../2018-winter"),
    (EARLY.no_later_than(), "../2025-08-early"),
]


@pytest.mark.parametrize(("date", "text"), CANONICAL)
def test_str_is_the_canonical_form(date: PartialDate, text: str) -> None:
    assert text == str(date)


@pytest.mark.parametrize(("date", "text"), CANONICAL)
def test_parse_canonical_reads_the_canonical_form(date: PartialDate, text: str) -> None:
    assert date == P.parse_canonical(text)


@given(partial_dates())
def test_parse_canonical_reads_back_str_of_any_date(date: PartialDate) -> None:
    assert date == P.parse_canonical(str(date))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "June 2025",
        "13 December 2024",
        " 2025",
        "2025 ",
        "25",
        "02025",
        "2025-6",
        "2025-06-1",
        "2025-q2",
        "2025-Q02",
        "2025-Spring",
        "2025-08-Early",
        "2025-8-early",
        "2025-W05",
        "2024-W50-5",
        "20241213",
        "2024-12-13T00:00",
        "2024/12/13",
        "..2023",
        "../../2023",
        "by 2023",
        "٢٠٢٥",
        "2025-٠٦",
    ],
)
def test_parse_canonical_refuses_anything_else(text: str) -> None:
    with pytest.raises(InvalidPartialDate, match="is not a canonical partial date"):
        P.parse_canonical(text)


def test_parse_canonical_message_names_the_text_and_the_forms() -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        P.parse_canonical("June 2025")

    assert (
        "'June 2025' is not a canonical partial date: expected YYYY-MM-DD, YYYY-MM-early, "
        "YYYY-MM-mid, YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, YYYY-summer, YYYY-autumn, "
        "YYYY-winter or YYYY, each optionally prefixed with '../'"
    ) == str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-13", "cannot read '2025-13': month must be between 1 and 12, got 13"),
        ("2024-02-30", "cannot read '2024-02-30': day 30 is out of range for February 2024"),
        ("2025-Q5", "cannot read '2025-Q5': quarter must be between 1 and 4, got 5"),
        ("0000", "cannot read '0000': year must be between 1 and 9999, got 0"),
        ("9999-winter", "cannot read '9999-winter': winter 9999 would end in the year 10000"),
    ],
)
def test_parse_canonical_refuses_a_canonical_shape_that_is_no_date(text: str, message: str) -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        P.parse_canonical(text)

    assert str(caught.value).startswith(message)


# -- the tolerant parser -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every canonical form
        *[(text, date) for date, text in CANONICAL],
        # days
        ("13 December 2024", DAY),
        ("13 Dec 2024", DAY),
        ("13th December 2024", DAY),
        ("5th June 2025", P.of_day(2025, 6, 5)),
        ("1st June 2025", P.of_day(2025, 6, 1)),
        ("13/12/2024", DAY),
        ("1/2/2025", P.of_day(2025, 2, 1)),
        ("13.12.2024", DAY),
        ("2024/12/13", DAY),
        ("2024/06/12", P.of_day(2024, 6, 12)),
        ("2024 June 12", P.of_day(2024, 6, 12)),
        ("13th of December 2024", DAY),
        ("December 13th, 2024", DAY),
        ("Friday, 13 December 2024", DAY),
        ("2024-12-13", DAY),
        ("December 13, 2024", DAY),
        ("13 December, 2024", DAY),
        ("Friday 13 December 2024", DAY),
        ("13 DECEMBER 2024", DAY),
        ("  13   december\t2024 ", DAY),
        ("1 January 0001", P.of_day(1, 1, 1)),
        # months
        ("June 2025", MONTH),
        ("Jun 2025", MONTH),
        ("june 2025", MONTH),
        ("2025-06", MONTH),
        ("June, 2025", MONTH),
        ("06/2025", MONTH),
        ("Sept 2025", P.of_month(2025, 9)),
        # years
        ("2025", YEAR),
        ("0987", P.of_year(987)),
        # seasons
        ("spring 2018", SPRING),
        ("Spring 2018", SPRING),
        ("SPRING 2018", SPRING),
        ("2018 spring", SPRING),
        ("summer 2018", P.of_season(2018, Season.SUMMER)),
        ("autumn 2018", P.of_season(2018, Season.AUTUMN)),
        ("winter 2018", WINTER),
        ("winter 2018/19", WINTER),
        ("winter 2018-19", WINTER),
        ("winter 2018/2019", WINTER),
        ("winter 1999/00", P.of_season(1999, Season.WINTER)),
        # quarters
        ("Q2 2025", QUARTER),
        ("q2 2025", QUARTER),
        ("2025 Q2", QUARTER),
        ("2025-Q2", QUARTER),
        ("2025-q2", QUARTER),
        ("second quarter of 2025", QUARTER),
        ("the second quarter of 2025", QUARTER),
        ("2nd quarter 2025", QUARTER),
        # parts of a month
        ("early August 2025", EARLY),
        ("early Aug 2025", EARLY),
        ("mid-August 2025", MID),
        ("mid August 2025", MID),
        ("Mid-august 2025", MID),
        ("late August 2025", LATE),
        ("2025-08-late", LATE),
        # by
        ("by the end of 2023", BY_YEAR),
        ("by end of 2023", BY_YEAR),
        ("By the end of 2023", BY_YEAR),
        ("by 2023", BY_YEAR),
        ("no later than 2023", BY_YEAR),
        ("by June 2025", BY_MONTH),
        ("by the end of June 2025", BY_MONTH),
        ("by 6 February 2025", BY_DAY),
        ("by 06/02/2025", BY_DAY),
        ("by the end of Q2 2025", QUARTER.no_later_than()),
        ("by the end of spring 2018", SPRING.no_later_than()),
        ("by mid-August 2025", MID.no_later_than()),
        ("by 2025-06", BY_MONTH),
        ("../2025-06", BY_MONTH),
    ],
)
def test_parse_reads_the_forms_people_write(text: str, expected: PartialDate) -> None:
    assert expected == P.parse(text)


REFUSED = [
    "junk",
    "",
    "   ",
    "June",
    "early August",
    "spring",
    "Q2",
    "13 December",
    "by June",
    "31 June 2025",
    "29 February 2023",
    "2024-02-30",
    "2025-13",
    "13/13/2024",
    "Q5 2025",
    "2025-Q0",
    "0000",
    "13 December 2024 10:00",
    "13 December 2024 10am",
    "2024-12-13T00:00",
    "summer term 2018",
    "13 Dec 24",
    "98",
    "1 2 3",
    "Tuesday 13 December 2024",
    "Monday December 2024",
    "early 2025",
    "spring 2018/19",
    "winter 2018/20",
    "by",
    "by the end of",
    "by by 2025",
    "by ../2023",
    "99999",
    "99999999999999999999999",
    "2025-06-13 and then some",
    "2024 on",
    "2018/19",
    "June 2018/19",
    "2011/12",
    "1 5th 2024",
    "2024 5th",
]


@pytest.mark.parametrize("text", REFUSED)
def test_parse_refuses_what_is_not_a_partial_date(text: str) -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        P.parse(text)

    assert not isinstance(caught.value, dateutil.parser.ParserError | OverflowError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "June",
            "the year is missing from 'June': a partial date always states its year, "
            "as in 'June 2025'",
        ),
        (
            "early August",
            "the year is missing from 'early August': a partial date always states its year, "
            "as in 'June 2025'",
        ),
        (
            "by June",
            "the year is missing from 'by June': a partial date always states its year, "
            "as in 'June 2025'",
        ),
        (
            "junk",
            "cannot read 'junk' as a partial date: expected a form such as '13 December 2024', "
            "'13/12/2024', 'June 2025', '2025', 'Q2 2025', 'spring 2018', 'early August 2025', "
            "'by the end of 2023' or a canonical form such as '2025-06'",
        ),
        (
            "31 June 2025",
            "cannot read '31 June 2025': day 31 is out of range for June 2025, which has 30 days",
        ),
        (
            "13 December 2024 10:00",
            "cannot read '13 December 2024 10:00': it has a time of day, and a partial date is "
            "a day or longer",
        ),
        ("Q5 2025", "cannot read 'Q5 2025': quarter must be between 1 and 4, got 5"),
        (
            "13 Dec 24",
            "cannot read '13 Dec 24': write the year in full, with four digits, as in '2025'",
        ),
        (
            "Tuesday 13 December 2024",
            "cannot read 'Tuesday 13 December 2024': 13 December 2024 was a Friday",
        ),
        ("", "cannot read '': it is empty"),
        (
            "2018/19",
            "cannot read '2018/19': '2018/19' spans two years, as a financial or academic year "
            "does, and is not a partial date",
        ),
    ],
)
def test_parse_says_why_it_refuses(text: str, message: str) -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        P.parse(text)

    assert message == str(caught.value)


def test_parse_chains_dateutils_error_as_the_cause() -> None:
    with pytest.raises(InvalidPartialDate) as caught:
        P.parse("June 31st 2025")

    assert (
        "cannot read 'June 31st 2025' as a partial date: day is out of range for month",
        True,
    ) == (str(caught.value), isinstance(caught.value.__cause__, dateutil.parser.ParserError))


def test_parse_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        P.parse(2025)  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_parse_raises_nothing_but_invalid_partial_date(text: str) -> None:
    with contextlib.suppress(InvalidPartialDate):
        P.parse(text)


# -- the human form ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (DAY, "13 December 2024"),
        (P.of_day(2025, 2, 6), "6 February 2025"),
        (MONTH, "June 2025"),
        (YEAR, "2025"),
        (QUARTER, "Q2 2025"),
        (SPRING, "spring 2018"),
        (WINTER, "winter 2018/19"),
        (P.of_season(1999, Season.WINTER), "winter 1999/00"),
        (EARLY, "early August 2025"),
        (MID, "mid-August 2025"),
        (LATE, "late August 2025"),
        (BY_YEAR, "by the end of 2023"),
        (BY_MONTH, "by June 2025"),
        (BY_DAY, "by 6 February 2025"),
        (QUARTER.no_later_than(), "by the end of Q2 2025"),
        (SPRING.no_later_than(), "by the end of spring 2018"),
        (EARLY.no_later_than(), "by early August 2025"),
        (P.of_day(1, 1, 1), "1 January 0001"),
    ],
)
def test_describe_is_the_human_form(date: PartialDate, text: str) -> None:
    assert text == date.describe()


@given(partial_dates())
def test_parse_reads_back_describe_of_any_date(date: PartialDate) -> None:
    assert date == P.parse(date.describe())


# -- order ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (MONTH, P.of_quarter(2025, 3), Order.BEFORE),
        (P.of_quarter(2025, 3), MONTH, Order.AFTER),
        (MONTH, YEAR, Order.UNCERTAIN),
        (YEAR, MONTH, Order.UNCERTAIN),
        (MONTH, MONTH, Order.UNCERTAIN),
        (DAY, P.of_day(2024, 12, 13), Order.SAME),
        (DAY, P.of_day(2024, 12, 14), Order.BEFORE),
        (DAY, BY_DAY, Order.UNCERTAIN),
        (P.of_day(2025, 2, 7), BY_DAY, Order.AFTER),
        (BY_DAY, DAY, Order.UNCERTAIN),
        (BY_DAY, P.of_day(2025, 2, 6), Order.UNCERTAIN),
        (BY_DAY, P.of_day(2025, 2, 7), Order.BEFORE),
        (BY_YEAR, BY_YEAR, Order.UNCERTAIN),
        (P.of_month(2018, 2), WINTER, Order.BEFORE),
        (P.of_month(2019, 2), WINTER, Order.UNCERTAIN),
        (P.of_month(2019, 3), WINTER, Order.AFTER),
        (EARLY, MID, Order.BEFORE),
        (LATE, P.of_month(2025, 8), Order.UNCERTAIN),
        (SPRING, P.of_quarter(2018, 2), Order.UNCERTAIN),
    ],
)
def test_compare_orders_two_partial_dates_in_time(
    a: PartialDate, b: PartialDate, expected: Order
) -> None:
    assert expected == a.compare(b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (DAY, D(2024, 12, 13), Order.SAME),
        (DAY, D(2024, 12, 12), Order.AFTER),
        (MONTH, D(2025, 7, 1), Order.BEFORE),
        (MONTH, D(2025, 6, 15), Order.UNCERTAIN),
        (BY_MONTH, D(2025, 6, 15), Order.UNCERTAIN),
        (BY_MONTH, D(2025, 7, 1), Order.BEFORE),
    ],
)
def test_compare_takes_a_date_as_a_single_day(a: PartialDate, b: D, expected: Order) -> None:
    assert expected == a.compare(b)


def test_compare_refuses_a_datetime_and_other_types() -> None:
    with pytest.raises(TypeError):
        DAY.compare(dt.datetime(2024, 12, 13))
    with pytest.raises(TypeError):
        DAY.compare("2024-12-13")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (MONTH, P.of_month(2025, 7), (True, True, False, False)),
        (P.of_month(2025, 7), MONTH, (False, False, True, True)),
        (DAY, P.of_day(2024, 12, 13), (False, True, False, True)),
        (P.of_day(2025, 6, 30), MONTH, (False, None, None, True)),
        (MONTH, P.of_day(2025, 6, 30), (None, True, False, None)),
        (P.of_day(2025, 6, 1), MONTH, (None, True, False, None)),
        (MONTH, P.of_day(2025, 6, 1), (False, None, None, True)),
        (MONTH, YEAR, (None, None, None, None)),
        (BY_MONTH, P.of_month(2025, 7), (True, True, False, False)),
        (P.of_month(2025, 7), BY_MONTH, (False, False, True, True)),
        (BY_MONTH, MONTH, (None, None, None, None)),
        (BY_DAY, P.of_day(2025, 2, 6), (None, True, False, None)),
    ],
)
def test_operators_answer_only_when_certain(
    a: PartialDate, b: PartialDate, expected: tuple[bool | None, ...]
) -> None:
    def gt(x: object, y: object) -> bool:
        return x > y  # type: ignore[operator,no-any-return]

    def ge(x: object, y: object) -> bool:
        return x >= y  # type: ignore[operator,no-any-return]

    assert expected == tuple(certain(op, a, b) for op in (lt, le, gt, ge))


def test_uncertain_order_raises_naming_both_dates() -> None:
    with pytest.raises(UncertainOrderError) as caught:
        _ = MONTH < YEAR

    assert (
        "the order of 'June 2025' and '2025' is not certain, so '<' has no answer: use "
        "PartialDate.compare(), which can answer Order.UNCERTAIN, or sort by "
        "PartialDate.sort_key"
    ) == str(caught.value)


def test_uncertain_order_error_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = BY_YEAR >= P.of_year(2023)


def test_operators_mix_with_dates_either_way_round() -> None:
    assert (True, True, False, True, True) == (
        MONTH < D(2025, 7, 1),
        D(2025, 7, 1) > MONTH,
        D(2025, 7, 1) < MONTH,
        D(2025, 5, 31) <= MONTH,
        DAY >= D(2024, 12, 13),
    )


def test_uncertain_order_with_a_date_names_the_date_in_human_form() -> None:
    with pytest.raises(UncertainOrderError, match="'June 2025' and '15 June 2025'"):
        _ = MONTH < D(2025, 6, 15)


@pytest.mark.parametrize("other", [dt.datetime(2025, 7, 1), 2025, "2025-07", None])
def test_operators_refuse_other_types(other: object) -> None:
    with pytest.raises(TypeError):
        _ = MONTH < other


def test_sort_key_puts_unknown_starts_first_then_earliest_then_narrower() -> None:
    dates = [YEAR, MONTH, BY_YEAR, P.of_day(2025, 1, 1), QUARTER, P.of_quarter(2025, 1), BY_MONTH]

    assert [
        "../2023",
        "../2025-06",
        "2025-01-01",
        "2025-Q1",
        "2025",
        "2025-Q2",
        "2025-06",
    ] == [str(d) for d in sorted(dates, key=lambda d: d.sort_key)]


def test_sort_key_separates_dates_with_the_same_interval() -> None:
    same_latest = [P.parse(t) for t in ["../2025", "../2025-12", "../2025-Q4", "../2025-12-31"]]

    assert 4 == len({d.sort_key for d in same_latest})


@given(partial_dates(), partial_dates())
def test_lt_is_antisymmetric(a: PartialDate, b: PartialDate) -> None:
    if certain(lt, a, b) is True:
        assert certain(lt, b, a) is False


@given(partial_dates(), partial_dates(), partial_dates())
def test_lt_is_transitive(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    if certain(lt, a, b) is True and certain(lt, b, c) is True:
        assert certain(lt, a, c) is True


@given(partial_dates(), partial_dates())
def test_operators_agree_with_compare_and_each_other(a: PartialDate, b: PartialDate) -> None:
    before = certain(lt, a, b)

    assert (before is True) == (a.compare(b) is Order.BEFORE)
    if before is False:
        assert certain(le, b, a) is True


@given(partial_dates(), partial_dates())
def test_sort_key_agrees_with_certain_order(a: PartialDate, b: PartialDate) -> None:
    if certain(lt, a, b) is True:
        assert a.sort_key < b.sort_key


@given(partial_dates())
def test_a_date_contains_its_first_and_last_day(date: PartialDate) -> None:
    assert (True, True) == (date.contains(date.earliest or D.min), date.contains(date.latest))


def test_a_date_in_numbers_is_read_day_first_and_a_month_first_one_is_refused() -> None:
    assert PartialDate(year=2024, month=4, day=3) == PartialDate.parse("03/04/2024")
    assert PartialDate(year=2024, month=4, day=13) == PartialDate.parse("13.04.2024")

    with pytest.raises(InvalidPartialDate) as refused:
        PartialDate.parse("04/13/2024")

    assert (
        "cannot read '04/13/2024': the day comes first, as in the UK, and there is no month 13: "
        "for 13 April 2024 write '13/04/2024'"
    ) == str(refused.value)


def test_a_date_in_numbers_with_no_month_either_way_names_the_month() -> None:
    with pytest.raises(InvalidPartialDate) as refused:
        PartialDate.parse("by 02/30/2024")

    assert (
        "cannot read 'by 02/30/2024': the day comes first, as in the UK, and there is no month 30"
    ) == str(refused.value)


# -- one table drives every precision -------------------------------------------------------------

ONE_OF_EACH = {
    Precision.DAY: PartialDate.of_day(2024, 12, 13),
    Precision.PART_OF_MONTH: PartialDate.of_month_part(2025, 8, MonthPart.MID),
    Precision.MONTH: PartialDate.of_month(2025, 6),
    Precision.QUARTER: PartialDate.of_quarter(2025, 2),
    Precision.SEASON: PartialDate.of_season(2018, Season.WINTER),
    Precision.YEAR: PartialDate.of_year(987),
}


def test_every_precision_has_its_form_in_the_table_narrowest_first() -> None:
    """Checking, bounds, the canonical form and the words all come from one table: a precision
    added without its entry would fail on the first date built with it."""
    forms = partial_dates_module._FORMS

    assert list(Precision) == list(forms)
    assert list(Precision) == [form.precision for form in forms.values()]
    assert list(Precision) == list(ONE_OF_EACH)


@pytest.mark.parametrize("precision", list(Precision))
@pytest.mark.parametrize("by", [False, True])
def test_each_precision_is_written_and_read_back_in_both_forms(
    precision: Precision, by: bool
) -> None:
    date = ONE_OF_EACH[precision].no_later_than() if by else ONE_OF_EACH[precision]

    assert precision is date.precision
    assert date == PartialDate.parse_canonical(str(date))
    assert date == PartialDate.parse(date.describe())
    assert date == PartialDate.parse(str(date))


def test_the_sort_keys_rank_follows_the_tables_order() -> None:
    """Of two dates with the same first and last day, the narrower sorts first."""
    ranks = [ONE_OF_EACH[precision].sort_key[2] for precision in Precision]

    assert list(range(len(Precision))) == ranks


def test_by_is_written_before_the_words_as_people_say_it() -> None:
    assert [
        "by 13 December 2024",
        "by mid-August 2025",
        "by June 2025",
        "by the end of Q2 2025",
        "by the end of winter 2018/19",
        "by the end of 0987",
    ] == [date.no_later_than().describe() for date in ONE_OF_EACH.values()]
