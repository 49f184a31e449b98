"""Commissioned inspections, deadlines, the life of a finding, timelines."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

import inspectlib as il
from inspectlib.deadlines import NCPI_ACTION_PLAN, POLICE_ACT_1996_S55

JUNE_2025 = il.PartialDate.parse("June 2025")


def problems_of(record: object) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in il.check(record)]


def with_part(
    commission: il.CommissionedInspection, index: int = 0, **changes: Any
) -> il.CommissionedInspection:
    parts = list(commission.parts)
    parts[index] = attrs.evolve(parts[index], **changes)
    return attrs.evolve(commission, parts=parts)


# The seed's commission ------------------------------------------------------------------------


def test_the_seed_commission_is_valid_with_its_three_questions(
    commission: il.CommissionedInspection,
) -> None:
    assert [] == problems_of(commission)
    assert [1, 2, 3] == [question.number for question in commission.terms_of_reference]
    assert "Police Act 1996 s.54(2BA)" == (
        commission.legal_basis and commission.legal_basis.citation
    )
    assert ["Ofsted", "Care Quality Commission"] == [o.name for o in commission.supporting]


def test_the_final_part_was_late_against_june_2025(commission: il.CommissionedInspection) -> None:
    lateness = commission.part(1).lateness()

    assert lateness is not None
    assert (True, 3, JUNE_2025, datetime.date(2025, 7, 3)) == (
        lateness.late,
        lateness.days,
        lateness.expected,
        lateness.measured_to,
    )


def test_lateness_relative_to_a_given_day(commission: il.CommissionedInspection) -> None:
    part = commission.part(1)

    assert part.lateness(datetime.date(2025, 6, 30)) == il.commissions.Lateness(
        late=False,
        fewest_days=0,
        most_days=0,
        expected=JUNE_2025,
        measured_to=datetime.date(2025, 6, 30),
    )
    assert 1 == part.lateness(datetime.date(2025, 7, 1)).days  # type: ignore[union-attr]
    assert [1] == [p.number for p, _ in commission.late_parts(datetime.date(2025, 7, 2))]
    assert () == commission.late_parts(datetime.date(2025, 6, 15))


def test_both_publication_dates_are_kept(commission: il.CommissionedInspection) -> None:
    part = commission.part(1)

    assert part.published is not None
    assert [datetime.date(2025, 7, 3), datetime.date(2025, 7, 4)] == [
        part.published.date,
        *(claim.date for claim in part.disputed),
    ]


def test_status_and_next_milestone_are_derived(commission: il.CommissionedInspection) -> None:
    ongoing = with_part(
        commission, status=il.commissions.PartStatus.IN_PROGRESS, published=None, disputed=()
    )

    assert il.commissions.CommissionStatus.COMPLETE == commission.status
    assert commission.next_milestone() is None
    assert il.commissions.CommissionStatus.IN_PROGRESS == ongoing.status
    milestone = ongoing.next_milestone()
    assert milestone is not None
    assert (1, JUNE_2025) == (milestone.part.number, milestone.expected)
    planned = with_part(ongoing, status=il.commissions.PartStatus.PLANNED)
    assert il.commissions.CommissionStatus.NOT_STARTED == planned.status
    withdrawn = with_part(ongoing, status=il.commissions.PartStatus.WITHDRAWN)
    assert il.commissions.CommissionStatus.WITHDRAWN == withdrawn.status


def test_slippage_history(commission: il.CommissionedInspection) -> None:
    part = commission.part(1)
    revised = il.commissions.Expectation(
        expected=il.PartialDate.parse("early July 2025"),
        announced=il.PartialDate.parse("May 2025"),
    )
    slipped = attrs.evolve(part, expectations=[*part.expectations, revised])

    assert [0, 10] == [slip.days for slip in slipped.slippage()]
    assert slipped.expected is revised
    # Measured against what was in force at publication, the part was on time...
    assert not slipped.lateness()
    # ...and against the first promise, late.
    assert 3 == slipped.lateness(against=part.expectations[0]).days  # type: ignore[union-attr]


def test_the_commission_round_trips(commission: il.CommissionedInspection) -> None:
    text = il.dumps(commission)

    assert commission == il.loads(text, il.CommissionedInspection)
    assert text == il.dumps(il.loads(text))
    assert '"kind":"commissioned_inspection"' in text


# Validation -----------------------------------------------------------------------------------


def test_part_numbers_must_be_unique_and_ordered(commission: il.CommissionedInspection) -> None:
    second = attrs.evolve(
        commission.parts[0],
        number=1,
        status=il.commissions.PartStatus.PLANNED,
        published=None,
        disputed=(),
    )
    broken = attrs.evolve(commission, parts=[*commission.parts, second])

    assert [
        ("$.parts[1].number", "part 1 comes after part 1: numbers must be unique and in order")
    ] == problems_of(broken)


def test_a_published_part_needs_its_publication(commission: il.CommissionedInspection) -> None:
    assert [("$.parts[0].published", "a published part needs its publication date")] == (
        problems_of(with_part(commission, published=None))
    )


def test_statuses_must_agree_with_dates(commission: il.CommissionedInspection) -> None:
    assert [
        ("$.parts[0].status", "a part with a publication date cannot be in progress")
    ] == problems_of(with_part(commission, status=il.commissions.PartStatus.IN_PROGRESS))


def test_nothing_is_published_before_it_was_commissioned(
    commission: il.CommissionedInspection,
) -> None:
    broken = attrs.evolve(commission, commissioned=il.PartialDate.parse("August 2025"))

    assert [
        (
            "$.parts[0].published.date",
            "published (2025-07-03) before it was commissioned (August 2025)",
        ),
        (
            "$.parts[0].disputed[0].date",
            "published (2025-07-04) before it was commissioned (August 2025)",
        ),
        (
            "$.parts[0].expectations[0].announced",
            "stated (13 December 2024) before the inspection was commissioned (August 2025)",
        ),
        (
            "$.parts[0].deliverables[1].document.published",
            "published (2024-12-13) before the inspection was commissioned (August 2025)",
        ),
    ] == problems_of(broken)


def test_scope_names_questions_of_the_terms_of_reference(
    commission: il.CommissionedInspection,
) -> None:
    assert [("$.parts[0].scope[1]", "question 4 is not in the terms of reference")] == (
        problems_of(with_part(commission, scope=[1, 4]))
    )


def test_questions_are_numbered_in_order(commission: il.CommissionedInspection) -> None:
    questions = list(reversed(commission.terms_of_reference))

    assert [
        (
            "$.terms_of_reference[1].number",
            "question 2 comes after question 3: numbers must be unique and in order",
        ),
        (
            "$.terms_of_reference[2].number",
            "question 1 comes after question 2: numbers must be unique and in order",
        ),
    ] == problems_of(attrs.evolve(commission, terms_of_reference=questions))


def test_expectations_are_listed_in_the_order_stated(
    commission: il.CommissionedInspection,
) -> None:
    earlier = il.commissions.Expectation(
        expected=JUNE_2025, announced=il.PartialDate.parse("October 2024")
    )
    part = commission.parts[0]
    broken = with_part(commission, expectations=[*part.expectations, earlier])

    assert [
        (
            "$.parts[0].expectations[1].announced",
            "expectations are listed in the order they were stated, but this one (October 2024) "
            "came before the one above (13 December 2024)",
        )
    ] == problems_of(broken)


def test_a_deliverable_is_an_inspection_or_a_document() -> None:
    with pytest.raises(ValueError, match="exactly one of the two"):
        il.commissions.Deliverable(kind=il.commissions.DeliverableKind.OTHER)


# Statutory deadlines --------------------------------------------------------------------------


def test_the_s55_deadline_of_the_child_protection_inspection(seed: il.Inspection) -> None:
    deadlines = {deadline.rule.id: deadline for deadline in seed.deadlines()}

    assert datetime.date(2025, 2, 6) == deadlines["police-act-1996/s55"].due
    assert datetime.date(2025, 1, 24) == deadlines["hmicfrs/ncpi/action-plan"].due
    assert deadlines["police-act-1996/s55"].met is None
    assert deadlines["police-act-1996/s55"].overdue(datetime.date(2025, 2, 7))
    assert not deadlines["police-act-1996/s55"].overdue(datetime.date(2025, 2, 6))


@pytest.mark.parametrize(
    ("day", "met"), [(datetime.date(2025, 2, 6), True), (datetime.date(2025, 2, 7), False)]
)
def test_a_recorded_response_is_on_time_or_late(
    seed: il.Inspection, day: datetime.date, met: bool
) -> None:
    mayor = il.Organisation(
        name="Mayor of Greater Manchester", kind=il.OrganisationKind.MAYORAL_COMBINED_AUTHORITY
    )
    responded = attrs.evolve(
        seed,
        responses=[
            il.deadlines.Response(rule="police-act-1996/s55", responder=mayor, published=day)
        ],
    )
    (deadline,) = responded.deadlines([POLICE_ACT_1996_S55])

    assert met is deadline.met
    assert il.loads(il.dumps(responded)) == responded


def test_rules_apply_only_where_they_say(seed: il.Inspection) -> None:
    school = il.Organisation(name="A school", kind=il.OrganisationKind.SCHOOL)
    ofsted = il.Organisation(
        name="Ofsted", kind=il.OrganisationKind.INSPECTORATE, short_name="Ofsted"
    )

    assert (
        () == attrs.evolve(seed, subjects=[school], inspectorate=ofsted, framework=None).deadlines()
    )
    assert [POLICE_ACT_1996_S55] == [d.rule for d in attrs.evolve(seed, framework=None).deadlines()]
    assert [NCPI_ACTION_PLAN] == [d.rule for d in seed.deadlines([NCPI_ACTION_PLAN])]


def test_a_rule_of_ones_own_fits_the_same_mechanism(seed: il.Inspection) -> None:
    committee = il.deadlines.ResponseRule(
        id="council/scrutiny",
        name="The scrutiny committee considers the report",
        days=28,
        counting=il.deadlines.Counting.BEGINNING_WITH_PUBLICATION,
        responder="the scrutiny committee",
    )

    (deadline,) = seed.deadlines([committee])
    assert datetime.date(2025, 1, 9) == deadline.due


def test_a_response_before_the_report_is_refused(seed: il.Inspection) -> None:
    early = il.deadlines.Response(
        rule="police-act-1996/s55", responder=seed.subjects[0], published=datetime.date(2024, 12, 1)
    )

    assert [
        (
            "$.responses[0].published",
            "a response (2024-12-01) cannot come before the report (2024-12-13)",
        )
    ] == problems_of(attrs.evolve(seed, responses=[early]))


# The life of a finding ------------------------------------------------------------------------


def review_of(seed: il.Inspection, *updates: il.FindingUpdate) -> il.Inspection:
    """A made-up post-inspection review of the seed, for the lifecycle rules."""
    return attrs.evolve(
        seed,
        id="example/post-inspection-review",
        title="Post-inspection review",
        framework=None,
        published=datetime.date(2025, 7, 1),
        related=[il.RelatedReport(relation=il.Relation.FOLLOWS_UP, target=seed.id)],
        finding_updates=updates,
    )


def update(
    finding: str, status: il.FindingStatus, date: str, inspection: str = ""
) -> il.FindingUpdate:
    return il.FindingUpdate(
        inspection=inspection or "hmicfrs/ncpi/2024/greater-manchester",
        finding=finding,
        status=status,
        date=il.PartialDate.parse(date),
    )


def test_which_findings_were_still_open_on_a_date(seed: il.Inspection) -> None:
    review = review_of(
        seed,
        update("afi-1", il.FindingStatus.ADDRESSED, "1 July 2025"),
        update("afi-2", il.FindingStatus.IN_PROGRESS, "1 July 2025"),
        update("afi-3", il.FindingStatus.ADDRESSED, "spring 2025"),
    )
    updates = review.finding_updates

    assert [] == problems_of(review)
    assert ["afi-2", "afi-4", "afi-5"] == [
        f.id for f in seed.open_findings(datetime.date(2025, 7, 2), updates)
    ]
    assert 5 == len(seed.open_findings(datetime.date(2025, 1, 1), updates))
    assert () == seed.open_findings(datetime.date(2024, 12, 1), updates)
    assert il.FindingStatus.ADDRESSED == seed.finding_status(
        "afi-3", datetime.date(2025, 6, 1), updates
    )


def test_an_update_of_uncertain_date_is_not_counted(seed: il.Inspection) -> None:
    updates = [update("afi-1", il.FindingStatus.ADDRESSED, "2025")]

    assert il.FindingStatus.OPEN == seed.finding_status("afi-1", datetime.date(2025, 6, 1), updates)
    assert il.FindingStatus.ADDRESSED == seed.finding_status(
        "afi-1", datetime.date(2026, 1, 1), updates
    )


def test_updates_must_concern_an_inspection_followed_up(seed: il.Inspection) -> None:
    stray = review_of(seed, update("afi-1", il.FindingStatus.ADDRESSED, "2025", "other/1"))
    own = review_of(
        seed,
        update("afi-1", il.FindingStatus.ADDRESSED, "2025", "example/post-inspection-review"),
    )

    assert [
        (
            "$.finding_updates[0].inspection",
            "'other/1' is not an inspection this one follows up (add it to related as follows_up, "
            "or a more specific relation that follows up: reinspection_of, "
            "post_inspection_review_of, revisit_of_cause_of_concern)",
        )
    ] == problems_of(stray)
    assert ["$.finding_updates[0].inspection"] == [path for path, _ in problems_of(own)]


def test_finding_status_of_an_unknown_finding(seed: il.Inspection) -> None:
    with pytest.raises(KeyError):
        seed.finding_status("afi-9", datetime.date(2025, 1, 1))


# Timelines ------------------------------------------------------------------------------------


def test_the_commission_timeline_keeps_partial_dates(commission: il.CommissionedInspection) -> None:
    events = il.analysis.timeline(commission)

    assert [
        ("10 July 2024", il.analysis.EventKind.COMMISSIONED),
        ("13 December 2024", il.analysis.EventKind.EXPECTATION_STATED),
        ("13 December 2024", il.analysis.EventKind.DELIVERABLE),
        ("June 2025", il.analysis.EventKind.EXPECTED),
        ("3 July 2025", il.analysis.EventKind.PUBLISHED),
    ] == [(event.date.describe(), event.kind) for event in events]
    assert (
        "3 July 2025: part 1 (Inspection and final report) published (other sources: 4 July 2025)"
        == str(events[-1])
    )


def test_the_inspection_timeline_places_deadlines_and_responses(seed: il.Inspection) -> None:
    mayor = il.Organisation(
        name="Mayor of Greater Manchester", kind=il.OrganisationKind.MAYORAL_COMBINED_AUTHORITY
    )
    responded = attrs.evolve(
        seed,
        fieldwork=il.Period(
            start=il.PartialDate.parse("summer 2024"), end=il.PartialDate.parse("September 2024")
        ),
        responses=[
            il.deadlines.Response(
                rule="police-act-1996/s55", responder=mayor, published=datetime.date(2025, 2, 3)
            )
        ],
    )

    assert [
        ("summer 2024", il.analysis.EventKind.FIELDWORK_STARTED),
        ("September 2024", il.analysis.EventKind.FIELDWORK_ENDED),
        ("13 December 2024", il.analysis.EventKind.PUBLISHED),
        ("24 January 2025", il.analysis.EventKind.DEADLINE),
        ("3 February 2025", il.analysis.EventKind.RESPONSE),
        ("6 February 2025", il.analysis.EventKind.DEADLINE),
    ] == [(event.date.describe(), event.kind) for event in il.analysis.timeline(responded)]
    assert (
        "Mayor of Greater Manchester responded (on time)"
        == il.analysis.timeline(responded)[4].description
    )
