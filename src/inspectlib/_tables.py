"""Tidy tables: every kind of record as rows, one fact a row.

Rows are plain dicts of plain values, for CSV and for data frame libraries. pandas, polars and
pyarrow are optional: install the ``pandas``, ``polars`` or ``arrow`` extra to use
:meth:`Tables.to_pandas`, :meth:`Tables.to_polars`, :meth:`Tables.to_arrow` or
:meth:`Tables.to_parquet`.

Grades run one way everywhere, worst to best: ordered categories (pandas), ``Enum`` (polars)
and ordered dictionaries (Arrow, Parquet) list a scale's labels worst first, and
``grade_rank`` counts from 0 for the worst grade, so that "greater" means "better" in every
backend and sorting by either gives the scale's order.
"""

from __future__ import annotations

import csv
import datetime
import importlib
import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, Literal, get_args

import attrs
import orjson

from ._commissions import CommissionedInspection
from ._documents import Record, to_dict
from ._errors import refuse_used_directory
from ._evidence import Evidence, QuantitativeEvidence
from ._frameworks import Framework
from ._inspections import Inspection
from ._judgments import CarriedForward, Judgment, NonGrade, NonGradeKind
from ._partial_dates import PartialDate, canonical_text
from ._scales import Grade, GradingScale
from ._spreadsheet import spreadsheet_safe

if TYPE_CHECKING:
    import pandas
    import polars
    import pyarrow

__all__ = ["COLUMNS", "TableName", "Tables", "tables"]

Row = dict[str, Any]

TableName = Literal[
    "inspections",
    "graded_areas",
    "findings",
    "evidence",
    "finding_updates",
    "related",
    "commissions",
    "questions",
    "parts",
    "expectations",
    "deliverables",
    "frameworks",
    "framework_areas",
    "scales",
    "grades",
]
"""The name of one of the tidy tables."""

TABLE_NAMES: Final[tuple[TableName, ...]] = get_args(TableName)

COLUMNS: Final[dict[TableName, tuple[str, ...]]] = {
    "inspections": (
        "inspection_id",
        "title",
        "inspectorate",
        "subjects",
        "framework",
        "published",
        "published_partial",
        "fieldwork_start",
        "fieldwork_end",
        "overall",
        "overall_type",
        "overall_scale",
        "other_fields",
    ),
    "graded_areas": (
        "inspection_id",
        "published",
        "framework",
        "key",
        "parent",
        "topic",
        "label",
        "judgment",
        "judgment_type",
        "scale",
        "grade_rank",
        "carried_from",
        "judged",
        "judged_partial",
        "report",
        "other_fields",
    ),
    "findings": (
        "inspection_id",
        "finding_id",
        "kind",
        "reference",
        "text",
        "areas",
        "addressed_to",
        "due",
        "cause_of_concern",
        "other_fields",
    ),
    "evidence": (
        "inspection_id",
        "finding_id",
        "type",
        "description",
        "count",
        "total",
        "unit",
        "other_fields",
    ),
    "related": (
        "record_id",
        "relation",
        "target",
        "title",
        "date",
        "date_partial",
        "url",
    ),
    "finding_updates": (
        "inspection_id",
        "about_inspection",
        "finding_id",
        "status",
        "date",
        "date_partial",
        "note",
        "other_fields",
    ),
    "commissions": (
        "commission_id",
        "title",
        "commissioner",
        "commissioner_capacity",
        "commissioned",
        "lead",
        "subjects",
        "status",
        "parts",
        "other_fields",
    ),
    "questions": ("commission_id", "number", "text", "points", "other_fields"),
    "parts": (
        "commission_id",
        "part",
        "title",
        "status",
        "scope",
        "expected",
        "published",
        "published_partial",
        "other_fields",
    ),
    "expectations": ("record_id", "part", "position", "expected", "announced", "in_force"),
    "deliverables": (
        "commission_id",
        "part",
        "kind",
        "inspection_id",
        "document_id",
        "document_title",
        "published",
        "published_partial",
        "other_fields",
    ),
    "frameworks": (
        "framework_id",
        "programme",
        "name",
        "inspectorate",
        "scales",
        "valid_from",
        "valid_until",
        "closed",
        "overall",
        "carried_forward",
        "finding_kinds",
        "other_fields",
    ),
    "framework_areas": (
        "framework_id",
        "key",
        "parent",
        "topic",
        "scale",
        "required",
        "non_grades",
        "aliases",
        "other_fields",
    ),
    "scales": ("scale_id", "name", "grades", "valid_from", "valid_until", "other_fields"),
    "grades": ("scale_id", "grade_rank", "key", "label"),
}
"""Each table's columns, in order."""

_DATE_COLUMNS: Final = frozenset({"published", "judged", "date"})
_INTEGER_COLUMNS: Final = frozenset(
    {"grade_rank", "count", "total", "number", "part", "position", "parts", "grades"}
)
_BOOLEAN_COLUMNS: Final = frozenset(
    {"closed", "overall", "carried_forward", "required", "in_force"}
)
CARRIED_SUFFIX: Final = " (carried forward)"
INHERITED_SUFFIX: Final = " (inherited)"
"""What a carried-forward grade's label adds to the grade's own (``"Good (carried forward)"``)."""

_ORDERED: Final = {"graded_areas": "judgment"}
"""The column of grade labels that is ordered by its scale, by table."""

SCALES_METADATA: Final = b"inspectlib:scales"
"""The schema metadata key under which Arrow tables and Parquet files carry each scale's labels,
worst first, as a JSON object by scale id."""
SCALE_METADATA: Final = b"inspectlib:scale"
"""The field metadata key naming the scale of an ordered grade column."""
_POLARS_ENUM: Final = b"_PL_ENUM_VALUES2"
"""polars' own field metadata for an ``Enum`` column, so that polars reads the column back as
the ordered ``Enum`` it was rather than as an unordered categorical."""


def _kind_of(table: TableName, column: str) -> str:
    if column in _BOOLEAN_COLUMNS and not (table == "inspections" and column == "overall"):
        return "boolean"
    if column in _INTEGER_COLUMNS:
        return "integer"
    if column in _DATE_COLUMNS:
        return "date"
    return "text"


def grade_rank(grade: Grade) -> int:
    """A grade's place on its scale counted from the worst, 0 the worst: the opposite way to
    :attr:`Grade.rank`, and the same way as the ordered categories of the tables."""
    return len(grade.scale.labels) - 1 - grade.rank


def worst_first(scale: GradingScale) -> list[str]:
    """A scale's labels, worst first: the order of every grade column of the tables."""
    return list(reversed(scale.labels))


def _judgment(judgment: Judgment | None) -> tuple[str | None, str | None, str | None, int | None]:
    """(label, type, scale id, rank from the worst) of a judgment, for a row."""
    if judgment is None:
        return None, None, None, None
    if isinstance(judgment, Grade):
        return judgment.label, "grade", judgment.scale.id, grade_rank(judgment)
    if isinstance(judgment, NonGrade):
        return judgment.label, judgment.kind.value, None, None
    if isinstance(judgment, CarriedForward):
        grade = judgment.grade
        return (
            judgment.label,
            "carried_forward",
            None if grade is None else grade.scale.id,
            None if grade is None else grade_rank(grade),
        )
    # An inherited rating, or a kind of judgment to come: its label, its tag, and the grade it
    # holds where it holds one. The judgment itself stays whole in other_fields.
    grade = _grade_of(judgment)
    return (
        str(getattr(judgment, "label", judgment)),
        type(judgment).__name__.lower(),
        None if grade is None else grade.scale.id,
        None if grade is None else grade_rank(grade),
    )


def _grade_of(judgment: Judgment | None) -> Grade | None:
    if isinstance(judgment, Grade):
        return judgment
    grade = getattr(judgment, "grade", None)
    return grade if isinstance(grade, Grade) else None


def _text(value: PartialDate | datetime.date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, datetime.date) else _canonical(value)


def _canonical(value: object) -> str:
    """A partial date's canonical text, as its document holds it; any other value's ``str``."""
    return canonical_text(value) if isinstance(value, PartialDate) else str(value)


def _day(value: object) -> datetime.date | None:
    """An exact day as a date; anything less precise has no place in a date column."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, PartialDate):
        return value.to_date()
    return None


def _dated(value: object) -> tuple[datetime.date | None, str | None]:
    """A stated date as its two columns: the day where the source gives one, else the partial
    date's canonical text beside it (``"2020-01"``), so that a date column holds only days."""
    if value is None:
        return None, None
    day = _day(value)
    return (day, None) if day is not None else (None, _canonical(value))


def _joined(values: Iterable[object]) -> str:
    return "; ".join(str(value) for value in values)


def listed(cell: object) -> list[str]:
    """The values of a cell of values joined by ``"; "``, as a person may type them too
    (``"a;b"``)."""
    return [value.strip() for value in str(cell).split(";")]


def _shown_whole(wire: Mapping[str, Any], fields: Iterable[str]) -> tuple[str, ...]:
    """The list *fields* of *wire* that a column of joined values shows whole: the others stay
    in ``other_fields`` (an alias holding ``;``, say), the column then only showing them."""
    return tuple(
        field
        for field in fields
        if not isinstance(wire.get(field), list)
        or (wire[field] and listed(_joined(wire[field])) == wire[field])
    )


def _other_fields(wire: Mapping[str, Any], columns: Iterable[str]) -> str | None:
    """The wire fields of a record that no column holds, as JSON, so that nothing is lost."""
    held = frozenset(columns)
    rest = {key: value for key, value in wire.items() if key not in held}
    return orjson.dumps(rest).decode() if rest else None


def _extension_cells(record: object, keys: tuple[str, ...]) -> Row:
    extensions: Mapping[str, Any] = getattr(record, "extensions", {})
    cells: Row = {}
    for key in keys:
        value = extensions.get(key)
        if value is None or isinstance(value, str | int | float | bool):
            cells[key] = value
        else:  # a nested value: its JSON text
            cells[key] = orjson.dumps(to_dict_value(value)).decode()
    return cells


def to_dict_value(value: Any) -> Any:
    """A frozen extension value as plain JSON values."""
    if isinstance(value, Mapping):
        return {key: to_dict_value(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [to_dict_value(item) for item in value]
    return value


@attrs.frozen
class Tables:
    """The tidy tables of some records. Build with :func:`tables`.

    Each table is a tuple of rows (dicts) with the columns of :data:`COLUMNS`, and the
    extension columns asked for. Exact days are :class:`datetime.date`; partial dates their
    canonical text (``"2025-06"``); a grade's ``grade_rank`` is its place on its scale counted
    from the worst, 0 the worst, so that a higher rank is a better grade, as in the ordered
    categories of the data frames.

    .. versionadded:: 0.1.0
    """

    inspections: tuple[Row, ...] = ()
    graded_areas: tuple[Row, ...] = ()
    findings: tuple[Row, ...] = ()
    evidence: tuple[Row, ...] = ()
    finding_updates: tuple[Row, ...] = ()
    related: tuple[Row, ...] = ()
    commissions: tuple[Row, ...] = ()
    questions: tuple[Row, ...] = ()
    parts: tuple[Row, ...] = ()
    expectations: tuple[Row, ...] = ()
    deliverables: tuple[Row, ...] = ()
    frameworks: tuple[Row, ...] = ()
    framework_areas: tuple[Row, ...] = ()
    scale_rows: tuple[Row, ...] = ()
    """The rows of the ``scales`` table (``scales`` holds the scales themselves)."""
    grades: tuple[Row, ...] = ()
    scales: tuple[GradingScale, ...] = ()
    """The scales of the grades in the tables, for ordered categories."""
    extensions: tuple[str, ...] = ()
    """The extension keys given columns of their own, after the table's own columns."""

    def columns(self, table: TableName) -> tuple[str, ...]:
        """The columns of *table*, in order: :data:`COLUMNS`' and the extension columns of
        the tables whose records carry extensions."""
        if table not in COLUMNS:
            raise KeyError(f"no table {table!r}; the tables are {', '.join(COLUMNS)}")
        own = COLUMNS[table]
        return own + self.extensions if table in _EXTENSIBLE else own

    def rows(self, table: TableName) -> tuple[Row, ...]:
        """The rows of *table*, one of :data:`TableName`."""
        self.columns(table)  # refuses an unknown name with the list of tables
        rows: tuple[Row, ...] = getattr(self, "scale_rows" if table == "scales" else table)
        return rows

    def names(self) -> tuple[TableName, ...]:
        """The tables that have rows, in the order of :data:`COLUMNS`; all of them when every
        table is empty."""
        found = tuple(table for table in TABLE_NAMES if self.rows(table))
        return found or TABLE_NAMES

    def to_csv(self, directory: str | Path, *, raw: bool = False) -> tuple[Path, ...]:
        """Write each table that has rows as ``<table>.csv`` in *directory*, a new or an
        empty directory (created if need be).

        Returns the paths written. Dates are ISO 8601; empty cells are missing values.

        The files are made to be opened in a spreadsheet: text that a spreadsheet would run
        as a formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
        return) is written with an apostrophe before it, which spreadsheets take as "this is
        text". With *raw*, every cell is written exactly as the documents hold it, for
        programs that read CSV.

        Raises:
            OutputExistsError: *directory* holds files already: tables of an earlier run left
                beside the new ones would read as one corpus.
        """
        refuse_used_directory(Path(directory))
        files = _CsvFiles(Path(directory), raw=raw)
        try:
            files.write(self, self.names())
        finally:
            files.close()
        return tuple(files.paths.values())

    def _single_scale(self) -> GradingScale | None:
        return self.scales[0] if len(self.scales) == 1 else None

    def to_arrow(self) -> dict[TableName, pyarrow.Table]:
        """Each table that has rows as a :class:`pyarrow.Table`, by table name.

        Dates are ``date32``, counts ``int64``. Where every grade is on one scale,
        ``graded_areas.judgment`` is an ordered dictionary of the scale's labels, worst first,
        named in its field's metadata (``inspectlib:scale``); every table's schema metadata
        carries each scale's labels, worst first, as JSON (``inspectlib:scales``), which
        Parquet files keep.

        Raises:
            ModuleNotFoundError: pyarrow is not installed (``pip install inspectlib[arrow]``).
        """
        return {table: self._arrow_table(table) for table in self.names()}

    def _arrow_table(
        self,
        table: TableName,
        *,
        ordered: bool = True,
        scales: Iterable[GradingScale] | None = None,
        leave_out: str | None = None,
        rows: tuple[Row, ...] | list[Row] | None = None,
    ) -> pyarrow.Table:
        """*table* as Arrow. Without *ordered*, every grade column is plain text and every
        extension column text (JSON for other values), so that the schema is the same whatever
        the rows: what the batches of a dataset need. *scales* go into the schema metadata (the
        tables' own by default); *leave_out* names a column a dataset's path holds instead;
        *rows*, some of the table's rows (all of them by default)."""
        pa = _optional("pyarrow", "arrow")
        rows = self.rows(table) if rows is None else tuple(rows)
        scale = self._single_scale() if ordered else None
        listed = self.scales if scales is None else tuple(scales)
        metadata = {SCALES_METADATA: orjson.dumps({s.id: worst_first(s) for s in listed})}
        if not ordered:
            columns = [column for column in self.columns(table) if column != leave_out]
            texts = self.extensions if table in _EXTENSIBLE else ()
            plain: pyarrow.Table = _plain_arrow(pa, table, rows, columns, texts, metadata)
            return plain
        fields, arrays = [], []
        for column in self.columns(table):
            if column == leave_out:
                continue
            values = [row.get(column) for row in rows]
            if _ORDERED.get(table) == column and scale is not None:
                array, field = _ordered_grades(pa, column, values, rows, scale)
            elif column in self.extensions and table in _EXTENSIBLE:
                array = _extension_array(pa, values, as_text=not ordered)
                field = pa.field(column, array.type)
            else:
                arrow_type = _ARROW_TYPES[_kind_of(table, column)](pa)
                array = pa.array(values, arrow_type)
                field = pa.field(column, arrow_type)
            fields.append(field)
            arrays.append(array)
        arrow: pyarrow.Table = pa.Table.from_arrays(
            arrays, schema=pa.schema(fields, metadata=metadata)
        )
        return arrow

    def to_pandas(self) -> dict[TableName, pandas.DataFrame]:
        """Each table that has rows as a :class:`pandas.DataFrame`, by table name.

        Built through Arrow: dates are ``date32[pyarrow]`` columns (dates, not timestamps),
        counts nullable integers (``Int64``), flags nullable booleans, and where every grade in
        the tables is on one scale, ``judgment`` is an ordered categorical, worst to best.

        Raises:
            ModuleNotFoundError: pandas or pyarrow is not installed
                (``pip install inspectlib[pandas]``).
        """
        _optional("pandas", "pandas")
        return {table: arrow_to_pandas(frame) for table, frame in self.to_arrow().items()}

    def to_polars(self) -> dict[TableName, polars.DataFrame]:
        """Each table that has rows as a :class:`polars.DataFrame`, by table name.

        Dates are ``pl.Date``; where every grade is on one scale, ``judgment`` is a
        ``pl.Enum`` ordered worst to best, so grades sort and compare as the scale does.

        Raises:
            ModuleNotFoundError: polars or pyarrow is not installed
                (``pip install inspectlib[polars]``).
        """
        pl = _optional("polars", "polars")
        frames: dict[TableName, polars.DataFrame] = {}
        for table, arrow in self.to_arrow().items():
            frame = pl.from_arrow(arrow)
            ordered = _ORDERED.get(table)
            scale = self._single_scale()
            if ordered is not None and scale is not None:
                frame = frame.with_columns(pl.col(ordered).cast(pl.Enum(worst_first(scale))))
            frames[table] = frame
        return frames

    def to_parquet(self, directory: str | Path) -> tuple[Path, ...]:
        """Write each table that has rows as ``<table>.parquet`` in *directory*, a new or an
        empty directory (created if need be), with the types and orders of :meth:`to_arrow`.
        Returns the paths written.

        Raises:
            OutputExistsError: *directory* holds files already, as :meth:`to_csv`.
            ModuleNotFoundError: pyarrow is not installed (``pip install inspectlib[arrow]``).
        """
        parquet = _optional("pyarrow.parquet", "arrow")
        folder = Path(directory)
        refuse_used_directory(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table, arrow in self.to_arrow().items():
            path = folder / f"{table}.parquet"
            parquet.write_table(arrow, path)
            written.append(path)
        return tuple(written)


_EXTENSIBLE: Final = frozenset({"inspections", "graded_areas", "findings", "commissions"})
"""The tables whose records carry extensions, and so may have extension columns."""

_ARROW_TYPES: Final = {
    "text": lambda pa: pa.string(),
    "date": lambda pa: pa.date32(),
    "integer": lambda pa: pa.int64(),
    "boolean": lambda pa: pa.bool_(),
}


def _polars_enum(labels: list[str]) -> bytes:
    # polars writes an Enum's categories as "<byte length>;<label>" one after another.
    return b"".join(b"%d;%s" % (len(label.encode()), label.encode()) for label in labels)


def _ordered_grades(
    pa: Any, column: str, values: list[Any], rows: tuple[Row, ...], scale: GradingScale
) -> tuple[Any, Any]:
    """The grade column of one scale: an ordered dictionary of its labels, worst first; a row
    whose judgment is no grade has none (its ``judgment_type`` says what it was)."""
    labels = worst_first(scale)
    code = {label: index for index, label in enumerate(labels)}
    # A grade carried forward is still a grade on the scale: the column holds it, and
    # judgment_type says it was carried.
    graded = ("grade", "carried_forward", "inherited")
    indices = [
        code.get(str(value).removesuffix(CARRIED_SUFFIX).removesuffix(INHERITED_SUFFIX))
        if value is not None and row["judgment_type"] in graded
        else None
        for value, row in zip(values, rows, strict=True)
    ]
    array = pa.DictionaryArray.from_arrays(
        pa.array(indices, pa.int8()), pa.array(labels, pa.string()), ordered=True
    )
    metadata = {SCALE_METADATA: scale.id.encode(), _POLARS_ENUM: _polars_enum(labels)}
    return array, pa.field(column, array.type, metadata=metadata)


def _plain_arrow(
    pa: Any,
    table: TableName,
    rows: tuple[Row, ...],
    columns: list[str],
    texts: tuple[str, ...],
    metadata: dict[bytes, bytes],
) -> Any:
    """Rows as an Arrow table of plain types, the *texts* columns as text (JSON for values that
    are not strings).

    The rows go to Arrow as JSON Lines, which Arrow's own reader parses. ``pyarrow.array``,
    given Python values, asks of each input whether it is a pandas object, and so imports pandas
    where it is installed: some 45 MB of memory that writing Parquet has no use for. Dates are
    read as timestamps, which Arrow's JSON reader parses from ISO text, and cast to dates.
    """
    json = _optional("pyarrow.json", "arrow")
    kinds = {column: "text" if column in texts else _kind_of(table, column) for column in columns}
    schema = pa.schema(
        [pa.field(column, _ARROW_TYPES[kinds[column]](pa)) for column in columns],
        metadata=metadata,
    )
    if not rows:
        return schema.empty_table()
    read_as = pa.schema(
        [
            pa.field(column, pa.timestamp("s") if kind == "date" else _ARROW_TYPES[kind](pa))
            for column, kind in kinds.items()
        ]
    )
    if texts:
        rows = tuple({**row, **{key: _as_text(row.get(key)) for key in texts}} for row in rows)
    lines = b"\n".join(map(orjson.dumps, rows))
    read = json.read_json(
        pa.BufferReader(lines),
        read_options=json.ReadOptions(use_threads=False, block_size=len(lines) + 1),
        # A column a dataset's path holds instead is in the rows: ignored.
        parse_options=json.ParseOptions(
            explicit_schema=read_as, unexpected_field_behavior="ignore"
        ),
    )
    return read.cast(schema)


def _as_text(value: Any) -> str | None:
    return value if value is None or isinstance(value, str) else orjson.dumps(value).decode()


def _extension_array(pa: Any, values: list[Any], *, as_text: bool) -> Any:
    """An extension column: one Arrow type where its values share one, else their JSON."""
    if not as_text:
        try:
            return pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
    return pa.array([_as_text(value) for value in values], pa.string())


def arrow_to_pandas(table: pyarrow.Table) -> pandas.DataFrame:
    """An Arrow table of the tables as pandas: dates stay dates, integers and flags nullable."""
    pd = _optional("pandas", "pandas")
    pa = _optional("pyarrow", "arrow")
    mapping = {
        pa.date32(): pd.ArrowDtype(pa.date32()),
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    frame: pandas.DataFrame = table.to_pandas(types_mapper=mapping.get)
    return frame


def _csv_cell(value: Any, raw: bool = False) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return ""
    return value if raw else spreadsheet_safe(value)


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            f"{module.partition('.')[0]} is not installed: pip install 'inspectlib[{extra}]'",
            name=module,
        ) from error


def _evidence_rows(
    inspection_id: str, finding_id: str | None, items: tuple[Evidence, ...], wires: list[Any]
) -> list[Row]:
    rows = []
    for item, wire in zip(items, wires, strict=True):
        row: Row = {
            "inspection_id": inspection_id,
            "finding_id": finding_id,
            "type": "qualitative",
            "description": item.description,
            "count": None,
            "total": None,
            "unit": None,
        }
        if isinstance(item, QuantitativeEvidence):
            row.update(type="quantitative", count=item.count, total=item.total, unit=item.unit)
        row["other_fields"] = _other_fields(wire, _EVIDENCE_WIRE)
        rows.append(row)
    return rows


_INSPECTION_WIRE: Final = (
    "inspectlib",
    "kind",
    "id",
    "title",
    "framework",
    "published",
    "fieldwork",
    "graded_areas",
    "findings",
    "evidence",
    "finding_updates",
)
"""The wire fields of an inspection that columns or other tables hold."""
_UPDATE_WIRE: Final = ("inspection", "finding", "status", "date", "note")
COMMISSION_WIRE: Final = ("inspectlib", "kind", "id", "title", "commissioned")
"""A commission's fields its row holds in columns of their own; the rest (and the questions
and parts, which have tables of their own) are not in its ``other_fields``."""
QUESTION_WIRE: Final = ("number", "text")
PART_WIRE: Final = ("number", "title", "status")
DELIVERABLE_WIRE: Final = ("kind", "inspection")
FRAMEWORK_WIRE: Final = (
    "inspectlib",
    "kind",
    "id",
    "programme",
    "name",
    "inspectorate",
    "valid_from",
    "valid_until",
    "closed",
    "overall",
    "carried_forward",
)
"""A framework's fields its row holds in columns of their own, besides its lists (scales,
finding kinds), which a column holds where it can show them whole."""
FRAMEWORK_AREA_WIRE: Final = ("key", "parent", "topic", "required")
SCALE_WIRE: Final = ("inspectlib", "kind", "id", "labels", "name", "valid_from", "valid_until")
"""A scale's fields its row holds in columns (its labels are the rows of ``grades``)."""
_AREA_WIRE: Final = ("key", "parent", "topic", "label", "judged", "report", "judgment")
_IN_COLUMNS: Final = frozenset({"grade", "carried_forward", *(kind.value for kind in NonGradeKind)})
"""The judgments the judgment columns hold whole; any other stays in ``other_fields`` too."""


def _judgment_wire(
    wire: Mapping[str, Any], field: str, in_columns: frozenset[str] = _IN_COLUMNS
) -> tuple[str, ...]:
    """*field* when its judgment is one the columns hold whole (*in_columns*), for leaving it
    out of ``other_fields``."""
    judgment = wire.get(field)
    return (field,) if isinstance(judgment, Mapping) and judgment.get("type") in in_columns else ()


_OVERALL_IN_COLUMNS: Final = _IN_COLUMNS - {"carried_forward"}
"""The overall judgments the inspection's columns hold whole: a carried-forward one has no
column for the inspection it comes from."""


_FINDING_WIRE: Final = (
    "id",
    "kind",
    "reference",
    "text",
    "due",
    "cause_of_concern",
    "evidence",
)
"""A finding's fields its columns hold, besides its areas, which the column ``areas`` holds
where it can show them whole."""
_EVIDENCE_WIRE: Final = ("type", "description", "count", "total", "unit")


class _Collector:
    def __init__(self, extensions: tuple[str, ...]) -> None:
        self.rows: dict[TableName, list[Row]] = {table: [] for table in TABLE_NAMES}
        self.scales: dict[str, GradingScale] = {}
        self.listed_scales: dict[str, GradingScale] = {}
        self.extensions = extensions

    def add(self, record: Record) -> None:
        if isinstance(record, Inspection):
            self.inspection(record)
        elif isinstance(record, CommissionedInspection):
            self.commission(record)
        elif isinstance(record, Framework):
            self.framework(record)
        elif isinstance(record, GradingScale):
            self.scale(record)
        else:
            raise TypeError(f"no tables for a {type(record).__name__}: give records")

    def inspection(self, inspection: Inspection) -> None:
        wire = to_dict(inspection, validate=False)
        label, kind, scale, _ = _judgment(inspection.overall)
        fieldwork = inspection.fieldwork
        ident = inspection.id
        published, published_partial = _dated(inspection.published)
        self.rows["inspections"].append(
            {
                "inspection_id": ident,
                "title": inspection.title,
                "inspectorate": inspection.inspectorate.short_name or inspection.inspectorate.name,
                "subjects": _joined(subject.name for subject in inspection.subjects),
                "framework": inspection.framework,
                "published": published,
                "published_partial": published_partial,
                "fieldwork_start": None if fieldwork is None else _text(fieldwork.start),
                "fieldwork_end": None if fieldwork is None else _text(fieldwork.end),
                "overall": label,
                "overall_type": kind,
                "overall_scale": scale,
                "other_fields": _other_fields(
                    wire, (*_INSPECTION_WIRE, *_judgment_wire(wire, "overall", _OVERALL_IN_COLUMNS))
                ),
                **_extension_cells(inspection, self.extensions),
            }
        )
        for area, area_wire in zip(
            inspection.graded_areas, wire.get("graded_areas", ()), strict=True
        ):
            label, kind, scale, rank = _judgment(area.judgment)
            grade = _grade_of(area.judgment)
            if grade is not None:
                self.scales.setdefault(grade.scale.id, grade.scale)
            self.rows["graded_areas"].append(
                {
                    "inspection_id": ident,
                    "published": published,
                    "framework": inspection.framework,
                    "key": area.key,
                    "parent": area.parent,
                    "topic": area.topic,
                    "label": area.label,
                    "judgment": label,
                    "judgment_type": kind,
                    "scale": scale,
                    "grade_rank": rank,
                    "carried_from": getattr(area.judgment, "from_inspection", None),
                    "judged": _dated(area.judged)[0],
                    "judged_partial": _dated(area.judged)[1],
                    "report": area.report,
                    "other_fields": _other_fields(
                        area_wire, (*_AREA_WIRE[:-1], *_judgment_wire(area_wire, "judgment"))
                    ),
                    **_extension_cells(area, self.extensions),
                }
            )
        for finding, finding_wire in zip(
            inspection.findings, wire.get("findings", ()), strict=True
        ):
            self.rows["findings"].append(
                {
                    "inspection_id": ident,
                    "finding_id": finding.id,
                    "kind": finding.kind.value,
                    "reference": finding.reference,
                    "text": finding.text,
                    "areas": _joined(finding.areas),
                    "addressed_to": finding.addressed_to and finding.addressed_to.name,
                    "due": _text(finding.due),
                    "cause_of_concern": finding.cause_of_concern,
                    "other_fields": _other_fields(
                        finding_wire, (*_FINDING_WIRE, *_shown_whole(finding_wire, ("areas",)))
                    ),
                    **_extension_cells(finding, self.extensions),
                }
            )
            self.rows["evidence"].extend(
                _evidence_rows(
                    ident, finding.id, finding.evidence, finding_wire.get("evidence", [])
                )
            )
        self.rows["evidence"].extend(
            _evidence_rows(ident, None, inspection.evidence, wire.get("evidence", []))
        )
        self.links(ident, inspection.related)
        self.expected(ident, None, inspection.expectations)
        for update, update_wire in zip(
            inspection.finding_updates, wire.get("finding_updates", ()), strict=True
        ):
            self.rows["finding_updates"].append(
                {
                    "inspection_id": ident,
                    "about_inspection": update.inspection,
                    "finding_id": update.finding,
                    "status": update.status.value,
                    "date": _dated(update.date)[0],
                    "date_partial": _dated(update.date)[1],
                    "note": update.note,
                    "other_fields": _other_fields(update_wire, _UPDATE_WIRE),
                }
            )

    def links(self, ident: str, related: Iterable[Any]) -> None:
        for link in related:
            day, partial = _dated(link.date)
            self.rows["related"].append(
                {
                    "record_id": ident,
                    "relation": link.relation.value,
                    "target": link.target,
                    "title": link.title,
                    "date": day,
                    "date_partial": partial,
                    "url": link.url,
                }
            )

    def expected(self, ident: str, part: int | None, expectations: tuple[Any, ...]) -> None:
        last = len(expectations) - 1
        for position, expectation in enumerate(expectations):
            self.rows["expectations"].append(
                {
                    "record_id": ident,
                    "part": part,
                    "position": position,
                    "expected": _text(expectation.expected),
                    "announced": _text(expectation.announced),
                    "in_force": position == last,
                }
            )

    def commission(self, commission: CommissionedInspection) -> None:
        # Columns show what people read and edit; other_fields keeps the rest as JSON, so that
        # the commission reads back whole. Columns such as ``lead`` or ``scope`` only show what
        # other_fields holds (their text would lose a "; " or an organisation's kind).
        ident = commission.id
        wire = to_dict(commission, validate=False)
        self.rows["commissions"].append(
            {
                "commission_id": ident,
                "title": commission.title,
                "commissioner": commission.commissioner.organisation.name,
                "commissioner_capacity": commission.commissioner.capacity,
                "commissioned": _text(commission.commissioned),
                "lead": commission.lead.short_name or commission.lead.name,
                "subjects": _joined(subject.name for subject in commission.subjects),
                "status": commission.status.value,
                "parts": len(commission.parts),
                "other_fields": _other_fields(
                    wire, (*COMMISSION_WIRE, "terms_of_reference", "parts")
                ),
                **_extension_cells(commission, self.extensions),
            }
        )
        for question, question_wire in zip(
            commission.terms_of_reference, wire.get("terms_of_reference", ()), strict=True
        ):
            self.rows["questions"].append(
                {
                    "commission_id": ident,
                    "number": question.number,
                    "text": question.text,
                    "points": _joined(question.points) or None,
                    "other_fields": _other_fields(question_wire, QUESTION_WIRE),
                }
            )
        self.links(ident, commission.related)
        self.expected(ident, None, commission.expectations)
        for part, part_wire in zip(commission.parts, wire.get("parts", ()), strict=True):
            expected = part.expected
            published = _dated(None if part.published is None else part.published.date)
            self.rows["parts"].append(
                {
                    "commission_id": ident,
                    "part": part.number,
                    "title": part.title,
                    "status": part.status.value,
                    "scope": _joined(part.scope) or None,
                    "expected": None if expected is None else _text(expected.expected),
                    "published": published[0],
                    "published_partial": published[1],
                    "other_fields": _other_fields(part_wire, (*PART_WIRE, "deliverables")),
                }
            )
            self.expected(ident, part.number, part.expectations)
            for deliverable, deliverable_wire in zip(
                part.deliverables, part_wire.get("deliverables", ()), strict=True
            ):
                document = deliverable.document
                self.rows["deliverables"].append(
                    {
                        "commission_id": ident,
                        "part": part.number,
                        "kind": deliverable.kind.value,
                        "inspection_id": deliverable.inspection,
                        "document_id": None if document is None else document.id,
                        "document_title": None if document is None else document.title,
                        "published": _dated(deliverable.published)[0],
                        "published_partial": _dated(deliverable.published)[1],
                        "other_fields": _other_fields(deliverable_wire, DELIVERABLE_WIRE),
                    }
                )

    def framework(self, framework: Framework) -> None:
        # As a commission's: other_fields keeps the fields with no column (sources, notes,
        # rules...) as JSON, so that the framework reads back whole.
        wire = to_dict(framework, validate=False)
        wire["scales"] = [scale.id for scale in framework.scales]
        self.rows["frameworks"].append(
            {
                "framework_id": framework.id,
                "programme": framework.programme,
                "name": framework.name,
                "inspectorate": framework.inspectorate,
                "scales": _joined(scale.id for scale in framework.scales),
                "valid_from": _text(framework.valid_from),
                "valid_until": _text(framework.valid_until),
                "closed": framework.closed,
                "overall": framework.overall,
                "carried_forward": framework.carried_forward,
                "finding_kinds": _joined(kind.value for kind in framework.finding_kinds) or None,
                "other_fields": _other_fields(
                    wire,
                    (*FRAMEWORK_WIRE, "areas", *_shown_whole(wire, ("scales", "finding_kinds"))),
                ),
            }
        )
        default_scale = framework.scales[0].id
        for area, area_wire in zip(framework.areas, wire.get("areas", ()), strict=True):
            # The scale column shows the area's scale, the framework's first where it names
            # none: one named the same as that default is kept in other_fields too.
            named_default = area.scale == default_scale
            self.rows["framework_areas"].append(
                {
                    "framework_id": framework.id,
                    "key": area.key,
                    "parent": area.parent,
                    "topic": area.topic,
                    "scale": area.scale or default_scale,
                    "required": area.required,
                    "non_grades": _joined(kind.value for kind in area.non_grades) or None,
                    "aliases": _joined(area.aliases) or None,
                    "other_fields": _other_fields(
                        area_wire,
                        (
                            *FRAMEWORK_AREA_WIRE,
                            *(() if named_default else ("scale",)),
                            *_shown_whole(area_wire, ("non_grades", "aliases")),
                        ),
                    ),
                }
            )
        for scale in framework.scales:
            self.scale(scale)

    def scale(self, scale: GradingScale) -> None:
        if scale.id in self.listed_scales:
            return
        self.listed_scales[scale.id] = scale
        self.rows["scales"].append(
            {
                "scale_id": scale.id,
                "name": scale.name,
                "grades": len(scale.labels),
                "valid_from": _text(scale.valid_from),
                "valid_until": _text(scale.valid_until),
                # An empty name is no cell of CSV at all: kept in other_fields then.
                "other_fields": _other_fields(
                    to_dict(scale, validate=False),
                    tuple(field for field in SCALE_WIRE if scale.name or field != "name"),
                ),
            }
        )
        for grade in reversed(scale.grades):
            self.rows["grades"].append(
                {
                    "scale_id": scale.id,
                    "grade_rank": grade_rank(grade),
                    "key": grade.key,
                    "label": grade.label,
                }
            )

    def tables(self) -> Tables:
        rows = {table: tuple(found) for table, found in self.rows.items()}
        scale_rows = rows.pop("scales")
        return Tables(
            **rows,
            scale_rows=scale_rows,
            scales=tuple(self.scales.values()),
            extensions=self.extensions,
        )

    def take(self) -> Tables:
        """The tables of the records added since the last take; the scales listed already
        stay listed, so that a scale shared by records of two batches has its rows once."""
        found = self.tables()
        self.rows = {table: [] for table in TABLE_NAMES}
        self.scales = {}
        return found


def tables(records: Iterable[Record], *, extensions: Iterable[str] = ()) -> Tables:
    """The tidy tables of *records*, of any kind: inspections give a row per inspection, graded
    area, finding and piece of evidence; commissioned inspections a row per commission, question,
    part, expectation and deliverable; frameworks a row per framework and area; scales (and the
    scales of frameworks) a row per scale and grade.

    Args:
        records: The records.
        extensions: Extension keys (``"ofsted:urn"``) to give columns of their own, after the
            table's columns, in the tables whose records carry extensions (inspections, graded
            areas, findings, commissions). A record without the key has an empty cell; a value
            that is not a string, number or boolean is its JSON text.

    >>> from inspectlib import sample
    >>> from inspectlib.tables import tables
    >>> areas = tables([sample("gmp-child-protection-2024")]).graded_areas
    >>> [(row["key"], row["judgment"]) for row in areas][:2]
    [('leadership', 'Good'), ('partnership_working', 'Good')]

    .. versionadded:: 0.1.0
    """
    collector = _Collector(_extension_keys(extensions))
    for record in records:
        collector.add(record)
    return collector.tables()


def _extension_keys(extensions: Iterable[str]) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(extensions))
    clashes = [key for key in keys if any(key in columns for columns in COLUMNS.values())]
    if clashes:
        raise ValueError(f"extension key {clashes[0]!r} is the name of a column")
    return keys


def table_batches(
    records: Iterable[Record], *, batch_size: int, extensions: Iterable[str] = ()
) -> Iterator[tuple[int, Tables]]:
    """The tidy tables of *records* a batch of *batch_size* records at a time, with how many
    records each batch held: memory holds one batch, whatever the number of records."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    collector = _Collector(_extension_keys(extensions))
    source = iter(records)
    while batch := list(itertools.islice(source, batch_size)):
        for record in batch:
            collector.add(record)
        yield len(batch), collector.take()


def write_csv(
    records: Iterable[Record],
    directory: str | Path,
    *,
    raw: bool = False,
    batch_size: int = 2_000,
    extensions: Iterable[str] = (),
) -> tuple[Path, ...]:
    """What ``tables(records).to_csv(directory)`` writes, a batch of records at a time: each
    table's file is opened at its first row and appended to, so that memory holds one batch
    however many records there are. Returns the paths written, in the order of the tables.

    Like :func:`~inspectlib.tables.write_parquet_dataset`, it writes to a new or an empty
    directory only (:class:`~inspectlib.errors.OutputExistsError` otherwise): tables of an
    earlier run left beside the new ones would read as one corpus."""
    refuse_used_directory(Path(directory))
    files = _CsvFiles(Path(directory), raw=raw)
    found = Tables()
    try:
        for _, found in table_batches(records, batch_size=batch_size, extensions=extensions):
            files.write(found, _with_rows(found))
        if not files.paths:  # no rows at all: every table, header only, as to_csv writes them
            files.write(found, TABLE_NAMES)
    finally:
        files.close()
    return tuple(files.paths[table] for table in TABLE_NAMES if table in files.paths)


def _with_rows(found: Tables) -> tuple[TableName, ...]:
    return tuple(table for table in TABLE_NAMES if found.rows(table))


class _CsvFiles:
    """The CSV file of each table, opened at its first row and kept open for the next."""

    def __init__(self, folder: Path, *, raw: bool) -> None:
        self.folder = folder
        self.raw = raw
        self.paths: dict[TableName, Path] = {}
        self.streams: dict[TableName, tuple[IO[str], csv.DictWriter[str]]] = {}

    def write(self, found: Tables, names: Iterable[TableName]) -> None:
        for table in names:
            rows = found.rows(table)
            if table not in self.streams:
                self.folder.mkdir(parents=True, exist_ok=True)
                path = self.paths[table] = self.folder / f"{table}.csv"
                stream = path.open("w", newline="", encoding="utf-8")
                writer = csv.DictWriter(stream, fieldnames=found.columns(table))
                self.streams[table] = (stream, writer)
                writer.writeheader()
            writer = self.streams[table][1]
            for row in rows:
                writer.writerow({key: _csv_cell(value, self.raw) for key, value in row.items()})

    def close(self) -> None:
        for stream, _ in self.streams.values():
            stream.close()
