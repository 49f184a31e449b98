"""The fast path and the detailed pass accept, reject and build exactly the same.

Loading tries a fast path first (records built without ``__init__``, stopping at the first
problem) and falls back to cattrs' detailed pass to report every problem. If the two ever
disagreed, a document could load that should not, or the other way round: these tests hold them
to the same answers on every corpus document and on random mutations of valid ones.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
import pathlib
import sys
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inspectlib as il
from inspectlib._codec import Codec
from inspectlib._converter import make_converter
from inspectlib._documents import KINDS
from inspectlib._fast_records import (
    ALLOWED,
    FastPathError,
    _made,
    _twin,
    assembler,
    can_build,
    fast_record_hook,
    is_eligible,
)
from inspectlib._fields import not_blank, not_empty, to_tuple
from inspectlib._known_hooks import (
    ITEMS_OF_TUPLE,
    READ_IN_PLACE,
    READER_BY_TAG,
    READER_OF_MEMBER,
)
from inspectlib._wire_types import _KEPT_A_KIND, InPlace, WireError, _remembering
from inspectlib.catalogue import BUILTIN

CORPUS = pathlib.Path(__file__).parent / "corpus"
VALID = [json.loads(path.read_text()) for path in sorted((CORPUS / "valid").glob("*.json"))]
INVALID = []
for path in sorted((CORPUS / "invalid").glob("*.json")):
    with contextlib.suppress(json.JSONDecodeError):  # not JSON: neither path ever sees it
        INVALID.append(json.loads(path.read_text()))


def outcome(converter: Any, document: Any) -> tuple[str, Any]:
    """("ok", record) or ("error", None) for one converter."""
    if type(document) is not dict or document.get("kind") not in KINDS:
        return ("skip", None)
    body = {k: v for k, v in document.items() if k not in ("inspectlib", "kind")}
    try:
        return ("ok", converter.structure(body, KINDS[document["kind"]]))
    except Exception:  # any failure is a refusal; saying which is the detailed pass's job
        return ("error", None)


def builtin_converter(*, detailed: bool) -> cattrs.Converter:
    """The loader's converter of the built-in catalogue, fast or detailed."""
    return Codec.of(il.catalogue.BUILTIN, KINDS.values()).converter(detailed=detailed)


def assert_same(document: Any) -> None:
    fast = outcome(builtin_converter(detailed=False), document)
    detailed = outcome(builtin_converter(detailed=True), document)
    assert detailed == fast


def test_both_paths_agree_on_the_corpus() -> None:
    assert VALID
    assert len(INVALID) > 30
    for document in [*VALID, *INVALID]:
        assert_same(document)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a decoded document."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*prefix, index))
    return found


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 100)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "good", "2024-13", "2025-06", "ungraded", "x:y", "grade"]),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.sampled_from(["type", "key", "x"]), inner, max_size=2)
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None)
@given(
    document=st.sampled_from(VALID),
    choice=st.integers(min_value=0),
    replacement=JSON_VALUES,
    delete=st.booleans(),
)
def test_both_paths_agree_on_mutated_documents(
    document: dict[str, Any], choice: int, replacement: Any, delete: bool
) -> None:
    mutated = copy.deepcopy(document)
    paths = [path for path in paths_of(mutated) if path[0] not in ("inspectlib", "kind")]
    *parents, last = paths[choice % len(paths)]
    node: Any = mutated
    for step in parents:
        node = node[step]
    if delete:
        del node[last]
    else:
        node[last] = replacement

    assert_same(mutated)


# -- the fence: which classes, and the same answers as __init__ on any attrs class it builds ---


def test_only_the_allowed_records_are_built_without_their_init() -> None:
    assert all(can_build(cls) for cls in ALLOWED)
    assert is_eligible(il.Inspection)

    @attrs.frozen
    class Yours:
        name: str

    assert can_build(Yours)
    assert not is_eligible(Yours)  # not written for it: built through __init__


def test_every_allowed_record_is_made_as_its_twin() -> None:
    # Its slots set in place, then its class assigned (CPython 3.11 refuses that where a weak
    # reference slot follows the fields: the records take none).
    for cls in ALLOWED:
        twin = _twin(cls)
        assert twin is not None, cls
        assert twin.__slots__ == cls.__slots__
        made: Any = object.__new__(twin)
        made.__class__ = cls
        assert type(made) is cls
        names: dict[str, Any] = {}
        assert _made(cls, names)[0] == "    self = _new(_twin)"
        assert names == {"_twin": names["_twin"]}  # no descriptor's __set__ is called


def test_a_class_whose_base_sets_attributes_its_own_way_is_built_through_descriptors() -> None:
    class Noting:
        __slots__ = ()

        def __setattr__(self, name: str, value: Any) -> None:
            raise AssertionError("a twin would run this for each slot")

    @attrs.frozen(weakref_slot=False)
    class Noted(Noting):
        name: str

    assert _twin(Noted) is None
    hooks = {"name": lambda value, _: value}
    assert fast_record_hook(Noted, hooks)({"name": "x"}, Noted) == Noted(name="x")


def _records_in(value: Any) -> Iterator[Any]:
    """Every attrs record in *value*, itself included, through fields and tuples."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _records_in(getattr(value, field.name))
    elif type(value) is tuple:
        for item in value:
            yield from _records_in(item)


BUILT_FAST = [document for document in VALID if KINDS[document["kind"]] in ALLOWED]


@pytest.mark.parametrize("document", BUILT_FAST, ids=lambda document: str(document.get("id")))
def test_a_loaded_record_is_its_class_through_and_through(document: dict[str, Any]) -> None:
    built = list(_records_in(il.loads(json.dumps(document))))

    assert len(built) > 1
    for record in built:
        cls = type(record)
        assert getattr(sys.modules[cls.__module__], cls.__qualname__) is cls  # no twin left
        # Rebuilt through __init__ from its own fields, it is equal: the same class and values.
        assert record == attrs.evolve(record)
        if cls in ALLOWED and attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, attrs.fields(cls)[0].name, None)


def test_a_class_with_a_cached_hash_is_refused() -> None:
    # Its hash lives in a slot only __init__ clears: built without it, hash() would fail.
    @attrs.frozen(cache_hash=True)
    class Cached:
        name: str

    assert not can_build(Cached)


def test_a_hook_registered_for_text_is_the_one_used() -> None:
    converter = make_converter(BUILTIN.scales, detailed_validation=False)
    converter.register_structure_hook(str, lambda value, _: value.upper())

    source = converter.structure({"title": "annual report"}, il.Source)

    assert source == il.Source(title="ANNUAL REPORT")


FIELD_TYPES: dict[str, Any] = {
    "text": str,
    "number": int,
    "optional text": str | None,
    "optional number": int | None,
    "texts": tuple[str, ...],
    "flag": bool,
    "kind": il.FindingKind,
    "partial date": il.PartialDate,
    "optional partial date": il.PartialDate | None,
    "stated date": il.StatedDate,
    "optional stated date": il.StatedDate | None,
    "identifiers": tuple[il.Identifier, ...],
    "kinds": tuple[il.FindingKind, ...],
    "partial dates": tuple[il.PartialDate, ...],
    "evidence": tuple[il.Evidence, ...],
    "optional texts": tuple[str | None, ...],
    "day": datetime.date,
    "judgment": il.Judgment,
    "optional judgment": il.Judgment | None,
}


def _generated_class(specs: list[tuple[str, bool, bool]], weakref_slot: bool = True) -> type[Any]:
    """An attrs class of the given (type, has a default, checked) fields, as records declare
    theirs: frozen, slotted, with the project's validators and converters, and taking weak
    references or not (the records a document holds do not)."""
    fields: dict[str, Any] = {}
    for index, (kind, defaulted, checked) in enumerate(specs):
        hint = FIELD_TYPES[kind]
        options: dict[str, Any] = {"type": hint}
        if defaulted:
            options["default"] = DEFAULTS.get(kind, None if "optional" in kind else 0)
        if typing.get_origin(hint) is tuple:
            options["converter"] = to_tuple
        if checked and kind in ("text", "optional text"):
            options["validator"] = not_blank
        if checked and kind == "texts":
            options["validator"] = not_empty
        if checked and kind == "optional number":
            options["validator"] = attrs.validators.optional(attrs.validators.ge(0))
        if checked and kind == "number":
            options["validator"] = attrs.validators.ge(0)
        fields[f"f{index}"] = attrs.field(**options)
    return attrs.make_class(
        "Generated", fields, frozen=True, slots=True, kw_only=True, weakref_slot=weakref_slot
    )


DEFAULTS: dict[str, Any] = {
    "text": "x",
    "texts": (),
    "identifiers": (),
    "kinds": (),
    "partial dates": (),
    "evidence": (),
    "optional texts": (),
    "optional number": 1,
    "flag": False,
    "kind": il.FindingKind.STRENGTH,
    "partial date": il.PartialDate.parse("2024-06"),
    "stated date": il.PartialDate.parse("2024-06"),
    "day": datetime.date(2024, 6, 1),
    "judgment": il.judgments.UNGRADED,
}

WIRE_VALUES = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.sampled_from(["", " ", "text", "\t", "\u2003", "\u00a0x"]),
    st.sampled_from(["strength", "recommendation", "Strength", "2024-06", "2024-06-31"]),
    st.sampled_from(["2024-12-13", "2018-spring", "../2023", "2024-13"]),
    st.lists(st.sampled_from(["", "a", "b"]), max_size=3),
    st.lists(st.sampled_from(["a", None]), max_size=3),
    st.lists(st.sampled_from(["strength", "recommendation", "2024-06", "2024-13", 1]), max_size=3),
    st.lists(
        st.sampled_from([{"scheme": "urn", "value": "1"}, {"scheme": "urn"}, "x", []]), max_size=3
    ),
    st.sampled_from(
        [
            {"type": "grade", "scale": "hmicfrs/five-point", "grade": "good"},
            {"type": "grade", "scale": "hmicfrs/five-point", "grade": "goood"},
            {"type": "grade", "scale": "hmicfrs/five-point"},
            {"type": "ungraded"},
            {"type": "ungraded", "grade": "good"},
            {"type": "carried_forward", "grade": {"scale": "hmicfrs/five-point", "grade": "good"}},
            {"type": "inherited", "grade": {"scale": "x", "grade": "good"}},
            {"type": "graded"},
            {"scale": "hmicfrs/five-point", "grade": "good"},
        ]
    ),
    st.sampled_from(["2024-02-29", "2023-02-29", "20241213"]),
    st.lists(
        st.sampled_from(
            [
                {"type": "qualitative", "description": "d"},
                {"type": "quantitative", "description": "d", "count": 1},
                {"type": "qualitative", "description": "d", "count": 1},
                {"type": "x", "description": "d"},
                {"type": ["qualitative"], "description": "d"},
                {"description": "d"},
                "qualitative",
            ]
        ),
        max_size=3,
    ),
    st.booleans(),
)


class _Tag(str):
    """Equal to its text, and so found by it in a mapping: not a JSON string all the same."""


@settings(max_examples=200, deadline=None)
@given(
    specs=st.lists(
        st.tuples(st.sampled_from(list(FIELD_TYPES)), st.booleans(), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    data=st.data(),
)
def test_a_generated_record_is_built_as_its_init_builds_it(
    specs: list[tuple[str, bool, bool]], data: st.DataObject
) -> None:
    weak = data.draw(st.booleans())
    cls = _generated_class(specs, weakref_slot=weak)
    # Made as a plain twin whose class is then assigned, where CPython allows it: always
    # without a weak reference slot, never with one on 3.11.
    if not weak:
        assert _twin(cls) is not None
    elif sys.version_info < (3, 12):
        assert _twin(cls) is None
    # Two items at most, so that arrays of none, one and two are read, and three refused.
    limits = il.format.Limits(max_items=2)
    converter = make_converter(BUILTIN.scales, detailed_validation=False, limits=limits)
    hints = typing.get_type_hints(cls)
    hooks = {name: converter.get_structure_hook(hint) for name, hint in hints.items()}
    names = list(hints)
    given = data.draw(
        st.dictionaries(st.sampled_from([*names, "unknown"]), WIRE_VALUES, max_size=len(names) + 1)
    )
    tag = data.draw(st.sampled_from(["t", _Tag("t"), 1, None]))
    assert can_build(cls)

    def through_init() -> Any:
        if not set(given) <= set(names):
            raise ValueError("unknown key")
        return cls(**{name: hooks[name](value, hints[name]) for name, value in given.items()})

    expected = outcome_of(through_init)
    built = outcome_of(lambda: fast_record_hook(cls, hooks)(given, cls))
    # Values tested and read in place (text, numbers, enumerations, dates, tuples, tagged
    # unions), as the loader builds records.
    known = {"members": READER_OF_MEMBER, "items": ITEMS_OF_TUPLE, "unions": READER_BY_TAG}
    tested = outcome_of(
        lambda: fast_record_hook(cls, hooks, READ_IN_PLACE, **known)(given, cls)  # type: ignore[arg-type]
    )
    # A member of a tagged union, its object read with the tag in it: exactly text, or refused.
    with_tag = given if tag is None else {**given, "type": tag}
    tagged = outcome_of(
        lambda: fast_record_hook(cls, hooks, READ_IN_PLACE, tag="type", **known)(  # type: ignore[arg-type]
            with_tag, cls
        )
    )

    assert built == tested == expected
    assert tagged == (expected if type(tag) is str else ("error", None))
    if built[0] == "ok":
        assert hash(built[1]) == hash(tested[1]) == hash(expected[1])
    if tagged[0] == "ok":
        assert hash(tagged[1]) == hash(expected[1])


def test_a_tuple_of_optional_text_keeps_its_nulls_on_the_fast_path() -> None:
    # Its items are tested in place as text or null; only a tuple of text is shared.
    cls = _generated_class([("optional texts", False, False)])
    converter = make_converter(BUILTIN.scales, detailed_validation=False)
    hooks = {"f0": converter.get_structure_hook(tuple[str | None, ...])}
    known = {"members": READER_OF_MEMBER, "items": ITEMS_OF_TUPLE, "unions": READER_BY_TAG}

    built = fast_record_hook(cls, hooks, READ_IN_PLACE, **known)({"f0": ["a", None]}, cls)  # type: ignore[arg-type]

    assert built == cls(f0=("a", None))


def test_a_tag_cannot_be_a_field() -> None:
    @attrs.frozen
    class Tagged:
        type: str

    with pytest.raises(ValueError, match="Tagged has a field 'type': it cannot be a tag"):
        fast_record_hook(Tagged, {"type": lambda value, _: value}, tag="type")


@pytest.mark.parametrize(
    "judgment",
    [
        {"type": _Tag("grade"), "scale": "hmicfrs/five-point", "grade": "good"},
        {"type": _Tag("ungraded")},
        {"type": _Tag("carried_forward")},
    ],
)
def test_a_judgment_found_by_its_tag_refuses_a_tag_that_is_not_text(
    judgment: dict[str, Any],
) -> None:
    # The area's reader finds the judgment's member by its tag, which a str subclass passes.
    converter = builtin_converter(detailed=False)
    area = {"key": "leadership", "topic": "Leadership", "judgment": judgment}
    plain = {**area, "judgment": {**judgment, "type": str(judgment["type"])}}

    assert converter.structure(plain, il.GradedArea).key == "leadership"
    with pytest.raises(WireError, match=r"^expected a string, got _Tag$"):
        converter.structure(area, il.GradedArea)


@pytest.mark.parametrize(
    ("judgment", "message"),
    [
        (
            {"type": "grade", "scale": _Tag("hmicfrs/five-point"), "grade": "good"},
            r"^expected a string, got _Tag$",
        ),
        (
            {"type": "grade", "scale": "hmicfrs/five-point", "grade": _Tag("good")},
            r"^expected a string, got _Tag$",
        ),
        (
            {"type": "grade", "scale": "hmicfrs/five-pint", "grade": "good"},
            r"^no grading scale 'hmicfrs/five-pint' in the catalogue",
        ),
        (
            {"type": "grade", "scale": "hmicfrs/five-point", "grade": "goood"},
            r"^'goood' is not a grade of scale 'hmicfrs/five-point'",
        ),
        (
            {"type": "grade", "scale": ["hmicfrs/five-point"], "grade": "good"},
            r"^expected a string, got array$",
        ),
    ],
)
def test_a_grade_not_found_at_once_is_read_with_every_check(
    judgment: dict[str, Any], message: str
) -> None:
    # A valid grade is two look-ups; a text that only equals a key, or no key, is refused.
    converter = builtin_converter(detailed=False)
    area = {"key": "leadership", "topic": "Leadership", "judgment": judgment}

    with pytest.raises(WireError, match=message):
        converter.structure(area, il.GradedArea)


@pytest.mark.parametrize(
    ("extra", "read"),
    [
        ({}, True),
        ({"due": "2025-06"}, True),
        ({"bogus": 1}, False),  # each optional field looked for, none found: never accounted for
        ({"due": "2025-06", "bogus": 1}, False),
        ({"areas": [], "sources": [], "extensions": {}, "bogus": 1}, False),
    ],
)
def test_every_key_of_an_object_is_a_field_whether_or_not_its_optional_fields_are_read(
    extra: dict[str, Any], read: bool
) -> None:
    converter = builtin_converter(detailed=False)
    finding = {"id": "f-1", "kind": "strength", "text": "Good.", **extra}

    if read:
        built = converter.structure(finding, il.Finding)
        assert built.due == (il.PartialDate.parse("2025-06") if "due" in extra else None)
    else:
        with pytest.raises(FastPathError):  # the detailed pass then says what and where
            converter.structure(finding, il.Finding)


def test_the_tag_is_read_by_the_union_alone() -> None:
    converter = builtin_converter(detailed=False)
    evidence = {"type": "qualitative", "description": "No rationale"}
    union: Any = il.Evidence

    assert converter.structure(evidence, union) == il.QualitativeEvidence(
        description="No rationale"
    )
    with pytest.raises(ValueError):  # the fast pass stops; the detailed pass says why
        converter.structure({"description": "No rationale", "type": "x"}, union)
    with pytest.raises(ValueError):  # read alone, the member takes no tag
        converter.structure(evidence, il.QualitativeEvidence)


@pytest.mark.parametrize(
    ("value", "kind", "tagged"),
    [
        ({"type": "qualitative", "description": "Call logs"}, il.Finding, "evidence"),
        (
            {"type": "grade", "scale": "hmicfrs/five-point", "grade": "good"},
            il.GradedArea,
            "judgment",
        ),
    ],
    ids=["evidence", "judgment"],
)
def test_a_tag_is_exactly_text_on_both_passes(
    value: dict[str, Any], kind: type[Any], tagged: str
) -> None:
    record: dict[str, Any] = (
        {"id": "f1", "kind": "strength", "text": "Calls are answered quickly."}
        if kind is il.Finding
        else {"key": "response", "topic": "Responding to the public"}
    )
    record[tagged] = [value] if tagged == "evidence" else value
    codec = Codec.of(il.catalogue.BUILTIN, KINDS.values())
    for detailed in (False, True):
        assert codec.converter(detailed=detailed).structure(record, kind)

    record[tagged] = (
        [{**value, "type": _Tag(value["type"])}]
        if tagged == "evidence"
        else {**value, "type": _Tag(value["type"])}
    )

    for detailed in (False, True):
        with pytest.raises(Exception):  # noqa: B017 (which error is the pass's own)
            codec.converter(detailed=detailed).structure(record, kind)


@pytest.mark.parametrize(
    ("registered", "value", "read"),
    [
        (il.FindingKind, {"kind": "x"}, lambda finding: finding.kind),
        (il.PartialDate, {"due": "x"}, lambda finding: finding.due),
        (il.Evidence, {"evidence": [{"type": "x"}]}, lambda finding: finding.evidence[0]),
    ],
    ids=["enumeration", "partial date", "evidence"],
)
def test_a_hook_registered_for_a_type_read_in_place_is_the_one_used(
    registered: Any, value: dict[str, Any], read: Any
) -> None:
    converter = make_converter(BUILTIN.scales, detailed_validation=False)
    marker = object()
    if isinstance(registered, type):
        converter.register_structure_hook(registered, lambda _value, _type: marker)
    else:  # a union is matched by a predicate, as the converter registers its own
        converter.register_structure_hook_func(
            lambda type_: type_ == registered, lambda _value, _type: marker
        )
    finding = {"id": "f1", "kind": "strength", "text": "Calls are answered.", **value}

    assert read(converter.structure(finding, il.Finding)) is marker


def test_an_inherited_judgment_is_read_with_its_tag_by_both_passes() -> None:
    judgment = {
        "type": "inherited",
        "grade": {"scale": "cqc/four-point", "grade": "good"},
        "predecessor": {"name": "Example Care Home (previous provider)", "kind": "care_location"},
        "rated": "2019",
    }
    union: Any = il.judgments.Judgment
    codec = Codec.of(il.catalogue.BUILTIN, KINDS.values())

    read = [
        codec.converter(detailed=detailed).structure(judgment, union) for detailed in (False, True)
    ]

    assert read[0] == read[1]
    assert read[0].predecessor.name == "Example Care Home (previous provider)"
    assert read[0].rated == il.PartialDate.parse("2019")
    for detailed in (False, True):  # the tag is the union's: the member refuses any other key
        with pytest.raises(Exception):  # noqa: B017 (which error is the pass's own)
            codec.converter(detailed=detailed).structure({**judgment, "kind": "x"}, union)


def test_keys_listed_by_records_are_shared_between_documents() -> None:
    long_key = "k" * 100

    def areas(key: str) -> tuple[str, ...]:
        document = {"id": "f", "kind": "strength", "text": "t", "areas": [key, long_key]}
        # Each decoded anew, as each line of a file is: equal texts, distinct objects.
        body = json.loads(json.dumps(document))
        finding: il.Finding = builtin_converter(detailed=False).structure(body, il.Finding)
        return finding.areas

    first, second = areas("custody"), areas("custody")

    assert first == second == ("custody", long_key)
    assert first[0] is second[0]  # one object kept for a short key
    assert first[1] is not second[1]  # a long text is not kept for sharing


def outcome_of(build: Any) -> tuple[str, Any]:
    try:
        return ("ok", build())
    except Exception:
        return ("error", None)


def test_the_importers_assembler_runs_the_records_validators() -> None:
    new = assembler(il.Organisation)

    with pytest.raises(il.InvalidRecord, match=r"Organisation\.name must not be blank"):
        new(name=" ", kind=il.OrganisationKind.FOOD_BUSINESS)
    assert new(name="Zinc", kind=il.OrganisationKind.FOOD_BUSINESS) == il.Organisation(
        name="Zinc", kind=il.OrganisationKind.FOOD_BUSINESS
    )


def test_the_assembler_of_a_class_it_is_not_for_is_the_class() -> None:
    @attrs.frozen
    class Yours:
        name: str

    assert assembler(Yours) is Yours


def test_a_remembered_parse_is_bounded_and_keeps_no_failure() -> None:
    known: dict[str, int] = {}
    calls: list[str] = []

    def parse(text: str) -> int:
        calls.append(text)
        if text == "bad":
            raise ValueError(text)
        return len(text)

    parsed = _remembering(parse, known)

    assert (parsed("ab"), parsed("ab"), calls) == (2, 2, ["ab"])
    with pytest.raises(ValueError, match=r"^bad$"):
        parsed("bad")
    assert "bad" not in known
    for number in range(2 * _KEPT_A_KIND + 1):
        parsed(str(number))
    assert 0 < len(known) <= _KEPT_A_KIND


@pytest.mark.parametrize(
    ("extra", "read"),
    [
        ({}, True),
        ({"unit": "cases"}, True),
        ({"bogus": 1}, False),
        ({"unit": "cases", "x": 1}, False),
    ],
)
def test_a_tagged_object_holds_its_tag_and_its_fields_and_nothing_else(
    extra: dict[str, Any], read: bool
) -> None:
    # The tag is counted with the required fields: with it, the keys are all accounted for.
    converter = builtin_converter(detailed=False)
    union: Any = il.Evidence
    evidence = {"type": "quantitative", "description": "Cases", "count": 3, **extra}

    if read:
        built = converter.structure(evidence, union)
        assert built == il.QuantitativeEvidence(
            description="Cases", count=3, unit=extra.get("unit")
        )
    else:
        with pytest.raises(FastPathError):
            converter.structure(evidence, union)


def test_the_dates_of_two_decades_read_again_are_not_parsed_again() -> None:
    # Every day of 2005 to 2024 and every month, quarter and year of them, as a stream of
    # reports over those years names them, read twice: a cache a little too small for them
    # would be cleared again and again, and each text parsed anew.
    first, days = datetime.date(2005, 1, 1), 7305
    texts = [(first + datetime.timedelta(days=n)).isoformat() for n in range(days)]
    texts += [f"{year}-{month:02d}" for year in range(2005, 2025) for month in range(1, 13)]
    texts += [f"{year}-Q{quarter}" for year in range(2005, 2025) for quarter in range(1, 5)]
    texts += [str(year) for year in range(2005, 2025)]
    calls: list[str] = []

    def parse(text: str) -> il.PartialDate:
        calls.append(text)
        return il.PartialDate.parse_canonical(text)

    parsed = _remembering(parse, {})
    for text in texts + texts:
        parsed(text)

    assert len(calls) == len(texts) == 7305 + 240 + 80 + 20


def test_values_known_in_place_need_the_parse_that_makes_the_others() -> None:
    with pytest.raises(ValueError, match=r"^known values need the parse that makes the others"):
        InPlace("{v} is None", known={})
