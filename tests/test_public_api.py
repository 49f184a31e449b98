"""The public surface: the top level holds exactly the names a script uses, each family lives in
its module, and every name that moved keeps working for this release with a warning naming its
new home."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import inspectlib
import inspectlib.commissions
import inspectlib.errors
import inspectlib.tables
from public_api import FAMILIES

TOP_LEVEL = {
    # Records
    "Inspection",
    "GradedArea",
    "Period",
    "RelatedReport",
    "Relation",
    "Finding",
    "FindingKind",
    "FindingUpdate",
    "FindingStatus",
    "Evidence",
    "QuantitativeEvidence",
    "QualitativeEvidence",
    "Organisation",
    "OrganisationKind",
    "Identifier",
    "Source",
    "Quote",
    "Extensions",
    "CommissionedInspection",
    "Part",
    # Grades and judgments
    "GradingScale",
    "Grade",
    "Judgment",
    "NonGrade",
    "CarriedForward",
    "Inherited",
    "Framework",
    # Dates
    "PartialDate",
    "StatedDate",
    # Reading, writing and checking documents
    "Record",
    "loads",
    "dumps",
    "load",
    "dump",
    "load_lines",
    "dump_lines",
    "collector_paused",
    "to_dict",
    "from_dict",
    "check",
    "validate",
    "sample",
    "json_schema",
    # Errors
    "InspectlibError",
    "ValidationError",
    "InvalidRecord",
    "Problem",
}

MODULES = {
    "analysis",
    "catalogue",
    "commissions",
    "dates",
    "deadlines",
    "errors",
    "format",
    "frameworks",
    "judgments",
    "scales",
    "tables",
}


def test_the_top_level_names_are_exactly_these() -> None:
    assert TOP_LEVEL == set(inspectlib.__all__)
    assert len(inspectlib.__all__) == len(TOP_LEVEL)


def test_every_family_module_is_imported_with_the_package() -> None:
    assert MODULES == {module.__name__.removeprefix("inspectlib.") for module in FAMILIES}
    for name in MODULES:
        assert getattr(inspectlib, name).__name__ == f"inspectlib.{name}"


def test_star_import_gives_the_top_level_names_without_a_warning() -> None:
    namespace: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec("from inspectlib import *", namespace)

    assert TOP_LEVEL == set(namespace) - {"__builtins__"}


def test_dir_lists_the_names_to_use_and_not_the_moved_ones() -> None:
    listed = set(dir(inspectlib))

    # inspectlib.sources is listed once imported (it is not imported with the package).
    assert listed - {"sources"} == TOP_LEVEL | MODULES | {"__version__"}
    assert set() == listed & set(inspectlib._MOVED)


@pytest.mark.parametrize("module", FAMILIES, ids=lambda module: module.__name__)
def test_every_name_a_family_exports_is_there(module: object) -> None:
    all_names = module.__all__  # type: ignore[attr-defined]

    assert len(set(all_names)) == len(all_names)
    for name in all_names:
        assert getattr(module, name) is not None


@pytest.mark.parametrize("old", sorted(inspectlib._MOVED))
def test_a_moved_name_still_works_and_warns_naming_its_new_home(old: str) -> None:
    home, new = inspectlib._MOVED[old]

    with pytest.warns(DeprecationWarning, match=f"^inspectlib.{old} is deprecated; ") as caught:
        value = getattr(inspectlib, old)

    assert value is getattr(sys.modules[home], new)
    assert new in sys.modules[home].__all__
    assert old not in inspectlib.__all__
    [warning] = caught
    assert warning.filename == __file__  # the warning points at the caller's line


def test_the_warning_of_a_moved_name_says_where_to_import_it_from() -> None:
    with pytest.warns(DeprecationWarning, match="Lateness") as caught:
        lateness = inspectlib.Lateness

    assert lateness is inspectlib.commissions.Lateness
    assert [str(warning.message) for warning in caught] == [
        "inspectlib.Lateness is deprecated; import it from inspectlib.commissions"
    ]


def test_the_warning_of_a_renamed_name_gives_its_new_name() -> None:
    with pytest.warns(DeprecationWarning, match="Document") as caught:
        document = inspectlib.Document
    with pytest.warns(DeprecationWarning, match="UnsupportedFormatVersion") as caught_too:
        unsupported = inspectlib.UnsupportedFormatVersion

    assert document is inspectlib.commissions.Publication
    assert unsupported is inspectlib.errors.FormatVersionError
    assert [str(warning.message) for warning in [*caught, *caught_too]] == [
        "inspectlib.Document is deprecated; import Publication from inspectlib.commissions",
        "inspectlib.UnsupportedFormatVersion is deprecated; "
        "import FormatVersionError from inspectlib.errors",
    ]


def test_related_document_is_now_related_report_and_the_format_does_not_change() -> None:
    with pytest.warns(DeprecationWarning, match="RelatedDocument") as caught:
        old = inspectlib.RelatedDocument

    assert old is inspectlib.RelatedReport
    assert [str(warning.message) for warning in caught] == [
        "inspectlib.RelatedDocument is deprecated; import RelatedReport from inspectlib"
    ]
    schema = inspectlib.json_schema()
    assert "RelatedDocument" not in schema["$defs"]
    related = schema["$defs"]["InspectionDocument"]["properties"]["related"]
    assert related["items"] == {"$ref": "#/$defs/RelatedReport"}
    fields = schema["$defs"]["RelatedReport"]["properties"]
    assert sorted(fields) == ["date", "relation", "target", "title", "url"]


def test_a_name_that_never_existed_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError) as caught:
        inspectlib.Lateneses  # type: ignore[attr-defined]  # noqa: B018

    assert str(caught.value) == "module 'inspectlib' has no attribute 'Lateneses'"


def test_a_moved_name_can_be_imported_from_the_top_level_with_a_warning() -> None:
    namespace: dict[str, object] = {}
    with pytest.warns(DeprecationWarning, match="import it from inspectlib.dates"):
        exec("from inspectlib import Order", namespace)

    assert namespace["Order"] is inspectlib.dates.Order


def test_the_tables_function_can_still_be_called_at_the_top_level_with_a_warning() -> None:
    record = inspectlib.sample("gmp-child-protection-2024")

    with pytest.warns(DeprecationWarning, match="calling inspectlib.tables") as caught:
        called = inspectlib.tables([record])  # type: ignore[operator]

    assert called == inspectlib.tables.tables([record])
    assert [str(warning.message) for warning in caught] == [
        "calling inspectlib.tables is deprecated; import tables from inspectlib.tables"
    ]


def test_importing_the_package_warns_of_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import inspectlib, inspectlib.sources"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")


def test_the_changelog_gives_every_moved_name_its_new_home() -> None:
    changelog = (Path(__file__).parents[1] / "CHANGELOG.md").read_text()
    unreleased = changelog.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    changed = unreleased.split("### Changed", 1)[1].split("\n### ", 1)[0]
    homes = dict(re.findall(r"^  - `(inspectlib\.\w+)`: (.*)$", changed, re.MULTILINE))

    for old, (home, new) in inspectlib._MOVED.items():
        if old == new:
            assert f"`{old}`" in homes.get(home, ""), old
        else:  # renamed: one entry names the old name and the new one with its home
            entries = [" ".join(entry.split()) for entry in changed.split("\n- ")]
            assert any(f"`{old}`" in e and f"is now `{home}.{new}`" in e for e in entries), old
