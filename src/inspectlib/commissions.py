"""Commissioned inspections: inspections asked for by someone with the power to ask, in parts,
with the deliverables each part publishes, and every expectation of when they would be.

:class:`~inspectlib.CommissionedInspection` and :class:`~inspectlib.Part` are also at the top of
:mod:`inspectlib`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._commissions import (
    CommissionedInspection,
    Commissioner,
    CommissionStatus,
    Deliverable,
    DeliverableKind,
    LegalBasis,
    Milestone,
    Part,
    PartStatus,
    Publication,
    PublicationDate,
    Question,
    Role,
)
from ._expectations import Expectation, Lateness, Slip
from ._surface import offer_only

__all__ = [
    "CommissionedInspection",
    "Part",
    "Commissioner",
    "Role",
    "LegalBasis",
    "Question",
    "PartStatus",
    "Deliverable",
    "DeliverableKind",
    "Publication",
    "PublicationDate",
    "Expectation",
    "CommissionStatus",
    "Milestone",
    "Lateness",
    "Slip",
]

offer_only(__name__, __all__)
