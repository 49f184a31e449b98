"""Tidy tables: inspections, graded areas, findings and evidence as rows, one fact a row.

Rows are plain dicts of plain values, for CSV and for data frame libraries. pandas, polars and
pyarrow are optional: install the ``pandas``, ``polars`` or ``arrow`` extra to use
:meth:`Tables.to_pandas`, :meth:`Tables.to_polars` or :meth:`Tables.to_arrow`.
"""

from __future__ import annotations

import csv
import datetime
import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import attrs

from ._evidence import Evidence, QuantitativeEvidence
from ._inspections import Inspection
from ._judgments import CarriedForward, Judgment, NonGrade
from ._partial_dates import PartialDate
from ._scales import Grade, GradingScale

__all__ = ["Tables", "tables"]

Row = dict[str, Any]

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "inspections": (
        "inspection_id",
        "title",
        "inspectorate",
        "subjects",
        "framework",
        "published",
        "fieldwork_start",
        "fieldwork_end",
        "overall",
        "overall_type",
        "overall_scale",
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
    ),
    "evidence": (
        "inspection_id",
        "finding_id",
        "type",
        "description",
        "count",
        "total",
        "unit",
    ),
}
"""Each table's columns, in order."""

_DATE_COLUMNS: Final = frozenset({"published"})
_INTEGER_COLUMNS: Final = frozenset({"grade_rank", "count", "total"})


def _judgment(judgment: Judgment | None) -> tuple[str | None, str | None, str | None, int | None]:
    """(label, type, scale id, rank) of a judgment, for a row."""
    if judgment is None:
        return None, None, None, None
    if isinstance(judgment, Grade):
        return judgment.label, "grade", judgment.scale.id, judgment.rank
    if isinstance(judgment, NonGrade):
        return judgment.label, judgment.kind.value, None, None
    grade = judgment.grade
    return (
        judgment.label,
        "carried_forward",
        None if grade is None else grade.scale.id,
        None if grade is None else grade.rank,
    )


def _partial(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def _evidence_row(inspection_id: str, finding_id: str | None, item: Evidence) -> Row:
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
    return row


@attrs.frozen
class Tables:
    """The tidy tables of some inspections. Build with :func:`tables`.

    Each attribute is a tuple of rows (dicts), with the columns of :data:`COLUMNS`. Dates are
    :class:`datetime.date`; partial dates their canonical string; a grade's ``grade_rank`` is
    its place on its scale, 0 the best.

    .. versionadded:: 0.1.0
    """

    inspections: tuple[Row, ...]
    graded_areas: tuple[Row, ...]
    findings: tuple[Row, ...]
    evidence: tuple[Row, ...]
    scales: tuple[GradingScale, ...]
    """The scales of the grades in the tables, for ordered categories."""

    def rows(self, table: str) -> tuple[Row, ...]:
        """The rows of *table*: ``"inspections"``, ``"graded_areas"``, ``"findings"`` or
        ``"evidence"``."""
        if table not in COLUMNS:
            raise KeyError(f"no table {table!r}; the tables are {', '.join(COLUMNS)}")
        rows: tuple[Row, ...] = getattr(self, table)
        return rows

    def to_csv(self, directory: str | Path) -> tuple[Path, ...]:
        """Write each table as ``<table>.csv`` in *directory* (created if need be).

        Returns the paths written. Dates are ISO 8601; empty cells are missing values.
        """
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table, columns in COLUMNS.items():
            path = folder / f"{table}.csv"
            with path.open("w", newline="", encoding="utf-8") as stream:
                writer = csv.DictWriter(stream, fieldnames=columns)
                writer.writeheader()
                for row in self.rows(table):
                    writer.writerow({key: _csv_cell(value) for key, value in row.items()})
            written.append(path)
        return tuple(written)

    def _single_scale(self) -> GradingScale | None:
        return self.scales[0] if len(self.scales) == 1 else None

    def to_pandas(self) -> dict[str, Any]:
        """Each table as a :class:`pandas.DataFrame`, by table name.

        Dates are ``datetime64`` columns, counts nullable integers, and where every grade in
        the tables is on one scale, ``judgment`` is an ordered categorical, worst to best.

        Raises:
            ModuleNotFoundError: pandas is not installed (``pip install inspectlib[pandas]``).
        """
        pandas = _optional("pandas", "pandas")
        scale = self._single_scale()
        frames = {}
        for table, columns in COLUMNS.items():
            frame = pandas.DataFrame(list(self.rows(table)), columns=list(columns))
            for column in columns:
                if column in _DATE_COLUMNS:
                    frame[column] = pandas.to_datetime(frame[column])
                elif column in _INTEGER_COLUMNS:
                    frame[column] = frame[column].astype("Int64")
            if table == "graded_areas" and scale is not None:
                frame["judgment"] = pandas.Categorical(
                    frame["judgment"].where(frame["judgment_type"] == "grade"),
                    categories=list(reversed(scale.labels)),
                    ordered=True,
                )
            frames[table] = frame
        return frames

    def to_polars(self) -> dict[str, Any]:
        """Each table as a :class:`polars.DataFrame`, by table name.

        Dates are ``pl.Date``; where every grade is on one scale, ``judgment`` is a
        ``pl.Enum`` ordered worst to best, so grades sort and compare as the scale does.

        Raises:
            ModuleNotFoundError: polars is not installed (``pip install inspectlib[polars]``).
        """
        polars = _optional("polars", "polars")
        scale = self._single_scale()
        frames = {}
        for table, columns in COLUMNS.items():
            schema: dict[str, Any] = dict.fromkeys(columns, polars.String)
            for column in columns:
                if column in _DATE_COLUMNS:
                    schema[column] = polars.Date
                elif column in _INTEGER_COLUMNS:
                    schema[column] = polars.Int64
            grades_only = table == "graded_areas" and scale is not None
            rows = [_plain(row, columns, grades_only) for row in self.rows(table)]
            frame = polars.DataFrame(rows, schema=schema, orient="row")
            if table == "graded_areas" and scale is not None:
                frame = frame.with_columns(
                    polars.col("judgment").cast(polars.Enum(list(reversed(scale.labels))))
                )
            frames[table] = frame
        return frames

    def to_arrow(self) -> dict[str, Any]:
        """Each table as a :class:`pyarrow.Table`, by table name, dates as ``date32``.

        Raises:
            ModuleNotFoundError: pyarrow is not installed (``pip install inspectlib[arrow]``).
        """
        pyarrow = _optional("pyarrow", "arrow")
        tables = {}
        for table, columns in COLUMNS.items():
            fields = []
            for column in columns:
                if column in _DATE_COLUMNS:
                    kind = pyarrow.date32()
                elif column in _INTEGER_COLUMNS:
                    kind = pyarrow.int64()
                else:
                    kind = pyarrow.string()
                fields.append(pyarrow.field(column, kind))
            rows = self.rows(table)
            data = {column: [row[column] for row in rows] for column in columns}
            tables[table] = pyarrow.table(data, schema=pyarrow.schema(fields))
        return tables


def _plain(row: Row, columns: tuple[str, ...], grades_only: bool) -> tuple[Any, ...]:
    # An ordered grade column holds grades only; judgment_type still says what the rest were.
    if grades_only and row["judgment_type"] != "grade":
        row = {**row, "judgment": None}
    return tuple(row[column] for column in columns)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            f"{module} is not installed: pip install 'inspectlib[{extra}]'", name=module
        ) from error


def tables(inspections: Iterable[Inspection]) -> Tables:
    """The tidy tables of *inspections*: one row per inspection, graded area, finding and piece
    of evidence.

    >>> from inspectlib import sample, tables
    >>> areas = tables([sample("gmp-child-protection-2024")]).graded_areas
    >>> [(row["key"], row["judgment"]) for row in areas][:2]
    [('leadership', 'Good'), ('partnership_working', 'Good')]

    .. versionadded:: 0.1.0
    """
    rows: dict[str, list[Row]] = {table: [] for table in COLUMNS}
    scales: dict[str, GradingScale] = {}
    for inspection in inspections:
        label, kind, scale, _ = _judgment(inspection.overall)
        fieldwork = inspection.fieldwork
        rows["inspections"].append(
            {
                "inspection_id": inspection.id,
                "title": inspection.title,
                "inspectorate": inspection.inspectorate.short_name or inspection.inspectorate.name,
                "subjects": _joined(subject.name for subject in inspection.subjects),
                "framework": inspection.framework,
                "published": inspection.published,
                "fieldwork_start": None if fieldwork is None else str(fieldwork.start),
                "fieldwork_end": None if fieldwork is None else str(fieldwork.end),
                "overall": label,
                "overall_type": kind,
                "overall_scale": scale,
            }
        )
        for area in inspection.graded_areas:
            label, kind, scale, rank = _judgment(area.judgment)
            grade = area.judgment
            if isinstance(grade, CarriedForward):
                grade = grade.grade  # type: ignore[assignment]
            if isinstance(grade, Grade):
                scales.setdefault(grade.scale.id, grade.scale)
            rows["graded_areas"].append(
                {
                    "inspection_id": inspection.id,
                    "published": inspection.published,
                    "framework": inspection.framework,
                    "key": area.key,
                    "parent": area.parent,
                    "topic": area.topic,
                    "label": area.label,
                    "judgment": label,
                    "judgment_type": kind,
                    "scale": scale,
                    "grade_rank": rank,
                    "carried_from": area.judgment.from_inspection
                    if isinstance(area.judgment, CarriedForward)
                    else None,
                }
            )
        for finding in inspection.findings:
            rows["findings"].append(
                {
                    "inspection_id": inspection.id,
                    "finding_id": finding.id,
                    "kind": finding.kind.value,
                    "reference": finding.reference,
                    "text": finding.text,
                    "areas": _joined(finding.areas),
                    "addressed_to": finding.addressed_to and finding.addressed_to.name,
                    "due": _partial(finding.due),
                    "cause_of_concern": finding.cause_of_concern,
                }
            )
            rows["evidence"].extend(
                _evidence_row(inspection.id, finding.id, item) for item in finding.evidence
            )
        rows["evidence"].extend(
            _evidence_row(inspection.id, None, item) for item in inspection.evidence
        )
    return Tables(
        inspections=tuple(rows["inspections"]),
        graded_areas=tuple(rows["graded_areas"]),
        findings=tuple(rows["findings"]),
        evidence=tuple(rows["evidence"]),
        scales=tuple(scales.values()),
    )
