"""Work that input can force stays proportional to the input.

No check may be quadratic: each test here builds an input of size N and of size 2N and asserts
that the second costs at most about twice the first (a ratio of CPU times, best of several
runs, never seconds). N is chosen so that quadratic work would show plainly (a ratio near 4)
while linear work stays in the milliseconds.
"""

from __future__ import annotations

import gc
import json
import pathlib
import time
import weakref
from collections.abc import Callable
from typing import Any

import pytest

import inspectlib as il
from inspectlib._codec import Codec
from inspectlib._documents import KINDS

CORPUS = pathlib.Path(__file__).parent / "corpus" / "valid"
SMALL: dict[str, Any] = json.loads((CORPUS / "small-inspection.json").read_text())
COMMISSION: dict[str, Any] = json.loads((CORPUS / "commission.json").read_text())
FRAMEWORK: dict[str, Any] = json.loads((CORPUS / "framework.json").read_text())

# Linear work doubles; quadratic work quadruples. The bound leaves room for noise.
MOST = 3.0


def cpu_seconds(work: Callable[[], object], repeats: int = 5) -> float:
    """The least CPU time *work* takes, the collector off while it runs: a collection costs
    what the whole process holds, not what the input holds, and may land in either run."""
    best = float("inf")
    enabled = gc.isenabled()
    try:
        for _ in range(repeats):
            gc.collect()
            gc.disable()
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """How much longer the work takes at 2N than at N (the best of three tries)."""
    ratios = []
    for _ in range(3):
        single, double = make(n), make(2 * n)
        single()  # warm caches (converters, date parsing) before timing
        ratio = cpu_seconds(double) / max(cpu_seconds(single), 1e-6)
        if ratio <= MOST:
            return ratio
        ratios.append(ratio)
    return min(ratios)


def refused(load: Callable[[], object]) -> Callable[[], object]:
    def run() -> None:
        try:
            load()
        except (il.ValidationError, il.InvalidRecord):
            return
        raise AssertionError("expected the input to be refused")

    return run


def loading(text: str) -> Callable[[], object]:
    return lambda: il.loads(text)


def scale_document(labels: list[str]) -> str:
    return json.dumps(
        {"inspectlib": "1.0", "kind": "grading_scale", "id": "x/y", "name": "X", "labels": labels}
    )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        (
            "equal labels, built",
            lambda n: refused(lambda: il.GradingScale(id="x/y", name="X", labels=["a"] * n)),
        ),
        (
            "equal labels, loaded",
            lambda n: refused(loading(scale_document(["a"] * n))),
        ),
        (
            "distinct labels, loaded",
            lambda n: loading(scale_document([f"l{i}" for i in range(n)])),
        ),
    ],
)
def test_checking_a_scales_labels_is_linear(
    name: str, make: Callable[[int], Callable[[], object]]
) -> None:
    assert growth(make, 6_000) <= MOST, name


def framework_document(keys: list[str], *, scales: int = 1) -> str:
    document = dict(FRAMEWORK)
    scale = FRAMEWORK["scales"][0]
    document["scales"] = [scale] + [{**scale, "id": f"x/s{i}"} for i in range(scales - 1)]
    document["areas"] = [
        {"key": key, "topic": key, "scale": f"x/s{i % max(scales - 1, 1)}" if scales > 1 else None}
        for i, key in enumerate(keys)
    ]
    for area in document["areas"]:
        if area["scale"] is None:
            del area["scale"]
    return json.dumps(document)


def test_checking_a_frameworks_area_keys_is_linear() -> None:
    def equal(n: int) -> Callable[[], object]:
        return refused(loading(framework_document(["a"] * n)))

    def distinct(n: int) -> Callable[[], object]:
        return loading(framework_document([f"k{i}" for i in range(n)]))

    assert growth(equal, 6_000) <= MOST
    assert growth(distinct, 6_000) <= MOST


def inspection_with_scales(n: int, *, off_scale: bool) -> str:
    """N graded areas; the inspection declares its scale N times over. With *off_scale*, every
    grade is on a scale the inspection does not declare."""
    document = dict(SMALL)
    document["scales"] = ["hmicfrs/five-point"] * n
    scale = "hmicfrs/four-point" if off_scale else "hmicfrs/five-point"
    grade = {"type": "grade", "scale": scale, "grade": "good"}
    document["graded_areas"] = [{"key": f"k{i}", "topic": "T", "judgment": grade} for i in range(n)]
    document["findings"] = []
    return json.dumps(document)


def test_checking_that_each_grades_scale_is_declared_is_linear() -> None:
    def declared(n: int) -> Callable[[], object]:
        return loading(inspection_with_scales(n, off_scale=False))

    def undeclared(n: int) -> Callable[[], object]:
        return refused(loading(inspection_with_scales(n, off_scale=True)))

    assert growth(declared, 3_000) <= MOST
    assert growth(undeclared, 3_000) <= MOST


def test_a_grade_off_the_declared_scales_says_so_in_a_message_of_bounded_length() -> None:
    text = inspection_with_scales(500, off_scale=True)

    with pytest.raises(il.ValidationError) as caught:
        il.loads(text)

    first = caught.value.problems[0]
    assert "$.graded_areas[0].judgment" == first.path
    assert (
        "grade 'Good' is on scale 'hmicfrs/four-point', which is not one of this inspection's "
        "scales ('hmicfrs/five-point')"
    ) == first.message
    assert len(caught.value.problems) == il.format.Limits().max_problems


def test_a_message_naming_many_scales_names_a_few_and_counts_the_rest() -> None:
    scales = [il.GradingScale(id=f"x/s{i}", name="S", labels=("A", "B")) for i in range(50)]
    catalogue = il.catalogue.BUILTIN.with_scales(*scales)
    document = dict(SMALL)
    document["scales"] = [scale.id for scale in scales]
    document["findings"] = []

    with pytest.raises(il.ValidationError) as caught:
        il.loads(json.dumps(document), catalogue=catalogue)

    assert (
        "grade 'Good' is on scale 'hmicfrs/five-point', which is not one of this inspection's "
        "scales ('x/s0', 'x/s1', 'x/s2', 'x/s3', 'x/s4' and 45 more)"
    ) == caught.value.problems[0].message


def test_problems_stop_being_made_once_the_cap_is_reached() -> None:
    def bad(n: int) -> Callable[[], object]:
        text = inspection_with_scales(n, off_scale=True)
        limits = il.format.Limits(max_problems=10)
        return refused(lambda: il.loads(text, limits=limits))

    assert growth(bad, 3_000) <= MOST


def commission_with_scope(n: int) -> str:
    document = dict(COMMISSION)
    document["terms_of_reference"] = [{"number": i + 1, "text": "Q"} for i in range(n)]
    part = dict(COMMISSION["parts"][0])
    part["scope"] = list(range(1, n + 1))
    document["parts"] = [part]
    return json.dumps(document)


def test_checking_a_commissions_scope_is_linear() -> None:
    def scoped(n: int) -> Callable[[], object]:
        return loading(commission_with_scope(n))

    assert growth(scoped, 4_000) <= MOST


def test_the_converters_kept_for_limits_are_bounded() -> None:
    catalogue = il.catalogue.BUILTIN.with_scales()
    text = (CORPUS / "small-inspection.json").read_text()

    for bytes_allowed in range(1_000_000, 1_000_200):
        il.loads(text, catalogue=catalogue, limits=il.format.Limits(max_bytes=bytes_allowed))
    for problems in range(2, 200):
        il.loads(text, catalogue=catalogue, limits=il.format.Limits(max_problems=problems))

    # Only the limits that change how documents are read make a converter, and few are kept.
    assert Codec.of(catalogue, KINDS.values()).kept <= 16


def test_a_codec_lives_no_longer_than_its_catalogue() -> None:
    catalogue = il.catalogue.BUILTIN.with_scales()
    text = (CORPUS / "small-inspection.json").read_text()
    il.loads(text, catalogue=catalogue)
    codec = Codec.of(catalogue, KINDS.values())
    assert Codec.of(catalogue, KINDS.values()) is codec  # the one codec, asked for again
    assert Codec.of(None, KINDS.values()) is not codec
    assert Codec.of(catalogue, KINDS.values()) is codec
    gone = weakref.ref(codec)

    del catalogue, codec
    gc.collect()

    # The last catalogue asked for is remembered, but neither it nor its codec is kept alive.
    assert gone() is None


def _many(change: Callable[[dict[str, Any], int], None], n: int = 3_000) -> str:
    """The small inspection, changed by *change* (given the document and *n*)."""
    document = json.loads((CORPUS / "small-inspection.json").read_text())
    change(document, n)
    return json.dumps(document)


def _repeated_areas(document: dict[str, Any], n: int) -> None:
    document["graded_areas"] = [document["graded_areas"][0]] * n
    document["findings"] = []


def _repeated_findings(document: dict[str, Any], n: int) -> None:
    document["findings"] = [document["findings"][0]] * n


def _inherited_from_a_subject(document: dict[str, Any], n: int) -> None:
    inherited = {
        "type": "inherited",
        "grade": {"scale": "hmicfrs/five-point", "grade": "good"},
        "predecessor": document["subjects"][0],
        "rated": "2019",
    }
    document["graded_areas"] = [
        {"key": f"a{index}", "topic": "Area", "judgment": inherited} for index in range(n)
    ]
    document["findings"] = []


@pytest.mark.parametrize(
    "change",
    [_repeated_areas, _repeated_findings, _inherited_from_a_subject],
    ids=lambda c: c.__name__,
)
def test_repeats_and_inherited_ratings_are_made_no_more_than_the_cap(
    change: Callable[[dict[str, Any], int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each problem the rules make is counted: thousands of broken items, ten problems wanted.
    from inspectlib import _validation

    made = 0

    def counted(*args: Any, **kwargs: Any) -> il.errors.Problem:
        nonlocal made
        made += 1
        return il.errors.Problem(*args, **kwargs)

    monkeypatch.setattr(_validation, "Problem", counted)
    limits = il.format.Limits(max_problems=10)

    with pytest.raises(il.errors.ValidationError) as caught:
        il.loads(_many(change), limits=limits)

    assert len(caught.value.problems) == 10
    assert made <= 11  # the ten shown, and the one that says checking stopped
