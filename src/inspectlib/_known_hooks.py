"""What the converter knows of its own hooks, so that a record's reader or writer does a hook's
work in place rather than calling it.

A call per value is most of what reading or writing a record costs. Each table here is keyed by
a hook the converter made, and says what that hook does: the record's generated reader
(:mod:`inspectlib._fast_records`) or writer (:mod:`inspectlib._converter`) finds a field's hook
here *by identity* and writes its work into its own code. A hook registered in place of one of
these is in no table, and is called as any other.

The tables hold their keys weakly: the hooks of a converter that goes are dropped with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeAlias, TypeVar
from weakref import WeakKeyDictionary

import attrs

from ._wire_types import IN_PLACE, InPlace

__all__ = [
    "ITEMS_OF_TUPLE",
    "OBJECT_BY_IDENTITY",
    "READER_BY_TAG",
    "READER_OF_MEMBER",
    "READ_IN_PLACE",
    "RECORD_OF_WRITER",
    "WRITER_BY_TYPE",
    "WRITER_OF_ITEMS",
    "WRITER_OF_MEMBER",
    "Hook",
    "Writer",
    "Written",
    "known",
]

Hook: TypeAlias = Callable[[Any, Any], Any]
"""A structure hook: a decoded value and the type to read it as."""
Writer: TypeAlias = Callable[[Any], Any]
"""An unstructure hook: a value, written as JSON-ready data."""

V = TypeVar("V")


def known(table: Mapping[Any, V], hook: Any) -> V | None:
    """What *table* says of *hook*; ``None`` for a hook it does not hold, or cannot hold (one
    no weak reference can name, such as an ``attrgetter``: none the converter put there)."""
    try:
        return table.get(hook)
    except TypeError:
        return None


# Reading: a record's fast hook.

READ_IN_PLACE: Final[WeakKeyDictionary[Hook, InPlace]] = WeakKeyDictionary(IN_PLACE)
"""The hooks read in place (:class:`~inspectlib._wire_types.InPlace`): the scalars' and each
enumeration's."""

ITEMS_OF_TUPLE: Final[WeakKeyDictionary[Hook, tuple[Hook, Any, int]]] = WeakKeyDictionary()
"""Each homogeneous tuple's fast reader, and its items' hook and type and the most items it
takes: the array is tested in place, then its items read as their own hook is known to read
them."""

READER_BY_TAG: Final[WeakKeyDictionary[Hook, Mapping[str, Hook]]] = WeakKeyDictionary()
"""Each tagged union's reader whose members all read their object with its ``type`` in it,
and those members' readers by tag: the member is found by the tag in place."""

READER_OF_MEMBER: Final[WeakKeyDictionary[Hook, tuple[Hook, Any]]] = WeakKeyDictionary()
"""Each optional's reader that reads ``None`` as ``None`` and anything else with a member's
hook, and that hook with the member's type (``None``: the type it is given): the field is
tested for ``None`` in place and read by the member's hook."""


# Writing: a record's generated writer.

WRITER_OF_MEMBER: Final[WeakKeyDictionary[Writer, Writer]] = WeakKeyDictionary()
"""Each optional's writer, and the writer of its member within: a record's writer that has
tested the field for ``None`` writes it with the member's."""

WRITER_OF_ITEMS: Final[WeakKeyDictionary[Writer, Writer]] = WeakKeyDictionary()
"""Each tuple's writer, and the writer of its items: the items are written in a loop in place,
with no call for the tuple."""

WRITER_BY_TYPE: Final[WeakKeyDictionary[Writer, Mapping[type[Any], Writer]]] = WeakKeyDictionary()
"""Each tagged union's writer, and its members' writers by type: the member's is picked in
place, with no call for the union."""

OBJECT_BY_IDENTITY: Final[WeakKeyDictionary[Writer, Mapping[int, tuple[Any, dict[str, Any]]]]] = (
    WeakKeyDictionary()
)
"""The writers that write the values they know (the catalogue's grades, the non-grades) as a
copy of an object kept against the value (a record's writer for the encoders puts the object
itself: :func:`~inspectlib._converter.document_writer`), by identity (each entry
``(value, written)``, the value in it, so that an entry found by a live value's id is its own):
the table is read in place, the writer called only on a miss, as for the days' texts
(:data:`~inspectlib._wire_types.TEXT_OF_DAY`)."""


@attrs.frozen
class Written:
    """What one record writer writes: its record type, the keys that lead its dict (a tagged
    union's ``type``) and each field with the hook it was made with. A record written in place
    in another's writer is written with these same hooks, whatever the holder's converter
    holds by then."""

    cls: type[Any]
    leading: Mapping[str, str]
    fields: tuple[tuple[Any, Writer], ...]


RECORD_OF_WRITER: Final[WeakKeyDictionary[Writer, Written]] = WeakKeyDictionary()
"""Each record writer the converter made, and what it writes: the writer of a record holding
such a record writes it in place, with no call."""
