"""Head office's change sequence: what ``GET /api/v1/sync/pull`` serves, in order.

Why writers are serialized
--------------------------
A pull asks for "changes with seq > cursor". If two transactions took seqs 11 and 12 and the
one holding 12 committed first, a pull in between would return 12, move its cursor past 11,
and never see 11 once it commits. PostgreSQL sequences behave exactly like that.

We therefore allocate seqs only while holding a transaction-scoped advisory lock
(``pg_advisory_xact_lock``), taken *before the first row write of the transaction* and held
until COMMIT. Writers then commit in seq order, so every seq at or below the highest committed
one is already visible: a cursor can never jump over a row that commits later. Alternatives
considered: a ``SELECT ... FOR UPDATE`` counter row does the same but is a hot row to update;
serving only rows below the oldest open transaction (``pg_snapshot_xmin``) keeps writers
parallel but needs the xid of every change-log row and is harder to get right. Head office's
write load (tens of laptops, batches of a few hundred ops) fits comfortably through one
writer at a time; reads (pulls, summaries, web pages) are never blocked by the lock.

Taking the lock before any row lock also rules out deadlocks between pushes: nobody holds a
record row while waiting for the lock.

SQLite needs nothing extra: ``make_engine`` starts every transaction with BEGIN IMMEDIATE, so
writers are serialized by the database itself.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, func, text
from sqlmodel import Session, select

from ss_hq.core.models import ChangeLog, ChangeLogState

# An arbitrary constant naming "the change-log writer" lock (ASCII of "sschglog").
CHANGE_LOG_LOCK_KEY = 0x737363686C6F67

_LOCK_HELD = "ss_hq.change_log_lock_held"


def lock_for_writing(session: Session) -> None:
    """Serialize change-log writers until this transaction ends. Idempotent per transaction."""
    connection = session.connection()
    if connection.info.get(_LOCK_HELD) is connection.get_transaction():
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGE_LOG_LOCK_KEY})
    connection.info[_LOCK_HELD] = connection.get_transaction()


def head_seq(session: Session) -> int:
    """The highest committed (or, for the lock holder, written) seq; 0 when empty."""
    return int(session.exec(select(func.coalesce(func.max(ChangeLog.seq), 0))).one())


def min_retained_seq(session: Session) -> int:
    state = session.get(ChangeLogState, 1)
    return state.min_retained_seq if state else 0


class ChangeLogWriter:
    """Appends change-log rows for one transaction; call :func:`lock_for_writing` first."""

    def __init__(self, session: Session) -> None:
        lock_for_writing(session)
        self._session = session

    def append(
        self, *, entity: str, record_id: str, version: int, site_id: str | None, at: int
    ) -> int:
        # Read the head each time: a rolled-back savepoint may have discarded rows we wrote.
        seq = head_seq(self._session) + 1
        self._session.add(
            ChangeLog(
                seq=seq, entity=entity, record_id=record_id, version=version, site_id=site_id, at=at
            )
        )
        self._session.flush()
        return seq


class BufferedChangeLog:
    """A :class:`ChangeLogWriter` for a set-based push: seqs are numbered in memory from the
    head read once (under the same lock) and the rows are written by :meth:`flush` in one
    statement. Nothing may write the change log between two flushes; after a flush the next
    append reads the head again."""

    def __init__(self, session: Session) -> None:
        lock_for_writing(session)
        self._session = session
        self._rows: list[dict[str, object]] = []
        self._next: int | None = None

    def append(
        self, *, entity: str, record_id: str, version: int, site_id: str | None, at: int
    ) -> int:
        if self._next is None:
            self._next = head_seq(self._session) + 1
        seq = self._next
        self._next += 1
        self._rows.append(
            {
                "seq": seq,
                "entity": entity,
                "record_id": record_id,
                "version": version,
                "site_id": site_id,
                "at": at,
            }
        )
        return seq

    def flush(
        self, bulk_insert: Callable[[Connection, Table, list[dict[str, object]]], None]
    ) -> None:
        """Write the rows with *bulk_insert(connection, table, rows)*."""
        if self._rows:
            bulk_insert(self._session.connection(), ChangeLog.__table__, self._rows)  # type: ignore[attr-defined]
        self._rows = []
        self._next = None
