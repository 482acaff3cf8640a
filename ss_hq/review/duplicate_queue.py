"""Duplicate checks of pushed children, served after the push's commit.

A push writes, in its own transaction, one ``duplicate_check`` row per child it created or
changed (:func:`enqueue_checks`); the laptop's answer does not wait for the check. After the
commit the push route asks the :class:`DrainScheduler` to serve the queue: one background
thread drains it shortly after the last push (a second by default, at most 30 s after the
first); the server also drains at start-up, so a check queued just before a crash or a stop
is still served.

:func:`drain_checks` serves the queue a chunk of children at a time, each in two steps:

1. *read*: the chunk's queue rows, the children and their candidates, and the scoring
   (:func:`~ss_hq.review.duplicates_service.find_pairs`) in a transaction that only reads —
   on SQLite it does not take the write lock, however long the scoring takes (2,000
   near-identical children: each has 200 candidates);
2. *write*: a short transaction stores the pairs found (two statements:
   :func:`~ss_hq.review.duplicates_service.store_pairs`) and removes the chunk's queue rows —
   only those still as they were read: a child queued again meanwhile (edited) stays queued
   and is checked again.

So no drain holds SQLite's single write lock for more than the few milliseconds of storing
one chunk's pairs, and pushes, pulls and token checks never wait for a whole drain.

Why the pairs are the same as before: pushes commit one after another (the change-log lock),
and a drain reads after its push's commit, so of two duplicates the one checked later sees
the other. A pair is stored once: its insert does nothing when the pair is there already
(stored by another process's drain meanwhile), and drains of one process are serialized.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, and_, bindparam, delete, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from ss_hq.core.db import reading
from ss_hq.core.models import ChildIndex, DuplicateCheck, Record
from ss_hq.review.duplicates_service import (
    FACT_FIELDS,
    FoundPair,
    find_pairs,
    known_pairs,
    store_pairs,
)
from ss_hq.review.search_service import IN_CHUNK, id_in

log = logging.getLogger(__name__)

# Children per step: the write step stores at most 10 pairs each.
DRAIN_CHUNK = 200


def enqueue_checks(session: Session, record_ids: Iterable[str], *, now: int) -> int:
    """Queue a duplicate check for each child, in the caller's transaction. A child already
    queued stays queued once; its ``queued_at`` moves on (by at least 1), so a drain that
    read the older row leaves the new one queued."""
    rows = [{"record_id": rid, "queued_at": now} for rid in dict.fromkeys(record_ids)]
    if not rows:
        return 0
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    insert = (postgresql if postgres else sqlite).insert(DuplicateCheck.__table__)  # type: ignore[attr-defined]
    later = (func.greatest if postgres else func.max)(
        DuplicateCheck.queued_at + 1, insert.excluded.queued_at
    )
    connection.execute(
        insert.on_conflict_do_update(index_elements=["record_id"], set_={"queued_at": later}),
        rows,
    )
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
    """Serve every queued check, a chunk per read step and write step (see the module), until
    the queue is empty or *stopping()*; returns how many suspected pairs were added."""
    added = 0
    while not stopping():
        with Session(reading(engine)) as session:
            queued = list(
                session.exec(
                    select(DuplicateCheck.record_id, DuplicateCheck.queued_at)
                    .order_by(col(DuplicateCheck.queued_at), col(DuplicateCheck.record_id))
                    .limit(chunk)
                ).all()
            )
            if not queued:
                return added
            pairs = _find(session, [rid for rid, _at in queued])
            known = known_pairs(session, pairs)
        added += _store(engine, pairs, known, queued, now())
    return added


def _find(session: Session, ids: list[str]) -> list[FoundPair]:
    """The read step: the children's facts and index rows, then the scoring."""
    records: dict[str, Any] = {}
    indexes: dict[str, ChildIndex] = {}
    wanted = [Record.fields[name] for name in FACT_FIELDS]
    values: list[Any]  # FACT_FIELDS' JSON values (sqlmodel types the rows as 3 columns)
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start : start + IN_CHUNK]
        # Only what the score reads, not the whole record (its JSON is most of the cost).
        for rid, site_id, erased, *values in session.exec(
            select(Record.id, Record.site_id, Record.erased, *wanted).where(
                id_in(session, Record.id, part)
            )
        ):
            fields = {k: v for k, v in zip(FACT_FIELDS, values, strict=True) if v is not None}
            records[rid] = SimpleNamespace(id=rid, fields=fields, site_id=site_id, erased=erased)
        for index in session.exec(
            select(ChildIndex).where(id_in(session, ChildIndex.record_id, part))
        ):
            indexes[index.record_id] = index
    # In queue order, as the children were pushed.
    ordered = {rid: indexes[rid] for rid in ids if rid in indexes}
    return find_pairs(session, records, ordered)


def _store(
    engine: Engine, pairs: list[FoundPair], known: dict[Any, Any], queued: list[Any], now: int
) -> int:
    """The write step: the pairs, and the queue rows served (those not queued again)."""
    with Session(engine) as session:
        added = store_pairs(session, pairs, known, now=now)
        session.connection().execute(
            delete(DuplicateCheck).where(
                and_(
                    col(DuplicateCheck.record_id) == bindparam("rid"),
                    col(DuplicateCheck.queued_at) == bindparam("at"),
                )
            ),
            [{"rid": rid, "at": at} for rid, at in queued],
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
