"""Validators and converters shared by the records, so each invariant is stated once.

They are used with ``attrs.field(...)`` directly, where attrs' mypy support can see them.
"""

# No "from __future__ import annotations": attrs copies a converter's annotations into the
# records' __init__, and typing.get_type_hints must be able to evaluate them there.
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._errors import InvalidRecord
from ._frozen import FrozenDict

__all__ = [
    "BLANK",
    "EMPTY",
    "NOT_BLANK_PATTERN",
    "validators_of",
    "FieldValueError",
    "blank_text_test",
    "is_blank",
    "not_blank",
    "not_empty",
    "to_frozen_dict",
    "to_tuple",
]


class FieldValueError(InvalidRecord):
    """A record was built with a value its field refuses: blank text where some is needed, an
    empty list where one item at least is.

    The message names the record and the field, then what is wrong::

        Organisation.name must not be blank

    It is an :class:`~inspectlib.InvalidRecord` (so a :class:`ValueError`); its value's twin
    for a value of the wrong type is :class:`~inspectlib.errors.FieldTypeError`.

    .. versionadded:: 0.1.0
    """

    record: str
    """The record's class name: ``"Organisation"``."""
    field: str
    """The field's name: ``"name"``."""
    reason: str
    """What is wrong, without the record and field: ``"must not be blank"``."""

    def __init__(self, record: str, field: str, reason: str) -> None:
        super().__init__(f"{record}.{field} {reason}")
        self.record = record
        self.field = field
        self.reason = reason

    def __reduce__(self) -> tuple[type["FieldValueError"], tuple[str, str, str]]:
        # The default rebuilds from the message alone, which __init__ does not take.
        return (type(self), (self.record, self.field, self.reason))


BLANK = "must not be blank"
"""What is wrong with blank text where a record needs some."""

NOT_BLANK_PATTERN = r"\S"
"""The same rule as a JSON Schema pattern: at least one character that is not white space."""

EMPTY = "needs at least one item"
"""What is wrong with an empty sequence where a record needs at least one item."""


def is_blank(*values: object) -> bool:
    """Whether any of *values* is text with nothing but white space in it (``None`` is not
    text). It takes many, so that a record's text fields are checked in one call."""
    for value in values:  # noqa: SIM110 - a loop: any() over a generator costs a frame more
        if isinstance(value, str) and not value.strip():
            return True
    return False


def blank_text_test(name: str) -> str:
    """:func:`is_blank` for one variable *name* known to hold exactly a ``str`` or ``None``,
    as a Python expression: generated code tests it in place, where a call per record would
    cost more than the test."""
    return f"({name} is not None and not {name}.strip())"


def not_blank(instance: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """Refuse blank text: a record that needs text needs some. ``None`` passes (optional fields)."""
    if is_blank(value):
        raise FieldValueError(type(instance).__name__, attribute.name, BLANK)


# The converters take Any items: attrs' mypy support cannot carry a generic converter's type
# variable into ``__init__``, and the field's own annotation still types what is stored.
def not_empty(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
    """Refuse an empty sequence where at least one item is needed."""
    if not value:
        raise FieldValueError(type(instance).__name__, attribute.name, EMPTY)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Store any iterable as a tuple, so records stay immutable all the way down.

    Anything else is kept as it is, for the record's type check to refuse with the field's
    name: text and mappings too, as ``tuple("abc")`` would be ``("a", "b", "c")``.
    """
    if type(value) is tuple:
        return value
    if type(value) is list or (
        isinstance(value, Iterable) and not isinstance(value, str | bytes | bytearray | Mapping)
    ):
        return tuple(value)
    return value  # type: ignore[return-value]


def to_frozen_dict(value: Mapping[Any, Any]) -> FrozenDict[Any, Any]:
    """Store any mapping as a :class:`FrozenDict`; anything else is kept as it is, for the
    record's type check to refuse with the field's name."""
    if type(value) is FrozenDict or not isinstance(value, Mapping):
        return value
    return FrozenDict(value)


def validators_of(field: "attrs.Attribute[Any]") -> tuple[Any, ...]:
    """The validators of an attrs field, whether it has none, one, or several."""
    validator = field.validator
    if validator is None:
        return ()
    return tuple(getattr(validator, "_validators", (validator,)))
