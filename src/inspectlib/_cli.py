"""The ``inspectlib`` command line, thin over the library.

It is built on :mod:`argparse`: the commands are few and flat, and the standard library keeps
the install to the three runtime dependencies the records need.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._inspections import Inspection
from ._render import render_inspection
from ._samples import sample
from ._schema import json_schema

__all__ = ["main"]

EXIT_OK = 0
"""The command did what was asked."""
EXIT_INVALID = 1
"""The input had problems; they were printed."""
EXIT_USAGE = 2
"""The command line itself was wrong (argparse's own convention)."""


def _show_sample(_: argparse.Namespace) -> int:
    inspection = sample("gmp-child-protection-2024")
    assert isinstance(inspection, Inspection)  # the bundled sample is an inspection
    sys.stdout.write(render_inspection(inspection) + "\n")
    return EXIT_OK


def _schema(_: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspectlib",
        description="Typed, validated records of inspectorate reports. With no command, shows "
        "the bundled sample inspection.",
        epilog="Exit codes: 0 success, 1 invalid input, 2 wrong usage.",
    )
    parser.set_defaults(run=_show_sample)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the document format",
        description="Print the JSON Schema (Draft 2020-12) of inspectlib documents.",
    )
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit code."""
    arguments = _parser().parse_args(argv)
    return int(arguments.run(arguments))
