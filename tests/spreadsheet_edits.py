"""Edits made to tables as a person makes them in a spreadsheet, for the tests of reading tables
back."""

from __future__ import annotations

import csv
import pathlib


def edit(path: pathlib.Path, row: int, column: str, value: str) -> None:
    """Change one cell of a CSV file, *row* numbered as a spreadsheet does (1 the header)."""
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
