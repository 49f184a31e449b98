"""Importers of what inspectorates publish: one module per publisher.

Each importer reads a path or a file opened in binary mode and yields records one at a time,
so memory stays flat however large the file; nothing is dropped on the way:

- every field of the source lands in a typed field of the record, or in its ``extensions``
  (or those of the organisations it holds) under the publisher's namespace, keyed by the
  publisher's own spelling (``"fhrs:PostCode"``), so a record can be traced back to its row;
- sentinels ("no date" dates, ``xsi:nil``, empty elements, codes meaning "no judgment") become
  what they mean, never a made-up value;
- a value the importer does not know (a new rating string, a broken date) is a
  :class:`SourceError` that names the file, the item (row or element), the field and the value;
  never a silent default.

Errors follow :func:`inspectlib.load_lines`: without ``errors=``, the first bad item raises;
with a list, each bad item's :class:`SourceError` is appended to it and reading goes on, so
every good record is yielded. A problem that ends the file (it is not XML at all, it declares a
document type, it has no header row) is the last error appended.

XML is parsed with document type declarations refused, so no entity is ever declared or
expanded: a "billion laughs" file and an external-entity file are refused with a clear error.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from inspectlib._surface import offer_only

from ._shared import ENCODINGS, SourceError, SourceInput, SourceProblem

__all__ = ["ENCODINGS", "IMPORTERS", "SourceError", "SourceInput", "SourceProblem"]

# A traceback, help() and pickle name the error by its public home, as inspectlib.errors' do.
SourceError.__module__ = __name__

_IMPORTERS: Final[dict[str, str]] = {
    "cqc": "inspectlib.sources.cqc",
    "fhrs": "inspectlib.sources.fhrs",
    "ofsted": "inspectlib.sources.ofsted",
}

IMPORTERS: Final[Mapping[str, str]] = MappingProxyType(_IMPORTERS)
"""Each importer by the name the command line gives it, and the module that holds it: a module
with ``read(source, *, errors=None)`` and ``NAMESPACE``, the prefix of its extension keys.
Read-only, as the importers shipped are: assigning to it raises :class:`TypeError`.

.. versionadded:: 0.1.0
"""

offer_only(__name__, __all__)
