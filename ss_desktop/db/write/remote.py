"""Applying changes pulled from head office (called by :meth:`ChangeWriter.apply_remote`).

Per field, the higher HLC wins (:mod:`ss_core.protocol.merge`): a local edit not pushed yet
that is newer than the pulled value stays (its outbox row still goes out). The row's
``server_version`` becomes the pulled version: the base of the next push. No outbox rows;
one audit row per applied change (actor "sync", field names only) — or, for a page of more
than 20 changes (a first pull brings tens of thousands), one row per entity naming every
record, as bulk saves are audited; an erasure always gets its own row.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from typing import Any

from ss_core.domain.enums import ChildStatus
from ss_core.protocol.hlc import HLC, HybridClock
from ss_core.protocol.merge import Stamped, beats
from ss_core.protocol.wire import Entity, PullChange
from ss_desktop.db import rows as sql
from ss_desktop.db.audit import AUDIT_PER_RECORD_LIMIT, AuditEntry, append_entries
from ss_desktop.db.codec import (
    PERSONAL_FIELDS,
    decode_row,
    defaults_of,
    dumps,
    field_stamp,
    fields_of,
    load_field_hlcs,
    to_column,
    utc_now_iso,
)
from ss_desktop.db.consent_gate import release_after_pull
from ss_desktop.db.search_index import (
    delete_search_rows,
    reindex_children,
    search_rowid,
    sort_key_for,
)
from ss_desktop.db.tables import JSON_LIST_FIELDS, SYNCED_TABLES
from ss_desktop.db.write.changes import ChangeSet

log = logging.getLogger(__name__)


def apply_pulled(
    cursor: sqlite3.Cursor,
    clock: HybridClock,
    changes: Sequence[PullChange],
    result: ChangeSet,
    *,
    actor: str,
) -> None:
    now = utc_now_iso()
    audit: list[AuditEntry] = []
    reindex: list[str] = []
    erased_children: list[str] = []
    consent_children: set[str] = set()  # their held-back changes may go now
    for change in changes:
        entity = Entity(change.entity)
        if entity not in SYNCED_TABLES:
            log.warning("ignoring a pulled change of entity %s", entity.value)
            continue
        clock.update(HLC.parse(change.hlc))
        known = fields_of(entity)
        unknown = sorted(k for k in change.fields if k not in known)
        if unknown:
            log.warning("pulled %s change has unknown fields %s", entity.value, unknown)
        incoming = {k: v for k, v in change.fields.items() if k in known}
        stamps = {k: change.field_hlcs.get(k, change.hlc) for k in incoming}
        if change.merged_into and entity is Entity.CHILD:
            incoming["status"] = ChildStatus.MERGED.value
            incoming["archive_reason"] = f"merged_into:{change.merged_into}"
            stamps["status"] = stamps["archive_reason"] = change.hlc
        if change.erased:
            for name in PERSONAL_FIELDS.get(entity, ()):
                incoming[name] = None
                stamps[name] = change.hlc
        raw = sql.load_rows(cursor, entity, [change.record_id]).get(change.record_id)
        if raw is None:
            taken = _insert(cursor, entity, change, incoming, stamps, now)
            result.add(entity, change.record_id, created=True)
        else:
            taken = _merge(cursor, entity, change, incoming, stamps, raw, now)
            result.add(entity, change.record_id, created=False)
        audit.append(
            AuditEntry(
                actor,
                "sync",
                entity.value,
                change.record_id,
                {"fields": sorted(taken), "version": change.version}
                | ({"erased": True} if change.erased else {}),
            )
        )
        if change.erased:
            _scrub_outbox(cursor, entity, change.record_id)
            if entity is Entity.CHILD:
                erased_children.append(change.record_id)
        if entity is Entity.CHILD:
            reindex.append(change.record_id)
        elif entity is Entity.CONSENT and not change.erased:
            owner = cursor.execute(
                "SELECT child_id FROM consent WHERE id = ?", (change.record_id,)
            ).fetchone()
            if owner and owner[0]:
                consent_children.add(owner[0])
        elif entity is Entity.GUARDIAN:
            child_id = cursor.execute(
                "SELECT child_id FROM guardian WHERE id = ?", (change.record_id,)
            ).fetchone()
            if child_id and child_id[0]:
                reindex.append(child_id[0])
    append_entries(cursor, _grouped(audit), at=now)
    release_after_pull(cursor, consent_children)
    reindex_children(cursor, reindex)
    if erased_children:  # an erased child is not findable by anything any more
        _erase_local_dependents(cursor, erased_children)
        delete_search_rows(cursor, erased_children)


def _insert(
    cursor: sqlite3.Cursor,
    entity: Entity,
    change: PullChange,
    incoming: dict[str, Any],
    stamps: dict[str, str],
    now: str,
) -> list[str]:
    row: dict[str, Any] = {}
    for name, default in defaults_of(entity).items():
        if name in incoming:
            row[name] = to_column(entity, name, incoming[name])
        elif name in JSON_LIST_FIELDS.get(entity, ()):
            row[name] = "[]"
        else:
            row[name] = default
    row.update(
        id=change.record_id,
        version=change.version,
        hlc=change.hlc,
        field_hlcs=dumps(stamps),
        server_version=change.version,
        deleted=change.deleted,
        created_at=now,
        updated_at=now,
    )
    if entity is Entity.CHILD:
        row["name_sort"] = sort_key_for(row["surname"], row["given_name"], row["pinyin"])
        row["search_rowid"] = search_rowid(row["name_sort"], change.record_id)
    sql.insert_rows(cursor, entity, [row])
    return list(incoming)


def _merge(
    cursor: sqlite3.Cursor,
    entity: Entity,
    change: PullChange,
    incoming: dict[str, Any],
    stamps: dict[str, str],
    raw: dict[str, Any],
    now: str,
) -> list[str]:
    current = decode_row(entity, raw)
    field_hlcs = load_field_hlcs(raw["field_hlcs"])
    values: dict[str, Any] = {}
    taken: list[str] = []
    for name, value in incoming.items():
        local_stamp = field_stamp(field_hlcs, name)
        if local_stamp is None or beats(
            Stamped(value, stamps[name]), Stamped(current.get(name), local_stamp)
        ):
            values[name] = to_column(entity, name, value)
            field_hlcs[name] = stamps[name]
            taken.append(name)
    if change.deleted and not raw["deleted"]:
        values["deleted"] = True
        field_hlcs["deleted"] = change.hlc
        taken.append("deleted")
    values.update(
        version=change.version,
        server_version=change.version,
        hlc=max(raw["hlc"] or "", change.hlc),
        field_hlcs=dumps(field_hlcs),
        updated_at=now,
    )
    if entity is Entity.CHILD and {"surname", "given_name", "pinyin"} & set(taken):
        merged = {**current, **{k: incoming[k] for k in taken if k in incoming}}
        values["name_sort"] = sort_key_for(
            merged.get("surname"), merged.get("given_name"), merged.get("pinyin")
        )
    sql.update_rows(cursor, entity, [(change.record_id, values)])
    return taken


def _scrub_outbox(cursor: sqlite3.Cursor, entity: Entity, record_id: str) -> None:
    """Drop personal values from every change of an erased record kept in the outbox (the
    seq stays): unsent ones must not carry them to head office, and sent ones are kept (to be
    sent again should head office be restored from a backup) but must not keep what the
    erasure removed."""
    personal = set(PERSONAL_FIELDS.get(entity, ()))
    rows = cursor.execute(
        "SELECT device_seq, fields FROM outbox WHERE entity = ? AND record_id = ?",
        (entity.value, record_id),
    ).fetchall()
    for seq, fields_json in rows:
        kept = {k: v for k, v in json.loads(fields_json).items() if k not in personal}
        cursor.execute("UPDATE outbox SET fields = ? WHERE device_seq = ?", (dumps(kept), seq))


def _erase_local_dependents(cursor: sqlite3.Cursor, child_ids: Sequence[str]) -> None:
    """Guardians and consents of an erased child that head office never had (made here
    while the erasure travelled) lose their personal values too; guardians are deleted,
    as head office deletes its own. Their changes in the outbox are scrubbed."""
    for entity in (Entity.GUARDIAN, Entity.CONSENT):
        table, personal = entity.value, PERSONAL_FIELDS.get(entity, ())
        for start in range(0, len(child_ids), 500):
            part = list(child_ids[start : start + 500])
            marks = ",".join("?" * len(part))
            ids = [
                r[0]
                for r in cursor.execute(
                    f"SELECT id FROM {table} WHERE child_id IN ({marks})", part
                ).fetchall()
            ]
            if not ids:
                continue
            wipe = ", ".join(f"{name} = NULL" for name in personal)
            gone = ", deleted = 1" if entity is Entity.GUARDIAN else ""
            cursor.execute(f"UPDATE {table} SET {wipe}{gone} WHERE child_id IN ({marks})", part)
            for record_id in ids:
                _scrub_outbox(cursor, entity, record_id)


def _grouped(audit: list[AuditEntry]) -> list[AuditEntry]:
    """Many pulled changes: one audit row per entity naming the records (erasures apart)."""
    if len(audit) <= AUDIT_PER_RECORD_LIMIT:
        return audit
    rows: list[AuditEntry] = []
    by_entity: dict[str, list[str]] = {}
    for entry in audit:
        if (entry.detail or {}).get("erased") or entry.entity is None or entry.record_id is None:
            rows.append(entry)
        else:
            by_entity.setdefault(entry.entity, []).append(entry.record_id)
    for entity, ids in by_entity.items():
        rows.append(
            AuditEntry(audit[0].actor, "sync", entity, None, {"count": len(ids), "ids": ids})
        )
    return rows
