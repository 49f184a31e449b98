"""The format page offers the JSON Schema as a file, and shows it collapsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import inspectlib as il

sphinx_build = pytest.importorskip("sphinx.cmd.build")

EXTENSIONS = Path(__file__).parents[1] / "docs" / "_ext"


def test_the_schema_directive_writes_a_file_to_download_and_a_collapsed_view(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    (source / "reference").mkdir(parents=True)
    extensions = ["sphinx.ext.autodoc", "sphinx_autodoc_typehints", "inspectlib_docs"]
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXTENSIONS)!r})\nextensions = {extensions!r}\n"
    )
    (source / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   reference/format\n")
    (source / "reference" / "format.rst").write_text(
        "Format\n======\n\n.. inspectlib-json-schema::\n"
    )
    out = tmp_path / "html"

    code = sphinx_build.build_main(["-q", "-W", "-b", "html", str(source), str(out)])

    assert 0 == code
    name = f"inspectlib-{il.format.FORMAT_VERSION}.schema.json"
    assert il.json_schema() == json.loads((out / "reference" / name).read_text(encoding="utf-8"))
    page = (out / "reference" / "format.html").read_text(encoding="utf-8")
    assert f'href="{name}"' in page
    lines = len(json.dumps(il.json_schema(), indent=2).splitlines())
    assert f"<details><summary>Show the schema ({lines:,} lines)</summary>" in page
    assert page.index("<details>") < page.index("$schema") < page.index("</details>")
