"""The built-in catalogue: every scale and framework inspectlib ships."""

from __future__ import annotations

from . import frameworks, scales
from ._catalogue import Catalogue

__all__ = ["BUILTIN"]

BUILTIN = Catalogue(scales.ALL, frameworks.ALL)
"""The catalogue of the scales and frameworks of real inspectorates that inspectlib ships."""
