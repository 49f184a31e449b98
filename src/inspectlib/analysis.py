"""Questions asked of records: how a grade moved, what changed between two inspections, what
happened when, and how a finding stood on a day (with :meth:`inspectlib.Inspection.open_findings`
and :meth:`inspectlib.Inspection.finding_status`, given the :class:`~inspectlib.FindingUpdate`
records).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._analysis import AreaChange, GradePoint, InspectionDiff, diff, grade_history, select
from ._surface import offer_only
from ._timeline import Event, EventKind, timeline

__all__ = [
    "grade_history",
    "GradePoint",
    "diff",
    "InspectionDiff",
    "AreaChange",
    "select",
    "timeline",
    "Event",
    "EventKind",
]

offer_only(__name__, __all__)
