"""What the loader found: a record checked in full when it was read is not checked again when
it is written.

Records are immutable, so a verdict stays true for as long as the record lives. It is kept in a
slot of the record itself (eight bytes, no table to grow or to clean up): a copy made with
``attrs.evolve`` goes through ``__init__``, starts without it, and is checked like any other
record built in code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._catalogue import Catalogue

__all__ = ["Checked", "found_valid", "note_valid"]


class Checked:
    """A record whose cross-field rules are checked before it is written: where the loader
    notes the catalogue it found the record valid against."""

    __slots__ = ("_valid_against",)


def note_valid(record: Any, catalogue: Catalogue) -> None:
    """Note that *record* was checked in full against *catalogue* and found valid."""
    # The record is frozen: the verdict is no field of it, and is set behind attrs' back.
    object.__setattr__(record, "_valid_against", catalogue)


def found_valid(record: Any, catalogue: Catalogue) -> bool:
    """Whether *record* itself (not an equal copy) was found valid against *catalogue*."""
    return getattr(record, "_valid_against", None) is catalogue
