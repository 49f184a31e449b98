"""Pieces of problem messages that stay short however large the document.

A message names what is wrong; it never copies the document into itself. Text from a document
is shown cut short, and a list is shown by its first few items and a count of the rest, so that
a thousand problems of a huge document still make a small error.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = ["LISTED", "SHOWN", "cut", "listed", "shown"]

SHOWN: Final = 60
"""The most characters of a document's text a message repeats."""
LISTED: Final = 5
"""The most items of a list a message names before counting the rest."""


def cut(text: str) -> str:
    """*text* itself, cut to about :data:`SHOWN` characters with ``...`` where it is cut."""
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def shown(value: object) -> str:
    """``repr(value)``, cut to about :data:`SHOWN` characters with ``...`` where it is cut."""
    if type(value) is str and len(value) > SHOWN:
        return repr(value[: SHOWN - 3]) + "..."
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def listed(items: Iterable[str], *, most: int = LISTED) -> str:
    """*items*, already quoted as wanted, joined by commas: the first *most*, then how many
    more there are (``"'a', 'b' and 3 more"``). Reads *items* once, keeping only *most*."""
    first: list[str] = []
    more = 0
    for item in items:
        if len(first) < most:
            first.append(item)
        else:
            more += 1
    text = ", ".join(first)
    return f"{text} and {more:,} more" if more else text
