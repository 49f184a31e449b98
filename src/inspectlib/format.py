"""The document format: its version, its kinds of document, the limits a reader keeps to, its
JSON Schema, and sample documents.

The functions that read and write documents (:func:`~inspectlib.loads`, :func:`~inspectlib.dumps`
and their kin) are at the top of :mod:`inspectlib`; this module holds what describes the format.

>>> from inspectlib.format import FORMAT_VERSION, KINDS
>>> FORMAT_VERSION, sorted(KINDS)[0]
('1.1', 'commissioned_inspection')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._documents import FORMAT_VERSION, KINDS, Record
from ._extensions import JSONValue
from ._frozen import FrozenDict
from ._limits import Limits
from ._samples import SAMPLES, sample
from ._schema import json_schema
from ._surface import offer_only

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "Record",
    "Limits",
    "json_schema",
    "SAMPLES",
    "sample",
    "FrozenDict",
    "JSONValue",
]

offer_only(__name__, __all__)
