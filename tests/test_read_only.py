"""The mappings the format fixes cannot be changed by a caller: a change would make every later
load in the process read documents differently."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

import inspectlib as il
from inspectlib.format import KINDS, SAMPLES

READ_ONLY: list[Mapping[str, Any]] = [KINDS, SAMPLES]


@pytest.mark.parametrize("mapping", READ_ONLY, ids=["KINDS", "SAMPLES"])
def test_a_read_only_mapping_refuses_to_change(mapping: Mapping[str, Any]) -> None:
    first = next(iter(mapping))
    before = dict(mapping)

    with pytest.raises(TypeError) as assigned:
        mapping["new"] = object()  # type: ignore[index]
    with pytest.raises(TypeError):
        del mapping[first]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        mapping.update({"new": object()})  # type: ignore[attr-defined]

    assert str(assigned.value) == "'mappingproxy' object does not support item assignment"
    assert before == dict(mapping)


def test_the_mappings_still_read_as_before() -> None:
    assert KINDS["inspection"] is il.Inspection
    assert sorted(KINDS) == ["commissioned_inspection", "framework", "grading_scale", "inspection"]
    assert "gmp-child-protection-2024" in SAMPLES
    assert il.sample("gmp-child-protection-2024").id == "hmicfrs/ncpi/2024/greater-manchester"
