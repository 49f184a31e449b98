"""What loads and validates also writes, shows and tabulates; what cannot is refused when read.

A document that the loader accepts must never break a later step: ``dumps``, ``tables()``,
``deadlines()``, ``inspectlib show``. Each case here was accepted once and then broke.
"""

from __future__ import annotations

import datetime
import io
import json
import pathlib
import warnings
from typing import Any

import pytest

import inspectlib as il
from inspectlib._cli import main

CORPUS = pathlib.Path(__file__).parent / "corpus" / "valid"
SMALL: dict[str, Any] = json.loads((CORPUS / "small-inspection.json").read_text())
GMP: dict[str, Any] = json.loads((CORPUS / "gmp-child-protection-2024.json").read_text())


def changed(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(document)), **changes}


def problems_of(text: str | bytes, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(il.ValidationError) as caught:
        il.loads(text, **options)
    return [(problem.path, problem.message) for problem in caught.value.problems]


# -- null where the field's type allows none ---------------------------------------------------


def test_a_null_piece_of_evidence_is_refused_where_it_stands() -> None:
    text = json.dumps(changed(SMALL, evidence=[None]))

    assert [("$.evidence[0]", "expected an object, got null")] == problems_of(text)


def test_a_null_judgment_of_a_graded_area_is_refused() -> None:
    document = changed(SMALL)
    document["graded_areas"][0]["judgment"] = None

    assert [("$.graded_areas[0].judgment", "expected an object, got null")] == problems_of(
        json.dumps(document)
    )


def test_a_null_overall_judgment_is_no_overall_judgment() -> None:
    # The overall judgment is optional: null is its default, and it is written by leaving it out.
    inspection = il.loads(json.dumps(changed(SMALL, overall=None)), il.Inspection)

    assert inspection.overall is None
    assert '"overall"' not in il.dumps(inspection)


def test_a_null_in_an_array_of_findings_is_refused() -> None:
    text = json.dumps(changed(SMALL, findings=[None]))

    assert [("$.findings[0]", "expected an object, got null")] == problems_of(text)


# -- keys a nested object does not have --------------------------------------------------------


def test_a_type_inside_a_carried_forward_grade_is_an_unknown_field() -> None:
    document = changed(SMALL)
    document["graded_areas"][0]["judgment"] = {
        "type": "carried_forward",
        "from_inspection": "example/earlier",
        "grade": {"type": "grade", "scale": "hmicfrs/five-point", "grade": "good"},
    }

    assert [("$.graded_areas[0].judgment.grade.type", "unknown field")] == problems_of(
        json.dumps(document)
    )


def test_a_carried_forward_grade_without_a_type_loads_and_round_trips() -> None:
    document = changed(SMALL)
    document["graded_areas"][0]["judgment"] = {
        "type": "carried_forward",
        "from_inspection": "example/earlier",
        "grade": {"scale": "hmicfrs/five-point", "grade": "good"},
    }

    inspection = il.loads(json.dumps(document), il.Inspection)

    assert inspection == il.loads(il.dumps(inspection))


# -- dates at the end of the calendar ----------------------------------------------------------


def test_a_report_whose_response_would_be_due_beyond_the_calendar_is_refused() -> None:
    document = changed(GMP, published="9999-12-31")
    document.pop("responses", None)

    found = problems_of(json.dumps(document))

    assert (
        "$.published",
        "a response under 'police-act-1996/s55' to a report published 9999-12-31 would be due "
        "after 9999-12-31, the last day the calendar holds",
    ) in found


def test_a_report_published_early_enough_still_has_its_deadlines() -> None:
    document = changed(GMP, published="9999-10-01")
    document.pop("responses", None)

    inspection = il.loads(json.dumps(document), il.Inspection)

    assert all(deadline.latest_due.year == 9999 for deadline in inspection.deadlines())


def test_a_deadline_beyond_the_calendar_from_a_rule_of_ones_own_says_so() -> None:
    rule = il.deadlines.ResponseRule(
        id="x/late",
        name="Respond",
        days=100,
        counting=il.deadlines.Counting.AFTER_PUBLICATION,
        responder="someone",
    )

    with pytest.raises(
        OverflowError,
        match=r"^a response under 'x/late' to a report published 9999-12-01 would be due after "
        r"9999-12-31, the last day the calendar holds$",
    ):
        rule.due(datetime.date(9999, 12, 1))


def test_show_of_a_report_at_the_end_of_the_calendar_prints_no_traceback(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = changed(GMP, published="9999-12-31")
    path = tmp_path / "late.json"
    path.write_text(json.dumps(document))

    assert 1 == main(["show", str(path)])
    printed = capsys.readouterr()
    assert "" == printed.out
    assert "$.published: a response under 'police-act-1996/s55'" in printed.err
    assert "Traceback" not in printed.err


# -- text that is not Unicode, and bytes that are not UTF-8 ------------------------------------


def test_a_lone_surrogate_in_a_python_string_is_a_located_validation_error() -> None:
    text = json.dumps(SMALL).replace("A small inspection", "A small \ud800 inspection")

    [(path, message)] = problems_of(text)

    offset = text.index("\ud800")
    assert "$" == path
    assert (
        f"the text is not valid Unicode: a lone surrogate (U+D800) at character {offset:,} "
        "(line 1); only pairs of surrogates stand for a character"
    ) == message


def test_a_lone_surrogate_on_one_json_lines_line_spoils_only_that_line() -> None:
    good = json.dumps(SMALL)
    bad = good.replace("small", "sm\udfffall")
    stream = io.StringIO(f"{good}\n{bad}\n{good}\n")
    errors: list[il.ValidationError] = []

    records = list(il.load_lines(stream, errors=errors))

    assert 2 == len(records)
    assert [(2, "$")] == [(p.line, p.path) for error in errors for p in error.problems]
    assert "lone surrogate (U+DFFF)" in errors[0].problems[0].message


@pytest.mark.parametrize(
    ("bad", "what"),
    [
        (b"\xff", "byte 0xFF cannot begin a character"),
        (b"\xc0\xaf", "byte 0xC0 cannot begin a character"),
        (b"\xed\xa0\x80", "byte 0xED begins a sequence that is not a character"),
        (b"\xe2\x82", "byte 0xE2 begins a sequence that is not a character"),
        (b"\xf4\x90\x80\x80", "byte 0xF4 begins a sequence that is not a character"),
    ],
)
def test_invalid_utf_8_is_described_with_its_byte_offset(bad: bytes, what: str) -> None:
    data = json.dumps(SMALL, indent=1).encode().replace(b"A small", b"A " + bad + b" small")
    offset = data.index(bad)
    line = data[:offset].count(b"\n") + 1

    assert [
        ("$", f"the document is not valid UTF-8: at byte {offset:,} (line {line}), {what}")
    ] == problems_of(data)


def test_invalid_utf_8_cut_off_at_the_end_says_so() -> None:
    data = json.dumps(SMALL).encode()[:-1] + b"\xe2\x82"

    [(_, message)] = problems_of(data)

    assert message.startswith(f"the document is not valid UTF-8: at byte {len(data) - 2:,}")
    assert message.endswith("the text ends in the middle of a character")


# -- newer minor versions ----------------------------------------------------------------------


MAJOR, MINOR = il.format.FORMAT_VERSION.split(".")
NEWER = f"{MAJOR}.{int(MINOR) + 1}"


def newer_with_new_fields(items: int) -> dict[str, Any]:
    document = changed(SMALL, inspectlib=NEWER)
    area = document["graded_areas"][0]
    document["graded_areas"] = [
        {**area, "key": f"k{i}", "trend": "improving"} for i in range(items)
    ]
    document["findings"] = []
    return document


@pytest.mark.parametrize("items", [99, 100, 5_000])
def test_a_newer_minor_version_with_many_new_fields_is_read_with_a_warning(items: int) -> None:
    with pytest.warns(il.errors.FormatVersionWarning) as caught:
        inspection = il.loads(json.dumps(newer_with_new_fields(items)), il.Inspection)

    assert items == len(inspection.graded_areas)
    dropped = [str(w.message) for w in caught if "were dropped" in str(w.message)]
    assert len(dropped) == 1
    more = f" and {items - 5:,} more" if items > 5 else ""
    assert dropped[0].endswith(
        "fields of a newer format version were dropped: $.graded_areas[0].trend, "
        "$.graded_areas[1].trend, $.graded_areas[2].trend, $.graded_areas[3].trend, "
        f"$.graded_areas[4].trend{more}"
    )


def test_a_newer_minor_version_still_reports_real_problems_not_its_new_fields() -> None:
    document = newer_with_new_fields(150)
    document["graded_areas"][120]["topic"] = 7

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", il.errors.FormatVersionWarning)
        assert [("$.graded_areas[120].topic", "expected a string, got number 7")] == problems_of(
            json.dumps(document)
        )


def test_reading_a_newer_minor_version_leaves_the_callers_dict_as_it_was() -> None:
    document = newer_with_new_fields(3)
    before = json.dumps(document)

    with pytest.warns(il.errors.FormatVersionWarning):
        il.from_dict(document)

    assert before == json.dumps(document)
