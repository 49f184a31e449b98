"""``inspectlib import``: what it writes, what it says, how it exits, with any importer.

An importer built on the shared helpers (``fake_importer``) is registered here, so these tests
hold for every publisher's importer the command runs.
"""

from __future__ import annotations

import io
import os
import pathlib

import pytest

import inspectlib as il
from inspectlib import sources
from inspectlib._cli import main
from inspectlib.sources import IMPORTERS, ofsted


@pytest.fixture(autouse=True)
def _fake_importer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sources._IMPORTERS, "fake", "fake_importer")


def test_the_importers_are_read_only() -> None:
    with pytest.raises(TypeError, match="does not support item assignment"):
        IMPORTERS["mine"] = "my.module"  # type: ignore[index]
    with pytest.raises(TypeError, match="does not support item deletion"):
        del IMPORTERS["fhrs"]  # type: ignore[attr-defined]
    assert {"cqc", "fhrs", "ofsted", "fake"} == set(IMPORTERS)


GOOD = b"id,name,published,note\n1,One,2024-12-13,first\n2,Two,2025-01-02,\n"
BAD = b"id,name,published,note\n3,Three,13/12/2024,x\n4,Four,2025-02-03,y\n"


def call(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_records_go_to_standard_output_as_json_lines(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.csv").write_bytes(GOOD)

    code, out, err = call(capsys, "import", "fake", str(tmp_path / "good.csv"))

    assert 0 == code
    assert ["fake/1", "fake/2"] == [r.id for r in il.load_lines(io.StringIO(out))]
    assert "2 records imported, 0 errors\nkept in extensions: fake:note (1)\n" == err


def test_every_bad_item_is_printed_and_the_exit_code_is_1(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.csv").write_bytes(GOOD)
    (tmp_path / "bad.csv").write_bytes(BAD)
    out_path = tmp_path / "out.jsonl"

    code, out, err = call(
        capsys,
        "import",
        "fake",
        str(tmp_path / "good.csv"),
        str(tmp_path / "bad.csv"),
        "-o",
        str(out_path),
    )

    assert 1 == code
    assert "" == out
    bad = tmp_path / "bad.csv"
    assert (
        f"{bad}:2: row at line 2: $.published: '13/12/2024' is not a date (YYYY-MM-DD)\n"
        f"3 records imported, 1 error; nothing written to {out_path} (it is replaced only when "
        "every item imports)\n"
        "kept in extensions: fake:note (2)\n"
    ) == err
    assert not out_path.exists()
    assert [] == [path.name for path in tmp_path.iterdir() if path.name.startswith("out")]


@pytest.mark.parametrize(
    ("files", "summary"),
    [
        ({"bad.csv": BAD}, "1 record imported, 1 error"),
        ({"bad.csv": BAD.replace(b"2025-02-03", b"03/02/2025")}, "0 records imported, 2 errors"),
        ({"empty.csv": b""}, "0 records imported, 1 error"),
        (
            {"mixed.csv": "id,name,published,note\n1,Grové,2024-12-13,it".encode() + b"\x92s\n"},
            "0 records imported, 1 error",
        ),
        ({"good.csv": GOOD, "missing.csv": None}, "2 records imported, 1 error"),
    ],
    ids=["some-items-fail", "every-item-fails", "empty-file", "mixed-encodings", "missing-file"],
)
def test_a_failed_import_leaves_the_output_file_as_it_was(
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes | None],
    summary: str,
) -> None:
    out_path = tmp_path / "out.jsonl"
    (tmp_path / "old.csv").write_bytes(GOOD)
    assert 0 == main(["import", "fake", str(tmp_path / "old.csv"), "-o", str(out_path)])
    before = out_path.read_bytes()
    capsys.readouterr()
    for name, data in files.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)

    code, out, err = call(
        capsys, "import", "fake", *(str(tmp_path / name) for name in files), "-o", str(out_path)
    )

    assert 1 == code
    assert "" == out
    assert (
        f"{summary}; nothing written to {out_path} (it is replaced only when every item imports)\n"
    ) in err
    assert before == out_path.read_bytes()
    assert ["fake/1", "fake/2"] == [r.id for r in il.load_lines(out_path)]
    # no temporary file is left beside it
    assert {"old.csv", "out.jsonl"} == {p.name for p in tmp_path.iterdir() if p.name not in files}


def test_a_successful_import_replaces_the_output_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "out.jsonl"
    out_path.write_text("old\n")
    (tmp_path / "good.csv").write_bytes(GOOD)

    code, _, err = call(capsys, "import", "fake", str(tmp_path / "good.csv"), "-o", str(out_path))

    assert 0 == code
    assert f"2 records imported, 0 errors, written to {out_path}\n" in err
    assert ["fake/1", "fake/2"] == [r.id for r in il.load_lines(out_path)]


def test_a_file_that_cannot_be_read_is_an_error_and_the_others_are_imported(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.csv").write_bytes(GOOD)
    (tmp_path / "empty.csv").write_bytes(b"")
    missing = tmp_path / "missing.csv"

    code, out, err = call(
        capsys,
        "import",
        "fake",
        str(missing),
        str(tmp_path / "empty.csv"),
        str(tmp_path / "good.csv"),
    )

    assert 1 == code
    assert 2 == len(out.splitlines())
    assert (
        f"{missing}: no such file\n"
        f"{tmp_path / 'empty.csv'}: the file is empty: no header row\n"
        "2 records imported, 2 errors\n"
        "kept in extensions: fake:note (1)\n"
    ) == err


def test_an_unknown_publisher_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "nobody", "x.csv"])

    assert 2 == caught.value.code
    assert "invalid choice: 'nobody'" in capsys.readouterr().err


def test_an_unknown_sample_lists_the_publishers_samples_and_suggests_the_closest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = call(capsys, "import", "ofsted", "sample:ofsted-school")

    assert (1, "") == (code, out)
    assert (
        "inspectlib: sample:ofsted-school: no such sample file; did you mean "
        "'sample:ofsted-schools'? (the ofsted samples are sample:ofsted-childrens-services, "
        "sample:ofsted-report-cards, sample:ofsted-report-cards-spreadsheet, "
        "sample:ofsted-schools)\n"
    ) == err


def test_an_unknown_sample_with_nothing_close_still_lists_the_publishers_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        1,
        "",
        "inspectlib: sample:nope: no such sample file (the fhrs samples are sample:fhrs)\n",
    ) == call(capsys, "import", "fhrs", "sample:nope")


def test_a_publisher_without_samples_is_told_which_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = call(capsys, "import", "fake", "sample:nope")

    assert 1 == code
    assert err.startswith(
        "inspectlib: sample:nope: no such sample file (there is no fake sample; the samples are "
        "sample:cqc-latest-ratings, sample:cqc-locations, sample:fhrs, "
    )


def test_a_sample_is_named_as_written_not_where_it_is_installed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        1,
        "",
        "sample:ofsted-schools: not an FSA food hygiene file: expected XML (a bulk open-data "
        "file) or JSON (its JSON twin, or an API response)\n0 records imported, 1 error\n",
    ) == call(capsys, "import", "fhrs", "sample:ofsted-schools")


def test_a_directory_is_said_to_be_one(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (1, "", f"{tmp_path}: is a directory\n0 records imported, 1 error\n") == call(
        capsys, "import", "fake", str(tmp_path)
    )


def test_encoding_advice_names_the_option_and_the_option_decides(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    neither = tmp_path / "neither.csv"
    neither.write_bytes(b"id,name,published,note\n1,Caf\xe9,2024-12-13,\x81\n")
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("id,name,published,note\n1,Grové,2024-12-13,it".encode() + b"\x92s\n")

    code, _, err = call(capsys, "import", "fake", str(neither), str(mixed))

    assert 1 == code
    assert (
        f"{neither}: the file is neither UTF-8 (byte 28 is not) nor Windows-1252 (byte 41 is "
        "not): give --encoding to say which it is\n"
        f"{mixed}:2: the file mixes encodings: its other non-ASCII text is UTF-8, but byte 45 "
        "(0x92) is not, so neither UTF-8 nor Windows-1252 reads all of it: re-save it in one "
        "encoding, or give --encoding to say which it is\n"
        "0 records imported, 2 errors\n"
    ) == err
    code, out, err = call(capsys, "import", "fake", "--encoding", "cp1252", str(mixed))
    assert 0 == code
    (record,) = il.load_lines(io.StringIO(out))
    assert isinstance(record, il.Inspection)
    assert ("Grov\u00c3\u00a9", "it\u2019s") == (record.title, record.extensions["fake:note"])


def test_an_option_the_importer_takes_no_argument_for_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (1, "", "inspectlib: --encoding does not apply to the fhrs importer\n") == call(
        capsys, "import", "fhrs", "--encoding", "cp1252", "sample:fhrs"
    )
    assert (1, "", "inspectlib: --as-of does not apply to the ofsted importer\n") == call(
        capsys, "import", "ofsted", "--as-of", "2025-01-02", "sample:ofsted-schools"
    )


def test_an_output_that_is_not_a_regular_file_is_written_as_records_come_and_said_so(
    tmp_path: pathlib.Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.csv").write_bytes(GOOD)
    (tmp_path / "bad.csv").write_bytes(BAD)
    files = [str(tmp_path / "good.csv"), str(tmp_path / "bad.csv")]

    code = main(["import", "fake", *files, "-o", "/dev/stdout"])
    out, err = capfd.readouterr()

    # A descriptor cannot be held back until every item imports: the records went out.
    assert 1 == code
    assert ["fake/1", "fake/2", "fake/4"] == [r.id for r in il.load_lines(io.StringIO(out))]
    assert err.endswith(
        "3 records imported, 1 error; 3 records written to /dev/stdout all the same (not a "
        "regular file: written as records come, not replaced)\n"
        "kept in extensions: fake:note (2)\n"
    )
    code = main(["import", "fake", str(tmp_path / "bad.csv"), "-o", os.devnull])
    assert 1 == code
    assert (
        f"1 record imported, 1 error; 1 record written to {os.devnull} all the same (not a "
        "regular file: written as records come, not replaced)\n"
    ) in capfd.readouterr().err
    assert 0 == main(["import", "fake", str(tmp_path / "good.csv"), "-o", os.devnull])
    assert f"2 records imported, 0 errors, written to {os.devnull}\n" in capfd.readouterr().err


OFSTED_FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "ofsted"


def test_sheet_chooses_the_sheet_of_a_spreadsheet(capsys: pytest.CaptureFixture[str]) -> None:
    ods = str(OFSTED_FIXTURES / "schools_report_cards.ods")
    csv = OFSTED_FIXTURES / "schools_latest_report_cards.csv"

    code, out, _ = call(capsys, "import", "ofsted", "--sheet", "D2_Most_recent_inspections", ods)

    assert 0 == code
    assert list(ofsted.read(csv)) == list(il.load_lines(io.StringIO(out)))
    code, out, err = call(capsys, "import", "ofsted", "--sheet", "D3", ods)
    assert (1, "") == (code, out)
    assert f"{ods}: no sheet has a header row with 'URN', 'School name'" in err
    assert (1, "", "inspectlib: --sheet does not apply to the fhrs importer\n") == call(
        capsys, "import", "fhrs", "--sheet", "D3", "sample:fhrs"
    )


def test_the_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "--help"])

    assert 0 == caught.value.code
    assert "usage: inspectlib import" in capsys.readouterr().out


def test_an_output_that_cannot_be_written_is_refused_before_anything_is_read(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.csv").write_bytes(GOOD)
    good = str(tmp_path / "good.csv")
    missing = tmp_path / "no-such-folder" / "out.jsonl"

    assert (
        1,
        "",
        f"inspectlib: {tmp_path}: is a directory; name a file to write JSON Lines to\n",
    ) == call(capsys, "import", "fake", good, "-o", str(tmp_path))
    assert (
        1,
        "",
        f"inspectlib: {missing}: no such directory: {missing.parent}\n",
    ) == call(capsys, "import", "fake", good, "-o", str(missing))
    assert ["good.csv"] == sorted(path.name for path in tmp_path.iterdir())


def test_standard_input_given_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        1,
        "",
        "inspectlib: -: standard input is given more than once, and can be read only once\n",
    ) == call(capsys, "import", "fake", "-", "-")


def test_standard_input_is_read_for_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(GOOD)

    monkeypatch.setattr("sys.stdin", Stdin)

    code, out, err = call(capsys, "import", "fake", "-")

    assert 0 == code
    assert ["fake/1", "fake/2"] == [r.id for r in il.load_lines(io.StringIO(out))]
    assert "2 records imported, 0 errors\n" in err


def test_progress_is_shown_on_a_terminal_and_not_otherwise(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    (tmp_path / "good.csv").write_bytes(GOOD)
    monkeypatch.setattr("inspectlib._cli._PROGRESS_EVERY", 2)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", io.StringIO())

    assert 0 == main(["import", "fake", str(tmp_path / "good.csv")])
    assert (
        f"\r{tmp_path / 'good.csv'}: 2 records\n2 records imported, 0 errors\n"
        "kept in extensions: fake:note (1)\n"
    ) == terminal.getvalue()

    quiet = Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    assert 0 == main(["import", "fake", "-q", str(tmp_path / "good.csv")])
    assert "\r" not in quiet.getvalue()


def test_as_of_advice_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    api = pathlib.Path(__file__).parent / "fixtures" / "fhrs" / "api-establishments.json"

    code, out, err = call(capsys, "import", "fhrs", str(api))

    assert (1, "") == (code, out)
    assert (
        f"{api}: no date to publish the ratings by: the file states no extract date "
        "(give --as-of, the day the data was fetched)\n"
        "0 records imported, 1 error\n"
    ) == err
    assert 0 == main(["import", "fhrs", "--as-of", "2025-01-02", str(api)])
