"""Grading scales: :class:`GradingScale`, its :class:`Grade` and :func:`grade_key`, and the
scales of real inspectorates, ready to use.

Labels are listed best first, as the inspectorates write them. Each scale cites where it is
published and when it was in use, as far as the sources say.

>>> from inspectlib.scales import HMICFRS_FIVE_POINT
>>> HMICFRS_FIVE_POINT.parse("good") > HMICFRS_FIVE_POINT.parse("Adequate")
True
"""

from __future__ import annotations

from ._partial_dates import PartialDate
from ._scales import Grade, GradingScale, grade_key
from ._sources import Source
from ._surface import offer_only

__all__ = [
    "GradingScale",
    "Grade",
    "grade_key",
    "ALL",
    "CQC_FOUR_POINT",
    "FHIS_PASS_IMPROVEMENT",
    "FHRS_CONFIDENCE_IN_MANAGEMENT",
    "FHRS_HYGIENE",
    "FHRS_RATING",
    "FHRS_STRUCTURAL",
    "HMICFRS_FIVE_POINT",
    "HMICFRS_FOUR_POINT",
    "HMI_PROBATION_FOUR_POINT",
    "OFSTED_FOUR_POINT",
    "OFSTED_REPORT_CARD",
    "OFSTED_SAFEGUARDING",
]

_PEEL_2018 = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/",
    publisher="HMICFRS",
    title="PEEL 2018",
)
_HOW_WE_INSPECT_PEEL = Source(
    url="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/what-is-peel/"
    "how-we-inspect-peel/",
    publisher="HMICFRS",
    title="How we inspect PEEL",
)
_OFSTED = Source(title="Ofsted: school inspection handbooks and report cards", publisher="Ofsted")
_OFSTED_REPORT_CARDS = Source(
    url="https://www.focus-education.co.uk/blogs/blog/"
    "ofsted-inspection-changes-2025-what-schools-need-to-know",
    publisher="Focus Education",
    title="Ofsted inspection changes 2025: the evaluation areas and the evaluation scale",
)
_CQC = Source(
    title="CQC ratings (the public API's currentRatings.overall and keyQuestionRatings)",
    publisher="Care Quality Commission",
)
_HMI_PROBATION = Source(title="HMI Probation: inspection ratings", publisher="HMI Probation")
_FHRS = Source(title="Food hygiene rating scheme", publisher="Food Standards Agency")
_FHRS_SCORES = Source(
    url="https://www.dover.gov.uk/Port-Health-and-Public-Protection/Public-Protection/Food-Safety/"
    "Food-Hygiene-Ratings/How-your-Rating-is-Calculated.aspx",
    publisher="Dover District Council",
    title="How your rating is calculated (scores 0 to 25, and 0 to 30 for management)",
)
_FHIS = Source(
    url="https://www.foodstandards.gov.scot/consumer-advice/food-safety/eating-out-of-home/"
    "food-hygiene-information-scheme-consumer-info",
    publisher="Food Standards Scotland",
    title="Food hygiene information scheme",
)
_FHIS_EAT_SAFE = Source(
    url="https://www.north-ayrshire.gov.uk/pests-pollution-and-food-hygiene/"
    "food-hygiene-information-scheme/food-hygiene-information-scheme.aspx",
    publisher="North Ayrshire Council",
    title="Food hygiene information scheme: the Eat Safe award recognises standards beyond "
    "compliance",
)

_FOUR = ("Outstanding", "Good", "Requires improvement", "Inadequate")

HMICFRS_FOUR_POINT = GradingScale(
    id="hmicfrs/four-point",
    name="HMICFRS four-point scale",
    labels=_FOUR,
    description="PEEL 2014 to 2019/20, and fire and rescue inspections' first round.",
    valid_from=PartialDate.of_year(2014),
    valid_until=PartialDate.of_year(2020),
    sources=(_PEEL_2018,),
)
"""HMICFRS's four-point scale: PEEL 2014 to 2019/20, fire and rescue round 1."""

HMICFRS_FIVE_POINT = GradingScale(
    id="hmicfrs/five-point",
    name="HMICFRS five-point scale",
    labels=("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"),
    description="PEEL 2021/22 onward, national child protection inspections (2024 criteria), "
    "fire and rescue round 3.",
    valid_from=PartialDate.of_year(2021),
    sources=(_HOW_WE_INSPECT_PEEL,),
)
"""HMICFRS's five-point scale: PEEL 2021/22 on, child protection inspections, fire round 3."""

OFSTED_FOUR_POINT = GradingScale(
    id="ofsted/four-point",
    name="Ofsted grades 1 to 4",
    labels=_FOUR,
    aliases={
        "1": "Outstanding",
        "2": "Good",
        "3": "Requires improvement",
        "4": "Inadequate",
        # The wording of Ofsted's children's services judgements.
        "Requires improvement to be good": "Requires improvement",
    },
    description="Ofsted's numbered grades (1 Outstanding to 4 Inadequate), used for schools "
    "under the education inspection framework and for children's services.",
    valid_until=PartialDate.of_day(2025, 11, 9),
    sources=(_OFSTED,),
)
"""Ofsted's grades 1 (Outstanding) to 4 (Inadequate); "2" parses as Good."""

OFSTED_REPORT_CARD = GradingScale(
    id="ofsted/report-card",
    name="Ofsted report card scale",
    labels=(
        "Exceptional",
        "Strong standard",
        "Expected standard",
        "Needs attention",
        "Urgent improvement",
    ),
    description="Ofsted's report cards, per evaluation area; not comparable with the old grades.",
    valid_from=PartialDate.of_day(2025, 11, 10),
    sources=(_OFSTED_REPORT_CARDS,),
)
"""Ofsted's report card scale, from 10 November 2025."""

OFSTED_SAFEGUARDING = GradingScale(
    id="ofsted/safeguarding",
    name="Ofsted safeguarding: met or not met",
    labels=("Met", "Not met"),
    valid_from=PartialDate.of_day(2025, 11, 10),
    sources=(_OFSTED_REPORT_CARDS,),
)
"""Ofsted report cards' safeguarding judgement."""

CQC_FOUR_POINT = GradingScale(
    id="cqc/four-point",
    name="CQC ratings",
    labels=_FOUR,
    description='Per key question and overall; "Not rated" is a non-grade, not a label.',
    sources=(_CQC,),
)
"""The Care Quality Commission's four ratings."""

HMI_PROBATION_FOUR_POINT = GradingScale(
    id="hmi-probation/four-point",
    name="HMI Probation ratings",
    labels=_FOUR,
    description="Per standard and overall.",
    sources=(_HMI_PROBATION,),
)
"""HMI Probation's four-point ratings."""

FHRS_RATING = GradingScale(
    id="fhrs/rating",
    name="Food hygiene rating (England, Wales, Northern Ireland)",
    labels=("5", "4", "3", "2", "1", "0"),
    aliases={"Very good": "5"},
    description='0 to 5, 5 being "very good". Exempt and awaiting inspection are non-grades.',
    sources=(_FHRS,),
)
"""The food hygiene rating, 0 to 5; "very good" parses as 5."""

FHIS_PASS_IMPROVEMENT = GradingScale(
    id="fhis/pass",
    name="Food hygiene information scheme (Scotland)",
    labels=("Pass and Eat Safe", "Pass", "Improvement required"),
    description='"Pass and Eat Safe" is a pass with the Eat Safe award, which recognises '
    "standards beyond compliance. Exempt and awaiting inspection are non-grades.",
    sources=(_FHIS, _FHIS_EAT_SAFE),
)
"""Scotland's food hygiene result: Pass and Eat Safe, Pass or Improvement required."""

_LOWER_IS_BETTER = "A sub-score where lower is better, so the labels run from 0 up."

FHRS_HYGIENE = GradingScale(
    id="fhrs/hygiene",
    name="Food hygiene sub-score: hygiene (0 to 25)",
    labels=("0", "5", "10", "15", "20", "25"),
    description=_LOWER_IS_BETTER,
    sources=(_FHRS_SCORES,),
)
"""The food hygiene sub-score for hygiene, 0 (best) to 25."""

FHRS_STRUCTURAL = GradingScale(
    id="fhrs/structural",
    name="Food hygiene sub-score: structural (0 to 25)",
    labels=("0", "5", "10", "15", "20", "25"),
    description=_LOWER_IS_BETTER,
    sources=(_FHRS_SCORES,),
)
"""The food hygiene sub-score for the structure of the premises, 0 (best) to 25."""

FHRS_CONFIDENCE_IN_MANAGEMENT = GradingScale(
    id="fhrs/confidence-in-management",
    name="Food hygiene sub-score: confidence in management (0 to 30)",
    labels=("0", "5", "10", "20", "30"),
    description=_LOWER_IS_BETTER,
    sources=(_FHRS_SCORES,),
)
"""The food hygiene sub-score for confidence in management, 0 (best) to 30."""

ALL: tuple[GradingScale, ...] = (
    HMICFRS_FOUR_POINT,
    HMICFRS_FIVE_POINT,
    OFSTED_FOUR_POINT,
    OFSTED_REPORT_CARD,
    OFSTED_SAFEGUARDING,
    CQC_FOUR_POINT,
    HMI_PROBATION_FOUR_POINT,
    FHRS_RATING,
    FHRS_HYGIENE,
    FHRS_STRUCTURAL,
    FHRS_CONFIDENCE_IN_MANAGEMENT,
    FHIS_PASS_IMPROVEMENT,
)
"""Every built-in scale."""

offer_only(__name__, __all__)
