"""Documents: lossless round trips, a versioned envelope, and errors with every path."""

from __future__ import annotations

import io
import json
import pathlib
import pickle
import warnings

import attrs
import pytest

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT

CORPUS = pathlib.Path(__file__).parent / "corpus"
VALID = sorted((CORPUS / "valid").glob("*.json"))
INVALID = CORPUS / "invalid"


def test_every_record_kind_round_trips(seed: il.Inspection, rich: il.Inspection) -> None:
    for record in (seed, rich, HMICFRS_FIVE_POINT):
        assert record == il.loads(il.dumps(record))
        assert record == il.loads(il.dumps(record, indent=True))


def test_canonical_text_round_trips_byte_for_byte(seed: il.Inspection) -> None:
    text = il.dumps(seed)

    assert text == il.dumps(il.loads(text))


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.stem)
def test_fixture_documents_load_and_dump_unchanged(path: pathlib.Path) -> None:
    record = il.load(path)

    assert record == il.loads(il.dumps(record))
    assert json.loads(path.read_text()) == il.to_dict(record)


def test_bundled_fixture_of_the_seed_is_the_seed(seed: il.Inspection) -> None:
    path = CORPUS / "valid" / "gmp-child-protection-2024.json"

    assert seed == il.load(path, il.Inspection)
    assert path.read_text() == il.dumps(seed, indent=True) + "\n"


def test_the_envelope_states_version_and_kind(seed: il.Inspection) -> None:
    document = il.to_dict(seed)

    assert ("1.1", "inspection") == (document["inspectlib"], document["kind"])
    assert ["inspectlib", "kind", "id"] == list(document)[:3]


def test_defaults_are_left_out_and_dates_are_iso(seed: il.Inspection) -> None:
    document = il.to_dict(seed)

    assert "overall" not in document
    assert "extensions" not in document
    assert "2024-12-13" == document["published"]
    assert {"type": "grade", "scale": "hmicfrs/five-point", "grade": "good"} == (
        document["graded_areas"][0]["judgment"]
    )
    assert "area_for_improvement" == document["findings"][0]["kind"]


def test_partial_dates_are_written_in_canonical_form(rich: il.Inspection) -> None:
    document = il.to_dict(rich)

    assert {"start": "2025-spring", "end": "2025-05-early"} == document["fieldwork"]
    assert ["../2025", "2025-Q3"] == [
        finding["due"] for finding in document["findings"] if "due" in finding
    ]


def test_extensions_survive_the_round_trip_untouched(rich: il.Inspection) -> None:
    document = il.to_dict(rich)
    loaded = il.from_dict(document)

    assert {"civic:imported": "2025-07-05", "civic:row": 42} == document["extensions"]
    assert {"checked": True, "by": ["a", "b"], "score": 1.5} == (
        document["graded_areas"][6]["extensions"]["civic:notes"]
    )
    assert rich.extensions == loaded.extensions


def test_loads_refuses_a_document_of_another_kind(seed: il.Inspection) -> None:
    with pytest.raises(il.ValidationError) as caught:
        il.loads(il.dumps(HMICFRS_FIVE_POINT), il.Inspection)

    assert [("$.kind", "expected a document of kind 'inspection', got 'grading_scale'")] == [
        (problem.path, problem.message) for problem in caught.value.problems
    ]


def test_loads_takes_bytes_and_returns_the_kind_asked_for(seed: il.Inspection) -> None:
    assert seed == il.loads(il.dumps(seed).encode(), il.Inspection)


def test_dump_and_load_with_paths(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "seed.json"
    il.dump(seed, path)

    assert seed == il.load(path)
    assert path.read_text() == il.dumps(seed) + "\n"
    assert seed == il.load(str(path))


def test_dump_and_load_with_text_and_binary_files(seed: il.Inspection) -> None:
    text, binary = io.StringIO(), io.BytesIO()
    il.dump(seed, text)
    il.dump(seed, binary)

    assert text.getvalue().encode() == binary.getvalue()
    assert seed == il.load(io.StringIO(text.getvalue()))
    assert seed == il.load(io.BytesIO(binary.getvalue()))


def test_dump_to_a_path_is_atomic(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "seed.json"
    il.dump(seed, path)
    before = path.read_bytes()

    def failing() -> object:
        yield seed
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        il.dump_lines(failing(), path)  # type: ignore[arg-type]

    assert before == path.read_bytes()
    assert [path] == list(tmp_path.iterdir())


def test_json_lines_round_trip_byte_for_byte(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "many.jsonl"

    assert 3 == il.dump_lines([seed, rich, seed], path)
    text = path.read_text()
    assert [il.dumps(seed), il.dumps(rich), il.dumps(seed)] == text.splitlines()
    assert [seed, rich, seed] == list(il.load_lines(path, il.Inspection))

    copy = tmp_path / "copy.jsonl"
    il.dump_lines(il.load_lines(path), copy)
    assert text == copy.read_text()


def test_json_lines_append_adds_one_line_per_record(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "log.jsonl"
    il.dump_lines([seed], path, append=True)
    il.dump_lines([seed, seed], path, append=True)

    assert 3 == len(path.read_text().splitlines())


def test_json_lines_reads_lazily_from_a_stream(seed: il.Inspection) -> None:
    line = il.dumps(seed) + "\n"
    stream = io.StringIO(line + "\n" + line + "{broken\n")
    records = il.load_lines(stream)

    assert seed == next(records)
    assert seed == next(records)
    with pytest.raises(il.ValidationError) as caught:
        next(records)
    assert "line 4: $: invalid JSON at column 2: unexpected character" in str(caught.value)
    assert 4 == caught.value.problems[0].line


def test_json_lines_collects_bad_lines_when_asked(seed: il.Inspection) -> None:
    good = il.dumps(seed)
    bad = good.replace('"title":"National', '"title":1,"x":"')
    errors: list[il.ValidationError] = []

    records = list(il.load_lines(io.StringIO(f"{good}\n{bad}\n{good}\n"), errors=errors))

    assert [seed, seed] == records
    assert 1 == len(errors)
    assert [(2, "$.title"), (2, "$.x")] == [(p.line, p.path) for p in errors[0].problems]
    assert (
        "JSON Lines is invalid: 2 problems\n"
        "  line 2: $.title: expected a string, got number 1\n"
        "  line 2: $.x: unknown field\n"
        "  (17 checks skipped until these problems are fixed)"
    ) == str(errors[0])


def test_json_syntax_errors_give_line_and_column() -> None:
    with pytest.raises(il.ValidationError) as caught:
        il.loads('{\n  "inspectlib": "1.0",\n  "kind": }')

    assert "document is invalid: 1 problem\n  $: invalid JSON at line 3, column 11: " in str(
        caught.value
    )


def test_a_newer_minor_version_loads_with_a_warning(seed: il.Inspection) -> None:
    document = il.to_dict(seed)
    document["inspectlib"] = "1.7"

    with pytest.warns(il.errors.FormatVersionWarning, match="newer than this inspectlib's 1.1"):
        assert seed == il.from_dict(document)


def test_unknown_fields_of_a_newer_minor_version_are_dropped_loudly(seed: il.Inspection) -> None:
    document = il.to_dict(seed)
    document["inspectlib"] = "1.7"
    document["rating_trend"] = "up"
    document["graded_areas"][1]["confidence"] = "high"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = il.from_dict(document)

    assert seed == loaded
    assert [
        "document: format version 1.7 is newer than this inspectlib's 1.1: fields it does "
        "not know will be dropped",
        "document: fields of a newer format version were dropped: "
        "$.graded_areas[1].confidence, $.rating_trend",
    ] == [str(warning.message) for warning in caught]


def test_a_newer_minor_version_still_refuses_real_errors(seed: il.Inspection) -> None:
    document = il.to_dict(seed)
    document["inspectlib"] = "1.7"
    document["title"] = 7

    with (
        pytest.warns(il.errors.FormatVersionWarning),
        pytest.raises(il.ValidationError, match="title"),
    ):
        il.from_dict(document)


def test_an_unknown_major_version_raises_its_own_error(seed: il.Inspection) -> None:
    document = il.to_dict(seed)
    document["inspectlib"] = "2.0"

    with pytest.raises(il.errors.FormatVersionError) as caught:
        il.from_dict(document)

    assert isinstance(caught.value, il.ValidationError)
    assert (
        "document is invalid: 1 problem\n  $.inspectlib: format version 2.0 is not supported: "
        "this inspectlib reads 1.x documents"
    ) == str(caught.value)


def test_own_scales_load_through_a_catalogue_of_their_own(seed: il.Inspection) -> None:
    audit = il.GradingScale(id="council/audit", name="Audit", labels=("Substantial", "Limited"))
    area = attrs.evolve(seed.graded_areas[0], judgment=audit.parse("limited"))
    inspection = attrs.evolve(seed, framework=None, scales=[audit], graded_areas=[area])
    text = il.dumps(inspection)

    with pytest.raises(il.ValidationError, match="no grading scale 'council/audit'"):
        il.loads(text)
    assert inspection == il.loads(text, catalogue=il.catalogue.BUILTIN.with_scales(audit))


def test_catalogue_refuses_two_scales_with_one_id() -> None:
    other = attrs.evolve(HMICFRS_FIVE_POINT, name="Another")

    with pytest.raises(ValueError, match="two different grading scales share the id"):
        il.catalogue.BUILTIN.with_scales(other)


def test_to_dict_refuses_what_is_not_a_document(seed: il.Inspection) -> None:
    with pytest.raises(TypeError, match="GradedArea is not a kind of document"):
        il.to_dict(seed.graded_areas[0])  # type: ignore[arg-type]


def test_a_renamed_field_stays_readable_under_its_old_name(seed: il.Inspection) -> None:
    from inspectlib._codec import problems_of
    from inspectlib._converter import make_converter

    converter = make_converter(
        il.catalogue.BUILTIN.scales, renamed={il.GradedArea: {"heading": "label"}}
    )
    area = il.to_dict(seed)["graded_areas"][1]
    old = {("heading" if key == "label" else key): value for key, value in area.items()}

    assert seed.graded_areas[1] == converter.structure(old, il.GradedArea)
    assert "label" in converter.unstructure(seed.graded_areas[1])
    with pytest.raises(Exception) as caught:
        converter.structure({**old, "label": "x"}, il.GradedArea)
    assert [("$.heading", "'heading' is the old name of 'label': give one of them")] == [
        (problem.path, problem.message) for problem in problems_of(caught.value)
    ]


def test_writing_refuses_an_invalid_record_unless_told_not_to_check(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    broken = attrs.evolve(seed, graded_areas=[*seed.graded_areas, seed.graded_areas[0]])
    path = tmp_path / "out.jsonl"

    with pytest.raises(il.ValidationError) as caught:
        il.dumps(broken)
    assert (
        "Inspection 'hmicfrs/ncpi/2024/greater-manchester' is invalid: 1 problem\n"
        "  $.graded_areas[5].key: duplicate area key 'leadership' (first at $.graded_areas[0])"
    ) == str(caught.value)
    with pytest.raises(il.ValidationError):
        il.dump_lines([seed, broken], path)
    assert not path.exists()
    assert il.dumps(broken, validate=False).startswith('{"inspectlib":"1.1"')


def test_scales_and_frameworks_have_no_cross_field_problems() -> None:
    assert () == il.check(HMICFRS_FIVE_POINT)
    assert () == il.check(il.catalogue.BUILTIN.framework("hmicfrs/ncpi/2024"))


def test_the_checks_skipped_survive_pickling(seed: il.Inspection) -> None:
    with pytest.raises(il.ValidationError) as caught:
        il.loads(il.dumps(seed).replace('"title":', '"titel":', 1))

    error = caught.value
    copy = pickle.loads(pickle.dumps(error))

    assert "area keys are unique" in error.skipped
    assert (error.subject, error.problems, error.skipped) == (
        copy.subject,
        copy.problems,
        copy.skipped,
    )
    assert str(error) == str(copy)
