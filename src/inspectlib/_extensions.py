"""Extensions: where other tools keep their own data on a record, untouched by inspectlib."""

# No "from __future__ import annotations": attrs copies a converter's annotations into the
# records' __init__, and typing.get_type_hints must be able to evaluate them there.
import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ForwardRef, TypeAlias, Union

from ._errors import InvalidRecord
from ._frozen import FrozenDict
from ._limits import DEFAULT_LIMITS, Limits
from ._paths import Step as Step  # where the modules of the format have long found it

__all__ = [
    "NO_EXTENSIONS",
    "Extensions",
    "InvalidExtension",
    "JSONValue",
    "extension_keys",
    "freeze_extensions",
    "thaw",
]

if TYPE_CHECKING:
    JSONValue: TypeAlias = Union[  # noqa: UP007 - a recursive alias needs the Union spelling
        bool, int, float, str, tuple["JSONValue", ...], FrozenDict[str, "JSONValue"], None
    ]
else:
    # At run time the self-reference must resolve here, whichever module asks for the hints
    # of a record that holds extensions; a ForwardRef bound to this module does that.
    _JSON = ForwardRef("JSONValue", module=__name__)
    JSONValue = Union[bool, int, float, str, tuple[_JSON, ...], FrozenDict[str, _JSON], None]  # noqa: UP007
"""A JSON value as records hold it: arrays as tuples, objects as :class:`FrozenDict`.

.. versionadded:: 0.1.0
"""

Extensions: TypeAlias = FrozenDict[str, JSONValue]
"""A record's ``extensions``: namespaced keys (``"yourtool:note"``) to JSON values.

.. versionadded:: 0.1.0
"""


class InvalidExtension(InvalidRecord):
    """A record's ``extensions`` that cannot be made into extensions: a key without a
    namespace, or a value that is not JSON (a set, a date, ``NaN``).

    The message says where below ``extensions`` and what is wrong::

        extensions.note: key 'note' needs a namespace, as in 'yourtool:note'

    It is an :class:`~inspectlib.InvalidRecord` (so a :class:`ValueError`).

    .. versionadded:: 0.1.0
    """

    message: str
    """What is wrong, without the place: ``"key 'note' needs a namespace, ..."``."""
    at: tuple[Step, ...]
    """Where, as the keys and indexes below ``extensions``: ``("note",)``."""

    def __init__(self, message: str, at: tuple[Step, ...]) -> None:
        shown = "".join(f"[{step}]" if type(step) is int else f".{step}" for step in at)
        super().__init__(f"extensions{shown}: {message}")
        self.message = message
        self.at = at

    def __reduce__(self) -> tuple[type["InvalidExtension"], tuple[str, tuple[Step, ...]]]:
        # The default rebuilds from the message alone, which __init__ does not take.
        return (type(self), (self.message, self.at))


# Where a value stands, as a chain of (parent, step) pairs from the top: a step costs one pair,
# not a copy of the whole path, and the path is spelt out only for an error.
_Where: TypeAlias = "tuple[_Where, Step] | None"


def _steps(at: _Where) -> tuple[Step, ...]:
    steps: list[Step] = []
    while at is not None:
        at, step = at
        steps.append(step)
    return tuple(reversed(steps))


class _Budget:
    """How many more values one ``extensions`` may hold (``Limits.max_extension_values``)."""

    __slots__ = ("left", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def spend(self, count: int, at: _Where) -> None:
        self.left -= count
        if self.left < 0:
            raise InvalidExtension(
                f"more than {self.limit:,} values in all (Limits.max_extension_values)",
                _steps(at),
            )


def _freeze(value: Any, at: _Where, depth: int, limits: Limits, budget: _Budget) -> JSONValue:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value  # type: ignore[no-any-return]
    if kind is float:
        if not math.isfinite(value):
            raise InvalidExtension(f"{value!r} is not a JSON number", _steps(at))
        return value  # type: ignore[no-any-return]
    if depth >= limits.max_depth:
        raise InvalidExtension(
            f"nested deeper than {limits.max_depth} levels (Limits.max_depth)", _steps(at)
        )
    if kind is list or kind is tuple:
        if len(value) > limits.max_items:
            raise InvalidExtension(
                f"{len(value):,} items, over the limit of {limits.max_items:,} (Limits.max_items)",
                _steps(at),
            )
        # Counted before they are copied: a budget passed costs no more than the budget.
        budget.spend(len(value), at)
        deeper = depth + 1
        return tuple(
            [_freeze(item, (at, index), deeper, limits, budget) for index, item in enumerate(value)]
        )
    if kind is dict or isinstance(value, Mapping):
        for key in value:
            if type(key) is not str:
                raise InvalidExtension(f"object keys must be strings, got {key!r}", _steps(at))
        budget.spend(len(value), at)
        return FrozenDict(
            {
                key: _freeze(item, (at, key), depth + 1, limits, budget)
                for key, item in value.items()
            }
        )
    raise InvalidExtension(f"{type(value).__name__} is not a JSON value", _steps(at))


NO_EXTENSIONS: Extensions = FrozenDict()
"""The default: no extensions. One shared empty mapping, so records without extensions cost
nothing to build, compare or write."""


def freeze_extensions(value: Mapping[str, Any], limits: Limits = DEFAULT_LIMITS) -> Extensions:
    """Check an ``extensions`` mapping and make it deeply immutable.

    Every key needs a namespace before a colon (``"yourtool:note"``), so that tools sharing a
    record cannot clash; values must be JSON (no NaN or infinity, string object keys), nested
    no deeper and no more of them than *limits* allow.
    """
    if value is NO_EXTENSIONS or (type(value) is dict and not value):
        return NO_EXTENSIONS
    if not isinstance(value, Mapping):
        # Kept as it is, for the record's type check to refuse with the record's field name.
        return value
    for key in value:
        namespace, _, name = key.partition(":") if type(key) is str else ("", "", "")
        if not namespace or not name:
            raise InvalidExtension(f"key {key!r} needs a namespace, as in 'yourtool:{key}'", (key,))
    return _freeze(value, None, 0, limits, _Budget(limits.max_extension_values))  # type: ignore[return-value]


def thaw(value: JSONValue) -> Any:
    """Plain lists and dicts again, ready for a JSON encoder."""
    if type(value) is tuple:
        return [thaw(item) for item in value]
    if type(value) is FrozenDict:
        return {key: thaw(item) for key, item in value.items()}
    return value


def extension_keys(record: object) -> Iterator[str]:
    """Every extension key of *record* and of the records it holds (subjects, inspectorate,
    graded areas), each time it appears."""
    extensions = getattr(record, "extensions", None)
    if extensions:
        yield from extensions
    for name in ("inspectorate",):
        held = getattr(record, name, None)
        if held is not None:
            yield from extension_keys(held)
    for name in ("subjects", "graded_areas", "supporting_inspectorates"):
        for held in getattr(record, name, ()):
            yield from extension_keys(held)
