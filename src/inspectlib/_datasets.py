"""A Parquet dataset of the tidy tables, written in batches: for corpora of any size, and for the
tools that read Parquet as it is (DuckDB, Polars, Dask, Spark).

Memory stays bounded by the batch, not the corpus: records are read one at a time, turned into
tables a batch at a time, and each batch is appended to the files it belongs in. The layout is
the one those tools call Hive partitioning: ``OUT/<table>/<column>=<value>/part-0.parquet``.
"""

from __future__ import annotations

import datetime
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, Literal, get_args

import attrs

from ._builtin import BUILTIN
from ._catalogue import Catalogue
from ._documents import Record
from ._errors import refuse_used_directory
from ._field_types import typed_fields
from ._partial_dates import PartialDate
from ._stated_dates import date_bounds
from ._tables import TABLE_NAMES, Row, TableName, Tables, _optional, table_batches

__all__ = ["Dataset", "PartitionBy", "write_parquet_dataset"]

PartitionBy = Literal["inspectorate", "year"]
"""A column a Parquet dataset can be partitioned by: the inspectorate (its short name), or the
year an inspection was published. A date known only in part has a year where its first and last
possible days share one; where they do not ("by 19 August 2026", "winter 2024"), the row is in
the folder ``year=__HIVE_DEFAULT_PARTITION__``, which DuckDB, Polars and pyarrow read as a null
year."""

PARTITIONS: Final[tuple[PartitionBy, ...]] = get_args(PartitionBy)

_OWNER: Final[dict[TableName, str]] = {
    **dict.fromkeys(
        ("inspections", "graded_areas", "findings", "evidence", "finding_updates"), "inspection_id"
    ),
    **dict.fromkeys(("related", "expectations"), "record_id"),
    **dict.fromkeys(("commissions", "questions", "parts", "deliverables"), "commission_id"),
    **dict.fromkeys(("frameworks", "framework_areas"), "framework_id"),
}
"""The column of each table naming the record a row belongs to, and so its partition."""

_PARTITIONED: Final[dict[PartitionBy, frozenset[TableName]]] = {
    "inspectorate": frozenset(_OWNER),
    "year": frozenset(_OWNER) - {"frameworks", "framework_areas"},
}
"""The tables each partition applies to: those whose every row belongs to a record with a value
for it. Scales and grades belong to no inspectorate and no year (a scale serves frameworks of
any), nor do frameworks to a year (a framework is in force over several): those tables are
written whole, in a folder of their own."""


NO_VALUE: Final = "__HIVE_DEFAULT_PARTITION__"
"""The folder value of a row with no value for the partition column, as Hive names it: DuckDB,
Polars, pyarrow and Spark read the column as null there."""


def _year(stated: object) -> str:
    """The year of a day, or of a partial date's canonical text (``"2025-06"``, ``"2025-Q2"``):
    the year its first and last possible days share. A date that spans two years
    (``"2024-winter"``, December to February) or whose first day is unknown (``"../2026-08-19"``,
    "no later than") has no year: :data:`NO_VALUE`."""
    if isinstance(stated, datetime.date):
        return str(stated.year)
    if stated is None:
        return NO_VALUE
    first, last = date_bounds(PartialDate.parse_canonical(str(stated)))
    return str(last.year) if first is not None and first.year == last.year else NO_VALUE


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

    Each table gets a folder of its own. With *partition_by*, every row goes into
    ``<table>/<partition_by>=<value>/`` by the record it belongs to, and the column itself
    lives in the folder name, as DuckDB, Polars, Dask and Spark expect: an inspection's rows (in
    every table) by its inspectorate or the year it was published; a commission's rows by its
    lead inspectorate or the year it was commissioned; a framework's rows by its inspectorate.
    A table with no such value for every row is written whole in its folder: ``scales`` and
    ``grades`` (a scale belongs to no inspectorate and no year), and, by year, ``frameworks``
    and ``framework_areas`` (a framework is in force over several years).

    Unlike :meth:`Tables.to_parquet`, the grade column is plain text in every file, since a
    corpus mixes scales: ``grade_rank`` (0 the worst) orders grades within a ``scale``, and the
    schema metadata (``inspectlib:scales``) lists the labels of every scale of *catalogue*
    (the built-in one by default), worst first.

    Args:
        records: The records, read once, one at a time (a generator does).
        directory: Where to write: a new directory, or an empty one.
        partition_by: The column to partition inspections' tables by.
        batch_size: How many records make one batch: memory grows with it, files' row groups
            too.
        extensions: Extension keys to give columns of their own (as in :func:`tables`);
            their values are text in the dataset (JSON for values that are not strings).
        catalogue: Whose scales the schema metadata lists.

    Raises:
        OutputExistsError: *directory* holds files already, or is a file.
        ValueError: *partition_by* or *batch_size* is not one this function takes.
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
    refuse_used_directory(root)
    scales = tuple((catalogue or BUILTIN).scales.values())
    batches = table_batches(records, batch_size=batch_size, extensions=extensions)
    writers = _Writers(parquet)
    count = 0
    try:
        for size, found in batches:
            count += size
            partition_of = _partitions(found, partition_by)
            for table in TABLE_NAMES:
                rows = found.rows(table)
                if not rows:
                    continue
                if partition_by is None or table not in _PARTITIONED[partition_by]:
                    arrow = found._arrow_table(table, ordered=False, scales=scales)
                    writers.write(root / table, arrow)
                    continue
                owner = _OWNER[table]
                groups: dict[str, list[Row]] = {}
                for row in rows:
                    groups.setdefault(partition_of[row[owner]], []).append(row)
                for value, group in groups.items():
                    arrow = found._arrow_table(
                        table, ordered=False, scales=scales, leave_out=partition_by, rows=group
                    )
                    writers.write(root / table / _folder_name(partition_by, value), arrow)
    finally:
        writers.close()
    return Dataset(directory=root, records=count, files=tuple(writers.files))


def _partitions(found: Tables, partition_by: PartitionBy | None) -> dict[str, str]:
    """The partition of each record of a batch, by its id: an inspection's inspectorate and
    year of publication; a commission's lead inspectorate and year commissioned; a framework's
    inspectorate (a framework has no year of its own)."""
    values: dict[str, str] = {}
    if partition_by == "inspectorate":
        values.update((row["inspection_id"], row["inspectorate"]) for row in found.inspections)
        values.update((row["commission_id"], row["lead"]) for row in found.commissions)
        values.update((row["framework_id"], row["inspectorate"]) for row in found.frameworks)
    elif partition_by == "year":
        values.update(
            (row["inspection_id"], _year(row["published"] or row["published_partial"]))
            for row in found.inspections
        )
        values.update(
            (row["commission_id"], _year(row["commissioned"])) for row in found.commissions
        )
    return values


_ROW_GROUP_ROWS: Final = 65_536
"""The rows a folder gathers before they are written as one row group. A batch holds a few
hundred rows of each partition; written as they come, they would make row groups as small, and
a file open for writing keeps the metadata of every row group written to it: thousands of
small row groups in every open file grew memory with the corpus."""

_BUFFERED_BYTES: Final = 24 * 2**20
"""The Arrow data gathered across all folders, at most, before the folder holding most is
written: the bound of the rows waiting to make row groups."""

_ROW_GROUPS_PER_FILE: Final = 64
"""Past this many row groups a file is closed and the folder's next part begun, so that the
metadata an open file keeps stays bounded however large the corpus. Readers read every part
of a folder."""


class _Writers:
    """The Parquet files of a dataset being written: the rows of each folder gathered into row
    groups of :data:`_ROW_GROUP_ROWS`, a part file at a time."""

    def __init__(self, parquet: Any) -> None:
        self.parquet = parquet
        self.pa: Any = _optional("pyarrow", "arrow")
        self.files: dict[Path, Any] = {}
        self.parts: dict[Path, tuple[int, int]] = {}  # the part in each folder, its row groups
        self.waiting: dict[Path, list[Any]] = {}  # Arrow tables not written yet, by folder
        self.waiting_rows: dict[Path, int] = {}
        self.waiting_bytes: dict[Path, int] = {}
        self.buffered = 0

    def write(self, folder: Path, arrow: Any) -> None:
        self.waiting.setdefault(folder, []).append(arrow)
        self.waiting_rows[folder] = self.waiting_rows.get(folder, 0) + arrow.num_rows
        self.waiting_bytes[folder] = self.waiting_bytes.get(folder, 0) + arrow.nbytes
        self.buffered += arrow.nbytes
        if self.waiting_rows[folder] >= _ROW_GROUP_ROWS:
            self.flush(folder)
        while self.buffered > _BUFFERED_BYTES:
            self.flush(max(self.waiting_bytes, key=self.waiting_bytes.__getitem__))

    def flush(self, folder: Path) -> None:
        """Write the rows *folder* has gathered as one row group."""
        arrow = self.pa.concat_tables(self.waiting.pop(folder))
        del self.waiting_rows[folder]
        self.buffered -= self.waiting_bytes.pop(folder)
        number, written = self.parts.get(folder, (0, 0))
        if written == _ROW_GROUPS_PER_FILE:
            self.files[folder / f"part-{number}.parquet"].close()
            number, written = number + 1, 0
        path = folder / f"part-{number}.parquet"
        writer = self.files.get(path)
        if writer is None:
            folder.mkdir(parents=True, exist_ok=True)
            writer = self.files[path] = self.parquet.ParquetWriter(path, arrow.schema)
        writer.write_table(arrow, row_group_size=max(arrow.num_rows, 1))
        self.parts[folder] = (number, written + 1)

    def close(self) -> None:
        try:
            for folder in list(self.waiting):
                self.flush(folder)
        finally:
            for writer in self.files.values():
                writer.close()  # closing a closed part again does nothing
