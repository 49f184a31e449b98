"""A public module's ``dir()`` offers its names: not what it imports to do its work."""

from __future__ import annotations

import warnings
from types import ModuleType

import pytest

import inspectlib
from public_api import PUBLIC_MODULES


def submodules(module: ModuleType) -> set[str]:
    return {
        name
        for name, value in vars(module).items()
        if isinstance(value, ModuleType) and value.__name__ == f"{module.__name__}.{name}"
    }


@pytest.mark.parametrize("module", PUBLIC_MODULES, ids=lambda module: module.__name__)
def test_dir_of_a_public_module_is_its_names_and_its_public_submodules(module: ModuleType) -> None:
    extra = {"__version__"} if module is inspectlib else set()
    public_submodules = {name for name in submodules(module) if not name.startswith("_")}

    assert dir(module) == sorted({*module.__all__, *public_submodules, *extra})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing offered is a deprecated name
        for name in dir(module):
            getattr(module, name)


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        (inspectlib.frameworks, "attrs"),
        (inspectlib.frameworks, "datetime"),
        (inspectlib.tables, "sys"),
        (inspectlib.errors, "annotations"),
        (inspectlib, "_errors"),
    ],
)
def test_what_a_module_imports_is_not_offered_but_still_there(
    module: ModuleType, imported: str
) -> None:
    assert imported in vars(module)
    assert imported not in dir(module)


def test_a_public_submodule_is_offered_once_imported() -> None:
    import inspectlib.sources.fhrs

    assert "fhrs" in dir(inspectlib.sources)
    assert "sources" in dir(inspectlib)
    assert "_shared" not in dir(inspectlib.sources)
