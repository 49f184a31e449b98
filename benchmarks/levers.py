# ruff: noqa: E501 - the patches quote the source lines they replace, whatever their length
"""The proposed changes to inspectlib, tried on a scratch copy of its source and measured.

    python benchmarks/levers.py [--records 3000] [--rounds 2]

Nothing under src/ is touched: each lever is a small patch applied to a copy of
``src/inspectlib`` in a temporary directory, imported from there in a child process, checked
(the first records decode and re-encode to the same bytes; the invalid records are still
refused), and timed against the unpatched copy, the runs interleaved. The patches are written
against the source as it was when they were proposed; a patch whose text is no longer there says
so and is skipped.

Levers still open (others measured here have since landed in the source: a shared empty
``extensions`` mapping and optional hooks resolved once, 3c36c0e; records built without
``__init__`` with unknown keys refused by a subset test, c77398e; partial dates parsed once per
distinct text, bce5595; a grade found by one look-up of ``(scale, key)``; the cross-field rules
building paths and messages only for a rule that is broken, which took the place of a yes/no
pass written as a second copy of every rule; see levers.md):
- envelope: the record's fields taken from the document with ``dict()`` and two ``del``;
- enumdict (encoding): an enum's value by dictionary look-up rather than ``Enum.value``;
- unstructure (encoding): generated unstructure functions that test defaults by identity or
  truthiness before equality (cattrs' ``omit_if_default`` calls ``!=`` on every field).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "src" / "inspectlib"


class Stale(Exception):
    """The source no longer has the text a patch replaces."""


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text()
    if old not in text:
        raise Stale(f"{name}: {old[:60]!r}")
    path.write_text(text.replace(old, new, 1))


# P7: the envelope: copy the document with dict() and delete the two envelope keys, rather than
# a Python-level comprehension over every key.
def p_envelope(root):
    edit(
        root,
        "_documents.py",
        """    body = {key: value for key, value in data.items() if key != "inspectlib" and key != "kind"}""",
        """    body = dict(data)
    del body["inspectlib"], body["kind"]""",
    )


# E1 (encoding): an enum's wire value by dictionary look-up, not the Enum.value descriptor.
def p_enumdict(root):
    edit(
        root,
        "_converter.py",
        "converter.register_unstructure_hook_factory(_is_enum, lambda _: _enum_value)",
        "converter.register_unstructure_hook_factory(\n"
        "        _is_enum, lambda cls: {member: member.value for member in cls}.__getitem__\n"
        "    )",
    )


# E2 (encoding): unstructure functions that test defaults by identity (None, the shared empty
# extensions) or truthiness (empty tuples) before equality; cattrs' omit_if_default compares with
# != on every field, which calls attrs' and FrozenDict's Python-level __eq__/__ne__.
_FAST_UNSTRUCTURE = """

def _fast_unstructure_fn(converter, overrides, cls):
    import typing

    from cattrs.fns import identity as _identity

    hints = typing.get_type_hints(cls)
    own = overrides.get(cls, {})
    names = {}
    required, optional = [], []
    for index, field in enumerate(attrs.fields(cls)):
        if not field.init:
            continue
        wanted = own.get(field.name)
        hook = getattr(wanted, "unstruct_hook", None) or converter.get_unstructure_hook(
            hints[field.name]
        )
        value = f"i.{field.name}"
        if hook is not _identity:
            names[f"_h{index}"] = hook
            value = f"_h{index}(i.{field.name})"
        if field.default is attrs.NOTHING:
            required.append(f"{field.name!r}: {value}")
            continue
        default = field.default
        if default is None:
            test = f"i.{field.name} is not None"
        elif type(default) is tuple and not default:
            test = f"i.{field.name}"
        else:
            names[f"_d{index}"] = default
            test = f"i.{field.name} is not _d{index} and i.{field.name} != _d{index}"
        optional.append(f"    if {test}:\\n        res[{field.name!r}] = {value}")
    text = "def unstructure(i):\\n    res = {" + ", ".join(required) + "}\\n"
    text += "\\n".join(optional) + ("\\n" if optional else "") + "    return res\\n"
    exec(compile(text, f"<fast unstructure {cls.__name__}>", "exec"), names)
    return names["unstructure"]
"""


def p_unstructure(root):
    edit(
        root,
        "_converter.py",
        """        lambda cls: make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=True, **overrides.get(cls, {})
        ),""",
        """        partial(_fast_unstructure_fn, converter, overrides),""",
    )
    path = root / "_converter.py"
    path.write_text(path.read_text() + _FAST_UNSTRUCTURE)


PATCHES = {
    "envelope": p_envelope,
    "enumdict": p_enumdict,
    "unstructure": p_unstructure,
}


MEASURE = r"""
import gc, json, sys, time
sys.path.insert(0, sys.argv[3])
import inspectlib as il, orjson, corpus
assert il.__file__.startswith(sys.argv[1]), il.__file__
lines = open(sys.argv[2], 'rb').read().splitlines()[:int(sys.argv[4])]
records = [il.loads(line, il.Inspection) for line in lines]
assert [il.dumps(r).encode() for r in records] == lines, 'does not round-trip'
for name, line in corpus.invalid_documents().items():
    try:
        il.loads(line, il.Inspection)
    except il.ValidationError:
        pass
    else:
        raise SystemExit('accepts the invalid record ' + name)
def best(f, xs):
    times = []
    gc.collect(); gc.disable()
    for _ in range(7):
        t = time.perf_counter()
        for x in xs: f(x)
        times.append((time.perf_counter() - t) / len(xs) * 1e6)
    gc.enable()
    return min(times)
print(json.dumps({
    'floor': best(orjson.loads, lines),
    'loads': best(lambda x: il.loads(x, il.Inspection), lines),
    'check': best(il.check, records),
    'dumps': best(il.dumps, records),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", help="comma-separated levers")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import corpus

    path = corpus.corpus_files([10_000])[10_000]
    chosen = args.only.split(",") if args.only else list(PATCHES)
    with tempfile.TemporaryDirectory() as scratch:
        variants: dict[str, Path] = {}
        for name, patches in [("unpatched", []), *[(p, [p]) for p in chosen], ("all", chosen)]:
            root = Path(scratch) / name
            shutil.copytree(SOURCE, root / "inspectlib")
            try:
                for patch in patches:
                    PATCHES[patch](root / "inspectlib")
            except Stale as error:
                print(f"{name}: skipped, the source has changed ({error})", file=sys.stderr)
                continue
            variants[name] = root
        results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, root in variants.items():
                env = dict(os.environ, PYTHONPATH=str(root))
                run = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        MEASURE,
                        str(root),
                        str(path),
                        str(HERE),
                        str(args.records),
                    ],
                    capture_output=True,
                    text=True,
                    env=env,
                )
                if run.returncode != 0:
                    print(f"{name}: failed: {run.stderr.strip()[-300:]}", file=sys.stderr)
                    continue
                results[name].append(json.loads(run.stdout))
    base = results.get("unpatched")
    print(f"{'lever':12s} {'floor':>7s} {'loads':>8s} {'x floor':>8s} {'check':>7s} {'dumps':>7s}")
    for name, runs in results.items():
        if not runs:
            continue
        row = {key: min(r[key] for r in runs) for key in runs[0]}
        print(
            f"{name:12s} {row['floor']:7.1f} {row['loads']:8.1f} "
            f"{row['loads'] / row['floor']:7.2f}x {row['check']:7.1f} {row['dumps']:7.1f}"
        )
    _ = base


if __name__ == "__main__":
    main()
