"""Duplicate checks of pushed children, served after the push's commit.

A push writes, in its own transaction, one ``duplicate_check`` row per child it created or
changed (:func:`enqueue_checks`); the laptop's answer does not wait for the check. After the
commit the push route asks the :class:`DrainScheduler` to serve the queue: one background
thread drains it shortly after the last push (a second by default, at most 30 s after the
first); the server also drains at start-up, so a check queued just before a crash or a stop
is still served. :func:`drain_checks` takes the queued children in chunks, runs
:func:`~ss_hq.review.duplicates_service.detect_for_children` on each chunk (against every child
committed so far) and removes the chunk's rows in the same transaction as the pairs it
stores, so each check is done exactly once, crash or not.

Why the pairs are the same as before: pushes commit one after another (the change-log lock),
and a drain runs after its push's commit, so of two duplicates the one checked later sees the
other. Drains are serialized (an advisory lock on PostgreSQL; SQLite serializes writers), so
a pair is never stored twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, delete, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from ss_hq.core.models import ChildIndex, DuplicateCheck, Record
from ss_hq.review.duplicates_service import FACT_FIELDS, detect_for_children
from ss_hq.review.search_service import IN_CHUNK, id_in

log = logging.getLogger(__name__)

# An arbitrary constant naming "the duplicate-check drainer" lock (ASCII of "ssdupchk").
DRAIN_LOCK_KEY = 0x7373647570636B
DRAIN_CHUNK = 2000


def enqueue_checks(session: Session, record_ids: Iterable[str], *, now: int) -> int:
    """Queue a duplicate check for each child, in the caller's transaction (a child already
    queued stays queued once)."""
    rows = [{"record_id": rid, "queued_at": now} for rid in dict.fromkeys(record_ids)]
    if not rows:
        return 0
    connection = session.connection()
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(DuplicateCheck.__table__).on_conflict_do_nothing()  # type: ignore[attr-defined]
    connection.execute(statement, rows)
    return len(rows)


def queued_count(session: Session) -> int:
    return len(session.exec(select(DuplicateCheck.record_id)).all())


def drain_checks(
    engine: Engine,
    *,
    now: Callable[[], int],
    chunk: int = DRAIN_CHUNK,
    stopping: Callable[[], bool] = lambda: False,
) -> int:
    """Serve every queued check, a chunk per transaction, until the queue is empty or
    *stopping()*; returns how many suspected pairs were added."""
    added = 0
    while not stopping():
        with Session(engine) as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": DRAIN_LOCK_KEY})
            ids = list(
                session.exec(
                    select(DuplicateCheck.record_id)
                    .order_by(col(DuplicateCheck.queued_at), col(DuplicateCheck.record_id))
                    .limit(chunk)
                ).all()
            )
            if not ids:
                return added
            records: dict[str, Any] = {}
            indexes: dict[str, ChildIndex] = {}
            wanted = [Record.fields[name] for name in FACT_FIELDS]  # type: ignore[index]
            for start in range(0, len(ids), IN_CHUNK):
                part = ids[start : start + IN_CHUNK]
                # Only what the score reads, not the whole record (its JSON is most of the cost).
                for rid, site_id, erased, *values in session.exec(
                    select(Record.id, Record.site_id, Record.erased, *wanted).where(
                        id_in(session, Record.id, part)
                    )
                ):
                    fields = {
                        k: v for k, v in zip(FACT_FIELDS, values, strict=True) if v is not None
                    }
                    records[rid] = SimpleNamespace(
                        id=rid, fields=fields, site_id=site_id, erased=erased
                    )
                for index in session.exec(
                    select(ChildIndex).where(id_in(session, ChildIndex.record_id, part))
                ):
                    indexes[index.record_id] = index
            # In queue order, as the children were pushed.
            ordered = {rid: indexes[rid] for rid in ids if rid in indexes}
            added += detect_for_children(session, records, ordered, now=now())
            for start in range(0, len(ids), IN_CHUNK):
                session.execute(
                    delete(DuplicateCheck).where(
                        id_in(session, DuplicateCheck.record_id, ids[start : start + IN_CHUNK])
                    )
                )
            session.commit()
    return added


class DrainScheduler:
    """Serves the queue from one background thread, *delay_s* after the last push asked for
    it (a laptop sending batch after batch gets its answers without the checks competing for
    the server's CPU) but never later than *max_delay_s* after the first request. A request
    made while a drain runs makes it go round once more, so nothing queued before a request
    is left behind. With *delay_s* 0 the caller drains at once, in its own thread."""

    def __init__(
        self,
        engine: Engine,
        now: Callable[[], int],
        *,
        delay_s: float = 1.0,
        max_delay_s: float = 30.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine, self.now = engine, now
        self.delay_s, self.max_delay_s, self.monotonic = delay_s, max_delay_s, monotonic
        self._cond = threading.Condition()
        self._due: float | None = None  # when the next drain starts; None: nothing asked
        self._deadline = 0.0
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._drain_lock = threading.Lock()

    def request_drain(self) -> None:
        if self.delay_s <= 0:
            self.drain_now()
            return
        with self._cond:
            now = self.monotonic()
            if self._due is None:
                self._deadline = now + self.max_delay_s
            self._due = min(now + self.delay_s, self._deadline)
            if self._thread is None and not self._stopping:
                self._thread = threading.Thread(
                    target=self._run, name="duplicate-checks", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def drain_now(self) -> int:
        """Serve the queue in the calling thread (with no delay set, and in tests)."""
        with self._drain_lock:
            try:
                return drain_checks(self.engine, now=self.now, stopping=lambda: self._stopping)
            except Exception:
                # The rows stay queued: the next request (or the next start) serves them.
                log.exception("duplicate checks failed; they stay queued")
                return 0

    def stop(self) -> None:
        """End the thread (server shutdown) after the chunk it is serving: what is still
        queued stays queued, and the next start serves it."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and (self._due is None or self._due > self.monotonic()):
                    timeout = None if self._due is None else self._due - self.monotonic()
                    self._cond.wait(timeout)
                if self._stopping:
                    self._thread = None
                    return
                self._due = None
            self.drain_now()
