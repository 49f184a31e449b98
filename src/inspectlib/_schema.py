"""The JSON Schema of the document format, generated from the records themselves.

It walks the same attrs classes and type hints the converter structures, so a field added to a
record appears in the schema with no further edit; the special types (dates, grades, tagged
unions, references to scales) mirror the converter's hooks one for one.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any, get_args, get_origin

import attrs

from ._builtin import catalogue_or_builtin
from ._catalogue import Catalogue
from ._converter import _JUDGMENT_TYPES, EVIDENCE_TAGS
from ._documents import FORMAT_VERSION, KINDS
from ._field_types import type_hints
from ._fields import NOT_BLANK_PATTERN, not_blank, not_empty, validators_of
from ._frozen import FrozenDict
from ._inspections import Inspection
from ._judgments import Inherited, Judgment
from ._scales import Grade
from ._stated_dates import StatedDate
from ._wire_types import SCALARS, STATED_DATE

__all__ = ["field_descriptions", "json_schema"]

_MAJOR = FORMAT_VERSION.split(".")[0]


class _Builder:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of_type(self, hint: Any) -> dict[str, Any]:
        scalar = SCALARS.get(hint) if isinstance(hint, type) else None
        if scalar is not None:
            return dict(scalar.schema)
        if hint == StatedDate:
            return dict(STATED_DATE.schema)
        if hint == Judgment:
            return self.judgment()
        if hint is Grade:
            return self.grade()
        if attrs.has(hint):
            return self.record(hint)
        origin = get_origin(hint)
        if origin is FrozenDict:
            if get_args(hint)[1] is str:
                return {"type": "object", "additionalProperties": {"type": "string"}}
            return {"type": "object", "propertyNames": {"pattern": "^[^:]+:.+$"}}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        if origin is tuple:
            return {"type": "array", "items": self.of_type(get_args(hint)[0])}
        if origin is types.UnionType or origin is typing.Union:
            return self.union(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")

    def union(self, hint: Any) -> dict[str, Any]:
        members = [arg for arg in get_args(hint) if arg is not type(None)]
        if frozenset(members) == frozenset(EVIDENCE_TAGS):
            return self.evidence()
        inner = self.of_type(members[0] if len(members) == 1 else _union(members))
        return {"anyOf": [inner, {"type": "null"}]}

    def record(self, cls: type[Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: records may nest themselves
            self.defs[name] = self.object_of(cls)
        return self.ref(name)

    def object_of(self, cls: type[Any]) -> dict[str, Any]:
        hints = type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        descriptions = field_descriptions(cls)
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
            doc = descriptions.get(field.name)
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


def field_descriptions(cls: type[Any]) -> Mapping[str, str]:
    """Each field's description, from the one place a record declares it: the ``Args:``
    section of its docstring, which the reference documentation renders too.

    The section is read by its structure, whatever its indentation: an entry is a line
    ``name: text`` at the section's first indentation, and the lines indented deeper continue it.
    """
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if line.strip() == "Args:"), len(lines))
    found: dict[str, list[str]] = {}
    entry: list[str] = []
    level = None
    for line in lines[start:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        level = indent if level is None else level
        if indent < level:
            break  # the section ends where the text comes back out
        if indent == level:
            name, _, text = line.strip().partition(":")
            entry = found.setdefault(name, [])
            entry.append(text.strip())
        else:
            entry.append(line.strip())
    return {name: " ".join(parts).strip() for name, parts in found.items()}


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
