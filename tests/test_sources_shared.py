"""The importers' shared conventions: sources, located errors, ``errors=``, safe XML, CSV."""

from __future__ import annotations

import gc
import io
import pickle
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import inspectlib as il
from inspectlib import _encodings
from inspectlib._extensions import extension_keys
from inspectlib.sources import SourceError, SourceProblem, cqc, fhrs, ofsted
from inspectlib.sources._shared import (
    CsvRow,
    CsvTable,
    Located,
    deliver,
    file_error,
    namespaced,
    opened,
    peek,
    shown,
    text_of,
    xml_events,
)

FIXTURES = Path(__file__).parent / "fixtures"


class Unseekable(io.RawIOBase):
    """A pipe-like binary stream: it reads, in small pieces, and cannot seek."""

    def __init__(self, data: bytes, piece: int = 7) -> None:
        self._data = io.BytesIO(data)
        self._piece = piece
        self.name = "<pipe>"

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._data.read(min(len(buffer), self._piece))
        buffer[: len(data)] = data
        return len(data)


# Located errors ------------------------------------------------------------------------------


def test_a_source_error_names_file_item_field_and_value() -> None:
    item = Located("FHRS554en-GB.xml", "EstablishmentDetail 2 (FHRSID 1264123)")
    item.add(("RatingValue",), "Six", "'Six' is not an FHRS rating")
    item.add(("Scores", "Hygiene"), None, "missing")
    error = item.error()

    assert isinstance(error, il.ValidationError)
    assert isinstance(error, ValueError)
    assert "FHRS554en-GB.xml" == error.file
    assert "EstablishmentDetail 2 (FHRSID 1264123)" == error.item
    assert [
        SourceProblem("$.RatingValue", "'Six' is not an FHRS rating", None, "RatingValue", "Six"),
        SourceProblem("$.Scores.Hygiene", "missing", None, "Scores/Hygiene", None),
    ] == list(error.problems)
    assert (
        "FHRS554en-GB.xml: EstablishmentDetail 2 (FHRSID 1264123) is invalid: 2 problems\n"
        "  $.RatingValue: 'Six' is not an FHRS rating\n"
        "  $.Scores.Hygiene: missing"
    ) == str(error)


def test_a_row_problem_carries_its_line_and_a_heading_with_spaces_is_quoted() -> None:
    item = CsvRow(14, {"Overall effectiveness": "7"}).located("schools.csv")
    item.add(("Overall effectiveness",), "7", "unknown grade '7'")

    assert "line 14: $[\"Overall effectiveness\"]: unknown grade '7'" == str(
        item.error().problems[0]
    )


def test_a_source_error_survives_pickling() -> None:
    error = file_error("f.xml", "not well-formed XML at line 3, column 1: syntax error", line=3)

    copy = pickle.loads(pickle.dumps(error))

    assert (error.file, error.item, error.problems) == (copy.file, copy.item, copy.problems)
    assert str(error) == str(copy)


def test_values_in_messages_are_cut_short() -> None:
    assert "'abc'" == shown("abc")
    assert "'aaaaaaaaaa'... (1,000 characters)" == shown("a" * 1000, limit=10)


# errors= ---------------------------------------------------------------------------------------


def _results() -> Iterator[int | SourceError]:
    yield 1
    yield file_error("f", "bad item")
    yield 2


def test_without_a_list_the_first_bad_item_raises() -> None:
    records = deliver(_results(), None)

    assert 1 == next(records)
    with pytest.raises(SourceError) as raised:
        next(records)
    assert "f: the file is invalid: 1 problem\n  $: bad item" == str(raised.value)


def test_with_a_list_every_bad_item_is_collected_and_reading_goes_on() -> None:
    errors: list[SourceError] = []

    assert [1, 2] == list(deliver(_results(), errors))
    assert ["bad item"] == [error.problems[0].message for error in errors]


def _ends_early() -> Iterator[int | SourceError]:
    yield 1
    raise file_error("f", "truncated")


def test_an_error_that_ends_the_file_is_the_last_one_collected() -> None:
    errors: list[SourceError] = []

    assert [1] == list(deliver(_ends_early(), errors))
    assert ["truncated"] == [error.problems[0].message for error in errors]
    with pytest.raises(SourceError):
        list(deliver(_ends_early(), None))


# Opening sources -------------------------------------------------------------------------------


def test_a_source_is_a_path_or_a_binary_stream(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(b"<a/>")

    with opened(path) as (stream, name):
        assert (b"<a/>", str(path)) == (stream.read(), name)
    assert stream.closed
    with opened(str(path)) as (stream, name):
        assert str(path) == name
    with opened(io.BytesIO(b"x")) as (stream, name):
        assert (b"x", "<stream>") == (stream.read(), name)
    with pytest.raises(TypeError) as raised, opened(io.StringIO("x")):  # type: ignore[arg-type]
        pass
    assert "open the file in binary mode ('rb')" in str(raised.value)


def test_peeking_leaves_the_stream_whole_even_when_it_cannot_seek() -> None:
    head, stream = peek(Unseekable(b"0123456789" * 3), size=4)  # type: ignore[arg-type]

    assert b"0123" == head
    assert b"0123456789" * 3 == stream.read()


# Safe XML ----------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<FHRSEstablishment><Header><ExtractDate>&lol9;</ExtractDate></Header></FHRSEstablishment>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FHRSEstablishment [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FHRSEstablishment><Header><ExtractDate>&secret;</ExtractDate></Header></FHRSEstablishment>
"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FHRSEstablishment SYSTEM "http://example.invalid/evil.dtd">
<FHRSEstablishment/>
"""
REFUSED = (
    "{name}: the file is invalid: 1 problem\n"
    "  $: refused: the XML has a document type declaration (<!DOCTYPE ...>), which can declare "
    "entities that expand without bound or read other files; publishers' open data has none"
)


@pytest.mark.parametrize(
    "document",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_a_document_type_declaration_is_refused_before_anything_is_expanded(
    document: bytes,
) -> None:
    with pytest.raises(SourceError) as raised:
        list(xml_events(io.BytesIO(document), "evil.xml"))

    assert REFUSED.format(name="evil.xml") == str(raised.value)


def test_a_declaration_split_across_reads_is_refused_all_the_same() -> None:
    with pytest.raises(SourceError) as raised:
        list(xml_events(Unseekable(BILLION_LAUGHS, piece=3), "pipe"))  # type: ignore[arg-type]

    assert REFUSED.format(name="pipe") == str(raised.value)


def test_an_entity_never_declared_is_a_well_formedness_error_with_its_place() -> None:
    document = b'<?xml version="1.0"?>\n<a>\n  <b>&nbsp;</b>\n</a>\n'

    with pytest.raises(SourceError) as raised:
        list(xml_events(io.BytesIO(document), "f.xml"))

    # Expat's own wording follows (some versions name the entity).
    assert str(raised.value).startswith(
        "f.xml: the file is invalid: 1 problem\n"
        "  line 3: $: not well-formed XML at line 3, column 6: undefined entity"
    )


def test_a_truncated_file_is_an_error_that_says_where() -> None:
    with pytest.raises(SourceError) as raised:
        list(xml_events(io.BytesIO(b"<a>\n<b>x</b>\n<b>"), "cut.xml"))

    assert raised.value.problems[0].message.startswith(
        "not well-formed XML at line 3, column 4: no element found"
    )


def test_xml_events_stream_whatever_the_source(tmp_path: Path) -> None:
    document = (
        b'<?xml version="1.0"?>\n<!-- a comment -->\n'
        b'<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        b'<a>L\xc3\xb4n &amp; Co</a><b xsi:nil="true"/><c/><d>  </d></r>'
    )
    events = list(xml_events(Unseekable(document), "pipe"))  # type: ignore[arg-type]
    ends = {element.tag: element for event, element in events if event == "end"}

    assert ["start", "start", "end"] == [event for event, _ in events][:3]
    assert "Lôn & Co" == text_of(ends["a"])
    assert None is text_of(ends["b"])
    assert None is text_of(ends["c"])
    assert "  " == text_of(ends["d"])


# CSV -------------------------------------------------------------------------------------------


def _table(data: bytes, **options: object) -> CsvTable:
    return CsvTable(io.BytesIO(data), "f.csv", required=["URN", "Name"], **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("URN,Name\r\n1,Café Lôn\r\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "URN,Name\r\n1,Café Lôn\r\n".encode(), "utf-8-sig"),
        ("URN,Name\r\n1,Café Lôn\r\n".encode("utf-16"), "utf-16"),
        (b"URN,Name\r\n1,Caf\xe9 L\xf4n\r\n", "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_the_encoding_is_found_and_text_is_never_mojibake(data: bytes, encoding: str) -> None:
    table = _table(data)

    assert encoding == table.encoding
    assert ("URN", "Name") == table.header
    assert [CsvRow(2, {"URN": "1", "Name": "Café Lôn"})] == list(table.rows())


def test_a_cp1252_file_is_found_even_when_the_first_accent_is_far_in() -> None:
    data = b"URN,Name\n" + b"1,plain\n" * 200_000 + b"2,Caf\xe9\n"
    with CsvTable(Unseekable(data, piece=65536), "pipe", required=["URN"]) as table:  # type: ignore[arg-type]
        rows = list(table.rows())

    assert "cp1252" == table.encoding
    assert CsvRow(200_002, {"URN": "2", "Name": "Café"}) == rows[-1]


def test_a_file_that_is_neither_utf8_nor_cp1252_is_refused_and_names_the_bytes() -> None:
    with pytest.raises(SourceError) as raised:
        _table(b"URN,Name\n1,\xe9\x81\n")

    assert (
        "f.csv: the file is invalid: 1 problem\n  $: the file is neither UTF-8 (byte 11 is not) "
        "nor Windows-1252 (byte 12 is not): pass encoding= to say which it is"
    ) == str(raised.value)


MIXED_ADVICE = (
    "the file mixes encodings: its other non-ASCII text is UTF-8, but byte {at} (0x92) is not, "
    "so neither UTF-8 nor Windows-1252 reads all of it: re-save it in one encoding, or pass "
    "encoding= to say which it is"
)


def test_a_utf8_file_with_one_stray_cp1252_byte_is_refused_not_garbled(tmp_path: Path) -> None:
    data = (FIXTURES / "ofsted" / "schools_most_recent_2019_2024.csv").read_bytes()
    data = data.removeprefix(b"\xef\xbb\xbf").replace(b"Alder Grove", "Alder Grové".encode(), 1)
    lines = data.split(b"\n")
    lines[3] = lines[3].replace(b"School", b"School\x92s", 1)
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"\n".join(lines))
    at = len(b"\n".join(lines[:3])) + 1 + lines[3].index(b"\x92")
    errors: list[SourceError] = []

    assert [] == list(ofsted.read(mixed, errors=errors))
    assert [
        f"{mixed}: the file is invalid: 1 problem\n  line 4: $: "
        + MIXED_ADVICE.format(at=f"{at:,}")
    ] == [str(error) for error in errors]


@pytest.mark.parametrize(
    "data",
    [
        "URN,Name\n1,Grové\n".encode() + b"2,it\x92s\n",
        b"URN,Name\n2,it\x92s\n" + "1,Grové\n".encode(),
    ],
    ids=["utf8-first", "stray-byte-first"],
)
@pytest.mark.parametrize("piece", [1, 2, 65536])
def test_mixed_encodings_are_found_in_either_order_across_any_chunking(
    data: bytes, piece: int
) -> None:
    with pytest.raises(SourceError) as raised:
        CsvTable(Unseekable(data, piece=piece), "pipe", required=["URN"])  # type: ignore[arg-type]

    at = data.index(b"\x92")
    line = data[:at].count(b"\n") + 1
    assert f"pipe: the file is invalid: 1 problem\n  line {line}: $: " + MIXED_ADVICE.format(
        at=at
    ) == str(raised.value)


def _far_stray_byte(*, bom: bool) -> tuple[bytes, int, int]:
    """A UTF-8 file (with or without a byte order mark) whose one stray Windows-1252 byte is
    far past what a text layer decodes ahead: the data, the byte's offset and its line."""
    rows = [f"{n},Grové {n}".encode() for n in range(20_000)]
    rows[15_000] = b"15000,it\x92s"
    data = (b"\xef\xbb\xbf" if bom else b"") + b"URN,Name\n" + b"\n".join(rows) + b"\n"
    at = data.index(b"\x92")
    return data, at, data[:at].count(b"\n") + 1


@pytest.mark.parametrize("piece", [1, 65536, None], ids=["pipe-1", "pipe-64k", "file"])
def test_a_utf8_file_with_a_bom_and_a_stray_byte_is_refused_at_its_line(
    piece: int | None,
) -> None:
    data, at, line = _far_stray_byte(bom=True)
    stream = io.BytesIO(data) if piece is None else Unseekable(data, piece=piece)

    with pytest.raises(SourceError) as raised:
        CsvTable(stream, "f.csv", required=["URN"])  # type: ignore[arg-type]

    assert 15_002 == line
    assert (
        f"f.csv: the file is invalid: 1 problem\n  line {line}: $: the file starts with a "
        f"UTF-8 byte order mark, but byte {at:,} (0x92) is not UTF-8: re-save it in one "
        "encoding, or pass encoding= to say which it is"
    ) == str(raised.value)


@pytest.mark.parametrize("bom", [False, True])
def test_a_stray_byte_in_a_file_read_in_the_encoding_given_is_located_exactly(
    bom: bool,
) -> None:
    data, at, line = _far_stray_byte(bom=bom)
    encoding = "utf-8-sig" if bom else "utf-8"
    rows: list[object] = []
    table = CsvTable(io.BytesIO(data), "f.csv", required=["URN"], encoding=encoding)
    with table, pytest.raises(SourceError) as raised:
        rows.extend(table.rows())

    # The rows decoded ahead with the stray byte are not given; those before are, each whole.
    assert 0 < len(rows) < 15_000
    assert (
        CsvRow(len(rows) + 1, {"URN": f"{len(rows) - 1}", "Name": f"Grové {len(rows) - 1}"})
        == (rows[-1])
    )
    assert (
        f"f.csv: the file is invalid: 1 problem\n  line {line}: $: not {encoding} text: "
        f"byte {at:,} (0x92): invalid start byte"
    ) == str(raised.value)


def test_a_stream_that_cannot_be_read_again_says_after_which_line_it_fails() -> None:
    data, _, line = _far_stray_byte(bom=False)
    rows: list[object] = []
    table = CsvTable(Unseekable(data), "pipe", required=["URN"], encoding="utf-8")  # type: ignore[arg-type]
    with table, pytest.raises(SourceError) as raised:
        rows.extend(table.rows())

    read_to = len(rows) + 1  # the header, then whole rows of one line each
    assert read_to < line
    assert (
        f"pipe: the file is invalid: 1 problem\n  $: not utf-8 text after line {read_to}: "
        "invalid start byte"
    ) == str(raised.value)


def test_a_cp1252_file_whose_letters_are_not_utf8_pairs_is_still_cp1252() -> None:
    assert "cp1252" == _table(b"URN,Name\n1,Caf\xe9 \x93L\xf4n\x94\n").encoding


def test_an_encoding_given_is_used() -> None:
    assert [CsvRow(2, {"URN": "1", "Name": "Ã©"})] == list(
        _table("URN,Name\n1,é\n".encode(), encoding="cp1252").rows()
    )


@pytest.mark.parametrize(
    ("mark", "kind"),
    [
        (b"\x1f\x8b\x08\x00", "gzip-compressed"),
        (b"\xfd7zXZ\x00\x00", "xz-compressed"),
        (b"\x28\xb5\x2f\xfd", "Zstandard-compressed"),
    ],
)
@pytest.mark.parametrize("importer", [fhrs.read, cqc.read, ofsted.read])
def test_a_compressed_file_is_refused_as_compressed_not_as_bad_text(
    importer: Any, mark: bytes, kind: str
) -> None:
    stream = io.BytesIO(mark + bytes(range(256)) * 4)
    stream.name = "ratings.csv.gz"

    with pytest.raises(SourceError) as caught:
        list(importer(stream))

    assert f"ratings.csv.gz: the file: $: the file is {kind}: decompress it first" == (
        f"{caught.value.file}: {caught.value.item}: $: {caught.value.problems[0].message}"
    )


def test_the_header_row_is_found_below_a_preamble() -> None:
    data = (
        b"Management information - schools,,\n"
        b"Published 12 September 2025,,\n"
        b",,\n"
        b"URN,Name,Phase\n"
        b'100000,"The Aldgate School, City",Primary\n'
        b",,\n"
    )
    table = _table(data)

    assert 4 == table.header_line
    assert ("URN", "Name", "Phase") == table.header
    assert ["Management information - schools", "", ""] == table.preamble[0]
    assert [
        CsvRow(5, {"URN": "100000", "Name": "The Aldgate School, City", "Phase": "Primary"})
    ] == list(table.rows())


def test_a_row_that_spans_lines_is_located_at_its_first() -> None:
    rows = list(_table(b'URN,Name\n1,"two\nlines"\n2,three\n').rows())

    assert [
        CsvRow(2, {"URN": "1", "Name": "two\nlines"}),
        CsvRow(4, {"URN": "2", "Name": "three"}),
    ] == rows


def test_no_header_row_names_the_missing_columns_with_a_suggestion() -> None:
    with pytest.raises(SourceError) as raised:
        _table(b"Title\nURN,Nmae,Phase\n1,x,y\n", within=3)

    assert (
        "f.csv: the file is invalid: 1 problem\n"
        "  line 2: $: no header row in the first 3 rows; the closest (line 2) lacks "
        "'Name'; did you mean 'Nmae'?"
    ) == str(raised.value)


def test_a_heading_twice_is_refused() -> None:
    with pytest.raises(SourceError) as raised:
        _table(b"URN,Name,URN\n")

    assert "column 'URN' appears twice in the header row (columns 1 and 3)" == (
        raised.value.problems[0].message
    )


def test_an_empty_file_has_no_header_row() -> None:
    with pytest.raises(SourceError) as raised:
        _table(b"")

    assert "the file is empty: no header row" == raised.value.problems[0].message


def test_a_row_of_the_wrong_width_is_a_located_error_and_reading_goes_on() -> None:
    results = list(_table(b"URN,Name\n1,a,extra\n2,b\n3\n").rows())

    assert isinstance(results[0], SourceError)
    assert (
        "f.csv: row at line 2 is invalid: 1 problem\n"
        "  line 2: $: 3 cells where the header row has 2 columns" == str(results[0])
    )
    assert CsvRow(3, {"URN": "2", "Name": "b"}) == results[1]
    assert isinstance(results[2], SourceError)


def test_a_broken_quote_is_an_error_that_ends_the_file() -> None:
    with pytest.raises(SourceError) as raised:
        list(_table(b'URN,Name\n1,"unclosed\n').rows())

    assert raised.value.problems[0].message.startswith("not readable as CSV:")


def test_a_quote_left_open_before_a_long_text_is_said_to_be_the_likely_cause() -> None:
    data = b'URN,Name\n1,"unclosed\n' + b"2,a school\n" * 20_000

    with pytest.raises(SourceError) as raised:
        list(_table(data).rows())

    assert [
        SourceProblem(
            "$",
            "not readable as CSV: a cell of the row on this line runs past 131,072 characters "
            "(a quote left open makes the rest of the file one cell)",
            2,
        )
    ] == list(raised.value.problems)


# Extensions ------------------------------------------------------------------------------------


def test_fields_land_under_the_publishers_namespace_in_its_own_spelling() -> None:
    assert {"fhrs:PostCode": "L1 1QE", "fhrs:Geocode": {"Longitude": "1"}} == namespaced(
        "fhrs", {"PostCode": "L1 1QE", "Geocode": {"Longitude": "1"}}
    )


def test_extension_keys_are_found_on_the_record_and_the_records_it_holds(
    seed: il.Inspection,
) -> None:
    subject = il.Organisation(
        name="Zinc", kind=il.OrganisationKind.FOOD_BUSINESS, extensions={"fhrs:PostCode": "x"}
    )
    record = il.Inspection(
        id="x",
        title="x",
        inspectorate=il.Organisation(
            name="Gwynedd",
            kind=il.OrganisationKind.LOCAL_AUTHORITY,
            extensions={"fhrs:LocalAuthorityWebSite": "w"},
        ),
        subjects=[subject, subject],
        published=seed.published,
        extensions={"fhrs:RatingKey": "k"},
    )

    assert sorted(
        ["fhrs:RatingKey", "fhrs:LocalAuthorityWebSite", "fhrs:PostCode", "fhrs:PostCode"]
    ) == sorted(extension_keys(record))


# Building records --------------------------------------------------------------------------------


def test_an_assembler_builds_what_init_builds_with_defaults_filled() -> None:
    from inspectlib._fast_records import assembler

    new = assembler(il.Organisation)
    built = new(name="Zinc", kind=il.OrganisationKind.FOOD_BUSINESS)

    assert il.Organisation(name="Zinc", kind=il.OrganisationKind.FOOD_BUSINESS) == built
    assert () == built.identifiers
    with pytest.raises(TypeError):
        new(name="Zinc")  # kind has no default


class _Copies:
    """Every temporary copy the encoding check makes, to see that each is closed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.made: list[tempfile.SpooledTemporaryFile[bytes]] = []
        made = self.made

        class Recorded(tempfile.SpooledTemporaryFile):  # type: ignore[type-arg]
            def __init__(self, *arguments: Any, **options: Any) -> None:
                super().__init__(*arguments, **options)
                made.append(self)

        monkeypatch.setattr(tempfile, "SpooledTemporaryFile", Recorded)
        monkeypatch.setattr(_encodings, "_SPOOL_IN_MEMORY", 16)  # a real file, past 16 bytes


SCHOOLS = Path(__file__).parent / "fixtures" / "ofsted" / "schools_most_recent_2019_2024.csv"


def test_the_copy_of_a_stream_that_cannot_seek_is_closed_when_it_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copies = _Copies(monkeypatch)

    with pytest.raises(SourceError):
        CsvTable(Unseekable(b"URN,Name\n1,\xe9\x81\n" * 10), "pipe", required=["URN"])  # type: ignore[arg-type]
    with pytest.raises(SourceError):
        CsvTable(Unseekable(b"no,header\n" * 10), "pipe", required=["URN"])  # type: ignore[arg-type]

    assert 2 == len(copies.made)
    assert all(copy.closed for copy in copies.made)


@pytest.mark.parametrize("taken", [None, 1], ids=["read-to-the-end", "abandoned"])
def test_the_copy_of_a_stream_that_cannot_seek_is_closed_when_reading_ends(
    monkeypatch: pytest.MonkeyPatch, taken: int | None
) -> None:
    copies = _Copies(monkeypatch)
    # Without its byte order mark, so that the whole file is read to find its encoding.
    data = SCHOOLS.read_bytes().removeprefix(b"\xef\xbb\xbf")
    records = ofsted.read(Unseekable(data))  # type: ignore[arg-type]

    if taken is None:
        assert list(records)
    else:
        next(records)
        records.close()  # type: ignore[attr-defined]  # what a loop left by break leads to

    (copy,) = copies.made
    assert copy.closed


def test_reading_leaves_the_callers_stream_open_and_warns_of_nothing() -> None:
    stream = io.BytesIO(SCHOOLS.read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        assert list(ofsted.read(stream))
        gc.collect()

    assert not stream.closed
