"""The fast path and the detailed pass accept, reject and build exactly the same.

Loading tries a fast path first (records built without ``__init__``, stopping at the first
problem) and falls back to cattrs' detailed pass to report every problem. If the two ever
disagreed, a document could load that should not, or the other way round: these tests hold them
to the same answers on every corpus document and on random mutations of valid ones.
"""

from __future__ import annotations

import contextlib
import copy
import json
import pathlib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import inspectlib as il
from inspectlib._codec import Codec
from inspectlib._documents import KINDS

CORPUS = pathlib.Path(__file__).parent / "corpus"
VALID = [json.loads(path.read_text()) for path in sorted((CORPUS / "valid").glob("*.json"))]
INVALID = []
for path in sorted((CORPUS / "invalid").glob("*.json")):
    with contextlib.suppress(json.JSONDecodeError):  # not JSON: neither path ever sees it
        INVALID.append(json.loads(path.read_text()))


def outcome(converter: Any, document: Any) -> tuple[str, Any]:
    """("ok", record) or ("error", None) for one converter."""
    if type(document) is not dict or document.get("kind") not in KINDS:
        return ("skip", None)
    body = {k: v for k, v in document.items() if k not in ("inspectlib", "kind")}
    try:
        return ("ok", converter.structure(body, KINDS[document["kind"]]))
    except Exception:  # any failure is a refusal; saying which is the detailed pass's job
        return ("error", None)


def assert_same(document: Any) -> None:
    fast = outcome(
        Codec.of(il.catalogue.BUILTIN, KINDS.values()).converter(detailed=False), document
    )
    detailed = outcome(
        Codec.of(il.catalogue.BUILTIN, KINDS.values()).converter(detailed=True), document
    )
    assert detailed == fast


def test_both_paths_agree_on_the_corpus() -> None:
    assert VALID
    assert len(INVALID) > 30
    for document in [*VALID, *INVALID]:
        assert_same(document)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a decoded document."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*prefix, index))
    return found


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 100)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "good", "2024-13", "2025-06", "ungraded", "x:y", "grade"]),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.sampled_from(["type", "key", "x"]), inner, max_size=2)
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None)
@given(
    document=st.sampled_from(VALID),
    choice=st.integers(min_value=0),
    replacement=JSON_VALUES,
    delete=st.booleans(),
)
def test_both_paths_agree_on_mutated_documents(
    document: dict[str, Any], choice: int, replacement: Any, delete: bool
) -> None:
    mutated = copy.deepcopy(document)
    paths = [path for path in paths_of(mutated) if path[0] not in ("inspectlib", "kind")]
    *parents, last = paths[choice % len(paths)]
    node: Any = mutated
    for step in parents:
        node = node[step]
    if delete:
        del node[last]
    else:
        node[last] = replacement

    assert_same(mutated)
