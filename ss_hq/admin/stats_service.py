"""Counts for ``ss-hq stats --json``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from ss_core.protocol.wire import Entity, OpStatus
from ss_hq.core.models import AppliedOp, ChangeLog, Conflict, Device, Record, SuspectedDuplicate


def _count(session: Session, statement: Any) -> int:
    return int(session.exec(statement).one())


def stats(session: Session) -> dict[str, int]:
    children = select(func.count()).select_from(Record).where(Record.entity == Entity.CHILD.value)
    return {
        "children": _count(session, children.where(col(Record.deleted).is_(False))),
        "children_deleted": _count(session, children.where(col(Record.deleted).is_(True))),
        "sites": _count(
            session,
            select(func.count())
            .select_from(Record)
            .where(Record.entity == Entity.SITE.value)
            .where(col(Record.deleted).is_(False)),
        ),
        "devices": _count(session, select(func.count()).select_from(Device)),
        "devices_revoked": _count(
            session,
            select(func.count()).select_from(Device).where(col(Device.revoked_at).is_not(None)),
        ),
        "open_conflicts": _count(
            session, select(func.count()).select_from(Conflict).where(Conflict.status == "open")
        ),
        "suspected_duplicates": _count(
            session,
            select(func.count())
            .select_from(SuspectedDuplicate)
            .where(SuspectedDuplicate.status == "open"),
        ),
        "changes_applied": _count(
            session,
            select(func.count())
            .select_from(AppliedOp)
            .where(AppliedOp.status != OpStatus.REJECTED.value),
        ),
        "changes_rejected": _count(
            session,
            select(func.count())
            .select_from(AppliedOp)
            .where(AppliedOp.status == OpStatus.REJECTED.value),
        ),
        "change_log_head": int(
            session.exec(select(func.coalesce(func.max(ChangeLog.seq), 0))).one()
        ),
    }
