"""Real, public inspections bundled with inspectlib, as documents in the package.

Every fact cites its source; what the sources do not say is left unsaid.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

from ._documents import Record, loads
from ._errors import NotFoundError
from ._suggestions import did_you_mean

__all__ = ["SAMPLES", "sample"]

SAMPLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gmp-child-protection-2024": "HMICFRS's national child protection inspection of Greater "
        "Manchester Police, published 13 December 2024",
        "gmp-cse-commission-2024": "The Mayor of Greater Manchester's 2024 commission of HMICFRS "
        "to inspect the approach to child criminal and sexual exploitation, with its update letter",
        "gmp-cse-final-report-2025": "The commission's final report, published 3 July 2025",
    }
)
"""The bundled samples, by name, with what each is; read-only, as the files bundled are."""


def sample(name: str) -> Record:
    """The bundled sample called *name*, loaded and validated like any document.

    >>> sample("gmp-child-protection-2024").published
    datetime.date(2024, 12, 13)

    Raises:
        NotFoundError: There is no sample of that name.

    .. versionadded:: 0.1.0
    """
    if name not in SAMPLES:
        # A suggestion where one is close, else the list: the samples are few.
        known = did_you_mean(name, SAMPLES) or "; the samples are " + ", ".join(map(repr, SAMPLES))
        raise NotFoundError(f"no sample {name!r}{known}")
    text = resources.files(__package__).joinpath("data", f"{name}.json").read_bytes()
    return loads(text)
