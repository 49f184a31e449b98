"""Sphinx configuration for inspectlib's documentation.

Build with warnings as errors and every reference checked::

    sphinx-build -W -n -b html docs docs/_build/html

The pages document the *installed* inspectlib: install the project first.
"""

from __future__ import annotations

import sys
import warnings
from importlib.metadata import version as installed_version
from pathlib import Path

from sphinx.deprecation import RemovedInSphinx10Warning

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

# sphinx_autodoc_typehints uses an API that Sphinx 10 removes, and says so for every docstring;
# it is theirs to change, and the output is the same.
warnings.filterwarnings(
    "ignore", category=RemovedInSphinx10Warning, module="sphinx_autodoc_typehints"
)

project = "inspectlib"
author = "The inspectlib developers"
copyright = "the inspectlib developers"
release = installed_version("inspectlib")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_autodoc_typehints",  # after napoleon, so that it sees the converted sections
    "sphinx_copybutton",
    "inspectlib_docs",  # _ext/inspectlib_docs.py: format tables, JSON Schema, public names
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_intersphinx", "Thumbs.db", ".DS_Store"]
nitpicky = True  # the same as -n: every cross-reference must resolve

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"inspectlib {release}"
html_static_path: list[str] = []

# -- MyST ----------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc, napoleon, type hints ---------------------------------------------------------------

# Members in the order the source gives them, which is the order that reads well.
autodoc_member_order = "bysource"

# The docstrings are Google style ("Args:", "Raises:").
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# sphinx_autodoc_typehints moves the annotations out of the signatures and into the parameter
# lists and return types; signatures keep the defaults, which the lists then leave out.
typehints_use_signature = False
typehints_use_signature_return = False
typehints_defaults = None
always_use_bars_union = True

# -- intersphinx, and building offline -----------------------------------------------------------
#
# The build has to pass with -W -n on a machine without internet access, and Sphinx turns a
# project whose inventory cannot be read at any of its locations into a *warning* ("failed to
# reach any of the inventories"), which -W makes fatal; suppress_warnings cannot silence it.
#
# So each project lists two locations, tried in order: the real objects.inv, then
# _intersphinx/offline-objects.inv, an empty inventory. Online, the real inventory is read (and
# cached under the doctree directory) and every reference to Python, attrs, cattrs or dateutil
# links to its documentation. Offline, reading the real one fails, Sphinx falls back to the
# empty one and only logs the failure as information; references to those projects then stay
# plain text, and EXTERNAL_NAMES below keeps -n quiet about exactly those names. References to
# inspectlib's own names are checked in full either way.

_OFFLINE = str(HERE / "_intersphinx" / "offline-objects.inv")
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", (None, _OFFLINE)),
    "attrs": ("https://www.attrs.org/en/stable/", (None, _OFFLINE)),
    "cattrs": ("https://catt.rs/en/stable/", (None, _OFFLINE)),
    "dateutil": ("https://dateutil.readthedocs.io/en/stable/", (None, _OFFLINE)),
}
intersphinx_timeout = 10  # seconds; an unreachable host then falls back quickly

# The names of other projects these pages refer to that nothing resolves offline. Online,
# intersphinx resolves them; offline, these entries keep the nitpicky build quiet about them, and
# about nothing else. (Sphinx never complains of builtins such as str or int.) When a page or a
# docstring starts to refer to another such name, the offline build says which to add.
EXTERNAL_NAMES = {
    "py:class": [
        "collections.abc.Iterable",
        "collections.abc.Iterator",
        "collections.abc.Mapping",
        "datetime.date",
        "datetime.datetime",
        "os.PathLike",
        "pathlib.Path",
        # The optional data frame libraries, which intersphinx_mapping does not list: these
        # names stay plain text online too.
        "pandas.DataFrame",
        "polars.DataFrame",
        "pyarrow.Table",
        # The same, as the type hints of the table methods name them.
        "polars.dataframe.frame.DataFrame",
        "pyarrow.lib.Table",
    ],
    "py:data": ["Ellipsis", "typing.Any", "typing.Literal"],
    "py:func": ["attrs.evolve"],
    "py:mod": ["json"],
}
# Names inspectlib's docstrings refer to that are not public, so not documented here.
PRIVATE_NAMES = {
    "py:data": ["COLUMNS"],  # Tables' docstring: the columns of each table
}
# Type variables of generic functions and classes are not objects to document.
TYPE_VARIABLES = {
    "py:class": [
        "K",  # FrozenDict's keys
        "V",  # and values
        "inspectlib._documents.R",  # the record type loads() and friends return
        "inspectlib._validation.T",  # the record type validate() returns
    ],
}
nitpick_ignore = [
    (role, name)
    for names_by_role in (EXTERNAL_NAMES, PRIVATE_NAMES, TYPE_VARIABLES)
    for role, names in names_by_role.items()
    for name in names
]

# -- copybutton ----------------------------------------------------------------------------------

# Copy only the code, not the prompts of doctest sessions and shell sessions, nor their output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
