"""The catalogue: the grading scales (and frameworks) that documents may refer to by id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ._frozen import FrozenDict
from ._scales import GradingScale

__all__ = ["Catalogue"]


def _by_id(scales: Iterable[GradingScale]) -> FrozenDict[str, GradingScale]:
    table: dict[str, GradingScale] = {}
    for scale in scales:
        known = table.setdefault(scale.id, scale)
        if known != scale:
            raise ValueError(f"two different grading scales share the id {scale.id!r}")
    return FrozenDict(table)


@attrs.frozen(eq=False)
class Catalogue:
    """The grading scales documents may name, by id.

    Documents refer to scales by id (``"hmicfrs/five-point"``); loading resolves the ids here.
    :data:`inspectlib.BUILTIN` holds the scales of real inspectorates; add your own with
    :meth:`with_scales`.

    .. versionadded:: 0.1.0
    """

    scales: FrozenDict[str, GradingScale] = attrs.field(converter=_by_id)
    # Converters are costly to build and safe to share; each catalogue builds its own once.
    _converters: dict[bool, Any] = attrs.field(init=False, factory=dict, repr=False)

    def scale(self, scale_id: str) -> GradingScale:
        """The scale with *scale_id*.

        Raises:
            KeyError: No scale has that id; the message lists those that do.
        """
        try:
            return self.scales[scale_id]
        except KeyError:
            known = ", ".join(sorted(self.scales))
            raise KeyError(f"no grading scale {scale_id!r}; known scales: {known}") from None

    def with_scales(self, *scales: GradingScale) -> Catalogue:
        """A new catalogue with *scales* added to these.

        Raises:
            ValueError: A new scale reuses the id of a different scale.
        """
        return Catalogue((*self.scales.values(), *scales))
