"""The JSON Schema of the document format, generated from the records themselves.

It walks the same attrs classes and type hints the converter structures, so a field added to a
record appears in the schema with no further edit; the special types (dates, grades, tagged
unions, references to scales) mirror the converter's hooks one for one.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from typing import Any, get_args, get_origin

import attrs

from ._builtin import catalogue_or_builtin
from ._catalogue import Catalogue
from ._converter import _JUDGMENT_TYPES, EVIDENCE_TAGS
from ._documents import FORMAT_VERSION, KINDS
from ._fields import NOT_BLANK_PATTERN, not_blank, not_empty, validators_of
from ._frozen import FrozenDict
from ._inspections import Inspection
from ._judgments import Inherited, Judgment
from ._partial_dates import PartialDate
from ._scales import Grade
from ._stated_dates import StatedDate

__all__ = ["DATE_PATTERN", "PARTIAL_DATE_PATTERN", "json_schema"]

# A day that exists, as a regular expression: a validator's "format": "date" check is optional
# (off by default in most), and a pattern is not. Months have their lengths; 29 February needs
# a leap year: divisible by 4, and by 400 for a century. Year 0000 is no year of the calendar.
_YEAR = "(?!0000)[0-9]{4}"
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_DAY = (
    f"({_YEAR}-(01|03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01])"
    f"|{_YEAR}-(04|06|09|11)-(0[1-9]|[12][0-9]|30)"
    f"|{_YEAR}-02-(0[1-9]|1[0-9]|2[0-8])"
    f"|{_LEAP_YEAR}-02-29)"
)

DATE_PATTERN = f"^{_DAY}$"
"""An exact day, ``YYYY-MM-DD``, as a regular expression that refuses days that do not exist
(``2024-13-45``, ``2023-02-29``)."""

PARTIAL_DATE_PATTERN = (
    rf"^(\.\./)?({_DAY}|[0-9]{{4}}(-Q[1-4]|-(spring|summer|autumn|winter)"
    r"|-(0[1-9]|1[0-2])(-(early|mid|late))?)?)$"
)
"""The canonical partial date forms, as a regular expression; a day must exist."""

_MAJOR = FORMAT_VERSION.split(".")[0]


class _Builder:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, hint: Any) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        if hint is datetime.date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if hint is PartialDate:
            return {"type": "string", "pattern": PARTIAL_DATE_PATTERN}
        if hint == StatedDate:
            # A day is checked as a calendar date; any other canonical form as a partial date.
            day = self.of_type(datetime.date)
            return {
                "type": "string",
                "anyOf": [
                    day,
                    {"pattern": PARTIAL_DATE_PATTERN, "not": {"pattern": day["pattern"]}},
                ],
            }
        if hint == Judgment:
            return self.judgment()
        if hint is Grade:
            return self.grade()
        if get_origin(hint) is FrozenDict:
            if get_args(hint)[1] is str:
                return {"type": "object", "additionalProperties": {"type": "string"}}
            return {"type": "object", "propertyNames": {"pattern": "^[^:]+:.+$"}}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        origin = get_origin(hint)
        if origin is tuple:
            return {"type": "array", "items": self.of_type(get_args(hint)[0])}
        if origin is types.UnionType or origin is typing.Union:
            members = [arg for arg in get_args(hint) if arg is not type(None)]
            if frozenset(members) == frozenset(EVIDENCE_TAGS):
                return self.evidence()
            inner = self.of_type(members[0] if len(members) == 1 else _union(members))
            return {"anyOf": [inner, {"type": "null"}]}
        if attrs.has(hint):
            return self.record(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")

    def record(self, cls: type[Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: records may nest themselves
            self.defs[name] = self.object_of(cls)
        return self.ref(name)

    def object_of(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            schema: dict[str, Any]
            if cls is Inspection and field.name == "scales":
                schema = {"type": "array", "items": {"enum": sorted(self.catalogue.scales)}}
            else:
                schema = self.of_type(hints[field.name])
            if _has_validator(field, not_blank):
                _require_text(schema)
            if _has_validator(field, not_empty):
                schema["minItems"] = 1
            doc = _field_doc(cls, field.name)
            if doc:
                schema = {**schema, "description": doc}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        return {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def grade(self) -> dict[str, Any]:
        if "Grade" not in self.defs:
            scales = self.catalogue.scales
            self.defs["Grade"] = {
                "type": "object",
                "properties": {"scale": {"enum": sorted(scales)}, "grade": {"type": "string"}},
                "required": ["scale", "grade"],
                "allOf": [
                    {
                        "if": {"properties": {"scale": {"const": scale_id}}},
                        "then": {"properties": {"grade": {"enum": list(scale.keys)}}},
                    }
                    for scale_id, scale in sorted(scales.items())
                ],
            }
        return self.ref("Grade")

    def judgment(self) -> dict[str, Any]:
        if "Judgment" not in self.defs:
            grade = self.grade()
            tagged_grade = {
                "type": "object",
                "properties": {"type": {"const": "grade"}, "scale": {}, "grade": {}},
                "required": ["type", "scale", "grade"],
                "additionalProperties": False,
                "allOf": [grade],
            }
            non_grades = [
                {
                    "type": "object",
                    "properties": {"type": {"const": tag}},
                    "required": ["type"],
                    "additionalProperties": False,
                }
                for tag in _JUDGMENT_TYPES
                if tag not in ("grade", "carried_forward", "inherited")
            ]
            carried = {
                "type": "object",
                "properties": {
                    "type": {"const": "carried_forward"},
                    "from_inspection": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    "grade": {"anyOf": [grade, {"type": "null"}]},
                },
                "required": ["type"],
                "additionalProperties": False,
            }
            body = self.object_of(Inherited)
            inherited = {
                **body,
                "properties": {"type": {"const": "inherited"}, **body["properties"]},
                "required": ["type", *body["required"]],
            }
            self.defs["Judgment"] = {"oneOf": [tagged_grade, *non_grades, carried, inherited]}
        return self.ref("Judgment")

    def evidence(self) -> dict[str, Any]:
        if "Evidence" not in self.defs:
            members = []
            for cls, tag in EVIDENCE_TAGS.items():
                body = self.object_of(cls)
                members.append(
                    {
                        **body,
                        "properties": {"type": {"const": tag}, **body["properties"]},
                        "required": ["type", *body["required"]],
                    }
                )
            self.defs["Evidence"] = {"oneOf": members}
        return self.ref("Evidence")

    def document(self, kind: str, cls: type[Any]) -> dict[str, Any]:
        body = self.object_of(cls)
        return {
            **body,
            "title": f"inspectlib {kind} document",
            "properties": {
                "inspectlib": {"type": "string", "pattern": rf"^{_MAJOR}\.[0-9]+$"},
                "kind": {"const": kind},
                **body["properties"],
            },
            "required": ["inspectlib", "kind", *body["required"]],
        }


def _union(members: list[Any]) -> Any:
    union: Any = members[0]
    for member in members[1:]:
        union = union | member
    return union


def _has_validator(field: attrs.Attribute[Any], wanted: Any) -> bool:
    return wanted in validators_of(field)


def _require_text(schema: dict[str, Any]) -> None:
    if schema.get("type") == "string":
        schema["pattern"] = NOT_BLANK_PATTERN
    for member in schema.get("anyOf", ()):
        _require_text(member)


def _field_doc(cls: type[Any], name: str) -> str | None:
    # Napoleon-style "Args:" sections hold each field's description: reuse them, so the schema
    # says what the reference documentation says.
    doc = cls.__doc__ or ""
    marker = f"        {name}: "
    start = doc.find(marker)
    if start < 0:
        return None
    lines = [doc[start + len(marker) :].split("\n", 1)[0]]
    for line in doc[start:].split("\n")[1:]:
        if not line.startswith("            "):
            break
        lines.append(line.strip())
    return " ".join(lines).strip()


def json_schema(catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of inspectlib documents.

    A document of any kind validates against it. Grades are checked against the scales of
    *catalogue* (the built-in one by default), so a schema for documents that use your own
    scales comes from ``json_schema(BUILTIN.with_scales(...))``.

    .. versionadded:: 0.1.0
    """
    builder = _Builder(catalogue_or_builtin(catalogue))
    # Dispatch on "kind" with if/then rather than oneOf, so that a validator reports the
    # problems of the one kind a document claims to be, not a failure to match any.
    dispatch = []
    for kind, cls in KINDS.items():
        name = f"{cls.__name__}Document"
        builder.defs[name] = builder.document(kind, cls)
        dispatch.append(
            {"if": {"properties": {"kind": {"const": kind}}}, "then": builder.ref(name)}
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:inspectlib:format:{FORMAT_VERSION}",
        "title": f"inspectlib document, format {FORMAT_VERSION}",
        "type": "object",
        "properties": {
            "inspectlib": {"type": "string", "pattern": rf"^{_MAJOR}\.[0-9]+$"},
            "kind": {"enum": list(KINDS)},
        },
        "required": ["inspectlib", "kind"],
        "allOf": dispatch,
        "$defs": dict(sorted(builder.defs.items())),
    }
