"""Loading many records at once without paying Python's cyclic garbage collector for them.

Each full collection walks every object still alive. A bulk load that keeps every record adds
objects all the time, so the collector runs again and again over a growing heap: with it on,
keeping a million records costs far more per record than streaming them. inspectlib's records
hold no reference cycles (reference counting frees them on its own), so nothing is lost by not
collecting while they are built.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_lock = threading.Lock()
_pausing = 0  # how many collector_paused() blocks are open, in any thread
_was_enabled = False  # whether the collector was on when the first of them opened


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the block runs; restore it after.

    For loading many records into memory at once::

        with inspectlib.collector_paused():
            inspections = list(inspectlib.load_lines("corpus.jsonl", inspectlib.Inspection))

    The collector is restored when the block ends, however it ends (an exception included), to
    the state it was in when the first open block began: blocks nest, and blocks open in
    several threads at once restore it when the last of them ends.

    Caveats: the collector is the process's, so while the block runs no cyclic garbage is
    collected, in any thread, whatever made it; memory held by cycles made meanwhile (by other
    code: inspectlib's records make none) is reclaimed only after the block. Use it around a
    load, not around a long-lived server loop. Streaming (``for record in load_lines(...)``) does
    not need it: each record is freed as the next comes.

    .. versionadded:: 0.1.0
    """
    global _pausing, _was_enabled
    with _lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()
