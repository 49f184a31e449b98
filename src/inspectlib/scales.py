"""The grading scales of real inspectorates, ready to use.

>>> from inspectlib.scales import HMICFRS_FIVE_POINT
>>> HMICFRS_FIVE_POINT.parse("good") > HMICFRS_FIVE_POINT.parse("Adequate")
True
"""

from __future__ import annotations

from ._scales import GradingScale

__all__ = ["HMICFRS_FIVE_POINT", "HMICFRS_FOUR_POINT"]

HMICFRS_FOUR_POINT = GradingScale(
    id="hmicfrs/four-point",
    name="HMICFRS four-point scale",
    labels=("Outstanding", "Good", "Requires improvement", "Inadequate"),
    description="PEEL 2014 to 2019/20 and fire and rescue round 1.",
)
"""HMICFRS's four-point scale: PEEL 2014 to 2019/20, fire and rescue round 1."""

HMICFRS_FIVE_POINT = GradingScale(
    id="hmicfrs/five-point",
    name="HMICFRS five-point scale",
    labels=("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"),
    description="PEEL 2021/22 onward, national child protection inspections (2024 criteria), "
    "fire and rescue round 3.",
)
"""HMICFRS's five-point scale: PEEL 2021/22 on, child protection inspections, fire round 3."""
