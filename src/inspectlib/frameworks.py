"""Inspection frameworks: :class:`Framework` and its parts, :func:`compare_grades` across
frameworks, and the frameworks of real inspectorates, ready to use.

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

import attrs

from ._frameworks import (
    Change,
    Comparability,
    Framework,
    FrameworkArea,
    GradeMapping,
    ScoreBand,
    ScoreBands,
    compare_grades,
)
from ._judgments import NonGradeKind
from ._partial_dates import PartialDate
from ._sources import Source
from ._surface import offer_only
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
    "Framework",
    "FrameworkArea",
    "Comparability",
    "GradeMapping",
    "ScoreBands",
    "ScoreBand",
    "Change",
    "compare_grades",
    "ALL",
    "CQC_RATINGS",
    "FHIS",
    "FHRS",
    "HMICFRS_FIRE_2018",
    "HMICFRS_FIRE_2023",
    "HMICFRS_NCPI_2024",
    "HMICFRS_PEEL_2014",
    "HMICFRS_PEEL_2015",
    "HMICFRS_PEEL_2018",
    "HMICFRS_PEEL_2021",
    "HMICFRS_PEEL_2023",
    "HMICFRS_PEEL_2025",
    "HMI_PROBATION_RATINGS",
    "OFSTED_CHILDRENS_SERVICES",
    "OFSTED_SCHOOLS_2019",
    "OFSTED_SCHOOLS_2024",
    "OFSTED_SCHOOLS_2025",
]

_UNGRADED = (NonGradeKind.UNGRADED,)
_NOT_RATED = (NonGradeKind.NOT_RATED,)
# Ofsted's "no judgement": the 9 of its numeric codes, "Not judged" in the report card files.
_NOT_JUDGED = (NonGradeKind.NOT_JUDGED,)

_PEEL_2015_GRADES = Source(
    url="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2015/"
    "?view=table&sort=alpha&data=question&group_by_region=off",
    publisher="HMICFRS",
    title="PEEL 2015: the grades forces received, by question",
)
_PEEL_2018_GRADES = Source(
    url="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/"
    "?view=wheel&sort=alpha&data=question&group_by_region=off",
    publisher="HMICFRS",
    title="PEEL 2018/19: the grades forces received, by question",
)
_PEEL_2018_OVERVIEW = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/"
    "?view=table&sort=alpha&data=pillar&group_by_region=on",
    publisher="HMICFRS",
    title="PEEL 2018/19: one report per force from 2018/19, one per pillar before",
)
_WHAT_IS_PEEL = Source(
    url="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/what-is-peel/",
    publisher="HMICFRS",
    title="What is PEEL? (2021/22 grades cannot be directly compared with earlier PEEL grades)",
)
_PAF_2021 = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
    "peel-assessment-framework-2021-22/",
    publisher="HMICFRS",
    title="PEEL Assessment Framework 2021/22",
    published=datetime.date(2021, 4, 21),
)
_PEEL_2023 = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/what-is-peel/"
    "peel-assessments-2023-2025/",
    publisher="HMICFRS",
    title="PEEL assessments 2023 - 2025",
)
_PAF_2023 = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publications/"
    "peel-assessment-framework-2023-2025/",
    publisher="HMICFRS",
    title="PEEL Assessment Framework (PAF) 2023-2025",
    published=datetime.date(2023, 2, 8),
)
_PAF_2025 = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
    "peel-assessment-framework-2025-2027",
    publisher="HMICFRS",
    title="PEEL assessment framework (PAF) 2025-2027",
    published=datetime.date(2025, 4, 11),
)

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
    notes="The four-point PEEL years as a whole, for the years whose questions the catalogue "
    "does not list (2014, 2016, 2017): grades per pillar and per question, some questions "
    "ungraded; in 2017 judgments from 2016 remained in place for areas not re-inspected. "
    "The 2015 and 2018/19 questions are in 'hmicfrs/peel/2015' and 'hmicfrs/peel/2018'.",
    sources=(
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/",
            publisher="HMICFRS",
            title="PEEL 2018",
        ),
    ),
)
"""HMICFRS PEEL from 2014 to 2019/20 as a whole: four points, pillars; questions not listed."""


def _questions(
    pillar: str, questions: tuple[str, ...], ungraded: tuple[int, ...] = ()
) -> tuple[FrameworkArea, ...]:
    """A pillar's numbered questions: keys ``<pillar>.<n>``, nested under the pillar."""
    return tuple(
        FrameworkArea(
            key=f"{pillar}.{number}",
            topic=question,
            parent=pillar,
            non_grades=_UNGRADED if number in ungraded else (),
            # Until 2018 each pillar had its own report: a record holds one pillar or more.
            required=False,
        )
        for number, question in enumerate(questions, start=1)
    )


HMICFRS_PEEL_2015 = Framework(
    id="hmicfrs/peel/2015",
    programme="hmicfrs/peel",
    name="PEEL 2015: police effectiveness, efficiency, legitimacy and leadership",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FOUR_POINT,),
    valid_from=PartialDate.of_year(2015),
    valid_until=PartialDate.of_year(2016),
    areas=(
        FrameworkArea(key="effectiveness", topic="Effectiveness", required=False),
        *_questions(
            "effectiveness",
            (
                "How effective is the force at preventing crime and anti-social behaviour, and "
                "keeping people safe?",
                "How effective is the force at investigating crime and managing offenders?",
                "How effective is the force at protecting from harm those who are vulnerable, "
                "and supporting victims?",
                "How effective is the force at tackling serious and organised crime, including "
                "its arrangement for fulfilling its national policing responsibilities?",
            ),
        ),
        FrameworkArea(key="efficiency", topic="Efficiency", required=False),
        *_questions(
            "efficiency",
            (
                "How well does the force use its resources to meet its demand?",
                "How sustainable and affordable is the workforce model?",
                "How sustainable is the force's financial position for the short and long term?",
            ),
        ),
        FrameworkArea(key="legitimacy", topic="Legitimacy", required=False),
        *_questions(
            "legitimacy",
            (
                "To what extent does practice and behaviour reinforce the wellbeing of staff "
                "and an ethical culture?",
                "To what extent are forces recording crimes in accordance with the Home Office "
                "Counting Rules?",
                "How well does the force understand, engage with and treat fairly the people it "
                "serves to maintain and improve its legitimacy?",
                "To what extent are decisions taken on the use of stop and search and Taser fair "
                "and appropriate?",
            ),
            ungraded=(2,),
        ),
        FrameworkArea(key="leadership", topic="Leadership", required=False, non_grades=_UNGRADED),
        *_questions(
            "leadership",
            (
                "How well does the force have a clear understanding of the current state of its "
                "leadership at every level?",
                "How well has the force provided a clear and compelling sense of the future "
                "direction of the organisation?",
                "How is the force developing leadership, motivating the workforce and "
                "encouraging staff engagement?",
            ),
            ungraded=(1, 2, 3),
        ),
    ),
    # HMICFRS lists a fourth leadership question, also ungraded, whose full wording the
    # sources gathered cut short: inspections may name it.
    closed=False,
    notes="Three graded pillars and eleven graded questions; the crime-recording question "
    "(legitimacy 2) and the leadership questions are ungraded. Each pillar had its own report, "
    "so no area is required of one record. The fourth leadership question (ungraded, "
    '"To what extent is leadership improving the effe...") is not listed: its full wording was '
    "not found.",
    sources=(_PEEL_2015_GRADES, _PEEL_2018_OVERVIEW),
)
"""HMICFRS PEEL 2015: pillars and their questions, the ungraded ones marked."""

HMICFRS_PEEL_2018 = Framework(
    id="hmicfrs/peel/2018",
    programme="hmicfrs/peel",
    name="PEEL 2018/19: integrated PEEL assessments",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FOUR_POINT,),
    valid_from=PartialDate.of_month(2018, 5),
    valid_until=PartialDate.of_year(2020),
    areas=(
        FrameworkArea(key="effectiveness", topic="Effectiveness"),
        *(
            attrs.evolve(area, required=True)
            for area in _questions(
                "effectiveness",
                (
                    "How effective is the force at preventing crime, tackling anti-social "
                    "behaviour and keeping people safe?",
                    "How effective is the force at investigating crime and reducing re-offending?",
                    "How effective is the force at protecting those who are vulnerable from "
                    "harm, and supporting victims?",
                    "How effective is the force at tackling serious and organised crime?",
                    "How effective are the force's specialist capabilities?",
                ),
                ungraded=(5,),
            )
        ),
        FrameworkArea(key="efficiency", topic="Efficiency"),
        *(
            attrs.evolve(area, required=True)
            for area in _questions(
                "efficiency",
                (
                    "How well does the force use its resources to meet the demand it faces?",
                    "How well does the force plan for the future?",
                ),
            )
        ),
        FrameworkArea(key="legitimacy", topic="Legitimacy"),
        *(
            attrs.evolve(area, required=True)
            for area in _questions(
                "legitimacy",
                (
                    "To what extent does the force treat all of the people it serves with "
                    "fairness and respect?",
                    "How well does the force ensure that its workforce behaves ethically and "
                    "lawfully?",
                    "To what extent does the force treat its workforce with fairness and respect?",
                ),
            )
        ),
    ),
    carried_forward=True,
    notes="From May 2018 one report per force covers the three pillars and ten questions, one "
    "of them (specialist capabilities) ungraded. A question not inspected in detail keeps its "
    "earlier judgment, carried over.",
    sources=(_PEEL_2018_GRADES, _PEEL_2018_OVERVIEW),
)
"""HMICFRS PEEL 2018/19: three pillars and ten questions, one ungraded; complete."""

_PEEL_FOUR_POINT_YEARS = ("hmicfrs/peel/2014", "hmicfrs/peel/2015", "hmicfrs/peel/2018")

HMICFRS_PEEL_2021 = Framework(
    id="hmicfrs/peel/2021",
    programme="hmicfrs/peel",
    name="PEEL 2021/22: police effectiveness, efficiency and legitimacy",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2021),
    valid_until=PartialDate.of_year(2023),
    areas=(
        FrameworkArea(
            key="service_for_victims",
            topic="How good is the force's service for victims of crime?",
            # Force reports inspect it as an overall area and do not grade it.
            non_grades=_UNGRADED,
            required=False,
        ),
        FrameworkArea(
            key="strategic_policing_requirement",
            topic="Implementation of the strategic policing requirement",
            non_grades=_UNGRADED,
            required=False,
        ),
        FrameworkArea(
            key="armed_threats",
            topic="Response to armed threats",
            non_grades=_UNGRADED,
            required=False,
        ),
        # Areas force reports grade, as HMICFRS names them in its letters and force pages.
        FrameworkArea(
            key="responding_to_the_public", topic="Responding to the public", required=False
        ),
        FrameworkArea(key="investigating_crime", topic="Investigating crime", required=False),
        FrameworkArea(
            key="building_protecting_and_supporting_the_workforce",
            topic="Building, protecting and supporting the workforce",
            required=False,
        ),
        FrameworkArea(
            key="disrupting_serious_organised_crime",
            topic="Disrupting serious organised crime",
            required=False,
        ),
    ),
    closed=False,
    not_comparable_with=_PEEL_FOUR_POINT_YEARS,
    notes="Twelve core questions, ten graded on five points; the strategic policing "
    "requirement and the response to armed threats are not graded, and force reports do not "
    "grade the service for victims of crime. No pillar grades. The "
    "framework was revised in March 2022 for all but the first eight forces. Only the areas "
    "named in the sources gathered are listed.",
    sources=(
        _PAF_2021,
        _WHAT_IS_PEEL,
        Source(
            url="https://www.justiceinspectorates.gov.uk/hmicfrs/publication-html/"
            "greater-manchester-police-peel-cause-of-concern-revisit-letter-october-2022/",
            publisher="HMICFRS",
            title="Greater Manchester Police: PEEL Cause of concern revisit letter (responding "
            "to the public; investigating crime; building, protecting and supporting the "
            "workforce)",
        ),
        Source(
            url="https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/derbyshire",
            publisher="HMICFRS",
            title="Derbyshire PEEL Assessments 2021/2022 (updated 2 March 2023 with the "
            "disrupting serious organised crime findings)",
        ),
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/derbyshire-2021-22/",
            publisher="HMICFRS",
            title="PEEL 2021/22: Derbyshire Constabulary (eleven areas, ten graded; the "
            "service for victims of crime is not graded)",
        ),
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/what-is-peel/"
            "how-we-inspect-peel/",
            publisher="HMICFRS",
            title="How we inspect PEEL",
        ),
    ),
)
"""HMICFRS PEEL 2021/22: five points, core questions, no pillar grades."""

HMICFRS_PEEL_2023 = Framework(
    id="hmicfrs/peel/2023",
    programme="hmicfrs/peel",
    name="PEEL 2023-2025: police effectiveness, efficiency and legitimacy",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2023),
    valid_until=PartialDate.of_year(2025),
    areas=(
        FrameworkArea(
            key="service_for_victims",
            topic="How good is the force's service for victims of crime?",
            # Force reports inspect it as an overall area and do not grade it.
            non_grades=_UNGRADED,
            required=False,
        ),
    ),
    closed=False,
    not_comparable_with=("hmicfrs/peel/2021", *_PEEL_FOUR_POINT_YEARS),
    notes="The same five-point scale as 2021/22, a grade per core question unless stated "
    "otherwise (the service for victims of crime is inspected, not graded); more on "
    "leadership, outcomes for the public, retention and front-line leaders. The inspectorate "
    "states the grades cannot be directly compared with the previous cycle's. Only the core "
    "questions named in the sources gathered are listed.",
    sources=(
        _PEEL_2023,
        _PAF_2023,
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/greater-manchester-2023-25/",
            publisher="HMICFRS",
            title="PEEL 2023-2025: Greater Manchester Police (grades cannot be directly compared "
            "with the previous cycle's; the service for victims is not graded)",
        ),
    ),
)
"""HMICFRS PEEL 2023-2025: the 2021/22 scale, a new framework, not comparable with it."""

HMICFRS_PEEL_2025 = Framework(
    id="hmicfrs/peel/2025",
    programme="hmicfrs/peel",
    name="PEEL 2025-2027: police effectiveness, efficiency and legitimacy",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2025),
    areas=(
        FrameworkArea(
            key="leadership_and_force_management",
            topic="How good is the force at leadership and force management?",
        ),
    ),
    closed=False,
    notes="Core questions, topic areas and characteristics of good, published on 11 April "
    "2025; the first core question is on leadership and force management. The sources "
    "gathered do not restate the scale (taken to be the five-point scale of the cycles before) "
    "nor whether grades compare with 2023-2025. Only the core questions named in them are "
    "listed.",
    sources=(_PAF_2025,),
)
"""HMICFRS PEEL 2025-2027: core questions from leadership and force management on."""

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

_FIRE_SOURCE = Source(
    url="https://www.justiceinspectorates.gov.uk/hmicfrs/fire-and-rescue-services/"
    "how-we-inspect-fire-and-rescue-services/",
    publisher="HMICFRS",
    title="How we inspect fire and rescue services (the first inspections, 2018 and 2019: "
    "effectiveness, efficiency and people)",
)

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

_FIRE_ROUND_3_AREAS = (
    "Understanding the risk of fire and other emergencies",
    "Preventing fires and other risks",
    "Protecting the public through fire regulation",
    "Responding to fires and other emergencies",
    "Responding to major and multi-agency incidents",
    "Making best use of resources",
    "Making the FRS affordable now and in the future",
    "Promoting the right values and culture",
    "Getting the right people with the right skills",
    "Ensuring fairness and promoting diversity",
    "Managing performance and developing leaders",
)

HMICFRS_FIRE_2023 = Framework(
    id="hmicfrs/fire/2023",
    programme="hmicfrs/fire",
    name="Fire and rescue service inspections, round 3 (2023-25)",
    inspectorate="HMICFRS",
    scales=(HMICFRS_FIVE_POINT,),
    valid_from=PartialDate.of_year(2023),
    areas=tuple(
        FrameworkArea(
            key=topic.lower().replace(" and ", "_and_").replace("-", "_").replace(" ", "_"),
            topic=topic,
        )
        for topic in _FIRE_ROUND_3_AREAS
    ),
    notes="Five points on each of the eleven diagnostic questions, and nothing else: no "
    "grades for the three principal questions (effectiveness, efficiency, people), which "
    "earlier rounds graded, and no overall grade.",
    sources=(
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/frs-assessment/frs-2023-25/"
            "service-assessment-data-table/",
            publisher="HMICFRS",
            title="Service assessment data table 2023/25",
        ),
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/fire-and-rescue-services/"
            "how-we-inspect-fire-and-rescue-services/",
            publisher="HMICFRS",
            title="How we inspect fire and rescue services",
        ),
        Source(
            url="https://www.justiceinspectorates.gov.uk/hmicfrs/fire-and-rescue-services/"
            "how-we-inspect-fire-and-rescue-services/2023-25-frs-assessment",
            publisher="HMICFRS",
            title="2023/25 FRS assessment",
        ),
    ),
)
"""HMICFRS fire and rescue round 3 (2023-25): five points on eleven areas; complete."""

_SCHOOLS_SOURCE = Source(title="Ofsted: school inspection", publisher="Ofsted")
_SCHOOL_HANDBOOK = Source(
    url="https://www.gov.uk/government/publications/school-inspection-handbook-eif/"
    "school-inspection-handbook-for-september-2023",
    publisher="Ofsted",
    title="School inspection handbook (the key judgements, early years and sixth form where "
    "relevant; overall effectiveness until September 2024; ungraded inspections)",
)


def _key_judgements() -> tuple[FrameworkArea, ...]:
    return (
        FrameworkArea(
            key="quality_of_education", topic="Quality of education", non_grades=_NOT_JUDGED
        ),
        FrameworkArea(
            key="behaviour_and_attitudes", topic="Behaviour and attitudes", non_grades=_NOT_JUDGED
        ),
        FrameworkArea(
            key="personal_development", topic="Personal development", non_grades=_NOT_JUDGED
        ),
        FrameworkArea(
            key="leadership_and_management",
            topic="Leadership and management",
            non_grades=_NOT_JUDGED,
        ),
        # Judged only where the school has them.
        FrameworkArea(
            key="early_years",
            topic="Early years provision",
            required=False,
            non_grades=_NOT_JUDGED,
        ),
        FrameworkArea(
            key="sixth_form", topic="Sixth form provision", required=False, non_grades=_NOT_JUDGED
        ),
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
    sources=(_SCHOOLS_SOURCE, _SCHOOL_HANDBOOK),
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
    sources=(_SCHOOLS_SOURCE, _SCHOOL_HANDBOOK),
)
"""Ofsted's education inspection framework from 2 September 2024: no overall grade."""

OFSTED_SCHOOLS_2025 = Framework(
    id="ofsted/schools/2025",
    programme="ofsted/schools",
    name="Ofsted report cards",
    inspectorate="Ofsted",
    scales=(OFSTED_REPORT_CARD, OFSTED_SAFEGUARDING),
    valid_from=PartialDate.of_day(2025, 11, 10),
    areas=(
        # Safeguarding alone is met or not met; every other area is on the report card scale.
        FrameworkArea(
            key="safeguarding",
            topic="Safeguarding",
            scale=OFSTED_SAFEGUARDING.id,
            non_grades=_NOT_JUDGED,
        ),
        FrameworkArea(key="inclusion", topic="Inclusion", non_grades=_NOT_JUDGED),
        FrameworkArea(
            key="curriculum_and_teaching", topic="Curriculum and teaching", non_grades=_NOT_JUDGED
        ),
        FrameworkArea(key="achievement", topic="Achievement", non_grades=_NOT_JUDGED),
        FrameworkArea(
            key="attendance_and_behaviour", topic="Attendance and behaviour", non_grades=_NOT_JUDGED
        ),
        FrameworkArea(
            key="personal_development_and_well_being",
            topic="Personal development and well-being",
            non_grades=_NOT_JUDGED,
        ),
        FrameworkArea(
            key="early_years",
            topic="Early years in schools",
            required=False,
            non_grades=_NOT_JUDGED,
        ),
        FrameworkArea(
            key="sixth_form",
            topic="Sixth form in schools",
            required=False,
            non_grades=_NOT_JUDGED,
        ),
        FrameworkArea(
            key="leadership_and_governance",
            topic="Leadership and governance",
            non_grades=_NOT_JUDGED,
        ),
    ),
    not_comparable_with=("ofsted/schools/2019", "ofsted/schools/2024"),
    notes="Exceptional to urgent improvement per evaluation area, early years and sixth form "
    "where the school has them; safeguarding met or not met; no overall grade. Ofsted says "
    "the new grades cannot be compared with the old ones.",
    sources=(
        Source(
            url="https://www.focus-education.co.uk/blogs/blog/"
            "ofsted-inspection-changes-2025-what-schools-need-to-know",
            publisher="Focus Education",
            title="Ofsted inspection changes 2025: the evaluation areas for all schools",
        ),
        Source(
            url="https://www.mardenlodge.org/97/announcements/announcement/56/"
            "new-ofsted-framework-2025",
            publisher="Marden Lodge Primary School",
            title="New Ofsted framework 2025 (Ofsted's words: the new grades can't be compared "
            "to the old ones)",
        ),
    ),
)
"""Ofsted's report cards from 10 November 2025: the evaluation areas; complete."""

OFSTED_CHILDRENS_SERVICES = Framework(
    id="ofsted/childrens-services/2013",
    programme="ofsted/childrens-services",
    name="Ofsted inspection of services for children in need of help and protection, "
    "children looked after and care leavers (single inspection framework)",
    inspectorate="Ofsted",
    scales=(OFSTED_FOUR_POINT,),
    valid_from=PartialDate.of_month(2013, 11),
    valid_until=PartialDate.of_month(2017, 12),
    # The judgements in the order the framework sets them out; its reports number them so
    # ("2.1 Adoption performance").
    areas=(
        FrameworkArea(
            key="1",
            topic="The experiences and progress of children who need help and protection",
            required=False,
        ),
        FrameworkArea(
            key="2",
            topic="Children looked after and achieving permanence",
            aliases=(
                "The experiences and progress of children looked after and achieving permanence",
            ),
        ),
        FrameworkArea(key="2.1", topic="Adoption performance", parent="2"),
        FrameworkArea(
            key="2.2",
            topic="The experiences and progress of care leavers",
            parent="2",
            required=False,
        ),
        FrameworkArea(key="3", topic="Leadership, management and governance", required=False),
    ),
    closed=False,
    overall=True,
    notes="Overall effectiveness plus three key judgements, the second with two nested "
    'judgements (adoption performance, care leavers). The numbers of all but "2.1 Adoption '
    'performance" follow the order the framework sets the judgements out in, so the list is '
    "kept open. Later inspections of local authority children's services (ILACS) follow the "
    "same shape.",
    sources=(
        Source(title="Ofsted: inspecting children's social care", publisher="Ofsted"),
        Source(
            url="https://www.gov.uk/government/news/new-single-framework-for-inspecting-local-"
            "authority-services",
            publisher="Ofsted",
            title="New single framework for inspecting local authority services (in effect "
            "from November 2013)",
        ),
        Source(
            url="https://docsbay.net/doc/1294845/framework-and-evaluation-schedule-inspection-of-"
            "la-childrens-services",
            publisher="docsbay.net (a copy of Ofsted's document, reference no. 130216)",
            title="Framework and evaluation schedule for the inspections of services for "
            "children in need of help and protection, children looked after and care leavers "
            "(12 December 2014)",
            published=datetime.date(2014, 12, 12),
        ),
    ),
)
"""Ofsted's children's services judgements, nested ("2.1 Adoption performance")."""

_KEY_QUESTIONS = ("Safe", "Effective", "Caring", "Responsive", "Well-led")
# What CQC publishes in place of a rating ("No published rating", "Inspected but not rated",
# "Insufficient evidence to rate", "Not rated", "Not applicable"), each a typed non-grade.
_CQC_NON_GRADES = (
    NonGradeKind.NOT_RATED,
    NonGradeKind.NO_PUBLISHED_RATING,
    NonGradeKind.INSPECTED_NOT_RATED,
    NonGradeKind.INSUFFICIENT_EVIDENCE,
    NonGradeKind.NOT_APPLICABLE,
)

CQC_RATINGS = Framework(
    id="cqc/ratings/2014",
    programme="cqc/ratings",
    name="CQC ratings of health and social care services",
    inspectorate="CQC",
    scales=(CQC_FOUR_POINT,),
    valid_from=PartialDate.of_month(2014, 10),
    areas=tuple(
        FrameworkArea(key=topic.lower().replace("-", "_"), topic=topic, non_grades=_CQC_NON_GRADES)
        for topic in _KEY_QUESTIONS
    ),
    # Services (hospitals) and population groups (GP practices) are rated too, each with its
    # own key questions: areas beyond the five key questions are allowed.
    closed=False,
    overall=True,
    overall_non_grades=_CQC_NON_GRADES,
    # A service that changes provider shows the rating of its earlier registration until it is
    # inspected again ("Inherited Rating (Y/N)" in CQC's files).
    inherited=True,
    notes="Five key questions plus an overall rating set by aggregation and professional "
    "judgement; ratings at location and at provider level, each with a report date. From 1 "
    "April 2019 a location acquired by a new provider inherits the previous location's rating "
    "and report, shown until CQC rates it again.",
    sources=(
        Source(
            title="CQC ratings (the public API's currentRatings.overall and keyQuestionRatings)",
            publisher="Care Quality Commission",
        ),
        Source(
            url="https://www.cqc.org.uk/guidance-providers/registration/"
            "continuing-regulatory-history-guidance-providers-cqc-staff",
            publisher="Care Quality Commission",
            title="Continuing regulatory history: guidance for providers and CQC staff",
        ),
    ),
)
"""CQC: five key questions and an overall rating, services and population groups rated too;
its non-grades ("No published rating", "Inspected but not rated"...) and inherited ratings
allowed."""

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
    sources=(
        Source(title="HMI Probation: inspection ratings", publisher="HMI Probation"),
        Source(
            url="https://hmiprobation.justiceinspectorates.gov.uk/document/"
            "an-inspection-of-probation-services-in-sunderland-pdu-2025",
            publisher="HMI Probation",
            title="An inspection of probation services in Sunderland PDU (rated 'Requires "
            "improvement' overall; four core standards of case management)",
        ),
    ),
)
"""HMI Probation: four-point ratings per standard and overall."""

_FHRS_BANDS = Source(
    url="https://www.runnymede.gov.uk/food-safety/food-hygiene-rating-scheme/2",
    publisher="Runnymede Borough Council",
    title="Food hygiene rating scheme: how ratings are calculated (the Food Standards Agency's "
    "mapping of scores to ratings, from its Brand Standard)",
)

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
    overall_rule=ScoreBands(
        areas=("hygiene", "structural", "confidence_in_management"),
        bands=(
            ScoreBand(rating="5", max_total=15, max_each=5),
            ScoreBand(rating="4", max_total=20, max_each=10),
            ScoreBand(rating="3", max_total=30, max_each=10),
            ScoreBand(rating="2", max_total=40, max_each=15),
            ScoreBand(rating="1", max_total=50, max_each=20),
            ScoreBand(rating="0"),
        ),
        source=_FHRS_BANDS,
    ),
    overall_non_grades=(
        NonGradeKind.EXEMPT,
        NonGradeKind.AWAITING_INSPECTION,
        NonGradeKind.AWAITING_PUBLICATION,
    ),
    notes="The rating (0 to 5) is the overall judgment; the sub-scores are areas where lower "
    "is better, and the rating follows from them: the total and the highest single score "
    "each cap the rating (total 0-15 and no score above 5 for a 5; 20 and 10 for a 4; "
    "25-30 and 10 for a 3; 35-40 and 15 for a 2; 45-50 and 20 for a 1; 0 otherwise). Run by "
    "local authorities.",
    sources=(
        Source(title="Food hygiene rating scheme", publisher="Food Standards Agency"),
        _FHRS_BANDS,
        Source(
            url="https://www.dover.gov.uk/Port-Health-and-Public-Protection/Public-Protection/"
            "Food-Safety/Food-Hygiene-Ratings/How-your-Rating-is-Calculated.aspx",
            publisher="Dover District Council",
            title="How your rating is calculated",
        ),
        Source(
            url="https://api.ratings.food.gov.uk/help",
            publisher="Food Standards Agency",
            title="Food hygiene rating API help: the rating keys, Awaiting Publication among them",
        ),
    ),
)
"""The food hygiene rating scheme: a 0 to 5 rating that follows from three sub-scores."""

FHIS = Framework(
    id="fss/fhis",
    programme="fss/fhis",
    name="Food hygiene information scheme (Scotland)",
    inspectorate="Food Standards Scotland",
    scales=(FHIS_PASS_IMPROVEMENT,),
    valid_from=None,
    overall=True,
    overall_non_grades=(
        NonGradeKind.EXEMPT,
        NonGradeKind.AWAITING_INSPECTION,
        NonGradeKind.AWAITING_PUBLICATION,
    ),
    notes="A result per inspection, no sub-scores: Pass (with the Eat Safe award: Pass and "
    "Eat Safe) or Improvement required; Exempt (low-risk premises outside the scheme), "
    "Awaiting inspection (new business or new owner) and Awaiting publication are statuses, "
    "not results.",
    sources=(
        Source(
            url="https://www.foodstandards.gov.scot/consumer-advice/food-safety/eating-out-of-"
            "home/food-hygiene-information-scheme-consumer-info",
            publisher="Food Standards Scotland",
            title="Food hygiene information scheme",
        ),
        Source(
            url="https://www.north-ayrshire.gov.uk/pests-pollution-and-food-hygiene/"
            "food-hygiene-information-scheme/food-hygiene-information-scheme.aspx",
            publisher="North Ayrshire Council",
            title="Food hygiene information scheme: ratings, statuses and the Eat Safe award",
        ),
        Source(
            url="https://api.ratings.food.gov.uk/help",
            publisher="Food Standards Agency",
            title="Food hygiene rating API help: the rating keys, Awaiting Publication among them",
        ),
    ),
)
"""Scotland's food hygiene information scheme: pass or improvement required, or a status."""

ALL: tuple[Framework, ...] = (
    HMICFRS_PEEL_2014,
    HMICFRS_PEEL_2015,
    HMICFRS_PEEL_2018,
    HMICFRS_PEEL_2021,
    HMICFRS_PEEL_2023,
    HMICFRS_PEEL_2025,
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

offer_only(__name__, __all__)
