"""Tidy tables of every record kind, one grade order in every backend, Parquet round trips, the
way back from edited tables, and Parquet datasets that DuckDB and Polars query as they are."""

from __future__ import annotations

import csv
import datetime
import json
import pathlib
import subprocess
import sys
import textwrap
from typing import Any

import attrs
import pytest

import inspectlib as il
from inspectlib._cli import main
from inspectlib._tables import TABLE_NAMES, write_csv
from inspectlib.scales import HMICFRS_FIVE_POINT
from spreadsheet_edits import edit

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
duckdb = pytest.importorskip("duckdb")

WORST_FIRST = ["Inadequate", "Requires improvement", "Adequate", "Good", "Outstanding"]


# Every record kind -------------------------------------------------------------------------


def test_a_commission_has_rows_for_its_questions_parts_expectations_and_deliverables(
    commission: il.CommissionedInspection,
) -> None:
    tidy = il.tables.tables([commission])

    assert (
        "related",
        "commissions",
        "questions",
        "parts",
        "expectations",
        "deliverables",
    ) == tidy.names()
    row = tidy.commissions[0]
    assert (commission.id, "Mayor of Greater Manchester", "2024-07-10", 1) == (
        row["commission_id"],
        row["commissioner"],
        row["commissioned"],
        row["parts"],
    )
    assert [1, 2, 3] == [question["number"] for question in tidy.questions]
    part = tidy.parts[0]
    assert ("published", "2025-06", datetime.date(2025, 7, 3), "1; 2; 3") == (
        part["status"],
        part["expected"],
        part["published"],
        part["scope"],
    )
    assert [("2025-06", "2024-12-13", True)] == [
        (row["expected"], row["announced"], row["in_force"]) for row in tidy.expectations
    ]
    assert len(commission.parts[0].deliverables) == len(tidy.deliverables)


def test_frameworks_and_scales_have_rows_of_their_own() -> None:
    framework = il.catalogue.BUILTIN.framework("hmicfrs/ncpi/2024")

    tidy = il.tables.tables([framework, HMICFRS_FIVE_POINT])

    assert ("frameworks", "framework_areas", "scales", "grades") == tidy.names()
    assert "hmicfrs/five-point" == tidy.frameworks[0]["scales"]
    assert [area.key for area in framework.areas] == [row["key"] for row in tidy.framework_areas]
    assert 1 == len(tidy.rows("scales"))  # given twice, listed once
    assert [(0, "inadequate", "Inadequate"), (4, "outstanding", "Outstanding")] == [
        (row["grade_rank"], row["key"], row["label"]) for row in tidy.grades[::4]
    ]


def test_convert_a_commission_to_csv_writes_its_rows(tmp_path: pathlib.Path) -> None:
    code = main(["convert", "sample:gmp-cse-commission-2024", str(tmp_path), "--to", "csv"])

    assert 0 == code
    with (tmp_path / "parts.csv").open(encoding="utf-8") as stream:
        parts = list(csv.DictReader(stream))
    assert [("1", "Inspection and final report", "2025-07-03")] == [
        (row["part"], row["title"], row["published"]) for row in parts
    ]
    assert not (tmp_path / "inspections.csv").exists()


def test_extensions_get_columns_when_asked(seed: il.Inspection) -> None:
    marked = attrs.evolve(
        seed, extensions={"ofsted:urn": 123456, "ofsted:phase": {"primary": True}}
    )

    tidy = il.tables.tables([marked, seed], extensions=["ofsted:urn", "ofsted:phase"])

    assert ("ofsted:urn", "ofsted:phase") == tidy.columns("inspections")[-2:]
    assert [(123456, '{"primary":true}'), (None, None)] == [
        (row["ofsted:urn"], row["ofsted:phase"]) for row in tidy.inspections
    ]
    assert "ofsted:urn" not in tidy.columns("evidence")
    assert pa.int64() == tidy.to_arrow()["inspections"].schema.field("ofsted:urn").type


def test_an_extension_named_like_a_column_is_refused(seed: il.Inspection) -> None:
    with pytest.raises(ValueError) as caught:
        il.tables.tables([seed], extensions=["title"])

    assert "extension key 'title' is the name of a column" == str(caught.value)


# One grade order ---------------------------------------------------------------------------


def test_grade_rank_and_ordered_grades_run_the_same_way_in_every_backend(
    seed: il.Inspection,
) -> None:
    tidy = il.tables.tables([seed])
    ranks = [row["grade_rank"] for row in tidy.graded_areas]

    areas = tidy.to_pandas()["graded_areas"]
    assert WORST_FIRST == list(areas["judgment"].cat.categories)
    assert ranks == list(areas["judgment"].cat.codes)

    polars_areas = tidy.to_polars()["graded_areas"]
    assert pl.Enum(WORST_FIRST) == polars_areas.schema["judgment"]
    assert ranks == polars_areas["judgment"].to_physical().to_list()

    arrow = tidy.to_arrow()["graded_areas"]
    judgment: Any = arrow.schema.field("judgment")
    grades: Any = arrow.column("judgment").chunk(0)  # a DictionaryArray
    assert judgment.type.ordered
    assert WORST_FIRST == grades.dictionary.to_pylist()
    assert ranks == grades.indices.to_pylist()
    assert b"hmicfrs/five-point" == judgment.metadata[b"inspectlib:scale"]
    assert arrow.schema.metadata is not None
    assert {"hmicfrs/five-point": WORST_FIRST} == json.loads(
        arrow.schema.metadata[b"inspectlib:scales"]
    )
    # Greater is better, in every one of them.
    best = max(tidy.graded_areas, key=lambda row: row["grade_rank"])
    assert best["judgment"] == areas["judgment"].max() == polars_areas["judgment"].max()


def test_a_carried_forward_grade_keeps_its_place_on_the_scale(rich: il.Inspection) -> None:
    arrow = il.tables.tables([rich]).to_arrow()["graded_areas"]

    rows = arrow.select(["judgment", "judgment_type", "grade_rank"]).to_pylist()[:3]

    assert [
        {"judgment": "Good", "judgment_type": "grade", "grade_rank": 3},
        {"judgment": "Adequate", "judgment_type": "carried_forward", "grade_rank": 2},
        {"judgment": None, "judgment_type": "ungraded", "grade_rank": None},
    ] == rows


def test_a_parquet_round_trip_keeps_the_order(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    il.tables.tables([seed]).to_parquet(tmp_path)
    path = tmp_path / "graded_areas.parquet"

    arrow = pq.read_table(path)
    assert arrow.schema.field("judgment").type.ordered
    assert WORST_FIRST == arrow.column("judgment").chunk(0).dictionary.to_pylist()

    frame = pd.read_parquet(path)
    assert frame["judgment"].cat.ordered
    assert WORST_FIRST == list(frame["judgment"].cat.categories)
    assert "Good" == frame["judgment"].max()

    polars_frame = pl.read_parquet(path)
    assert pl.Enum(WORST_FIRST) == polars_frame.schema["judgment"]
    assert ["Adequate", "Adequate", "Adequate", "Good", "Good"] == polars_frame.sort("judgment")[
        "judgment"
    ].to_list()


def test_duckdb_reads_grades_as_text_and_orders_them_by_rank(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    # What the DuckDB how-to says: order by grade_rank, not by the label's text.
    il.tables.tables([seed]).to_parquet(tmp_path)
    path = tmp_path / "graded_areas.parquet"

    (kind,) = duckdb.sql(f"SELECT DISTINCT typeof(judgment) FROM '{path}'").fetchall()
    by_rank = duckdb.sql(f"SELECT judgment FROM '{path}' ORDER BY grade_rank, key").fetchall()

    assert ("VARCHAR",) == kind
    assert ["Adequate"] * 3 + ["Good"] * 2 == [label for (label,) in by_rank]
    ranks = [WORST_FIRST.index(label) for (label,) in by_rank]
    assert sorted(ranks) == ranks


def test_dates_are_dates_in_every_backend(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    tidy = il.tables.tables([seed])
    day = datetime.date(2024, 12, 13)

    assert pa.date32() == tidy.to_arrow()["inspections"].schema.field("published").type
    frame = tidy.to_pandas()["inspections"]
    assert "date32[day][pyarrow]" == str(frame["published"].dtype)
    assert day == frame["published"][0]
    assert pl.Date == tidy.to_polars()["inspections"].schema["published"]
    tidy.to_parquet(tmp_path)
    assert day == pd.read_parquet(tmp_path / "inspections.parquet")["published"][0]


def test_the_table_api_is_typed(tmp_path: pathlib.Path) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    program = tmp_path / "uses_tables.py"
    program.write_text(
        textwrap.dedent(
            """
            import pandas
            import polars
            import pyarrow

            import inspectlib as il

            tidy = il.tables.tables([il.sample("gmp-child-protection-2024")])
            frame: pandas.DataFrame = tidy.to_pandas()["graded_areas"]
            polars_frame: polars.DataFrame = tidy.to_polars()["findings"]
            arrow: pyarrow.Table = tidy.to_arrow()["evidence"]
            name: il.tables.TableName = "graded_areas"
            rows = tidy.rows(name)
            records: tuple[il.Record, ...] = il.tables.read_tables("tables")
            frameworks = [r.areas for r in records if isinstance(r, il.frameworks.Framework)]
            tidy.rows("graded_area")
            reveal_type(tidy.to_pandas())
            """
        )
    )

    out, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)]
    )

    assert 1 == status, out
    errors = [line for line in out.splitlines() if ": error:" in line or ": note:" in line]
    assert 2 == len(errors), out
    assert (
        'Argument 1 to "rows" of "Tables" has incompatible type "Literal[\'graded_area\']"'
        in (errors[0])
    )
    assert (
        "Revealed type is \"dict[Literal['inspections'] | Literal['graded_areas'] |" in (errors[1])
    )
    assert "pandas.core.frame.DataFrame]" in errors[1]


# The way back ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_tables_read_back_into_the_same_records(
    form: str, seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    final = il.sample("gmp-cse-final-report-2025")
    tidy = il.tables.tables([seed, rich, final])
    tidy.to_csv(tmp_path) if form == "csv" else tidy.to_parquet(tmp_path)

    assert (seed, rich, final) == il.tables.read_tables(tmp_path)


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_commissions_read_back_into_the_same_records(
    form: str, seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    sampled = il.sample("gmp-cse-commission-2024")
    assert isinstance(sampled, il.CommissionedInspection)
    assert sampled.terms_of_reference  # every table has rows
    assert sampled.parts[0].deliverables
    tidy = il.tables.tables([sampled, seed])
    tidy.to_csv(tmp_path) if form == "csv" else tidy.to_parquet(tmp_path)

    assert (seed, sampled) == il.tables.read_tables(tmp_path)


def test_a_commissions_problems_are_located_by_file_row_and_column(tmp_path: pathlib.Path) -> None:
    sampled = il.sample("gmp-cse-commission-2024")
    assert isinstance(sampled, il.CommissionedInspection)
    il.tables.tables([sampled]).to_csv(tmp_path)
    edit(tmp_path / "parts.csv", 2, "status", "finished")
    edit(tmp_path / "questions.csv", 3, "number", "two")
    edit(tmp_path / "parts.csv", 2, "scope", "1; 2")
    edit(tmp_path / "deliverables.csv", 3, "part", "7")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert [
        ("questions.csv:3:number", "expected a whole number, got 'two'"),
        ("deliverables.csv:3:part", "no part '7' in commission " + repr(sampled.id)),
    ] == [(problem.path, problem.message) for problem in caught.value.problems]

    edit(tmp_path / "questions.csv", 3, "number", "2")
    edit(tmp_path / "deliverables.csv", 3, "part", "1")
    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)
    assert [
        (
            "parts.csv:2:status",
            "'finished' is not one of: planned, in_progress, published, withdrawn, superseded "
            f"($.parts[0].status of commission {sampled.id!r})",
        ),
    ] == [(problem.path, problem.message) for problem in caught.value.problems]

    edit(tmp_path / "parts.csv", 2, "status", sampled.parts[0].status.value)
    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)
    assert [
        (
            "parts.csv:2:scope",
            "'1; 2' is not '1; 2; 3', which this column shows of other_fields: edit that "
            "instead, or empty this cell",
        ),
    ] == [(problem.path, problem.message) for problem in caught.value.problems]


def test_a_hand_edited_grade_comes_back_validated(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)
    edit(tmp_path / "graded_areas.csv", 4, "judgment", "requires improvement")
    edit(tmp_path / "graded_areas.csv", 4, "grade_rank", "")

    (back,) = il.tables.read_tables(tmp_path)

    assert isinstance(back, il.Inspection)
    assert HMICFRS_FIVE_POINT.parse("Requires improvement") == back.graded_areas[2].judgment
    assert seed.graded_areas[3:] == back.graded_areas[3:]


def test_every_problem_of_the_tables_is_located_by_file_row_and_column(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)
    areas, findings, evidence = (
        tmp_path / f"{name}.csv" for name in ("graded_areas", "findings", "evidence")
    )
    edit(areas, 2, "judgment", "Goood")
    edit(areas, 3, "key", "leadership")
    edit(areas, 5, "grade_rank", "4")
    edit(findings, 2, "kind", "area for improvement")
    edit(evidence, 2, "count", "twelve")
    edit(evidence, 3, "inspection_id", "hmicfrs/ncpi/2024/greater-manchster")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    ident = seed.id
    assert [
        (
            "evidence.csv:3:inspection_id",
            "no inspection 'hmicfrs/ncpi/2024/greater-manchster' in inspections.csv; did you "
            f"mean {ident!r}?",
        ),
        (
            "graded_areas.csv:2:judgment",
            "'Goood' is not a grade of scale 'hmicfrs/five-point'; valid grades: Outstanding, "
            "Good, Adequate, Requires improvement, Inadequate; did you mean 'Good'?",
        ),
        ("evidence.csv:2:count", "expected a whole number, got 'twelve'"),
    ] == [(problem.path, problem.message) for problem in caught.value.problems]
    # The cells that could be read are checked once those are fixed.
    edit(areas, 2, "judgment", "Good")
    edit(evidence, 2, "count", "12")
    edit(evidence, 3, "inspection_id", ident)

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert [
        (
            "findings.csv:2:kind",
            "'area for improvement' is not one of: strength, area_for_improvement, "
            "cause_of_concern, recommendation, innovative_practice, promising_practice; did you "
            f"mean 'area_for_improvement'? ($.findings[0].kind of inspection {ident!r})",
        ),
    ] == [(problem.path, problem.message) for problem in caught.value.problems]
    # The rules that need a whole record wait for it, and the error says so.
    assert "area keys are unique" in caught.value.skipped
    assert "columns that show other cells agree with them" in caught.value.skipped
    edit(findings, 2, "kind", "area_for_improvement")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert (
        "graded_areas.csv:3:key",
        f"duplicate area key 'leadership' (first at $.graded_areas[0]) "
        f"($.graded_areas[1].key of inspection {ident!r})",
    ) == (caught.value.problems[0].path, caught.value.problems[0].message)
    # and what the framework says of that row, and of the area now missing.
    assert ["graded_areas.csv:3:key", "graded_areas.csv:3:topic", "graded_areas.csv"] == [
        problem.path for problem in caught.value.problems
    ]
    edit(areas, 3, "key", "partnership_working")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert [
        (
            "graded_areas.csv:5:grade_rank",
            "'4' is not '2', which this column shows of judgment and scale: edit that instead, "
            "or empty this cell",
        )
    ] == [(problem.path, problem.message) for problem in caught.value.problems]


def test_unknown_columns_and_missing_tables_are_named(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)
    text = (tmp_path / "findings.csv").read_text(encoding="utf-8")
    (tmp_path / "findings.csv").write_text(text.replace(",text,", ",txt,", 1), encoding="utf-8")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert ("findings.csv:1:txt", "unknown column; did you mean 'text'?") == (
        caught.value.problems[0].path,
        caught.value.problems[0].message,
    )
    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path / "nowhere")
    assert (
        "no table of records: inspections, commissions, frameworks or scales "
        "(inspections.csv or inspections.parquet, and so on)"
    ) == caught.value.problems[0].message


# Parquet datasets, DuckDB and Polars -------------------------------------------------------


def forces(seed: il.Inspection, rich: il.Inspection) -> list[il.Inspection]:
    """Inspections of three forces over two years, some findings followed up."""
    made = []
    for year in (2023, 2024):
        for name in ("Avon Police", "Kent Police", "Essex Police"):
            made.append(
                attrs.evolve(
                    seed,
                    id=f"example/{year}/{name.split()[0].lower()}",
                    subjects=[il.Organisation(name=name, kind=il.OrganisationKind.POLICE_FORCE)],
                    published=datetime.date(year, 12, 13),
                )
            )
    follow_up = attrs.evolve(
        made[3],
        id="example/2025/avon-review",
        published=datetime.date(2025, 6, 1),
        findings=[],
        related=[il.RelatedReport(relation=il.Relation.FOLLOWS_UP, target=made[0].id)],
        finding_updates=[
            il.FindingUpdate(
                inspection=made[0].id,
                finding=finding.id,
                status=il.FindingStatus.ADDRESSED,
                date=il.PartialDate.of_month(2025, 6),
            )
            for finding in made[0].findings
        ],
    )
    return [*made, follow_up, rich]


def test_a_dataset_partitioned_by_inspectorate_is_queried_by_duckdb(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    records = forces(seed, rich)
    dataset = il.tables.write_parquet_dataset(
        iter(records), tmp_path / "ds", partition_by="year", batch_size=3
    )

    assert len(records) == dataset.records
    assert (tmp_path / "ds" / "graded_areas" / "year=2024" / "part-0.parquet").exists()
    root = tmp_path / "ds"

    def table(name: str) -> str:
        return f"read_parquet('{root}/{name}/**/*.parquet', hive_partitioning = true)"

    # Grades per area, in the scale's order: best first by grade_rank, whatever the labels.
    grades = duckdb.sql(
        f"""
        SELECT key, judgment, count(*) AS inspections
        FROM {table("graded_areas")}
        WHERE judgment_type = 'grade' AND scale = 'hmicfrs/five-point' AND year = 2024
        GROUP BY key, judgment, grade_rank
        ORDER BY key, grade_rank DESC
        """
    ).fetchall()
    assert [
        ("initial_response", "Adequate", 3),
        ("investigation", "Adequate", 3),
        ("leadership", "Good", 3),
        ("partnership_working", "Good", 3),
        ("risk_assessment_and_referral", "Adequate", 3),
    ] == grades

    # Open findings by force: those no later report says were addressed.
    open_findings = duckdb.sql(
        f"""
        SELECT i.subjects AS force, count(*) AS open
        FROM {table("findings")} f JOIN {table("inspections")} i USING (inspection_id)
        WHERE NOT EXISTS (
            SELECT 1 FROM {table("finding_updates")} u
            WHERE u.about_inspection = f.inspection_id AND u.finding_id = f.finding_id
            AND u.status IN ('addressed', 'superseded')
        )
        GROUP BY force ORDER BY force
        """
    ).fetchall()
    per_inspection = len(seed.findings)
    assert [
        ("Avon Police", per_inspection),
        ("Essex Police", 2 * per_inspection),
        ("Kent Police", 2 * per_inspection),
        ("Somewhere Police; Somewhere Council", len(rich.findings)),
    ] == open_findings


def test_a_dataset_is_scanned_lazily_by_polars(
    seed: il.Inspection, rich: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.write_parquet_dataset(
        forces(seed, rich), tmp_path, partition_by="inspectorate", batch_size=2
    )

    lazy = pl.scan_parquet(tmp_path / "graded_areas" / "**" / "*.parquet", hive_partitioning=True)
    counts = (
        lazy.filter(pl.col("judgment_type") == "grade")
        .group_by("inspectorate", "judgment", "grade_rank")
        .agg(pl.len().alias("areas"))
        .sort("grade_rank", descending=True)
        .collect()
    )

    grades = [
        row
        for row in il.tables.tables(forces(seed, rich)).graded_areas
        if row["judgment_type"] == "grade"
    ]
    expected = [
        ("HMICFRS", label, rank, sum(1 for row in grades if row["judgment"] == label))
        for label, rank in (("Good", 3), ("Adequate", 2))
    ]
    assert expected == counts.rows()
    schema = pq.read_schema(next((tmp_path / "graded_areas").rglob("*.parquet")))
    assert WORST_FIRST == json.loads(schema.metadata[b"inspectlib:scales"])["hmicfrs/five-point"]


def test_a_dataset_needs_an_empty_directory_and_a_known_partition(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(il.errors.OutputExistsError) as caught:
        il.tables.write_parquet_dataset([seed], tmp_path)
    assert f"{tmp_path}: not an empty directory; write the tables to a new or empty one" == str(
        caught.value
    )

    with pytest.raises(ValueError) as refused:
        il.tables.write_parquet_dataset([seed], tmp_path / "new", partition_by="force")  # type: ignore[arg-type]
    assert "cannot partition by 'force': partition by inspectorate or year" == str(refused.value)


@pytest.fixture
def every_kind(
    seed: il.Inspection, rich: il.Inspection, commission: il.CommissionedInspection
) -> list[il.Record]:
    """Inspections of several forces and years, a commission, a framework and a scale."""
    framework = il.catalogue.BUILTIN.framework("hmicfrs/ncpi/2024")
    return [*forces(seed, rich), commission, framework, HMICFRS_FIVE_POINT]


def test_every_table_with_the_partition_column_is_partitioned(
    every_kind: list[il.Record], commission: il.CommissionedInspection, tmp_path: pathlib.Path
) -> None:
    records = every_kind
    framework = il.catalogue.BUILTIN.framework("hmicfrs/ncpi/2024")

    il.tables.write_parquet_dataset(
        records, tmp_path / "ds", partition_by="inspectorate", batch_size=2
    )
    il.tables.write_parquet_dataset(records, tmp_path / "years", partition_by="year", batch_size=2)

    def table(name: str, root: pathlib.Path = tmp_path / "ds") -> str:
        return f"read_parquet('{root}/{name}/**/*.parquet', hive_partitioning = true)"

    # A commission's rows are in its lead inspectorate's folder, every table of them.
    parts = duckdb.sql(
        f"""
        SELECT c.inspectorate, p.part, p.title, count(e.position) AS expectations
        FROM {table("commissions")} c
        JOIN {table("parts")} p USING (commission_id, inspectorate)
        LEFT JOIN {table("expectations")} e
            ON e.record_id = c.commission_id AND e.part = p.part AND e.inspectorate = 'HMICFRS'
        GROUP BY ALL
        """
    ).fetchall()
    assert [("HMICFRS", 1, "Inspection and final report", 1)] == parts
    links = duckdb.sql(
        f"SELECT inspectorate, count(*) FROM {table('related')} GROUP BY ALL"
    ).fetchall()
    assert [("HMICFRS", len(il.tables.tables(records).related))] == links
    areas = duckdb.sql(
        f"""
        SELECT f.inspectorate, count(*) FROM {table("frameworks")} f
        JOIN {table("framework_areas")} a USING (framework_id, inspectorate) GROUP BY ALL
        """
    ).fetchall()
    assert [("HMICFRS", len(framework.areas))] == areas
    # The year a commission was made; a framework, in force over years, is in no year's folder.
    years = duckdb.sql(
        f"""
        SELECT year, count(*) FROM {table("questions", tmp_path / "years")} GROUP BY ALL
        """
    ).fetchall()
    assert [(2024, len(commission.terms_of_reference))] == years
    for root, partitioned in (
        (tmp_path / "ds", {"inspections", "related", "commissions", "frameworks"}),
        (tmp_path / "years", {"inspections", "related", "commissions", "deliverables"}),
    ):
        for name in partitioned:
            assert all("=" in path.parent.name for path in (root / name).rglob("*.parquet"))
    assert ["part-0.parquet"] == [path.name for path in (tmp_path / "ds" / "grades").iterdir()]
    assert ["part-0.parquet"] == [
        path.name for path in (tmp_path / "years" / "frameworks").iterdir()
    ]
    assert 1 == pq.read_table(tmp_path / "ds" / "scales").num_rows  # listed once


def test_csv_tables_are_written_a_batch_at_a_time_as_to_csv_writes_them(
    every_kind: list[il.Record], tmp_path: pathlib.Path
) -> None:
    records = every_kind
    whole = il.tables.tables(records).to_csv(tmp_path / "whole")

    streamed = write_csv(iter(records), tmp_path / "streamed", batch_size=1)

    assert [path.name for path in whole] == [path.name for path in streamed]
    for before, after in zip(whole, streamed, strict=True):
        assert before.read_bytes() == after.read_bytes(), after.name
    # No records: every table, header only, as to_csv writes them.
    assert len(TABLE_NAMES) == len(write_csv([], tmp_path / "empty"))


def test_convert_writes_a_parquet_dataset(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    lines = tmp_path / "in.jsonl"
    il.dump_lines([attrs.evolve(seed, id=f"example/{n}") for n in range(5)], lines)

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "inspectlib",
            "convert",
            str(lines),
            str(tmp_path / "out"),
            "--to",
            "parquet",
            "--partition-by",
            "inspectorate",
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert 0 == result.returncode, result.stderr
    assert f"5 records written to 5 Parquet files in {tmp_path / 'out'}\n" == result.stderr
    found = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{tmp_path}/out/findings/*/*.parquet')"
    ).fetchall()
    assert [(5 * len(seed.findings),)] == found


def test_partition_by_needs_parquet(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "convert",
            "sample:gmp-child-protection-2024",
            "out",
            "--to",
            "csv",
            "--partition-by",
            "year",
        ]
    )

    assert 1 == code
    assert "inspectlib: --partition-by applies to --to parquet only\n" == capsys.readouterr().err


# Dates as sources state them, judgment dates, links, expectations --------------------------


def test_stated_dates_links_and_expectations_have_columns(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    month = il.PartialDate.parse("2020-01")
    predecessor = il.Organisation(name="Old Provider", kind=il.OrganisationKind.CARE_PROVIDER)
    dated = attrs.evolve(
        seed,
        id="example/partial",
        published=month,
        framework=None,  # the framework takes no inherited ratings
        fieldwork=None,
        graded_areas=[
            attrs.evolve(
                seed.graded_areas[0], judged=datetime.date(2019, 11, 2), report="example/old"
            ),
            attrs.evolve(seed.graded_areas[1], judged=il.PartialDate.parse("2019")),
            attrs.evolve(
                seed.graded_areas[2],
                judgment=il.Inherited(
                    grade=HMICFRS_FIVE_POINT.parse("Good"), predecessor=predecessor
                ),
            ),
            *seed.graded_areas[3:],
        ],
        related=[
            il.RelatedReport(
                relation=il.Relation.EARLIER_INSPECTION,
                target="example/2014",
                title="The 2014 inspection",
                date=il.PartialDate.parse("2014"),
                url="https://example.org/2014",
            )
        ],
        expectations=[
            il.commissions.Expectation(
                expected=il.PartialDate.parse("2019-12"), announced=il.PartialDate.parse("2019-06")
            )
        ],
        responses=[],
        finding_updates=[],
    )
    tidy = il.tables.tables([dated])

    assert (None, "2020-01") == (
        tidy.inspections[0]["published"],
        tidy.inspections[0]["published_partial"],
    )
    assert [
        (datetime.date(2019, 11, 2), None, "example/old"),
        (None, "2019", None),
    ] == [(row["judged"], row["judged_partial"], row["report"]) for row in tidy.graded_areas[:2]]
    inherited = tidy.graded_areas[2]
    assert ("Good (inherited)", "inherited", "hmicfrs/five-point", 3) == (
        inherited["judgment"],
        inherited["judgment_type"],
        inherited["scale"],
        inherited["grade_rank"],
    )
    assert [
        {
            "record_id": "example/partial",
            "relation": "earlier_inspection",
            "target": "example/2014",
            "title": "The 2014 inspection",
            "date": None,
            "date_partial": "2014",
            "url": "https://example.org/2014",
        }
    ] == list(tidy.related)
    assert [("example/partial", None, "2019-12", True)] == [
        (row["record_id"], row["part"], row["expected"], row["in_force"])
        for row in tidy.expectations
    ]
    arrow = tidy.to_arrow()
    assert pa.date32() == arrow["graded_areas"].schema.field("judged").type
    assert pa.date32() == arrow["related"].schema.field("date").type
    assert "Good" == arrow["graded_areas"].column("judgment").to_pylist()[2]

    for form in ("csv", "parquet"):
        folder = tmp_path / form
        tidy.to_csv(folder) if form == "csv" else tidy.to_parquet(folder)
        assert (dated,) == il.tables.read_tables(folder)


def test_a_day_and_a_partial_date_in_one_row_is_refused(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)
    edit(tmp_path / "inspections.csv", 2, "published_partial", "2024-12")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert [
        (
            "inspections.csv:2:published_partial",
            "published gives a day already: give the day in published or a partial date in "
            "published_partial, not both",
        )
    ] == [(problem.path, problem.message) for problem in caught.value.problems]


def test_an_edit_to_a_table_that_only_shows_other_fields_is_reported(
    tmp_path: pathlib.Path,
) -> None:
    inspection = il.sample("gmp-child-protection-2024")
    assert isinstance(inspection, il.Inspection)
    il.tables.tables([inspection]).to_csv(tmp_path)
    edit(tmp_path / "related.csv", 2, "title", "Another title")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    title = inspection.related[0].title
    assert [
        (
            "related.csv:2:title",
            f"Another title: the record has {title!r}; related shows what "
            "inspections.csv:2:other_fields holds, edit it there",
        )
    ] == [(problem.path, problem.message) for problem in caught.value.problems]


def test_an_edit_to_a_parts_expectations_names_the_parts_row_that_holds_them(
    tmp_path: pathlib.Path,
) -> None:
    sampled = il.sample("gmp-cse-commission-2024")
    assert isinstance(sampled, il.CommissionedInspection)
    il.tables.tables([sampled]).to_csv(tmp_path)
    edit(tmp_path / "expectations.csv", 2, "expected", "2026-01")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    assert [
        (
            "expectations.csv:2:expected",
            "2026-01: the record has '2025-06'; expectations shows what "
            "parts.csv:2:other_fields holds, edit it there",
        )
    ] == [(problem.path, problem.message) for problem in caught.value.problems]


@pytest.mark.parametrize("raw", [False, True])
def test_text_a_spreadsheet_would_run_comes_back_as_it_was(
    raw: bool, seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    risky = attrs.evolve(
        seed,
        findings=[
            attrs.evolve(seed.findings[0], text='=HYPERLINK("https://example.org")'),
            attrs.evolve(seed.findings[1], text="-3 cases were missed."),
            *seed.findings[2:],
        ],
    )
    il.tables.tables([risky]).to_csv(tmp_path, raw=raw)

    written = (tmp_path / "findings.csv").read_text(encoding="utf-8")
    assert raw != (",'-3 cases were missed.," in written)
    assert (risky,) == il.tables.read_tables(tmp_path)


def test_a_folder_of_a_dataset_starts_a_new_part_when_a_file_has_enough_row_groups(
    seed: il.Inspection, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("inspectlib._datasets._ROW_GROUPS_PER_FILE", 2)
    monkeypatch.setattr("inspectlib._datasets._ROW_GROUP_ROWS", len(seed.findings))
    records = [attrs.evolve(seed, id=f"example/{n}") for n in range(5)]

    dataset = il.tables.write_parquet_dataset(records, tmp_path / "ds", batch_size=1)

    parts = sorted(path.name for path in (tmp_path / "ds" / "findings").iterdir())
    assert ["part-0.parquet", "part-1.parquet", "part-2.parquet"] == parts
    assert 5 * len(seed.findings) == pq.read_table(tmp_path / "ds" / "findings").num_rows
    assert 5 == dataset.records


def test_a_dataset_gathers_the_rows_of_many_batches_into_one_row_group(
    seed: il.Inspection, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [attrs.evolve(seed, id=f"example/{n}") for n in range(5)]

    il.tables.write_parquet_dataset(records, tmp_path / "ds", batch_size=1)

    (part,) = (tmp_path / "ds" / "findings").iterdir()
    assert (1, 5 * len(seed.findings)) == (
        pq.ParquetFile(part).num_row_groups,
        pq.ParquetFile(part).metadata.num_rows,
    )
    # Past the bound of the rows waiting, the folder holding most is written.
    monkeypatch.setattr("inspectlib._datasets._BUFFERED_BYTES", 1)
    il.tables.write_parquet_dataset(records, tmp_path / "small", batch_size=1)
    assert 5 == pq.ParquetFile(tmp_path / "small" / "findings" / "part-0.parquet").num_row_groups


def test_tables_saved_as_windows_1252_read_back(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    # Excel saves CSV in the system's code page, Windows-1252 in the UK.
    titled = attrs.evolve(seed, title="Caf\u00e9 inspection \u2013 review of 2024")
    il.tables.tables([titled]).to_csv(tmp_path)
    path = tmp_path / "inspections.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))

    (back,) = il.tables.read_tables(tmp_path)

    assert titled == back


def test_a_table_in_no_encoding_it_can_read_is_a_located_error(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)
    path = tmp_path / "inspections.csv"
    size = len(path.read_bytes())
    # An e acute as Windows-1252 writes it, then a byte Windows-1252 leaves undefined.
    path.write_bytes(path.read_bytes() + b"\xe9\x81\n")

    with pytest.raises(il.ValidationError) as refused:
        il.tables.read_tables(tmp_path)

    assert [
        (
            "inspections.csv",
            f"the file is neither UTF-8 (byte {size:,} is not) nor Windows-1252 (byte "
            f"{size + 1:,} is not): save it as UTF-8",
        )
    ] == [(problem.path, problem.message) for problem in refused.value.problems]
