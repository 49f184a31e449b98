"""Links and judgments that carry meaning: the relation vocabulary, dated links, judgments with
their own date, inherited ratings, "none found", and non-grades read from source strings."""

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import pytest

import inspectlib as il
from inspectlib import scales

P = il.PartialDate.parse
DAY = datetime.date
GOOD = scales.CQC_FOUR_POINT.parse("Good")
PREVIOUS = il.Organisation(name="Previous Provider Ltd", kind=il.OrganisationKind.CARE_PROVIDER)


def problems_of(
    record: object, catalogue: il.catalogue.Catalogue | None = None
) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in il.check(record, catalogue=catalogue)]


def care_home(**changes: Any) -> il.Inspection:
    home = il.Organisation(name="Example Care Home", kind=il.OrganisationKind.CARE_LOCATION)
    inspection = il.Inspection(
        id="example/cqc/2024/home",
        title="Example Care Home",
        inspectorate=il.Organisation(
            name="Care Quality Commission", kind=il.OrganisationKind.INSPECTORATE
        ),
        subjects=[home],
        published=DAY(2024, 3, 1),
        scales=[scales.CQC_FOUR_POINT],
        graded_areas=[il.GradedArea(key="safe", topic="Safe", judgment=GOOD)],
    )
    return attrs.evolve(inspection, **changes)


# -- relations ---------------------------------------------------------------------------------


def test_every_relation_is_documented_in_one_sentence() -> None:
    import inspect
    import re

    source = inspect.getsource(il.Relation)
    for relation in il.Relation:
        doc = re.search(rf'{relation.name} = "{relation.value}"\n\s+"""(.+?)"""', source, re.S)
        assert doc is not None, relation
        assert doc.group(1).strip().endswith(".")


def test_the_vocabulary_holds_the_relations_reports_need() -> None:
    assert {
        "follows_up",
        "reinspection_of",
        "earlier_inspection",
        "post_inspection_review_of",
        "revisit_of_cause_of_concern",
        "published_alongside",
        "supersedes",
        "part_of",
    } == {relation.value for relation in il.Relation}


def test_which_relations_follow_up_and_which_targets_come_first() -> None:
    assert {
        il.Relation.FOLLOWS_UP,
        il.Relation.REINSPECTION_OF,
        il.Relation.POST_INSPECTION_REVIEW_OF,
        il.Relation.REVISIT_OF_CAUSE_OF_CONCERN,
    } == {relation for relation in il.Relation if relation.follows_up}
    assert not il.Relation.EARLIER_INSPECTION.follows_up
    assert il.Relation.EARLIER_INSPECTION.target_is_earlier
    assert not il.Relation.PUBLISHED_ALONGSIDE.target_is_earlier
    assert not il.Relation.PART_OF.target_is_earlier


def test_an_earlier_report_known_only_as_a_citation_is_named_and_round_trips() -> None:
    link = il.RelatedReport(
        relation=il.Relation.EARLIER_INSPECTION,
        target="hmicfrs/peel/2014/x",
        title="PEEL: Police effectiveness 2014",
        date=P("2014"),
        url="https://example.org/peel-2014",
    )
    inspection = care_home(related=[link])

    assert () == il.check(inspection)
    assert {
        "relation": "earlier_inspection",
        "target": "hmicfrs/peel/2014/x",
        "title": "PEEL: Police effectiveness 2014",
        "date": "2014",
        "url": "https://example.org/peel-2014",
    } == json.loads(il.dumps(inspection))["related"][0]
    assert inspection == il.loads(il.dumps(inspection))


def test_an_earlier_document_dated_after_the_record_is_refused() -> None:
    link = il.RelatedReport(relation=il.Relation.REINSPECTION_OF, target="x", date=P("2025"))

    assert [
        (
            "$.related[0].date",
            "a document this record is reinspection of comes before it, but is dated 2025, "
            "after this record's publication (2024-03-01)",
        )
    ] == problems_of(care_home(related=[link]))


def test_a_document_published_alongside_may_be_dated_after() -> None:
    link = il.RelatedReport(relation=il.Relation.PUBLISHED_ALONGSIDE, target="x", date=P("2025"))

    assert [] == problems_of(care_home(related=[link]))


def test_a_record_cannot_link_to_itself() -> None:
    link = il.RelatedReport(relation=il.Relation.SUPERSEDES, target="example/cqc/2024/home")

    assert [("$.related[0].target", "a record cannot be related to itself")] == problems_of(
        care_home(related=[link])
    )


def test_updates_on_findings_may_come_from_any_relation_that_follows_up() -> None:
    update = il.FindingUpdate(
        inspection="earlier",
        finding="c-1",
        status=il.FindingStatus.ADDRESSED,
        date=P("2024"),
    )
    for relation in il.Relation:
        link = il.RelatedReport(relation=relation, target="earlier")
        problems = problems_of(care_home(related=[link], finding_updates=[update]))
        assert (problems == []) is relation.follows_up, relation


# -- judgments with their own date -----------------------------------------------------------


def test_a_graded_area_carries_its_own_date_and_report() -> None:
    area = il.GradedArea(
        key="safe",
        topic="Safe",
        judgment=GOOD,
        judged=P("November 2023"),
        report="https://example.org/safe-2023",
    )
    inspection = care_home(graded_areas=[area])

    written = json.loads(il.dumps(inspection))["graded_areas"][0]
    assert ("2023-11", "https://example.org/safe-2023") == (written["judged"], written["report"])
    assert inspection == il.loads(il.dumps(inspection))


# -- inherited ratings -------------------------------------------------------------------------


def test_an_inherited_rating_names_its_predecessor_and_round_trips() -> None:
    rating = il.Inherited(grade=GOOD, predecessor=PREVIOUS, rated=P("March 2019"), report="r/1")
    inspection = care_home(
        graded_areas=[il.GradedArea(key="safe", topic="Safe", judgment=rating)], overall=rating
    )

    assert "Good (inherited)" == str(rating)
    assert {
        "type": "inherited",
        "grade": {"scale": "cqc/four-point", "grade": "good"},
        "predecessor": {"name": "Previous Provider Ltd", "kind": "care_provider"},
        "rated": "2019-03",
        "report": "r/1",
    } == json.loads(il.dumps(inspection))["overall"]
    assert inspection == il.loads(il.dumps(inspection))


def test_an_inherited_rating_is_refused_by_a_framework_that_does_not_accept_them() -> None:
    framework = il.Framework(
        id="test/cqc/1",
        programme="test/cqc",
        name="A framework without inherited ratings",
        inspectorate="CQC",
        scales=[scales.CQC_FOUR_POINT],
        valid_from=None,
        closed=False,
        overall=True,
    )
    accepting = attrs.evolve(framework, id="test/cqc/2", inherited=True)
    catalogue = il.catalogue.BUILTIN.with_frameworks(framework, accepting)
    rating = il.Inherited(grade=GOOD, predecessor=PREVIOUS)

    refused = care_home(framework="test/cqc/1", overall=rating)
    assert [
        (
            "$.overall",
            "framework 'test/cqc/1' does not accept ratings inherited from a predecessor "
            "registration",
        )
    ] == problems_of(refused, catalogue)
    assert [] == problems_of(attrs.evolve(refused, framework="test/cqc/2"), catalogue)


def test_an_inherited_grade_must_be_on_the_inspections_scales() -> None:
    rating = il.Inherited(grade=scales.HMICFRS_FIVE_POINT.parse("Good"), predecessor=PREVIOUS)

    assert [
        (
            "$.overall.grade",
            "grade 'Good' is on scale 'hmicfrs/five-point', which is not one of this "
            "inspection's scales ('cqc/four-point')",
        )
    ] == problems_of(care_home(overall=rating))


def test_a_rating_is_not_inherited_from_the_inspected_body_itself() -> None:
    home = care_home()
    rating = il.Inherited(grade=GOOD, predecessor=home.subjects[0])

    assert [
        (
            "$.graded_areas[0].judgment.predecessor",
            "'Example Care Home' is a subject of this inspection: a rating is inherited from a "
            "predecessor registration, not from the body itself",
        )
    ] == problems_of(
        attrs.evolve(home, graded_areas=[il.GradedArea(key="s", topic="S", judgment=rating)])
    )


def test_an_inherited_rating_without_a_predecessor_is_refused_on_reading() -> None:
    document = il.to_dict(care_home())
    document["overall"] = {
        "type": "inherited",
        "grade": {"scale": "cqc/four-point", "grade": "good"},
    }

    with pytest.raises(il.ValidationError) as caught:
        il.from_dict(document)

    assert [("$.overall.predecessor", "missing required field")] == [
        (p.path, p.message) for p in caught.value.problems
    ]


# -- none found --------------------------------------------------------------------------------


def test_a_report_that_found_no_causes_of_concern_says_so() -> None:
    inspection = care_home(none_found=[il.FindingKind.CAUSE_OF_CONCERN])

    assert () == il.check(inspection)
    assert ["cause_of_concern"] == json.loads(il.dumps(inspection))["none_found"]
    assert inspection == il.loads(il.dumps(inspection))
    assert () == care_home().none_found  # not recorded: nothing stated


def test_a_kind_found_none_of_cannot_have_findings() -> None:
    concern = il.Finding(id="c-1", kind=il.FindingKind.CAUSE_OF_CONCERN, text="A concern.")
    inspection = care_home(
        findings=[concern],
        none_found=[il.FindingKind.CAUSE_OF_CONCERN, il.FindingKind.CAUSE_OF_CONCERN],
    )

    assert [
        (
            "$.none_found[0]",
            "the report states it found no cause of concern, but $.findings[0] is a cause of "
            "concern",
        ),
        ("$.none_found[1]", "duplicate kind 'cause_of_concern' (first at $.none_found[0])"),
    ] == problems_of(inspection)


# -- non-grades --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No published rating", il.judgments.NO_PUBLISHED_RATING),
        ("Inspected but not rated", il.judgments.INSPECTED_NOT_RATED),
        ("Insufficient evidence to rate", il.judgments.INSUFFICIENT_EVIDENCE),
        ("Not rated", il.judgments.NOT_RATED),
        ("Not Rated", il.judgments.NOT_RATED),
        ("Awaiting inspection", il.judgments.AWAITING_INSPECTION),
        ("AwaitingInspection", il.judgments.AWAITING_INSPECTION),
        ("AwatingInspection", il.judgments.AWAITING_INSPECTION),
        ("Awaiting Inspection", il.judgments.AWAITING_INSPECTION),
        ("Awaiting publication", il.judgments.AWAITING_PUBLICATION),
        ("AwaitingPublication", il.judgments.AWAITING_PUBLICATION),
        ("Awaiting Publication", il.judgments.AWAITING_PUBLICATION),
        ("Exempt", il.judgments.EXEMPT),
        ("Ungraded", il.judgments.UNGRADED),
        ("Not applicable", il.judgments.NOT_APPLICABLE),
        ("Not judged", il.judgments.NOT_JUDGED),
        ("  not   JUDGED ", il.judgments.NOT_JUDGED),
        ("not_judged", il.judgments.NOT_JUDGED),
    ],
)
def test_non_grades_from_the_strings_sources_use(text: str, expected: il.NonGrade) -> None:
    assert expected is il.NonGrade.from_label(text)


def test_an_unknown_label_lists_the_known_ones() -> None:
    with pytest.raises(il.errors.InvalidGrade) as caught:
        il.NonGrade.from_label("Pass")

    assert (
        "'Pass' is not a non-grade label; known labels: 'Ungraded', 'Not rated', 'Exempt', "
        "'Awaiting inspection', 'Insufficient evidence', 'Awaiting publication', 'No published "
        "rating', 'Inspected but not rated', 'Not applicable', 'Not judged', 'Insufficient "
        "evidence to rate', 'AwatingInspection'"
    ) == str(caught.value)


def test_a_long_unknown_label_gives_a_short_message() -> None:
    with pytest.raises(il.errors.InvalidGrade) as caught:
        il.NonGrade.from_label("x" * 100_000)

    assert len(str(caught.value)) < 400


def test_a_label_that_is_not_text_is_refused() -> None:
    with pytest.raises(il.errors.InvalidGrade, match=r"^a non-grade label is text, not int$"):
        il.NonGrade.from_label(8)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(il.judgments.NonGradeKind), ids=lambda kind: kind.value)
def test_every_non_grade_round_trips_and_reads_its_own_label(
    kind: il.judgments.NonGradeKind,
) -> None:
    non_grade = il.NonGrade(kind)
    inspection = care_home(graded_areas=[il.GradedArea(key="s", topic="S", judgment=non_grade)])

    assert inspection == il.loads(il.dumps(inspection))
    assert non_grade == il.NonGrade.from_label(non_grade.label)
