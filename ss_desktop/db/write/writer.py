"""The one write path for synced records (docs/design/architecture.md, "The one write path").

:meth:`ChangeWriter.save` runs in ONE ``BEGIN IMMEDIATE`` transaction: normalize and validate
every change (any error: nothing is written), compute the fields that really change, stamp
them with a fresh HLC, write the rows, append outbox rows with gap-free device_seq values,
append hash-chained audit rows, refresh the search index, and persist the clock.
:meth:`ChangeWriter.apply_remote` applies pulled changes through the same machinery
(merge per field, no outbox).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.errors import Issue, Severity, ValidationFailed
from ss_core.protocol.hlc import HLC, HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity, PullChange
from ss_desktop.db import rows as sql
from ss_desktop.db.audit import AUDIT_PER_RECORD_LIMIT, AuditEntry
from ss_desktop.db.codec import (
    DEFAULT_STAMP_KEY,
    decode_row,
    defaults_of,
    dumps,
    fields_of,
    load_field_hlcs,
    normalize_value,
    to_column,
    utc_now_iso,
)
from ss_desktop.db.consent_gate import child_of
from ss_desktop.db.engine import WRITE_OPTIONS, raw_cursor
from ss_desktop.db.search_index import (
    search_rowid,
    sort_key_for,
)
from ss_desktop.db.tables import ENTITY_ORDER, JSON_LIST_FIELDS
from ss_desktop.db.write import bulk
from ss_desktop.db.write.changes import (
    Change,
    ChangeSet,
    Plan,
    action_for,
    children_to_reindex,
    display_pinyin,
)
from ss_desktop.db.write.checks import RecordChecks
from ss_desktop.db.write.ending import finish_local_write
from ss_desktop.db.write.remote import apply_pulled

log = logging.getLogger(__name__)

_PLAIN = (int, bool, float)  # values normalize_value returns unchanged

# Which stored fields a partial validation needs as context when one of them changes.
_CHILD_CONTEXT = (
    frozenset({"id_number", "dob", "dob_precision", "gender"}),
    frozenset({"stage", "grade", "school_system"}),
    frozenset({"care_since", "dob"}),
)


def load_clock(
    engine: Engine, device_id: str, *, now_ms: Callable[[], int] | None = None
) -> HybridClock:
    """A clock for this device that continues from the last stamp saved in sync_state."""
    with engine.connect() as conn:
        row = (
            raw_cursor(conn)
            .execute("SELECT hlc_last, clock_offset_ms FROM sync_state WHERE id = 1")
            .fetchone()
        )
    last = HLC.parse(row[0]) if row and row[0] else None
    offset = row[1] if row and row[1] else 0
    kwargs: dict[str, Any] = {"last": last, "offset_ms": offset}
    if now_ms is not None:
        kwargs["now_ms"] = now_ms
    return HybridClock(hlc_node(device_id), **kwargs)


def hlc_node(device_id: str) -> str:
    """HLC node ids may not contain '-': the device UUID without dashes."""
    return device_id.replace("-", "")


class ChangeWriter:
    def __init__(
        self,
        engine: Engine,
        clock: HybridClock,
        device_id: str,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.device_id = device_id
        self.today = today
        self.checks = RecordChecks(engine)
        # Large batches of new records take the create-only fast path (db/write/bulk.py),
        # which writes the same rows; False forces the general path (tests compare both).
        self.bulk_creates = True

    # ------------------------------------------------------------------ local saves

    def save(
        self, changes: Sequence[Change], *, actor: str, action: str | None = None
    ) -> ChangeSet:
        """Validate and write *changes* atomically; raises ValidationFailed on any error."""
        result = ChangeSet()
        if not changes:
            return result
        with self.engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
            cursor = raw_cursor(conn)
            if self.bulk_creates and len(changes) >= bulk.BULK_MIN:
                # many records, maybe all new: the fast path
                done = bulk.save_creates(
                    cursor,
                    changes,
                    checks=self.checks,
                    clock=self.clock,
                    today=self.today(),
                    actor=actor,
                    action=action,
                )
                if done is not None:
                    return done
            plans, warnings = self._plan(cursor, changes)
            result.warnings = warnings
            if plans:
                self._write_local(cursor, plans, result, actor=actor, action=action)
        return result

    def _plan(
        self, cursor: sqlite3.Cursor, changes: Sequence[Change]
    ) -> tuple[list[Plan], list[Issue]]:
        today = self.today()
        by_entity: dict[Entity, list[str]] = {}
        for change in changes:
            if change.record_id is not None:
                by_entity.setdefault(change.entity, []).append(change.record_id)
        stored = {e: sql.load_rows(cursor, e, ids) for e, ids in by_entity.items()}

        plans: list[Plan] = []
        issues: list[Issue] = []
        batch_records: dict[Entity, dict[str, dict[str, Any]]] = {}
        planned: dict[tuple[Entity, str], Plan] = {}
        for change in changes:
            entity = Entity(change.entity)
            record_id = change.record_id or new_id()
            known = fields_of(entity)
            unknown = [name for name in change.fields if name not in known]
            if unknown:
                raise ValueError(f"unknown fields for {entity.value}: {sorted(unknown)}")
            norm = {
                k: v if v is None or type(v) in _PLAIN else normalize_value(entity, k, v)
                for k, v in change.fields.items()
            }
            earlier = planned.get((entity, record_id))
            if earlier is not None:  # the same record twice in one batch: merge the changes
                extra = {
                    k: v
                    for k, v in norm.items()
                    if to_column(entity, k, v) != to_column(entity, k, earlier.full.get(k))
                }
                earlier.changed.update(extra)
                earlier.full.update(extra)
                earlier.deleted = change.deleted
                check = earlier.full if earlier.stored is None else earlier.changed
                issues.extend(
                    self.checks.validate(
                        entity, check, earlier.stored is not None, today, batch_records, cursor
                    )
                )
                continue
            row = None
            raw = stored.get(entity, {}).get(record_id)
            if row is None and raw is not None:
                row = decode_row(entity, raw)
            if row is None:
                plan = self._plan_create(entity, record_id, norm, change.deleted)
                check, partial = plan.full, False
            else:
                edit = self._plan_edit(entity, record_id, norm, row, raw, change.deleted)
                if edit is None:
                    continue
                plan = edit
                check, partial = self._context(entity, plan.changed, row), True
            issues.extend(
                self.checks.validate(entity, check, partial, today, batch_records, cursor)
            )
            batch_records.setdefault(entity, {})[record_id] = plan.full
            planned[(entity, record_id)] = plan
            plans.append(plan)
        issues.extend(self.checks.check_references(cursor, plans, batch_records))
        errors = [i for i in issues if i.severity == Severity.ERROR]
        if errors:
            raise ValidationFailed(errors)
        return plans, [i for i in issues if i.severity == Severity.WARNING]

    def _plan_create(
        self, entity: Entity, record_id: str, norm: dict[str, Any], deleted: bool
    ) -> Plan:
        full: dict[str, Any] = {}
        for name, default in defaults_of(entity).items():
            if name in norm:
                full[name] = norm[name]
            elif name in JSON_LIST_FIELDS.get(entity, ()):
                full[name] = []
            else:
                full[name] = default
        if entity is Entity.CHILD and not full.get("pinyin") and full.get("surname"):
            full["pinyin"] = display_pinyin(full["surname"] or "", full["given_name"] or "")
        changed = {k: v for k, v in full.items() if k in norm or v is not None}
        return Plan(entity, record_id, True, changed, full, None, deleted)

    def _plan_edit(
        self,
        entity: Entity,
        record_id: str,
        norm: dict[str, Any],
        row: dict[str, Any],
        raw: dict[str, Any] | None,
        deleted: bool,
    ) -> Plan | None:
        changed = {
            k: v
            for k, v in norm.items()
            if to_column(entity, k, v) != to_column(entity, k, row.get(k))
        }
        if (
            entity is Entity.CHILD
            and "pinyin" not in norm
            and ("surname" in changed or "given_name" in changed)
        ):
            old_auto = display_pinyin(row.get("surname") or "", row.get("given_name") or "")
            if not row.get("pinyin") or row.get("pinyin") == old_auto:
                surname = changed.get("surname", row.get("surname")) or ""
                given = changed.get("given_name", row.get("given_name")) or ""
                new_auto = display_pinyin(surname, given)
                if new_auto != row.get("pinyin"):
                    changed["pinyin"] = new_auto
        was_deleted = bool(row.get("deleted"))
        if not changed and deleted == was_deleted:
            return None
        full = {**row, **changed}
        full["deleted"] = deleted
        return Plan(entity, record_id, raw is None, changed, full, raw, deleted)

    @staticmethod
    def _context(entity: Entity, changed: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
        check = dict(changed)
        if entity is Entity.CHILD:
            for group in _CHILD_CONTEXT:
                if group & changed.keys():
                    for name in group:
                        check.setdefault(name, row.get(name))
        return check

    def _write_local(
        self,
        cursor: sqlite3.Cursor,
        plans: list[Plan],
        result: ChangeSet,
        *,
        actor: str,
        action: str | None,
    ) -> None:
        now = utc_now_iso()
        state = cursor.execute("SELECT last_device_seq FROM sync_state WHERE id = 1").fetchone()
        seq = state[0] if state else 0
        inserts: dict[Entity, list[dict[str, Any]]] = {}
        updates: dict[Entity, list[tuple[str, dict[str, Any]]]] = {}
        outbox: list[tuple[Any, ...]] = []
        audit: list[AuditEntry] = []
        grouped: dict[tuple[str, str], list[str]] = {}
        reindex: list[str] = []
        new_children: dict[str, list[str]] = {}
        # One stamp per save: the transaction is one logical instant on this laptop.
        stamp = str(self.clock.now())
        bulk = len(plans) > AUDIT_PER_RECORD_LIMIT
        for plan in plans:
            entity = plan.entity
            names = list(plan.changed)
            if plan.stored is None:
                field_hlcs = {DEFAULT_STAMP_KEY: stamp}
                row = {name: to_column(entity, name, value) for name, value in plan.full.items()}
                row.update(
                    id=plan.record_id,
                    version=1,
                    hlc=stamp,
                    field_hlcs=dumps(field_hlcs),
                    server_version=None,
                    deleted=plan.deleted,
                    created_at=now,
                    updated_at=now,
                )
                if entity is Entity.CHILD:
                    row["name_sort"] = sort_key_for(
                        plan.full["surname"], plan.full["given_name"], plan.full["pinyin"]
                    )
                    row["search_rowid"] = search_rowid(row["name_sort"], plan.record_id)
                inserts.setdefault(entity, []).append(row)
                base_version = 0
            else:
                field_hlcs = load_field_hlcs(plan.stored["field_hlcs"])
                if plan.deleted != bool(plan.stored["deleted"]):
                    names.append("deleted")
                field_hlcs.update(dict.fromkeys(names, stamp))
                values = {k: to_column(entity, k, v) for k, v in plan.changed.items()}
                values.update(
                    version=(plan.stored["version"] or 0) + 1,
                    hlc=stamp,
                    field_hlcs=dumps(field_hlcs),
                    deleted=plan.deleted,
                    updated_at=now,
                )
                if entity is Entity.CHILD and {"surname", "given_name", "pinyin"} & set(names):
                    values["name_sort"] = sort_key_for(
                        plan.full.get("surname"),
                        plan.full.get("given_name"),
                        plan.full.get("pinyin"),
                    )
                updates.setdefault(entity, []).append((plan.record_id, values))
                base_version = plan.stored["server_version"] or 0
            outbox.append(
                (
                    child_of(entity, plan.record_id, plan.full),
                    new_id(),
                    entity.value,
                    plan.record_id,
                    base_version,
                    stamp,
                    dumps(plan.changed),
                    plan.deleted,
                    now,
                )
            )
            result.add(entity, plan.record_id, created=plan.stored is None)
            if bulk:
                grouped.setdefault((action or action_for(plan), entity.value), []).append(
                    plan.record_id
                )
            else:
                audit.append(
                    AuditEntry(
                        actor,
                        action or action_for(plan),
                        entity.value,
                        plan.record_id,
                        {"fields": sorted(names)},
                    )
                )
            if plan.stored is None and entity is Entity.CHILD:
                if not plan.deleted:  # indexed from memory below, no read-back
                    new_children[plan.record_id] = []
            elif (
                plan.stored is None
                and entity is Entity.GUARDIAN
                and plan.full.get("child_id") in new_children
            ):
                if plan.full.get("phone") and not plan.deleted:
                    new_children[plan.full["child_id"]].append(plan.full["phone"])
            else:
                reindex.extend(children_to_reindex(plan, names))

        for entity in ENTITY_ORDER:
            sql.insert_rows(cursor, entity, inserts.get(entity, ()))
            sql.update_rows(cursor, entity, updates.get(entity, ()))
        finish_local_write(
            cursor,
            outbox,
            seq,
            result,
            clock=self.clock,
            today=self.today(),
            grouped=grouped,
            audit=audit,
            actor=actor,
            now=now,
            plans=plans,
            new_children=new_children,
            reindex=reindex,
        )

    # ------------------------------------------------------------------ pulled changes

    def apply_remote(self, changes: Sequence[PullChange], *, actor: str = "sync") -> ChangeSet:
        """Merge pulled changes per field (higher HLC wins); no outbox rows."""
        result = ChangeSet()
        if not changes:
            return result
        with self.engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
            cursor = raw_cursor(conn)
            apply_pulled(cursor, self.clock, changes, result, actor=actor)
            cursor.execute(
                "UPDATE sync_state SET hlc_last = ? WHERE id = 1", (str(self.clock.last()),)
            )
        return result
