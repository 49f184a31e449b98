"""Hostile input: every loader answers it with a ValidationError that says what is wrong.

Deep nesting, huge strings and lines, numbers JSON cannot hold, repeated keys, broken UTF-8,
byte-order marks, surrogates and control characters. What inspectlib does not do yet is written
as the behaviour it should have, marked ``xfail(strict=True)`` with the reason. The limits
(size, depth, item count, problem count) are ``inspectlib.format.Limits``, passed as ``limits=``; a
ValidationError names the limit that was hit.
"""

from __future__ import annotations

import io
import json
import pathlib
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import inspectlib as il

SMALL = pathlib.Path(__file__).parent / "corpus" / "valid" / "small-inspection.json"
BASE: dict[str, Any] = json.loads(SMALL.read_text())


def document(**changes: Any) -> dict[str, Any]:
    """The small valid inspection as a dict, with *changes*."""
    return {**json.loads(SMALL.read_text()), **changes}


def text_of(**changes: Any) -> str:
    return json.dumps(document(**changes))


def with_extension(raw_value: str) -> str:
    """The small inspection with one extension whose value is the raw JSON *raw_value*."""
    return text_of()[:-1] + ', "extensions": {"test:value": ' + raw_value + "}}"


def problems(load: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises(il.ValidationError) as caught:
        load()
    return [(problem.path, problem.message) for problem in caught.value.problems]


def nested(depth: int, opening: str = "[", closing: str = "]", inner: str = "") -> str:
    return opening * depth + inner + closing * depth


LIMITS = il.format.Limits
LOADS = il.loads
LOAD_LINES = il.load_lines


# -- deep nesting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("100k nested arrays", nested(100_000)),
        ("100k nested objects", nested(100_000, '{"a":', "}", "1")),
        ("100k nested arrays in an extension", with_extension(nested(100_000))),
        ("100k nested arrays as the title", text_of()[:-1] + ', "title": ' + nested(100_000) + "}"),
    ],
)
def test_nesting_beyond_the_parsers_limit_is_invalid_json(name: str, text: str) -> None:
    [(path, message)] = problems(lambda: il.loads(text))

    # orjson stops at 1024 levels and says so; inspectlib reports it as a JSON error.
    assert "$" == path
    assert message.startswith("invalid JSON at line 1, column ")
    assert message.endswith(": depth limit exceeded")


@pytest.mark.parametrize("depth", [300, 600, 1000])
def test_nesting_within_the_parsers_limit_never_escapes_as_recursion_error(depth: int) -> None:
    result = outcome(with_extension(nested(depth)))

    # Refused is fine (today with "maximum recursion depth exceeded"); a crash is not.
    assert result == "loaded" or result.startswith("refused: $.extensions"), result


def outcome(text: str) -> str:
    try:
        il.loads(text)
    except il.ValidationError as error:
        return "refused: " + "; ".join(str(problem) for problem in error.problems)
    except RecursionError as error:
        return f"crashed: {error}"
    return "loaded"


def called_deeper(frames: int, function: Callable[[], str]) -> str:
    return function() if frames == 0 else called_deeper(frames - 1, function)


def test_whether_a_document_loads_does_not_depend_on_the_callers_stack() -> None:
    text = with_extension(nested(200))
    frames = sys.getrecursionlimit() - 300

    assert outcome(text) == called_deeper(frames, lambda: outcome(text))


def test_nesting_deeper_than_the_default_limit_is_refused_naming_the_limit() -> None:
    # 400 levels is well within orjson's 1024, and breaks the recursion limit today.
    [(path, message)] = problems(lambda: LOADS(with_extension(nested(400)), limits=LIMITS()))

    assert path.startswith("$.extensions.test:value")
    assert "max_depth" in message


def test_a_depth_limit_set_by_the_caller_is_named_when_hit() -> None:
    found = problems(lambda: LOADS(with_extension(nested(10)), limits=LIMITS(max_depth=5)))

    assert any("max_depth" in message and "5" in message for _, message in found)


# -- huge strings and lines ------------------------------------------------------------------


def test_a_50_mb_title_loads_whole_as_there_is_no_size_limit() -> None:
    title = "x" * 50_000_000
    data = text_of()[:-1].encode() + b', "title": "' + title.encode() + b'"}'

    inspection = il.loads(data, il.Inspection)

    assert 50_000_000 == len(inspection.title)
    assert inspection == il.loads(il.dumps(inspection))


def test_a_document_larger_than_max_bytes_is_refused_naming_the_limit() -> None:
    data = text_of(title="x" * 10_000)

    [(path, message)] = problems(lambda: LOADS(data, limits=LIMITS(max_bytes=1_000)))

    assert "$" == path
    assert "max_bytes" in message
    assert "1000" in message.replace(",", "")


def test_a_long_json_lines_line_is_read_whole() -> None:
    # A 5 MB line loads; one over Limits.max_bytes is read past without being held (see
    # test_files.py).
    line = text_of(title="x" * 5_000_000).encode()
    stream = io.BytesIO(line + b"\n" + SMALL.read_bytes().replace(b"\n", b"") + b"\n")

    titles = [record.title for record in il.load_lines(stream, il.Inspection)]

    assert [5_000_000, len("A small inspection")] == [len(title) for title in titles]


def test_a_json_lines_line_longer_than_max_bytes_is_refused_and_reading_goes_on() -> None:
    small = SMALL.read_bytes().replace(b"\n", b"")
    long = text_of(title="x" * 10_000).encode()
    errors: list[il.ValidationError] = []

    records = list(
        LOAD_LINES(
            io.BytesIO(small + b"\n" + long + b"\n" + small + b"\n"),
            limits=LIMITS(max_bytes=len(small) + 100),
            errors=errors,
        )
    )

    assert 2 == len(records)
    assert [2] == [error.problems[0].line for error in errors]
    assert "max_bytes" in errors[0].problems[0].message


def test_an_array_longer_than_max_items_is_refused_naming_the_limit() -> None:
    data = with_extension(json.dumps(list(range(50))))

    found = problems(lambda: LOADS(data, limits=LIMITS(max_items=10)))

    assert any("max_items" in message for _, message in found)


def test_limits_have_safe_defaults() -> None:
    defaults = LIMITS()

    assert 0 < defaults.max_bytes <= 1 << 30
    assert 0 < defaults.max_depth <= 256
    assert 0 < defaults.max_items
    assert 0 < defaults.max_problems <= 10_000


def test_the_problems_of_one_document_are_capped() -> None:
    data = text_of(graded_areas=[1] * 20_000)

    with pytest.raises(il.ValidationError) as caught:
        il.loads(data)

    assert len(caught.value.problems) <= 1_000
    assert "max_problems" in str(caught.value)


# -- numbers JSON cannot hold ----------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e400", "nan", "inf"],
)
def test_nan_and_infinity_are_refused(raw: str) -> None:
    for text in (
        with_extension(raw),
        text_of()[:-1] + ', "evidence": [{"type": "quantitative", "description": "d", '
        '"count": ' + raw + "}]}",
    ):
        [(path, message)] = problems(lambda text=text: il.loads(text))  # type: ignore[misc]

        assert "$" == path
        assert message.startswith("invalid JSON at line 1, column ")


def test_nan_and_infinity_are_refused_in_records_built_in_python(seed: il.Inspection) -> None:
    for value in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError, match=r"extensions\.x:v: .* is not a JSON number"):
            attrs.evolve(seed, extensions={"x:v": value})


@pytest.mark.xfail(
    strict=True,
    reason="orjson reads an integer beyond 64 bits as a float: 2**64 in an extension silently "
    "becomes 1.8446744073709552e+19, and a count of 2**64 is misreported as a float",
)
@pytest.mark.parametrize(
    ("text", "path"),
    [
        pytest.param(
            with_extension("18446744073709551616"), "$.extensions.test:value", id="2**64-extension"
        ),
        pytest.param(
            with_extension("[-9223372036854775809]"),
            "$.extensions.test:value[0]",
            id="-2**63-1-extension",
        ),
        pytest.param(
            text_of()[:-1] + ', "evidence": [{"type": "quantitative", "description": "d", '
            '"count": 18446744073709551616}]}',
            "$.evidence[0].count",
            id="2**64-count",
        ),
    ],
)
def test_integers_beyond_64_bits_are_refused_not_rounded(text: str, path: str) -> None:
    found = problems(lambda: il.loads(text))

    assert path in [where for where, _ in found]
    assert all("e+" not in message for _, message in found)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        pytest.param({"extensions": {"x:big": 2**64}}, "$.extensions.x:big", id="2**64-extension"),
        pytest.param(
            {"evidence": [il.QuantitativeEvidence(description="d", count=2**70)]},
            "$.evidence[0].count",
            id="2**70-count",
        ),
        pytest.param({"title": "broken \ud800 text"}, "$.title", id="lone-surrogate-title"),
    ],
)
def test_a_record_that_json_cannot_hold_is_refused_by_dumps_naming_the_field(
    seed: il.Inspection, changes: dict[str, Any], path: str
) -> None:
    record = attrs.evolve(seed, **changes)

    found = problems(lambda: il.dumps(record))

    assert path in [where for where, _ in found]


# -- repeated keys -------------------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="orjson keeps the last of repeated keys and inspectlib accepts it: the first value "
    "is silently lost",
)
@pytest.mark.parametrize(
    ("text", "path"),
    [
        pytest.param(text_of()[:-1] + ', "title": "Another title"}', "$.title", id="title"),
        pytest.param(
            text_of().replace('"key": "leadership",', '"key": "leadership", "key": "other",'),
            "$.graded_areas[0].key",
            id="area-key",
        ),
        pytest.param(
            with_extension('{"a": 1, "a": 2}'), "$.extensions.test:value.a", id="in-an-extension"
        ),
        pytest.param(
            '{"inspectlib": "1.0", "inspectlib": "2.0", "kind": "grading_scale"}',
            "$.inspectlib",
            id="format-version",
        ),
    ],
)
def test_a_repeated_key_is_refused_naming_the_key_and_its_path(text: str, path: str) -> None:
    found = problems(lambda: il.loads(text))

    assert any(where == path and "duplicate key" in message for where, message in found), found


# -- text encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(b"\xff", id="never-utf-8"),
        pytest.param(b"\xc0\xaf", id="overlong"),
        pytest.param(b"\xed\xa0\x80", id="encoded-surrogate"),
        pytest.param(b"\xe2\x82", id="truncated-sequence"),
        pytest.param(b"\xf4\x90\x80\x80", id="beyond-unicode"),
    ],
)
def test_invalid_utf_8_is_a_validation_error_not_a_unicode_error(
    bad: bytes, tmp_path: pathlib.Path
) -> None:
    data = text_of(title="T").encode().replace(b'"T"', b'"' + bad + b'"')
    path = tmp_path / "bad.json"
    path.write_bytes(data)

    for load in (lambda: il.loads(data), lambda: il.load(path)):
        [(where, message)] = problems(load)

        assert "$" == where
        assert "not valid UTF-8" in message


def test_invalid_utf_8_on_one_line_spoils_only_that_line(tmp_path: pathlib.Path) -> None:
    good = SMALL.read_bytes().replace(b"\n", b"")
    path = tmp_path / "bad.jsonl"
    path.write_bytes(good + b"\n" + good.replace(b"A small", b"A \xff small") + b"\n" + good)
    errors: list[il.ValidationError] = []

    records = list(il.load_lines(path, errors=errors))

    assert 2 == len(records)
    assert [(2, "$")] == [(p.line, p.path) for error in errors for p in error.problems]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", "\ufeff"], ids=["bytes", "text"])
def test_a_byte_order_mark_is_refused_saying_so(data: bytes | str, tmp_path: pathlib.Path) -> None:
    # RFC 8259 lets a parser refuse a BOM, and inspectlib does, clearly. Tools that add one
    # (Windows Notepad, PowerShell) need it stripped first.
    body = text_of()
    text = data + body.encode() if isinstance(data, bytes) else data + body

    assert [
        ("$", "invalid JSON at line 1, column 1: UTF-8 byte order mark (BOM) is not supported")
    ] == (problems(lambda: il.loads(text)))


def test_a_byte_order_mark_on_the_first_json_lines_line_spoils_only_that_line() -> None:
    good = SMALL.read_bytes().replace(b"\n", b"")
    errors: list[il.ValidationError] = []

    records = list(il.load_lines(io.BytesIO(b"\xef\xbb\xbf" + good + b"\n" + good), errors=errors))

    assert 1 == len(records)
    assert [1] == [error.problems[0].line for error in errors]
    assert "byte order mark" in errors[0].problems[0].message


@pytest.mark.parametrize(
    ("escape", "message"),
    [
        ("\\ud800", "no low surrogate in string"),
        ("\\udc00", "invalid high surrogate in string"),
        ("\\ud800\\u0041", "invalid low surrogate in string"),
    ],
)
def test_lone_surrogate_escapes_are_refused(escape: str, message: str) -> None:
    text = text_of(title="T").replace('"T"', f'"{escape}"')

    [(path, found)] = problems(lambda: il.loads(text))

    assert "$" == path
    assert found.endswith(message)


def test_a_surrogate_pair_escape_is_one_character_and_round_trips() -> None:
    inspection = il.loads(text_of(title="T").replace('"T"', '"\\ud83d\\ude00"'), il.Inspection)

    assert "\U0001f600" == inspection.title
    assert inspection == il.loads(il.dumps(inspection))


@pytest.mark.parametrize("raw", ["\x00", "\x07", "\x1b", "\n", "\t", "\x7f"])
def test_raw_control_characters_in_strings_are_refused(raw: str) -> None:
    text = text_of(title="T").replace('"T"', f'"a{raw}b"')

    if raw == "\x7f":  # DEL is not a control character to JSON: it is plain text
        assert "a\x7fb" == il.loads(text, il.Inspection).title
        return
    [(path, message)] = problems(lambda: il.loads(text))

    assert "$" == path
    assert message.endswith("unexpected control character in string")


@pytest.mark.parametrize("escaped", ["\\u0007", "\\u0000", "\\u001b[31m", "\\b", "\\f"])
def test_escaped_control_characters_are_text_kept_as_given(escaped: str) -> None:
    # Escaped, they are valid JSON and valid text: accepted, kept and written back escaped.
    text = text_of(title="T").replace('"T"', f'"a{escaped}b"')

    inspection = il.loads(text, il.Inspection)

    assert json.loads(f'"a{escaped}b"') == inspection.title
    assert inspection == il.loads(il.dumps(inspection))
    assert all(ord(char) >= 0x20 for char in il.dumps(inspection))


# -- the format version ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "version",
    [
        pytest.param("\u00b2.0", id="superscript-major"),
        pytest.param("1.\u00b2", id="superscript-minor"),
        pytest.param("1." + "9" * 5000, id="5000-digit-minor"),
        pytest.param("\uff11.\uff10", id="fullwidth"),
    ],
)
def test_a_version_that_is_not_ascii_major_minor_is_refused(version: str) -> None:
    # A version too long to be one is shown cut short, not all 5,000 digits of it.
    shown = version if len(version) <= 40 else version[:37] + "..."

    assert [("$.inspectlib", f"{shown!r} is not a format version (MAJOR.MINOR)")] == problems(
        lambda: il.loads(text_of(inspectlib=version))
    )


@pytest.mark.parametrize("key", ["rating.trend", "a[x]", "a[0]", "", "."])
def test_a_newer_minor_version_drops_any_unknown_key(seed: il.Inspection, key: str) -> None:
    data = il.to_dict(seed)
    data["inspectlib"] = "1.7"
    data[key] = "new"
    data["graded_areas"][0][key] = "new"

    with pytest.warns(il.errors.FormatVersionWarning):
        assert seed == il.from_dict(data)
