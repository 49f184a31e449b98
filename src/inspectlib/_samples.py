"""Real, public inspections bundled with inspectlib, built through its public API.

Every fact cites its source. What the sources do not say is left unsaid.
"""

from __future__ import annotations

import datetime

from ._evidence import QuantitativeEvidence
from ._findings import Finding, FindingKind
from ._inspections import GradedArea, Inspection, RelatedDocument, Relation
from ._organisations import Organisation, OrganisationKind
from ._sources import Quote, Source
from .scales import HMICFRS_FIVE_POINT

__all__ = ["HMICFRS", "gmp_child_protection_2024"]

HMICFRS = Organisation(
    name="His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
    short_name="HMICFRS",
    kind=OrganisationKind.INSPECTORATE,
)

GREATER_MANCHESTER_POLICE = Organisation(
    name="Greater Manchester Police",
    short_name="GMP",
    kind=OrganisationKind.POLICE_FORCE,
)

_REPORT = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
    "greater-manchester-national-child-protection-inspection-december-2024/",
    publisher="HMICFRS",
    published=datetime.date(2024, 12, 13),
)
_NEWS = Source(
    title="GMP follows good child protection practices, but needs to improve safeguards for "
    "at-risk children",
    publisher="Oldham Chronicle",
    published=datetime.date(2024, 12, 13),
)
_MANCUNIAN_MATTERS = Source(
    url="https://mancunianmatters.co.uk/news/"
    "13122024-gmp-handling-of-child-protection-adequate-report-finds",
    publisher="Mancunian Matters",
    published=datetime.date(2024, 12, 13),
)
_POLICE_PROFESSIONAL = Source(
    url="https://policeprofessional.com/?p=141554", publisher="Police Professional"
)
_GRADES = (_REPORT, _MANCUNIAN_MATTERS, _POLICE_PROFESSIONAL)


def gmp_child_protection_2024() -> Inspection:
    """HMICFRS's national child protection inspection of Greater Manchester Police (13 Dec 2024)."""
    good = HMICFRS_FIVE_POINT.parse("Good")
    adequate = HMICFRS_FIVE_POINT.parse("Adequate")
    areas = (
        GradedArea(key="leadership", topic="Leadership", judgment=good, sources=_GRADES),
        GradedArea(
            key="partnership_working",
            topic="Partnership working",
            label="Working with safeguarding partners",
            judgment=good,
            sources=_GRADES,
        ),
        GradedArea(
            key="initial_response",
            topic="Initial response",
            label="Responding to children at risk of harm",
            judgment=adequate,
            sources=_GRADES,
        ),
        GradedArea(
            key="risk_assessment_and_referral",
            topic="Risk assessment and referral",
            label="Assessing risk to children and making appropriate referrals",
            judgment=adequate,
            sources=_GRADES,
        ),
        GradedArea(
            key="investigation",
            topic="Investigation",
            label="Investigating reports of abuse, neglect and exploitation",
            judgment=adequate,
            sources=_GRADES,
        ),
    )
    improvements = (
        "Identify all risks to children and act quickly.",
        "Record children's demographic information and link people on the intelligence system.",
        "Improve the investigation of online child exploitation.",
        "Have enough officers and staff trained and available to record children's evidence.",
        "Make sure officers and staff understand the well-being support available to them.",
    )
    findings = tuple(
        Finding(
            id=f"afi-{number}",
            kind=FindingKind.AREA_FOR_IMPROVEMENT,
            text=text,
            addressed_to=GREATER_MANCHESTER_POLICE,
            sources=(_REPORT,),
        )
        for number, text in enumerate(improvements, start=1)
    )
    evidence = (
        QuantitativeEvidence(
            description="ethnicity not recorded",
            count=12,
            total=48,
            unit="case files reviewed",
            sources=(_REPORT,),
        ),
        QuantitativeEvidence(
            description="disability or special educational needs not recorded",
            count=20,
            total=48,
            unit="case files reviewed",
            sources=(_REPORT,),
        ),
        QuantitativeEvidence(
            description="senior leaders of the force's statutory safeguarding partners "
            "spoken to by inspectors",
            count=10,
            unit="senior leaders",
            sources=(_NEWS,),
        ),
    )
    quote = Quote(
        speaker="Michelle Skeer",
        role="His Majesty's Inspector of Constabulary",
        text="I am pleased with some aspects of the performance of Greater Manchester Police "
        "in safeguarding children at risk. But there are some areas in which it needs to "
        "improve.",
        sources=(_NEWS,),
    )
    return Inspection(
        id="hmicfrs/ncpi/2024/greater-manchester",
        title="National child protection inspection of Greater Manchester Police",
        inspectorate=HMICFRS,
        subjects=(GREATER_MANCHESTER_POLICE,),
        published=datetime.date(2024, 12, 13),
        framework="hmicfrs/ncpi/2024",
        scales=(HMICFRS_FIVE_POINT,),
        graded_areas=areas,
        findings=findings,
        evidence=evidence,
        quotes=(quote,),
        sources=(_REPORT, _NEWS, _MANCUNIAN_MATTERS, _POLICE_PROFESSIONAL),
        related=(
            RelatedDocument(
                relation=Relation.PUBLISHED_ALONGSIDE,
                target="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
                "update-on-inspection-of-greater-manchester-police-safeguarding-partners-"
                "approach-to-child-criminal-and-sexual-exploitation/",
                title="Update on the inspection of Greater Manchester Police and its "
                "safeguarding partners' approach to child criminal and sexual exploitation",
            ),
        ),
    )
