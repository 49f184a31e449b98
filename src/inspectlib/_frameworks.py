"""Frameworks: an inspection programme in a given version, and what it fixes."""

from __future__ import annotations

import datetime
import enum
from collections import Counter

import attrs

from ._errors import IncomparableGradesError, InvalidRecord, NotFoundError
from ._field_types import describe_value, typed_fields
from ._fields import not_blank, not_empty, to_frozen_dict, to_tuple
from ._findings import FindingKind
from ._frozen import FrozenDict
from ._judgments import NonGradeKind
from ._messages import cut, listed, shown
from ._partial_dates import PartialDate
from ._scales import Grade, GradingScale, NotAGrade, grade_key, incomparable
from ._sources import Source
from ._suggestions import did_you_mean

__all__ = [
    "Change",
    "Comparability",
    "Framework",
    "FrameworkArea",
    "GradeMapping",
    "ScoreBand",
    "ScoreBands",
    "compare_grades",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class FrameworkArea:
    """One area a framework judges: a topic, question, pillar, key question or key judgement.

    Args:
        key: Its stable key, unique within the framework (``"partnership_working"``, ``"2.1"``).
        topic: Its name in the framework (``"Partnership working"``).
        parent: The key of the area it is nested in.
        scale: The id of the scale it is graded on, where that is not the framework's first
            scale (Ofsted's safeguarding: "Met" or "Not met").
        non_grades: The non-grades it may have instead of a grade (``UNGRADED`` for an area
            inspected but deliberately not graded).
        required: Whether every inspection under the framework judges it.
        aliases: Other names reports and datasets give it (``"Working with safeguarding
            partners"``).

    .. versionadded:: 0.1.0
    """

    key: str = attrs.field(validator=not_blank)
    topic: str = attrs.field(validator=not_blank)
    parent: str | None = attrs.field(default=None, validator=not_blank)
    scale: str | None = attrs.field(default=None, validator=not_blank)
    non_grades: tuple[NonGradeKind, ...] = attrs.field(default=(), converter=to_tuple)
    required: bool = True
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


def _is_number(label: str) -> bool:
    return label.isascii() and label.isdigit()


@attrs.frozen(kw_only=True, field_transformer=typed_fields, weakref_slot=False)
class ScoreBand:
    """One band of a :class:`ScoreBands` rule: the rating given when both bounds hold.

    Args:
        rating: The rating, a label of the framework's first scale (``"5"``).
        max_total: The highest sum of the sub-scores the rating allows; ``None`` for no bound.
        max_each: The highest single sub-score the rating allows; ``None`` for no bound.

    .. versionadded:: 0.1.0
    """

    rating: str = attrs.field(validator=not_blank)
    max_total: int | None = None
    max_each: int | None = None

    def admits(self, total: int, highest: int) -> bool:
        """Whether sub-scores summing to *total*, none above *highest*, fall in this band."""
        return (self.max_total is None or total <= self.max_total) and (
            self.max_each is None or highest <= self.max_each
        )


def _bands(instance: ScoreBands, _: object, bands: tuple[ScoreBand, ...]) -> None:
    if not bands:
        raise InvalidRecord("a score-band rule needs at least one band")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ScoreBands:
    """How a framework's overall rating follows from the numeric scores of some of its areas.

    The food hygiene rating scheme publishes such a rule: the rating is read from the total of
    the three sub-scores and from the highest of them. The rating a set of scores earns is the
    first band, best first, whose bounds both hold.

    Args:
        areas: The keys of the areas whose grades are the scores; their labels are numbers.
        bands: The bands, best rating first.
        source: Where the rule is published.

    .. versionadded:: 0.1.0
    """

    areas: tuple[str, ...] = attrs.field(converter=to_tuple, validator=not_empty)
    bands: tuple[ScoreBand, ...] = attrs.field(converter=to_tuple, validator=_bands)
    source: Source | None = None

    def rating_for(self, scores: tuple[int, ...]) -> str | None:
        """The rating the rule gives *scores*, or ``None`` if no band admits them."""
        total, highest = sum(scores), max(scores, default=0)
        for band in self.bands:
            if band.admits(total, highest):
                return band.rating
        return None


def _no_duplicate_keys(instance: Framework, _: object, areas: tuple[FrameworkArea, ...]) -> None:
    counted = Counter(area.key for area in areas)
    repeated = sorted(key for key, times in counted.items() if times > 1)
    if repeated:
        raise InvalidRecord(
            f"framework {shown(instance.id)} repeats area keys: {listed(map(cut, repeated))}"
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Framework:
    """An inspection programme in one version: its scales, its areas, and its rules.

    Args:
        id: The stable id, ``<inspectorate>/<programme>/<version>``: ``"hmicfrs/ncpi/2024"``.
        programme: The id of the programme the versions belong to: ``"hmicfrs/ncpi"``.
        name: A human name.
        inspectorate: The short name of the inspectorate (``"HMICFRS"``).
        scales: The grading scales it uses; the first grades every area that names no other.
        areas: The areas it judges, parents before their sub-areas.
        closed: Whether *areas* is the complete list. When it is not (the catalogue knows
            only some of a framework's areas), an inspection may name other areas.
        overall: Whether it gives an overall judgment. An inspection under a framework that
            gives one must carry it, unless *overall_optional* says it may be absent.
        overall_optional: Whether the framework says its overall judgment may be absent.
        overall_rule: How the overall rating follows from the scores of some areas, where the
            framework publishes such a rule; validation flags a rating that contradicts it.
        overall_non_grades: The non-grades the overall judgment may be instead of a grade.
        carried_forward: Whether judgments may be carried forward from an earlier inspection.
        inherited: Whether a rating may be inherited from a predecessor registration
            (:class:`~inspectlib.Inherited`), as CQC shows after a change of provider.
        finding_kinds: The kinds of finding its reports make.
        valid_from: When it came into use, where known.
        valid_until: When it stopped being used, if it has.
        comparable_with: Ids of other frameworks whose grades the inspectorate says compare
            with this one's.
        not_comparable_with: Ids of other frameworks whose grades the inspectorate says do not
            compare with this one's, even on the same scale (the source belongs in *sources*).
        notes: What a user should know, such as why grades do not compare with an earlier
            version.
        sources: Where it is published.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=not_blank)
    programme: str = attrs.field(validator=not_blank)
    name: str = attrs.field(validator=not_blank)
    inspectorate: str = attrs.field(validator=not_blank)
    scales: tuple[GradingScale, ...] = attrs.field(converter=to_tuple, validator=not_empty)
    valid_from: PartialDate | None
    areas: tuple[FrameworkArea, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_no_duplicate_keys
    )
    closed: bool = True
    overall: bool = False
    overall_optional: bool = False
    overall_rule: ScoreBands | None = None
    overall_non_grades: tuple[NonGradeKind, ...] = attrs.field(default=(), converter=to_tuple)
    carried_forward: bool = False
    inherited: bool = False
    finding_kinds: tuple[FindingKind, ...] = attrs.field(default=(), converter=to_tuple)
    valid_until: PartialDate | None = None
    comparable_with: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    not_comparable_with: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    notes: str | None = attrs.field(default=None, validator=not_blank)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    # Validation looks areas up by key for every area of every inspection: index them once.
    _by_key: dict[str, FrameworkArea] = attrs.field(init=False, eq=False, hash=False, repr=False)
    _scale_by_id: dict[str, GradingScale] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    # The normalised names suggestions are chosen from, made on first need.
    _names: dict[str, str] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {area.key: area for area in self.areas})
        scale_by_id: dict[str, GradingScale] = {}
        for scale in self.scales:
            scale_by_id.setdefault(scale.id, scale)
        object.__setattr__(self, "_scale_by_id", scale_by_id)
        scale_ids = scale_by_id
        keys = {area.key for area in self.areas}
        for area in self.areas:
            if area.scale is not None and area.scale not in scale_ids:
                raise InvalidRecord(
                    f"area {area.key!r} of framework {self.id!r} is graded on {area.scale!r}, "
                    "which is not one of the framework's scales"
                )
            if area.parent is not None and area.parent not in keys:
                raise InvalidRecord(
                    f"area {area.key!r} of framework {self.id!r} names parent {area.parent!r}, "
                    "which is not one of its areas"
                )
        if self.overall_rule is not None:
            self._check_overall_rule(self.overall_rule)
        contradicted = sorted(set(self.comparable_with) & set(self.not_comparable_with))
        if contradicted:
            raise InvalidRecord(
                f"framework {self.id!r} says its grades both compare and do not compare with "
                + ", ".join(repr(framework) for framework in contradicted)
            )

    def _check_overall_rule(self, rule: ScoreBands) -> None:
        """A rule must rate on the overall scale, from areas graded with numbers."""
        where = f"the overall rule of framework {self.id!r}"
        if not self.overall:
            raise InvalidRecord(f"{where} rates an overall judgment the framework does not give")
        for band in rule.bands:
            if band.rating not in self.scales[0]:
                raise InvalidRecord(
                    f"{where} gives {band.rating!r}, which is not a grade of {self.scales[0].id!r}"
                )
        for key in rule.areas:
            area = self._by_key.get(key)
            if area is None:
                raise InvalidRecord(f"{where} scores area {key!r}, which is not one of its areas")
            labels = self.scale_of(area).labels
            if not all(_is_number(label) for label in labels):
                raise InvalidRecord(
                    f"{where} scores area {key!r}, whose scale {self.scale_of(area).id!r} is "
                    "not graded in numbers"
                )

    def area(self, key: str) -> FrameworkArea:
        """The area with exactly *key*.

        Raises:
            NotFoundError: No area has that key; the message suggests the closest.
        """
        area = self._by_key.get(key)
        if area is None:
            raise NotFoundError(not_an_area(self, key))
        return area

    def find_area(self, key: str) -> FrameworkArea | None:
        """The area with exactly *key*, or ``None``."""
        return self._by_key.get(key)

    def resolve_area(self, name: str) -> FrameworkArea:
        """The area a report or dataset means by *name*: its key, its topic or a known alias.

        Matching ignores case, spacing, hyphens and underscores, so "Working with
        safeguarding partners" finds the child protection framework's ``partnership_working``.

        Raises:
            NotFoundError: Nothing matches; the message suggests the closest names.
        """
        wanted = grade_key(name)
        for area in self.areas:
            names = (area.key, area.topic, *area.aliases)
            if any(grade_key(candidate) == wanted for candidate in names):
                return area
        raise NotFoundError(not_an_area(self, name))

    def scale_of(self, area: FrameworkArea) -> GradingScale:
        """The scale *area* is graded on."""
        if area.scale is None:
            return self.scales[0]
        return self._scale_by_id[area.scale]

    @property
    def aliases(self) -> FrozenDict[str, str]:
        """Every known alias of every area, mapped to the area's key."""
        return FrozenDict({alias: area.key for area in self.areas for alias in area.aliases})

    def is_valid_on(self, day: datetime.date) -> bool:
        """Whether the framework was in use on *day*, as far as its dates say for certain."""
        start = None if self.valid_from is None else self.valid_from.earliest
        if start is not None and day < start:
            return False
        return self.valid_until is None or day <= self.valid_until.latest

    def comparability(self, other: Framework) -> Comparability:
        """Whether grades given under this framework compare with grades under *other*, and why.

        Comparability is what the inspectorates state, never inferred from a shared scale:
        grades compare when either framework says so (``comparable_with``), and not
        otherwise. The reason is one sentence: the same framework; the inspectorate states they
        compare; the scales differ; the scale is the same but the inspectorate states the
        cycles are not comparable (``not_comparable_with``); or nothing states that they
        compare.

        .. versionadded:: 0.1.0
        """
        if other.id == self.id:
            return Comparability(comparable=True, reason=f"both are {self.id!r}")
        pair = f"{self.id!r} and {other.id!r}"
        if other.id in self.comparable_with or self.id in other.comparable_with:
            return Comparability(
                comparable=True, reason=f"the inspectorate states that {pair} grades compare"
            )
        stated = other.id in self.not_comparable_with or self.id in other.not_comparable_with
        mine, theirs = self.scales[0], other.scales[0]
        if mine != theirs:
            reason = (
                f"{self.id!r} grades on {mine.id!r} ({len(mine)} points) and {other.id!r} on "
                f"{theirs.id!r} ({len(theirs)} points): different scales"
            )
            if stated:
                reason += ", and the inspectorate states they are not comparable"
        elif stated:
            reason = (
                f"{pair} grade on the same scale ({mine.id!r}), but the inspectorate states "
                "the cycles are not comparable"
            )
        else:
            reason = f"{pair} grade on the same scale ({mine.id!r}), but nothing states that "
            reason += "their grades compare"
        return Comparability(comparable=False, reason=reason)


def not_an_area(framework: Framework, name: str) -> str:
    """The message for a *name* that is not an area of *framework*, with the closest key
    suggested: the one wording of the look-up and of the rule that an area belongs to its
    framework."""
    names = framework._names
    if names is None:
        names = {grade_key(n): area.key for area in framework.areas for n in (area.key, area.topic)}
        for area in framework.areas:
            names.update({grade_key(alias): area.key for alias in area.aliases})
        object.__setattr__(framework, "_names", names)
    # Match on normalised names (topics and aliases too), but suggest the key.
    hint = did_you_mean(grade_key(name), names, written=names)
    return f"{shown(name)} is not an area of framework {framework.id!r}{hint}"


@attrs.frozen(field_transformer=typed_fields)
class Comparability:
    """The answer to "do these grades compare?", with the reason either way.

    ``bool()`` of it is the answer.

    .. versionadded:: 0.1.0
    """

    comparable: bool
    reason: str

    def __bool__(self) -> bool:
        return self.comparable


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class GradeMapping:
    """A user's mapping of grades on one scale onto another, to compare across frameworks.

    No inspectorate publishes one between PEEL 2014-2019 and PEEL 2021: a mapping is a
    choice whoever compares must make, and say they made.

    Args:
        source: The scale grades are mapped from.
        target: The scale they are mapped to.
        pairs: Each source grade's key (or label), to a target grade's key (or label).
        rationale: Why the mapping is fair, in the user's words; shown with every comparison.

    .. versionadded:: 0.1.0
    """

    source: GradingScale
    target: GradingScale
    pairs: FrozenDict[str, str] = attrs.field(converter=to_frozen_dict)
    rationale: str = attrs.field(validator=not_blank)

    def __attrs_post_init__(self) -> None:
        mapped = {self.source.parse(key).key for key in self.pairs}
        for label in self.pairs.values():
            self.target.parse(label)
        missing = [key for key in self.source.keys if key not in mapped]
        if missing:
            raise InvalidRecord(
                f"the mapping leaves out {', '.join(missing)} of {self.source.id!r}"
            )

    def map(self, grade: Grade) -> Grade:
        """*grade*, a grade of :attr:`source`, as a grade of :attr:`target`."""
        if grade.scale != self.source:
            raise IncomparableGradesError(
                f"this mapping is from {self.source.id!r}, not {grade.scale.id!r}"
            )
        for key, label in self.pairs.items():
            if self.source.parse(key) == grade:
                return self.target.parse(label)
        raise IncomparableGradesError(f"{grade.label!r} is not mapped")  # pragma: no cover


class Change(enum.Enum):
    """How a later grade stands against an earlier one.

    .. versionadded:: 0.1.0
    """

    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    DECLINED = "declined"


def compare_grades(earlier: Grade, later: Grade, *, mapping: GradeMapping | None = None) -> Change:
    """Whether *later* is better, worse or the same as *earlier*.

    Grades on different scales do not compare: pass a :class:`GradeMapping` from the earlier
    scale to the later one to compare them all the same, on your own stated terms.

    Raises:
        IncomparableGradesError: The grades are on different scales and no mapping was given,
            or the mapping does not go from *earlier*'s scale to *later*'s; or either is not a
            grade (a non-grade or a carried-forward judgment is on no scale).

    .. versionadded:: 0.1.0
    """
    for judgment in (earlier, later):
        if isinstance(judgment, NotAGrade):
            raise incomparable(earlier, None, later)
        if not isinstance(judgment, Grade):
            raise IncomparableGradesError(
                f"compare_grades takes two grades, got {describe_value(judgment)}"
            )
    if mapping is not None:
        if mapping.target != later.scale:
            raise IncomparableGradesError(
                f"the mapping is to {mapping.target.id!r}, but the later grade is on "
                f"{later.scale.id!r}"
            )
        earlier = mapping.map(earlier)
    if earlier.scale != later.scale:
        raise IncomparableGradesError(
            f"{earlier.label!r} on {earlier.scale.id!r} and {later.label!r} on "
            f"{later.scale.id!r} do not compare: grades of different scales say different things. "
            "Pass a GradeMapping to compare them on terms you state."
        )
    if later > earlier:
        return Change.IMPROVED
    if later < earlier:
        return Change.DECLINED
    return Change.UNCHANGED
