"""A Parquet dataset of the tidy tables, written in batches: for corpora of any size, and for the
tools that read Parquet as it is (DuckDB, Polars, Dask, Spark).

Memory stays bounded by the batch, not the corpus: records are read one at a time, turned into
tables a batch at a time, and each batch is appended to the files it belongs in. The layout is
the one those tools call Hive partitioning: ``OUT/<table>/<column>=<value>/part-0.parquet``.
"""

from __future__ import annotations

import datetime
import itertools
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final, Literal, get_args

import attrs

from ._builtin import BUILTIN
from ._catalogue import Catalogue
from ._documents import Record
from ._field_types import typed_fields
from ._tables import TABLE_NAMES, Row, _optional, tables

__all__ = ["Dataset", "PartitionBy", "write_parquet_dataset"]

PartitionBy = Literal["inspectorate", "year"]
"""A column a Parquet dataset can be partitioned by: the inspectorate (its short name), or the
year an inspection was published."""

PARTITIONS: Final[tuple[PartitionBy, ...]] = get_args(PartitionBy)

_OF_INSPECTION: Final = frozenset(
    {"inspections", "graded_areas", "findings", "evidence", "finding_updates"}
)
"""The tables whose rows belong to one inspection, and so to its partition."""

_VALUE: Final[dict[PartitionBy, Callable[[Row], str]]] = {
    "inspectorate": lambda row: str(row["inspectorate"]),
    "year": lambda row: str(_year(row["published"])),
}


def _year(published: object) -> int | str:
    return published.year if isinstance(published, datetime.date) else str(published)[:4]


@attrs.frozen(field_transformer=typed_fields)
class Dataset:
    """What :func:`write_parquet_dataset` wrote.

    .. versionadded:: 0.1.0
    """

    directory: Path
    """The dataset's directory: one folder per table in it."""
    records: int
    """How many records were read."""
    files: tuple[Path, ...]
    """The Parquet files written, in the order they were first written."""


def _folder_name(column: str, value: str) -> str:
    # Percent-encoded as Hive does, so that a value with "/" or "=" stays one folder.
    return f"{column}={urllib.parse.quote(value, safe=' ')}"


def write_parquet_dataset(
    records: Iterable[Record],
    directory: str | Path,
    *,
    partition_by: PartitionBy | None = None,
    batch_size: int = 2_000,
    extensions: Iterable[str] = (),
    catalogue: Catalogue | None = None,
) -> Dataset:
    """Write the tidy tables of *records* as a Parquet dataset in *directory*, a batch at a
    time.

    Each table gets a folder of its own. With *partition_by*, the rows of an inspection (its
    row in ``inspections`` and its graded areas, findings, evidence and finding updates) go into
    ``<table>/<partition_by>=<value>/``, and the column itself lives in the folder name, as
    DuckDB, Polars, Dask and Spark expect; the other tables are not partitioned.

    Unlike :meth:`Tables.to_parquet`, the grade column is plain text in every file, since a
    corpus mixes scales: ``grade_rank`` (0 the worst) orders grades within a ``scale``, and the
    schema metadata (``inspectlib:scales``) lists the labels of every scale of *catalogue*
    (the built-in one by default), worst first.

    Args:
        records: The records, read once, one at a time (a generator does).
        directory: Where to write; it must not exist, or be empty.
        partition_by: The column to partition inspections' tables by.
        batch_size: How many records make one batch: memory grows with it, files' row groups
            too.
        extensions: Extension keys to give columns of their own (as in :func:`tables`);
            their values are text in the dataset (JSON for values that are not strings).
        catalogue: Whose scales the schema metadata lists.

    Raises:
        ValueError: *directory* holds files already, or *partition_by* or *batch_size* is not
            one this function takes.
        ModuleNotFoundError: pyarrow is not installed (``pip install inspectlib[arrow]``).

    .. versionadded:: 0.1.0
    """
    parquet: Any = _optional("pyarrow.parquet", "arrow")
    if partition_by is not None and partition_by not in PARTITIONS:
        raise ValueError(
            f"cannot partition by {partition_by!r}: partition by {' or '.join(PARTITIONS)}"
        )
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    root = Path(directory)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ValueError(f"{root}: not an empty directory; write a dataset to a new one")
    scales = tuple((catalogue or BUILTIN).scales.values())
    keys = tuple(dict.fromkeys(extensions))
    writers = _Writers(parquet)
    count = 0
    source = iter(records)
    try:
        while batch := list(itertools.islice(source, batch_size)):
            count += len(batch)
            found = tables(batch, extensions=keys)
            partition_of = _partitions(found.inspections, partition_by)
            for table in TABLE_NAMES:
                rows = found.rows(table)
                if not rows:
                    continue
                split = partition_by is not None and table in _OF_INSPECTION
                leave_out = partition_by if split and table == "inspections" else None
                arrow = found._arrow_table(table, ordered=False, scales=scales, leave_out=leave_out)
                if not split:
                    writers.write(root / table, arrow)
                    continue
                assert partition_by is not None
                groups: dict[str, list[int]] = {}
                for index, row in enumerate(rows):
                    groups.setdefault(partition_of[row["inspection_id"]], []).append(index)
                for value, indices in groups.items():
                    folder = root / table / _folder_name(partition_by, value)
                    writers.write(folder, arrow.take(indices))
    finally:
        writers.close()
    return Dataset(directory=root, records=count, files=tuple(writers.files))


def _partitions(inspections: tuple[Row, ...], partition_by: PartitionBy | None) -> dict[str, str]:
    """Each inspection's partition value, by inspection id."""
    if partition_by is None:
        return {}
    value = _VALUE[partition_by]
    return {row["inspection_id"]: value(row) for row in inspections}


_ROW_GROUPS_PER_FILE: Final = 64
"""A file open for writing keeps the metadata of every row group written to it, one a batch:
past this many, it is closed and the folder's next part begun, so that memory stays bounded
however many batches a corpus makes. Readers read every part of a folder."""


class _Writers:
    """The Parquet files of a dataset being written, a part at a time in each folder."""

    def __init__(self, parquet: Any) -> None:
        self.parquet = parquet
        self.files: dict[Path, Any] = {}
        self.parts: dict[Path, tuple[int, int]] = {}  # the part in each folder, its row groups

    def write(self, folder: Path, arrow: Any) -> None:
        number, written = self.parts.get(folder, (0, 0))
        if written == _ROW_GROUPS_PER_FILE:
            self.files[folder / f"part-{number}.parquet"].close()
            number, written = number + 1, 0
        path = folder / f"part-{number}.parquet"
        writer = self.files.get(path)
        if writer is None:
            folder.mkdir(parents=True, exist_ok=True)
            writer = self.files[path] = self.parquet.ParquetWriter(path, arrow.schema)
        writer.write_table(arrow)
        self.parts[folder] = (number, written + 1)

    def close(self) -> None:
        for writer in self.files.values():
            writer.close()  # closing a closed part again does nothing
