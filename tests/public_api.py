"""The public modules of inspectlib and the names each exports, for tests that go over all of
them (every record class has an example, every name is documented...)."""

from __future__ import annotations

from types import ModuleType

import inspectlib
import inspectlib.analysis
import inspectlib.catalogue
import inspectlib.commissions
import inspectlib.dates
import inspectlib.deadlines
import inspectlib.errors
import inspectlib.format
import inspectlib.frameworks
import inspectlib.judgments
import inspectlib.scales
import inspectlib.sources
import inspectlib.sources.cqc
import inspectlib.sources.fhrs
import inspectlib.sources.ofsted
import inspectlib.tables

__all__ = ["CORE_MODULES", "FAMILIES", "PUBLIC_MODULES", "public_objects"]

FAMILIES: tuple[ModuleType, ...] = (
    inspectlib.dates,
    inspectlib.judgments,
    inspectlib.scales,
    inspectlib.frameworks,
    inspectlib.commissions,
    inspectlib.deadlines,
    inspectlib.analysis,
    inspectlib.tables,
    inspectlib.catalogue,
    inspectlib.format,
    inspectlib.errors,
)
"""The modules a family of names moved into from the top level."""

CORE_MODULES: tuple[ModuleType, ...] = (inspectlib, *FAMILIES)
"""The top level and its families: every name that was at the top level before they moved."""

PUBLIC_MODULES: tuple[ModuleType, ...] = (
    *CORE_MODULES,
    inspectlib.sources,
    inspectlib.sources.fhrs,
    inspectlib.sources.cqc,
    inspectlib.sources.ofsted,
)


def public_objects(modules: tuple[ModuleType, ...] = CORE_MODULES) -> list[object]:
    """Every object the *modules* export, each once (a name may be in two modules)."""
    found: dict[int, object] = {}
    for module in modules:
        for name in module.__all__:
            value = getattr(module, name)
            found.setdefault(id(value), value)
    return list(found.values())
