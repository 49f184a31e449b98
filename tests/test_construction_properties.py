"""Properties of building records, whatever they are given.

- No constructor input raises anything but inspectlib's documented errors: every field of every
  record class is fed values of every type (Hypothesis), and a value of a type the field does
  not declare is refused with a FieldTypeError naming that class and field.
- Any record that builds and validates is written and read back equal: documents through
  ``dumps``/``loads``, the records they hold through the same converter.
"""

# The wrong types are the point: a type checker refuses them too.
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import datetime
import enum
import functools
import math
import pathlib
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Union, get_args, get_origin

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
import public_api
import strategies
from inspectlib import deadlines, frameworks
from inspectlib._codec import Codec
from inspectlib._documents import KINDS
from inspectlib.scales import HMICFRS_FIVE_POINT, HMICFRS_FOUR_POINT

PROPERTY = settings(suppress_health_check=[HealthCheck.too_slow])

GOOD = HMICFRS_FIVE_POINT.parse("Good")
DAY = datetime.date(2024, 12, 13)
JUNE = il.PartialDate.of_month(2025, 6)
SOURCE = il.Source(url="https://example.org/report", title="Report", published=DAY)
GMP = il.Organisation(
    name="Greater Manchester Police",
    short_name="GMP",
    kind=il.OrganisationKind.POLICE_FORCE,
    identifiers=[il.Identifier(scheme="ons", value="E23000005")],
    extensions={"example:note": [1, "two"]},
)
HMICFRS = il.Organisation(
    name="HMICFRS", short_name="HMICFRS", kind=il.OrganisationKind.INSPECTORATE
)


def _examples() -> dict[type[Any], Any]:
    """One valid record of every record class, built through the public API."""
    area = il.GradedArea(
        key="leadership",
        topic="Leadership",
        judgment=GOOD,
        sources=[SOURCE],
        judged=il.PartialDate.of_month(2024, 11),
        report="https://example.org/leadership",
    )
    quantitative = il.QuantitativeEvidence(description="files", count=3, total=4, unit="files")
    qualitative = il.QualitativeEvidence(description="seen", sources=[SOURCE])
    finding = il.Finding(
        id="afi-1",
        kind=il.FindingKind.AREA_FOR_IMPROVEMENT,
        text="Do better.",
        areas=["leadership"],
        addressed_to=GMP,
        due=JUNE,
        evidence=[quantitative, qualitative],
    )
    related = il.RelatedReport(
        relation=il.Relation.FOLLOWS_UP,
        target="example/0",
        title="Old",
        date=il.PartialDate.of_year(2022),
        url="https://example.org/old",
    )
    update = il.FindingUpdate(
        inspection="example/0",
        finding="afi-9",
        status=il.FindingStatus.ADDRESSED,
        date=JUNE,
    )
    rule = deadlines.ALL[0]
    response = il.deadlines.Response(
        rule=rule.id, responder=GMP, published=DAY + datetime.timedelta(1)
    )
    inspection = il.Inspection(
        id="example/1",
        title="An inspection",
        inspectorate=HMICFRS,
        subjects=[GMP],
        published=DAY,
        scales=[HMICFRS_FIVE_POINT],
        fieldwork=il.Period(
            start=il.PartialDate.of_month(2024, 6), end=il.PartialDate.of_month(2024, 7)
        ),
        graded_areas=[area],
        overall=il.CarriedForward(from_inspection="example/0", grade=GOOD),
        findings=[finding],
        evidence=[qualitative],
        quotes=[il.Quote(speaker="An inspector", text="Well done.", sources=[SOURCE])],
        sources=[SOURCE],
        related=[related],
        responses=[response],
        finding_updates=[update],
        extensions={"example:flag": True},
        none_found=[il.FindingKind.CAUSE_OF_CONCERN],
        expectations=[
            il.commissions.Expectation(
                expected=il.PartialDate.of_month(2024, 12), announced=il.PartialDate.of_year(2024)
            )
        ],
    )
    expectation = il.commissions.Expectation(
        expected=JUNE, announced=il.PartialDate.of_month(2025, 1)
    )
    document = il.commissions.Publication(
        id="letter-1", title="Update letter", published=DAY, expectations=[expectation]
    )
    part = il.Part(
        number=1,
        title="Part one",
        status=il.commissions.PartStatus.PUBLISHED,
        scope=[1],
        expectations=[expectation],
        published=il.commissions.PublicationDate(date=datetime.date(2025, 7, 2), sources=[SOURCE]),
        deliverables=[
            il.commissions.Deliverable(
                kind=il.commissions.DeliverableKind.UPDATE_LETTER, document=document
            )
        ],
    )
    commission = il.CommissionedInspection(
        id="example/commission",
        title="A commissioned inspection",
        commissioner=il.commissions.Commissioner(organisation=GMP, capacity="local policing body"),
        legal_basis=il.commissions.LegalBasis(text="A power", citation="An Act s.1"),
        commissioned=il.PartialDate.of_month(2024, 11),
        lead=HMICFRS,
        subjects=[GMP],
        terms_of_reference=[il.commissions.Question(number=1, text="Is it good?", points=["a"])],
        parts=[
            part,
            il.Part(
                number=2,
                title="Part two",
                status=il.commissions.PartStatus.PUBLISHED,
                record="example/1",
            ),
        ],
        leads=[
            il.commissions.Role(
                organisation=GMP, since=il.PartialDate.of_month(2024, 11), until=DAY
            ),
            il.commissions.Role(
                organisation=HMICFRS, since=DAY + datetime.timedelta(1), sources=[SOURCE]
            ),
        ],
        expectations=[expectation],
    )
    inherited = il.Inherited(
        grade=GOOD,
        predecessor=il.Organisation(name="A predecessor", kind=il.OrganisationKind.OTHER),
        rated=il.PartialDate.of_year(2019),
        report="example/2019",
    )
    framework = frameworks.FHRS
    scale_area = il.frameworks.FrameworkArea(
        key="a", topic="A", non_grades=[il.judgments.NonGradeKind.UNGRADED]
    )
    before = attrs.evolve(inspection, id="example/0", published=datetime.date(2022, 1, 1))
    history = il.analysis.grade_history([before, inspection], "GMP", area="leadership")
    lateness = part.lateness(datetime.date(2025, 8, 1))
    found: list[Any] = [
        inspection,
        area,
        inspection.fieldwork,
        related,
        finding,
        quantitative,
        qualitative,
        GMP,
        GMP.identifiers[0],
        SOURCE,
        inspection.quotes[0],
        commission,
        commission.leads[1],
        inherited,
        commission.commissioner,
        commission.legal_basis,
        commission.terms_of_reference[0],
        part,
        expectation,
        part.published,
        document,
        part.deliverables[0],
        lateness,
        part.slippage()[0],
        il.commissions.Milestone(part=part, expected=JUNE),
        rule,
        response,
        inspection.deadlines()[0],
        update,
        il.analysis.timeline(inspection)[0],
        il.tables.tables([inspection]),
        history[1],
        il.analysis.diff(before, inspection),
        il.analysis.diff(before, inspection).changed[0],
        HMICFRS_FIVE_POINT,
        GOOD,
        il.judgments.UNGRADED,
        inspection.overall,
        framework,
        scale_area,
        frameworks.HMICFRS_PEEL_2021.comparability(frameworks.HMICFRS_PEEL_2014),
        il.frameworks.GradeMapping(
            source=HMICFRS_FOUR_POINT,
            target=HMICFRS_FIVE_POINT,
            pairs={
                "outstanding": "outstanding",
                "good": "good",
                "requires_improvement": "requires_improvement",
                "inadequate": "inadequate",
            },
            rationale="Same words.",
        ),
        framework.overall_rule,
        framework.overall_rule.bands[0],  # type: ignore[union-attr]
        JUNE,
        il.format.Limits(max_items=10),
        il.catalogue.BUILTIN,
        il.Problem(path="$.title", message="must not be blank"),
        il.tables.Dataset(
            pathlib.Path("corpus"), 2, (pathlib.Path("corpus/inspections/part-0.parquet"),)
        ),
    ]
    return {type(record): record for record in found}


EXAMPLES = _examples()
CLASSES = sorted(EXAMPLES, key=lambda cls: cls.__name__)
# Classes that check their fields otherwise (InvalidPartialDate, InvalidRecord, the catalogue's
# own FieldTypeError) or not at all (tables and problems, which only the library makes).
UNTYPED = (il.PartialDate, il.format.Limits, il.catalogue.Catalogue, il.Problem, il.tables.Tables)
TYPED = [cls for cls in CLASSES if cls not in UNTYPED]


def test_there_is_an_example_of_every_public_record_class() -> None:
    public = {
        value
        for value in public_api.public_objects()
        if isinstance(value, type) and attrs.has(value)
    }

    assert set() == public - set(EXAMPLES)


def _kwargs(record: Any) -> dict[str, Any]:
    fields = attrs.fields(type(record))
    found = {field.name: getattr(record, field.name) for field in fields if field.init}
    if type(record) is il.catalogue.Catalogue:  # built from sequences, held as mappings by id
        found = {name: tuple(value.values()) for name, value in found.items()}
    return found


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_example_rebuilds_from_its_fields(cls: type[Any]) -> None:
    example = EXAMPLES[cls]

    assert _kwargs(example) == _kwargs(cls(**_kwargs(example)))


# -- values of every type -----------------------------------------------------------------------


class _Text(str):
    pass


class _Number(enum.IntEnum):
    SEVEN = 7


class _Day(datetime.date):
    pass


class _Colour(enum.Enum):
    RED = "red"


def _others() -> st.SearchStrategy[Any]:
    """A record of any class, an enum member of any enumeration."""
    members = [
        member
        for cls in (il.FindingKind, il.OrganisationKind, il.Relation, _Colour)
        for member in cls
    ]
    return st.sampled_from(list(EXAMPLES.values())) | st.sampled_from(members)


@functools.cache
def any_value() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**64),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
        st.just(""),
        st.just("   "),
        st.binary(max_size=4),
        st.dates(),
        st.datetimes(),
        st.dates().map(lambda day: _Day(day.year, day.month, day.day)),
        st.text(min_size=1, max_size=6).filter(str.strip).map(_Text),
        st.just(_Number.SEVEN),
        st.just(object()),
        st.just(math.nan),
        _others(),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text(max_size=6), inner, max_size=2)
            | st.frozensets(st.integers(), max_size=2)
        ),
        max_leaves=4,
    )


def _value_for(data: st.DataObject, record: Any, field: attrs.Attribute[Any]) -> Any:
    """A value for *field*: anything at all, or the field's own value with a wrong item in it."""
    current = getattr(record, field.name)
    if type(current) is tuple and current and data.draw(st.booleans()):
        position = data.draw(st.integers(0, len(current)))
        items = list(current)
        items.insert(position, data.draw(any_value()))
        return items
    return data.draw(any_value())


# -- an oracle of what a declared type takes, independent of the library's own check -----------


def _takes(hint: Any, value: object, converts: bool = True) -> bool | None:
    """True if *hint* certainly takes *value*, False if it certainly does not, None if this
    simple reading cannot say (extension content, say). A tuple field takes other sequences
    only where it *converts* them."""
    if isinstance(hint, types.UnionType) or get_origin(hint) is Union:
        answers = [_takes(member, value, converts) for member in get_args(hint)]
        if True in answers:
            return True
        return False if all(answer is False for answer in answers) else None
    if hint is type(None):
        return value is None
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            return False
        if not converts and type(value) is not tuple:
            return False
        answers = [_takes(args[0], item) for item in value]
        if False in answers:
            return False
        return True if all(answers) else None
    if origin is il.format.FrozenDict:
        return None if isinstance(value, Mapping) else False
    if not isinstance(hint, type):
        return None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is datetime.date:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    return isinstance(value, hint)


DOCUMENTED = (il.InspectlibError,)


def _nested_round_trip(record: Any) -> Any:
    """*record* written to JSON and read back as a record held by a document would be."""
    converter = Codec.of(strategies.catalogue_for(record), KINDS.values()).converter(detailed=False)
    cls: Any = type(record)
    # Judgments and evidence are written tagged, as the unions that hold them.
    for union in (il.Judgment, il.Evidence):
        if cls in get_args(union):
            cls = union
    return converter.structure(orjson.loads(orjson.dumps(converter.unstructure(record, cls))), cls)


def _reachable_from_documents() -> set[type[Any]]:
    found: set[type[Any]] = set()

    def visit(hint: Any) -> None:
        for arg in get_args(hint):
            visit(arg)
        if isinstance(hint, type) and attrs.has(hint) and hint not in found:
            found.add(hint)
            for field_hint in typing.get_type_hints(hint).values():
                visit(field_hint)

    for kind in il.format.KINDS.values():
        visit(kind)
    return found


WRITTEN: set[type[Any]] = _reachable_from_documents() - {il.PartialDate}


def _name(cls: type[Any]) -> str:
    return cls.__name__


def _round_trips(record: Any) -> None:
    cls = type(record)
    if cls in il.format.KINDS.values():
        if cls in (il.Inspection, il.CommissionedInspection):
            catalogue = (
                strategies.catalogue_for(record) if cls is il.Inspection else il.catalogue.BUILTIN
            )
            if il.check(record, catalogue=catalogue):
                return
            text = il.dumps(record, catalogue=catalogue)
            assert record == il.loads(text, cls, catalogue=catalogue)
        else:
            catalogue = strategies.catalogue_for(record)
            assert record == il.loads(il.dumps(record), cls, catalogue=catalogue)
    elif cls in WRITTEN:
        assert record == _nested_round_trip(record)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@PROPERTY
@given(data=st.data())
def test_no_constructor_input_raises_anything_but_documented_errors(
    cls: type[Any], data: st.DataObject
) -> None:
    example = EXAMPLES[cls]
    fields = [field for field in attrs.fields(cls) if field.init]
    field = data.draw(st.sampled_from(fields), label="field")
    value = _value_for(data, example, field)
    kwargs = {**_kwargs(example), field.name: value}
    hint, converts = typing.get_type_hints(cls)[field.name], field.converter is not None
    refused: il.errors.FieldTypeError | None = None
    try:
        built = cls(**kwargs)
    except il.errors.FieldTypeError as error:
        refused = error
    except DOCUMENTED:
        return
    if refused is not None:
        assert cls in TYPED or cls is il.catalogue.Catalogue
        assert (cls.__name__, field.name) == (refused.record, refused.field)
        assert str(refused).startswith(f"{cls.__name__}.{field.name}")
        assert len(str(refused)) < 400
        assert _takes(hint, value, converts) is not True
    elif cls in TYPED:
        assert _takes(hint, value, converts) is not False
        _round_trips(built)


@pytest.mark.parametrize("cls", sorted(WRITTEN, key=_name), ids=_name)
def test_every_written_example_round_trips(cls: type[Any]) -> None:
    _round_trips(EXAMPLES[cls])


def test_the_round_trip_covers_every_record_a_document_holds() -> None:
    assert {il.Inspection, il.GradedArea, il.Grade, il.Part, il.Framework, il.Source} <= WRITTEN
    assert il.commissions.Lateness not in WRITTEN
