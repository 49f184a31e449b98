"""The codec: one catalogue's records to and from their wire form.

A :class:`Codec` owns what turning a document's fields into a record needs: the converters the
wire rules of :mod:`inspectlib._converter` make for one catalogue (a fast one for the valid
documents nearly all are, a detailed one that finds and locates every problem of the others),
the cache they are kept in, the reading of a newer minor version that drops what it does not
know, and the translation of what cattrs raises into :class:`Problem` objects.

It knows nothing of envelopes, files or cross-field rules: :mod:`inspectlib._documents` opens
the envelope, hands the record's fields here, and checks the record it gets back.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Final

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ._builtin import catalogue_or_builtin
from ._catalogue import Catalogue
from ._converter import DROPPING, Dropped, document_writer, make_converter, unknown_field
from ._errors import Problem, ValidationError
from ._extensions import Step
from ._field_types import type_problems
from ._fields import FieldValueError
from ._limits import DEFAULT_LIMITS, Limits
from ._wire_types import WireError

__all__ = ["Codec", "Located", "located_problems", "problems_of"]

Located = tuple[tuple[Step, ...], str]
"""A problem as the codec finds it: the steps from the structured value down to it, and what
is wrong."""

_KEPT_CONVERTERS: Final = 16
"""How many converters a codec keeps: each costs a few hundred kilobytes, and a program that
reads with ever new limits must not grow without end."""


class Codec:
    """The wire form of the records of one catalogue, both ways.

    Get one with :meth:`of`: each catalogue has one codec, built when first needed and kept as
    long as the catalogue lives.
    """

    _of: Final[weakref.WeakKeyDictionary[Catalogue, Codec]] = weakref.WeakKeyDictionary()
    _of_lock: Final = threading.Lock()
    # The catalogue asked for last and its codec, found without the weak map's look-up (which
    # makes a weak reference each time); both held weakly, so that neither outlives the map's.
    _last: ClassVar[tuple[weakref.ref[Catalogue], weakref.ref[Codec]] | None] = None

    def __init__(self, catalogue: Catalogue, kinds: Iterable[type[Any]]) -> None:
        self.scales = catalogue.scales
        self.kinds = tuple(kinds)
        self._converters: dict[tuple[bool, Limits, bool], cattrs.Converter] = {}
        self._lock = threading.Lock()
        # Written with the default limits, whatever limits a reading was given.
        fast = self.converter(detailed=False)
        # Each kind's own functions, looked up once rather than dispatched on every record: the
        # writers, and the readers of what nearly every document is read with (the default
        # limits, this inspectlib's own format version).
        self._writers = {kind: fast.get_unstructure_hook(kind) for kind in self.kinds}
        self._readers = {kind: fast.get_structure_hook(kind) for kind in self.kinds}

    @classmethod
    def of(cls, catalogue: Catalogue | None, kinds: Iterable[type[Any]]) -> Codec:
        """The codec of *catalogue* (the built-in one for ``None``) for records of *kinds*."""
        catalogue = catalogue_or_builtin(catalogue)
        last = cls._last  # one read: another thread may replace it meanwhile
        if last is not None and last[0]() is catalogue:
            known = last[1]()
            if known is not None:
                return known
        codec = cls._of.get(catalogue)
        if codec is None:
            codec = cls(catalogue, kinds)
            with cls._of_lock:
                # Two threads may both build one; either is complete, and the first stored wins.
                codec = cls._of.setdefault(catalogue, codec)
        cls._last = (weakref.ref(catalogue), weakref.ref(codec))
        return codec

    def converter(
        self, *, detailed: bool, limits: Limits = DEFAULT_LIMITS, dropping: bool = False
    ) -> cattrs.Converter:
        """The converter for one way of reading, built once and kept (at most a few)."""
        # max_bytes is checked before any converter runs: limits that differ only there share one.
        if limits.max_bytes != DEFAULT_LIMITS.max_bytes:
            limits = attrs.evolve(limits, max_bytes=DEFAULT_LIMITS.max_bytes)
        key = (detailed, limits, dropping)
        converter = self._converters.get(key)
        if converter is None:
            converter = make_converter(
                self.scales, detailed_validation=detailed, limits=limits, dropping=dropping
            )
            # Build every hook now, not on first use, so that threads share a finished converter.
            for kind in self.kinds:
                converter.get_structure_hook(kind)
                converter.get_unstructure_hook(kind)
            with self._lock:
                # Two threads may both build one; either is complete, and the last stored wins.
                self._converters[key] = converter
                while len(self._converters) > _KEPT_CONVERTERS:  # the oldest goes first
                    del self._converters[next(iter(self._converters))]
        return converter

    @property
    def kept(self) -> int:
        """How many converters this codec holds now."""
        return len(self._converters)

    def structure(
        self, body: dict[str, Any], cls: type[Any], limits: Limits, *, newer: bool
    ) -> tuple[Any, list[Located], Dropped | None]:
        """The record of *cls* that *body* holds, or every problem that stops it being built.

        Returns the record (``None`` on failure), the located problems (empty on success), and,
        for a document of a newer minor version (*newer*), the keys that were dropped.
        """
        # A newer minor version may add fields: those this inspectlib does not know are
        # dropped, not refused, and noted. Nothing is copied to drop them.
        dropped = Dropped() if newer else None
        record = self._fast(body, cls, limits, dropped)
        if record is not None:
            return record, [], dropped
        # Outside the handler of the fast pass's failure, so that what it built half-way is
        # freed before the detailed pass builds it all again.
        return None, self._detailed(body, cls, limits, newer), dropped

    def _fast(
        self, body: dict[str, Any], cls: type[Any], limits: Limits, dropped: Dropped | None
    ) -> Any:
        """The record, read by the fast converter; ``None`` at its first problem."""
        if dropped is None and limits is DEFAULT_LIMITS and DROPPING.get() is None:
            reader = self._readers.get(cls)
            if reader is not None:
                try:
                    return reader(body, cls)
                except Exception:
                    return None
        converter = self.converter(detailed=False, limits=limits, dropping=dropped is not None)
        token = DROPPING.set(dropped)
        try:
            return converter.structure(body, cls)
        except Exception:
            return None
        finally:
            DROPPING.reset(token)

    def _detailed(
        self, body: dict[str, Any], cls: type[Any], limits: Limits, newer: bool
    ) -> list[Located]:
        """Every problem of *body*, read again by the detailed converter."""
        converter = self.converter(detailed=True, limits=limits, dropping=newer)
        token = DROPPING.set(Dropped() if newer else None)
        try:
            converter.structure(body, cls)
        except Exception as error:
            return located_problems(error) or [((), str(error))]
        finally:
            DROPPING.reset(token)
        # The fast pass failed where the detailed one did not: say so rather than hide it.
        return [((), "the document could not be read, though no problem could be located")]

    def document_writer(
        self, kind: type[Any], envelope: Mapping[str, str], *, shares: bool
    ) -> Callable[[Any], dict[str, Any]]:
        """The function that writes a record of *kind* as a document: the keys of *envelope*,
        then the wire form of its fields, in one dict. With *shares*, the dict may hold objects
        the codec keeps (a catalogue grade's written form), the record's own tuples of plain
        values and its days as ``datetime.date``: for a dict that only goes to the JSON
        encoder. Each call generates one: the caller keeps it.

        The function raises what the writing raises; :func:`refuse_wrong_types` says which
        fields hold a value of the wrong type (only a record changed behind its constructor's
        back can).
        """
        return document_writer(self._writers[kind], envelope, shares=shares)


def refuse_wrong_types(record: Any, subject: str) -> None:
    """Raise a ValidationError naming the fields of *record* that hold a value of the wrong type,
    if there are any."""
    wrong = type_problems(record)
    if wrong:
        raise ValidationError(subject, [Problem.at(at, message) for at, message in wrong]) from None


def located_problems(error: BaseException) -> list[Located]:
    """Flatten what a converter raised into (steps, message) pairs, in document order.

    The steps are the keys and indexes from the structured value down to each problem.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Located] = []
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            step: Step
            if isinstance(note, AttributeValidationNote):
                step = note.name
            elif isinstance(note, IterableValidationNote):
                step = note.index
            else:  # pragma: no cover - cattrs notes are one or the other
                continue
            found.extend(((step, *at), message) for at, message in located_problems(inner))
        for inner in without_notes:
            found.extend(located_problems(inner))
        return found
    if isinstance(error, ExceptionGroup):
        return [pair for inner in error.exceptions for pair in located_problems(inner)]
    return _located_one(error)


def _located_one(error: BaseException) -> list[Located]:
    if isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        return [((key,), unknown_field(key, known)) for key in sorted(error.extra_fields)]
    if isinstance(error, WireError):
        return [(error.at, error.message)]
    if isinstance(error, FieldValueError):
        return [((error.field,), error.reason)]
    if isinstance(error, KeyError):
        return [((), "missing required field")]
    return [((), str(error))]


def problems_of(error: BaseException) -> list[Problem]:
    """Flatten what a converter raised into problems with paths, in document order."""
    return [Problem.at(at, message) for at, message in located_problems(error)]
