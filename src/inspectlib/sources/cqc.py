"""The Care Quality Commission's open data: location payloads of its public API, and the
monthly "latest ratings" file.

>>> from inspectlib.sources import cqc
>>> records = cqc.read("locations.jsonl")  # doctest: +SKIP

**API location payloads** (``/locations/{locationId}``): one JSON object a file, a JSON array
of them, or JSON Lines (one payload a line); an array and JSON Lines are read one payload at a
time, however long the file. Each
published report of the location becomes an :class:`~inspectlib.Inspection` (id
``cqc/report/<linkId>``) carrying the ratings CQC gives from it: the current ratings on the
report they came from, each key question with its own date and report; the historic ratings on
theirs; service and population-group ratings as areas nested under the service. Each entry of
the newer ``assessment`` block (the single assessment framework) becomes a record of its own.
The location is the subject of every record, with its location, provider, ODS and UPRN ids and
its predecessor and successor locations; every other key of the payload is kept under
``cqc:<key>`` in its ``extensions``.

**Latest ratings file** (CQC's monthly ODS spreadsheet, or its sheet saved as CSV): one record
per location, its rows (one per service or population group and domain) read together. Banner rows
above the header are skipped; ``Key Question`` (older files) and ``Domain`` are both read;
``Inherited Rating (Y/N)`` ``Y`` makes the rating an :class:`~inspectlib.Inherited` judgment.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import attrs
import orjson

from inspectlib._builtin import BUILTIN
from inspectlib._errors import InvalidRecord
from inspectlib._extensions import JSONValue
from inspectlib._inspections import GradedArea, Inspection
from inspectlib._judgments import (
    INSPECTED_NOT_RATED,
    INSUFFICIENT_EVIDENCE,
    NO_PUBLISHED_RATING,
    NOT_APPLICABLE,
    NOT_RATED,
    Inherited,
    Judgment,
)
from inspectlib._organisations import Identifier, Organisation, OrganisationKind
from inspectlib._partial_dates import describe_day
from inspectlib._scales import Grade
from inspectlib._surface import offer_only
from inspectlib._validation import check
from inspectlib.scales import CQC_FOUR_POINT

from ._json import JsonReader, JsonSyntaxError
from ._ods import ZIP_MAGIC, OdsTable, sheet_rows
from ._ods import content as ods_content
from ._shared import (
    CsvTable,
    Located,
    SourceError,
    SourceInput,
    deliver,
    file_error,
    opened,
    refuse_compressed,
    replayed,
    shown,
)
from ._values import ValueProblem, day, head_of, iso_day, slug, text

__all__ = ["CQC", "NAMESPACE", "read", "read_latest_ratings", "read_locations"]

NAMESPACE: Final = "cqc"
"""The prefix of the extension keys this importer writes: ``"cqc:<field>"``.

.. versionadded:: 0.1.0
"""

CQC: Final = Organisation(
    name="Care Quality Commission", short_name="CQC", kind=OrganisationKind.INSPECTORATE
)
"""The Care Quality Commission, the inspectorate of every record these importers make.

.. versionadded:: 0.1.0
"""

_FRAMEWORK: Final = BUILTIN.framework("cqc/ratings/2014")
_RATINGS_FROM: Final = datetime.date(2014, 10, 1)

_RATINGS: Final[dict[str, Judgment]] = {
    "outstanding": CQC_FOUR_POINT.parse("Outstanding"),
    "good": CQC_FOUR_POINT.parse("Good"),
    "requires improvement": CQC_FOUR_POINT.parse("Requires improvement"),
    "inadequate": CQC_FOUR_POINT.parse("Inadequate"),
    "no published rating": NO_PUBLISHED_RATING,
    "inspected but not rated": INSPECTED_NOT_RATED,
    "insufficient evidence to rate": INSUFFICIENT_EVIDENCE,
    "not rated": NOT_RATED,
    "not applicable": NOT_APPLICABLE,
}
_RATING_LABELS: Final = (
    "Outstanding",
    "Good",
    "Requires improvement",
    "Inadequate",
    "No published rating",
    "Inspected but not rated",
    "Insufficient evidence to rate",
    "Not rated",
    "Not applicable",
)
_KEY_QUESTIONS: Final = {area.topic.casefold(): (area.key, area.topic) for area in _FRAMEWORK.areas}


def _rating(value: str) -> Judgment:
    judgment = _RATINGS.get(" ".join(value.split()).casefold())
    if judgment is None:
        raise ValueProblem(
            "is not a CQC rating: expected one of "
            + ", ".join(repr(label) for label in _RATING_LABELS)
        )
    return judgment


def _key_question(name: str) -> tuple[str, str]:
    found = _KEY_QUESTIONS.get(name.strip().casefold())
    if found is None:
        raise ValueProblem(
            "is not a CQC key question: expected one of "
            + ", ".join(repr(area.topic) for area in _FRAMEWORK.areas)
        )
    return found


def _key(name: str) -> str:
    return f"{NAMESPACE}:{name}"


# API location payloads ----------------------------------------------------------------------


class _Problem(Exception):
    """A value of a payload the importer does not know: its path, the value, what is wrong."""

    def __init__(self, path: tuple[str | int, ...], value: object, message: str) -> None:
        super().__init__(message)
        self.path, self.value, self.message = path, value, message


JsonPath = tuple[str | int, ...]
"""Where a value is in a payload, as keys and indexes."""


def _get(
    obj: Mapping[str, Any], key: str, path: JsonPath, kind: type, required: bool = False
) -> Any:
    value = obj.get(key)
    if value is None:
        if required:
            raise _Problem((*path, key), None, "is missing")
        return None
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise _Problem((*path, key), value, f"is not {_KINDS[kind]}")
    return value


_KINDS: Final = {str: "text", dict: "an object", list: "an array", bool: "true or false"}


def _text(obj: Mapping[str, Any], key: str, path: JsonPath, required: bool = False) -> str | None:
    value = _get(obj, key, path, str, required)
    if value is not None and not value.strip():
        if required:
            raise _Problem((*path, key), value, "is empty")
        return None
    return value  # type: ignore[no-any-return]


def _required(obj: Mapping[str, Any], key: str, path: JsonPath) -> str:
    value = _text(obj, key, path, required=True)
    assert value is not None  # _text raises for a required value that is missing
    return value


def _day(obj: Mapping[str, Any], key: str, path: JsonPath, required: bool = False) -> Any:
    value = _text(obj, key, path, required)
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueProblem as problem:
        raise _Problem((*path, key), value, str(problem)) from None


def _judgment(obj: Mapping[str, Any], path: JsonPath) -> Judgment:
    value = _required(obj, "rating", path)
    try:
        return _rating(value)
    except ValueProblem as problem:
        raise _Problem((*path, "rating"), value, str(problem)) from None


def _objects(
    obj: Mapping[str, Any], key: str, path: JsonPath
) -> list[tuple[JsonPath, dict[str, Any]]]:
    items = _get(obj, key, path, list) or []
    found = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise _Problem((*path, key, index), item, "is not an object")
        found.append(((*path, key, index), item))
    return found


@attrs.define
class _Report:
    """What is known of one report as the payload is read: the inspection it becomes."""

    link: str
    published: datetime.date
    overall: Judgment | None = None
    areas: list[GradedArea] = attrs.Factory(list)
    extensions: dict[str, JSONValue] = attrs.Factory(dict)


# The keys the location's typed fields hold, and those read into its records.
_LOCATION_TYPED: Final = frozenset(
    {"locationId", "providerId", "name", "odsCode", "uprn", "relationships"}
)
_LOCATION_RATINGS: Final = frozenset({"currentRatings", "historicRatings", "reports", "assessment"})


def _location(payload: dict[str, Any]) -> tuple[Organisation, str]:
    location_id = _required(payload, "locationId", ())
    name = _required(payload, "name", ())
    identifiers = [Identifier(scheme="cqc_location", value=location_id)]
    for key, scheme in (("providerId", "cqc_provider"), ("odsCode", "ods"), ("uprn", "uprn")):
        value = _text(payload, key, ())
        if value is not None:
            identifiers.append(Identifier(scheme=scheme, value=value))
    predecessors, successors = [], []
    for path, relation in _objects(payload, "relationships", ()):
        related = _required(relation, "relatedLocationId", path)
        kind = _required(relation, "type", path)
        folded = kind.casefold()
        target = Identifier(scheme="cqc_location", value=related)
        if "predecessor" in folded:
            predecessors.append(target)
        elif "successor" in folded:
            successors.append(target)
        else:
            raise _Problem(
                (*path, "type"),
                kind,
                "is not a relationship the importer knows (a predecessor or a successor)",
            )
    extensions = {
        _key(key): value
        for key, value in payload.items()
        if key not in _LOCATION_TYPED and key not in _LOCATION_RATINGS
    }
    # Who the related locations are and why they are related are not typed: kept as given.
    if payload.get("relationships"):
        extensions[_key("relationships")] = payload["relationships"]
    return (
        Organisation(
            name=name,
            kind=OrganisationKind.CARE_LOCATION,
            identifiers=tuple(identifiers),
            predecessors=tuple(predecessors),
            successors=tuple(successors),
            extensions=extensions,
        ),
        location_id,
    )


def _key_question_areas(
    ratings: list[tuple[JsonPath, dict[str, Any]]], dated: bool, parent: str | None = None
) -> list[GradedArea]:
    areas = []
    for path, rating in ratings:
        name = _required(rating, "name", path)
        try:
            key, topic = _key_question(name)
        except ValueProblem as problem:
            raise _Problem((*path, "name"), name, str(problem)) from None
        extensions = {
            _key(k): v
            for k, v in rating.items()
            if k not in ("name", "rating", "reportDate", "reportLinkId")
        }
        areas.append(
            GradedArea(
                key=key if parent is None else f"{parent}/{key}",
                topic=topic,
                parent=parent,
                judgment=_judgment(rating, path),
                judged=_day(rating, "reportDate", path) if dated else None,
                report=_text(rating, "reportLinkId", path) if dated else None,
                extensions=extensions,
            )
        )
    return areas


def _service_areas(ratings: list[tuple[JsonPath, dict[str, Any]]]) -> list[GradedArea]:
    areas = []
    for path, service in ratings:
        name = _required(service, "name", path)
        key = f"service/{slug(name)}"
        extensions = {
            _key(k): v
            for k, v in service.items()
            if k not in ("name", "rating", "reportDate", "reportLinkId", "keyQuestionRatings")
        }
        areas.append(
            GradedArea(
                key=key,
                topic=name,
                judgment=_judgment(service, path),
                judged=_day(service, "reportDate", path),
                report=_text(service, "reportLinkId", path),
                extensions=extensions,
            )
        )
        areas.extend(_key_question_areas(_objects(service, "keyQuestionRatings", path), False, key))
    return areas


def _location_records(payload: dict[str, Any]) -> list[Inspection]:
    location, location_id = _location(payload)
    reports: dict[str, _Report] = {}
    order: list[str] = []

    def report(link: str, published: datetime.date) -> _Report:
        found = reports.get(link)
        if found is None:
            found = reports[link] = _Report(link, published)
            order.append(link)
        return found

    for path, item in _objects(payload, "reports", ()):
        link = _required(item, "linkId", path)
        published = _day(item, "reportDate", path, required=True)
        found = report(link, published)
        found.extensions.update(
            {_key(k): v for k, v in item.items() if k not in ("linkId", "reportDate")}
        )
        _day(item, "firstVisitDate", path)  # checked: kept as given in the extensions

    for path, entry in _objects(payload, "historicRatings", ()):
        link = _required(entry, "reportLinkId", path)
        published = _day(entry, "reportDate", path, required=True)
        found = report(link, published)
        overall = _get(entry, "overall", path, dict)
        if overall is not None:
            here = (*path, "overall")
            found.overall = _judgment(overall, here)
            found.areas.extend(
                _key_question_areas(_objects(overall, "keyQuestionRatings", here), False)
            )
            found.extensions.update(
                _rest(overall, ("rating", "keyQuestionRatings"), "historic.overall")
            )
        found.areas.extend(_service_areas(_objects(entry, "serviceRatings", path)))
        found.extensions.update(
            _rest(entry, ("reportLinkId", "reportDate", "overall", "serviceRatings"), "historic")
        )

    # The current ratings last: with no report named, they go to the latest report without
    # ratings, which is known only once the historic ratings are placed.
    current = _get(payload, "currentRatings", (), dict)
    if current is not None:
        _current_ratings(current, ("currentRatings",), report, reports, order)

    records = [_inspection(reports[link], location) for link in order]
    for path, assessment in _objects(payload, "assessment", ()):
        records.extend(_assessment_records(path, assessment, location, location_id))
    return records


def _rest(obj: Mapping[str, Any], typed: Sequence[str], prefix: str) -> dict[str, JSONValue]:
    """The keys of *obj* no typed field holds, as ``cqc:<prefix>.<key>``; an empty object (the
    API's ``"useOfResources": {}``) says nothing and is not kept."""
    return {_key(f"{prefix}.{k}"): v for k, v in obj.items() if k not in typed and v != {}}


def _current_ratings(
    current: dict[str, Any],
    path: JsonPath,
    report: Any,
    reports: dict[str, _Report],
    order: list[str],
) -> None:
    overall = _get(current, "overall", path, dict)
    link = None
    if overall is not None:
        here = (*path, "overall")
        judgment = _judgment(overall, here)
        link = _text(overall, "reportLinkId", here)
        if link is not None:
            target = report(link, _day(overall, "reportDate", here, required=True))
        else:
            # No report is named ("No published rating"): it is what the latest report without
            # ratings of its own published; with no report at all there is nothing to record.
            unrated = [reports[k] for k in order if reports[k].overall is None]
            if not unrated:
                return
            target = max(unrated, key=lambda r: r.published)
        target.overall = judgment
        # Should the API list the report among the historic ratings too, the current ratings,
        # which date each key question, replace them.
        target.areas = _key_question_areas(_objects(overall, "keyQuestionRatings", here), True)
        target.extensions.update(
            _rest(
                overall,
                ("rating", "reportDate", "reportLinkId", "keyQuestionRatings"),
                "currentRatings.overall",
            )
        )
    services = _objects(current, "serviceRatings", path)
    if services:
        if link is None:
            raise _Problem((*path, "serviceRatings"), None, "rate services without a report")
        reports[link].areas.extend(_service_areas(services))
    _day(current, "reportDate", path)  # the overall's date again; checked, not kept twice


def _inspection(report: _Report, location: Organisation) -> Inspection:
    rated = report.overall is not None or report.areas
    framework = _FRAMEWORK.id if rated and report.published >= _RATINGS_FROM else None
    return Inspection(
        id=f"cqc/report/{report.link}",
        title=f"CQC report on {location.name}, {describe_day(report.published)}",
        inspectorate=CQC,
        subjects=(location,),
        published=report.published,
        scales=(CQC_FOUR_POINT,) if _has_grade(report) else (),
        framework=framework,
        graded_areas=tuple(report.areas),
        overall=report.overall,
        extensions=report.extensions,
    )


def _has_grade(report: _Report) -> bool:
    judgments = [report.overall, *(area.judgment for area in report.areas)]
    return any(isinstance(judgment, Grade) for judgment in judgments)


def _assessment_records(
    path: JsonPath, assessment: dict[str, Any], location: Organisation, location_id: str
) -> list[Inspection]:
    stamp = _required(assessment, "assessmentPlanPublishedDateTime", path)
    try:
        published = iso_day(stamp[:10])
        if len(stamp) > 10 and stamp[10] != "T":
            raise ValueProblem("is not a date and time")
    except ValueProblem as problem:
        raise _Problem((*path, "assessmentPlanPublishedDateTime"), stamp, str(problem)) from None
    ratings = _get(assessment, "ratings", path, dict) or {}
    here = (*path, "ratings")
    records = []
    shared = {_key("assessmentPlanPublishedDateTime"): stamp}
    for entry_path, entry in _objects(ratings, "overall", here):
        index = entry_path[-1]
        records.append(
            _assessed(
                f"cqc/assessment/{location_id}/{stamp}/overall/{index}",
                f"CQC assessment of {location.name}",
                entry,
                entry_path,
                published,
                location,
                {**shared, **_rest(entry, ("rating", "keyQuestionRatings"), "overall")},
            )
        )
    for entry_path, entry in _objects(ratings, "asgRatings", here):
        plan = _required(entry, "assessmentPlanId", entry_path)
        name = _text(entry, "name", entry_path) or "assessment"
        _day(entry, "assessmentDate", entry_path)
        records.append(
            _assessed(
                f"cqc/assessment/{plan}/{slug(name)}",
                f"CQC assessment of {location.name}: {name}",
                entry,
                entry_path,
                published,
                location,
                {**shared, **_rest(entry, ("rating", "keyQuestionRatings"), "asg")},
            )
        )
    return records


def _assessed(
    record_id: str,
    title: str,
    entry: dict[str, Any],
    path: JsonPath,
    published: datetime.date,
    location: Organisation,
    extensions: dict[str, JSONValue],
) -> Inspection:
    overall = _judgment(entry, path)
    areas = _key_question_areas(_objects(entry, "keyQuestionRatings", path), False)
    report = _Report(record_id, published, overall, areas, extensions)
    return Inspection(
        id=record_id,
        title=title,
        inspectorate=CQC,
        subjects=(location,),
        published=published,
        scales=(CQC_FOUR_POINT,) if _has_grade(report) else (),
        # An assessment may rate some key questions only; the catalogue has no single
        # assessment framework to check it against.
        framework=None,
        graded_areas=tuple(areas),
        overall=overall,
        extensions=extensions,
    )


def _payload_results(
    payload: object, name: str, item: str, line: int | None
) -> list[Inspection] | SourceError:
    located = Located(name, item, line)
    if not isinstance(payload, dict):
        located.add((), None, "is not a CQC location (a JSON object)")
        return located.error()
    try:
        records = _location_records(payload)
        for record in records:
            problems = check(record)
            if problems:
                raise _Problem(
                    (),
                    None,
                    f"makes an invalid record {record.id!r}: "
                    + "; ".join(str(problem) for problem in problems),
                )
    except InvalidRecord as error:  # a value no check above foresaw: still located
        located.add((), None, str(error))
        return located.error()
    except _Problem as problem:
        message = problem.message
        if problem.value is not None:
            message = f"{shown(_as_text(problem.value))} {message}"
        located.add(
            problem.path, None if problem.value is None else _as_text(problem.value), message
        )
        return located.error()
    return records


def _as_text(value: object) -> str:
    """A value of the payload as text: text as it is, anything else as JSON, cut short so
    that an error never grows with the payload."""
    if isinstance(value, str):
        return value
    written = orjson.dumps(value).decode()
    return written if len(written) <= 200 else written[:200] + "..."


def _item_name(payload: object, fallback: str) -> str:
    if isinstance(payload, dict) and isinstance(payload.get("locationId"), str):
        return f"{fallback} (location {payload['locationId']})"
    return fallback


def _location_results(stream: Any, name: str, head: bytes) -> Iterator[Inspection | SourceError]:
    first_line = b""
    first = None
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"[":
        # Not an array, whose first line may be the whole file: one payload, or JSON Lines.
        first_line = stream.readline()
        try:
            first = orjson.loads(first_line)
        except orjson.JSONDecodeError:
            first = None
    if isinstance(first, dict):
        # JSON Lines, or one payload on one line: read one line at a time.
        lines = _chain_first(first_line, stream)
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                payload = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                located = Located(name, f"line {number}", number)
                located.add((), None, f"is not JSON: {error.msg} at column {error.colno}")
                yield located.error()
                continue
            yield from _results_of(payload, name, _item_name(payload, f"line {number}"), number)
        return
    # One JSON document over several lines: a payload, or an array of payloads, read one
    # payload at a time.
    reader = JsonReader(replayed(first_line, stream))
    try:
        if reader.peek() != "[":
            payload = reader.value()
            reader.end()
            yield from _results_of(payload, name, _item_name(payload, "the payload"))
            return
        for index in reader.elements():
            payload = reader.value()
            yield from _results_of(payload, name, _item_name(payload, f"payload {index}"))
        reader.end()
    except JsonSyntaxError as error:
        raise file_error(
            name, f"not JSON: {error.message} at line {error.line}, column {error.column}"
        ) from None


def _results_of(
    payload: object, name: str, item: str, line: int | None = None
) -> Iterator[Inspection | SourceError]:
    result = _payload_results(payload, name, item, line)
    if isinstance(result, SourceError):
        yield result
    else:
        yield from result


def _chain_first(first: bytes, stream: Any) -> Iterator[bytes]:
    yield first
    yield from stream


# Latest ratings file ------------------------------------------------------------------------

_LOCATION_ID: Final = "Location ID"
_GROUP: Final = "Service / Population Group"
_DOMAIN: Final = ("Domain", "Key Question")
_RATING_COLUMN: Final = "Latest Rating"
_PUBLISHED: Final = "Publication Date"
_INHERITED: Final = "Inherited Rating (Y/N)"
_ROW_COLUMNS: Final = frozenset(
    {_GROUP, *_DOMAIN, _RATING_COLUMN, _PUBLISHED, _INHERITED, "Report Type"}
)
"""Columns that differ from row to row of one location; every other column describes the
location, and must agree across its rows."""
_OVERALL: Final = "overall"


class _RowProblem(Exception):
    def __init__(self, line: int, column: str | None, value: str | None, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.value, self.message = line, column, value, message


def _ratings_record(rows: list[tuple[int, Mapping[str, str]]], domain_column: str) -> Inspection:
    line = rows[0][0]
    location, location_id = _ratings_location(rows)
    overall: Judgment | None = None
    published: datetime.date | None = None
    areas: list[GradedArea] = []
    groups: set[str] = set()
    overall_extensions: dict[str, JSONValue] = {}
    for row_line, row in rows:
        group = text(row[_GROUP])
        domain = text(row[domain_column])
        if group is None:
            raise _RowProblem(row_line, _GROUP, None, "is empty")
        if domain is None:
            raise _RowProblem(row_line, domain_column, None, "is empty")
        judgment, judged, extensions = _row_rating(row_line, row, location.name)
        is_overall_group = group.casefold() == _OVERALL
        is_overall_domain = domain.casefold() == _OVERALL
        if is_overall_group and is_overall_domain:
            if overall is not None:
                raise _RowProblem(row_line, domain_column, domain, "repeats the Overall rating")
            overall, published, overall_extensions = judgment, judged, extensions
            continue
        if is_overall_domain:
            key, topic, parent = f"service/{slug(group)}", group, None
            groups.add(key)
        else:
            key, topic, parent = _domain_area(row_line, domain_column, domain, group)
        areas.append(
            GradedArea(
                key=key,
                topic=topic,
                parent=parent,
                judgment=judgment,
                judged=judged,
                extensions=extensions,
            )
        )
    if published is None:
        raise _RowProblem(
            line,
            _PUBLISHED,
            None,
            f"location {location_id} has no dated Overall / Overall row to date the ratings by",
        )
    # A group rated only by domain, without its own overall row, is not nested under one.
    areas = [
        area if area.parent is None or area.parent in groups else attrs.evolve(area, parent=None)
        for area in areas
    ]
    return Inspection(
        id=f"cqc/latest-ratings/{location_id}/{published.isoformat()}",
        title=f"CQC ratings of {location.name}, {describe_day(published)}",
        inspectorate=CQC,
        subjects=(location,),
        published=published,
        scales=(CQC_FOUR_POINT,),
        framework=_FRAMEWORK.id if published >= _RATINGS_FROM else None,
        graded_areas=tuple(areas),
        overall=overall,
        extensions=overall_extensions,
    )


def _ratings_location(rows: list[tuple[int, Mapping[str, str]]]) -> tuple[Organisation, str]:
    """The location the rows rate, and its id; every column that describes it must agree
    across its rows."""
    line, first = rows[0]
    location_id = first[_LOCATION_ID].strip()
    if not location_id:
        raise _RowProblem(line, _LOCATION_ID, None, "is empty")
    location_name = text(first.get("Location Name", "")) or location_id
    identifiers = [Identifier(scheme="cqc_location", value=location_id)]
    for column, scheme in (("Provider ID", "cqc_provider"), ("Location ODS Code", "ods")):
        value = text(first.get(column, ""))
        if value is not None:
            identifiers.append(Identifier(scheme=scheme, value=value))
    described = [c for c in first if c not in _ROW_COLUMNS and c != _LOCATION_ID]
    for row_line, row in rows[1:]:
        for column in described:
            if row[column] != first[column]:
                raise _RowProblem(
                    row_line,
                    column,
                    row[column],
                    f"differs from the location's first row (line {line}): {first[column]!r}",
                )
    location = Organisation(
        name=location_name,
        kind=OrganisationKind.CARE_LOCATION,
        identifiers=tuple(identifiers),
        extensions={
            _key(c): text(first[c])
            for c in described
            if c not in ("Location Name", "Provider ID", "Location ODS Code")
        },
    )
    return location, location_id


def _row_rating(
    row_line: int, row: Mapping[str, str], location_name: str
) -> tuple[Judgment, datetime.date | None, dict[str, JSONValue]]:
    """The rating of one row, the day it was published, and the row's own columns kept."""
    value = text(row[_RATING_COLUMN])
    if value is None:
        raise _RowProblem(row_line, _RATING_COLUMN, None, "is empty")
    try:
        judgment = _rating(value)
    except ValueProblem as problem:
        raise _RowProblem(row_line, _RATING_COLUMN, value, str(problem)) from None
    date_text = text(row[_PUBLISHED])
    judged = None
    if date_text is not None:
        try:
            judged = day(date_text)
        except ValueProblem as problem:
            raise _RowProblem(row_line, _PUBLISHED, date_text, str(problem)) from None
    inherited = text(row.get(_INHERITED, ""))
    if inherited is not None and inherited not in ("Y", "N"):
        raise _RowProblem(row_line, _INHERITED, inherited, "is not 'Y', 'N' or empty")
    if inherited == "Y":
        if not isinstance(judgment, Grade):
            raise _RowProblem(
                row_line, _INHERITED, inherited, f"marks {value!r} inherited: not a rating"
            )
        judgment = _inherited(judgment, location_name, judged)
    extensions: dict[str, JSONValue] = {}
    report_type = text(row.get("Report Type", ""))
    if report_type is not None:
        extensions[_key("Report Type")] = report_type
    if inherited == "N":
        extensions[_key(_INHERITED)] = "N"
    return judgment, judged, extensions


def _domain_area(
    row_line: int, domain_column: str, domain: str, group: str
) -> tuple[str, str, str | None]:
    """The key, topic and parent of a key question's rating: nested under its service or
    population group, unless the group is the location overall."""
    try:
        key, topic = _key_question(domain)
    except ValueProblem as problem:
        raise _RowProblem(row_line, domain_column, domain, str(problem)) from None
    parent = None if group.casefold() == _OVERALL else f"service/{slug(group)}"
    if parent is not None:
        key = f"{parent}/{key}"
    return key, topic, parent


def _inherited(grade: Grade, location_name: str, rated: datetime.date | None) -> Judgment:
    # The file says the rating was inherited, not from whom: the predecessor is the same
    # service under its earlier registration, named as the service is, with no identifiers.
    return Inherited(
        grade=grade,
        predecessor=Organisation(name=location_name, kind=OrganisationKind.CARE_LOCATION),
        rated=rated,
    )


_RATINGS_REQUIRED: Final = (_LOCATION_ID, _GROUP, _RATING_COLUMN, _PUBLISHED)


def _ratings_results(table: CsvTable | OdsTable, name: str) -> Iterator[Inspection | SourceError]:
    domain_column = next((c for c in _DOMAIN if c in table.header), None)
    if domain_column is None:
        raise file_error(
            name,
            "the header row has no 'Domain' (or 'Key Question') column",
            line=table.header_line,
        )
    group: list[tuple[int, Mapping[str, str]]] = []
    current = ""
    for row in table.rows():
        if isinstance(row, SourceError):
            yield row
            continue
        location_id = row.values[_LOCATION_ID].strip()
        if location_id != current:
            if group:
                yield _location_result(group, domain_column, name, current)
            group, current = [], location_id
        group.append((row.line, row.values))
    if group:
        yield _location_result(group, domain_column, name, current)


def _location_result(
    group: list[tuple[int, Mapping[str, str]]], domain_column: str, name: str, location_id: str
) -> Inspection | SourceError:
    """The record of one location's rows, or the error that says where it went wrong."""
    try:
        record = _ratings_record(group, domain_column)
        problems = check(record)
        if problems:
            raise _RowProblem(
                group[0][0],
                None,
                None,
                f"makes an invalid record {record.id!r}: "
                + "; ".join(str(problem) for problem in problems),
            )
    except InvalidRecord as error:  # a value no check above foresaw: still located
        problem = _RowProblem(group[0][0], None, None, str(error))
    except _RowProblem as caught:
        problem = caught
    else:
        return record
    located = Located(name, f"location {location_id} (row at line {problem.line})", problem.line)
    message = problem.message
    if problem.value is not None:
        message = f"{shown(problem.value)} {message}"
    located.add((problem.column,) if problem.column else (), problem.value, message)
    return located.error()


# Reading ----------------------------------------------------------------------------------


def _results(
    source: SourceInput, want: str | None, encoding: str | None, sheet: str | None
) -> Iterator[Inspection | SourceError]:
    with opened(source) as (stream, name):
        head, stream = head_of(stream, 4096)
        refuse_compressed(head, name)
        if head.startswith(ZIP_MAGIC) and want != "locations":
            with ods_content(stream, name) as xml:
                ods = OdsTable(
                    sheet_rows(xml, name),
                    name,
                    choices=[_RATINGS_REQUIRED],
                    sheets=(sheet,) if sheet else (),
                )
                yield from _ratings_results(ods, name)
            return
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        is_json = stripped[:1] in (b"{", b"[")
        if want == "locations" or (want is None and is_json):
            yield from _location_results(stream, name, head)
        else:
            with CsvTable(stream, name, required=_RATINGS_REQUIRED, encoding=encoding) as table:
                yield from _ratings_results(table, name)


def read(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read CQC open data, one record at a time: API location payloads (JSON, or JSON Lines),
    or the latest ratings file (CSV), told apart by their first bytes.

    Args:
        source: A path, or a file opened in binary mode.
        errors: Without it, the first bad item (a payload, or a location's rows) raises. With a
            list, each bad item's :class:`~inspectlib.sources.SourceError` is appended and
            reading goes on.
        encoding: The encoding of a CSV file, where you know it better than the detection
            (JSON is UTF-8).
        sheet: The sheet of an ODS file to read; by default the first with the ratings'
            columns (``Locations`` in CQC's file).

    Returns:
        The records, each built and validated as its item is read.

    Raises:
        SourceError: An item holds a value the importer does not know; the error names the
            file, the item, the field and the value.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, None, encoding, sheet), errors)


def read_locations(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read CQC API location payloads: one JSON object, a JSON array, or JSON Lines.
    See :func:`read`.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, "locations", encoding, sheet), errors)


def read_latest_ratings(
    source: SourceInput,
    *,
    errors: list[SourceError] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Iterator[Inspection]:
    """Read CQC's latest ratings file, exported as CSV. See :func:`read`.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, "ratings", encoding, sheet), errors)


offer_only(__name__, __all__)
