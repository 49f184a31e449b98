"""Limits on what one document may ask of the loader, so hostile input fails fast and clearly."""

from __future__ import annotations

from typing import Any

import attrs

from ._errors import InvalidRecord

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _positive(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise InvalidRecord(f"Limits.{attribute.name} must be a positive whole number: {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """How much one document may hold before loading refuses it, naming the limit.

    The defaults are far above any real report and far below what would exhaust a machine.
    Pass your own to :func:`~inspectlib.loads`, :func:`~inspectlib.load` and
    :func:`~inspectlib.load_lines` (where they apply to each line).

    Args:
        max_bytes: The size of one document, or of one JSON Lines line, in bytes (64 MiB).
        max_depth: How deeply JSON values may nest inside ``extensions`` (64 levels); records
            themselves nest only as deep as their fields.
        max_items: How many items one array may hold (1,000,000).
        max_problems: How many problems one error reports; the last says how many more there
            were (100).
        max_extension_values: How many JSON values one record's ``extensions`` may hold in
            all, at every depth (1,000,000): each costs memory many times its size in the
            document (an empty object, two bytes, about 64 bytes in Python, and as much again
            when kept).

    :doc:`/reference/limits` gives what each limit costs at worst, in time and memory per byte
    of input.

    .. versionadded:: 0.1.0
    """

    max_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_items: int = attrs.field(default=1_000_000, validator=_positive)
    max_problems: int = attrs.field(default=100, validator=_positive)
    max_extension_values: int = attrs.field(default=1_000_000, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits that apply when none are given."""
