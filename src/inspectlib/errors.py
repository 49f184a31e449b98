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
  a look-up (:class:`NotFoundError`), a comparison (:class:`IncomparableGradesError`);
- ``XWarning`` for a warning.

:class:`InspectlibError`, :class:`ValidationError`, :class:`InvalidRecord` and :class:`Problem`
are also at the top of :mod:`inspectlib`.

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
    Problem,
    UncertainOrderError,
    ValidationError,
)

__all__ = [
    "InspectlibError",
    "ValidationError",
    "Problem",
    "InvalidRecord",
    "FieldTypeError",
    "InvalidPartialDate",
    "InvalidGrade",
    "FormatVersionError",
    "NotFoundError",
    "IncomparableGradesError",
    "UncertainOrderError",
    "FormatVersionWarning",
]
