"""Sphinx helpers for inspectlib's documentation.

- ``inspectlib-json-schema``, a directive that offers the JSON Schema of the document format as
  a file to download, written beside the page, and shows it in a view collapsed until opened;
  it is generated at build time by :func:`inspectlib.json_schema`, so the page always carries
  the schema the installed inspectlib produces.
- ``inspectlib-fields``, a directive that writes the table of one record's fields in the document
  format, built from that same JSON Schema, so that the format's specification cannot fall behind
  the records.
- inspectlib defines its public names in private modules (``inspectlib._scales.Grade``) and
  re-exports them from ``inspectlib`` or from the public module of their family
  (``inspectlib.dates``...), where the reference documents them, each once: at the top level
  when it is there too. The hooks below make autodoc see them the same way: references that name
  the private module resolve to the public name, and constants and type aliases get the
  docstrings written beside them in their module.
- Records are attrs classes, whose generated ``__init__`` annotates converted fields with the
  converter's parameter type (``Iterable[Any]``). The parameter lists show each field's declared
  type instead (``tuple[Organisation, ...]``), which is what the record holds.
- napoleon reads an attribute docstring that starts ``Words: more words`` as ``type: text``.
  inspectlib's attribute docstrings are prose, their types come from annotations, so that
  reading is turned off.
"""

from __future__ import annotations

import enum
import functools
import importlib
import json
import logging
import pkgutil
import re
import typing
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx_autodoc_typehints import add_type_css_class, format_annotation

import inspectlib

_HTML_OUTPUT: dict[str, Path] = {}
"""Where an HTML build writes its pages, set when the builder starts; files to download go
there too."""


def _remember_html_output(app: Sphinx) -> None:
    if app.builder.format == "html":
        _HTML_OUTPUT["directory"] = Path(app.outdir)
    else:
        _HTML_OUTPUT.pop("directory", None)


def schema_file_name() -> str:
    """The name the JSON Schema is downloaded under: ``inspectlib-1.0.schema.json``."""
    return f"inspectlib-{inspectlib.format.FORMAT_VERSION}.schema.json"


class JSONSchemaDirective(SphinxDirective):
    """The JSON Schema of inspectlib documents: a link to download it as a file, and the schema
    itself in a view that stays collapsed until opened (it runs to thousands of lines)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        text = json.dumps(inspectlib.json_schema(), indent=2) + "\n"
        name = schema_file_name()
        html_output = _HTML_OUTPUT.get("directory")
        if html_output is not None:
            # Beside the page, so that a relative link finds it wherever the site is served.
            folder = Path(html_output, self.env.docname).parent
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        link = nodes.reference("", "", refuri=name)
        link += nodes.literal(name, name)
        offer = nodes.paragraph()
        offer += [nodes.Text("Download the schema: "), link, nodes.Text(".")]
        block = nodes.literal_block(text, text)
        block["language"] = "json"
        lines = text.count("\n")
        opening = f"<details><summary>Show the schema ({lines:,} lines)</summary>"
        return [
            offer,
            nodes.raw("", opening, format="html"),
            block,
            nodes.raw("", "</details>", format="html"),
        ]


_ENVELOPE = ("inspectlib", "kind")
_INLINE_MARKUP = re.compile(r"``(.+?)``|:[a-z:]+:`~?(.+?)`")


def _document_definitions() -> dict[str, str]:
    """The JSON Schema's definitions of whole documents, to the records they hold."""
    return {f"{cls.__name__}Document": cls.__name__ for cls in inspectlib.format.KINDS.values()}


def _record_name(definition: str) -> str:
    """The record a JSON Schema definition describes: ``InspectionDocument`` -> ``Inspection``
    (a whole document), ``Organisation`` -> ``Organisation``."""
    return _document_definitions().get(definition, definition)


def _anchor(definition: str) -> str:
    """The id of the format page's section on a definition: its heading, lower case."""
    return str(nodes.make_id(_record_name(definition)))


def _inline(text: str) -> list[nodes.Node]:
    """Docstring text with its ``literals`` and :roles:`targets` shown as literals."""
    found: list[nodes.Node] = []
    position = 0
    for match in _INLINE_MARKUP.finditer(text):
        found.append(nodes.Text(text[position : match.start()]))
        literal = match[1] or match[2]
        found.append(nodes.literal(literal, literal))
        position = match.end()
    found.append(nodes.Text(text[position:]))
    return found


def _partial_date_pattern() -> str:
    """The pattern the JSON Schema gives partial dates, as it gives it to a period's start."""
    period = inspectlib.json_schema()["$defs"]["Period"]
    return str(period["properties"]["start"]["pattern"])


def _type_of(schema: dict[str, Any]) -> list[nodes.Node]:
    """A field's JSON type in words, with links to the sections on the records it holds."""
    if "$ref" in schema:
        definition = schema["$ref"].rpartition("/")[2]
        link = nodes.reference("", "", internal=True, refuri=f"#{_anchor(definition)}")
        link += nodes.Text(_record_name(definition))
        return [link]
    if "anyOf" in schema:
        members = [member for member in schema["anyOf"] if member != {"type": "null"}]
        found = _type_of(members[0]) if len(members) == 1 else [nodes.Text("any of these")]
        return [*found, nodes.Text(" or null")]
    if "const" in schema:
        return [nodes.literal("", json.dumps(schema["const"]))]
    if "enum" in schema:
        return [nodes.Text("string, one of the values listed")]
    kind = schema.get("type")
    if kind == "array" and schema["items"].get("enum") == sorted(
        inspectlib.catalogue.BUILTIN.scales
    ):
        return [nodes.Text("array of grading scale ids")]
    if kind == "array":
        at_least = ", at least one" if schema.get("minItems") else ""
        return [nodes.Text("array of "), *_type_of(schema["items"]), nodes.Text(at_least)]
    if kind == "object" and "propertyNames" in schema:
        return [nodes.Text("object: namespaced keys to any JSON")]
    if kind == "object" and "additionalProperties" in schema:
        return [nodes.Text("object of strings")]
    if kind == "string" and schema.get("format") == "date":
        return [nodes.Text("date, "), nodes.literal("", "YYYY-MM-DD")]
    if kind == "string" and schema.get("pattern") == _partial_date_pattern():
        return [nodes.Text("partial date")]
    if kind == "string" and schema.get("pattern") == r"\S":
        return [nodes.Text("text, not blank")]
    return [nodes.Text(str(kind))]


def _row(*cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        paragraph = nodes.paragraph()
        paragraph.extend(content)
        entry = nodes.entry()
        entry += paragraph
        row += entry
    return row


def _definition(name: str, tag: str | None) -> dict[str, Any] | None:
    """The JSON Schema of record *name*, or of the member of tagged union *name* whose
    ``type`` is *tag*."""
    definitions = inspectlib.json_schema()["$defs"]
    if tag is not None:
        members = definitions.get(name, {}).get("oneOf", [])
        return next((m for m in members if m["properties"]["type"].get("const") == tag), None)
    documents = {record: definition for definition, record in _document_definitions().items()}
    found: dict[str, Any] | None = definitions.get(documents.get(name, name))
    return found if found is not None and "properties" in found else None


class FieldsDirective(SphinxDirective):
    """The fields of one record of the document format, as a table built from the JSON Schema:
    ``inspectlib-fields Inspection``, or ``inspectlib-fields Evidence quantitative`` for one
    member of a tagged union. What the schema says is what the page says."""

    required_arguments = 1
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        tag = self.arguments[1] if len(self.arguments) > 1 else None
        schema = _definition(name, tag)
        if schema is None:
            raise self.error(f"the JSON Schema defines no record {name!r} {tag or ''}")
        table = nodes.table()
        group = nodes.tgroup(cols=4)
        table += group
        for width in (20, 25, 10, 45):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += _row(*([nodes.Text(title)] for title in ("Field", "Type", "Required", "Meaning")))
        group += head
        body = nodes.tbody()
        # A whole document's envelope is described once, on its own, not in each table.
        document = tag is None and name in _document_definitions().values()
        for field, field_schema in schema["properties"].items():
            if document and field in _ENVELOPE:
                continue
            meaning = _inline(field_schema.get("description", ""))
            values = field_schema.get("enum") or field_schema.get("items", {}).get("enum")
            if values and values != sorted(
                inspectlib.catalogue.BUILTIN.scales
            ):  # the catalogue's ids
                shown = ", ".join(json.dumps(value) for value in values)
                meaning += [nodes.Text(" Values: " if meaning else "Values: ")]
                meaning += [nodes.literal("", shown)]
            required = "yes" if field in schema["required"] else ""
            body += _row(
                [nodes.literal("", field)],
                _type_of(field_schema),
                [nodes.Text(required)],
                meaning,
            )
        group += body
        return [table]


def _public_modules() -> list[str]:
    """``inspectlib`` and its public modules (``inspectlib.dates``...), the top level first."""
    return ["inspectlib"] + [
        module.name
        for module in pkgutil.iter_modules(inspectlib.__path__, "inspectlib.")
        if not module.name.startswith("inspectlib._")
    ]


@functools.cache
def _public_names() -> dict[str, str]:
    """Each public name by its short name, where the reference documents it:
    ``"Lateness"`` -> ``"inspectlib.commissions.Lateness"``."""
    found: dict[str, str] = {}
    for module_name in _public_modules():
        module = importlib.import_module(module_name)
        for name in module.__all__:
            found.setdefault(name, f"{module_name}.{name}")
    return found


def _public_name(target: str) -> str | None:
    """``inspectlib._scales.Grade`` -> ``inspectlib.Grade``, for names inspectlib exports; a
    docstring's short ``UNGRADED`` -> ``inspectlib.judgments.UNGRADED`` and
    ``PartialDate.compare`` -> ``inspectlib.PartialDate.compare`` likewise, as they are written
    in a private module whose names the reference documents in a public one."""
    module, _, name = target.rpartition(".")
    if module.startswith("inspectlib._"):
        return _public_names().get(name)
    head, dot, rest = target.partition(".")
    public = _public_names().get(head)
    return None if public is None else public + dot + rest


def _resolve_private_path(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    if node.get("refdomain") != "py":
        return None
    public = _public_name(node.get("reftarget", ""))
    if public is None:
        return None
    domain: Any = env.get_domain("py")
    resolved: Element | None = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
    )
    return resolved


@functools.cache
def _attribute_docs(module: str) -> dict[tuple[str, str], list[str]]:
    """The docstrings written beside the names of one module, by (scope, name)."""
    return {
        key: list(lines)
        for key, lines in ModuleAnalyzer.for_module(module).find_attr_docs().items()
    }


@functools.cache
def _private_attribute_docs() -> dict[str, list[str]]:
    """The docstrings written beside module-level names in inspectlib's private modules."""
    docs: dict[str, list[str]] = {}
    for module in pkgutil.iter_modules(inspectlib.__path__, "inspectlib."):
        if not module.name.startswith("inspectlib._"):
            continue
        for (scope, name), lines in _attribute_docs(module.name).items():
            if scope == "":
                docs[name] = list(lines)
    return docs


def _docstring_of_reexported_data(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """A constant or alias re-exported from a private module: its docstring from there, rather
    than the docstring of its type (``str``, ``dict``...) that autodoc would fall back on."""
    module, _, short = name.rpartition(".")
    own = module in _public_modules() and ("", short) in _attribute_docs(module)
    if what == "data" and module in _public_modules() and not own:
        found = _private_attribute_docs().get(short)
        if found is not None:
            lines[:] = found


def _read_classes_where_written(app: Sphinx) -> None:
    """A class whose ``__module__`` names its public home (the exceptions say
    ``inspectlib.errors``, so a traceback and pickle use that name) is written in a private
    module, and autodoc reads the docstrings of its attributes from the source of the module
    ``__module__`` names. For the build, each such class names the private module that defines
    it again, as every other class does; :func:`_public_homes_again` undoes it when the build
    ends, for a build run inside another program (the tests) that goes on using the classes."""
    written: dict[str, list[str]] = {}
    for module in pkgutil.walk_packages(inspectlib.__path__, "inspectlib."):
        if module.name.rpartition(".")[2].startswith("_") and module.name != "inspectlib.__main__":
            for name, (kind, _, _) in ModuleAnalyzer.for_module(module.name).find_tags().items():
                if kind == "class":
                    written.setdefault(name, []).append(module.name)
    public_modules = _public_modules()
    for public in public_modules:
        module = importlib.import_module(public)
        for name in module.__all__:
            cls = getattr(module, name)
            if not isinstance(cls, type) or cls.__module__ not in public_modules:
                continue
            for private in written.get(cls.__qualname__, ()):
                if getattr(importlib.import_module(private), cls.__qualname__, None) is cls:
                    _MOVED_FOR_THE_BUILD.append((cls, cls.__module__))
                    cls.__module__ = private


_MOVED_FOR_THE_BUILD: list[tuple[type, str]] = []


def _public_homes_again(app: Sphinx, exception: BaseException | None) -> None:
    while _MOVED_FOR_THE_BUILD:
        cls, home = _MOVED_FOR_THE_BUILD.pop()
        cls.__module__ = home


def _no_inline_attribute_type(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Keep napoleon from reading ``The position on the scale: 0 is...`` as a type."""
    if what in {"attribute", "data", "property"} and any(line.strip() for line in lines):
        # napoleon takes the type from the first line; an empty comment there has no colon.
        lines[:0] = ["..", ""]


# Fields whose type is written with this alias show it, linked to its documentation, rather than
# the recursive union of JSON types it stands for.
_ALIASED = {
    "Extensions": ":py:data:`~inspectlib.Extensions`",
}


def _field_types(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Parameters of an attrs record: the type each field declares."""
    if what not in {"class", "exception"} or not attrs.has(obj):
        return
    hints = typing.get_type_hints(obj)
    written = {
        field.name: str(field.type)
        for cls in reversed(obj.__mro__)
        if attrs.has(cls)
        for field in attrs.fields(cls)
    }
    for index, line in enumerate(lines):
        if not line.startswith(":type "):
            continue
        field = line[len(":type ") :].split(":", 1)[0]
        if field not in hints:
            continue
        shown = _ALIASED.get(written.get(field, "")) or format_annotation(hints[field], app.config)
        lines[index] = f":type {field}: {add_type_css_class(shown)}"


def _include_enum_members(
    app: Sphinx, what: str, name: str, obj: Any, skip: bool, options: Any
) -> bool | None:
    """An enumeration's members are its content: list them, docstring or not."""
    if what == "class" and isinstance(obj, enum.Enum):
        return False
    return None


class _SupersededForwardReferences(logging.Filter):
    """Drop sphinx_autodoc_typehints' complaint that an attrs record's generated ``__init__``
    names ``Iterable`` or ``Mapping`` it cannot resolve: those are the annotations of the
    converters the fields use, and :func:`_field_types` shows the fields' own types instead.
    Any other unresolvable annotation still warns."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("Cannot resolve forward reference"):
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        documented = str(args[0]) if args else ""
        module, _, name = documented.removesuffix(".__init__").rpartition(".")
        public = module in _public_modules()
        record_class = getattr(importlib.import_module(module), name, None) if public else None
        return not (record_class is not None and attrs.has(record_class))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("inspectlib-json-schema", JSONSchemaDirective)
    app.connect("builder-inited", _remember_html_output)
    app.connect("builder-inited", _read_classes_where_written)
    app.connect("build-finished", _public_homes_again)
    app.add_directive("inspectlib-fields", FieldsDirective)
    app.connect("missing-reference", _resolve_private_path)
    # Before napoleon and sphinx_autodoc_typehints (priority 500), except for _field_types,
    # which rewrites what sphinx_autodoc_typehints wrote.
    app.connect("autodoc-process-docstring", _docstring_of_reexported_data, priority=100)
    app.connect("autodoc-process-docstring", _no_inline_attribute_type, priority=200)
    app.connect("autodoc-process-docstring", _field_types, priority=900)
    app.connect("autodoc-skip-member", _include_enum_members)
    logging.getLogger("sphinx.sphinx_autodoc_typehints").addFilter(_SupersededForwardReferences())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
