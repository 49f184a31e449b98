"""The layering of the package: what a module may use of another.

A name with a leading underscore is private to its family: the modules that share one concept
and change together. A module of another family reaches it only through names without the
underscore, so that a family can be reworked inside without breaking modules it does not know
depend on it. The rules, read from the source's import statements and attribute accesses:

- no module imports a private name (``from ._x import _name``) of a module of another family,
  or reaches one as an attribute (``other._name``, where no module of its own family defines
  ``_name``);
- the private modules of a subpackage (``inspectlib.sources._shared``) are its family's own: the
  core does not import them;
- the importers (``inspectlib.sources``) reach the core through its public modules and the
  declared seam below, the core modules an importer builds and checks records with.

A documented exception is an import the rules refuse that is known and has a reason; each is
still needed (the test fails when one is no longer used, so the list only shrinks).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs

import inspectlib

SOURCE = Path(inspectlib.__file__).parent
PACKAGE = "inspectlib"
IMPORTERS = "inspectlib.sources"

FAMILIES: dict[str, frozenset[str]] = {
    # Dates as reports state them: the partial date, its reader, and the dates sources give.
    "dates": frozenset({"inspectlib._partial_dates", "inspectlib._stated_dates"}),
    # The document format: the wire types, the converter, what it knows of its own hooks, the
    # codec that owns its converters, the reader and writer, the loader's fast path that builds
    # records from values the converter checked, and the JSON Schema of the format.
    "wire": frozenset(
        {
            "inspectlib._wire_types",
            "inspectlib._converter",
            "inspectlib._known_hooks",
            "inspectlib._codec",
            "inspectlib._documents",
            "inspectlib._fast_records",
            "inspectlib._schema",
        }
    ),
    # Records as tables: the tables, the Parquet datasets written from them, and the tables
    # read back (inspections, commissions, frameworks and scales).
    "tables": frozenset(
        {
            "inspectlib._tables",
            "inspectlib._datasets",
            "inspectlib._read_tables",
            "inspectlib._table_reading",
            "inspectlib._commission_reading",
            "inspectlib._catalogue_reading",
            "inspectlib._spreadsheet",
        }
    ),
}
"""The families of more than one module. Every other module of the core is a family of its own,
and the importers' package is one family."""

SEAM: dict[str, str] = {
    "inspectlib._builtin": "the built-in catalogue, to check imported records against",
    "inspectlib._encodings": "a CSV file's encoding, found as the reading of tables finds it",
    "inspectlib._errors": "the error types an importer raises and collects",
    "inspectlib._extensions": "the extensions every field with no typed home lands in",
    "inspectlib._fast_records": "assembler, so that records are built from checked values as the "
    "loader builds them",
    "inspectlib._frameworks": "the frameworks imported records are made under",
    "inspectlib._frozen": "FrozenDict, as the records hold mappings",
    "inspectlib._inspections": "the records an importer builds",
    "inspectlib._judgments": "the judgments an importer builds",
    "inspectlib._organisations": "the records an importer builds",
    "inspectlib._partial_dates": "the dates an importer reads, and how a day is written",
    "inspectlib._paths": "paths from steps, so that importers' problems read like the loader's",
    "inspectlib._scales": "the grades an importer builds",
    "inspectlib._sources": "where an imported record's facts come from",
    "inspectlib._suggestions": "'did you mean' for a column or value not known",
    "inspectlib._surface": "a public module's dir(): its names, not its imports",
    "inspectlib._validation": "check(), as records are checked before they are delivered",
}
"""The core modules the importers may use, each with what for: the records they build and the
checks they run, and nothing of the reading and writing of documents or tables."""

EXCEPTIONS: dict[tuple[str, str], str] = {}
"""Known breaches, each with why it stands for now: (the module, what it reaches)."""


@attrs.frozen
class Use:
    """One module using something of another: an import, or an attribute of a name."""

    module: str
    reached: str
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES: dict[str, ast.Module] = {
    module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
    for path in sorted(SOURCE.rglob("*.py"))
}


def family(module: str) -> str:
    for name, members in FAMILIES.items():
        if module in members:
            return name
    if module == IMPORTERS or module.startswith(IMPORTERS + "."):
        return IMPORTERS
    return module


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def package_of(module: str) -> str:
    is_package = (SOURCE.parent / module.replace(".", "/") / "__init__.py").exists()
    return module if is_package else module.rpartition(".")[0]


def imports(module: str, tree: ast.Module) -> Iterator[Use]:
    """Every module and name *module* imports, each as its full dotted name."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Use(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_of(module)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                yield Use(module, f"{source}.{alias.name}", node.lineno)


def defined_names(tree: ast.Module) -> set[str]:
    """Every name a module defines, at any depth: functions, classes, assigned names and
    attributes, and attributes set by name (``object.__setattr__(self, "_x", ...)``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Call) and len(node.args) >= 2:
            name = node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                names.add(name.value)
    return names


DEFINED: dict[str, set[str]] = {module: defined_names(tree) for module, tree in MODULES.items()}


def private_attributes(
    module: str, tree: ast.Module, by_family: dict[str, set[str]], anywhere: set[str]
) -> Iterator[Use]:
    """Private attributes read on anything but ``self`` and ``cls`` that no module of the
    family defines (*by_family*), but another module does (*anywhere*)."""
    own = by_family[family(module)]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not is_private(node.attr):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            continue
        if node.attr not in own and node.attr in anywhere:
            yield Use(module, f".{node.attr}", node.lineno)


def breaches(only: str | None = None) -> Iterator[tuple[Use, str]]:
    """Every use the rules refuse (of module *only*, where given), with the rule."""
    by_family: dict[str, set[str]] = {}
    for module, names in DEFINED.items():
        by_family.setdefault(family(module), set()).update(names)
    anywhere = set().union(*DEFINED.values())
    for module, tree in MODULES.items():
        if only is not None and module != only:
            continue
        for use in imports(module, tree):
            if not use.reached.startswith(PACKAGE + "."):
                continue
            rule = import_rule(module, use.reached)
            if rule is not None:
                yield use, rule
        for use in private_attributes(module, tree, by_family, anywhere):
            yield use, f"{use.reached[1:]} is defined in another family"


def import_rule(module: str, reached: str) -> str | None:
    """The rule *module* breaks by importing *reached* (a module, or a name of one)."""
    target = reached
    if reached not in MODULES:
        target, _, name = reached.rpartition(".")
        if is_private(name) and family(target) != family(module):
            return f"{name} is private to {family(target)}"
    steps = target.split(".")
    # A private module of a subpackage belongs to the subpackage's family.
    for depth in range(2, len(steps)):
        holder = ".".join(steps[:depth])
        if is_private(steps[depth]) and family(holder) != family(module):
            return f"{'.'.join(steps[: depth + 1])} is private to {family(holder)}"
    core = ".".join(steps[:2])
    if family(module) == IMPORTERS and is_private(steps[1]) and core not in SEAM:
        return f"{core} is not in the importers' seam"
    return None


BREACHES = list(breaches())


def test_the_tree_is_read() -> None:
    """The walk finds the package's modules and their imports, so the rules below have
    something to hold: a mistake that read nothing would pass them all."""
    assert {"inspectlib", "inspectlib._validation", "inspectlib.sources.cqc"} <= set(MODULES)
    reached = {
        use.reached for use in imports("inspectlib._validation", MODULES["inspectlib._validation"])
    }
    assert "inspectlib._stated_dates.certainly_before" in reached


def test_no_module_uses_a_private_name_of_another_family() -> None:
    found = [
        f"{use.module}:{use.line} reaches {use.reached}: {rule}"
        for use, rule in BREACHES
        if (use.module, use.reached) not in EXCEPTIONS
    ]

    assert [] == found


def test_each_documented_exception_is_still_needed() -> None:
    """An exception no longer used is taken off the list, so that it cannot come back unseen."""
    used = {(use.module, use.reached) for use, _ in BREACHES}

    assert [] == [exception for exception in EXCEPTIONS if exception not in used]


def test_every_family_and_seam_module_exists() -> None:
    """A family or a seam that names a module no longer there hides nothing, but misleads."""
    named = set(SEAM) | {module for members in FAMILIES.values() for module in members}

    assert set() == named - set(MODULES)


# The rules catch what they say they catch ------------------------------------------------------


def breaches_of(module: str, text: str) -> list[str]:
    tree = ast.parse(text)
    MODULES[module] = tree
    DEFINED[module] = defined_names(tree)
    try:
        return [rule for _, rule in breaches(module)]
    finally:
        del MODULES[module], DEFINED[module]


def test_a_private_name_imported_across_families_is_refused() -> None:
    assert ["_default_catalogue is private to wire"] == breaches_of(
        "inspectlib._probe", "from ._documents import _default_catalogue"
    )


def test_a_private_name_within_a_family_is_allowed() -> None:
    assert [] == breaches_of("inspectlib._datasets", "from ._tables import _optional")


def test_a_subpackages_private_module_is_its_own() -> None:
    assert ["inspectlib.sources._values is private to inspectlib.sources"] == breaches_of(
        "inspectlib._probe", "from .sources._values import slug"
    )
    assert [] == breaches_of("inspectlib.sources.probe", "from ._values import slug")


def test_the_importers_reach_the_core_through_the_seam() -> None:
    assert ["inspectlib._documents is not in the importers' seam"] == breaches_of(
        "inspectlib.sources.probe", "from inspectlib._documents import loads"
    )
    assert [] == breaches_of("inspectlib.sources.probe", "from inspectlib.scales import OFSTED")


def test_a_private_attribute_of_another_family_is_refused() -> None:
    assert ["_converters is defined in another family"] == breaches_of(
        "inspectlib._probe", "def f(catalogue):\n    return catalogue._converters"
    )
