"""Hypothesis strategies for every public record, valid by construction, and hostile documents.

Test modules import it as ``import strategies`` (tests/conftest.py puts this directory on
``sys.path``); ``fuzz/run.py`` does the same.

Valid records keep every rule the library states, so that a property failing on one of them is
a bug in the library (or a rule these strategies do not know yet), never noise:

- text fields that must not be blank are not blank, and hold no lone surrogates;
- a grading scale's labels have distinct, non-empty keys; its aliases name its labels;
- an inspection's area keys are unique, parents exist and differ from the area, findings name
  existing areas, recommendations point at causes of concern, counts are at most their totals,
  fieldwork does not certainly end before it starts, publication is not certainly before the
  end of fieldwork, every grade is on one of the inspection's scales, and the framework is
  either ``None`` or a built-in framework the inspection satisfies;
- extensions have namespaced keys and JSON values: nested arrays and objects, finite floats,
  integers in the 64-bit range JSON encoders share.

The second half of the module makes hostile bytes out of real documents (tests/corpus/valid):
flipped, inserted and deleted bytes, truncation, duplicated keys, swapped types. The mutators
take a :class:`random.Random`, so Hypothesis (``st.randoms()``) and the stand-alone fuzzer
(fuzz/run.py, seeded) share them.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
import pathlib
import random
import re
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
import orjson
from hypothesis import strategies as st

import inspectlib as il
from inspectlib import frameworks as builtin_frameworks
from inspectlib import scales as builtin_scales

__all__ = [
    "BUILTIN_FRAMEWORKS",
    "BUILTIN_SCALES",
    "CORPUS",
    "DOCUMENTED_ERRORS",
    "VALID_DOCUMENTS",
    "carried_forward",
    "catalogue_for",
    "commissioned_inspections",
    "custom_scales",
    "documents",
    "evidence",
    "expectations",
    "extension_keys",
    "extensions",
    "finding_kinds",
    "findings",
    "framework_areas",
    "frameworks",
    "grades",
    "graded_areas",
    "grading_scales",
    "identifiers",
    "inherited",
    "inspections",
    "json_values",
    "judgments",
    "NEW_KEYS",
    "SWAPS",
    "mutate",
    "mutated_documents",
    "non_grades",
    "organisations",
    "partial_dates",
    "periods",
    "qualitative_evidence",
    "quantitative_evidence",
    "quotes",
    "records",
    "related_documents",
    "sources",
    "stated_dates",
    "text",
]

CORPUS = pathlib.Path(__file__).parent / "corpus"
VALID_DOCUMENTS: tuple[bytes, ...] = tuple(
    path.read_bytes() for path in sorted((CORPUS / "valid").glob("*.json"))
)
"""The real documents every mutation starts from."""

DOCUMENTED_ERRORS: tuple[type[BaseException], ...] = (il.ValidationError,)
"""What a loader may raise on bad input (its subclasses included). FormatVersionWarning is a
warning, not an error: the fuzzers let warnings through."""

BUILTIN_SCALES: tuple[il.GradingScale, ...] = builtin_scales.ALL
BUILTIN_FRAMEWORKS: tuple[il.Framework, ...] = builtin_frameworks.ALL

T = TypeVar("T")

_SMALL = 3
"""The most items a generated list holds: enough to repeat and cross-refer, cheap to make."""


# -- text and small values ------------------------------------------------------------------
# Every factory is cached: building strategies is much of Hypothesis's cost, so each is built
# once and reused, including inside the composite strategies below.


@functools.cache
def text(max_size: int = 24) -> st.SearchStrategy[str]:
    """Non-blank text of any Unicode but lone surrogates (which no UTF-8 document can hold)."""
    return st.text(min_size=1, max_size=max_size).filter(str.strip)


@functools.cache
def optional_text(max_size: int = 24) -> st.SearchStrategy[str | None]:
    return st.none() | text(max_size)


@functools.cache
def _slug() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)


@st.composite
def _partial_dates(draw: st.DrawFn) -> il.PartialDate:
    precision = draw(st.sampled_from(il.dates.Precision))
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    made: il.PartialDate
    if precision is il.dates.Precision.DAY:
        made = il.PartialDate.from_date(draw(st.dates()))
    elif precision is il.dates.Precision.PART_OF_MONTH:
        made = il.PartialDate.of_month_part(year, month, draw(st.sampled_from(il.dates.MonthPart)))
    elif precision is il.dates.Precision.MONTH:
        made = il.PartialDate.of_month(year, month)
    elif precision is il.dates.Precision.QUARTER:
        made = il.PartialDate.of_quarter(year, draw(st.integers(1, 4)))
    elif precision is il.dates.Precision.SEASON:
        season = draw(st.sampled_from(il.dates.Season))
        # Winter 9999 would end in the year 10000.
        made = il.PartialDate.of_season(
            min(year, 9998) if season is il.dates.Season.WINTER else year, season
        )
    else:
        made = il.PartialDate.of_year(year)
    return made.no_later_than() if draw(st.booleans()) else made


@functools.cache
def partial_dates() -> st.SearchStrategy[il.PartialDate]:
    """Any valid partial date, of every precision, with and without ``by``."""
    return _partial_dates()


@functools.cache
def stated_dates() -> st.SearchStrategy[il.StatedDate]:
    """A date as a source states it: an exact day, or a partial date that is not one plain day
    (a record stores a plain day as a ``datetime.date``)."""
    partial = partial_dates().filter(lambda d: d.to_date() is None)
    return st.dates() | partial


def _not_after(day: il.StatedDate) -> st.SearchStrategy[il.StatedDate]:
    """A stated date that is not certainly after *day*."""
    return stated_dates().filter(lambda d: _partial(day).compare(d) is not il.dates.Order.BEFORE)


def _partial(day: il.StatedDate) -> il.PartialDate:
    return day if isinstance(day, il.PartialDate) else il.PartialDate.from_date(day)


@st.composite
def _expectations(
    draw: st.DrawFn, published: il.StatedDate | None = None
) -> list[il.commissions.Expectation]:
    """Expectations in the order they were stated: announced dates never certainly go back,
    nor come certainly after *published*. (The publication itself is never certainly before an
    announcement that is not certainly after it, so the second rule keeps the first.)"""
    made: list[il.commissions.Expectation] = []
    for _ in range(draw(st.integers(0, _SMALL))):
        announced = draw(partial_dates())
        if made and announced.compare(made[-1].announced) is il.dates.Order.BEFORE:
            announced = made[-1].announced
        if (
            published is not None
            and _partial(published).compare(announced) is il.dates.Order.BEFORE
        ):
            announced = _partial(published)
        made.append(
            il.commissions.Expectation(
                expected=draw(partial_dates()), announced=announced, sources=draw(_sources())
            )
        )
    return made


def expectations(
    published: il.StatedDate | None = None,
) -> st.SearchStrategy[list[il.commissions.Expectation]]:
    """A record's expectations, listed in the order they were stated, none after *published*."""
    return _expectations(published)


def _ordered(dates: tuple[il.PartialDate, il.PartialDate]) -> il.Period:
    start, end = dates
    if end.compare(start) is il.dates.Order.BEFORE:
        start, end = end, start
    return il.Period(start=start, end=end)


@functools.cache
def periods() -> st.SearchStrategy[il.Period]:
    """A period that does not certainly end before it starts (its order may be uncertain)."""
    return st.tuples(partial_dates(), partial_dates()).map(_ordered)


# -- JSON values and extensions ---------------------------------------------------------------

JSON_INTEGERS = st.integers(-(2**63), 2**64 - 1)
"""The integers JSON encoders agree on (orjson's range)."""

JSON_SCALARS: st.SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | JSON_INTEGERS
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)


@functools.cache
def json_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """Any JSON value as a decoder gives it: lists and dicts, nested; finite floats."""
    return st.recursive(
        JSON_SCALARS,
        lambda children: (
            st.lists(children, max_size=_SMALL)
            | st.dictionaries(st.text(max_size=8), children, max_size=_SMALL)
        ),
        max_leaves=max_leaves,
    )


def _namespaced(parts: tuple[str, str]) -> str:
    return f"{parts[0]}:{parts[1]}"


@functools.cache
def extension_keys() -> st.SearchStrategy[str]:
    """``namespace:name``: a namespace without a colon, and a name (which may hold colons)."""
    namespace = st.text(min_size=1, max_size=8).filter(lambda s: ":" not in s)
    return st.tuples(namespace, st.text(min_size=1, max_size=10)).map(_namespaced)


@functools.cache
def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """A record's ``extensions``, as a caller passes them (the record freezes them)."""
    return st.dictionaries(extension_keys(), json_values(), max_size=2)


# -- sources, organisations, evidence ----------------------------------------------------------


@functools.cache
def sources() -> st.SearchStrategy[il.Source]:
    """A source with a URL, a title, or both."""
    dates = st.none() | st.dates()
    common = {"publisher": optional_text(), "published": dates, "accessed": dates}
    return (
        st.builds(il.Source, url=text(), **common)
        | st.builds(il.Source, title=text(), **common)
        | st.builds(il.Source, url=text(), title=text(), **common)
    )


@functools.cache
def _sources() -> st.SearchStrategy[list[il.Source]]:
    return st.lists(sources(), max_size=2)


@functools.cache
def quotes() -> st.SearchStrategy[il.Quote]:
    return st.builds(
        il.Quote, speaker=text(), text=text(), role=optional_text(), sources=_sources()
    )


@functools.cache
def identifiers() -> st.SearchStrategy[il.Identifier]:
    return st.builds(il.Identifier, scheme=text(12), value=text(12))


@functools.cache
def organisations() -> st.SearchStrategy[il.Organisation]:
    ids = st.lists(identifiers(), max_size=2)
    return st.builds(
        il.Organisation,
        name=text(),
        kind=st.sampled_from(il.OrganisationKind),
        short_name=optional_text(8),
        identifiers=ids,
        predecessors=ids,
        successors=ids,
        extensions=extensions(),
    )


def _quantitative(
    description: str, count: int, above: int | None, unit: str | None, cited: list[il.Source]
) -> il.QuantitativeEvidence:
    total = None if above is None else count + above
    return il.QuantitativeEvidence(
        description=description, count=count, total=total, unit=unit, sources=cited
    )


@functools.cache
def quantitative_evidence() -> st.SearchStrategy[il.QuantitativeEvidence]:
    """A count of at most its total, neither negative."""
    figures = st.integers(0, 10**9)
    return st.builds(
        _quantitative, text(), figures, st.none() | figures, optional_text(12), _sources()
    )


@functools.cache
def qualitative_evidence() -> st.SearchStrategy[il.QualitativeEvidence]:
    return st.builds(il.QualitativeEvidence, description=text(), sources=_sources())


@functools.cache
def evidence() -> st.SearchStrategy[il.Evidence]:
    return quantitative_evidence() | qualitative_evidence()


# -- scales, grades, judgments --------------------------------------------------------------


@functools.cache
def _label() -> st.SearchStrategy[str]:
    return text(16).filter(lambda label: il.scales.grade_key(label) != "")


@st.composite
def _grading_scales(draw: st.DrawFn, id_prefix: str) -> il.GradingScale:
    labels = draw(st.lists(_label(), min_size=2, max_size=6, unique_by=il.scales.grade_key))
    return il.GradingScale(
        id=id_prefix + draw(_slug()),
        name=draw(st.text(max_size=16)),
        labels=labels,
        aliases=draw(st.dictionaries(text(12), st.sampled_from(labels), max_size=2)),
        description=draw(st.none() | st.text(max_size=24)),
        valid_from=draw(st.none() | partial_dates()),
        valid_until=draw(st.none() | partial_dates()),
        sources=draw(_sources()),
    )


@functools.cache
def grading_scales(id_prefix: str = "test/") -> st.SearchStrategy[il.GradingScale]:
    """A scale of 2 to 6 labels with distinct keys, under an id no built-in scale has."""
    return _grading_scales(id_prefix)


def custom_scales() -> st.SearchStrategy[il.GradingScale]:
    """Scales of the test's own, which documents can name only through a custom catalogue."""
    return grading_scales("test/")


@functools.cache
def any_scale() -> st.SearchStrategy[il.GradingScale]:
    return st.sampled_from(BUILTIN_SCALES) | custom_scales()


@functools.cache
def grades(scale: il.GradingScale | None = None) -> st.SearchStrategy[il.Grade]:
    """A grade of *scale*, or of any scale."""
    if scale is None:
        return any_scale().flatmap(grades)
    return st.sampled_from(scale.grades)


@functools.cache
def non_grades(
    kinds: tuple[il.judgments.NonGradeKind, ...] | None = None,
) -> st.SearchStrategy[il.NonGrade]:
    """One of the non-grade constants (of *kinds* only, if given)."""
    return st.sampled_from(
        [il.NonGrade(kind) for kind in (il.judgments.NonGradeKind if kinds is None else kinds)]
    )


@functools.cache
def carried_forward(
    scales: tuple[il.GradingScale, ...] = (), *, valid: bool = True
) -> st.SearchStrategy[il.CarriedForward]:
    """A carried-forward judgment, with a grade on one of *scales* or none; *valid* ones name
    the inspection they come from."""
    carried = st.none()
    if scales:
        carried = carried | st.sampled_from([g for scale in scales for g in scale.grades])
    return st.builds(
        il.CarriedForward,
        from_inspection=text() if valid else optional_text(),
        grade=carried,
    )


PREDECESSOR = "predecessor "
"""Inherited ratings name predecessors whose names start so; subjects' names never do."""


@functools.cache
def inherited(
    scales: tuple[il.GradingScale, ...] = BUILTIN_SCALES,
) -> st.SearchStrategy[il.Inherited]:
    """A rating inherited from a predecessor registration, with a grade on one of *scales*."""
    predecessors = organisations().map(
        lambda organisation: attrs.evolve(organisation, name=PREDECESSOR + organisation.name)
    )
    return st.builds(
        il.Inherited,
        grade=st.sampled_from([g for scale in scales for g in scale.grades]),
        predecessor=predecessors,
        rated=st.none() | stated_dates(),
        report=optional_text(),
    )


@functools.cache
def judgments(
    scales: tuple[il.GradingScale, ...] = BUILTIN_SCALES,
    *,
    allowed_non_grades: tuple[il.judgments.NonGradeKind, ...] | None = None,
    allow_carried_forward: bool = True,
    allow_inherited: bool = True,
) -> st.SearchStrategy[il.Judgment]:
    """A grade on one of *scales*, an allowed non-grade, a valid carried-forward judgment, or
    a rating inherited from a predecessor."""
    options: list[st.SearchStrategy[il.Judgment]] = []
    if scales:
        options.append(st.sampled_from([g for scale in scales for g in scale.grades]))
    if allowed_non_grades is None or allowed_non_grades:
        options.append(non_grades(allowed_non_grades))
    if allow_carried_forward:
        options.append(carried_forward(scales))
    if allow_inherited and scales:
        options.append(inherited(scales))
    return st.one_of(options)


def finding_kinds() -> st.SearchStrategy[il.FindingKind]:
    return st.sampled_from(il.FindingKind)


# -- findings and areas, on their own ----------------------------------------------------------


@functools.cache
def findings() -> st.SearchStrategy[il.Finding]:
    """A finding on its own: its references are only valid inside a matching inspection."""
    return st.builds(
        il.Finding,
        id=text(12),
        kind=finding_kinds(),
        text=text(),
        reference=optional_text(12),
        areas=st.lists(text(12), max_size=2),
        addressed_to=st.none() | organisations(),
        due=st.none() | partial_dates(),
        cause_of_concern=optional_text(12),
        evidence=st.lists(evidence(), max_size=2),
        sources=_sources(),
        extensions=extensions(),
    )


@functools.cache
def graded_areas() -> st.SearchStrategy[il.GradedArea]:
    """An area on its own: its parent is only valid inside a matching inspection."""
    return st.builds(
        il.GradedArea,
        key=text(12),
        topic=text(),
        judgment=judgments(),
        label=optional_text(),
        summary=optional_text(),
        parent=optional_text(12),
        sources=_sources(),
        extensions=extensions(),
        judged=st.none() | stated_dates(),
        report=optional_text(),
    )


def related_documents(
    published: il.StatedDate | None = None,
) -> st.SearchStrategy[il.RelatedReport]:
    """A link; given the linking record's *published* date, one whose date keeps the rules (a
    target that comes before is not dated after it)."""

    @st.composite
    def build(draw: st.DrawFn) -> il.RelatedReport:
        relation = draw(st.sampled_from(il.Relation))
        dates = (
            _not_after(published)
            if published is not None and relation.target_is_earlier
            else stated_dates()
        )
        return il.RelatedReport(
            relation=relation,
            target=draw(text()),
            title=draw(optional_text()),
            date=draw(st.none() | dates),
            url=draw(optional_text()),
        )

    return build()


# -- frameworks ------------------------------------------------------------------------------


@st.composite
def _frameworks(draw: st.DrawFn) -> il.Framework:
    scales = draw(st.lists(custom_scales(), min_size=1, max_size=_SMALL, unique_by=lambda s: s.id))
    scale_ids = st.none() | st.sampled_from([scale.id for scale in scales])
    keys = draw(st.lists(text(12), max_size=4, unique=True))
    kinds = st.lists(st.sampled_from(il.judgments.NonGradeKind), unique=True)
    areas = [
        il.frameworks.FrameworkArea(
            key=key,
            topic=draw(text()),
            parent=draw(st.none() | st.sampled_from(keys[:index])) if index else None,
            scale=draw(scale_ids),
            non_grades=draw(kinds),
            required=draw(st.booleans()),
            aliases=draw(st.lists(text(16), max_size=2)),
        )
        for index, key in enumerate(keys)
    ]
    return il.Framework(
        id="test/" + draw(_slug()) + "/" + draw(_slug()),
        programme="test/" + draw(_slug()),
        name=draw(text()),
        inspectorate=draw(text(12)),
        scales=scales,
        valid_from=draw(st.none() | partial_dates()),
        areas=areas,
        closed=draw(st.booleans()),
        overall=draw(st.booleans()),
        overall_optional=draw(st.booleans()),
        overall_non_grades=draw(kinds),
        carried_forward=draw(st.booleans()),
        inherited=draw(st.booleans()),
        finding_kinds=draw(st.lists(finding_kinds(), unique=True)),
        valid_until=draw(st.none() | partial_dates()),
        comparable_with=draw(
            st.lists(text(16), max_size=2).map(lambda ids: ["a/" + i for i in ids])
        ),
        not_comparable_with=draw(
            st.lists(text(16), max_size=2).map(lambda ids: ["b/" + i for i in ids])
        ),
        notes=draw(optional_text()),
        sources=draw(_sources()),
    )


@functools.cache
def frameworks() -> st.SearchStrategy[il.Framework]:
    """A consistent framework of the test's own: unique area keys, parents before children,
    area scales among its scales."""
    return _frameworks()


@functools.cache
def framework_areas() -> st.SearchStrategy[il.frameworks.FrameworkArea]:
    """A framework area on its own: its parent and scale are only valid inside a framework."""
    return st.builds(
        il.frameworks.FrameworkArea,
        key=text(12),
        topic=text(),
        parent=optional_text(12),
        scale=optional_text(12),
        non_grades=st.lists(st.sampled_from(il.judgments.NonGradeKind), unique=True),
        required=st.booleans(),
        aliases=st.lists(text(16), max_size=2),
    )


# -- inspections -----------------------------------------------------------------------------


def _area_judgment(
    framework: il.Framework | None,
    expected: il.frameworks.FrameworkArea | None,
    scales: tuple[il.GradingScale, ...],
) -> st.SearchStrategy[il.Judgment]:
    """What the area may be judged: anything on the inspection's scales, unless the framework
    lists the area, in which case what the framework allows there."""
    if framework is None or expected is None:
        return judgments(scales)
    return judgments(
        (framework.scale_of(expected),),
        allowed_non_grades=expected.non_grades,
        allow_carried_forward=framework.carried_forward,
        allow_inherited=framework.inherited,
    )


def _overall(
    framework: il.Framework | None, scales: tuple[il.GradingScale, ...]
) -> st.SearchStrategy[il.Judgment | None]:
    if framework is None:
        return st.none() | judgments(scales)
    if not framework.overall:
        return st.none()
    given = judgments(
        (framework.scales[0],),
        allowed_non_grades=framework.overall_non_grades,
        allow_carried_forward=framework.carried_forward,
        allow_inherited=framework.inherited,
    )
    if not framework.overall_optional:
        return given
    return st.none() | given


def _framework_areas(
    draw: st.DrawFn, framework: il.Framework, scales: tuple[il.GradingScale, ...]
) -> list[il.GradedArea]:
    """Every required area of *framework* (with its parents) and some optional ones."""
    wanted = {area.key for area in framework.areas if area.required or draw(st.booleans())}
    for area in reversed(framework.areas):  # a child brings its parent (parents come first)
        if area.key in wanted and area.parent is not None:
            wanted.add(area.parent)
    return [
        il.GradedArea(
            key=area.key,
            topic=area.topic,
            parent=area.parent,
            label=draw(optional_text()),
            summary=draw(optional_text()),
            judgment=draw(_area_judgment(framework, area, scales)),
            sources=draw(_sources()),
            judged=draw(st.none() | stated_dates()),
            report=draw(optional_text()),
        )
        for area in framework.areas
        if area.key in wanted
    ]


def _banded(
    framework: il.Framework | None, areas: list[il.GradedArea], overall: il.Judgment | None
) -> il.Judgment | None:
    """The overall grade the framework's score-band rule gives the areas' scores, where it has
    one and they are all graded (food hygiene: the rating follows from the three scores)."""
    rule = None if framework is None else framework.overall_rule
    if rule is None or framework is None or not isinstance(overall, il.Grade):
        return overall
    scores = {area.key: area.judgment for area in areas}
    values = [scores.get(key) for key in rule.areas]
    if not all(isinstance(value, il.Grade) for value in values):
        return overall
    rating = rule.rating_for(tuple(int(value.label) for value in values))  # type: ignore[union-attr]
    return overall if rating is None else framework.scales[0].parse(rating)


def _recommendation_under(finding: il.Finding, cause: str | None) -> il.Finding:
    return finding if cause is None else attrs.evolve(finding, cause_of_concern=cause)


@st.composite
def _inspections(draw: st.DrawFn, custom: bool) -> il.Inspection:
    framework: il.Framework | None = draw(st.none() | st.sampled_from(BUILTIN_FRAMEWORKS))
    scale_pool = any_scale() if custom else st.sampled_from(BUILTIN_SCALES)
    chosen = list(framework.scales) if framework is not None else []
    for scale in draw(st.lists(scale_pool, max_size=2)):
        if all(scale.id != known.id for known in chosen):
            chosen.append(scale)
    scales = tuple(chosen)

    # Areas: the framework's, and, where it is open or absent, some of the report's own.
    areas = [] if framework is None else _framework_areas(draw, framework, scales)
    if framework is None or not framework.closed:
        taken = {area.key for area in (framework.areas if framework else ())}
        own = draw(
            st.lists(text(12).filter(lambda key: key not in taken), max_size=_SMALL, unique=True)
        )
        for key in own:
            earlier = tuple(area.key for area in areas)
            areas.append(
                il.GradedArea(
                    key=key,
                    topic=draw(text()),
                    parent=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
                    label=draw(optional_text()),
                    summary=draw(optional_text()),
                    judgment=draw(_area_judgment(framework, None, scales)),
                    extensions=draw(extensions()),
                )
            )
    areas = list(draw(st.permutations(areas)))
    area_keys = tuple(area.key for area in areas)

    # Findings: unique ids, areas that exist, recommendations under causes of concern.
    kinds = framework.finding_kinds if framework is not None and framework.finding_kinds else None
    finding_ids = draw(st.lists(text(12), max_size=4, unique=True))
    found = [
        il.Finding(
            id=finding_id,
            kind=draw(finding_kinds() if kinds is None else st.sampled_from(kinds)),
            text=draw(text()),
            reference=draw(optional_text(12)),
            areas=draw(st.lists(st.sampled_from(area_keys), max_size=2)) if area_keys else (),
            addressed_to=draw(st.none() | organisations()),
            due=draw(st.none() | partial_dates()),
            evidence=draw(st.lists(evidence(), max_size=2)),
            extensions=draw(extensions()),
        )
        for finding_id in finding_ids
    ]
    causes = tuple(f.id for f in found if f.kind is il.FindingKind.CAUSE_OF_CONCERN)
    if causes:
        found = [
            _recommendation_under(f, draw(st.none() | st.sampled_from(causes)))
            if f.kind is il.FindingKind.RECOMMENDATION
            else f
            for f in found
        ]

    fieldwork = draw(st.none() | periods())
    earliest_publication = datetime.date.min if fieldwork is None else fieldwork.end.latest
    published: il.StatedDate = draw(st.dates(min_value=earliest_publication))
    if draw(st.booleans()):
        # Known only in part: a period that cannot end before fieldwork did.
        after = 0 if fieldwork is None else fieldwork.end.latest.year
        if after < 9998:
            published = _partial(
                draw(_after(after).filter(lambda d: isinstance(d, il.PartialDate)))
            )
    found_kinds = {finding.kind for finding in found}
    missing = [kind for kind in (kinds or tuple(il.FindingKind)) if kind not in found_kinds]
    none_found = draw(st.lists(st.sampled_from(missing), unique=True)) if missing else []
    subjects = draw(
        st.lists(
            organisations().filter(lambda o: not o.name.startswith(PREDECESSOR)),
            min_size=1,
            max_size=2,
        )
    )
    identifier = draw(text())
    return il.Inspection(
        id=identifier,
        title=draw(text()),
        inspectorate=draw(organisations()),
        subjects=subjects,
        published=published,
        scales=scales,
        framework=None if framework is None else framework.id,
        supporting_inspectorates=draw(st.lists(organisations(), max_size=1)),
        fieldwork=fieldwork,
        graded_areas=areas,
        overall=_banded(framework, areas, draw(_overall(framework, scales))),
        findings=found,
        evidence=draw(st.lists(evidence(), max_size=2)),
        quotes=draw(st.lists(quotes(), max_size=1)),
        sources=draw(_sources()),
        related=[
            link
            for link in draw(st.lists(related_documents(published), max_size=2))
            if link.target != identifier
        ],
        extensions=draw(extensions()),
        none_found=none_found,
        expectations=draw(expectations(published)),
    )


@functools.cache
def inspections(*, custom: bool = True) -> st.SearchStrategy[il.Inspection]:
    """A valid inspection, under no framework or under a built-in one it satisfies.

    With *custom*, some inspections grade on scales of the test's own: load them with
    ``catalogue=catalogue_for(inspection)``.
    """
    return _inspections(custom)


# -- commissioned inspections --------------------------------------------------------------------


def _after(year: int) -> st.SearchStrategy[il.StatedDate]:
    """A stated date certainly after the year *year*: no rule can find it too early. Built, not
    filtered, so that no year leaves Hypothesis too few examples."""
    first = min(year + 1, 9998)
    days = st.dates(min_value=datetime.date(first, 1, 1), max_value=datetime.date(9998, 12, 31))
    years = st.integers(first, 9998)
    partial = st.one_of(
        years.map(il.PartialDate.of_year),
        st.builds(il.PartialDate.of_month, years, st.integers(1, 12)),
        st.builds(il.PartialDate.of_quarter, years, st.integers(1, 4)),
        st.builds(il.PartialDate.of_season, years, st.sampled_from(il.dates.Season)),
        st.builds(
            il.PartialDate.of_month_part,
            years,
            st.integers(1, 12),
            st.sampled_from(il.dates.MonthPart),
        ),
    )
    return days | partial


def _partial_after(year: int) -> st.SearchStrategy[il.PartialDate]:
    return _after(year).map(_partial)


@st.composite
def _expectations_after(draw: st.DrawFn, year: int) -> list[il.commissions.Expectation]:
    """Expectations stated after *year*, in the order they were stated."""
    made: list[il.commissions.Expectation] = []
    for _ in range(draw(st.integers(0, 2))):
        announced = draw(_partial_after(year))
        if made and announced.compare(made[-1].announced) is il.dates.Order.BEFORE:
            announced = made[-1].announced
        made.append(il.commissions.Expectation(expected=draw(partial_dates()), announced=announced))
    return made


def _stated_by(
    expectations: list[il.commissions.Expectation], published: il.StatedDate | None
) -> list[il.commissions.Expectation]:
    """*expectations*, those stated certainly after *published* moved back to it. They stay in
    the order stated: an announcement that was not certainly before one certainly after the
    publication is not certainly before the publication either."""
    if published is None:
        return expectations
    day = _partial(published)
    return [
        attrs.evolve(expectation, announced=day)
        if day.compare(expectation.announced) is il.dates.Order.BEFORE
        else expectation
        for expectation in expectations
    ]


@st.composite
def _parts(draw: st.DrawFn, year: int, questions: list[int], own_id: str) -> list[il.Part]:
    parts = []
    for number in sorted(draw(st.sets(st.integers(1, 20), max_size=_SMALL))):
        status = draw(st.sampled_from(il.commissions.PartStatus))
        expectations = draw(_expectations_after(year))
        scope = draw(st.lists(st.sampled_from(questions), max_size=2)) if questions else []
        record = draw(st.none() | text(12).filter(lambda ident: ident != own_id))
        if record is not None:
            parts.append(
                il.Part(
                    number=number,
                    title=draw(text()),
                    status=status,
                    scope=scope,
                    expectations=expectations,
                    record=record,
                )
            )
            continue
        dated = status is il.commissions.PartStatus.PUBLISHED or (
            status not in (il.commissions.PartStatus.PLANNED, il.commissions.PartStatus.IN_PROGRESS)
            and draw(st.booleans())
        )
        published = il.commissions.PublicationDate(
            date=draw(_after(year)), sources=draw(_sources())
        )
        if dated:
            expectations = _stated_by(expectations, published.date)
        document_published = draw(st.none() | _after(year))
        document = il.commissions.Publication(
            id=draw(text(12)),
            title=draw(text()),
            published=document_published,
            author=draw(optional_text()),
            expectations=_stated_by(draw(_expectations_after(year)), document_published),
        )
        parts.append(
            il.Part(
                number=number,
                title=draw(text()),
                status=status,
                scope=scope,
                expectations=expectations,
                published=published if dated else None,
                disputed=[
                    il.commissions.PublicationDate(date=day)
                    for day in draw(st.lists(_after(year), max_size=1))
                ],
                deliverables=[
                    il.commissions.Deliverable(
                        kind=draw(st.sampled_from(il.commissions.DeliverableKind)),
                        document=document,
                    )
                ]
                if draw(st.booleans())
                else [],
            )
        )
    return parts


@st.composite
def _leads(draw: st.DrawFn, lead: il.Organisation, year: int) -> list[il.commissions.Role]:
    """Who led, in order, the last being *lead*; each period the right way round."""
    if not draw(st.booleans()):
        return []
    first_until = draw(st.integers(year + 1, 9998))
    earlier = il.commissions.Role(
        organisation=draw(organisations()),
        since=draw(st.none() | st.just(il.PartialDate.of_year(year + 1))),
        until=il.PartialDate.of_year(first_until),
        sources=draw(_sources()),
    )
    current = il.commissions.Role(organisation=lead, since=il.PartialDate.of_year(first_until))
    return [earlier, current]


@st.composite
def _commissioned_inspections(draw: st.DrawFn) -> il.CommissionedInspection:
    commissioned = draw(partial_dates().filter(lambda d: d.latest.year < 9000))
    year = commissioned.latest.year
    identifier = draw(text())
    questions = sorted(draw(st.sets(st.integers(1, 20), max_size=_SMALL)))
    lead = draw(organisations())
    return il.CommissionedInspection(
        id=identifier,
        title=draw(text()),
        commissioner=il.commissions.Commissioner(
            organisation=draw(organisations()), capacity=draw(text()), person=draw(optional_text())
        ),
        legal_basis=draw(
            st.none() | st.builds(il.commissions.LegalBasis, text=text(), citation=optional_text())
        ),
        commissioned=commissioned,
        lead=lead,
        supporting=draw(st.lists(organisations(), max_size=1)),
        subjects=draw(st.lists(organisations(), min_size=1, max_size=2)),
        terms_of_reference=[
            il.commissions.Question(
                number=number, text=draw(text()), points=draw(st.lists(text(), max_size=1))
            )
            for number in questions
        ],
        parts=draw(_parts(year, questions, identifier)),
        sources=draw(_sources()),
        related=[
            link
            for link in draw(st.lists(related_documents(), max_size=2))
            if link.target != identifier
        ],
        extensions=draw(extensions()),
        leads=draw(_leads(lead, year)),
        expectations=draw(_expectations_after(year)),
    )


@functools.cache
def commissioned_inspections() -> st.SearchStrategy[il.CommissionedInspection]:
    """A valid commissioned inspection: questions and parts in order, dates after it was
    commissioned, expectations in the order stated, a history of leads ending with the lead, and
    parts that are other records with no dates of their own."""
    return _commissioned_inspections()


@functools.cache
def records() -> st.SearchStrategy[il.Record]:
    """Any record that is a document of its own: an inspection, a commissioned inspection, a
    framework, a grading scale."""
    return inspections() | commissioned_inspections() | frameworks() | grading_scales()


_BUILTIN_IDS = frozenset(scale.id for scale in BUILTIN_SCALES)


@functools.lru_cache(maxsize=64)
def _catalogue_with(scales: tuple[il.GradingScale, ...]) -> il.catalogue.Catalogue:
    return il.catalogue.BUILTIN.with_scales(*scales) if scales else il.catalogue.BUILTIN


def catalogue_for(record: il.Record) -> il.catalogue.Catalogue:
    """The built-in catalogue, plus the test's own scales *record* grades on."""
    if not isinstance(record, il.Inspection):
        return il.catalogue.BUILTIN
    own = tuple(scale for scale in record.scales if scale.id not in _BUILTIN_IDS)
    return _catalogue_with(own)


# -- hostile documents -----------------------------------------------------------------------

_TOKENS: tuple[bytes, ...] = (
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"null",
    b"true",
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"-0",
    b"1e999",
    b"123456789012345678901234567890",
    b'"\\ud800"',
    b'"\\u0000"',
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\x00",
    b"\n",
    b"\r\n",
    b"[" * 64,
    b'{"a":' * 32,
)
"""Bytes worth inserting: JSON punctuation, what JSON forbids, invalid UTF-8."""

SWAPS: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**64,
    -(2**63),
    "",
    " ",
    "x",
    "1.0",
    "2.0",
    "1.7",
    "2024-02-30",
    "../2025",
    "\u0007",
    "\u2028",
    [],
    [1],
    {},
    {"type": "grade"},
    {"type": "ungraded"},
)
"""Values to put where another belongs: each JSON type, and strings the format gives meaning."""

NEW_KEYS: tuple[str, ...] = ("x", "extra", "Title", "type", "kind", "x:y", " ", "id")


def _choose(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def _swap(rng: random.Random, values: Sequence[Any] = SWAPS) -> Any:
    return copy.deepcopy(_choose(rng, values))  # a fresh copy: mutations change lists in place


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    size = len(data)
    where = rng.randrange(size + 1)
    operation = rng.randrange(7)
    if operation == 0 and size:  # flip a bit
        position = min(where, size - 1)
        return (
            data[:position]
            + bytes([data[position] ^ (1 << rng.randrange(8))])
            + data[position + 1 :]
        )
    if operation == 1:  # insert random bytes
        return data[:where] + rng.randbytes(rng.randrange(1, 5)) + data[where:]
    if operation == 2:  # insert a token
        return data[:where] + _choose(rng, _TOKENS) + data[where:]
    if operation == 3:  # delete a range
        return data[:where] + data[where + rng.randrange(1, 16) :]
    if operation == 4:  # truncate
        return data[:where]
    if operation == 5:  # duplicate a range
        end = min(size, where + rng.randrange(1, 64))
        return data[:end] + data[where:end] + data[end:]
    # replace a byte with a random one
    if not size:
        return data
    position = min(where, size - 1)
    return data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]


def _containers(value: Any, found: list[Any]) -> list[Any]:
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            _containers(child, found)
    return found


def _mutate_tree(
    document: Any, rng: random.Random, values: Sequence[Any], keys: Sequence[str]
) -> Any:
    """Change one node of a decoded document: swap a value's type, drop, add or rename a key,
    repeat an item, nest a value deeply."""
    containers = _containers(document, [])
    if not containers:
        return _swap(rng, values)
    node = _choose(rng, containers)
    operation = rng.randrange(6)
    if isinstance(node, dict):
        present = list(node)
        if operation <= 1 and present:  # swap the type of a value
            node[_choose(rng, present)] = _swap(rng, values)
        elif operation == 2 and present:  # drop a key
            del node[_choose(rng, present)]
        elif operation == 3 and present:  # rename a key
            key = _choose(rng, present)
            node[key + _choose(rng, ["_", "s", " ", "X"])] = node.pop(key)
        elif operation == 4 and present:  # nest a value deeply
            key = _choose(rng, present)
            for _ in range(rng.randrange(1, 40)):
                node[key] = [node[key]]
        else:  # add a key
            node[_choose(rng, keys)] = _swap(rng, values)
    elif node:
        index = rng.randrange(len(node))
        if operation <= 2:
            node[index] = _swap(rng, values)
        elif operation == 3:
            del node[index]
        else:
            node.insert(index, node[index])
    else:
        node.append(_swap(rng, values))
    return document


_OBJECT_START = re.compile(rb'\{\s*"')


def _duplicate_a_key(data: bytes, rng: random.Random, values: Sequence[Any]) -> bytes:
    """Repeat an object's first member at its start: ``{"a":1,...}`` becomes
    ``{"a":<other>,"a":1,...}``; a strict loader must not keep only one of them silently."""
    starts = [match.start() for match in _OBJECT_START.finditer(data)]
    if not starts:
        return data
    start = _choose(rng, starts)
    key_end = data.find(b'"', data.find(b'"', start) + 1)
    if key_end < 0:
        return data
    key = data[data.find(b'"', start) : key_end + 1]
    value = json.dumps(_swap(rng, values)).encode()
    return data[: start + 1] + key + b":" + value + b"," + data[start + 1 :]


def mutate(
    data: bytes,
    rng: random.Random,
    rounds: int = 1,
    *,
    values: Sequence[Any] = SWAPS,
    keys: Sequence[str] = NEW_KEYS,
) -> bytes:
    """*data* changed *rounds* times, each time at the byte level, in its decoded tree, or by
    repeating a key. *values* are what is swapped in, *keys* the names of keys added."""
    for _ in range(rounds):
        kind = rng.randrange(4)
        if kind == 0:
            data = _mutate_bytes(data, rng)
            continue
        if kind == 1:
            data = _duplicate_a_key(data, rng, values)
            continue
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError:
            data = _mutate_bytes(data, rng)
            continue
        # json, not orjson: it writes integers of any size, as a hostile writer may.
        indent = 2 if kind == 3 else None  # sometimes pretty, as people write it
        changed = _mutate_tree(document, rng, values, keys)
        # surrogatepass: a lone surrogate swapped in becomes the (invalid) UTF-8 of one.
        data = json.dumps(changed, indent=indent, ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
    return data


def mutated_documents(seeds: Sequence[bytes] = VALID_DOCUMENTS) -> st.SearchStrategy[bytes]:
    """Real documents, mutated one to four times."""
    return st.builds(mutate, st.sampled_from(seeds), st.randoms(), st.integers(1, 4))


def documents() -> st.SearchStrategy[bytes]:
    """Bytes a loader may be handed: random, mutated real documents, valid generated ones."""
    generated = grading_scales().map(lambda scale: il.dumps(scale).encode())
    return st.one_of(
        st.binary(max_size=256),
        st.text(max_size=64).map(str.encode),
        mutated_documents(),
        generated.flatmap(lambda data: st.builds(mutate, st.just(data), st.randoms())),
    )
