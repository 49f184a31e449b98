"""JSON read one item at a time: the reader agrees with orjson on every document, locates every
syntax error, and keeps memory flat however long the file; the FSA's and CQC's JSON forms are
read through it."""

from __future__ import annotations

import datetime
import gc
import io
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
from inspectlib._cli import main
from inspectlib.sources import SourceError, SourceProblem, cqc, fhrs
from inspectlib.sources._json import JsonReader, JsonSyntaxError

FIXTURES = Path(__file__).parent / "fixtures"
API = orjson.loads((FIXTURES / "fhrs" / "api-establishments.json").read_bytes())
BULK_2020 = orjson.loads((FIXTURES / "fhrs" / "fhrs-2020.json").read_bytes())
BULK_2024 = orjson.loads((FIXTURES / "fhrs" / "fhrs-2024.json").read_bytes())
LUCERNE = orjson.loads((FIXTURES / "cqc" / "location_lucerne_house.json").read_bytes())
AS_OF = datetime.date(2026, 8, 19)


class Trickle(io.RawIOBase):
    """A stream that gives at most *step* bytes a read, as a pipe or a socket may."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data = memoryview(data)
        self._step = step

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = self._step if size < 0 else min(size, self._step)
        taken, self._data = self._data[:size], self._data[size:]
        return bytes(taken)


def walk(reader: JsonReader) -> Any:
    """The next value, rebuilt by walking every object and array through the reader."""
    kind = reader.peek()
    if kind == "{":
        return {key: walk(reader) for key in reader.members()}
    if kind == "[":
        return [walk(reader) for _ in reader.elements()]
    return reader.value()


def read_whole(data: bytes, step: int) -> Any:
    reader = JsonReader(Trickle(data, step))  # type: ignore[arg-type]
    value = walk(reader)
    reader.end()
    return value


# The reader ------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(['"', "\\", "]", "}", "[{", '\\"]', "\n"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=JSON, indent=st.sampled_from([None, 1]), step=st.sampled_from([1, 2, 3, 7, 4096]))
def test_walking_a_document_gives_what_orjson_decodes(
    value: Any, indent: int | None, step: int
) -> None:
    data = json.dumps(value, indent=indent, ensure_ascii=False).encode()

    assert orjson.loads(data) == read_whole(data, step)
    reader = JsonReader(Trickle(data, step))  # type: ignore[arg-type]
    assert orjson.loads(data) == reader.value()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=JSON,
    cut=st.integers(0, 10_000),
    noise=st.binary(max_size=3),
    step=st.sampled_from([1, 5, 4096]),
)
def test_a_document_is_refused_exactly_when_orjson_refuses_it(
    value: Any, cut: int, noise: bytes, step: int
) -> None:
    data = json.dumps(value).encode()
    cut %= len(data) + 1
    mutated = data[:cut] + noise + data[cut + len(noise) :]
    try:
        expected = orjson.loads(mutated)
    except orjson.JSONDecodeError:
        with pytest.raises(JsonSyntaxError):
            read_whole(mutated, step)
    else:
        assert expected == read_whole(mutated, step)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"FHRSID": ', "unexpected end of data at line 1, column 12"),
        (b"[1, 2", "unexpected end of data at line 1, column 6"),
        (b'[{"a": "b}]', "unexpected end of data at line 1, column 12"),
        (b"[1,\n 2,\n]", "trailing comma is not allowed at line 3, column 1"),
        (b'{"a": 1,\n "b" 2}', "unexpected character, expected ':' after key at line 2, column 6"),
        (b"[1 2]", "unexpected character, expected ',' or ']' at line 1, column 4"),
        (b"[1]\n\nx", "unexpected content after document at line 3, column 1"),
        (b'[\n  {"a": tru}]', "invalid literal, expected 'true' at line 2, column 9"),
        (b"\xef\xbb\xbf[1,]", "trailing comma is not allowed at line 1, column 4"),
    ],
)
def test_a_syntax_error_names_its_line_and_column(data: bytes, message: str) -> None:
    for step in (1, 4096):
        with pytest.raises(JsonSyntaxError) as raised:
            read_whole(data, step)
        assert message == str(raised.value)


def test_a_byte_order_mark_is_ignored() -> None:
    assert [1] == read_whole(b"\xef\xbb\xbf [1]", 1)


def test_a_long_string_is_read_whole_without_a_read_a_scan() -> None:
    """A value longer than a read is read in reads that grow with it: a few, not one a 64 KiB."""
    text = "x" * 5_000_000
    reads = []

    class Counted(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(size)
            return super().read(size)

    reader = JsonReader(Counted(json.dumps([text, {"k": [text]}]).encode()))

    assert [text, {"k": [text]}] == walk(reader)
    assert len(reads) < 20


# Flat memory -------------------------------------------------------------------------------------


def peak(read: Callable[[Path], Iterator[object]], path: Path) -> int:
    """The peak of memory allocated while every record of *path* is read and let go."""
    gc.collect()
    tracemalloc.start()
    try:
        count = sum(1 for _ in read(path))
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count > 0
    return top


def api_response(count: int) -> bytes:
    establishments = [
        {**API["establishments"][index % 4], "FHRSID": 1_000_000 + index} for index in range(count)
    ]
    return orjson.dumps({"establishments": establishments, "meta": API["meta"], "links": []})


def bulk_2020(count: int) -> bytes:
    details = BULK_2020["FHRSEstablishment"]["EstablishmentCollection"]["EstablishmentDetail"]
    document = {
        "FHRSEstablishment": {
            "Header": {**BULK_2020["FHRSEstablishment"]["Header"], "ItemCount": str(count)},
            "EstablishmentCollection": {
                "EstablishmentDetail": [
                    {**details[index % len(details)], "FHRSID": str(2_000_000 + index)}
                    for index in range(count)
                ]
            },
        }
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2)


def bulk_2024(count: int) -> bytes:
    collection = BULK_2024["FHRSEstablishment"]["EstablishmentCollection"]
    document = {
        "FHRSEstablishment": {
            "Header": {**BULK_2024["FHRSEstablishment"]["Header"], "ItemCount": count},
            "EstablishmentCollection": [
                {**collection[index % len(collection)], "FHRSID": 3_000_000 + index}
                for index in range(count)
            ],
        }
    }
    return orjson.dumps(document)


def cqc_locations(count: int) -> bytes:
    return orjson.dumps(
        [{**LUCERNE, "locationId": f"1-{100_000 + index}"} for index in range(count)],
        option=orjson.OPT_INDENT_2,
    )


def read_fhrs(path: Path) -> Iterator[object]:
    return fhrs.read(path, as_of=AS_OF)


@pytest.mark.parametrize(
    ("generate", "read", "count"),
    [
        (api_response, read_fhrs, 500),
        (bulk_2020, read_fhrs, 500),
        (bulk_2024, read_fhrs, 500),
        (cqc_locations, cqc.read, 60),
    ],
    ids=["fhrs-api", "fhrs-2020", "fhrs-2024", "cqc-array"],
)
def test_memory_stays_flat_however_many_items_the_json_holds(
    generate: Callable[[int], bytes],
    read: Callable[[Path], Iterator[object]],
    count: int,
    tmp_path: Path,
) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_bytes(generate(count))
    large.write_bytes(generate(4 * count))

    peak(read, small)  # what is built once (imports, shared tables) is built before measuring
    small_peak, large_peak = peak(read, small), peak(read, large)

    # Decoded whole, four times the items would take about four times the memory; streamed,
    # the peak is a read buffer and an item, whatever the count.
    assert large_peak < 1.5 * small_peak
    assert large_peak < large.stat().st_size


# The FSA's JSON, streamed -------------------------------------------------------------------------


def test_records_before_a_syntax_error_are_delivered_then_the_error_ends_the_file() -> None:
    data = api_response(3)
    broken = data[: data.index(b'{"FHRSID":1000002')] + b'{"FHRSID": 1000002,,'
    errors: list[SourceError] = []

    records = list(fhrs.read(io.BytesIO(broken), as_of=AS_OF, errors=errors))

    assert ["1000000", "1000001"] == [r.subjects[0].identifier("fhrs") for r in records]
    assert ["the file"] == [error.item for error in errors]
    assert errors[0].problems[0].message.startswith("invalid JSON at line 1, column ")


def test_an_api_response_with_its_meta_first_is_dated_by_it() -> None:
    meta = {**API["meta"], "extractDate": "2026-08-20T00:00:00"}
    data = orjson.dumps({"meta": meta, "establishments": API["establishments"][:1]})

    (record,) = fhrs.read(io.BytesIO(data))

    assert "../2026-08-20" == str(record.published)


def test_an_api_response_whose_meta_comes_late_with_a_real_date_is_refused() -> None:
    meta = {**API["meta"], "extractDate": "2026-08-20T00:00:00"}
    data = orjson.dumps({"establishments": API["establishments"][:1], "meta": meta})

    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(data), as_of=AS_OF))

    assert [
        "meta.extractDate 2026-08-20 comes after the establishments, which were read without "
        "it: pass as_of= with that day"
    ] == [problem.message for problem in raised.value.problems]


def test_a_bulk_twin_whose_header_comes_after_its_establishments_is_refused() -> None:
    root = BULK_2024["FHRSEstablishment"]
    data = orjson.dumps(
        {
            "FHRSEstablishment": {
                "EstablishmentCollection": root["EstablishmentCollection"],
                "Header": root["Header"],
            }
        }
    )
    errors: list[SourceError] = []

    records = list(fhrs.read(io.BytesIO(data), as_of=AS_OF, errors=errors))

    assert 3 == len(records)
    assert [
        "FHRSEstablishment.Header comes after the establishments, which need its extract date "
        "first (the FSA's files give it first)"
    ] == [problem.message for error in errors for problem in error.problems]


def test_a_bulk_twin_cut_short_says_how_many_it_held() -> None:
    data = orjson.dumps(
        {
            "FHRSEstablishment": {
                "Header": {**BULK_2024["FHRSEstablishment"]["Header"], "ItemCount": 5},
                "EstablishmentCollection": BULK_2024["FHRSEstablishment"][
                    "EstablishmentCollection"
                ],
            }
        }
    )

    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(data)))

    assert [
        "the header's ItemCount says 5 establishments, and the file holds 3: it may be cut short"
    ] == [problem.message for problem in raised.value.problems]


def test_an_unknown_key_of_the_2020_collection_is_refused() -> None:
    data = orjson.dumps({"FHRSEstablishment": {"EstablishmentCollection": {"Establishments": []}}})

    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(data), as_of=AS_OF))

    assert ["EstablishmentCollection holds 'Establishments', not EstablishmentDetail"] == [
        problem.message for problem in raised.value.problems
    ]


def test_a_cqc_array_is_read_one_payload_at_a_time_from_a_pipe() -> None:
    data = cqc_locations(3)

    records = list(cqc.read(Trickle(data, 97)))  # type: ignore[arg-type]

    assert 3 * len(list(cqc.read(FIXTURES / "cqc" / "location_lucerne_house.json"))) == len(records)


def test_a_broken_cqc_array_is_a_located_error() -> None:
    data = cqc_locations(2)
    cut = data[: len(data) // 2 + 1]
    errors: list[SourceError] = []

    list(cqc.read(io.BytesIO(cut), errors=errors))

    (error,) = errors
    assert "the file" == error.item
    assert error.problems[0].message.startswith("not JSON: unexpected end of data at line ")


# Mutated JSON files -----------------------------------------------------------------------------

MUTATIONS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DOCUMENTS = {
    "fhrs-api": (orjson.dumps(API, option=orjson.OPT_INDENT_2), 4),
    "fhrs-2020": (orjson.dumps(BULK_2020), 3),
    "fhrs-2024": (orjson.dumps(BULK_2024, option=orjson.OPT_INDENT_2), 3),
}


def check_fhrs(data: bytes, count: int) -> None:
    errors: list[SourceError] = []
    records = list(fhrs.read(io.BytesIO(data), errors=errors, as_of=AS_OF))
    for record in records:
        assert () == il.check(record)
        assert record == il.loads(il.dumps(record))
    for error in errors:
        assert "<stream>" == error.file
        assert all(type(problem) is SourceProblem for problem in error.problems)
    assert len(records) + len(errors) <= count + 1


@MUTATIONS
@given(
    name=st.sampled_from(sorted(DOCUMENTS)),
    cut=st.integers(0, 10_000),
    noise=st.sampled_from([b"", b",", b"]", b"}", b"{", b'"', b"\\", b"null", b"\xff", b"[]"]),
    replace=st.booleans(),
    step=st.sampled_from([3, 4096]),
)
def test_a_json_file_mutated_anywhere_gives_records_or_located_errors(
    name: str, cut: int, noise: bytes, replace: bool, step: int
) -> None:
    data, count = DOCUMENTS[name]
    cut %= len(data) + 1
    mutated = data[:cut] + noise + data[cut + (len(noise) if replace else 0) :]

    check_fhrs(mutated, count)
    errors: list[SourceError] = []
    list(fhrs.read(Trickle(mutated, step), errors=errors, as_of=AS_OF))  # type: ignore[arg-type]


@MUTATIONS
@given(
    index=st.integers(0, 2),
    key=st.sampled_from(["FHRSID", "RatingValue", "RatingDate", "scores", "geocode", "Unheard"]),
    value=st.one_of(
        st.none(), st.integers(), st.text(max_size=12), st.sampled_from(["Six", "2015-13-01"])
    ),
)
def test_a_mutated_api_value_gives_records_or_located_errors(
    index: int, key: str, value: Any
) -> None:
    document = orjson.loads(orjson.dumps(API))
    document["establishments"][index][key] = value

    check_fhrs(json.dumps(document).encode(), 4)


@MUTATIONS
@given(
    cut=st.integers(0, 100_000),
    noise=st.sampled_from([b"", b",", b"]", b"}", b"{", b'"', b"null", b"\xff"]),
)
def test_a_mutated_cqc_array_gives_records_or_located_errors(cut: int, noise: bytes) -> None:
    data = cqc_locations(2)
    cut %= len(data) + 1
    mutated = data[:cut] + noise + data[cut:]
    errors: list[SourceError] = []

    for record in cqc.read(io.BytesIO(mutated), errors=errors):
        assert () == il.check(record)
    assert all(type(problem) is SourceProblem for e in errors for problem in e.problems)


def test_the_import_command_streams_json_with_progress_and_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "establishments.json"
    path.write_bytes(api_response(5))
    monkeypatch.setattr("inspectlib._cli._PROGRESS_EVERY", 2)
    terminal, out = Terminal(), io.StringIO()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", out)

    assert 0 == main(["import", "fhrs", str(path), "--as-of", "2026-08-19"])
    shown = terminal.getvalue()
    assert shown.startswith(
        f"\r{path}: 2 records\r{path}: 4 records\n5 records imported, 0 errors\n"
    )
    assert "fhrs:PostCode (5)" in shown
    assert [f"fhrs/{1_000_000 + n}" for n in range(5)] == [
        record.id.rsplit("/", 1)[0] for record in il.load_lines(io.StringIO(out.getvalue()))
    ]
