"""The ``inspectlib`` command line, thin over the library.

It is built on :mod:`argparse`: the commands are few and flat, and the standard library keeps
the install to the runtime dependencies the library itself needs.
"""

from __future__ import annotations

import argparse
import calendar
import collections
import contextlib
import datetime
import importlib
import inspect
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any, TextIO, cast

import attrs
import orjson

from ._builtin import BUILTIN
from ._datasets import PARTITIONS, write_parquet_dataset
from ._documents import (
    Record,
    dump,
    dump_lines,
    line_results,
    load,
    read_bounded,
    to_dict,
    too_large,
)
from ._errors import (
    FormatVersionWarning,
    InspectlibError,
    NotFoundError,
    Problem,
    ValidationError,
)
from ._extensions import extension_keys
from ._limits import DEFAULT_LIMITS
from ._partial_dates import PartialDate
from ._render import in_use, render, render_framework
from ._samples import SAMPLES, sample
from ._schema import json_schema
from ._suggestions import did_you_mean
from ._tables import write_csv
from ._terminal import EscapingText, json_for_terminal, unescaped

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""The command did what was asked."""
EXIT_INVALID = 1
"""The input had problems (they were printed), or could not be read."""
EXIT_USAGE = 2
"""The command line itself was wrong (argparse's own convention)."""

_LINES_SUFFIXES = (".jsonl", ".ndjson")
_PROGRESS_EVERY = 10_000

STDIN = "-"
"""The name that stands for standard input where a file is read (and standard output where
``convert`` writes a JSON or JSON Lines file)."""
_STDIN_NAME = "<stdin>"

_FORMS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
"""The file forms ``convert`` writes, by extension; tables go into a directory (``--to``)."""
_TABLE_FORMS = ("csv", "parquet")


class _Failure(Exception):
    """A problem to print on standard error before exiting with EXIT_INVALID."""


def _is_lines(path: str) -> bool:
    return path.endswith(_LINES_SUFFIXES)


class _Input:
    """A document source opened for reading: JSON Lines one line at a time, or a whole JSON
    document. A file's form is its extension; standard input's is found from its first line
    (one that is a JSON value on its own makes JSON Lines: a one-line JSON document reads the
    same either way)."""

    def __init__(
        self,
        name: str,
        lines: Iterable[bytes] | None,
        whole: bytes | None,
        error: ValidationError | None = None,
    ) -> None:
        self.name = name
        self.lines = lines
        self.whole = whole
        self.error = error

    def results(self) -> Iterator[tuple[int | None, Record | ValidationError]]:
        """Each document's line number (None for a whole JSON document) with its record, or
        the ValidationError it raised; the warnings reading it gave are printed first, each
        once, located (:func:`_held_warnings`)."""
        for number, result in self._results():
            if _HELD:
                self._warn(number)
            yield number, result

    def _warn(self, number: int | None) -> None:
        where = self.name if number is None else f"{self.name}:{number}"
        for message in _HELD:
            # The library's message names the document already; the location replaces it.
            text = message.removeprefix(f"{self.name}: ")
            sys.stderr.write(f"inspectlib: warning: {where}: {text}\n")
        _HELD.clear()

    def _results(self) -> Iterator[tuple[int | None, Record | ValidationError]]:
        if self.error is not None:
            first = self.error.problems[0].line if self.error.problems else None
            yield first, self.error
            return
        if self.lines is not None:
            stream = cast(IO[bytes], self.lines)
            yield from line_results(stream, self.name)
            return
        source = io.BytesIO(self.whole or b"")
        source.name = self.name
        try:
            yield None, load(source)
        except ValidationError as error:
            if self.whole and _as_lines(self.whole):
                yield None, ValidationError(self.name, [Problem("$", _LOOKS_LIKE_LINES)])
            else:
                yield None, error


class _Prefixed(io.RawIOBase):
    """Lines already read from a stream, then the rest of it: what was read to tell JSON
    Lines from JSON is read again, and lines stay bounded (:func:`bounded_lines`)."""

    def __init__(self, consumed: list[bytes], stream: IO[bytes]) -> None:
        self.consumed = collections.deque(consumed)
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        if self.consumed:
            return self.consumed.popleft()
        return self.stream.readline(-1 if size is None else size)


def _whole(name: str, consumed: list[bytes], stream: IO[bytes]) -> _Input:
    """The rest of *stream* after *consumed*, as one document, read no further than the
    limit on a document's size."""
    limits = DEFAULT_LIMITS
    size = sum(map(len, consumed))
    try:
        rest = read_bounded(stream, name, attrs.evolve(limits, max_bytes=limits.max_bytes - size))
    except ValidationError:
        return _Input(name, None, None, too_large(name, None, limits, None))
    return _Input(name, None, b"".join(consumed) + cast(bytes, rest))


def _stdin_input(stream: IO[bytes]) -> _Input:
    consumed: list[bytes] = []
    most = DEFAULT_LIMITS.max_bytes
    for line in iter(lambda: stream.readline(most + 2), b""):
        if len(line) > most + 1:  # a first line longer than any document may be: stop here
            return _Input(
                _STDIN_NAME, None, None, too_large(_STDIN_NAME, None, DEFAULT_LIMITS, None)
            )
        consumed.append(line)
        if not line.strip():
            continue
        try:
            orjson.loads(line)
        except orjson.JSONDecodeError:
            return _whole(_STDIN_NAME, consumed, stream)
        return _Input(_STDIN_NAME, _Prefixed(consumed, stream), None)
    return _Input(_STDIN_NAME, None, b"".join(consumed))


def _open_input(path: str, stack: contextlib.ExitStack) -> _Input:
    """*path*, or standard input for ``-``, ready to read.

    Raises:
        OSError: *path* cannot be opened (a directory, a file one may not read).
    """
    if path == STDIN:
        return _stdin_input(sys.stdin.buffer)
    if not os.path.exists(path):
        raise _Failure(f"{path}: no such file")
    if _is_lines(path):
        return _lines_input(path, stack.enter_context(open(path, "rb")))
    with open(path, "rb") as stream:
        return _whole(path, [], stream)


_LOOKS_LIKE_JSON = (
    "this looks like a JSON document, not JSON Lines: its first line starts a JSON value that "
    "goes on past the line; JSON Lines holds one whole document on each line: name the file "
    ".json to read it as one document"
)
_LOOKS_LIKE_LINES = (
    "this looks like JSON Lines, not a JSON document: its first line is a whole JSON value and "
    "more follows; name the file .jsonl to read one document on each line"
)


def _lines_input(path: str, stream: IO[bytes]) -> _Input:
    """A JSON Lines file, refused with one error where its first line shows it is a JSON
    document spread over lines (a pretty-printed one), which would give an error on every
    line. Only the first line is read to tell."""
    most = DEFAULT_LIMITS.max_bytes + 2  # as bounded_lines reads
    consumed: list[bytes] = []
    for line in iter(lambda: stream.readline(most), b""):
        consumed.append(line)
        if not line.strip():
            continue
        text = line.strip()
        if len(line) < most or line.endswith(b"\n"):
            try:
                orjson.loads(text)
            except orjson.JSONDecodeError as error:
                if error.pos >= len(text):  # the value is unfinished at the end of the line
                    problem = Problem("$", _LOOKS_LIKE_JSON, line=len(consumed))
                    return _Input(path, None, None, ValidationError(path, [problem]))
        break
    return _Input(path, _Prefixed(consumed, stream), None)


def _as_lines(whole: bytes) -> bool:
    """Whether a document that did not read is JSON Lines: its first line is a whole JSON value
    and something follows it."""
    first, newline, rest = whole.partition(b"\n")
    if not newline or not rest.strip():
        return False
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        return False
    return True


def _records(source: str) -> Iterator[Record]:
    """The records of a path (JSON or JSON Lines), of standard input (``-``) or of
    ``sample:NAME``."""
    if source.startswith("sample:"):
        yield sample(source.removeprefix("sample:"))
        return
    with contextlib.ExitStack() as stack:
        for _, result in _open_input(source, stack).results():
            if isinstance(result, ValidationError):
                raise result
            yield result


# validate ----------------------------------------------------------------------------------


def _validate(arguments: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    progress = err.isatty() and not arguments.quiet
    checked = invalid = unchecked = 0
    skipped: dict[str, None] = {}  # the names of the checks skipped, in order, once each
    for path in arguments.paths:
        with contextlib.ExitStack() as stack:
            try:
                source = _open_input(path, stack)
            except _Failure as failure:
                err.write(f"{failure}\n")
                checked += 1
                invalid += 1
                continue
            except OSError as error:  # a directory, a file one may not read: say so, go on
                err.write(f"{path}: cannot be read: {error.strerror or error}\n")
                checked += 1
                invalid += 1
                continue
            for number, result in source.results():
                checked += 1
                if isinstance(result, ValidationError):
                    invalid += 1
                    where = source.name if number is None else f"{source.name}:{number}"
                    for problem in result.problems:
                        out.write(f"{where}: {problem.path}: {problem.message}\n")
                    if result.skipped:
                        unchecked += 1
                        skipped.update(dict.fromkeys(result.skipped))
                if progress and checked % _PROGRESS_EVERY == 0:
                    unescaped(err).write("\r")
                    err.write(f"{source.name}: {checked:,} documents checked, {invalid:,} invalid")
                    err.flush()
        if progress and checked >= _PROGRESS_EVERY:
            err.write("\n")
    noun = "document" if checked == 1 else "documents"
    summary = f"{checked:,} {noun} checked, {invalid:,} invalid"
    if unchecked:
        # Say what is still to come, so that fixing the problems shown holds no surprise.
        noun = "document" if unchecked == 1 else "documents"
        checks = "check" if len(skipped) == 1 else "checks"
        summary += (
            f"\n{len(skipped)} {checks} not run on {unchecked:,} {noun} until the problems shown "
            "are fixed"
        )
        # The names, one a line, only when asked for: they are many, and the same every time.
        if arguments.verbose:
            summary += "".join(f"\n  {name}" for name in skipped)
        else:
            summary += " (--verbose names them)"
    err.write(summary + "\n")
    return EXIT_INVALID if invalid else EXIT_OK


# show ----------------------------------------------------------------------------------------


def _show(arguments: argparse.Namespace) -> int:
    today = arguments.today
    first = True
    for record in _records(arguments.source):
        if arguments.format == "json":
            text = json.dumps(to_dict(record), indent=2, ensure_ascii=False)
            sys.stdout.write(json_for_terminal(text) + "\n")
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
        sys.stdout.write(f"{framework.id:<{width}}  {in_use(framework)}: {framework.name}\n")
    return EXIT_OK


def _sample(arguments: argparse.Namespace) -> int:
    if arguments.name:
        sys.stdout.write(json.dumps(to_dict(sample(arguments.name)), indent=2) + "\n")
        return EXIT_OK
    width = max(map(len, SAMPLES))
    for name, description in SAMPLES.items():
        sys.stdout.write(f"{name:<{width}}  {description}\n")
    # The publishers' own files ship too; they are read by an importer, not printed here.
    sys.stdout.write("\nPublishers' files, to import:\n")
    for name in sorted(_publisher_samples()):
        sys.stdout.write(f"  inspectlib import {name.split('-')[0]} sample:{name}\n")
    return EXIT_OK


# convert -------------------------------------------------------------------------------------


def _form_of(target: str, to: str | None, partition_by: str | None = None) -> str:
    """The form to write *target* in: ``--to``, else the target's extension; refused where the
    two disagree, or where neither names a form inspectlib writes."""
    extension = os.path.splitext(target)[1].lower() if target != STDIN else ""
    known = ", ".join(_FORMS)
    if to is None:
        if extension in _FORMS:
            return _FORMS[extension]
        if target == STDIN:
            raise _Failure("writing to standard output needs --to json or --to jsonl")
        what = f"a {extension} file" if extension else f"{target!r} (no extension)"
        raise _Failure(
            f"cannot write {what}: inspectlib writes {known} files, and with --to "
            f"{' or --to '.join(_TABLE_FORMS)} a directory of tables"
        )
    if partition_by is not None and to != "parquet":
        raise _Failure("--partition-by applies to --to parquet only")
    if to in _TABLE_FORMS:
        if target == STDIN:
            raise _Failure(f"--to {to} writes a directory of tables, not standard output")
        return to
    if extension and _FORMS.get(extension) != to:
        raise _Failure(f"--to {to} does not write a {extension} file: inspectlib writes {known}")
    return to


def _convert(arguments: argparse.Namespace) -> int:
    target: str = arguments.target
    form = _form_of(target, arguments.to, arguments.partition_by)
    if form in ("json", "jsonl") and target != STDIN and os.path.isdir(target):
        # Said before a record is read: the open file's rename would only fail at the end.
        what = "JSON Lines" if form == "jsonl" else "the JSON document"
        raise _Failure(
            f"{target}: is a directory; name a file to write {what} to, or write a "
            "directory of tables with --to csv or --to parquet"
        )
    if form == "jsonl":
        if target == STDIN:
            count = dump_lines(_records(arguments.source), sys.stdout.buffer)
            sys.stdout.flush()
        else:
            count = dump_lines(_records(arguments.source), target)
        noun = "record" if count == 1 else "records"
        where = "standard output" if target == STDIN else target
        sys.stderr.write(f"{count:,} {noun} written to {where}\n")
    elif form == "json":
        records = list(_records(arguments.source))
        if len(records) != 1:
            raise _Failure(
                f"{arguments.source}: a JSON document holds one record, and this holds "
                f"{len(records)}: convert to JSON Lines or CSV instead"
            )
        if target == STDIN:
            text = json.dumps(to_dict(records[0]), indent=2, ensure_ascii=False)
            sys.stdout.write(json_for_terminal(text) + "\n")
        else:
            dump(records[0], target, indent=True)
    elif form == "parquet":
        dataset = write_parquet_dataset(
            _records(arguments.source),
            target,
            partition_by=arguments.partition_by,
            extensions=arguments.extension,
        )
        noun = "record" if dataset.records == 1 else "records"
        sys.stderr.write(
            f"{dataset.records:,} {noun} written to {len(dataset.files):,} Parquet files in "
            f"{target}\n"
        )
    else:
        written = write_csv(
            _records(arguments.source), target, raw=arguments.raw, extensions=arguments.extension
        )
        for path in written:
            sys.stderr.write(f"wrote {path}\n")
    return EXIT_OK


# import --------------------------------------------------------------------------------------


def _importer(name: str) -> Any:
    from .sources import IMPORTERS

    return importlib.import_module(IMPORTERS[name])


def _publisher_samples() -> dict[str, Path]:
    """The publishers' sample files bundled with inspectlib, by the name ``sample:NAME`` gives."""
    folder = resources.files("inspectlib.sources").joinpath("samples")
    return {
        Path(str(entry.name)).stem: Path(str(entry))
        for entry in folder.iterdir()
        if entry.is_file()
    }


def _sample_file(wanted: str, publisher: str) -> Path:
    """The publisher's sample file bundled with inspectlib that ``sample:NAME`` names."""
    names = _publisher_samples()
    if wanted in names:
        return names[wanted]
    own = sorted(name for name in names if name.split("-")[0] == publisher) or sorted(names)
    listed = ", ".join(f"sample:{name}" for name in own)
    suggestion = did_you_mean(wanted, names, written={name: f"sample:{name}" for name in names})
    raise NotFoundError(
        f"sample:{wanted}: no such sample file{suggestion} (the {publisher} samples are {listed})"
        if own[0].split("-")[0] == publisher
        else f"sample:{wanted}: no such sample file{suggestion} (there is no {publisher} sample; "
        f"the samples are {listed})"
    )


@contextlib.contextmanager
def _source(argument: str, publisher: str) -> Iterator[str | IO[bytes]]:
    """What the importer reads for a FILE argument of ``import``: a path, standard input for
    ``-``, or for ``sample:NAME`` the publisher's sample file bundled with inspectlib, opened
    here so that errors name it as written (``sample:fhrs``), not by where it is installed."""
    if argument == STDIN:
        yield sys.stdin.buffer
    elif argument.startswith("sample:"):
        with open(_sample_file(argument.removeprefix("sample:"), publisher), "rb") as stream:
            stream.raw.name = argument  # type: ignore[attr-defined]  # how errors name it
            yield stream
    else:
        yield argument


def _unreadable(error: OSError) -> str:
    """Why a FILE argument of ``import`` cannot be read, as ``validate`` says it."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot be read: {error.strerror or error}"


def _import_options(arguments: argparse.Namespace, importer: Any) -> dict[str, Any]:
    """The arguments of the importer's ``read`` that the command's options give; an option
    the importer takes no argument for is refused."""
    accepted = inspect.signature(importer.read).parameters
    options: dict[str, Any] = {}
    for flag, name in (("--as-of", "as_of"), ("--encoding", "encoding"), ("--sheet", "sheet")):
        value = getattr(arguments, name)
        if value is None:
            continue
        if name not in accepted:
            raise _Failure(f"{flag} does not apply to the {arguments.publisher} importer")
        options[name] = value
    return options


def _import(arguments: argparse.Namespace) -> int:
    """Import publishers' files; write JSON Lines; say how it went."""
    from .sources import SourceError

    importer = _importer(arguments.publisher)
    err = sys.stderr
    progress = err.isatty() and not arguments.quiet
    errors: list[SourceError] = []
    kept: collections.Counter[str] = collections.Counter()
    counts = {"records": 0}
    options = _import_options(arguments, importer)
    _check_import_arguments(arguments)

    def records() -> Iterator[Record]:
        for argument in arguments.files:
            reported = len(errors)
            try:
                with _source(argument, arguments.publisher) as source:
                    for record in importer.read(source, errors=errors, **options):
                        counts["records"] += 1
                        kept.update(extension_keys(record))
                        yield record
                        if progress and counts["records"] % _PROGRESS_EVERY == 0:
                            unescaped(err).write("\r")
                            err.write(f"{argument}: {counts['records']:,} records")
                            err.flush()
                        reported = _report(errors, reported, progress)
            except OSError as error:
                problem = _file_problem(_unreadable(error))
                errors.append(SourceError(argument, _WHOLE_FILE, [problem]))
            _report(errors, reported, progress)
        if progress and counts["records"] >= _PROGRESS_EVERY:
            err.write("\n")

    if arguments.output is None:
        dump_lines(records(), sys.stdout)
        where = ""
    else:
        where = _import_to(records(), Path(arguments.output), errors, counts)
    total = counts["records"]
    err.write(
        f"{total:,} {'record' if total == 1 else 'records'} imported, "
        f"{len(errors):,} {'error' if len(errors) == 1 else 'errors'}{where}\n"
    )
    if kept:
        fields = ", ".join(f"{key} ({count:,})" for key, count in sorted(kept.items()))
        err.write(f"kept in extensions: {fields}\n")
    return EXIT_INVALID if errors else EXIT_OK


_OPTIONS_FOR_ARGUMENTS = (("pass encoding=", "give --encoding"), ("pass as_of=", "give --as-of"))
"""How importers' advice names their arguments, and the options of ``import`` that give them."""

_WHOLE_FILE = "the file"
"""The item of a :class:`~inspectlib.sources.SourceError` that ends its file."""


class _ImportFailed(Exception):
    """Raised inside the writing of ``import``'s output to leave the file as it was."""


def _check_import_arguments(arguments: argparse.Namespace) -> None:
    """Refuse what is known to fail before a record is read: an unknown sample, standard input
    named twice, an output that cannot be written (the temporary file beside it would only
    fail at the end, naming itself)."""
    for argument in arguments.files:
        if argument.startswith("sample:"):
            _sample_file(argument.removeprefix("sample:"), arguments.publisher)
    if sum(argument == STDIN for argument in arguments.files) > 1:
        raise _Failure("-: standard input is given more than once, and can be read only once")
    output: str | None = arguments.output
    if output is None:
        return
    if os.path.isdir(output):
        raise _Failure(f"{output}: is a directory; name a file to write JSON Lines to")
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise _Failure(f"{output}: no such directory: {folder}")


def _import_to(
    records: Iterator[Record], output: Path, errors: list[Any], counts: dict[str, int]
) -> str:
    """Write *records* to a temporary file beside *output* and rename it over *output* only if
    no item failed: a command that exits 1 leaves the file as it was. What the summary says of
    it.

    A pipe, a device or an open descriptor (``/dev/stdout``) cannot be held back: it is
    written as records come, as standard output is, and where an item fails the summary says
    how many records went out all the same."""
    from ._files import writes_in_place, writing

    in_place = writes_in_place(output)
    try:
        with writing(output) as stream:
            dump_lines(records, stream)
            if errors:
                raise _ImportFailed
    except _ImportFailed:
        if in_place:
            written = counts["records"]
            return (
                f"; {written:,} {'record' if written == 1 else 'records'} written to {output} "
                "all the same (not a regular file: written as records come, not replaced)"
            )
        return f"; nothing written to {output} (it is replaced only when every item imports)"
    return f", written to {output}"


def _file_problem(message: str) -> Any:
    from .sources import SourceProblem

    return SourceProblem("$", message)


def _report(errors: list[Any], reported: int, progress: bool) -> int:
    """Print the errors appended since *reported*; return how many are printed now. A problem
    with a whole file reads as ``validate``'s do (``FILE: MESSAGE``); advice names the
    command's options, not the importers' arguments."""

    if len(errors) > reported and progress:
        unescaped(sys.stderr).write("\r")
    for error in errors[reported:]:
        for problem in error.problems:
            where = error.file if problem.line is None else f"{error.file}:{problem.line}"
            message = problem.message
            for argument, option in _OPTIONS_FOR_ARGUMENTS:
                message = message.replace(argument, option)
            if error.item == _WHOLE_FILE and problem.path == "$":
                sys.stderr.write(f"{where}: {message}\n")
            else:
                sys.stderr.write(f"{where}: {error.item}: {problem.path}: {message}\n")
    return len(errors)


# the parser ----------------------------------------------------------------------------------


_DAY_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        if _DAY_FORM.fullmatch(text):  # the form is right: the day itself does not exist
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a day: {_why_no_day(text)}"
            ) from None
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _why_no_day(text: str) -> str:
    """Why ``YYYY-MM-DD`` *text* names no day: ``"February 2025 has 28 days"``."""
    year, month, _ = (int(part) for part in text.split("-"))
    if year < 1:
        return "there is no year 0"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    return f"{PartialDate.of_month(year, month).describe()} has {days} days"


def _version() -> str:
    from . import __version__  # the package is imported by the time a command runs

    return __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspectlib",
        description="Typed, validated records of inspectorate reports. With no command, shows "
        "the bundled sample inspection.",
        epilog="Exit codes: 0 success, 1 invalid input, 2 wrong usage. Where a file is read, "
        "- reads standard input.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="print the version"
    )
    parser.set_defaults(
        run=_show, source="sample:gmp-child-protection-2024", format="text", today=None
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check documents, printing every problem",
        description="Check JSON documents and JSON Lines files (.jsonl, .ndjson), or standard "
        "input (-). Every problem is printed as FILE[:LINE]: PATH: MESSAGE; exit 1 if there "
        "is any.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("-q", "--quiet", action="store_true", help="no progress on a terminal")
    validate.add_argument(
        "-v", "--verbose", action="store_true", help="name the checks not run, one a line"
    )
    validate.set_defaults(run=_validate)

    show = commands.add_parser(
        "show",
        help="summarise a document or a bundled sample",
        description="Print a readable summary: grades, findings, timeline, deadlines.",
    )
    show.add_argument("source", metavar="PATH|-|sample:NAME")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument(
        "--today",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day to judge lateness on",
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
        help="convert between JSON, JSON Lines, CSV tables and Parquet",
        description="Convert JSON to JSON Lines and back (by the target's extension: .json, "
        ".jsonl, .ndjson), or write the tidy tables of every record into a directory: CSV "
        "files, or a Parquet dataset written in batches, whatever the size of the input. - "
        "reads standard input, or with --to json or jsonl writes standard output.",
    )
    convert.add_argument("source", metavar="PATH|-|sample:NAME")
    convert.add_argument("target", metavar="TARGET|-")
    convert.add_argument("--to", choices=("json", "jsonl", *_TABLE_FORMS), help="the target's form")
    convert.add_argument(
        "--partition-by",
        choices=PARTITIONS,
        help="with --to parquet: the folder of each inspection's rows (Hive style)",
    )
    convert.add_argument(
        "--extension",
        action="append",
        default=[],
        metavar="KEY",
        help="with --to csv or parquet: give this extension key (ofsted:urn) a column; repeat "
        "for more",
    )
    convert.add_argument(
        "--raw",
        action="store_true",
        help="with --to csv: write every cell as the documents hold it, for programs; by "
        "default a cell a spreadsheet would run as a formula (=, +, -, @) starts with an "
        "apostrophe",
    )
    convert.set_defaults(run=_convert)

    samples = commands.add_parser(
        "sample",
        help="list the bundled samples, or print one",
        description="List the bundled samples, or print one as a JSON document.",
    )
    samples.add_argument("name", nargs="?")
    samples.set_defaults(run=_sample)

    from .sources import ENCODINGS, IMPORTERS

    importer = commands.add_parser(
        "import",
        help="import publishers' open data files as records",
        description="Read publishers' files (FILE may be sample:NAME, a publisher's sample "
        "bundled with inspectlib, or - for standard input) and write the records as JSON "
        "Lines, to OUT or to standard output. Every problem is printed as "
        "FILE[:LINE]: ITEM: PATH: MESSAGE on standard error, then a summary; exit 1 if any "
        "item failed.",
    )
    importer.add_argument("publisher", choices=sorted(IMPORTERS))
    importer.add_argument("files", nargs="+", metavar="FILE")
    importer.add_argument("-o", "--output", metavar="OUT.jsonl", help="where to write")
    importer.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=_day,
        default=None,
        help="the day the data was fetched, for sources that do not state it (YYYY-MM-DD)",
    )
    importer.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default=None,
        help="the encoding of CSV files, where the detection cannot tell (default: detected)",
    )
    importer.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help="the sheet of an ODS file to read (default: the first whose header the importer "
        "knows)",
    )
    importer.add_argument("-q", "--quiet", action="store_true", help="no progress on a terminal")
    importer.set_defaults(run=_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit code."""
    arguments = _parser().parse_args(argv)
    with _escaped_output():
        return _run(arguments)


@contextlib.contextmanager
def _escaped_output() -> Iterator[None]:
    """Standard output and error, for the command's length, escaping what a document's text
    could hold to steer a terminal (``\x1b[...``): every line printed passes through
    :func:`~inspectlib._terminal.for_terminal`, every JSON byte written through
    :class:`~inspectlib._terminal.EscapingBytes`."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingText(out), EscapingText(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


_HELD: list[str] = []
"""The messages of the warnings given while a document was read, until :meth:`_Input.results`
prints them with the document's file and line."""


@contextlib.contextmanager
def _held_warnings() -> Iterator[None]:
    """For the command's length, a FormatVersionWarning is held (every one, not once per place
    in the code as Python's default does) to be printed as a line of the command's own; other
    warnings are shown as Python shows them."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", FormatVersionWarning)
        show = warnings.showwarning

        def hold(
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            if issubclass(category, FormatVersionWarning):
                _HELD.append(str(message))
            else:
                show(message, category, filename, lineno, file, line)

        warnings.showwarning = hold
        try:
            yield
        finally:
            _HELD.clear()


def _run(arguments: argparse.Namespace) -> int:
    with _held_warnings():
        return _run_held(arguments)


def _run_held(arguments: argparse.Namespace) -> int:
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
    except ModuleNotFoundError as error:
        # An optional extra is missing (pyarrow for Parquet, ...): its message says what to
        # install, which is all a user needs; the import's traceback would only hide it.
        sys.stderr.write(f"inspectlib: {error}\n")
    return EXIT_INVALID
