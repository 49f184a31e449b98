"""Evidence: the figures and observations that support a finding."""

from __future__ import annotations

from typing import TypeAlias

import attrs

from ._field_types import typed_fields
from ._fields import not_blank, to_tuple
from ._sources import Source

__all__ = ["Evidence", "QualitativeEvidence", "QuantitativeEvidence"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class QuantitativeEvidence:
    """A counted claim: *count* of *total* *unit*, described.

    "Ethnicity not recorded in 12 of 48 case files" is
    ``QuantitativeEvidence(description="ethnicity not recorded", count=12, total=48,
    unit="case files")``. A bare count ("spoke to 10 senior leaders") has no total.

    Validation reports negative figures and a count above its total.

    Args:
        description: What was counted (``"ethnicity not recorded"``).
        count: How many.
        total: Out of how many, where the report says.
        unit: What the figures count (``"case files reviewed"``).
        sources: Where the figures are published.

    .. versionadded:: 0.1.0
    """

    description: str = attrs.field(validator=not_blank)
    count: int
    total: int | None = None
    unit: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    def __str__(self) -> str:
        figure = str(self.count) if self.total is None else f"{self.count} of {self.total}"
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.description}: {figure}{unit}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class QualitativeEvidence:
    """An observation that is not a count.

    Args:
        description: The observation, in the report's words or close to them.
        sources: Where it is published.

    .. versionadded:: 0.1.0
    """

    description: str = attrs.field(validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    def __str__(self) -> str:
        return self.description


Evidence: TypeAlias = QuantitativeEvidence | QualitativeEvidence
"""Either kind of evidence: :class:`QuantitativeEvidence` or :class:`QualitativeEvidence`.

.. versionadded:: 0.1.0
"""
