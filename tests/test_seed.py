"""The seed inspection, built from the public API, is valid and says what the sources say."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT


def test_seed_inspection_built_from_the_public_api_is_valid(seed: il.Inspection) -> None:
    assert () == il.check(seed)
    assert seed is il.validate(seed)


def test_seed_has_two_good_and_three_adequate_areas(seed: il.Inspection) -> None:
    labels = [str(area.judgment) for area in seed.graded_areas]

    assert ["Good", "Good", "Adequate", "Adequate", "Adequate"] == labels


def test_seed_keeps_framework_topic_and_report_heading(seed: il.Inspection) -> None:
    area = seed.area("partnership_working")

    assert ("Partnership working", "Working with safeguarding partners") == (
        area.topic,
        area.label,
    )
    assert "Working with safeguarding partners" == area.heading
    assert "Leadership" == seed.area("leadership").heading


def test_seed_has_five_areas_for_improvement(seed: il.Inspection) -> None:
    kinds = {finding.kind for finding in seed.findings}

    assert 5 == len(seed.findings_of(il.FindingKind.AREA_FOR_IMPROVEMENT))
    assert {il.FindingKind.AREA_FOR_IMPROVEMENT} == kinds


def test_seed_evidence_reads_as_a_count_of_a_total(seed: il.Inspection) -> None:
    assert "ethnicity not recorded: 12 of 48 case files reviewed" == str(seed.evidence[0])


def test_seed_grades_compare_on_their_scale(seed: il.Inspection) -> None:
    leadership, investigation = seed.area("leadership"), seed.area("investigation")

    assert isinstance(leadership.judgment, il.Grade)
    assert isinstance(investigation.judgment, il.Grade)
    assert leadership.judgment > investigation.judgment
    assert HMICFRS_FIVE_POINT.parse("Good") == leadership.judgment


def test_bundled_samples_are_the_seed_facts(
    seed: il.Inspection, commission: il.CommissionedInspection
) -> None:
    assert seed == il.sample("gmp-child-protection-2024")
    assert commission == il.sample("gmp-cse-commission-2024")
    final = il.sample("gmp-cse-final-report-2025")
    assert isinstance(final, il.Inspection)
    assert datetime.date(2025, 7, 3) == final.published
    assert [
        "gmp-child-protection-2024",
        "gmp-cse-commission-2024",
        "gmp-cse-final-report-2025",
    ] == (sorted(il.format.SAMPLES))


def test_the_commission_links_its_final_report_by_id() -> None:
    commission = il.sample("gmp-cse-commission-2024")
    final = il.sample("gmp-cse-final-report-2025")

    assert isinstance(commission, il.CommissionedInspection)
    assert final.id in [d.inspection for d in commission.part(1).deliverables]


def test_an_unknown_sample_suggests_the_closest() -> None:
    with pytest.raises(il.errors.NotFoundError) as caught:
        il.sample("gmp-child-protection")

    assert "no sample 'gmp-child-protection'; did you mean 'gmp-child-protection-2024'?" == str(
        caught.value
    )


def test_an_unknown_sample_with_none_close_lists_the_samples() -> None:
    with pytest.raises(il.errors.NotFoundError) as caught:
        il.sample("gmp")

    assert str(caught.value) == (
        "no sample 'gmp'; the samples are 'gmp-child-protection-2024', "
        "'gmp-cse-commission-2024', 'gmp-cse-final-report-2025'"
    )


def test_main_job_prints_the_seed_inspection() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspectlib"], capture_output=True, text=True, check=False
    )

    assert 0 == result.returncode, result.stderr
    assert result.stdout.startswith(
        "National child protection inspection of Greater Manchester Police\n"
    )
    assert re.search(r"\n  Working with safeguarding partners +Good\n", result.stdout)
    assert "Published:    13 December 2024" in result.stdout
