"""A JSON document read one value at a time, so that memory stays flat however long the
arrays in it are.

Publishers wrap their items in an envelope (``{"establishments": [...], "meta": {...}}``,
``{"FHRSEstablishment": {"Header": ..., "EstablishmentCollection": [...]}}``). An importer
walks the envelope with :meth:`JsonReader.members` and :meth:`JsonReader.elements` and takes
each item whole with :meth:`JsonReader.value`: the reader only finds where the item ends
(counting brackets, skipping strings, with the regular expression engine doing the byte
work), and orjson decodes it. So an item costs what decoding it with orjson costs, and only one
item, with at most one read buffer, is in memory at a time.

Every syntax error is a :class:`JsonSyntaxError` with the line and column of the document
where it is, orjson's own message inside an item and the same wording outside one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any, Final

import orjson

__all__ = ["JsonReader", "JsonSyntaxError"]

_READ: Final = 64 * 1024
_BOM: Final = b"\xef\xbb\xbf"
_SPACE: Final = re.compile(rb"[ \t\r\n]*+")
# A run of anything but brackets, with strings skipped whole: what lies between two brackets of
# an object or array. Possessive, so a string left open at the end of the buffer costs one pass.
_BETWEEN_BRACKETS: Final = re.compile(rb'(?:[^"\[\]{}]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+')
_STRING: Final = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
_SCALAR_END: Final = re.compile(rb"[ \t\r\n,:\[\]{}\"]")


class JsonSyntaxError(Exception):
    """The document is not JSON: *message* at *line* and *column* (both from 1)."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(f"{message} at line {line}, column {column}")
        self.line = line
        self.column = column
        self.message = message


class JsonReader:
    """The JSON document of a binary *stream*, read from its start a value at a time.

    >>> import io
    >>> reader = JsonReader(io.BytesIO(b'{"items": [{"n": 1}, {"n": 2}], "total": 2}'))
    >>> for key in reader.members():
    ...     if key == "items":
    ...         print([reader.value() for _ in reader.elements()])
    ...     else:
    ...         print(key, reader.value())
    [{'n': 1}, {'n': 2}]
    total 2
    >>> reader.end()

    A caller of :meth:`members` or :meth:`elements` takes each value (with :meth:`value`, or
    by walking into it) before it asks for the next.
    """

    __slots__ = ("_buffer", "_eof", "_line", "_line_start", "_offset", "_pos", "_stream")

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._buffer = b""
        self._pos = 0  # where reading is, in the buffer
        self._offset = 0  # the document's offset of the buffer's first byte
        self._line = 1  # the line of the buffer's first byte
        self._line_start = 0  # the document's offset where that line starts
        self._eof = False

    # Reading -----------------------------------------------------------------------------

    def _fill(self, at_least: int = _READ) -> bool:
        """Drop what has been read, and read *at_least* more bytes; ``False`` at the end."""
        if self._eof:
            return False
        pos = self._pos
        if pos:
            newlines = self._buffer.count(b"\n", 0, pos)
            if newlines:
                self._line += newlines
                self._line_start = self._offset + self._buffer.rindex(b"\n", 0, pos) + 1
            self._offset += pos
            self._buffer = self._buffer[pos:]
            self._pos = 0
        data = self._stream.read(at_least)
        if not data:
            self._eof = True
            return False
        if not self._offset and not self._buffer:
            while len(data) < len(_BOM) and (more := self._stream.read(at_least)):
                data += more
        if not self._offset and not self._buffer and data.startswith(_BOM):
            # JSON may begin with a byte order mark, to be ignored (RFC 8259, section 8.1).
            data = data[len(_BOM) :]
            self._offset = self._line_start = len(_BOM)
        self._buffer += data
        return True

    def _error(self, at: int, message: str) -> JsonSyntaxError:
        """The error at offset *at* of the buffer (where reading is, or after it)."""
        newlines = self._buffer.count(b"\n", 0, at)
        line = self._line + newlines
        if newlines:
            column = at - self._buffer.rindex(b"\n", 0, at)
        else:
            column = self._offset + at - self._line_start + 1
        return JsonSyntaxError(line, column, message)

    def _next_byte(self) -> bytes:
        """The next byte after white space, not read; ``b""`` at the end of the document."""
        while True:
            end = _SPACE.match(self._buffer, self._pos).end()  # type: ignore[union-attr]
            self._pos = end
            if end < len(self._buffer):
                return self._buffer[end : end + 1]
            if not self._fill():
                return b""

    def _expected(self, what: str) -> JsonSyntaxError:
        found = self._next_byte()
        if not found:
            return self._error(self._pos, "unexpected end of data")
        return self._error(self._pos, f"unexpected character, expected {what}")

    def _value_end(self) -> int:
        """The buffer offset just after the value that starts where reading is, read in as
        far as needed."""
        first = self._next_byte()
        if not first:
            raise self._error(self._pos, "unexpected end of data")
        if first in b"{[":
            return self._container_end()
        if first == b'"':
            return self._string_end()
        return self._scalar_end()

    def _container_end(self) -> int:
        # Offsets are kept from the value's start: a fill moves the buffer under them.
        depth = 0
        scanned = 0
        while True:
            buffer, start = self._buffer, self._pos
            at = start + scanned
            while True:
                at = _BETWEEN_BRACKETS.match(buffer, at).end()  # type: ignore[union-attr]
                if at == len(buffer) or buffer[at] == 0x22:  # the end, or an open string
                    break
                depth += 1 if buffer[at] in b"[{" else -1
                at += 1
                if depth == 0:
                    return at
            scanned = at - start
            # Read as much again as the value holds so far: a long value is scanned a bounded
            # number of times, not once a read.
            if not self._fill(max(_READ, len(buffer) - start)):
                raise self._error(len(self._buffer), "unexpected end of data")

    def _string_end(self) -> int:
        while True:
            found = _STRING.match(self._buffer, self._pos)
            if found is not None:
                return found.end()
            if not self._fill(max(_READ, len(self._buffer) - self._pos)):
                raise self._error(len(self._buffer), "unexpected end of data")

    def _scalar_end(self) -> int:
        scanned = 1
        while True:
            found = _SCALAR_END.search(self._buffer, self._pos + scanned)
            if found is not None:
                return found.start()
            scanned = len(self._buffer) - self._pos
            if not self._fill(max(_READ, scanned)):
                return len(self._buffer)

    # Walking the document ------------------------------------------------------------------

    def peek(self) -> str:
        """The first character of the next value (``{``, ``[``, ``"``, ``n``...), not read;
        ``""`` at the end of the document."""
        return self._next_byte().decode("latin-1")

    def head(self, size: int = 256) -> bytes:
        """Up to *size* bytes from where reading is, not read: enough to tell a document's
        shape by its first key."""
        while len(self._buffer) - self._pos < size and self._fill():
            pass
        return self._buffer[self._pos : self._pos + size]

    def value(self) -> Any:
        """The next value, decoded whole, as :func:`orjson.loads` decodes it."""
        end = self._value_end()
        start = self._pos
        try:
            decoded = orjson.loads(self._buffer[start:end])
        except orjson.JSONDecodeError as error:
            failure = error
            if end < len(self._buffer) and self._buffer[start] not in b'{["':
                # A word or number cut where a delimiter stands: with the delimiter, orjson
                # says what is wrong with it ("invalid literal"), not "unexpected end".
                try:
                    orjson.loads(self._buffer[start : end + 1])
                except orjson.JSONDecodeError as better:
                    failure = better
            # Where orjson stopped, as an offset of the buffer: its position counts characters.
            text = self._buffer[start : end + 1].decode("utf-8", "replace")
            at = start + len(text[: failure.pos].encode("utf-8", "replace"))
            raise self._error(at, failure.msg) from None
        self._pos = end
        return decoded

    def _punctuation(self, allowed: bytes, what: str) -> bytes:
        found = self._next_byte()
        if not found or found not in allowed:
            raise self._expected(what)
        self._pos += 1
        return found

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next, each once its value is next."""
        self._punctuation(b"{", "'{'")
        if self._next_byte() == b"}":
            self._pos += 1
            return
        while True:
            if self._next_byte() != b'"':
                if self._next_byte() == b"}":
                    raise self._error(self._pos, "trailing comma is not allowed")
                raise self._expected("a string key")
            key = self.value()
            self._punctuation(b":", "':' after key")
            yield key
            if self._punctuation(b",}", "',' or '}'") == b"}":
                return

    def elements(self) -> Iterator[int]:
        """The indexes (from 0) of the array that comes next, each once its value is next."""
        self._punctuation(b"[", "'['")
        if self._next_byte() == b"]":
            self._pos += 1
            return
        index = 0
        while True:
            if self._next_byte() == b"]":
                raise self._error(self._pos, "trailing comma is not allowed")
            yield index
            index += 1
            if self._punctuation(b",]", "',' or ']'") == b"]":
                return

    def end(self) -> None:
        """Check that nothing but white space follows the document."""
        if self._next_byte():
            raise self._error(self._pos, "unexpected content after document")
