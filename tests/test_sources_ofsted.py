"""The Ofsted importers against fixtures in each generation's shape: every field of the records
they make, the sentinels, the encodings, and the errors that name where a bad value is."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import attrs
import pytest

import inspectlib as il
from inspectlib.frameworks import OFSTED_SCHOOLS_2019
from inspectlib.scales import OFSTED_FOUR_POINT, OFSTED_REPORT_CARD, OFSTED_SAFEGUARDING
from inspectlib.sources import SourceError, ofsted

FIXTURES = Path(__file__).parent / "fixtures" / "ofsted"
D = datetime.date
FOUR = OFSTED_FOUR_POINT.parse
CARD = OFSTED_REPORT_CARD.parse
MET = OFSTED_SAFEGUARDING.parse


def read(name: str) -> list[il.Inspection]:
    return list(ofsted.read(FIXTURES / name))


def school(name: str, urn: str, laestab: str, **kwargs: object) -> il.Organisation:
    return il.Organisation(
        name=name,
        kind=il.OrganisationKind.SCHOOL,
        identifiers=(
            il.Identifier(scheme="ofsted_urn", value=urn),
            il.Identifier(scheme="dfe_laestab", value=laestab),
        ),
        **kwargs,  # type: ignore[arg-type]
    )


ALDER = school("Alder Grove Primary School", "100001", "2022001")
ALDER_SCHOOL_COLUMNS = {
    "ofsted:Ofsted phase": "Primary",
    "ofsted:Type of education": "Community school",
    "ofsted:School open date": None,
    "ofsted:Admissions policy": "Not applicable",
    "ofsted:Sixth form": "Does not have a sixth form",
    "ofsted:Designated religious character": "Does not apply",
    "ofsted:Religious ethos": "Does not apply",
    "ofsted:Faith grouping": "Non-faith",
    "ofsted:Ofsted region": "London",
    "ofsted:Local authority": "Camden",
    "ofsted:Parliamentary constituency": "Holborn and St Pancras",
    "ofsted:The income deprivation affecting children index (IDACI) quintile": "3",
}


def area(key: str, topic: str, judgment: il.Judgment, **kwargs: object) -> il.GradedArea:
    return il.GradedArea(key=key, topic=topic, judgment=judgment, **kwargs)  # type: ignore[arg-type]


def earlier(record: il.Inspection) -> il.RelatedReport:
    return il.RelatedReport(
        relation=il.Relation.EARLIER_INSPECTION,
        target=record.id,
        title=record.title,
        date=record.published,
    )


# The education inspection framework's "most recent inspections" ------------------------------


def test_a_most_recent_row_gives_the_latest_previous_and_section_8_inspections() -> None:
    latest, previous, section_8, other_school = read("schools_most_recent_2019_2024.csv")

    expected_previous = il.Inspection(
        id="ofsted/inspection/10034567",
        title="Ofsted inspection of Alder Grove Primary School, 5 December 2017",
        inspectorate=ofsted.OFSTED,
        subjects=[ALDER],
        published=D(2018, 1, 10),
        fieldwork=il.Period(
            start=il.PartialDate.of_day(2017, 12, 5), end=il.PartialDate.of_day(2017, 12, 6)
        ),
        scales=[OFSTED_FOUR_POINT],
        graded_areas=[
            area(
                "leadership_and_management",
                "Leadership and management",
                FOUR("3"),
                label="Effectiveness of leadership and management",
            ),
            area(
                "early_years",
                "Early years provision",
                FOUR("2"),
                label="Early years provision (where applicable)",
            ),
        ],
        overall=FOUR("3"),
        extensions={
            "ofsted:School type at time of previous full inspection": "Community school",
            "ofsted:Previous category of concern": None,
            "ofsted:Previous safeguarding is effective?": "Yes",
        },
    )
    expected_latest = il.Inspection(
        id="ofsted/inspection/10211234",
        title="Ofsted inspection of Alder Grove Primary School, 14 March 2023",
        inspectorate=ofsted.OFSTED,
        subjects=[ALDER],
        published=D(2023, 4, 21),
        fieldwork=il.Period(
            start=il.PartialDate.of_day(2023, 3, 14), end=il.PartialDate.of_day(2023, 3, 15)
        ),
        scales=[OFSTED_FOUR_POINT],
        framework="ofsted/schools/2019",
        graded_areas=[
            area("quality_of_education", "Quality of education", FOUR("Good")),
            area("behaviour_and_attitudes", "Behaviour and attitudes", FOUR("Outstanding")),
            area("personal_development", "Personal development", FOUR("Good")),
            area(
                "leadership_and_management",
                "Leadership and management",
                FOUR("Good"),
                label="Effectiveness of leadership and management",
            ),
            area(
                "early_years",
                "Early years provision",
                FOUR("Good"),
                label="Early years provision (where applicable)",
            ),
        ],
        overall=FOUR("Good"),
        sources=[
            il.Source(url="https://reports.ofsted.gov.uk/provider/21/100001", publisher="Ofsted")
        ],
        related=[earlier(expected_previous)],
        extensions={
            **ALDER_SCHOOL_COLUMNS,
            "ofsted:Total number of pupils": "412",
            "ofsted:Inspection type": "S5 Inspection",
            "ofsted:Inspection type grouping": "Section 5",
            "ofsted:Event type grouping": "Standard inspection",
            "ofsted:School type at time of latest full inspection": "Community school",
            "ofsted:Category of concern": None,
            "ofsted:Safeguarding is effective?": "Yes",
            "ofsted:Number of section 8 inspections since the last full inspection": "1",
            "ofsted:Number of other section 8 inspections since last full inspection": "0",
        },
    )
    expected_section_8 = il.Inspection(
        id="ofsted/inspection/10298765",
        title="Ofsted inspection of Alder Grove Primary School, 19 June 2024",
        inspectorate=ofsted.OFSTED,
        subjects=[ALDER],
        published=D(2024, 7, 17),
        overall=il.judgments.UNGRADED,
        related=[earlier(expected_latest)],
        extensions={
            "ofsted:School type at time of the latest section 8 inspection": "Community school",
            "ofsted:Section 8 inspection overall outcome": "School remains Good",
            "ofsted:Did the latest section 8 inspection convert to a full inspection?": "No",
            "ofsted:Date of latest section 8 inspection": "2024-06-19",
        },
    )

    assert expected_latest == latest
    assert expected_previous == previous
    assert expected_section_8 == section_8
    assert other_school.id == "ofsted/inspection/10121001"


def test_an_inspection_of_a_predecessor_school_names_it_and_its_successor() -> None:
    record = read("schools_most_recent_2019_2024.csv")[3]

    assert [
        school(
            "Beech Road Community School",
            "105777",
            "3514003",
            successors=[il.Identifier(scheme="ofsted_urn", value="148888")],
        )
    ] == list(record.subjects)
    # The row's own school is kept too: its name and LAESTAB, its URN as the successor.
    assert "Beech Road Academy" == record.extensions["ofsted:School name"]
    assert "3514010" == record.extensions["ofsted:LAESTAB"]
    assert "Special measures" == record.extensions["ofsted:Category of concern"]
    assert "No" == record.extensions["ofsted:Safeguarding is effective?"]
    assert FOUR("Inadequate") == record.overall
    assert ("sixth_form", FOUR("3")) == (
        record.graded_areas[-1].key,
        record.graded_areas[-1].judgment,
    )
    assert () == record.related  # no previous inspection, no section 8 inspection


@pytest.mark.parametrize(
    "name", ["schools_most_recent_2019_2024.csv", "schools_latest_report_cards.csv"]
)
def test_an_earlier_inspection_labels_its_areas_as_the_latest_would(name: str) -> None:
    # The columns say "Previous quality of education", "Latest OEIF sixth form provision
    # (where applicable)": in the earlier inspection's own record, the area is its own.
    labels = {area.label for record in read(name) for area in record.graded_areas}

    assert "Effectiveness of leadership and management" in labels
    assert [] == sorted(
        label for label in labels if label and label.startswith(("Previous ", "Latest OEIF "))
    )


def test_a_school_not_yet_inspected_gives_no_record() -> None:
    urns = {
        r.subjects[0].identifier("ofsted_urn") for r in read("schools_most_recent_2019_2024.csv")
    }

    assert "150123" not in urns


def test_every_record_validates_and_survives_json_lines() -> None:
    for name in sorted(path.name for path in FIXTURES.glob("*.csv")):
        records = read(name)
        buffer = io.BytesIO()
        il.dump_lines(records, buffer)
        buffer.seek(0)

        assert records == list(il.load_lines(buffer)), name


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.*[vs]")))
def test_records_built_without_init_are_what_init_builds(name: str) -> None:
    """The importer builds records without ``__init__`` from values it has checked; running
    ``__init__`` on every field (its converters, validators and type checks) changes nothing."""
    records = list(ofsted.read(FIXTURES / name))

    assert records
    for record in records:
        assert record == attrs.evolve(record)
        assert type(record.extensions) is type(attrs.evolve(record).extensions)
        for subject in record.subjects:
            assert subject == attrs.evolve(subject)
            assert all(identifier == attrs.evolve(identifier) for identifier in subject.identifiers)
        assert type(record.related) is tuple


# The common inspection framework, 2015 to 2019 -----------------------------------------------


def test_the_2015_to_2019_file_is_read_below_its_title_row() -> None:
    graded, short = read("schools_2015_2019.csv")

    assert "ofsted/inspection/10034567" == graded.id  # "ITS10034567" in the file
    assert graded.framework is None  # the catalogue has no common inspection framework
    assert [
        ("leadership_and_management", FOUR("3")),
        ("early_years", FOUR("2")),
        ("outcomes_for_pupils", FOUR("3")),
        ("quality_of_teaching_learning_and_assessment", FOUR("3")),
        ("personal_development_behaviour_and_welfare", FOUR("2")),
    ] == [(a.key, a.judgment) for a in graded.graded_areas]
    assert "Personal development, behaviour and welfare" == graded.graded_areas[-1].topic
    assert FOUR("3") == graded.overall
    assert {
        "ofsted:Ofsted phase": "Primary",
        "ofsted:Type of education": "Community school",
        "ofsted:Local authority": "Camden",
        "ofsted:Region": "London",
        "ofsted:Inspection type": "S5",
        "ofsted:Is safeguarding effective?": "Yes",
        "ofsted:Number of warning notices issued in 2016/17 academic year": "0",
        "ofsted:Outcomes for short inspections that did not convert": None,
        "ofsted:Inspection start date": "2017-12-05",
    } == dict(graded.extensions)
    # A short inspection: "9" in Overall effectiveness, nothing graded.
    assert il.judgments.UNGRADED == short.overall
    assert () == short.graded_areas
    assert "9" == short.extensions["ofsted:Overall effectiveness"]
    assert (
        "School remains Good"
        == short.extensions["ofsted:Outcomes for short inspections that did not convert"]
    )


# 2024/25: no overall grade; a Windows-1252 file ------------------------------------------------


def test_the_2024_25_file_is_read_as_windows_1252_and_has_no_overall_grade() -> None:
    graded, ungraded, monitoring = read("schools_all_inspections_2024_25.csv")

    assert "St Th\u00e9r\u00e8se\u2019s Catholic Primary School" == graded.subjects[0].name
    assert "ofsted/schools/2024" == graded.framework
    assert graded.overall is None
    assert "9" == graded.extensions["ofsted:Overall effectiveness"]
    # "8": the school has no early years provision; no area, and the code is kept.
    assert "early_years" not in [a.key for a in graded.graded_areas]
    assert "8" == graded.extensions["ofsted:Early years provision (where applicable)"]
    assert "Yes" == graded.extensions["ofsted:Safeguarding is effective"]
    assert [
        FOUR("3"),
        FOUR("2"),
        FOUR("2"),
        FOUR("2"),
    ] == [a.judgment for a in graded.graded_areas]
    # The previous inspection is named by its number only: a link, not a record.
    assert [
        il.RelatedReport(
            relation=il.Relation.EARLIER_INSPECTION, target="ofsted/inspection/10123456"
        )
    ] == list(graded.related)
    assert "2020-01-23" == graded.extensions["ofsted:Previous inspection start date"]

    assert il.judgments.UNGRADED == ungraded.overall
    assert (
        "School remains Good (Improving) - S5 Next"
        == ungraded.extensions["ofsted:Outcomes for ungraded and monitoring inspections"]
    )
    assert ungraded.framework is None
    assert "Special measures" == monitoring.extensions["ofsted:Category of concern"]
    assert (
        "1"
        == monitoring.extensions["ofsted:Number of warning notices issued in 2024/25 academic year"]
    )


# Report cards, from 10 November 2025 ----------------------------------------------------------


def test_report_cards_carry_a_date_per_judgement_and_the_earlier_inspections() -> None:
    card, oeif, ungraded, other_card, other_oeif = read("schools_latest_report_cards.csv")

    judged = D(2025, 11, 25)
    assert "ofsted/schools/2025" == card.framework
    assert [OFSTED_REPORT_CARD, OFSTED_SAFEGUARDING] == sorted(
        card.scales, key=lambda scale: scale.id
    )
    assert [
        ("safeguarding", MET("Met"), judged),
        ("inclusion", CARD("Strong standard"), judged),
        ("curriculum_and_teaching", CARD("Expected standard"), judged),
        ("achievement", CARD("Expected standard"), judged),
        ("attendance_and_behaviour", CARD("Strong standard"), judged),
        ("personal_development_and_well_being", CARD("Exceptional"), judged),
        ("early_years", il.judgments.NOT_JUDGED, None),
        ("leadership_and_governance", CARD("Expected standard"), judged),
    ] == [(a.key, a.judgment, a.judged) for a in card.graded_areas]
    assert card.overall is None
    assert [earlier(oeif), earlier(ungraded)] == list(card.related)
    assert "ofsted/schools/2019" == oeif.framework
    assert "Yes" == oeif.extensions["ofsted:Latest OEIF  safeguarding is effective?"]
    assert il.judgments.UNGRADED == ungraded.overall

    # Areas judged on different days keep their own dates.
    achievement = other_card.area("achievement")
    assert (CARD("Urgent improvement"), D(2026, 1, 27)) == (
        achievement.judgment,
        achievement.judged,
    )
    assert "SWK" == other_card.extensions["ofsted:Category of concern"]
    assert "SM" == other_oeif.extensions["ofsted:Latest OEIF category of concern"]
    assert "Beech Road Community School" == other_oeif.subjects[0].name


def test_in_year_report_cards_and_legacy_monitoring_inspections() -> None:
    card, monitoring = read("schools_in_year_report_cards.csv")

    assert "Pennine Learning Trust" == card.extensions["ofsted:Academy Sponsor Name"]
    assert MET("Not met") == card.area("safeguarding").judgment
    assert il.judgments.UNGRADED == monitoring.overall
    assert (
        "Leaders are taking effective action"
        == monitoring.extensions["ofsted:Outcomes for legacy monitoring inspections"]
    )


# Children's services ------------------------------------------------------------------------------


def test_childrens_services_outcomes() -> None:
    bristol, bcp, hammersmith = read("ilacs_outcomes_2025.csv")  # Hull: not yet inspected

    assert (
        il.Inspection(
            id="ofsted/ilacs/bristol/2024-10-14",
            title="Ofsted inspection of Bristol local authority children's services",
            inspectorate=ofsted.OFSTED,
            subjects=[il.Organisation(name="Bristol", kind=il.OrganisationKind.LOCAL_AUTHORITY)],
            published=D(2024, 11, 29),
            scales=[OFSTED_FOUR_POINT],
            graded_areas=[
                area(
                    "leadership",
                    "The impact of leaders on social work practice with children and families",
                    FOUR("Good"),
                ),
                area(
                    "help_and_protection",
                    "The experiences and progress of children who need help and protection",
                    FOUR("Good"),
                ),
                area(
                    "children_in_care",
                    "The experiences and progress of children in care",
                    FOUR("Requires improvement"),
                ),
                area(
                    "care_leavers",
                    "The experiences and progress of care leavers",
                    FOUR("Good"),
                ),
            ],
            overall=FOUR("Good"),
            sources=[
                il.Source(url="https://reports.ofsted.gov.uk/provider/44/80449", publisher="Ofsted")
            ],
            extensions={
                "ofsted:Ofsted region": "South West",
                "ofsted:Inspection date": "2024-10-14",
            },
        )
        == bristol
    )
    assert FOUR("Requires improvement") == bcp.overall
    assert "care_leavers" not in [a.key for a in bcp.graded_areas]  # blank before 2023
    assert "Hammersmith & Fulham" == hammersmith.subjects[0].name


# Errors ------------------------------------------------------------------------------------------


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_an_unknown_grade_names_the_file_row_column_and_value() -> None:
    data = fixture_bytes("schools_most_recent_2019_2024.csv").replace(
        b",2,1,2,2,Yes,", b",2,7,2,2,Yes,"
    )

    with pytest.raises(SourceError) as caught:
        list(ofsted.read(io.BytesIO(data)))

    assert (
        "<stream>: row at line 2 is invalid: 1 problem\n"
        "  line 2: $[\"Behaviour and attitudes\"]: '7' is not an Ofsted grade: expected 1 "
        "(Outstanding), 2 (Good), 3 (Requires improvement), 4 (Inadequate), 8 (does not "
        "apply), 9 (no judgement) or NULL"
    ) == str(caught.value)
    problem = caught.value.problems[0]
    assert ("Behaviour and attitudes", "7", 2) == (problem.field, problem.value, problem.line)


@pytest.mark.parametrize(
    ("urn", "problem"),
    [("", "$.URN: is empty"), ("10O001", "$.URN: '10O001' is not a URN (digits)")],
)
def test_a_row_without_a_urn_says_so(urn: str, problem: str) -> None:
    data = fixture_bytes("schools_2015_2019.csv").replace(b",100001,", f",{urn},".encode(), 1)

    with pytest.raises(SourceError) as raised:
        list(ofsted.read(io.BytesIO(data)))

    assert f"<stream>: row at line 3 is invalid: 1 problem\n  line 3: {problem}" == str(
        raised.value
    )


def test_with_errors_every_good_row_is_read_and_every_bad_one_reported() -> None:
    data = fixture_bytes("ilacs_outcomes_2025.csv").replace(b"14/10/2024", b"31/02/2024")
    errors: list[SourceError] = []

    records = list(ofsted.read(io.BytesIO(data), errors=errors))

    assert ["bournemouth-christchurch-poole", "hammersmith-fulham"] == [
        r.id.split("/")[2] for r in records
    ]
    assert [("Inspection date", "31/02/2024", 4)] == [
        (e.problems[0].field, e.problems[0].value, e.problems[0].line) for e in errors
    ]
    assert "'31/02/2024' is not a day of the calendar" == errors[0].problems[0].message


def test_an_unknown_category_of_concern_is_an_error() -> None:
    data = fixture_bytes("schools_latest_report_cards.csv").replace(b",SWK,", b",XYZ,", 1)

    with pytest.raises(SourceError) as caught:
        list(ofsted.read(io.BytesIO(data)))

    problem = caught.value.problems[0]
    assert ("Category of concern", "XYZ") == (problem.field, problem.value)
    assert problem.message.startswith("'XYZ' is not one of: 'Special measures'")


def test_a_file_without_the_columns_is_refused_whole() -> None:
    with pytest.raises(SourceError) as caught:
        list(ofsted.read_schools(io.BytesIO(b"Name,Grade\nA school,2\n")))

    assert caught.value.item == "the file"


def test_the_framework_of_a_graded_inspection_follows_its_date() -> None:
    assert OFSTED_SCHOOLS_2019.id == read("schools_most_recent_2019_2024.csv")[0].framework


# ODS ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ods", "sheet", "csv"),
    [
        ("schools_report_cards.ods", None, "schools_in_year_report_cards.csv"),
        (
            "schools_report_cards.ods",
            "D2_Most_recent_inspections",
            "schools_latest_report_cards.csv",
        ),
        ("ilacs_outcomes_2025.ods", None, "ilacs_outcomes_2025.csv"),
    ],
)
def test_an_ods_file_gives_the_records_of_the_same_sheet_as_csv(
    ods: str, sheet: str | None, csv: str
) -> None:
    # The sheets hold date cells, numbers and a million padding rows, as spreadsheets do.
    assert read(csv) == list(ofsted.read(FIXTURES / ods, sheet=sheet))


def test_an_ods_file_without_the_sheet_is_refused_whole() -> None:
    with pytest.raises(SourceError) as caught:
        list(ofsted.read(FIXTURES / "schools_report_cards.ods", sheet="D3"))

    assert "no sheet has a header row with 'URN', 'School name'" in str(caught.value)
