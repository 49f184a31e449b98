"""The examples in the installed package's docstrings run, and print what they show."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.rest import DocTestParser

import inspectlib

PACKAGE = Path(inspectlib.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
# Each docstring example runs in the namespace of its own module, as doctest would run it.
DOCSTRINGS = Sybil(parsers=[DocTestParser(optionflags=doctest.ELLIPSIS)], patterns=["*.py"])


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_docstring_examples_show_what_they_print(path: Path) -> None:
    for example in DOCSTRINGS.parse(path).examples():
        example.evaluate()


def test_the_installed_package_has_docstring_examples() -> None:
    """A guard on the test above: it would pass on a package whose examples it cannot find."""
    found = sum(len(list(DOCSTRINGS.parse(path).examples())) for path in MODULES)

    assert found > 20
