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

__all__ = ["ENCODINGS", "EncodingRefused", "detect_encoding", "replayed"]


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


_CP1252_UNDEFINED: Final = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_SPOOL_IN_MEMORY: Final = 8 * 1024 * 1024


def detect_encoding(stream: IO[bytes], *, advice: str) -> tuple[str, IO[bytes]]:
    """The encoding of a text file, among those publishers' CSV files use, and a stream that
    reads it from the start.

    A byte order mark decides (UTF-8, UTF-16). Otherwise the whole file is read once: if it
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
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", replayed(head, stream)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", replayed(head, stream)
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
    refusal: str | None = None
    if scan.utf8_error is not None and scan.mixed:
        refusal = (
            f"the file mixes encodings: its other non-ASCII text is UTF-8, but byte "
            f"{scan.utf8_error:,} (0x{scan.utf8_byte:02x}) is not, so neither UTF-8 nor "
            f"Windows-1252 reads all of it: re-save it in one encoding, or {advice}"
        )
    elif scan.utf8_error is not None and scan.cp1252_error is not None:
        refusal = (
            f"the file is neither UTF-8 (byte {scan.utf8_error:,} is not) nor Windows-1252 "
            f"(byte {scan.cp1252_error:,} is not): {advice}"
        )
    if refusal is not None:
        if copy is not None:
            copy.close()
        raise EncodingRefused(refusal, scan.utf8_line if scan.mixed else None)
    if copy is None:
        stream.seek(start)
        rewound: IO[bytes] = stream
    else:
        copy.seek(0)
        rewound = copy
    return ("utf-8" if scan.utf8_error is None else "cp1252"), rewound


# Decoding with "surrogateescape" turns each byte that is not UTF-8 into one of these
# characters, and every valid multi-byte sequence into a character outside them.
_NOT_UTF8: Final = re.compile("[\udc80-\udcff]")
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
        if not scan.utf8_letter and _UTF8_NON_ASCII.search(text):
            scan.utf8_letter = True
        if scan.utf8_error is None:
            found = _NOT_UTF8.search(text)
            if found is not None:
                before = len(text[: found.start()].encode("utf-8", "surrogateescape"))
                at = offset - pending + before
                scan.utf8_error = at
                scan.utf8_byte = ord(text[found.start()]) - 0xDC00
                scan.utf8_line = (
                    lines + chunk[: max(at - offset, 0)].count(b"\n") + 1
                    if at >= offset
                    else lines + 1
                )
        if scan.cp1252_error is None:
            undefined = _CP1252_UNDEFINED.search(chunk)
            if undefined:
                scan.cp1252_error = offset + undefined.start()
        if not chunk or scan.mixed:
            return scan
        if scan.utf8_error is None:
            lines += chunk.count(b"\n")
        offset += len(chunk)
        chunk = stream.read(1024 * 1024)
        if copy is not None:
            copy.write(chunk)
