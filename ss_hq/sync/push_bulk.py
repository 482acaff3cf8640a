"""Set-based apply of a push batch (the fast path of :mod:`ss_hq.sync.push_service`).

The ops handed in are the batch's contiguous run (duplicates and seq gaps already answered),
in device_seq order. Instead of ~15 statements per op, the whole run costs a handful:

* one query loads every record the run names (its ids, and the children and programs its
  ops point at); merges happen in Python on those objects (``write_record`` with a
  :class:`~ss_hq.core.records.BulkSink`: same merge rule, same checks, same statuses);
* at the end, one flush writes the records (multi-row INSERT / executemany UPDATE), one
  multi-row INSERT each writes the history, the change-log rows (seqs numbered once, under
  the writers' lock: :class:`~ss_hq.core.change_log.BufferedChangeLog`) and the ``applied_op``
  rows; one query and one flush refresh ``child_index``; the run's children are queued for
  their duplicate check, served after the commit (:mod:`ss_hq.review.duplicate_queue`).

Per-op guarantees:

* a refused op (``OpRejected``: validation, site, clock) is refused before anything of it is
  written, so no savepoint is needed: it is recorded as rejected and the run moves on;
* an op that does more than merge one record — a consent that may withdraw registration
  (erasure), a child moving to another site (its dependents follow) — is applied by the
  one-op-at-a-time path in its own savepoint, after the writes before it are flushed;
* the run itself is in a savepoint: when the database refuses a value (``DataError``, e.g.
  a NUL character on PostgreSQL) the savepoint is rolled back and :class:`BulkFailed` tells
  the caller to apply the run one op at a time, so only the bad op is rejected.

Everything is in the push's transaction: the answer is built after the commit, as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection, insert
from sqlalchemy.exc import DataError
from sqlmodel import Session, select

from ss_core.domain.consent import consent_state
from ss_core.protocol.hlc import HLC, HLCFormatError
from ss_core.protocol.wire import (
    MAX_FUTURE_SKEW_MS,
    Entity,
    ErrorCode,
    OpResult,
    OpStatus,
    PushOp,
    storable_text,
)
from ss_hq.core.change_log import BufferedChangeLog, ChangeLogWriter
from ss_hq.core.models import AppliedOp, ChangeHistory, Record
from ss_hq.core.records import (
    Author,
    BulkSink,
    NeedsOwnSavepoint,
    NewRecord,
    OpRejected,
    write_record,
)
from ss_hq.review.duplicate_queue import enqueue_checks
from ss_hq.review.search_service import IN_CHUNK, id_in, refresh_child_indexes

# apply_one(session, writer, author, batch_id, op, now): the one-op path (own savepoint,
# records its applied_op row itself).
ApplyOne = Callable[[Session, ChangeLogWriter, Author, str, PushOp, int], OpResult]
REFERENCES = ("child_id", "program_id")
# The consent fields that decide whether it counts for registration (and for which child).
CONSENT_DECIDING = ("child_id", "giver_role", "given_on", "scopes", "withdrawn_on")


class BulkFailed(Exception):
    """The database refused the run's writes; nothing of the run is left: apply it op by op."""


def check_hlc(op: PushOp, now: int) -> None:
    try:
        if not storable_text(op.hlc):
            raise HLCFormatError("not storable text")
        stamp = HLC.parse(op.hlc)
    except HLCFormatError:
        raise OpRejected(ErrorCode.VALIDATION_FAILED, "hlc is not a clock stamp") from None
    if stamp.wall_ms > now + MAX_FUTURE_SKEW_MS:
        raise OpRejected(
            ErrorCode.CLOCK_SKEW,
            "the change is stamped more than a day ahead of head office's clock; "
            "check the laptop's date and time",
        )


def applied_row(
    device_id: str, batch_id: str, op: PushOp, result: OpResult, now: int
) -> dict[str, Any]:
    return {
        "device_id": device_id,
        "device_seq": op.device_seq,
        "op_id": op.op_id,
        "batch_id": batch_id,
        "entity": op.entity.value,
        "record_id": op.record_id,
        "status": result.status.value,
        "result": result.model_dump(mode="json"),
        "applied_at": now,
    }


def _keeps_registration(op: PushOp, records: dict[str, Any]) -> bool:
    """Whether a consent op certainly leaves a registration consent in force: after it, this
    consent alone counts for registration (the rule ``erase_on_withdrawal`` applies), so no
    erasure can follow from it. Anything else takes the one-op path. For a stored consent the
    op must leave the fields that decide it as they are (whichever side of the merge wins)."""
    if op.deleted or op.record_id not in records:
        return False
    stored = records[op.record_id]
    if stored is None:
        fields = op.fields
    else:
        if stored.deleted or stored.erased:
            return False
        if any(
            name in op.fields and op.fields[name] != stored.fields.get(name)
            for name in CONSENT_DECIDING
        ):
            return False
        fields = stored.fields
    child = records.get(str(fields.get("child_id") or ""))
    if child is None:
        return False
    child_fields = child.fields or {}
    return consent_state(
        [fields],
        child_dob=_date_or_none(child_fields.get("dob")),
        child_dob_precision=child_fields.get("dob_precision"),
    ).registration_ok


def _date_or_none(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _json_text(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an integer beyond 64 bits, a non-string key: the slow encoder
        return json.dumps(value, ensure_ascii=False)


def bulk_insert(connection: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert *rows* (dicts with the same keys) at once: COPY on PostgreSQL (JSON columns
    sent as JSON text, exactly what the JSON type would store), executemany elsewhere."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    as_json = [isinstance(table.c[name].type, sa.JSON) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    raw = connection.connection.driver_connection
    assert raw is not None
    statement = f"COPY {table.name} ({columns}) FROM STDIN"
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [
                        _json_text(row[name]) if is_json else row[name]
                        for name, is_json in zip(names, as_json, strict=True)
                    ]
                )
    except connection.dialect.dbapi.DataError as exc:  # type: ignore[union-attr]
        # Past SQLAlchemy: name it as SQLAlchemy would, for the caller's except clause.
        raise DataError(statement, None, exc) from exc


def _columns(record: NewRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in NewRecord.__slots__}


class _Run:
    def __init__(
        self, session: Session, author: Author, batch_id: str, now: int, apply_one: ApplyOne
    ) -> None:
        assert author.device_id is not None
        self.session, self.author, self.batch_id, self.now = session, author, batch_id, now
        self.device_id: str = author.device_id
        self.apply_one = apply_one
        self.log = BufferedChangeLog(session)
        self.sink = BulkSink({})
        self.applied: list[dict[str, Any]] = []
        self.children: dict[str, None] = {}  # written children, in order

    def load(self, ops: Sequence[PushOp]) -> None:
        ids = {op.record_id for op in ops}
        for op in ops:
            for name in REFERENCES:
                value = op.fields.get(name)
                if isinstance(value, str) and value:
                    ids.add(value)
        wanted = sorted(ids)
        records = self.sink.records
        records.update(dict.fromkeys(wanted))
        for start in range(0, len(wanted), IN_CHUNK):
            chunk = wanted[start : start + IN_CHUNK]
            for record in self.session.exec(
                select(Record).where(id_in(self.session, Record.id, chunk))
            ):
                records[record.id] = record

    def apply(self, op: PushOp) -> OpResult:
        try:
            check_hlc(op, self.now)
            if op.entity is Entity.CONSENT and not _keeps_registration(op, self.sink.records):
                raise NeedsOwnSavepoint
            written = write_record(
                self.session,
                self.log,  # type: ignore[arg-type]
                entity=op.entity,
                record_id=op.record_id,
                fields=op.fields,
                hlc=op.hlc,
                base_version=op.base_version,
                deleted=op.deleted,
                author=self.author,
                now=self.now,
                sink=self.sink,
            )
        except OpRejected as exc:
            result = OpResult(
                device_seq=op.device_seq,
                status=OpStatus.REJECTED,
                reason=exc.reason,
                message=exc.message,
            )
        except NeedsOwnSavepoint:
            return self._one_at_a_time(op)
        else:
            result = OpResult(
                device_seq=op.device_seq,
                status=written.status,
                version=written.version or None,  # 0: nothing was stored (erased child)
                message=written.message,
            )
            if op.entity is Entity.CHILD:
                self.children[op.record_id] = None
        self.applied.append(applied_row(self.device_id, self.batch_id, op, result, self.now))
        return result

    def _one_at_a_time(self, op: PushOp) -> OpResult:
        self.flush()
        result = self.apply_one(
            self.session, ChangeLogWriter(self.session), self.author, self.batch_id, op, self.now
        )
        # The loaded records are the session's own objects, so whatever the op changed or
        # erased is seen through them; only a record it created is not known yet.
        self.sink.records.pop(op.record_id, None)
        return result

    def flush(self) -> None:
        """Write everything applied so far (records, history, change log, index, duplicate
        checks due, applied ops)."""
        session = self.session
        session.flush()
        connection = session.connection()
        created = list(self.sink.created.values())
        self.sink.created = {}
        bulk_insert(connection, Record.__table__, [_columns(r) for r in created])  # type: ignore[attr-defined]
        bulk_insert(connection, ChangeHistory.__table__, self.sink.history)  # type: ignore[attr-defined]
        self.sink.history = []
        self.log.flush(bulk_insert)
        if self.children:
            records = [
                r
                for rid in self.children
                if (r := self.sink.records.get(rid) or session.get(Record, rid)) is not None
            ]
            refresh_child_indexes(session, records, insert_rows=bulk_insert)
            enqueue_checks(session, (r.id for r in records), now=self.now)
            self.children = {}
        for record in created:
            # Stored now: a later op of the run reads it back as a session object.
            self.sink.records.pop(record.id, None)
        bulk_insert(connection, AppliedOp.__table__, self.applied)  # type: ignore[attr-defined]
        self.applied = []


def apply_run(
    session: Session,
    author: Author,
    batch_id: str,
    ops: Sequence[PushOp],
    *,
    now: int,
    apply_one: ApplyOne,
) -> list[OpResult]:
    """Apply *ops* (a contiguous run, in device_seq order); one result per op, in order.
    Raises :class:`BulkFailed` (with the run rolled back) when the database refuses a value."""
    if not ops:
        return []
    run = _Run(session, author, batch_id, now, apply_one)
    try:
        with session.begin_nested():
            run.load(ops)
            results = [run.apply(op) for op in ops]
            run.flush()
    except DataError as exc:
        session.expire_all()
        raise BulkFailed(type(exc).__name__) from None
    return results
