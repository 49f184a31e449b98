"""Dates as reports state them: partial dates, and the dates sources give.

A :class:`PartialDate` keeps a date at the precision it was stated ("June 2025", "spring 2018",
"by the end of 2023"); a :data:`StatedDate` is what a source states about a publication, an
exact day or a partial date; :func:`date_bounds` gives the first and last day either can be.

>>> from inspectlib.dates import Order, PartialDate
>>> PartialDate.parse("June 2025").compare(PartialDate.parse("2025")) is Order.UNCERTAIN
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._partial_dates import MonthPart, Order, PartialDate, Precision, Season
from ._stated_dates import StatedDate, date_bounds
from ._surface import offer_only

__all__ = [
    "PartialDate",
    "Precision",
    "Season",
    "MonthPart",
    "Order",
    "StatedDate",
    "date_bounds",
]

offer_only(__name__, __all__)
