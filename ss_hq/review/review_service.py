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
from ss_hq.core.models import AuditEntry, ChangeHistory, Conflict, Record
from ss_hq.core.records import Author, OpRejected, WriteResult, write_record
from ss_hq.core.staff_audit import Action, record_action
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
class ConflictSide:
    """One of the two values: when it was made (the edit's stamp), on which laptop (None:
    at head office) and by whom (the laptop's audit row of the edit, or the staff member)."""

    value: Any
    hlc: str
    at: int | None
    device: str | None
    user: str | None


@dataclass(frozen=True)
class ConflictView:
    id: int
    record_id: str
    entity: str
    field: str
    winner: ConflictSide
    loser: ConflictSide
    current_value: Any
    label: str
    child_id: str | None
    status: str
    resolution: str | None
    resolved_by: str | None
    created_at: int

    @property
    def combinable(self) -> bool:
        """Both values are text (or one is empty): staff may keep an edited combination."""
        values = (self.winner.value, self.loser.value)
        return all(v is None or isinstance(v, str) for v in values) and any(values)


def _label(record: Record | None) -> str:
    if record is None:
        return ""
    f = record.fields or {}
    if record.entity == Entity.CHILD.value:
        return f"{f.get('surname') or ''}{f.get('given_name') or ''}".strip()
    return str(f.get("name") or f.get("code") or "")


USER_MATCH_MS = 10 * 60_000  # an audit row this close to an edit's stamp recorded the edit


def _wall_ms(hlc: str) -> int | None:
    try:
        return HLC.parse(hlc).wall_ms
    except HLCFormatError:
        return None


def _author(session: Session, record_id: str, hlc: str, device_id: str | None) -> str | None:
    """Who made the edit stamped *hlc*: the staff member of its history row, or the user of
    the laptop's audit row for that record closest in time to the stamp."""
    staff = session.exec(
        select(ChangeHistory.staff_user)
        .where(ChangeHistory.record_id == record_id)
        .where(ChangeHistory.hlc == hlc)
        .where(col(ChangeHistory.staff_user).is_not(None))
    ).first()
    if staff:
        return staff
    wall = _wall_ms(hlc)
    if device_id is None or wall is None:
        return None
    rows = session.exec(
        select(AuditEntry.actor, AuditEntry.at_ms)
        .where(AuditEntry.device_id == device_id)
        .where(AuditEntry.record_id == record_id)
        .where(col(AuditEntry.at_ms) >= wall - USER_MATCH_MS)
        .where(col(AuditEntry.at_ms) <= wall + USER_MATCH_MS)
    ).all()
    best = min(rows, key=lambda row: abs((row[1] or 0) - wall), default=None)
    return best[0] if best else None


def _side(
    session: Session, record_id: str, value: Any, hlc: str, device: str | None
) -> ConflictSide:
    return ConflictSide(value, hlc, _wall_ms(hlc), device, _author(session, record_id, hlc, device))


def conflict_view(session: Session, conflict: Conflict) -> ConflictView:
    record = session.get(Record, conflict.record_id)
    assert conflict.id is not None
    child_id = None
    if record is not None:
        child_id = record.id if record.entity == Entity.CHILD.value else record.child_id
    return ConflictView(
        id=conflict.id,
        record_id=conflict.record_id,
        entity=conflict.entity,
        field=conflict.field,
        winner=_side(
            session,
            conflict.record_id,
            conflict.winner_value,
            conflict.winner_hlc,
            conflict.winner_device,
        ),
        loser=_side(
            session,
            conflict.record_id,
            conflict.loser_value,
            conflict.loser_hlc,
            conflict.loser_device,
        ),
        current_value=(record.fields or {}).get(conflict.field) if record else None,
        label=_label(record),
        child_id=child_id,
        status=conflict.status,
        resolution=conflict.resolution,
        resolved_by=conflict.resolved_by,
        created_at=conflict.created_at,
    )


def list_conflicts(
    session: Session, *, status: str = "open", limit: int = 200
) -> list[ConflictView]:
    rows = session.exec(
        select(Conflict)
        .where(Conflict.status == status)
        .order_by(col(Conflict.created_at).desc(), col(Conflict.id).desc())
        .limit(limit)
    ).all()
    return [conflict_view(session, c) for c in rows]


def get_conflict(session: Session, conflict_id: int) -> ConflictView | None:
    conflict = session.get(Conflict, conflict_id)
    return conflict_view(session, conflict) if conflict is not None else None


def resolve_conflict(
    session: Session,
    conflict_id: int,
    choice: str,
    *,
    staff_user: str,
    now: int,
    combined: str | None = None,
) -> Any:
    """Keep the ``winner`` or the ``loser`` value of a conflict, or (``combined``) an edited
    text; recorded in the conflict row and in head office's audit chain. Returns the value
    kept."""
    if choice not in ("winner", "loser", "combined"):
        raise ReviewError("bad_choice", "choose one of the two values")
    writer = ChangeLogWriter(session)
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise ReviewError("not_found", "no such conflict")
    if conflict.status != "open":
        raise ReviewError("already_resolved", "this conflict was already resolved")
    if choice == "combined":
        view = conflict_view(session, conflict)
        text = (combined or "").strip()
        if not view.combinable:
            raise ReviewError("bad_choice", "only text values can be combined")
        if not text:
            raise ReviewError("empty_combined", "enter the combined value")
        chosen: Any = text
    else:
        chosen = conflict.winner_value if choice == "winner" else conflict.loser_value
    record = session.get(Record, conflict.record_id)
    stored = (record.fields or {}).get(conflict.field) if record is not None else None
    if record is not None and not record.erased and stored != chosen:
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
    record_action(
        session,
        actor=staff_user,
        action=Action.RESOLVE_CONFLICT,
        now=now,
        entity=conflict.entity,
        record_id=conflict.record_id,
        detail={"conflict": conflict_id, "fields": [conflict.field], "choice": choice},
    )
    session.commit()
    log.info("conflict %d resolved (%s) by staff", conflict_id, choice)
    return chosen


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
    record_action(
        session,
        actor=staff_user,
        action=Action.ADD_PROGRAM,
        now=now,
        entity=Entity.PROGRAM.value,
        record_id=record_id,
        detail={"fields": sorted(fields)},
    )
    session.commit()
    return record_id
