"""The inverse of the tidy tables: inspections read back from CSV or Parquet files, checked in
full, with every problem located by file, row and column.

The tables hold every field of an inspection: a column each for what people edit (titles,
grades, findings, evidence), and ``other_fields``, the JSON of the rest (sources, quotes,
organisations...), so that writing the tables and reading them back gives the same records.
Some columns only show what other cells hold (``inspectorate``, ``grade_rank``...): reading
checks that they still agree, rather than dropping an edit made there.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, TypeAlias, TypeVar, cast

import attrs
import orjson

from ._catalogue import Catalogue
from ._commissions import CommissionedInspection
from ._documents import FORMAT_VERSION, Record, from_dict
from ._encodings import EncodingRefused, detect_encoding
from ._errors import InvalidGrade, Problem, ValidationError
from ._extensions import Step
from ._frameworks import Framework
from ._inspections import Inspection
from ._judgments import NonGrade, NonGradeKind
from ._scales import GradingScale
from ._spreadsheet import FORMULA_STARTS
from ._suggestions import did_you_mean
from ._tables import (
    CARRIED_SUFFIX,
    COLUMNS,
    TABLE_NAMES,
    TableName,
    _csv_cell,
    _optional,
    listed,
    tables,
)
from ._validation import CROSS_FIELD_CHECKS

__all__ = ["read_inspections"]

_READ: Final[tuple[TableName, ...]] = (
    "inspections",
    "graded_areas",
    "findings",
    "evidence",
    "finding_updates",
)
"""The tables an inspection is read back from."""

VIEWS: Final[tuple[TableName, ...]] = ("related", "expectations")
"""Tables that show what ``other_fields`` of the inspections holds: checked to agree with it,
so that an edit made there is reported rather than lost."""

_REQUIRED: Final[dict[TableName, tuple[str, ...]]] = {
    "related": ("record_id",),
    "expectations": ("record_id",),
    "inspections": ("inspection_id",),
    "graded_areas": ("inspection_id", "key"),
    "findings": ("inspection_id", "finding_id"),
    "evidence": ("inspection_id",),
    "finding_updates": ("inspection_id",),
    "commissions": ("commission_id",),
    "questions": ("commission_id", "number"),
    "parts": ("commission_id", "part"),
    "deliverables": ("commission_id", "part"),
    "frameworks": ("framework_id",),
    "framework_areas": ("framework_id", "key"),
    "scales": ("scale_id",),
    "grades": ("scale_id", "grade_rank", "label"),
}

_DERIVED: Final[dict[TableName, dict[str, str]]] = {
    "inspections": {
        "inspectorate": "the inspectorate in other_fields",
        "subjects": "the subjects in other_fields",
    },
    "graded_areas": {
        "published": "published in inspections",
        "framework": "framework in inspections",
        "grade_rank": "judgment and scale",
    },
    "findings": {"addressed_to": "addressed_to in other_fields"},
}
"""Columns that show what other cells hold, with where to edit it instead."""

T = TypeVar("T")
Reading: TypeAlias = Generator[Problem, None, T]
"""Reads a value, yielding the problems of the cells it cannot read."""

_OVERALL_COLUMNS: Final = ("overall", "overall_type", "overall_scale")
_NON_GRADE_LABELS: Final = {kind.value: NonGrade(kind).label for kind in NonGradeKind}
_AGREEMENT: Final = "columns that show other cells agree with them"
"""The check of :data:`_DERIVED` columns, which needs the record built."""
_INTEGER: Final = frozenset({"count", "total", "grade_rank"})
_WHOLE_NUMBER: Final = re.compile(r"-?[0-9]{1,18}")
_EXTENSION_KEY: Final = re.compile(r"[^:\s]+:.+")


@attrs.frozen
class _Cell:
    file: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.row is None:  # the table as a whole: an area missing, say
            return self.file
        where = f"{self.file}:{self.row}"
        return where if self.column is None else f"{where}:{self.column}"


class _Table:
    """The rows of one table file, each with the row number people see for it."""

    def __init__(self, name: TableName, path: Path | None, problems: list[Problem]) -> None:
        self.name = name
        self.file = "" if path is None else path.name
        self.rows: list[tuple[int, dict[str, Any]]] = []
        if path is None:
            return
        if path.suffix == ".csv":
            with path.open("rb") as raw:
                # A spreadsheet saves CSV in its own encoding (Windows-1252 for Excel in the
                # UK): found as the importers find it. A file in neither stops the reading:
                # every row of the others would only say its inspection is missing.
                try:
                    encoding, binary = detect_encoding(raw, advice="save it as UTF-8")
                except EncodingRefused as refused:
                    raise ValidationError(
                        str(path.parent), [Problem(self.file, refused.message)]
                    ) from None
                stream = io.TextIOWrapper(binary, encoding=encoding, newline="")
                reader = csv.DictReader(stream)
                header = list(reader.fieldnames or ())
                # Row 1 is the header, as a spreadsheet numbers them.
                self.rows = [
                    (number, {key: _cell_text(value) for key, value in row.items()})
                    for number, row in enumerate(reader, start=2)
                ]
        else:
            parquet = _optional("pyarrow.parquet", "arrow")
            arrow = parquet.read_table(path)
            header = list(arrow.column_names)
            self.rows = list(enumerate(arrow.to_pylist(), start=1))
        known = COLUMNS[name]
        for column in header:
            if column not in known and not _EXTENSION_KEY.fullmatch(column or ""):
                problems.append(
                    Problem(
                        f"{self.file}:1:{column}",
                        f"unknown column{did_you_mean(column or '', known)}",
                    )
                )
        for column in _REQUIRED[name]:
            if column not in header:
                problems.append(Problem(f"{self.file}:1", f"missing column {column!r}"))

    def cell(self, row: int, column: str | None = None) -> _Cell:
        return _Cell(self.file, row, column)


def _cell_text(value: str | None) -> str | None:
    """A CSV cell as the record has it: empty is missing, and the apostrophe that
    :meth:`Tables.to_csv` writes before text a spreadsheet would run as a formula is taken
    off again."""
    if not value:
        return None
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def table_files(directory: Path) -> dict[TableName, Path]:
    found: dict[TableName, Path] = {}
    for table in TABLE_NAMES:
        for suffix in (".csv", ".parquet"):
            path = directory / f"{table}{suffix}"
            if path.exists():
                if table in found:
                    raise ValidationError(
                        str(directory),
                        [Problem(path.name, f"{found[table].name} is there too: keep one")],
                    )
                found[table] = path
    if not any(table in found for table in _RECORD_TABLES):
        raise ValidationError(
            str(directory),
            [
                Problem(
                    "inspections.csv",
                    "no table of records: inspections, commissions, frameworks or scales "
                    "(inspections.csv or inspections.parquet, and so on)",
                )
            ],
        )
    return found


_RECORD_TABLES: Final[tuple[TableName, ...]] = (
    "inspections",
    "commissions",
    "frameworks",
    "scales",
)
"""The tables of which each row is a record."""


Rows: TypeAlias = list[tuple[_Table, int, dict[str, Any]]]
"""Rows of a record, each with its table and its number there."""


class Places:
    """A document being read back: its rows in each table it is read from (*tables*, the
    first its own), the rows of the views that show it, and where each of its parts came
    from, the cell of each path."""

    def __init__(
        self, tables: tuple[TableName, ...], table: _Table, number: int, row: dict[str, Any]
    ) -> None:
        self.where: dict[tuple[Step, ...], _Cell] = {(): table.cell(number)}
        self.document: dict[str, Any] = {}
        self.rows: dict[TableName, Rows] = {name: [] for name in tables}
        self.rows[tables[0]].append((table, number, row))
        self.views: dict[TableName, Rows] = {name: [] for name in VIEWS}

    def located(self, steps: tuple[Step, ...]) -> _Cell:
        while steps not in self.where:
            steps = steps[:-1]
        return self.where[steps]


class _Builder(Places):
    """One inspection's document, and where each of its parts came from."""

    def __init__(self, table: _Table, number: int, row: dict[str, Any]) -> None:
        super().__init__(_READ, table, number, row)
        self.findings: dict[str, int] = {}
        self.kept: frozenset[str] = frozenset()
        """The fields the ``other_fields`` of the inspection's own row holds."""

    def tables_located(self, read: dict[TableName, _Table]) -> None:
        """A problem of a whole list (an area that is missing) is one of its table."""
        for name in _READ[1:]:
            if read[name].file:
                self.where[(name,)] = _Cell(read[name].file)


def read_inspections(
    files: Mapping[TableName, Path],
    views: dict[TableName, _Table],
    catalogue: Catalogue,
    problems: list[Problem],
    skipped: dict[str, None],
) -> list[Inspection]:
    """The inspections of the tables in *files*, in the order of their table, each checked
    against *catalogue*; the problems of every cell added to *problems* and the checks that
    could not run to *skipped*. A view's rows (*views*) are checked against the record they
    show."""
    read = {name: _Table(name, files.get(name), problems) for name in _READ}
    builders = builders_by_id(
        read["inspections"], "inspection_id", "inspection", _Builder, problems
    )
    problems.extend(attach(read, _READ, "inspection_id", "inspection", views, builders))
    records: list[Inspection] = []
    for builder in builders.values():
        builder.tables_located(read)
        record = _record(builder, catalogue, problems, skipped)
        if record is not None:
            records.append(record)
    return records


Builder = TypeVar("Builder", bound=Places)


def builders_by_id(
    table: _Table,
    column: str,
    noun: str,
    make: Callable[[_Table, int, dict[str, Any]], Builder],
    problems: list[Problem],
) -> dict[str, Builder]:
    """A builder made by *make* for each row of *table*, in its order, by the id in
    *column*; an empty or repeated id is a problem."""
    builders: dict[str, Builder] = {}
    for number, row in table.rows:
        ident = row.get(column)
        cell = str(table.cell(number, column))
        if ident is None:
            problems.append(Problem(cell, "empty"))
        elif ident in builders:
            first = builders[ident].where[()]
            problems.append(Problem(cell, f"{noun} {ident!r} is in row {first.row} already"))
        else:
            builders[ident] = make(table, number, row)
    return builders


def attach(
    read: dict[TableName, _Table],
    names: tuple[TableName, ...],
    column: str,
    noun: str,
    views: dict[TableName, _Table],
    builders: Mapping[str, Places],
) -> Iterator[Problem]:
    """Give each row of the tables *names* after the first to the builder of the record its
    *column* names; a row whose record is not there is a problem. A view's row goes to the
    builder of its record, where it is one of *builders*."""
    owner = read[names[0]].file or f"{names[0]}"
    for name in names[1:]:
        table = read[name]
        for number, row in table.rows:
            ident = row.get(column)
            builder = builders.get(ident) if ident is not None else None
            if builder is None:
                yield Problem(
                    str(table.cell(number, column)),
                    f"no {noun} {ident!r} in {owner}" + did_you_mean(str(ident), builders),
                )
                continue
            builder.rows[name].append((table, number, row))
    for name, table in views.items():
        for number, row in table.rows:
            found = builders.get(str(row.get("record_id")))
            if found is not None:
                found.views[name].append((table, number, row))


def _record(
    builder: _Builder, catalogue: Catalogue, problems: list[Problem], skipped: dict[str, None]
) -> Inspection | None:
    """The inspection *builder* holds, checked; None, its problems added to *problems* and the
    checks that could not run to *skipped*, where it has any."""
    found = list(_build(builder, catalogue))
    record = checked(builder, Inspection, found, catalogue, problems, skipped)
    if record is not None:
        problems.extend(_derived_problems(builder, record))
    return record


Read = TypeVar("Read", bound=Record)
_NOUNS: Final[dict[type[Any], str]] = {
    Inspection: "inspection",
    CommissionedInspection: "commission",
    Framework: "framework",
    GradingScale: "scale",
}


def checked(
    places: Places,
    kind: type[Read],
    found: list[Problem],
    catalogue: Catalogue,
    problems: list[Problem],
    skipped: dict[str, None],
) -> Read | None:
    """The record of *kind* that the document *places* has read makes, checked as
    :func:`~inspectlib.load` checks a document; None where the cells had problems (*found*) or
    the record has, each located by its cell and added to *problems*, the checks that could not
    run added to *skipped*."""
    if found:
        problems.extend(found)
        skipped.update(dict.fromkeys((*CROSS_FIELD_CHECKS.get(kind, ()), _AGREEMENT)))
        return None
    ident = places.document.get("id")
    noun = _NOUNS[kind]
    try:
        # from_dict's kind is one record class, which a type variable over two is not.
        record: Read = from_dict(places.document, cast(Any, kind), catalogue=catalogue)
    except ValidationError as error:
        skipped.update(dict.fromkeys((*error.skipped, _AGREEMENT)))
        problems.extend(
            Problem(
                str(places.located(problem.steps or ())),
                f"{problem.message} ({problem.path} of {noun} {ident!r})",
            )
            for problem in error.problems
        )
        return None
    return record


def _build(builder: _Builder, catalogue: Catalogue) -> Reading[None]:
    """Fill *builder*'s document from its rows; yield the problems of cells that cannot be
    read at all."""
    scales = yield from _inspection(builder, catalogue)
    yield from _areas(builder, scales, catalogue)
    findings = yield from _findings(builder)
    yield from _evidence(builder, builder.document, findings)
    yield from _updates(builder)


def _inspection(builder: _Builder, catalogue: Catalogue) -> Reading[list[Any]]:
    """The document's own fields, from its row of the inspections table; returns the scales
    it lists."""
    columns = {"id": "inspection_id", "title": "title", "framework": "framework"}
    table, number, row, other = yield from own_row(builder, "inspections", "inspection", columns)
    document = builder.document
    builder.kept = frozenset(other)
    yield from _stated(document, "published", table, number, row, builder, ())
    start, end = _value(row.get("fieldwork_start")), _value(row.get("fieldwork_end"))
    if start is not None or end is not None:
        document["fieldwork"] = {"start": start, "end": end}
        builder.where[("fieldwork",)] = table.cell(number, "fieldwork_start")
        builder.where[("fieldwork", "end")] = table.cell(number, "fieldwork_end")
    listed = document.get("scales")
    scales: list[Any] = listed if isinstance(listed, list) else []
    overall_given = row.get("overall_type") is not None or row.get("overall") is not None
    if "overall" not in document and overall_given:
        judgment = yield from _judgment(
            table,
            number,
            row,
            (*_OVERALL_COLUMNS, None),
            scales,
            catalogue,
        )
        if judgment is not None:
            document["overall"] = judgment
            _locate_judgment(builder, ("overall",), table, number, "overall")
    return scales


def _areas(builder: _Builder, scales: list[Any], catalogue: Catalogue) -> Reading[None]:
    areas = []
    for index, (areas_table, area_number, area) in enumerate(builder.rows["graded_areas"]):
        path: tuple[Step, ...] = ("graded_areas", index)
        builder.where[path] = areas_table.cell(area_number)
        wire = yield from _other_fields(areas_table, area_number, area, builder, path)
        for field in ("key", "parent", "topic", "label", "report"):
            cell = areas_table.cell(area_number, field)
            _put(wire, field, area.get(field), builder, (*path, field), cell)
        yield from _stated(wire, "judged", areas_table, area_number, area, builder, path)
        if "judgment" not in wire:
            judgment = yield from _judgment(
                areas_table,
                area_number,
                area,
                ("judgment", "judgment_type", "scale", "carried_from"),
                scales,
                catalogue,
            )
            if judgment is not None:
                wire["judgment"] = judgment
        _locate_judgment(builder, (*path, "judgment"), areas_table, area_number, "judgment")
        areas.append(wire)
    if areas:
        builder.document["graded_areas"] = areas


def _findings(builder: _Builder) -> Reading[list[dict[str, Any]]]:
    findings = []
    for index, (findings_table, finding_number, finding) in enumerate(builder.rows["findings"]):
        path: tuple[Step, ...] = ("findings", index)
        builder.where[path] = findings_table.cell(finding_number)
        wire = yield from _other_fields(findings_table, finding_number, finding, builder, path)
        for field, column in (
            ("id", "finding_id"),
            ("kind", "kind"),
            ("reference", "reference"),
            ("text", "text"),
            ("due", "due"),
            ("cause_of_concern", "cause_of_concern"),
        ):
            cell = findings_table.cell(finding_number, column)
            _put(wire, field, finding.get(column), builder, (*path, field), cell)
        areas_cell = finding.get("areas")
        builder.where[(*path, "areas")] = findings_table.cell(finding_number, "areas")
        if areas_cell and "areas" not in wire:  # else other_fields holds keys it cannot show
            wire["areas"] = listed(areas_cell)
        if finding.get("finding_id") is not None:
            builder.findings.setdefault(str(finding["finding_id"]), index)
        findings.append(wire)
    if findings:
        builder.document["findings"] = findings
    return findings


def _updates(builder: _Builder) -> Reading[None]:
    updates = []
    for index, (updates_table, update_number, update) in enumerate(builder.rows["finding_updates"]):
        path: tuple[Step, ...] = ("finding_updates", index)
        builder.where[path] = updates_table.cell(update_number)
        wire = yield from _other_fields(updates_table, update_number, update, builder, path)
        for field, column in (
            ("inspection", "about_inspection"),
            ("finding", "finding_id"),
            ("status", "status"),
            ("note", "note"),
        ):
            cell = updates_table.cell(update_number, column)
            _put(wire, field, update.get(column), builder, (*path, field), cell)
        yield from _stated(wire, "date", updates_table, update_number, update, builder, path)
        updates.append(wire)
    if updates:
        builder.document["finding_updates"] = updates


def _evidence(
    builder: _Builder, document: dict[str, Any], findings: list[dict[str, Any]]
) -> Reading[None]:
    own: list[dict[str, Any]] = []
    counts: dict[int, int] = {}
    for evidence_table, number, item in builder.rows["evidence"]:
        finding_id = item.get("finding_id")
        if finding_id is None:
            path: tuple[Step, ...] = ("evidence", len(own))
            target = own
        else:
            position = builder.findings.get(str(finding_id))
            if position is None:
                yield Problem(
                    str(evidence_table.cell(number, "finding_id")),
                    f"no finding {finding_id!r} in inspection {document.get('id')!r}"
                    + did_you_mean(str(finding_id), builder.findings),
                )
                continue
            target = findings[position].setdefault("evidence", [])
            path = ("findings", position, "evidence", len(target))
            counts[position] = counts.get(position, 0) + 1
        builder.where[path] = evidence_table.cell(number)
        wire = yield from _other_fields(evidence_table, number, item, builder, path)
        for field in ("type", "description", "unit"):
            cell = evidence_table.cell(number, field)
            _put(wire, field, item.get(field), builder, (*path, field), cell)
        for field in ("count", "total"):
            cell = evidence_table.cell(number, field)
            value = yield from _integer(item.get(field), cell)
            _put(wire, field, value, builder, (*path, field), cell)
        if wire.get("type") is None:
            wire["type"] = "quantitative" if "count" in wire else "qualitative"
        target.append(wire)
    if own:
        document["evidence"] = own


def _value(value: Any) -> Any:
    """A cell as the wire has it: dates as ISO text, empty as missing."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def own_row(
    builder: Places, table_name: TableName, kind: str, columns: Mapping[str, str]
) -> Reading[tuple[_Table, int, dict[str, Any], dict[str, Any]]]:
    """Start *builder*'s document from its own row of *table_name*: what its ``other_fields``
    holds, the format's version and *kind*, then each field of *columns* (field -> column)
    from its cell. Returns the row's table, number and values, and what ``other_fields``
    held."""
    table, number, row = builder.rows[table_name][0]
    other = yield from _other_fields(table, number, row, builder, ())
    builder.document.update(other)
    builder.document.update({"inspectlib": FORMAT_VERSION, "kind": kind})
    for field, column in columns.items():
        _put(
            builder.document, field, row.get(column), builder, (field,), table.cell(number, column)
        )
    return table, number, row, other


def _put(
    wire: dict[str, Any],
    field: str,
    value: Any,
    builder: Places,
    path: tuple[Step, ...],
    cell: _Cell,
) -> None:
    builder.where[path] = cell
    value = _value(value)
    if value is not None:
        wire[field] = value


def _stated(
    wire: dict[str, Any],
    field: str,
    table: _Table,
    number: int,
    row: dict[str, Any],
    builder: Places,
    path: tuple[Step, ...],
) -> Reading[None]:
    """A stated date from its two columns: the day, or beside it the partial date."""
    day, partial = row.get(field), row.get(f"{field}_partial")
    if day is not None and partial is not None:
        yield Problem(
            str(table.cell(number, f"{field}_partial")),
            f"{field} gives a day already: give the day in {field} or a partial date in "
            f"{field}_partial, not both",
        )
        return
    column = field if partial is None else f"{field}_partial"
    _put(
        wire,
        field,
        day if partial is None else partial,
        builder,
        (*path, field),
        table.cell(number, column),
    )


def _integer(value: Any, cell: _Cell) -> Reading[int | None]:
    if value is None or type(value) is int:
        return value
    text = str(value).strip()
    if _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    yield Problem(str(cell), f"expected a whole number, got {text!r}")
    return None


def _other_fields(
    table: _Table, number: int, row: dict[str, Any], builder: Places, path: tuple[Step, ...]
) -> Reading[dict[str, Any]]:
    """The fields kept as JSON in a row's ``other_fields``, each located there."""
    cell = table.cell(number, "other_fields")
    text = row.get("other_fields")
    if text is None:
        return {}
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        yield Problem(str(cell), f"invalid JSON: {error.msg}")
        return {}
    if type(value) is not dict:
        yield Problem(str(cell), "expected a JSON object")
        return {}
    for key in value:
        builder.where[(*path, key)] = cell
    return value


def _judgment(
    table: _Table,
    number: int,
    row: dict[str, Any],
    columns: tuple[str, str, str, str | None],
    scales: list[Any],
    catalogue: Catalogue,
) -> Reading[dict[str, Any] | None]:
    """A judgment's wire form from its cells, the grade read as a person writes it."""
    label_column, type_column, scale_column, carried_column = columns
    label, kind = row.get(label_column), row.get(type_column)
    scale_id = row.get(scale_column)
    if scale_id is None and len(scales) == 1 and isinstance(scales[0], str):
        scale_id = scales[0]  # the inspection's one scale
    if kind is None:
        kind = "grade" if label is not None else None
    if kind is None:
        return None
    if kind not in ("grade", "carried_forward"):
        shown = _NON_GRADE_LABELS.get(kind)
        if label is None or shown is None or label == shown:
            return {"type": kind}
        yield Problem(
            str(table.cell(number, label_column)),
            f"{label!r} is not {shown!r}, the label of {type_column} {kind!r}: to grade, "
            f"set {type_column} to 'grade' or empty it",
        )
        return None
    wire: dict[str, Any] = {"type": kind}
    if kind == "carried_forward":
        carried = row.get(carried_column) if carried_column else None
        if carried is not None:
            wire["from_inspection"] = carried
        label = str(label).removesuffix(CARRIED_SUFFIX) if label else None
        if label is None or label == "Carried forward":
            return wire
    scale_cell = table.cell(number, scale_column)
    label_cell = table.cell(number, label_column)
    grade_wire = yield from _grade(label_cell, label, scale_cell, scale_id, catalogue)
    if grade_wire is None:
        return None
    if kind == "carried_forward":
        wire["grade"] = grade_wire
    else:
        wire.update(grade_wire)
    return wire


def _grade(
    label_cell: _Cell, label: Any, scale_cell: _Cell, scale_id: Any, catalogue: Catalogue
) -> Reading[dict[str, Any] | None]:
    """A grade's wire form from its label and its scale's id, as a person writes them."""
    if label is None:
        yield Problem(str(label_cell), "a grade needs its label")
        return None
    if scale_id is None:
        yield Problem(str(scale_cell), "a grade needs its scale (a scale id)")
        return None
    scale = catalogue.scales.get(scale_id)
    if scale is None:
        yield Problem(
            str(scale_cell),
            f"no grading scale {scale_id!r} in the catalogue"
            + did_you_mean(str(scale_id), catalogue.scales),
        )
        return None
    try:
        grade = scale.parse(str(label))
    except InvalidGrade as error:
        yield Problem(str(label_cell), str(error))
        return None
    return {"scale": scale.id, "grade": grade.key}


def _locate_judgment(
    builder: _Builder, path: tuple[Step, ...], table: _Table, number: int, label: str
) -> None:
    builder.where.setdefault(path, table.cell(number, label))
    if label == "judgment":
        builder.where.setdefault((*path, "type"), table.cell(number, "judgment_type"))
        builder.where.setdefault((*path, "scale"), table.cell(number, "scale"))
        builder.where.setdefault((*path, "from_inspection"), table.cell(number, "carried_from"))


def view_problems(
    name: TableName,
    view_rows: list[tuple[_Table, int, dict[str, Any]]],
    record_rows: list[dict[str, Any]],
    ident: str,
    owner: Callable[[Mapping[str, Any] | None], _Cell],
) -> Iterator[Problem]:
    """The rows of *name*, a table that shows what the ``other_fields`` cell of another file
    holds, that no longer agree with the rows the record *ident* writes there; *owner* gives
    the cell that holds a row the record writes (``parts.csv:3:other_fields``), or with None
    the record's own, where to edit it."""
    for index, (table, number, row) in enumerate(view_rows):
        if index >= len(record_rows):
            yield Problem(
                str(table.cell(number)),
                f"a row {ident!r} does not have: {name} shows what {owner(None)} holds; "
                "edit it there",
            )
            continue
        for column, want in record_rows[index].items():
            shown = str(_csv_cell(_value(want)))
            if column in row and str(_csv_cell(_value(row[column]))) != shown:
                yield Problem(
                    str(table.cell(number, column)),
                    f"{_csv_cell(_value(row[column]))!s:.60}: the record has {shown!r}; "
                    f"{name} shows what {owner(record_rows[index])} holds, edit it there",
                )
    if len(view_rows) < len(record_rows) and view_rows:
        yield Problem(
            view_rows[0][0].file,
            f"{len(record_rows) - len(view_rows)} rows of {ident!r} missing: {name} "
            f"shows what {owner(None)} holds; edit it there",
        )


def _derived_problems(builder: _Builder, record: Inspection) -> Iterator[Problem]:
    """Cells that show what other cells hold, and no longer agree with them."""
    written = tables([record])
    own = attrs.evolve(builder.where[()], column="other_fields")
    for name in VIEWS:
        record_rows = [row for row in written.rows(name) if row.get("part") is None]
        yield from view_problems(name, builder.views[name], record_rows, record.id, lambda _: own)
    for name, derived in _DERIVED.items():
        yield from shown_problems(builder.rows[name], written.rows(name), derived)
    for row, expected in zip(builder.rows["findings"], written.findings, strict=False):
        if "areas" in orjson.loads(expected["other_fields"] or "{}"):
            yield from shown_problems([row], [expected], {"areas": "areas in other_fields"})
    if "overall" in builder.kept:  # other_fields holds the judgment: its columns only show it
        overall = dict.fromkeys(_OVERALL_COLUMNS, "overall in other_fields")
        yield from shown_problems(builder.rows["inspections"], written.inspections, overall)


def shown_problems(
    rows: Rows, written: Iterable[Mapping[str, Any]], shown: Mapping[str, str]
) -> Iterator[Problem]:
    """The cells of *rows*, in the columns *shown* (each with where it shows from), that no
    longer agree with the rows the record writes (*written*); an empty cell agrees."""
    for (table, number, row), expected in zip(rows, written, strict=False):
        for column, source in shown.items():
            cell = row.get(column)
            if cell is None:
                continue
            given, want = str(_csv_cell(_value(cell))), str(_csv_cell(_value(expected[column])))
            if given != want:
                yield Problem(
                    str(table.cell(number, column)),
                    f"{given!r} is not {want!r}, which this column shows of {source}: edit "
                    "that instead, or empty this cell",
                )
