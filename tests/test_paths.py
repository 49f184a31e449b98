"""Where a problem is, twice: ``Problem.path`` for people, ``Problem.steps`` for tools, the one
rendered from the other and read back exactly."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import inspectlib as il
from inspectlib._paths import parse, render
from inspectlib.sources import SourceProblem

KEYS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["a.b", "a[0]", '"', "\\", "$", "", " ", "-x", "x-", "é", "日本", "\x00", "a b"]
    ),
)
STEPS = st.lists(st.one_of(KEYS, st.integers(min_value=0, max_value=10**6)), max_size=6).map(tuple)


@given(STEPS)
def test_steps_rendered_read_back_as_the_same_steps(steps: tuple[str | int, ...]) -> None:
    assert steps == parse(render(steps))


@given(STEPS)
def test_a_problem_built_from_steps_has_those_steps_and_their_path(
    steps: tuple[str | int, ...],
) -> None:
    problem = il.Problem.at(steps, "is wrong")

    assert (problem.steps, problem.path) == (steps, render(steps))
    assert problem == il.Problem(render(steps), "is wrong")


@pytest.mark.parametrize(
    ("steps", "path"),
    [
        ((), "$"),
        (("graded_areas", 2, "judgment"), "$.graded_areas[2].judgment"),
        (("extensions", "hmicfrs:peel/year"), "$.extensions.hmicfrs:peel/year"),
        (("extensions", "a.b"), '$.extensions["a.b"]'),
        (("extensions", "a[0]"), '$.extensions["a[0]"]'),
        (("extensions", 'say "hi"'), '$.extensions["say \\"hi\\""]'),
        (("extensions", "back\\slash"), '$.extensions["back\\\\slash"]'),
        (("extensions", ""), '$.extensions[""]'),
        (("extensions", "2"), "$.extensions.2"),
        (("extensions", "café"), '$.extensions["caf\\u00e9"]'),
        (("extensions", "-x"), '$.extensions["-x"]'),
        ((0,), "$[0]"),
    ],
)
def test_how_paths_are_written(steps: tuple[str | int, ...], path: str) -> None:
    assert render(steps) == path
    assert parse(path) == steps
    assert il.Problem(path, "m").steps == steps


@pytest.mark.parametrize(
    "path",
    [
        "$.",
        "$..a",
        "$.a.",
        "$[01]",
        "$[-1]",
        "$[x]",
        '$["unterminated]',
        "$.a b",
        "$.a.b c",
        '$["plain"]',  # written $.plain: a path has one spelling
        '$["café"]',  # written with its \\u escape
    ],
)
def test_a_path_inspectlib_does_not_write_is_refused(path: str) -> None:
    with pytest.raises(ValueError) as parsing:
        parse(path)
    with pytest.raises(il.InvalidRecord) as building:
        il.Problem(path, "m")

    assert str(building.value) == f"Problem.path: {parsing.value}"


def test_the_steps_of_the_problems_a_document_has() -> None:
    with pytest.raises(il.ValidationError) as caught:
        il.loads(
            '{"inspectlib": "1.0", "kind": "grading_scale",'
            ' "id": 7, "name": "Colours", "labels": "Green, Amber, Red"}'
        )

    assert [problem.steps for problem in caught.value.problems] == [("id",), ("labels",)]


def test_the_steps_of_a_problem_validation_finds() -> None:
    inspection = il.sample("gmp-child-protection-2024")
    assert isinstance(inspection, il.Inspection)
    broken = attrs.evolve(
        inspection,
        graded_areas=[*inspection.graded_areas, inspection.graded_areas[0]],
    )
    problems = il.check(broken)

    assert ("graded_areas", len(inspection.graded_areas), "key") in {p.steps for p in problems}


def test_a_problem_pickles_with_its_steps_inside_a_validation_error() -> None:
    error = il.ValidationError(
        "document",
        [il.Problem.at(("extensions", "a.b", 3), "is wrong", line=4), il.Problem("$", "m")],
        skipped=("unique keys",),
    )

    copy = pickle.loads(pickle.dumps(error))

    assert copy.problems == error.problems
    assert [problem.steps for problem in copy.problems] == [("extensions", "a.b", 3), ()]
    assert str(copy) == str(error)


def test_a_source_problem_has_steps_too() -> None:
    problem = SourceProblem('$.Scores["Confidence In Management"]', "is not a number", 3)

    assert problem.steps == ("Scores", "Confidence In Management")


def test_a_problem_of_a_table_cell_or_a_file_has_no_steps() -> None:
    assert il.Problem("evidence.csv:3:count", "expected a whole number").steps is None
    assert il.Problem("inspections.csv", "no inspections table").steps is None


def test_what_a_path_inspectlib_does_not_write_is_told() -> None:
    with pytest.raises(il.InvalidRecord) as caught:
        il.Problem('$["plain"]', "m")
    with pytest.raises(il.InvalidRecord) as caught_too:
        il.Problem("$.a..b", "m")
    with pytest.raises(il.InvalidRecord) as not_text:
        il.Problem(None, "m")  # type: ignore[arg-type]

    assert str(caught.value) == (
        "Problem.path: not a path inspectlib writes (it writes '$.plain'): '$[\"plain\"]'"
    )
    assert str(caught_too.value) == "Problem.path: not a path inspectlib writes, at 3: '$.a..b'"
    assert str(not_text.value) == "Problem.path: expected str, got NoneType"
