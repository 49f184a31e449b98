"""Frameworks and grading scales read back from their tables, as inspections are by
:func:`~inspectlib.tables.read_tables`.

A scale is its row of ``scales`` (``other_fields`` holds its aliases, description and sources)
and its rows of ``grades``, whose ``grade_rank`` orders the labels, 0 the worst. A framework is
its row of ``frameworks`` and its rows of ``framework_areas``; its ``scales`` column names its
scales by id, found among the scales of the same tables or else in the catalogue. A column that
cannot show a value whole (an alias holding ``;``; an area naming the scale it would take
anyway) leaves it in ``other_fields``, and then only shows it: reading checks that it agrees.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import orjson

from ._catalogue import Catalogue
from ._documents import to_dict
from ._errors import InvalidRecord, Problem
from ._extensions import Step
from ._frameworks import Framework
from ._scales import GradingScale, grade_key
from ._suggestions import did_you_mean
from ._table_reading import (
    Places,
    Reading,
    _Cell,
    _integer,
    _other_fields,
    _put,
    _Table,
    attach,
    builders_by_id,
    checked,
    own_row,
    shown_problems,
)
from ._tables import SCALE_WIRE, TableName, listed, tables

__all__ = ["CATALOGUE_TABLES", "read_catalogue_tables"]

_FRAMEWORK_TABLES: Final[tuple[TableName, ...]] = ("frameworks", "framework_areas")
_SCALE_TABLES: Final[tuple[TableName, ...]] = ("scales", "grades")
CATALOGUE_TABLES: Final = (*_FRAMEWORK_TABLES, *_SCALE_TABLES)
"""The tables frameworks and scales are read back from."""

_LISTS: Final = ("scales", "finding_kinds", "non_grades", "aliases")
"""The columns of values joined by ``"; "``, each named as its field."""
_SCALE_FAILED: Final = "frameworks whose scales have problems are read once those are fixed"


class _Framework(Places):
    def __init__(self, table: _Table, number: int, row: dict[str, Any]) -> None:
        super().__init__(_FRAMEWORK_TABLES, table, number, row)
        self.waits = False
        """Whether a scale it uses has problems of its own, so it cannot be built yet."""


class _Scale(Places):
    def __init__(self, table: _Table, number: int, row: dict[str, Any]) -> None:
        super().__init__(_SCALE_TABLES, table, number, row)


def read_catalogue_tables(
    read: dict[TableName, _Table],
    catalogue: Catalogue,
    problems: list[Problem],
    skipped: dict[str, None],
) -> tuple[list[Framework], list[GradingScale], Catalogue]:
    """The frameworks and the scales of the tables *read*, each in the order of its table, and
    *catalogue* with those whose ids it does not hold added, to read the other records of the
    tables against; the problems of every cell added to *problems*."""
    scale_builders = builders_by_id(read["scales"], "scale_id", "scale", _Scale, problems)
    problems.extend(attach(read, _SCALE_TABLES, "scale_id", "scale", {}, scale_builders))
    scales: dict[str, GradingScale] = {}
    for ident, read_scale in scale_builders.items():
        found = list(_scale(read_scale))
        scale = checked(read_scale, GradingScale, found, catalogue, problems, skipped)
        if scale is not None:
            scales[ident] = scale
            problems.extend(_shown(read_scale, tables([scale]), _SCALE_TABLES))
    builders = builders_by_id(read["frameworks"], "framework_id", "framework", _Framework, problems)
    problems.extend(attach(read, _FRAMEWORK_TABLES, "framework_id", "framework", {}, builders))
    known = {**catalogue.scales, **scales}
    failed = set(scale_builders) - set(scales)
    frameworks = []
    for builder in builders.values():
        found = list(_framework(builder, known, failed, read["scales"].file or "scales"))
        if builder.waits and not found:
            skipped[_SCALE_FAILED] = None
            continue
        framework = checked(builder, Framework, found, catalogue, problems, skipped)
        if framework is not None:
            frameworks.append(framework)
            problems.extend(_shown(builder, tables([framework]), _FRAMEWORK_TABLES))
    joined = _joined(catalogue, frameworks, scales, read["frameworks"].file, problems)
    return frameworks, list(scales.values()), joined


def _joined(
    catalogue: Catalogue,
    frameworks: list[Framework],
    scales: Mapping[str, GradingScale],
    file: str,
    problems: list[Problem],
) -> Catalogue:
    """*catalogue* with the frameworks and scales read whose ids it does not hold: one it holds
    already is read against the catalogue's own, as :func:`~inspectlib.load` reads it."""
    try:
        return catalogue.with_scales(
            *(scale for ident, scale in scales.items() if ident not in catalogue.scales)
        ).with_frameworks(*(f for f in frameworks if f.id not in catalogue.frameworks))
    except InvalidRecord as error:
        problems.append(Problem(file, f"{error}: give the edited scale an id of its own"))
        return catalogue


def _boolean(value: Any, cell: _Cell) -> Reading[bool | None]:
    """A flag as Parquet holds it, or as CSV writes it (``True``) or a spreadsheet (``TRUE``)."""
    if value is None or type(value) is bool:
        return value
    text = str(value).strip().casefold()
    if text in ("true", "false"):
        return text == "true"
    yield Problem(str(cell), f"expected TRUE or FALSE, got {str(value)!r}")
    return None


def _lists(
    wire: dict[str, Any],
    fields: tuple[str, ...],
    table: _Table,
    number: int,
    row: dict[str, Any],
    builder: Places,
    path: tuple[Step, ...],
) -> None:
    """The list *fields* from their columns, unless ``other_fields`` holds them whole."""
    for field in fields:
        cell = table.cell(number, field)
        if field not in wire and row.get(field) is not None:
            wire[field] = listed(row[field])
            builder.where[(*path, field)] = cell


def _scale(builder: _Scale) -> Reading[None]:
    """Fill *builder*'s document from its row and its grades' rows."""
    columns = {
        "id": "scale_id",
        "name": "name",
        "valid_from": "valid_from",
        "valid_until": "valid_until",
    }
    table, number, _, _ = yield from own_row(builder, "scales", "grading_scale", columns)
    document = builder.document
    grades = builder.rows["grades"]
    builder.where[("labels",)] = _Cell(grades[0][0].file) if grades else table.cell(number)
    ranked: dict[int, tuple[_Table, int, dict[str, Any]]] = {}
    for grades_table, grade_number, grade in grades:
        cell = grades_table.cell(grade_number, "grade_rank")
        rank = yield from _integer(grade.get("grade_rank"), cell)
        if rank is None and grade.get("grade_rank") is None:
            yield Problem(str(cell), "empty: a grade's rank places it on its scale, 0 the worst")
        elif rank is not None and rank in ranked:
            yield Problem(
                str(cell),
                f"rank {rank} is in row {ranked[rank][1]} already: each grade of scale "
                f"{document.get('id')!r} has a rank of its own, 0 the worst",
            )
        elif rank is not None:
            ranked[rank] = (grades_table, grade_number, grade)
    labels = []
    for index, rank in enumerate(sorted(ranked, reverse=True)):  # the best first, as scales are
        grades_table, grade_number, grade = ranked[rank]
        labels.append(grade.get("label"))
        builder.where[("labels", index)] = grades_table.cell(grade_number, "label")
    if labels:
        document["labels"] = labels


def _framework(
    builder: _Framework, scales: Mapping[str, GradingScale], failed: set[str], scales_file: str
) -> Reading[None]:
    """Fill *builder*'s document from its row and its areas' rows; its scales from *scales*,
    by id."""
    columns = {
        "id": "framework_id",
        "programme": "programme",
        "name": "name",
        "inspectorate": "inspectorate",
        "valid_from": "valid_from",
        "valid_until": "valid_until",
    }
    table, number, row, _ = yield from own_row(builder, "frameworks", "framework", columns)
    document = builder.document
    document.setdefault("valid_from", None)  # an empty cell: a start nobody has found
    for field in ("closed", "overall", "carried_forward"):
        cell = table.cell(number, field)
        _put(document, field, (yield from _boolean(row.get(field), cell)), builder, (field,), cell)
    _lists(document, ("scales", "finding_kinds"), table, number, row, builder, ())
    named = document.get("scales")
    if isinstance(named, list):
        document["scales"] = yield from _scales(builder, named, scales, failed, scales_file)
    first = named[0] if isinstance(named, list) and named else None
    areas = []
    for index, (areas_table, area_number, area) in enumerate(builder.rows["framework_areas"]):
        path: tuple[Step, ...] = ("areas", index)
        builder.where[path] = areas_table.cell(area_number)
        wire = yield from _other_fields(areas_table, area_number, area, builder, path)
        for field in ("key", "parent", "topic"):
            cell = areas_table.cell(area_number, field)
            _put(wire, field, area.get(field), builder, (*path, field), cell)
        cell = areas_table.cell(area_number, "required")
        required = yield from _boolean(area.get("required"), cell)
        _put(wire, "required", required, builder, (*path, "required"), cell)
        _lists(wire, ("non_grades", "aliases"), areas_table, area_number, area, builder, path)
        scale = area.get("scale")
        builder.where[(*path, "scale")] = areas_table.cell(area_number, "scale")
        if "scale" not in wire and scale is not None and scale != first:
            wire["scale"] = scale  # the framework's first scale is what an area takes anyway
        areas.append(wire)
    if areas:
        document["areas"] = areas


def _scales(
    builder: _Framework,
    named: list[Any],
    scales: Mapping[str, GradingScale],
    failed: set[str],
    scales_file: str,
) -> Reading[list[Any]]:
    """The scales *named* by id, as the document of a framework holds them."""
    found = []
    for index, ident in enumerate(named):
        cell = builder.located(("scales",))
        builder.where[("scales", index)] = cell
        scale = scales.get(ident) if isinstance(ident, str) else None
        if ident in failed:
            builder.waits = True
        elif scale is None:
            yield Problem(
                str(cell),
                f"no scale {ident!r} in {scales_file} or the catalogue"
                + did_you_mean(str(ident), scales),
            )
        else:
            wire = to_dict(scale, validate=False)
            found.append({key: value for key, value in wire.items() if key not in SCALE_WIRE[:2]})
    return found


def _shown(builder: Places, written: Any, names: tuple[TableName, ...]) -> Iterator[Problem]:
    """Cells that only show what other cells hold, and no longer agree with them: the list
    columns whose values ``other_fields`` keeps, an area's scale, a scale's count of grades, a
    grade's key."""
    for name in names:
        rows = builder.rows[name]
        if name == "grades":
            expected = [{"key": grade_key(str(row.get("label")))} for _, _, row in rows]
            yield from shown_problems(rows, expected, {"key": "label"})
            continue
        for row, expect in zip(rows, written.rows(name), strict=False):
            kept = orjson.loads(expect["other_fields"]) if expect.get("other_fields") else {}
            shown = {field: "other_fields" for field in (*_LISTS, "scale") if field in kept}
            if name == "scales":
                shown["grades"] = "the rows of grades"
            yield from shown_problems([row], [expect], shown)
