"""The command line: each command's output, its errors and its exit codes."""

from __future__ import annotations

import csv
import datetime
import importlib.metadata
import io
import json
import pathlib
import subprocess
import sys

import attrs
import pytest

import inspectlib as il
import inspectlib.sources
from inspectlib._cli import main

CORPUS = pathlib.Path(__file__).parent / "corpus"


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The installed command line, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "inspectlib", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def call(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --help and usage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", ["validate", "show", "schema", "frameworks", "convert", "sample"]
)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])

    assert 0 == caught.value.code
    assert f"usage: inspectlib {command}" in capsys.readouterr().out


def test_help_names_the_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])

    output = capsys.readouterr().out
    assert 0 == caught.value.code
    assert "Exit codes: 0 success, 1 invalid input, 2 wrong usage." in output
    for command in ("validate", "show", "schema", "frameworks", "convert", "sample"):
        assert command in output


def test_an_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])

    assert 2 == caught.value.code
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


# validate --------------------------------------------------------------------------------------


def test_validate_accepts_valid_documents(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(path) for path in sorted((CORPUS / "valid").glob("*.json"))]

    code, out, err = call(capsys, "validate", *paths)

    assert (0, "") == (code, out)
    assert f"{len(paths)} documents checked, 0 invalid\n" == err


def test_validate_prints_every_problem_with_file_and_path(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(CORPUS / "invalid" / "many-problems.json")

    code, out, err = call(capsys, "validate", path)

    assert 1 == code
    assert [
        f"{path}: $.title: expected a string, got number 1",
        f"{path}: $.published: missing required field",
    ] == out.splitlines()[:2]
    assert 5 == len(out.splitlines())
    assert (
        "1 document checked, 1 invalid\n"
        "17 checks not run on 1 document until the problems shown are fixed "
        "(--verbose names them)\n"
    ) == err


def test_validate_verbose_names_the_checks_not_run_one_a_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(CORPUS / "invalid" / "many-problems.json")

    code, _, err = call(capsys, "validate", "--verbose", path)

    assert 1 == code
    lines = err.splitlines()
    assert lines[:2] == [
        "1 document checked, 1 invalid",
        "17 checks not run on 1 document until the problems shown are fixed",
    ]
    assert lines[2:5] == [
        "  fieldwork ends after it starts",
        "  published after fieldwork ends",
        "  area keys are unique",
    ]
    assert lines[-1] == "  the rules of the inspection's framework"
    assert len(lines) == 2 + 17


def test_validate_json_lines_gives_line_numbers(
    seed: il.Inspection, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.jsonl"
    good = il.dumps(seed)
    bad = good.replace('"kind":"inspection"', '"kind":"report"')
    path.write_text(f"{good}\n{bad}\n{good}\n{{\n")

    code, out, err = call(capsys, "validate", str(path))

    assert 1 == code
    assert [
        f"{path}:2: $.kind: 'report' is not one of: inspection, commissioned_inspection, "
        "framework, grading_scale",
        f"{path}:4: $: invalid JSON at column 2: unexpected end of data",
    ] == out.splitlines()
    assert (
        "4 documents checked, 2 invalid\n"
        "1 check not run on 2 documents until the problems shown are fixed "
        "(--verbose names them)\n"
    ) == err


def test_validate_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "validate", "nowhere.json")

    assert 1 == code
    assert "nowhere.json: no such file\n1 document checked, 1 invalid\n" == err


def test_validate_a_large_json_lines_file_streams(
    seed: il.Inspection, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "large.jsonl"
    il.dump_lines([seed] * 2_000, path)

    result = run("validate", str(path))

    assert 0 == result.returncode, result.stderr
    assert "2,000 documents checked, 0 invalid\n" == result.stderr


# show ------------------------------------------------------------------------------------------


def test_show_the_bundled_sample_is_the_main_job() -> None:
    result = run()

    assert 0 == result.returncode, result.stderr
    assert result.stdout.startswith("National child protection inspection of Greater Manchester")
    assert "  - 6 February 2025: the local policing body" in result.stdout


def test_show_a_commission_reports_the_late_final_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = call(capsys, "show", "sample:gmp-cse-commission-2024")

    assert 0 == code
    assert "     late by 3 days against June 2025\n" in out
    assert "  June 2025: part 1 (Inspection and final report) expected\n" in out


def test_show_judges_deadlines_on_a_given_day(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(capsys, "show", "sample:gmp-child-protection-2024", "--today", "2025-03-01")

    assert "no response recorded, overdue" in out


def test_show_as_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "show", "sample:gmp-child-protection-2024", "--format", "json")

    assert 0 == code
    assert il.sample("gmp-child-protection-2024") == il.from_dict(json.loads(out))


def test_show_refuses_an_invalid_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "show", str(CORPUS / "invalid" / "title-is-blank.json"))

    assert (1, "") == (code, out)
    assert err.endswith(
        "is invalid: 1 problem\n  $.title: must not be blank\n"
        "  (17 checks skipped until these problems are fixed)\n"
    )


def test_show_an_unknown_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "show", "sample:gmp")

    assert 1 == code
    assert err == (
        "inspectlib: no sample 'gmp'; the samples are 'gmp-child-protection-2024', "
        "'gmp-cse-commission-2024', 'gmp-cse-final-report-2025'\n"
    )


def test_show_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "sample:gmp-child-protection-2024", "--today", "March"])

    assert 2 == caught.value.code
    assert "'March' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2025-13-01", "there is no month 13"),
        ("0000-01-01", "there is no year 0"),
    ],
)
def test_show_a_day_that_does_not_exist_says_why(
    day: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "sample:gmp-child-protection-2024", "--today", day])

    assert 2 == caught.value.code
    err = capsys.readouterr().err
    assert err.endswith(f"error: argument --today: {day!r} is not a day: {why}\n")
    assert "[--today YYYY-MM-DD]" in err


def test_show_a_period_of_one_day_names_the_day_once(
    seed: il.Inspection, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = datetime.date(2013, 11, 5)
    path = tmp_path / "one-day.json"
    path.write_text(il.dumps(attrs.evolve(seed, fieldwork=il.Period(start=day, end=day))))

    code, out, _ = call(capsys, "show", str(path))

    assert 0 == code
    assert "Fieldwork:    5 November 2013\n" in out


# schema, frameworks, sample --------------------------------------------------------------------


def test_schema_prints_the_json_schema() -> None:
    result = run("schema")

    assert 0 == result.returncode, result.stderr
    assert il.json_schema() == json.loads(result.stdout)


def test_frameworks_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "frameworks")

    assert 0 == code
    assert sorted(il.catalogue.BUILTIN.frameworks) == [line.split()[0] for line in out.splitlines()]
    # When each is in use, in words: since a start and still in use, from one to another, and
    # what is not known said so.
    lines = {line.split()[0]: " ".join(line.split()[1:]) for line in out.splitlines()}
    assert lines["cqc/ratings/2014"].startswith("since October 2014: ")
    assert lines["hmicfrs/fire/2018"].startswith("from 2018 to 2019: ")
    assert lines["fss/fhis"].startswith("since a date not known: ")
    assert " to now" not in out


def test_frameworks_shows_one_with_its_scale_and_areas(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = call(capsys, "frameworks", "hmicfrs/ncpi/2024")

    assert 0 == code
    assert (
        "Scale:        hmicfrs/five-point: Outstanding, Good, Adequate, Requires improvement, "
        "Inadequate (best first)"
    ) in out
    assert "  partnership_working: Partnership working\n    also: Working with safeguarding" in out
    assert "In use:       since 16 April 2024\n" in out


def test_frameworks_an_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "frameworks", "hmicfrs/ncpi/2025")

    assert 1 == code
    assert "inspectlib: no framework 'hmicfrs/ncpi/2025' in the catalogue; did you mean " in err


def test_sample_lists_and_prints(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "sample")
    assert 0 == code
    documents, _, files = out.partition("\n\n")
    assert sorted(il.format.SAMPLES) == sorted(line.split()[0] for line in documents.splitlines())
    # The publishers' files too, each as the import command that reads it.
    assert files.splitlines()[0] == "Publishers' files, to import:"
    assert "  inspectlib import fhrs sample:fhrs" in files.splitlines()
    assert "  inspectlib import ofsted sample:ofsted-schools" in files.splitlines()
    for line in files.splitlines()[1:]:
        _, _, publisher, source = line.split()
        assert publisher in il.sources.IMPORTERS
        assert source.startswith(f"sample:{publisher}")

    code, out, _ = call(capsys, "sample", "gmp-cse-final-report-2025")
    assert 0 == code
    assert il.sample("gmp-cse-final-report-2025") == il.from_dict(json.loads(out))


# convert ---------------------------------------------------------------------------------------


def test_convert_json_to_json_lines_and_back(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines, back = tmp_path / "one.jsonl", tmp_path / "one.json"

    assert 0 == main(["convert", "sample:gmp-cse-commission-2024", str(lines)])
    assert 0 == main(["convert", str(lines), str(back)])

    assert [il.sample("gmp-cse-commission-2024")] == list(il.load_lines(lines))
    assert il.sample("gmp-cse-commission-2024") == il.load(back)
    assert "1 record written to" in capsys.readouterr().err


def test_convert_many_records_to_one_json_document_is_refused(
    seed: il.Inspection, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "two.jsonl"
    il.dump_lines([seed, seed], lines)

    code, _, err = call(capsys, "convert", str(lines), str(tmp_path / "two.json"))

    assert 1 == code
    assert "a JSON document holds one record, and this holds 2" in err


@pytest.mark.parametrize(("to", "what"), [("json", "the JSON document"), ("jsonl", "JSON Lines")])
def test_convert_to_json_into_a_directory_says_so_in_one_line(
    to: str, what: str, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out").mkdir()

    code, out, err = call(
        capsys, "convert", "sample:gmp-child-protection-2024", str(tmp_path / "out"), "--to", to
    )

    assert (1, "") == (code, out)
    assert (
        f"inspectlib: {tmp_path / 'out'}: is a directory; name a file to write {what} to, or "
        "write a directory of tables with --to csv or --to parquet\n"
    ) == err
    assert [] == list((tmp_path / "out").iterdir())
    assert ["out"] == [path.name for path in tmp_path.iterdir()]  # no temporary file left


def test_convert_to_tidy_csv_tables(tmp_path: pathlib.Path) -> None:
    result = run(
        "convert", "sample:gmp-child-protection-2024", str(tmp_path / "tables"), "--to", "csv"
    )

    assert 0 == result.returncode, result.stderr
    with (tmp_path / "tables" / "graded_areas.csv").open() as stream:
        rows = list(csv.DictReader(stream))
    assert ("leadership", "Good", "3", "2024-12-13") == (
        rows[0]["key"],
        rows[0]["judgment"],
        rows[0]["grade_rank"],
        rows[0]["published"],
    )
    assert ["inspections", "graded_areas", "findings", "evidence", "related"] == [
        line.removeprefix("wrote ").rsplit("/", 1)[1].removesuffix(".csv")
        for line in result.stderr.splitlines()
    ]


class Terminal(io.StringIO):
    """Standard error as a terminal: progress is only shown there."""

    def isatty(self) -> bool:
        return True


def test_validate_shows_progress_on_a_terminal(
    seed: il.Inspection, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large.jsonl"
    il.dump_lines([seed] * 5, path)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr("inspectlib._cli._PROGRESS_EVERY", 2)

    assert 0 == main(["validate", str(path)])
    assert (
        f"\r{path}: 2 documents checked, 0 invalid\r{path}: 4 documents checked, 0 invalid\n"
        "5 documents checked, 0 invalid\n"
    ) == terminal.getvalue()
    terminal.truncate(0)
    terminal.seek(0)
    assert 0 == main(["validate", "--quiet", str(path)])
    assert "5 documents checked, 0 invalid\n" == terminal.getvalue()


def test_a_closed_pipe_ends_the_output_quietly() -> None:
    command = [sys.executable, "-m", "inspectlib", "schema"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        process.stdout.read(10)
        process.stdout.close()
        _, err = process.communicate()

    assert b"" == err


# Output whatever the locale -------------------------------------------------------------------


def test_show_writes_months_in_english_whatever_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Summaries spell months out themselves: a process in another locale prints the same.

    strftime's month names follow the locale; ``date.strftime`` asks ``time.strftime``, so a
    stand-in that answers in French shows whether any output still goes through it (the machine
    need not have a French locale installed).
    """
    import time

    real = time.strftime

    def french(format: str, *rest: object) -> str:
        return real(format.replace("%B", "décembre"), *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(time, "strftime", french)
    assert "décembre" == f"{il.sample('gmp-child-protection-2024').published:%B}"  # type: ignore[union-attr]

    code, out, _ = call(capsys, "show", "sample:gmp-child-protection-2024", "--today", "2025-01-01")

    assert 0 == code
    assert "Published:    13 December 2024" in out
    assert "décembre" not in out


# --version, standard input, output forms ----------------------------------------------------


def test_version_prints_the_installed_version() -> None:
    result = run("--version")

    assert 0 == result.returncode, result.stderr
    assert f"inspectlib {importlib.metadata.version('inspectlib')}\n" == result.stdout


def stdin(text: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspectlib", *arguments],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validate_reads_a_json_document_from_standard_input() -> None:
    document = (CORPUS / "invalid" / "many-problems.json").read_text(encoding="utf-8")

    result = stdin(document, "validate", "-")

    assert 1 == result.returncode
    assert "<stdin>: $.title: expected a string, got number 1" == result.stdout.splitlines()[0]
    assert result.stderr.startswith("1 document checked, 1 invalid\n")


def test_validate_reads_json_lines_from_standard_input(seed: il.Inspection) -> None:
    good = il.dumps(seed)

    result = stdin(f"\n{good}\n{{\n{good}\n", "validate", "-")

    assert 1 == result.returncode
    assert "<stdin>:3: $: invalid JSON at column 2: unexpected end of data\n" == result.stdout
    assert result.stderr.startswith("3 documents checked, 1 invalid\n")


def test_validate_reads_standard_input_among_files(seed: il.Inspection) -> None:
    path = str(CORPUS / "invalid" / "title-is-blank.json")

    result = stdin(il.dumps(seed), "validate", path, "-")

    assert f"{path}: $.title: must not be blank\n" == result.stdout
    assert result.stderr.startswith("2 documents checked, 1 invalid\n")


def test_show_reads_standard_input() -> None:
    document = il.dumps(il.sample("gmp-cse-commission-2024"), indent=True)

    result = stdin(document, "show", "-")

    assert 0 == result.returncode, result.stderr
    assert "     late by 3 days against June 2025\n" in result.stdout


def test_convert_from_standard_input_to_standard_output(seed: il.Inspection) -> None:
    lines = f"{il.dumps(seed)}\n{il.dumps(seed)}\n"

    result = stdin(lines, "convert", "-", "-", "--to", "jsonl")

    assert 0 == result.returncode, result.stderr
    assert [seed, seed] == list(il.load_lines(io.StringIO(result.stdout)))
    assert "2 records written to standard output\n" == result.stderr

    result = stdin(il.dumps(seed), "convert", "-", "-", "--to", "json")
    assert seed == il.loads(result.stdout)


@pytest.mark.parametrize(
    ("target", "to", "message"),
    [
        (
            "out.xlsx",
            None,
            "inspectlib: cannot write a .xlsx file: inspectlib writes .json, .jsonl, .ndjson "
            "files, and with --to csv or --to parquet a directory of tables\n",
        ),
        (
            "out",
            None,
            "inspectlib: cannot write 'out' (no extension): inspectlib writes .json, .jsonl, "
            ".ndjson files, and with --to csv or --to parquet a directory of tables\n",
        ),
        (
            "out.jsonl",
            "json",
            "inspectlib: --to json does not write a .jsonl file: inspectlib writes .json, "
            ".jsonl, .ndjson\n",
        ),
        ("-", None, "inspectlib: writing to standard output needs --to json or --to jsonl\n"),
        ("-", "csv", "inspectlib: --to csv writes a directory of tables, not standard output\n"),
    ],
)
def test_convert_refuses_a_form_it_does_not_write(
    target: str,
    to: str | None,
    message: str,
    tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    options = [] if to is None else ["--to", to]

    code, out, err = call(capsys, "convert", "sample:gmp-child-protection-2024", target, *options)

    assert (1, "", message) == (code, out, err)
    assert [] == list(tmp_path.iterdir())


def test_an_unknown_field_suggests_the_field_meant(
    seed: il.Inspection, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typo.json"
    path.write_text(il.dumps(seed).replace('"title":', '"titel":'), encoding="utf-8")

    code, out, _ = call(capsys, "validate", str(path))

    assert 1 == code
    assert f"{path}: $.title: missing required field" in out.splitlines()
    assert f"{path}: $.titel: unknown field; did you mean 'title'?" in out.splitlines()
