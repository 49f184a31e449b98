"""Food hygiene ratings: every form the FSA publishes them in, every field asserted."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import orjson
import pytest

import inspectlib as il
from inspectlib.frameworks import FHIS, FHRS
from inspectlib.scales import (
    FHIS_PASS_IMPROVEMENT,
    FHRS_CONFIDENCE_IN_MANAGEMENT,
    FHRS_HYGIENE,
    FHRS_RATING,
    FHRS_STRUCTURAL,
)
from inspectlib.sources import SourceError, SourceProblem, fhrs

FIXTURES = Path(__file__).parent / "fixtures" / "fhrs"
EN = FIXTURES / "fhrs-en-GB.xml"


def day(text: str) -> il.PartialDate:
    return il.PartialDate.parse_canonical(text)


def authority(
    code: str, name: str, website: str | None = None, email: str | None = None
) -> il.Organisation:
    extensions = {}
    if website is not None:
        extensions["fhrs:LocalAuthorityWebSite"] = website
    if email is not None:
        extensions["fhrs:LocalAuthorityEmailAddress"] = email
    return il.Organisation(
        name=name,
        kind=il.OrganisationKind.LOCAL_AUTHORITY,
        identifiers=[il.Identifier(scheme="fsa_local_authority", value=code)],
        extensions=extensions,
    )


def business(
    fhrsid: str, name: str, la: tuple[str, str] | None, **extensions: Any
) -> il.Organisation:
    identifiers = [il.Identifier(scheme="fhrs", value=fhrsid)]
    if la is not None:
        identifiers.append(il.Identifier(scheme=f"fhrs_la/{la[0]}", value=la[1]))
    return il.Organisation(
        name=name,
        kind=il.OrganisationKind.FOOD_BUSINESS,
        identifiers=identifiers,
        extensions={f"fhrs:{key}": value for key, value in extensions.items()},
    )


SCORES = {
    "hygiene": ("Hygiene", FHRS_HYGIENE),
    "structural": ("Structural", FHRS_STRUCTURAL),
    "confidence_in_management": ("Confidence in management", FHRS_CONFIDENCE_IN_MANAGEMENT),
}


def rating(
    fhrsid: str,
    subject: il.Organisation,
    inspectorate: il.Organisation,
    overall: il.Judgment,
    *,
    extracted: str,
    rated: str | None,
    scores: tuple[str, str, str] | None = None,
    fhis: bool = False,
    **extensions: Any,
) -> il.Inspection:
    return il.Inspection(
        id=f"fhrs/{fhrsid}/{rated or 'undated'}",
        title=("Food hygiene inspection result: " if fhis else "Food hygiene rating: ")
        + subject.name,
        inspectorate=inspectorate,
        subjects=[subject],
        published=day(extracted).no_later_than(),
        scales=FHIS.scales if fhis else FHRS.scales,
        framework=FHIS.id if fhis else FHRS.id,
        fieldwork=None if rated is None else il.Period(start=day(rated), end=day(rated)),
        graded_areas=[]
        if scores is None
        else [
            il.GradedArea(key=key, topic=topic, judgment=scale.parse(score))
            for (key, (topic, scale)), score in zip(SCORES.items(), scores, strict=True)
        ],
        overall=overall,
        extensions={f"fhrs:{key}": value for key, value in extensions.items()},
    )


GWYNEDD = authority(
    "554", "Gwynedd", "http://www.gwynedd.gov.uk", "BwydIechydaDiogelwch@gwynedd.gov.uk"
)
LIVERPOOL = authority(
    "414", "Liverpool", "http://www.liverpool.gov.uk", "environmental.health@liverpool.gov.uk"
)
ABERDEEN = authority("760", "Aberdeen City")
TOWER_HAMLETS = authority(
    "530", "Tower Hamlets", "http://www.towerhamlets.gov.uk", "food.safety@towerhamlets.gov.uk"
)
ST_ALBANS = authority(
    "160",
    "St Albans City",
    "http://www.stalbans.gov.uk/business/Health-and-safety/food-safety/foodHygieneRating.aspx",
    "fhrs@stalbans.gov.uk",
)
ZINC_SUBJECT = business(
    "52236",
    "Zinc",
    ("554", "11776"),
    BusinessType="Restaurant/Cafe/Canteen",
    AddressLine1="Abersoch Cafe",
    AddressLine2="Lôn Pen Cei",
    AddressLine3="Abersoch",
    AddressLine4="Pwllheli, Gwynedd",
    PostCode="LL53 7AW",
    BusinessTypeID=1,
    Geocode={"Longitude": "-4.50444900000000", "Latitude": "52.82492300000000"},
)
EXTRACTED = "2026-08-19"

EXPECTED_EN = [
    rating(
        "52236",
        ZINC_SUBJECT,
        GWYNEDD,
        FHRS_RATING.parse("5"),
        extracted=EXTRACTED,
        rated="2013-11-05",
        scores=("5", "5", "5"),
        RatingKey="fhrs_5_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1264123",
        business(
            "1264123",
            "@Desserts",
            ("414", "78306"),
            BusinessType="Takeaway/sandwich shop",
            AddressLine1="17, Central Shopping Centre Ranelagh Street",
            AddressLine3="Liverpool",
            AddressLine4="Liverpool",
            PostCode="L1 1QE",
            BusinessTypeID=7844,
        ),
        LIVERPOOL,
        il.judgments.AWAITING_INSPECTION,
        extracted=EXTRACTED,
        rated=None,
        RatingKey="fhrs_awaitinginspection_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1777436",
        business(
            "1777436",
            "1 Source Supplements",
            ("857", "24/00307/FOOD"),
            BusinessType="Retailers - other",
            BusinessTypeID=4613,
        ),
        authority("857", "Bath and North East Somerset"),
        il.judgments.EXEMPT,
        extracted=EXTRACTED,
        rated=None,
        RatingKey="fhrs_exempt_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1608170",
        business(
            "1608170",
            "(CURATED) MOROCCAN MARKET",
            ("760", "EHDC15239"),
            BusinessType="Retailers - other",
            AddressLine2="George Street",
            AddressLine3="Aberdeen",
            PostCode="AB25 1HZ",
            BusinessTypeID=4613,
            Geocode={"Longitude": "-2.10076438", "Latitude": "57.14955652"},
        ),
        ABERDEEN,
        FHIS_PASS_IMPROVEMENT.parse("Improvement required"),
        extracted=EXTRACTED,
        rated="2023-07-28",
        fhis=True,
        RatingKey="fhis_improvement_required_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1709868",
        business(
            "1709868",
            "1 & 30 Market Place Kitchen",
            ("027", "25/00313/FOOD"),
            BusinessType="Restaurant/Cafe/Canteen",
            AddressLine1="1 & 30 Market Place",
            AddressLine3="Cambridge",
            PostCode="CB2 3QF",
            BusinessTypeID=1,
        ),
        authority(
            "027", "Cambridge City", "http://www.cambridge.gov.uk", "env.health@cambridge.gov.uk"
        ),
        FHRS_RATING.parse("3"),
        extracted=EXTRACTED,
        rated=None,
        RatingKey="fhrs_3_en-GB",
        NewRatingPending=True,
        RightToReply="We have since replaced the fridge & retrained all staff.",
    ),
    rating(
        "351094",
        business(
            "351094",
            "Greasy Spoon",
            ("530", "C48HSNGREA/2"),
            BusinessType="Mobile caterer",
            BusinessTypeID=7846,
            Geocode={"Longitude": "-0.07550500000000", "Latitude": "51.51710700000000"},
        ),
        TOWER_HAMLETS,
        FHRS_RATING.parse("0"),
        extracted=EXTRACTED,
        rated="2024-03-01",
        scores=("25", "20", "30"),
        RatingKey="fhrs_0_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1800001",
        business(
            "1800001",
            "Abigails",
            ("160", "2006/00077/COMM"),
            BusinessType="Pub/bar/nightclub",
            AddressLine1="2 High Street",
            PostCode="AL1 3EH",
            BusinessTypeID=7843,
        ),
        authority("160", "St Albans City"),
        il.judgments.AWAITING_PUBLICATION,
        extracted=EXTRACTED,
        rated="2026-08-01",
        RatingKey="fhrs_awaitingpublication_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1436677",
        business(
            "1436677",
            "Bridge Street Newsagent",
            ("760", "PI/000088368"),
            BusinessType="Retailers - other",
            AddressLine1="4 Bridge Street",
            AddressLine2="Aberdeen",
            PostCode="AB11 6JL",
            BusinessTypeID=4613,
        ),
        ABERDEEN,
        il.judgments.EXEMPT,
        extracted=EXTRACTED,
        rated="2019-05-14",
        fhis=True,
        RatingKey="fhis_exempt_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1500002",
        business(
            "1500002",
            "The Silver Darling",
            ("760", "EHDC20001"),
            BusinessType="Restaurant/Cafe/Canteen",
            AddressLine1="North Pier House",
            AddressLine2="Pocra Quay",
            AddressLine3="Aberdeen",
            PostCode="AB11 5DQ",
            BusinessTypeID=1,
            Geocode={"Longitude": "-2.07262", "Latitude": "57.14403"},
        ),
        ABERDEEN,
        FHIS_PASS_IMPROVEMENT.parse("Pass and Eat Safe"),
        extracted=EXTRACTED,
        rated="2025-02-11",
        fhis=True,
        RatingKey="fhis_pass_and_eat_safe_en-GB",
        NewRatingPending=False,
    ),
    rating(
        "1496369",
        business(
            "1496369",
            "Crêpes on Wheels",
            None,
            BusinessType="Mobile caterer",
            BusinessTypeID=7846,
        ),
        ABERDEEN,
        il.judgments.AWAITING_INSPECTION,
        extracted=EXTRACTED,
        rated=None,
        fhis=True,
        RatingKey="fhis_awaiting_inspection_en-GB",
        NewRatingPending=False,
    ),
]


# Each form, every field -------------------------------------------------------------------------


def test_the_bulk_xml_file_every_field() -> None:
    records = list(fhrs.read(EN))

    assert len(EXPECTED_EN) == len(records)
    for expected, record in zip(EXPECTED_EN, records, strict=True):
        assert expected == record


def test_every_record_validates_and_shares_its_local_authority() -> None:
    records = list(fhrs.read(EN))

    for record in records:
        assert () == il.check(record)
    aberdeen = [r.inspectorate for r in records if r.inspectorate.name == "Aberdeen City"]
    assert 4 == len(aberdeen)
    assert all(a is aberdeen[0] for a in aberdeen)


def test_the_welsh_file_has_the_same_elements_and_welsh_values() -> None:
    zinc, cei = fhrs.read(FIXTURES / "fhrs-cy-GB.xml")

    assert attrs_evolve_subject(
        EXPECTED_EN[0], BusinessType="Bwyty/Caffi/Ffreutur", RatingKey=None
    ) == attrs_evolve_subject(zinc, RatingKey=None)
    assert "fhrs_5_cy-GB" == zinc.extensions["fhrs:RatingKey"]
    assert il.judgments.AWAITING_INSPECTION == cei.overall
    assert "fhrs_ratingawaited_cy-GB" == cei.extensions["fhrs:RatingKey"]
    assert "Siop tecawê/brechdanau" == cei.subjects[0].extensions["fhrs:BusinessType"]


def attrs_evolve_subject(
    record: il.Inspection,
    *,
    RatingKey: str | None,  # noqa: N803 - the element's name
    **subject_extensions: str,
) -> il.Inspection:
    """*record* with its RatingKey dropped and its subject's extensions updated."""
    import attrs

    subject = record.subjects[0]
    extensions = dict(subject.extensions) | {
        f"fhrs:{key}": value for key, value in subject_extensions.items()
    }
    kept = {k: v for k, v in record.extensions.items() if k != "fhrs:RatingKey"}
    return attrs.evolve(
        record, subjects=[attrs.evolve(subject, extensions=extensions)], extensions=kept
    )


POPLAR: dict[str, Any] = {
    "BusinessType": "Takeaway/sandwich shop",
    "AddressLine1": "12 Chrisp Street",
    "AddressLine2": "London",
    "PostCode": "E14 6BB",
    "BusinessTypeID": 7844,
    "Geocode": {"Longitude": "-0.01524300000000", "Latitude": "51.51205000000000"},
}


def test_the_2020_json_twin_every_value_a_string() -> None:
    records = list(fhrs.read(FIXTURES / "fhrs-2020.json"))

    assert [
        rating(
            "1227622",
            business("1227622", "Poplar Spice", ("530", "PI/000123456"), **POPLAR),
            TOWER_HAMLETS,
            FHRS_RATING.parse("4"),
            extracted="2020-07-22",
            rated="2019-10-17",
            scores=("5", "0", "10"),
            RatingKey="fhrs_4_en-GB",
            NewRatingPending=False,
        ),
        rating(
            "1227700",
            business(
                "1227700",
                "Bow Bakery",
                ("530", "PI/000123999"),
                BusinessType="Retailers - other",
                AddressLine1="3 Roman Road",
                PostCode="E3 5LU",
                BusinessTypeID=4613,
            ),
            TOWER_HAMLETS,
            il.judgments.EXEMPT,
            extracted="2020-07-22",
            rated=None,
            RatingKey="fhrs_exempt_en-GB",
            NewRatingPending=False,
        ),
        rating(
            "1227701",
            business(
                "1227701",
                "Brick Lane Bagels",
                ("530", "PI/000124000"),
                BusinessType="Takeaway/sandwich shop",
                AddressLine1="159 Brick Lane",
                PostCode="E1 6SB",
                BusinessTypeID=7844,
                Geocode={"Longitude": "-0.07190200000000", "Latitude": "51.52440600000000"},
            ),
            TOWER_HAMLETS,
            FHRS_RATING.parse("4"),
            extracted="2020-07-22",
            rated="2020-02-03",
            scores=("10", "5", "5"),
            RatingKey="fhrs_4_en-GB",
            NewRatingPending=True,
        ),
    ] == records


def test_the_2020_json_twin_with_one_establishment_as_an_object() -> None:
    (record,) = fhrs.read(FIXTURES / "fhrs-2020-one.json")

    assert (
        business("1227622", "Poplar Spice", ("530", "PI/000123456"), **POPLAR)
        == (record.subjects[0])
    )
    assert "fhrs/1227622/2019-10-17" == record.id


def test_the_2024_json_twin_typed_values_and_no_detail_level() -> None:
    desserts, lark, market = fhrs.read(FIXTURES / "fhrs-2024.json")

    def as_2024(expected: il.Inspection) -> il.Inspection:
        import attrs

        return attrs.evolve(expected, published=day("2024-11-20").no_later_than())

    assert as_2024(EXPECTED_EN[1]) == desserts
    assert as_2024(EXPECTED_EN[3]) == market
    assert (
        rating(
            "1714030",
            business(
                "1714030",
                "Lark Lane Deli",
                ("414", "24/01234/FOOD"),
                BusinessType="Hospitals/Childcare/Caring Premises",
                AddressLine2="Lark Lane",
                AddressLine3="Liverpool",
                PostCode="L17 8US",
                BusinessTypeID=5,
                Geocode={"Longitude": "-2.94116300000000", "Latitude": "53.37500100000000"},
            ),
            LIVERPOOL,
            FHRS_RATING.parse("4"),
            extracted="2024-11-20",
            rated="2024-06-12",
            scores=("10", "5", "5"),
            RatingKey="fhrs_4_en-GB",
            NewRatingPending=False,
        )
        == lark
    )


AS_OF = datetime.date(2025, 1, 10)


def test_an_api_response_with_the_day_it_was_fetched() -> None:
    records = list(fhrs.read(FIXTURES / "api-establishments.json", as_of=AS_OF))
    fetched = AS_OF.isoformat()

    assert [
        rating(
            "781664",
            business(
                "781664",
                "1 Life Abbey View",
                ("160", "PI/000088368"),
                BusinessType="Retailers - other",
                AddressLine1="Abbey View Golf Course",
                AddressLine2="Westminster Lodge",
                AddressLine3="Holywell Hill",
                AddressLine4="St Albans",
                PostCode="AL1 2DJ",
                BusinessTypeID=4613,
                Geocode={"Longitude": "-0.347095", "Latitude": "51.745281"},
            ),
            ST_ALBANS,
            FHRS_RATING.parse("5"),
            extracted=fetched,
            rated="2015-06-30",
            scores=("5", "5", "5"),
            RatingKey="fhrs_5_en-gb",
            NewRatingPending=False,
        ),
        rating(
            "305931",
            business(
                "305931",
                "Age Concern",
                ("160", "PI/000019944"),
                BusinessType="Other catering premises",
                AddressLine1="St Peters Church",
                AddressLine2="St Peters Street",
                AddressLine3="St Albans",
                AddressLine4="Hertfordshire",
                PostCode="AL1 3HG",
                BusinessTypeID=7841,
                Geocode={"Longitude": "-0.335425", "Latitude": "51.755008"},
            ),
            ST_ALBANS,
            il.judgments.EXEMPT,
            extracted=fetched,
            rated=None,
            RatingKey="fhrs_exempt_en-gb",
            NewRatingPending=False,
        ),
        rating(
            "1012345",
            business(
                "1012345",
                "Abigails",
                ("160", "PI/000200001"),
                BusinessType="Pub/bar/nightclub",
                PostCode="AL2 ",
                BusinessTypeID=7843,
            ),
            ST_ALBANS,
            FHRS_RATING.parse("5"),
            extracted=fetched,
            rated="2017-11-02",
            scores=("0", "5", "0"),
            RatingKey="fhrs_5_en-gb",
            NewRatingPending=True,
        ),
        rating(
            "1012399",
            business(
                "1012399",
                "Harpenden Harvest",
                ("160", "PI/000200099"),
                BusinessType="Retailers - supermarkets/hypermarkets",
                AddressLine1="5 Station Road",
                AddressLine2="Harpenden",
                PostCode="AL5 4SE",
                BusinessTypeID=7840,
                Geocode={"Longitude": "-0.356201", "Latitude": "51.81432"},
            ),
            ST_ALBANS,
            FHRS_RATING.parse("2"),
            extracted=fetched,
            rated="2024-12-04",
            scores=("15", "10", "10"),
            RatingKey="fhrs_2_en-gb",
            NewRatingPending=False,
            RightToReply="We have invested in a new kitchen since the inspection.",
        ),
    ] == records


def test_one_establishment_from_the_api() -> None:
    (record,) = fhrs.read(FIXTURES / "api-establishment.json", as_of=AS_OF)

    assert next(fhrs.read(FIXTURES / "api-establishments.json", as_of=AS_OF)) == record


@pytest.mark.parametrize("fixture", ["api-establishment.json", "api-establishments.json"])
def test_an_api_response_without_the_day_it_was_fetched_cannot_say_when_it_was_published(
    fixture: str,
) -> None:
    errors: list[SourceError] = []

    assert [] == list(fhrs.read(FIXTURES / fixture, errors=errors))
    # One error for the file, not one for each of its establishments.
    assert [("the file", "$")] == [(error.item, error.problems[0].path) for error in errors]
    assert [
        SourceProblem(
            "$",
            "no date to publish the ratings by: the file states no extract date (pass as_of=, "
            "the day the data was fetched)",
        )
    ] == list(errors[0].problems)


def test_a_binary_stream_that_cannot_seek_reads_as_the_file_does() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            data = self._data.read(min(len(buffer), 1000))
            buffer[: len(data)] = data
            return len(data)

    assert EXPECTED_EN == list(fhrs.read(Pipe(EN.read_bytes())))  # type: ignore[arg-type]


def test_the_bundled_sample_is_the_four_real_records() -> None:
    assert EXPECTED_EN[:4] == list(fhrs.read(fhrs.SAMPLE))


# Errors ---------------------------------------------------------------------------------------


def xml_with(detail: str, *, count: int = 1, extracted: str = "2026-08-19") -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        '<FHRSEstablishment xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"<Header><ExtractDate>{extracted}</ExtractDate><ItemCount>{count}</ItemCount>"
        "<ReturnCode>Success</ReturnCode></Header>\n"
        f"<EstablishmentCollection>{detail}</EstablishmentCollection>\n"
        "</FHRSEstablishment>\n"
    ).encode()


ZINC_XML = (
    EN.read_text(encoding="utf-8")
    .split("<EstablishmentDetail>")[1]
    .split("</EstablishmentDetail>")[0]
)


def detail(**changes: str | None) -> str:
    """Zinc's EstablishmentDetail with elements replaced (``None`` removes one)."""
    body = ZINC_XML
    for element, value in changes.items():
        start = body.index(f"<{element}>")
        end = body.index(f"</{element}>") + len(f"</{element}>")
        body = (
            body[:start]
            + ("" if value is None else f"<{element}>{value}</{element}>")
            + (body[end:])
        )
    return f"<EstablishmentDetail>{body}</EstablishmentDetail>"


def errors_of(data: bytes) -> list[SourceError]:
    errors: list[SourceError] = []
    assert [] == list(fhrs.read(io.BytesIO(data), errors=errors))
    return errors


def test_an_unknown_rating_names_file_item_field_and_value() -> None:
    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(xml_with(detail(RatingValue="Six")))))

    error = raised.value
    assert ("<stream>", "EstablishmentDetail 1 (FHRSID 52236)") == (error.file, error.item)
    assert (
        SourceProblem(
            "$.RatingValue",
            "'Six' is not an FHRS rating this importer knows (5, 4, 3, 2, 1, 0, Exempt, "
            "AwaitingInspection, AwaitingPublication)",
            None,
            "RatingValue",
            "Six",
        )
        == error.problems[0]
    )
    assert 1 == len(error.problems)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"RatingDate": "2013-02-30"},
            ("$.RatingDate", "'2013-02-30' is not a date: day is out of range for month"),
        ),
        ({"RatingDate": "05/11/2013"}, ("$.RatingDate", "'05/11/2013' is not a date (YYYY-MM-DD)")),
        (
            {"RatingDate": "2026-09-01"},
            ("$.RatingDate", "rated 2026-09-01, after the data was extracted (2026-08-19)"),
        ),
        (
            {"RatingKey": "fhrs_4_en-GB"},
            ("$.RatingKey", "'fhrs_4_en-GB' does not match RatingValue '5'"),
        ),
        ({"SchemeType": "FHRSX"}, ("$.SchemeType", "unknown scheme 'FHRSX'")),
        ({"SchemeType": None}, ("$.SchemeType", "missing")),
        ({"FHRSID": None}, ("$.FHRSID", "missing")),
        ({"FHRSID": "52x"}, ("$.FHRSID", "'52x' is not an FHRSID (a whole number)")),
        ({"BusinessName": None}, ("$.BusinessName", "missing")),
        ({"LocalAuthorityName": None}, ("$.LocalAuthorityName", "missing")),
        (
            {"LocalAuthorityCode": "E08000012"},
            ("$.LocalAuthorityCode", "'E08000012' is not an FSA authority code"),
        ),
        ({"NewRatingPending": "Yes"}, ("$.NewRatingPending", "'Yes' is neither True nor False")),
        ({"BusinessTypeID": "one"}, ("$.BusinessTypeID", "'one' is not a whole number")),
        (
            {"Scores": "<Hygiene>7</Hygiene>"},
            ("$.Scores.Hygiene", "'7' is not a hygiene score (0, 5, 10, 15, 20, 25)"),
        ),
        ({"Scores": "<Smell>5</Smell>"}, ("$.Scores.Smell", "unknown score")),
        (
            {"Geocode": "<Longitude>east</Longitude><Latitude>52.8</Latitude>"},
            ("$.Geocode.Longitude", "'east' is not a longitude"),
        ),
        (
            {"Geocode": "<Longitude>1.0</Longitude><Latitude>95.0</Latitude>"},
            ("$.Geocode.Latitude", "'95.0' is not a latitude"),
        ),
        (
            {
                "Scores": "<Hygiene>10</Hygiene><Structural>5</Structural>"
                "<ConfidenceInManagement>5</ConfidenceInManagement>"
            },
            (
                "$.RatingValue",
                "rating '5' contradicts the scores: framework 'fsa/fhrs/2010' rates hygiene 10, "
                "structural 5, confidence_in_management 5 (total 20, highest 10) as '4'",
            ),
        ),
    ],
)
def test_each_bad_value_is_located(
    changes: dict[str, str | None], problem: tuple[str, str]
) -> None:
    (error,) = errors_of(xml_with(detail(**changes)))

    assert [problem] == [(p.path, p.message) for p in error.problems]


def test_an_fhis_result_with_scores_is_an_error() -> None:
    market = (
        EN.read_text(encoding="utf-8")
        .split("<EstablishmentDetail>")[4]
        .split("</EstablishmentDetail>")[0]
    )
    changed = market.replace("<Scores />", "<Scores><Hygiene>5</Hygiene></Scores>")
    (error,) = errors_of(xml_with(f"<EstablishmentDetail>{changed}</EstablishmentDetail>"))

    assert [("$.Scores.Hygiene", "an FHIS result has no scores")] == [
        (p.path, p.message) for p in error.problems
    ]


def test_a_repeated_element_and_a_stray_attribute_are_errors() -> None:
    doubled = (
        detail()
        .replace("<PostCode>", '<PostCode lang="en">', 1)
        .replace(
            "<RatingValue>5</RatingValue>",
            "<RatingValue>5</RatingValue><RatingValue>4</RatingValue>",
        )
    )
    (error,) = errors_of(xml_with(doubled))

    assert [
        ('$.PostCode["@lang"]', "unexpected attribute"),
        ("$.RatingValue", "appears 2 times"),
    ] == [(p.path, p.message) for p in error.problems]


def test_an_unknown_element_is_kept_in_extensions_not_dropped() -> None:
    (record,) = fhrs.read(
        io.BytesIO(
            xml_with(
                detail(Geocode=None).replace(
                    "</EstablishmentDetail>", "<Hours><Open>9</Open></Hours></EstablishmentDetail>"
                )
            )
        )
    )

    assert {"Open": "9"} == record.extensions["fhrs:Hours"]


def test_with_a_list_every_bad_establishment_is_collected_and_the_good_ones_yielded() -> None:
    data = xml_with(
        detail(RatingValue="Six") + detail() + detail(FHRSID="7", RatingDate="x"), count=3
    )
    errors: list[SourceError] = []

    assert ["fhrs/52236/2013-11-05"] == [r.id for r in fhrs.read(io.BytesIO(data), errors=errors)]
    assert ["EstablishmentDetail 1 (FHRSID 52236)", "EstablishmentDetail 3 (FHRSID 7)"] == [
        e.item for e in errors
    ]


def test_a_file_cut_short_says_so_after_its_establishments() -> None:
    errors: list[SourceError] = []

    assert 1 == len(list(fhrs.read(io.BytesIO(xml_with(detail(), count=2)), errors=errors)))
    assert (
        "<stream>: the file is invalid: 1 problem\n"
        "  $: the header's ItemCount says 2 establishments, and the file holds 1: it may be cut "
        "short"
    ) == str(errors[0])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"",
            "not an FSA food hygiene file: expected XML (a bulk open-data file) or JSON (its "
            "JSON twin, or an API response); the file is empty",
        ),
        (
            b"FHRSID,Name\n",
            "not an FSA food hygiene file: expected XML (a bulk open-data file) "
            "or JSON (its JSON twin, or an API response)",
        ),
        (
            b"<ratings/>",
            "not an FSA bulk open-data file: its root element is 'ratings', not "
            "'FHRSEstablishment'",
        ),
        (
            b'{"ratings": []}',
            "not an FSA food hygiene file: JSON with neither FHRSEstablishment "
            "(a bulk file's twin), establishments (an API response) nor FHRSID (one establishment)",
        ),
        (b'{"FHRSID": ', "invalid JSON at line 1, column 12: unexpected end of data"),
        (
            b"PK\x03\x04\x14\x00",
            "not an FSA food hygiene file: expected XML (a bulk open-data file) or JSON (its "
            "JSON twin, or an API response); the file is a zip archive: extract the XML or JSON "
            "file from it first",
        ),
        (
            "<FHRSEstablishment/>".encode("utf-16"),
            "not an FSA food hygiene file: expected XML (a bulk open-data file) or JSON (its "
            "JSON twin, or an API response); the file is UTF-16 text: save it as UTF-8, as the "
            "FSA publishes it",
        ),
    ],
    ids=["empty", "csv", "other-xml", "other-json", "broken-json", "zip", "utf-16"],
)
def test_a_file_that_is_not_the_fsas_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(data)))

    assert [message] == [p.message for p in raised.value.problems]


def test_a_header_without_an_extract_date_is_refused() -> None:
    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(xml_with(detail(), extracted="someday"))))

    assert (
        "<stream>: Header is invalid: 1 problem\n"
        "  $.Header.ExtractDate: 'someday' is not a date (YYYY-MM-DD)" == str(raised.value)
    )


def test_a_billion_laughs_file_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE FHRSEstablishment [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<FHRSEstablishment><Header><ExtractDate>&b;</ExtractDate></Header></FHRSEstablishment>"
    )

    with pytest.raises(SourceError) as raised:
        list(fhrs.read(io.BytesIO(data)))

    assert raised.value.problems[0].message.startswith(
        "refused: the XML has a document type declaration"
    )


# Lossless ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "fhrs-en-GB.xml",
        "fhrs-cy-GB.xml",
        "fhrs-2020.json",
        "fhrs-2024.json",
        "api-establishments.json",
    ],
)
def test_json_lines_round_trip_gives_equal_records(name: str, tmp_path: Path) -> None:
    records = list(fhrs.read(FIXTURES / name, as_of=AS_OF))
    path = tmp_path / "out.jsonl"

    il.dump_lines(records, path)

    assert records == list(il.load_lines(path))


# Where each field of the bulk file lands in a record: the typed fields.
TYPED = {
    "FHRSID": lambda r: r.subjects[0].identifier("fhrs"),
    "LocalAuthorityBusinessID": lambda r: r.subjects[0].identifier(
        f"fhrs_la/{r.inspectorate.identifier('fsa_local_authority')}"
    ),
    "BusinessName": lambda r: r.subjects[0].name,
    "RatingValue": lambda r: r.overall,
    "RatingDate": lambda r: r.fieldwork,
    "LocalAuthorityCode": lambda r: r.inspectorate.identifier("fsa_local_authority"),
    "LocalAuthorityName": lambda r: r.inspectorate.name,
    "SchemeType": lambda r: r.framework,
    "Scores": lambda r: r.graded_areas,
}


def test_every_field_of_the_source_lands_in_a_typed_field_or_in_extensions() -> None:
    root = ElementTree.parse(EN).getroot()
    details = root.find("EstablishmentCollection")
    assert details is not None
    for element, record in zip(details, fhrs.read(EN), strict=True):
        holders: list[Any] = [record, record.inspectorate, *record.subjects]
        kept = {key.removeprefix("fhrs:") for holder in holders for key in holder.extensions}
        for field in element:
            has_value = bool((field.text or "").strip()) or any(
                (child.text or "").strip() for child in field
            )
            if not has_value:
                continue  # an empty or nil element: nothing to keep
            tag = field.tag
            assert tag in kept or TYPED[tag](record), f"{record.id}: {tag} was dropped"


def test_the_extensions_hold_the_source_values_verbatim() -> None:
    (zinc,) = list(fhrs.read(EN))[:1]

    geocode: Any = zinc.subjects[0].extensions["fhrs:Geocode"]
    assert "-4.50444900000000" == geocode["Longitude"]
    assert orjson.loads(il.dumps(zinc))["subjects"][0]["extensions"]["fhrs:Geocode"] == {
        "Longitude": "-4.50444900000000",
        "Latitude": "52.82492300000000",
    }


# The command line -------------------------------------------------------------------------------


def test_import_the_bundled_sample_and_show_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspectlib._cli import main

    out = tmp_path / "ratings.jsonl"

    assert 0 == main(["import", "fhrs", "sample:fhrs", "-o", str(out)])
    assert (
        f"4 records imported, 0 errors, written to {out}\n"
        "kept in extensions: fhrs:AddressLine1 (2), fhrs:AddressLine2 (2), fhrs:AddressLine3 (3), "
        "fhrs:AddressLine4 (2), fhrs:BusinessType (4), fhrs:BusinessTypeID (4), fhrs:Geocode (2), "
        "fhrs:LocalAuthorityEmailAddress (2), fhrs:LocalAuthorityWebSite (2), "
        "fhrs:NewRatingPending (4), fhrs:PostCode (3), fhrs:RatingKey (4)\n"
    ) == capsys.readouterr().err
    assert EXPECTED_EN[:4] == list(il.load_lines(out))
    assert 0 == main(["show", str(out)])
    shown = capsys.readouterr().out
    assert "Food hygiene rating: Zinc" in shown
    assert "Food hygiene inspection result: (CURATED) MOROCCAN MARKET" in shown


def test_import_reports_each_bad_establishment_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspectlib._cli import main

    bad = tmp_path / "FHRS554en-GB.xml"
    bad.write_bytes(xml_with(detail(RatingValue="Six") + detail(), count=2))

    assert 1 == main(["import", "fhrs", str(bad)])
    captured = capsys.readouterr()
    assert 1 == len(captured.out.splitlines())
    assert captured.err.startswith(
        f"{bad}: EstablishmentDetail 1 (FHRSID 52236): $.RatingValue: 'Six' is not an FHRS "
        "rating this importer knows"
    )
    assert "1 record imported, 1 error\n" in captured.err


def test_an_api_response_needs_the_day_it_was_fetched_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from inspectlib._cli import main

    path = str(FIXTURES / "api-establishment.json")

    assert 0 == main(["import", "fhrs", path, "--as-of", "2025-01-10"])
    assert "1 record imported, 0 errors\n" in capsys.readouterr().err


def test_the_readme_shows_the_import_command_these_tests_run() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [block.split("```")[0].strip() for block in readme.split("```console\n")[1:]]

    assert (
        "inspectlib import fhrs sample:fhrs -o ratings.jsonl && inspectlib show ratings.jsonl"
        == commands[2]
    )


@pytest.mark.parametrize(
    "name",
    [
        "fhrs-en-GB.xml",
        "fhrs-cy-GB.xml",
        "fhrs-2020.json",
        "fhrs-2024.json",
        "api-establishments.json",
    ],
)
def test_records_built_without_init_are_what_init_builds(name: str) -> None:
    import attrs

    for record in fhrs.read(FIXTURES / name, as_of=AS_OF):
        # evolve runs __init__ with every field: its converters, validators and type checks.
        assert record == attrs.evolve(record)
        assert record.subjects[0] == attrs.evolve(record.subjects[0])
        for identifier in record.subjects[0].identifiers:
            assert identifier == attrs.evolve(identifier)
