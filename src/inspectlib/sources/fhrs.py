"""Food hygiene ratings (FHRS and FHIS), as the Food Standards Agency publishes them.

:func:`read` reads each of the forms the ratings come in, telling them apart by their content:

- the bulk open-data XML files, one per local authority (``FHRS554en-GB.xml``), in English or
  Welsh, for the food hygiene rating scheme (England, Wales, Northern Ireland) and Scotland's
  food hygiene information scheme alike; read as a stream, so memory stays flat however large
  the file;
- their JSON twins, in both shapes they have had: every value a string, under
  ``EstablishmentCollection.EstablishmentDetail`` (2020), or typed values with the
  establishments straight under ``EstablishmentCollection`` (2024 on);
- API v2 responses: ``Establishments`` (``{"establishments": [...], "meta": ...}``), one
  establishment (``Establishments/{id}``), or a JSON array of establishments.

Every form is read as a stream, one establishment at a time, so memory stays flat however
large the file: JSON too, whose envelope is walked while each establishment is decoded on its
own. So a JSON file's ``Header`` (or an API response's ``meta``) is read where it stands: the
FSA's twins give the header before the establishments, as they must for its extract date to
date them; the API gives ``meta`` after them, with no real extract date (pass ``as_of=``).

Each establishment becomes one :class:`~inspectlib.Inspection`: its current rating, as given on
the day of the extract.

>>> from inspectlib.sources import fhrs
>>> zinc = next(fhrs.read(fhrs.SAMPLE))
>>> zinc.subjects[0].name, zinc.subjects[0].identifier("fhrs")
('Zinc', '52236')
>>> zinc.overall.label, [(area.key, area.judgment.label) for area in zinc.graded_areas]
('5', [('hygiene', '5'), ('structural', '5'), ('confidence_in_management', '5')])
>>> zinc.inspectorate.name, str(zinc.published), str(zinc.fieldwork.start)
('Gwynedd', '../2026-08-19', '2013-11-05')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import IO, Any, Final
from xml.etree import ElementTree

from inspectlib._errors import InspectlibError
from inspectlib._extensions import NO_EXTENSIONS, freeze_extensions
from inspectlib._fast_records import assembler
from inspectlib._frozen import FrozenDict
from inspectlib._inspections import GradedArea, Inspection, Period
from inspectlib._judgments import (
    AWAITING_INSPECTION,
    AWAITING_PUBLICATION,
    EXEMPT,
    Judgment,
)
from inspectlib._organisations import Identifier, Organisation, OrganisationKind
from inspectlib._partial_dates import PartialDate
from inspectlib._paths import Step
from inspectlib._surface import offer_only
from inspectlib.frameworks import FHIS, FHRS
from inspectlib.scales import (
    FHIS_PASS_IMPROVEMENT,
    FHRS_CONFIDENCE_IN_MANAGEMENT,
    FHRS_HYGIENE,
    FHRS_RATING,
    FHRS_STRUCTURAL,
)
from inspectlib.sources._json import JsonReader, JsonSyntaxError
from inspectlib.sources._ods import ZIP_MAGIC
from inspectlib.sources._shared import (
    PASS_AS_OF,
    XSI_NIL,
    Located,
    SourceError,
    SourceInput,
    deliver,
    file_error,
    opened,
    peek,
    refuse_compressed,
    shown,
    xml_error,
    xml_iterparse,
)

__all__ = ["NAMESPACE", "SAMPLE", "read"]

NAMESPACE: Final = "fhrs"
"""The namespace of the extension keys this importer fills: ``"fhrs:PostCode"``.

.. versionadded:: 0.1.0
"""

SAMPLE: Final = str(resources.files("inspectlib.sources").joinpath("samples", "fhrs.xml"))
"""The path of a small bulk XML file bundled with inspectlib, four real establishments in the
published file's exact shape: ``inspectlib import fhrs sample:fhrs``.

.. versionadded:: 0.1.0
"""


def read(
    source: SourceInput,
    *,
    as_of: datetime.date | None = None,
    errors: list[SourceError] | None = None,
) -> Iterator[Inspection]:
    """Each establishment of an FSA file or API response, as an :class:`~inspectlib.Inspection`.

    Args:
        source: A path, or a file opened in binary mode: a bulk XML file, its JSON twin, or an
            API v2 response; which it is is read from its content.
        as_of: The day the data was fetched, for API responses, which state no extract date:
            their records are published "by" that day. A file's own ``ExtractDate`` wins.
        errors: Without it, the first bad establishment raises. With a list, each bad
            establishment's :class:`~inspectlib.sources.SourceError` is appended to it and
            reading goes on; a problem that ends the file is the last one appended.

    An establishment with a value this importer does not know, or without a field it needs, is
    a :class:`~inspectlib.sources.SourceError`; so is a file that is not one of the FSA's
    forms, is not well-formed, or declares a document type.

    Raises:
        SourceError: Without *errors*, the first bad establishment or file.

    .. versionadded:: 0.1.0
    """
    return deliver(_results(source, as_of), errors)


def _results(
    source: SourceInput, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    with opened(source) as (stream, name):
        head, stream = peek(stream)
        refuse_compressed(head, name)
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first == b"<":
            yield from _from_xml(stream, name, as_of)
        elif first in (b"{", b"["):
            yield from _from_json(stream, name, as_of)
        else:
            raise file_error(
                name,
                "not an FSA food hygiene file: expected XML (a bulk open-data file) or JSON "
                "(its JSON twin, or an API response)" + _what_it_is(head),
            )


def _what_it_is(head: bytes) -> str:
    """What a file that is neither XML nor JSON is, where its first bytes *head* tell."""
    if not head.strip():
        return "; the file is empty"
    if head.startswith(ZIP_MAGIC):
        return "; the file is a zip archive: extract the XML or JSON file from it first"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "; the file is UTF-16 text: save it as UTF-8, as the FSA publishes it"
    return ""


# What the values mean -------------------------------------------------------------------------

_FHRS_VALUES: Final[dict[str, Judgment]] = {
    **{label: FHRS_RATING.parse(label) for label in FHRS_RATING.labels},
    "Exempt": EXEMPT,
    "AwaitingInspection": AWAITING_INSPECTION,
    "AwaitingPublication": AWAITING_PUBLICATION,
}
_FHIS_PASS = FHIS_PASS_IMPROVEMENT.parse("Pass")
_FHIS_VALUES: Final[dict[str, Judgment]] = {
    "Pass": _FHIS_PASS,
    "Pass and Eat Safe": FHIS_PASS_IMPROVEMENT.parse("Pass and Eat Safe"),
    "Improvement Required": FHIS_PASS_IMPROVEMENT.parse("Improvement required"),
    "Exempt": EXEMPT,
    "Awaiting Inspection": AWAITING_INSPECTION,
    "Awaiting Publication": AWAITING_PUBLICATION,
}
# RatingKey, lower-cased and without its locale, for each RatingValue.
_FHRS_KEYS: Final[dict[str, tuple[str, ...]]] = {
    **{label: (f"fhrs_{label}",) for label in FHRS_RATING.labels},
    "Exempt": ("fhrs_exempt",),
    # Welsh files were seen with either key for "awaiting inspection".
    "AwaitingInspection": ("fhrs_awaitinginspection", "fhrs_ratingawaited"),
    "AwaitingPublication": ("fhrs_awaitingpublication",),
}
_FHIS_KEYS: Final[dict[str, tuple[str, ...]]] = {
    value: ("fhis_" + value.lower().replace(" ", "_"),) for value in _FHIS_VALUES
}
_SCHEMES: Final = {"FHRS": "FHRS", "FHIS": "FHIS", 1: "FHRS", 2: "FHIS"}
_KEY_LOCALE = re.compile(r"_(en|cy)-gb\Z")

# (area key, topic, scale) of each score, by its element name.
_SCORES: Final = {
    "Hygiene": ("hygiene", "Hygiene", FHRS_HYGIENE),
    "Structural": ("structural", "Structural", FHRS_STRUCTURAL),
    "ConfidenceInManagement": (
        "confidence_in_management",
        "Confidence in management",
        FHRS_CONFIDENCE_IN_MANAGEMENT,
    ),
}
# Every graded area there can be, built once and shared: areas are immutable.
_AREAS: Final = {
    (element, label): GradedArea(key=key, topic=topic, judgment=scale.parse(label))
    for element, (key, topic, scale) in _SCORES.items()
    for label in scale.labels
}

# Dates: a day, or a day and a time (API), with fractions and an offset (API help samples).
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?")
# The dates the FSA writes for "no date": a rating's, and an API response's extract date.
_NO_DATES: Final = frozenset({datetime.date(1901, 1, 1), datetime.date(1, 1, 1)})
_DECIMAL = re.compile(r"-?\d{1,3}(?:\.\d+)?")
_DIGITS = re.compile(r"\d+")

_SUBJECT_FIELDS: Final = (
    "BusinessType",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "AddressLine4",
    "PostCode",
    "Phone",
)
_SUBJECT_KEYS: Final = tuple((key, f"fhrs:{key}") for key in _SUBJECT_FIELDS)
# Fields read into typed fields or checked; any other field is kept in the inspection's
# extensions as it is.
_KNOWN: Final = frozenset(
    {
        "FHRSID",
        "LocalAuthorityBusinessID",
        "BusinessName",
        "BusinessTypeID",
        "RatingValue",
        "RatingKey",
        "RatingDate",
        "LocalAuthorityCode",
        "LocalAuthorityName",
        "LocalAuthorityWebSite",
        "LocalAuthorityEmailAddress",
        "Scores",
        "SchemeType",
        "NewRatingPending",
        "RightToReply",
        "Geocode",
        *_SUBJECT_FIELDS,
    }
)
_KNOWN_IN_API: Final = _KNOWN | {
    "scores",
    "geocode",
    # The response's envelope, repeated on each establishment of a list: page counters and
    # an extract date that is always the "no date" sentinel, not facts of the establishment.
    "meta",
    "links",
}
# The API's spelling of the fields it spells differently from the bulk files.
_API_SPELLING: Final = {
    "Scores": "scores",
    "Geocode": "geocode",
    "Longitude": "longitude",
    "Latitude": "latitude",
}


class _Context:
    """What every establishment of one file shares: the file, its extract date (and the
    "published by" date made of it, once), and what is built once and shared: each local
    authority, each inspection date with its fieldwork."""

    __slots__ = ("api", "authorities", "extracted", "fieldworks", "name", "published")

    def __init__(self, name: str, extracted: datetime.date | None, api: bool) -> None:
        self.name = name
        self.api = api
        self.authorities: dict[tuple[Any, ...], Organisation] = {}
        self.fieldworks: dict[datetime.date, Period] = {}
        self.extracted: datetime.date | None = None
        self.published: PartialDate | None = None
        self.extracted_on(extracted)

    def extracted_on(self, day: datetime.date | None) -> None:
        self.extracted = day
        self.published = (
            None
            if day is None
            else PartialDate(year=day.year, month=day.month, day=day.day, by=True)
        )

    def fieldwork(self, day: datetime.date) -> Period:
        """The one-day fieldwork of an inspection on *day*, shared by every record of that
        day (a file has a few thousand distinct days at most; a hostile one is bounded)."""
        period = self.fieldworks.get(day)
        if period is None:
            stated = PartialDate(year=day.year, month=day.month, day=day.day)
            period = Period(start=stated, end=stated)
            if len(self.fieldworks) < 100_000:
                self.fieldworks[day] = period
        return period


# The bulk XML files ---------------------------------------------------------------------------


def _from_xml(
    stream: IO[bytes], name: str, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    context = _Context(name, as_of, api=False)
    events = xml_iterparse(stream, name)
    try:
        yield from _establishments(events, context)
    except ElementTree.ParseError as error:
        raise xml_error(name, error) from None


def _establishments(
    events: Iterator[tuple[str, ElementTree.Element]], context: _Context
) -> Iterator[Inspection | SourceError]:
    name = context.name
    depth = 0
    count = 0
    declared: int | None = None
    collection: ElementTree.Element | None = None
    for event, element in events:
        if event == "start":
            depth += 1
            if depth == 1 and element.tag != "FHRSEstablishment":
                raise file_error(
                    name,
                    f"not an FSA bulk open-data file: its root element is {element.tag!r}, "
                    "not 'FHRSEstablishment'",
                )
            if depth == 2 and element.tag == "EstablishmentCollection":
                collection = element
            continue
        if depth == 3 and collection is not None:
            count += 1
            if element.tag == "EstablishmentDetail":
                strays: list[tuple[str, ...]] = []
                fields = _fields_of(element, strays)
                yield _establishment(fields, context, count, strays)
            else:
                item = Located(name, f"{element.tag} {count}")
                item.add((element.tag,), None, "not an EstablishmentDetail: unknown element")
                yield item.error()
            # Nothing read is kept: memory stays flat however many establishments follow.
            collection.clear()
        elif depth == 2:
            if element.tag == "Header":
                declared = _header(element, context)
            elif element.tag == "EstablishmentCollection":
                collection = None
            else:
                item = Located(name, element.tag)
                item.add((element.tag,), None, "unknown element of FHRSEstablishment")
                yield item.error()
        depth -= 1
    if declared is not None and declared != count:
        raise file_error(
            name,
            f"the header's ItemCount says {declared:,} establishments, and the file holds "
            f"{count:,}: it may be cut short",
        )


def _header(element: ElementTree.Element, context: _Context) -> int | None:
    """Read the header: the extract date (every record's "published by"), the count."""
    strays: list[tuple[str, ...]] = []
    fields = _fields_of(element, strays)
    item = Located(context.name, "Header")
    for path in strays:
        item.add(("Header", *path), None, "unexpected attribute")
    extracted = _day(fields.get("ExtractDate"), ("Header", "ExtractDate"), item)
    if extracted is None and not item.problems:
        item.missing(("Header", "ExtractDate"))
    count_text = fields.get("ItemCount")
    count = None
    if count_text is not None:
        count = _whole(count_text, ("Header", "ItemCount"), item)
    code = fields.get("ReturnCode")
    if code is not None and code != "Success":
        item.add(("Header", "ReturnCode"), code, f"return code {shown(code)}, not 'Success'")
    for key in fields.keys() - {"ExtractDate", "ItemCount", "ReturnCode"}:
        item.add(("Header", key), fields[key], "unknown element of Header")
    if item.problems:
        raise item.error()
    context.extracted_on(extracted)
    return count


def _fields_of(element: ElementTree.Element, strays: list[tuple[str, ...]]) -> dict[str, Any]:
    """The children of *element* as a dict: text (``None`` for an empty or nil element), or a
    dict of the same for an element that has children. A repeated element becomes a list; an
    attribute other than ``xsi:nil`` is added to *strays* as its element path and name."""
    fields: dict[str, Any] = {}
    for child in element:
        tag = child.tag
        if len(child):
            value: Any = _fields_of(child, strays)
        else:
            value = child.text
            if value is not None and not value.strip():
                value = None
        attributes = child.items()
        if attributes:
            for attribute, text in attributes:
                if attribute != XSI_NIL:
                    strays.append((tag, "@" + attribute))
                elif text == "true":
                    value = None
        if tag in fields:
            previous = fields[tag]
            fields[tag] = [*previous, value] if type(previous) is list else [previous, value]
        else:
            fields[tag] = value
    return fields


# JSON: the bulk files' twins and the API ------------------------------------------------------


def _from_json(
    stream: IO[bytes], name: str, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    reader = JsonReader(stream)
    try:
        yield from _json_document(reader, name, as_of)
        reader.end()
    except JsonSyntaxError as error:
        raise file_error(
            name, f"invalid JSON at line {error.line}, column {error.column}: {error.message}"
        ) from None


_NOT_FSA_JSON: Final = (
    "not an FSA food hygiene file: JSON with neither FHRSEstablishment (a bulk file's twin), "
    "establishments (an API response) nor FHRSID (one establishment)"
)
_ENVELOPES: Final = re.compile(rb'\s*\{\s*"(?:FHRSEstablishment|establishments|meta|links)"')


def _json_document(
    reader: JsonReader, name: str, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    """The establishments of a JSON document, read one at a time: only the envelope is walked,
    and each establishment is decoded on its own."""
    start = reader.peek()
    if start == "[":
        context = _Context(name, as_of, api=True)
        for index in reader.elements():
            yield _api_establishment(reader.value(), context, index + 1)
        return
    if start != "{" or not _ENVELOPES.match(reader.head()):
        # One establishment (an API response for one id): a single item, read whole.
        document = reader.value()
        if type(document) is not dict or "FHRSID" not in document:
            raise file_error(name, _NOT_FSA_JSON)
        yield _api_establishment(document, _Context(name, as_of, api=True), 1)
        return
    yield from _envelope(reader, name, as_of)


def _envelope(
    reader: JsonReader, name: str, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    """The establishments of a bulk twin (``FHRSEstablishment``) or an API response
    (``establishments``, with ``meta`` and ``links``)."""
    context = _Context(name, as_of, api=True)
    found = False
    count = 0
    for key in reader.members():
        if key == "FHRSEstablishment":
            found = True
            yield from _bulk_json(reader, name, as_of)
        elif key == "establishments":
            found = True
            if reader.peek() != "[":
                raise file_error(name, "establishments is not an array")
            for index in reader.elements():
                count += 1
                yield _api_establishment(reader.value(), context, index + 1)
        elif key == "meta":
            _meta(reader.value(), context, as_of, count)
        else:
            reader.value()  # links, and anything else of the envelope: not establishments
    if not found:
        raise file_error(name, _NOT_FSA_JSON)


def _api_establishment(value: Any, context: _Context, index: int) -> Inspection | SourceError:
    """An establishment of an API response, which can only be dated by the day it was fetched
    (or a ``meta`` before it): without one, no establishment of the file can be, so the file
    ends with one error rather than one for each establishment."""
    if context.extracted is None:
        raise file_error(
            context.name,
            "no date to publish the ratings by: the file states no extract date "
            f"({PASS_AS_OF}, the day the data was fetched)",
        )
    return _establishment(value, context, index)


def _meta(meta: Any, context: _Context, as_of: datetime.date | None, read: int) -> None:
    """Date an API response by its ``meta``, when it comes before the establishments."""
    extracted = _api_extract_date(meta, context.name)
    if not read:
        context.extracted_on(extracted or as_of)
    elif extracted is not None and extracted != context.extracted:
        # The FSA's API puts meta last, with the "no date" sentinel: a real date there comes
        # too late for the establishments already read.
        raise file_error(
            context.name,
            f"meta.extractDate {extracted.isoformat()} comes after the establishments, which "
            f"were read without it: {PASS_AS_OF} with that day",
        )


def _bulk_json(
    reader: JsonReader, name: str, as_of: datetime.date | None
) -> Iterator[Inspection | SourceError]:
    """The establishments of a bulk file's JSON twin, the value of its ``FHRSEstablishment``."""
    if reader.peek() != "{":
        raise file_error(name, "FHRSEstablishment is not an object")
    context = _Context(name, as_of, api=False)
    declared: int | None = None
    count = 0
    for key in reader.members():
        if key == "Header":
            if count:
                raise file_error(
                    name,
                    "FHRSEstablishment.Header comes after the establishments, which need its "
                    "extract date first (the FSA's files give it first)",
                )
            header = reader.value()
            if type(header) is not dict:
                raise file_error(name, "FHRSEstablishment.Header is not an object")
            element = ElementTree.Element("Header")
            for field, value in header.items():
                ElementTree.SubElement(element, field).text = None if value is None else str(value)
            declared = _header(element, context)
        elif key == "EstablishmentCollection":
            for establishment in _collection(reader, name):
                count += 1
                yield _establishment(establishment, context, count)
        else:
            reader.value()
    if declared is not None and declared != count:
        raise file_error(
            name,
            f"the header's ItemCount says {declared:,} establishments, and the file holds "
            f"{count:,}: it may be cut short",
        )


def _collection(reader: JsonReader, name: str) -> Iterator[Any]:
    """Each establishment of ``EstablishmentCollection``: 2024 on, an array of them; 2020, an
    object whose ``EstablishmentDetail`` is the array, or a single establishment where a
    converter made one of a list of one."""
    kind = reader.peek()
    if kind == "[":
        for _ in reader.elements():
            yield reader.value()
    elif kind == "{":
        for key in reader.members():
            if key != "EstablishmentDetail":
                raise file_error(
                    name,
                    f"EstablishmentCollection holds {shown(key)}, not EstablishmentDetail",
                )
            detail = reader.peek()
            if detail == "[":
                for _ in reader.elements():
                    yield reader.value()
            elif detail == "{":
                yield reader.value()
            elif reader.value() is not None:
                raise file_error(name, "EstablishmentDetail is neither an array nor an object")
    elif reader.value() is not None:
        raise file_error(name, "EstablishmentCollection is neither an array nor an object")


def _api_extract_date(meta: Any, name: str) -> datetime.date | None:
    if type(meta) is not dict or meta.get("extractDate") is None:
        return None
    item = Located(name, "meta")
    extracted = _day(meta["extractDate"], ("meta", "extractDate"), item)
    if item.problems:
        raise item.error()
    return extracted


# One establishment ---------------------------------------------------------------------------


def _establishment(
    fields: Any, context: _Context, index: int, strays: list[tuple[str, ...]] | None = None
) -> Inspection | SourceError:
    """The inspection of one establishment, or the error naming everything wrong with it."""
    name = context.name
    if type(fields) is not dict:
        item = Located(name, f"establishment {index}")
        item.add((), None, f"expected an object, got {type(fields).__name__}")
        return item.error()
    fhrsid = fields.get("FHRSID")
    label = "EstablishmentDetail" if not context.api else "establishment"
    # The FHRSID names the item where there is one, cut short so no message grows with a file.
    known = f" (FHRSID {str(fhrsid)[:20]})" if type(fhrsid) in (str, int) else ""
    item = Located(name, f"{label} {index}{known}")
    api = context.api
    for path in strays or ():
        item.add(path, None, "unexpected attribute")
    try:
        inspection = _build(fields, context, item, api)
    except (InspectlibError, ValueError) as error:
        # A record that refuses what it was given: blank text, a bad extension.
        item.add((), None, str(error))
        return item.error()
    return item.error() if inspection is None else inspection


def _text(fields: Mapping[str, Any], key: str, item: Located, *, required: bool = False) -> Any:
    """The text of *key*: ``None`` where it is absent, null, nil or empty."""
    value = fields.get(key)
    if value.__class__ is str and value:
        return value
    if type(value) is dict and value.get("@xsi:nil") == "true":
        value = None
    if value is None or value == "":
        if required:
            item.missing((key,))
        return None
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    if type(value) is list:
        item.add((key,), None, f"appears {len(value)} times")
    else:
        item.add((key,), str(value), f"expected text, got {shown(value)}")
    return None


def _build(
    fields: dict[str, Any], context: _Context, item: Located, api: bool
) -> Inspection | None:
    fhrsid = _text(fields, "FHRSID", item, required=True)
    if fhrsid is not None and not _DIGITS.fullmatch(fhrsid):
        item.add(("FHRSID",), fhrsid, f"{shown(fhrsid)} is not an FHRSID (a whole number)")
    business = _text(fields, "BusinessName", item, required=True)
    scheme = _scheme(fields, item)
    extensions: dict[str, Any] = {}
    value, judgment = _rating(fields, scheme, item, extensions)
    rated = _rating_date(fields, context, item)
    areas = _scores(fields, scheme, item, api)
    subject = _subject(fields, fhrsid, business, item, api)
    inspectorate = _local_authority(fields, context, item)
    unknown = _kept(fields, item, api, extensions)

    if item.problems or judgment is None or subject is None or inspectorate is None:
        return None
    assert fhrsid is not None
    assert value is not None
    assert context.published is not None
    fhis = scheme == "FHIS"
    if len(areas) == 3 and not fhis:
        _check_bands(value, areas, item)
        if item.problems:
            return None
    return _NEW_INSPECTION(
        id=f"fhrs/{fhrsid}/{rated.isoformat() if rated is not None else 'undated'}",
        title=("Food hygiene inspection result: " if fhis else "Food hygiene rating: ")
        + subject.name,
        inspectorate=inspectorate,
        subjects=(subject,),
        published=context.published,
        scales=_FHIS_SCALES if fhis else _FHRS_SCALES,
        framework=FHIS.id if fhis else FHRS.id,
        fieldwork=None if rated is None else context.fieldwork(rated),
        graded_areas=areas,
        overall=judgment,
        extensions=(
            freeze_extensions(extensions)
            if unknown
            else FrozenDict(extensions)
            if extensions
            else NO_EXTENSIONS
        ),
    )


def _scheme(fields: dict[str, Any], item: Located) -> str | None:
    value = fields.get("SchemeType")
    scheme = _SCHEMES.get(value) if type(value) in (str, int) else None
    if scheme is None:
        if value is None:
            item.missing(("SchemeType",))
        else:
            item.add(("SchemeType",), value, f"unknown scheme {shown(value)}")
    return scheme


def _rating(
    fields: dict[str, Any], scheme: str | None, item: Located, extensions: dict[str, Any]
) -> tuple[str | None, Judgment | None]:
    """The rating as written and what it means; its key, checked against it, is kept."""
    value = _text(fields, "RatingValue", item, required=True)
    judgment: Judgment | None = None
    if value is not None and scheme is not None:
        values = _FHRS_VALUES if scheme == "FHRS" else _FHIS_VALUES
        judgment = values.get(value)
        if judgment is None:
            known = ", ".join(values)
            item.add(
                ("RatingValue",),
                value,
                f"{shown(value)} is not an {scheme} rating this importer knows ({known})",
            )
    key = _text(fields, "RatingKey", item)
    if key is not None:
        extensions["fhrs:RatingKey"] = key
        if judgment is not None and scheme is not None:
            keys = (_FHRS_KEYS if scheme == "FHRS" else _FHIS_KEYS)[value]
            if _KEY_LOCALE.sub("", key.lower()) not in keys:
                item.add(
                    ("RatingKey",),
                    key,
                    f"{shown(key)} does not match RatingValue {shown(value)}",
                )
    return value, judgment


def _rating_date(fields: dict[str, Any], context: _Context, item: Located) -> datetime.date | None:
    rated = _day(fields.get("RatingDate"), ("RatingDate",), item)
    extracted = context.extracted
    if extracted is None:
        item.add(
            (),
            None,
            f"no date to publish the rating by: the file states no extract date ({PASS_AS_OF}, "
            "the day the data was fetched)",
        )
    elif rated is not None and rated > extracted:
        item.add(
            ("RatingDate",),
            rated.isoformat(),
            f"rated {rated.isoformat()}, after the data was extracted ({extracted.isoformat()})",
        )
    return rated


def _kept(fields: dict[str, Any], item: Located, api: bool, extensions: dict[str, Any]) -> bool:
    """Keep the flags, and every field no typed field takes, in *extensions*; whether any of
    the latter (which may need freezing) was found."""
    pending = fields.get("NewRatingPending")
    if pending is not None:
        flag = pending if type(pending) is bool else _PENDING.get(str(pending))
        if flag is None:
            item.add(("NewRatingPending",), pending, f"{shown(pending)} is neither True nor False")
        else:
            extensions["fhrs:NewRatingPending"] = flag
    reply = _text(fields, "RightToReply", item)
    if reply is not None:
        extensions["fhrs:RightToReply"] = reply
    unknown = fields.keys() - (_KNOWN_IN_API if api else _KNOWN)
    for key in unknown:
        kept = fields[key]
        if kept is not None and kept != "" and kept != [] and kept != {}:
            extensions[f"fhrs:{key}"] = kept
    return bool(unknown)


# Records are built without __init__: every value is checked on the way in (see _subject and
# _build), and the tests hold these records equal to ones built through __init__.
_NEW_INSPECTION: Final = assembler(Inspection)
_NEW_ORGANISATION: Final = assembler(Organisation)
_NEW_IDENTIFIER: Final = assembler(Identifier)
_FHRS_SCALES: Final = FHRS.scales
_FHIS_SCALES: Final = FHIS.scales
_PENDING: Final = {"True": True, "False": False, "true": True, "false": False}


_BANDS = FHRS.overall_rule


def _check_bands(value: str, areas: tuple[GradedArea, ...], item: Located) -> None:
    """A rating its three scores do not give, by the framework's published bands, is an error.

    The framework's own rule decides, so an import never yields a record that validation would
    refuse; the scores and the rating come from the same inspection.
    """
    assert _BANDS is not None
    scores = {area.key: int(area.judgment.label) for area in areas}
    values = tuple(scores[key] for key in _BANDS.areas)
    rating = _BANDS.rating_for(values)
    if rating is not None and rating != value:
        shown_scores = ", ".join(f"{key} {scores[key]}" for key in _BANDS.areas)
        item.add(
            ("RatingValue",),
            value,
            f"rating {value!r} contradicts the scores: framework {FHRS.id!r} rates "
            f"{shown_scores} (total {sum(values)}, highest {max(values)}) as {rating!r}",
        )


def _day(value: Any, steps: tuple[Step, ...], item: Located) -> datetime.date | None:
    """The day *value* states; ``None`` for a missing date or the FSA's "no date"."""
    if value is None or value == "" or (type(value) is dict and value.get("@xsi:nil") == "true"):
        return None
    if type(value) is not str:
        item.add(steps, str(value), f"expected a date, got {shown(value)}")
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        # The bulk files' form, read by the C parser; anything it refuses is reported below.
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return None if day in _NO_DATES else day
    matched = _DAY.fullmatch(value)
    if matched is None:
        item.add(steps, value, f"{shown(value)} is not a date (YYYY-MM-DD)")
        return None
    try:
        day = datetime.date(int(matched[1]), int(matched[2]), int(matched[3]))
    except ValueError as error:
        item.add(steps, value, f"{shown(value)} is not a date: {error}")
        return None
    return None if day in _NO_DATES else day


def _whole(value: Any, steps: tuple[Step, ...], item: Located) -> int | None:
    if type(value) is int:
        return value
    if type(value) is str and _DIGITS.fullmatch(value):
        return int(value)
    item.add(steps, str(value), f"{shown(value)} is not a whole number")
    return None


def _scores(
    fields: dict[str, Any], scheme: str | None, item: Located, api: bool
) -> tuple[GradedArea, ...]:
    where = "scores" if api else "Scores"
    scores = fields.get(where)
    if scores is None:
        return ()
    if type(scores) is not dict:
        item.add((where,), str(scores), f"expected the three scores, got {shown(scores)}")
        return ()
    areas = []
    for element, score in scores.items():
        if score is None or score == "":
            continue
        if element not in _SCORES:
            item.add((where, element), str(score), "unknown score")
            continue
        if scheme == "FHIS":
            item.add((where, element), str(score), "an FHIS result has no scores")
            continue
        label = str(score) if type(score) in (int, str) and type(score) is not bool else None
        area = _AREAS.get((element, label)) if label is not None else None
        if area is None:
            scale = _SCORES[element][2]
            item.add(
                (where, element),
                str(score),
                f"{shown(score)} is not a {_SCORES[element][1].lower()} score "
                f"({', '.join(scale.labels)})",
            )
            continue
        areas.append(area)
    # The framework's order, whatever the file's.
    order = list(_SCORES)
    keys = {area.key: area for area in areas}
    return tuple(keys[_SCORES[e][0]] for e in order if _SCORES[e][0] in keys)


def _subject(
    fields: dict[str, Any],
    fhrsid: str | None,
    business: str | None,
    item: Located,
    api: bool,
) -> Organisation | None:
    extensions: dict[str, Any] = {}
    for key, extension in _SUBJECT_KEYS:
        value = fields.get(key)
        if value.__class__ is str:  # the common case, without a call
            if value:
                extensions[extension] = value
        elif value is not None:
            text = _text(fields, key, item)
            if text is not None:
                extensions[extension] = text
    type_id = fields.get("BusinessTypeID")
    if type_id is not None and type_id != "":
        number = _whole(type_id, ("BusinessTypeID",), item)
        if number is not None:
            extensions["fhrs:BusinessTypeID"] = number
    geocode = _geocode(fields, item, api)
    if geocode:
        extensions["fhrs:Geocode"] = FrozenDict(geocode)
    if fhrsid is None or business is None:
        return None
    if not business.strip():
        item.add(("BusinessName",), business, "blank")
        return None
    identifiers = [_NEW_IDENTIFIER(scheme="fhrs", value=fhrsid)]
    local_id = _text(fields, "LocalAuthorityBusinessID", item)
    code = _text(fields, "LocalAuthorityCode", item)
    if local_id is not None and code is not None and local_id.strip():
        identifiers.append(_NEW_IDENTIFIER(scheme=f"fhrs_la/{code}", value=local_id))
    # Built without __init__: every value is checked above, and extensions hold only text,
    # whole numbers and the geocode's text (see the tests that hold this to __init__).
    return _NEW_ORGANISATION(
        name=business,
        kind=OrganisationKind.FOOD_BUSINESS,
        identifiers=tuple(identifiers),
        extensions=FrozenDict(extensions) if extensions else NO_EXTENSIONS,
    )


def _geocode(fields: dict[str, Any], item: Located, api: bool) -> dict[str, str] | None:
    where = "geocode" if api else "Geocode"
    geocode = fields.get(where)
    if geocode is None or geocode == "":
        return None
    if type(geocode) is not dict:
        item.add(
            (where,), str(geocode), f"expected a longitude and a latitude, got {shown(geocode)}"
        )
        return None
    kept: dict[str, str] = {}
    for name, limit in (("Longitude", 180), ("Latitude", 90)):
        key = _API_SPELLING[name] if api else name
        value = geocode.get(key)
        if value is None or value == "":
            continue
        text = value if type(value) is str else str(value)
        if (
            type(value) not in (str, int, float)
            or type(value) is bool
            or not _DECIMAL.fullmatch(text.strip())
            or abs(float(text)) > limit
        ):
            item.add((where, key), text, f"{shown(value)} is not a {name.lower()}")
            continue
        kept[name] = text
    for key in geocode.keys() - {"Longitude", "Latitude", "longitude", "latitude"}:
        item.add((where, key), str(geocode[key]), "unknown element of Geocode")
    return kept


def _local_authority(
    fields: dict[str, Any], context: _Context, item: Located
) -> Organisation | None:
    code = _text(fields, "LocalAuthorityCode", item, required=True)
    name = _text(fields, "LocalAuthorityName", item, required=True)
    website = _text(fields, "LocalAuthorityWebSite", item)
    email = _text(fields, "LocalAuthorityEmailAddress", item)
    if code is not None and not _DIGITS.fullmatch(code):
        item.add(("LocalAuthorityCode",), code, f"{shown(code)} is not an FSA authority code")
        return None
    if code is None or name is None:
        return None
    known = (code, name, website, email)
    authority = context.authorities.get(known)
    if authority is None:
        extensions = {}
        if website is not None:
            extensions["fhrs:LocalAuthorityWebSite"] = website
        if email is not None:
            extensions["fhrs:LocalAuthorityEmailAddress"] = email
        authority = Organisation(
            name=name,
            kind=OrganisationKind.LOCAL_AUTHORITY,
            identifiers=[Identifier(scheme="fsa_local_authority", value=code)],
            extensions=extensions,
        )
        if len(context.authorities) < 10_000:  # a file has one; a hostile one, no more memory
            context.authorities[known] = authority
    return authority


offer_only(__name__, __all__)
