"""The catalogue: the grading scales and frameworks that documents may refer to by id."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs

from ._errors import FieldTypeError, InvalidRecord, NotFoundError
from ._field_types import describe_value
from ._frameworks import Framework
from ._frozen import FrozenDict
from ._scales import GradingScale
from ._suggestions import did_you_mean

__all__ = ["Catalogue"]


T = TypeVar("T", GradingScale, Framework)


def _by_id(items: Iterable[T], cls: type[T], field: str, what: str) -> FrozenDict[str, T]:
    """Index *items* by id; the same item twice is fine, two different ones under one id not."""
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise FieldTypeError(
            "Catalogue", field, f"a tuple or list of {cls.__name__}", describe_value(items)
        )
    table: dict[str, T] = {}
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise FieldTypeError("Catalogue", field, cls.__name__, describe_value(item), (index,))
        if table.setdefault(item.id, item) != item:
            raise InvalidRecord(f"two different {what} share the id {item.id!r}")
    return FrozenDict(table)


def _scales_by_id(scales: Iterable[GradingScale]) -> FrozenDict[str, GradingScale]:
    return _by_id(scales, GradingScale, "scales", "grading scales")


def _frameworks_by_id(frameworks: Iterable[Framework]) -> FrozenDict[str, Framework]:
    return _by_id(frameworks, Framework, "frameworks", "frameworks")


def _not_found(what: str, wanted: str, known: Iterable[str]) -> NotFoundError:
    return NotFoundError(f"no {what} {wanted!r} in the catalogue{did_you_mean(wanted, known)}")


def _start(framework: Framework) -> tuple[datetime.date, ...]:
    # A framework whose start is unknown sorts first: nothing says it came later.
    start = framework.valid_from
    return (datetime.date.min,) if start is None else start.sort_key[:2]


@attrs.frozen(eq=False)
class Catalogue:
    """The grading scales and frameworks documents may name, by id.

    Documents refer to scales and frameworks by id (``"hmicfrs/five-point"``,
    ``"hmicfrs/ncpi/2024"``); loading and validation look them up here.
    :data:`inspectlib.catalogue.BUILTIN` holds those of real inspectorates; add your own with
    :meth:`with_scales` and :meth:`with_frameworks`, which return a new catalogue.

    A framework's scales join the catalogue with it.

    .. versionadded:: 0.1.0
    """

    scales: FrozenDict[str, GradingScale] = attrs.field(converter=_scales_by_id)
    frameworks: FrozenDict[str, Framework] = attrs.field(default=(), converter=_frameworks_by_id)

    def __attrs_post_init__(self) -> None:
        missing = [
            (framework.id, scale.id)
            for framework in self.frameworks.values()
            for scale in framework.scales
            if self.scales.get(scale.id) != scale
        ]
        if missing:
            framework_id, scale_id = missing[0]
            raise InvalidRecord(
                f"framework {framework_id!r} uses scale {scale_id!r}, which the catalogue "
                "does not hold (or holds a different scale under that id)"
            )

    def scale(self, scale_id: str) -> GradingScale:
        """The scale with *scale_id*.

        Raises:
            NotFoundError: No scale has that id; the message suggests the closest.
        """
        scale = self.scales.get(scale_id)
        if scale is None:
            raise _not_found("grading scale", scale_id, self.scales)
        return scale

    def framework(self, framework_id: str) -> Framework:
        """The framework with *framework_id*, such as ``"hmicfrs/ncpi/2024"``.

        Raises:
            NotFoundError: No framework has that id; the message suggests the closest.
        """
        framework = self.frameworks.get(framework_id)
        if framework is None:
            raise _not_found("framework", framework_id, self.frameworks)
        return framework

    def versions(self, programme: str) -> tuple[Framework, ...]:
        """The versions of one programme (``"hmicfrs/peel"``), oldest first.

        Raises:
            NotFoundError: No framework belongs to that programme.
        """
        versions = [f for f in self.frameworks.values() if f.programme == programme]
        if not versions:
            programmes = {framework.programme for framework in self.frameworks.values()}
            raise _not_found("programme", programme, programmes)
        return tuple(sorted(versions, key=_start))

    def find(
        self,
        *,
        inspectorate: str | None = None,
        programme: str | None = None,
        valid_on: datetime.date | None = None,
        scale: str | None = None,
    ) -> tuple[Framework, ...]:
        """The frameworks that match every criterion given, ordered by id.

        Args:
            inspectorate: The inspectorate's short name, ignoring case (``"ofsted"``).
            programme: The programme id (``"hmicfrs/peel"``).
            valid_on: A day the framework was in use.
            scale: The id of a scale the framework uses.
        """
        found = []
        for framework in self.frameworks.values():
            if inspectorate is not None and framework.inspectorate.casefold() != (
                inspectorate.casefold()
            ):
                continue
            if programme is not None and framework.programme != programme:
                continue
            if valid_on is not None and not framework.is_valid_on(valid_on):
                continue
            if scale is not None and all(s.id != scale for s in framework.scales):
                continue
            found.append(framework)
        return tuple(sorted(found, key=lambda framework: framework.id))

    def with_scales(self, *scales: GradingScale) -> Catalogue:
        """A new catalogue with *scales* added to these.

        Raises:
            ValueError: A new scale reuses the id of a different scale.
        """
        return Catalogue((*self.scales.values(), *scales), self.frameworks.values())

    def with_frameworks(self, *frameworks: Framework) -> Catalogue:
        """A new catalogue with *frameworks*, and the scales they use, added to these.

        Raises:
            ValueError: A new framework or scale reuses the id of a different one.
        """
        scales = [scale for framework in frameworks for scale in framework.scales]
        return Catalogue((*self.scales.values(), *scales), (*self.frameworks.values(), *frameworks))
