"""Fuzz every loader of inspectlib with random and mutated bytes; count what escapes.

Usage::

    python fuzz/run.py --seconds 60              # as many inputs as a minute allows
    python fuzz/run.py --examples 20000 --seed 3 # a fixed number, reproducibly
    python fuzz/run.py --seconds 600 --save fuzz/findings

Each input is handed to ``inspectlib.loads`` (as bytes, and as text when it is UTF-8 or
UTF-8 with lone surrogates, which Python text can hold),
``inspectlib.load_lines`` (raising at the first bad line, and collecting bad lines with
``errors=[]``) and the command line's ``validate`` (as a .json and a .jsonl file). Inputs are
random bytes, random JSON, and real documents (tests/corpus/valid) mutated: bytes flipped,
inserted, deleted, truncated or repeated; keys repeated; values of the wrong type swapped in;
keys dropped, added and renamed; values nested deeply (tests/strategies.py, ``mutate``).
Shapes that once cost time or memory out of proportion to their size are made on purpose, at
sizes up to a few hundred kilobytes: grading scales of many repeated or distinct labels,
frameworks of many repeated area keys, inspections naming a scale thousands of times with
grades off it, commissions with long scopes, large arrays of nulls and of empty objects and
arrays (in records and in extensions), documents of a newer minor version whose many items
carry new fields, text with lone surrogates, and dates at the end of the calendar.

Every input that loads must also be usable: written back (``dumps``, equal when read again),
tabulated, summarised (``render``) and, for an inspection, asked its deadlines. One that loads
and then fails any of these is an *accepted-then-unwritable* document, counted apart.

The only documented outcomes are: loading, ``inspectlib.ValidationError`` (and its
subclasses), ``FormatVersionWarning`` as a warning, and exit codes 0 and 1 from the command
line. Anything else raised, any other warning, an exit code other than 0 or 1, and a JSON Lines
read whose good and bad records do not add up to its lines, is an *undocumented escape*. An
input that takes longer than ``--timeout`` seconds of CPU time (2 by default) is a *hang*:
Python code is interrupted by a timer signal; code stuck in C is caught by a watchdog thread,
which prints the input and exits with status 3 after five times that long on the clock. Times
are CPU times of this process, so that other work on a shared machine does not count.

The report gives the number of inputs tried, of escapes (grouped by exception type and
message, each with its smallest input), of accepted-then-unwritable documents, of hangs, and
of inputs under 100 KB that took more than a second (``--slow``), with the slowest input and
the most time per byte. The exit status is 0 when there are
neither, 1 otherwise. With ``--save DIR`` the smallest input of each kind of escape or hang is
written to DIR, named after it, to replay with ``--replay FILE``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import pathlib
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import inspectlib as il  # noqa: E402
import strategies  # noqa: E402
from inspectlib._cli import main as cli  # noqa: E402
from inspectlib._render import render  # noqa: E402

SEEDS: tuple[bytes, ...] = strategies.VALID_DOCUMENTS

# Beyond what the test suite's mutations swap in: text that looks like what the format parses
# (versions, dates, numbers) but is not ASCII or not sane, lone surrogates, huge numbers, and key
# names that mean something in a problem's path.
VALUES: tuple[Any, ...] = (
    *strategies.SWAPS,
    "\u00b2.0",
    "1.\u00b2",
    "\uff11.\uff10",
    "1." + "9" * 5000,
    "1.99999999999999999999",
    " 1.0",
    "1.0\n",
    "\ud800",
    "a\udfff",
    "\u0000",
    "\u00b2\u00b3\u00b9",
    "2024-\uff10\uff11-01",
    "\u0662\u0660\u0662\u0664",
    2**64,
    -(2**63) - 1,
    10**400,
    1e308,
    -0.0,
    "x" * 10_000,
)
KEYS: tuple[str, ...] = (
    *strategies.NEW_KEYS,
    "a.b",
    "a[0]",
    "a[x]",
    "",
    ".",
    "[",
    "]",
    "x:y.z",
    "\u0000",
)


SMALL = 100_000
"""Inputs smaller than this, in bytes, must each take less than ``--slow`` seconds."""


class Hang(BaseException):
    """Raised by the timer signal in an input that runs too long (a BaseException, so that
    no ``except Exception`` in inspectlib can swallow it)."""


class Escape(Exception):
    """An outcome the documentation does not allow, other than an exception."""


# -- inputs ------------------------------------------------------------------------------------


def random_json(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(9 if depth < 4 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.random() < 0.5
    if choice == 2:
        return rng.randrange(-(2**70), 2**70) if rng.random() < 0.1 else rng.randrange(-9, 99)
    if choice == 3:
        return rng.uniform(-1e6, 1e6)
    if choice in (4, 5):
        alphabet = 'abcxyz:._[] \u00e9\u2028\U0001f600\x00\x07"\\0123456789-'
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
    if choice in (6, 7):
        return {
            rng.choice(["inspectlib", "kind", "id", "title", "x", "type", "scale", "x:y"]): (
                random_json(rng, depth + 1)
            )
            for _ in range(rng.randrange(5))
        }
    return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]


SMALL_INSPECTION: dict[str, Any] = json.loads(
    (ROOT / "tests" / "corpus" / "valid" / "small-inspection.json").read_text()
)
COMMISSION: dict[str, Any] = json.loads(
    (ROOT / "tests" / "corpus" / "valid" / "commission.json").read_text()
)
FRAMEWORK: dict[str, Any] = json.loads(
    (ROOT / "tests" / "corpus" / "valid" / "framework.json").read_text()
)
MAJOR, MINOR = (int(part) for part in il.format.FORMAT_VERSION.split("."))
GRADE: dict[str, Any] = {"type": "grade", "scale": "hmicfrs/five-point", "grade": "good"}


def _size(rng: random.Random) -> int:
    """How many items a crafted shape gets: mostly small, up to a few thousand (a few hundred
    kilobytes)."""
    return rng.choice([1, 2, 99, 100, 101, rng.randrange(1, 1_000), rng.randrange(1, 4_000)])


def _with(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(document)), **changes}


def crafted(rng: random.Random) -> Any:
    """A document of a shape that once cost time or memory out of proportion to its size, or
    was accepted and then could not be written."""
    n = _size(rng)
    shape = rng.randrange(12)
    areas: list[dict[str, Any]]
    if shape == 0:  # a scale of repeated, or distinct, labels
        labels = ["a"] * n if rng.random() < 0.5 else [f"label {i}" for i in range(n)]
        return {
            "inspectlib": "1.0",
            "kind": "grading_scale",
            "id": "x/y",
            "name": "X",
            "labels": labels,
        }
    if shape == 1:  # a framework of repeated, or distinct, area keys
        same = rng.random() < 0.5
        areas = [{"key": "a" if same else f"k{i}", "topic": "T"} for i in range(n)]
        return _with(FRAMEWORK, areas=areas)
    if shape == 2:  # a scale named over and over, and grades off it
        scale = rng.choice(["hmicfrs/five-point", "hmicfrs/four-point", "nope"])
        areas = [
            {"key": f"k{i}", "topic": "T", "judgment": {**GRADE, "scale": scale}} for i in range(n)
        ]
        return _with(
            SMALL_INSPECTION, scales=["hmicfrs/five-point"] * n, graded_areas=areas, findings=[]
        )
    if shape == 3:  # a long scope, and numbers out of the terms of reference
        part = dict(COMMISSION["parts"][0])
        part["scope"] = [rng.randrange(1, n + 2) for _ in range(n)]
        questions = [{"number": i + 1, "text": "Q"} for i in range(n)]
        return _with(COMMISSION, terms_of_reference=questions, parts=[part])
    if shape == 4:  # large arrays of nulls and of empties where records belong
        field = rng.choice(
            ["evidence", "findings", "graded_areas", "subjects", "scales", "related", "responses"]
        )
        return _with(SMALL_INSPECTION, **{field: [rng.choice([None, {}, [], ""])] * n})
    if shape == 5:  # large arrays of nulls and empties in extensions
        filler: Any = rng.choice([None, {}, [], 0, ""])
        arrays = {f"x:{i}": [filler] * n for i in range(rng.randrange(1, 5))}
        return _with(SMALL_INSPECTION, extensions=arrays)
    if shape == 6:  # a newer minor version, its items carrying new fields
        areas = [
            {"key": f"k{i}", "topic": "T", "judgment": GRADE, "trend": "up", "x": {"y": None}}
            for i in range(n)
        ]
        document = _with(
            SMALL_INSPECTION,
            inspectlib=f"{MAJOR}.{MINOR + rng.randrange(1, 9)}",
            graded_areas=areas,
            findings=[],
            rating_trend=[1, 2],
        )
        if rng.random() < 0.3:  # and a real problem among them
            document["graded_areas"][rng.randrange(n)]["topic"] = 7
        return document
    if shape == 7:  # null where the field's type has none
        document = _with(SMALL_INSPECTION)
        target = rng.choice(["judgment", "evidence", "overall", "grade"])
        if target == "judgment":
            document["graded_areas"][0]["judgment"] = None
        elif target == "evidence":
            document["evidence"] = [None]
        elif target == "overall":
            document["overall"] = None
        else:
            document["graded_areas"][0]["judgment"] = {
                "type": "carried_forward",
                "from_inspection": "x/y",
                "grade": rng.choice([None, {**GRADE}, {"scale": GRADE["scale"], "grade": "good"}]),
            }
        return document
    if shape == 8:  # dates at the end of the calendar
        gmp = json.loads(strategies.VALID_DOCUMENTS[_gmp_index()])
        day = rng.choice(["9999-12-31", "9999-12-01", "9999-11-05", "9999-10-01", "0001-01-01"])
        return _with(gmp, published=day)
    if shape == 9:  # many off-scale grades and many scales: messages must stay short
        areas = [
            {"key": f"k{i}", "topic": "T", "judgment": {**GRADE, "scale": "hmicfrs/four-point"}}
            for i in range(n)
        ]
        return _with(
            SMALL_INSPECTION,
            scales=[rng.choice(["hmicfrs/five-point", "ofsted/eif-four-point"]) for _ in range(n)],
            graded_areas=areas,
            findings=[],
        )
    if shape == 10:  # a huge string where a short name belongs
        name = "x" * rng.choice([1_000, 100_000])
        return _with(SMALL_INSPECTION, scales=[name], framework=name)
    # many findings naming many areas that do not exist
    findings = [
        {
            "id": f"f{i}",
            "kind": "area_for_improvement",
            "text": "T",
            "areas": [f"a{j}" for j in range(10)],
        }
        for i in range(n)
    ]
    return _with(SMALL_INSPECTION, findings=findings)


def _gmp_index() -> int:
    return next(i for i, seed in enumerate(SEEDS) if b"greater-manchester" in seed)


def with_surrogates(data: bytes, rng: random.Random) -> bytes:
    """UTF-8 with a lone surrogate encoded into it ("surrogatepass"): not UTF-8, but what a
    Python ``str`` holding a lone surrogate is when written out that way."""
    surrogate = chr(rng.choice([0xD800, 0xDBFF, 0xDC00, 0xDFFF])).encode("utf-8", "surrogatepass")
    where = rng.randrange(len(data) + 1)
    return data[:where] + surrogate + data[where:]


def make_input(rng: random.Random) -> bytes:
    kind = rng.randrange(14)
    if kind >= 10:  # crafted shapes, sometimes mutated, sometimes with a surrogate in them
        data = json.dumps(crafted(rng), ensure_ascii=False).encode()
        if kind == 12:
            data = mutate(data, rng, rng.randrange(1, 3))
        if kind == 13:
            data = with_surrogates(data, rng)
        return data
    if kind == 0:
        return rng.randbytes(rng.randrange(64))
    if kind == 1:
        envelope = {
            "inspectlib": rng.choice(["1.0", "1.3", "0.9"]),
            "kind": rng.choice(list(il.format.KINDS)),
        }
        value = random_json(rng)
        if isinstance(value, dict) and rng.random() < 0.7:
            value = {**envelope, **value}
        return json.dumps(value).encode()
    seed = rng.choice(SEEDS)
    if kind == 2:  # several documents as JSON Lines, some mutated
        lines = [
            mutate(rng.choice(SEEDS), rng, rng.randrange(3)).replace(b"\n", b" ")
            for _ in range(rng.randrange(1, 5))
        ]
        return b"\n".join(lines)
    if kind == 3:  # a document of a newer minor version, which loading treats specially
        newer = f'"inspectlib": "{MAJOR}.{MINOR + rng.randrange(1, 30)}"'.encode()
        seed = seed.replace(f'"inspectlib": "{il.format.FORMAT_VERSION}"'.encode(), newer, 1)
    return mutate(seed, rng, rng.randrange(1, 7))


def mutate(data: bytes, rng: random.Random, rounds: int) -> bytes:
    return strategies.mutate(data, rng, rounds, values=VALUES, keys=KEYS)


# -- targets -----------------------------------------------------------------------------------


class Unwritable(Exception):
    """A document that loaded, and then could not be written, tabulated, shown or asked its
    deadlines."""


def usable(record: Any) -> None:
    """Everything a loaded record must allow; any failure is an :class:`Unwritable`."""
    try:
        text = il.dumps(record)
        if il.loads(text) != record:
            raise Unwritable("read back different")
        if isinstance(record, il.Inspection):
            il.tables.tables([record])
            record.deadlines()
        # A commission whose part is another record needs that record to tell its timeline:
        # without it, a NotFoundError that says so is the documented answer.
        with contextlib.suppress(il.errors.NotFoundError):
            render(record)
    except Unwritable:
        raise
    except Exception as error:
        raise Unwritable(f"{type(error).__name__}: {error}") from error


def target_loads(data: bytes) -> None:
    try:
        record = il.loads(data)
    except strategies.DOCUMENTED_ERRORS:
        pass
    else:
        usable(record)
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return
    try:
        record = il.loads(text)
    except strategies.DOCUMENTED_ERRORS:
        return
    usable(record)


def target_text_lines(data: bytes) -> None:
    """load_lines of a Python text stream, lone surrogates and all."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return
    errors: list[il.ValidationError] = []
    good = sum(1 for _ in il.load_lines(io.StringIO(text, newline="\n"), errors=errors))
    lines = sum(1 for line in text.split("\n") if line.strip())
    if good + len(errors) != lines:
        raise Escape(f"load_lines(text, errors=[]) gave {good} good + {len(errors)} bad of {lines}")


def target_load_lines(data: bytes) -> None:
    with contextlib.suppress(*strategies.DOCUMENTED_ERRORS):
        for _ in il.load_lines(io.BytesIO(data)):
            pass
    errors: list[il.ValidationError] = []
    good = sum(1 for _ in il.load_lines(io.BytesIO(data), errors=errors))
    lines = sum(1 for line in data.split(b"\n") if line.strip())
    if good + len(errors) != lines:
        raise Escape(f"load_lines(errors=[]) gave {good} good + {len(errors)} bad of {lines} lines")


def target_cli(data: bytes, directory: pathlib.Path) -> None:
    for name in ("input.json", "input.jsonl"):
        path = directory / name
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli(["validate", "--quiet", str(path)])
                if code == 0 and name == "input.json":  # valid: it must show too
                    code = cli(["show", str(path)])
        except SystemExit as exit:  # argparse's way; not expected here
            code = exit.code  # type: ignore[assignment]
        if code not in (0, 1):
            raise Escape(f"inspectlib {name} exited with {code!r}: {err.getvalue()[:200]}")


# -- running -----------------------------------------------------------------------------------


def signature(error: BaseException) -> str:
    """Where an escape comes from: its type, message (numbers blurred) and innermost frame."""
    frames = traceback.extract_tb(error.__traceback__)
    inner = next(
        (f for f in reversed(frames) if "inspectlib" in f.filename),
        frames[-1] if frames else None,
    )
    where = f" at {pathlib.Path(inner.filename).name}:{inner.lineno}" if inner else ""
    message = "".join("#" if char.isdigit() else char for char in str(error))[:120]
    return f"{type(error).__name__}: {message}{where}"


class Fuzzer:
    def __init__(self, timeout: float, save: pathlib.Path | None, slow: float = 1.0) -> None:
        self.timeout = timeout
        self.save = save
        self.tried = 0
        self.refused = 0
        # A finding's signature -> (times seen, smallest input, the targets it escaped from).
        self.escapes: dict[str, tuple[int, bytes, set[str]]] = {}
        self.unwritable: dict[str, tuple[int, bytes, set[str]]] = {}
        self.hangs: dict[str, tuple[int, bytes, set[str]]] = {}
        self.slow: dict[str, tuple[int, bytes, set[str]]] = {}
        self.slow_after = slow
        self.slowest = (0.0, b"")
        self.slowest_small = (0.0, b"")
        self.most_per_byte = (0.0, b"")
        self.bytes_tried = 0
        self.current: tuple[float, bytes] | None = None
        self.directory = pathlib.Path(tempfile.mkdtemp(prefix="inspectlib-fuzz-"))
        self.targets: list[tuple[str, Callable[[bytes], None]]] = [
            ("loads", target_loads),
            ("load_lines", target_load_lines),
            ("load_lines text", target_text_lines),
            ("cli validate", lambda data: target_cli(data, self.directory)),
        ]

    def _record(
        self, table: dict[str, tuple[int, bytes, set[str]]], key: str, target: str, data: bytes
    ) -> None:
        count, smallest, targets = table.get(key, (0, data, set()))
        smallest = data if len(data) < len(smallest) else smallest
        table[key] = (count + 1, smallest, targets | {target})

    def run_one(self, data: bytes) -> None:
        self.tried += 1
        self.bytes_tried += len(data)
        started_input = time.process_time()
        for name, target in self.targets:
            started = time.process_time()
            self.current = (time.perf_counter(), data)
            signal.setitimer(signal.ITIMER_PROF, self.timeout)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")
                    warnings.simplefilter("ignore", il.errors.FormatVersionWarning)
                    target(data)
            except Hang:
                self._record(self.hangs, f"over {self.timeout} s", name, data)
            except Unwritable as error:
                self._record(self.unwritable, signature(error), name, data)
            except Exception as error:  # every other escape is a finding
                self._record(self.escapes, signature(error), name, data)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
                self.current = None
            elapsed = time.process_time() - started
            if elapsed > self.slowest[0]:
                self.slowest = (elapsed, data)
            if len(data) < SMALL and elapsed > self.slowest_small[0]:
                self.slowest_small = (elapsed, data)
            if len(data) < SMALL and elapsed > self.slow_after:
                self._record(self.slow, f"over {self.slow_after} s", name, data)
        per_byte = (time.process_time() - started_input) / max(len(data), 1)
        if len(data) >= 10_000 and per_byte > self.most_per_byte[0]:
            self.most_per_byte = (per_byte, data)

    def watchdog(self) -> None:
        """Exit if an input stays stuck where the timer signal cannot reach (in C code)."""
        while True:
            time.sleep(self.timeout)
            current = self.current
            if current is not None and time.perf_counter() - current[0] > 5 * self.timeout:
                sys.stderr.write(f"hang in C code, input: {current[1]!r}\n")
                if self.save is not None:
                    self._save("hang-in-c", current[1])
                os._exit(3)

    def _save(self, key: str, data: bytes) -> pathlib.Path:
        assert self.save is not None
        self.save.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(key.encode()).hexdigest()[:12]
        path = self.save / f"{digest}.bin"
        path.write_bytes(data)
        return path

    def report(self, seconds: float) -> str:
        lines = [
            f"inputs tried: {self.tried} in {seconds:.1f} s "
            f"({self.tried * len(self.targets)} loader calls: "
            + ", ".join(name for name, _ in self.targets)
            + ")",
            f"bytes tried: {self.bytes_tried:,}",
            f"undocumented escapes: {sum(n for n, _, _ in self.escapes.values())} "
            f"({len(self.escapes)} kinds)",
            f"accepted-then-unwritable documents: "
            f"{sum(n for n, _, _ in self.unwritable.values())} ({len(self.unwritable)} kinds)",
            f"hangs (over {self.timeout} s): {sum(n for n, _, _ in self.hangs.values())}",
            f"inputs under {SMALL // 1000} KB over {self.slow_after} s in one loader: "
            f"{sum(n for n, _, _ in self.slow.values())}",
            f"slowest input: {self.slowest[0] * 1000:.1f} ms ({len(self.slowest[1]):,} bytes)",
            f"slowest input under {SMALL // 1000} KB: {self.slowest_small[0] * 1000:.1f} ms "
            f"({len(self.slowest_small[1]):,} bytes)",
            f"most time per byte (inputs of 10 KB or more, all loaders): "
            f"{self.most_per_byte[0] * 1e6:.2f} us/byte ({len(self.most_per_byte[1]):,} bytes)",
        ]
        for title, table in (
            ("escape", self.escapes),
            ("unwritable", self.unwritable),
            ("hang", self.hangs),
            ("slow", self.slow),
        ):
            for key, (count, smallest, targets) in sorted(
                table.items(), key=lambda item: -item[1][0]
            ):
                lines.append(f"  {title} x{count} from {', '.join(sorted(targets))}: {key}")
                lines.append(f"    smallest input ({len(smallest)} bytes): {smallest[:300]!r}")
                if self.save is not None:
                    lines.append(f"    saved as {self._save(key, smallest)}")
        return "\n".join(lines)


def inputs(rng: random.Random, examples: int | None, deadline: float | None) -> Iterator[bytes]:
    count = 0
    while (examples is None or count < examples) and (
        deadline is None or time.monotonic() < deadline
    ):
        count += 1
        yield make_input(rng)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, help="how many inputs to try")
    parser.add_argument("--seconds", type=float, help="how long to run")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds an input may take")
    parser.add_argument(
        "--slow", type=float, default=1.0, help="seconds an input under 100 KB may take"
    )
    parser.add_argument("--save", type=pathlib.Path, help="write each finding's input here")
    parser.add_argument("--replay", type=pathlib.Path, help="run one saved input, and stop")
    arguments = parser.parse_args(argv)
    if arguments.examples is None and arguments.seconds is None and arguments.replay is None:
        arguments.examples = 2_000

    def hang(signum: int, frame: object) -> None:
        raise Hang

    signal.signal(signal.SIGPROF, hang)
    fuzzer = Fuzzer(arguments.timeout, arguments.save, arguments.slow)
    threading.Thread(target=fuzzer.watchdog, daemon=True).start()
    started = time.monotonic()
    try:
        if arguments.replay is not None:
            fuzzer.run_one(arguments.replay.read_bytes())
        else:
            deadline = None if arguments.seconds is None else started + arguments.seconds
            for data in inputs(random.Random(arguments.seed), arguments.examples, deadline):
                fuzzer.run_one(data)
    finally:
        shutil.rmtree(fuzzer.directory, ignore_errors=True)
    print(fuzzer.report(time.monotonic() - started))
    return 1 if fuzzer.escapes or fuzzer.unwritable or fuzzer.hangs or fuzzer.slow else 0


if __name__ == "__main__":
    sys.exit(main())
