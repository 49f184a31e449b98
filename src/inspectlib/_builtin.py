"""The built-in catalogue: every scale and framework inspectlib ships."""

from __future__ import annotations

from . import frameworks, scales
from ._catalogue import Catalogue

__all__ = ["BUILTIN", "catalogue_or_builtin"]

BUILTIN = Catalogue(scales.ALL, frameworks.ALL)
"""The catalogue of the scales and frameworks of real inspectorates that inspectlib ships."""


def catalogue_or_builtin(catalogue: Catalogue | None) -> Catalogue:
    """*catalogue*, or the built-in one where none is given: the one default of every reader,
    writer and checker that takes a catalogue."""
    return BUILTIN if catalogue is None else catalogue
