"""What every importer shares: opening a source, located errors, the ``errors=`` convention,
safe XML, CSV with its encoding found, and extensions under the publisher's namespace.

An importer is a generator of *results*: each item it reads becomes a record, or a
:class:`SourceError` naming the file, the item, the field and the value. :func:`deliver` turns
results into records under the ``errors=`` convention of :func:`inspectlib.load_lines`. A
problem that ends the file (not XML at all, a refused document type declaration, a missing
header row) is *raised* by the importer as a :class:`SourceError`; :func:`deliver` treats it as
the file's last error.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import pyexpat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Final, TypeAlias, TypeVar
from xml.etree import ElementTree

import attrs

from inspectlib._encodings import (
    BYTE_LINES,
    ENCODINGS,
    EncodingRefused,
    first_undecodable,
    replayed,
)
from inspectlib._encodings import detect_encoding as find_encoding
from inspectlib._errors import Problem, ValidationError
from inspectlib._paths import Step
from inspectlib._paths import render as render_path
from inspectlib._suggestions import did_you_mean

__all__ = [
    "ENCODINGS",
    "PASS_AS_OF",
    "CsvRow",
    "CsvTable",
    "Located",
    "SourceError",
    "SourceInput",
    "SourceProblem",
    "deliver",
    "file_error",
    "refuse_compressed",
    "namespaced",
    "opened",
    "peek",
    "replayed",
    "row_located",
    "rows_by_heading",
    "shown",
    "text_of",
    "xml_error",
    "xml_events",
    "xml_iterparse",
]

R = TypeVar("R")

SourceInput: TypeAlias = str | os.PathLike[str] | IO[bytes]
"""What an importer reads: a path, or a file opened in binary mode."""


# Located errors ------------------------------------------------------------------------------


@attrs.frozen
class SourceProblem(Problem):
    """One thing wrong with an item of a publisher's file: where, the field, and the value.

    ``path`` is rooted at the item (``$.Scores.Hygiene``); ``line`` is the item's line
    where the format has lines a reader can use (CSV).

    .. versionadded:: 0.1.0
    """

    field: str | None = None
    """The field as the publisher names it: an element path (``Scores/Hygiene``), a JSON key
    path (``scores/Hygiene``) or a column heading; ``None`` for the item or the file as a
    whole."""
    value: str | None = None
    """The value as the file gives it, as text; ``None`` where the field is missing."""


class SourceError(ValidationError):
    """An item of a publisher's file that cannot be imported, with every problem found in it.

    ``str()`` reads ``FILE: ITEM is invalid: N problems`` and then one problem a line.

    .. versionadded:: 0.1.0
    """

    file: str
    """The file's path as given, or the stream's name."""
    item: str
    """The item: ``"EstablishmentDetail 3 (FHRSID 1264123)"``, ``"row 14"``, or
    ``"the file"`` for a problem that ends the file."""
    problems: tuple[SourceProblem, ...]

    def __init__(self, file: str, item: str, problems: Iterable[SourceProblem]) -> None:
        self.file = file
        self.item = item
        super().__init__(f"{file}: {item}", problems)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.item, self.problems))


def shown(value: object, limit: int = 60) -> str:
    """*value* quoted for a message, cut to *limit* characters so no message grows with the
    file."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


class Located:
    """The problems of one item as it is read; cheap until the first problem.

    >>> item = Located("f.xml", "EstablishmentDetail 1")
    >>> item.add(("RatingValue",), "Six", "unknown rating")
    >>> print(item.error())
    f.xml: EstablishmentDetail 1 is invalid: 1 problem
      $.RatingValue: unknown rating
    """

    __slots__ = ("file", "item", "line", "problems")

    def __init__(self, file: str, item: str, line: int | None = None) -> None:
        self.file = file
        self.item = item
        self.line = line
        self.problems: list[SourceProblem] = []

    def add(self, steps: tuple[Step, ...], value: object, message: str) -> None:
        """Record a problem with the field at *steps* (as the publisher names it) holding
        *value* (``None`` when the field is missing)."""
        self.problems.append(
            SourceProblem(
                render_path(steps),
                message,
                self.line,
                "/".join(str(step) for step in steps) or None,
                None if value is None else (value if isinstance(value, str) else str(value)),
            )
        )

    def missing(self, steps: tuple[Step, ...]) -> None:
        """Record that a required field is missing."""
        self.add(steps, None, "missing")

    def error(self) -> SourceError:
        return SourceError(self.file, self.item, self.problems)


def file_error(file: str, message: str, *, line: int | None = None) -> SourceError:
    """An error that ends the file: nothing more can be read from it."""
    return SourceError(file, "the file", [SourceProblem("$", message, line)])


# The marks compressed files start with: a file given still compressed (a download saved as
# it came) would otherwise be refused as text in no known encoding or as no known format.
# None of them can start a text file (each begins with a control or non-ASCII byte).
_COMPRESSED: Final = (
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"\x28\xb5\x2f\xfd", "Zstandard-compressed"),
)


def refuse_compressed(head: bytes, name: str) -> None:
    """Refuse a file whose first bytes *head* are those of a compressed file, saying so."""
    for mark, kind in _COMPRESSED:
        if head.startswith(mark):
            raise file_error(name, f"the file is {kind}: decompress it first")


def deliver(results: Iterator[R | SourceError], errors: list[SourceError] | None) -> Iterator[R]:
    """The records of *results*, under the ``errors=`` convention of
    :func:`inspectlib.load_lines`: without a list, the first error raises; with one, each error
    is appended and reading goes on. An error the importer *raised* ends the file: it is the
    last one appended."""
    while True:
        try:
            result = next(results)
        except StopIteration:
            return
        except SourceError as error:
            if errors is None:
                raise
            errors.append(error)
            return
        if isinstance(result, SourceError):
            if errors is None:
                raise result
            errors.append(result)
        else:
            yield result


# Opening a source ----------------------------------------------------------------------------


@contextlib.contextmanager
def opened(source: SourceInput) -> Iterator[tuple[IO[bytes], str]]:
    """A binary stream of *source* and the name errors give it; a path is opened and closed
    here, a stream is left open for its owner."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield stream, os.fspath(source)
        return
    if isinstance(source, io.TextIOBase):
        raise TypeError(
            "importers read bytes, so that they can detect the encoding themselves: open the "
            "file in binary mode ('rb')"
        )
    if not hasattr(source, "read"):
        raise TypeError(f"expected a path or a binary file, got {type(source).__name__}")
    yield source, str(getattr(source, "name", "<stream>"))


def peek(stream: IO[bytes], size: int = 4096) -> tuple[bytes, IO[bytes]]:
    """The first bytes of *stream* and a stream that still starts with them, seekable or not."""
    head = stream.read(size)
    return head, replayed(head, stream)


# Safe XML ------------------------------------------------------------------------------------


class _DoctypeFound(Exception):
    pass


class _RootFound(Exception):
    pass


_PROLOG_LIMIT: Final = 1024 * 1024


def _no_doctype(stream: IO[bytes], name: str) -> bytes:
    """Read the prolog of an XML stream with expat and refuse a document type declaration;
    return the bytes read, to be parsed again.

    Entities can only be declared in a document type declaration, and one may only stand
    before the root element. Refusing it refuses every entity trick at once: nested expansion
    ("billion laughs"), external entities reading local files or the network, parameter
    entities. Without a declaration, a reference to any entity but XML's five built-in ones is
    a well-formedness error, which the real parse reports.
    """

    def doctype(*_: object) -> None:
        raise _DoctypeFound

    def root(*_: object) -> None:
        raise _RootFound

    parser = pyexpat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype  # unreachable without a DOCTYPE; belt and braces
    parser.StartElementHandler = root
    read: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(64 * 1024)
        read.append(chunk)
        size += len(chunk)
        try:
            parser.Parse(chunk, not chunk)
        except _DoctypeFound:
            raise file_error(
                name,
                "refused: the XML has a document type declaration (<!DOCTYPE ...>), which can "
                "declare entities that expand without bound or read other files; publishers' "
                "open data has none",
            ) from None
        except (_RootFound, pyexpat.ExpatError):
            # A root element: no declaration can follow. Not XML: the real parse says where.
            return b"".join(read)
        if not chunk:
            return b"".join(read)
        if size > _PROLOG_LIMIT:
            raise file_error(
                name, f"no root element in the first {_PROLOG_LIMIT:,} bytes: not a data file"
            )


def xml_iterparse(stream: IO[bytes], name: str) -> Iterator[tuple[str, ElementTree.Element]]:
    """The standard library's ``iterparse`` over *stream*, ``"start"`` and ``"end"`` events,
    once the document type declaration is refused (see :func:`_no_doctype`): the fastest safe
    loop. It raises :class:`xml.etree.ElementTree.ParseError`; pass that to
    :func:`xml_error`. :func:`xml_events` does both for a caller that needs no speed."""
    prolog = _no_doctype(stream, name)
    return ElementTree.iterparse(replayed(prolog, stream), events=("start", "end"))


def xml_error(name: str, error: ElementTree.ParseError) -> SourceError:
    """The error that ends a file that is not well-formed, with its line and column."""
    line, column = error.position
    reason = str(error).rsplit(": line ", 1)[0]
    return file_error(
        name, f"not well-formed XML at line {line}, column {column + 1}: {reason}", line=line
    )


def xml_events(stream: IO[bytes], name: str) -> Iterator[tuple[str, ElementTree.Element]]:
    """``("start" | "end", element)`` events of the XML in *stream*, parsed safely.

    Document type declarations are refused (see :func:`_no_doctype`), so no entity is ever
    declared or expanded. The parse is the standard library's C one, with events, so the
    caller can clear what it has read and keep memory flat.

    Raises:
        SourceError: The file is not well-formed XML (the message gives line and column), or
            it has a document type declaration.
    """
    events = xml_iterparse(stream, name)
    try:
        yield from events
    except ElementTree.ParseError as error:
        raise xml_error(name, error) from None


XSI_NIL: Final = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def text_of(element: ElementTree.Element) -> str | None:
    """An element's text, or ``None`` where it has none: empty (``<A/>``) or ``xsi:nil``."""
    text = element.text
    if not text or element.get(XSI_NIL) == "true":
        return None
    return text


# CSV -----------------------------------------------------------------------------------------


PASS_AS_OF: Final = "pass as_of="
"""How advice names the ``as_of=`` argument of an importer's ``read``."""
_ENCODING_ADVICE: Final = "pass encoding= to say which it is"
"""The advice an undecidable encoding ends with (``encoding=``, an importer's argument)."""


def detect_encoding(stream: IO[bytes], name: str) -> tuple[str, IO[bytes]]:
    """The encoding of a CSV file and a stream that reads it from the start
    (:func:`inspectlib._encodings.detect_encoding`); a file whose encoding cannot be told is a
    :class:`SourceError` naming the file."""
    try:
        return find_encoding(stream, advice=_ENCODING_ADVICE)
    except EncodingRefused as refused:
        raise file_error(name, refused.message, line=refused.line) from None


@attrs.frozen
class CsvRow:
    """One data row of a CSV file: its values by column heading, and where it is."""

    line: int
    """The line the row starts on (1 is the first line of the file)."""
    values: Mapping[str, str]
    """Each cell by its column heading, as text exactly as the file has it."""

    def located(self, file: str) -> Located:
        """A :class:`Located` for problems of this row."""
        return row_located(file, self.line)


def row_located(file: str, line: int) -> Located:
    """A :class:`Located` for problems of the row of *file* on *line*."""
    return Located(file, f"row at line {line}", line)


class CsvTable:
    """A CSV file read row by row: the encoding found, the header row found, then data rows.

    Args:
        stream: The file, in binary.
        name: How errors name the file.
        required: Column headings the header row must have; the header row is the first row,
            among the first *within*, that has them all. Rows before it are kept as
            :attr:`preamble` (publishers put titles and notes there).
        encoding: The encoding, where known; otherwise detected (see :func:`detect_encoding`).
        within: How many rows to look through for the header row.

    Raises:
        SourceError: No header row (the message names the columns missing from the closest
            row, with suggestions), a heading that appears twice, an undecodable file.
    """

    def __init__(
        self,
        stream: IO[bytes],
        name: str,
        *,
        required: Sequence[str],
        encoding: str | None = None,
        within: int = 20,
    ) -> None:
        self.name = name
        if encoding is None:
            encoding, stream = detect_encoding(stream, name)
        self.encoding: str = encoding
        """The encoding the file is read in (``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``)."""
        # The copy detection made of a stream that cannot seek is the table's own, to close.
        self._copy = stream if isinstance(stream, tempfile.SpooledTemporaryFile) else None
        # Where the text starts, to find a byte that does not decode if one is met.
        self._start = stream.tell() if stream.seekable() else None
        self._text = io.TextIOWrapper(stream, encoding=encoding, newline="")
        self._reader = csv.reader(self._text, strict=True)
        self._last_line = 0
        self.preamble: list[list[str]] = []
        """The rows before the header row."""
        try:
            self.header_line, self.header = self._find_header(required, within)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Let go of the file: the caller's stream is left open, a copy made of it is closed."""
        if not self._text.closed:
            self._text.detach()  # or closing the wrapper would close the caller's stream
        if self._copy is not None:
            self._copy.close()

    def __enter__(self) -> CsvTable:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise self._unreadable_csv(error, reader.line_num) from None
            except UnicodeDecodeError as error:
                raise self._undecodable(reader.line_num, error.reason) from None
            start, self._last_line = self._last_line + 1, reader.line_num
            yield start, row

    def _unreadable_csv(self, error: csv.Error, read_to: int) -> SourceError:
        """What a CSV reader's *error*, met on line *read_to*, means for a publisher's file."""
        if str(error).startswith("field larger than field limit"):
            # Most often a quote left open, which runs the rest of the file into one cell: the
            # row it starts on is where to look, not the line the reader gave up on.
            return file_error(
                self.name,
                f"not readable as CSV: a cell of the row on this line runs past "
                f"{csv.field_size_limit():,} characters (a quote left open makes the rest of "
                "the file one cell)",
                line=self._last_line + 1,
            )
        return file_error(self.name, f"not readable as CSV: {error}", line=read_to)

    def _undecodable(self, read_to: int, reason: str) -> SourceError:
        """The file is not in its encoding somewhere after line *read_to*: the text layer
        decodes ahead of the rows, so the file is read again from its start (where it can
        be) to say at which byte and line."""
        found = None
        if self._start is not None and self.encoding in BYTE_LINES:
            stream = self._text.buffer
            stream.seek(self._start)
            found = first_undecodable(stream, self.encoding)
        if found is None:
            return file_error(self.name, f"not {self.encoding} text after line {read_to}: {reason}")
        return file_error(
            self.name,
            f"not {self.encoding} text: byte {found.offset:,} (0x{found.byte:02x}): {found.reason}",
            line=found.line,
        )

    def _find_header(self, required: Sequence[str], within: int) -> tuple[int, tuple[str, ...]]:
        wanted = set(required)
        best: tuple[int, list[str]] | None = None
        for line, row in self._rows():
            cells = [cell.strip() for cell in row]
            found = wanted.intersection(cells)
            if len(found) == len(wanted):
                seen: dict[str, int] = {}
                for index, cell in enumerate(cells):
                    if cell and cell in seen:
                        raise file_error(
                            self.name,
                            f"column {cell!r} appears twice in the header row (columns "
                            f"{seen[cell] + 1} and {index + 1})",
                            line=line,
                        )
                    seen[cell] = index
                return line, tuple(cells)
            if best is None or len(found) > len(wanted.intersection(best[1])):
                best = (line, cells)
            self.preamble.append(row)
            if len(self.preamble) >= within:
                break
        if best is None:
            raise file_error(self.name, "the file is empty: no header row")
        line, cells = best
        missing = [column for column in required if column not in cells]
        hints = "; ".join(
            f"{column!r}{did_you_mean(column, [c for c in cells if c])}" for column in missing
        )
        raise file_error(
            self.name,
            f"no header row in the first {within} rows; the closest (line {line}) lacks {hints}",
            line=line,
        )

    def rows(self) -> Iterator[CsvRow | SourceError]:
        """Each data row, or the :class:`SourceError` of a row whose cells do not match the
        header. Rows whose every cell is empty (spreadsheets leave them at the end) are
        skipped."""
        return rows_by_heading(self.header, self.cell_rows())

    def cell_rows(self) -> Iterator[tuple[int, list[str]] | SourceError]:
        """The rows of :meth:`rows` as their line and their cells in the header's order, for
        a reader that looks cells up by position, bound once to the header."""
        width = len(self.header)
        for line, row in self._rows():
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    continue
                item = Located(self.name, f"row at line {line}", line)
                item.add(
                    (),
                    None,
                    f"{len(row)} cells where the header row has {width} columns",
                )
                yield item.error()
                continue
            if not any(row):
                continue
            yield line, row


def rows_by_heading(
    header: Sequence[str], rows: Iterable[tuple[int, list[str]] | SourceError]
) -> Iterator[CsvRow | SourceError]:
    """*rows* of cells as :class:`CsvRow`, each cell by its column heading."""
    for row in rows:
        if isinstance(row, SourceError):
            yield row
        else:
            yield CsvRow(row[0], dict(zip(header, row[1], strict=True)))


# Building records ----------------------------------------------------------------------------


# Extensions ----------------------------------------------------------------------------------


def namespaced(namespace: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """*fields* under the publisher's namespace: ``{"PostCode": ...}`` becomes
    ``{"fhrs:PostCode": ...}``. Keys keep the publisher's own spelling, so a field can be
    traced back to the file."""
    return {f"{namespace}:{key}": value for key, value in fields.items()}
