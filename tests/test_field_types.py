"""Records cannot be built with a value of the wrong type: the constructor, and attrs.evolve,
refuse it with a FieldTypeError that names the record, the field, what it takes and what it got.

The wrong types are the point here: a type checker refuses them too.
"""

# mypy: disable-error-code="arg-type, list-item"

from __future__ import annotations

import datetime
import enum
import pickle
import re
from typing import Any

import attrs
import pytest

import inspectlib as il
import public_api
from inspectlib._fast_records import is_eligible
from inspectlib._field_types import check_field_types, checked_fields
from inspectlib._fields import validators_of
from inspectlib.scales import HMICFRS_FIVE_POINT

GOOD = HMICFRS_FIVE_POINT.parse("Good")
GMP = il.Organisation(name="Greater Manchester Police", kind=il.OrganisationKind.POLICE_FORCE)
DAY = datetime.date(2024, 12, 13)


def inspection(**changes: Any) -> il.Inspection:
    fields: dict[str, Any] = {
        "id": "example/1",
        "title": "An inspection",
        "inspectorate": GMP,
        "subjects": [GMP],
        "published": DAY,
    }
    return il.Inspection(**{**fields, **changes})


def refusal(build: Any) -> str:
    with pytest.raises(il.errors.FieldTypeError) as raised:
        build()
    return str(raised.value)


# -- every record class takes part -----------------------------------------------------------

NOT_RECORDS = {
    # Values and helpers that check themselves: a partial date's parts (InvalidPartialDate),
    # limits (InvalidRecord), a catalogue (built from checked records), tables (made only by
    # tables()) and a problem (made only by validation).
    il.PartialDate,
    il.format.Limits,
    il.catalogue.Catalogue,
    il.tables.Tables,
    il.Problem,
}
RECORD_CLASSES = sorted(
    (
        value
        for value in public_api.public_objects()
        if isinstance(value, type) and attrs.has(value) and value not in NOT_RECORDS
    ),
    key=lambda cls: cls.__name__,
)


def test_the_record_classes_are_found() -> None:
    names = {cls.__name__ for cls in RECORD_CLASSES}

    assert {"Inspection", "GradedArea", "Grade", "NonGrade", "CommissionedInspection"} <= names
    assert len(RECORD_CLASSES) >= 35


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_every_record_checks_every_field_type(cls: type[Any]) -> None:
    first = next(field for field in attrs.fields(cls) if field.init)

    assert check_field_types in validators_of(first)
    assert [] == [name for name, checked in checked_fields(cls).items() if not checked]


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
def test_the_type_check_runs_before_every_other_validator(cls: type[Any]) -> None:
    first = next(field for field in attrs.fields(cls) if field.init)

    assert check_field_types is validators_of(first)[0]


def test_the_loader_fast_path_still_builds_the_records_it_built() -> None:
    # The type check is what the wire hooks already do: it must not send a record to __init__.
    for cls in (il.Inspection, il.GradedArea, il.Finding, il.Source, il.Organisation):
        assert is_eligible(cls), cls


# -- the rules, each with its exact message ---------------------------------------------------


def test_a_string_is_not_a_judgment() -> None:
    message = refusal(lambda: il.GradedArea(key="leadership", topic="Leadership", judgment="Good"))

    assert (
        "GradedArea.judgment: expected Grade, NonGrade, CarriedForward or Inherited, got str 'Good'"
        == (message)
    )


def test_a_number_is_not_text() -> None:
    assert "Inspection.title: expected str, got int 123" == refusal(lambda: inspection(title=123))


def test_an_optional_field_says_none_is_allowed() -> None:
    message = refusal(lambda: inspection(overall="Good"))

    assert (
        "Inspection.overall: expected Grade, NonGrade, CarriedForward, Inherited or None, got "
        "str 'Good'" == message
    )


def test_none_is_refused_where_the_field_is_not_optional() -> None:
    assert "Inspection.title: expected str, got None" == refusal(lambda: inspection(title=None))


def test_none_is_taken_where_the_field_is_optional() -> None:
    assert inspection(framework=None, overall=None).overall is None


def test_text_is_not_a_tuple_of_records() -> None:
    message = refusal(lambda: inspection(subjects="GMP"))

    assert "Inspection.subjects: expected a tuple or list of Organisation, got str 'GMP'" == message


def test_each_item_of_a_tuple_is_checked() -> None:
    message = refusal(lambda: inspection(subjects=[GMP, "GMP"]))

    assert "Inspection.subjects[1]: expected Organisation, got str 'GMP'" == message


def test_a_mapping_is_not_a_tuple_of_records() -> None:
    message = refusal(lambda: inspection(sources={"url": "https://example.org"}))

    assert (
        "Inspection.sources: expected a tuple or list of Source, got dict {'url': "
        "'https://example.org'}" == message
    )


def test_a_non_iterable_is_not_a_tuple() -> None:
    assert "Question.points: expected a tuple or list of str, got int 7" == refusal(
        lambda: il.commissions.Question(number=1, text="Is it good?", points=7)
    )


def test_lists_and_other_iterables_still_become_tuples() -> None:
    built = inspection(subjects=iter([GMP]), sources=[il.Source(title="Report")])

    assert (GMP,) == built.subjects
    assert type(built.sources) is tuple


def test_a_string_is_not_a_whole_number() -> None:
    message = refusal(lambda: il.QuantitativeEvidence(description="case files", count="12"))

    assert "QuantitativeEvidence.count: expected int, got str '12'" == message


@pytest.mark.parametrize("flag", [True, False])
def test_a_bool_is_not_a_whole_number(flag: bool) -> None:
    message = refusal(lambda: il.QuantitativeEvidence(description="case files", count=flag))

    assert f"QuantitativeEvidence.count: expected int, got bool {flag}" == message


def test_a_float_is_not_a_whole_number() -> None:
    message = refusal(lambda: il.QuantitativeEvidence(description="x", count=1, total=2.0))

    assert "QuantitativeEvidence.total: expected int or None, got float 2.0" == message


def test_a_datetime_is_not_a_day() -> None:
    assert issubclass(datetime.datetime, datetime.date)  # why the rule needs saying
    message = refusal(lambda: inspection(published=datetime.datetime(2024, 12, 13, 9, 30)))

    assert (
        "Inspection.published: expected datetime.date or PartialDate, got "
        "datetime.datetime(2024, 12, 13, 9, 30) (a datetime is not a date here: pass its .date())"
        == message
    )


def test_a_date_given_as_text_is_refused() -> None:
    message = refusal(
        lambda: il.deadlines.Response(rule="r", responder=GMP, published="2024-12-13")
    )

    assert "Response.published: expected datetime.date, got str '2024-12-13'" == message


def test_an_enum_value_is_not_its_member() -> None:
    message = refusal(lambda: il.Organisation(name="GMP", kind="police_force"))

    assert "Organisation.kind: expected OrganisationKind, got str 'police_force'" == message


def test_a_bool_field_takes_only_a_bool() -> None:
    message = refusal(lambda: il.frameworks.FrameworkArea(key="a", topic="A", required=1))

    assert "FrameworkArea.required: expected bool, got int 1" == message


def test_a_mapping_value_is_checked_by_key() -> None:
    message = refusal(
        lambda: il.GradingScale(id="x/y", name="X", labels=("A", "B"), aliases={"1": 1})
    )

    assert "GradingScale.aliases['1']: expected str, got int 1" == message


def test_a_mapping_key_is_checked() -> None:
    message = refusal(
        lambda: il.GradingScale(id="x/y", name="X", labels=("A", "B"), aliases={1: "A"})
    )

    assert "GradingScale.aliases: expected str keys, got int 1" == message


def test_text_is_not_a_list_of_labels() -> None:
    # tuple("Green, Amber, Red") would have made a scale of seventeen one-letter grades.
    message = refusal(lambda: il.GradingScale(id="x/y", name="X", labels="Green, Amber, Red"))

    assert "GradingScale.labels: expected a tuple or list of str, got str 'Green, Amber, Red'" == (
        message
    )


def test_extensions_must_be_a_mapping() -> None:
    message = refusal(lambda: il.Organisation(name="GMP", kind=GMP.kind, extensions=["a:b"]))

    assert (
        "Organisation.extensions: expected a mapping of namespaced keys to JSON values, got list "
        "['a:b']" == message
    )


def test_a_grade_rank_must_be_a_whole_number() -> None:
    message = refusal(lambda: il.Grade(HMICFRS_FIVE_POINT, "1"))

    assert "Grade.rank: expected int, got str '1'" == message


def test_a_non_grade_kind_must_be_a_kind() -> None:
    message = refusal(lambda: il.NonGrade("ungraded"))

    assert "NonGrade.kind: expected NonGradeKind, got str 'ungraded'" == message


def test_a_record_of_the_wrong_kind_is_refused() -> None:
    message = refusal(lambda: inspection(inspectorate=il.Identifier(scheme="ons", value="E1")))

    assert (
        "Inspection.inspectorate: expected Organisation, got Identifier(scheme='ons', "
        "value='E1')" == message
    )


# -- what was given is shown, briefly -------------------------------------------------------


def test_a_long_value_is_shown_cut_short() -> None:
    message = refusal(lambda: inspection(title=12 * 10**300))

    assert message.startswith("Inspection.title: expected str, got int ")
    assert len(message) < 120


def test_a_long_text_is_shown_cut_short() -> None:
    message = refusal(lambda: il.Organisation(name="GMP", kind="x" * 1_000_000))

    assert message.startswith("Organisation.kind: expected OrganisationKind, got str 'xxx")
    assert len(message) < 140


def test_a_big_list_is_shown_cut_short() -> None:
    message = refusal(lambda: il.commissions.Question(number=1, text="Q", points=[1] * 100_000))

    assert "Question.points[0]: expected str, got int 1" == message


class _Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


def test_a_value_whose_repr_fails_is_still_named() -> None:
    message = refusal(lambda: inspection(title=_Hostile()))

    assert re.fullmatch(
        r"Inspection\.title: expected str, got \S*\._Hostile <_Hostile instance at 0x[0-9a-f]+>",
        message,
    )


# -- subclasses, evolve, the error itself ------------------------------------------------------


class _Label(str):
    pass


class _Code(enum.IntEnum):
    TWELVE = 12


def test_subclasses_of_the_declared_type_are_taken() -> None:
    assert "An inspection" == inspection(title=_Label("An inspection")).title
    assert 12 == il.QuantitativeEvidence(description="x", count=_Code.TWELVE).count


def test_evolve_checks_types_too() -> None:
    built = inspection()

    with pytest.raises(il.errors.FieldTypeError) as raised:
        attrs.evolve(built, published=datetime.datetime(2025, 1, 1))
    assert "Inspection.published" == f"{raised.value.record}.{raised.value.field}"
    with pytest.raises(il.errors.FieldTypeError, match=r"^Inspection\.graded_areas\[0\]: expected"):
        attrs.evolve(built, graded_areas=["leadership"])


def test_the_error_is_an_invalid_record_and_a_type_error() -> None:
    with pytest.raises(il.errors.FieldTypeError) as raised:
        inspection(title=1)
    error = raised.value

    assert isinstance(error, il.InvalidRecord)
    assert isinstance(error, il.InspectlibError)
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)
    assert ("Inspection", "title", (), "str", "int 1") == (
        error.record,
        error.field,
        error.at,
        error.expected,
        error.given,
    )
    assert "expected str, got int 1" == error.reason


def test_the_error_survives_pickling() -> None:
    with pytest.raises(il.errors.FieldTypeError) as raised:
        inspection(subjects=[GMP, 3])
    error = raised.value
    copy = pickle.loads(pickle.dumps(error))

    assert str(error) == str(copy)
    assert (1,) == copy.at


def test_the_check_runs_before_the_other_validators() -> None:
    # not_empty would pass a non-empty string; the type check refuses it first.
    assert refusal(lambda: inspection(subjects="x")).startswith("Inspection.subjects: expected")
    # A framework's duplicate-key validator would fail on items that are not areas.
    message = refusal(
        lambda: il.Framework(
            id="a/b/1",
            programme="a/b",
            name="AB",
            inspectorate="A",
            scales=[HMICFRS_FIVE_POINT],
            valid_from=None,
            areas=["leadership"],
        )
    )
    assert "Framework.areas[0]: expected FrameworkArea, got str 'leadership'" == message


def test_a_subclass_of_a_record_checks_its_own_fields_too() -> None:
    @attrs.frozen(kw_only=True)
    class TaggedSource(il.Source):
        tag: int = 0

    assert 3 == TaggedSource(title="Report", tag=3).tag
    assert "TaggedSource.tag: expected int, got str '3'" == refusal(
        lambda: TaggedSource(title="Report", tag="3")
    )


# -- records changed behind their constructor's back -------------------------------------------


def smuggle(record: Any, field: str, value: object) -> Any:
    """Set *field* as no constructor would allow: what validation and writing must survive."""
    object.__setattr__(record, field, value)
    return record


def graded(judgment: Any) -> il.Inspection:
    area = il.GradedArea(key="leadership", topic="Leadership", judgment=GOOD)
    built = inspection(scales=[HMICFRS_FIVE_POINT], graded_areas=[area])
    smuggle(area, "judgment", judgment)
    return built


def test_a_rule_that_meets_a_wrong_type_reports_the_field_instead() -> None:
    finding = il.Finding(
        id="f",
        kind=il.FindingKind.STRENGTH,
        text="t",
        evidence=[il.QuantitativeEvidence(description="files", count=1, total=2)],
    )
    smuggle(finding.evidence[0], "count", "12")
    built = inspection(findings=[finding])

    assert (
        il.Problem("$.findings[0].evidence[0].count", "expected int, got str '12'"),
    ) == il.check(built)
    with pytest.raises(il.ValidationError) as raised:
        il.validate(built)
    assert (
        "Inspection 'example/1' is invalid: 1 problem\n"
        "  $.findings[0].evidence[0].count: expected int, got str '12'" == str(raised.value)
    )


def test_every_wrong_field_is_reported_once_a_rule_fails() -> None:
    end = il.PartialDate.of_day(2024, 11, 1)
    built = inspection(fieldwork=il.Period(start=il.PartialDate.of_year(2024), end=end))
    smuggle(built.fieldwork, "end", "2024")
    smuggle(built, "subjects", "GMP")

    assert (
        il.Problem("$.subjects", "expected a tuple or list of Organisation, got str 'GMP'"),
        il.Problem("$.fieldwork.end", "expected datetime.date or PartialDate, got str '2024'"),
    ) == il.check(built)


def test_writing_a_wrong_type_is_refused_with_its_path() -> None:
    built = graded("Good")

    for write in (il.dumps, lambda record: il.dumps(record, validate=False)):
        with pytest.raises(il.ValidationError) as raised:
            write(built)
        assert (
            "Inspection 'example/1' is invalid: 1 problem\n"
            "  $.graded_areas[0].judgment: expected Grade, NonGrade, CarriedForward or "
            "Inherited, got str 'Good'" == str(raised.value)
        )


def test_a_value_json_cannot_carry_is_named_by_its_type() -> None:
    built = smuggle(inspection(), "title", object())

    with pytest.raises(il.ValidationError) as raised:
        il.dumps(built)
    assert re.fullmatch(
        r"Inspection 'example/1' is invalid: 1 problem\n"
        r"  \$\.title: expected str, got object <object object at 0x[0-9a-f]+>",
        str(raised.value),
    )


def test_a_failure_that_is_no_wrong_type_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspectlib import _validation

    def broken(record: object, catalogue: object) -> Any:
        raise RuntimeError("a bug in a rule")
        yield

    monkeypatch.setitem(_validation._RULES, il.Inspection, broken)
    with pytest.raises(RuntimeError, match="a bug in a rule"):
        il.check(inspection())


def test_check_refuses_what_is_not_a_record_with_rules() -> None:
    with pytest.raises(TypeError, match=r"^inspectlib has no validation rules for str$"):
        il.check("an inspection")


def test_a_catalogue_refuses_what_is_not_its_records() -> None:
    assert "Catalogue.scales: expected a tuple or list of GradingScale, got str 'x/y'" == refusal(
        lambda: il.catalogue.Catalogue(scales="x/y")
    )
    assert "Catalogue.frameworks[0]: expected Framework, got str 'a/b/1'" == refusal(
        lambda: il.catalogue.Catalogue(scales=[HMICFRS_FIVE_POINT], frameworks=["a/b/1"])
    )
