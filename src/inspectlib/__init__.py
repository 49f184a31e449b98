"""Typed, validated, immutable records of inspectorate reports."""

from ._errors import (
    IncomparableGradesError,
    InspectlibError,
    InvalidGrade,
    InvalidPartialDate,
    Problem,
    UncertainOrderError,
    ValidationError,
)
from ._evidence import Evidence, QualitativeEvidence, QuantitativeEvidence
from ._extensions import Extensions, JSONValue
from ._findings import Finding, FindingKind
from ._frozen import FrozenDict
from ._inspections import GradedArea, Inspection, Period, RelatedDocument, Relation
from ._judgments import (
    AWAITING_INSPECTION,
    EXEMPT,
    INSUFFICIENT_EVIDENCE,
    NOT_RATED,
    UNGRADED,
    CarriedForward,
    Judgment,
    NonGrade,
    NonGradeKind,
)
from ._organisations import Identifier, Organisation, OrganisationKind
from ._partial_dates import MonthPart, Order, PartialDate, Precision, Season
from ._scales import Grade, GradingScale, grade_key
from ._sources import Quote, Source
from ._validation import check, validate

__all__ = [
    # Records
    "Inspection",
    "GradedArea",
    "Period",
    "RelatedDocument",
    "Relation",
    "Finding",
    "FindingKind",
    "Evidence",
    "QuantitativeEvidence",
    "QualitativeEvidence",
    "Organisation",
    "OrganisationKind",
    "Identifier",
    "Source",
    "Quote",
    "FrozenDict",
    "Extensions",
    "JSONValue",
    # Grades and judgments
    "GradingScale",
    "Grade",
    "grade_key",
    "Judgment",
    "NonGrade",
    "NonGradeKind",
    "CarriedForward",
    "UNGRADED",
    "NOT_RATED",
    "EXEMPT",
    "AWAITING_INSPECTION",
    "INSUFFICIENT_EVIDENCE",
    # Dates
    "PartialDate",
    "Precision",
    "Season",
    "MonthPart",
    "Order",
    # Validation
    "check",
    "validate",
    # Errors
    "InspectlibError",
    "ValidationError",
    "Problem",
    "InvalidPartialDate",
    "InvalidGrade",
    "IncomparableGradesError",
    "UncertainOrderError",
]
