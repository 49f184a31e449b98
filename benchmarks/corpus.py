"""A deterministic corpus of realistic inspection documents, built through inspectlib's public API.

Every record is an :class:`inspectlib.Inspection` of about 2 KB as canonical JSON: five graded
areas on ``HMICFRS_FIVE_POINT``, eight findings with one evidence item each, two sources, partial
dates (fieldwork period, findings' ``due``), no framework. Records are built with inspectlib's
classes and written with :func:`inspectlib.dump_lines`, so the corpus is whatever the library
itself writes.

Records come from one seeded ``random.Random`` in sequence, so the first N records of the
1,000,000-record file are exactly the N-record corpus: every size is a prefix of the largest.

``invalid_documents()`` derives the records every contender must reject from one valid document.

Run on its own to write a corpus: ``python benchmarks/corpus.py 1000 /tmp/corpus.jsonl``.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

import inspectlib as il
from inspectlib.scales import HMICFRS_FIVE_POINT

SEED = 20240613
HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"

_FORCES = (
    "Avon and Somerset",
    "Bedfordshire",
    "Cambridgeshire",
    "Cheshire",
    "Cleveland",
    "Cumbria",
    "Derbyshire",
    "Devon and Cornwall",
    "Dorset",
    "Durham",
    "Dyfed-Powys",
    "Essex",
    "Gloucestershire",
    "Greater Manchester",
    "Gwent",
    "Hampshire",
    "Hertfordshire",
    "Humberside",
    "Kent",
    "Lancashire",
    "Leicestershire",
    "Lincolnshire",
    "Merseyside",
    "Norfolk",
    "North Wales",
    "North Yorkshire",
    "Northamptonshire",
    "Northumbria",
    "Nottinghamshire",
    "South Wales",
    "South Yorkshire",
    "Staffordshire",
    "Suffolk",
    "Surrey",
    "Sussex",
    "Thames Valley",
    "Warwickshire",
    "West Mercia",
    "West Midlands",
    "West Yorkshire",
    "Wiltshire",
)
_AREAS = (
    ("leadership", "Leadership", "Leading child protection"),
    ("partners", "Partnership working", "Working with partners"),
    ("response", "Initial response", "Responding to risk"),
    ("risk", "Risk assessment", "Assessing risk"),
    ("investigation", "Investigation", "Investigating abuse"),
    ("custody", "Custody", "Children in custody"),
    ("adults", "Trusted adults", "Working with carers"),
)
_VERBS = ("Improve", "Review", "Audit", "Record", "Check")
_OBJECTS = (
    "risk checks",
    "the child's voice",
    "data sharing",
    "strategy meetings",
    "supervision",
    "protection powers",
    "repeat victims",
    "handovers",
)
_OBSERVATIONS = (
    "No rationale",
    "Good feedback",
    "Uneven supervision",
    "Policy known",
    "Weekend delays",
)
_UNITS = ("files", "referrals", "cases")
_DESCRIPTIONS = ("not recorded", "held in time", "assessed well", "reviewed", "referred")
_KINDS = (
    il.FindingKind.STRENGTH,
    il.FindingKind.AREA_FOR_IMPROVEMENT,
    il.FindingKind.AREA_FOR_IMPROVEMENT,
    il.FindingKind.INNOVATIVE_PRACTICE,
    il.FindingKind.PROMISING_PRACTICE,
)
_GRADES = HMICFRS_FIVE_POINT.grades
_INSPECTORATE = il.Organisation(
    name="HMICFRS",
    kind=il.OrganisationKind.INSPECTORATE,
)
_EPOCH = datetime.date(2014, 1, 1)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."


def _partial(rng: random.Random, year: int, month: int) -> il.PartialDate:
    """A partial date in one of the canonical forms, at a random precision."""
    form = rng.randrange(6)
    if form == 0:
        return il.PartialDate.of_month(year, month)
    if form == 1:
        return il.PartialDate.of_quarter(year, (month - 1) // 3 + 1)
    if form == 2:
        return il.PartialDate.of_month_part(year, month, rng.choice(list(il.dates.MonthPart)))
    if form == 3:
        return il.PartialDate.of_season(year, rng.choice(list(il.dates.Season)[:3]))
    if form == 4:
        return il.PartialDate.of_year(year).no_later_than()
    return il.PartialDate.of_day(year, month, rng.randint(1, 28))


def make_inspection(rng: random.Random, index: int) -> il.Inspection:
    """One realistic, valid inspection of about 2 KB as canonical JSON."""
    force = rng.choice(_FORCES)
    published = _EPOCH + datetime.timedelta(days=rng.randrange(3650))
    end_month = rng.randint(1, 12)
    end_year = published.year - 1
    start_month = max(1, end_month - rng.randint(0, 3))
    fieldwork = il.Period(
        start=il.PartialDate.of_month(end_year, start_month),
        end=rng.choice(
            (
                il.PartialDate.of_month(end_year, end_month),
                il.PartialDate.of_month_part(end_year, end_month, il.dates.MonthPart.LATE),
                il.PartialDate.of_day(end_year, end_month, rng.randint(1, 28)),
            )
        ),
    )
    slug = force.lower().replace(" ", "-")
    report = il.Source(
        url=f"https://hmicfrs.gov.uk/ncpi/{slug}-{index}",
        publisher="HMICFRS",
        published=published,
    )
    press = il.Source(
        title=f"{force} Police report",
        publisher=rng.choice(("BBC News", "Police Professional", "Local Government Chronicle")),
        published=published + datetime.timedelta(days=rng.randrange(3)),
    )
    areas = rng.sample(_AREAS, 5)
    graded = tuple(
        il.GradedArea(
            key=key,
            topic=topic,
            label=label if rng.random() < 0.1 else None,
            judgment=rng.choice(_GRADES),
        )
        for key, topic, label in areas
    )
    area_keys = [key for key, _, _ in areas]
    findings: list[il.Finding] = []
    # Seven findings of assorted kinds, then a cause of concern, whose recommendation is the
    # eighth: the cross-field check follows the reference.
    for number in range(1, 8):
        kind = _KINDS[rng.randrange(len(_KINDS))] if number < 7 else il.FindingKind.CAUSE_OF_CONCERN
        if rng.random() < 0.5:
            count_total = rng.randint(10, 120)
            evidence: il.Evidence = il.QuantitativeEvidence(
                description=rng.choice(_DESCRIPTIONS),
                count=rng.randint(0, count_total),
                total=count_total,
                unit=rng.choice(_UNITS) if rng.random() < 0.5 else None,
            )
        else:
            evidence = il.QualitativeEvidence(description=rng.choice(_OBSERVATIONS))
        findings.append(
            il.Finding(
                id=f"f-{number}",
                kind=kind,
                text=_sentence(rng),
                areas=tuple(rng.sample(area_keys, 1 if rng.random() < 0.8 else 2)),
                due=_partial(rng, published.year + 1, rng.randint(1, 12)),
                evidence=(evidence,),
            )
        )
    findings.append(
        il.Finding(
            id="f-8",
            kind=il.FindingKind.RECOMMENDATION,
            text=_sentence(rng),
            areas=(area_keys[0],),
            due=_partial(rng, published.year + 1, rng.randint(1, 12)),
            cause_of_concern="f-7",
            evidence=(
                il.QuantitativeEvidence(
                    description=rng.choice(_DESCRIPTIONS), count=rng.randint(1, 9)
                ),
            ),
        )
    )
    return il.Inspection(
        id=f"hmicfrs/ncpi/{published.year}/{slug}/{index}",
        title=f"Child protection: {force} Police",
        inspectorate=_INSPECTORATE,
        subjects=(
            il.Organisation(
                name=f"{force} Police",
                kind=il.OrganisationKind.POLICE_FORCE,
                identifiers=(il.Identifier(scheme="ons", value=f"E23{index % 1000000:06d}"),)
                if rng.random() < 0.3
                else (),
            ),
        ),
        published=published,
        scales=(HMICFRS_FIVE_POINT,),
        fieldwork=fieldwork,
        graded_areas=graded,
        overall=rng.choice(_GRADES) if rng.random() < 0.5 else il.judgments.UNGRADED,
        findings=tuple(findings),
        sources=(report, press),
    )


def inspections(count: int, seed: int = SEED) -> Iterator[il.Inspection]:
    """The first *count* records of the corpus: deterministic for a given *seed*."""
    rng = random.Random(seed)
    for index in range(count):
        yield make_inspection(rng, index)


def fingerprint(seed: int = SEED) -> str:
    """What the corpus is: a digest of the first 200 records as inspectlib writes them, so that a
    change to the generator or to inspectlib's wire format names a new file."""
    digest = hashlib.sha256()
    for record in inspections(200, seed):
        digest.update(il.dumps(record).encode())
    return digest.hexdigest()[:12]


def write_corpus(count: int, path: Path, seed: int = SEED) -> int:
    """Write the first *count* records to *path* as JSON Lines, with inspectlib.dump_lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return il.dump_lines(inspections(count, seed), path)


def _copy_prefix(source: Path, target: Path, lines: int) -> None:
    tmp = target.with_suffix(".part")
    with source.open("rb") as reading, tmp.open("wb") as writing:
        for number, line in enumerate(reading):
            if number >= lines:
                break
            writing.write(line)
    os.replace(tmp, target)


def corpus_files(sizes: list[int], directory: Path = DATA, seed: int = SEED) -> dict[int, Path]:
    """A corpus file per size, made if missing; smaller sizes are prefixes of the largest.

    Files are named by the fingerprint, so a change to this generator or to what inspectlib
    writes gives new files rather than stale ones.
    """
    directory.mkdir(parents=True, exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    tag = fingerprint(seed)
    paths = {n: directory / f"inspections-{n}-{seed}-{tag}.jsonl" for n in sizes}
    missing = [n for n in sizes if not paths[n].exists()]
    if missing:
        for stale in directory.glob(f"inspections-*-{seed}-*.jsonl"):
            if not stale.name.endswith(f"-{tag}.jsonl"):
                stale.unlink()  # written by another generator or another inspectlib
        largest = max(sizes)
        # A larger file of the same corpus, if there is one, has every smaller size as a prefix.
        larger = sorted(
            (int(p.name.split("-")[1]), p)
            for p in directory.glob(f"inspections-*-{seed}-{tag}.jsonl")
        )
        source = next((p for n, p in larger if n >= largest), None)
        if source is not None and not paths[largest].exists():
            _copy_prefix(source, paths[largest], largest)
        if not paths[largest].exists():
            print(
                f"generating {largest:,} records -> {paths[largest]}", file=sys.stderr, flush=True
            )
            tmp = paths[largest].with_suffix(".part")
            write_corpus(largest, tmp, seed)
            os.replace(tmp, paths[largest])
        for n in missing:
            if n != largest:
                _copy_prefix(paths[largest], paths[n], n)
    return paths


# Invalid documents -------------------------------------------------------------------------


def valid_document(seed: int = SEED) -> dict[str, Any]:
    """The first record of the corpus, as a plain JSON-ready dict."""
    return il.to_dict(next(inspections(1, seed)))


def _mutate(name: str, document: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(document)
    if name == "bad_enum":
        d["findings"][0]["kind"] = "strenght"
    elif name == "bad_date":
        d["published"] = "2024-02-30"
    elif name == "missing_field":
        del d["graded_areas"][1]["topic"]
    elif name == "number_for_text":
        d["findings"][2]["text"] = 12345
    elif name == "unknown_key":
        d["graded_areas"][0]["colour"] = "green"
    elif name == "bad_partial_date":
        d["findings"][3]["due"] = "2025-13"
    elif name == "bad_grade":
        d["graded_areas"][2]["judgment"]["grade"] = "excellent"
    elif name == "blank_text":
        d["title"] = "   "
    elif name == "bool_for_int":
        d["findings"][7]["evidence"][0]["count"] = True
    elif name == "unknown_scale":
        d["scales"] = ["hmicfrs/six-point"]
    elif name == "missing_envelope":
        del d["kind"]
    elif name == "cross_count_above_total":
        evidence = d["findings"][7]["evidence"][0]
        evidence["total"] = evidence["count"] - 1
    elif name == "cross_unknown_area":
        d["findings"][1]["areas"] = ["no_such_area"]
    elif name == "cross_duplicate_area":
        d["graded_areas"][3]["key"] = d["graded_areas"][0]["key"]
    else:
        raise KeyError(name)
    return d


# name -> (what is wrong, where every contender must say it is). Cross-field problems need a
# second pass after structuring, in every contender.
INVALID: dict[str, tuple[str, str]] = {
    "bad_enum": ("a bad enum value (finding kind)", "$.findings[0].kind"),
    "bad_date": ("a bad date (30 February)", "$.published"),
    "missing_field": ("a missing required field (area topic)", "$.graded_areas[1].topic"),
    "number_for_text": ("a number where text belongs (finding text)", "$.findings[2].text"),
    "unknown_key": ("an unknown key in a graded area", "$.graded_areas[0].colour"),
    "bad_partial_date": ("a partial date with month 13", "$.findings[3].due"),
    "bad_grade": ("a grade that is not on its scale", "$.graded_areas[2].judgment.grade"),
    "blank_text": ("blank text (title)", "$.title"),
    "bool_for_int": ("true where an integer belongs", "$.findings[7].evidence[0].count"),
    "unknown_scale": ("an unknown grading scale id", "$.scales[0]"),
    "missing_envelope": ("a missing document kind", "$.kind"),
    "cross_count_above_total": (
        "evidence count above its total",
        "$.findings[7].evidence[0].count",
    ),
    "cross_unknown_area": (
        "a finding naming an area the inspection lacks",
        "$.findings[1].areas[0]",
    ),
    "cross_duplicate_area": ("two graded areas with one key", "$.graded_areas[3].key"),
}


def invalid_documents(seed: int = SEED) -> dict[str, bytes]:
    """Each invalid record, as one JSON line, by name (see :data:`INVALID`)."""
    base = valid_document(seed)
    return {name: orjson.dumps(_mutate(name, base)) for name in INVALID}


def many_errors_document(seed: int = SEED) -> bytes:
    """One line with four errors at once: a complete loader reports each, with its path."""
    d = _mutate("bad_enum", valid_document(seed))
    d["published"] = "2024-02-30"
    d["findings"][2]["text"] = 12345
    del d["graded_areas"][1]["topic"]
    return orjson.dumps(d)


MANY_ERRORS_PATHS = (
    "$.findings[0].kind",
    "$.published",
    "$.findings[2].text",
    "$.graded_areas[1].topic",
)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else DATA / f"inspections-{size}.jsonl"
    written = write_corpus(size, target)
    print(f"{written} records, {target.stat().st_size / written:.0f} bytes each -> {target}")
