"""The hand-written reference cannot fall behind the package: every public name is documented,
and the format specification covers every record and document kind."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

import inspectlib
from public_api import PUBLIC_MODULES

REFERENCE = Path(__file__).parents[1] / "docs" / "reference"
# An autodoc directive, or a description written by hand where autodoc cannot be used.
DIRECTIVE = re.compile(
    r"^\.\. (?:auto(?:class|exception|function|data|module)|py:data)::\s+(\S+)", re.MULTILINE
)
FIELDS = re.compile(r"^```\{inspectlib-fields\}\s+(\S+)(?:\s+(\S+))?\s*$", re.MULTILINE)
# Described in prose and tables of their own on the format page, not by inspectlib-fields.
DESCRIBED_BY_HAND = {"Judgment", "Grade"}


def documented_names() -> set[str]:
    return {name for page in REFERENCE.glob("*.md") for name in DIRECTIVE.findall(page.read_text())}


def resolve(dotted: str) -> object:
    module_name, _, name = dotted.rpartition(".")
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        return getattr(importlib.import_module(module_name), name)


def documented_at(module: ModuleType, name: str) -> str:
    """Where the reference documents a public name: each object once, at the top level when it
    is there as well as in its family's module (``inspectlib.PartialDate``, not
    ``inspectlib.dates.PartialDate``)."""
    top = module is not inspectlib and name in inspectlib.__all__
    if top and getattr(inspectlib, name) is getattr(module, name):
        return f"inspectlib.{name}"
    return f"{module.__name__}.{name}"


@pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda module: module.__name__)
def test_every_public_name_is_in_the_reference(module: ModuleType) -> None:
    expected = {documented_at(module, name) for name in module.__all__}

    assert set() == expected - documented_names()


def test_a_name_in_two_modules_is_documented_once() -> None:
    twice = {
        f"{module.__name__}.{name}"
        for module in PUBLIC_MODULES
        for name in module.__all__
        if documented_at(module, name) != f"{module.__name__}.{name}"
    }

    assert set() == twice & documented_names()


def test_every_public_module_is_in_the_reference() -> None:
    expected = {module.__name__ for module in PUBLIC_MODULES if module is not inspectlib}

    assert set() == expected - documented_names()


def test_the_reference_documents_only_names_that_exist() -> None:
    for dotted in documented_names():
        resolve(dotted)


def test_the_format_page_has_a_table_for_every_record_of_the_schema() -> None:
    definitions = inspectlib.json_schema()["$defs"]
    documents = {
        f"{cls.__name__}Document": cls.__name__ for cls in inspectlib.format.KINDS.values()
    }
    records = {documents.get(name, name) for name in definitions} - DESCRIBED_BY_HAND
    tables = FIELDS.findall((REFERENCE / "format.md").read_text())
    tagged = {tag for name, tag in tables if name == "Evidence"}
    evidence_tags = {
        member["properties"]["type"]["const"] for member in definitions["Evidence"]["oneOf"]
    }

    assert set() == records - {name for name, _ in tables} - {"Evidence"}
    assert evidence_tags == tagged


@pytest.mark.parametrize("kind", sorted(inspectlib.format.KINDS))
def test_the_format_page_names_every_document_kind(kind: str) -> None:
    assert f'`"{kind}"`' in (REFERENCE / "format.md").read_text()
