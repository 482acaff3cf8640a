"""Merging two records of one child, and splitting them again.

A merge keeps one child (its site, its id) and ends the other as a deleted tombstone whose
``merged_into`` names the kept child; its guardians, consents, enrollments and attendance
marks move to the kept child without doubles, as
:func:`ss_hq.review.merge_plan.plan_merge` works out (the confirmation page shows that
plan). :func:`merge_pair` does it through the one write path, records it in ``merge_log`` and
in head office's audit chain, in one transaction. Laptops learn it by pull.

:func:`split_merge` undoes a merge for :data:`SPLIT_DAYS` days (admins): the merged child
comes back as a new record (a new id: laptops deleted the old one) with the records that
came with it, the values the kept records took are given back (where nobody changed them
since), and the pair is recorded as "not the same child".
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.models import MergeLog, Record, SuspectedDuplicate
from ss_hq.core.records import Author, OpRejected, write_record
from ss_hq.core.staff_audit import Action, clean_reason, record_action
from ss_hq.review.merge_plan import open_pair, plan_merge
from ss_hq.review.review_service import ReviewError, server_stamp, staff_write
from ss_hq.review.search_service import refresh_child_index

log = logging.getLogger(__name__)

SPLIT_DAYS = 30
DAY_MS = 86_400_000


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    kept: str
    merged: str
    moved: int
    removed: int


def _write_fill(
    session: Session,
    writer: ChangeLogWriter,
    record: Record,
    fill: Mapping[str, Any],
    *,
    staff_user: str,
    now: int,
) -> dict[str, list[Any]]:
    """Give *record* the values it lacked, if the field rules take them (a value they refuse
    is simply not copied); returns {field: [old, new]} of what was written."""
    if not fill:
        return {}
    before = dict(record.fields or {})
    try:
        with session.begin_nested():
            staff_write(session, writer, record, dict(fill), staff_user=staff_user, now=now)
    except OpRejected:
        session.refresh(record)
        return {}
    return {name: [before.get(name), value] for name, value in fill.items()}


def merge_pair(
    session: Session,
    pair_id: int,
    keep_id: str,
    *,
    staff_user: str,
    now: int,
    reason: str = "",
) -> MergeResult:
    """Merge the pair into *keep_id* as :func:`plan_merge` describes it."""
    writer = ChangeLogWriter(session)
    reason = clean_reason(reason)
    plan = plan_merge(session, pair_id, keep_id)
    keep = session.get(Record, plan.keep_id)
    drop = session.get(Record, plan.drop_id)
    assert keep is not None and drop is not None
    removed: dict[str, dict[str, str | None]] = {}
    filled: dict[str, Any] = {}
    try:
        for duplicate in plan.duplicates:
            gone = session.get(Record, duplicate.removed.id)
            stays = session.get(Record, duplicate.kept.id)
            assert gone is not None and stays is not None
            owner = gone.child_id
            staff_write(
                session,
                writer,
                gone,
                {"child_id": plan.keep_id},
                staff_user=staff_user,
                now=now,
                deleted=True,
            )
            gone.merged_into = stays.id
            session.add(gone)
            removed[gone.id] = {"kept": stays.id, "owner": owner}
            written = _write_fill(
                session, writer, stays, duplicate.fill, staff_user=staff_user, now=now
            )
            if written:
                filled[stays.id] = written
        for dependent in plan.moves:
            record = session.get(Record, dependent.id)
            assert record is not None
            staff_write(
                session, writer, record, {"child_id": plan.keep_id}, staff_user=staff_user, now=now
            )
        written = _write_fill(
            session, writer, keep, plan.child_fill, staff_user=staff_user, now=now
        )
        if written:
            filled[keep.id] = written
        staff_write(
            session,
            writer,
            drop,
            {"merged_into": plan.keep_id},
            staff_user=staff_user,
            now=now,
            deleted=True,
        )
    except OpRejected as exc:
        session.rollback()
        raise ReviewError("rejected", exc.message) from None
    drop.merged_into = plan.keep_id
    session.add(drop)
    refresh_child_index(session, plan.drop_id)
    pair = open_pair(session, pair_id)
    _close_pair(pair, "merged", staff_user, now)
    session.add(pair)
    # Other open pairs with the tombstone are moot now.
    for other in session.exec(
        select(SuspectedDuplicate)
        .where(SuspectedDuplicate.status == "open")
        .where(
            or_(
                col(SuspectedDuplicate.record_id) == plan.drop_id,
                col(SuspectedDuplicate.other_id) == plan.drop_id,
            )
        )
    ).all():
        _close_pair(other, "obsolete", staff_user, now)
        session.add(other)
    entry = MergeLog(
        pair_id=pair_id,
        kept_id=plan.keep_id,
        merged_id=plan.drop_id,
        moved=[d.id for d in plan.moves],
        removed=removed,
        filled=filled,
        reason=reason,
        by=staff_user,
        at=now,
    )
    session.add(entry)
    session.flush()
    assert entry.id is not None
    record_action(
        session,
        actor=staff_user,
        action=Action.MERGE,
        now=now,
        entity=Entity.CHILD.value,
        record_id=plan.keep_id,
        detail={
            "merged": plan.drop_id,
            "merge": entry.id,
            "moved": len(plan.moves),
            "removed": len(removed),
            "fields": sorted(filled.get(plan.keep_id, {})),
            "reason": reason,
        },
    )
    session.commit()
    log.info(
        "duplicate pair %d merged: %d record(s) moved, %d duplicate(s) removed",
        pair_id,
        len(plan.moves),
        len(removed),
    )
    return MergeResult(entry.id, plan.keep_id, plan.drop_id, len(plan.moves), len(removed))


def _close_pair(pair: SuspectedDuplicate, status: str, staff_user: str, now: int) -> None:
    pair.status = status
    pair.resolved_by = staff_user
    pair.resolved_at = now


# ------------------------------------------------------------------------------ split


@dataclass(frozen=True)
class MergeView:
    id: int
    kept_id: str
    merged_id: str
    kept_name: str
    merged_name: str
    by: str
    at: int
    reason: str
    moved: int
    removed: int
    split_id: str | None
    split_by: str | None
    split_at: int | None
    can_split: bool


def _child_name(record: Record | None) -> str:
    f = (record.fields or {}) if record is not None else {}
    return f"{f.get('surname') or ''}{f.get('given_name') or ''}".strip()


def _view(session: Session, entry: MergeLog, now: int) -> MergeView:
    kept, merged = session.get(Record, entry.kept_id), session.get(Record, entry.merged_id)
    assert entry.id is not None
    return MergeView(
        id=entry.id,
        kept_id=entry.kept_id,
        merged_id=entry.merged_id,
        kept_name=_child_name(kept),
        merged_name=_child_name(merged),
        by=entry.by,
        at=entry.at,
        reason=entry.reason,
        moved=len(entry.moved),
        removed=len(entry.removed),
        split_id=entry.split_id,
        split_by=entry.split_by,
        split_at=entry.split_at,
        can_split=split_refusal(session, entry, now) is None,
    )


def recent_merges(session: Session, *, now: int, limit: int = 50) -> list[MergeView]:
    """Merges of the last :data:`SPLIT_DAYS` days, newest first."""
    rows = session.exec(
        select(MergeLog)
        .where(col(MergeLog.at) >= now - SPLIT_DAYS * DAY_MS)
        .order_by(col(MergeLog.at).desc(), col(MergeLog.id).desc())
        .limit(limit)
    ).all()
    return [_view(session, r, now) for r in rows]


def merge_of(session: Session, merge_id: int, *, now: int) -> MergeView | None:
    entry = session.get(MergeLog, merge_id)
    return _view(session, entry, now) if entry is not None else None


def merge_into(session: Session, merged_id: str, *, now: int) -> MergeView | None:
    """The merge that ended *merged_id* (for its tombstone's page)."""
    entry = session.exec(
        select(MergeLog).where(MergeLog.merged_id == merged_id).order_by(col(MergeLog.id).desc())
    ).first()
    return _view(session, entry, now) if entry is not None else None


def split_refusal(session: Session, entry: MergeLog, now: int) -> str | None:
    """Why this merge cannot be split now (a stable code), or None."""
    if entry.split_at is not None:
        return "already_split"
    if now - entry.at > SPLIT_DAYS * DAY_MS:
        return "too_old"
    kept = session.get(Record, entry.kept_id)
    merged = session.get(Record, entry.merged_id)
    if kept is None or kept.erased or kept.deleted or merged is None or merged.erased:
        return "gone"
    site = session.get(Record, merged.site_id) if merged.site_id else None
    if site is not None and (site.fields or {}).get("status") == "closed":
        return "site_closed"
    return None


def _create(
    session: Session,
    writer: ChangeLogWriter,
    entity: str,
    fields: Mapping[str, Any],
    *,
    staff_user: str,
    now: int,
) -> str:
    record_id = new_id()
    write_record(
        session,
        writer,
        entity=Entity(entity),
        record_id=record_id,
        fields=dict(fields),
        hlc=server_stamp(),
        base_version=0,
        deleted=False,
        author=Author(staff_user=staff_user),
        now=now,
    )
    return record_id


def split_merge(
    session: Session, merge_id: int, *, staff_user: str, now: int, reason: str = ""
) -> str:
    """Undo merge *merge_id*; returns the id of the re-created child."""
    writer = ChangeLogWriter(session)
    reason = clean_reason(reason)
    entry = session.get(MergeLog, merge_id)
    if entry is None:
        raise ReviewError("not_found", "no such merge")
    refusal = split_refusal(session, entry, now)
    if refusal is not None:
        raise ReviewError(refusal, "this merge cannot be split")
    merged = session.get(Record, entry.merged_id)
    assert merged is not None
    fields = {k: v for k, v in (merged.fields or {}).items() if k != "merged_into"}
    try:
        new_child = _create(
            session, writer, Entity.CHILD.value, fields, staff_user=staff_user, now=now
        )
        refresh_child_index(session, new_child)
        for record_id in entry.moved:
            record = session.get(Record, record_id)
            if record is None or record.deleted or record.child_id != entry.kept_id:
                continue  # moved again or removed since: left where it is
            staff_write(
                session, writer, record, {"child_id": new_child}, staff_user=staff_user, now=now
            )
        for removed_id, how in (entry.removed or {}).items():
            gone = session.get(Record, removed_id)
            if gone is None or gone.erased:
                continue
            # Back to the child it belonged to, as a new record (laptops deleted the old one).
            copy = dict(gone.fields or {})
            copy["child_id"] = entry.kept_id if how.get("owner") == entry.kept_id else new_child
            _create(session, writer, gone.entity, copy, staff_user=staff_user, now=now)
        for record_id, changes in (entry.filled or {}).items():
            record = session.get(Record, record_id)
            if record is None or record.deleted or record.erased:
                continue
            current = record.fields or {}
            back = {
                name: old
                for name, (old, new) in changes.items()
                if current.get(name) == new  # nobody changed it since the merge
            }
            if back:
                staff_write(session, writer, record, back, staff_user=staff_user, now=now)
    except OpRejected as exc:
        session.rollback()
        raise ReviewError("rejected", exc.message) from None
    a, b = sorted((new_child, entry.kept_id))
    session.add(
        SuspectedDuplicate(
            record_id=a,
            other_id=b,
            score=0.0,
            reasons=[],
            status="dismissed",
            resolved_by=staff_user,
            resolved_at=now,
            created_at=now,
        )
    )
    if entry.pair_id is not None:
        pair = session.get(SuspectedDuplicate, entry.pair_id)
        if pair is not None:
            _close_pair(pair, "split", staff_user, now)
            session.add(pair)
    entry.split_id, entry.split_by, entry.split_at = new_child, staff_user, now
    entry.split_reason = reason
    session.add(entry)
    record_action(
        session,
        actor=staff_user,
        action=Action.SPLIT,
        now=now,
        entity=Entity.CHILD.value,
        record_id=new_child,
        detail={
            "merge": merge_id,
            "kept": entry.kept_id,
            "merged": entry.merged_id,
            "reason": reason,
        },
    )
    session.commit()
    log.info("merge %d split again", merge_id)
    return new_child
