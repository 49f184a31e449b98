"""The life of a finding: what later reports and papers say became of it."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

import attrs

from ._field_types import typed_fields
from ._fields import not_blank, to_tuple
from ._findings import Finding, FindingKind
from ._partial_dates import Order, PartialDate
from ._sources import Source
from ._stated_dates import StatedDate, date_bounds

__all__ = ["FindingStatus", "FindingUpdate", "finding_status", "open_findings"]


class FindingStatus(enum.Enum):
    """What has become of an area for improvement, cause of concern or recommendation.

    .. versionadded:: 0.1.0
    """

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ADDRESSED = "addressed"
    NOT_ADDRESSED = "not_addressed"
    SUPERSEDED = "superseded"

    @property
    def is_open(self) -> bool:
        """Whether a finding in this state still asks for something to be done."""
        return self in (FindingStatus.OPEN, FindingStatus.IN_PROGRESS, FindingStatus.NOT_ADDRESSED)


_TRACKED = frozenset(
    {FindingKind.AREA_FOR_IMPROVEMENT, FindingKind.CAUSE_OF_CONCERN, FindingKind.RECOMMENDATION}
)


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class FindingUpdate:
    """What a later source says of one finding of an earlier inspection.

    A post-inspection review records these on its own :class:`~inspectlib.Inspection`
    (``finding_updates``); committee papers and trackers can be recorded the same way.

    Args:
        inspection: The id of the inspection that made the finding.
        finding: The finding's id in that inspection.
        status: What the source says became of it.
        date: When, at the precision the source gives.
        note: What the source says, briefly.
        sources: Where it says so.

    .. versionadded:: 0.1.0
    """

    inspection: str = attrs.field(validator=not_blank)
    finding: str = attrs.field(validator=not_blank)
    status: FindingStatus
    date: PartialDate
    note: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


def finding_status(
    inspection_id: str,
    finding: Finding,
    published: StatedDate,
    on: datetime.date,
    updates: Iterable[FindingUpdate],
) -> FindingStatus | None:
    """The status of *finding* on *on*, from the updates certainly dated on or before it.

    ``None`` unless the finding was certainly published by *on* (a report known only as
    "January 2020", asked about 15 January 2020, may not have been). An update whose date may
    fall either side of *on* ("2025", asked about 1 June 2025) is not counted: the answer says
    only what is known.

    .. versionadded:: 0.1.0
    """
    if on < date_bounds(published)[1]:
        return None
    status = FindingStatus.OPEN
    known = [
        update
        for update in updates
        if update.inspection == inspection_id
        and update.finding == finding.id
        and update.date.compare(on) in (Order.BEFORE, Order.SAME)
    ]
    for update in sorted(known, key=lambda update: update.date.sort_key):
        status = update.status
    return status


def open_findings(
    inspection_id: str,
    findings: Iterable[Finding],
    published: StatedDate,
    on: datetime.date,
    updates: Iterable[FindingUpdate],
) -> tuple[Finding, ...]:
    """The areas for improvement, causes of concern and recommendations still open on *on*.

    .. versionadded:: 0.1.0
    """
    updates = tuple(updates)
    found = []
    for finding in findings:
        if finding.kind not in _TRACKED:
            continue
        status = finding_status(inspection_id, finding, published, on, updates)
        if status is not None and status.is_open:
            found.append(finding)
    return tuple(found)
