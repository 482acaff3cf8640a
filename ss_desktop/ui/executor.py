"""Background work for the GUI: the GUI thread never waits on the database.

``DbExecutor.submit(fn, *args, on_result=..., on_error=...)`` runs ``fn`` on a worker thread
and calls the callbacks back on the GUI thread. Writes go to a pool of ONE thread (SQLite has
one writer, and saves keep their order); reads go to a small pool of their own so a search
never waits behind a save; long background reads (automatic backups) go to a third pool of
one thread, so they hold up neither. Only plain data crosses threads.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(
        self,
        executor: DbExecutor,
        job_id: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._executor = executor
        self._job_id = job_id
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._executor._finished.emit(self._job_id, None, exc)
        else:
            self._executor._finished.emit(self._job_id, result, None)


def _receiver_alive(callback: Callable[..., Any] | None) -> bool:
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class DbExecutor(QObject):
    """Lives in the GUI thread; runs callables on worker threads."""

    _finished = Signal(int, object, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._background = QThreadPool(self)
        self._background.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[ResultCallback | None, ErrorCallback | None]] = {}
        self._finished.connect(self._deliver)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        write: bool = False,
        background: bool = False,
        priority: int = 0,
        **kwargs: Any,
    ) -> int:
        """Run *fn* on a worker; a higher *priority* starts before queued lower ones (what the
        user is looking at goes before background loads of other pages). *background*: a
        long read that must hold up neither saves nor searches (a backup)."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_result, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        pool = self._writes if write else self._background if background else self._reads
        pool.start(_Job(self, job_id, fn, args, kwargs), priority)
        return job_id

    def pending(self) -> int:
        return len(self._callbacks)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until every job has run (tests and shutdown only, never from a slot)."""
        return all(
            pool.waitForDone(msecs) for pool in (self._writes, self._reads, self._background)
        )

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_result, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        # A page closed while its job ran: drop the answer instead of touching a dead widget.
        on_result = on_result if _receiver_alive(on_result) else None
        on_error = on_error if _receiver_alive(on_error) else None
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error(
                    "background job failed: %s\n%s",
                    type(error).__name__,
                    getattr(error, "__traceback_text__", ""),
                )
        elif on_result is not None:
            on_result(result)
