"""Expected versus actual on every publication, leads that change over time, and a part that
is another record."""

from __future__ import annotations

import datetime

import attrs
import pytest

import inspectlib as il
from inspectlib._render import render_commission

P = il.PartialDate.parse
DAY = datetime.date
HMICFRS = il.Organisation(name="HMICFRS", kind=il.OrganisationKind.INSPECTORATE)
REVIEWERS = il.Organisation(name="Independent reviewers", kind=il.OrganisationKind.OTHER)


def problems_of(record: object) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in il.check(record)]


def expect(expected: str, announced: str) -> il.commissions.Expectation:
    return il.commissions.Expectation(expected=P(expected), announced=P(announced))


def report(published: il.StatedDate, *expectations: il.commissions.Expectation) -> il.Inspection:
    return il.Inspection(
        id="example/frs/2025",
        title="A fire and rescue inspection",
        inspectorate=HMICFRS,
        subjects=[
            il.Organisation(
                name="A fire and rescue service",
                kind=il.OrganisationKind.FIRE_AND_RESCUE_SERVICE,
            )
        ],
        published=published,
        expectations=expectations,
    )


@pytest.fixture
def commission() -> il.CommissionedInspection:
    sample = il.sample("gmp-cse-commission-2024")
    assert isinstance(sample, il.CommissionedInspection)
    return sample


# -- the same answers on every publication ---------------------------------------------------


def test_a_report_expected_early_august_and_published_on_the_14th_is_four_days_late() -> None:
    late = report(DAY(2025, 8, 14), expect("early August 2025", "July 2025")).lateness()

    assert late is not None
    assert (True, 4, 4, 4) == (late.late, late.fewest_days, late.most_days, late.days)
    assert "late (4 days after early August 2025)" == str(late)


def test_a_report_known_to_the_month_is_late_by_a_range_of_days() -> None:
    late = report(P("January 2024"), expect("December 2023", "2023")).lateness(DAY(2024, 6, 1))

    assert late is not None
    assert (True, 1, 31, None) == (late.late, late.fewest_days, late.most_days, late.days)
    assert P("January 2024") == late.measured_to


def test_lateness_that_straddles_the_deadline_is_uncertain() -> None:
    late = report(P("August 2025"), expect("by mid-August 2025", "2025")).lateness(DAY(2026, 1, 1))

    assert late is not None
    assert (None, -19, 11) == (late.late, late.fewest_days, late.most_days)
    assert not late
    assert (
        "possibly late (from 19 days before the end of mid-August 2025 to 11 days after "
        "mid-August 2025)"
    ) == str(late)


def test_a_publication_after_the_day_asked_about_is_still_to_come() -> None:
    late = report(P("August 2025"), expect("July 2025", "2025")).lateness(DAY(2025, 7, 20))

    assert late is not None
    assert (False, -11, -11, DAY(2025, 7, 20)) == (
        late.late,
        late.fewest_days,
        late.most_days,
        late.measured_to,
    )


def test_asked_about_a_day_inside_the_publication_month_the_range_stops_there() -> None:
    late = report(P("August 2025"), expect("July 2025", "2025")).lateness(DAY(2025, 8, 10))

    assert late is not None
    assert (True, 1, 10) == (late.late, late.fewest_days, late.most_days)


def test_the_same_lateness_on_an_inspection_a_document_a_part_and_a_commission() -> None:
    expectations = (expect("June 2025", "January 2025"),)
    published = DAY(2025, 7, 3)
    inspection = report(published, *expectations)
    document = il.commissions.Publication(
        id="d", title="A letter", published=published, expectations=expectations
    )
    part = il.Part(
        number=1,
        title="The report",
        status=il.commissions.PartStatus.PUBLISHED,
        expectations=expectations,
        published=il.commissions.PublicationDate(date=published),
    )
    commission = il.CommissionedInspection(
        id="c",
        title="A commission",
        commissioner=il.commissions.Commissioner(organisation=HMICFRS, capacity="someone"),
        commissioned=P("2024"),
        lead=HMICFRS,
        subjects=[HMICFRS],
        parts=[part],
        expectations=expectations,
    )

    answers = {
        type(record).__name__: record.lateness(DAY(2025, 12, 1))
        for record in (inspection, document, part, commission)
    }

    assert 1 == len(set(answers.values())), answers
    assert 3 == answers["Inspection"].days  # type: ignore[union-attr]
    assert [(e.days) for e in inspection.slippage()] == [0]


def test_a_multi_year_review_first_expected_spring_2018_slips() -> None:
    review = report(
        P("January 2020"),
        expect("spring 2018", "June 2017"),
        expect("autumn 2018", "March 2018"),
        expect("2019", "November 2018"),
    )

    assert [0, 183, 396] == [slip.days for slip in review.slippage()]
    assert P("2019") == review.expected.expected  # type: ignore[union-attr]
    # Measured against the expectation in force when it was published: 2019.
    assert (1, 31) == (
        review.lateness(DAY(2021, 1, 1)).fewest_days,  # type: ignore[union-attr]
        review.lateness(DAY(2021, 1, 1)).most_days,  # type: ignore[union-attr]
    )


def test_no_expectation_no_lateness() -> None:
    assert report(DAY(2025, 1, 1)).lateness() is None


def test_a_commission_as_a_whole_is_published_when_complete(
    commission: il.CommissionedInspection,
) -> None:
    assert DAY(2025, 7, 3) == commission.publication()
    in_progress = attrs.evolve(
        commission,
        parts=[attrs.evolve(commission.parts[0], status=il.commissions.PartStatus.IN_PROGRESS)],
    )
    assert in_progress.publication() is None


def test_expectations_out_of_order_are_refused_on_an_inspection() -> None:
    backwards = report(
        DAY(2025, 8, 14), expect("August 2025", "July 2025"), expect("July 2025", "2024-Q1")
    )

    assert [
        (
            "$.expectations[1].announced",
            "expectations are listed in the order they were stated, but this one (Q1 2024) "
            "came before the one above (July 2025)",
        )
    ] == problems_of(backwards)


def test_expectations_of_a_commission_stated_before_it_was_commissioned_are_refused(
    commission: il.CommissionedInspection,
) -> None:
    early = attrs.evolve(commission, expectations=[expect("2025", "2023")])

    assert [
        (
            "$.expectations[0].announced",
            "stated (2023) before the inspection was commissioned (10 July 2024)",
        )
    ] == problems_of(early)


def test_expectations_of_a_deliverable_document_are_checked_in_order(
    commission: il.CommissionedInspection,
) -> None:
    letter = il.commissions.Publication(
        id="letter",
        title="An update",
        expectations=[expect("2025", "March 2025"), expect("2025", "January 2025")],
    )
    part = attrs.evolve(
        commission.parts[0],
        deliverables=[
            il.commissions.Deliverable(
                kind=il.commissions.DeliverableKind.UPDATE_LETTER, document=letter
            )
        ],
    )
    changed = attrs.evolve(commission, parts=[part])

    assert [
        (
            "$.parts[0].deliverables[0].document.expectations[1].announced",
            "expectations are listed in the order they were stated, but this one (January "
            "2025) came before the one above (March 2025)",
        )
    ] == problems_of(changed)


# -- leads over time ----------------------------------------------------------------------------


def with_leads(
    commission: il.CommissionedInspection, *leads: il.commissions.Role
) -> il.CommissionedInspection:
    return attrs.evolve(commission, leads=leads)


def test_who_led_on_a_day(commission: il.CommissionedInspection) -> None:
    changed = with_leads(
        commission,
        il.commissions.Role(organisation=REVIEWERS, since=P("July 2024"), until=P("November 2024")),
        il.commissions.Role(organisation=commission.lead, since=P("November 2024")),
    )

    assert () == il.check(changed)
    assert (REVIEWERS,) == changed.leads_on(DAY(2024, 8, 1))
    assert (REVIEWERS, commission.lead) == changed.leads_on(DAY(2024, 11, 15))
    assert (commission.lead,) == changed.leads_on(DAY(2025, 1, 1))
    assert () == changed.leads_on(DAY(2024, 1, 1))
    assert (commission.lead,) == commission.leads_on(DAY(2024, 1, 1))


def test_the_last_lead_must_be_the_lead(commission: il.CommissionedInspection) -> None:
    changed = with_leads(
        commission, il.commissions.Role(organisation=REVIEWERS, since=P("July 2024"))
    )

    assert [
        (
            "$.leads[0].organisation",
            f"the last lead is 'Independent reviewers', but the commission's lead is "
            f"{commission.lead.name!r}",
        )
    ] == problems_of(changed)


def test_a_role_cannot_end_before_it_starts(commission: il.CommissionedInspection) -> None:
    changed = with_leads(
        commission,
        il.commissions.Role(organisation=REVIEWERS, since=P("2025"), until=P("2024")),
        il.commissions.Role(organisation=commission.lead, since=P("2025")),
    )

    assert [("$.leads[0].until", "the role ends (2024) before it starts (2025)")] == problems_of(
        changed
    )


def test_leads_are_listed_in_order(commission: il.CommissionedInspection) -> None:
    changed = with_leads(
        commission,
        il.commissions.Role(organisation=REVIEWERS, since=P("2025"), until=P("2025")),
        il.commissions.Role(organisation=commission.lead, since=P("2024")),
    )

    assert [
        (
            "$.leads[1].since",
            "leads are listed in the order they held the role, but this one starts (2024) "
            "before the one above ends (2025)",
        )
    ] == problems_of(changed)


def test_a_change_of_lead_is_on_the_timeline(commission: il.CommissionedInspection) -> None:
    changed = with_leads(
        commission,
        il.commissions.Role(organisation=REVIEWERS, since=P("July 2024")),
        il.commissions.Role(organisation=commission.lead, since=DAY(2024, 11, 15)),
    )

    events = [
        e for e in il.analysis.timeline(changed) if e.kind is il.analysis.EventKind.LEAD_CHANGED
    ]
    assert [f"15 November 2024: {commission.lead.name} took over the lead"] == [
        str(e) for e in events
    ]


def test_old_documents_without_leads_still_load(commission: il.CommissionedInspection) -> None:
    document = il.to_dict(commission)
    document["inspectlib"] = "1.0"

    assert () == il.from_dict(document).leads


# -- a part that is another record ---------------------------------------------------------------


@pytest.fixture
def delivered(
    commission: il.CommissionedInspection,
) -> tuple[il.CommissionedInspection, il.Inspection]:
    inspection = attrs.evolve(
        report(DAY(2025, 7, 10), expect("June 2025", "July 2024")), id="example/delivered"
    )
    part = il.Part(
        number=1,
        title="Delivered by a separate inspection",
        status=il.commissions.PartStatus.PUBLISHED,
        record=inspection.id,
    )
    return attrs.evolve(commission, parts=[part]), inspection


def test_a_part_reads_its_dates_from_the_record_it_is(
    delivered: tuple[il.CommissionedInspection, il.Inspection],
) -> None:
    commission, inspection = delivered
    part = commission.parts[0]

    assert () == il.check(commission)
    assert inspection is part.record_in([inspection])
    assert DAY(2025, 7, 10) == part.publication({inspection.id: inspection})
    assert 10 == part.lateness(records=[inspection]).days  # type: ignore[union-attr]
    assert [1] == [p.number for p, _ in commission.late_parts(records=[inspection])]
    assert DAY(2025, 7, 10) == commission.publication([inspection])
    published = [
        e
        for e in il.analysis.timeline(commission, records=[inspection])
        if e.kind is il.analysis.EventKind.PUBLISHED
    ]
    assert ["10 July 2025"] == [e.date.describe() for e in published]


def test_a_part_that_is_another_record_needs_the_records_to_answer(
    delivered: tuple[il.CommissionedInspection, il.Inspection],
) -> None:
    commission, _ = delivered

    with pytest.raises(
        il.errors.NotFoundError,
        match=r"^part 1 is the record 'example/delivered': pass records= to read it$",
    ):
        commission.parts[0].lateness()
    with pytest.raises(
        il.errors.NotFoundError,
        match=r"^part 1 is the record 'example/delivered', which is not among the records given$",
    ):
        il.analysis.timeline(commission, records=[])
    # Without records, the timeline says what the commission itself states, and no more.
    assert not [
        e for e in il.analysis.timeline(commission) if e.kind is il.analysis.EventKind.PUBLISHED
    ]
    assert "is the record example/delivered" in render_commission(commission)


def test_a_part_that_is_another_record_takes_no_dates_of_its_own(
    delivered: tuple[il.CommissionedInspection, il.Inspection],
) -> None:
    commission, _ = delivered
    part = attrs.evolve(
        commission.parts[0],
        published=il.commissions.PublicationDate(date=DAY(2025, 7, 10)),
        disputed=[il.commissions.PublicationDate(date=DAY(2025, 7, 11))],
    )

    assert [
        (
            "$.parts[0].published",
            "part 1 is the record 'example/delivered': its publication date is read from that "
            "record, not entered again",
        ),
        (
            "$.parts[0].disputed",
            "part 1 is the record 'example/delivered': dates other sources give belong to that "
            "record",
        ),
    ] == problems_of(attrs.evolve(commission, parts=[part]))


def test_a_part_cannot_be_its_own_commission(
    delivered: tuple[il.CommissionedInspection, il.Inspection],
) -> None:
    commission, _ = delivered
    part = attrs.evolve(commission.parts[0], record=commission.id)

    assert [("$.parts[0].record", "a part cannot be the commission it is part of")] == problems_of(
        attrs.evolve(commission, parts=[part])
    )


def test_a_part_with_no_record_is_not_another_record(commission: il.CommissionedInspection) -> None:
    with pytest.raises(il.errors.NotFoundError, match=r"^part 1 is not another record"):
        commission.parts[0].record_in([])


@pytest.mark.parametrize(
    ("published", "expected", "text"),
    [
        (DAY(2024, 1, 15), "January 2024", "not late (16 days before the end of January 2024)"),
        (DAY(2024, 2, 1), "January 2024", "late (1 day after January 2024)"),
        (DAY(2024, 7, 3), "by June 2024", "late (3 days after June 2024)"),
        (DAY(2024, 6, 30), "by June 2024", "not late (on the last day of June 2024)"),
        (DAY(2024, 6, 13), "15 June 2024", "not late (2 days before 15 June 2024)"),
        (DAY(2024, 6, 15), "by 15 June 2024", "not late (on 15 June 2024)"),
        (
            P("November 2023"),
            "December 2023",
            "not late (31 to 60 days before the end of December 2023)",
        ),
    ],
)
def test_lateness_reads_as_english(published: il.StatedDate, expected: str, text: str) -> None:
    late = report(published, expect(expected, "2023")).lateness(DAY(2025, 1, 1))

    assert late is not None
    assert text == str(late)


def test_an_expectation_stated_after_the_publication_is_refused() -> None:
    hindsight = report(DAY(2024, 3, 1), expect("June 2024", "2024-06-01"))

    assert [
        (
            "$.expectations[0].announced",
            "stated (1 June 2024) after the publication it expects (1 March 2024)",
        )
    ] == problems_of(hindsight)


def test_an_expectation_that_may_have_been_stated_before_the_publication_is_accepted() -> None:
    # Announced "March 2024" may be 1 March, the day of publication: the order is not certain.
    assert [] == problems_of(report(DAY(2024, 3, 1), expect("March 2024", "March 2024")))
    assert [] == problems_of(report(P("2024"), expect("2024", "June 2024")))


def test_an_expectation_of_a_part_stated_after_its_publication_is_refused(
    commission: il.CommissionedInspection,
) -> None:
    index, part = next((i, p) for i, p in enumerate(commission.parts) if p.published is not None)
    assert part.published is not None
    day = part.published.date
    assert isinstance(day, datetime.date)
    after = il.PartialDate.from_date(day + datetime.timedelta(days=40))
    hindsight = il.commissions.Expectation(expected=after, announced=after)
    parts = list(commission.parts)
    parts[index] = attrs.evolve(part, expectations=[*part.expectations, hindsight])

    problems = problems_of(attrs.evolve(commission, parts=parts))

    assert (
        f"$.parts[{index}].expectations[{len(part.expectations)}].announced",
        f"stated ({after.describe()}) after the publication it expects "
        f"({day.day} {day:%B} {day.year})",
    ) in problems
