"""A child's page at head office, as plain data: the child's fields, its guardians, consents,
enrollments and attendance, and its history (one entry per change, with the fields it
changed). Values stay as stored; the page labels them (:class:`ss_hq.core.labels.Words`)
with the display names :attr:`ChildPage.names` gives for the ids they hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from ss_core.protocol.wire import Entity
from ss_hq.core.labels import FIELD_LABELS
from ss_hq.core.models import ChangeHistory, Record, field_changes
from ss_hq.review.search_service import child_row, site_names

HISTORY_ENTRIES = 200  # changes shown on a child's page, newest first
# Fields the page never lists (bookkeeping, or shown elsewhere on the page).
HIDDEN_FIELDS = frozenset({"child_id", "merged_into", "archive_reason"})
SECTIONS = (
    Entity.GUARDIAN.value,
    Entity.CONSENT.value,
    Entity.ENROLLMENT.value,
    Entity.ATTENDANCE_MARK.value,
)


@dataclass(frozen=True)
class Dependent:
    id: str
    entity: str
    fields: list[tuple[str, Any]]  # (field, stored value), in the labels' order
    title: str  # who or what it is: a guardian's name, a program's id...


@dataclass(frozen=True)
class HistoryEntry:
    at: int
    entity: str
    title: str  # the dependent's name ("" for the child itself)
    device_id: str | None
    staff_user: str | None
    applied: bool
    kind: str  # "created", "changed", "erased"
    changes: list[tuple[str, Any, Any]]  # (field, old, new)


@dataclass
class ChildPage:
    id: str
    version: int
    surname: str
    given_name: str
    pinyin: str
    site_id: str | None
    erased: bool
    deleted: bool
    merged_into: str | None
    created_by_device: str | None
    fields: list[tuple[str, Any]]
    sections: dict[str, list[Dependent]]
    removed: int  # dependents removed (merged duplicates, erased)
    history: list[HistoryEntry]
    names: dict[str, str] = field(default_factory=dict)


def ordered_fields(entity: str, values: dict[str, Any]) -> list[tuple[str, Any]]:
    """*values* in the order of the entity's labels (unknown fields last), without the
    hidden and the empty ones."""
    order = list(FIELD_LABELS.get(entity, {}))
    known = [name for name in order if name in values]
    rest = sorted(name for name in values if name not in order)
    return [
        (name, values[name])
        for name in known + rest
        if name not in HIDDEN_FIELDS and values[name] not in (None, "", [])
    ]


def _title(record: Record) -> str:
    f = record.fields or {}
    if record.entity == Entity.GUARDIAN.value:
        return str(f.get("name") or "")
    if record.entity == Entity.CONSENT.value:
        return str(f.get("giver_name") or "")
    return ""


def _child_name(record: Record | None) -> str:
    f = (record.fields or {}) if record is not None else {}
    return f"{f.get('surname') or ''}{f.get('given_name') or ''}".strip()


def reference_names(session: Session, ids: set[str]) -> dict[str, str]:
    """Display names of the ids a page shows: sites ("CODE name"), programs, lessons (the
    program and the day), children."""
    out = site_names(session)
    wanted = [i for i in ids if i and i not in out]
    if not wanted:
        return out
    records = session.exec(select(Record).where(col(Record.id).in_(wanted))).all()
    programs = {
        str((r.fields or {}).get("program_id"))
        for r in records
        if r.entity == Entity.ATTENDANCE_SESSION.value
    }
    program_names = {
        r.id: str((r.fields or {}).get("name") or "")
        for r in session.exec(select(Record).where(col(Record.id).in_(list(programs)))).all()
    }
    for record in records:
        f = record.fields or {}
        if record.entity == Entity.PROGRAM.value:
            out[record.id] = str(f.get("name") or "")
        elif record.entity == Entity.ATTENDANCE_SESSION.value:
            program = program_names.get(str(f.get("program_id")), "")
            out[record.id] = f"{program} {str(f.get('held_on') or '')[:10]}".strip()
        elif record.entity == Entity.CHILD.value:
            out[record.id] = _child_name(record)
    return out


def _kind(row: ChangeHistory, changes: list[tuple[str, Any, Any]]) -> str:
    if "erased" in (row.changes or {}):
        return "erased"
    if row.version == 1 and all(old is None for _name, old, _new in changes):
        return "created"
    return "changed"


def child_page(session: Session, child_id: str) -> ChildPage | None:
    record = session.get(Record, child_id[:36])
    if record is None or record.entity != Entity.CHILD.value:
        return None
    fields = dict(record.fields or {})
    row = child_row(session, record.id)
    dependents = session.exec(
        select(Record)
        .where(Record.child_id == record.id)
        .order_by(col(Record.entity), col(Record.created_at), col(Record.id))
    ).all()
    sections: dict[str, list[Dependent]] = {entity: [] for entity in SECTIONS}
    removed = 0
    ids: set[str] = {str(fields.get("site_id") or ""), record.merged_into or ""}
    for dependent in dependents:
        if dependent.deleted or dependent.erased:
            removed += 1
            continue
        values = dict(dependent.fields or {})
        ids.update(str(values.get(k) or "") for k in ("program_id", "session_id"))
        sections.setdefault(dependent.entity, []).append(
            Dependent(
                dependent.id,
                dependent.entity,
                ordered_fields(dependent.entity, values),
                _title(dependent),
            )
        )
    titles = {d.id: _title(d) for d in dependents} | {record.id: ""}
    entity_of = {d.id: d.entity for d in dependents} | {record.id: record.entity}
    changes_rows = session.exec(
        select(ChangeHistory)
        .where(col(ChangeHistory.record_id).in_(list(entity_of)))
        .order_by(col(ChangeHistory.at).desc(), col(ChangeHistory.id).desc())
        .limit(HISTORY_ENTRIES)
    ).all()
    history = []
    for change in changes_rows:
        changes = [
            (name, old, new)
            for name, old, new, _hlc in field_changes(change)
            if name not in HIDDEN_FIELDS or name == "child_id"
        ]
        for _name, old, new in changes:
            ids.update(str(v) for v in (old, new) if isinstance(v, str) and len(v) == 36)
        history.append(
            HistoryEntry(
                at=change.at,
                entity=entity_of.get(change.record_id, change.entity),
                title=titles.get(change.record_id, ""),
                device_id=change.device_id,
                staff_user=change.staff_user,
                applied=change.applied,
                kind=_kind(change, changes),
                changes=changes,
            )
        )
    return ChildPage(
        id=record.id,
        version=record.version,
        surname=str(fields.get("surname") or ""),
        given_name=str(fields.get("given_name") or ""),
        pinyin=row.pinyin if row is not None else "",
        site_id=record.site_id,
        erased=record.erased,
        deleted=record.deleted,
        merged_into=record.merged_into,
        created_by_device=record.created_by_device,
        fields=ordered_fields(Entity.CHILD.value, fields),
        sections=sections,
        removed=removed,
        history=history,
        names=reference_names(session, {i for i in ids if i}),
    )
