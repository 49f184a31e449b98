"""Records written by their generated writers.

A field whose hook is one of the converter's own is written in place (an enumeration's value, a
tuple's items in a loop, a tagged union's member by type, a grade or a non-grade found by
identity, a partial date by the text it keeps, a day by its kept text or, for orjson, as
itself); a hook registered in its place is called as any other, and what is written is the
same either way.
"""

from __future__ import annotations

import copy
import datetime
import io
import pathlib
import pickle
from typing import Any

import attrs
import cattrs
import orjson
import pytest

import inspectlib as il
from inspectlib import judgments
from inspectlib._converter import make_converter
from inspectlib._wire_types import _TEXTS_KEPT, SCALARS, STATED_DATE, TEXT_OF_DAY, WireType
from inspectlib.catalogue import BUILTIN
from inspectlib.dates import PartialDate, StatedDate
from inspectlib.judgments import Judgment

SMALL = pathlib.Path(__file__).parent / "corpus" / "valid" / "small-inspection.json"


def _converter() -> cattrs.Converter:
    return make_converter(BUILTIN.scales, detailed_validation=False)


def _without_envelope(record: il.Inspection) -> dict[str, Any]:
    document = il.to_dict(record)
    del document["inspectlib"], document["kind"]
    return document


def test_the_converter_writes_what_the_document_holds(rich: il.Inspection) -> None:
    assert _converter().unstructure(rich) == _without_envelope(rich)


def test_an_enumeration_hook_registered_in_its_place_is_called(rich: il.Inspection) -> None:
    converter = _converter()
    converter.register_unstructure_hook(il.FindingKind, lambda kind: kind.value.upper())

    written = converter.unstructure(rich)

    assert [finding["kind"] for finding in written["findings"]] == [
        finding.kind.value.upper() for finding in rich.findings
    ]


def test_a_hook_registered_for_a_tuple_of_records_is_called(rich: il.Inspection) -> None:
    converter = _converter()
    converter.register_unstructure_hook_func(
        lambda cls: cls == tuple[il.Source, ...], lambda sources: [item.title for item in sources]
    )

    written = converter.unstructure(rich)

    assert written["sources"] == [source.title for source in rich.sources]


def test_a_hook_registered_for_the_evidence_union_is_called(rich: il.Inspection) -> None:
    converter = _converter()
    converter.register_unstructure_hook_func(
        lambda cls: cls == il.Evidence, lambda item: {"description": item.description}
    )

    written = converter.unstructure(rich)

    assert written["evidence"] == [{"description": item.description} for item in rich.evidence]
    assert [finding.get("evidence") for finding in written["findings"]] == [
        [{"description": item.description} for item in finding.evidence] or None
        for finding in rich.findings
    ]
    assert any(finding.evidence for finding in rich.findings)


def test_a_hook_registered_for_judgments_is_called_for_the_catalogues_grades(
    rich: il.Inspection,
) -> None:
    il.to_dict(rich)  # each grade and non-grade already written once
    converter = _converter()
    converter.register_unstructure_hook_func(
        lambda cls: cls in (Judgment, Judgment | None), lambda judgment: repr(judgment)
    )

    written = converter.unstructure(rich)

    assert written["overall"] == repr(rich.overall)
    assert [area["judgment"] for area in written["graded_areas"]] == [
        repr(area.judgment) for area in rich.graded_areas
    ]


def test_a_hook_registered_for_dates_is_called_for_dates_written_before(
    rich: il.Inspection,
) -> None:
    il.to_dict(rich)  # each date's text now kept
    converter = _converter()
    converter.register_unstructure_hook(PartialDate, lambda date: f"partial {date}")
    converter.register_unstructure_hook_func(
        lambda cls: cls in (StatedDate, StatedDate | None), lambda date: f"stated {date}"
    )

    written = converter.unstructure(rich)

    assert [finding.get("due") for finding in written["findings"]] == [
        None if finding.due is None else f"partial {finding.due}" for finding in rich.findings
    ]
    assert written["published"] == f"stated {rich.published}"
    assert written["fieldwork"] == {
        "start": f"partial {rich.fieldwork.start}",  # type: ignore[union-attr]
        "end": f"partial {rich.fieldwork.end}",  # type: ignore[union-attr]
    }


def test_a_written_judgment_is_a_dict_of_its_own(rich: il.Inspection) -> None:
    before = il.to_dict(rich)
    spoiled = il.to_dict(rich)
    for area in spoiled["graded_areas"]:
        area["judgment"]["type"] = "spoiled"
    spoiled["overall"]["grade"] = "spoiled"
    for finding in spoiled["findings"]:
        finding.get("areas", []).append("spoiled")

    assert il.to_dict(rich) == before
    assert il.loads(il.dumps(rich)) == rich


def test_the_encoder_writes_the_text_of_the_dict_to_dict_gives(
    rich: il.Inspection, seed: il.Inspection
) -> None:
    # dumps writes from a dict of its own, in which the catalogue's written judgments are
    # shared and a tuple of plain values is the tuple: the same text as the caller's dict, which
    # holds copies and lists.
    for record in (rich, seed):
        document = il.to_dict(record)
        assert il.dumps(record) == orjson.dumps(document).decode()
        assert (
            il.dumps(record, indent=True)
            == orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
        )
    areas = [finding["areas"] for finding in il.to_dict(rich)["findings"] if "areas" in finding]
    assert areas
    assert {type(keys) for keys in areas} == {list}


def test_a_day_is_written_by_its_own_text_when_an_earlier_one_had_its_id() -> None:
    # to_dict's writers keep days' texts in a table keyed by id; CPython gives a freed object's
    # id to the next one made. Each entry holds its day, so a day written and dropped keeps its
    # id taken while its entry lasts, and a later day is never written with its text.
    write = SCALARS[datetime.date].unstructure
    assert write is not None
    for year in range(1900, 2100):
        for month, day in ((6, 30), (1, 1)):
            text = f"{year}-{month:02}-{day:02}"
            record = _with_due(PartialDate.parse(f"{year}-spring"), datetime.date(year, month, day))
            assert il.to_dict(record)["published"] == text
            assert il.dumps(record) == orjson.dumps(il.to_dict(record)).decode()
            assert write(datetime.date(year, month, day)) == text
            del record  # its day freed before the next is made


def _with_due(
    due: PartialDate, published: datetime.date = datetime.date(2024, 12, 13)
) -> il.Inspection:
    finding = il.Finding(id="f-1", kind=il.FindingKind.RECOMMENDATION, text="Do it.", due=due)
    return il.Inspection(
        id="x/1",
        title="X",
        inspectorate=il.Organisation(name="HMICFRS", kind=il.OrganisationKind.INSPECTORATE),
        subjects=(il.Organisation(name="A force", kind=il.OrganisationKind.POLICE_FORCE),),
        published=published,
        findings=(finding,),
    )


def test_a_grade_of_a_scale_not_in_the_builtin_catalogue_is_written_by_its_scale(
    seed: il.Inspection,
) -> None:
    scale = il.GradingScale(id="local/three", name="Three", labels=("High", "Middle", "Low"))
    area = attrs.evolve(seed.graded_areas[0], judgment=scale.parse("middle"))

    written = _converter().unstructure(area)

    assert written["judgment"] == {"type": "grade", "scale": "local/three", "grade": "middle"}


@pytest.mark.parametrize(
    "judgment",
    [
        judgments.UNGRADED,
        judgments.NonGrade(judgments.NonGradeKind.EXEMPT),  # a non-grade of its own, equal
        il.CarriedForward(from_inspection="an-earlier-one"),
    ],
)
def test_every_kind_of_judgment_is_written_as_its_writer_writes_it(
    seed: il.Inspection, judgment: Judgment
) -> None:
    area = attrs.evolve(seed.graded_areas[0], judgment=judgment)
    converter = _converter()

    written = converter.unstructure(area)["judgment"]

    assert written == converter.get_unstructure_hook(Judgment)(judgment)
    assert written["type"] == (
        judgment.kind.value if isinstance(judgment, judgments.NonGrade) else "carried_forward"
    )


def test_a_date_is_written_the_same_whether_its_text_was_kept_or_not() -> None:
    partial, stated = SCALARS[PartialDate].unstructure, STATED_DATE.unstructure
    exact = SCALARS[datetime.date].unstructure
    assert partial is not None
    assert stated is not None
    assert exact is not None
    due = PartialDate.parse("2023-summer")
    day = datetime.date(2023, 2, 1)

    assert [partial(due), stated(due), stated(day), stated(None), exact(day)] == [
        "2023-summer",
        "2023-summer",
        "2023-02-01",
        None,
        "2023-02-01",
    ]
    assert [partial(due), stated(due), stated(day), exact(day)] == [
        "2023-summer",
        "2023-summer",
        "2023-02-01",
        "2023-02-01",
    ]


@pytest.mark.parametrize("wire", [STATED_DATE, SCALARS[datetime.date]], ids=["stated", "day"])
def test_the_texts_kept_of_written_dates_are_bounded(wire: WireType) -> None:
    write = wire.unstructure
    assert write is not None
    days = [datetime.date(2000, 1, 1) + datetime.timedelta(days=n) for n in range(_TEXTS_KEPT + 10)]

    written = [write(day) for day in days]

    assert written == [day.isoformat() for day in days]
    assert [write(day) for day in days[-10:]] == written[-10:]  # kept, read back
    assert len(TEXT_OF_DAY) <= _TEXTS_KEPT


def test_a_day_smuggled_in_as_a_datetime_is_written_as_its_day_and_not_kept() -> None:
    # Constructors refuse a datetime for a day; one set behind their back is written as the
    # day's writer always wrote it (its date), and its text is not kept against it.
    write = SCALARS[datetime.date].unstructure
    assert write is not None
    moment = datetime.datetime(2024, 12, 13, 9, 30)

    assert write(moment) == "2024-12-13"
    assert id(moment) not in TEXT_OF_DAY


def test_a_partial_date_keeps_its_text_out_of_equality_hash_and_repr() -> None:
    kept, fresh = PartialDate.parse("June 2025"), PartialDate.parse("June 2025")
    before = (pickle.dumps(kept), attrs.asdict(kept))
    text = str(kept)

    assert str(kept) is text  # made once, kept
    assert kept == fresh
    assert hash(kept) == hash(fresh)
    assert repr(kept) == repr(fresh) == "PartialDate(year=2025, month=6)"
    assert (pickle.dumps(kept), attrs.asdict(kept)) == before  # the same, asked or not
    assert str(attrs.evolve(kept, year=2026, by=True)) == "../2026-06"
    assert str(pickle.loads(pickle.dumps(kept))) == "2025-06"


def test_a_record_copied_or_pickled_after_it_was_written_is_written_the_same(
    rich: il.Inspection,
) -> None:
    text = il.dumps(rich)

    for again in (copy.copy(rich), copy.deepcopy(rich), pickle.loads(pickle.dumps(rich))):
        assert il.dumps(again) == text
        assert il.to_dict(again) == il.to_dict(rich)


class _LaterDate(PartialDate):
    """A subclass, which the constructors take as a partial date."""

    def __str__(self) -> str:
        return "not the canonical form"


@attrs.frozen(kw_only=True, order=False)
class _NotedDate(PartialDate):
    """A subclass made with attrs, a field of its own: attrs gives it its own pickling."""

    note: str = ""


def test_a_partial_date_of_a_subclass_is_written_by_its_canonical_text() -> None:
    record = il.loads(SMALL.read_text(), il.Inspection)
    finding = attrs.evolve(record.findings[0], due=_LaterDate(year=2025, month=6))
    published = _NotedDate(year=2024, month=12, note="a note")
    record = attrs.evolve(record, published=published, findings=(finding, *record.findings[1:]))
    written = il.to_dict(record)
    tables = il.tables.tables([record])

    assert il.check(record) == ()
    assert (written["published"], written["findings"][0]["due"]) == ("2024-12", "2025-06")
    assert il.dumps(record) == orjson.dumps(written).decode()
    assert tables.findings[0]["due"] == "2025-06"
    assert tables.inspections[0]["published_partial"] == "2024-12"
    for again in (
        copy.copy(published),
        copy.deepcopy(published),
        pickle.loads(pickle.dumps(published)),
    ):
        assert str(again) == "2024-12"
    assert il.dumps(copy.deepcopy(record)) == il.dumps(record)


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(1, 1, 1),
        datetime.date(999, 12, 31),
        datetime.date(2024, 2, 29),
        datetime.date(9999, 12, 31),
    ],
    ids=str,
)
def test_a_day_is_written_by_the_encoders_as_to_dict_writes_it(
    rich: il.Inspection, day: datetime.date
) -> None:
    # The encoders hand a day to orjson as it is; to_dict writes its kept text.
    source = il.Source(title="A report", published=day, accessed=day)
    record = attrs.evolve(rich, published=day, sources=(source,))

    text = il.dumps(record, validate=False)

    assert text == orjson.dumps(il.to_dict(record, validate=False)).decode()
    written = orjson.loads(text)
    assert written["published"] == day.isoformat()
    assert written["sources"] == [
        {"title": "A report", "published": day.isoformat(), "accessed": day.isoformat()}
    ]


def test_a_datetime_smuggled_in_as_a_day_is_written_by_every_writer_as_its_day(
    rich: il.Inspection,
) -> None:
    # orjson would write a datetime with its time: the encoders give it to the day's writer.
    record = attrs.evolve(rich, sources=(il.Source(title="A report"),))
    object.__setattr__(record.sources[0], "published", datetime.datetime(2024, 12, 13, 9, 30))

    assert il.to_dict(record)["sources"][0]["published"] == "2024-12-13"
    assert il.dumps(record) == orjson.dumps(il.to_dict(record)).decode()


@attrs.frozen
class Level5:
    name: str


@attrs.frozen
class Level4:
    inner: Level5


@attrs.frozen
class Level3:
    inner: tuple[Level4, ...]


@attrs.frozen
class Level2:
    inner: Level3 | None = None


@attrs.frozen
class Level1:
    inner: Level2


def test_records_nested_deeper_than_written_in_place_are_written_whole() -> None:
    record = Level1(Level2(Level3((Level4(Level5("x")), Level4(Level5("y"))))))

    written = _converter().unstructure(record)

    assert written == {
        "inner": {"inner": {"inner": [{"inner": {"name": "x"}}, {"inner": {"name": "y"}}]}}
    }


def test_a_hook_registered_for_a_nested_record_is_called(rich: il.Inspection) -> None:
    converter = _converter()
    converter.register_unstructure_hook(il.Source, lambda source: source.title)

    written = converter.unstructure(rich)

    assert written["sources"] == [source.title for source in rich.sources]
    assert [area.get("sources") for area in written["graded_areas"]] == [
        [source.title for source in area.sources] or None for area in rich.graded_areas
    ]


def test_a_record_written_in_place_is_written_as_its_own_writer_writes_it(
    rich: il.Inspection,
) -> None:
    converter = _converter()
    converter.unstructure(rich.evidence[0], il.Evidence)  # the union's writers made first
    converter.register_unstructure_hook(il.Source, lambda source: source.title)

    written = converter.unstructure(rich)

    # Each item of evidence is written by the union's member writer, in place or called.
    assert written["evidence"] == [
        converter.unstructure(item, il.Evidence) for item in rich.evidence
    ]


@pytest.mark.parametrize(
    ("smuggle", "problem"),
    [
        (
            lambda record: object.__setattr__(record.fieldwork, "end", "2024-06"),
            "$.fieldwork.end: expected datetime.date or PartialDate, got str '2024-06'",
        ),
        (
            lambda record: object.__setattr__(record, "published", datetime.datetime(2024, 12, 13)),
            "$.published: expected datetime.date or PartialDate, got datetime.datetime(2024, 12, "
            "13, 0, 0) (a datetime is not a date here: pass its .date())",
        ),
    ],
    ids=["text as a partial date", "a datetime as a stated date"],
)
def test_a_date_of_the_wrong_type_in_a_loaded_record_is_refused_when_written(
    smuggle: Any, problem: str
) -> None:
    # Found valid when loaded, so not checked again when written: the writer refuses it.
    record = il.loads(SMALL.read_text(), il.Inspection)
    smuggle(record)

    with pytest.raises(il.errors.ValidationError) as caught:
        il.dumps(record)

    assert [str(found) for found in caught.value.problems] == [problem]


CORPUS = pathlib.Path(__file__).parent / "corpus" / "valid"


def _loaded(name: str) -> Any:
    """A corpus record as loaded: found valid, so not checked again when written."""
    return il.loads((CORPUS / name).read_text())


def _smuggled(record: il.Inspection, areas: object) -> il.Inspection:
    """*record* with its first finding's areas set behind the constructor's back."""
    object.__setattr__(record.findings[0], "areas", areas)
    return record


def test_a_smuggled_value_in_a_tuple_of_texts_is_refused_by_every_writer() -> None:
    record = _smuggled(_loaded("small-inspection.json"), 5)
    expected = "$.findings[0].areas: expected a tuple or list of str, got int 5"

    for write in (il.to_dict, il.dumps, lambda r: il.dump_lines([r], io.BytesIO())):
        with pytest.raises(il.ValidationError) as caught:
            write(record)
        assert [str(problem) for problem in caught.value.problems] == [expected]


class _Keys(tuple[str, ...]):
    """A tuple subclass, which orjson refuses to write (as it refuses a named tuple)."""


def test_a_smuggled_sequence_in_a_tuple_of_texts_is_written_as_to_dict_lists_it() -> None:
    record = _smuggled(_loaded("small-inspection.json"), "abc")

    assert il.dumps(record) == orjson.dumps(il.to_dict(record)).decode()
    assert '"areas":["a","b","c"]' in il.dumps(record)

    record = _smuggled(record, _Keys(("custody", "adults")))

    assert il.dumps(record) == orjson.dumps(il.to_dict(record)).decode()
    assert '"areas":["custody","adults"]' in il.dumps(record)


def test_what_json_cannot_carry_in_a_tuple_is_located() -> None:
    framework = attrs.evolve(
        BUILTIN.framework("hmicfrs/ncpi/2024"), comparable_with=("ok/x", "\ud800")
    )
    with pytest.raises(il.ValidationError) as caught:
        il.dumps(framework)
    assert [str(problem) for problem in caught.value.problems] == [
        "$.comparable_with[1]: text with a lone surrogate cannot be written as UTF-8"
    ]

    commission = _loaded("commission.json")
    part = attrs.evolve(commission.parts[0], scope=(1, 2**70))
    beyond = attrs.evolve(commission, parts=(part, *commission.parts[1:]))
    with pytest.raises(il.ValidationError) as caught:
        il.dumps(beyond, validate=False)
    assert [str(problem) for problem in caught.value.problems] == [
        f"$.parts[0].scope[1]: {2**70} is beyond the 64-bit whole numbers JSON tools can read"
    ]
