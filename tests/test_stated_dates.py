"""Dates as reports state them: exact days or partial dates, and every answer computed from them
says when it is uncertain."""

from __future__ import annotations

import datetime
import json
import warnings
from typing import Any

import attrs
import pytest

import inspectlib as il

P = il.PartialDate.parse
DAY = datetime.date


def test_date_bounds_of_a_day_a_month_and_a_by_date() -> None:
    assert (DAY(2024, 12, 13), DAY(2024, 12, 13)) == il.dates.date_bounds(DAY(2024, 12, 13))
    assert (DAY(2020, 1, 1), DAY(2020, 1, 31)) == il.dates.date_bounds(P("January 2020"))
    assert (None, DAY(2023, 12, 31)) == il.dates.date_bounds(P("by the end of 2023"))


def test_date_bounds_refuses_a_datetime() -> None:
    with pytest.raises(
        TypeError, match=r"^date_bounds\(\) takes a datetime.date or a PartialDate, not datetime$"
    ):
        il.dates.date_bounds(datetime.datetime(2024, 12, 13, 9))


@pytest.mark.parametrize(
    "build",
    [
        lambda day: attrs.evolve(seed_inspection(), published=day),
        lambda day: il.commissions.PublicationDate(date=day),
        lambda day: il.commissions.Publication(id="d", title="t", published=day),
        lambda day: il.RelatedReport(relation=il.Relation.SUPERSEDES, target="x", date=day),
        lambda day: il.GradedArea(key="k", topic="t", judgment=il.judgments.UNGRADED, judged=day),
        lambda day: il.commissions.Role(organisation=seed_inspection().inspectorate, since=day),
    ],
    ids=["Inspection", "PublicationDate", "Document", "RelatedReport", "GradedArea", "Role"],
)
def test_a_one_day_partial_date_is_stored_as_the_day(build: Any) -> None:
    record = build(P("13 December 2024"))

    stored = [getattr(record, f.name) for f in attrs.fields(type(record))]
    assert DAY(2024, 12, 13) in stored
    assert not any(isinstance(value, il.PartialDate) for value in stored)


def test_a_datetime_is_refused_where_a_stated_date_is_meant() -> None:
    with pytest.raises(il.errors.FieldTypeError) as caught:
        il.commissions.PublicationDate(date=datetime.datetime(2024, 12, 13, 9, 30))

    assert (
        "PublicationDate.date: expected datetime.date or PartialDate, got "
        "datetime.datetime(2024, 12, 13, 9, 30) (a datetime is not a date here: pass its .date())"
    ) == str(caught.value)


def test_text_is_refused_where_a_stated_date_is_meant() -> None:
    with pytest.raises(il.errors.FieldTypeError) as caught:
        il.RelatedReport(relation=il.Relation.SUPERSEDES, target="x", date="2024-12-13")

    assert (
        "RelatedReport.date: expected datetime.date, PartialDate or None, got str '2024-12-13'"
    ) == str(caught.value)


@pytest.mark.parametrize("stated", ["2020-01", "2014", "2018-spring", "2025-08-early", "../2023"])
def test_a_month_precision_publication_builds_validates_and_writes(
    seed: il.Inspection, stated: str
) -> None:
    report = attrs.evolve(seed, published=il.PartialDate.parse_canonical(stated), responses=())

    il.validate(report)
    text = il.dumps(report)

    assert json.loads(text)["published"] == stated
    assert report == il.loads(text)


def test_a_month_precision_publication_date_of_a_part_writes() -> None:
    commission = il.sample("gmp-cse-commission-2024")
    assert isinstance(commission, il.CommissionedInspection)
    part = attrs.evolve(
        commission.parts[0], published=il.commissions.PublicationDate(date=P("July 2025"))
    )
    changed = attrs.evolve(commission, parts=[part, *commission.parts[1:]])

    assert changed == il.loads(il.dumps(changed))
    assert "2025-07" == il.to_dict(changed)["parts"][0]["published"]["date"]


def test_a_day_on_the_wire_reads_as_a_date_and_a_month_as_a_partial_date(
    seed: il.Inspection,
) -> None:
    document = il.to_dict(seed)

    assert DAY(2024, 12, 13) == il.from_dict(document).published
    document["published"] = "2024-12"
    assert P("December 2024") == il.from_dict(document).published


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "December 2024",
            "'December 2024' is not a date in a canonical form: expected YYYY-MM-DD, "
            "YYYY-MM-early, YYYY-MM-mid, YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, "
            "YYYY-summer, YYYY-autumn, YYYY-winter or YYYY, each optionally prefixed with '../'",
        ),
        ("2024-13", "cannot read '2024-13': month must be between 1 and 12, got 13"),
    ],
)
def test_a_malformed_stated_date_is_refused_at_its_path(
    seed: il.Inspection, text: str, message: str
) -> None:
    document = il.to_dict(seed)
    document["related"] = [{"relation": "follows_up", "target": "x", "date": text}]

    with pytest.raises(il.ValidationError) as caught:
        il.from_dict(document)

    assert [("$.related[0].date", message)] == [(p.path, p.message) for p in caught.value.problems]


def test_a_long_malformed_date_gives_a_short_message(seed: il.Inspection) -> None:
    document = il.to_dict(seed)
    document["published"] = "x" * 100_000

    with pytest.raises(il.ValidationError) as caught:
        il.from_dict(document)

    assert len(caught.value.problems[0].message) < 400


# -- computations ------------------------------------------------------------------------------


def test_deadlines_of_a_report_known_to_the_month_are_ranges(seed: il.Inspection) -> None:
    report = attrs.evolve(seed, published=P("January 2020"), responses=())
    s55 = {d.rule.id: d for d in report.deadlines()}["police-act-1996/s55"]

    # 56 days beginning with the day of publication: from 1 January to 31 January 2020.
    assert (DAY(2020, 2, 25), DAY(2020, 3, 26)) == (s55.earliest_due, s55.latest_due)
    assert s55.due is None
    assert s55.overdue(DAY(2020, 2, 25)) is False
    assert s55.overdue(DAY(2020, 3, 1)) is None
    assert s55.overdue(DAY(2020, 3, 27)) is True


def response(published: datetime.date) -> il.deadlines.Response:
    return il.deadlines.Response(
        rule="police-act-1996/s55",
        responder=il.Organisation(
            name="Mayor of Greater Manchester",
            kind=il.OrganisationKind.MAYORAL_COMBINED_AUTHORITY,
        ),
        published=published,
    )


def test_a_response_between_the_possible_last_days_may_or_may_not_be_on_time(
    seed: il.Inspection,
) -> None:
    report = attrs.evolve(seed, published=P("January 2020"), responses=[response(DAY(2020, 3, 1))])
    s55 = {d.rule.id: d for d in report.deadlines()}["police-act-1996/s55"]

    assert s55.met is None
    assert s55.overdue(DAY(2020, 4, 1)) is None


def test_the_timeline_places_a_deadline_range_at_the_narrowest_period_holding_it(
    seed: il.Inspection,
) -> None:
    report = attrs.evolve(seed, published=P("January 2020"), responses=(), fieldwork=None)
    deadlines = [
        e for e in il.analysis.timeline(report) if e.kind is il.analysis.EventKind.DEADLINE
    ]

    assert "2020-Q1" == str(deadlines[-1].date)
    assert deadlines[-1].description.endswith("(between 25 February 2020 and 26 March 2020)")


def test_grade_history_sorts_partial_dates_without_making_them_exact(
    seed: il.Inspection,
) -> None:
    earlier = attrs.evolve(seed, id="earlier", published=P("2014"), fieldwork=None, responses=())
    later = attrs.evolve(seed, id="later", published=P("July 2015"), fieldwork=None, responses=())

    history = il.analysis.grade_history([seed, later, earlier], "GMP", area="leadership")

    assert ["earlier", "later", seed.id] == [point.inspection for point in history]
    assert P("2014") == history[0].published


def test_select_keeps_a_partial_date_only_when_certainly_in_range(seed: il.Inspection) -> None:
    january = attrs.evolve(seed, published=P("January 2020"), fieldwork=None, responses=())

    assert (january,) == il.analysis.select([january], published_from=DAY(2020, 1, 1))
    assert () == il.analysis.select([january], published_from=DAY(2020, 1, 15))
    assert () == il.analysis.select([january], published_to=DAY(2020, 1, 15))


def test_finding_status_is_unknown_until_the_report_is_certainly_published(
    seed: il.Inspection,
) -> None:
    report = attrs.evolve(seed, published=P("January 2020"), fieldwork=None, responses=())
    finding = report.findings[0].id

    assert report.finding_status(finding, DAY(2020, 1, 15)) is None
    assert il.FindingStatus.OPEN is report.finding_status(finding, DAY(2020, 1, 31))


def test_a_response_before_a_partially_dated_report_is_refused(seed: il.Inspection) -> None:
    report = attrs.evolve(
        seed, published=P("January 2020"), fieldwork=None, responses=[response(DAY(2019, 12, 31))]
    )

    assert [
        (
            "$.responses[0].published",
            "a response (2019-12-31) cannot come before the report (2020-01)",
        )
    ] == [(p.path, p.message) for p in il.check(report)]


def test_publication_certainly_before_fieldwork_ended_is_refused(seed: il.Inspection) -> None:
    fieldwork = il.Period(start=P("June 2024"), end=P("August 2024"))
    report = attrs.evolve(seed, published=P("2023"), fieldwork=fieldwork)

    assert [("$.published", "published (2023) before fieldwork ended (August 2024)")] == [
        (p.path, p.message) for p in il.check(report)
    ]


def seed_inspection() -> il.Inspection:
    from conftest import build_seed_inspection

    with warnings.catch_warnings():
        return build_seed_inspection()


# A period's ends are partial dates, and take a day as every other date field does -----------


def test_a_period_takes_days_and_holds_them_as_one_day_partial_dates() -> None:
    period = il.Period(start=DAY(2013, 11, 5), end=DAY(2013, 11, 8))

    assert period == il.Period(start=P("2013-11-05"), end=P("2013-11-08"))
    assert type(period.start) is il.PartialDate
    assert str(period) == "5 November 2013 to 8 November 2013"
    assert str(il.Period(start=DAY(2013, 11, 5), end=DAY(2013, 11, 5))) == "5 November 2013"
    assert str(il.Period(start=P("2013"), end=P("2013"))) == "2013 to 2013"
    assert attrs.evolve(period, end=DAY(2013, 11, 9)).end == P("2013-11-09")


@pytest.mark.parametrize(
    ("value", "given"),
    [
        ("2013-11-05", "str '2013-11-05'"),
        (
            datetime.datetime(2013, 11, 5, 9, 30),
            "datetime.datetime(2013, 11, 5, 9, 30)"
            " (a datetime is not a date here: pass its .date())",
        ),
    ],
)
def test_a_period_refuses_what_is_not_a_date(value: object, given: str) -> None:
    with pytest.raises(il.errors.FieldTypeError) as caught:
        il.Period(start=value, end=DAY(2013, 11, 8))

    assert str(caught.value) == f"Period.start: expected datetime.date or PartialDate, got {given}"


def test_a_period_of_days_round_trips_validates_and_tabulates(seed: il.Inspection) -> None:
    report = attrs.evolve(seed, fieldwork=il.Period(start=DAY(2013, 11, 5), end=DAY(2013, 11, 8)))

    assert il.loads(il.dumps(report)) == report
    assert '"fieldwork":{"start":"2013-11-05","end":"2013-11-08"}' in il.dumps(report)
    [row] = il.tables.tables([report]).inspections
    assert (row["fieldwork_start"], row["fieldwork_end"]) == ("2013-11-05", "2013-11-08")

    backwards = attrs.evolve(
        seed, fieldwork=il.Period(start=DAY(2013, 11, 8), end=DAY(2013, 11, 5))
    )
    with pytest.raises(il.ValidationError) as caught:
        il.validate(backwards)
    assert [str(problem) for problem in caught.value.problems] == [
        "$.fieldwork.end: fieldwork ends (5 November 2013) before it starts (8 November 2013)"
    ]
