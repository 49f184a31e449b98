"""The fast path for building records from decoded JSON.

Loading a document runs twice only when it is invalid: first this fast path, which stops at the
first problem, then cattrs' detailed pass, which finds and locates every problem. Valid
documents, nearly all of them, pay only for the fast path.

Here a record is built without its ``__init__``: the generated function reads each field with
the converter's own hook for its type or, where that hook is one of the project's own (known by
identity), does what the hook does in place, so that a hook registered in its place is still
the one called; it makes the record as a plain twin of its class (:func:`_twin`), sets each slot
as any attribute's and gives the object its class, and then runs the field validators the
record declares, as ``__init__`` would, with these differences:

- the type check every record runs in ``__init__``
  (:func:`~inspectlib._field_types.check_field_types`) is skipped, because the wire hooks check
  each value's type as they read it; it is what makes ``__init__`` the slower way;
- :func:`~inspectlib._fields.to_tuple`, :func:`~inspectlib._extensions.freeze_extensions`,
  :func:`~inspectlib._stated_dates.to_stated_date` and
  :func:`~inspectlib._stated_dates.to_partial_date` converters are skipped, because the wire
  hooks already produce tuples, frozen extensions, stated dates in their one stored form
  (a day as a :class:`datetime.date`, never as a one-day partial date) and partial dates;
- ``__attrs_post_init__`` runs last, as attrs runs it.

Only the records of :data:`ALLOWED` are built this way, and only while they keep to what the
generated function knows (:func:`can_build`): a record given another converter, a factory
default or a cached hash goes through its ``__init__``. Property tests over generated attrs
classes hold this path to ``__init__``'s answers, and a differential test holds it to the
detailed pass on the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs

from ._commissions import (
    CommissionedInspection,
    Commissioner,
    Deliverable,
    LegalBasis,
    Part,
    Publication,
    PublicationDate,
    Question,
    Role,
)
from ._deadlines import Response
from ._evidence import QualitativeEvidence, QuantitativeEvidence
from ._expectations import Expectation
from ._extensions import freeze_extensions
from ._field_types import check_field_types, type_hints
from ._fields import blank_text_test, is_blank, not_blank, to_tuple, validators_of
from ._findings import Finding
from ._frameworks import FrameworkArea, ScoreBand
from ._inspections import GradedArea, Inspection, Period, RelatedReport
from ._judgments import Inherited
from ._known_hooks import Hook, known
from ._lifecycle import FindingUpdate
from ._organisations import Identifier, Organisation
from ._sources import Quote, Source
from ._stated_dates import to_partial_date, to_stated_date
from ._wire_types import InPlace, shared_texts

__all__ = ["ALLOWED", "assembler", "can_build", "fast_record_hook", "is_eligible"]

ALLOWED: Final[frozenset[type[Any]]] = frozenset(
    {
        CommissionedInspection,
        Commissioner,
        Deliverable,
        Publication,
        Expectation,
        FindingUpdate,
        Finding,
        FrameworkArea,
        GradedArea,
        Identifier,
        Inherited,
        Inspection,
        LegalBasis,
        Organisation,
        Part,
        Period,
        PublicationDate,
        QualitativeEvidence,
        QuantitativeEvidence,
        Question,
        Quote,
        RelatedReport,
        Response,
        Role,
        ScoreBand,
        Source,
    }
)
"""The records the fast path is written for: those a document holds, each checked by the tests
to build exactly what its ``__init__`` builds. Any other class goes through ``__init__``."""

R = TypeVar("R")

_SKIPPED_CONVERTERS = (to_tuple, freeze_extensions, to_stated_date, to_partial_date)
_SKIPPED_VALIDATORS = (check_field_types,)


def is_eligible(cls: type[Any]) -> bool:
    """Whether the loader builds *cls* by the fast path: one of :data:`ALLOWED`, as it is."""
    return cls in ALLOWED and can_build(cls)


def can_build(cls: type[Any]) -> bool:
    """Whether :func:`fast_record_hook` builds *cls* with exactly its ``__init__``'s checks."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return False
    # A cached hash lives in a slot that only __init__ clears: hash() would fail.
    if "_attrs_cached_hash" in cls.__dict__["__slots__"]:
        return False
    for field in attrs.fields(cls):
        if not field.init or field.alias != field.name:
            return False
        if field.converter is not None and field.converter not in _SKIPPED_CONVERTERS:
            return False
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            return False
    return True


class FastPathError(ValueError):
    """Raised by the fast path on any problem; the detailed pass then says what and where."""


def fast_record_hook(
    cls: type[Any],
    field_hooks: Mapping[str, Hook],
    in_place: Mapping[Hook, InPlace] = {},
    tag: str | None = None,
    members: Mapping[Hook, tuple[Hook, Any]] = {},
    items: Mapping[Hook, tuple[Hook, Any, int]] = {},
    unions: Mapping[Hook, Mapping[str, Hook]] = {},
) -> Hook:
    """A structure function for *cls* that builds it without ``__init__``.

    *field_hooks* gives the structure hook of every field, by name. The other mappings say, of
    some hooks, what they do, so that it is done in place rather than by a call:

    - *in_place*: a hook that tests a value and maybe parses it (the text, whole number,
      boolean, partial and stated date and enumeration hooks), as the test and the parse
      (:class:`~inspectlib._wire_types.InPlace`);
    - *members*: the hook of an optional type, which reads ``None`` as ``None`` and anything
      else with the hook of the member, as that hook and the member's type (``None``: the
      field's own): the field is tested for ``None`` in place and read by the member's hook;
    - *items*: the hook of a tuple, as its items' hook, their type and the most items it
      takes: the array is tested in place, then its items tested and parsed in place, found
      by their tag, or read by their hook;
    - *unions*: the hook of a union tagged by ``type``, as its members' hooks by tag (each
      reading the object with its tag in it): the member is found by the tag in place.

    *tag* names a key the object must hold besides the fields, as exactly a ``str``, and that
    is not read otherwise: the tag of a tagged union, which found the member by it.
    """
    hints = type_hints(cls)
    fields = attrs.fields(cls)
    if tag is not None and any(field.name == tag for field in fields):
        raise ValueError(f"{cls.__name__} has a field {tag!r}: it cannot be a tag")
    names: dict[str, Any] = {"_dict": dict, "_list": list, "_tuple": tuple}
    # No key outside the fields (and the tag): ``rest`` counts the object's keys not yet
    # accounted for, less one for each optional field found, and must end at nought, where
    # testing each key against the fields would cost a look-up a key. Once it is nought every
    # key has been read, and the optional fields left take their defaults with no look-up: most
    # objects hold few of their optional fields.
    required = sum(field.default is attrs.NOTHING for field in fields)
    lines = [
        "def built(o, _):",
        f"    if type(o) is not _dict{'' if tag is None else _tag_refused(tag)}:",
        "        raise _Error(o)",
        f"    rest = len(o) - {required + (tag is not None)}",
    ]
    told = _Known(in_place, items, unions)
    texts = set()  # the fields known to hold exactly a str or None once read
    for index, field in enumerate(fields):
        hook, hint = field_hooks[field.name], hints[field.name]
        member = known(members, hook)
        # An optional field (its default None, or no default) whose hook reads null as null:
        # null is tested for in place, anything else read by the member's hook.
        null_in_place = member is not None and (
            field.default is None or field.default is attrs.NOTHING
        )
        if null_in_place and member is not None:
            hook = member[0]
            hint = hint if member[1] is None else member[1]
        names[f"_h{index}"], names[f"_t{index}"] = hook, hint
        if field.default is not attrs.NOTHING:
            names[f"_d{index}"] = field.default
        scalar = known(in_place, hook)
        if scalar is not None and scalar.text:
            texts.add(field.name)
        reading = _reading(index, hook, told, names)
        lines.extend(f"    {line}" for line in _fetched(field, index, null_in_place, reading))
    lines += ["    if rest:", "        raise _Error(o)"]
    structure: Hook = _compiled(
        cls,
        f"fast structure {cls.__name__}{'' if tag is None else ' tagged'}",
        lines,
        names,
        frozenset(texts),
    )
    return structure


def _tag_refused(tag: str) -> str:
    """The condition refusing an object without its *tag* as exactly a ``str``: a record reading
    a union's member in place finds it by ``_u[value['type']]``, which a ``str`` subclass equal
    to the tag would pass."""
    return f" or {tag!r} not in o or o[{tag!r}].__class__ is not str"


@attrs.frozen
class _Known:
    """What :func:`fast_record_hook` is told of some hooks, to do what they do in place."""

    in_place: Mapping[Hook, InPlace]
    items: Mapping[Hook, tuple[Hook, Any, int]]
    unions: Mapping[Hook, Mapping[str, Hook]]


def _reading(index: int, hook: Hook, told: _Known, names: dict[str, Any]) -> list[str]:
    """The lines that read ``v{index}``, there as it was decoded, into the value stored by
    *hook*: its test and parse in place; for a tuple, the array tested and its items tested
    and parsed in place, their member found by tag, or read by their hook; for a tagged
    union, its member found by tag; otherwise *hook* called."""
    value = f"v{index}"
    scalar = known(told.in_place, hook)
    if scalar is not None:
        lines = [f"if {scalar.refused.format(v=value)}:", f"    raise _Error({value})"]
        if scalar.then is not None:
            lines.append(f"{value} = {_parsed(index, scalar, value, names)}")
        return lines
    by_tag = known(told.unions, hook)
    if by_tag is not None:
        names[f"_u{index}"] = by_tag
        return [f"{value} = _u{index}[{value}['type']]({value}, None)"]
    tuple_of = known(told.items, hook)
    if tuple_of is None:
        return [f"{value} = _h{index}({value}, _t{index})"]
    item_hook, item_type, most = tuple_of
    lines = [
        f"if {value}.__class__ is not _list or len({value}) > {most}:",
        f"    raise _Error({value})",
    ]
    item_by_tag = known(told.unions, item_hook)
    if item_by_tag is not None:
        names[f"_u{index}"] = item_by_tag
        return _items_read(value, lines, f"_u{index}[item['type']](item, None)")
    each = known(told.in_place, item_hook)
    if each is None:
        names[f"_i{index}"], names[f"_r{index}"] = item_hook, item_type
        return _items_read(value, lines, f"_i{index}(item, _r{index})")
    lines += [
        f"for item in {value}:",
        f"    if {each.refused.format(v='item')}:",
        "        raise _Error(item)",
    ]
    if each.shared:  # the keys a record lists: each short text kept once
        names["_shared"] = shared_texts
        return [*lines, f"{value} = _shared({value})"]
    if each.then is None:
        return [*lines, f"{value} = _tuple({value})"]
    if each.known is not None:  # values made before: taken with no call
        return [
            *lines,
            f"{value} = _tuple([{_parsed(index, each, 'item', names)} for item in {value}])",
        ]
    # A parse in C (a mapping's look-up): mapped with no frame a call.
    names[f"_f{index}"] = each.then
    return [*lines, f"{value} = _tuple(map(_f{index}, {value}))"]


def _parsed(index: int, scalar: InPlace, value: str, names: dict[str, Any]) -> str:
    """The expression making what *scalar* stores of *value*, which its test let through: a
    value made before is taken from its known values with no call, the parse called only for
    another."""
    names[f"_f{index}"] = scalar.then
    if scalar.known is None:
        return f"_f{index}({value})"
    names[f"_k{index}"] = scalar.known
    return f"_k{index}[{value}] if {value} in _k{index} else _f{index}({value})"


def _items_read(value: str, lines: list[str], read: str) -> list[str]:
    """*lines*, then those making the tuple of each ``item`` of the array *value* as *read*
    reads it. Most arrays of records hold one item, or none: those are read with no
    comprehension, which costs a function made and called."""
    return [
        *lines,
        f"if len({value}) == 1:",
        f"    item = {value}[0]",
        f"    {value} = ({read},)",
        f"elif {value}:",
        f"    {value} = _tuple([{read} for item in {value}])",
        "else:",
        f"    {value} = ()",
    ]


def _fetched(
    field: attrs.Attribute[Any], index: int, null_in_place: bool, reading: list[str]
) -> list[str]:
    """The lines putting *field*'s value in ``v{index}``: taken from the object (and counted off
    ``rest`` where it may be absent), or its default where it is absent, then read by *reading*
    unless it is a ``None`` that is read as such in place (*null_in_place*)."""
    value, key = f"v{index}", repr(field.name)
    if field.default is attrs.NOTHING:
        taken = [f"{value} = o[{key}]"]
        if not null_in_place:
            return [*taken, *reading]
    else:
        taken = [f"if rest and {key} in o:", "    rest -= 1", f"    {value} = o[{key}]"]
        if not null_in_place:
            return [*taken, *(f"    {r}" for r in reading), "else:", f"    {value} = _d{index}"]
        taken += ["else:", f"    {value} = _d{index}"]
    return [*taken, f"if {value} is not None:", *(f"    {r}" for r in reading)]


def assembler(cls: type[R]) -> Callable[..., R]:
    """A function that builds a *cls* from keyword arguments, as the loader's fast path builds
    records: fields not given take their defaults, no converter runs and the type check is
    skipped, and every other validator the record declares runs.

    For importers' hot loops, where a record is built per row from values the importer has
    already checked and made into what ``__init__`` would store: tuples, extensions as a
    :class:`~inspectlib.format.FrozenDict` of frozen JSON values under namespaced keys, a day as
    a :class:`datetime.date`. A class the fast path is not written for (outside
    :data:`ALLOWED`) is returned as it is: its ``__init__`` takes the same arguments.
    """
    if not is_eligible(cls):
        return cls
    parameters = []
    names: dict[str, Any] = {}
    lines = []
    for index, field in enumerate(attrs.fields(cls)):  # type: ignore[arg-type]
        if field.default is attrs.NOTHING:
            parameters.append(field.name)
        else:
            names[f"_d{index}"] = field.default
            parameters.append(f"{field.name}=_d{index}")
        lines.append(f"    v{index} = {field.name}")
    head = [f"def built(*, {', '.join(parameters)}):"]
    build: Callable[..., R] = _compiled(cls, f"assembler {cls.__name__}", head + lines, names)
    return build


def _compiled(
    cls: type[Any],
    title: str,
    lines: list[str],
    names: dict[str, Any],
    texts: frozenset[str] = frozenset(),
) -> Any:
    """The function whose first *lines* put each field's value in ``v0``, ``v1``...: this adds
    what building a record without ``__init__`` then takes, as attrs orders it: every slot set,
    every validator run (the record's not-blank fields in one test), ``__attrs_post_init__``.
    The fields named in *texts* are known to hold exactly a str or None."""
    names.update({"_new": object.__new__, "_cls": cls, "_Error": FastPathError})
    lines = [*lines, *_made(cls, names)]
    checks: list[str] = []
    blanks: list[tuple[str, bool, str]] = []  # (value or its test, tested in place, validator)
    for index, field in enumerate(attrs.fields(cls)):
        validators = [v for v in validators_of(field) if v not in _SKIPPED_VALIDATORS]
        if validators:
            names[f"_a{index}"] = field
        for number, validator in enumerate(validators):
            names[f"_v{index}_{number}"] = validator
            call = f"    _v{index}_{number}(self, _a{index}, v{index})"
            # Not blank is tested for every text field in one call, and only where one is blank
            # is each field's own validator called, to raise its error.
            if validator is not_blank:
                known = field.name in texts
                blanks.append((blank_text_test(f"v{index}") if known else f"v{index}", known, call))
            else:
                checks.append(call)
    if blanks:
        tests = [test for test, known, _ in blanks if known]
        others = [value for value, known, _ in blanks if not known]
        if others:
            names["_blank"] = is_blank
            tests.append(f"_blank({', '.join(others)})")
        lines.append(f"    if {' or '.join(tests)}:")
        lines.extend(f"    {call}" for _, _, call in blanks)
        lines.append("        raise _Error(self)")
    lines.extend(checks)
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    exec(compile("\n".join(lines), f"<inspectlib {title}>", "exec"), names)
    return names["built"]


def _made(cls: type[Any], names: dict[str, Any]) -> list[str]:
    """The lines making ``self``, a *cls* holding ``v0``, ``v1``... in its fields' slots.

    A frozen record's slot is set only through its descriptor: a call, its arguments packed in
    a tuple. Where *cls* has a :func:`_twin`, the object is made as the twin, whose slots are
    set in place as any attribute's, then made a *cls* by assigning its class."""
    fields = attrs.fields(cls)
    twin = _twin(cls)
    if twin is None:
        names.update({f"_s{i}": getattr(cls, field.name).__set__ for i, field in enumerate(fields)})
        return ["    self = _new(_cls)", *(f"    _s{i}(self, v{i})" for i in range(len(fields)))]
    names["_twin"] = twin
    return [
        "    self = _new(_twin)",
        *(f"    self.{field.name} = v{i}" for i, field in enumerate(fields)),
        "    self.__class__ = _cls",
    ]


def _twin(cls: type[Any]) -> type[Any] | None:
    """A plain class laid out as *cls*, whose objects can be made *cls*'s by assigning their
    ``__class__``; ``None`` where there is none. CPython allows that assignment only between
    classes with the same base that add the same slots; CPython 3.11 also refuses it where a
    weak reference slot follows them (3.12 keeps weak references outside the slots), so the
    records a document holds take no weak references, on every version alike. Whether CPython
    allows it is found by trying it once, here."""
    own, base = cls.__dict__.get("__slots__"), cls.__base__
    if own is None or "__dict__" in own or base is None:
        return None
    # The same base as CPython chose for cls (its first solid base, not always the first).
    twin = type(f"{cls.__name__} (being built)", (base,), {"__slots__": own})
    if twin.__setattr__ is not _PLAIN_SETATTR:  # a base's own would run for each slot
        return None
    probe: Any = object.__new__(twin)
    try:
        probe.__class__ = cls
    except TypeError:
        return None
    return twin


_PLAIN_SETATTR: Final[object] = object.__setattr__
