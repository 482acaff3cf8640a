"""Head-office staff writes: the server's HLC, conflict resolution, staff edits, programs.

Every write goes through :func:`ss_hq.core.records.write_record` with a stamp from head office's
clock that is later than every stamp the record carries, and with ``base_version`` set to
the stored version: the staff member saw the record as it is, so their choice wins.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ss_core.protocol.hlc import HLC, HLCFormatError, HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.models import Conflict, Record
from ss_hq.core.records import Author, OpRejected, WriteResult, write_record
from ss_hq.review.search_service import refresh_child_index, site_names

log = logging.getLogger(__name__)

HQ_NODE = "hq"


class ReviewError(ValueError):
    """A staff action that cannot be done; ``code`` is a stable key for the message."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def server_stamp(*records: Record | None) -> str:
    """A head-office HLC later than every stamp of *records*."""
    clock = HybridClock(HQ_NODE)
    for record in records:
        if record is None:
            continue
        stamps = [record.hlc] + [m[0] for m in (record.field_meta or {}).values() if m]
        for text in stamps:
            try:
                clock.update(HLC.parse(text))
            except (HLCFormatError, TypeError, ValueError):
                continue
    return str(clock.now())


def staff_write(
    session: Session,
    writer: ChangeLogWriter,
    record: Record,
    fields: Mapping[str, Any],
    *,
    staff_user: str,
    now: int,
    deleted: bool = False,
) -> WriteResult:
    """Write *fields* to an existing record on behalf of a staff member."""
    result = write_record(
        session,
        writer,
        entity=Entity(record.entity),
        record_id=record.id,
        fields=dict(fields),
        hlc=server_stamp(record),
        base_version=record.version,
        deleted=deleted,
        author=Author(staff_user=staff_user),
        now=now,
    )
    if record.entity == Entity.CHILD.value:
        refresh_child_index(session, record.id)
    return result


@dataclass(frozen=True)
class ConflictView:
    id: int
    record_id: str
    entity: str
    field: str
    winner_value: Any
    winner_device: str | None
    winner_hlc: str
    loser_value: Any
    loser_device: str | None
    loser_hlc: str
    current_value: Any
    label: str
    status: str
    resolution: str | None
    resolved_by: str | None


def _label(record: Record | None) -> str:
    if record is None:
        return ""
    f = record.fields or {}
    if record.entity == Entity.CHILD.value:
        return f"{f.get('surname') or ''}{f.get('given_name') or ''}".strip()
    return str(f.get("name") or f.get("code") or "")


def list_conflicts(
    session: Session, *, status: str = "open", limit: int = 200
) -> list[ConflictView]:
    rows = session.exec(
        select(Conflict)
        .where(Conflict.status == status)
        .order_by(col(Conflict.created_at).desc(), col(Conflict.id).desc())
        .limit(limit)
    ).all()
    out = []
    for c in rows:
        record = session.get(Record, c.record_id)
        assert c.id is not None
        out.append(
            ConflictView(
                id=c.id,
                record_id=c.record_id,
                entity=c.entity,
                field=c.field,
                winner_value=c.winner_value,
                winner_device=c.winner_device,
                winner_hlc=c.winner_hlc,
                loser_value=c.loser_value,
                loser_device=c.loser_device,
                loser_hlc=c.loser_hlc,
                current_value=(record.fields or {}).get(c.field) if record else None,
                label=_label(record),
                status=c.status,
                resolution=c.resolution,
                resolved_by=c.resolved_by,
            )
        )
    return out


def resolve_conflict(
    session: Session, conflict_id: int, choice: str, *, staff_user: str, now: int
) -> None:
    """Keep the ``winner`` or the ``loser`` value of a conflict; recorded in the conflict row."""
    if choice not in ("winner", "loser"):
        raise ReviewError("bad_choice", "choose one of the two values")
    writer = ChangeLogWriter(session)
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise ReviewError("not_found", "no such conflict")
    if conflict.status != "open":
        raise ReviewError("already_resolved", "this conflict was already resolved")
    record = session.get(Record, conflict.record_id)
    if record is not None and not record.erased:
        chosen = conflict.winner_value if choice == "winner" else conflict.loser_value
        if (record.fields or {}).get(conflict.field) != chosen:
            try:
                staff_write(
                    session,
                    writer,
                    record,
                    {conflict.field: chosen},
                    staff_user=staff_user,
                    now=now,
                )
            except OpRejected as exc:
                session.rollback()
                raise ReviewError("rejected", exc.message) from None
    conflict.status = "resolved"
    conflict.resolution = choice
    conflict.resolved_by = staff_user
    conflict.resolved_at = now
    session.add(conflict)
    session.commit()
    log.info("conflict %d resolved (%s) by staff", conflict_id, choice)


@dataclass(frozen=True)
class ProgramView:
    id: str
    name: str
    program_type: str
    site: str


def list_programs(session: Session) -> list[ProgramView]:
    rows = session.exec(
        select(Record)
        .where(Record.entity == Entity.PROGRAM.value)
        .where(col(Record.deleted).is_(False))
    ).all()
    names = site_names(session)
    out = [
        ProgramView(
            id=r.id,
            name=str((r.fields or {}).get("name") or ""),
            program_type=str((r.fields or {}).get("program_type") or ""),
            site=names.get(r.site_id or "", ""),
        )
        for r in rows
    ]
    return sorted(out, key=lambda p: (p.site, p.name))


def add_program(
    session: Session,
    *,
    name: str,
    program_type: str,
    site_id: str | None,
    staff_user: str,
    now: int,
) -> str:
    name = name.strip()
    if not name or len(name) > 120:
        raise ReviewError("program_name", "program name must be 1-120 characters")
    fields: dict[str, Any] = {"name": name, "program_type": program_type.strip() or None}
    if site_id:
        site = session.get(Record, site_id)
        if site is None or site.entity != Entity.SITE.value:
            raise ReviewError("program_site", "choose a site from the list")
        fields["site_id"] = site_id
    writer = ChangeLogWriter(session)
    record_id = new_id()
    try:
        write_record(
            session,
            writer,
            entity=Entity.PROGRAM,
            record_id=record_id,
            fields=fields,
            hlc=server_stamp(),
            base_version=0,
            deleted=False,
            author=Author(staff_user=staff_user),
            now=now,
        )
    except OpRejected as exc:
        session.rollback()
        raise ReviewError("rejected", exc.message) from None
    session.commit()
    return record_id
