"""Tidy tables, grade histories, differences between inspections, filtering."""

from __future__ import annotations

import datetime
import pathlib

import attrs
import pytest

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT, HMICFRS_FOUR_POINT


def peel(year: int, overall: il.Judgment, framework: str, scale: il.GradingScale) -> il.Inspection:
    """A made-up PEEL-like inspection of one force, for the history helpers."""
    force = il.Organisation(
        name="Somewhere Police",
        kind=il.OrganisationKind.POLICE_FORCE,
        identifiers=[il.Identifier(scheme="ons", value="E23000099")],
    )
    return il.Inspection(
        id=f"example/peel/{year}",
        title=f"PEEL {year}",
        inspectorate=il.Organisation(
            name="HMICFRS", short_name="HMICFRS", kind=il.OrganisationKind.INSPECTORATE
        ),
        subjects=[force],
        published=datetime.date(year, 6, 1),
        framework=framework,
        scales=[scale],
        graded_areas=[il.GradedArea(key="effectiveness", topic="Effectiveness", judgment=overall)],
        overall=overall,
    )


# Tidy tables -----------------------------------------------------------------------------------


def test_tables_have_one_row_per_fact(seed: il.Inspection, rich: il.Inspection) -> None:
    tables = il.tables.tables([seed, rich])

    assert 2 == len(tables.inspections)
    assert len(seed.graded_areas) + len(rich.graded_areas) == len(tables.graded_areas)
    assert len(seed.findings) + len(rich.findings) == len(tables.findings)
    assert 3 + 3 + 2 == len(tables.evidence)
    assert {
        "inspection_id": "example/peel/2025/somewhere",
        "finding_id": "rec-1",
        "type": "quantitative",
        "description": "investigators not trained to the level required",
        "count": 13,
        "total": 98,
        "unit": "investigators",
        "other_fields": None,
    } == tables.evidence[3]


def test_table_rows_of_judgments(rich: il.Inspection) -> None:
    rows = il.tables.tables([rich]).graded_areas

    assert [
        ("Good", "grade", "hmicfrs/five-point", 3, None),
        (
            "Adequate (carried forward)",
            "carried_forward",
            "hmicfrs/five-point",
            2,
            "example/peel/2023/somewhere",
        ),
        ("Ungraded", "ungraded", None, None, None),
    ] == [
        (
            row["judgment"],
            row["judgment_type"],
            row["scale"],
            row["grade_rank"],
            row["carried_from"],
        )
        for row in rows[:3]
    ]


def test_tables_write_csv(seed: il.Inspection, tmp_path: pathlib.Path) -> None:
    paths = il.tables.tables([seed]).to_csv(tmp_path)

    assert ["inspections", "graded_areas", "findings", "evidence", "related"] == [
        p.stem for p in paths
    ]
    first = (tmp_path / "inspections.csv").read_text().splitlines()
    assert first[0].startswith("inspection_id,title,inspectorate,subjects,framework,published,")
    assert ",2024-12-13," in first[1]


def test_an_unknown_table_is_refused(seed: il.Inspection) -> None:
    with pytest.raises(KeyError, match="no table 'grade'; the tables are inspections, "):
        il.tables.tables([seed]).rows("grade")  # type: ignore[arg-type]


def test_pandas_frames_have_dates_and_ordered_grades(seed: il.Inspection) -> None:
    pytest.importorskip("pandas")
    frames = il.tables.tables([seed]).to_pandas()
    areas = frames["graded_areas"]

    assert "date32[day][pyarrow]" == str(areas["published"].dtype)
    assert datetime.date(2024, 12, 13) == areas["published"][0]
    assert areas["judgment"].cat.ordered
    assert ["Inadequate", "Requires improvement", "Adequate", "Good", "Outstanding"] == list(
        areas["judgment"].cat.categories
    )
    assert "Good" == areas["judgment"].max()
    assert "Int64" == str(frames["evidence"]["total"].dtype)


def test_polars_frames_have_dates_and_ordered_grades(seed: il.Inspection) -> None:
    polars = pytest.importorskip("polars")
    areas = il.tables.tables([seed]).to_polars()["graded_areas"]

    assert polars.Date == areas.schema["published"]
    assert isinstance(areas.schema["judgment"], polars.Enum)
    best_first = areas.sort("judgment", descending=True)["key"].to_list()
    assert ["leadership", "partnership_working"] == sorted(best_first[:2])


def test_arrow_tables_have_dates(seed: il.Inspection) -> None:
    pyarrow = pytest.importorskip("pyarrow")
    inspections = il.tables.tables([seed]).to_arrow()["inspections"]

    assert pyarrow.date32() == inspections.schema.field("published").type
    assert [datetime.date(2024, 12, 13)] == inspections.column("published").to_pylist()


def test_grades_of_several_scales_are_not_forced_into_one_order(seed: il.Inspection) -> None:
    pytest.importorskip("pandas")
    old = peel(2016, HMICFRS_FOUR_POINT.parse("good"), "hmicfrs/peel/2014", HMICFRS_FOUR_POINT)

    areas = il.tables.tables([seed, old]).to_pandas()["graded_areas"]

    assert "category" != str(areas["judgment"].dtype)


# Grade history ---------------------------------------------------------------------------------


def test_grade_history_flags_grades_that_do_not_compare() -> None:
    history = il.analysis.grade_history(
        [
            peel(
                2022, HMICFRS_FIVE_POINT.parse("adequate"), "hmicfrs/peel/2021", HMICFRS_FIVE_POINT
            ),
            peel(2016, HMICFRS_FOUR_POINT.parse("good"), "hmicfrs/peel/2014", HMICFRS_FOUR_POINT),
            peel(
                2018,
                HMICFRS_FOUR_POINT.parse("requires improvement"),
                "hmicfrs/peel/2014",
                HMICFRS_FOUR_POINT,
            ),
        ],
        "E23000099",
    )

    assert [2016, 2018, 2022] == [point.published.year for point in history]
    assert [None, True, False] == [point.comparable_with_previous for point in history]
    assert "'hmicfrs/four-point' and 'hmicfrs/five-point' are different scales" in str(
        history[2].reason
    )


def test_grade_history_says_when_a_framework_is_missing_and_only_scales_were_compared() -> None:
    good, adequate = HMICFRS_FIVE_POINT.parse("good"), HMICFRS_FIVE_POINT.parse("adequate")
    history = il.analysis.grade_history(
        [
            peel(2022, adequate, "hmicfrs/peel/2021", HMICFRS_FIVE_POINT),
            peel(2024, good, "example/peel/2024", HMICFRS_FIVE_POINT),
            peel(2026, good, "example/peel/2026", HMICFRS_FIVE_POINT),
        ],
        "E23000099",
    )

    assert [(), ("example/peel/2024",), ("example/peel/2024", "example/peel/2026")] == [
        point.frameworks_missing for point in history
    ]
    assert [None, True, True] == [point.comparable_with_previous for point in history]
    assert (
        "both on 'hmicfrs/five-point', but only the scales were compared: 'example/peel/2024' is "
        "not in the catalogue, so whether the frameworks' grades compare is unknown"
        == history[1].reason
    )
    assert (
        "both on 'hmicfrs/five-point', but only the scales were compared: 'example/peel/2024' and "
        "'example/peel/2026' are not in the catalogue, so whether the frameworks' grades compare "
        "is unknown" == history[2].reason
    )


def test_grade_history_with_every_framework_known_misses_none() -> None:
    history = il.analysis.grade_history(
        [
            peel(2016, HMICFRS_FOUR_POINT.parse("good"), "hmicfrs/peel/2014", HMICFRS_FOUR_POINT),
            peel(2018, HMICFRS_FOUR_POINT.parse("good"), "hmicfrs/peel/2014", HMICFRS_FOUR_POINT),
        ],
        "E23000099",
    )

    assert [(), ()] == [point.frameworks_missing for point in history]


def test_diff_says_when_a_framework_is_missing() -> None:
    earlier = peel(
        2022, HMICFRS_FIVE_POINT.parse("adequate"), "hmicfrs/peel/2021", HMICFRS_FIVE_POINT
    )
    later = peel(2024, HMICFRS_FIVE_POINT.parse("good"), "example/peel/2024", HMICFRS_FIVE_POINT)

    (change,) = il.analysis.diff(earlier, later).changed

    assert ("example/peel/2024",) == change.frameworks_missing
    assert il.frameworks.Change.IMPROVED is change.change


def test_grade_history_of_one_area_and_of_nobody(seed: il.Inspection) -> None:
    history = il.analysis.grade_history([seed], "Greater Manchester Police", area="investigation")

    assert ["Adequate"] == [str(point.judgment) for point in history]
    assert () == il.analysis.grade_history([seed], "Nowhere Police")


# Differences -----------------------------------------------------------------------------------


def test_diff_of_two_inspections(seed: il.Inspection) -> None:
    scale = HMICFRS_FIVE_POINT
    areas = list(seed.graded_areas)
    areas[0] = attrs.evolve(areas[0], judgment=scale.parse("outstanding"))
    areas[2] = attrs.evolve(areas[2], judgment=scale.parse("inadequate"))
    areas[3] = attrs.evolve(areas[3], judgment=il.judgments.UNGRADED)
    del areas[4]
    later = attrs.evolve(
        seed,
        id="example/later",
        framework=None,
        published=datetime.date(2026, 1, 1),
        graded_areas=[
            *areas,
            il.GradedArea(key="new_area", topic="New", judgment=scale.parse("good")),
        ],
        related=[il.RelatedReport(relation=il.Relation.FOLLOWS_UP, target=seed.id)],
        finding_updates=[
            il.FindingUpdate(
                inspection=seed.id,
                finding="afi-2",
                status=il.FindingStatus.ADDRESSED,
                date=il.PartialDate.parse("2025"),
            )
        ],
    )

    change = il.analysis.diff(seed, later)

    assert ("leadership",) == change.areas(il.frameworks.Change.IMPROVED)
    assert ("initial_response",) == change.areas(il.frameworks.Change.DECLINED)
    assert ("partnership_working",) == change.areas(il.frameworks.Change.UNCHANGED)
    incomparable = [area for area in change.changed if area.change is None]
    assert ["risk_assessment_and_referral"] == [area.key for area in incomparable]
    assert "'Ungraded' is not a grade: it does not compare with one" == incomparable[0].reason
    assert ["new_area"] == [area.key for area in change.new]
    assert ["investigation"] == [area.key for area in change.dropped]
    assert ("afi-2",) == change.findings_closed
    assert 5 == len(change.findings_added)


# Filtering -------------------------------------------------------------------------------------


def test_select_by_each_criterion(seed: il.Inspection) -> None:
    old = peel(2016, HMICFRS_FOUR_POINT.parse("good"), "hmicfrs/peel/2014", HMICFRS_FOUR_POINT)
    everything = [seed, old]

    assert [seed] == list(il.analysis.select(everything, framework="hmicfrs/ncpi"))
    assert [old] == list(il.analysis.select(everything, framework="hmicfrs/peel/2014"))
    assert [seed] == list(il.analysis.select(everything, organisation="GMP"))
    assert [seed, old] == list(il.analysis.select(everything, inspectorate="hmicfrs"))
    assert [old] == list(il.analysis.select(everything, published_to=datetime.date(2020, 1, 1)))
    assert [seed] == list(il.analysis.select(everything, published_from=datetime.date(2020, 1, 1)))
    assert [seed] == list(
        il.analysis.select(everything, grade=HMICFRS_FIVE_POINT.parse("adequate"))
    )
    assert [] == list(il.analysis.select(everything, inspectorate="Ofsted"))


def test_inherited_ratings_compare_by_the_grades_inherited() -> None:
    previous = il.Organisation(name="Previous Force", kind=il.OrganisationKind.POLICE_FORCE)
    good = il.Inherited(grade=HMICFRS_FOUR_POINT.parse("good"), predecessor=previous)
    earlier = peel(2016, good, "hmicfrs/peel/2014", HMICFRS_FOUR_POINT)
    later = peel(2018, good, "hmicfrs/peel/2014", HMICFRS_FOUR_POINT)
    declined = peel(
        2019,
        HMICFRS_FOUR_POINT.parse("requires improvement"),
        "hmicfrs/peel/2014",
        HMICFRS_FOUR_POINT,
    )

    change = il.analysis.diff(earlier, later).changed[0]
    history = il.analysis.grade_history([earlier, later, declined], "E23000099")

    reason = (
        "both on 'hmicfrs/four-point' (an inherited or carried-forward rating compares by its "
        "grade)"
    )
    assert (il.frameworks.Change.UNCHANGED, reason) == (change.change, change.reason)
    assert [None, True, True] == [point.comparable_with_previous for point in history]
    assert [None, reason, reason] == [point.reason for point in history]
    assert il.frameworks.Change.DECLINED == il.analysis.diff(later, declined).changed[0].change


def test_judgments_that_are_not_grades_say_which_is_not() -> None:
    scale = HMICFRS_FOUR_POINT
    carried = il.CarriedForward(from_inspection="example/peel/2016")
    earlier = peel(2016, il.judgments.UNGRADED, "hmicfrs/peel/2014", scale)
    later = peel(2018, carried, "hmicfrs/peel/2014", scale)

    reason = il.analysis.diff(earlier, later).changed[0].reason

    assert "neither 'Ungraded' nor 'Carried forward' is a grade" == reason
