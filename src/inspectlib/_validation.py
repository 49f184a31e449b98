"""Cross-field rules: what no single field can check on its own.

Field invariants (blank text, a malformed date) are refused when a record is built. The rules
here need several fields at once, so they run in one pass that reports every problem it finds,
each with a JSON-style path rooted at the record checked (``$.graded_areas[2].judgment``).
"""

from __future__ import annotations

import datetime
import functools
import heapq
import operator
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from ._builtin import BUILTIN
from ._catalogue import Catalogue
from ._commissions import CommissionedInspection, Part, PartStatus
from ._deadlines import ResponseRule
from ._errors import NotFoundError, Problem, ValidationError
from ._evidence import Evidence, QuantitativeEvidence
from ._expectations import Expectation
from ._field_types import type_problems
from ._findings import Finding, FindingKind
from ._framework_rules import framework_problems
from ._frameworks import Framework
from ._inspections import Inspection, Period, RelatedReport
from ._judgments import CarriedForward, Inherited, Judgment, step_to_grade
from ._messages import listed, shown
from ._organisations import Organisation
from ._partial_dates import PartialDate
from ._paths import render as render_path
from ._scales import Grade, GradingScale
from ._stated_dates import (
    StatedDate,
    as_partial,
    certainly_before,
    date_bounds,
    describe_date,
    stated_text,
)

__all__ = ["CROSS_FIELD_CHECKS", "check", "has_cross_field_rules", "register_rules", "validate"]

T = TypeVar("T")

_Rules = Callable[[Any, Catalogue], Iterator[Problem]]
_RULES: dict[type[Any], _Rules] = {}


CROSS_FIELD_CHECKS: dict[type[Any], tuple[str, ...]] = {}
"""The rules :func:`check` applies to each kind of record, by name: what a document that
cannot be read into a record is not yet checked for (:attr:`ValidationError.skipped`). A kind
is here exactly when it has rules beyond those its records check when built; each kind's names
are given where its rules are registered."""


def register_rules(
    record_type: type[T], *names: str
) -> Callable[[Callable[[T, Catalogue], Iterator[Problem]]], Any]:
    """Register the function that yields the problems of *record_type*, and the *names* of the
    rules it applies (none for a kind that checks itself whole when built)."""

    def decorate(
        rules: Callable[[T, Catalogue], Iterator[Problem]],
    ) -> Callable[[T, Catalogue], Iterator[Problem]]:
        _RULES[record_type] = rules
        if names:
            CROSS_FIELD_CHECKS[record_type] = names
        return rules

    return decorate


def has_cross_field_rules(record_type: type[Any]) -> bool:
    """Whether records of *record_type* have rules beyond those they check when built: what
    the reader and the writer ask before running :func:`check`."""
    return record_type in CROSS_FIELD_CHECKS


def check(record: object, *, catalogue: Catalogue | None = None) -> tuple[Problem, ...]:
    """Every cross-field problem of *record*, in document order; empty when it is valid.

    *record* is any record that can be a document: an inspection, a commissioned inspection, a
    framework or a grading scale (the last two check themselves whole when built, so they have
    no cross-field problems here).

    An inspection that names a framework is also checked against it: the framework is looked
    up in *catalogue* (the built-in one by default).

    A record always holds its fields' declared types once built. One changed behind its
    constructor's back (with ``object.__setattr__``, say) may not: where the rules meet such a
    value, the problems returned are the fields of the wrong type, each with its path, rather
    than a failure.

    Raises:
        TypeError: *record* is not a record with rules (a string, an organisation).

    .. versionadded:: 0.1.0
    """
    rules = _rules_of(record)
    try:
        return tuple(rules(record, catalogue or BUILTIN))
    except Exception:
        # Only a record that went around its constructor gets here; say which fields.
        wrong = type_problems(record)
        if not wrong:
            raise
        return tuple(Problem(render_path(at), message) for at, message in wrong)


def each_problem(record: object, *, catalogue: Catalogue | None = None) -> Iterator[Problem]:
    """The problems of :func:`check`, made one at a time, so that a caller who needs only the
    first few stops the work there."""
    return _typed_or_wrong(record, _rules_of(record)(record, catalogue or BUILTIN))


def _rules_of(record: object) -> _Rules:
    rules = _RULES.get(type(record))
    if rules is None:
        raise TypeError(f"inspectlib has no validation rules for {type(record).__name__}")
    return rules


def _typed_or_wrong(record: object, problems: Iterator[Problem]) -> Iterator[Problem]:
    try:
        yield from problems
    except Exception:
        wrong = type_problems(record)
        if not wrong:
            raise
        yield from (Problem(render_path(at), message) for at, message in wrong)


def validate(record: T, *, catalogue: Catalogue | None = None) -> T:
    """Return *record* if it keeps every cross-field rule, else raise with all its problems.

    Raises:
        ValidationError: With every problem found, each with its path.

    .. versionadded:: 0.1.0
    """
    problems = check(record, catalogue=catalogue)
    if problems:
        identifier = getattr(record, "id", None)
        subject = type(record).__name__ + (f" {identifier!r}" if identifier else "")
        raise ValidationError(subject, problems)
    return record


def _inspection_judgment_problems(
    inspection: Inspection, judgments: list[Judgment], inherited: list[int]
) -> Iterator[tuple[int, Problem]]:
    """What is wrong with an inspection's *judgments* (its areas', then the overall one) against
    its scales, each problem with the index of its judgment. One pass over them all, each
    judgment told apart by its kind once (as :func:`~inspectlib._judgments.grade_of` tells
    which grade it gives), and nothing built while every grade is on the first scale the
    inspection declares.

    The index of each rating inherited from one of the inspection's own subjects is added to
    *inherited*: that rule is said later (:func:`_inherited_problem`), and its problem made
    only then, one at a time."""
    overall_at = len(inspection.graded_areas)
    declared: frozenset[GradingScale] | None = None
    subjects: frozenset[Organisation] | None = None
    allowed = ""
    # The last scale found to be one of the inspection's: a report grades mostly on one, so a
    # grade's scale is tested by identity before it is hashed. It starts as the first scale
    # declared, so a report on one scale hashes none (a scale's hash is a call).
    on_scale = inspection.scales[0] if inspection.scales else None
    for index, judgment in enumerate(judgments):
        if isinstance(judgment, Grade):
            grade = judgment
        elif isinstance(judgment, Inherited):
            grade = judgment.grade
            # A rating is inherited from a predecessor, not from a body the report inspects.
            if subjects is None:
                subjects = frozenset(inspection.subjects)  # looked up, not searched, a judgment
            if judgment.predecessor in subjects:
                inherited.append(index)
        elif isinstance(judgment, CarriedForward):
            if judgment.from_inspection is None:
                yield (
                    index,
                    Problem(
                        _judgment_path(index, overall_at) + ".from_inspection",
                        "a carried-forward judgment must name the inspection it was carried from",
                    ),
                )
            if judgment.grade is None:
                continue
            grade = judgment.grade
        else:
            continue  # a non-grade: nothing to check against the scales
        if grade.scale is on_scale:
            continue
        if declared is None:
            declared = frozenset(inspection.scales)
        if grade.scale in declared:
            on_scale = grade.scale
            continue
        allowed = allowed or listed(repr(scale.id) for scale in _distinct(inspection.scales))
        yield (
            index,
            Problem(
                _judgment_path(index, overall_at) + step_to_grade(judgment),
                f"grade {shown(grade.label)} is on scale {grade.scale.id!r}, which is not one "
                f"of this inspection's scales ({allowed or 'none'})",
            ),
        )


def _judgment_path(index: int, overall_at: int) -> str:
    """The path of an inspection's judgment at *index* of its areas' and overall judgments."""
    return "$.overall" if index == overall_at else f"$.graded_areas[{index}].judgment"


def _inherited_problem(inspection: Inspection, index: int) -> Problem:
    """The problem of the rating at *index* of the inspection's judgments (its areas', then the
    overall one), inherited from one of its own subjects."""
    overall_at = len(inspection.graded_areas)
    judgment = cast(
        Inherited,
        inspection.overall if index == overall_at else inspection.graded_areas[index].judgment,
    )
    return Problem(
        _judgment_path(index, overall_at) + ".predecessor",
        f"{shown(judgment.predecessor.name)} is a subject of this inspection: a rating is "
        "inherited from a predecessor registration, not from the body itself",
    )


def _distinct(scales: Iterable[GradingScale]) -> Iterator[GradingScale]:
    """Each scale once, in order of first mention."""
    seen: set[GradingScale] = set()
    for scale in scales:
        if scale not in seen:
            seen.add(scale)
            yield scale


def _count_problems(items: Iterable[Evidence], path: str) -> Iterator[Problem]:
    """Quantitative items' counts and totals against each other, in one group of items (an
    inspection's own evidence, or a finding's) at *path*. The findings' loop in
    :func:`_finding_problems` tests each item against the same rule first, with no position
    counted: a rule added here is added there too."""
    for position, item in enumerate(items):
        if not isinstance(item, QuantitativeEvidence):
            continue
        count, total = item.count, item.total
        if count < 0:
            yield Problem(f"{path}[{position}].count", f"must not be negative, got {count}")
        if total is not None and total < 0:
            yield Problem(f"{path}[{position}].total", f"must not be negative, got {total}")
        elif total is not None and count > total:
            yield Problem(f"{path}[{position}].count", f"{count} is more than its total of {total}")


@register_rules(
    Inspection,
    "fieldwork ends after it starts",
    "published after fieldwork ends",
    "area keys are unique",
    "judgments are on the inspection's scales",
    "parent areas exist",
    "finding ids are unique",
    "findings name areas of the inspection",
    "recommendations belong to causes of concern",
    "evidence counts are within their totals",
    "responses come after the report",
    "finding updates name inspections followed up",
    "response deadlines follow from the publication date",
    "kinds of finding stated as none found have no findings",
    "links name other records (earlier ones where they must)",
    "expectations are listed in the order stated",
    "inherited ratings are dated and accepted",
    "the rules of the inspection's framework",
)
def _inspection_problems(inspection: Inspection, catalogue: Catalogue) -> Iterator[Problem]:
    # A rule over a list that is empty has nothing to say: it is not started. A valid record
    # pays for the tests its content needs and nothing else.
    if inspection.fieldwork is not None:
        yield from _fieldwork_problems(inspection, inspection.fieldwork)
    areas = inspection.graded_areas
    area_keys = {area.key: index for index, area in enumerate(areas)}
    inherited: list[int] = []  # found with the judgments, said after the expectations
    yield from _area_problems(inspection, area_keys, inherited)
    yield from _deadline_problems(inspection)
    if inspection.findings:
        yield from _finding_problems(inspection, area_keys)
    if inspection.none_found:
        yield from _none_found_problems(inspection)
    if inspection.evidence:
        yield from _count_problems(inspection.evidence, "$.evidence")
    if inspection.responses or inspection.finding_updates:
        yield from _follow_up_problems(inspection)
    if inspection.related:
        yield from _link_problems(inspection.id, inspection.published, inspection.related)
    if inspection.expectations:
        yield from _expectation_order_problems(
            inspection.expectations, "$.expectations", inspection.published
        )
    for index in inherited:
        yield _inherited_problem(inspection, index)
    if inspection.framework is not None:
        try:
            framework = catalogue.framework(inspection.framework)
        except NotFoundError as error:
            yield Problem("$.framework", str(error))
        else:
            yield from framework_problems(inspection, framework)


def _fieldwork_problems(inspection: Inspection, fieldwork: Period) -> Iterator[Problem]:
    if certainly_before(fieldwork.end, fieldwork.start):
        yield Problem(
            "$.fieldwork.end",
            f"fieldwork ends ({fieldwork.end.describe()}) before it starts "
            f"({fieldwork.start.describe()})",
        )
    if certainly_before(inspection.published, fieldwork.end):
        yield Problem(
            "$.published",
            f"published ({describe_date(inspection.published)}) before fieldwork ended "
            f"({fieldwork.end.describe()})",
        )


def _area_problems(
    inspection: Inspection, first_at: dict[str, int], inherited: list[int]
) -> Iterator[Problem]:
    """Areas' keys (*first_at*: each key's place, as a comprehension over the areas makes it),
    judgments and parents, and the overall judgment; the indexes of ratings inherited from a
    subject are added to *inherited*."""
    areas = inspection.graded_areas
    overall_at = len(areas)
    judgments = [area.judgment for area in areas]
    if inspection.overall is not None:
        judgments.append(inspection.overall)
    judged = _inspection_judgment_problems(inspection, judgments, inherited)
    if len(first_at) < len(areas):  # a key stands twice: each area's key, then its judgment
        repeats = _repeats(first_at, areas, "$.graded_areas", "key", "area key")
        judged = heapq.merge(repeats, judged, key=_INDEX)
    overall: list[Problem] = []  # at most two, said after the parents
    for index, problem in judged:
        if index < overall_at:
            yield problem
        else:
            overall.append(problem)
    for index, area in enumerate(areas):
        if area.parent is None:
            continue
        if area.parent == area.key:
            yield Problem(f"$.graded_areas[{index}].parent", "an area cannot be its own parent")
        elif area.parent not in first_at:
            yield Problem(
                f"$.graded_areas[{index}].parent",
                f"parent area {shown(area.parent)} is not an area of this inspection",
            )
    yield from overall


def _deadline_problems(inspection: Inspection) -> Iterator[Problem]:
    """A report published so late that a built-in response deadline falls off the calendar."""
    rules, last_safe_day = _response_rules()
    _, last = date_bounds(inspection.published)  # a report known to the year: its last day
    if last <= last_safe_day:
        return
    for rule in rules:
        if rule.applies(
            inspectorate=inspection.inspectorate,
            subjects=inspection.subjects,
            framework=inspection.framework,
        ):
            try:
                rule.due(last)
            except OverflowError as error:
                yield Problem("$.published", str(error))


@functools.cache
def _response_rules() -> tuple[tuple[ResponseRule, ...], datetime.date]:
    """The built-in response rules, and the last day of publication whose every deadline under
    them is on the calendar: both fixed, so worked out once."""
    # Imported here: the public module of deadlines imports the records this module checks.
    from .deadlines import ALL

    longest = max((rule.days for rule in ALL), default=0)
    return ALL, datetime.date.max - datetime.timedelta(days=longest)


def _follow_up_problems(inspection: Inspection) -> Iterator[Problem]:
    for index, response in enumerate(inspection.responses):
        if certainly_before(response.published, inspection.published):
            yield Problem(
                f"$.responses[{index}].published",
                f"a response ({response.published.isoformat()}) cannot come before the report "
                f"({stated_text(inspection.published)})",
            )
    followed = {link.target for link in inspection.related if link.relation.follows_up}
    for index, update in enumerate(inspection.finding_updates):
        if update.inspection == inspection.id:
            yield Problem(
                f"$.finding_updates[{index}].inspection",
                "an inspection records updates on the findings of the inspections it follows "
                "up, not on its own",
            )
        elif update.inspection not in followed:
            yield Problem(
                f"$.finding_updates[{index}].inspection",
                f"{shown(update.inspection)} is not an inspection this one follows up (add it "
                "to related as follows_up, or a more specific relation that follows up: "
                "reinspection_of, post_inspection_review_of, revisit_of_cause_of_concern)",
            )


def _none_found_problems(inspection: Inspection) -> Iterator[Problem]:
    """A kind the report says it found none of cannot also have findings."""
    first_of_kind: dict[FindingKind, int] = {}
    for index, finding in enumerate(inspection.findings):
        first_of_kind.setdefault(finding.kind, index)
    stated: dict[FindingKind, int] = {}
    for index, kind in enumerate(inspection.none_found):
        here = f"$.none_found[{index}]"
        first = stated.setdefault(kind, index)
        if first != index:
            yield Problem(here, f"duplicate kind {kind.value!r} (first at $.none_found[{first}])")
        elif kind in first_of_kind:
            yield Problem(
                here,
                f"the report states it found no {kind.label.lower()}, but "
                f"$.findings[{first_of_kind[kind]}] is {_a(kind)}",
            )


def _link_problems(
    own_id: str, published: StatedDate | None, related: Iterable[RelatedReport]
) -> Iterator[Problem]:
    """A record does not link to itself, and an earlier document is not dated after it."""
    for index, link in enumerate(related):
        here = f"$.related[{index}]"
        if link.target == own_id:
            yield Problem(f"{here}.target", "a record cannot be related to itself")
        if (
            link.date is not None
            and published is not None
            and link.relation.target_is_earlier
            and certainly_before(published, link.date)
        ):
            yield Problem(
                f"{here}.date",
                f"a document this record is {link.relation.value.replace('_', ' ')} comes before "
                f"it, but is dated {stated_text(link.date)}, after this record's publication "
                f"({stated_text(published)})",
            )


def _expectation_order_problems(
    expectations: Iterable[Expectation], path: str, published: StatedDate | None = None
) -> Iterator[Problem]:
    """Expectations are listed in the order they were stated, and none was stated after the
    publication it expects (where the dates say so for certain)."""
    announced_before: PartialDate | None = None
    for position, expectation in enumerate(expectations):
        if published is not None and certainly_before(published, expectation.announced):
            yield Problem(
                f"{path}[{position}].announced",
                f"stated ({expectation.announced.describe()}) after the publication it expects "
                f"({describe_date(published)})",
            )
        if announced_before is not None and certainly_before(
            expectation.announced, announced_before
        ):
            yield Problem(
                f"{path}[{position}].announced",
                "expectations are listed in the order they were stated, but this one "
                f"({expectation.announced.describe()}) came before the one above "
                f"({announced_before.describe()})",
            )
        announced_before = expectation.announced


def _repeats(
    first_at: dict[str, int], items: Sequence[object], path: str, field: str, what: str
) -> Iterator[tuple[int, Problem]]:
    """Each of *items* (at *path*) whose key, its *field*, stood at an earlier index: its index
    and its problem, made one at a time.

    *first_at* is each key's place as a comprehension over the items makes it (the last place
    of a key that stands twice); as this goes, it is rewritten to each key's first place, and
    is that once this has run to its end. Distinct keys, the usual case, are seen by the caller
    from the sizes alone, and this is not called: the comprehension is the one pass over them.
    """
    first_at.clear()
    for index, item in enumerate(items):
        key = getattr(item, field)
        first = first_at.setdefault(key, index)
        if first != index:
            yield index, _duplicate(path, index, field, what, key, first)


_INDEX = operator.itemgetter(0)  # of an (index, problem) pair


def _duplicate(path: str, index: int, field: str, what: str, key: str, first: int) -> Problem:
    return Problem(
        f"{path}[{index}].{field}", f"duplicate {what} {shown(key)} (first at {path}[{first}])"
    )


def _each_unknown(
    values: Iterable[str] | Iterable[int], known: Container[object], path: str, message: str
) -> Iterator[Problem]:
    """A problem at each of *values* not among *known*, at ``path[position]``; *message* has
    ``{}`` where the value is shown (text quoted, numbers as they are)."""
    for position, value in enumerate(values):
        if value not in known:
            text = shown(value) if isinstance(value, str) else str(value)
            yield Problem(f"{path}[{position}]", message.format(text))


def _a(kind: FindingKind) -> str:
    noun = kind.label.lower()
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _finding_problems(inspection: Inspection, area_keys: dict[str, int]) -> Iterator[Problem]:
    findings = inspection.findings
    first_at = {finding.id: index for index, finding in enumerate(findings)}
    if len(first_at) < len(findings):  # an id stands twice; then first_at is each id's first
        for _, repeat in _repeats(first_at, findings, "$.findings", "id", "finding id"):
            yield repeat
    for index, finding in enumerate(findings):
        # Its keys tested with no position counted; they are gone through again, positions
        # counted, only to say which are unknown.
        for key in finding.areas:
            if key not in area_keys:
                yield from _each_unknown(
                    finding.areas,
                    area_keys,
                    f"$.findings[{index}].areas",
                    "{} is not an area of this inspection",
                )
                break
        parent = finding.cause_of_concern
        if parent is not None:
            wrong = _cause_problem(finding, parent, findings, first_at)
            if wrong is not None:
                yield Problem(f"$.findings[{index}].cause_of_concern", wrong)
        # Its evidence tested in place, nothing made; only a group with an item that breaks
        # the rule (as _count_problems states it) is gone through again, positions counted, to
        # say what is wrong.
        for item in finding.evidence:
            if isinstance(item, QuantitativeEvidence):
                count, total = item.count, item.total
                if count < 0 or (total is not None and count > total):  # a total below 0 too
                    yield from _count_problems(finding.evidence, f"$.findings[{index}].evidence")
                    break


def _cause_problem(
    finding: Finding, parent: str, findings: tuple[Finding, ...], first_at: dict[str, int]
) -> str | None:
    """Only a recommendation belongs to a cause of concern, and the one it names is one."""
    if finding.kind is not FindingKind.RECOMMENDATION:
        return "only a recommendation belongs to a cause of concern, not " + _a(finding.kind)
    if parent not in first_at:
        return f"{shown(parent)} is not a finding of this inspection"
    named = findings[first_at[parent]].kind
    if named is not FindingKind.CAUSE_OF_CONCERN:
        return f"{shown(parent)} is {_a(named)}, not a cause of concern"
    return None


@register_rules(
    CommissionedInspection,
    "questions are numbered in order",
    "parts are numbered in order",
    "parts' scope is in the terms of reference",
    "publication dates agree with parts' status",
    "publication after commissioning",
    "expectations are listed in the order stated",
    "deliverables published after commissioning",
    "parts that are other records agree with them",
    "leads are listed in order",
    "links name other records",
)
def _commission_problems(
    commission: CommissionedInspection, catalogue: Catalogue
) -> Iterator[Problem]:
    commissioned = commission.commissioned
    numbers = [question.number for question in commission.terms_of_reference]
    for index in range(1, len(numbers)):
        problem = _out_of_order(numbers, index, "$.terms_of_reference", "question")
        if problem is not None:
            yield problem
    asked = frozenset(numbers)
    part_numbers = [part.number for part in commission.parts]
    for index, part in enumerate(commission.parts):
        problem = _out_of_order(part_numbers, index, "$.parts", "part")
        if problem is not None:
            yield problem
        yield from _part_problems(commission, part, f"$.parts[{index}]", asked)
    yield from _stated_after_commission(commission.expectations, "$.expectations", commissioned)
    yield from _expectation_order_problems(commission.expectations, "$.expectations")
    yield from _lead_problems(commission)
    yield from _link_problems(commission.id, None, commission.related)


def _out_of_order(numbers: list[int], index: int, path: str, what: str) -> Problem | None:
    """The problem of the number at *index* if it is not above the one before it."""
    number = numbers[index]
    if index and number <= numbers[index - 1]:
        return Problem(
            f"{path}[{index}].number",
            f"{what} {number} comes after {what} {numbers[index - 1]}: numbers must be unique "
            "and in order",
        )
    return None


def _part_problems(
    commission: CommissionedInspection, part: Part, here: str, asked: frozenset[int]
) -> Iterator[Problem]:
    commissioned = commission.commissioned
    yield from _each_unknown(
        part.scope, asked, f"{here}.scope", "question {} is not in the terms of reference"
    )
    published = part.published
    if part.status is PartStatus.PUBLISHED and published is None and part.record is None:
        yield Problem(f"{here}.published", "a published part needs its publication date")
    if part.status in (PartStatus.PLANNED, PartStatus.IN_PROGRESS) and published is not None:
        yield Problem(
            f"{here}.status",
            f"a part with a publication date cannot be {part.status.value.replace('_', ' ')}",
        )
    # The part's own publication date, then the dates other sources give (at disputed[i]).
    for position, claim in enumerate((published, *part.disputed)):
        if claim is not None and certainly_before(claim.date, commissioned):
            yield Problem(
                f"{here}.published.date"
                if position == 0
                else f"{here}.disputed[{position - 1}].date",
                f"published ({stated_text(claim.date)}) before it was commissioned "
                f"({commissioned.describe()})",
            )
    yield from _stated_after_commission(part.expectations, f"{here}.expectations", commissioned)
    yield from _expectation_order_problems(
        part.expectations, f"{here}.expectations", None if published is None else published.date
    )
    if part.record is not None:
        yield from _part_record_problems(commission, part, here)
    yield from _deliverable_problems(part, here, commissioned)


def _deliverable_problems(part: Part, here: str, commissioned: PartialDate) -> Iterator[Problem]:
    for position, deliverable in enumerate(part.deliverables):
        day = deliverable.published
        if day is not None and certainly_before(day, commissioned):
            yield Problem(
                f"{here}.deliverables[{position}].document.published",
                f"published ({stated_text(day)}) before the inspection was commissioned "
                f"({commissioned.describe()})",
            )
        document = deliverable.document
        if document is not None:
            yield from _expectation_order_problems(
                document.expectations,
                f"{here}.deliverables[{position}].document.expectations",
                document.published,
            )


def _stated_after_commission(
    expectations: Iterable[Expectation], path: str, commissioned: PartialDate
) -> Iterator[Problem]:
    for position, expectation in enumerate(expectations):
        if certainly_before(expectation.announced, commissioned):
            yield Problem(
                f"{path}[{position}].announced",
                f"stated ({expectation.announced.describe()}) before the inspection was "
                f"commissioned ({commissioned.describe()})",
            )


def _part_record_problems(
    commission: CommissionedInspection, part: Part, here: str
) -> Iterator[Problem]:
    """A part that is another record reads its dates from it: none is entered twice."""
    if part.record == commission.id:
        yield Problem(f"{here}.record", "a part cannot be the commission it is part of")
    if part.published is not None:
        yield Problem(
            f"{here}.published",
            f"part {part.number} is the record {part.record!r}: its publication date is read "
            "from that record, not entered again",
        )
    if part.disputed:
        yield Problem(
            f"{here}.disputed",
            f"part {part.number} is the record {part.record!r}: dates other sources give "
            "belong to that record",
        )


def _lead_problems(commission: CommissionedInspection) -> Iterator[Problem]:
    """The history of leads ends with the current lead, in order, each period the right way
    round."""
    leads = commission.leads
    if not leads:
        return
    last = len(leads) - 1
    if leads[last].organisation != commission.lead:
        yield Problem(
            f"$.leads[{last}].organisation",
            f"the last lead is {leads[last].organisation.name!r}, but the commission's lead is "
            f"{commission.lead.name!r}",
        )
    for index, role in enumerate(leads):
        here = f"$.leads[{index}]"
        since = None if role.since is None else as_partial(role.since)
        until = None if role.until is None else as_partial(role.until)
        if since is not None and until is not None and certainly_before(until, since):
            yield Problem(
                f"{here}.until",
                f"the role ends ({until.describe()}) before it starts ({since.describe()})",
            )
        if index and since is not None:
            before = leads[index - 1]
            previous = before.since if before.until is None else before.until
            if previous is not None and certainly_before(since, previous):
                yield Problem(
                    f"{here}.since",
                    "leads are listed in the order they held the role, but this one starts "
                    f"({since.describe()}) before the one above "
                    f"{'starts' if before.until is None else 'ends'} "
                    f"({as_partial(previous).describe()})",
                )


@register_rules(GradingScale)
@register_rules(Framework)
def _no_cross_field_rules(record: object, catalogue: Catalogue) -> Iterator[Problem]:
    """Scales and frameworks check themselves whole when they are built."""
    return iter(())
