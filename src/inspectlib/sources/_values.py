"""Reading the values publishers write in their files: dates, sentinels, yes and no.

Each reader raises :class:`ValueProblem` with the reason in words; the importer adds the file,
the row and the column, so every message names where the value is.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import IO

from ._shared import peek

__all__ = ["NULLS", "ValueProblem", "day", "head_of", "iso_day", "one_of", "slug", "text"]

NULLS = frozenset({"", "NULL"})
"""What the publishers' files write for "no value": an empty cell, or the text ``NULL``."""


class ValueProblem(ValueError):
    """A value an importer does not know; the message says what was expected."""


def text(value: str) -> str | None:
    """*value* without outer spaces, or ``None`` for an empty cell or ``NULL``."""
    value = value.strip()
    return None if value in NULLS else value


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?Z?)?")


def day(value: str) -> datetime.date:
    """A day written ``dd/mm/yyyy`` (as the files' CSV exports write it) or ``yyyy-mm-dd``.

    A spreadsheet's date cell exported as ``yyyy-mm-ddT00:00:00`` is read as its day; any other
    time of day is refused, as it would not be a day.
    """
    if len(value) == 10 and value[2] == "/" and value[5] == "/":
        head, middle, tail = value[:2], value[3:5], value[6:]
        if head.isdigit() and middle.isdigit() and tail.isdigit() and head.isascii():
            try:
                return datetime.date(int(tail), int(middle), int(head))
            except ValueError:
                raise ValueProblem("is not a day of the calendar") from None
    return iso_day(value, "a date as dd/mm/yyyy")


def iso_day(value: str, expected: str = "a date as yyyy-mm-dd") -> datetime.date:
    """A day written ``yyyy-mm-dd`` (as the CQC API writes it)."""
    matched = _ISO.fullmatch(value)
    if matched is None or not value.isascii():
        raise ValueProblem(f"is not {expected}")
    try:
        return datetime.date(int(matched[1]), int(matched[2]), int(matched[3]))
    except ValueError:
        raise ValueProblem("is not a day of the calendar") from None


def one_of(value: str, known: Iterable[str]) -> str:
    """*value* as it is, if it is one of *known* (ignoring case); else a problem listing them."""
    folded = value.casefold()
    for candidate in known:
        if candidate.casefold() == folded:
            return value
    raise ValueProblem("is not one of: " + ", ".join(repr(k) for k in known))


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A name as an id segment: ``"Bournemouth, Christchurch & Poole"`` ->
    ``"bournemouth-christchurch-poole"``."""
    return _NOT_WORD.sub("-", name.casefold()).strip("-") or "unnamed"


def head_of(stream: IO[bytes], size: int) -> tuple[bytes, IO[bytes]]:
    """The first *size* bytes of *stream*, and a stream that still starts with them: the same
    stream, rewound, where it can seek (so that encoding detection can rewind it too)."""
    if stream.seekable():
        start = stream.tell()
        head = stream.read(size)
        stream.seek(start)
        return head, stream
    return peek(stream, size)
