"""inspectlib's inspection document written for the best peers: msgspec Structs and pydantic v2.

Both schemas follow the wire rules of ``inspectlib._converter.make_converter`` as closely as each
library can state them, so that no contender is timed doing less work:

- strict: no coercion (``12345`` is not text, ``true`` is not an integer), unknown keys refused;
- the envelope: ``"inspectlib"`` must be ``1.<minor>``, ``"kind"`` must be ``"inspection"``;
- text that inspectlib refuses when blank must hold a non-space character;
- the same enums (inspectlib's own ``FindingKind``, ``OrganisationKind``, ``Relation``);
- exact dates ``YYYY-MM-DD`` as ``datetime.date``;
- partial dates as strings checked by inspectlib's canonical regular expression, anchored, with
  its ranges tightened (month 01-12, day 01-31, quarter 1-4): the peers do not check that a
  partial day exists (30 February), which inspectlib does;
- tagged unions for judgments and evidence, the tag first;
- a grade's key must be on its scale, and scale ids must be in inspectlib's built-in catalogue;
- a source needs a url or a title; ``subjects`` needs at least one item;
- ``extensions`` keys need a namespace; the values are any JSON.

``decode_*`` also runs the same cross-field rules as ``inspectlib.check`` (see
:func:`cross_field_problems`), unless called with ``check=False``. Encoding writes the canonical
form, defaults left out, in inspectlib's field order: byte for byte what inspectlib writes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union

import msgspec
import pydantic
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from inspectlib import FindingKind, OrganisationKind, Relation
from inspectlib.catalogue import BUILTIN

# The grade keys of every scale in the built-in catalogue, by scale id.
SCALE_KEYS: dict[str, frozenset[str]] = {
    scale_id: frozenset(scale.keys) for scale_id, scale in BUILTIN.scales.items()
}
ScaleId = Literal[tuple(SCALE_KEYS)]  # type: ignore[valid-type]

# inspectlib's _CANONICAL, anchored, with tightened ranges. msgspec uses Python's re (search, so
# \Z, since $ matches before a final newline); pydantic uses Rust's regex (search; $ is the end).
_PARTIAL = (
    r"(\.\./)?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]|early|mid|late))?"
    r"|-Q[1-4]|-(spring|summer|autumn|winter))?"
)
PARTIAL_PY = "^" + _PARTIAL + r"\Z"
PARTIAL_RUST = "^" + _PARTIAL + "$"
NOT_BLANK = r"\S"
VERSION_PY = r"^1\.[0-9]+\Z"
VERSION_RUST = r"^1\.[0-9]+$"
NAMESPACED_PY = r"^[^:]+:."
NAMESPACED_RUST = r"^[^:]+:."


# --- msgspec ---------------------------------------------------------------------------------

MText = Annotated[str, msgspec.Meta(pattern=NOT_BLANK)]
MPartial = Annotated[str, msgspec.Meta(pattern=PARTIAL_PY)]
MExtensions = dict[Annotated[str, msgspec.Meta(pattern=NAMESPACED_PY)], Any]


class _M(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, frozen=True):
    pass


class MSource(_M):
    url: MText | None = None
    title: MText | None = None
    publisher: MText | None = None
    published: datetime.date | None = None
    accessed: datetime.date | None = None

    def __post_init__(self) -> None:
        if self.url is None and self.title is None:
            raise ValueError("a Source needs a url or a title")


class MQuote(_M):
    speaker: MText
    text: MText
    role: MText | None = None
    sources: tuple[MSource, ...] = ()


class MIdentifier(_M):
    scheme: MText
    value: MText


class MOrganisation(_M):
    name: MText
    kind: OrganisationKind
    short_name: MText | None = None
    identifiers: tuple[MIdentifier, ...] = ()
    predecessors: tuple[MIdentifier, ...] = ()
    successors: tuple[MIdentifier, ...] = ()
    extensions: MExtensions = {}


class _MTagged(_M, tag_field="type"):
    pass


def _check_grade(scale: str, grade: str) -> None:
    keys = SCALE_KEYS.get(scale)
    if keys is None:
        raise ValueError(f"no grading scale {scale!r} in the catalogue")
    if grade not in keys:
        raise ValueError(f"{grade!r} is not a grade of scale {scale!r}")


class MGrade(_MTagged, tag="grade"):
    scale: str
    grade: str

    def __post_init__(self) -> None:
        _check_grade(self.scale, self.grade)


class MGradeRef(_M):
    scale: str
    grade: str

    def __post_init__(self) -> None:
        _check_grade(self.scale, self.grade)


class MUngraded(_MTagged, tag="ungraded"):
    pass


class MNotRated(_MTagged, tag="not_rated"):
    pass


class MExempt(_MTagged, tag="exempt"):
    pass


class MAwaitingInspection(_MTagged, tag="awaiting_inspection"):
    pass


class MInsufficientEvidence(_MTagged, tag="insufficient_evidence"):
    pass


class MCarriedForward(_MTagged, tag="carried_forward"):
    from_inspection: str | None = None
    grade: MGradeRef | None = None


MJudgment = Union[  # noqa: UP007
    MGrade,
    MUngraded,
    MNotRated,
    MExempt,
    MAwaitingInspection,
    MInsufficientEvidence,
    MCarriedForward,
]


class MQuantitative(_MTagged, tag="quantitative"):
    description: MText
    count: int
    total: int | None = None
    unit: MText | None = None
    sources: tuple[MSource, ...] = ()


class MQualitative(_MTagged, tag="qualitative"):
    description: MText
    sources: tuple[MSource, ...] = ()


MEvidence = Union[MQuantitative, MQualitative]  # noqa: UP007


class MPeriod(_M):
    start: MPartial
    end: MPartial


class MGradedArea(_M):
    key: MText
    topic: MText
    judgment: MJudgment
    label: MText | None = None
    summary: MText | None = None
    parent: MText | None = None
    sources: tuple[MSource, ...] = ()
    extensions: MExtensions = {}


class MRelatedReport(_M):
    relation: Relation
    target: MText
    title: MText | None = None


class MFinding(_M):
    id: MText
    kind: FindingKind
    text: MText
    reference: MText | None = None
    areas: tuple[str, ...] = ()
    addressed_to: MOrganisation | None = None
    due: MPartial | None = None
    cause_of_concern: MText | None = None
    evidence: tuple[MEvidence, ...] = ()
    sources: tuple[MSource, ...] = ()
    extensions: MExtensions = {}


class MInspection(_M):
    inspectlib: Annotated[str, msgspec.Meta(pattern=VERSION_PY)]
    kind: Literal["inspection"]
    id: MText
    title: MText
    inspectorate: MOrganisation
    subjects: Annotated[tuple[MOrganisation, ...], msgspec.Meta(min_length=1)]
    published: datetime.date
    scales: tuple[ScaleId, ...] = ()
    framework: MText | None = None
    supporting_inspectorates: tuple[MOrganisation, ...] = ()
    fieldwork: MPeriod | None = None
    graded_areas: tuple[MGradedArea, ...] = ()
    overall: MJudgment | None = None
    findings: tuple[MFinding, ...] = ()
    evidence: tuple[MEvidence, ...] = ()
    quotes: tuple[MQuote, ...] = ()
    sources: tuple[MSource, ...] = ()
    related: tuple[MRelatedReport, ...] = ()
    extensions: MExtensions = {}


_M_DECODER = msgspec.json.Decoder(MInspection)
_M_ENCODER = msgspec.json.Encoder()


# --- pydantic v2 -----------------------------------------------------------------------------

PText = Annotated[str, StringConstraints(pattern=NOT_BLANK)]
PPartial = Annotated[str, StringConstraints(pattern=PARTIAL_RUST)]
PExtensions = dict[Annotated[str, StringConstraints(pattern=NAMESPACED_RUST)], Any]


class _P(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PSource(_P):
    url: PText | None = None
    title: PText | None = None
    publisher: PText | None = None
    published: datetime.date | None = None
    accessed: datetime.date | None = None

    @model_validator(mode="after")
    def _url_or_title(self) -> PSource:
        if self.url is None and self.title is None:
            raise ValueError("a Source needs a url or a title")
        return self


class PQuote(_P):
    speaker: PText
    text: PText
    role: PText | None = None
    sources: tuple[PSource, ...] = ()


class PIdentifier(_P):
    scheme: PText
    value: PText


class POrganisation(_P):
    name: PText
    kind: OrganisationKind
    short_name: PText | None = None
    identifiers: tuple[PIdentifier, ...] = ()
    predecessors: tuple[PIdentifier, ...] = ()
    successors: tuple[PIdentifier, ...] = ()
    extensions: PExtensions = {}


class PGrade(_P):
    type: Literal["grade"]
    scale: str
    grade: str

    @model_validator(mode="after")
    def _on_scale(self) -> PGrade:
        _check_grade(self.scale, self.grade)
        return self


class PGradeRef(_P):
    scale: str
    grade: str

    @model_validator(mode="after")
    def _on_scale(self) -> PGradeRef:
        _check_grade(self.scale, self.grade)
        return self


class PNonGrade(_P):
    type: Literal["ungraded", "not_rated", "exempt", "awaiting_inspection", "insufficient_evidence"]


class PCarriedForward(_P):
    type: Literal["carried_forward"]
    from_inspection: str | None = None
    grade: PGradeRef | None = None


PJudgment = Annotated[Union[PGrade, PNonGrade, PCarriedForward], Field(discriminator="type")]  # noqa: UP007


class PQuantitative(_P):
    type: Literal["quantitative"]
    description: PText
    count: int
    total: int | None = None
    unit: PText | None = None
    sources: tuple[PSource, ...] = ()


class PQualitative(_P):
    type: Literal["qualitative"]
    description: PText
    sources: tuple[PSource, ...] = ()


PEvidence = Annotated[Union[PQuantitative, PQualitative], Field(discriminator="type")]  # noqa: UP007


class PPeriod(_P):
    start: PPartial
    end: PPartial


class PGradedArea(_P):
    key: PText
    topic: PText
    judgment: PJudgment
    label: PText | None = None
    summary: PText | None = None
    parent: PText | None = None
    sources: tuple[PSource, ...] = ()
    extensions: PExtensions = {}


class PRelatedReport(_P):
    relation: Relation
    target: PText
    title: PText | None = None


class PFinding(_P):
    id: PText
    kind: FindingKind
    text: PText
    reference: PText | None = None
    areas: tuple[str, ...] = ()
    addressed_to: POrganisation | None = None
    due: PPartial | None = None
    cause_of_concern: PText | None = None
    evidence: tuple[PEvidence, ...] = ()
    sources: tuple[PSource, ...] = ()
    extensions: PExtensions = {}


class PInspection(_P):
    inspectlib: Annotated[str, StringConstraints(pattern=VERSION_RUST)]
    kind: Literal["inspection"]
    id: PText
    title: PText
    inspectorate: POrganisation
    subjects: Annotated[tuple[POrganisation, ...], Field(min_length=1)]
    published: datetime.date
    scales: tuple[ScaleId, ...] = ()
    framework: PText | None = None
    supporting_inspectorates: tuple[POrganisation, ...] = ()
    fieldwork: PPeriod | None = None
    graded_areas: tuple[PGradedArea, ...] = ()
    overall: PJudgment | None = None
    findings: tuple[PFinding, ...] = ()
    evidence: tuple[PEvidence, ...] = ()
    quotes: tuple[PQuote, ...] = ()
    sources: tuple[PSource, ...] = ()
    related: tuple[PRelatedReport, ...] = ()
    extensions: PExtensions = {}


_P_VALIDATE = PInspection.model_validate_json


# --- the cross-field rules of inspectlib.check, on either peer's objects ----------------------


class CrossFieldError(ValueError):
    """The peers' equivalent of inspectlib's cross-field ValidationError: (path, message)s."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{path}: {message}" for path, message in problems))
        self.problems = problems


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> datetime.date:
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return datetime.date(year, month, 29 if leap else _MONTH_DAYS[month])


def partial_bounds(text: str) -> tuple[datetime.date | None, datetime.date]:
    """(earliest or None for a "by" date, latest) of a canonical partial date string."""
    by = text.startswith("../")
    body = text[3:] if by else text
    year = int(body[:4])
    rest = body[5:]
    if not rest:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    elif rest[0] == "Q":
        quarter = int(rest[1])
        first, last = datetime.date(year, quarter * 3 - 2, 1), _month_end(year, quarter * 3)
    elif rest in _SEASONS:
        start, end = _SEASONS[rest]
        first = datetime.date(year, start, 1)
        last = _month_end(year + 1 if rest == "winter" else year, end)
    else:
        month = int(rest[:2])
        tail = rest[3:]
        if not tail:
            first, last = datetime.date(year, month, 1), _month_end(year, month)
        elif tail in _PARTS:
            a, b = _PARTS[tail]
            end = _month_end(year, month)
            first, last = (
                datetime.date(year, month, a),
                min(end, datetime.date(year, month, min(b, end.day))),
            )
        else:
            first = last = datetime.date(year, month, int(tail))
    return (None if by else first), last


def _before(
    a: tuple[datetime.date | None, datetime.date], b: tuple[datetime.date | None, datetime.date]
) -> bool:
    return b[0] is not None and a[1] < b[0]


_GRADE_TYPES = (MGrade, PGrade)
_CARRIED_TYPES = (MCarriedForward, PCarriedForward)
_QUANTITATIVE_TYPES = (MQuantitative, PQuantitative)


def _judgment_problems(
    judgment: Any, path: str, scales: tuple[str, ...]
) -> Iterator[tuple[str, str]]:
    grade = None
    if isinstance(judgment, _CARRIED_TYPES):
        if judgment.from_inspection is None:
            yield f"{path}.from_inspection", "a carried-forward judgment must name its inspection"
        grade, path = judgment.grade, f"{path}.grade"
    elif isinstance(judgment, _GRADE_TYPES):
        grade = judgment
    if grade is not None and grade.scale not in scales:
        yield path, f"grade on scale {grade.scale!r}, not one of this inspection's scales"


def _evidence_problems(evidence: Any, path: str) -> Iterator[tuple[str, str]]:
    for index, item in enumerate(evidence):
        if not isinstance(item, _QUANTITATIVE_TYPES):
            continue
        here = f"{path}[{index}]"
        if item.count < 0:
            yield f"{here}.count", "must not be negative"
        if item.total is not None and item.total < 0:
            yield f"{here}.total", "must not be negative"
        elif item.total is not None and item.count > item.total:
            yield f"{here}.count", "more than its total"


def cross_field_problems(doc: Any) -> Iterator[tuple[str, str]]:
    """inspectlib.check's rules (all but the framework's, which the corpus does not name)."""
    fieldwork = doc.fieldwork
    if fieldwork is not None:
        start, end = partial_bounds(fieldwork.start), partial_bounds(fieldwork.end)
        if _before(end, start):
            yield "$.fieldwork.end", "fieldwork ends before it starts"
        if _before((doc.published, doc.published), end):
            yield "$.published", "published before fieldwork ended"
    scales = doc.scales
    first_at: dict[str, int] = {}
    for index, area in enumerate(doc.graded_areas):
        here = f"$.graded_areas[{index}]"
        if area.key in first_at:
            yield f"{here}.key", f"duplicate area key {area.key!r}"
        else:
            first_at[area.key] = index
        yield from _judgment_problems(area.judgment, f"{here}.judgment", scales)
    for index, area in enumerate(doc.graded_areas):
        if area.parent is None:
            continue
        if area.parent == area.key:
            yield f"$.graded_areas[{index}].parent", "an area cannot be its own parent"
        elif area.parent not in first_at:
            yield f"$.graded_areas[{index}].parent", "parent is not an area of this inspection"
    if doc.overall is not None:
        yield from _judgment_problems(doc.overall, "$.overall", scales)
    findings = doc.findings
    finding_at: dict[str, int] = {}
    for index, finding in enumerate(findings):
        if finding.id in finding_at:
            yield f"$.findings[{index}].id", f"duplicate finding id {finding.id!r}"
        else:
            finding_at[finding.id] = index
    for index, finding in enumerate(findings):
        here = f"$.findings[{index}]"
        for position, key in enumerate(finding.areas):
            if key not in first_at:
                yield f"{here}.areas[{position}]", f"{key!r} is not an area of this inspection"
        parent = finding.cause_of_concern
        if parent is not None:
            if finding.kind is not FindingKind.RECOMMENDATION:
                yield f"{here}.cause_of_concern", "only a recommendation has a cause of concern"
            elif parent not in finding_at:
                yield f"{here}.cause_of_concern", f"{parent!r} is not a finding"
            elif findings[finding_at[parent]].kind is not FindingKind.CAUSE_OF_CONCERN:
                yield f"{here}.cause_of_concern", f"{parent!r} is not a cause of concern"
        yield from _evidence_problems(finding.evidence, f"{here}.evidence")
    yield from _evidence_problems(doc.evidence, "$.evidence")


def _checked(doc: Any) -> Any:
    problems = list(cross_field_problems(doc))
    if problems:
        raise CrossFieldError(problems)
    return doc


# --- the functions the benchmark times ------------------------------------------------------


def decode_msgspec(line: bytes, check: bool = True) -> MInspection:
    doc = _M_DECODER.decode(line)
    return _checked(doc) if check else doc


def encode_msgspec(doc: MInspection) -> bytes:
    return _M_ENCODER.encode(doc)


def decode_pydantic(line: bytes, check: bool = True) -> PInspection:
    doc = _P_VALIDATE(line)
    return _checked(doc) if check else doc


_P_SERIALIZER = PInspection.__pydantic_serializer__


def encode_pydantic(doc: PInspection) -> bytes:
    # model_dump_json without the detour through str.
    return _P_SERIALIZER.to_json(doc, exclude_defaults=True)


def error_paths(error: BaseException) -> list[str]:
    """The paths a peer's error names, as inspectlib writes them ($.a[0].b)."""
    if isinstance(error, CrossFieldError):
        return [path for path, _ in error.problems]
    if isinstance(error, pydantic.ValidationError):
        paths = []
        for item in error.errors():
            path = "$"
            for step in item["loc"]:
                if isinstance(step, int):
                    path += f"[{step}]"
                elif (
                    step in {"grade", "quantitative", "qualitative"}
                    and path.endswith((".judgment", ".overall", "]"))
                    and item["loc"][-1] != step
                ):
                    continue  # the discriminator's tag, which is not a key in the document
                else:
                    path += f".{step}"
            paths.append(path)
        return paths
    if isinstance(error, msgspec.ValidationError):
        found = re.search(r"at `(\$[^`]*)`", str(error))
        path = "$" if found is None else found.group(1)
        missing = re.search(r"missing required field `([^`]+)`", str(error))
        unknown = re.search(r"unknown field `([^`]+)`", str(error))
        named = missing or unknown
        return [f"{path}.{named.group(1)}" if named else path]
    return ["$"]
