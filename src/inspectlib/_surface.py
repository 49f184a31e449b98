"""What a public module offers to ``dir()``, and so to completion and ``help()``: its names.

A module's namespace also holds what it imports to do its work (``datetime``, ``attrs``,
``annotations`` from ``__future__``); those are not part of what it offers, and a user who
finds them there would think they were.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from types import ModuleType

__all__ = ["public_dir"]


def public_dir(module: str, names: Iterable[str]) -> Callable[[], list[str]]:
    """A function giving what a module's ``__dir__`` (PEP 562) returns for *module*: *names*
    (its ``__all__``, and any other name to offer) and the public submodules already imported
    (``inspectlib.dates`` once imported), each as a user would reach it.

    The module defines ``__dir__`` as a function that calls it, annotated, so that type
    checkers and the docs' tools see a plain function rather than a value to infer."""
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
