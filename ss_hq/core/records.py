"""The one write path for synced records at head office.

:func:`write_record` merges an incoming change into the stored record field by field
(``ss_core.protocol.merge``), bumps the version, keeps every change in ``change_history``
(one row per change, its fields' old and new values in one JSON column), keeps the losing
side of concurrent edits in ``conflict``, and appends the change-log rows that pulls serve.
Pushes from laptops and head office's own writes (sites from the command line, staff edits,
conflict resolutions, merges and erasures from the staff pages) all come through here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, select

from ss_core.protocol.merge import FieldState, FieldStatus, MergeOutcome, Stamped, merge_incoming
from ss_core.protocol.wire import Entity, ErrorCode, OpStatus
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.field_rules import CHILD_DEPENDENTS, FieldsInvalid, check_fields
from ss_hq.core.models import (
    META_DEFAULT,
    ChangeHistory,
    Conflict,
    Record,
    compact_field_meta,
    field_meta_of,
)

# Audit entries are kept at head office but never sent back to laptops.
NOT_PULLED = frozenset({Entity.AUDIT.value})


class OpRejected(Exception):
    """The change cannot be applied; *reason* is the stable code the laptop receives."""

    def __init__(self, reason: ErrorCode, message: str) -> None:
        self.reason = reason
        self.message = message
        super().__init__(f"{reason.value}: {message}")


@dataclass(frozen=True)
class WriteResult:
    status: OpStatus
    version: int
    message: str | None = None


class NeedsOwnSavepoint(Exception):
    """Raised (before any write) by a set-based :func:`write_record` for a change it leaves
    to the one-change-at-a-time path."""


@dataclass(slots=True)
class NewRecord:
    """A record a set-based push creates: the columns of ``record``, inserted in one
    statement with the others (an ORM object costs more to build and to flush)."""

    id: str
    entity: str
    version: int
    hlc: str
    fields: dict[str, Any]
    field_meta: dict[str, Any]
    created_by_device: str | None
    created_at: int
    updated_at: int
    deleted: bool = False
    erased: bool = False
    merged_into: str | None = None
    site_id: str | None = None
    child_id: str | None = None


class BulkSink:
    """Where :func:`write_record` leaves its writes in a set-based push (``push_bulk``):
    records known to the batch (``None``: known not to exist), records it creates, history
    rows to insert at once; nothing is flushed per change."""

    def __init__(self, records: dict[str, Any]) -> None:
        self.records: dict[str, Any] = records  # Record, NewRecord or None
        self.created: dict[str, NewRecord] = {}
        self.history: list[dict[str, Any]] = []


def _get(session: Session, record_id: str, sink: BulkSink | None) -> Any:
    if sink is not None and record_id in sink.records:
        return sink.records[record_id]
    return session.get(Record, record_id)


@dataclass(frozen=True)
class Author:
    """Who wrote a change: a device (push) or a staff user (head office)."""

    device_id: str | None = None
    staff_user: str | None = None
    # Sites the author may write; None means unrestricted (head office).
    sites: frozenset[str] | None = None


def _field_states(record: Record) -> dict[str, FieldState]:
    states: dict[str, FieldState] = {}
    stored = field_meta_of(record)
    for name, value in record.fields.items():
        meta = stored.get(name) or [record.hlc, record.version, None]
        states[name] = FieldState(value=value, hlc=meta[0], version=int(meta[1]))
    return states


def _scope(
    session: Session,
    entity: Entity,
    record_id: str,
    fields: Mapping[str, Any],
    sink: BulkSink | None = None,
) -> tuple[str | None, str | None]:
    """(site_id, child_id) deciding who may see the record."""
    if entity is Entity.SITE:
        return record_id, None
    if entity in (Entity.CHILD, Entity.PROGRAM):
        return fields.get("site_id"), None
    if entity is Entity.ATTENDANCE_SESSION:
        # The laptop's session names its program; the program says which site it is at.
        if fields.get("site_id"):
            return fields["site_id"], None
        program_id = fields.get("program_id")
        program = _get(session, program_id, sink) if program_id else None
        if program is None or program.entity != Entity.PROGRAM.value:
            raise OpRejected(
                ErrorCode.VALIDATION_FAILED, "program_id names no program known to head office"
            )
        return program.site_id, None
    if entity in CHILD_DEPENDENTS:
        child_id = fields.get("child_id")
        child = _get(session, child_id, sink) if child_id else None
        if child is None or child.entity != Entity.CHILD.value:
            raise OpRejected(
                ErrorCode.VALIDATION_FAILED, "child_id names no child known to head office"
            )
        return child.site_id, child_id
    return fields.get("site_id"), None


SITE_CLOSED_STATUS = "closed"


def _check_site_open(
    session: Session, entity: Entity, site_id: str | None, sink: BulkSink | None
) -> None:
    """A closed site takes no new children (a child created there, or moved there)."""
    if entity is not Entity.CHILD or not site_id:
        return
    site = _get(session, site_id, sink)
    if site is None or site.entity != Entity.SITE.value:
        return
    if (site.fields or {}).get("status") == SITE_CLOSED_STATUS:
        code = (site.fields or {}).get("code") or ""
        raise OpRejected(
            ErrorCode.SITE_CLOSED,
            f"site {code} is closed at head office: it takes no new children",
        )


def _check_allowed(author: Author, entity: Entity, *site_ids: str | None) -> None:
    if author.sites is None:
        return
    for site_id in site_ids:
        if site_id is None or site_id not in author.sites:
            raise OpRejected(
                ErrorCode.FORBIDDEN_SITE, "the record belongs to a site this device does not serve"
            )


def write_record(
    session: Session,
    log: ChangeLogWriter,
    *,
    entity: Entity,
    record_id: str,
    fields: Mapping[str, Any],
    hlc: str,
    base_version: int,
    deleted: bool,
    author: Author,
    now: int,
    sink: BulkSink | None = None,
) -> WriteResult:
    """Merge one change into the stored record. Raises :class:`OpRejected` before writing
    anything. With a *sink*, records are looked up there first and nothing is flushed: the
    caller writes the history rows and flushes the session (and *log*) for the whole batch."""
    record = _get(session, record_id, sink)
    if record is not None and record.entity != entity.value:
        raise OpRejected(ErrorCode.VALIDATION_FAILED, "the record id belongs to another entity")
    creating = record is None
    if record is not None and record.erased:
        # Before the field rules: a late edit of an erased record is ignored, not refused.
        return WriteResult(OpStatus.MERGED, record.version, "the record was erased at head office")
    child = None
    if entity in CHILD_DEPENDENTS:
        child_id = fields.get("child_id") or (record.fields.get("child_id") if record else None)
        child_record = _get(session, child_id, sink) if child_id else None
        if child_record is not None and child_record.erased and record is None:
            # A new guardian (consent, ...) of an erased child: nothing of it is kept.
            return WriteResult(OpStatus.MERGED, 0, "the child was erased at head office")
        if entity is Entity.CONSENT and child_record is not None:
            child = child_record.fields
    try:
        check_fields(
            entity,
            fields,
            creating=creating and not deleted,
            stored=record.fields if record is not None else None,
            child=child,
            known_only=author.device_id is not None,
        )
    except FieldsInvalid as exc:
        raise OpRejected(ErrorCode.VALIDATION_FAILED, str(exc)) from None

    if record is None:
        if sink is not None:
            return _create_in_batch(
                session, log, sink, entity, record_id, fields, hlc, deleted, author, now
            )
        record = Record(
            id=record_id,
            entity=entity.value,
            version=0,
            hlc=hlc,
            fields={},
            field_meta={},
            created_by_device=author.device_id,
            created_at=now,
            updated_at=now,
        )
    old_site = record.site_id
    outcome: MergeOutcome | None
    if creating:
        # Nothing stored to merge with: every incoming field is taken as it is (what
        # merge_incoming says of a record without fields, without building its outcome).
        outcome = None
        changed = {name: Stamped(value, hlc) for name, value in fields.items()}
    else:
        outcome = merge_incoming(_field_states(record), dict(fields), hlc, base_version)
        changed = outcome.changed
    merged_fields = dict(record.fields)
    for name, stamped in changed.items():
        merged_fields[name] = stamped.value
    new_site, child_id = _scope(session, entity, record_id, merged_fields, sink)
    if creating:
        _check_allowed(author, entity, new_site)
    else:
        _check_allowed(author, entity, old_site, new_site)
    if (creating or new_site != old_site) and not deleted:
        _check_site_open(session, entity, new_site, sink)

    if sink is not None and old_site is not None and old_site != new_site:
        raise NeedsOwnSavepoint  # a move to another site: dependents follow (row by row)
    old_meta = field_meta_of(record)
    newly_deleted = deleted and not record.deleted
    # A record never seen is always stored, even empty or deleted (a tombstone), so that
    # later changes have something to merge into.
    if outcome is not None and not changed and not newly_deleted:
        _keep_losers(session, record, outcome, author, now)
        _keep_conflicts(session, record, outcome, old_meta, author, now)
        return WriteResult(_op_status(outcome), record.version)

    version = record.version + 1
    meta = dict(old_meta)
    device_id = author.device_id
    stored = record.fields
    changes: dict[str, list[Any]] = {}
    for name, stamped in changed.items():
        meta[name] = [stamped.hlc, version, device_id]
        change = [stored.get(name), stamped.value]
        if stamped.hlc != hlc:
            change.append(stamped.hlc)
        changes[name] = change
    history = (
        [
            {
                "record_id": record_id,
                "entity": entity.value,
                "changes": changes,
                "hlc": hlc,
                "version": version,
                "device_id": device_id,
                "staff_user": author.staff_user,
                "applied": True,
                "at": now,
            }
        ]
        if changes
        else []
    )
    record.fields = merged_fields
    record.field_meta = compact_field_meta(meta, merged_fields)
    record.version = version
    record.hlc = max(record.hlc, hlc)
    record.deleted = record.deleted or deleted
    record.site_id = new_site
    record.child_id = child_id
    record.updated_at = now
    if sink is not None:
        if isinstance(record, NewRecord):
            sink.created[record_id] = record
        else:
            session.add(record)
        sink.records[record_id] = record
        sink.history.extend(history)
        if outcome is not None:
            _keep_losers(session, record, outcome, author, now)
            _keep_conflicts(session, record, outcome, old_meta, author, now)
        if entity.value not in NOT_PULLED:
            log.append(
                entity=entity.value, record_id=record_id, version=version, site_id=new_site, at=now
            )
        return WriteResult(_op_status(outcome), version)
    session.add(record)
    if history:
        # One history row per change (all its fields), inserted without an ORM object.
        session.connection().execute(insert(ChangeHistory.__table__), history)  # type: ignore[attr-defined]
    if outcome is not None:
        _keep_losers(session, record, outcome, author, now)
        _keep_conflicts(session, record, outcome, old_meta, author, now)
    session.flush()

    if entity.value not in NOT_PULLED:
        log.append(
            entity=entity.value, record_id=record_id, version=version, site_id=new_site, at=now
        )
        if old_site is not None and old_site != new_site:
            # The old site's laptops learn that the record left them.
            log.append(
                entity=entity.value, record_id=record_id, version=version, site_id=old_site, at=now
            )
            if entity is Entity.CHILD:
                _move_dependents(session, log, record_id, new_site, now)

    return WriteResult(_op_status(outcome), version)


def _create_in_batch(
    session: Session,
    log: ChangeLogWriter,
    sink: BulkSink,
    entity: Entity,
    record_id: str,
    fields: Mapping[str, Any],
    hlc: str,
    deleted: bool,
    author: Author,
    now: int,
) -> WriteResult:
    """A record head office has never seen, in a set-based push (fields already checked):
    what the general path stores for it, without the per-field work of a merge. Every field
    is taken; they all carry the change's own stamp, version 1 and device, so the stamps are
    stored once (:func:`~ss_hq.core.models.compact_field_meta` of such a record)."""
    stored = dict(fields)
    site_id, child_id = _scope(session, entity, record_id, stored, sink)
    _check_allowed(author, entity, site_id)
    if not deleted:
        _check_site_open(session, entity, site_id, sink)
    stamp = [hlc, 1, author.device_id]
    if len(stored) > 1:
        meta: dict[str, Any] = {META_DEFAULT: stamp}
    else:
        meta = dict.fromkeys(stored, stamp)
    record = NewRecord(
        id=record_id,
        entity=entity.value,
        version=1,
        hlc=hlc,
        fields=stored,
        field_meta=meta,
        created_by_device=author.device_id,
        created_at=now,
        updated_at=now,
        deleted=deleted,
        site_id=site_id,
        child_id=child_id,
    )
    sink.created[record_id] = record
    sink.records[record_id] = record
    if stored:
        sink.history.append(
            {
                "record_id": record_id,
                "entity": entity.value,
                "changes": {name: [None, value] for name, value in stored.items()},
                "hlc": hlc,
                "version": 1,
                "device_id": author.device_id,
                "staff_user": author.staff_user,
                "applied": True,
                "at": now,
            }
        )
    if entity.value not in NOT_PULLED:
        log.append(entity=entity.value, record_id=record_id, version=1, site_id=site_id, at=now)
    return WriteResult(OpStatus.APPLIED, 1)


def _op_status(outcome: MergeOutcome | None) -> OpStatus:
    """conflict: a concurrent same-field edit; merged: some incoming value lost to a later
    one; applied: every incoming value taken (or already there; None: a new record)."""
    if outcome is None:
        return OpStatus.APPLIED
    if outcome.conflicts:
        return OpStatus.CONFLICT
    if any(f.status is FieldStatus.SUPERSEDED for f in outcome.fields.values()):
        return OpStatus.MERGED
    return OpStatus.APPLIED


def _keep_losers(session: Session, record: Record, outcome: Any, author: Author, now: int) -> None:
    """The incoming values that lost are kept in the history: one row (``applied`` False)."""
    changes: dict[str, list[Any]] = {}
    for field_outcome in outcome.fields.values():
        if field_outcome.incoming_won or field_outcome.loser is None:
            continue
        if field_outcome.status is FieldStatus.UNCHANGED:
            continue
        changes[field_outcome.name] = [
            field_outcome.winner.value,
            field_outcome.loser.value,
            field_outcome.loser.hlc,
        ]
    if not changes:
        return
    session.add(
        ChangeHistory(
            record_id=record.id,
            entity=record.entity,
            changes=changes,
            hlc=max(c[2] for c in changes.values()),
            version=record.version,
            device_id=author.device_id,
            staff_user=author.staff_user,
            applied=False,
            at=now,
        )
    )


def _keep_conflicts(
    session: Session,
    record: Record,
    outcome: Any,
    old_meta: Mapping[str, Any],
    author: Author,
    now: int,
) -> None:
    for conflict in outcome.conflicts:
        assert conflict.loser is not None
        meta = old_meta.get(conflict.name) or []
        stored_device = meta[2] if len(meta) > 2 else None
        if conflict.incoming_won:
            winner_device, loser_device = author.device_id, stored_device
        else:
            winner_device, loser_device = stored_device, author.device_id
        session.add(
            Conflict(
                record_id=record.id,
                entity=record.entity,
                field=conflict.name,
                winner_value=conflict.winner.value,
                winner_hlc=conflict.winner.hlc,
                winner_device=winner_device,
                loser_value=conflict.loser.value,
                loser_hlc=conflict.loser.hlc,
                loser_device=loser_device,
                status="open",
                created_at=now,
            )
        )


def _move_dependents(
    session: Session, log: ChangeLogWriter, child_id: str, site_id: str | None, now: int
) -> None:
    """Guardians, consents, enrollments and marks follow their child to a new site."""
    dependents = session.exec(select(Record).where(Record.child_id == child_id)).all()
    for dependent in dependents:
        old_site = dependent.site_id
        dependent.site_id = site_id
        session.add(dependent)
        session.flush()
        for target in {site_id, old_site}:
            log.append(
                entity=dependent.entity,
                record_id=dependent.id,
                version=dependent.version,
                site_id=target,
                at=now,
            )


def site_scope_filter(sites: Collection[str]) -> Any:
    """SQL condition: records visible to a device serving *sites* (plus reference data)."""
    from sqlalchemy import or_

    return or_(Record.site_id.in_(list(sites)), Record.site_id.is_(None))  # type: ignore[union-attr]
