"""Documents: records written down as versioned JSON, one at a time or as JSON Lines.

A document is one JSON object: the record's fields, plus two keys of the format's own::

    {"inspectlib": "1.0", "kind": "inspection", "id": "...", "title": "...", ...}

``inspectlib`` is the format version, ``MAJOR.MINOR``; ``kind`` says which record follows.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, Final, Literal, TypeAlias, TypeVar, cast, overload

import orjson

from ._builtin import catalogue_or_builtin
from ._catalogue import Catalogue
from ._codec import Codec, refuse_wrong_types
from ._commissions import CommissionedInspection
from ._errors import (
    FormatVersionError,
    FormatVersionWarning,
    Problem,
    ValidationError,
)
from ._extensions import Step
from ._files import is_special, writing
from ._frameworks import Framework
from ._inspections import Inspection
from ._limits import DEFAULT_LIMITS, Limits
from ._messages import listed
from ._paths import render as render_path
from ._scales import GradingScale
from ._suggestions import did_you_mean
from ._validation import CROSS_FIELD_CHECKS, check, each_problem, has_cross_field_rules
from ._verdicts import found_valid, note_valid
from ._wire_types import json_type

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "Record",
    "dump",
    "dump_lines",
    "dumps",
    "from_dict",
    "load",
    "load_lines",
    "loads",
    "to_dict",
]

FORMAT_VERSION: Final = "1.1"
"""The version of the document format this inspectlib writes, ``MAJOR.MINOR``.

.. versionadded:: 0.1.0
"""
_MAJOR, _MINOR = (int(part) for part in FORMAT_VERSION.split("."))

Record: TypeAlias = Inspection | CommissionedInspection | Framework | GradingScale
"""Any record that can be a document of its own: an :class:`Inspection`, a
:class:`CommissionedInspection`, a :class:`Framework` or a :class:`GradingScale`.

.. versionadded:: 0.1.0
"""

KINDS: Final[Mapping[str, type[Any]]] = MappingProxyType(
    {
        "inspection": Inspection,
        "commissioned_inspection": CommissionedInspection,
        "framework": Framework,
        "grading_scale": GradingScale,
    }
)
"""Each document kind, by its stable name, and the record type it holds; read-only, as the
format fixes them.

.. versionadded:: 0.1.0
"""
_KIND_OF: Final = {cls: kind for kind, cls in KINDS.items()}

R = TypeVar("R", Inspection, CommissionedInspection, Framework, GradingScale)
PathOrFile: TypeAlias = str | os.PathLike[str] | IO[str] | IO[bytes]


def _codec(catalogue: Catalogue | None) -> Codec:
    return Codec.of(catalogue, KINDS.values())


@functools.cache
def _writing_codec() -> Codec:
    """The codec records are written with: the built-in catalogue's, as writing looks nothing
    up in a catalogue. Found once; the built-in catalogue, and so its codec, lives as long as
    the process."""
    return _codec(None)


# Writing -----------------------------------------------------------------------------------


def to_dict(
    record: Record, *, validate: bool | Literal["always"] = True, catalogue: Catalogue | None = None
) -> dict[str, Any]:
    """The document of *record* as a JSON-ready dict, envelope included.

    Args:
        record: The record to write.
        validate: Check the record's cross-field rules first, so that nothing is written that
            :func:`loads` would refuse. A record found valid against the same *catalogue* when
            it was loaded (or written before) is not checked again: records are immutable, so
            the verdict still holds, and a copy made with :func:`attrs.evolve` is a new record,
            checked as any other. ``"always"`` checks every time; ``False`` never does (only for
            records known to be valid).
        catalogue: Where the record's framework is looked up when validating.

    Raises:
        ValidationError: The record breaks a rule (with *validate*).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0
       A record found valid when it was loaded is not checked again; ``validate="always"``.
    """
    return _document(record, validate, catalogue, _copying_writers())


def _document(
    record: Record,
    validate: bool | Literal["always"],
    catalogue: Catalogue | None,
    writers: Mapping[type[Any], Callable[[Any], dict[str, Any]]],
) -> dict[str, Any]:
    """The document of *record*, checked first as *validate* says, made by its kind's writer
    in *writers*."""
    writer = writers.get(type(record))
    if writer is None:
        raise TypeError(f"{type(record).__name__} is not a kind of document")
    if validate and has_cross_field_rules(type(record)):
        against = catalogue_or_builtin(catalogue)
        if validate == "always" or not found_valid(record, against):
            problems = check(record, catalogue=against)
            if problems:
                raise ValidationError(_subject(record), problems)
            note_valid(record, against)
    try:
        return writer(record)
    except Exception:
        refuse_wrong_types(record, _subject(record))
        raise


def _document_writers(*, shares: bool) -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    """Each kind's document writer: the envelope written first, in the record's own dict
    where the codec generated the record's writer."""
    codec = _writing_codec()
    return {
        cls: codec.document_writer(cls, {"inspectlib": FORMAT_VERSION, "kind": kind}, shares=shares)
        for kind, cls in KINDS.items()
    }


@functools.cache
def _copying_writers() -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    """The writers of :func:`to_dict`, whose dict is the caller's: nothing in it is shared."""
    return _document_writers(shares=False)


@functools.cache
def _sharing_writers() -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    """The writers of the encoders, whose dict goes only to ``orjson.dumps`` and is dropped:
    the written forms the codec keeps (a catalogue grade's) are put in it, not copied, and the
    record's own tuples of plain values and days as they are (orjson writes a day as
    ``isoformat`` does)."""
    return _document_writers(shares=True)


def _subject(record: Record) -> str:
    return f"{type(record).__name__} {getattr(record, 'id', '')!r}"


def dumps(
    record: Record,
    *,
    indent: bool = False,
    validate: bool | Literal["always"] = True,
    catalogue: Catalogue | None = None,
) -> str:
    """The document of *record* as JSON text.

    The default is the canonical form: compact, the fields without a default first and then
    the others, each in field order, defaults left out, no trailing newline.
    ``loads(dumps(x)) == x``, and ``dumps(loads(s)) == s`` for canonical *s*. *validate* and
    *catalogue* are as for :func:`to_dict`.

    .. versionadded:: 0.1.0
    """
    return _encode(record, _INDENTED if indent else 0, validate, catalogue).decode()


_INDENTED: Final = orjson.OPT_INDENT_2
_LINE: Final = orjson.OPT_APPEND_NEWLINE  # the newline put by the encoder: no copy to add it


def _encode(
    record: Record, options: int, validate: bool | Literal["always"], catalogue: Catalogue | None
) -> bytes:
    """The document of *record* encoded with orjson's *options*."""
    document = _document(record, validate, catalogue, _sharing_writers())
    try:
        return orjson.dumps(document, option=options)
    except orjson.JSONEncodeError as error:
        refuse_wrong_types(record, _subject(record))
        # A whole number beyond 64 bits, or text with a lone surrogate: JSON cannot carry it.
        subject = _subject(record)
        found = list(_unencodable(document, ())) or [((), f"cannot be written as JSON: {error}")]
        raise ValidationError(subject, [Problem.at(at, message) for at, message in found]) from None


def _unencodable(value: Any, at: tuple[Step, ...]) -> Iterator[tuple[tuple[Step, ...], str]]:
    """Where a document holds what JSON cannot carry, and why (only walked after a failure)."""
    if type(value) is int and not -(2**63) <= value < 2**64:
        yield at, f"{value} is beyond the 64-bit whole numbers JSON tools can read"
    elif type(value) is str:
        try:
            value.encode()
        except UnicodeEncodeError:
            yield at, "text with a lone surrogate cannot be written as UTF-8"
    elif type(value) is dict:
        for key, item in value.items():
            yield from _unencodable(item, (*at, key))
    elif type(value) is list or type(value) is tuple:  # the encoders' dict holds tuples
        for index, item in enumerate(value):
            yield from _unencodable(item, (*at, index))


def dump(
    record: Record,
    target: PathOrFile,
    *,
    indent: bool = False,
    validate: bool | Literal["always"] = True,
    catalogue: Catalogue | None = None,
) -> None:
    """Write the document of *record* to a path or an open file, with a final newline.

    A path is written atomically: to a temporary file beside it, then renamed over it, so an
    interrupted write never leaves half a document. The temporary file is named
    ``.NAME.TAG.N.inspectlib-tmp``, and one left by a write that was killed is removed by the
    next write to the same path. What is not a regular file (a pipe, ``/dev/stdout``, a
    device) is written in place. *validate* and *catalogue* are as for :func:`to_dict`.

    .. versionadded:: 0.1.0
    """
    data = _encode(record, (_INDENTED if indent else 0) | _LINE, validate, catalogue)
    if isinstance(target, str | os.PathLike):
        _write_atomically(Path(target), data)
    else:
        _writer_to(target)(data)


def dump_lines(
    records: Iterable[Record],
    target: PathOrFile,
    *,
    append: bool = False,
    validate: bool | Literal["always"] = True,
    catalogue: Catalogue | None = None,
) -> int:
    """Write records as JSON Lines, one document a line; return how many were written.

    Records are encoded and written one at a time, so memory stays flat however many there are.
    To a path: with *append*, each line goes to the end of the file in a single write, so an
    interruption loses at most the line being written; without it, the file is replaced
    atomically once every line is written (as :func:`dump` writes), and an invalid record
    leaves the file as it was. What is not a regular file is written in place.
    *validate* and *catalogue* are as for :func:`to_dict`.

    .. versionadded:: 0.1.0
    """
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        if append and not is_special(path):
            with path.open("ab+") as stream:
                _end_the_last_line(stream)
                return _write_lines(records, stream, validate, catalogue)
        with writing(path, append=append) as stream:
            return _write_lines(records, stream, validate, catalogue)
    return _write_lines(records, target, validate, catalogue)


def _end_the_last_line(stream: IO[bytes]) -> None:
    """Start a new line if the file's last one was left without its newline (cut short by a
    crash, or edited by hand), so that the next record is not glued onto it."""
    stream.seek(0, os.SEEK_END)
    if stream.tell():
        stream.seek(-1, os.SEEK_END)
        if stream.read(1) != b"\n":
            stream.write(b"\n")


def _write_lines(
    records: Iterable[Record],
    target: IO[str] | IO[bytes],
    validate: bool | Literal["always"],
    catalogue: Catalogue | None,
) -> int:
    write = _writer_to(target)  # text or bytes found once, not once a line
    count = 0
    for record in records:
        write(_encode(record, _LINE, validate, catalogue))
        count += 1
    return count


def _writer_to(target: IO[str] | IO[bytes]) -> Callable[[bytes], object]:
    """What writes encoded data to *target*: its own ``write``, decoding first for a text file."""
    if isinstance(target, io.TextIOBase):
        return lambda data: target.write(data.decode())
    return target.write  # type: ignore[return-value]


def _write_atomically(path: Path, data: bytes) -> None:
    with writing(path) as stream:
        stream.write(data)


# Reading -----------------------------------------------------------------------------------


def from_dict(
    data: Any,
    kind: type[R] | None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
    subject: str = "document",
) -> Any:
    """The record a decoded document holds, checked in full.

    Args:
        data: The decoded document.
        kind: The record type expected; a document of another kind is refused.
        catalogue: Where grading scale and framework ids are looked up.
        limits: Bounds on what one document may hold; :class:`Limits` defaults otherwise.
        subject: How error messages name the document.

    Raises:
        ValidationError: With every problem of the document, each with its path.
        FormatVersionError: The document's major version is not one this inspectlib reads.

    .. versionadded:: 0.1.0
    """
    limits = limits or DEFAULT_LIMITS
    if type(data) is not dict:
        raise ValidationError(
            subject,
            [Problem("$", f"expected an object, got {json_type(data)}")],
            skipped=_UNREAD,
        )
    cls, body, newer = _open_envelope(data, kind, subject)
    record, located, dropped = _codec(catalogue).structure(body, cls, limits, newer=newer)
    if located:
        problems = [Problem.at(at, message) for at, message in located]
        raise ValidationError(
            subject, _capped(problems, limits), skipped=CROSS_FIELD_CHECKS.get(cls, ())
        )
    if dropped is not None and dropped.found:
        warnings.warn(
            FormatVersionWarning(
                f"{subject}: fields of a newer format version were dropped: "
                + listed(render_path(at) for at in dropped.paths(body))
            ),
            stacklevel=2,
        )
    if has_cross_field_rules(cls):
        # Made one at a time and no more than the cap: a million broken areas cost no more
        # than a hundred.
        problems = list(
            itertools.islice(each_problem(record, catalogue=catalogue), limits.max_problems + 1)
        )
        if len(problems) > limits.max_problems:
            problems[limits.max_problems - 1 :] = [
                Problem(
                    "$",
                    f"checking stopped after {limits.max_problems - 1:,} problems; there are "
                    "more (Limits.max_problems)",
                )
            ]
        if problems:
            raise ValidationError(subject, problems)
        note_valid(record, catalogue_or_builtin(catalogue))
    return record


_UNREAD: Final = ("the record's own fields",)
"""What is not checked in a document whose record cannot even be told."""


def _capped(problems: list[Problem], limits: Limits) -> list[Problem]:
    """At most ``limits.max_problems`` problems, the last saying how many more there were."""
    if len(problems) <= limits.max_problems:
        return problems
    shown = problems[: limits.max_problems - 1]
    hidden = len(problems) - len(shown)
    return [
        *shown,
        Problem("$", f"{hidden:,} more problems not shown (Limits.max_problems)"),
    ]


# "MAJOR.MINOR" in ASCII digits, no leading zeros, short enough to be a version at all.
_VERSION = re.compile(r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})")


def _open_envelope(
    data: dict[str, Any], kind: type[Any] | None, subject: str
) -> tuple[type[Any], dict[str, Any], bool]:
    """Check the envelope; return the record type, the record's own fields, and whether the
    document is of a newer minor version than this inspectlib's."""
    problems: list[Problem] = []
    version = data.get("inspectlib")
    # This inspectlib's own version, what nearly every document holds, needs no reading.
    newer = version != FORMAT_VERSION and _newer_version(version, subject, problems)
    name = data.get("kind")
    cls = KINDS.get(name) if type(name) is str else None
    if name is None:
        problems.append(Problem("$.kind", "missing document kind; one of: " + ", ".join(KINDS)))
    elif cls is None:
        shown = repr(name) if type(name) is str else json_type(name)
        hint = did_you_mean(name, KINDS) if type(name) is str else ""
        problems.append(Problem("$.kind", f"{shown} is not one of: {', '.join(KINDS)}{hint}"))
    elif kind is not None and cls is not kind:
        problems.append(
            Problem("$.kind", f"expected a document of kind {_KIND_OF[kind]!r}, got {name!r}")
        )
    if problems or cls is None:
        # Which record the fields belong to, or how to read them, is not known: none is checked.
        skipped = (*_UNREAD, *(CROSS_FIELD_CHECKS.get(cls, ()) if cls is not None else ()))
        raise ValidationError(subject, problems, skipped=skipped)
    # Both keys are there (either missing is a problem above): a copy without them.
    body = dict(data)
    del body["inspectlib"], body["kind"]
    return cls, body, newer


def _newer_version(version: Any, subject: str, problems: list[Problem]) -> bool:
    """Whether *version* is a newer minor version than this inspectlib's (it warns then);
    a problem with it is added to *problems*."""
    if version is None:
        problems.append(
            Problem(
                "$.inspectlib",
                f'missing format version: a document starts {{"inspectlib": "{FORMAT_VERSION}", '
                '"kind": ...}',
            )
        )
        return False
    if type(version) is not str:
        problems.append(Problem("$.inspectlib", f"expected a string, got {json_type(version)}"))
        return False
    matched = _VERSION.fullmatch(version)
    if matched is None:
        shown = version if len(version) <= 40 else version[:37] + "..."
        problems.append(Problem("$.inspectlib", f"{shown!r} is not a format version (MAJOR.MINOR)"))
        return False
    major, minor = int(matched.group(1)), int(matched.group(2))
    if major != _MAJOR:
        raise FormatVersionError(
            subject,
            [
                Problem(
                    "$.inspectlib",
                    f"format version {version} is not supported: this inspectlib reads "
                    f"{_MAJOR}.x documents",
                )
            ],
        )
    if minor <= _MINOR:
        return False
    warnings.warn(
        FormatVersionWarning(
            f"{subject}: format version {version} is newer than this inspectlib's "
            f"{FORMAT_VERSION}: fields it does not know will be dropped"
        ),
        stacklevel=5,
    )
    return True


_CHUNK: Final = 1 << 20
"""How much is read at a time: a bounded read holds at most this much past the limit."""


def read_bounded(stream: IO[str] | IO[bytes], subject: str, limits: Limits) -> str | bytes:
    """All of *stream*, read a chunk at a time and refused as soon as it passes
    ``limits.max_bytes``, so that memory stays near the limit whatever the input's size.

    A text stream's size is counted in characters here, each at least one byte of UTF-8:
    :func:`_parse` measures the bytes of text that could still be over.

    Raises:
        ValidationError: The stream holds more than ``limits.max_bytes``.
    """
    chunks: list[Any] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limits.max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > limits.max_bytes:
            raise too_large(subject, None, limits, None)
    if not chunks:
        return b"" if not isinstance(stream, io.TextIOBase) else ""
    joined: str | bytes = chunks[0] if len(chunks) == 1 else chunks[0][:0].join(chunks)
    return joined


def bounded_lines(stream: IO[str] | IO[bytes], limits: Limits) -> Iterator[str | bytes | None]:
    """The lines of *stream*, each read with at most about ``limits.max_bytes`` held: a longer
    line is read past in chunks and stands as ``None``."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # an iterable of lines, not a stream: nothing to bound them with
        yield from cast(Iterable[str | bytes], stream)
        return
    most = limits.max_bytes + 2  # room for a line ending of two characters
    while True:
        line = readline(most)
        if not line:
            return
        if len(line) < most or line[-1:] in _NEWLINES:
            yield line
            continue
        yield None
        # Only if the reader goes on to the next line is the rest of this one read past.
        while line and line[-1:] not in _NEWLINES:
            line = readline(_CHUNK)


_NEWLINES: Final = (b"\n", "\n")


def too_large(subject: str, size: int | None, limits: Limits, line: int | None) -> ValidationError:
    """The error for a document or line over ``limits.max_bytes``: *size* where it was
    measured, ``None`` where reading stopped at the limit."""
    what = "the document" if line is None else "the line"
    over = f"is {size:,} bytes, over" if size is not None else "goes on past"
    return ValidationError(
        subject,
        [
            Problem(
                "$",
                f"{what} {over} the limit of {limits.max_bytes:,} bytes (Limits.max_bytes)",
                line=line,
            )
        ],
        skipped=_UNREAD,
    )


def _parse(text: str | bytes, subject: str, limits: Limits, line: int | None = None) -> Any:
    if isinstance(text, str):
        # A character is one to four bytes of UTF-8: only text near the limit is measured, and
        # a lone surrogate, which UTF-8 cannot encode, is measured all the same.
        if len(text) > limits.max_bytes:
            raise too_large(subject, None, limits, line)
        if len(text) * 4 > limits.max_bytes:
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > limits.max_bytes:
                raise too_large(subject, size, limits, line)
    elif len(text) > limits.max_bytes:
        raise too_large(subject, len(text), limits, line)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        message = _not_unicode(text, line) if "UTF-8" in error.msg else None
        if message is None:
            where = (
                f"line {error.lineno}, column {error.colno}"
                if line is None
                else (f"column {error.colno}")
            )
            message = f"invalid JSON at {where}: {error.msg}"
        raise ValidationError(
            subject, [Problem("$", message, line=line)], skipped=_UNREAD
        ) from None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF_8_REASONS: Final = {
    "invalid start byte": "cannot begin a character",
    "invalid continuation byte": "begins a sequence that is not a character",
    "unexpected end of data": "begins a sequence that is not a character",
}


def _not_unicode(text: str | bytes, line: int | None) -> str | None:
    """What is wrong, in words, with text that is not Unicode or bytes that are not UTF-8, and
    where; ``None`` if nothing is."""
    what = "the document" if line is None else "the line"
    if isinstance(text, str):
        found = _LONE_SURROGATE.search(text)
        if found is None:
            return None
        at = found.start()
        where = f"at character {at:,}" + _line_of(text, at, line)
        return (
            f"the text is not valid Unicode: a lone surrogate (U+{ord(found.group()):04X}) "
            f"{where}; only pairs of surrogates stand for a character"
        )
    try:
        text.decode()
    except UnicodeDecodeError as error:
        at = error.start
        where = f"at byte {at:,}" + _line_of(text, at, line)
        if error.reason == "unexpected end of data" and error.end == len(text):
            problem = "the text ends in the middle of a character"
        else:
            reason = _UTF_8_REASONS.get(error.reason, error.reason)
            problem = f"byte 0x{text[at]:02X} {reason}"
        return f"{what} is not valid UTF-8: {where}, {problem}"
    return None


def _line_of(text: str | bytes, at: int, line: int | None) -> str:
    """`` (line N)`` for offset *at* of a whole document; nothing for a JSON Lines line, whose
    number the problem carries."""
    if line is not None:
        return ""
    newlines = text.count("\n", 0, at) if isinstance(text, str) else text.count(b"\n", 0, at)
    return f" (line {newlines + 1})"


@overload
def loads(
    text: str | bytes,
    kind: type[R],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> R: ...
@overload
def loads(
    text: str | bytes,
    kind: None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Record: ...
def loads(
    text: str | bytes,
    kind: type[R] | None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Record:
    """The record in a JSON document.

    Args:
        text: The document.
        kind: The record type expected (``Inspection``); a document of another kind is refused.
        catalogue: Where grading scale ids are looked up; the built-in catalogue by default.
        limits: Bounds on size, nesting, array length and problems reported; :class:`Limits`
            defaults otherwise.

    Raises:
        ValidationError: The text is not JSON (the message gives line and column), or the
            document breaks the format or a record's rules: every problem, with its path.
        FormatVersionError: The document's major format version is unknown.

    .. versionadded:: 0.1.0
    """
    limits = limits or DEFAULT_LIMITS
    document = _parse(text, "document", limits)
    return from_dict(document, kind, catalogue=catalogue, limits=limits)  # type: ignore[no-any-return]


@overload
def load(
    source: PathOrFile,
    kind: type[R],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> R: ...
@overload
def load(
    source: PathOrFile,
    kind: None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Record: ...
def load(
    source: PathOrFile,
    kind: type[R] | None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Record:
    """The record in a JSON document read from a path or an open file. See :func:`loads`.

    .. versionadded:: 0.1.0
    """
    limits = limits or DEFAULT_LIMITS
    data: str | bytes
    if isinstance(source, str | os.PathLike):
        subject = os.fspath(source)
        with Path(source).open("rb") as stream:
            data = read_bounded(stream, subject, limits)
    else:
        subject = str(getattr(source, "name", "document"))
        data = read_bounded(source, subject, limits)
    document = _parse(data, subject, limits)
    return from_dict(document, kind, catalogue=catalogue, limits=limits, subject=subject)  # type: ignore[no-any-return]


@overload
def load_lines(
    source: PathOrFile,
    kind: type[R],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
    errors: list[ValidationError] | None = None,
) -> Iterator[R]: ...
@overload
def load_lines(
    source: PathOrFile,
    kind: None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
    errors: list[ValidationError] | None = None,
) -> Iterator[Record]: ...
def load_lines(
    source: PathOrFile,
    kind: type[R] | None = None,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
    errors: list[ValidationError] | None = None,
) -> Iterator[Record]:
    """Read JSON Lines one document a line, yielding each record as it is read.

    Memory stays flat: one line is held at a time. Blank lines are skipped.

    Args:
        source: A path or an open file (binary, or text: a text stream's bytes are read from
            its buffer, so that a line that is not UTF-8 spoils only itself).
        kind: The record type every line must hold.
        catalogue: Where grading scale ids are looked up.
        limits: Bounds that apply to each line; :class:`Limits` defaults otherwise.
        errors: Without it, the first bad line raises. With a list, each bad line's
            :class:`ValidationError` is appended to it and reading goes on, so every good
            record is yielded and no bad one is silently skipped.

    Raises:
        ValidationError: A line is not a valid document; its problems carry the line number.

    .. versionadded:: 0.1.0
    """
    if isinstance(source, str | os.PathLike):
        with Path(source).open("rb") as stream:
            yield from _read_lines(stream, os.fspath(source), kind, catalogue, limits, errors)
    else:
        name = str(getattr(source, "name", "JSON Lines"))
        yield from _read_lines(source, name, kind, catalogue, limits, errors)


def _read_lines(
    stream: IO[str] | IO[bytes],
    name: str,
    kind: type[Any] | None,
    catalogue: Catalogue | None,
    limits: Limits | None,
    errors: list[ValidationError] | None,
) -> Iterator[Any]:
    for _, result in line_results(stream, name, kind, catalogue, limits):
        if isinstance(result, ValidationError):
            if errors is None:
                raise result
            errors.append(result)
        else:
            yield result


def line_results(
    stream: IO[str] | IO[bytes],
    name: str,
    kind: type[Any] | None = None,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[int, Any]]:
    """Each non-blank line's number with its record, or the ValidationError it raised."""
    limits = limits or DEFAULT_LIMITS
    # A text stream decodes ahead in chunks: one undecodable byte would end the whole read.
    # Its buffer, where there is one, gives each line's bytes to be judged on their own.
    buffer = getattr(stream, "buffer", None)
    source = cast(IO[bytes], buffer) if isinstance(stream, io.TextIOWrapper) else stream
    for number, line in enumerate(bounded_lines(source, limits), start=1):
        if line is None:
            yield number, too_large(name, None, limits, number)
            continue
        # Without its line ending, a syntax error's column is on the line it reports.
        text = line.rstrip(b"\r\n") if isinstance(line, bytes) else line.rstrip("\r\n")
        if not text or text.isspace():  # a blank line, told without a stripped copy of it
            continue
        try:
            document = _parse(text, name, limits, number)
            record = from_dict(document, kind, catalogue=catalogue, limits=limits, subject=name)
        except ValidationError as error:
            yield number, _at_line(error, number)
        else:
            yield number, record


def _at_line(error: ValidationError, line: int) -> ValidationError:
    problems = [Problem(problem.path, problem.message, line=line) for problem in error.problems]
    return type(error)(error.subject, problems, skipped=error.skipped)
