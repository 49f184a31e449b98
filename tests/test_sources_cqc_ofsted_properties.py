"""Properties of the CQC and Ofsted importers over mutated fixtures and round trips.

Whatever a fixture is mutated into (an unknown rating, a broken date, a value of the wrong JSON
type, a missing column or key), reading it yields valid records and :class:`SourceError`\\ s
that say where, and never raises anything else. And whatever is read writes to JSON Lines and
reads back equal, with every source field the model does not type kept in ``extensions``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
from inspectlib.sources import SourceError, cqc, ofsted

FIXTURES = Path(__file__).parent / "fixtures"
CSV_FIXTURES = sorted((FIXTURES / "ofsted").glob("*.csv")) + sorted(
    (FIXTURES / "cqc").glob("*.csv")
)
JSON_FIXTURES = sorted((FIXTURES / "cqc").glob("location_*.json"))

# Values a publisher might send that the importers do not know, or that break a format.
BAD_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            "NULL",
            "0",
            "5",
            "7",
            "10",
            "Brilliant",
            "Requires Improvement",
            "Not judged",
            "31/02/2024",
            "2024-13-01",
            "1/1/2024",
            "01/01/24",
            "yes",
            "Y",
            "ITS",
            "١٢٣٤٥٦",
            "Good ",
            " ",
        ]
    ),
    st.text(max_size=12),
)
BAD_JSON = st.one_of(
    BAD_TEXT,
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def read_csv(path: Path) -> tuple[list[list[str]], str]:
    data = path.read_bytes()
    encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "cp1252"
        text = data.decode(encoding)
    return list(csv.reader(io.StringIO(text, newline=""))), encoding


def write_csv(rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def importer(path: Path) -> Any:
    return cqc if path.parent.name == "cqc" else ofsted


def assert_only_located_errors(module: Any, data: bytes) -> None:
    errors: list[SourceError] = []
    records = list(module.read(io.BytesIO(data), errors=errors))
    for record in records:
        assert () == il.check(record)
    for error in errors:
        assert isinstance(error, SourceError)
        assert error.file == "<stream>"
        assert error.item
        for problem in error.problems:
            if problem.value is not None:
                assert problem.field is not None  # a bad value is named with its field
    # Without errors=, the first bad item raises a SourceError, and nothing else.
    try:
        list(module.read(io.BytesIO(data)))
    except SourceError:
        assert errors
    else:
        assert not errors


@pytest.mark.parametrize("path", CSV_FIXTURES, ids=lambda path: path.name)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_csv_value_gives_located_errors_only(path: Path, data: st.DataObject) -> None:
    rows, encoding = read_csv(path)
    header = next(
        i
        for i, row in enumerate(rows)
        if "URN" in row or "Location ID" in row or "Local authority name" in row
    )
    row = data.draw(st.integers(header + 1, len(rows) - 1), label="row")
    column = data.draw(st.integers(0, len(rows[row]) - 1), label="column")
    rows[row][column] = data.draw(BAD_TEXT, label="value")

    assert_only_located_errors(importer(path), write_csv(rows, encoding))


@pytest.mark.parametrize("path", CSV_FIXTURES, ids=lambda path: path.name)
@given(data=st.data())
def test_a_missing_csv_column_gives_located_errors_only(path: Path, data: st.DataObject) -> None:
    rows, encoding = read_csv(path)
    header = next(
        i
        for i, row in enumerate(rows)
        if "URN" in row or "Location ID" in row or "Local authority name" in row
    )
    column = data.draw(st.integers(0, len(rows[header]) - 1), label="column")
    rows = [row[:column] + row[column + 1 :] if i >= header else row for i, row in enumerate(rows)]

    assert_only_located_errors(importer(path), write_csv(rows, encoding))


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a JSON document, containers included."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(leaves(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(leaves(item, (*path, index)))
    return found


@pytest.mark.parametrize("path", JSON_FIXTURES, ids=lambda path: path.name)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_payload_gives_located_errors_only(path: Path, data: st.DataObject) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(leaves(document)), label="path")
    *parents, last = where
    node = document
    for step in parents:
        node = node[step]
    if data.draw(st.booleans(), label="delete") and isinstance(node, dict):
        del node[last]
    else:
        node[last] = data.draw(BAD_JSON, label="value")

    assert_only_located_errors(cqc, json.dumps(document).encode())


# Round trips ------------------------------------------------------------------------------------


ALL_FIXTURES = [
    *CSV_FIXTURES,
    *JSON_FIXTURES,
    FIXTURES / "cqc" / "locations.jsonl",
    *sorted(FIXTURES.glob("*/*.ods")),
]


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda path: path.name)
def test_import_dump_load_gives_equal_records(path: Path) -> None:
    records = list(importer(path).read(path))
    buffer = io.BytesIO()
    il.dump_lines(records, buffer)
    buffer.seek(0)

    assert records
    assert records == list(il.load_lines(buffer))


@pytest.mark.parametrize(
    "path", [p for p in CSV_FIXTURES if p.parent.name == "ofsted"], ids=lambda p: p.name
)
def test_every_ofsted_cell_lands_in_a_record(path: Path) -> None:
    """Each non-empty cell of a row is found in the row's records, typed or kept."""
    rows, _ = read_csv(path)
    header_at = next(
        i for i, row in enumerate(rows) if "URN" in row or "Local authority name" in row
    )
    header = [cell.strip() for cell in rows[header_at]]
    records = list(ofsted.read(path))
    for row in rows[header_at + 1 :]:
        written = "\n".join(
            il.dumps(r)
            for r in records
            if row[header.index("URN" if "URN" in header else "Local authority name")]
            in il.dumps(r)
        )
        if not written:
            continue  # a school or authority not yet inspected: no record
        for column, cell in zip(header, row, strict=True):
            value = cell.strip()
            if value in ("", "NULL"):
                continue
            day = value.split("/")
            as_iso = "-".join(reversed(day)) if len(day) == 3 else None
            if column.startswith("Does the") and value in ("Yes", "No"):
                continue  # whether the school inspected is the row's own: told by the subject
            found = (
                json.dumps(value)[1:-1] in written
                or value == "Requires improvement to be good"  # the scale's alias of its label
                or (as_iso is not None and as_iso in written)
                or value.removeprefix("ITS") in written
                or value in ("1", "2", "3", "4")  # grades, written as their labels
                or value.casefold() in written.casefold().replace("_", " ")
            )
            assert found, (path.name, column, value)


# The command line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("publisher", "path", "count"),
    [
        ("ofsted", FIXTURES / "ofsted" / "schools_most_recent_2019_2024.csv", 4),
        ("ofsted", FIXTURES / "ofsted" / "ilacs_outcomes_2025.ods", 3),
        ("cqc", FIXTURES / "cqc" / "locations.jsonl", 11),
        ("cqc", FIXTURES / "cqc" / "latest_ratings_2026_09.csv", 2),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else str(value),
)
def test_inspectlib_import_writes_every_record(
    publisher: str, path: Path, count: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspectlib._cli import main

    out = tmp_path / "out.jsonl"

    assert 0 == main(["import", publisher, str(path), "-o", str(out)])
    assert count == len(list(il.load_lines(out)))
    assert capsys.readouterr().err.startswith(f"{count} records imported, 0 errors")


def test_inspectlib_import_exits_1_naming_the_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspectlib._cli import main

    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        (FIXTURES / "ofsted" / "ilacs_outcomes_2025.csv")
        .read_bytes()
        .replace(b"Outstanding,Outstanding", b"Brilliant,Outstanding")
    )

    assert 1 == main(["import", "ofsted", str(bad), "-o", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert f'{bad}:7: row at line 7: $["Overall effectiveness"]: ' in err
    assert "'Brilliant' is not an Ofsted children's services judgement" in err
    assert "2 records imported, 1 error" in err
