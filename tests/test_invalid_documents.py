"""The invalid corpus: every document is refused by the loader and by the JSON Schema.

Each file in corpus/invalid/ is the valid corpus/valid/small-inspection.json broken one way (or,
in many-problems.json, several). The loader must name every problem with its path.
"""

from __future__ import annotations

import json
import pathlib
from functools import cache
from typing import Any

import jsonschema
import pytest

import inspectlib as il

INVALID = pathlib.Path(__file__).parent / "corpus" / "invalid"
GRADES = "outstanding, good, adequate, requires_improvement, inadequate"
FINDING_KINDS = (
    "strength, area_for_improvement, cause_of_concern, recommendation, innovative_practice, "
    "promising_practice"
)
CANONICAL = (
    "is not a canonical partial date: expected YYYY-MM-DD, YYYY-MM-early, YYYY-MM-mid, "
    "YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, YYYY-summer, YYYY-autumn, YYYY-winter or "
    "YYYY, each optionally prefixed with '../'"
)

EXPECTED: dict[str, list[tuple[str, str]]] = {
    "area-is-a-string": [("$.graded_areas[1]", 'expected an object, got string "investigation"')],
    "areas-keyed-by-name": [("$.graded_areas", "expected an array, got object")],
    "count-above-total": [("$.evidence[0].count", "49 is more than its total of 48")],
    "count-is-a-boolean": [("$.evidence[0].count", "expected an integer, got boolean true")],
    "count-is-a-float": [("$.evidence[0].count", "expected an integer, got number 12.5")],
    "count-is-a-string": [("$.evidence[0].count", 'expected an integer, got string "12"')],
    "date-impossible": [
        (
            "$.published",
            "cannot read '2024-02-30': day 30 is out of range for February 2024, which has 29 days",
        )
    ],
    "date-not-iso": [
        (
            "$.published",
            "'13/12/2024' is not a date in a canonical form: expected YYYY-MM-DD, YYYY-MM-early, "
            "YYYY-MM-mid, YYYY-MM-late, YYYY-MM, YYYY-Qn, YYYY-spring, YYYY-summer, "
            "YYYY-autumn, YYYY-winter or YYYY, each optionally prefixed with '../'",
        )
    ],
    "duplicate-area-key": [
        ("$.graded_areas[2].key", "duplicate area key 'leadership' (first at $.graded_areas[0])")
    ],
    "evidence-type-unknown": [
        ("$.evidence[0].type", "'numbers' is not one of: quantitative, qualitative")
    ],
    "extension-without-namespace": [
        ("$.extensions.note", "key 'note' needs a namespace, as in 'yourtool:note'")
    ],
    "fieldwork-ends-before-it-starts": [
        ("$.fieldwork.end", "fieldwork ends (June 2024) before it starts (September 2024)")
    ],
    "finding-kind-misspelt": [
        (
            "$.findings[0].kind",
            f"'areas for improvement' is not one of: {FINDING_KINDS}; did you mean "
            "'area_for_improvement'?",
        )
    ],
    "finding-names-unknown-area": [
        ("$.findings[0].areas[1]", "'governance' is not an area of this inspection")
    ],
    "findings-nested-in-an-area": [("$.graded_areas[0].findings", "unknown field")],
    "grade-as-label-not-key": [
        (
            "$.graded_areas[0].judgment.grade",
            f"'Good' is not a grade of scale 'hmicfrs/five-point'; valid grades: {GRADES}; "
            "did you mean 'good'?",
        )
    ],
    "grade-on-unknown-scale": [
        (
            "$.graded_areas[0].judgment.scale",
            "no grading scale 'hmicfrs/six-point' in the catalogue; did you mean "
            "'hmicfrs/five-point'?",
        )
    ],
    "judgment-type-missing": [("$.graded_areas[0].judgment.type", "missing required field")],
    "judgment-type-unknown": [
        (
            "$.graded_areas[0].judgment.type",
            "'graded' is not one of: grade, ungraded, not_rated, exempt, awaiting_inspection, "
            "insufficient_evidence, awaiting_publication, no_published_rating, "
            "inspected_not_rated, not_applicable, not_judged, carried_forward, inherited; "
            "did you mean 'grade'?",
        )
    ],
    "kind-unknown": [
        (
            "$.kind",
            "'report' is not one of: inspection, commissioned_inspection, framework, grading_scale",
        )
    ],
    "many-problems": [
        ("$.title", "expected a string, got number 1"),
        ("$.published", "missing required field"),
        (
            "$.graded_areas[1].judgment.grade",
            f"'great' is not a grade of scale 'hmicfrs/five-point'; valid grades: {GRADES}",
        ),
        ("$.findings[0].kind", f"'aFI' is not one of: {FINDING_KINDS}"),
        ("$.extra", "unknown field"),
    ],
    "missing-judgment": [("$.graded_areas[0].judgment", "missing required field")],
    "missing-title": [("$.title", "missing required field")],
    "nan-count": [
        ("$", "invalid JSON at line 58, column 16: unexpected character, expected a JSON value")
    ],
    "not-an-object": [("$", "expected an object, got array")],
    "organisation-kind-unknown": [
        (
            "$.subjects[0].kind",
            "'police' is not one of: police_force, fire_and_rescue_service, local_authority, "
            "school, care_provider, care_location, probation_service, food_business, "
            "mayoral_combined_authority, police_and_crime_commissioner, government_department, "
            "inspectorate, partnership, other; did you mean 'police_force'?",
        )
    ],
    "partial-date-in-words": [("$.fieldwork.start", f"'June 2024' {CANONICAL}")],
    "partial-date-month-13": [
        ("$.fieldwork.end", "cannot read '2024-13': month must be between 1 and 12, got 13")
    ],
    "published-is-null": [
        (
            "$.published",
            "expected a date as a string (YYYY-MM-DD, or a partial date such as 2020-01), got null",
        )
    ],
    "subjects-is-an-object": [("$.subjects", "expected an array, got object")],
    "subjects-is-empty": [("$.subjects", "needs at least one item")],
    "title-is-a-number": [("$.title", "expected a string, got number 12345")],
    "title-is-blank": [("$.title", "must not be blank")],
    "title-is-null": [("$.title", "expected a string, got null")],
    "truncated": [("$", "invalid JSON at line 16, column 8: unexpected end of data")],
    "unknown-key-in-area": [("$.graded_areas[0].grade", "unknown field")],
    "unknown-key-in-judgment": [("$.graded_areas[0].judgment.note", "unknown field")],
    "unknown-scale-reference": [("$.scales[1]", "no grading scale 'nope' in the catalogue")],
    "unknown-top-level-key": [("$.colour", "unknown field")],
    "version-2": [
        (
            "$.inspectlib",
            "format version 2.0 is not supported: this inspectlib reads 1.x documents",
        )
    ],
    "version-malformed": [("$.inspectlib", "'1' is not a format version (MAJOR.MINOR)")],
    "version-missing": [
        (
            "$.inspectlib",
            'missing format version: a document starts {"inspectlib": "1.1", "kind": ...}',
        )
    ],
}

# Rules a JSON Schema cannot state: they compare one field with another.
CROSS_FIELD = {
    "count-above-total",
    "duplicate-area-key",
    "fieldwork-ends-before-it-starts",
    "finding-names-unknown-area",
}


def decoded(name: str) -> Any:
    try:
        return json.loads((INVALID / f"{name}.json").read_text())
    except json.JSONDecodeError:
        return None


def test_the_corpus_and_its_expectations_match() -> None:
    assert sorted(EXPECTED) == sorted(path.stem for path in INVALID.glob("*.json"))
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_loader_reports_every_problem_with_its_path(name: str) -> None:
    expected_type = il.errors.FormatVersionError if name == "version-2" else il.ValidationError

    with pytest.raises(il.ValidationError) as caught:
        il.load(INVALID / f"{name}.json")

    assert expected_type is type(caught.value)
    assert EXPECTED[name] == [(problem.path, problem.message) for problem in caught.value.problems]
    assert str(caught.value).startswith(f"{INVALID / name}.json is invalid: ")


@cache
def schema_validator() -> Any:
    validator = jsonschema.Draft202012Validator
    # Formats ("date") are annotations unless a validator is asked to assert them; ask.
    return validator(il.json_schema(), format_checker=validator.FORMAT_CHECKER)


# A schema applies only to what parses as JSON, and cannot compare one field with another.
SCHEMA_CASES = sorted(name for name in set(EXPECTED) - CROSS_FIELD if decoded(name) is not None)


@pytest.mark.parametrize("name", SCHEMA_CASES)
def test_the_schema_refuses_what_the_loader_refuses(name: str) -> None:
    errors = list(schema_validator().iter_errors(decoded(name)))

    assert errors, f"the schema accepted {name}"


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(il.json_schema())


def test_the_schema_accepts_every_valid_fixture() -> None:
    valid = sorted((INVALID.parent / "valid").glob("*.json"))
    assert valid

    for path in valid:
        assert [] == list(schema_validator().iter_errors(json.loads(path.read_text()))), path


@pytest.mark.parametrize(
    ("published", "accepted"),
    [
        ("2024-12-13", True),
        ("2024-02-29", True),  # a leap year
        ("2000-02-29", True),  # a century divisible by 400
        ("2024-13-45", False),
        ("2024-04-31", False),
        ("2023-02-29", False),
        ("1900-02-29", False),  # a century not divisible by 400
        ("0000-01-01", False),
        ("20241213", False),
    ],
)
def test_the_schema_refuses_an_impossible_day_without_a_format_checker(
    published: str, accepted: bool
) -> None:
    document = il.to_dict(il.sample("gmp-child-protection-2024"))
    document["published"] = published
    # No format checker: "format": "date" is an annotation only, and the pattern does the work.
    validator = jsonschema.Draft202012Validator(il.json_schema())

    assert accepted == validator.is_valid(document)
    assert accepted == (not _refused_by_loader(document))


def _refused_by_loader(document: dict[str, Any]) -> bool:
    try:
        il.from_dict(document)
    except il.ValidationError:
        return True
    return False
