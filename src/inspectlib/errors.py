"""Every exception and warning inspectlib raises, and :class:`Problem`, one thing wrong.

Every exception derives from :class:`InspectlibError`, and also from the builtin exception a
caller would naturally catch (:class:`ValueError` for bad input, :class:`TypeError` for a
comparison that has no answer, :class:`LookupError` for a look-up that found nothing).

The names follow one rule:

- ``InvalidX`` when the value given cannot be made into an *X*: text that is not a partial date
  (:class:`InvalidPartialDate`), a label that is not a grade of the scale (:class:`InvalidGrade`),
  values a record refuses (:class:`InvalidRecord`);
- ``XError`` for every other failure, named for what failed: a document or record that breaks
  rules (:class:`ValidationError`), a version this reader cannot read (:class:`FormatVersionError`),
  a look-up (:class:`NotFoundError`), a place to write that is used already
  (:class:`OutputExistsError`), a comparison (:class:`IncomparableGradesError`);
- ``XWarning`` for a warning.

A record built with a value its field refuses raises an :class:`InvalidRecord`: a
:class:`FieldTypeError` for a value of the wrong type, a :class:`FieldValueError` for one of the
right type that breaks the field's rule (blank text, an empty list), an
:class:`InvalidExtension` for ``extensions`` that are not namespaced JSON.

:class:`InspectlibError`, :class:`ValidationError`, :class:`InvalidRecord` and :class:`Problem`
are also at the top of :mod:`inspectlib`.

One exception lives elsewhere: :class:`inspectlib.sources.SourceError` (a
:class:`ValidationError`), raised only by the importers, is in :mod:`inspectlib.sources`
beside the :class:`~inspectlib.sources.SourceProblem` it carries, so that reading a document
never loads the importers' parsers.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from ._errors import (
    FieldTypeError,
    FormatVersionError,
    FormatVersionWarning,
    IncomparableGradesError,
    InspectlibError,
    InvalidGrade,
    InvalidPartialDate,
    InvalidRecord,
    NotFoundError,
    OutputExistsError,
    Problem,
    UncertainOrderError,
    ValidationError,
)
from ._extensions import InvalidExtension
from ._fields import FieldValueError
from ._surface import offer_only

__all__ = [
    "InspectlibError",
    "ValidationError",
    "Problem",
    "InvalidRecord",
    "FieldTypeError",
    "FieldValueError",
    "InvalidExtension",
    "InvalidPartialDate",
    "InvalidGrade",
    "FormatVersionError",
    "NotFoundError",
    "OutputExistsError",
    "IncomparableGradesError",
    "UncertainOrderError",
    "FormatVersionWarning",
]

# Each exception and warning says it is ``inspectlib.errors.X``, its public home, wherever it is
# defined: in a traceback, in ``help()`` and when pickled (pickle finds it here by that name).
for _name in __all__:
    _class = globals()[_name]
    if issubclass(_class, BaseException):
        _class.__module__ = __name__
del _name, _class

offer_only(__name__, __all__)
