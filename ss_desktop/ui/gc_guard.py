"""Python's cyclic garbage collection, done in the GUI thread only.

The collector normally runs in whichever thread happens to be allocating. When it frees a
reference cycle that holds Qt objects while a worker thread is allocating, PySide destroys
those objects in the worker: Qt takes its signal-slot mutex there and then waits for
Python's lock, while the GUI thread holds Python's lock and waits for that same mutex (to
build a widget, say) — and the whole window freezes for good. The UI tests caught it: a
worker reading divisions collected an old page while the GUI thread built a table.

So while a :class:`GuiThreadCollector` lives, automatic collection is off and the GUI thread
collects on a timer, generation by generation as the thresholds say, the same work the
automatic collector would do. Reference counting still frees everything that is not in a
cycle at once, in any thread, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Create it in the GUI thread; :meth:`stop` restores automatic collection."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> None:
        """Collect the generations whose thresholds are passed (youngest first)."""
        for generation, threshold in enumerate(self._thresholds):
            if gc.get_count()[generation] <= threshold:
                break
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
