"""The ``inspectlib`` command line, thin over the library.

It is built on :mod:`argparse`: the commands are few and flat, and the standard library keeps
the install to the runtime dependencies the library itself needs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Iterator, Sequence

from ._builtin import BUILTIN
from ._documents import Record, dump, dump_lines, line_results, load, to_dict
from ._errors import InspectlibError, NotFoundError, ValidationError
from ._inspections import Inspection
from ._render import render, render_framework
from ._samples import SAMPLES, sample
from ._schema import json_schema
from ._tables import tables

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""The command did what was asked."""
EXIT_INVALID = 1
"""The input had problems (they were printed), or could not be read."""
EXIT_USAGE = 2
"""The command line itself was wrong (argparse's own convention)."""

_LINES_SUFFIXES = (".jsonl", ".ndjson")
_PROGRESS_EVERY = 10_000


class _Failure(Exception):
    """A problem to print on standard error before exiting with EXIT_INVALID."""


def _is_lines(path: str) -> bool:
    return path.endswith(_LINES_SUFFIXES)


def _records(source: str) -> Iterator[Record]:
    """The records of a path (JSON or JSON Lines) or of ``sample:NAME``."""
    if source.startswith("sample:"):
        yield sample(source.removeprefix("sample:"))
        return
    if not os.path.exists(source):
        raise _Failure(f"{source}: no such file")
    if _is_lines(source):
        with open(source, "rb") as stream:
            for _, result in line_results(stream, source):
                if isinstance(result, ValidationError):
                    raise result
                yield result
    else:
        yield load(source)


# validate ----------------------------------------------------------------------------------


def _validate(arguments: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    progress = err.isatty() and not arguments.quiet
    checked = invalid = 0
    for path in arguments.paths:
        if not os.path.exists(path):
            err.write(f"{path}: no such file\n")
            checked += 1
            invalid += 1
            continue
        if _is_lines(path):
            with open(path, "rb") as stream:
                for number, result in line_results(stream, path):
                    checked += 1
                    if isinstance(result, ValidationError):
                        invalid += 1
                        for problem in result.problems:
                            out.write(f"{path}:{number}: {problem.path}: {problem.message}\n")
                    if progress and checked % _PROGRESS_EVERY == 0:
                        err.write(f"\r{path}: {checked:,} documents checked, {invalid:,} invalid")
                        err.flush()
            if progress and checked >= _PROGRESS_EVERY:
                err.write("\n")
        else:
            checked += 1
            try:
                load(path)
            except ValidationError as error:
                invalid += 1
                for problem in error.problems:
                    out.write(f"{path}: {problem.path}: {problem.message}\n")
    noun = "document" if checked == 1 else "documents"
    err.write(f"{checked:,} {noun} checked, {invalid:,} invalid\n")
    return EXIT_INVALID if invalid else EXIT_OK


# show ----------------------------------------------------------------------------------------


def _show(arguments: argparse.Namespace) -> int:
    today = arguments.today
    first = True
    for record in _records(arguments.source):
        if arguments.format == "json":
            sys.stdout.write(json.dumps(to_dict(record), indent=2, ensure_ascii=False) + "\n")
            continue
        if not first:
            sys.stdout.write("\n")
        sys.stdout.write(render(record, today=today) + "\n")
        first = False
    return EXIT_OK


# schema, frameworks, sample ------------------------------------------------------------------


def _schema(_: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
    return EXIT_OK


def _frameworks(arguments: argparse.Namespace) -> int:
    if arguments.id:
        sys.stdout.write(render_framework(BUILTIN.framework(arguments.id)) + "\n")
        return EXIT_OK
    frameworks = sorted(BUILTIN.frameworks.values(), key=lambda framework: framework.id)
    width = max(len(framework.id) for framework in frameworks)
    for framework in frameworks:
        start = f"from {framework.valid_from.describe()}" if framework.valid_from else "in use"
        end = f"to {framework.valid_until.describe()}" if framework.valid_until else "to now"
        sys.stdout.write(f"{framework.id:<{width}}  {start} {end}: {framework.name}\n")
    return EXIT_OK


def _sample(arguments: argparse.Namespace) -> int:
    if arguments.name:
        sys.stdout.write(json.dumps(to_dict(sample(arguments.name)), indent=2) + "\n")
        return EXIT_OK
    width = max(map(len, SAMPLES))
    for name, description in SAMPLES.items():
        sys.stdout.write(f"{name:<{width}}  {description}\n")
    return EXIT_OK


# convert -------------------------------------------------------------------------------------


def _convert(arguments: argparse.Namespace) -> int:
    target: str = arguments.target
    form = arguments.to or ("jsonl" if _is_lines(target) else "json")
    if form == "jsonl":
        count = dump_lines(_records(arguments.source), target)
        noun = "record" if count == 1 else "records"
        sys.stderr.write(f"{count:,} {noun} written to {target}\n")
    elif form == "json":
        records = list(_records(arguments.source))
        if len(records) != 1:
            raise _Failure(
                f"{arguments.source}: a JSON document holds one record, and this holds "
                f"{len(records)}: convert to JSON Lines or CSV instead"
            )
        dump(records[0], target, indent=True)
    else:
        inspections = [r for r in _records(arguments.source) if isinstance(r, Inspection)]
        for path in tables(inspections).to_csv(target):
            sys.stderr.write(f"wrote {path}\n")
    return EXIT_OK


# the parser ----------------------------------------------------------------------------------


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspectlib",
        description="Typed, validated records of inspectorate reports. With no command, shows "
        "the bundled sample inspection.",
        epilog="Exit codes: 0 success, 1 invalid input, 2 wrong usage.",
    )
    parser.set_defaults(
        run=_show, source="sample:gmp-child-protection-2024", format="text", today=None
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check documents, printing every problem",
        description="Check JSON documents and JSON Lines files (.jsonl, .ndjson). Every problem "
        "is printed as FILE[:LINE]: PATH: MESSAGE; exit 1 if there is any.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("-q", "--quiet", action="store_true", help="no progress on a terminal")
    validate.set_defaults(run=_validate)

    show = commands.add_parser(
        "show",
        help="summarise a document or a bundled sample",
        description="Print a readable summary: grades, findings, timeline, deadlines.",
    )
    show.add_argument("source", metavar="PATH|sample:NAME")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument(
        "--today", type=_day, default=None, help="the day to judge lateness on (YYYY-MM-DD)"
    )
    show.set_defaults(run=_show)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the document format",
        description="Print the JSON Schema (Draft 2020-12) of inspectlib documents.",
    )
    schema.set_defaults(run=_schema)

    frameworks = commands.add_parser(
        "frameworks",
        help="list the built-in frameworks, or show one",
        description="List the built-in frameworks, or show one with its scales and areas.",
    )
    frameworks.add_argument("id", nargs="?", help="a framework id, such as hmicfrs/ncpi/2024")
    frameworks.set_defaults(run=_frameworks)

    convert = commands.add_parser(
        "convert",
        help="convert between JSON, JSON Lines and CSV tables",
        description="Convert JSON to JSON Lines and back (by the target's extension), or write "
        "tidy CSV tables (inspections, graded areas, findings, evidence) into a directory.",
    )
    convert.add_argument("source", metavar="PATH|sample:NAME")
    convert.add_argument("target", metavar="TARGET")
    convert.add_argument("--to", choices=("json", "jsonl", "csv"), help="the target's form")
    convert.set_defaults(run=_convert)

    samples = commands.add_parser(
        "sample",
        help="list the bundled samples, or print one",
        description="List the bundled samples, or print one as a JSON document.",
    )
    samples.add_argument("name", nargs="?")
    samples.set_defaults(run=_sample)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit code."""
    arguments = _parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as command-line tools do.
        sys.stderr.close()
        return EXIT_OK
    except ValidationError as error:
        sys.stderr.write(f"{error}\n")
    except (_Failure, NotFoundError, InspectlibError, OSError) as error:
        sys.stderr.write(f"inspectlib: {error}\n")
    return EXIT_INVALID
