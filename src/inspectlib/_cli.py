"""The ``inspectlib`` command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ._render import render_inspection
from ._samples import gmp_child_protection_2024
from ._validation import validate

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    del argv  # one job so far: show the bundled sample
    inspection = validate(gmp_child_protection_2024())
    sys.stdout.write(render_inspection(inspection) + "\n")
    return 0
