"""The catalogue: frameworks, grading scales and response rules, looked up by id.

:data:`BUILTIN` holds every framework of :mod:`inspectlib.frameworks`, every scale of
:mod:`inspectlib.scales` and every rule of :mod:`inspectlib.deadlines`; a :class:`Catalogue` of
your own adds to it or replaces it.

>>> from inspectlib.catalogue import BUILTIN
>>> BUILTIN.scale("hmicfrs/five-point").name
'HMICFRS five-point scale'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._builtin import BUILTIN
from ._catalogue import Catalogue
from ._surface import offer_only

__all__ = ["Catalogue", "BUILTIN"]

offer_only(__name__, __all__)
