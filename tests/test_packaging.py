"""Packaging facts a user relies on: the version the package reports and the licence it states."""

from __future__ import annotations

import tomllib
from pathlib import Path

import inspectlib

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_the_one_pyproject_declares() -> None:
    """``inspectlib.__version__`` is read from the installed metadata, not written twice."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert declared == inspectlib.__version__


def test_the_declared_licence_is_the_licence_file() -> None:
    """pyproject.toml declares MIT and ships LICENSE, whose text is the MIT licence."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "MIT" == project["license"]
    assert ["LICENSE"] == project["license-files"]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License\n")


def test_the_project_urls_point_at_docs_changelog_source_and_issues() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"]
    assert {"Documentation", "Changelog", "Source", "Issues"} == set(urls)
