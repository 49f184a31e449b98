"""The one place where records meet their wire form.

No record knows how it is written down: every wire rule is here, in :func:`make_converter`.
"""

from __future__ import annotations

import enum
import operator
import types
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextvars import ContextVar
from functools import partial
from typing import Any, Final, TypeAlias, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._evidence import Evidence, QualitativeEvidence, QuantitativeEvidence
from ._extensions import Extensions, InvalidExtension, freeze_extensions, thaw
from ._fast_records import fast_record_hook, is_eligible
from ._field_types import type_hints
from ._fields import BLANK, EMPTY, is_blank, not_blank, not_empty, validators_of
from ._frozen import FrozenDict
from ._inspections import Inspection
from ._judgments import NON_GRADES, CarriedForward, Inherited, Judgment, NonGrade
from ._known_hooks import (
    ITEMS_OF_TUPLE,
    OBJECT_BY_IDENTITY,
    READ_IN_PLACE,
    READER_BY_TAG,
    READER_OF_MEMBER,
    RECORD_OF_WRITER,
    WRITER_BY_TYPE,
    WRITER_OF_ITEMS,
    WRITER_OF_MEMBER,
    Hook,
    Written,
    known,
)
from ._limits import DEFAULT_LIMITS, Limits
from ._partial_dates import PartialDate
from ._paths import Step
from ._scales import Grade, GradingScale
from ._stated_dates import StatedDate
from ._suggestions import did_you_mean
from ._wire_types import (
    DATES_WRITTEN_IN_PLACE,
    SCALARS,
    STATED_DATE,
    TEXT_OF_DAY,
    InPlace,
    WireError,
    expected,
    shared_texts,
    strict_optional_str,
    strict_str,
)

__all__ = ["DROPPING", "Dropped", "document_writer", "make_converter", "unknown_field"]


class Dropped:
    """The keys a reading of a newer minor version dropped, noted against the objects that held
    them, and then found again as paths from the document's top."""

    def __init__(self) -> None:
        # Keyed by id(): the objects are kept alive here, so no id is reused meanwhile.
        self.found: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def note(self, container: dict[str, Any], keys: list[str]) -> None:
        self.found.setdefault(id(container), (container, []))[1].extend(keys)

    def paths(self, body: Any) -> Iterator[tuple[Step, ...]]:
        """The path of every dropped key, in document order; one walk of *body*, no recursion."""
        if not self.found:
            return
        # A stack of (is a dropped key, value, path), pushed in reverse to be popped in order.
        pending: list[tuple[bool, Any, tuple[Step, ...]]] = [(False, body, ())]
        while pending:
            is_dropped, node, at = pending.pop()
            if is_dropped:
                yield at
            elif type(node) is dict:
                noted = self.found.get(id(node))
                keys = set(noted[1]) if noted is not None and noted[0] is node else ()
                pending.extend((key in keys, node[key], (*at, key)) for key in reversed(list(node)))
            elif type(node) is list:
                pending.extend((False, node[i], (*at, i)) for i in range(len(node) - 1, -1, -1))


DROPPING: ContextVar[Dropped | None] = ContextVar("DROPPING", default=None)
"""While a document of a newer minor version is read: where unknown keys are noted, not
refused."""


def _unknown_keys(value: dict[str, Any], known: Collection[str]) -> list[str] | None:
    """The keys of *value* outside *known*, noted and to be dropped when reading a newer minor
    version; ``None`` otherwise, when they are to be refused."""
    dropping = DROPPING.get()
    if dropping is None:
        return None
    extra = [key for key in value if key not in known]
    dropping.note(value, extra)
    return extra


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum_structure_hook(cls: type[enum.Enum]) -> Hook:
    # A dictionary look-up is an order of magnitude cheaper than Enum(value), and lets the
    # error list the valid values.
    members = {member.value: member for member in cls}
    valid = ", ".join(members)

    def structure(value: Any, _: Any) -> enum.Enum:
        member = members.get(value) if type(value) is str else None
        if member is None:
            if type(value) is not str:
                raise expected("a string", value)
            raise WireError(f"{value!r} is not one of: {valid}{did_you_mean(value, members)}")
        return member

    READ_IN_PLACE[structure] = InPlace(
        "{v}.__class__ is not str", members.__getitem__, known=members
    )
    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _too_many(value: list[Any], limits: Limits) -> WireError:
    return WireError(
        f"{len(value):,} items, over the limit of {limits.max_items:,} (Limits.max_items)"
    )


def _tuple_structure_hook(
    converter: cattrs.Converter, detailed: bool, limits: Limits, cls: Any
) -> Hook:
    item_type = get_args(cls)[0]
    item_hook = converter.get_structure_hook(item_type)
    if detailed:
        return _detailed_tuple_hook(item_hook, item_type, limits, cls)
    max_items = limits.max_items
    if item_hook is strict_str:  # the text hook itself, not one registered in its place
        texts = partial(_fast_text_tuple, limits)
        ITEMS_OF_TUPLE[texts] = (item_hook, item_type, max_items)
        return texts

    def fast(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise expected("an array", value)
        if len(value) > max_items:
            raise _too_many(value, limits)
        return tuple([item_hook(item, item_type) for item in value])

    ITEMS_OF_TUPLE[fast] = (item_hook, item_type, max_items)
    return fast


def _fast_text_tuple(limits: Limits, value: Any, _: Any) -> tuple[str, ...]:
    """A tuple of text, each item tested in place rather than by a call of the text hook."""
    if type(value) is not list:
        raise expected("an array", value)
    if len(value) > limits.max_items:
        raise _too_many(value, limits)
    if not _ONLY_TEXT.issuperset(map(type, value)):
        raise expected("a string", next(item for item in value if type(item) is not str))
    return shared_texts(value)


_ONLY_TEXT: Final = frozenset({str})


def _detailed_tuple_hook(item_hook: Hook, item_type: Any, limits: Limits, cls: Any) -> Hook:
    """Every item read, and every problem collected with its index, up to the cap."""
    max_items, max_problems = limits.max_items, limits.max_problems

    def detailed_hook(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise expected("an array", value)
        if len(value) > max_items:
            raise _too_many(value, limits)
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:  # every problem is collected, not just the first
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring item {index}", index, item_type),
                ]
                errors.append(error)
                # One short of the cap, so the note saying reading stopped is shown too.
                if len(errors) >= max_problems - 1 and index + 1 < len(value):
                    # Enough to act on; reading a million bad items more would help nobody.
                    stop = WireError(
                        f"reading stopped after {len(errors):,} problems in this array, "
                        f"{len(value) - index - 1:,} items unread (Limits.max_problems)"
                    )
                    stop.__notes__ = [IterableValidationNote("stopped", index + 1, item_type)]
                    errors.append(stop)
                    break
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(items)

    return detailed_hook


# Per-class field overrides (cattrs' AttributeOverride values), by field name.
Overrides: TypeAlias = Mapping[type[Any], Mapping[str, Any]]


RENAMED: Final[Mapping[type[Any], Mapping[str, str]]] = {}
"""Fields renamed since format 1.0, by record type: old name to new. A document written under
an old name still loads; it is written back under the new one. None yet."""


def _optional_member(cls: Any) -> Any:
    """The T of ``T | None``, or None if *cls* is not such an optional."""
    if isinstance(cls, types.UnionType) or get_origin(cls) is Union:
        members = [member for member in get_args(cls) if member is not type(None)]
        if len(members) == 1 and len(get_args(cls)) == 2:
            return members[0]
    return None


def _optional_member_present(cls: Any) -> bool:
    return _optional_member(cls) is not None


def _optional_structure_hook(converter: cattrs.Converter, cls: Any) -> Hook:
    # cattrs' own optional hook looks the inner hook up on every call; resolve it once.
    member = _optional_member(cls)
    inner = converter.get_structure_hook(member)
    if inner is strict_str:  # the text hook itself, not one registered in its place
        return strict_optional_str

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, member)

    READER_OF_MEMBER[structure] = (inner, member)
    return structure


def _optional_unstructure_hook(converter: cattrs.Converter, cls: Any) -> Callable[[Any], Any]:
    inner = converter.get_unstructure_hook(_optional_member(cls))
    if inner is identity:
        return identity

    def unstructure(value: Any) -> Any:
        return None if value is None else inner(value)

    WRITER_OF_MEMBER[unstructure] = inner
    return unstructure


def _tuple_unstructure_hook(converter: cattrs.Converter, cls: Any) -> Callable[[Any], Any]:
    inner = converter.get_unstructure_hook(get_args(cls)[0])
    if inner is identity:
        return list  # known by identity to a record's writer (_WriterCode.value)

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        # A loop, not a comprehension: in CPython 3.11 a comprehension is a call of its own.
        written = []
        for item in value:
            written.append(inner(item))
        return written

    WRITER_OF_ITEMS[unstructure] = inner
    return unstructure


def _invariant_overrides(converter: cattrs.Converter, cls: type[Any]) -> dict[str, Any]:
    """Hooks that check a field's invariants as they read it.

    ``__init__`` checks blank text and empty sequences too, but the detailed pass only calls it
    once every field has been read: checked here, such problems are reported together with
    every other problem of the document, not in a second round.
    """
    hints = type_hints(cls)
    found = {}
    for field in attrs.fields(cls):
        validators = validators_of(field)
        blank, empty = not_blank in validators, not_empty in validators
        if field.init and (blank or empty):
            inner = converter.get_structure_hook(hints[field.name])
            found[field.name] = override(struct_hook=_checked(inner, blank=blank, empty=empty))
    return found


def _checked(inner: Hook, *, blank: bool, empty: bool) -> Hook:
    def structure(value: Any, cls: Any) -> Any:
        result = inner(value, cls)
        if blank and is_blank(result):
            raise WireError(BLANK)
        if empty and not result:
            raise WireError(EMPTY)
        return result

    return structure


def _known_keys(cls: type[Any], old_names: Mapping[str, str] | None) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls)) | frozenset(old_names or ())


def _dropping_unknown_keys(
    structure: Hook, cls: type[Any], old_names: Mapping[str, str] | None
) -> Hook:
    """*structure*, reading a newer minor version: keys *cls* does not know are noted and
    dropped rather than refused."""
    known = _known_keys(cls, old_names)

    def structure_known(value: Any, _: Any) -> Any:
        if (
            type(value) is dict
            and not known.issuperset(value)
            and _unknown_keys(value, known) is not None
        ):
            value = {key: item for key, item in value.items() if key in known}
        return structure(value, cls)

    return structure_known


def _field_hooks(
    converter: cattrs.Converter, overrides: Overrides, cls: type[Any]
) -> dict[str, Hook]:
    """The structure hook of each of *cls*'s fields, by name: its override, or its type's."""
    hints = type_hints(cls)
    own = overrides.get(cls, {})
    return {
        field.name: own[field.name].struct_hook
        if field.name in own
        else converter.get_structure_hook(hints[field.name])
        for field in attrs.fields(cls)
    }


def _fast_hook(
    converter: cattrs.Converter, overrides: Overrides, cls: type[Any], tag: str | None = None
) -> Hook:
    """*cls*'s hook on the fast path: built without ``__init__``, what can be read in place
    read in place; with *tag*, its object may hold that key, which a union has read."""
    return fast_record_hook(
        cls,
        _field_hooks(converter, overrides, cls),
        READ_IN_PLACE,
        tag=tag,
        members=READER_OF_MEMBER,
        items=ITEMS_OF_TUPLE,
        unions=READER_BY_TAG,
    )


def _reader_with_tag(
    converter: cattrs.Converter,
    overrides: Overrides,
    renamed: Mapping[type[Any], Mapping[str, str]],
    dropping: bool,
    cls: type[Any],
) -> Hook | None:
    """A tagged union's member *cls* read with its ``type`` in its object, so that no copy is
    made without it: on the fast path, where the object is read as it is (no key dropped, none
    renamed); ``None`` elsewhere, where the member's own hook reads a copy without the tag."""
    if converter.detailed_validation or not is_eligible(cls) or dropping or renamed.get(cls):
        return None
    return _fast_hook(converter, overrides, cls, "type")


def _record_hook(
    converter: cattrs.Converter,
    overrides: Overrides,
    renamed: Mapping[type[Any], Mapping[str, str]],
    dropping: bool,
    cls: type[Any],
) -> Hook:
    old_names = renamed.get(cls)
    if not converter.detailed_validation and is_eligible(cls):
        # Valid documents take this path; any failure sends them to the detailed pass.
        structure = _fast_hook(converter, overrides, cls)
    else:
        # cattrs' generated function indexes into the value; say plainly when it is no object.
        field_overrides = {**_invariant_overrides(converter, cls), **overrides.get(cls, {})}
        generated = make_dict_structure_fn(cls, converter, **field_overrides)

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise expected("an object", value)
            return generated(value, cls)

    if dropping:
        structure = _dropping_unknown_keys(structure, cls, old_names)
    if not old_names:
        return structure

    def structure_renamed(value: Any, _: Any) -> Any:
        if type(value) is dict and not old_names.keys().isdisjoint(value):
            value = dict(value)
            for old, new in old_names.items():
                if old in value:
                    if new in value:
                        raise WireError(
                            f"{old!r} is the old name of {new!r}: give one of them", (old,)
                        )
                    value[new] = value.pop(old)
        return structure(value, cls)

    return structure_renamed


def _extensions_hook(limits: Limits) -> Hook:
    def structure(value: Any, _: Any) -> Extensions:
        if type(value) is not dict:
            raise expected("an object", value)
        try:
            return freeze_extensions(value, limits)
        except InvalidExtension as error:
            raise WireError(error.message, error.at) from None

    return structure


def _is_extensions(cls: Any) -> bool:
    # Its resolved type hint is FrozenDict of the expanded JSON union.
    return get_origin(cls) is FrozenDict and get_args(cls)[1] is not str


def _text_map_hook(limits: Limits) -> Hook:
    def structure(value: Any, _: Any) -> FrozenDict[str, str]:
        if type(value) is not dict:
            raise expected("an object", value)
        errors: list[Exception] = []
        for key, item in value.items():
            if type(item) is not str:
                errors.append(WireError(expected("a string", item).message, (key,)))
                if len(errors) >= limits.max_problems:
                    break  # enough to act on: the cap on problems would drop the rest
        if errors:
            raise ExceptionGroup("invalid values", errors)
        return FrozenDict(value)

    return structure


def _scale_reference_hooks(
    scales: Mapping[str, GradingScale], detailed: bool, limits: Limits
) -> tuple[Hook, Callable[[tuple[GradingScale, ...]], list[str]]]:
    """A record's scales are written as ids, to be looked up in the catalogue when read."""

    def structure(value: Any, _: Any) -> tuple[GradingScale, ...]:
        if type(value) is not list:
            raise expected("an array of grading scale ids", value)
        if len(value) > limits.max_items:
            raise _too_many(value, limits)
        found, errors = [], []
        unknown: dict[str, str] = {}  # each unknown id's message, made once: suggesting costs
        for index, scale_id in enumerate(value):
            scale = scales.get(scale_id) if type(scale_id) is str else None
            if scale is not None:
                found.append(scale)
                continue
            if not detailed:  # the fast pass stops here; the detailed pass says what and where
                raise WireError("not a grading scale of the catalogue", (index,))
            if type(scale_id) is not str:
                errors.append(WireError(expected("a string", scale_id).message, (index,)))
            else:
                if scale_id not in unknown:
                    unknown[scale_id] = _unknown_scale(scale_id, scales)
                errors.append(WireError(unknown[scale_id], (index,)))
            if len(errors) >= limits.max_problems - 1 and index + 1 < len(value):
                errors.append(
                    WireError(
                        f"reading stopped after {len(errors):,} problems in this array, "
                        f"{len(value) - index - 1:,} items unread (Limits.max_problems)"
                    )
                )
                break
        if errors:
            raise ExceptionGroup("unknown scales", errors)
        return tuple(found)

    scale_id = operator.attrgetter("id")

    def unstructure(value: tuple[GradingScale, ...]) -> list[str]:
        return list(map(scale_id, value))

    WRITER_OF_ITEMS[unstructure] = scale_id  # a record's writer writes each id in place
    return structure, unstructure


def _object_with(value: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
    """Check *value* is an object with no key outside *allowed*."""
    if type(value) is not dict:
        raise expected("an object", value)
    extra = [key for key in value if key not in allowed]
    if extra:
        if _unknown_keys(value, allowed) is not None:
            return {key: item for key, item in value.items() if key in allowed}
        raise ExceptionGroup(
            "unknown fields", [WireError(unknown_field(key, allowed), (key,)) for key in extra]
        )
    return value


def unknown_field(key: str, known: Iterable[str]) -> str:
    """``"unknown field; did you mean 'title'?"``."""
    return f"unknown field{did_you_mean(key, known)}"


def _required(value: dict[str, Any], key: str) -> Any:
    try:
        return value[key]
    except KeyError:
        raise WireError("missing required field", (key,)) from None


def _unknown_scale(scale_id: str, scales: Mapping[str, GradingScale]) -> str:
    return f"no grading scale {scale_id!r} in the catalogue{did_you_mean(scale_id, scales)}"


def _grade_hooks(
    scales: Mapping[str, GradingScale], allowed: tuple[str, ...] = ("scale", "grade")
) -> tuple[Hook, Callable[[Grade], Any]]:
    """A grade's hooks. Written alone it is ``{"scale", "grade"}``; as a judgment its object
    also holds the judgment's ``type``, and the judgment passes *allowed* to say so."""
    # A valid grade is found by two look-ups, its scale's then its key's (no pair made and
    # hashed); anything else is read again with every check, to say what is wrong.
    by_scale = {
        scale_id: {grade.key: grade for grade in scale} for scale_id, scale in scales.items()
    }
    size = len(allowed)

    def structure(value: Any, _: Any) -> Grade:
        if type(value) is dict and len(value) == size:
            try:  # a key missing, from the object or from the catalogue, raises KeyError
                scale_id, key = value["scale"], value["grade"]
                # A judgment's tag exactly text: a record's reader finds this hook by it.
                if (
                    type(scale_id) is str
                    and type(key) is str
                    and (size == 2 or value["type"].__class__ is str)
                ):
                    return by_scale[scale_id][key]
            except KeyError:
                pass
        return checked(value)

    def checked(value: Any) -> Grade:
        value = _object_with(value, allowed)
        if size == 3 and _required(value, "type").__class__ is not str:
            raise WireError(expected("a string", value["type"]).message, ("type",))
        scale_id = _text_at(value, "scale")
        label = _text_at(value, "grade")
        scale = scales.get(scale_id)
        if scale is None:
            raise WireError(_unknown_scale(scale_id, scales), ("scale",))
        grade = scale.grade_of_key(label)
        if grade is None:
            raise WireError(
                f"{label!r} is not a grade of scale {scale_id!r}; valid grades: "
                + ", ".join(scale.keys)
                + _closest_grade(label, scale),
                ("grade",),
            )
        return grade

    # The catalogue's own grades, each with its written object, found by identity: a grade's
    # hash is Python code, and its key a property.
    tag = {"type": "grade"} if "type" in allowed else {}
    written = {
        id(grade): (grade, {**tag, "scale": scale.id, "grade": grade.key})
        for scale in scales.values()
        for grade in scale
    }

    def unstructure(grade: Grade) -> dict[str, Any]:
        known = written.get(id(grade))
        if known is not None and known[0] is grade:
            return {**known[1]}
        return {**tag, "scale": grade.scale.id, "grade": grade.key}

    OBJECT_BY_IDENTITY[unstructure] = written
    return structure, unstructure


def _closest_grade(label: str, scale: GradingScale) -> str:
    # A grade is written by key ("requires_improvement"); a label ("Requires improvement") or a
    # near miss ("goood") points at the key meant.
    by_label = scale.get(label) if len(label) <= 100 else None
    if by_label is not None:
        return f"; did you mean {by_label.key!r}?"
    return did_you_mean(label.lower(), scale.keys)


_NON_GRADES: Final = {kind.value: non_grade for kind, non_grade in NON_GRADES.items()}
_JUDGMENT_TYPES: Final = ("grade", *_NON_GRADES, "carried_forward", "inherited")


def _judgment_hooks(
    structure_grade: Hook,
    structure_tagged_grade: Hook,
    unstructure_grade: Callable[[Grade], Any],
    unstructure_tagged_grade: Callable[[Grade], dict[str, Any]],
    structure_inherited: Hook,
    inherited_with_tag: Hook | None,
    unstructure_inherited: Callable[[Inherited], dict[str, Any]],
) -> tuple[Hook, Callable[[Judgment | None], Any]]:
    inherited_keys = _known_keys(Inherited, None) | {"type"}

    def non_grade(value: dict[str, Any]) -> Judgment:
        _object_with(value, ("type",))
        return _NON_GRADES[value["type"]]

    def tag_is_text(read: Callable[[dict[str, Any]], Judgment]) -> Hook:
        """*read*, for a record's reader that finds it by the object's tag, which a ``str``
        subclass equal to the tag would pass: such a tag is refused."""

        def structure(value: Any, _: Any) -> Judgment:
            if value["type"].__class__ is not str:
                raise WireError(expected("a string", value["type"]).message, ("type",))
            return read(value)

        return structure

    # The reader of each tag, given the judgment's object.
    readers: dict[str, Callable[[dict[str, Any]], Judgment]] = {
        "grade": lambda value: structure_tagged_grade(value, Grade),
        **dict.fromkeys(_NON_GRADES, non_grade),
        "inherited": (lambda value: inherited_with_tag(value, Inherited))
        if inherited_with_tag is not None
        else lambda value: structure_inherited(_without_tag(value, inherited_keys), Inherited),
        "carried_forward": partial(_carried_forward, structure_grade),
    }

    def structure(value: Any, _: Any) -> Judgment:
        if type(value) is not dict:
            raise expected("an object", value)
        tag = value.get("type")
        if tag.__class__ is str and tag == "grade":  # most are: read with no call between
            grade: Grade = structure_tagged_grade(value, Grade)
            return grade
        tag = _required(value, "type")
        reader = readers.get(tag) if type(tag) is str else None
        if reader is None:
            raise _unknown_tag(tag, _JUDGMENT_TYPES)
        return reader(value)

    if inherited_with_tag is not None:  # each member read with its tag: found by it in place
        READER_BY_TAG[structure] = {
            "grade": structure_tagged_grade,
            **{tag: tag_is_text(read) for tag, read in readers.items() if tag != "grade"},
            "inherited": inherited_with_tag,
        }
    return structure, _judgment_unstructure_hook(
        unstructure_grade, unstructure_tagged_grade, unstructure_inherited
    )


def _judgment_unstructure_hook(
    unstructure_grade: Callable[[Grade], Any],
    unstructure_tagged_grade: Callable[[Grade], dict[str, Any]],
    unstructure_inherited: Callable[[Inherited], dict[str, Any]],
) -> Callable[[Judgment | None], Any]:
    # Most judgments are the catalogue's grades and the non-grades: each written object found
    # by identity, first, with no call between.
    written: dict[int, tuple[Any, dict[str, Any]]] = {
        **(known(OBJECT_BY_IDENTITY, unstructure_tagged_grade) or {}),
        **{
            id(non_grade): (non_grade, {"type": kind._value_})
            for kind, non_grade in NON_GRADES.items()
        },
    }

    def unstructure(judgment: Judgment | None) -> dict[str, Any] | None:
        known = written.get(id(judgment))
        if known is not None and known[0] is judgment:
            return {**known[1]}
        if judgment is None:
            return None
        if isinstance(judgment, Grade):
            return unstructure_tagged_grade(judgment)
        if isinstance(judgment, NonGrade):
            return {"type": judgment.kind._value_}
        if isinstance(judgment, Inherited):
            return {"type": "inherited", **unstructure_inherited(judgment)}
        wire: dict[str, Any] = {"type": "carried_forward"}
        if judgment.from_inspection is not None:
            wire["from_inspection"] = judgment.from_inspection
        if judgment.grade is not None:
            wire["grade"] = unstructure_grade(judgment.grade)
        return wire

    OBJECT_BY_IDENTITY[unstructure] = written
    return unstructure


def _carried_forward(structure_grade: Hook, value: dict[str, Any]) -> CarriedForward:
    _object_with(value, ("type", "from_inspection", "grade"))
    source = value.get("from_inspection")
    if source is not None:
        source = _text_at(value, "from_inspection")
    grade = value.get("grade")
    try:
        carried = None if grade is None else structure_grade(grade, Grade)
    except WireError as error:
        raise WireError(error.message, ("grade", *error.at)) from error
    except ExceptionGroup as group:
        raise ExceptionGroup(
            group.message, [_prefixed(error, "grade") for error in group.exceptions]
        ) from group
    return CarriedForward(from_inspection=source, grade=carried)


def _without_tag(value: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """A copy of a tagged object without its ``type``, for the member's own hook; keys the
    member does not know dropped where a newer minor version is read."""
    if not known.issuperset(value) and _unknown_keys(value, known) is not None:
        fields = {key: item for key, item in value.items() if key in known}
    else:
        fields = dict(value)
    del fields["type"]
    return fields


def _unknown_tag(tag: Any, tags: Iterable[str]) -> WireError:
    """The error for a ``type`` that names no member of a tagged union."""
    if type(tag) is not str:
        return WireError(expected("a string", tag).message, ("type",))
    return WireError(
        f"{tag!r} is not one of: {', '.join(tags)}{did_you_mean(tag, tags)}", ("type",)
    )


def _prefixed(error: BaseException, step: Step) -> Exception:
    if isinstance(error, WireError):
        return WireError(error.message, (step, *error.at))
    return WireError(str(error), (step,))


def _text_at(value: dict[str, Any], key: str) -> str:
    """The text under *key*, or an error located at *key*."""
    item = _required(value, key)
    if type(item) is not str:
        raise WireError(expected("a string", item).message, (key,))
    return item


EVIDENCE_TAGS: Final[Mapping[type[Any], str]] = {
    QuantitativeEvidence: "quantitative",
    QualitativeEvidence: "qualitative",
}


def _tagged_union_hooks(
    converter: cattrs.Converter,
    tags: Mapping[type[Any], str],
    renamed: Mapping[type[Any], Mapping[str, str]],
    reader_with_tag: Callable[[type[Any]], Hook | None],
    writer_with: Callable[[type[Any], Mapping[str, str]], Callable[[Any], dict[str, Any]]],
) -> tuple[Hook, Callable[[Any], Any]]:
    """A tagged union's hooks. A member that *reader_with_tag* reads with the tag in its
    object is given the object as it is; any other sees a copy without the tag. Each member
    is written by *writer_with* (its class, its tag), the tag first."""
    by_tag = {
        tag: (cls, converter.get_structure_hook(cls), reader_with_tag(cls))
        for cls, tag in tags.items()
    }
    # A member's object holds the tag too: the member's own hook sees a copy without it.
    known = {cls: _known_keys(cls, renamed.get(cls)) | {"type"} for cls in tags}
    unstructure_of = {cls: writer_with(cls, {"type": tag}) for cls, tag in tags.items()}

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise expected("an object", value)
        tag = value.get("type")
        member = by_tag.get(tag) if type(tag) is str else None
        if member is None:
            raise _unknown_tag(_required(value, "type"), by_tag)
        cls, hook, whole = member
        if whole is not None:
            return whole(value, cls)
        return hook(_without_tag(value, known[cls]), cls)

    def unstructure(value: Any) -> dict[str, Any]:
        return unstructure_of[type(value)](value)

    WRITER_BY_TYPE[unstructure] = unstructure_of
    wholes = {tag: whole for tag, (_, _, whole) in by_tag.items() if whole is not None}
    if len(wholes) == len(by_tag):
        READER_BY_TAG[structure] = wholes
    return structure, unstructure


def _is_union_of(members: frozenset[type[Any]]) -> Callable[[Any], bool]:
    """Match the union of *members*, and that union with ``None`` (an optional field)."""
    optional = members | {type(None)}

    def matches(cls: Any) -> bool:
        return isinstance(cls, types.UnionType) and frozenset(get_args(cls)) in (members, optional)

    return matches


def _none_or(hook: Hook) -> Hook:
    def structure(value: Any, cls: Any) -> Any:
        return None if value is None else hook(value, cls)

    READER_OF_MEMBER[structure] = (hook, None)
    return structure


def make_converter(
    scales: Mapping[str, GradingScale],
    *,
    detailed_validation: bool = True,
    renamed: Mapping[type[Any], Mapping[str, str]] = RENAMED,
    limits: Limits = DEFAULT_LIMITS,
    dropping: bool = False,
) -> cattrs.Converter:
    """A cattrs converter that reads and writes records in inspectlib's wire format.

    Wire rules, all of them:

    - Records are JSON objects whose keys are the records' field names. A field holding its
      default (``None``, an empty tuple, an empty mapping) is left out when writing, and may be
      left out, or given as ``null`` where the field is optional, when reading.
    - A key the record does not have is an error; nothing is silently dropped.
    - Nothing is coerced: text must be a JSON string, whole numbers JSON integers (``true`` is
      not ``1``, ``"12"`` is not ``12``), booleans JSON booleans.
    - Exact dates (:class:`datetime.date`) are ISO 8601 strings ``YYYY-MM-DD``; partial dates
      are their canonical string (``"2025-06"``, ``"2018-spring"``, ``"../2023"``: see
      :class:`~inspectlib.PartialDate`). A stated date (:data:`~inspectlib.StatedDate`) is one
      or the other: ``"2024-12-13"`` reads as a :class:`datetime.date`, ``"2020-01"`` as a
      partial date.
    - Enumerations are their stable snake_case values (``"area_for_improvement"``).
    - Tuples are JSON arrays; :class:`~inspectlib.format.FrozenDict` mappings are JSON objects.
    - A record's grading scales (``Inspection.scales``) are written as their ids and looked up
      in *scales* when read.
    - A grade is ``{"scale": <scale id>, "grade": <grade key>}``; the scale is looked up in
      *scales*, and the key must be the grade's exact key (``"requires_improvement"``).
    - A judgment is a tagged object: ``{"type": "grade", "scale": ..., "grade": ...}``,
      ``{"type": "ungraded"}`` (likewise ``not_rated``, ``exempt``, ``awaiting_inspection``,
      ``insufficient_evidence``, ``awaiting_publication``, ``no_published_rating``,
      ``inspected_not_rated``, ``not_applicable``, ``not_judged``), ``{"type":
      "carried_forward", "from_inspection": ..., "grade": {...}}``, or ``{"type":
      "inherited", "grade": {...}, "predecessor": {...}, "rated": ..., "report": ...}``.
    - Evidence is tagged ``{"type": "quantitative", ...}`` or ``{"type": "qualitative", ...}``.
    - A field renamed in a later version stays readable under its old name (*renamed*, by
      default :data:`RENAMED`); giving both names is an error. Records are written under the
      current names.
    - ``extensions`` is an object whose keys carry a namespace (``"yourtool:note"``) and whose
      values are any JSON; it is kept as it was given.

    With *detailed_validation* (the default) a failure reports every problem with its path;
    without it, the first failure stops structuring, which is faster on valid input. *limits*
    bounds arrays, nesting and the problems collected.

    With *dropping*, for documents of a newer minor version, a key a record does not know is
    not an error: it is dropped, and noted in the :class:`Dropped` that :data:`DROPPING` holds
    while the document is read (reading with no collector there refuses it as usual).
    """
    converter = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
    )
    # Generic shapes first: the specific unions registered below take precedence over them.
    is_optional = _optional_member_present
    converter.register_structure_hook_factory(
        is_optional, partial(_optional_structure_hook, converter)
    )
    converter.register_unstructure_hook_factory(
        is_optional, partial(_optional_unstructure_hook, converter)
    )
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple, partial(_tuple_unstructure_hook, converter)
    )
    for scalar, wire in SCALARS.items():
        converter.register_structure_hook(scalar, wire.structure)
        if wire.unstructure is not None:
            converter.register_unstructure_hook(scalar, wire.unstructure)
    # Null only where the field is optional: a required stated date refuses it as it is read.
    _register_union(converter, frozenset(get_args(StatedDate)), STATED_DATE.structure)
    converter.register_unstructure_hook_func(
        _is_union_of(frozenset(get_args(StatedDate))), STATED_DATE.unstructure or identity
    )
    converter.register_structure_hook_factory(_is_enum, _enum_structure_hook)
    # The member's stored value, read as a plain attribute: Enum.value is a Python-level
    # descriptor, called once per enumeration written.
    converter.register_unstructure_hook_factory(_is_enum, lambda _: _ENUM_VALUE)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple,
        partial(_tuple_structure_hook, converter, detailed_validation, limits),
    )
    converter.register_structure_hook_func(_is_extensions, _extensions_hook(limits))
    converter.register_unstructure_hook_func(_is_extensions, thaw)
    converter.register_structure_hook_func(
        lambda cls: cls == FrozenDict[str, str], _text_map_hook(limits)
    )
    converter.register_unstructure_hook_func(lambda cls: cls == FrozenDict[str, str], dict)

    structure_scales, unstructure_scales = _scale_reference_hooks(
        scales, detailed_validation, limits
    )
    references = override(struct_hook=structure_scales, unstruct_hook=unstructure_scales)
    overrides: Overrides = {Inspection: {"scales": references}}
    converter.register_structure_hook_factory(
        attrs.has, partial(_record_hook, converter, overrides, renamed, dropping)
    )
    reader_with_tag = partial(_reader_with_tag, converter, overrides, renamed, dropping)
    converter.register_unstructure_hook_factory(
        attrs.has,
        partial(_record_unstructure_fn, converter, overrides),
    )

    structure_grade, unstructure_grade = _grade_hooks(scales)
    structure_tagged_grade, unstructure_tagged_grade = _grade_hooks(
        scales, ("type", "scale", "grade")
    )
    converter.register_structure_hook(Grade, structure_grade)
    converter.register_unstructure_hook(Grade, unstructure_grade)
    structure_inherited = converter.get_structure_hook(Inherited)
    unstructure_inherited = _record_unstructure_fn(converter, overrides, Inherited)
    structure_judgment, unstructure_judgment = _judgment_hooks(
        structure_grade,
        structure_tagged_grade,
        unstructure_grade,
        unstructure_tagged_grade,
        structure_inherited,
        reader_with_tag(Inherited),
        unstructure_inherited,
    )
    for member in (Grade, NonGrade, CarriedForward, Inherited):
        converter.register_unstructure_hook(member, unstructure_judgment)
    _register_union(converter, frozenset(get_args(Judgment)), structure_judgment)
    converter.register_unstructure_hook_func(
        _is_union_of(frozenset(get_args(Judgment))), unstructure_judgment
    )

    structure_evidence, unstructure_evidence = _tagged_union_hooks(
        converter,
        EVIDENCE_TAGS,
        renamed,
        reader_with_tag,
        partial(_record_unstructure_fn, converter, overrides),
    )
    _register_union(converter, frozenset(get_args(Evidence)), structure_evidence)
    converter.register_unstructure_hook_func(
        _is_union_of(frozenset(get_args(Evidence))), unstructure_evidence
    )
    return converter


def _record_unstructure_fn(
    converter: cattrs.Converter,
    overrides: Overrides,
    cls: type[Any],
    leading: Mapping[str, str] = {},
) -> Callable[[Any], dict[str, Any]]:
    """A function writing a record of *cls* as cattrs' ``omit_if_default`` writes it: the fields
    without a default first, then those not holding their default, each in field order; the
    keys of *leading* (a tagged union's ``type``) come before them all, in the one dict.

    cattrs compares every field with its default by ``!=``, which calls the records' and
    mappings' Python-level ``__eq__``; here a default of ``None`` is tested by identity (and the
    field, known not to be ``None`` then, written by its member's writer) and an empty tuple by
    truth; a field whose hook is one of the converter's own is written in place
    (:class:`_WriterCode`).
    """
    if any(isinstance(field.default, attrs.Factory) for field in _written_fields(cls)):  # type: ignore[arg-type]
        made = make_dict_unstructure_fn(  # a default made afresh: cattrs' own comparison
            cls, converter, _cattrs_omit_if_default=True, **overrides.get(cls, {})
        )
        return (lambda record: {**leading, **made(record)}) if leading else made
    written = Written(cls, leading, _field_writers(converter, overrides, cls))
    unstructure = _compiled_writer(written, shares=False)
    RECORD_OF_WRITER[unstructure] = written
    return unstructure


def _compiled_writer(written: Written, *, shares: bool) -> Callable[[Any], dict[str, Any]]:
    """The function that writes a ``written.cls`` as *written* says (:class:`_WriterCode`)."""
    code = _WriterCode(shares=shares)
    text = "\n".join(
        [
            "def unstructure(r):",
            *(f"    {line}" for line in code.record(written, "r", "res", ())),
            "    return res",
        ]
    )
    exec(compile(text, f"<inspectlib unstructure {written.cls.__name__}>", "exec"), code.names)
    unstructure: Callable[[Any], dict[str, Any]] = code.names["unstructure"]
    return unstructure


def document_writer(
    writer: Callable[[Any], dict[str, Any]], leading: Mapping[str, str], *, shares: bool
) -> Callable[[Any], dict[str, Any]]:
    """*writer* (a record writer of a converter) writing the keys of *leading* first, in the
    one dict it makes: a document's envelope, with no second dict to put it in front (but for
    a record cattrs writes itself, one with a default made afresh, whose dict is copied).

    With *shares*, the objects written for the values known by identity (a catalogue's
    grades, the non-grades) are put in the dict themselves, not copies, a tuple of plain values
    is put in as the tuple, which orjson writes as the array the list would be, and a
    ``datetime.date`` as the day, which orjson writes as ``isoformat`` does: only for a dict
    that goes straight to orjson and is never handed to a caller, who could change it or find
    what is not JSON's in it.
    """
    written = known(RECORD_OF_WRITER, writer)
    if written is None:  # cattrs' own writer (a default made afresh): the envelope put first
        envelope = dict(leading)
        return lambda record: {**envelope, **writer(record)}
    return _compiled_writer(
        Written(written.cls, {**leading, **written.leading}, written.fields), shares=shares
    )


def _written_fields(cls: type[Any]) -> list[Any]:
    """The fields of *cls* a document holds: those its ``__init__`` takes."""
    return [field for field in attrs.fields(cls) if field.init]


def _field_writers(
    converter: cattrs.Converter, overrides: Overrides, cls: type[Any]
) -> tuple[tuple[Any, Callable[[Any], Any]], ...]:
    """Each field of *cls* a document holds, with the hook that writes it: its override, or
    its type's."""
    hints = type_hints(cls)
    own = overrides.get(cls, {})
    return tuple(
        (
            field,
            getattr(own.get(field.name), "unstruct_hook", None)
            or converter.get_unstructure_hook(hints[field.name]),
        )
        for field in _written_fields(cls)
    )


_INLINED_DEPTH: Final = 4
"""How deep records are written in place within the writer of the record holding them."""


class _WriterCode:
    """The code of one record's writer, and the names it uses.

    Where a field's hook is one of the converter's own (tested by identity: a hook registered
    in its place is called as any other), it is written in place: a tuple's items in a loop,
    with no call for the tuple; a record (a tuple's item, a tagged union's member) by its own
    writer's code, with no call (not within itself, and a few records deep at most); an
    enumeration by its value; a catalogue grade or a non-grade by the object its writer keeps
    for it, by identity, calling the writer only on a miss (the object copied, unless the code
    *shares* it: see :func:`document_writer`); a date of exactly its type by the text it keeps
    (a partial date), or by the text kept for it by identity (a day), or, where the code
    *shares*, as the day itself (:data:`~inspectlib._wire_types.DATES_WRITTEN_IN_PLACE`).
    """

    def __init__(self, *, shares: bool) -> None:
        self.names: dict[str, Any] = {}
        self.count = 0
        self.shares = shares  # objects known by identity written themselves, not copied

    def fresh(self, prefix: str) -> str:
        """A name no other in the code has."""
        self.count += 1
        return f"{prefix}{self.count}"

    def kept(self, value: Any) -> str:
        """The name under which the code reads *value*."""
        name = self.fresh("_h")
        self.names[name] = value
        return name

    def record(
        self, shape: Written, record: str, result: str, within: tuple[type[Any], ...]
    ) -> list[str]:
        """Lines that write *record* (a name), a ``shape.cls``, as the dict *result*, with the
        hooks of *shape*."""
        within = (*within, shape.cls)
        before: list[str] = []  # the lines that write the required fields
        required = [f"{key!r}: {value!r}" for key, value in shape.leading.items()]
        optional: list[str] = []
        value = self.fresh("v")
        for field, hook in shape.fields:
            if field.default is attrs.NOTHING:
                lines, written = self.value(hook, f"{record}.{field.name}", within)
                before += lines
                required.append(f"{field.name!r}: {written}")
                continue
            # As cattrs does, a default is compared in the form its converter stores.
            default = field.default if field.converter is None else field.converter(field.default)
            read = f"({value} := {record}.{field.name})"
            if default is None:
                test = f"{read} is not None"
                hook = known(WRITER_OF_MEMBER, hook) or hook  # None is not written here
            elif type(default) is tuple and not default:
                test = read
            else:
                kept = self.kept(default)
                test = f"{read} is not {kept} and {value} != {kept}"
            lines, written = self.value(hook, value, within)
            optional.append(f"if {test}:")
            optional += [f"    {line}" for line in lines]
            optional.append(f"    {result}[{field.name!r}] = {written}")
        return [*before, f"{result} = {{" + ", ".join(required) + "}", *optional]

    def value(
        self, hook: Callable[[Any], Any], value: str, within: tuple[type[Any], ...]
    ) -> tuple[list[str], str]:
        """The lines that come first and the expression that is *value* (an expression of the
        code) written by *hook*."""
        if hook is identity:
            return [], value
        if hook is _ENUM_VALUE:
            return [], f"{value}._value_"
        if not value.isidentifier():  # an attribute: read once
            bound = self.fresh("w")
            lines, written = self.value(hook, bound, within)
            return [f"{bound} = {value}", *lines], written
        if hook is list and self.shares:
            # A tuple of plain values (texts, numbers): orjson writes the tuple itself as the array
            # the list would be (a tuple only: orjson refuses a subclass, a named tuple).
            # What is not exactly a tuple (set behind a constructor's back) is listed as before,
            # so that it is written, or refused, as it always was.
            return [], f"({value} if type({value}) is tuple else {self.kept(list)}({value}))"
        items = known(WRITER_OF_ITEMS, hook)
        if items is not None:
            written, item = self.fresh("l"), self.fresh("x")
            lines, item_written = self.value(items, item, within)
            return [
                f"{written} = []",
                f"for {item} in {value}:",
                *(f"    {line}" for line in lines),
                f"    {written}.append({item_written})",
            ], written
        by_type = known(WRITER_BY_TYPE, hook)
        if by_type is not None:
            return self.member(by_type, value, within)
        record = known(RECORD_OF_WRITER, hook)
        if record is not None and record.cls not in within and len(within) < _INLINED_DEPTH:
            written = self.fresh("d")
            return self.record(record, value, written, within), written
        dates = known(DATES_WRITTEN_IN_PLACE, hook)
        if dates is not None:
            return self.date(hook, dates, value)
        # The object kept against each value (a grade), by identity: a copy, or shared.
        table = known(OBJECT_BY_IDENTITY, hook)
        if table is None:
            return [], f"{self.kept(hook)}({value})"
        written = self.fresh("w")
        return [
            *self.by_identity(table, value, written, "{k}[1]" if self.shares else "{{**{k}[1]}}"),
            "else:",
            f"    {written} = {self.kept(hook)}({value})",
        ], written

    def by_identity(
        self, table: Mapping[int, tuple[Any, Any]], value: str, written: str, form: str
    ) -> list[str]:
        """Lines that set *written* from the entry of *table* for *value* (a name), the entry's
        written form put as *form* says, under an ``if`` to which an ``else`` is to follow.

        Each entry holds its object ((object, written)), so the object lives as long as the
        entry does, and no other object alive can have its id: an entry found for the id of
        the value, which is alive too, is the value's own, with no identity test."""
        found = self.fresh("k")
        return [
            f"{found} = {self.kept(table.get)}(id({value}))",  # the table is never replaced
            f"if {found} is not None:",
            f"    {written} = {form.format(k=found)}",
        ]

    def date(
        self, hook: Callable[[Any], Any], types: tuple[type[Any], ...], value: str
    ) -> tuple[list[str], str]:
        """A date *value* (a name) written in place when exactly one of *types*
        (:data:`~inspectlib._wire_types.DATES_WRITTEN_IN_PLACE`), by *hook* otherwise."""
        written, kind, write = self.fresh("w"), self.fresh("t"), self.kept(hook)
        lines = [f"{kind} = type({value})"]
        for index, cls in enumerate(types):
            lines.append(f"{'if' if index == 0 else 'elif'} {kind} is {self.kept(cls)}:")
            if cls is PartialDate:  # the text it keeps, made by its first str()
                branch = [f"{written} = {value}._text or {write}({value})"]
            elif self.shares:  # orjson writes a datetime.date as its isoformat
                branch = [f"{written} = {value}"]
            else:
                branch = [
                    *self.by_identity(TEXT_OF_DAY, value, written, "{k}[1]"),
                    "else:",
                    f"    {written} = {write}({value})",
                ]
            lines += [f"    {line}" for line in branch]
        lines += ["else:", f"    {written} = {write}({value})"]
        return lines, written

    def member(
        self,
        by_type: Mapping[type[Any], Callable[[Any], Any]],
        value: str,
        within: tuple[type[Any], ...],
    ) -> tuple[list[str], str]:
        """A tagged union's member *value* (a name) written by its own writer, picked by type."""
        written, kind = self.fresh("d"), self.fresh("t")
        lines = [f"{kind} = type({value})"]
        for cls, writer in by_type.items():
            branch, member = self.value(writer, value, within)
            lines.append(f"{'if' if len(lines) == 1 else 'elif'} {kind} is {self.kept(cls)}:")
            lines += [f"    {line}" for line in [*branch, f"{written} = {member}"]]
        lines += ["else:", f"    {written} = {self.kept(by_type)}[{kind}]({value})"]
        return lines, written


def _register_union(converter: cattrs.Converter, members: frozenset[type[Any]], hook: Hook) -> None:
    """Structure the union of *members* with *hook*: null only where the field is optional
    (``Judgment | None``), never where it is not (a graded area's judgment, an item of
    evidence), so that nothing is read that the record's type does not allow."""
    optional = members | {type(None)}

    def is_exact(cls: Any) -> bool:
        return isinstance(cls, types.UnionType) and frozenset(get_args(cls)) == members

    def is_optional(cls: Any) -> bool:
        return isinstance(cls, types.UnionType) and frozenset(get_args(cls)) == optional

    converter.register_structure_hook_func(is_exact, hook)
    converter.register_structure_hook_func(is_optional, _none_or(hook))


_ENUM_VALUE: Final = operator.attrgetter("_value_")
