"""Cross-field rules: each broken on purpose, each reported with its path and message."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

import inspectlib as il
from inspectlib.commissions import Expectation
from inspectlib.scales import HMICFRS_FOUR_POINT


@pytest.fixture
def seed(seed: il.Inspection) -> il.Inspection:
    """The seed without its framework: these tests are of the rules every inspection keeps.

    The framework's own rules are tested in test_frameworks.py.
    """
    return attrs.evolve(seed, framework=None)


def problems_of(inspection: il.Inspection) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in il.check(inspection)]


def with_area(inspection: il.Inspection, index: int, **changes: Any) -> il.Inspection:
    areas = list(inspection.graded_areas)
    areas[index] = attrs.evolve(areas[index], **changes)
    return attrs.evolve(inspection, graded_areas=areas)


def test_fieldwork_ending_before_it_starts(seed: il.Inspection) -> None:
    broken = attrs.evolve(
        seed,
        fieldwork=il.Period(
            start=il.PartialDate.parse("June 2024"), end=il.PartialDate.parse("May 2024")
        ),
    )

    assert [("$.fieldwork.end", "fieldwork ends (May 2024) before it starts (June 2024)")] == (
        problems_of(broken)
    )


def test_fieldwork_of_uncertain_order_is_not_a_problem(seed: il.Inspection) -> None:
    overlapping = attrs.evolve(
        seed,
        fieldwork=il.Period(
            start=il.PartialDate.parse("June 2024"), end=il.PartialDate.parse("2024")
        ),
    )

    assert [] == problems_of(overlapping)


def test_publication_before_fieldwork_ended(seed: il.Inspection) -> None:
    broken = attrs.evolve(
        seed,
        fieldwork=il.Period(
            start=il.PartialDate.parse("November 2024"),
            end=il.PartialDate.parse("January 2025"),
        ),
    )

    assert [
        ("$.published", "published (13 December 2024) before fieldwork ended (January 2025)")
    ] == problems_of(broken)


def test_grade_from_a_scale_the_inspection_does_not_use(seed: il.Inspection) -> None:
    broken = with_area(seed, 2, judgment=HMICFRS_FOUR_POINT.parse("Good"))

    assert [
        (
            "$.graded_areas[2].judgment",
            "grade 'Good' is on scale 'hmicfrs/four-point', which is not one of this "
            "inspection's scales ('hmicfrs/five-point')",
        )
    ] == problems_of(broken)


def test_overall_grade_from_another_scale(seed: il.Inspection) -> None:
    broken = attrs.evolve(seed, overall=HMICFRS_FOUR_POINT.parse("Good"))

    assert ["$.overall"] == [path for path, _ in problems_of(broken)]


def test_duplicate_area_keys(seed: il.Inspection) -> None:
    broken = with_area(seed, 3, key="leadership")

    assert [
        ("$.graded_areas[3].key", "duplicate area key 'leadership' (first at $.graded_areas[0])")
    ] == problems_of(broken)


def test_a_repeated_key_is_said_before_its_areas_judgment(seed: il.Inspection) -> None:
    good = HMICFRS_FOUR_POINT.parse("Good")
    broken = with_area(with_area(seed, 3, key="leadership", judgment=good), 4, judgment=good)

    assert [
        "$.graded_areas[3].key",
        "$.graded_areas[3].judgment",
        "$.graded_areas[4].judgment",
    ] == [path for path, _ in problems_of(broken)]


def test_grades_on_each_declared_scale_in_any_order_are_on_scale(seed: il.Inspection) -> None:
    """A grade's scale is remembered once found among the inspection's: a grade on another
    declared scale after it, and one on no declared scale after both, are each still seen."""
    four = HMICFRS_FOUR_POINT.parse("Good")
    five = seed.scales[0].parse("Good")
    other = il.catalogue.BUILTIN.scale("ofsted/four-point").parse("Good")
    mixed = with_area(
        with_area(with_area(seed, 1, judgment=four), 2, judgment=five), 3, judgment=four
    )
    declared = attrs.evolve(mixed, scales=(*seed.scales, HMICFRS_FOUR_POINT))

    assert [] == problems_of(declared)
    assert ["$.graded_areas[4].judgment"] == [
        path for path, _ in problems_of(with_area(declared, 4, judgment=other))
    ]
    # Two grades in a row on the same undeclared scale: neither is taken as on scale.
    assert ["$.graded_areas[3].judgment", "$.graded_areas[4].judgment"] == [
        path
        for path, _ in problems_of(
            with_area(with_area(declared, 3, judgment=other), 4, judgment=other)
        )
    ]


def test_finding_naming_an_area_the_inspection_lacks(seed: il.Inspection) -> None:
    findings = list(seed.findings)
    findings[1] = attrs.evolve(findings[1], areas=("investigation", "governance"))
    broken = attrs.evolve(seed, findings=findings)

    assert [
        ("$.findings[1].areas[1]", "'governance' is not an area of this inspection")
    ] == problems_of(broken)


def test_sub_area_whose_parent_is_missing(seed: il.Inspection) -> None:
    broken = with_area(seed, 4, parent="2")

    assert [
        ("$.graded_areas[4].parent", "parent area '2' is not an area of this inspection")
    ] == problems_of(broken)


def test_sub_area_of_an_existing_parent_is_valid(seed: il.Inspection) -> None:
    assert [] == problems_of(with_area(seed, 4, parent="leadership"))


def test_area_that_is_its_own_parent(seed: il.Inspection) -> None:
    broken = with_area(seed, 0, parent="leadership")

    assert [("$.graded_areas[0].parent", "an area cannot be its own parent")] == problems_of(broken)


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (49, 48, [("$.evidence[0].count", "49 is more than its total of 48")]),
        (-1, 48, [("$.evidence[0].count", "must not be negative, got -1")]),
        (1, -48, [("$.evidence[0].total", "must not be negative, got -48")]),
    ],
)
def test_evidence_figures(
    seed: il.Inspection, count: int, total: int, expected: list[tuple[str, str]]
) -> None:
    evidence = list(seed.evidence)
    first = evidence[0]
    assert isinstance(first, il.QuantitativeEvidence)
    evidence[0] = attrs.evolve(first, count=count, total=total)

    assert expected == problems_of(attrs.evolve(seed, evidence=evidence))


def test_evidence_inside_a_finding_is_checked_with_its_path(seed: il.Inspection) -> None:
    findings = list(seed.findings)
    findings[4] = attrs.evolve(
        findings[4],
        evidence=[il.QuantitativeEvidence(description="x", count=5, total=4)],
    )

    assert [("$.findings[4].evidence[0].count", "5 is more than its total of 4")] == problems_of(
        attrs.evolve(seed, findings=findings)
    )


def test_carried_forward_judgment_with_no_source(seed: il.Inspection) -> None:
    broken = with_area(seed, 1, judgment=il.CarriedForward())

    assert [
        (
            "$.graded_areas[1].judgment.from_inspection",
            "a carried-forward judgment must name the inspection it was carried from",
        )
    ] == problems_of(broken)


def test_carried_forward_grade_must_be_on_the_inspections_scales(seed: il.Inspection) -> None:
    judgment = il.CarriedForward(
        from_inspection="hmicfrs/peel/2016/gmp", grade=HMICFRS_FOUR_POINT.parse("Good")
    )

    assert ["$.graded_areas[1].judgment.grade"] == [
        path for path, _ in problems_of(with_area(seed, 1, judgment=judgment))
    ]


def test_duplicate_finding_ids(seed: il.Inspection) -> None:
    findings = list(seed.findings)
    findings[2] = attrs.evolve(findings[2], id="afi-1")

    assert [
        ("$.findings[2].id", "duplicate finding id 'afi-1' (first at $.findings[0])")
    ] == problems_of(attrs.evolve(seed, findings=findings))


def recommendation(cause: str) -> il.Finding:
    return il.Finding(
        id="rec-1", kind=il.FindingKind.RECOMMENDATION, text="Do it.", cause_of_concern=cause
    )


def test_recommendation_belongs_to_a_cause_of_concern(seed: il.Inspection) -> None:
    cause = il.Finding(id="coc-1", kind=il.FindingKind.CAUSE_OF_CONCERN, text="Worrying.")

    valid = attrs.evolve(seed, findings=[*seed.findings, cause, recommendation("coc-1")])

    assert [] == problems_of(valid)


@pytest.mark.parametrize(
    ("cause", "message"),
    [
        ("coc-9", "'coc-9' is not a finding of this inspection"),
        ("afi-1", "'afi-1' is an area for improvement, not a cause of concern"),
    ],
)
def test_recommendation_naming_no_cause_of_concern(
    seed: il.Inspection, cause: str, message: str
) -> None:
    broken = attrs.evolve(seed, findings=[*seed.findings, recommendation(cause)])

    assert [("$.findings[5].cause_of_concern", message)] == problems_of(broken)


def test_only_recommendations_belong_to_a_cause_of_concern(seed: il.Inspection) -> None:
    findings = list(seed.findings)
    findings[0] = attrs.evolve(findings[0], cause_of_concern="afi-2")

    assert [
        (
            "$.findings[0].cause_of_concern",
            "only a recommendation belongs to a cause of concern, not an area for improvement",
        )
    ] == problems_of(attrs.evolve(seed, findings=findings))


def test_every_problem_is_reported_at_once_and_reads_well(seed: il.Inspection) -> None:
    broken = with_area(
        with_area(seed, 3, key="leadership"), 2, judgment=HMICFRS_FOUR_POINT.parse("Good")
    )
    evidence = list(broken.evidence)
    second = evidence[1]
    assert isinstance(second, il.QuantitativeEvidence)
    evidence[1] = attrs.evolve(second, count=60)
    broken = attrs.evolve(broken, evidence=evidence)

    with pytest.raises(il.ValidationError) as caught:
        il.validate(broken)

    assert 3 == len(caught.value.problems)
    assert isinstance(caught.value, ValueError)
    assert (
        "Inspection 'hmicfrs/ncpi/2024/greater-manchester' is invalid: 3 problems\n"
        "  $.graded_areas[2].judgment: grade 'Good' is on scale 'hmicfrs/four-point', which is "
        "not one of this inspection's scales ('hmicfrs/five-point')\n"
        "  $.graded_areas[3].key: duplicate area key 'leadership' (first at $.graded_areas[0])\n"
        "  $.evidence[1].count: 60 is more than its total of 48"
    ) == str(caught.value)


def test_check_refuses_what_it_has_no_rules_for() -> None:
    with pytest.raises(TypeError, match="inspectlib has no validation rules for int"):
        il.check(3)


def test_validation_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        il.ValidationError("x", [])


def test_a_record_breaking_every_rule_gets_each_problem_in_document_order(
    seed: il.Inspection,
) -> None:
    four_point_good = HMICFRS_FOUR_POINT.parse("Good")
    subject = seed.subjects[0]
    broken = with_area(seed, 1, judgment=il.CarriedForward(grade=four_point_good))
    broken = with_area(broken, 2, judgment=il.Inherited(grade=four_point_good, predecessor=subject))
    broken = with_area(with_area(broken, 3, key="leadership"), 4, parent="nowhere")
    findings = list(broken.findings)
    findings[1] = attrs.evolve(findings[1], id="afi-1", areas=("leadership", "nowhere"))
    findings[2] = attrs.evolve(
        findings[2],
        cause_of_concern="afi-1",
        evidence=[il.QuantitativeEvidence(description="x", count=-5, total=-4)],
    )
    evidence = list(broken.evidence)
    first = evidence[0]
    assert isinstance(first, il.QuantitativeEvidence)
    evidence[0] = attrs.evolve(first, count=49)
    broken = attrs.evolve(
        broken,
        framework="hmicfrs/nowhere/2024",
        fieldwork=il.Period(
            start=il.PartialDate.parse("February 2025"), end=il.PartialDate.parse("January 2025")
        ),
        overall=four_point_good,
        findings=findings,
        evidence=evidence,
        none_found=[il.FindingKind.AREA_FOR_IMPROVEMENT, il.FindingKind.AREA_FOR_IMPROVEMENT],
        responses=[
            il.deadlines.Response(
                rule="police-act-1996/s55", responder=subject, published=datetime.date(2024, 1, 2)
            )
        ],
        finding_updates=[
            il.FindingUpdate(
                inspection=seed.id,
                finding="afi-1",
                status=il.FindingStatus.ADDRESSED,
                date=il.PartialDate.parse("2025"),
            )
        ],
        related=[
            il.RelatedReport(
                relation=il.Relation.EARLIER_INSPECTION,
                target=seed.id,
                date=il.PartialDate.parse("2025"),
            )
        ],
        expectations=[
            Expectation(
                expected=il.PartialDate.parse("2025"), announced=il.PartialDate.parse("March 2025")
            ),
            Expectation(
                expected=il.PartialDate.parse("2025"), announced=il.PartialDate.parse("2023")
            ),
        ],
    )

    assert [
        ("$.fieldwork.end", "fieldwork ends (January 2025) before it starts (February 2025)"),
        ("$.published", "published (13 December 2024) before fieldwork ended (January 2025)"),
        (
            "$.graded_areas[1].judgment.from_inspection",
            "a carried-forward judgment must name the inspection it was carried from",
        ),
        (
            "$.graded_areas[1].judgment.grade",
            "grade 'Good' is on scale 'hmicfrs/four-point', which is not one of this "
            "inspection's scales ('hmicfrs/five-point')",
        ),
        (
            "$.graded_areas[2].judgment.grade",
            "grade 'Good' is on scale 'hmicfrs/four-point', which is not one of this "
            "inspection's scales ('hmicfrs/five-point')",
        ),
        ("$.graded_areas[3].key", "duplicate area key 'leadership' (first at $.graded_areas[0])"),
        ("$.graded_areas[4].parent", "parent area 'nowhere' is not an area of this inspection"),
        (
            "$.overall",
            "grade 'Good' is on scale 'hmicfrs/four-point', which is not one of this "
            "inspection's scales ('hmicfrs/five-point')",
        ),
        ("$.findings[1].id", "duplicate finding id 'afi-1' (first at $.findings[0])"),
        ("$.findings[1].areas[1]", "'nowhere' is not an area of this inspection"),
        (
            "$.findings[2].cause_of_concern",
            "only a recommendation belongs to a cause of concern, not an area for improvement",
        ),
        ("$.findings[2].evidence[0].count", "must not be negative, got -5"),
        ("$.findings[2].evidence[0].total", "must not be negative, got -4"),
        (
            "$.none_found[0]",
            "the report states it found no area for improvement, but $.findings[0] is an "
            "area for improvement",
        ),
        ("$.none_found[1]", "duplicate kind 'area_for_improvement' (first at $.none_found[0])"),
        ("$.evidence[0].count", "49 is more than its total of 48"),
        (
            "$.responses[0].published",
            "a response (2024-01-02) cannot come before the report (2024-12-13)",
        ),
        (
            "$.finding_updates[0].inspection",
            "an inspection records updates on the findings of the inspections it follows up, "
            "not on its own",
        ),
        ("$.related[0].target", "a record cannot be related to itself"),
        (
            "$.related[0].date",
            "a document this record is earlier inspection comes before it, but is dated 2025, "
            "after this record's publication (2024-12-13)",
        ),
        (
            "$.expectations[0].announced",
            "stated (March 2025) after the publication it expects (13 December 2024)",
        ),
        (
            "$.expectations[1].announced",
            "expectations are listed in the order they were stated, but this one (2023) came "
            "before the one above (March 2025)",
        ),
        (
            "$.graded_areas[2].judgment.predecessor",
            "'Greater Manchester Police' is a subject of this inspection: a rating is inherited "
            "from a predecessor registration, not from the body itself",
        ),
        (
            "$.framework",
            "no framework 'hmicfrs/nowhere/2024' in the catalogue; did you mean "
            "'hmicfrs/peel/2025'?",
        ),
    ] == problems_of(broken)


def test_each_unknown_area_key_of_a_finding_is_said_once_in_order(seed: il.Inspection) -> None:
    findings = list(seed.findings)
    areas = ("nowhere", seed.graded_areas[0].key, "elsewhere")
    findings[1] = attrs.evolve(findings[1], areas=areas)

    assert [
        ("$.findings[1].areas[0]", "'nowhere' is not an area of this inspection"),
        ("$.findings[1].areas[2]", "'elsewhere' is not an area of this inspection"),
    ] == problems_of(attrs.evolve(seed, findings=findings))
