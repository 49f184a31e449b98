"""Mutated food hygiene files: whatever a value becomes, the importer answers with records that
validate and write, or with located errors; never with an exception of another type."""

from __future__ import annotations

import copy
import datetime
import io
import json
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspectlib as il
from inspectlib.sources import SourceError, SourceProblem, fhrs

FIXTURES = Path(__file__).parent / "fixtures" / "fhrs"
EN = (FIXTURES / "fhrs-en-GB.xml").read_text(encoding="utf-8")
HEAD, _, REST = EN.partition("<EstablishmentCollection>")
DETAILS = re.findall(r"<EstablishmentDetail>.*?</EstablishmentDetail>", REST, re.DOTALL)
# Every element of every establishment, as (establishment, element, its whole text).
ELEMENTS = [
    (index, match.group(1), match.group(0))
    for index, body in enumerate(DETAILS)
    for match in re.finditer(
        r"<(\w+)[^>]*?(?:/>|>.*?</\1>)", body.removeprefix("<EstablishmentDetail>"), re.DOTALL
    )
]
JSON_2024 = orjson.loads((FIXTURES / "fhrs-2024.json").read_bytes())

MUTATIONS = settings(
    max_examples=4 * settings().max_examples,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Values real files get wrong, and values they might one day hold.
AWKWARD = st.sampled_from(
    [
        "",
        " ",
        "Six",
        "5 ",
        "-1",
        "99",
        "Awaiting Inspection",
        "Pass",
        "Exempt",
        "1901-01-01",
        "1901-01-01T00:00:00",
        "2013-13-01",
        "2013-11-05T25:00:00",
        "0001-01-01T00:00:00",
        "True",
        "yes",
        "NaN",
        "1e400",
        "fhrs_5_en-GB",
        "fhis_pass_and_eat_safe_cy-gb",
        "<Hygiene>5</Hygiene>",
        "<Hygiene>31</Hygiene><Hygiene>0</Hygiene>",
        "<Longitude>-181</Longitude><Latitude>0</Latitude>",
        "<Longitude /><Latitude>1</Latitude>",
        "<Child>x</Child>",
    ]
)


def check_outcome(data: bytes, count: int, as_of: datetime.date | None = None) -> None:
    """Every establishment is a record that validates and writes, or a located error."""
    errors: list[SourceError] = []
    records = list(fhrs.read(io.BytesIO(data), errors=errors, as_of=as_of))
    for record in records:
        assert () == il.check(record)
        assert record == il.loads(il.dumps(record))
    for error in errors:
        assert "<stream>" == error.file
        assert error.item
        assert all(type(problem) is SourceProblem for problem in error.problems)
    items = [error for error in errors if error.item not in ("the file", "Header")]
    assert len(records) + len(items) <= count
    if not any(error.item in ("the file", "Header") for error in errors):
        assert len(records) + len(items) == count


@MUTATIONS
@given(
    element=st.sampled_from(ELEMENTS),
    value=st.one_of(AWKWARD, st.text(max_size=30).map(escape)),
    operation=st.sampled_from(["replace", "remove", "repeat", "add"]),
)
def test_a_mutated_element_gives_records_or_located_errors(
    element: tuple[int, str, str], value: str, operation: str
) -> None:
    index, tag, whole = element
    details = list(DETAILS)
    if operation == "replace":
        mutated = f"<{tag}>{value}</{tag}>"
    elif operation == "remove":
        mutated = ""
    elif operation == "repeat":
        mutated = whole + whole
    else:
        mutated = whole + f"<Extra{tag}>{value}</Extra{tag}>"
    details[index] = details[index].replace(whole, mutated, 1)
    data = (HEAD + "<EstablishmentCollection>\n" + "\n".join(details)).encode()
    data += b"\n</EstablishmentCollection>\n</FHRSEstablishment>\n"

    check_outcome(data, len(DETAILS))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | AWKWARD,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@MUTATIONS
@given(
    index=st.integers(0, 2),
    key=st.sampled_from(
        [
            "FHRSID",
            "BusinessName",
            "RatingValue",
            "RatingKey",
            "RatingDate",
            "Scores",
            "Geocode",
            "SchemeType",
            "NewRatingPending",
            "LocalAuthorityCode",
            "BusinessTypeID",
            "PostCode",
            "Unheard",
        ]
    ),
    value=JSON_VALUES,
    remove=st.booleans(),
)
def test_a_mutated_json_value_gives_records_or_located_errors(
    index: int, key: str, value: Any, remove: bool
) -> None:
    document = copy.deepcopy(JSON_2024)
    establishment = document["FHRSEstablishment"]["EstablishmentCollection"][index]
    if remove:
        establishment.pop(key, None)
    else:
        establishment[key] = value

    check_outcome(json.dumps(document).encode(), 3)


@MUTATIONS
@given(data=st.binary(max_size=200), cut=st.integers(0, len(EN)))
def test_a_file_cut_anywhere_or_full_of_noise_is_a_located_error(data: bytes, cut: int) -> None:
    for sample in (data, EN.encode()[:cut]):
        check_outcome(sample, len(DETAILS))
