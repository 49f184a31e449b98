"""Where inspectlib's decoding and encoding spend their time.

    python benchmarks/profile_decode.py [--records 5000] [--output benchmarks/results/profile.md]

Not part of the benchmark's figures: it looks inside, using a few of inspectlib's private names
(``_codec.Codec``, ``_documents._open_envelope``), and says so when they are gone.

1. cProfile of ``load_lines`` and of ``dump_lines``, top functions by own time (tottime).
2. Stages of decoding, each timed alone on the same records (gc off, min of 7 rounds):
   ``orjson.loads``; the envelope; cattrs structuring (hooks and constructors); the attrs
   constructors alone (the same objects rebuilt from their own field values); the objects made
   and their slots set, nothing read or checked (what any pure-Python loader pays); the
   cross-field ``check``; and with attrs validators switched off.
3. Levers that need no change to the source: the detailed converter on valid input; the
   garbage collector on a bulk load that keeps its records; msgspec as an accelerator (msgspec
   Structs for the wire, then inspectlib's attrs records built from them, then ``check``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import attrs  # noqa: E402
import orjson  # noqa: E402
import peers  # noqa: E402

import corpus  # noqa: E402
import inspectlib as il  # noqa: E402

try:
    from inspectlib import _codec as C  # noqa: N812
    from inspectlib import _documents as D  # noqa: N812
except ImportError:  # pragma: no cover
    C = None  # type: ignore[assignment]
    D = None  # type: ignore[assignment]


def best(function: Callable[[Any], Any], items: list[Any], rounds: int = 7) -> float:
    """Microseconds per item, the fastest of *rounds*, with the collector off."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            for item in items:
                function(item)
            times.append((time.perf_counter() - start) / len(items) * 1e6)
    finally:
        gc.enable()
    return min(times)


def profile(run: Callable[[], Any], top: int) -> str:
    gc.disable()
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    gc.enable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("tottime").print_stats(top)
    lines = text.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    header = [line for line in lines[:start] if "function calls" in line]
    return "\n".join(header + lines[start:]).replace(str(Path(il.__file__).parent), "inspectlib")


_LEAVES = (il.GradingScale, il.Grade, il.NonGrade)


def _plan(obj: Any, out: list[tuple[type[Any], dict[str, Any]]]) -> None:
    """Every attrs object below *obj*, children first, with the keyword arguments that made it."""
    if not attrs.has(type(obj)) or isinstance(obj, _LEAVES):
        return
    kwargs = {}
    for field in attrs.fields(type(obj)):
        if not field.init:
            continue
        value = getattr(obj, field.name)
        kwargs[field.alias] = value
        for child in value if isinstance(value, tuple) else (value,):
            _plan(child, out)
    out.append((type(obj), kwargs))


def stages(lines: list[bytes]) -> list[tuple[str, float]]:
    rows: list[tuple[str, float]] = []
    documents = [orjson.loads(line) for line in lines]
    rows.append(("orjson.loads", best(orjson.loads, lines)))
    records = [il.loads(line, il.Inspection) for line in lines]
    rows.append(("inspectlib.loads, all of it", best(lambda x: il.loads(x, il.Inspection), lines)))
    if D is not None and C is not None and hasattr(D, "_open_envelope"):
        rows.append(
            (
                "envelope (_open_envelope)",
                best(lambda d: D._open_envelope(d, il.Inspection, "x"), documents),
            )
        )
        bodies = [D._open_envelope(d, il.Inspection, "x")[1] for d in documents]
        codec = C.Codec.of(il.catalogue.BUILTIN, il.format.KINDS.values())
        fast = codec.converter(detailed=False)
        detailed = codec.converter(detailed=True)
        rows.append(
            (
                "cattrs structure, fast pass (hooks + constructors)",
                best(lambda b: fast.structure(b, il.Inspection), bodies),
            )
        )
        rows.append(
            (
                "cattrs structure, detailed pass, on the same valid input",
                best(lambda b: detailed.structure(b, il.Inspection), bodies),
            )
        )
        attrs.validators.set_disabled(True)
        try:
            rows.append(
                (
                    "cattrs structure, fast pass, attrs validators off",
                    best(lambda b: fast.structure(b, il.Inspection), bodies),
                )
            )
        finally:
            attrs.validators.set_disabled(False)
    plans = []
    for record in records:
        plan: list[tuple[type[Any], dict[str, Any]]] = []
        _plan(record, plan)
        plans.append(plan)

    def build(plan: list[tuple[type[Any], dict[str, Any]]]) -> None:
        for cls, kwargs in plan:
            cls(**kwargs)

    rows.append(("attrs constructors alone (converters + validators)", best(build, plans)))
    attrs.validators.set_disabled(True)
    try:
        rows.append(("attrs constructors alone, validators off", best(build, plans)))
    finally:
        attrs.validators.set_disabled(False)
    # Building a record in Python before anything is read or checked: each of its objects made
    # and each slot set, as the fast path does, without a constructor (partial dates left out:
    # the loader's date cache shares them). What any pure-Python loader of these records pays.
    slot_plans = [
        [
            (cls, [(getattr(cls, f.name).__set__, kwargs[f.alias]) for f in attrs.fields(cls)])
            for cls, kwargs in plan
            if cls is not il.PartialDate
        ]
        for plan in plans
    ]

    def make_and_set(plan: list[tuple[type[Any], list[tuple[Any, Any]]]]) -> None:
        new = object.__new__
        for cls, slots in plan:
            made = new(cls)
            for set_slot, value in slots:
                set_slot(made, value)

    rows.append(
        (
            "objects made and slots set alone, nothing read or checked",
            best(make_and_set, slot_plans),
        )
    )
    per_class = Counter(cls.__name__ for plan in plans for cls, _ in plan)
    for name, count in per_class.most_common():
        items = [(cls, kw) for plan in plans for cls, kw in plan if cls.__name__ == name]
        each = best(lambda item: item[0](**item[1]), items)
        rows.append(
            (
                f"  {name}(...) x {count / len(plans):.1f} a record, {each * 1000:.0f} ns each",
                each * count / len(plans),
            )
        )
    rows.append(("cross-field check (inspectlib.check)", best(il.check, records)))
    rows.append(("encode: inspectlib.to_dict", best(il.to_dict, records)))
    rows.append(("encode: inspectlib.dumps", best(il.dumps, records)))
    dicts = [il.to_dict(record) for record in records]
    rows.append(("encode: orjson.dumps of the plain dicts", best(orjson.dumps, dicts)))
    return rows


# --- msgspec as an accelerator: a sketch, to measure what it could gain ------------------------

_SCALES = dict(il.catalogue.BUILTIN.scales)
_NON_GRADES = {
    peers.MUngraded: il.judgments.UNGRADED,
    peers.MNotRated: il.judgments.NOT_RATED,
    peers.MExempt: il.judgments.EXEMPT,
    peers.MAwaitingInspection: il.judgments.AWAITING_INSPECTION,
    peers.MInsufficientEvidence: il.judgments.INSUFFICIENT_EVIDENCE,
}


def _source(m: peers.MSource) -> il.Source:
    return il.Source(
        url=m.url, title=m.title, publisher=m.publisher, published=m.published, accessed=m.accessed
    )


def _sources(items: tuple[peers.MSource, ...]) -> tuple[il.Source, ...]:
    return tuple(_source(m) for m in items) if items else ()


def _organisation(m: peers.MOrganisation) -> il.Organisation:
    def ids(items: tuple[peers.MIdentifier, ...]) -> tuple[il.Identifier, ...]:
        return tuple(il.Identifier(scheme=i.scheme, value=i.value) for i in items) if items else ()

    return il.Organisation(
        name=m.name,
        kind=m.kind,
        short_name=m.short_name,
        identifiers=ids(m.identifiers),
        predecessors=ids(m.predecessors),
        successors=ids(m.successors),
        extensions=m.extensions,
    )


def _grade(m: Any) -> il.Grade:
    grade = _SCALES[m.scale].grade_of_key(m.grade)
    assert grade is not None  # the Struct checked it
    return grade


def _judgment(m: Any) -> Any:
    if type(m) is peers.MGrade:
        return _grade(m)
    if type(m) is peers.MCarriedForward:
        return il.CarriedForward(
            from_inspection=m.from_inspection, grade=None if m.grade is None else _grade(m.grade)
        )
    return _NON_GRADES[type(m)]


def _evidence(items: tuple[Any, ...]) -> tuple[Any, ...]:
    out = []
    for m in items:
        if type(m) is peers.MQuantitative:
            out.append(
                il.QuantitativeEvidence(
                    description=m.description,
                    count=m.count,
                    total=m.total,
                    unit=m.unit,
                    sources=_sources(m.sources),
                )
            )
        else:
            out.append(
                il.QualitativeEvidence(description=m.description, sources=_sources(m.sources))
            )
    return tuple(out)


_partial = il.PartialDate.parse_canonical


def to_record(m: peers.MInspection) -> il.Inspection:
    """inspectlib's record from the msgspec wire Struct (valid input assumed: a sketch)."""
    return il.Inspection(
        id=m.id,
        title=m.title,
        inspectorate=_organisation(m.inspectorate),
        subjects=tuple(_organisation(s) for s in m.subjects),
        published=m.published,
        scales=tuple(_SCALES[s] for s in m.scales),
        framework=m.framework,
        supporting_inspectorates=tuple(_organisation(s) for s in m.supporting_inspectorates),
        fieldwork=None
        if m.fieldwork is None
        else il.Period(start=_partial(m.fieldwork.start), end=_partial(m.fieldwork.end)),
        graded_areas=tuple(
            il.GradedArea(
                key=a.key,
                topic=a.topic,
                judgment=_judgment(a.judgment),
                label=a.label,
                summary=a.summary,
                parent=a.parent,
                sources=_sources(a.sources),
                extensions=a.extensions,
            )
            for a in m.graded_areas
        ),
        overall=None if m.overall is None else _judgment(m.overall),
        findings=tuple(
            il.Finding(
                id=f.id,
                kind=f.kind,
                text=f.text,
                reference=f.reference,
                areas=f.areas,
                addressed_to=None if f.addressed_to is None else _organisation(f.addressed_to),
                due=None if f.due is None else _partial(f.due),
                cause_of_concern=f.cause_of_concern,
                evidence=_evidence(f.evidence),
                sources=_sources(f.sources),
                extensions=f.extensions,
            )
            for f in m.findings
        ),
        evidence=_evidence(m.evidence),
        sources=_sources(m.sources),
        extensions=m.extensions,
    )


def accelerated_loads(line: bytes) -> il.Inspection:
    record = to_record(peers.decode_msgspec(line, check=False))
    problems = il.check(record)
    if problems:
        raise il.ValidationError("document", problems)
    return record


def levers(lines: list[bytes], bulk: int, path: Path) -> list[tuple[str, float]]:
    rows: list[tuple[str, float]] = []
    rows.append(("orjson.loads (floor)", best(orjson.loads, lines)))
    rows.append(("inspectlib.loads", best(lambda x: il.loads(x, il.Inspection), lines)))
    same = all(accelerated_loads(line) == il.loads(line, il.Inspection) for line in lines[:500])
    rows.append(
        (
            f"msgspec Structs -> attrs records -> check (sketch; equal records: {same})",
            best(accelerated_loads, lines),
        )
    )
    rows.append(
        (
            "  of which msgspec decode into wire Structs",
            best(lambda x: peers.decode_msgspec(x, False), lines),
        )
    )
    structs = [peers.decode_msgspec(line, False) for line in lines]
    rows.append(("  of which building the attrs records from them", best(to_record, structs)))
    # A bulk load that keeps every record: the collector's work grows with what is kept.
    for label, collect in (("gc off", False), ("gc on", True)):
        gc.collect()
        if not collect:
            gc.disable()
        start = time.perf_counter()
        kept = []
        for record in il.load_lines(path, il.Inspection):
            kept.append(record)
            if len(kept) == bulk:
                break
        seconds = time.perf_counter() - start
        gc.enable()
        rows.append((f"bulk load keeping {bulk:,} records, {label}", seconds / bulk * 1e6))
        del kept
        gc.collect()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--bulk", type=int, default=50_000, help="records kept in the gc test")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "profile.md")
    args = parser.parse_args()
    size = next(n for n in (10_000, 100_000, 1_000_000) if n >= max(args.bulk, args.records))
    path = corpus.corpus_files([size])[size]
    lines = []
    with path.open("rb") as stream:
        for line in stream:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == args.records:
                break
    for line in lines[:200]:  # warm the hooks
        il.loads(line, il.Inspection)
    out = [
        f"# Inside inspectlib's decoding and encoding ({args.records:,} records)",
        "",
        f"inspectlib {getattr(il, '__version__', '')} at {Path(il.__file__).parent}; "
        "timings are µs per record, fastest of 7 rounds, gc off.",
        "",
    ]
    out += ["## Stages", "", "| stage | µs/record |", "|---|---|"]
    out += [f"| {name} | {value:.1f} |" for name, value in stages(lines)]
    out += ["", "## Levers that need no source change", "", "| variant | µs/record |", "|---|---|"]
    out += [f"| {name} | {value:.1f} |" for name, value in levers(lines, args.bulk, path)]
    sample = path.with_name(f"profile-{os.getpid()}.jsonl")
    sample.write_bytes(b"\n".join(lines) + b"\n")
    try:
        decoding = profile(lambda: sum(1 for _ in il.load_lines(sample, il.Inspection)), 30)
    finally:
        sample.unlink()
    records = [il.loads(line, il.Inspection) for line in lines]
    with open(os.devnull, "wb") as sink:
        encoding = profile(lambda: il.dump_lines(records, sink), 20)
    out += ["", "## cProfile: load_lines, by own time", "", "```", decoding, "```"]
    out += ["", "## cProfile: dump_lines, by own time", "", "```", encoding, "```"]
    text = "\n".join(out) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
