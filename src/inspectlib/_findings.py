"""Findings: strengths, areas for improvement, causes of concern, recommendations."""

from __future__ import annotations

import enum

import attrs

from ._evidence import Evidence
from ._extensions import NO_EXTENSIONS, Extensions, freeze_extensions
from ._field_types import typed_fields
from ._fields import not_blank, to_tuple
from ._organisations import Organisation
from ._partial_dates import PartialDate
from ._sources import Source

__all__ = ["Finding", "FindingKind"]


class FindingKind(enum.Enum):
    """What a finding is.

    .. versionadded:: 0.1.0
    """

    STRENGTH = "strength"
    AREA_FOR_IMPROVEMENT = "area_for_improvement"
    CAUSE_OF_CONCERN = "cause_of_concern"
    RECOMMENDATION = "recommendation"
    INNOVATIVE_PRACTICE = "innovative_practice"
    PROMISING_PRACTICE = "promising_practice"

    @property
    def label(self) -> str:
        """The kind as a report writes it: ``"Area for improvement"``."""
        return self.value.replace("_", " ").capitalize()


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class Finding:
    """One thing an inspection found, or asks to be done.

    Args:
        id: A stable identifier, unique within the inspection (``"afi-3"``). Later reports and
            recommendations refer to the finding by it.
        kind: What the finding is.
        text: The finding, in the report's words or close to them.
        reference: The reference as printed, if the report numbers its findings (``"AFI 3"``).
        areas: Keys of the graded areas the finding concerns.
        addressed_to: The body the finding is addressed to, where the report names one.
        due: When it is to be done by, at whatever precision the report gives.
        cause_of_concern: For a recommendation: the ``id`` of the cause of concern it belongs to.
        evidence: The evidence the report gives for it.
        sources: Where the finding is published.
        extensions: Other tools' own data, under namespaced keys (``"yourtool:note"``).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    kind: FindingKind
    text: str = attrs.field(validator=not_blank)
    reference: str | None = attrs.field(default=None, validator=not_blank)
    areas: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    addressed_to: Organisation | None = None
    due: PartialDate | None = None
    cause_of_concern: str | None = attrs.field(default=None, validator=not_blank)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)
    extensions: Extensions = attrs.field(default=NO_EXTENSIONS, converter=freeze_extensions)
