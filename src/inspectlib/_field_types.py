"""Field types, enforced where records are built.

Every record class is declared with ``field_transformer=typed_fields``. That adds one validator,
:func:`check_field_types`, in front of the validators of the record's first field, so that it
runs after every converter and before every other validator (attrs runs converters as it sets
each field, then validators in field order). Other validators and ``__attrs_post_init__`` can
therefore rely on each field holding its declared type.

The check is driven by the declared annotations alone, so a field added to a record is checked
with no further work. The annotations are resolved once per class, on the first record built,
and compiled into one function that tests every field inline: building a record in a loop pays
a class comparison per field, and ``isinstance`` only for values of a subclass.

What a declared type accepts:

- a class: an instance of it, with two exceptions Python's own ``isinstance`` would let
  through: a :class:`bool` is not an :class:`int` (nor a :class:`float`), and a
  :class:`datetime.datetime` is not a :class:`datetime.date` (a record keeps days; a time of
  day would be cut off on writing, and the record read back would differ);
- ``X | Y``: what either accepts; ``None`` only where the union names it;
- ``tuple[X, ...]``: a tuple whose every item ``X`` accepts (fields that convert lists to tuples
  are checked after the conversion);
- ``FrozenDict[K, V]``: a :class:`~inspectlib.format.FrozenDict` whose keys ``K`` and values ``V``
  accept; ``extensions`` fields only as a mapping, their content being checked by their
  converter.

The loader does not come this way: it builds records without ``__init__``
(:mod:`inspectlib._fast_records`), its wire hooks having already checked every type.
"""

from __future__ import annotations

import datetime
import reprlib
import types
import typing
import weakref
from collections.abc import Callable, Sequence
from typing import Any, Final, Union, get_args, get_origin

import attrs

from ._errors import FieldTypeError
from ._extensions import freeze_extensions
from ._fields import to_tuple
from ._frozen import FrozenDict
from ._stated_dates import to_partial_date

__all__ = [
    "check_field_types",
    "checked_fields",
    "describe_value",
    "type_hints",
    "type_problems",
    "typed_fields",
]

Checker = Callable[[Any], None]

_HINTS: Final[weakref.WeakKeyDictionary[type[Any], dict[str, Any]]] = weakref.WeakKeyDictionary()


def type_hints(cls: type[Any]) -> dict[str, Any]:
    """The type hints of *cls*, resolved once and shared (the caller does not change them):
    resolving evaluates each annotation's text, and the check, the loader's readers and
    writers and the schema each ask for a record type's (weakly held: a class that goes takes
    its hints along)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


_CHECKERS: dict[type[Any], Checker] = {}
"""The compiled check of each record class, built on the first record of the class."""


def typed_fields(cls: type[Any], fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` that puts :func:`check_field_types` before the validators
    of the first field ``__init__`` takes."""
    transformed = []
    placed = False
    for field in fields:
        if not placed and field.init:
            validator = field.validator
            field = field.evolve(
                validator=check_field_types
                if validator is None
                else attrs.validators.and_(check_field_types, validator)
            )
            placed = True
        transformed.append(field)
    return transformed


def check_field_types(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that every field of *instance* holds its declared type.

    Raises:
        FieldTypeError: naming the first field (and item) that does not.
    """
    checker = _CHECKERS.get(instance.__class__)
    if checker is None:
        # Two threads may both compile one; either is complete, and the last stored wins.
        checker = _CHECKERS[instance.__class__] = _compile(instance.__class__)
    checker(instance)


# What a declared type means -----------------------------------------------------------------


@attrs.frozen
class _Accepts:
    """A non-generic type: a class, or a union of classes (``None`` included)."""

    classes: tuple[type[Any], ...]
    converted: tuple[type[Any], ...] = ()
    """Classes the field's converter turns into one of *classes* (a day into a partial date),
    named in messages as accepted too."""

    @property
    def optional(self) -> bool:
        return type(None) in self.classes

    def accepts(self, value: object) -> bool:
        return any(_is_a(value, cls) for cls in self.classes)

    def describe(self) -> str:
        names = [_name(cls) for cls in (*self.converted, *self.classes) if cls is not type(None)]
        if self.optional:
            names.append("None")
        return _either(names)


@attrs.frozen
class _Items:
    """``tuple[X, ...]``."""

    item: _Accepts
    converted: bool
    """Whether the field converts other sequences (a list) to a tuple."""
    optional: bool = False

    def describe(self) -> str:
        shape = "a tuple or list" if self.converted else "a tuple"
        described = f"{shape} of {self.item.describe()}"
        return f"{described} or None" if self.optional else described


@attrs.frozen
class _Entries:
    """``FrozenDict[K, V]``; an ``extensions`` field is checked as a mapping only."""

    key: _Accepts | None
    value: _Accepts | None
    optional: bool = False

    def describe(self) -> str:
        if self.key is None or self.value is None:
            described = "a mapping of namespaced keys to JSON values"
        else:
            described = f"a mapping of {self.key.describe()} to {self.value.describe()}"
        return f"{described} or None" if self.optional else described


_Spec = _Accepts | _Items | _Entries


def _union_members(hint: Any) -> tuple[Any, ...] | None:
    if isinstance(hint, types.UnionType) or get_origin(hint) is Union:
        return get_args(hint)
    return None


def _accepts(hint: Any) -> _Accepts | None:
    """The check of a class or a union of classes; ``None`` for anything else."""
    members = _union_members(hint) or (hint,)
    if all(isinstance(member, type) and not get_args(member) for member in members):
        return _Accepts(tuple(members))
    return None


def _spec(hint: Any, field: attrs.Attribute[Any]) -> _Spec | None:
    """What *field*, declared as *hint*, accepts; ``None`` for a type this check cannot test
    (such fields are left to their own validators, and a test keeps inspectlib's records free
    of them)."""
    plain = _accepts(hint)
    converter: object = field.converter
    if plain is not None and converter is to_partial_date:
        return _Accepts(plain.classes, converted=(datetime.date,))
    if plain is not None:
        return plain
    members = _union_members(hint)
    optional = members is not None and type(None) in members
    if members is not None:
        others = [member for member in members if member is not type(None)]
        if len(others) != 1:
            return None
        hint = others[0]
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _accepts(args[0])
        if item is None:
            return None
        return _Items(item, converted=converter is to_tuple, optional=optional)
    if origin is FrozenDict and len(args) == 2:
        if converter is freeze_extensions:
            return _Entries(None, None, optional=optional)
        key, value = _accepts(args[0]), _accepts(args[1])
        if key is None or value is None:
            return None
        return _Entries(key, value, optional=optional)
    return None


def _is_a(value: object, cls: type[Any]) -> bool:
    if cls is type(None):
        return value is None
    if cls is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if cls is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if cls is datetime.date:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    return isinstance(value, cls)


def _name(cls: type[Any]) -> str:
    """A type as messages name it: ``str``, ``Grade``, ``datetime.date``."""
    module = cls.__module__
    if module == "builtins" or module.partition(".")[0] == "inspectlib":
        return cls.__qualname__
    return f"{module}.{cls.__qualname__}"


def _either(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"


# What was given ------------------------------------------------------------------------------

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxdict = 4
_SHORT.maxlevel = 2
_SHORT.maxlong = 40


def describe_value(value: object) -> str:
    """The type of *value* and a repr of it cut to a few dozen characters, whatever its size."""
    if value is None:
        return "None"
    kind = _name(type(value))
    shown = _SHORT.repr(value)
    # "datetime.datetime(2024, 12, 13, 9, 30)" says its type already.
    return shown if shown.startswith(kind + "(") else f"{kind} {shown}"


def _refusal(cls: type[Any], field: str, spec: _Spec, value: object) -> FieldTypeError:
    """The error for *value* in *field*, located at its first wrong item where it has items."""
    at: tuple[str | int, ...] = ()
    expected, given = spec.describe(), value
    if isinstance(spec, _Items) and type(value) is tuple:
        index = next(i for i, item in enumerate(value) if not spec.item.accepts(item))
        at, expected, given = (index,), spec.item.describe(), value[index]
    elif isinstance(spec, _Entries) and type(value) is FrozenDict and spec.key and spec.value:
        for key, item in value.items():
            if not spec.key.accepts(key):
                expected, given = f"{spec.key.describe()} keys", key
                break
            if not spec.value.accepts(item):
                at, expected, given = (key,), spec.value.describe(), item
                break
    described = describe_value(given)
    if isinstance(given, datetime.datetime) and "datetime.date" in expected:
        described += " (a datetime is not a date here: pass its .date())"
    return FieldTypeError(cls.__name__, field, expected, described, at)


# The compiled check --------------------------------------------------------------------------


def _fields_with_specs(cls: type[Any]) -> list[tuple[attrs.Attribute[Any], _Spec | None]]:
    hints = type_hints(cls)
    return [(field, _spec(hints[field.name], field)) for field in attrs.fields(cls) if field.init]


def checked_fields(cls: type[Any]) -> dict[str, bool]:
    """Whether each field ``__init__`` takes has its type checked (tests hold every field of
    inspectlib's records to it)."""
    return {field.name: spec is not None for field, spec in _fields_with_specs(cls)}


def _condition(accepts: _Accepts, var: str, slow: str, names: dict[str, Any]) -> str:
    """A Python expression, true when *var* is NOT accepted: a class comparison first, the
    slow function (``isinstance`` with the exceptions above) only for other classes."""
    classes = [cls for cls in accepts.classes if cls is not type(None)]
    names[slow] = accepts.accepts
    none = f"{var} is not None and " if accepts.optional else ""
    if len(classes) == 1:
        names[f"{slow}_c"] = classes[0]
        return f"{none}{var}.__class__ is not {slow}_c and not {slow}({var})"
    names[f"{slow}_cs"] = frozenset(classes)
    return f"{none}{var}.__class__ not in {slow}_cs and not {slow}({var})"


def _compile(cls: type[Any]) -> Checker:
    names: dict[str, Any] = {"_tuple": tuple, "_FrozenDict": FrozenDict}
    lines = ["def check(self):"]
    for index, (field, spec) in enumerate(_fields_with_specs(cls)):
        if spec is None:
            continue
        fail = f"_fail{index}"
        names[fail] = _failure(cls, field.name, spec)
        lines.append(f"    v = self.{field.name}")
        if isinstance(spec, _Accepts):
            lines.append(f"    if {_condition(spec, 'v', f'_a{index}', names)}:")
            lines.append(f"        {fail}(v)")
            continue
        indent = "    "
        if spec.optional:
            lines.append("    if v is not None:")
            indent += "    "
        if isinstance(spec, _Items):
            lines.append(f"{indent}if v.__class__ is not _tuple:")
            lines.append(f"{indent}    {fail}(v)")
            lines.append(f"{indent}for x in v:")
            lines.append(f"{indent}    if {_condition(spec.item, 'x', f'_a{index}', names)}:")
            lines.append(f"{indent}        {fail}(v)")
        else:
            lines.append(f"{indent}if v.__class__ is not _FrozenDict:")
            lines.append(f"{indent}    {fail}(v)")
            if spec.key is not None and spec.value is not None:
                key = _condition(spec.key, "k", f"_k{index}", names)
                value = _condition(spec.value, "x", f"_v{index}", names)
                lines.append(f"{indent}for k, x in v.items():")
                lines.append(f"{indent}    if ({key}) or ({value}):")
                lines.append(f"{indent}        {fail}(v)")
    lines.append("    return None")
    scope: dict[str, Any] = {}
    exec(
        compile("\n".join(lines), f"<inspectlib field types {cls.__name__}>", "exec"), names, scope
    )
    checker: Checker = scope["check"]
    return checker


def _failure(cls: type[Any], field: str, spec: _Spec) -> Callable[[object], typing.NoReturn]:
    def fail(value: object) -> typing.NoReturn:
        raise _refusal(cls, field, spec, value)

    return fail


# Records that went around their constructor ---------------------------------------------------
#
# A record holds its declared types once built, and the loader checks them as it reads. Only a
# record changed behind its constructor's back (object.__setattr__, say) can hold a wrong one.
# Checking every record's whole tree on every validation would cost more than the rules do, so
# this walk runs only once a rule or the writer has failed on a record: what it finds is reported
# as problems with paths, instead of the failure.


def _record_classes(spec: _Spec) -> tuple[type[Any], ...]:
    """The typed record classes a field may hold, directly or as items."""
    accepts = spec.item if isinstance(spec, _Items) else spec
    if not isinstance(accepts, _Accepts):
        return ()
    return tuple(cls for cls in accepts.classes if _is_typed(cls))


def _is_typed(cls: type[Any]) -> bool:
    """Whether *cls* is a record whose field types are checked when it is built."""
    if not attrs.has(cls):
        return False
    first = next((field for field in attrs.fields(cls) if field.init), None)
    validator = None if first is None else first.validator
    return check_field_types in getattr(validator, "_validators", (validator,))


def type_problems(record: object) -> list[tuple[tuple[str | int, ...], str]]:
    """Every field, anywhere in *record*, that does not hold its declared type: (steps from
    *record*, message) pairs, in field order; empty when every field does."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    _locate(record, (), found)
    return found


def _locate(record: object, at: tuple[str | int, ...], found: list[Any]) -> None:
    cls = record.__class__
    if not _is_typed(cls):
        return
    for field, spec in _fields_with_specs(cls):
        value = getattr(record, field.name, None)
        here = (*at, field.name)
        if spec is None:
            continue
        if not _holds(spec, value):
            error = _refusal(cls, field.name, spec, value)
            found.append(((*here, *error.at), error.reason))
        elif isinstance(spec, _Items) and _record_classes(spec):
            for index, item in enumerate(value):  # type: ignore[arg-type]
                _locate(item, (*here, index), found)
        elif isinstance(spec, _Accepts) and value is not None and _record_classes(spec):
            _locate(value, here, found)


def _holds(spec: _Spec, value: object) -> bool:
    if isinstance(spec, _Accepts):
        return spec.accepts(value)
    if value is None:
        return spec.optional
    if isinstance(spec, _Items):
        return type(value) is tuple and all(spec.item.accepts(item) for item in value)
    if type(value) is not FrozenDict:
        return False
    if spec.key is None or spec.value is None:
        return True
    return all(spec.key.accepts(k) and spec.value.accepts(v) for k, v in value.items())
