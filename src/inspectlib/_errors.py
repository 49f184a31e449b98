"""The exceptions inspectlib raises.

Every exception derives from :class:`InspectlibError`, and each also derives from the builtin
exception a caller would naturally catch (``ValueError`` for bad input, ``TypeError`` for a
comparison that makes no sense), so code that knows nothing of inspectlib still does the right
thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from ._paths import Step, parse, render

__all__ = [
    "FieldTypeError",
    "InvalidRecord",
    "FormatVersionWarning",
    "FormatVersionError",
    "IncomparableGradesError",
    "InspectlibError",
    "InvalidGrade",
    "InvalidPartialDate",
    "NotFoundError",
    "OutputExistsError",
    "Problem",
    "UncertainOrderError",
    "ValidationError",
]


class InspectlibError(Exception):
    """The base class of every exception inspectlib defines.

    .. versionadded:: 0.1.0
    """


@attrs.frozen
class Problem:
    """One thing wrong with a record, and where it is.

    *path* is JSON-style and rooted at ``$``, the record being checked:
    ``$.graded_areas[2].judgment``; :attr:`steps` are the same place as keys and indexes, for
    a tool to follow without reading the text. A key that would read ambiguously after a dot
    is written as a JSON string in brackets: ``$.extensions["a.b"]``. Build a problem from
    its steps with :meth:`at`; one built from a path takes its steps from it, and a path
    inspectlib would not write (``$.a..b``, ``$["plain"]``) is an :class:`InvalidRecord`.

    A problem of something that is not a document has a place of another kind as its *path*,
    and no steps: a table's cell read by :func:`~inspectlib.tables.read_tables`
    (``evidence.csv:3:count``), or a file.

    .. versionadded:: 0.1.0
    """

    path: str
    """Where the problem is: ``$`` is the record or document checked."""
    message: str
    """What is wrong, in words: ``"duplicate area key 'leadership'"``."""
    line: int | None = None
    """The line of a JSON Lines file the problem is on, where there is one."""
    steps: tuple[Step, ...] | None = attrs.field(
        init=False,
        repr=False,
        eq=False,  # the path says the same
        default=attrs.Factory(lambda self: _steps_of(self.path), takes_self=True),
    )
    """Where the problem is, as the keys (:class:`str`) and indexes (:class:`int`) from the
    record or document checked: ``("graded_areas", 2, "judgment")``; ``()`` for ``$``;
    ``None`` where *path* is not a place in a document (a table's cell, a file).

    .. versionadded:: 0.1.0
    """

    @classmethod
    def at(cls, steps: tuple[Step, ...], message: str, line: int | None = None) -> Problem:
        """The problem *message* at *steps*, its :attr:`path` rendered from them.

        >>> Problem.at(("extensions", "yourtool:a.b"), "is not allowed").path
        '$.extensions["yourtool:a.b"]'

        .. versionadded:: 0.1.0
        """
        return cls(render(steps), message, line)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.line is None else f"line {self.line}: {self.path}: "
        return where + self.message


def _steps_of(path: object) -> tuple[Step, ...] | None:
    if type(path) is not str:
        raise InvalidRecord(f"Problem.path: expected str, got {type(path).__name__}")
    if not path.startswith("$"):
        return None
    try:
        return parse(path)
    except ValueError as error:
        raise InvalidRecord(f"Problem.path: {error}") from None


class ValidationError(InspectlibError, ValueError):
    """A record, or a document, breaks one or more rules.

    It carries *every* problem found, not just the first, as :attr:`problems`. ``str()`` of it
    lists them one per line, each with its path, so that it reads well in a terminal and a log.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]
    """Every problem found, in document order; never empty."""
    subject: str
    """What was checked: ``"Inspection 'hmicfrs/ncpi/2024/greater-manchester'"``, a file's
    name, or ``"document"``."""

    skipped: tuple[str, ...]
    """The checks that could not run because of the problems found, by name: a document that
    cannot be read into a record is not given the cross-field rules (unique area keys, the
    framework's rules...), which need the whole record. They run once :attr:`problems` are
    fixed. Empty when every check ran.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, subject: str, problems: Iterable[Problem], *, skipped: Iterable[str] = ()
    ) -> None:
        self.subject = subject
        self.problems = tuple(problems)
        self.skipped = tuple(skipped)
        if not self.problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__(subject, self.problems)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword arguments are not pickled by BaseException's own reduce.
        return (_rebuild, (type(self), self.subject, self.problems, self.skipped))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.subject} is invalid: {count} {noun}"]
        lines.extend(f"  {problem}" for problem in self.problems)
        if self.skipped:
            lines.append(f"  ({skipped_summary(self.skipped)})")
        return "\n".join(lines)


def skipped_summary(skipped: tuple[str, ...]) -> str:
    """``"17 checks skipped until these problems are fixed"``."""
    count = len(skipped)
    noun = "check" if count == 1 else "checks"
    return f"{count} {noun} skipped until these problems are fixed"


def _rebuild(
    cls: type[ValidationError],
    subject: str,
    problems: tuple[Problem, ...],
    skipped: tuple[str, ...],
) -> ValidationError:
    return cls(subject, problems, skipped=skipped)


class InvalidRecord(InspectlibError, ValueError):
    """A record was built with a value its field refuses, or with fields that contradict each
    other in a way no record may hold (a source with neither URL nor title).

    These are the invariants checked whenever a record is made, :func:`attrs.evolve` included;
    rules that need a whole inspection are :func:`~inspectlib.validate`'s.

    .. versionadded:: 0.1.0
    """


class FieldTypeError(InvalidRecord, TypeError):
    """A record was built with a value of the wrong type for its field.

    Every field's declared type is enforced when a record is built, :func:`attrs.evolve`
    included: text where text is meant, a whole number (never ``True``) where a whole number
    is meant, a :class:`datetime.date` (never a ``datetime``) where a day is
    meant, a tuple or list of records where several are meant, and ``None`` only where a
    field is optional. The message names the record, the field and the item where there is
    one, what was expected and what was given::

        GradedArea.judgment: expected Grade, NonGrade, CarriedForward or Inherited, got str 'Good'

    It is an :class:`InvalidRecord`, so code that catches those catches it too, and a
    :class:`TypeError`, as Python's own wrong-type errors are.

    .. versionadded:: 0.1.0
    """

    record: str
    """The record's class name: ``"GradedArea"``."""
    field: str
    """The field's name: ``"judgment"``."""
    at: tuple[str | int, ...]
    """Where in the field the wrong value is: ``(2,)`` for its third item, a key for a
    mapping's entry; empty for the field itself."""
    expected: str
    """What the field takes, in words: ``"Grade, NonGrade, CarriedForward or Inherited"``."""
    given: str
    """What it was given: its type and a shortened repr (``"str 'Good'"``)."""

    def __init__(
        self, record: str, field: str, expected: str, given: str, at: tuple[str | int, ...] = ()
    ) -> None:
        self.record = record
        self.field = field
        self.at = at
        self.expected = expected
        self.given = given
        where = "".join(f"[{step!r}]" for step in at)
        super().__init__(f"{record}.{field}{where}: expected {expected}, got {given}")

    @property
    def reason(self) -> str:
        """The message without the record and field: ``"expected ..., got ..."``."""
        return f"expected {self.expected}, got {self.given}"

    def __reduce__(self) -> tuple[type[FieldTypeError], tuple[object, ...]]:
        # The default rebuilds from the message alone, which __init__ does not take.
        return (type(self), (self.record, self.field, self.expected, self.given, self.at))


class FormatVersionError(ValidationError):
    """A document's major format version is not one this inspectlib can read.

    .. versionadded:: 0.1.0
    """


class FormatVersionWarning(UserWarning):
    """A document is of a newer minor format version than this inspectlib writes.

    It is read all the same; fields this inspectlib does not know are dropped, and a second
    warning names them.

    .. versionadded:: 0.1.0
    """


class NotFoundError(InspectlibError, LookupError):
    """A look-up by id or name found nothing: a framework, a scale, an area.

    The message suggests the closest matches where there are any.

    .. versionadded:: 0.1.0
    """


class OutputExistsError(InspectlibError, FileExistsError):
    """A writer of tables was given a place that holds something already: a directory with
    files in it, or a file. Tables are written to a new or an empty directory, so that no table
    of an earlier run stays beside the new ones as if it were one of them.

    .. versionadded:: 0.1.0
    """


def refuse_used_directory(directory: Path) -> None:
    """Raise :class:`OutputExistsError` unless *directory* is missing or an empty directory."""
    if not directory.exists():
        return
    if not directory.is_dir():
        raise OutputExistsError(
            f"{directory}: a file, not a directory; write the tables to a new or empty directory"
        )
    if next(directory.iterdir(), None) is not None:
        raise OutputExistsError(
            f"{directory}: not an empty directory; write the tables to a new or empty one"
        )


class InvalidPartialDate(InspectlibError, ValueError):
    """Text that cannot be read as a (partial) date, or date parts that do not fit together.

    .. versionadded:: 0.1.0
    """


class InvalidGrade(InspectlibError, ValueError):
    """A grade label that is not on the grading scale it was looked up in.

    The message lists the scale's valid labels.

    .. versionadded:: 0.1.0
    """


class IncomparableGradesError(InspectlibError, TypeError):
    """Two judgments were compared that cannot be ordered against each other.

    Grades compare only with grades of the same scale: a "Good" on HMICFRS's four-point PEEL
    scale says something different from a "Good" on its five-point scale.

    .. versionadded:: 0.1.0
    """


class UncertainOrderError(InspectlibError, TypeError):
    """Two partial dates were compared whose order is not known.

    "June 2025" is neither before nor after "2025" for certain: use
    :meth:`inspectlib.PartialDate.compare` to get an answer that can say "unknown".

    .. versionadded:: 0.1.0
    """
