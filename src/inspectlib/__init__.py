"""Typed, validated, immutable records of inspectorate reports."""

from importlib.metadata import version as _installed_version

from ._analysis import AreaChange, GradePoint, InspectionDiff, diff, grade_history, select
from ._builtin import BUILTIN
from ._catalogue import Catalogue
from ._commissions import (
    CommissionedInspection,
    Commissioner,
    CommissionStatus,
    Deliverable,
    DeliverableKind,
    Document,
    LegalBasis,
    Milestone,
    Part,
    PartStatus,
    PublicationDate,
    Question,
    Role,
)
from ._datasets import Dataset, PartitionBy, write_parquet_dataset
from ._deadlines import Counting, Deadline, Response, ResponseRule
from ._documents import (
    FORMAT_VERSION,
    KINDS,
    Record,
    dump,
    dump_lines,
    dumps,
    from_dict,
    load,
    load_lines,
    loads,
    to_dict,
)
from ._errors import (
    FieldTypeError,
    FormatVersionWarning,
    IncomparableGradesError,
    InspectlibError,
    InvalidGrade,
    InvalidPartialDate,
    InvalidRecord,
    NotFoundError,
    Problem,
    UncertainOrderError,
    UnsupportedFormatVersion,
    ValidationError,
)
from ._evidence import Evidence, QualitativeEvidence, QuantitativeEvidence
from ._expectations import Expectation, Lateness, Slip
from ._extensions import Extensions, JSONValue
from ._findings import Finding, FindingKind
from ._frameworks import (
    Change,
    Comparability,
    Framework,
    FrameworkArea,
    GradeMapping,
    ScoreBand,
    ScoreBands,
    compare_grades,
)
from ._frozen import FrozenDict
from ._inspections import GradedArea, Inspection, Period, RelatedDocument, Relation
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
from ._lifecycle import FindingStatus, FindingUpdate
from ._limits import Limits
from ._organisations import Identifier, Organisation, OrganisationKind
from ._partial_dates import MonthPart, Order, PartialDate, Precision, Season
from ._samples import SAMPLES, sample
from ._scales import Grade, GradingScale, grade_key
from ._schema import json_schema
from ._sources import Quote, Source
from ._stated_dates import StatedDate, date_bounds
from ._table_reading import read_tables
from ._tables import TableName, Tables, tables
from ._timeline import Event, EventKind, timeline
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
    # Commissions
    "CommissionedInspection",
    "Commissioner",
    "LegalBasis",
    "Question",
    "Part",
    "PartStatus",
    "Expectation",
    "PublicationDate",
    "Role",
    "Document",
    "Deliverable",
    "DeliverableKind",
    "CommissionStatus",
    "Lateness",
    "Slip",
    "Milestone",
    # Deadlines, the life of a finding, timelines
    "ResponseRule",
    "Counting",
    "Response",
    "Deadline",
    "FindingStatus",
    "FindingUpdate",
    "Event",
    "EventKind",
    "timeline",
    # Analysis
    "tables",
    "Tables",
    "TableName",
    "read_tables",
    "write_parquet_dataset",
    "Dataset",
    "PartitionBy",
    "grade_history",
    "GradePoint",
    "diff",
    "InspectionDiff",
    "AreaChange",
    "select",
    # Grades and judgments
    "GradingScale",
    "Grade",
    "grade_key",
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
    # Frameworks
    "Framework",
    "FrameworkArea",
    "Comparability",
    "GradeMapping",
    "ScoreBands",
    "ScoreBand",
    "Change",
    "compare_grades",
    # Dates
    "StatedDate",
    "date_bounds",
    "PartialDate",
    "Precision",
    "Season",
    "MonthPart",
    "Order",
    # Validation
    "check",
    "validate",
    # Documents
    "FORMAT_VERSION",
    "KINDS",
    "Record",
    "dumps",
    "loads",
    "dump",
    "load",
    "dump_lines",
    "load_lines",
    "to_dict",
    "from_dict",
    "Limits",
    "json_schema",
    "SAMPLES",
    "sample",
    "Catalogue",
    "BUILTIN",
    # Errors
    "InspectlibError",
    "ValidationError",
    "InvalidRecord",
    "FieldTypeError",
    "Problem",
    "InvalidPartialDate",
    "InvalidGrade",
    "NotFoundError",
    "IncomparableGradesError",
    "UncertainOrderError",
    "UnsupportedFormatVersion",
    "FormatVersionWarning",
]

__version__: str = _installed_version("inspectlib")
"""The installed distribution's version, read from its metadata (one place: pyproject.toml)."""
