"""Grading scales and the grades on them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._errors import IncomparableGradesError, InvalidGrade, InvalidRecord
from ._field_types import typed_fields
from ._fields import to_frozen_dict, to_tuple
from ._frozen import FrozenDict
from ._messages import listed, shown
from ._partial_dates import PartialDate
from ._sources import Source
from ._suggestions import did_you_mean

__all__ = ["Grade", "GradingScale", "NotAGrade", "grade_key", "incomparable"]

_SEPARATORS = re.compile(r"[\s\-_]+")


def grade_key(label: str) -> str:
    """The stable key of a grade label: lower case, words joined by ``_``.

    Parsing compares keys, which is why "Requires Improvement", "requires-improvement" and
    "requires_improvement" are the same grade.

    >>> grade_key("Requires  improvement")
    'requires_improvement'

    .. versionadded:: 0.1.0
    """
    return _SEPARATORS.sub("_", label.strip()).strip("_").casefold()


def _distinct_labels(
    instance: Any, attribute: attrs.Attribute[tuple[str, ...]], labels: tuple[str, ...]
) -> None:
    if len(labels) < 2:
        raise InvalidRecord(f"a grading scale needs at least two labels, got {len(labels)}")
    keys = [grade_key(label) for label in labels]
    if "" in keys:
        raise InvalidRecord("a grading scale's labels must not be empty")
    duplicates = sorted(key for key, times in Counter(keys).items() if times > 1)
    if duplicates:
        raise InvalidRecord(
            "a grading scale's labels must differ, but these repeat: "
            + listed(map(shown, duplicates))
        )


def _id(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or value != value.strip():
        raise InvalidRecord(
            f"{attribute.name} must be non-empty text without outer spaces: {value!r}"
        )


@attrs.frozen(kw_only=True, cache_hash=True, field_transformer=typed_fields)
class GradingScale:
    """An ordered set of grade labels, best first.

    Args:
        id: The stable identifier other records and documents use for the scale, such as
            ``"hmicfrs/five-point"``.
        name: A human name.
        labels: The labels as the inspectorate writes them, from best to worst.
        aliases: Other spellings of a label (``{"1": "Outstanding"}``), matched like labels.
        description: What the scale is for, if worth saying.
        valid_from: When the inspectorate started using it, where known.
        valid_until: When it stopped, if it has.
        sources: Where it is published.

    Grades of one scale are totally ordered; grades of different scales refuse to compare.

    >>> scale = GradingScale(id="example/three", name="Example", labels=("High", "Middle", "Low"))
    >>> scale.parse("middle") > scale.parse("LOW")
    True

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_id)
    name: str
    labels: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_distinct_labels)
    aliases: FrozenDict[str, str] = attrs.field(factory=FrozenDict, converter=to_frozen_dict)
    description: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    # Look-up tables built once: parsing and loading use them for every grade they meet.
    _keys: tuple[str, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)
    _by_exact_key: dict[str, Grade] = attrs.field(init=False, eq=False, hash=False, repr=False)
    _by_key: dict[str, Grade] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        keys = tuple(grade_key(label) for label in self.labels)
        by_exact_key = {key: Grade(self, rank) for rank, key in enumerate(keys)}
        by_key = dict(by_exact_key)
        for alias, label in self.aliases.items():
            target = by_key.get(grade_key(label))
            if target is None:
                raise InvalidRecord(
                    f"alias {alias!r} of scale {self.id!r} names {label!r}, which is not one of "
                    f"its labels: {', '.join(self.labels)}"
                )
            by_key.setdefault(grade_key(alias), target)
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_by_exact_key", by_exact_key)
        object.__setattr__(self, "_by_key", by_key)

    @property
    def grades(self) -> tuple[Grade, ...]:
        """Every grade of the scale, best first."""
        return tuple(self._by_exact_key.values())

    @property
    def keys(self) -> tuple[str, ...]:
        """The stable keys of the labels, best first (``"requires_improvement"``)."""
        return self._keys

    def grade_of_key(self, key: str) -> Grade | None:
        """The grade whose stable key is exactly *key*, or ``None``: no tolerance, no aliases.

        This is how documents name grades, so that what is read is what is written.
        """
        return self._by_exact_key.get(key)

    def parse(self, label: str) -> Grade:
        """The grade a label names, ignoring case, spacing, hyphens and underscores.

        Raises:
            InvalidGrade: The label is not on this scale; the message lists the valid ones.
        """
        grade = self._by_key.get(grade_key(label)) if isinstance(label, str) else None
        if grade is None:
            hint = did_you_mean(label, self.labels) if isinstance(label, str) else ""
            raise InvalidGrade(
                f"{label!r} is not a grade of scale {self.id!r}; "
                f"valid grades: {', '.join(self.labels)}{hint}"
            )
        return grade

    def get(self, label: str) -> Grade | None:
        """Like :meth:`parse`, but ``None`` for an unknown label."""
        return self._by_key.get(grade_key(label))

    def __iter__(self) -> Iterator[Grade]:
        return iter(self.grades)

    def __len__(self) -> int:
        return len(self.labels)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Grade):
            return item.scale == self
        return isinstance(item, str) and grade_key(item) in self._by_key


@attrs.frozen(order=False, repr=False, field_transformer=typed_fields)
class Grade:
    """A label on a :class:`GradingScale`.

    Get one from its scale (:meth:`GradingScale.parse`), not by hand. Grades of the same scale
    compare, better grades being greater; a grade ordered against one of another scale, or
    against a non-grade or a carried-forward judgment (on either side), raises
    :class:`~inspectlib.errors.IncomparableGradesError`, whose message shows the comparison as it
    was written. Against anything else (``good < 3``) Python's own :class:`TypeError` says the
    two do not compare. The comparisons are typed to take grades, so a type checker refuses both
    before they run.

    .. versionadded:: 0.1.0
    """

    scale: GradingScale
    rank: int
    """The position on the scale: 0 is the best grade."""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.rank < len(self.scale.labels):
            raise InvalidGrade(f"rank {self.rank} is not on scale {self.scale.id!r}")

    @property
    def label(self) -> str:
        """The label as the inspectorate writes it: ``"Requires improvement"``."""
        return self.scale.labels[self.rank]

    @property
    def key(self) -> str:
        """The stable key: ``"requires_improvement"``."""
        return self.scale.keys[self.rank]

    def __repr__(self) -> str:
        return f"Grade({self.scale.id!r}, {self.label!r})"

    def __str__(self) -> str:
        return self.label

    def _rank_against(self, other: object, op: _Operator) -> int | None:
        """*other*'s rank, or ``None`` when it is no judgment at all (Python then tries the
        other operand, and says in its own words that the two do not compare)."""
        if isinstance(other, Grade):
            if other.scale != self.scale:
                raise IncomparableGradesError(
                    f"cannot order {_shown(self)} {op} {_shown(other)}: grades of different "
                    "scales do not compare"
                )
            return other.rank
        if isinstance(other, NotAGrade):
            raise incomparable(self, op, other)
        return None

    # A better grade has a lower rank, and is the greater. Typed to take grades only, so that a
    # type checker refuses `good < 3` and `good < UNGRADED` before they run.
    def __lt__(self, other: Grade) -> bool:
        rank = self._rank_against(other, "<")
        return NotImplemented if rank is None else self.rank > rank

    def __le__(self, other: Grade) -> bool:
        rank = self._rank_against(other, "<=")
        return NotImplemented if rank is None else self.rank >= rank

    def __gt__(self, other: Grade) -> bool:
        rank = self._rank_against(other, ">")
        return NotImplemented if rank is None else self.rank < rank

    def __ge__(self, other: Grade) -> bool:
        rank = self._rank_against(other, ">=")
        return NotImplemented if rank is None else self.rank <= rank


_Operator = Literal["<", "<=", ">", ">="]


class NotAGrade:
    """The base of the judgments that are not grades (non-grades, carried-forward judgments):
    ordering one against any judgment raises :class:`~inspectlib.errors.IncomparableGradesError`,
    with the operands as the comparison was written."""

    __slots__ = ()

    if not TYPE_CHECKING:
        # Hidden from type checkers, which then refuse `UNGRADED < good` as they should.
        def __lt__(self, other):
            return _refuse(self, "<", other)

        def __le__(self, other):
            return _refuse(self, "<=", other)

        def __gt__(self, other):
            return _refuse(self, ">", other)

        def __ge__(self, other):
            return _refuse(self, ">=", other)


def _refuse(left: NotAGrade, op: _Operator, right: object) -> Any:
    if isinstance(right, Grade | NotAGrade):
        raise incomparable(left, op, right)
    return NotImplemented


def _shown(judgment: object) -> str:
    if isinstance(judgment, Grade):
        return f"{judgment.label!r} on scale {judgment.scale.id!r}"
    return repr(str(getattr(judgment, "label", judgment)))


def incomparable(left: object, op: str | None, right: object) -> IncomparableGradesError:
    """The error for ordering *left* *op* *right* (comparing them, without *op*) where one of
    them is not a grade."""
    not_grades = [_shown(j) for j in (left, right) if not isinstance(j, Grade)]
    why = "neither is a grade" if len(not_grades) == 2 else f"{not_grades[0]} is not a grade"
    written = (
        f"compare {_shown(left)} with {_shown(right)}"
        if op is None
        else f"order {_shown(left)} {op} {_shown(right)}"
    )
    return IncomparableGradesError(
        f"cannot {written}: {why}; only grades of the same scale compare"
    )
