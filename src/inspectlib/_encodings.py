"""The encoding of a text file, found in one pass: what the importers and the reading of
tables back both need, since publishers and spreadsheets save CSV files as UTF-8 or Windows-1252.
"""

from __future__ import annotations

import codecs
import io
import re
import tempfile
from typing import IO, Any, Final

import attrs

__all__ = [
    "BYTE_LINES",
    "ENCODINGS",
    "EncodingRefused",
    "Undecodable",
    "detect_encoding",
    "first_undecodable",
    "replayed",
]


ENCODINGS: Final = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
"""The encodings a CSV file is found to be in, which ``encoding=`` can also name."""


class EncodingRefused(ValueError):
    """A file whose encoding cannot be told, with why and where: each caller turns it into its
    own located error (an importer's :class:`SourceError`, a table's problem)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Replay(io.RawIOBase):
    """*prefix* (bytes already read from *stream*), then the rest of *stream*."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size < 0 or size >= len(self._prefix):
                head = bytes(self._prefix)
                self._prefix = memoryview(b"")
                return head + (self._stream.read() if size < 0 else b"")
            head = bytes(self._prefix[:size])
            self._prefix = self._prefix[size:]
            return head
        return self._stream.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def replayed(prefix: bytes, stream: IO[bytes]) -> IO[bytes]:
    """A stream that reads *prefix* (bytes already read from *stream*), then the rest of
    *stream*."""
    return _Replay(prefix, stream)  # type: ignore[return-value]


_SPOOL_IN_MEMORY: Final = 8 * 1024 * 1024


def detect_encoding(stream: IO[bytes], *, advice: str) -> tuple[str, IO[bytes]]:
    """The encoding of a text file, among those publishers' CSV files use, and a stream that
    reads it from the start.

    A UTF-16 byte order mark decides. A UTF-8 one says UTF-8, and the file is read through once
    all the same: a byte that is not UTF-8 is refused at once, naming its offset and line (the
    reader of rows decodes ahead of the rows it gives, so it could only say roughly where).
    Otherwise the whole file is read once: if it
    is valid UTF-8 it is UTF-8 (a Windows-1252 file with accented letters is almost never valid
    UTF-8, so this does not produce mojibake); if not, Windows-1252, provided it uses none of
    the five bytes Windows-1252 leaves undefined and none of its non-ASCII text is valid
    multi-byte UTF-8. A file with both valid UTF-8 letters and bytes that are not UTF-8 mixes
    encodings (a UTF-8 file with one stray Windows-1252 byte): either reading would garble
    part of it, so it is refused, naming the first byte that is not UTF-8. A stream that
    cannot seek is copied to a temporary file while it is checked, so memory stays flat. A
    file in neither encoding is an :class:`EncodingRefused` ending with *advice*: what the
    caller's user can do about it.
    """
    head = stream.read(4)
    while 0 < len(head) < 4 and (more := stream.read(4 - len(head))):
        head += more  # a pipe may give fewer bytes than asked: a mark is never cut short
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", replayed(head, stream)
    # A UTF-8 byte order mark says UTF-8, but the file is checked all the same: a stray byte
    # is then refused here, with its line, rather than met by the reader rows later.
    bom = head.startswith(codecs.BOM_UTF8)
    seekable = stream.seekable()
    if seekable:
        start = stream.tell() - len(head)
        copy: IO[bytes] | None = None
    else:
        copy = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        scan = _scan(head, stream, copy)
    except BaseException:
        if copy is not None:
            copy.close()  # the copy is this function's own until it is returned
        raise
    refusal = _refusal(scan, bom=bom, advice=advice)
    if refusal is not None:
        if copy is not None:
            copy.close()
        raise EncodingRefused(refusal, scan.utf8_line if scan.mixed or bom else None)
    if copy is None:
        stream.seek(start)
        rewound: IO[bytes] = stream
    else:
        copy.seek(0)
        rewound = copy
    if bom:
        return "utf-8-sig", rewound
    return ("utf-8" if scan.utf8_error is None else "cp1252"), rewound


def _refusal(scan: _Scan, *, bom: bool, advice: str) -> str | None:
    """Why a file cannot be read in one encoding, from what its scan found; ``None`` if it can."""
    if scan.utf8_error is not None and bom:
        return (
            f"the file starts with a UTF-8 byte order mark, but byte {scan.utf8_error:,} "
            f"(0x{scan.utf8_byte:02x}) is not UTF-8: re-save it in one encoding, or {advice}"
        )
    if scan.utf8_error is not None and scan.mixed:
        return (
            f"the file mixes encodings: its other non-ASCII text is UTF-8, but byte "
            f"{scan.utf8_error:,} (0x{scan.utf8_byte:02x}) is not, so neither UTF-8 nor "
            f"Windows-1252 reads all of it: re-save it in one encoding, or {advice}"
        )
    if scan.utf8_error is not None and scan.cp1252_error is not None:
        return (
            f"the file is neither UTF-8 (byte {scan.utf8_error:,} is not) nor Windows-1252 "
            f"(byte {scan.cp1252_error:,} is not): {advice}"
        )
    return None


# Decoding with "surrogateescape" turns each byte that is not UTF-8 into one of the
# characters U+DC80 to U+DCFF, and every valid multi-byte sequence into a character outside
# them (UTF-8 never encodes a surrogate).
_CP1252_UNDEFINED_BYTES: Final = tuple(bytes([byte]) for byte in b"\x81\x8d\x8f\x90\x9d")


def _first_stray(text: str) -> int | None:
    """Where the first byte that was not UTF-8 is in *text*, decoded with "surrogateescape";
    ``None`` where there is none. Encoding finds it at the speed of a copy, where a pattern
    would step through every character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _first_cp1252_undefined(chunk: bytes) -> int | None:
    """Where the first byte Windows-1252 leaves undefined is in *chunk* (five fast searches);
    ``None`` where there is none."""
    if chunk.isascii():
        return None
    found = [at for byte in _CP1252_UNDEFINED_BYTES if (at := chunk.find(byte)) >= 0]
    return min(found) if found else None


_UTF8_NON_ASCII: Final = re.compile("[\x80-\ud7ff\ue000-\U0010ffff]")


@attrs.define
class _Scan:
    """What one pass over a file found about its encoding."""

    utf8_error: int | None = None
    """The offset of the first byte that is not UTF-8."""
    utf8_byte: int = 0
    """That byte."""
    utf8_line: int = 0
    """The line it is on (1 is the first)."""
    utf8_letter: bool = False
    """Whether any valid multi-byte UTF-8 sequence was seen."""
    cp1252_error: int | None = None
    """The offset of the first byte Windows-1252 leaves undefined."""

    @property
    def mixed(self) -> bool:
        return self.utf8_error is not None and self.utf8_letter


def _scan(head: bytes, stream: IO[bytes], copy: IO[bytes] | None) -> _Scan:
    """One pass over *head* and then *stream*, in chunks (memory stays flat): where the first
    byte that is not UTF-8 is, whether valid multi-byte UTF-8 is there too, and where the first
    byte that is not Windows-1252 is. Every byte read is written to *copy* where there is one;
    reading stops early only where the file is found to mix encodings."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    scan = _Scan()
    offset = 0
    lines = 0
    chunk = head
    if copy is not None:
        copy.write(head)
    while True:
        pending = len(decoder.getstate()[0])  # bytes of a sequence split across chunks
        text = decoder.decode(chunk, final=not chunk)
        # Text that is all ASCII (most of a publisher's file) holds neither letters nor
        # stray bytes; the test is a flag of the string, not a scan. (The bytes' own test
        # below: a sequence split across chunks is in neither text yet.)
        ascii_text = text.isascii()
        if not scan.utf8_letter and not ascii_text and _UTF8_NON_ASCII.search(text):
            scan.utf8_letter = True
        if scan.utf8_error is None and not ascii_text:
            stray = _first_stray(text)
            if stray is not None:
                before = len(text[:stray].encode("utf-8", "surrogateescape"))
                at = offset - pending + before
                scan.utf8_error = at
                scan.utf8_byte = ord(text[stray]) - 0xDC00
                scan.utf8_line = lines + chunk[: max(at - offset, 0)].count(b"\n") + 1
        if scan.cp1252_error is None:
            undefined = _first_cp1252_undefined(chunk)
            if undefined is not None:
                scan.cp1252_error = offset + undefined
        if not chunk or scan.mixed:
            return scan
        if scan.utf8_error is None:
            lines += chunk.count(b"\n")
        offset += len(chunk)
        chunk = stream.read(1024 * 1024)
        if copy is not None:
            copy.write(chunk)


@attrs.frozen
class Undecodable:
    """The first bytes of a file that its encoding does not decode."""

    offset: int
    """Their offset in the stream, from where it was read."""
    byte: int
    """The first of them."""
    line: int
    """The line they are on (1 is the first)."""
    reason: str
    """The codec's word for what is wrong."""


BYTE_LINES: Final = frozenset({"utf-8", "utf-8-sig", "cp1252"})
"""The encodings :func:`first_undecodable` reads: those whose newline is the byte ``\\n``."""


def first_undecodable(stream: IO[bytes], encoding: str) -> Undecodable | None:
    """Where *stream*, read from where it is to its end in chunks (memory stays flat), first
    fails to decode in *encoding* (one of :data:`BYTE_LINES`); ``None`` where it decodes whole.

    For saying exactly where a file read in a given encoding is not that encoding, once its
    reader has failed: the reader decodes ahead of its rows, so it cannot say.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = lines = 0
    while True:
        chunk = stream.read(1024 * 1024)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            # What failed is the end of (bytes held from the last chunk + this chunk): the
            # held bytes, or a byte order mark, are never a newline.
            failed = bytes(error.object)
            at = offset + len(chunk) - len(failed) + error.start
            line = lines + 1 + failed[: error.start].count(b"\n")
            return Undecodable(at, failed[error.start], line, error.reason)
        if not chunk:
            return None
        lines += chunk.count(b"\n")
        offset += len(chunk)
