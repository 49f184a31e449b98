"""Commissioned inspections read back from their tables, as inspections are by
:func:`~inspectlib.tables.read_tables`: the columns people edit (titles, parts' statuses,
questions' text, deliverables' kind and inspection) are read from their cells, and
``other_fields`` holds the JSON of the rest. The other columns (``lead``; a commission's
``status``, which its parts give; ``scope``, ``expected``, a deliverable's document...) only
show what ``other_fields`` holds: reading checks that they still agree, rather than dropping an
edit made there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from ._catalogue import Catalogue
from ._commissions import CommissionedInspection
from ._errors import Problem
from ._extensions import Step
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
    view_problems,
)
from ._tables import COLUMNS, TableName, tables

__all__ = ["COMMISSION_TABLES", "read_commissions"]

COMMISSION_TABLES: Final[tuple[TableName, ...]] = (
    "commissions",
    "questions",
    "parts",
    "deliverables",
)
"""The tables a commissioned inspection is read back from."""

_READ_COLUMNS: Final[dict[TableName, frozenset[str]]] = {
    "commissions": frozenset({"commission_id", "title", "commissioned"}),
    "questions": frozenset({"commission_id", "number", "text"}),
    "parts": frozenset({"commission_id", "part", "title", "status"}),
    "deliverables": frozenset({"commission_id", "part", "kind", "inspection_id"}),
}
"""The columns read from their cells."""

_SHOWN: Final[dict[TableName, dict[str, str]]] = {
    name: {
        column: "other_fields"
        for column in COLUMNS[name]
        if column not in _READ_COLUMNS[name] and column != "other_fields"
    }
    for name in COMMISSION_TABLES
}
"""Every other column of :data:`COLUMNS` but ``other_fields``, by table: each only shows
what ``other_fields`` holds."""


class _Commission(Places):
    """One commission's document, its rows in every table, and where each part came from."""

    def __init__(self, table: _Table, number: int, row: dict[str, Any]) -> None:
        super().__init__(COMMISSION_TABLES, table, number, row)


def read_commissions(
    read: dict[TableName, _Table],
    views: dict[TableName, _Table],
    catalogue: Catalogue,
    problems: list[Problem],
    skipped: dict[str, None],
) -> list[CommissionedInspection]:
    """The commissions of the tables *read*, in the order of their table; the problems of
    every cell added to *problems*."""
    commissions = read["commissions"]
    builders = builders_by_id(commissions, "commission_id", "commission", _Commission, problems)
    problems.extend(attach(read, COMMISSION_TABLES, "commission_id", "commission", views, builders))
    records = []
    for builder in builders.values():
        record = _record(builder, catalogue, problems, skipped)
        if record is not None:
            records.append(record)
    return records


def _record(
    builder: _Commission, catalogue: Catalogue, problems: list[Problem], skipped: dict[str, None]
) -> CommissionedInspection | None:
    found = list(_build(builder))
    record = checked(builder, CommissionedInspection, found, catalogue, problems, skipped)
    if record is not None:
        problems.extend(_shown_problems(builder, record))
    return record


def _build(builder: _Commission) -> Reading[None]:
    """Fill *builder*'s document from its rows; yield the problems of cells that cannot be
    read at all."""
    columns = {"id": "commission_id", "title": "title", "commissioned": "commissioned"}
    yield from own_row(builder, "commissions", "commissioned_inspection", columns)
    document = builder.document
    questions = []
    for index, (table, number, row) in enumerate(builder.rows["questions"]):
        path: tuple[Step, ...] = ("terms_of_reference", index)
        builder.where[path] = table.cell(number)
        wire = yield from _other_fields(table, number, row, builder, path)
        cell = table.cell(number, "number")
        question = yield from _integer(row.get("number"), cell)
        _put(wire, "number", question, builder, (*path, "number"), cell)
        _put(wire, "text", row.get("text"), builder, (*path, "text"), table.cell(number, "text"))
        questions.append(wire)
    if questions:
        document["terms_of_reference"] = questions
    parts: list[dict[str, Any]] = []
    numbered: dict[int, tuple[dict[str, Any], tuple[Step, ...]]] = {}
    for index, (table, number, row) in enumerate(builder.rows["parts"]):
        path = ("parts", index)
        builder.where[path] = table.cell(number)
        wire = yield from _other_fields(table, number, row, builder, path)
        cell = table.cell(number, "part")
        part = yield from _integer(row.get("part"), cell)
        _put(wire, "number", part, builder, (*path, "number"), cell)
        for field in ("title", "status"):
            _put(wire, field, row.get(field), builder, (*path, field), table.cell(number, field))
        if part is not None:
            numbered.setdefault(part, (wire, path))
        parts.append(wire)
    yield from _deliverables(builder, numbered)
    if parts:
        document["parts"] = parts


def _deliverables(
    builder: _Commission, parts: dict[int, tuple[dict[str, Any], tuple[Step, ...]]]
) -> Reading[None]:
    """Each deliverable into the part its ``part`` cell names."""
    for table, number, row in builder.rows["deliverables"]:
        cell = table.cell(number, "part")
        part = yield from _integer(row.get("part"), cell)
        if part is None or part not in parts:
            yield Problem(
                str(cell),
                f"no part {row.get('part')!r} in commission {builder.document.get('id')!r}"
                + did_you_mean(str(row.get("part")), [str(known) for known in parts]),
            )
            continue
        owner, owner_path = parts[part]
        deliverables = owner.setdefault("deliverables", [])
        path = (*owner_path, "deliverables", len(deliverables))
        builder.where[path] = table.cell(number)
        wire = yield from _other_fields(table, number, row, builder, path)
        _put(wire, "kind", row.get("kind"), builder, (*path, "kind"), table.cell(number, "kind"))
        cell = table.cell(number, "inspection_id")
        _put(wire, "inspection", row.get("inspection_id"), builder, (*path, "inspection"), cell)
        deliverables.append(wire)


def _shown_problems(builder: _Commission, record: CommissionedInspection) -> Iterator[Problem]:
    """Cells that show what other cells hold, and no longer agree with them."""
    written = tables([record])
    own = builder.where[()]
    parts = {
        str(row.get("part")): table.cell(number) for table, number, row in builder.rows["parts"]
    }

    def owner(row: Mapping[str, Any] | None) -> _Cell:
        """The cell holding what a row of a view shows: a part's expectations are in its row
        of the parts table, the rest in the commission's own row."""
        part = None if row is None else row.get("part")
        cell = own if part is None else parts.get(str(part), own)
        return attrs.evolve(cell, column="other_fields")

    for name, rows in builder.views.items():
        yield from view_problems(name, rows, list(written.rows(name)), record.id, owner)
    for name, shown in _SHOWN.items():
        yield from shown_problems(builder.rows[name], written.rows(name), shown)
