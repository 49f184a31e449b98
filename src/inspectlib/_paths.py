"""Where a problem is: the steps from the root to a value, and the ``$.a[2].b`` text of them.

A path is rendered one way only, and read back by :func:`parse`, so that a tool holding a
:class:`~inspectlib.Problem` can use its ``steps`` and a person reads its ``path``, and the two
cannot disagree. A key of ASCII letters, digits, ``_``, ``:``, ``/`` and ``-`` (not first) is
written after a dot: ``$.extensions.hmicfrs:year``; any other key as a JSON string in brackets,
non-ASCII escaped: ``$.extensions["a.b"]``, ``$["caf\\u00e9"]``, ``$[""]``. An index is a whole
number in brackets: ``$.graded_areas[2]``.
"""

from __future__ import annotations

import json
import re
from typing import TypeAlias

__all__ = ["Step", "parse", "render"]

Step: TypeAlias = str | int
"""One step of a path: a key of an object, or an index of an array."""

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_:/-]*")
# One step as render writes it: .plain, [index] or ["JSON string"].
_STEP = re.compile(
    r"\.(?P<plain>[A-Za-z0-9_][A-Za-z0-9_:/-]*)"
    r"|\[(?P<index>0|[1-9][0-9]*)\]"
    r'|\[(?P<quoted>"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")\]'
)


def render(steps: tuple[Step, ...]) -> str:
    """``("graded_areas", 2, "judgment")`` -> ``"$.graded_areas[2].judgment"``."""
    parts = ["$"]
    for step in steps:
        if type(step) is int:
            parts.append(f"[{step}]")
        elif _PLAIN_KEY.fullmatch(step):  # type: ignore[arg-type]
            parts.append(f".{step}")
        else:
            parts.append(f"[{json.dumps(step)}]")
    return "".join(parts)


def parse(path: str) -> tuple[Step, ...]:
    """The steps of a path :func:`render` wrote: the inverse of :func:`render`.

    Raises:
        ValueError: *path* is not one :func:`render` writes.
    """
    if not path.startswith("$"):
        raise ValueError(f"a path starts with '$', got {path[:40]!r}")
    steps: list[Step] = []
    position = 1
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            raise ValueError(f"not a path inspectlib writes, at {position}: {path[:80]!r}")
        plain, index, quoted = match.group("plain", "index", "quoted")
        if index is not None:
            steps.append(int(index))
        elif plain is not None:
            steps.append(plain)
        else:
            steps.append(json.loads(quoted))
        position = match.end()
    found = tuple(steps)
    if render(found) != path:  # ["plain"] for .plain, or a key not escaped as render escapes it
        raise ValueError(
            f"not a path inspectlib writes (it writes {render(found)[:80]!r}): {path[:80]!r}"
        )
    return found
