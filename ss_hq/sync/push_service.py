"""``POST /api/v1/sync/push``: apply a laptop's batch of changes exactly once.

Per op, in device_seq order:

* a (device, seq) already recorded answers ``duplicate`` (with the stored version);
* a seq above the device's highest contiguous recorded seq + 1 is a *gap*: the op is held
  back (``rejected`` / ``seq_gap``) and NOT recorded, so the laptop sends it again later;
* otherwise the op is applied and recorded in ``applied_op`` in the same transaction; a
  rejected op (``validation_failed``, ``forbidden_site``, ``clock_skew``)
  is recorded too, so the queue moves on.

The ops left after duplicates and gaps form one contiguous run, applied set-based
(:mod:`ss_hq.sync.push_bulk`: a few statements for the whole run instead of ~15 per op, same
statuses); if the database refuses a value there, the run is rolled back and applied here one
op at a time, each in its own savepoint, so only the bad op is rejected.

The whole batch commits before the answer is built, so an acknowledged op is durable. The
duplicate checks of its children are queued in the same transaction and served after the
commit (:mod:`ss_hq.review.duplicate_queue`).
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import DataError
from sqlmodel import Session, col, select

from ss_core.protocol.wire import (
    Entity,
    ErrorCode,
    OpResult,
    OpStatus,
    PushOp,
    PushRequest,
    PushResponse,
)
from ss_hq.core.change_log import ChangeLogWriter, lock_for_writing
from ss_hq.core.errors import ServiceError
from ss_hq.core.models import AppliedOp, Device, Record
from ss_hq.core.records import Author, OpRejected, write_record
from ss_hq.review.duplicate_queue import enqueue_checks
from ss_hq.review.erasure_service import erase_on_withdrawal
from ss_hq.review.search_service import refresh_child_index
from ss_hq.sync.push_bulk import BulkFailed, apply_run, check_hlc

log = logging.getLogger(__name__)


def push(session: Session, device: Device, request: PushRequest, *, now: int) -> PushResponse:
    if request.device_id != device.id:
        raise ServiceError(
            ErrorCode.VALIDATION_FAILED,
            "device_id in the body does not match the bearer token",
            status=422,
        )
    ops = sorted(request.ops, key=lambda op: op.device_seq)
    # Serialize writers before reading anything we decide on (see change_log.py); after the
    # lock, a concurrent push of the same batch has committed and its rows are visible.
    lock_for_writing(session)
    session.refresh(device)
    contiguous = device.acked_seq
    seqs = [op.device_seq for op in ops]
    recorded: dict[int, AppliedOp] = {}
    if seqs:
        rows = session.exec(
            select(AppliedOp)
            .where(AppliedOp.device_id == device.id)
            .where(col(AppliedOp.device_seq).in_(seqs))
        ).all()
        recorded = {row.device_seq: row for row in rows}
    author = Author(device_id=device.id, sites=frozenset(device.site_ids))
    # Answer duplicates and gaps first; the ops left form one contiguous run, applied
    # set-based (push_bulk) or, if the database refuses a value, one op at a time.
    answers: list[OpResult | PushOp] = []
    run: list[PushOp] = []
    answered: set[int] = set()
    for op in ops:
        if op.device_seq in answered or op.device_seq in recorded or op.device_seq <= contiguous:
            stored = recorded.get(op.device_seq)
            if stored is not None and stored.status == OpStatus.REJECTED.value:
                # A resent op that was refused the first time gets the same refusal, so a
                # laptop that lost the first answer still quarantines it.
                answers.append(OpResult.model_validate(stored.result))
            else:
                version = stored.result.get("version") if stored else None
                answers.append(
                    OpResult(device_seq=op.device_seq, status=OpStatus.DUPLICATE, version=version)
                )
        elif op.device_seq > contiguous + 1:
            answers.append(
                OpResult(
                    device_seq=op.device_seq,
                    status=OpStatus.REJECTED,
                    reason=ErrorCode.SEQ_GAP,
                    message=f"waiting for device_seq {contiguous + 1}; send the missing ops first",
                )
            )
        else:
            answers.append(op)
            run.append(op)
            contiguous = op.device_seq
        answered.add(op.device_seq)
    try:
        applied = apply_run(session, author, request.batch_id, run, now=now, apply_one=_apply_one)
    except BulkFailed as exc:
        log.info(
            "push from device %s: batch refused by the database (%s), op by op", device.id, exc
        )
        writer = ChangeLogWriter(session)
        applied = [_apply_one(session, writer, author, request.batch_id, op, now) for op in run]
    by_seq = {result.device_seq: result for result in applied}
    results = [a if isinstance(a, OpResult) else by_seq[a.device_seq] for a in answers]
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status.value] = counts.get(result.status.value, 0) + 1

    device.acked_seq = contiguous
    device.last_seen_at = now
    session.add(device)
    session.commit()
    log.info("push from device %s: %s, acked through %d", device.id, counts, contiguous)
    return PushResponse(results=results, acked_through_seq=contiguous, server_time=now)


def held(session: Session, device: Device, from_seq: int, to_seq: int, *, now: int) -> PushResponse:
    """What head office holds of this device's ops *from_seq* to *to_seq*: the answer a push
    of them would get for the ones recorded (``duplicate`` with the version, or the stored
    refusal), none for the others. A laptop whose push was cut asks this before sending the
    rest (a cut push may have been applied in part, see ``ss_hq/api/encoding.py``)."""
    # Behind the writers' lock: a push still being applied commits first.
    lock_for_writing(session)
    session.refresh(device)
    rows = session.exec(
        select(AppliedOp)
        .where(AppliedOp.device_id == device.id)
        .where(col(AppliedOp.device_seq) >= from_seq)
        .where(col(AppliedOp.device_seq) <= to_seq)
        .order_by(col(AppliedOp.device_seq))
    ).all()
    results = [
        OpResult.model_validate(row.result)
        if row.status == OpStatus.REJECTED.value
        else OpResult(
            device_seq=row.device_seq, status=OpStatus.DUPLICATE, version=row.result.get("version")
        )
        for row in rows
    ]
    acked = device.acked_seq
    session.rollback()  # nothing written: the lock is let go at once
    return PushResponse(results=results, acked_through_seq=acked, server_time=now)


def _record(
    session: Session, device_id: str, batch_id: str, op: PushOp, result: OpResult, now: int
) -> None:
    session.add(
        AppliedOp(
            device_id=device_id,
            device_seq=op.device_seq,
            op_id=op.op_id,
            batch_id=batch_id,
            entity=op.entity.value,
            record_id=op.record_id,
            status=result.status.value,
            result=result.model_dump(mode="json"),
            applied_at=now,
        )
    )
    session.flush()


def _after_consent(
    session: Session, writer: ChangeLogWriter, author: Author, consent_id: str, now: int
) -> None:
    """A consent withdrawn with no other registration consent left: the child is erased
    here, in the op's savepoint (PIPL: withdrawal stops processing)."""
    consent = session.get(Record, consent_id)
    if consent is not None and consent.child_id and not consent.erased:
        erase_on_withdrawal(session, writer, consent.child_id, device_id=author.device_id, now=now)


def _apply_one(
    session: Session,
    writer: ChangeLogWriter,
    author: Author,
    batch_id: str,
    op: PushOp,
    now: int,
) -> OpResult:
    assert author.device_id is not None
    try:
        with session.begin_nested():
            check_hlc(op, now)
            written = write_record(
                session,
                writer,
                entity=op.entity,
                record_id=op.record_id,
                fields=op.fields,
                hlc=op.hlc,
                base_version=op.base_version,
                deleted=op.deleted,
                author=author,
                now=now,
            )
            if op.entity is Entity.CHILD:
                # Search keys and dashboard columns in the same savepoint; the duplicate
                # check is queued with it and served after the commit.
                refresh_child_index(session, op.record_id)
                enqueue_checks(session, [op.record_id], now=now)
            elif op.entity is Entity.CONSENT:
                _after_consent(session, writer, author, op.record_id, now)
            result = OpResult(
                device_seq=op.device_seq,
                status=written.status,
                version=written.version or None,  # 0: nothing was stored (erased child)
                message=written.message,
            )
            _record(session, author.device_id, batch_id, op, result, now)
            return result
    except OpRejected as exc:
        rejected = OpResult(
            device_seq=op.device_seq,
            status=OpStatus.REJECTED,
            reason=exc.reason,
            message=exc.message,
        )
    except DataError as exc:
        # The database refused a value (e.g. a NUL character PostgreSQL cannot store):
        # bad input for this op only; the savepoint is already rolled back. Other database
        # errors (lost connection, deadlock) are NOT the op's fault: they fail the whole
        # request, nothing is committed, and the laptop retries.
        log.info(
            "op %s of device %s refused by the database: %s",
            op.device_seq,
            author.device_id,
            type(exc).__name__,
        )
        rejected = OpResult(
            device_seq=op.device_seq,
            status=OpStatus.REJECTED,
            reason=ErrorCode.VALIDATION_FAILED,
            message="the database cannot store a value of this change",
        )
    with session.begin_nested():
        _record(session, author.device_id, batch_id, op, rejected, now)
    return rejected
