"""Names that moved: the old name keeps working for a release, with a warning naming the new home.

A module lists its moved names as ``{old name: (public module, new name)}`` and gets a module
``__getattr__`` (PEP 562) that imports the new home only when an old name is asked for, so
that using a moved name costs nothing until it is used, and then warns at the caller's line.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping

__all__ = ["moved_names"]


def moved_names(module: str, moved: Mapping[str, tuple[str, str]]) -> Callable[[str], object]:
    """A module ``__getattr__`` that finds each name of *moved* in its new home, and warns.

    Args:
        module: The module the names moved out of (``"inspectlib"``).
        moved: For each old name, the public module it is now in (``"inspectlib.dates"``) and
            its name there, which is the old name unless it was renamed too.
    """

    def module_getattr(name: str) -> object:
        try:
            home, new_name = moved[name]
        except KeyError:
            raise AttributeError(f"module {module!r} has no attribute {name!r}") from None
        advice = f"import it from {home}" if new_name == name else f"import {new_name} from {home}"
        warnings.warn(f"{module}.{name} is deprecated; {advice}", DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(home), new_name)

    return module_getattr
