"""The JSON Schema and the loader give every corpus document the same verdict.

Both read the same wire type declarations, and this holds them to it: a document the schema
accepts is one whose record the loader builds, and the other way round. The only rules the
schema cannot state are the cross-field ones (a count above its total, a duplicate area key...),
which the loader checks once the record is built: they are compared apart.
"""

from __future__ import annotations

import json
import pathlib
import warnings
from typing import Any

import jsonschema
import pytest

import inspectlib as il
from inspectlib._codec import Codec
from inspectlib._documents import KINDS, _open_envelope
from inspectlib.catalogue import BUILTIN
from inspectlib.errors import FormatVersionWarning
from inspectlib.format import Limits

CORPUS = pathlib.Path(__file__).parent / "corpus"
DOCUMENTS = [
    path
    for folder in ("valid", "invalid")
    for path in sorted((CORPUS / folder).glob("*.json"))
    if path.name != "truncated.json"  # not JSON: neither ever sees a document
]
VALIDATOR = jsonschema.Draft202012Validator(
    il.json_schema(), format_checker=jsonschema.FormatChecker()
)


def built_by_the_loader(document: Any) -> bool:
    """Whether the loader's envelope and codec build a record of *document* (the cross-field
    rules aside)."""
    if type(document) is not dict:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FormatVersionWarning)
            cls, body, newer = _open_envelope(document, None, "document")
    except il.ValidationError:
        return False
    record, _, _ = Codec.of(BUILTIN, KINDS.values()).structure(body, cls, Limits(), newer=newer)
    return record is not None


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_schema_and_the_loader_agree(path: pathlib.Path) -> None:
    document = json.loads(path.read_text())

    assert VALIDATOR.is_valid(document) == built_by_the_loader(document)


def refusal(text: str) -> il.ValidationError | None:
    try:
        il.loads(text)
    except il.ValidationError as error:
        return error
    return None


def test_the_documents_only_the_loader_refuses_break_cross_field_rules() -> None:
    refused_after_building = {}
    for path in DOCUMENTS:
        text = path.read_text()
        error = refusal(text)
        if built_by_the_loader(json.loads(text)) and error is not None:
            refused_after_building[path.name] = error.skipped

    # Every check ran (nothing skipped): the record was built, and a cross-field rule refused it.
    assert refused_after_building == {
        "count-above-total.json": (),
        "duplicate-area-key.json": (),
        "fieldwork-ends-before-it-starts.json": (),
        "finding-names-unknown-area.json": (),
    }
