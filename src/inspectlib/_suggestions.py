"""Suggestions for names that were not found: "did you mean ...?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean"]

_LONGEST = 100
"""Text longer than this is no misspelt name: it gets no suggestion."""


def did_you_mean(wanted: str, known: Iterable[str], *, cutoff: float = 0.6) -> str:
    """``"; did you mean 'a'?"`` for the closest of *known*, or ``""`` if none is close.

    One suggestion only: a list of near misses ("2024 or fire/2023 or peel/2021") reads as
    noise, the single closest as help.
    """
    if len(wanted) > _LONGEST:
        return ""  # no name is that long, and comparing it would cost time for nothing
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""
