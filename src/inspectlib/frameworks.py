"""The frameworks of real inspectorates, ready to use.

Each framework is one programme in one version; its id is
``<inspectorate>/<programme>/<version>``, the version left out where the catalogue knows of only
one and not when it began. Where the public sources gathered for the
catalogue name only some of a framework's areas, the framework is *open*
(``closed=False``): the areas it knows are checked, and an inspection may name others.

>>> from inspectlib.frameworks import HMICFRS_NCPI_2024
>>> HMICFRS_NCPI_2024.resolve_area("Working with safeguarding partners").key
'partnership_working'
"""

from __future__ import annotations

import datetime

from ._frameworks import Framework, FrameworkArea
from ._judgments import NonGradeKind
from ._partial_dates import PartialDate
from ._sources import Source
from .scales import (
    CQC_FOUR_POINT,
    FHIS_PASS_IMPROVEMENT,
    FHRS_CONFIDENCE_IN_MANAGEMENT,
    FHRS_HYGIENE,
    FHRS_RATING,
    FHRS_STRUCTURAL,
    HMI_PROBATION_FOUR_POINT,
    HMICFRS_FIVE_POINT,
    HMICFRS_FOUR_POINT,
    OFSTED_FOUR_POINT,
    OFSTED_REPORT_CARD,
    OFSTED_SAFEGUARDING,
)

__all__ = [
    "ALL",
    "CQC_RATINGS",
    "FHIS",
    "FHRS",
    "HMICFRS_FIRE_2018",
    "HMICFRS_FIRE_2023",
    "HMICFRS_NCPI_2024",
    "HMICFRS_PEEL_2014",
    "HMICFRS_PEEL_2021",
    "HMI_PROBATION_RATINGS",
    "OFSTED_CHILDRENS_SERVICES",
    "OFSTED_SCHOOLS_2019",
    "OFSTED_SCHOOLS_2024",
    "OFSTED_SCHOOLS_2025",
]

_UNGRADED = (NonGradeKind.UNGRADED,)
_NOT_RATED = (NonGradeKind.NOT_RATED,)

HMICFRS_PEEL_2014 = Framework(
    id="hmicfrs/peel/2014",
    programme="hmicfrs/peel",
    name="PEEL: police effectiveness, efficiency and legitimacy, 2014 to 2019/20",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FOUR_POINT,),
    valid_from=PartialDate.of_year(2014),
    valid_until=PartialDate.of_year(2020),
    areas=(
        FrameworkArea(key="effectiveness", topic="Effectiveness", non_grades=_UNGRADED),
        FrameworkArea(key="efficiency", topic="Efficiency", non_grades=_UNGRADED),
        FrameworkArea(key="legitimacy", topic="Legitimacy", non_grades=_UNGRADED),
        FrameworkArea(key="leadership", topic="Leadership", required=False, non_grades=_UNGRADED),
    ),
    closed=False,
    carried_forward=True,
    notes="Grades per pillar (effectiveness, efficiency, legitimacy; leadership in 2015) and "
    "per question; some questions ungraded (2015: crime recording and the leadership "
    "questions; 2018/19: ten questions, one ungraded); in 2017 judgments from 2016 remained "
    "in place for areas not re-inspected. The questions are not listed here.",
    sources=(
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/",
            publisher="HMICFRS",
            title="PEEL 2018",
        ),
    ),
)
"""HMICFRS PEEL from 2014 to 2019/20: four points, pillars and questions."""

HMICFRS_PEEL_2021 = Framework(
    id="hmicfrs/peel/2021",
    programme="hmicfrs/peel",
    name="PEEL: police effectiveness, efficiency and legitimacy, 2021/22 onward",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2021),
    closed=False,
    notes="Five-point scale over around ten to twelve graded areas, some not graded; no "
    "pillar grades. HMICFRS says its grades are not comparable with earlier cycles. The "
    "areas are not listed here.",
    sources=(
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/what-is-peel/"
            "how-we-inspect-peel/",
            publisher="HMICFRS",
            title="How we inspect PEEL",
        ),
    ),
)
"""HMICFRS PEEL from 2021/22: five points, graded areas, no pillar grades."""

HMICFRS_NCPI_2024 = Framework(
    id="hmicfrs/ncpi/2024",
    programme="hmicfrs/ncpi",
    name="National child protection inspection, 2024 assessment criteria",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_day(2024, 4, 16),
    areas=(
        FrameworkArea(key="leadership", topic="Leadership"),
        FrameworkArea(
            key="partnership_working",
            topic="Partnership working",
            aliases=("Working with safeguarding partners",),
        ),
        FrameworkArea(
            key="initial_response",
            topic="Initial response",
            aliases=("Responding to children at risk of harm",),
        ),
        FrameworkArea(
            key="risk_assessment_and_referral",
            topic="Risk assessment and referral",
            aliases=("Assessing risk to children and making appropriate referrals",),
        ),
        FrameworkArea(
            key="investigation",
            topic="Investigation",
            aliases=("Investigating reports of abuse, neglect and exploitation",),
        ),
    ),
    notes="The criteria were published on 16 April 2024. Reports head the topics in their own "
    "words; the aliases record those seen.",
    sources=(
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
            "national-child-protection-inspection-assessment-criteria/",
            publisher="HMICFRS",
            title="National child protection inspection: assessment criteria",
            published=datetime.date(2024, 4, 16),
        ),
    ),
)
"""HMICFRS's national child protection inspection with its 2024 criteria: five topics."""

_FIRE_SOURCE = Source(title="HMICFRS fire and rescue service inspections", publisher="HMICFRS")

HMICFRS_FIRE_2018 = Framework(
    id="hmicfrs/fire/2018",
    programme="hmicfrs/fire",
    name="Fire and rescue service inspections, round 1 (2018-19)",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FOUR_POINT,),
    valid_from=PartialDate.of_year(2018),
    valid_until=PartialDate.of_year(2019),
    areas=(
        FrameworkArea(key="effectiveness", topic="Effectiveness"),
        FrameworkArea(key="efficiency", topic="Efficiency"),
        FrameworkArea(key="people", topic="People"),
    ),
    closed=False,
    notes="Grades per pillar, no overall grade. Questions under the pillars are not listed.",
    sources=(_FIRE_SOURCE,),
)
"""HMICFRS fire and rescue round 1: four points, three pillars, no overall grade."""

HMICFRS_FIRE_2023 = Framework(
    id="hmicfrs/fire/2023",
    programme="hmicfrs/fire",
    name="Fire and rescue service inspections, round 3 (2023 onward)",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2023),
    closed=False,
    notes="Five-point scale across eleven areas, which are not listed here.",
    sources=(_FIRE_SOURCE,),
)
"""HMICFRS fire and rescue round 3: five points across eleven areas."""

_SCHOOLS_SOURCE = Source(title="Ofsted: school inspection", publisher="Ofsted")


def _key_judgements() -> tuple[FrameworkArea, ...]:
    return (
        FrameworkArea(key="quality_of_education", topic="Quality of education"),
        FrameworkArea(key="behaviour_and_attitudes", topic="Behaviour and attitudes"),
        FrameworkArea(key="personal_development", topic="Personal development"),
        FrameworkArea(key="leadership_and_management", topic="Leadership and management"),
        # Judged only where the school has them.
        FrameworkArea(key="early_years", topic="Early years provision", required=False),
        FrameworkArea(key="sixth_form", topic="Sixth form provision", required=False),
    )


OFSTED_SCHOOLS_2019 = Framework(
    id="ofsted/schools/2019",
    programme="ofsted/schools",
    name="Ofsted education inspection framework, with overall effectiveness",
    inspectorate="Ofsted",
    scales=(OFSTED_FOUR_POINT,),
    valid_from=PartialDate.of_month(2019, 9),
    valid_until=PartialDate.of_day(2024, 9, 1),
    areas=_key_judgements(),
    overall=True,
    notes='Grades 1 to 4 for the key judgements and overall effectiveness. "Ungraded" '
    "inspections give no grades.",
    sources=(_SCHOOLS_SOURCE,),
)
"""Ofsted's education inspection framework while it gave an overall grade."""

OFSTED_SCHOOLS_2024 = Framework(
    id="ofsted/schools/2024",
    programme="ofsted/schools",
    name="Ofsted education inspection framework, no overall grade for state schools",
    inspectorate="Ofsted",
    scales=(OFSTED_FOUR_POINT,),
    valid_from=PartialDate.of_day(2024, 9, 2),
    valid_until=PartialDate.of_day(2025, 11, 9),
    areas=_key_judgements(),
    comparable_with=("ofsted/schools/2019",),
    notes="From 2 September 2024 state schools get no overall effectiveness grade; the key "
    "judgements keep the 1 to 4 grades.",
    sources=(_SCHOOLS_SOURCE,),
)
"""Ofsted's education inspection framework from 2 September 2024: no overall grade."""

OFSTED_SCHOOLS_2025 = Framework(
    id="ofsted/schools/2025",
    programme="ofsted/schools",
    name="Ofsted report cards",
    inspectorate="Ofsted",
    scales=(OFSTED_REPORT_CARD, OFSTED_SAFEGUARDING),
    valid_from=PartialDate.of_day(2025, 11, 10),
    areas=(FrameworkArea(key="safeguarding", topic="Safeguarding", scale=OFSTED_SAFEGUARDING.id),),
    closed=False,
    notes="Exceptional to urgent improvement per evaluation area (not listed here), "
    "safeguarding met or not met; not comparable with the old grades.",
    sources=(_SCHOOLS_SOURCE,),
)
"""Ofsted's report cards from 10 November 2025."""

OFSTED_CHILDRENS_SERVICES = Framework(
    id="ofsted/childrens-services/2013",
    programme="ofsted/childrens-services",
    name="Ofsted inspection of services for children in need of help and protection, "
    "children looked after and care leavers (single inspection framework)",
    inspectorate="Ofsted",
    scales=(OFSTED_FOUR_POINT,),
    valid_from=PartialDate.of_month(2013, 11),
    valid_until=PartialDate.of_month(2017, 12),
    areas=(
        FrameworkArea(key="2", topic="Children looked after and achieving permanence"),
        FrameworkArea(key="2.1", topic="Adoption performance", parent="2"),
    ),
    closed=False,
    overall=True,
    notes="Overall effectiveness plus numbered judgements with nested sub-judgements; only "
    'those named in the sources gathered ("2.1 Adoption performance") are listed. Later '
    "inspections of local authority children's services (ILACS) follow the same shape.",
    sources=(Source(title="Ofsted: inspecting children's social care", publisher="Ofsted"),),
)
"""Ofsted's children's services judgements, nested ("2.1 Adoption performance")."""

_KEY_QUESTIONS = ("Safe", "Effective", "Caring", "Responsive", "Well-led")

CQC_RATINGS = Framework(
    id="cqc/ratings/2014",
    programme="cqc/ratings",
    name="CQC ratings of health and social care services",
    inspectorate="CQC",
    scales=(CQC_FOUR_POINT,),
    valid_from=PartialDate.of_month(2014, 10),
    areas=tuple(
        FrameworkArea(key=topic.lower().replace("-", "_"), topic=topic, non_grades=_NOT_RATED)
        for topic in _KEY_QUESTIONS
    ),
    overall=True,
    overall_non_grades=_NOT_RATED,
    notes="Five key questions plus an overall rating set by aggregation and professional "
    "judgement; ratings at location and at provider level, each with a report date.",
    sources=(
        Source(
            title="CQC ratings (the public API's currentRatings.overall and keyQuestionRatings)",
            publisher="Care Quality Commission",
        ),
    ),
)
"""CQC: five key questions and an overall rating; "Not rated" allowed."""

HMI_PROBATION_RATINGS = Framework(
    id="hmi-probation/ratings",
    programme="hmi-probation/ratings",
    name="HMI Probation inspection ratings",
    inspectorate="HMI Probation",
    scales=(HMI_PROBATION_FOUR_POINT,),
    valid_from=None,
    closed=False,
    overall=True,
    notes="Four-point ratings per standard and overall; the standards are not listed here.",
    sources=(Source(title="HMI Probation: inspection ratings", publisher="HMI Probation"),),
)
"""HMI Probation: four-point ratings per standard and overall."""

FHRS = Framework(
    id="fsa/fhrs/2010",
    programme="fsa/fhrs",
    name="Food hygiene rating scheme (England, Wales and Northern Ireland)",
    inspectorate="Food Standards Agency",
    scales=(FHRS_RATING, FHRS_HYGIENE, FHRS_STRUCTURAL, FHRS_CONFIDENCE_IN_MANAGEMENT),
    valid_from=PartialDate.of_month(2010, 11),
    areas=(
        FrameworkArea(key="hygiene", topic="Hygiene", scale=FHRS_HYGIENE.id, required=False),
        FrameworkArea(
            key="structural", topic="Structural", scale=FHRS_STRUCTURAL.id, required=False
        ),
        FrameworkArea(
            key="confidence_in_management",
            topic="Confidence in management",
            scale=FHRS_CONFIDENCE_IN_MANAGEMENT.id,
            required=False,
        ),
    ),
    overall=True,
    overall_non_grades=(NonGradeKind.EXEMPT, NonGradeKind.AWAITING_INSPECTION),
    notes="The rating (0 to 5) is the overall judgment; the sub-scores are areas where lower "
    "is better. Run by local authorities.",
    sources=(Source(title="Food hygiene rating scheme", publisher="Food Standards Agency"),),
)
"""The food hygiene rating scheme: a 0 to 5 rating, or exempt, or awaiting inspection."""

FHIS = Framework(
    id="fss/fhis",
    programme="fss/fhis",
    name="Food hygiene information scheme (Scotland)",
    inspectorate="Food Standards Scotland",
    scales=(FHIS_PASS_IMPROVEMENT,),
    valid_from=None,
    overall=True,
    sources=(Source(title="Food hygiene information scheme", publisher="Food Standards Scotland"),),
)
"""Scotland's food hygiene information scheme: pass or improvement required."""

ALL: tuple[Framework, ...] = (
    HMICFRS_PEEL_2014,
    HMICFRS_PEEL_2021,
    HMICFRS_NCPI_2024,
    HMICFRS_FIRE_2018,
    HMICFRS_FIRE_2023,
    OFSTED_SCHOOLS_2019,
    OFSTED_SCHOOLS_2024,
    OFSTED_SCHOOLS_2025,
    OFSTED_CHILDRENS_SERVICES,
    CQC_RATINGS,
    HMI_PROBATION_RATINGS,
    FHRS,
    FHIS,
)
"""Every built-in framework."""
