"""``inspectlib import``: what it writes, what it says, how it exits, with any importer.

An importer built on the shared helpers (``fake_importer``) is registered here, so these tests
hold for every publisher's importer the command runs.
"""

from __future__ import annotations

import io
import pathlib

import pytest

import inspectlib as il
from inspectlib._cli import main
from inspectlib.sources import IMPORTERS


@pytest.fixture(autouse=True)
def _fake_importer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(IMPORTERS, "fake", "fake_importer")


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
        f"{missing}: the file: $: No such file or directory\n"
        f"{tmp_path / 'empty.csv'}: the file: $: the file is empty: no header row\n"
        "2 records imported, 2 errors\n"
        "kept in extensions: fake:note (1)\n"
    ) == err


def test_an_unknown_publisher_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "nobody", "x.csv"])

    assert 2 == caught.value.code
    assert "invalid choice: 'nobody'" in capsys.readouterr().err


def test_an_unknown_sample_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "import", "fake", "sample:no-such-sample")

    assert 1 == code
    assert err.startswith("inspectlib: no bundled sample file 'no-such-sample'")


def test_the_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "--help"])

    assert 0 == caught.value.code
    assert "usage: inspectlib import" in capsys.readouterr().out


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
