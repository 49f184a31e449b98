"""Suggestions for names that were not found: "did you mean ...?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Final

__all__ = ["SUGGESTIBLE", "did_you_mean"]

SUGGESTIBLE: Final = 100
"""The longest name a suggestion is looked for: text longer than this is no misspelt name, and
comparing it with every known name would cost time and memory for nothing."""


def did_you_mean(
    wanted: str,
    known: Iterable[str],
    *,
    cutoff: float = 0.6,
    written: Mapping[str, str] | None = None,
) -> str:
    """``"; did you mean 'a'?"`` for the closest of *known*, or ``""`` if none is close.

    One suggestion only: a list of near misses ("2024 or fire/2023 or peel/2021") reads as
    noise, the single closest as help. *written* maps a name matched to the name suggested,
    where the forms matched (normalised topics, aliases) are not the name to write.
    """
    if len(wanted) > SUGGESTIBLE:
        return ""
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=cutoff)
    if not close:
        return ""
    suggested = close[0] if written is None else written[close[0]]
    return f"; did you mean {suggested!r}?"
