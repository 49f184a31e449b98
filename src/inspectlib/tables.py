"""Records as tables: one row per inspection, graded area, finding..., in memory, as CSV or
Parquet files, and as a partitioned Parquet dataset.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import sys
import types
import warnings
from typing import Any

from ._datasets import Dataset, PartitionBy, write_parquet_dataset
from ._read_tables import read_tables
from ._surface import offer_only
from ._tables import TableName, Tables, tables

__all__ = [
    "tables",
    "Tables",
    "TableName",
    "read_tables",
    "write_parquet_dataset",
    "Dataset",
    "PartitionBy",
]


class _TablesModule(types.ModuleType):
    """This module, callable as the function ``inspectlib.tables`` was before the module took
    its name; the call warns, for this release, and then goes away."""

    def __call__(self, *args: Any, **kwargs: Any) -> Tables:
        warnings.warn(
            "calling inspectlib.tables is deprecated; import tables from inspectlib.tables",
            DeprecationWarning,
            stacklevel=2,
        )
        return tables(*args, **kwargs)


sys.modules[__name__].__class__ = _TablesModule

offer_only(__name__, __all__)
