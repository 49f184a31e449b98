"""Grading scales: ordered labels, tolerant parsing, strict refusal, no cross-scale order."""

from __future__ import annotations

import pytest

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT, HMICFRS_FOUR_POINT


@pytest.mark.parametrize(
    "text",
    [
        "Requires improvement",
        "requires improvement",
        "Requires Improvement",
        "requires-improvement",
        "REQUIRES_IMPROVEMENT",
        "  requires   improvement ",
    ],
)
def test_parse_tolerates_case_spacing_hyphens_and_underscores(text: str) -> None:
    grade = HMICFRS_FIVE_POINT.parse(text)

    assert ("Requires improvement", "requires_improvement") == (grade.label, grade.key)


def test_parse_refuses_an_unknown_label_listing_the_valid_ones() -> None:
    with pytest.raises(il.InvalidGrade) as caught:
        HMICFRS_FIVE_POINT.parse("Very good")

    assert (
        "'Very good' is not a grade of scale 'hmicfrs/five-point'; valid grades: Outstanding, "
        "Good, Adequate, Requires improvement, Inadequate"
    ) == str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_grades_of_one_scale_are_ordered_best_greatest() -> None:
    grades = list(HMICFRS_FIVE_POINT)

    assert sorted(grades, reverse=True) == grades
    assert HMICFRS_FIVE_POINT.parse("Good") > HMICFRS_FIVE_POINT.parse("Adequate")
    assert HMICFRS_FIVE_POINT.parse("Inadequate") <= HMICFRS_FIVE_POINT.parse("Inadequate")
    assert HMICFRS_FIVE_POINT.parse("Inadequate") < HMICFRS_FIVE_POINT.parse("Adequate")
    assert HMICFRS_FIVE_POINT.parse("Outstanding") >= HMICFRS_FIVE_POINT.parse("Good")


def test_grades_of_different_scales_refuse_to_compare_saying_why() -> None:
    five, four = HMICFRS_FIVE_POINT.parse("Good"), HMICFRS_FOUR_POINT.parse("Good")

    with pytest.raises(il.IncomparableGradesError) as caught:
        _ = five > four

    assert (
        "cannot order 'Good' on scale 'hmicfrs/five-point' > 'Good' on scale "
        "'hmicfrs/four-point': grades of different scales do not compare"
    ) == str(caught.value)
    assert isinstance(caught.value, TypeError)
    assert five != four


def test_a_grade_refuses_to_compare_with_a_non_grade() -> None:
    with pytest.raises(il.IncomparableGradesError, match="only grades of the same scale"):
        _ = HMICFRS_FIVE_POINT.parse("Good") < il.UNGRADED


def test_grades_are_hashable_and_equal_by_scale_and_label() -> None:
    assert {HMICFRS_FIVE_POINT.parse("good"), HMICFRS_FIVE_POINT.parse("Good")} == {
        HMICFRS_FIVE_POINT.parse("GOOD")
    }


def test_aliases_name_labels() -> None:
    scale = il.GradingScale(
        id="example/ofsted",
        name="Example",
        labels=("Outstanding", "Good", "Requires improvement", "Inadequate"),
        aliases={"1": "Outstanding", "RI": "Requires improvement"},
    )

    assert "Outstanding" == scale.parse("1").label
    assert "Requires improvement" == scale.parse("ri").label
    assert "1" in scale


@pytest.mark.parametrize(
    ("labels", "aliases", "message"),
    [
        (("Only",), {}, "a grading scale needs at least two labels, got 1"),
        (
            ("Good", "good", "Bad"),
            {},
            "a grading scale's labels must differ, but these repeat: ['good']",
        ),
        (
            ("Good", "Bad"),
            {"G": "Great"},
            "alias 'G' of scale 'x' names 'Great', which is not one of its labels: Good, Bad",
        ),
    ],
)
def test_malformed_scales_are_refused(
    labels: tuple[str, ...], aliases: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        il.GradingScale(id="x", name="X", labels=labels, aliases=aliases)

    assert message == str(caught.value)


def test_grade_key_folds_case_and_separators() -> None:
    assert "requires_improvement" == il.grade_key(" Requires-Improvement ")


def test_non_grades_and_carried_forward_read_as_reports_write_them() -> None:
    carried = il.CarriedForward(
        from_inspection="hmicfrs/peel/2016/x", grade=HMICFRS_FOUR_POINT.parse("good")
    )

    non_grades = [il.UNGRADED, il.NOT_RATED, il.EXEMPT, il.AWAITING_INSPECTION]
    non_grades.append(il.INSUFFICIENT_EVIDENCE)

    assert ["Ungraded", "Not rated", "Exempt", "Awaiting inspection", "Insufficient evidence"] == [
        str(non_grade) for non_grade in non_grades
    ]
    assert "Good (carried forward)" == str(carried)
    assert "Carried forward" == str(il.CarriedForward(from_inspection="x"))
