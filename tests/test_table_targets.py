"""Where tables are written: the year partition of a date known only in part, and folders that
hold files already."""

from __future__ import annotations

import pathlib

import attrs
import pytest

import inspectlib as il
from inspectlib._cli import main
from inspectlib._tables import write_csv

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")


def _convert(*arguments: str) -> int:
    return main(["convert", *arguments])


# The year of a date known only in part ---------------------------------------------------------


def test_a_no_later_than_publication_date_has_no_year(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ratings = tmp_path / "ratings.jsonl"
    assert 0 == main(["import", "fhrs", "sample:fhrs", "-o", str(ratings), "--quiet"])
    published = {str(record.published) for record in il.load_lines(ratings)}  # type: ignore[union-attr]
    assert {"../2026-08-19"} == published  # "rated by 19 August 2026": the year is not known
    capsys.readouterr()

    assert 0 == _convert(
        str(ratings), str(tmp_path / "pq"), "--to", "parquet", "--partition-by", "year"
    )

    folders = sorted(path.name for path in (tmp_path / "pq" / "inspections").iterdir())
    assert ["year=__HIVE_DEFAULT_PARTITION__"] == folders
    found = duckdb.sql(
        f"""
        SELECT year, count(*) FROM read_parquet(
            '{tmp_path}/pq/inspections/*/*.parquet', hive_partitioning = true
        ) GROUP BY year
        """
    ).fetchall()
    assert [(None, 4)] == found


def test_a_year_is_the_one_both_bounds_of_a_date_share(
    seed: il.Inspection, commission: il.CommissionedInspection, tmp_path: pathlib.Path
) -> None:
    dated = {
        "example/quarter": il.PartialDate.parse("2025-Q2"),
        "example/by-year": il.PartialDate.parse("by the end of 2023"),
        "example/winter": il.PartialDate.parse("winter 2024"),  # December 2024 to February 2025
    }
    records: list[il.Record] = [
        attrs.evolve(seed, id=ident, published=when) for ident, when in dated.items()
    ]
    records.append(attrs.evolve(commission, commissioned=il.PartialDate.parse("winter 2024")))

    il.tables.write_parquet_dataset(records, tmp_path / "ds", partition_by="year")

    def years(table: str) -> list[tuple[object, ...]]:
        found: list[tuple[object, ...]] = duckdb.sql(
            f"""
            SELECT year, count(*) FROM read_parquet(
                '{tmp_path}/ds/{table}/*/*.parquet', hive_partitioning = true
            ) GROUP BY year ORDER BY year NULLS LAST
            """
        ).fetchall()
        return found

    assert [(2025, 1), (None, 2)] == years("inspections")
    assert [(None, 1)] == years("commissions")


# Folders that hold files already ---------------------------------------------------------------


def test_convert_to_parquet_twice_says_the_folder_is_used(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pq"
    assert 0 == _convert("sample:gmp-child-protection-2024", str(target), "--to", "parquet")
    capsys.readouterr()

    assert 1 == _convert("sample:gmp-child-protection-2024", str(target), "--to", "parquet")

    assert (
        f"inspectlib: {target}: not an empty directory; write the tables to a new or empty one\n"
        == capsys.readouterr().err
    )


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_convert_into_a_file_says_it_is_a_file(
    form: str, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "afile"
    target.write_text("mine")

    assert 1 == _convert("sample:gmp-child-protection-2024", str(target), "--to", form)

    assert (
        f"inspectlib: {target}: a file, not a directory; write the tables to a new or empty "
        "directory\n" == capsys.readouterr().err
    )
    assert "mine" == target.read_text()


def test_convert_to_csv_refuses_a_folder_holding_tables_of_another_corpus(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ratings = tmp_path / "ratings.jsonl"
    assert 0 == main(["import", "fhrs", "sample:fhrs", "-o", str(ratings), "--quiet"])
    target = tmp_path / "tables"
    assert 0 == _convert("sample:gmp-child-protection-2024", str(target), "--to", "csv")
    before = {path.name: path.read_bytes() for path in target.iterdir()}
    capsys.readouterr()

    assert 1 == _convert(str(ratings), str(target), "--to", "csv")

    assert (
        f"inspectlib: {target}: not an empty directory; write the tables to a new or empty one\n"
        == capsys.readouterr().err
    )
    assert before == {path.name: path.read_bytes() for path in target.iterdir()}


def test_the_table_writers_raise_a_typed_error(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    (tmp_path / "old.txt").write_text("x")

    for write in (il.tables.write_parquet_dataset, write_csv):
        with pytest.raises(il.errors.OutputExistsError) as caught:
            write([seed], tmp_path)
        assert isinstance(caught.value, FileExistsError)
        assert f"{tmp_path}: not an empty directory; write the tables to a new or empty one" == str(
            caught.value
        )
    # An empty folder is written to.
    (tmp_path / "old.txt").unlink()
    assert write_csv([seed], tmp_path)


@pytest.mark.parametrize("writer", ["to_csv", "to_parquet"])
def test_the_in_memory_writers_refuse_a_used_folder_as_the_streaming_ones_do(
    writer: str, seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    tidy = il.tables.tables([seed])
    written = getattr(tidy, writer)(tmp_path / "tables")
    before = {path: path.read_bytes() for path in written}

    with pytest.raises(il.errors.OutputExistsError) as caught:
        getattr(tidy, writer)(tmp_path / "tables")

    assert (
        f"{tmp_path / 'tables'}: not an empty directory; write the tables to a new or empty one"
        == str(caught.value)
    )
    assert before == {path: path.read_bytes() for path in (tmp_path / "tables").iterdir()}
    (tmp_path / "afile").write_text("mine")
    with pytest.raises(il.errors.OutputExistsError, match="a file, not a directory"):
        getattr(tidy, writer)(tmp_path / "afile")
    # An empty folder is written to.
    (tmp_path / "empty").mkdir()
    assert getattr(tidy, writer)(tmp_path / "empty")
