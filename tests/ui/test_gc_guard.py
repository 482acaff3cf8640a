"""Reference cycles are freed in the GUI thread, never in a worker (ss_desktop/ui/gc_guard.py):
freeing Qt objects in a worker while the GUI thread builds widgets froze the window."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self  # only the cyclic collector can free it

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def _make_garbage(count: int) -> None:
    for _ in range(count):
        _Cycle()


def test_cycles_made_in_a_worker_are_freed_in_the_gui_thread(qtbot):
    # the autouse fixture gc_in_gui_thread has installed the collector, as the app does
    assert not gc.isenabled()
    _Cycle.freed_in.clear()
    # far more than the first threshold (head office's tests may have raised it: tune_gc)
    count = max(20_000, 3 * gc.get_threshold()[0])
    worker = threading.Thread(target=_make_garbage, args=(count,), name="worker")
    worker.start()
    worker.join()
    assert _Cycle.freed_in == []  # nothing collected in the worker
    qtbot.waitUntil(lambda: len(_Cycle.freed_in) == count, timeout=5000)  # the timer
    assert set(_Cycle.freed_in) == {threading.main_thread().name}
