"""collector_paused(): the collector off while a bulk load runs, and restored however it ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import inspectlib as il


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


def test_the_collector_is_off_in_the_block_and_back_on_after(seed: il.Inspection) -> None:
    lines = [il.dumps(seed)] * 3

    with il.collector_paused():
        assert not gc.isenabled()
        records = [il.loads(line) for line in lines]

    assert gc.isenabled()
    assert records == [seed, seed, seed]


def test_the_collector_is_restored_when_the_load_fails() -> None:
    with pytest.raises(il.ValidationError), il.collector_paused():
        il.loads("{}")

    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with il.collector_paused():
        pass

    assert not gc.isenabled()


def test_nested_blocks_restore_it_when_the_outer_one_ends() -> None:
    with il.collector_paused():
        with il.collector_paused():
            pass
        assert not gc.isenabled()

    assert gc.isenabled()


def test_blocks_in_two_threads_restore_it_when_the_last_one_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with il.collector_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with il.collector_paused():
        thread.start()
        inside.wait(10)
    still_paused = not gc.isenabled()  # this block ended; the other thread's is still open
    release.set()
    thread.join(10)

    assert still_paused
    assert gc.isenabled()
