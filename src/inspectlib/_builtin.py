"""The built-in catalogue: every scale (and framework) inspectlib ships."""

from __future__ import annotations

from ._catalogue import Catalogue
from .scales import HMICFRS_FIVE_POINT, HMICFRS_FOUR_POINT

__all__ = ["BUILTIN"]

BUILTIN = Catalogue((HMICFRS_FOUR_POINT, HMICFRS_FIVE_POINT))
"""The catalogue of the scales of real inspectorates that inspectlib ships."""
