"""Judgments: a grade, or one of the typed ways real reports say there is no grade."""

from __future__ import annotations

import enum
from typing import Final, TypeAlias

import attrs

from ._errors import InvalidGrade
from ._field_types import typed_fields
from ._fields import not_blank
from ._organisations import Organisation
from ._scales import Grade, NotAGrade
from ._stated_dates import StatedDate, to_stated_date

__all__ = [
    "AWAITING_INSPECTION",
    "AWAITING_PUBLICATION",
    "CarriedForward",
    "EXEMPT",
    "INSPECTED_NOT_RATED",
    "INSUFFICIENT_EVIDENCE",
    "Inherited",
    "Judgment",
    "NOT_APPLICABLE",
    "NOT_JUDGED",
    "NOT_RATED",
    "NO_PUBLISHED_RATING",
    "NonGrade",
    "NonGradeKind",
    "UNGRADED",
    "grade_of",
    "step_to_grade",
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
    """The inspectorate found too little evidence to judge (CQC's "Insufficient evidence to
    rate")."""
    AWAITING_PUBLICATION = "awaiting_publication"
    """Inspected, and the result not yet published (food hygiene, in England, Wales, Northern
    Ireland and Scotland)."""
    NO_PUBLISHED_RATING = "no_published_rating"
    """CQC's "No published rating": the regulator has published no rating for the service."""
    INSPECTED_NOT_RATED = "inspected_not_rated"
    """CQC's "Inspected but not rated": inspected, and deliberately given no rating."""
    NOT_APPLICABLE = "not_applicable"
    """The judgment does not apply to this body or service."""
    NOT_JUDGED = "not_judged"
    """Ofsted's "Not judged": the inspection made no judgment here."""


@attrs.frozen(order=False, field_transformer=typed_fields)
class NonGrade(NotAGrade):
    """A judgment that is deliberately not a grade. Use the constants, such as :data:`UNGRADED`.

    .. versionadded:: 0.1.0
    """

    kind: NonGradeKind

    @property
    def label(self) -> str:
        """How a report would write it: ``"Not rated"``, ``"Inspected but not rated"``."""
        return _LABELS[self.kind]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def from_label(cls, text: str) -> NonGrade:
        """The non-grade a source means by *text*: the documented mapping from the strings
        real sources use, in any case and spacing.

        ============================================================ ==========================
        Text (any case; spaces, hyphens and underscores ignored)     Non-grade
        ============================================================ ==========================
        "Ungraded"                                                   :data:`UNGRADED`
        "Not rated"                                                  :data:`NOT_RATED`
        "Exempt"                                                     :data:`EXEMPT`
        "Awaiting inspection", "AwaitingInspection",                 :data:`AWAITING_INSPECTION`
        "AwatingInspection" (the food hygiene API's own spelling)
        "Awaiting publication", "AwaitingPublication"                :data:`AWAITING_PUBLICATION`
        "Insufficient evidence to rate", "Insufficient evidence"     :data:`INSUFFICIENT_EVIDENCE`
        "No published rating"                                        :data:`NO_PUBLISHED_RATING`
        "Inspected but not rated"                                    :data:`INSPECTED_NOT_RATED`
        "Not applicable"                                             :data:`NOT_APPLICABLE`
        "Not judged"                                                 :data:`NOT_JUDGED`
        ============================================================ ==========================

        Each kind's wire value (``"not_rated"``) is read too. Publishers' numeric codes (such as
        Ofsted's) are not text a report states, and are left to importers.

        >>> NonGrade.from_label("AwaitingPublication")
        NonGrade(kind=<NonGradeKind.AWAITING_PUBLICATION: 'awaiting_publication'>)
        >>> NonGrade.from_label("Inspected but not rated").label
        'Inspected but not rated'

        Raises:
            InvalidGrade: The text is none of these; the message lists them.

        .. versionadded:: 0.1.0
        """
        if not isinstance(text, str):
            raise InvalidGrade(f"a non-grade label is text, not {type(text).__name__}")
        kind = _BY_LABEL.get(_squash(text))
        if kind is None:
            shown = text if len(text) <= 60 else text[:57] + "..."
            raise InvalidGrade(
                f"{shown!r} is not a non-grade label; known labels: "
                + ", ".join(repr(label) for label in _KNOWN_LABELS)
            )
        return NON_GRADES[kind]


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


AWAITING_PUBLICATION = NonGrade(NonGradeKind.AWAITING_PUBLICATION)
"""Inspected, the result not yet published (food hygiene).

.. versionadded:: 0.1.0
"""
NO_PUBLISHED_RATING = NonGrade(NonGradeKind.NO_PUBLISHED_RATING)
"""CQC's "No published rating".

.. versionadded:: 0.1.0
"""
INSPECTED_NOT_RATED = NonGrade(NonGradeKind.INSPECTED_NOT_RATED)
"""CQC's "Inspected but not rated".

.. versionadded:: 0.1.0
"""
NOT_APPLICABLE = NonGrade(NonGradeKind.NOT_APPLICABLE)
"""The judgment does not apply here.

.. versionadded:: 0.1.0
"""
NOT_JUDGED = NonGrade(NonGradeKind.NOT_JUDGED)
"""Ofsted's "Not judged".

.. versionadded:: 0.1.0
"""

NON_GRADES: Final = {
    kind: constant
    for constant in (
        UNGRADED,
        NOT_RATED,
        EXEMPT,
        AWAITING_INSPECTION,
        INSUFFICIENT_EVIDENCE,
        AWAITING_PUBLICATION,
        NO_PUBLISHED_RATING,
        INSPECTED_NOT_RATED,
        NOT_APPLICABLE,
        NOT_JUDGED,
    )
    for kind in (constant.kind,)
}
"""The one non-grade of each kind, by kind."""

_LABELS: Final = {
    NonGradeKind.UNGRADED: "Ungraded",
    NonGradeKind.NOT_RATED: "Not rated",
    NonGradeKind.EXEMPT: "Exempt",
    NonGradeKind.AWAITING_INSPECTION: "Awaiting inspection",
    NonGradeKind.INSUFFICIENT_EVIDENCE: "Insufficient evidence",
    NonGradeKind.AWAITING_PUBLICATION: "Awaiting publication",
    NonGradeKind.NO_PUBLISHED_RATING: "No published rating",
    NonGradeKind.INSPECTED_NOT_RATED: "Inspected but not rated",
    NonGradeKind.NOT_APPLICABLE: "Not applicable",
    NonGradeKind.NOT_JUDGED: "Not judged",
}

# The strings sources write, beyond each kind's label and wire value (docs/reference/grades.md).
_SOURCE_LABELS: Final = {
    "Insufficient evidence to rate": NonGradeKind.INSUFFICIENT_EVIDENCE,
    "AwatingInspection": NonGradeKind.AWAITING_INSPECTION,
}


def _squash(text: str) -> str:
    """Case, spaces, hyphens and underscores do not tell labels apart."""
    return "".join(text.split()).replace("-", "").replace("_", "").casefold()


_BY_LABEL: Final = {
    **{_squash(kind.value): kind for kind in NonGradeKind},
    **{_squash(label): kind for kind, label in _LABELS.items()},
    **{_squash(label): kind for label, kind in _SOURCE_LABELS.items()},
}
_KNOWN_LABELS: Final = (*_LABELS.values(), *_SOURCE_LABELS)


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


@attrs.frozen(kw_only=True, order=False, field_transformer=typed_fields, weakref_slot=False)
class Inherited(NotAGrade):
    """A rating carried over from a predecessor registration.

    When a service changes provider, CQC may show the rating the service had under its
    previous registration until it inspects again ("inherited rating"). It is not a judgment
    of the new provider; it names the registration it came from. Only frameworks that say so
    (``Framework.inherited``) accept it.

    Args:
        grade: The grade inherited.
        predecessor: The registration (provider or location) the rating was given to.
        rated: When the original rating was given, as precisely as the source states it.
        report: The original report's id or URL.

    .. versionadded:: 0.1.0
    """

    grade: Grade
    predecessor: Organisation
    rated: StatedDate | None = attrs.field(default=None, converter=to_stated_date)
    report: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def label(self) -> str:
        """The grade, marked as inherited: ``"Good (inherited)"``."""
        return f"{self.grade.label} (inherited)"

    def __str__(self) -> str:
        return self.label


Judgment: TypeAlias = Grade | NonGrade | CarriedForward | Inherited
"""What an area, or an inspection overall, was judged: a :class:`Grade`, a typed
:class:`NonGrade`, a judgment :class:`CarriedForward` from an earlier inspection, or a rating
:class:`Inherited` from a predecessor registration.

.. versionadded:: 0.1.0
"""


def grade_of(judgment: Judgment | None) -> Grade | None:
    """The grade a judgment gives: its own, the one inherited or carried forward, or none.

    A grade is the judgment itself; an inherited or carried-forward judgment holds its grade one
    step down (:func:`step_to_grade`)."""
    if isinstance(judgment, Grade):
        return judgment
    if isinstance(judgment, (Inherited, CarriedForward)):
        return judgment.grade
    return None


def step_to_grade(judgment: Judgment) -> str:
    """The step from a judgment's path to where its grade is written: a grade is the judgment
    itself (``""``); an inherited or carried-forward judgment holds it at ``.grade``. Asked only
    for a problem with the grade."""
    return "" if isinstance(judgment, Grade) else ".grade"
