"""Deadlines to respond to a report: :class:`ResponseRule`, the :class:`Deadline` it sets for
one report and the :class:`Response` made, and the built-in statutory rules.

>>> import datetime
>>> from inspectlib.deadlines import POLICE_ACT_1996_S55
>>> POLICE_ACT_1996_S55.due(datetime.date(2024, 12, 13))
datetime.date(2025, 2, 6)
"""

from __future__ import annotations

from ._deadlines import Counting, Deadline, Response, ResponseRule
from ._organisations import OrganisationKind
from ._sources import Source
from ._surface import offer_only

__all__ = [
    "ResponseRule",
    "Counting",
    "Response",
    "Deadline",
    "ALL",
    "NCPI_ACTION_PLAN",
    "POLICE_ACT_1996_S55",
]

POLICE_ACT_1996_S55 = ResponseRule(
    id="police-act-1996/s55",
    name="The local policing body publishes comments on an HMICFRS report on its force, "
    "saying what is being done about each recommendation or why nothing is",
    days=56,
    counting=Counting.BEGINNING_WITH_PUBLICATION,
    responder="the local policing body (police and crime commissioner, or mayor)",
    citation="Police Act 1996 s.55(5A) and (5B), inserted by the Policing and Crime Act 2017 s.37",
    inspectorates=("HMICFRS",),
    subject_kinds=(OrganisationKind.POLICE_FORCE,),
    sources=(
        Source(
            url="https://www.legislation.gov.uk/ukpga/2017/3/section/37",
            publisher="legislation.gov.uk",
        ),
        Source(
            url="https://hmicfrs.justiceinspectorates.gov.uk/about-us/what-we-do/powers/",
            publisher="HMICFRS",
        ),
    ),
)
"""56 days beginning with the day of publication: the last day is publication + 55 days."""

NCPI_ACTION_PLAN = ResponseRule(
    id="hmicfrs/ncpi/action-plan",
    name="The force sends HMICFRS an action plan after a national child protection inspection",
    days=42,
    counting=Counting.AFTER_PUBLICATION,
    responder="the police force inspected",
    inspectorates=("HMICFRS",),
    programmes=("hmicfrs/ncpi",),
    sources=(Source(title="HMICFRS post-inspection follow-up methodology", publisher="HMICFRS"),),
)
"""Six weeks of publication, read as 42 days after the day of publication."""

ALL: tuple[ResponseRule, ...] = (POLICE_ACT_1996_S55, NCPI_ACTION_PLAN)
"""Every built-in rule."""

offer_only(__name__, __all__)
