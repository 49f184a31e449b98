"""Typed, validated, immutable records of inspectorate reports.

The top level holds what a script uses: the records, grades and judgments, partial dates, the
functions that read, write and check documents, and the base classes of the errors. The rest
lives in a module per concept:

- :mod:`inspectlib.dates`: partial dates and dates as sources state them;
- :mod:`inspectlib.judgments`: non-grades and their kinds;
- :mod:`inspectlib.scales` and :mod:`inspectlib.frameworks`: grading scales and frameworks,
  their classes and the real inspectorates' ones;
- :mod:`inspectlib.commissions`: commissioned inspections, their parts and publications;
- :mod:`inspectlib.deadlines`: the time a body has to respond to a report;
- :mod:`inspectlib.analysis`: grade histories, differences, timelines, open findings;
- :mod:`inspectlib.tables`: records as tables, CSV and Parquet;
- :mod:`inspectlib.catalogue`: the catalogue of frameworks, scales and rules;
- :mod:`inspectlib.format`: the document format's version, kinds, limits and schema;
- :mod:`inspectlib.errors`: every exception and warning;
- :mod:`inspectlib.sources`: importers of what inspectorates publish.
"""

from importlib.metadata import version as _installed_version
from typing import TYPE_CHECKING, Final

from . import analysis as analysis
from . import catalogue as catalogue
from . import commissions as commissions
from . import dates as dates
from . import deadlines as deadlines
from . import errors as errors
from . import format as format
from . import frameworks as frameworks
from . import judgments as judgments
from . import scales as scales
from . import tables as tables
from ._collector import collector_paused
from ._deprecation import moved_names
from ._documents import Record, dump, dump_lines, dumps, from_dict, load, load_lines, loads, to_dict
from ._evidence import Evidence, QualitativeEvidence, QuantitativeEvidence
from ._extensions import Extensions
from ._findings import Finding, FindingKind
from ._inspections import GradedArea, Inspection, Period, RelatedReport, Relation
from ._lifecycle import FindingStatus, FindingUpdate
from ._organisations import Identifier, Organisation, OrganisationKind
from ._samples import sample
from ._schema import json_schema
from ._sources import Quote, Source
from ._surface import offer_only
from ._validation import check, validate
from .commissions import CommissionedInspection, Part
from .dates import PartialDate, StatedDate
from .errors import InspectlibError, InvalidRecord, Problem, ValidationError
from .frameworks import Framework
from .judgments import CarriedForward, Inherited, Judgment, NonGrade
from .scales import Grade, GradingScale

__all__ = [
    # Records
    "Inspection",
    "GradedArea",
    "Period",
    "RelatedReport",
    "Relation",
    "Finding",
    "FindingKind",
    "FindingUpdate",
    "FindingStatus",
    "Evidence",
    "QuantitativeEvidence",
    "QualitativeEvidence",
    "Organisation",
    "OrganisationKind",
    "Identifier",
    "Source",
    "Quote",
    "Extensions",
    "CommissionedInspection",
    "Part",
    # Grades and judgments
    "GradingScale",
    "Grade",
    "Judgment",
    "NonGrade",
    "CarriedForward",
    "Inherited",
    "Framework",
    # Dates
    "PartialDate",
    "StatedDate",
    # Reading, writing and checking documents
    "Record",
    "loads",
    "dumps",
    "load",
    "dump",
    "load_lines",
    "dump_lines",
    "collector_paused",
    "to_dict",
    "from_dict",
    "check",
    "validate",
    "sample",
    "json_schema",
    # Errors
    "InspectlibError",
    "ValidationError",
    "InvalidRecord",
    "Problem",
]

# Names that were at the top level before the families moved into modules of their own: each
# still works for this release, and warns with its new home. ``tables`` is the exception: the
# name is now the module, which can still be called as the function was (see tables.py).
_MOVED: Final = {
    "FORMAT_VERSION": ("inspectlib.format", "FORMAT_VERSION"),
    "KINDS": ("inspectlib.format", "KINDS"),
    "Limits": ("inspectlib.format", "Limits"),
    "SAMPLES": ("inspectlib.format", "SAMPLES"),
    "FrozenDict": ("inspectlib.format", "FrozenDict"),
    "JSONValue": ("inspectlib.format", "JSONValue"),
    "Catalogue": ("inspectlib.catalogue", "Catalogue"),
    "BUILTIN": ("inspectlib.catalogue", "BUILTIN"),
    "Commissioner": ("inspectlib.commissions", "Commissioner"),
    "LegalBasis": ("inspectlib.commissions", "LegalBasis"),
    "Question": ("inspectlib.commissions", "Question"),
    "PartStatus": ("inspectlib.commissions", "PartStatus"),
    "Expectation": ("inspectlib.commissions", "Expectation"),
    "PublicationDate": ("inspectlib.commissions", "PublicationDate"),
    "Role": ("inspectlib.commissions", "Role"),
    "Deliverable": ("inspectlib.commissions", "Deliverable"),
    "DeliverableKind": ("inspectlib.commissions", "DeliverableKind"),
    "CommissionStatus": ("inspectlib.commissions", "CommissionStatus"),
    "Lateness": ("inspectlib.commissions", "Lateness"),
    "Slip": ("inspectlib.commissions", "Slip"),
    "Milestone": ("inspectlib.commissions", "Milestone"),
    "ResponseRule": ("inspectlib.deadlines", "ResponseRule"),
    "Counting": ("inspectlib.deadlines", "Counting"),
    "Response": ("inspectlib.deadlines", "Response"),
    "Deadline": ("inspectlib.deadlines", "Deadline"),
    "Event": ("inspectlib.analysis", "Event"),
    "EventKind": ("inspectlib.analysis", "EventKind"),
    "timeline": ("inspectlib.analysis", "timeline"),
    "grade_history": ("inspectlib.analysis", "grade_history"),
    "GradePoint": ("inspectlib.analysis", "GradePoint"),
    "diff": ("inspectlib.analysis", "diff"),
    "InspectionDiff": ("inspectlib.analysis", "InspectionDiff"),
    "AreaChange": ("inspectlib.analysis", "AreaChange"),
    "select": ("inspectlib.analysis", "select"),
    "Tables": ("inspectlib.tables", "Tables"),
    "TableName": ("inspectlib.tables", "TableName"),
    "read_tables": ("inspectlib.tables", "read_tables"),
    "write_parquet_dataset": ("inspectlib.tables", "write_parquet_dataset"),
    "Dataset": ("inspectlib.tables", "Dataset"),
    "PartitionBy": ("inspectlib.tables", "PartitionBy"),
    "grade_key": ("inspectlib.scales", "grade_key"),
    "NonGradeKind": ("inspectlib.judgments", "NonGradeKind"),
    "UNGRADED": ("inspectlib.judgments", "UNGRADED"),
    "NOT_RATED": ("inspectlib.judgments", "NOT_RATED"),
    "EXEMPT": ("inspectlib.judgments", "EXEMPT"),
    "AWAITING_INSPECTION": ("inspectlib.judgments", "AWAITING_INSPECTION"),
    "INSUFFICIENT_EVIDENCE": ("inspectlib.judgments", "INSUFFICIENT_EVIDENCE"),
    "AWAITING_PUBLICATION": ("inspectlib.judgments", "AWAITING_PUBLICATION"),
    "NO_PUBLISHED_RATING": ("inspectlib.judgments", "NO_PUBLISHED_RATING"),
    "INSPECTED_NOT_RATED": ("inspectlib.judgments", "INSPECTED_NOT_RATED"),
    "NOT_APPLICABLE": ("inspectlib.judgments", "NOT_APPLICABLE"),
    "NOT_JUDGED": ("inspectlib.judgments", "NOT_JUDGED"),
    "FrameworkArea": ("inspectlib.frameworks", "FrameworkArea"),
    "Comparability": ("inspectlib.frameworks", "Comparability"),
    "GradeMapping": ("inspectlib.frameworks", "GradeMapping"),
    "ScoreBands": ("inspectlib.frameworks", "ScoreBands"),
    "ScoreBand": ("inspectlib.frameworks", "ScoreBand"),
    "Change": ("inspectlib.frameworks", "Change"),
    "compare_grades": ("inspectlib.frameworks", "compare_grades"),
    "date_bounds": ("inspectlib.dates", "date_bounds"),
    "Precision": ("inspectlib.dates", "Precision"),
    "Season": ("inspectlib.dates", "Season"),
    "MonthPart": ("inspectlib.dates", "MonthPart"),
    "Order": ("inspectlib.dates", "Order"),
    "FieldTypeError": ("inspectlib.errors", "FieldTypeError"),
    "InvalidPartialDate": ("inspectlib.errors", "InvalidPartialDate"),
    "InvalidGrade": ("inspectlib.errors", "InvalidGrade"),
    "NotFoundError": ("inspectlib.errors", "NotFoundError"),
    "IncomparableGradesError": ("inspectlib.errors", "IncomparableGradesError"),
    "UncertainOrderError": ("inspectlib.errors", "UncertainOrderError"),
    "FormatVersionWarning": ("inspectlib.errors", "FormatVersionWarning"),
    "Document": ("inspectlib.commissions", "Publication"),
    "RelatedDocument": ("inspectlib", "RelatedReport"),
    "UnsupportedFormatVersion": ("inspectlib.errors", "FormatVersionError"),
}

if TYPE_CHECKING:
    # The moved names, for type checkers: at run time ``__getattr__`` finds them, and warns.
    # One import per module, each name re-exported by name (``X as X``): isort would split them.
    # isort: off
    from .analysis import (
        AreaChange as AreaChange,
        Event as Event,
        EventKind as EventKind,
        GradePoint as GradePoint,
        InspectionDiff as InspectionDiff,
        diff as diff,
        grade_history as grade_history,
        select as select,
        timeline as timeline,
    )
    from .catalogue import (
        BUILTIN as BUILTIN,
        Catalogue as Catalogue,
    )
    from .commissions import (
        CommissionStatus as CommissionStatus,
        Commissioner as Commissioner,
        Deliverable as Deliverable,
        DeliverableKind as DeliverableKind,
        Expectation as Expectation,
        Lateness as Lateness,
        LegalBasis as LegalBasis,
        Milestone as Milestone,
        PartStatus as PartStatus,
        PublicationDate as PublicationDate,
        Question as Question,
        Role as Role,
        Slip as Slip,
    )
    from .dates import (
        MonthPart as MonthPart,
        Order as Order,
        Precision as Precision,
        Season as Season,
        date_bounds as date_bounds,
    )
    from .deadlines import (
        Counting as Counting,
        Deadline as Deadline,
        Response as Response,
        ResponseRule as ResponseRule,
    )
    from .errors import (
        FieldTypeError as FieldTypeError,
        FormatVersionWarning as FormatVersionWarning,
        IncomparableGradesError as IncomparableGradesError,
        InvalidGrade as InvalidGrade,
        InvalidPartialDate as InvalidPartialDate,
        NotFoundError as NotFoundError,
        UncertainOrderError as UncertainOrderError,
    )
    from .format import (
        FORMAT_VERSION as FORMAT_VERSION,
        KINDS as KINDS,
        SAMPLES as SAMPLES,
        FrozenDict as FrozenDict,
        JSONValue as JSONValue,
        Limits as Limits,
    )
    from .frameworks import (
        Change as Change,
        Comparability as Comparability,
        FrameworkArea as FrameworkArea,
        GradeMapping as GradeMapping,
        ScoreBand as ScoreBand,
        ScoreBands as ScoreBands,
        compare_grades as compare_grades,
    )
    from .judgments import (
        AWAITING_INSPECTION as AWAITING_INSPECTION,
        AWAITING_PUBLICATION as AWAITING_PUBLICATION,
        EXEMPT as EXEMPT,
        INSPECTED_NOT_RATED as INSPECTED_NOT_RATED,
        INSUFFICIENT_EVIDENCE as INSUFFICIENT_EVIDENCE,
        NOT_APPLICABLE as NOT_APPLICABLE,
        NOT_JUDGED as NOT_JUDGED,
        NOT_RATED as NOT_RATED,
        NO_PUBLISHED_RATING as NO_PUBLISHED_RATING,
        UNGRADED as UNGRADED,
        NonGradeKind as NonGradeKind,
    )
    from .scales import (
        grade_key as grade_key,
    )
    from .tables import (
        Dataset as Dataset,
        PartitionBy as PartitionBy,
        TableName as TableName,
        Tables as Tables,
        read_tables as read_tables,
        write_parquet_dataset as write_parquet_dataset,
    )
    # isort: on

    Document = commissions.Publication
    RelatedDocument = RelatedReport
    UnsupportedFormatVersion = errors.FormatVersionError

if not TYPE_CHECKING:
    # Hidden from type checkers, which see the moved names above: a module ``__getattr__``
    # would make them accept any misspelt name as well.
    __getattr__ = moved_names(__name__, _MOVED)


# The names to use, not the moved ones nor the private modules: what completion offers.
offer_only(__name__, [*__all__, "__version__"])


__version__: str = _installed_version("inspectlib")
"""The installed distribution's version, read from its metadata (one place: pyproject.toml)."""
