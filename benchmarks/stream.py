"""Streaming validation of a JSON Lines file, and the memory it takes.

    python benchmarks/stream.py inspectlib benchmarks/.data/inspections-1000000-....jsonl

Decodes every line with one contender, keeping nothing, and prints one JSON line: the records
read, the resident set size after start-up (imports, hooks built, one line decoded) and at its
peak, from ``/proc/self/status`` (VmRSS, VmHWM). ``run.py`` runs it as a child process, so that
each contender's peak is its own: a forked child's ``ru_maxrss`` starts at its parent's.

Only the contender's own library is imported, so start-up memory is its own as well. The garbage
collector is left as Python starts it (on), as in a user's program.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

CONTENDERS = (
    "orjson.loads (floor)",
    "json.loads (stdlib)",
    "inspectlib",
    "msgspec Structs",
    "msgspec Structs, no cross-field check",
    "pydantic v2",
    "pydantic v2, no cross-field check",
)


def _status() -> dict[str, float]:
    """VmRSS and VmHWM in MB, or ru_maxrss for both where /proc is missing."""
    try:
        fields = dict(
            line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
        )
        return {key: int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")}
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"VmRSS": peak, "VmHWM": peak}


def decoder(name: str) -> Callable[[bytes], object]:
    if name.startswith("orjson"):
        import orjson

        return orjson.loads
    if name.startswith("json"):
        import json as stdlib

        return stdlib.loads
    if name.startswith(("msgspec", "pydantic")):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import peers

        decode = peers.decode_msgspec if name.startswith("msgspec") else peers.decode_pydantic
        check = "no cross-field" not in name
        return lambda line: decode(line, check)
    raise KeyError(name)


def stream(name: str, path: Path) -> dict[str, float]:
    if name.startswith("inspectlib"):
        import inspectlib

        def run(source: Path) -> int:
            count = 0
            for _ in inspectlib.load_lines(source, inspectlib.Inspection):
                count += 1
            return count

        with path.open("rb") as handle:
            inspectlib.loads(handle.readline(), inspectlib.Inspection)
    else:
        decode = decoder(name)

        def run(source: Path) -> int:
            count = 0
            with source.open("rb") as lines:
                for line in lines:
                    decode(line)
                    count += 1
            return count

        with path.open("rb") as handle:
            decode(handle.readline())
    before = _status()
    start = time.perf_counter()
    count = run(path)
    seconds = time.perf_counter() - start
    after = _status()
    library = sys.modules.get(name.split(" ")[0].split(".")[0])
    return {
        "library": getattr(library, "__file__", None),
        "records": count,
        "rss_start_mb": before["VmRSS"],
        "rss_peak_mb": after["VmHWM"],
        "rss_end_mb": after["VmRSS"],
        "seconds": seconds,
    }


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in CONTENDERS:
        raise SystemExit(f"usage: stream.py CONTENDER FILE; contenders: {', '.join(CONTENDERS)}")
    print(json.dumps(stream(sys.argv[1], Path(sys.argv[2]))))
