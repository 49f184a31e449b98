"""``inspectlib.errors`` holds every exception and warning a user can meet, named by one rule."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import traceback
from types import ModuleType

import pytest

import inspectlib as il
import inspectlib.errors
import inspectlib.sources
from inspectlib.errors import FieldValueError, InvalidExtension

# The exceptions whose public home is not ``inspectlib.errors``, by that home, with the reason
# the docstring of ``inspectlib.errors`` gives.
ELSEWHERE = {
    "SourceError": (inspectlib.sources, "raised only by the importers"),
}


def _modules() -> list[ModuleType]:
    names = [
        info.name
        for info in pkgutil.walk_packages(il.__path__, "inspectlib.")
        if not info.name.endswith("__main__")  # running it is the command line
    ]
    return [il, *(importlib.import_module(name) for name in names)]


def _defined_in_package() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for module in _modules():
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseException)
                and getattr(value, "__module__", "").startswith("inspectlib")
            ):
                found[value.__qualname__] = value
    for cls in list(found.values()):  # the ones only raised, never imported anywhere
        stack = [cls]
        while stack:
            for sub in stack.pop().__subclasses__():
                if sub.__module__.startswith("inspectlib"):
                    found.setdefault(sub.__qualname__, sub)
                    stack.append(sub)
    return found


PUBLIC = _defined_in_package()


def test_every_exception_and_warning_of_the_package_is_in_errors_or_listed_with_its_home() -> None:
    errors_doc = inspectlib.errors.__doc__ or ""
    for name, cls in PUBLIC.items():
        if not (issubclass(cls, il.InspectlibError) or issubclass(cls, Warning)):
            continue
        if name in ELSEWHERE:
            home, reason = ELSEWHERE[name]
            assert getattr(home, name) is cls
            assert name in home.__all__
            assert f":class:`{home.__name__}.{name}`" in errors_doc
            assert reason in errors_doc
        else:
            assert getattr(inspectlib.errors, name, None) is cls, name
            assert name in inspectlib.errors.__all__


def test_exceptions_outside_the_hierarchy_are_private_to_the_package() -> None:
    # Each is caught where it is raised and becomes one of the public errors: none is exported.
    public_names = {
        name
        for module in _modules()
        if not module.__name__.rsplit(".", 1)[-1].startswith("_")
        for name in getattr(module, "__all__", ())
    }
    outside = {
        name
        for name, cls in PUBLIC.items()
        if not issubclass(cls, il.InspectlibError) and not issubclass(cls, Warning)
    }
    assert outside  # the walk found the private ones (WireError, ...)
    assert not outside & public_names


@pytest.mark.parametrize("name", sorted(set(inspectlib.errors.__all__) - {"Problem"}))
def test_names_follow_the_rule(name: str) -> None:
    cls = getattr(inspectlib.errors, name)
    if name.startswith("Invalid"):
        assert issubclass(cls, ValueError)
    elif name.endswith("Warning"):
        assert issubclass(cls, Warning)
    else:
        assert name.endswith("Error")
    if not issubclass(cls, Warning):
        assert issubclass(cls, il.InspectlibError)


def test_the_importers_error_follows_the_rule() -> None:
    assert issubclass(inspectlib.sources.SourceError, il.ValidationError)


def test_a_blank_field_raises_field_value_error_from_errors() -> None:
    with pytest.raises(FieldValueError) as raised:
        il.Organisation(name="", kind=il.OrganisationKind.SCHOOL)
    error = raised.value
    assert str(error) == "Organisation.name must not be blank"
    assert (error.record, error.field, error.reason) == (
        "Organisation",
        "name",
        "must not be blank",
    )
    assert isinstance(error, il.InvalidRecord)
    assert type(error).__module__ == "inspectlib.errors"


def test_an_extension_key_without_a_namespace_raises_invalid_extension_from_errors() -> None:
    with pytest.raises(InvalidExtension) as raised:
        il.Organisation(name="x", kind=il.OrganisationKind.SCHOOL, extensions={"note": 1})
    error = raised.value
    assert str(error) == "extensions.note: key 'note' needs a namespace, as in 'yourtool:note'"
    assert error.at == ("note",)
    assert isinstance(error, il.InvalidRecord)


@pytest.mark.parametrize(
    "error",
    [
        FieldValueError("Organisation", "name", "must not be blank"),
        InvalidExtension("is not a JSON value", ("yourtool:a", 2)),
    ],
    ids=["FieldValueError", "InvalidExtension"],
)
def test_the_new_public_errors_pickle_with_their_attributes(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_a_traceback_names_the_public_home_of_the_exception() -> None:
    try:
        il.Identifier(scheme="ons", value=1234)  # type: ignore[arg-type]
    except inspectlib.errors.FieldTypeError as error:
        last = traceback.format_exception_only(error)[-1]
    assert (
        last == "inspectlib.errors.FieldTypeError: Identifier.value: expected str, got int 1234\n"
    )
    for name in inspectlib.errors.__all__:
        cls = getattr(inspectlib.errors, name)
        if isinstance(cls, type) and issubclass(cls, BaseException):
            assert cls.__module__ == "inspectlib.errors", name
    assert inspectlib.sources.SourceError.__module__ == "inspectlib.sources"
