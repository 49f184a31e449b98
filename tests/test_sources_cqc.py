"""The CQC importers against fixtures in the shape of the API's location payloads and of the
monthly latest ratings file: every field of the records, the non-grades, inherited ratings, and
errors that name where a bad value is."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest

import inspectlib as il
from inspectlib.scales import CQC_FOUR_POINT
from inspectlib.sources import SourceError, cqc

FIXTURES = Path(__file__).parent / "fixtures" / "cqc"
D = datetime.date
R = CQC_FOUR_POINT.parse
L1 = "a361ecb8-4b08-49b8-934c-dc578d6bff8d"


def read(name: str) -> list[il.Inspection]:
    return list(cqc.read(FIXTURES / name))


def payload(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def kq(key: str, topic: str, judgment: il.Judgment, **kwargs: Any) -> il.GradedArea:
    return il.GradedArea(key=key, topic=topic, judgment=judgment, **kwargs)


# API location payloads ----------------------------------------------------------------------


def test_lucerne_house_every_report_becomes_a_record_with_its_ratings() -> None:
    current, earlier, first_rated, unrated, oldest = read("location_lucerne_house.json")
    source = payload("location_lucerne_house.json")

    location = il.Organisation(
        name="Lucerne House",
        kind=il.OrganisationKind.CARE_LOCATION,
        identifiers=[
            il.Identifier(scheme="cqc_location", value="1-125856395"),
            il.Identifier(scheme="cqc_provider", value="1-102642955"),
            il.Identifier(scheme="ods", value="VLLWV"),
            il.Identifier(scheme="uprn", value="10013042022"),
        ],
        extensions={
            f"cqc:{key}": value
            for key, value in source.items()
            if key
            not in {
                "locationId",
                "providerId",
                "name",
                "odsCode",
                "uprn",
                "relationships",
                "currentRatings",
                "historicRatings",
                "reports",
            }
        },
    )
    dated = {"judged": D(2019, 10, 31), "report": L1}
    assert (
        il.Inspection(
            id=f"cqc/report/{L1}",
            title="CQC report on Lucerne House, 31 October 2019",
            inspectorate=cqc.CQC,
            subjects=[location],
            published=D(2019, 10, 31),
            scales=[CQC_FOUR_POINT],
            framework="cqc/ratings/2014",
            # In the API's own order: Safe, Well-led, Caring, Responsive, Effective.
            graded_areas=[
                kq("safe", "Safe", R("Good"), **dated),
                kq("well_led", "Well-led", R("Outstanding"), **dated),
                kq("caring", "Caring", R("Outstanding"), **dated),
                kq("responsive", "Responsive", R("Outstanding"), **dated),
                kq("effective", "Effective", R("Outstanding"), **dated),
            ],
            overall=R("Outstanding"),
            extensions={
                "cqc:reportUri": f"/reports/{L1}",
                "cqc:firstVisitDate": "2019-09-17",
                "cqc:reportType": "Location",
            },
        )
        == current
    )
    # Historic ratings: on their own reports, the key questions without dates of their own.
    assert ("cqc/report/c2bfc2ef-995e-4b02-bcd6-02a4d6b0db39", R("Good")) == (
        first_rated.id,
        first_rated.overall,
    )
    assert [
        kq("safe", "Safe", R("Good")),
        kq("well_led", "Well-led", R("Good")),
        kq("caring", "Caring", R("Good")),
        kq("responsive", "Responsive", R("Requires improvement")),
        kq("effective", "Effective", R("Good")),
    ] == list(first_rated.graded_areas)
    assert R("Outstanding") == earlier.overall
    # Reports from before ratings: no ratings, no framework; an older report lacks reportType.
    assert (None, (), None) == (unrated.overall, unrated.graded_areas, unrated.framework)
    assert {
        "cqc:reportUri": "/reports/987e58b3-d216-4645-b744-f746c1e595c9",
        "cqc:firstVisitDate": "2014-05-21",
    } == dict(unrated.extensions)
    # A first visit after the report's date is kept as the API gives it, not refused.
    assert "2012-07-25" == oldest.extensions["cqc:firstVisitDate"]


def test_no_published_rating_is_a_typed_non_grade() -> None:
    latest, older = read("location_allied_healthcare_bournemouth.json")

    assert il.judgments.NO_PUBLISHED_RATING == latest.overall
    assert [il.judgments.NO_PUBLISHED_RATING] * 5 == [a.judgment for a in latest.graded_areas]
    assert [None] * 5 == [a.judged for a in latest.graded_areas]
    assert D(2014, 11, 25) == latest.published
    assert (None, ()) == (older.overall, older.graded_areas)
    location = latest.subjects[0]
    assert "Deregistered" == location.extensions["cqc:registrationStatus"]
    assert "2016-11-28" == location.extensions["cqc:deregistrationDate"]


def test_service_ratings_assessment_and_relationships() -> None:
    current, historic, overall, asg = read("location_synthetic_multi_service.json")
    s1, s0 = "5f0c2b1e-0000-4000-8000-000000000001", "5f0c2b1e-0000-4000-8000-000000000002"

    location = current.subjects[0]
    assert [il.Identifier(scheme="cqc_location", value="1-8000000001")] == list(
        location.predecessors
    )
    # Arrays are kept as tuples, objects as FrozenDicts.
    assert (
        {
            "relatedLocationId": "1-8000000001",
            "relatedLocationName": "Old Vale Surgery",
            "type": "HSCA Predecessor",
            "reason": "Location Change",
        },
    ) == location.extensions["cqc:relationships"]
    assert ({"firstVisitDate": "2025-10-07"},) == location.extensions["cqc:unpublishedReports"]
    dated = {"judged": D(2023, 5, 10), "report": s1}
    assert [
        kq("safe", "Safe", R("Requires improvement"), **dated),
        kq("well_led", "Well-led", R("Good"), **dated),
        # A key question last rated by an earlier report keeps that report and its date.
        kq("caring", "Caring", R("Good"), judged=D(2021, 11, 2), report=s0),
        kq("responsive", "Responsive", il.judgments.INSPECTED_NOT_RATED, **dated),
        kq("effective", "Effective", il.judgments.INSUFFICIENT_EVIDENCE, **dated),
        kq(
            "service/older-people",
            "Older people",
            R("Good"),
            **dated,
            extensions={"cqc:organisationId": "1-9000000001"},
        ),
        kq(
            "service/older-people/safe",
            "Safe",
            R("Requires improvement"),
            parent="service/older-people",
        ),
        kq("service/older-people/caring", "Caring", R("Good"), parent="service/older-people"),
    ] == list(current.graded_areas)
    assert {
        "cqc:reportUri": f"/reports/{s1}",
        "cqc:firstVisitDate": "2023-03-14",
        "cqc:reportType": "Location",
        "cqc:relatedDocuments": (
            {"documentType": "Evidence table", "documentUri": f"/reports/{s1}/evidence"},
        ),
        "cqc:currentRatings.overall.organisationId": "1-9000000001",
    } == dict(current.extensions)
    assert R("Requires improvement") == historic.overall
    assert "1-9000000001" == historic.extensions["cqc:historic.organisationId"]

    assert "cqc/assessment/1-9000000001/2025-02-18T09:30:00Z/overall/0" == overall.id
    assert D(2025, 2, 18) == overall.published
    assert R("Good") == overall.overall
    assert [("safe", R("Good")), ("effective", R("Requires improvement"))] == [
        (a.key, a.judgment) for a in overall.graded_areas
    ]
    assert "Assessed" == overall.graded_areas[0].extensions["cqc:status"]
    assert "Current" == overall.extensions["cqc:overall.status"]

    assert "cqc/assessment/AP-0001/gp-practices" == asg.id
    assert "68.75" == asg.graded_areas[0].extensions["cqc:percentageScore"]
    assert {
        "cqc:assessmentPlanPublishedDateTime": "2025-02-18T09:30:00Z",
        "cqc:asg.assessmentPlanId": "AP-0001",
        "cqc:asg.title": "Assessment of Synthetic Vale Surgery",
        "cqc:asg.assessmentDate": "2025-01-20",
        "cqc:asg.assessmentPlanStatus": "Published",
        "cqc:asg.name": "GP Practices",
        "cqc:asg.status": "Current",
    } == dict(asg.extensions)


def test_json_lines_are_read_one_payload_at_a_time() -> None:
    records = read("locations.jsonl")

    assert 5 + 2 + 4 == len(records)
    assert ["1-125856395", "1-134558905", "1-9000000001"] == list(
        dict.fromkeys(r.subjects[0].identifier("cqc_location") for r in records)
    )


def test_an_unknown_rating_names_the_payload_the_path_and_the_value() -> None:
    data = payload("location_lucerne_house.json")
    data["currentRatings"]["overall"]["keyQuestionRatings"][1]["rating"] = "Brilliant"

    with pytest.raises(SourceError) as caught:
        list(cqc.read(io.BytesIO(json.dumps(data, indent=1).encode())))

    problem = caught.value.problems[0]
    assert "<stream>: the payload (location 1-125856395)" == caught.value.subject
    assert (
        "currentRatings/overall/keyQuestionRatings/1/rating",
        "Brilliant",
    ) == (problem.field, problem.value)
    assert problem.message.startswith("'Brilliant' is not a CQC rating: expected one of")


def test_a_bad_line_of_json_lines_spoils_only_itself() -> None:
    lines = (FIXTURES / "locations.jsonl").read_bytes().splitlines(keepends=True)
    errors: list[SourceError] = []

    records = list(cqc.read(io.BytesIO(lines[0] + b"{not json\n" + lines[2]), errors=errors))

    assert 5 + 4 == len(records)
    assert ["line 2"] == [error.item for error in errors]


# The latest ratings file ----------------------------------------------------------------------


def test_the_latest_ratings_file_gives_one_record_per_location() -> None:
    lucerne, willow = read("latest_ratings_2026_09.csv")

    assert "cqc/latest-ratings/1-125856395/2019-10-31" == lucerne.id
    assert R("Outstanding") == lucerne.overall
    assert ["safe", "effective", "caring", "responsive", "well_led"] == [
        a.key for a in lucerne.graded_areas
    ]
    location = lucerne.subjects[0]
    assert [
        il.Identifier(scheme="cqc_location", value="1-125856395"),
        il.Identifier(scheme="cqc_provider", value="1-102642955"),
        il.Identifier(scheme="ods", value="VLLWV"),
    ] == list(location.identifiers)
    assert "Y" == location.extensions["cqc:Care Home?"]
    assert "NHS Devon ICB - 15N" == location.extensions["cqc:Location Commissioning CCG Name"]
    assert "https://www.cqc.org.uk/location/1-125856395" == location.extensions["cqc:URL"]
    assert {"cqc:Report Type": "Location", "cqc:Inherited Rating (Y/N)": "N"} == dict(
        lucerne.extensions
    )

    # Inherited from the registration before: the Inherited judgment, with the rating's date.
    assert isinstance(willow.overall, il.Inherited)
    assert R("Good") == willow.overall.grade
    assert D(2024, 3, 12) == willow.overall.rated
    care_homes = willow.area("service/care-homes")
    assert (R("Good"), D(2025, 6, 5)) == (care_homes.judgment, care_homes.judged)
    well_led = willow.area("service/care-homes/well_led")
    assert (il.judgments.INSUFFICIENT_EVIDENCE, "service/care-homes") == (
        well_led.judgment,
        well_led.parent,
    )
    assert "-" == willow.subjects[0].extensions["cqc:Brand ID"]


def test_the_older_key_question_column_and_windows_1252() -> None:
    (record,) = read("latest_ratings_2016_key_question.csv")

    assert "Ty Gwyn Nursing Home \u2013 Annexe" == record.subjects[0].name
    assert R("Inadequate") == record.area("safe").judgment
    assert D(2016, 8, 17) == record.published


def test_an_unknown_rating_in_the_file_names_the_row() -> None:
    data = (
        (FIXTURES / "latest_ratings_2026_09.csv")
        .read_bytes()
        .replace(b"Overall,Caring,Outstanding", b"Overall,Caring,Superb")
    )

    with pytest.raises(SourceError) as caught:
        list(cqc.read(io.BytesIO(data)))

    problem = caught.value.problems[0]
    assert ("Latest Rating", "Superb", 6) == (problem.field, problem.value, problem.line)


def test_the_ods_file_gives_the_records_of_its_csv_export() -> None:
    # The header is on row 8, under a notice; dates are date cells; a Providers sheet follows.
    assert read("latest_ratings_2026_09.csv") == read("latest_ratings_2026_09.ods")


def test_an_ods_stream_that_cannot_seek_is_read_too() -> None:
    class Unseekable(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self.data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    stream = io.BufferedReader(Unseekable((FIXTURES / "latest_ratings_2026_09.ods").read_bytes()))

    assert read("latest_ratings_2026_09.csv") == list(cqc.read(stream))
