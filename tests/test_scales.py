"""Grading scales: ordered labels, tolerant parsing, strict refusal, no cross-scale order."""

from __future__ import annotations

from typing import Any

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
    with pytest.raises(il.errors.InvalidGrade) as caught:
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

    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        _ = five > four

    assert (
        "cannot order 'Good' on scale 'hmicfrs/five-point' > 'Good' on scale "
        "'hmicfrs/four-point': grades of different scales do not compare"
    ) == str(caught.value)
    assert isinstance(caught.value, TypeError)
    assert five != four


GOOD = HMICFRS_FIVE_POINT.parse("Good")


def test_a_grade_refuses_to_compare_with_a_non_grade() -> None:
    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        _ = GOOD < il.judgments.UNGRADED  # type: ignore[operator]

    assert (
        "cannot order 'Good' on scale 'hmicfrs/five-point' < 'Ungraded': 'Ungraded' is not a "
        "grade; only grades of the same scale compare" == str(caught.value)
    )


def test_a_non_grade_on_the_left_is_reported_as_written() -> None:
    # Python asks the grade on the right, reflected, when the left operand has no answer: the
    # message would read "'Good' > ..." and show a repr, were non-grades not to answer first.
    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        _ = il.judgments.UNGRADED < GOOD  # type: ignore[operator]

    assert (
        "cannot order 'Ungraded' < 'Good' on scale 'hmicfrs/five-point': 'Ungraded' is not a "
        "grade; only grades of the same scale compare" == str(caught.value)
    )


@pytest.mark.parametrize(
    ("compare", "written"),
    [
        (lambda a, b: a <= b, "<="),
        (lambda a, b: a > b, ">"),
        (lambda a, b: a >= b, ">="),
    ],
)
def test_every_ordering_of_a_carried_forward_judgment_is_reported_as_written(
    compare: Any, written: str
) -> None:
    carried = il.CarriedForward(from_inspection="example/1", grade=GOOD)

    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        compare(carried, GOOD)

    assert (
        f"cannot order 'Good (carried forward)' {written} 'Good' on scale 'hmicfrs/five-point': "
        "'Good (carried forward)' is not a grade; only grades of the same scale compare"
        == str(caught.value)
    )


def test_two_non_grades_refuse_to_order() -> None:
    with pytest.raises(il.errors.IncomparableGradesError) as caught:
        _ = il.judgments.UNGRADED < il.judgments.NOT_RATED  # type: ignore[operator]

    assert (
        "cannot order 'Ungraded' < 'Not rated': neither is a grade; only grades of the same "
        "scale compare" == str(caught.value)
    )


def test_a_grade_and_a_number_do_not_order_in_python_s_own_words() -> None:
    with pytest.raises(TypeError) as caught:
        _ = GOOD < 3  # type: ignore[operator]
    assert "'<' not supported between instances of 'Grade' and 'int'" == str(caught.value)
    with pytest.raises(TypeError) as caught:
        _ = 3 >= GOOD  # type: ignore[operator]
    assert "'>=' not supported between instances of 'int' and 'Grade'" == str(caught.value)
    with pytest.raises(TypeError) as caught:
        _ = il.judgments.UNGRADED > "Good"  # type: ignore[operator]
    assert "'>' not supported between instances of 'NonGrade' and 'str'" == str(caught.value)


def test_sorting_judgments_that_are_not_all_grades_says_why() -> None:
    with pytest.raises(il.errors.IncomparableGradesError, match="'Ungraded' is not a grade"):
        sorted([il.judgments.UNGRADED, GOOD])  # type: ignore[type-var]


def test_non_grades_are_still_equal_and_hashable() -> None:
    assert il.judgments.UNGRADED == il.NonGrade(il.judgments.NonGradeKind.UNGRADED)
    assert il.judgments.UNGRADED != il.judgments.NOT_RATED
    assert 1 == len({il.judgments.UNGRADED, il.NonGrade(il.judgments.NonGradeKind.UNGRADED)})


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
            "a grading scale's labels must differ, but these repeat: 'good'",
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
    assert "requires_improvement" == il.scales.grade_key(" Requires-Improvement ")


def test_non_grades_and_carried_forward_read_as_reports_write_them() -> None:
    carried = il.CarriedForward(
        from_inspection="hmicfrs/peel/2016/x", grade=HMICFRS_FOUR_POINT.parse("good")
    )

    non_grades = [
        il.judgments.UNGRADED,
        il.judgments.NOT_RATED,
        il.judgments.EXEMPT,
        il.judgments.AWAITING_INSPECTION,
    ]
    non_grades.append(il.judgments.INSUFFICIENT_EVIDENCE)

    assert ["Ungraded", "Not rated", "Exempt", "Awaiting inspection", "Insufficient evidence"] == [
        str(non_grade) for non_grade in non_grades
    ]
    assert "Good (carried forward)" == str(carried)
    assert "Carried forward" == str(il.CarriedForward(from_inspection="x"))
