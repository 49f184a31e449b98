"""Shared fixtures: the seed inspection, built from the public API only."""

from __future__ import annotations

import datetime
import os

import pytest
from hypothesis import settings

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT

# Hypothesis: a modest, repeatable set of examples by default, so that a run's verdict does not
# depend on luck; HYPOTHESIS_PROFILE=thorough explores 1,000 fresh examples a test.
settings.register_profile("ci", max_examples=50, print_blob=True, derandomize=True)
settings.register_profile("thorough", max_examples=1_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPORT = il.Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
    "greater-manchester-national-child-protection-inspection-december-2024/",
    publisher="HMICFRS",
    published=datetime.date(2024, 12, 13),
)
NEWS = il.Source(
    title="GMP follows good child protection practices, but needs to improve safeguards for "
    "at-risk children",
    publisher="Oldham Chronicle",
    published=datetime.date(2024, 12, 13),
)
MANCUNIAN_MATTERS = il.Source(
    url="https://mancunianmatters.co.uk/news/"
    "13122024-gmp-handling-of-child-protection-adequate-report-finds",
    publisher="Mancunian Matters",
    published=datetime.date(2024, 12, 13),
)
POLICE_PROFESSIONAL = il.Source(
    url="https://policeprofessional.com/?p=141554", publisher="Police Professional"
)
GMP = il.Organisation(
    name="Greater Manchester Police", short_name="GMP", kind=il.OrganisationKind.POLICE_FORCE
)
HMICFRS = il.Organisation(
    name="His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
    short_name="HMICFRS",
    kind=il.OrganisationKind.INSPECTORATE,
)


def build_seed_inspection() -> il.Inspection:
    """The seed's inspection, fact by fact from ../shared/DOMAIN.md and the news story."""
    grades_from = (REPORT, MANCUNIAN_MATTERS, POLICE_PROFESSIONAL)
    good, adequate = HMICFRS_FIVE_POINT.parse("Good"), HMICFRS_FIVE_POINT.parse("adequate")
    topics = [
        ("leadership", "Leadership", None, good),
        ("partnership_working", "Partnership working", "Working with safeguarding partners", good),
        (
            "initial_response",
            "Initial response",
            "Responding to children at risk of harm",
            adequate,
        ),
        (
            "risk_assessment_and_referral",
            "Risk assessment and referral",
            "Assessing risk to children and making appropriate referrals",
            adequate,
        ),
        (
            "investigation",
            "Investigation",
            "Investigating reports of abuse, neglect and exploitation",
            adequate,
        ),
    ]
    improvements = [
        "Identify all risks to children and act quickly.",
        "Record children's demographic information and link people on the intelligence system.",
        "Improve the investigation of online child exploitation.",
        "Have enough officers and staff trained and available to record children's evidence.",
        "Make sure officers and staff understand the well-being support available to them.",
    ]
    return il.Inspection(
        id="hmicfrs/ncpi/2024/greater-manchester",
        title="National child protection inspection of Greater Manchester Police",
        inspectorate=HMICFRS,
        subjects=[GMP],
        published=datetime.date(2024, 12, 13),
        framework="hmicfrs/ncpi/2024",
        scales=[HMICFRS_FIVE_POINT],
        graded_areas=[
            il.GradedArea(key=key, topic=topic, label=label, judgment=grade, sources=grades_from)
            for key, topic, label, grade in topics
        ],
        findings=[
            il.Finding(
                id=f"afi-{number}",
                kind=il.FindingKind.AREA_FOR_IMPROVEMENT,
                text=text,
                addressed_to=GMP,
                sources=[REPORT],
            )
            for number, text in enumerate(improvements, start=1)
        ],
        evidence=[
            il.QuantitativeEvidence(
                description="ethnicity not recorded",
                count=12,
                total=48,
                unit="case files reviewed",
                sources=[REPORT],
            ),
            il.QuantitativeEvidence(
                description="disability or special educational needs not recorded",
                count=20,
                total=48,
                unit="case files reviewed",
                sources=[REPORT],
            ),
            il.QuantitativeEvidence(
                description="senior leaders of the force's statutory safeguarding partners "
                "spoken to by inspectors",
                count=10,
                unit="senior leaders",
                sources=[NEWS],
            ),
        ],
        quotes=[
            il.Quote(
                speaker="Michelle Skeer",
                role="His Majesty's Inspector of Constabulary",
                text="I am pleased with some aspects of the performance of Greater Manchester "
                "Police in safeguarding children at risk. But there are some areas in which it "
                "needs to improve.",
                sources=[NEWS],
            )
        ],
        sources=[REPORT, NEWS, MANCUNIAN_MATTERS, POLICE_PROFESSIONAL],
        related=[
            il.RelatedReport(
                relation=il.Relation.PUBLISHED_ALONGSIDE,
                target="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
                "update-on-inspection-of-greater-manchester-police-safeguarding-partners-"
                "approach-to-child-criminal-and-sexual-exploitation/",
                title="Update on the inspection of Greater Manchester Police and its "
                "safeguarding partners' approach to child criminal and sexual exploitation",
            )
        ],
    )


@pytest.fixture
def seed() -> il.Inspection:
    """The seed inspection, valid."""
    return build_seed_inspection()


def build_rich_inspection() -> il.Inspection:
    """An inspection that uses every kind of field the format has, for round trips."""
    seed = build_seed_inspection()
    scale = HMICFRS_FIVE_POINT
    return il.Inspection(
        id="example/peel/2025/somewhere",
        title="A made-up inspection that exercises every field",
        inspectorate=HMICFRS,
        supporting_inspectorates=[
            il.Organisation(name="Ofsted", kind=il.OrganisationKind.INSPECTORATE)
        ],
        subjects=[
            il.Organisation(
                name="Somewhere Police",
                kind=il.OrganisationKind.POLICE_FORCE,
                identifiers=[il.Identifier(scheme="ons", value="E23000099")],
                predecessors=[il.Identifier(scheme="ons", value="E23000098")],
                extensions={"civic:region": "North West"},
            ),
            il.Organisation(name="Somewhere Council", kind=il.OrganisationKind.LOCAL_AUTHORITY),
        ],
        published=datetime.date(2025, 7, 3),
        scales=[scale],
        fieldwork=il.Period(
            start=il.PartialDate.parse("spring 2025"), end=il.PartialDate.parse("early May 2025")
        ),
        graded_areas=[
            il.GradedArea(key="1", topic="Overall effectiveness", judgment=scale.parse("good")),
            il.GradedArea(
                key="1.1",
                parent="1",
                topic="Sub-area",
                label="The report's own heading",
                summary="What the report says about it.",
                judgment=il.CarriedForward(
                    from_inspection="example/peel/2023/somewhere", grade=scale.parse("adequate")
                ),
            ),
            il.GradedArea(key="2", topic="Ungraded area", judgment=il.judgments.UNGRADED),
            il.GradedArea(key="3", topic="Not rated area", judgment=il.judgments.NOT_RATED),
            il.GradedArea(key="4", topic="Exempt area", judgment=il.judgments.EXEMPT),
            il.GradedArea(key="5", topic="Awaiting", judgment=il.judgments.AWAITING_INSPECTION),
            il.GradedArea(
                key="6",
                topic="Thin evidence",
                judgment=il.judgments.INSUFFICIENT_EVIDENCE,
                extensions={"civic:notes": {"checked": True, "by": ["a", "b"], "score": 1.5}},
            ),
        ],
        overall=scale.parse("requires improvement"),
        findings=[
            il.Finding(
                id="coc-1",
                kind=il.FindingKind.CAUSE_OF_CONCERN,
                text="A cause of concern.",
                reference="Cause of concern 1",
                areas=["1", "1.1"],
            ),
            il.Finding(
                id="rec-1",
                kind=il.FindingKind.RECOMMENDATION,
                text="A recommendation.",
                cause_of_concern="coc-1",
                addressed_to=GMP,
                due=il.PartialDate.parse("by the end of 2025"),
                evidence=[
                    il.QuantitativeEvidence(
                        description="investigators not trained to the level required",
                        count=13,
                        total=98,
                        unit="investigators",
                    ),
                    il.QualitativeEvidence(description="Supervision was inconsistent."),
                ],
                extensions={"tracker:status": "open"},
            ),
            il.Finding(
                id="s-1",
                kind=il.FindingKind.STRENGTH,
                text="A strength.",
                due=il.PartialDate.parse("Q3 2025"),
            ),
        ],
        evidence=seed.evidence,
        quotes=seed.quotes,
        sources=[
            *seed.sources,
            il.Source(url="https://example.org/r", accessed=datetime.date(2025, 7, 4)),
        ],
        related=[
            il.RelatedReport(relation=il.Relation.FOLLOWS_UP, target="example/peel/2023/somewhere"),
            il.RelatedReport(relation=il.Relation.SUPERSEDES, target="example/peel/2024/x"),
            il.RelatedReport(relation=il.Relation.PART_OF, target="example/commission"),
        ],
        responses=[
            il.deadlines.Response(
                rule="police-act-1996/s55",
                responder=il.Organisation(
                    name="Somewhere Police and Crime Commissioner",
                    kind=il.OrganisationKind.POLICE_AND_CRIME_COMMISSIONER,
                ),
                published=datetime.date(2025, 8, 1),
            )
        ],
        finding_updates=[
            il.FindingUpdate(
                inspection="example/peel/2023/somewhere",
                finding="afi-4",
                status=il.FindingStatus.NOT_ADDRESSED,
                date=il.PartialDate.parse("May 2025"),
                note="Still not done.",
            )
        ],
        extensions={"civic:imported": "2025-07-05", "civic:row": 42},
    )


@pytest.fixture
def rich() -> il.Inspection:
    """An inspection using every kind of field, valid."""
    return build_rich_inspection()


UPDATE_LETTER = il.Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/update-on-inspection-of-"
    "greater-manchester-police-safeguarding-partners-approach-to-child-criminal-and-sexual-"
    "exploitation/",
    publisher="HMICFRS",
    published=datetime.date(2024, 12, 13),
)
TERMS_OF_REFERENCE = il.Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/terms-of-reference-"
    "inspection-of-greater-manchester-police-child-criminal-sexual-exploitation/",
    publisher="HMICFRS",
)
FINAL_REPORT = il.Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/greater-manchester-police-"
    "and-safeguarding-partners-approach-to-investigating-child-criminal-and-sexual-exploitation/",
    publisher="HMICFRS",
)
FINAL_REPORT_NEWS = il.Source(
    url="https://policeprofessional.com/?p=142413", publisher="Police Professional"
)
OFSTED = il.Organisation(name="Ofsted", kind=il.OrganisationKind.INSPECTORATE)
CQC = il.Organisation(
    name="Care Quality Commission", short_name="CQC", kind=il.OrganisationKind.INSPECTORATE
)
FINAL_REPORT_ID = "hmicfrs/commissioned/2024/greater-manchester-cse/final-report"


def build_seed_commission() -> il.CommissionedInspection:
    """The Mayor's 2024 commission, fact by fact from ../shared/DOMAIN.md and the news story."""
    return il.CommissionedInspection(
        id="hmicfrs/commissioned/2024/greater-manchester-cse",
        title="Inspection of Greater Manchester Police and its safeguarding partners' approach "
        "to investigating allegations of child criminal and sexual exploitation",
        commissioner=il.commissions.Commissioner(
            organisation=il.Organisation(
                name="Mayor of Greater Manchester",
                kind=il.OrganisationKind.MAYORAL_COMBINED_AUTHORITY,
            ),
            capacity="local policing body",
            person="Andy Burnham",
        ),
        legal_basis=il.commissions.LegalBasis(
            text="A local policing body may ask HMICFRS to inspect its force.",
            citation="Police Act 1996 s.54(2BA)",
        ),
        commissioned=il.PartialDate.parse("10 July 2024"),
        lead=HMICFRS,
        supporting=[OFSTED, CQC],
        subjects=[GMP],
        terms_of_reference=[
            il.commissions.Question(
                number=1,
                text="How effective the Greater Manchester complex safeguarding peer review "
                "programme is at improving the partnership response to child criminal and sexual "
                "exploitation.",
            ),
            il.commissions.Question(
                number=2,
                text="How effective the force is in carrying out its investigative strategies.",
                points=[
                    "Operation Bernese",
                    "Operation Green Jacket",
                    "Operation Sherwood",
                    "Operation Exmoor",
                ],
            ),
            il.commissions.Question(number=3, text="Support for victims and survivors."),
        ],
        parts=[
            il.Part(
                number=1,
                title="Inspection and final report",
                status=il.commissions.PartStatus.PUBLISHED,
                scope=[1, 2, 3],
                expectations=[
                    il.commissions.Expectation(
                        expected=il.PartialDate.parse("June 2025"),
                        announced=il.PartialDate.parse("13 December 2024"),
                        sources=[UPDATE_LETTER, NEWS],
                    )
                ],
                published=il.commissions.PublicationDate(
                    date=datetime.date(2025, 7, 3), sources=[FINAL_REPORT_NEWS]
                ),
                disputed=[
                    il.commissions.PublicationDate(
                        date=datetime.date(2025, 7, 4),
                        sources=[il.Source(title="One other news outlet's report")],
                    )
                ],
                deliverables=[
                    il.commissions.Deliverable(
                        kind=il.commissions.DeliverableKind.TERMS_OF_REFERENCE,
                        document=il.commissions.Publication(
                            id="hmicfrs/commissioned/2024/greater-manchester-cse/terms",
                            title="Terms of reference",
                            sources=[TERMS_OF_REFERENCE],
                        ),
                    ),
                    il.commissions.Deliverable(
                        kind=il.commissions.DeliverableKind.UPDATE_LETTER,
                        document=il.commissions.Publication(
                            id="hmicfrs/commissioned/2024/greater-manchester-cse/update-2024-12",
                            title="Update on the inspection of Greater Manchester Police and its "
                            "safeguarding partners' approach to child criminal and sexual "
                            "exploitation",
                            published=datetime.date(2024, 12, 13),
                            author="Michelle Skeer, HM Inspector of Constabulary",
                            addressed_to="Andy Burnham, Mayor of Greater Manchester",
                            summary="The inspection is ongoing; a stakeholder meeting was held in "
                            "October 2024; the final report is expected in June 2025.",
                            sources=[UPDATE_LETTER],
                        ),
                    ),
                    il.commissions.Deliverable(
                        kind=il.commissions.DeliverableKind.FINAL_REPORT, inspection=FINAL_REPORT_ID
                    ),
                ],
            )
        ],
        sources=[TERMS_OF_REFERENCE, UPDATE_LETTER, NEWS],
        related=[
            il.RelatedReport(
                relation=il.Relation.PART_OF,
                target="greater-manchester/cse-assurance-review",
                title="The Mayor of Greater Manchester's child sexual exploitation assurance "
                "review, commissioned in 2017",
            )
        ],
    )


def build_seed_final_report() -> il.Inspection:
    """The commission's final report: published 3 July 2025, with the evidence DOMAIN.md gives."""
    return il.Inspection(
        id=FINAL_REPORT_ID,
        title="Greater Manchester Police and safeguarding partners' approach to investigating "
        "child criminal and sexual exploitation",
        inspectorate=HMICFRS,
        supporting_inspectorates=[OFSTED, CQC],
        subjects=[GMP],
        published=datetime.date(2025, 7, 3),
        evidence=[
            il.QuantitativeEvidence(
                description="investigators in the force's child sexual exploitation major "
                "incident team not trained to the level required",
                count=13,
                total=98,
                unit="investigators",
                sources=[FINAL_REPORT],
            ),
            il.QuantitativeEvidence(
                description="vacancies in the child sexual exploitation major incident team",
                count=10,
                unit="vacancies",
                sources=[FINAL_REPORT],
            ),
        ],
        sources=[FINAL_REPORT, FINAL_REPORT_NEWS],
        related=[
            il.RelatedReport(
                relation=il.Relation.PART_OF,
                target="hmicfrs/commissioned/2024/greater-manchester-cse",
            )
        ],
    )


@pytest.fixture
def commission() -> il.CommissionedInspection:
    """The seed's commissioned inspection, valid."""
    return build_seed_commission()
