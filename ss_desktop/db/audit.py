"""The append-only audit log, hash-chained so an edited or removed row is detectable.

Each row's ``hash`` is SHA-256 over the previous row's hash and the canonical JSON of the
row (id, at, actor, action, entity, record_id, detail). ``detail`` never holds personal
values: changed field NAMES only (and counts, file names chosen by the app, etc.).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from ss_desktop.db.codec import dumps, utc_now_iso
from ss_desktop.db.engine import WRITE_OPTIONS

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    action: str
    entity: str | None = None
    record_id: str | None = None
    detail: Mapping[str, Any] | None = None


def row_hash(
    prev_hash: str,
    row_id: int,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    record_id: str | None,
    detail_json: str,
) -> str:
    body = json.dumps(
        [row_id, at, actor, action, entity, record_id, detail_json],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def append_entries(
    cursor: sqlite3.Cursor, entries: Sequence[AuditEntry], *, at: str | None = None
) -> None:
    """Append *entries* inside the caller's write transaction (BEGIN IMMEDIATE)."""
    if not entries:
        return
    at = at or utc_now_iso()
    last = cursor.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    # AUTOINCREMENT: never reuse an id, even if the last rows were removed by tampering.
    seq_row = cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    next_id = max(last[0] if last else 0, seq_row[0] if seq_row else 0) + 1
    prev = last[1] if last else GENESIS_HASH
    rows = []
    for entry in entries:
        detail = dumps(dict(entry.detail or {}))
        digest = row_hash(
            prev, next_id, at, entry.actor, entry.action, entry.entity, entry.record_id, detail
        )
        rows.append(
            (
                next_id,
                at,
                entry.actor,
                entry.action,
                entry.entity,
                entry.record_id,
                detail,
                prev,
                digest,
            )
        )
        prev = digest
        next_id += 1
    cursor.executemany(
        "INSERT INTO audit_log (id, at, actor, action, entity, record_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def append_audit(
    engine: Engine,
    *,
    actor: str,
    action: str,
    entity: str | None = None,
    record_id: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """One audit row for an action that is not a record change (sign in, export, backup ...)."""
    with engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
        cursor = conn.connection.driver_connection.cursor()
        append_entries(cursor, [AuditEntry(actor, action, entity, record_id, detail)])


def verify_audit_chain(engine: Engine) -> int | None:
    """None when every row's hash matches; otherwise the id of the first broken row."""
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        prev = GENESIS_HASH
        expected_id: int | None = None
        for row in cursor.execute(
            "SELECT id, at, actor, action, entity, record_id, detail, prev_hash, hash"
            " FROM audit_log ORDER BY id"
        ):
            row_id, at, actor, action, entity, record_id, detail, prev_hash, digest = row
            if expected_id is not None and row_id != expected_id:
                return row_id  # a row was removed before this one
            if prev_hash != prev:
                return row_id
            if row_hash(prev, row_id, at, actor, action, entity, record_id, detail) != digest:
                return row_id
            prev = digest
            expected_id = row_id + 1
        return None
