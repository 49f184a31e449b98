"""Records are deeply immutable, hashable, and re-checked when changed with attrs.evolve."""

from __future__ import annotations

import datetime

import attrs
import pytest

import inspectlib as il


def test_assigning_a_field_raises(seed: il.Inspection) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        seed.title = "Another"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        seed.graded_areas[0].key = "x"  # type: ignore[misc]


def test_collections_are_tuples_even_when_given_lists(seed: il.Inspection) -> None:
    values = [getattr(seed, field.name) for field in attrs.fields(il.Inspection)]
    sequences = [value for value in values if isinstance(value, tuple | list)]

    assert 13 == len(sequences)
    assert all(type(value) is tuple for value in sequences)
    with pytest.raises(AttributeError):
        seed.findings.append(seed.findings[0])  # type: ignore[attr-defined]


def test_a_string_is_not_taken_for_a_sequence() -> None:
    with pytest.raises(il.errors.FieldTypeError) as raised:
        il.Finding(
            id="x",
            kind=il.FindingKind.STRENGTH,
            text="t",
            areas="afi-1",
        )

    assert "Finding.areas: expected a tuple or list of str, got str 'afi-1'" == str(raised.value)


def test_extensions_are_deeply_frozen(seed: il.Inspection) -> None:
    tagged = attrs.evolve(seed, extensions={"civic:wards": ["Bolton", {"code": "E05000650"}]})

    assert isinstance(tagged.extensions["civic:wards"], tuple)
    assert il.format.FrozenDict({"code": "E05000650"}) == tagged.extensions["civic:wards"][1]
    hash(tagged)


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        ({"note": 1}, "extensions.note: key 'note' needs a namespace, as in 'yourtool:note'"),
        ({"x:n": float("nan")}, "extensions.x:n: nan is not a JSON number"),
        ({"x:s": {1, 2}}, "extensions.x:s: set is not a JSON value"),
    ],
)
def test_extensions_must_be_namespaced_json(
    seed: il.Inspection, extensions: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        attrs.evolve(seed, extensions=extensions)

    assert message == str(caught.value)


def test_mappings_are_frozen() -> None:
    scale = il.GradingScale(id="s", name="S", labels=("A", "B"), aliases={"1": "A"})

    with pytest.raises(TypeError):
        scale.aliases["2"] = "B"  # type: ignore[index]
    with pytest.raises(AttributeError):
        scale.aliases._data = {}
    assert hash(scale.aliases) == hash(il.format.FrozenDict({"1": "A"}))
    assert {"1": "A"} == scale.aliases


def test_records_are_hashable_when_their_fields_are(seed: il.Inspection) -> None:
    copy = attrs.evolve(seed)

    assert hash(seed) == hash(copy)
    assert {seed, copy} == {seed}


def test_evolve_gives_a_changed_copy_and_leaves_the_original(seed: il.Inspection) -> None:
    later = attrs.evolve(seed, published=datetime.date(2024, 12, 14))

    assert datetime.date(2024, 12, 13) == seed.published
    assert datetime.date(2024, 12, 14) == later.published


def test_evolve_checks_field_invariants_again(seed: il.Inspection) -> None:
    with pytest.raises(ValueError, match=r"^Inspection\.title must not be blank$"):
        attrs.evolve(seed, title="  ")
    with pytest.raises(ValueError, match=r"^Inspection\.subjects needs at least one item$"):
        attrs.evolve(seed, subjects=[])


def test_evolve_then_validate_catches_cross_field_rules(seed: il.Inspection) -> None:
    duplicated = attrs.evolve(seed, graded_areas=[*seed.graded_areas, seed.graded_areas[0]])

    with pytest.raises(il.ValidationError, match=r"\$\.graded_areas\[5\]\.key"):
        il.validate(duplicated)


def test_a_source_needs_a_url_or_a_title() -> None:
    with pytest.raises(ValueError, match="a Source needs a url or a title"):
        il.Source(publisher="Nobody")


def test_organisation_identifiers_by_scheme() -> None:
    school = il.Organisation(
        name="Example Academy",
        kind=il.OrganisationKind.SCHOOL,
        identifiers=[il.Identifier(scheme="ofsted_urn", value="0123456")],
        predecessors=[il.Identifier(scheme="ofsted_urn", value="0100001")],
    )

    assert "0123456" == school.identifier("ofsted_urn")
    assert school.identifier("ons") is None
    assert "ofsted_urn:0100001" == str(school.predecessors[0])


def test_construction_errors_are_the_librarys_own(seed: il.Inspection) -> None:
    with pytest.raises(il.InvalidRecord) as caught:
        attrs.evolve(seed, title="")

    assert isinstance(caught.value, il.InspectlibError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(il.InvalidRecord, match="a grading scale needs at least two labels"):
        il.GradingScale(id="x", name="X", labels=["Only"])
