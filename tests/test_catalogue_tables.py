"""Frameworks and grading scales as tables, and read back from them."""

from __future__ import annotations

import pathlib
import tempfile

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
import strategies
from inspectlib.catalogue import BUILTIN
from inspectlib.frameworks import Framework, FrameworkArea
from inspectlib.scales import GradingScale
from spreadsheet_edits import edit

pytest.importorskip("pyarrow")

FRAMEWORKS: tuple[il.Record, ...] = tuple(BUILTIN.frameworks.values())
SCALES: tuple[il.Record, ...] = tuple(BUILTIN.scales.values())
NCPI = BUILTIN.framework("hmicfrs/ncpi/2024")


def write(
    records: list[il.Record] | tuple[il.Record, ...], folder: pathlib.Path, form: str
) -> None:
    tidy = il.tables.tables(records)
    tidy.to_csv(folder) if form == "csv" else tidy.to_parquet(folder)


def problems(folder: pathlib.Path) -> list[tuple[str, str]]:
    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(folder)
    return [(problem.path, problem.message) for problem in caught.value.problems]


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_every_built_in_framework_and_scale_reads_back_equal(
    form: str, tmp_path: pathlib.Path
) -> None:
    write([*SCALES, *FRAMEWORKS], tmp_path, form)

    back = il.tables.read_tables(tmp_path)

    assert (*FRAMEWORKS, *SCALES) == back
    # Equal down to the fields equality may pass over.
    assert [il.to_dict(record) for record in (*FRAMEWORKS, *SCALES)] == [
        il.to_dict(record) for record in back
    ]


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_a_folder_of_every_kind_reads_back_in_order_of_kind(
    form: str,
    seed: il.Inspection,
    commission: il.CommissionedInspection,
    tmp_path: pathlib.Path,
) -> None:
    write([NCPI, commission, seed], tmp_path, form)

    back = il.tables.read_tables(tmp_path)

    # Inspections, commissions, frameworks, then scales: those the frameworks use among them.
    assert (seed, commission, NCPI, *NCPI.scales) == back


def test_an_area_that_names_its_default_scale_and_aliases_holding_a_semicolon_read_back(
    tmp_path: pathlib.Path,
) -> None:
    first = NCPI.areas[0]
    odd = attrs.evolve(
        NCPI,
        id="example/ncpi",
        areas=[
            attrs.evolve(first, scale=NCPI.scales[0].id, aliases=["Leading; and managing", "Lead"]),
            *NCPI.areas[1:],
        ],
    )
    assert odd.areas[0].scale is not None  # not what an area that names none reads back as
    write([odd], tmp_path, "csv")

    assert (odd, *odd.scales) == il.tables.read_tables(tmp_path)
    # The aliases' column shows what other_fields keeps whole, and an edit there is reported.
    edit(tmp_path / "framework_areas.csv", 2, "aliases", "Lead")
    assert [
        (
            "framework_areas.csv:2:aliases",
            "'Lead' is not 'Leading; and managing; Lead', which this column shows of "
            "other_fields: edit that instead, or empty this cell",
        )
    ] == problems(tmp_path)


def test_a_framework_edited_in_a_spreadsheet_comes_back_validated(tmp_path: pathlib.Path) -> None:
    write([NCPI], tmp_path, "csv")
    frameworks, areas = tmp_path / "frameworks.csv", tmp_path / "framework_areas.csv"
    edit(frameworks, 2, "framework_id", "example/ncpi")
    edit(frameworks, 2, "closed", "FALSE")  # as a spreadsheet saves a flag
    edit(frameworks, 2, "finding_kinds", "recommendation;area_for_improvement")
    for row in range(2, len(NCPI.areas) + 2):
        edit(areas, row, "framework_id", "example/ncpi")
    edit(areas, 2, "non_grades", "ungraded; not_judged")
    edit(areas, 3, "required", "false")

    framework, scale = il.tables.read_tables(tmp_path)

    assert isinstance(framework, Framework)
    assert (NCPI.scales[0], "example/ncpi", False) == (scale, framework.id, framework.closed)
    assert (il.judgments.NonGradeKind.UNGRADED, il.judgments.NonGradeKind.NOT_JUDGED) == (
        framework.areas[0].non_grades
    )
    assert not framework.areas[1].required
    assert ("recommendation", "area_for_improvement") == tuple(
        kind.value for kind in framework.finding_kinds
    )
    assert NCPI.areas[2:] == framework.areas[2:]


def test_a_scale_edited_in_a_spreadsheet_comes_back_in_the_order_of_its_ranks(
    tmp_path: pathlib.Path,
) -> None:
    scale = GradingScale(id="example/three", name="Three", labels=["Good", "Fair", "Poor"])
    write([scale], tmp_path, "csv")
    grades = tmp_path / "grades.csv"
    edit(grades, 3, "label", "Middling")
    edit(grades, 3, "key", "")  # a key only shows its label: empty agrees
    edit(tmp_path / "scales.csv", 2, "name", "Three grades")

    assert (
        GradingScale(id="example/three", name="Three grades", labels=["Good", "Middling", "Poor"]),
    ) == il.tables.read_tables(tmp_path)


def test_every_problem_of_frameworks_and_scales_is_located_by_file_row_and_column(
    tmp_path: pathlib.Path,
) -> None:
    write([NCPI], tmp_path, "csv")
    frameworks, areas = tmp_path / "frameworks.csv", tmp_path / "framework_areas.csv"
    grades, scales = tmp_path / "grades.csv", tmp_path / "scales.csv"
    edit(grades, 4, "grade_rank", "1")
    edit(grades, 5, "grade_rank", "two")
    edit(frameworks, 2, "closed", "yes")
    edit(areas, 3, "framework_id", "hmicfrs/ncpi/2023")

    assert [
        (
            "grades.csv:4:grade_rank",
            "rank 1 is in row 3 already: each grade of scale 'hmicfrs/five-point' has a rank of "
            "its own, 0 the worst",
        ),
        ("grades.csv:5:grade_rank", "expected a whole number, got 'two'"),
        (
            "framework_areas.csv:3:framework_id",
            "no framework 'hmicfrs/ncpi/2023' in frameworks.csv; did you mean 'hmicfrs/ncpi/2024'?",
        ),
        ("frameworks.csv:2:closed", "expected TRUE or FALSE, got 'yes'"),
    ] == problems(tmp_path)
    edit(grades, 4, "grade_rank", "2")
    edit(grades, 5, "grade_rank", "3")
    edit(grades, 3, "label", "")
    edit(frameworks, 2, "closed", "TRUE")
    edit(areas, 3, "framework_id", NCPI.id)
    edit(areas, 4, "non_grades", "ungradd")
    edit(frameworks, 2, "scales", "hmicfrs/five-points")

    assert [
        (
            "grades.csv:3:label",
            "expected a string, got null ($.labels[3] of scale 'hmicfrs/five-point')",
        ),
        (
            "frameworks.csv:2:scales",
            "no scale 'hmicfrs/five-points' in scales.csv or the catalogue; did you mean "
            "'hmicfrs/five-point'?",
        ),
    ] == problems(tmp_path)
    edit(grades, 3, "label", "Requires improvement")
    edit(frameworks, 2, "scales", NCPI.scales[0].id)
    edit(scales, 2, "grades", "4")

    assert [
        (
            "scales.csv:2:grades",
            "'4' is not '5', which this column shows of the rows of grades: edit that instead, "
            "or empty this cell",
        ),
        (
            "framework_areas.csv:4:non_grades",
            "'ungradd' is not one of: ungraded, not_rated, exempt, awaiting_inspection, "
            "insufficient_evidence, awaiting_publication, no_published_rating, "
            "inspected_not_rated, not_applicable, not_judged; did you mean 'ungraded'? "
            f"($.areas[2].non_grades[0] of framework {NCPI.id!r})",
        ),
    ] == problems(tmp_path)


def test_a_framework_whose_scale_has_problems_waits_for_them(tmp_path: pathlib.Path) -> None:
    write([NCPI], tmp_path, "csv")
    edit(tmp_path / "grades.csv", 2, "label", "Good")

    with pytest.raises(il.ValidationError) as caught:
        il.tables.read_tables(tmp_path)

    # The rule holds of the labels together: located at the scale's row.
    assert [
        (
            "scales.csv:2",
            "a grading scale's labels must differ, but these repeat: 'good' ($ of scale "
            "'hmicfrs/five-point')",
        )
    ] == [(problem.path, problem.message) for problem in caught.value.problems]
    assert (
        "frameworks whose scales have problems are read once those are fixed"
        in caught.value.skipped
    )


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_inspections_under_a_framework_of_the_same_tables_read_against_it(
    form: str, seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    own = attrs.evolve(
        NCPI,
        id="example/ncpi",
        areas=[*NCPI.areas, FrameworkArea(key="extra", topic="Extra", required=False)],
    )
    inspection = attrs.evolve(seed, framework=own.id)
    write([inspection, own], tmp_path, form)

    assert (inspection, own, *own.scales) == il.tables.read_tables(tmp_path)


# Generated records through tables and back ------------------------------------------------------


def _through_tables(
    records: list[il.Record], form: str, catalogue: il.catalogue.Catalogue = BUILTIN
) -> tuple[il.Record, ...]:
    with tempfile.TemporaryDirectory() as folder:
        write(records, pathlib.Path(folder) / "tables", form)
        return il.tables.read_tables(pathlib.Path(folder) / "tables", catalogue=catalogue)


FORMS = st.sampled_from(["csv", "parquet"])
PROPERTY = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@PROPERTY
@given(strategies.inspections(), FORMS)
def test_generated_inspections_read_back_from_tables_equal(
    inspection: il.Inspection, form: str
) -> None:
    catalogue = strategies.catalogue_for(inspection)

    assert (inspection,) == _through_tables([inspection], form, catalogue)


@PROPERTY
@given(
    st.lists(
        strategies.commissioned_inspections(), min_size=1, max_size=2, unique_by=lambda c: c.id
    ),
    FORMS,
)
def test_generated_commissioned_inspections_read_back_from_tables_equal(
    commissions: list[il.CommissionedInspection], form: str
) -> None:
    assert tuple(commissions) == _through_tables(list(commissions), form)


@PROPERTY
@given(strategies.frameworks() | strategies.grading_scales(), FORMS)
def test_generated_frameworks_and_scales_read_back_from_tables_equal(
    record: Framework | GradingScale, form: str
) -> None:
    scales = record.scales if isinstance(record, Framework) else ()

    back = _through_tables([record], form)

    assert (record, *scales) == back
    assert [il.to_dict(item) for item in (record, *scales)] == [il.to_dict(item) for item in back]


def test_area_keys_a_list_cannot_show_whole_read_back_from_other_fields(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    keys = ["a; b", "c\x85"]  # a separator inside, a space Python strips at the end
    areas = [attrs.evolve(seed.graded_areas[0], key=key, parent=None) for key in keys]
    finding = attrs.evolve(seed.findings[0], areas=keys, evidence=[])
    odd = attrs.evolve(seed, framework=None, graded_areas=areas, findings=[finding])
    write([odd], tmp_path, "csv")

    assert (odd,) == il.tables.read_tables(tmp_path)
    edit(tmp_path / "findings.csv", 2, "areas", "a; b")
    assert [
        (
            "findings.csv:2:areas",
            "'a; b' is not 'a; b; c\\x85', which this column shows of areas in other_fields: "
            "edit that instead, or empty this cell",
        )
    ] == problems(tmp_path)


def test_a_new_framework_on_an_edited_built_in_scale_is_refused_naming_the_scale(
    tmp_path: pathlib.Path,
) -> None:
    scale = attrs.evolve(NCPI.scales[0], name="Edited")
    own = attrs.evolve(NCPI, id="example/ncpi", scales=[scale])
    write([own], tmp_path, "csv")

    assert [
        (
            "frameworks.csv",
            "two different grading scales share the id 'hmicfrs/five-point': give the edited "
            "scale an id of its own",
        )
    ] == problems(tmp_path)
