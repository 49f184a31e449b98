"""A record found valid when it was loaded is not checked again when it is written.

Records are immutable, so the loader's verdict stays true; a copy made with ``attrs.evolve`` is
a new record, and is checked like one built in code.
"""

from __future__ import annotations

import io

import attrs
import pytest

import inspectlib as il
from inspectlib import _documents
from inspectlib.catalogue import BUILTIN, Catalogue


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The records the writer checks, in order."""
    seen: list[object] = []
    real = il.check

    def counting(record: object, *, catalogue: Catalogue | None = None) -> tuple[il.Problem, ...]:
        seen.append(record)
        return real(record, catalogue=catalogue)

    monkeypatch.setattr(_documents, "check", counting)
    return seen


def test_a_loaded_record_is_written_without_a_second_check(
    seed: il.Inspection, checks: list[object]
) -> None:
    loaded = il.loads(il.dumps(seed, validate=False), il.Inspection)

    assert il.dumps(loaded) == il.dumps(seed, validate=False)
    il.to_dict(loaded)
    il.dump_lines([loaded, loaded], io.BytesIO())

    assert checks == []


def test_the_caller_can_ask_for_the_check_every_time(
    seed: il.Inspection, checks: list[object]
) -> None:
    loaded = il.loads(il.dumps(seed, validate=False), il.Inspection)

    il.dumps(loaded, validate="always")
    il.dumps(loaded, validate="always")

    assert checks == [loaded, loaded]


def test_an_evolved_copy_is_checked(seed: il.Inspection, checks: list[object]) -> None:
    loaded = il.loads(il.dumps(seed, validate=False), il.Inspection)
    areas = list(loaded.graded_areas)
    broken = attrs.evolve(loaded, graded_areas=[*areas, areas[0]])

    with pytest.raises(il.ValidationError, match="duplicate area key"):
        il.dumps(broken)
    unchanged = attrs.evolve(loaded)
    il.dumps(unchanged)

    assert checks == [broken, unchanged]
    assert unchanged == loaded  # equal, and still checked: the verdict is the record's own


def test_a_record_built_in_code_is_checked_once(seed: il.Inspection, checks: list[object]) -> None:
    il.dumps(seed)
    il.dumps(seed)

    assert checks == [seed]


def test_a_verdict_holds_only_for_the_catalogue_it_was_reached_with(
    seed: il.Inspection, checks: list[object]
) -> None:
    own = BUILTIN.with_scales()
    loaded = il.loads(il.dumps(seed, validate=False), il.Inspection, catalogue=own)

    il.dumps(loaded, catalogue=own)
    il.dumps(loaded)  # the built-in catalogue: another question, asked again

    assert checks == [loaded]


def test_a_commission_loaded_is_not_checked_again(
    commission: il.CommissionedInspection, checks: list[object]
) -> None:
    loaded = il.loads(il.dumps(commission, validate=False))

    il.dumps(loaded)

    assert checks == []
