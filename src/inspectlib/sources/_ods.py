"""OpenDocument spreadsheets (``.ods``), read a row at a time.

CQC and Ofsted publish their monthly files as ODS as well as, or instead of, CSV. An ODS file is
a zip archive whose ``content.xml`` holds every sheet; CQC's latest ratings file holds about
320,000 rows. The readers a dependency would bring (pandas with odfpy, python-calamine) build
the whole sheet in memory first; here the XML is streamed with the same safe parse the XML
importers use (no document type declaration, so no entity expansion), each row is turned into
text cells and then forgotten, and memory stays flat however large the sheet.

A cell's value is what a reader sees: a date cell gives its ISO date (``office:date-value``), a
number its value, any other cell its text (paragraphs joined by a line break, ``<text:s/>`` as
its spaces). Repeated rows and cells (``table:number-rows-repeated``) are expanded, except the
empty ones a spreadsheet pads every sheet with, which are skipped without being built.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from typing import IO, Final
from xml.etree import ElementTree

from ._shared import CsvRow, Located, SourceError, file_error, rows_by_heading, xml_events

__all__ = ["ZIP_MAGIC", "OdsTable"]

ZIP_MAGIC: Final = b"PK\x03\x04"
"""The first bytes of a zip archive, and so of an ODS file."""

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SHEET = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME = f"{{{_TABLE}}}name"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_VALUE = f"{{{_OFFICE}}}value"
_DATE = f"{{{_OFFICE}}}date-value"
_PARAGRAPH = f"{{{_TEXT}}}p"
_SPACES = f"{{{_TEXT}}}s"
_SPACE_COUNT = f"{{{_TEXT}}}c"
_TAB = f"{{{_TEXT}}}tab"
_LINE_BREAK = f"{{{_TEXT}}}line-break"
_MAX_REPEAT: Final = 100_000
"""The most times one non-empty cell or row may be repeated: more is not a data file."""


def _text(element: ElementTree.Element) -> str:
    """The text of a paragraph, with its spans, spaces, tabs and line breaks; read without
    recursion, so that spans nested however deep cannot exhaust the stack."""
    parts: list[str] = []
    # Each step is an element to open, or a tail to write once its element is done.
    steps: list[ElementTree.Element | str] = [element]
    while steps:
        step = steps.pop()
        if isinstance(step, str):
            parts.append(step)
            continue
        if step.tag == _SPACES:
            parts.append(" " * _count(step.get(_SPACE_COUNT, "1")))
        elif step.tag == _TAB:
            parts.append("\t")
        elif step.tag == _LINE_BREAK:
            parts.append("\n")
        else:
            parts.append(step.text or "")
            for child in reversed(step):
                steps.append(child.tail or "")
                steps.append(child)
    return "".join(parts)


def _count(text: str) -> int:
    """A ``text:c`` count of spaces; anything but a small number counts as one."""
    return int(text) if text.isdigit() and len(text) <= 4 else 1


def _value(cell: ElementTree.Element) -> str:
    kind = cell.get(_VALUE_TYPE)
    if kind == "date":
        return cell.get(_DATE, "")
    if kind in ("float", "percentage", "currency") and cell.get(_VALUE) is not None:
        return cell.get(_VALUE, "")
    return "\n".join(_text(p) for p in cell if p.tag == _PARAGRAPH)


def _repeat(element: ElementTree.Element, attribute: str, name: str) -> int:
    text = element.get(attribute, "1")
    if not text.isdigit() or int(text) < 1:
        raise file_error(name, f"not a spreadsheet: {attribute.split('}')[1]} is {text!r}")
    return int(text)


def _cells(row: ElementTree.Element, name: str) -> list[str]:
    values: list[str] = []
    blanks = 0  # empty cells not yet known to be followed by a value
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        count = _repeat(cell, _COLUMNS_REPEATED, name)
        value = _value(cell)
        if not value:
            blanks += count  # trailing padding is never built
            continue
        if count > _MAX_REPEAT:
            raise file_error(name, f"a cell repeated {count:,} times: not a data file")
        values.extend([""] * blanks)
        blanks = 0
        values.extend([value] * count)
    return values


def sheet_rows(stream: IO[bytes], name: str) -> Iterator[tuple[str, int, list[str]]]:
    """``(sheet, row number, cells)`` for each row of each sheet with a value, in order; row
    numbers count from 1 in each sheet, as a spreadsheet shows them."""
    sheet = ""
    number = 0
    # The open elements: a row read is removed from its parent, so nothing read is kept.
    open_elements: list[ElementTree.Element] = []
    for event, element in xml_events(stream, name):
        if event == "start":
            open_elements.append(element)
            if element.tag == _SHEET:
                sheet, number = element.get(_NAME, ""), 0
            continue
        open_elements.pop()
        if element.tag != _ROW:
            continue
        repeated = _repeat(element, _ROWS_REPEATED, name)
        cells = _cells(element, name)
        if open_elements:
            open_elements[-1].remove(element)
        if not cells:
            number += repeated
            continue
        if repeated > _MAX_REPEAT:
            raise file_error(name, f"a row repeated {repeated:,} times: not a data file")
        for _ in range(repeated):
            number += 1
            yield sheet, number, list(cells)


def _not_ods(archive: zipfile.ZipFile) -> str:
    """Why a zip archive without ``content.xml`` is not read, saying what it is where that is
    plain: an Excel workbook, or an archive a CSV file came in."""
    names = archive.namelist()
    if "xl/workbook.xml" in names:
        return (
            "not an ODS file: it is an Excel workbook (.xlsx), which is not read: "
            "save it as ODS or CSV"
        )
    archived = [member for member in names[:1000] if member.lower().endswith(".csv")]
    if archived:
        return (
            f"not an ODS file: it is a zip archive holding {archived[0]!r}: "
            "extract the CSV file from it first"
        )
    return "not an ODS file: it has no content.xml"


@contextlib.contextmanager
def content(stream: IO[bytes], name: str) -> Iterator[IO[bytes]]:
    """The ``content.xml`` of an ODS file, streamed from the archive."""
    seekable = stream.seekable()
    copy: IO[bytes] | None = None
    if not seekable:
        # A zip archive is read from its end: a stream that cannot seek is copied first.
        copy = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
        shutil.copyfileobj(stream, copy)
        copy.seek(0)
    try:
        try:
            archive = zipfile.ZipFile(copy or stream)
        except zipfile.BadZipFile as error:
            # It starts as a zip archive does (that is how it came here): its end is missing.
            raise file_error(
                name,
                f"a zip archive cut short or damaged: its directory cannot be read ({error}); "
                "download the file again",
            ) from None
        with archive:
            try:
                member = archive.open("content.xml")
            except KeyError:
                raise file_error(name, _not_ods(archive)) from None
            with member:
                yield member
    finally:
        if copy is not None:
            copy.close()


class OdsTable:
    """A sheet of an ODS file read row by row, like :class:`~._shared.CsvTable`: the first
    sheet, of those named *sheets* (any, by default), whose header row has every column of
    one of the *choices* among its first *within* rows; :attr:`choice` says which.

    Raises:
        SourceError: No sheet has such a header row; a heading appears twice in it.
    """

    def __init__(
        self,
        rows: Iterator[tuple[str, int, list[str]]],
        name: str,
        *,
        choices: Sequence[Sequence[str]],
        sheets: Sequence[str] = (),
        within: int = 20,
    ) -> None:
        self.name = name
        self._rows = rows
        seen: list[str] = []
        for sheet, number, cells in rows:
            if (sheets and sheet not in sheets) or number > within:
                continue
            stripped = [cell.strip() for cell in cells]
            choice = next(
                (i for i, required in enumerate(choices) if set(required).issubset(stripped)),
                None,
            )
            if choice is not None:
                self._check_unique(stripped, number)
                self.choice = choice
                """The index of the choice of columns the header row has."""
                self.sheet = sheet
                """The sheet read."""
                self.header_line = number
                """The header's row number in the sheet."""
                self.header = tuple(stripped)
                return
            if sheet not in seen:
                seen.append(sheet)
        raise file_error(
            name,
            "no sheet has a header row with "
            + " or ".join(", ".join(repr(column) for column in required) for required in choices)
            + f" in its first {within} rows (sheets: "
            + (", ".join(repr(sheet) for sheet in seen) or "none")
            + ")",
        )

    def _check_unique(self, cells: list[str], number: int) -> None:
        first: dict[str, int] = {}
        for index, cell in enumerate(cells):
            if cell and first.setdefault(cell, index) != index:
                raise file_error(
                    self.name,
                    f"column {cell!r} appears twice in the header row (columns "
                    f"{first[cell] + 1} and {index + 1})",
                    line=number,
                )

    def rows(self) -> Iterator[CsvRow | SourceError]:
        """Each data row of the sheet, as :meth:`CsvTable.rows <._shared.CsvTable.rows>` gives
        them; ``line`` is the row's number in the sheet. Short rows (a spreadsheet drops
        trailing empty cells) are padded; a row longer than the header is an error."""
        return rows_by_heading(self.header, self.cell_rows())

    def cell_rows(self) -> Iterator[tuple[int, list[str]] | SourceError]:
        """The rows of :meth:`rows` as their number and their cells in the header's order."""
        width = len(self.header)
        for sheet, number, cells in self._rows:
            if sheet != self.sheet:
                return
            if len(cells) > width:
                item = Located(self.name, f"row {number} of sheet {sheet!r}", number)
                item.add((), None, f"{len(cells)} cells where the header row has {width} columns")
                yield item.error()
                continue
            cells.extend([""] * (width - len(cells)))
            yield number, cells
