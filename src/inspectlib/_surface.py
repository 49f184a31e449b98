"""What a public module offers to ``dir()``, and so to completion and ``help()``: its names.

A module's namespace also holds what it imports to do its work (``datetime``, ``attrs``,
``annotations`` from ``__future__``); those are not part of what it offers, and a user who
finds them there would think they were.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from types import ModuleType

__all__ = ["ModuleDir", "public_dir"]

ModuleDir = Callable[[], list[str]]
"""A module's ``__dir__``, annotated where it is assigned so type checkers need not infer it."""


def public_dir(module: str, names: Iterable[str]) -> Callable[[], list[str]]:
    """A module ``__dir__`` (PEP 562) for *module* offering *names* (its ``__all__``, and any
    other name to offer) and the public submodules already imported (``inspectlib.dates``
    once imported), each as a user would reach it."""
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

    return module_dir
