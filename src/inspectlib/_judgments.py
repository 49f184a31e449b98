"""Judgments: a grade, or one of the typed ways real reports say there is no grade."""

from __future__ import annotations

import enum
from typing import TypeAlias

import attrs

from ._field_types import typed_fields
from ._scales import Grade, NotAGrade

__all__ = [
    "AWAITING_INSPECTION",
    "CarriedForward",
    "EXEMPT",
    "INSUFFICIENT_EVIDENCE",
    "Judgment",
    "NOT_RATED",
    "NonGrade",
    "NonGradeKind",
    "UNGRADED",
]


class NonGradeKind(enum.Enum):
    """Why an area that was looked at carries no grade.

    These are facts a report states, not missing values.

    .. versionadded:: 0.1.0
    """

    UNGRADED = "ungraded"
    """Inspected, and deliberately not graded."""
    NOT_RATED = "not_rated"
    """CQC's "Not rated": not enough information to rate."""
    EXEMPT = "exempt"
    """Outside the scheme (food hygiene: a low-risk business)."""
    AWAITING_INSPECTION = "awaiting_inspection"
    """Registered but not yet inspected (food hygiene)."""
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    """The inspectorate found too little evidence to judge."""


@attrs.frozen(order=False, field_transformer=typed_fields)
class NonGrade(NotAGrade):
    """A judgment that is deliberately not a grade. Use the constants, such as :data:`UNGRADED`.

    .. versionadded:: 0.1.0
    """

    kind: NonGradeKind

    @property
    def label(self) -> str:
        """How a report would write it: ``"Not rated"``."""
        return self.kind.value.replace("_", " ").capitalize()

    def __str__(self) -> str:
        return self.label


UNGRADED = NonGrade(NonGradeKind.UNGRADED)
"""Inspected, and deliberately not graded.

.. versionadded:: 0.1.0
"""
NOT_RATED = NonGrade(NonGradeKind.NOT_RATED)
"""CQC's "Not rated".

.. versionadded:: 0.1.0
"""
EXEMPT = NonGrade(NonGradeKind.EXEMPT)
"""Exempt from the scheme (food hygiene).

.. versionadded:: 0.1.0
"""
AWAITING_INSPECTION = NonGrade(NonGradeKind.AWAITING_INSPECTION)
"""Registered but not yet inspected (food hygiene).

.. versionadded:: 0.1.0
"""
INSUFFICIENT_EVIDENCE = NonGrade(NonGradeKind.INSUFFICIENT_EVIDENCE)
"""The inspectorate found too little evidence to judge.

.. versionadded:: 0.1.0
"""


@attrs.frozen(kw_only=True, order=False, field_transformer=typed_fields)
class CarriedForward(NotAGrade):
    """A judgment not made afresh but kept from an earlier inspection.

    PEEL 2017 said of the areas it did not re-inspect that "judgments from 2016 remain in place".

    Args:
        from_inspection: The identifier of the inspection the judgment was carried from.
            Validation reports a carried-forward judgment that does not name one.
        grade: The grade carried forward, where the report restates it.

    .. versionadded:: 0.1.0
    """

    from_inspection: str | None = None
    grade: Grade | None = None

    @property
    def label(self) -> str:
        """``"Carried forward"``, with the grade where it is known."""
        return "Carried forward" if self.grade is None else f"{self.grade.label} (carried forward)"

    def __str__(self) -> str:
        return self.label


Judgment: TypeAlias = Grade | NonGrade | CarriedForward
"""What an area, or an inspection overall, was judged: a :class:`Grade`, a typed
:class:`NonGrade`, or a judgment :class:`CarriedForward` from an earlier inspection.

.. versionadded:: 0.1.0
"""
