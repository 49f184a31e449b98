"""Output that could hurt its reader: control sequences for terminals, formulas for
spreadsheets. A document's text reaches neither as anything but text."""

from __future__ import annotations

import csv
import json
import pathlib
from typing import Any

import attrs
import pytest

import inspectlib as il
from inspectlib._cli import main

CORPUS = pathlib.Path(__file__).parent / "corpus" / "valid"
SMALL: dict[str, Any] = json.loads((CORPUS / "small-inspection.json").read_text())

HOSTILE = (
    "Report\x1b]8;;https://example.invalid/\x07click\x1b]8;;\x07"  # an OSC 8 hyperlink
    "\x1b[2J\x1b[31m"  # clear the screen, turn red
    "\x9b0m"  # a one-byte CSI
    "\r\u202eevil"  # back to the line's start; reverse what follows
)
RAW = ("\x1b", "\x07", "\x9b", "\r", "\u202e")


def hostile_file(tmp_path: pathlib.Path, **changes: Any) -> pathlib.Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({**SMALL, "title": HOSTILE, **changes}))
    return path


def assert_nothing_raw(text: str) -> None:
    assert not [char for char in RAW if char in text], repr(text)


def test_show_escapes_control_sequences_from_the_document(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["show", str(hostile_file(tmp_path))])

    out = capsys.readouterr().out
    assert_nothing_raw(out)
    assert out.startswith(
        "Report\\x1b]8;;https://example.invalid/\\x07click\\x1b]8;;\\x07\\x1b[2J\\x1b[31m\\x9b0m"
        "\\r\\u202eevil\n"
    )


def test_show_as_json_escapes_them_and_still_reads_back(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["show", "--format", "json", str(hostile_file(tmp_path))])

    out = capsys.readouterr().out
    assert_nothing_raw(out)
    assert HOSTILE == json.loads(out)["title"]


def test_convert_to_standard_output_escapes_them_and_still_reads_back(
    tmp_path: pathlib.Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert 0 == main(["convert", str(hostile_file(tmp_path)), "-", "--to", "jsonl"])

    out = capsysbinary.readouterr().out
    assert_nothing_raw(out.decode())
    assert HOSTILE == il.loads(out).title  # type: ignore[union-attr]


def test_validate_and_errors_escape_them(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = hostile_file(tmp_path, kind="\x1b[2J" + HOSTILE)
    key = dict(SMALL)
    key["extensions"] = {HOSTILE: 1}
    other = tmp_path / "key.json"
    other.write_text(json.dumps(key))

    assert 1 == main(["validate", str(bad), str(other)])
    assert 1 == main(["show", str(bad)])

    printed = capsys.readouterr()
    assert_nothing_raw(printed.out + printed.err)
    assert "\\x1b[2J" in printed.out + printed.err


# -- CSV for spreadsheets ----------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://example.invalid","x")', "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


def inspection_with_formulas(seed: il.Inspection) -> il.Inspection:
    findings = [
        attrs.evolve(seed.findings[0], id=f"f{index}", text=text, cause_of_concern=None)
        for index, text in enumerate(FORMULAS)
    ]
    return attrs.evolve(seed, title="=1+1", findings=findings)


def cells(path: pathlib.Path, column: str) -> list[str]:
    with path.open(newline="", encoding="utf-8") as stream:
        return [row[column] for row in csv.DictReader(stream)]


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([inspection_with_formulas(seed)]).to_csv(tmp_path)

    assert ["'" + text for text in FORMULAS] == cells(tmp_path / "findings.csv", "text")
    assert ["'=1+1"] == cells(tmp_path / "inspections.csv", "title")


def test_raw_csv_writes_cells_as_the_documents_hold_them(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([inspection_with_formulas(seed)]).to_csv(tmp_path, raw=True)

    assert FORMULAS == cells(tmp_path / "findings.csv", "text")


def test_numbers_and_ordinary_text_are_written_as_they_are(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    il.tables.tables([seed]).to_csv(tmp_path)

    assert [seed.title] == cells(tmp_path / "inspections.csv", "title")


@pytest.mark.parametrize(("options", "prefix"), [([], "'"), (["--raw"], "")])
def test_convert_to_csv_neutralises_formulas_unless_raw(
    seed: il.Inspection, tmp_path: pathlib.Path, options: list[str], prefix: str
) -> None:
    source = tmp_path / "in.json"
    il.dump(inspection_with_formulas(seed), source)

    assert 0 == main(["convert", str(source), str(tmp_path / "out"), "--to", "csv", *options])

    assert [prefix + text for text in FORMULAS] == cells(tmp_path / "out" / "findings.csv", "text")
