"""The wire types: each scalar a document holds, declared once.

A :class:`WireType` says how one Python type is read from decoded JSON, how it is written, and
its JSON Schema. The converter (:mod:`inspectlib._converter`) registers its hooks from
:data:`SCALARS` and the schema generator (:mod:`inspectlib._schema`) reads its schema from the
same entry, so the two cannot say different things of a type.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, cast

import attrs

from ._errors import InvalidPartialDate
from ._extensions import Step
from ._partial_dates import CANONICAL_FORMS, PartialDate, canonical_text
from ._stated_dates import StatedDate

__all__ = [
    "DATES_WRITTEN_IN_PLACE",
    "DATE_PATTERN",
    "IN_PLACE",
    "PARTIAL_DATE_PATTERN",
    "SCALARS",
    "STATED_DATE",
    "TEXT_OF_DAY",
    "InPlace",
    "WireError",
    "WireType",
    "expected",
    "shared_texts",
    "strict_optional_str",
    "strict_str",
    "json_type",
]


class WireError(ValueError):
    """One wire problem, *at* a path of steps relative to the value being structured."""

    def __init__(self, message: str, at: tuple[Step, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.at = at


_JSON_TYPES: Final = {
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type: ``"string"``, ``"number"``, ``"array"``..."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def expected(what: str, value: object) -> WireError:
    """The error for a value of the wrong JSON type, showing scalars as JSON writes them."""
    kind = json_type(value)
    if type(value) in (str, int, float, bool):
        shown = json.dumps(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return WireError(f"expected {what}, got {kind} {shown}")
    return WireError(f"expected {what}, got {kind}")


# Strict primitives: cattrs would turn 12345 into "12345" and "3" into 3. JSON has one number
# type, so an integral float stays refused for int fields, and bool is not an int here.
def strict_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise expected("a string", value)


def strict_optional_str(value: Any, _: Any) -> str | None:
    if value is None or type(value) is str:
        return value
    raise expected("a string", value)


def _strict_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise expected("an integer", value)


def _strict_float(value: Any, _: Any) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    raise expected("a number", value)


def _strict_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise expected("a boolean", value)


def _structure_date(value: Any, _: Any) -> datetime.date:
    if type(value) is not str:
        raise expected("a date as a string (YYYY-MM-DD)", value)
    return _parse_day(value)


# Corpora repeat the same dates over and over, and both date types are immutable: each distinct
# text is parsed once, and kept in a plain dictionary that a record's reader looks in itself
# (``InPlace.known``), with no call where the text is there. Each dictionary is cleared when
# full, so hostile input cannot grow it. It has room for every day of two decades (7,305) and
# the coarser forms beside them (about 2.2 MB when full of partial dates): the benchmark's
# corpus, reports over ten years with fieldwork a year before and deadlines a year after, names
# 4,640 distinct partial dates, and a dictionary a little too small for its stream is cleared
# again and again, every text parsed anew each time. The reader's test and look-up
# (``known[v] if v in known``) are one step under the GIL: no clear comes between them.
_KEPT_A_KIND: Final = 8192
_T = TypeVar("_T")


def _remembering(parse: Callable[[str], _T], known: dict[str, _T]) -> Callable[[str], _T]:
    """*parse*, each text's result kept in *known* (bounded); an error is not kept."""

    def parsed(text: str) -> _T:
        found = known.get(text)
        if found is None:
            found = parse(text)
            if len(known) >= _KEPT_A_KIND:
                known.clear()
            known[text] = found
        return found

    return parsed


def _read_day(value: str) -> datetime.date:
    # fromisoformat also takes "20241213" and week dates; the wire takes one form only.
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise WireError(f"{value!r} is not a date in the form YYYY-MM-DD")


_DAYS: Final[dict[str, datetime.date]] = {}
_PARTIAL_DATES: Final[dict[str, PartialDate]] = {}
_STATED_DATES: Final[dict[str, StatedDate]] = {}
_parse_day = _remembering(_read_day, _DAYS)
_parse_partial_date = _remembering(PartialDate.parse_canonical, _PARTIAL_DATES)
# Written days are mostly those read: each one's text is kept against the day itself, by
# identity (a day's own hash costs more than a look-up), for to_dict (the encoders hand days to
# orjson). Cleared when full, so it stays bounded: room for every day the two readers' caches
# that make days can share (8,192 each), and as many again, so that writing what was read does
# not clear it again and again once a reader's cache has been cleared and made new days. A
# partial date keeps its own text.
TEXT_OF_DAY: Final[dict[int, tuple[object, str]]] = {}
_TEXTS_KEPT: Final = 32768


def _format_partial_date(value: PartialDate) -> str:
    if not isinstance(value, PartialDate):  # a record changed behind its constructor's back
        raise TypeError(f"expected a PartialDate, got {type(value).__name__}")
    return canonical_text(value)


def _format_day(value: datetime.date) -> str:
    """A day's text, kept against the day itself (:data:`TEXT_OF_DAY`): ``isoformat`` makes it
    with C's formatting, some thousands of instructions a day."""
    known = TEXT_OF_DAY.get(id(value))  # the entry holds its day: found by id, it is this one's
    if known is not None:
        return known[1]
    text = datetime.date.isoformat(value)  # a value of another type raises, as it did
    if value.__class__ is datetime.date:
        if len(TEXT_OF_DAY) >= _TEXTS_KEPT:
            TEXT_OF_DAY.clear()
        TEXT_OF_DAY[id(value)] = (value, text)
    return text


_SHARED_TEXTS: Final[dict[str, str]] = {}
_SHARED_MOST: Final = 4096
_SHARED_LONGEST: Final = 64


def shared_texts(items: list[str]) -> tuple[str, ...]:
    """*items*, each exactly a ``str``, as a tuple in which each short text is the one object
    kept for its value: the keys a record lists (a finding's ``areas``) name the same few
    things again and again, and each copy a document decodes would otherwise be kept. Texts are
    immutable, so sharing them changes nothing but memory. Bounded, as the date caches are."""
    shared = _SHARED_TEXTS
    if len(shared) >= _SHARED_MOST:
        shared.clear()
    kept = []  # a loop, not a comprehension: a list of one or two texts is the common case
    for item in items:
        kept.append(item if len(item) > _SHARED_LONGEST else shared.setdefault(item, item))
    return tuple(kept)


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise expected("a partial date as a string", value)
    return _parse_partial_date(value)


def _structure_stated_date(value: Any, _: Any) -> StatedDate:
    """A day is ``YYYY-MM-DD`` and becomes a :class:`datetime.date`; any other canonical
    partial date form stays partial."""
    if type(value) is not str:
        raise expected("a date as a string (YYYY-MM-DD, or a partial date such as 2020-01)", value)
    return _parse_stated_date(value)


def _read_stated_date(value: str) -> StatedDate:
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[8:].isdigit():
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass  # the partial date reader says what is wrong with it
    try:
        partial = _parse_partial_date(value)
    except InvalidPartialDate as error:
        if str(error).startswith("cannot read"):
            raise  # a form it knows, with a part out of range: it says which
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise WireError(
            f"{shown!r} is not a date in a canonical form: expected {CANONICAL_FORMS}"
        ) from None
    day = partial.to_date()
    return partial if day is None else day


_parse_stated_date = _remembering(_read_stated_date, _STATED_DATES)


def _unstructure_stated_date(value: StatedDate | None) -> str | None:
    """A day's text (kept in :data:`TEXT_OF_DAY`) or a partial date's (kept by the date)."""
    if value is None:
        return None
    if type(value) is datetime.date:
        return _format_day(value)
    return _format_partial_date(cast(PartialDate, value))


DATES_WRITTEN_IN_PLACE: Final[Mapping[Callable[[Any], Any], tuple[type[Any], ...]]] = {
    _format_day: (datetime.date,),
    _format_partial_date: (PartialDate,),
    _unstructure_stated_date: (PartialDate, datetime.date),
}
"""The date writers a record's writer does the work of in place, and the types it does it for:
a value of exactly one of them is written with no call (a :class:`PartialDate` by the text it
keeps, a day by the text :data:`TEXT_OF_DAY` keeps for it, or, in a dict that goes straight to
orjson, as the day itself, which orjson writes as ``isoformat`` does); any other value, a
subclass included, goes to the writer, which writes it (a subclass of :class:`PartialDate` by
its canonical text) or refuses it. Used only where the field's hook *is* one of these."""


# A day that exists, as a regular expression: a validator's "format": "date" check is optional
# (off by default in most), and a pattern is not. Months have their lengths; 29 February needs
# a leap year: divisible by 4, and by 400 for a century. Year 0000 is no year of the calendar.
_YEAR = "(?!0000)[0-9]{4}"
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_DAY = (
    f"({_YEAR}-(01|03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01])"
    f"|{_YEAR}-(04|06|09|11)-(0[1-9]|[12][0-9]|30)"
    f"|{_YEAR}-02-(0[1-9]|1[0-9]|2[0-8])"
    f"|{_LEAP_YEAR}-02-29)"
)

DATE_PATTERN = f"^{_DAY}$"
"""An exact day, ``YYYY-MM-DD``, as a regular expression that refuses days that do not exist
(``2024-13-45``, ``2023-02-29``)."""

PARTIAL_DATE_PATTERN = (
    rf"^(\.\./)?({_DAY}|[0-9]{{4}}(-Q[1-4]|-(spring|summer|autumn|winter)"
    r"|-(0[1-9]|1[0-2])(-(early|mid|late))?)?)$"
)
"""The canonical partial date forms, as a regular expression; a day must exist."""


_STATED_DAY = {"type": "string", "format": "date", "pattern": DATE_PATTERN}


@attrs.frozen
class WireType:
    """How one type is read, written and described on the wire."""

    structure: Callable[[Any, Any], Any]
    """Reads a decoded JSON value, checking it; raises :class:`WireError`."""
    unstructure: Callable[[Any], Any] | None
    """Writes a value as JSON-ready data; ``None`` where the value is written as it is."""
    schema: Mapping[str, Any]
    """The JSON Schema of the value as a document holds it."""


SCALARS: Final[Mapping[Any, WireType]] = {
    str: WireType(strict_str, None, {"type": "string"}),
    int: WireType(_strict_int, None, {"type": "integer"}),
    float: WireType(_strict_float, None, {"type": "number"}),
    bool: WireType(_strict_bool, None, {"type": "boolean"}),
    datetime.date: WireType(_structure_date, _format_day, _STATED_DAY),
    PartialDate: WireType(
        _structure_partial_date,
        _format_partial_date,
        {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
    ),
}
"""Each scalar type of the records, with its wire form."""

STATED_DATE: Final = WireType(
    _structure_stated_date,
    _unstructure_stated_date,
    {
        # A day is checked as a calendar date; any other canonical form as a partial date.
        "type": "string",
        "anyOf": [
            _STATED_DAY,
            {"pattern": PARTIAL_DATE_PATTERN, "not": {"pattern": DATE_PATTERN}},
        ],
    },
)
"""A stated date (a day, or a partial date): a union of two scalars, with one wire form."""


@attrs.frozen
class InPlace:
    """How the fast path reads a value in place of calling the hook that reads it: a call per
    value is most of what building a record costs. Used only where a field's hook *is* the one
    an entry is for, so a hook registered in its place is called as any other.

    The tests read a value's ``__class__``: for what a JSON decoder makes, its type; an object
    whose ``__class__`` says otherwise is taken at its word, as :func:`isinstance` takes it."""

    refused: str
    """The condition on ``{v}`` under which the hook refuses the value."""
    then: Callable[[Any], Any] | None = None
    """What makes the stored value of one the condition lets through (``None``: it is stored as
    it is). It raises where the hook would."""
    text: bool = False
    """Whether what is stored is exactly a ``str`` (or ``None``): its blank test can be written
    in place too."""
    shared: bool = False
    """Whether what is stored is exactly a ``str``, never ``None``: a tuple of them is kept as
    shared texts (:func:`shared_texts`)."""
    known: Mapping[str, Any] | None = None
    """Values ``then`` has made, by the text it was given: where a text read is there, its
    value is taken in place, with no call (a look-up costs a fraction of one). ``then`` alone
    must still say the same of every text."""

    def __attrs_post_init__(self) -> None:
        if self.known is not None and self.then is None:
            raise ValueError("known values need the parse that makes the others: then")


IN_PLACE: Final[Mapping[Callable[[Any, Any], Any], InPlace]] = {
    strict_str: InPlace("{v}.__class__ is not str", text=True, shared=True),
    strict_optional_str: InPlace("{v} is not None and {v}.__class__ is not str", text=True),
    _strict_int: InPlace("{v}.__class__ is not int"),
    _strict_bool: InPlace("{v}.__class__ is not bool"),
    _structure_date: InPlace("{v}.__class__ is not str", _parse_day, known=_DAYS),
    _structure_partial_date: InPlace(
        "{v}.__class__ is not str", _parse_partial_date, known=_PARTIAL_DATES
    ),
    _structure_stated_date: InPlace(
        "{v}.__class__ is not str", _parse_stated_date, known=_STATED_DATES
    ),
}
"""The scalar hooks the fast path reads in place, each as the test and the parse it makes."""
