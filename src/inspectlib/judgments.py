"""What an area of an inspection was judged: a grade, or a non-grade of a known kind.

A :data:`Judgment` is a :class:`~inspectlib.Grade` on a scale, a :class:`NonGrade` (not rated,
exempt, awaiting inspection...), a :class:`CarriedForward` judgment from an earlier inspection
or an :class:`Inherited` one from a predecessor. The constants are the non-grades ready made.

>>> from inspectlib.judgments import NOT_RATED, NonGradeKind
>>> NOT_RATED.kind is NonGradeKind.NOT_RATED
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._judgments import (
    AWAITING_INSPECTION,
    AWAITING_PUBLICATION,
    EXEMPT,
    INSPECTED_NOT_RATED,
    INSUFFICIENT_EVIDENCE,
    NO_PUBLISHED_RATING,
    NOT_APPLICABLE,
    NOT_JUDGED,
    NOT_RATED,
    UNGRADED,
    CarriedForward,
    Inherited,
    Judgment,
    NonGrade,
    NonGradeKind,
)
from ._surface import offer_only

__all__ = [
    "Judgment",
    "NonGrade",
    "NonGradeKind",
    "CarriedForward",
    "Inherited",
    "UNGRADED",
    "NOT_RATED",
    "EXEMPT",
    "AWAITING_INSPECTION",
    "INSUFFICIENT_EVIDENCE",
    "AWAITING_PUBLICATION",
    "NO_PUBLISHED_RATING",
    "INSPECTED_NOT_RATED",
    "NOT_APPLICABLE",
    "NOT_JUDGED",
]

offer_only(__name__, __all__)
