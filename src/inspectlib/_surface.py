"""What a public module offers to ``dir()``, and so to completion and ``help()``: its names.

A module's namespace also holds what it imports to do its work (``datetime``, ``attrs``,
``annotations`` from ``__future__``); those are not part of what it offers, and a user who
finds them there would think they were.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from types import ModuleType

__all__ = ["offer_only"]


def offer_only(module: str, names: Iterable[str]) -> None:
    """Give *module* a ``__dir__`` (PEP 562) offering *names* (its ``__all__``, and any other
    name to offer) and the public submodules already imported (``inspectlib.dates`` once
    imported), each as a user would reach it.

    Set from here rather than written in each module, so the module's own namespace holds no
    ``__dir__`` for type checkers to infer or for the docs' tools to take for a signature."""
    offered = frozenset(names)

    def module_dir() -> list[str]:
        namespace = vars(sys.modules[module])
        submodules = {
            name
            for name, value in namespace.items()
            if isinstance(value, ModuleType)
            and not name.startswith("_")
            and value.__name__ == f"{module}.{name}"
        }
        return sorted(offered | submodules)

    sys.modules[module].__dir__ = module_dir  # type: ignore[method-assign]
