"""The fast path for building records from decoded JSON.

Loading a document runs twice only when it is invalid: first this fast path, which stops at the
first problem, then cattrs' detailed pass, which finds and locates every problem. Valid
documents, nearly all of them, pay only for the fast path.

Here a record is built without its ``__init__``: the generated function sets each slot
directly, applying the same checks ``__init__`` would, in the same order of meaning:

- text fields are checked to be strings inline, as the converter's strict text hooks would;
- the field invariants the records declare with :func:`~inspectlib._fields.not_blank` and
  :func:`~inspectlib._fields.not_empty` are checked inline;
- the type check every record runs in ``__init__``
  (:func:`~inspectlib._field_types.check_field_types`) is skipped, because the wire hooks check
  each value's type as they read it;
- :func:`~inspectlib._fields.to_tuple`, :func:`~inspectlib._extensions.freeze_extensions` and
  :func:`~inspectlib._stated_dates.to_stated_date` converters are skipped, because the wire
  hooks already produce tuples, frozen extensions and stated dates in their one stored form
  (a day as a :class:`datetime.date`, never as a one-day partial date);
- ``__attrs_post_init__`` runs last, as attrs runs it.

A record with any other validator or converter is not eligible and is built through its
``__init__``. A differential test holds both paths to the same answers on the same documents.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._extensions import freeze_extensions
from ._field_types import check_field_types
from ._fields import not_blank, not_empty, to_tuple, validators_of
from ._stated_dates import to_stated_date

__all__ = ["fast_record_hook", "is_eligible"]

_SKIPPED_CONVERTERS = (to_tuple, freeze_extensions, to_stated_date)
_INLINE_VALIDATORS = (not_blank, not_empty)
_SKIPPED_VALIDATORS = (check_field_types,)


def is_eligible(cls: type[Any]) -> bool:
    """Whether *cls* can be built by the fast path with exactly its ``__init__``'s checks."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return False
    for field in attrs.fields(cls):
        if not field.init or field.alias != field.name:
            return False
        if field.converter is not None and field.converter not in _SKIPPED_CONVERTERS:
            return False
        if any(
            v not in _INLINE_VALIDATORS and v not in _SKIPPED_VALIDATORS
            for v in validators_of(field)
        ):
            return False
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            return False
    return True


class FastPathError(ValueError):
    """Raised by the fast path on any problem; the detailed pass then says what and where."""


def fast_record_hook(
    cls: type[Any],
    field_hooks: Mapping[str, Callable[[Any, Any], Any]],
) -> Callable[[Any, Any], Any]:
    """A structure function for *cls* that builds it without ``__init__``.

    *field_hooks* gives the structure hook of every field, by name.
    """
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    names: dict[str, Any] = {
        "_new": object.__new__,
        "_cls": cls,
        "_allowed": frozenset(field.name for field in fields),
        "_Error": FastPathError,
        "_dict": dict,
    }
    lines = [
        "def structure(o, _):",
        "    if type(o) is not _dict or not _allowed.issuperset(o):",
        "        raise _Error(o)",
        "    self = _new(_cls)",
    ]
    for index, field in enumerate(fields):
        hook, kind, setter = f"_h{index}", f"_t{index}", f"_s{index}"
        names[hook] = field_hooks[field.name]
        names[kind] = hints[field.name]
        names[setter] = getattr(cls, field.name).__set__
        hint = hints[field.name]
        if hint is str or hint == str | None:
            # Text is checked inline: a call per text field is most of what a record costs.
            value = f"o[{field.name!r}]"
            check = (
                "v.__class__ is not str"
                if hint is str
                else "v is not None and v.__class__ is not str"
            )
        else:
            value, check = f"{hook}(o[{field.name!r}], {kind})", ""
        if field.default is attrs.NOTHING:
            lines.append(f"    v = {value}")
        else:
            names[f"_d{index}"] = field.default
            lines.append(f"    v = {value} if {field.name!r} in o else _d{index}")
        if check:
            lines.append(f"    if {check}:")
            lines.append("        raise _Error(v)")
        validators = validators_of(field)
        if not_blank in validators:
            lines.append("    if v.__class__ is str and not v.strip():")
            lines.append("        raise _Error(v)")
        if not_empty in validators:
            lines.append("    if not v:")
            lines.append("        raise _Error(v)")
        lines.append(f"    {setter}(self, v)")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    exec(compile("\n".join(lines), f"<inspectlib fast structure {cls.__name__}>", "exec"), names)
    structure: Callable[[Any, Any], Any] = names["structure"]
    return structure
