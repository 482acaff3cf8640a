"""The create-only fast path of the one write path (demo data, imports of new records).

:meth:`ChangeWriter.save` (``writer``) hands a batch here when it is large and may be all new records.
Nothing is skipped: every record is normalised with :func:`normalize_value`, validated with
the same :class:`RecordChecks` as the general path (the same domain code), its references checked, stamped
(``{"*": hlc}``, as any new record), written with its outbox row, audited and indexed for
search, in the caller's transaction; outbox rows get their device_seq from the same consent
rule as the general path (:func:`ss_desktop.db.consent_gate.number_outbox`). What is faster
is the Python around it: per-entity tables computed once (defaults, list columns, column
order), normalised short texts cached per field, rows built as tuples with
:func:`operator.itemgetter` and written with one ``executemany`` per table, outbox op ids made
in one go, and no cyclic garbage collection during the batch.

When the batch is not all creates (a record already stored, or the same record twice in the
batch), :func:`save_creates` returns ``None`` before validating or writing anything and the
general path runs. ``tests/unit/test_db_writer_bulk.py`` checks that both paths write the
same rows.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from ss_core.domain.errors import Issue, Severity, ValidationFailed
from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import rows as sql
from ss_desktop.db.audit import AUDIT_PER_RECORD_LIMIT, AuditEntry
from ss_desktop.db.codec import (
    DEFAULT_STAMP_KEY,
    defaults_of,
    dumps,
    fields_of,
    normalize_value,
    to_column,
    utc_now_iso,
)
from ss_desktop.db.consent_gate import child_of
from ss_desktop.db.search_index import (
    search_rowid,
    sort_key_for,
)
from ss_desktop.db.tables import ENTITY_ORDER, JSON_LIST_FIELDS
from ss_desktop.db.write.changes import Change, ChangeSet, Plan, children_to_reindex, display_pinyin
from ss_desktop.db.write.checks import RecordChecks
from ss_desktop.db.write.ending import finish_local_write
from ss_desktop.db.write.gc_pause import paused_gc

# Batches with fewer records than this take the general path (the fast path's set-up and
# existence check only pay off for many records).
BULK_MIN = 50
# Values of these fields are unique per person: caching them would only fill memory.
_UNCACHED = frozenset({"id_number", "phone"})
_CACHE_LIMIT = 10_000  # normalised texts kept per field before that cache starts over
_MISSING = object()


@dataclass(frozen=True)
class _Spec:
    """What the fast path needs to know about one entity, computed once."""

    name: str  # the entity's value ("child"), as the outbox and audit rows name it
    known: frozenset[str]
    template: dict[str, Any]  # field -> default, list fields -> None (replaced by a new [])
    list_fields: tuple[str, ...]
    filled: tuple[str, ...]  # fields a new record always sends: non-None default or a list
    texts: dict[str, dict[str, Any]]  # per field: short text -> its normalized value
    sql: str
    row: Callable[
        [dict[str, Any]], tuple[Any, ...]
    ]  # column values in table order from a dict of every column


def _spec(entity: Entity) -> _Spec:
    lists = JSON_LIST_FIELDS.get(entity, frozenset())
    cols = sql.columns_of(entity)
    template = {n: (None if n in lists else d) for n, d in defaults_of(entity).items()}
    return _Spec(
        name=entity.value,
        known=frozenset(fields_of(entity)),
        template=template,
        list_fields=tuple(n for n in fields_of(entity) if n in lists),
        filled=tuple(n for n in fields_of(entity) if n in lists or template[n] is not None),
        texts={n: {} for n in fields_of(entity) if n not in _UNCACHED},
        sql=f"INSERT INTO {entity.value} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        row=itemgetter(*cols),
    )


_SPECS: dict[Entity, _Spec] = {entity: _spec(entity) for entity in ENTITY_ORDER}


def op_ids(count: int) -> list[str]:
    """``count`` fresh UUIDv7 strings for outbox rows (the operation ids): the current
    millisecond and 74 random bits each, from one call to the OS random source: about a third
    of the cost of :func:`new_id` per id. Unique like any UUIDv7; their order does not matter
    (the outbox is ordered by device_seq)."""
    ms = (time.time_ns() // 1_000_000) & 0xFFFF_FFFF_FFFF
    head = ms << 80 | 0x7 << 76 | 0b10 << 62
    random = os.urandom(10 * count)
    out = []
    for i in range(0, 10 * count, 10):
        bits = int.from_bytes(random[i : i + 10], "big") & ((1 << 74) - 1)
        h = f"{head | (bits >> 62) << 64 | (bits & ((1 << 62) - 1)):032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _normalized(entity: Entity, spec: _Spec, fields: dict[str, Any]) -> dict[str, Any]:
    """Exactly ``{k: normalize_value(entity, k, v)}`` (plain values unchanged), with the
    results for short repeated texts (codes, names, class names) looked up in a dict."""
    texts = spec.texts
    out: dict[str, Any] = {}
    for name, value in fields.items():
        kind = type(value)
        if value is None or kind is int or kind is bool or kind is float:
            out[name] = value
        elif kind is str and name in texts:
            cache = texts[name]
            found = cache.get(value, _MISSING)
            if found is _MISSING:
                found = normalize_value(entity, name, value)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[value] = found
            out[name] = found
        else:
            out[name] = normalize_value(entity, name, value)
    return out


def _plan_new(
    entity: Entity, spec: _Spec, record_id: str, norm: dict[str, Any], deleted: bool
) -> Plan:
    """The same plan as ``ChangeWriter._plan_create``: ``full`` is every field (defaults,
    a new [] for a list, automatic pinyin), ``changed`` the fields given and those with a
    value."""
    full = {**spec.template, **norm}
    changed = dict(norm)
    for name in spec.filled:
        if name not in norm:
            value = [] if name in spec.list_fields else full[name]
            full[name] = changed[name] = value
    if entity is Entity.CHILD and not full.get("pinyin") and full.get("surname"):
        full["pinyin"] = changed["pinyin"] = display_pinyin(
            full["surname"] or "", full["given_name"] or ""
        )
    return Plan(entity, record_id, True, changed, full, None, deleted)


def save_creates(
    cursor: sqlite3.Cursor,
    changes: Sequence[Change],
    *,
    checks: RecordChecks,
    clock: HybridClock,
    today: date,
    actor: str,
    action: str | None,
) -> ChangeSet | None:
    """Plan, validate and write a batch of new records; ``None`` (nothing done) when some
    record exists or appears twice, so the caller takes the general path."""
    with paused_gc():
        return _save_creates(
            cursor, changes, checks=checks, clock=clock, today=today, actor=actor, action=action
        )


def _save_creates(
    cursor: sqlite3.Cursor,
    changes: Sequence[Change],
    *,
    checks: RecordChecks,
    clock: HybridClock,
    today: date,
    actor: str,
    action: str | None,
) -> ChangeSet | None:
    entities = [c.entity if type(c.entity) is Entity else Entity(c.entity) for c in changes]
    ids: dict[Entity, set[str]] = {}
    named = 0
    for entity, change in zip(entities, changes, strict=True):
        if change.record_id is not None:
            ids.setdefault(entity, set()).add(change.record_id)
            named += 1
    if named != sum(len(v) for v in ids.values()):
        return None  # the same record twice: the general path merges the changes
    for entity, wanted in ids.items():
        if sql.existing_ids(cursor, entity, wanted):
            return None

    validate = checks.validate
    plans: list[Plan] = []
    issues: list[Issue] = []
    batch: dict[Entity, dict[str, dict[str, Any]]] = {e: {} for e in ids}
    for entity, change in zip(entities, changes, strict=True):
        spec = _SPECS[entity]
        if not spec.known.issuperset(change.fields):
            unknown = [name for name in change.fields if name not in spec.known]
            raise ValueError(f"unknown fields for {entity.value}: {sorted(unknown)}")
        plan = _plan_new(
            entity,
            spec,
            change.record_id or new_id(),
            _normalized(entity, spec, change.fields),
            change.deleted,
        )
        found = validate(entity, plan.full, False, today, batch, cursor)
        if found:
            issues.extend(found)
        batch.setdefault(entity, {})[plan.record_id] = plan.full
        plans.append(plan)
    issues.extend(checks.check_references(cursor, plans, batch))
    errors = [i for i in issues if i.severity == Severity.ERROR]
    if errors:
        raise ValidationFailed(errors)
    result = ChangeSet(warnings=[i for i in issues if i.severity == Severity.WARNING])
    _write_creates(cursor, plans, result, clock=clock, today=today, actor=actor, action=action)
    return result


def _write_creates(
    cursor: sqlite3.Cursor,
    plans: list[Plan],
    result: ChangeSet,
    *,
    clock: HybridClock,
    today: date,
    actor: str,
    action: str | None,
) -> None:
    """What ``ChangeWriter._write_local`` writes for new records, built in bulk."""
    now = utc_now_iso()
    state = cursor.execute("SELECT last_device_seq FROM sync_state WHERE id = 1").fetchone()
    seq = state[0] if state else 0
    stamp = str(clock.now())  # one stamp per save, as the general path
    stamps = dumps({DEFAULT_STAMP_KEY: stamp})
    bookkeeping = {
        "version": 1,
        "hlc": stamp,
        "field_hlcs": stamps,
        "server_version": None,
        "created_at": now,
        "updated_at": now,
    }
    inserts: dict[Entity, list[tuple[Any, ...]]] = {}
    outbox: list[tuple[Any, ...]] = []
    audit: list[AuditEntry] = []
    grouped: dict[tuple[str, str], list[str]] = {}
    reindex: list[str] = []
    new_children: dict[str, list[str]] = {}
    bulk = len(plans) > AUDIT_PER_RECORD_LIMIT
    created = result.created
    for plan, op_id in zip(plans, op_ids(len(plans)), strict=True):
        entity, record_id, full = plan.entity, plan.record_id, plan.full
        spec = _SPECS[entity]
        row = {**full, **bookkeeping}
        for name in spec.list_fields:
            row[name] = to_column(entity, name, full[name])
        row["id"] = record_id
        row["deleted"] = plan.deleted
        if entity is Entity.CHILD:
            row["name_sort"] = sort_key_for(full["surname"], full["given_name"], full["pinyin"])
            row["search_rowid"] = search_rowid(row["name_sort"], record_id)
        inserts.setdefault(entity, []).append(spec.row(row))
        # first item: the record's child, replaced by its device_seq in number_outbox
        outbox.append(
            (
                child_of(entity, record_id, full),
                op_id,
                spec.name,
                record_id,
                0,
                stamp,
                dumps(plan.changed),
                plan.deleted,
                now,
            )
        )
        created.setdefault(entity, []).append(record_id)
        if bulk:
            grouped.setdefault((action or "create", spec.name), []).append(record_id)
        else:
            audit.append(
                AuditEntry(
                    actor,
                    action or "create",
                    spec.name,
                    record_id,
                    {"fields": sorted(plan.changed)},
                )
            )
        if entity is Entity.CHILD:
            if not plan.deleted:  # indexed from memory below, no read-back
                new_children[record_id] = []
        elif entity is Entity.GUARDIAN and full.get("child_id") in new_children:
            if full.get("phone") and not plan.deleted:
                new_children[full["child_id"]].append(full["phone"])
        elif entity is Entity.GUARDIAN:
            reindex.extend(children_to_reindex(plan, list(plan.changed)))

    for entity in ENTITY_ORDER:
        if entity in inserts:
            cursor.executemany(_SPECS[entity].sql, inserts[entity])
    # the same ending as the general path: consent numbering, outbox, audit, search, seq
    finish_local_write(
        cursor,
        outbox,
        seq,
        result,
        clock=clock,
        today=today,
        grouped=grouped,
        audit=audit,
        actor=actor,
        now=now,
        plans=plans,
        new_children=new_children,
        reindex=reindex,
    )
