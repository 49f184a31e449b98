"""What each kind of work costs in the encoders' generated writer of an inspection.

    python benchmarks/price_writer.py                        # the inspectlib installed
    PYTHONPATH=<tree>/src python benchmarks/price_writer.py  # another source tree

Takes the code the codec generates for ``dumps``' inspection writer, makes copies of it with one
kind of work replaced by a constant (every date's writing; every judgment's look-up by id, a
catalogue grade's or a non-grade's), and times each copy and the original in turns on the same
loaded corpus records, each written once a round, with the collector off. The copies write
wrong documents: this prices work, it does not measure a writer. The dates' and judgments' code
is recognised in each shape the generator has had (a look-up by ``id`` in a table, or a test of
the value's type), so that two trees can be priced alike; a copy in which nothing was
recognised stops the run.
"""

from __future__ import annotations

import argparse
import builtins
import gc
import itertools
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import corpus
import inspectlib
from inspectlib import _converter, _documents, _wire_types
from inspectlib._inspections import Inspection

# A value found by id in a table: ``k = get(id(v))`` then the entry's object or the writer's.
_BY_ID = re.compile(
    r"(?P<indent>[ ]*)(?P<k>k\d+) = _h\d+\(id\((?P<v>\w+)\)\)\n"
    r"(?:(?P=indent)(?P<w>w\d+) = (?P=k)\[1\] if (?P=k) is not None else (?P<hook>_h\d+)\((?P=v)\)"
    r"|(?P=indent)if (?P=k) is not None:\n(?P=indent)    (?P<w2>w\d+) = .*\n"
    r"(?P=indent)else:\n(?P=indent)    (?P=w2) = (?P<hook2>_h\d+)\((?P=v)\))"
)
# A date written by a test of its type: ``t = type(v)``, a branch a type, then the writer's call.
_BY_TYPE = re.compile(
    r"(?P<indent>[ ]*)(?P<t>t\d+) = type\((?P<v>\w+)\)\n"
    r"(?:(?P=indent)(?:if|elif) (?P=t) is _h\d+:\n(?:(?P=indent)    .*\n)+)+"
    r"(?P=indent)else:\n(?P=indent)    (?P<w>w\d+) = (?P<hook>_h\d+)\((?P=v)\)"
)


def _date_writers() -> set[Any]:
    """The dates' writers, named as in every tree priced so far (a missing one stops the run,
    lest its look-ups be priced as the judgments')."""
    names = ("_format_day", "_format_partial_date", "_unstructure_stated_date")
    return {getattr(_wire_types, name) for name in names}


def _generated() -> tuple[str, dict[str, Any]]:
    """The encoders' inspection writer: its code and the names it reads."""
    texts: dict[str, str] = {}

    def keeping(source: str, filename: str, mode: str) -> Any:
        texts[filename] = source
        return builtins.compile(source, filename, mode)

    _converter.compile = keeping  # type: ignore[attr-defined]
    try:
        writer = _documents._document_writers(shares=True)[Inspection]
    finally:
        del _converter.compile  # type: ignore[attr-defined]
    return texts[f"<inspectlib unstructure {Inspection.__name__}>"], dict(writer.__globals__)


def _cut(code: str, names: dict[str, Any], dates: bool) -> tuple[str, int]:
    """*code* with each date's writing (*dates*) or each judgment's look-up replaced by a text,
    and how many places in the code were cut."""
    date_writers = _date_writers()
    cut = 0

    def replaced(match: re.Match[str]) -> str:
        nonlocal cut
        found = match.groupdict()
        hook = names[found.get("hook") or found["hook2"]]
        if (hook in date_writers) != dates:
            return match.group(0)
        cut += 1
        return f"{found['indent']}{found.get('w') or found['w2']} = 'x'"

    code = _BY_ID.sub(replaced, code)
    return (_BY_TYPE.sub(replaced, code) if dates else code), cut


def _timed(write: Callable[[Any], Any], records: list[Any]) -> float:
    """Microseconds a record, one round."""
    started = time.perf_counter()
    for record in records:
        write(record)
    return (time.perf_counter() - started) / len(records) * 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=3000, help="corpus records written")
    parser.add_argument("--rounds", type=int, default=9, help="rounds of each copy, in turns")
    parser.add_argument("--data", type=Path, default=corpus.DATA, help="where corpora are kept")
    args = parser.parse_args(argv)
    path = corpus.corpus_files([10_000], args.data)[10_000]
    records = list(itertools.islice(inspectlib.load_lines(path), args.records))
    code, names = _generated()
    copies = {
        "the writer": (code, 0),
        "no dates written": _cut(code, names, dates=True),
        "no judgments looked up": _cut(code, names, dates=False),
    }
    for label, (_, cut) in list(copies.items())[1:]:
        if not cut:  # a shape of code not recognised: the copy would price nothing
            raise SystemExit(f"{label}: no place in the generated code recognised")
    writers = {}
    for label, (text, _) in copies.items():
        scope = dict(names)
        exec(compile(text, f"<{label}>", "exec"), scope)
        writers[label] = scope["unstructure"]
        writers[label](records[0])
    for write in writers.values():  # once each first: every date's text made, as when measured
        for record in records:
            write(record)
    rounds: dict[str, list[float]] = {label: [] for label in writers}
    gc.disable()
    for _ in range(args.rounds):
        for label, write in writers.items():
            rounds[label].append(_timed(write, records))
    gc.enable()
    whole = statistics.median(rounds["the writer"])
    print(f"{inspectlib.__file__}: {len(records):,} records, median of {args.rounds} rounds")
    for label, figures in rounds.items():
        median = statistics.median(figures)
        places = f", {copies[label][1]} places in the code cut" if copies[label][1] else ""
        print(f"  {label:24} {median:6.2f} us a record  ({median - whole:+.2f} us{places})")


if __name__ == "__main__":
    main()
