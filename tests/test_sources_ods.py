"""ODS spreadsheets as the importers read them: hostile and broken files are refused with a
clear error, whatever they hold."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest

from inspectlib.sources import SourceError, cqc, ofsted

OFFICE = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods(content: str, *, member: str = "content.xml") -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(member, content)
    buffer.seek(0)
    buffer.name = "sheet.ods"
    return buffer


def sheet(rows: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {OFFICE}>'
        f'<office:body><office:spreadsheet><table:table table:name="Locations">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )


def row(*cells: str) -> str:
    return (
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{cell}</text:p></table:table-cell>" for cell in cells)
        + "</table:table-row>"
    )


def refused(source: io.BytesIO) -> str:
    with pytest.raises(SourceError) as caught:
        list(cqc.read(source))
    assert "the file" == caught.value.item
    return caught.value.problems[0].message


def test_a_document_type_declaration_is_refused() -> None:
    laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    message = refused(ods(sheet(row("&b;"), prolog=laughs)))

    assert message.startswith("refused: the XML has a document type declaration")


def test_a_cell_repeated_a_billion_times_is_refused_not_built() -> None:
    repeated = (
        '<table:table-row><table:table-cell table:number-columns-repeated="1000000000">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )

    assert "a cell repeated 1,000,000,000 times: not a data file" == refused(ods(sheet(repeated)))


def test_a_row_repeated_a_billion_times_is_refused_not_built() -> None:
    repeated = (
        '<table:table-row table:number-rows-repeated="1000000000">'
        "<table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"
    )

    assert "a row repeated 1,000,000,000 times: not a data file" == refused(ods(sheet(repeated)))


def test_a_broken_repeat_count_is_refused() -> None:
    broken = (
        '<table:table-row table:number-rows-repeated="-3"><table:table-cell/></table:table-row>'
    )

    assert "not a spreadsheet: number-rows-repeated is '-3'" == refused(ods(sheet(broken)))


def test_a_zip_that_is_not_a_spreadsheet_is_refused() -> None:
    assert "not an ODS file: it has no content.xml" == refused(ods("", member="other.xml"))
    assert (
        "a zip archive cut short or damaged: its directory cannot be read (File is not a zip "
        "file); download the file again"
    ) == refused(io.BytesIO(b"PK\x03\x04 and then nothing"))
    whole = ods(sheet(row("Location ID"))).getvalue()
    assert refused(io.BytesIO(whole[: len(whole) // 2])).startswith("a zip archive cut short")


def test_a_workbook_or_an_archive_of_a_csv_file_is_named_for_what_it_is() -> None:
    assert (
        "not an ODS file: it is an Excel workbook (.xlsx), which is not read: save it as ODS or CSV"
    ) == refused(ods("<workbook/>", member="xl/workbook.xml"))
    assert (
        "not an ODS file: it is a zip archive holding 'ratings.csv': extract the CSV file from it "
        "first"
    ) == refused(ods("Location ID\n", member="ratings.csv"))


def test_a_sheet_without_the_columns_names_the_sheets_it_saw() -> None:
    message = refused(ods(sheet(row("Name", "Rating") + row("A care home", "Good"))))

    assert (
        "no sheet has a header row with 'Location ID', 'Service / Population Group', "
        "'Latest Rating', 'Publication Date' in its first 20 rows (sheets: 'Locations')"
    ) == message


def test_spaces_line_breaks_and_spans_are_read_as_text() -> None:
    header = row("URN", "School name", "Inspection number", "Publication date")
    name = (
        "<table:table-row><table:table-cell><text:p>100001</text:p></table:table-cell>"
        '<table:table-cell><text:p>St<text:s text:c="2"/>Mary<text:span>\u2019s</text:span>'
        "<text:line-break/>School</text:p></table:table-cell>"
        "<table:table-cell><text:p>10211234</text:p></table:table-cell>"
        '<table:table-cell office:value-type="date" office:date-value="2023-04-21">'
        "<text:p>21/04/2023</text:p></table:table-cell></table:table-row>"
    )

    (record,) = ofsted.read(ods(sheet(header + name)))

    assert "St  Mary\u2019s\nSchool" == record.subjects[0].name
    assert datetime.date(2023, 4, 21) == record.published


def test_spans_nested_deeper_than_the_stack_are_read() -> None:
    header = row("URN", "School name", "Inspection number", "Publication date")
    deep = "<text:span>" * 50_000 + "Deep School" + "</text:span>" * 50_000
    body = (
        "<table:table-row><table:table-cell><text:p>100001</text:p></table:table-cell>"
        f"<table:table-cell><text:p>{deep}</text:p></table:table-cell>"
        "<table:table-cell><text:p>10211234</text:p></table:table-cell>"
        "<table:table-cell><text:p>21/04/2023</text:p></table:table-cell></table:table-row>"
    )

    (record,) = ofsted.read(ods(sheet(header + body)))

    assert "Deep School" == record.subjects[0].name
