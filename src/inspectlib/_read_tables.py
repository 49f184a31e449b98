"""A folder of tidy tables read back into records: each kind by its own reader, inspections
(``_table_reading``), commissioned inspections (``_commission_reading``), frameworks and
scales (``_catalogue_reading``), every problem of every table gathered into one error.

The readers share the cells and checks of ``_table_reading``; this module is the one that
knows them all, so that none of them imports another's caller.
"""

from __future__ import annotations

from pathlib import Path

from ._builtin import catalogue_or_builtin
from ._catalogue import Catalogue
from ._catalogue_reading import CATALOGUE_TABLES, read_catalogue_tables
from ._commission_reading import COMMISSION_TABLES, read_commissions
from ._documents import Record
from ._errors import Problem, ValidationError
from ._table_reading import (
    VIEWS,
    _Table,
    read_inspections,
    table_files,
)

__all__ = ["read_tables"]


def read_tables(directory: str | Path, *, catalogue: Catalogue | None = None) -> tuple[Record, ...]:
    """The records in tidy tables written by :meth:`Tables.to_csv` or :meth:`Tables.to_parquet`,
    edited or not: the inverse of :func:`tables`. Inspections come first, in the order of their
    table, then commissioned inspections, frameworks and grading scales, each in the order of
    its table. A folder of inspections alone gives inspections alone, as before frameworks and
    scales were read back; pick a kind out with ``isinstance``.

    *directory* holds ``inspections`` and, where there are any, ``graded_areas``, ``findings``,
    ``evidence`` and ``finding_updates``, each as ``.csv`` or ``.parquet``. Rows belong to an
    inspection by ``inspection_id`` (and evidence to a finding by ``finding_id``), in the order
    of the files. A grade is read from ``judgment`` and ``scale`` as a person writes it
    (``"requires improvement"``); with no ``judgment_type``, a judgment is a grade; with no
    ``scale``, the inspection's one scale. Each inspection is then checked as
    :func:`~inspectlib.load` checks a document. A CSV file may be UTF-8, with or without a byte
    order mark, or Windows-1252, as spreadsheets save it (Excel's "CSV (Comma delimited)" in
    the UK); the encoding is found as the importers of :mod:`inspectlib.sources` find it.

    A commission is read from ``commissions`` and, where it has any, ``questions``, ``parts``
    and ``deliverables`` (a deliverable belongs to its commission's part by ``part``): the
    columns ``commission_id``, ``title`` and ``commissioned``, a question's
    ``number`` and ``text``, a part's ``part``, ``title`` and ``status``, a deliverable's
    ``kind`` and ``inspection_id``; every other field is in the row's ``other_fields``, and a
    column that only shows it (``lead``, ``scope``, ``document_title``...) must agree with it.

    A grading scale is read from ``scales`` and its rows of ``grades``: its labels are the
    grades' ``label``, ordered by ``grade_rank`` (0 the worst); ``grades`` and a grade's ``key``
    only show them. A framework is read from ``frameworks`` and its rows of
    ``framework_areas``: every column is read (flags as ``TRUE`` or ``FALSE``, lists of values
    as ``"a; b"``), and its ``scales`` name its scales by id, found among the scales of the
    tables or else in the catalogue. Frameworks and scales in *directory* whose ids the
    catalogue does not hold join it for reading the inspections and commissions there; one
    whose id it holds is returned as the tables have it, and the records are read against the
    catalogue's own; a new framework on a scale that differs from the catalogue's under the
    same id is an error, since no catalogue can hold both. Every table keeps what has no column
    in ``other_fields``.

    Raises:
        ValidationError: With every problem of every table, each located as
            ``FILE:ROW:COLUMN`` (a CSV file's rows numbered as a spreadsheet shows them, the
            header being row 1; a Parquet file's from 1), and the message saying which part of
            which record it is. A CSV file in neither encoding is one problem, naming it.

    .. versionadded:: 0.1.0
    """
    folder = Path(directory)
    catalogue = catalogue_or_builtin(catalogue)
    problems: list[Problem] = []
    files = table_files(folder)
    skipped: dict[str, None] = {}
    known: tuple[Record, ...] = ()
    if any(name in files for name in CATALOGUE_TABLES):
        # First: the frameworks and scales of the tables may be what the other records need.
        catalogue_tables = {
            name: _Table(name, files.get(name), problems) for name in CATALOGUE_TABLES
        }
        frameworks, scales, catalogue = read_catalogue_tables(
            catalogue_tables, catalogue, problems, skipped
        )
        known = (*frameworks, *scales)
    views = {name: _Table(name, files.get(name), problems) for name in VIEWS}
    records: list[Record] = [*read_inspections(files, views, catalogue, problems, skipped)]
    if any(name in files for name in COMMISSION_TABLES):
        commission_tables = {
            name: _Table(name, files.get(name), problems) for name in COMMISSION_TABLES
        }
        records.extend(read_commissions(commission_tables, views, catalogue, problems, skipped))
    if problems:
        raise ValidationError(f"tables in {folder}", problems, skipped=skipped)
    return (*records, *known)
