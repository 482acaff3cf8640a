"""The append-only audit log, hash-chained so an edited or removed row is detectable.

Each row's ``hash`` is SHA-256 over the previous row's hash and the canonical JSON of the
row (id, at, actor, action, entity, record_id, detail): :mod:`ss_core.protocol.audit_chain`,
which head office uses to check the rows it receives. ``detail`` never holds personal
values: changed field NAMES only (and counts, file names chosen by the app, etc.).

The rows travel to head office after each sync round (``POST /api/v1/audit``); the highest
row id head office acknowledged is kept in ``app_meta`` under :data:`K_AUDIT_ACKED`, together
with the device id it was acknowledged for (a re-enrolled laptop sends its log again).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from ss_core.protocol.audit_chain import GENESIS_HASH, ChainRow, first_break, row_hash
from ss_core.protocol.wire import AuditRow
from ss_desktop.db.codec import dumps, utc_now_iso
from ss_desktop.db.engine import WRITE_OPTIONS, raw_cursor

__all__ = [
    "GENESIS_HASH",
    "AuditEntry",
    "append_audit",
    "append_entries",
    "row_hash",
    "verify_audit_chain",
]

# Saves (imports, demo data) and pulls with more records than this get one audit row per
# action and entity listing the record ids, instead of one row per record.
AUDIT_PER_RECORD_LIMIT = 20
K_AUDIT_ACKED = "sync.audit_acked"  # {"device_id": ..., "id": highest row id acknowledged}
_ROW_COLUMNS = "id, at, actor, action, entity, record_id, detail, prev_hash, hash"


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    action: str
    entity: str | None = None
    record_id: str | None = None
    detail: Mapping[str, Any] | None = None


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
        cursor = raw_cursor(conn)
        append_entries(cursor, [AuditEntry(actor, action, entity, record_id, detail)])


def verify_audit_chain(engine: Engine) -> int | None:
    """None when every row's hash matches; otherwise the id of the first broken row."""
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        first = cursor.execute("SELECT min(id) FROM audit_log").fetchone()[0]
        if first is None:
            return None
        rows = (
            ChainRow(*row)
            for row in cursor.execute(f"SELECT {_ROW_COLUMNS} FROM audit_log ORDER BY id")
        )
        # The first row (normally id 1) continues from the genesis hash.
        found = first_break(rows, tip_id=first - 1, tip_hash=GENESIS_HASH)
        return found.row_id if found else None


# ------------------------------------------------------------------ upload to head office


def audit_acked_id(engine: Engine, device_id: str) -> int:
    """The highest row id head office acknowledged for *device_id* (0: none yet)."""
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        found = cursor.execute(
            "SELECT value FROM app_meta WHERE key = ?", (K_AUDIT_ACKED,)
        ).fetchone()
    if not found:
        return 0
    try:
        value = json.loads(found[0])
        acked = int(value["id"]) if value.get("device_id") == device_id else 0
    except (ValueError, TypeError, KeyError, AttributeError):
        return 0
    return max(0, acked)


def save_audit_acked_id(engine: Engine, device_id: str, acked_id: int) -> None:
    with engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
        cursor = raw_cursor(conn)
        cursor.execute(
            "INSERT INTO app_meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (K_AUDIT_ACKED, json.dumps({"device_id": device_id, "id": int(acked_id)})),
        )


def audit_rows_after(
    engine: Engine, after_id: int, *, limit: int, max_chars: int = 4_000_000
) -> list[AuditRow]:
    """Rows with an id above *after_id*, oldest first: at most *limit* rows and about
    *max_chars* characters of detail (always at least one row when there is one)."""
    rows: list[AuditRow] = []
    size = 0
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        for row in cursor.execute(
            f"SELECT {_ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
            (after_id, limit),
        ):
            size += len(row[6] or "") + 200
            if rows and size > max_chars:
                break
            rows.append(
                AuditRow(
                    id=row[0],
                    at=row[1],
                    actor=row[2] or "",
                    action=row[3],
                    entity=row[4],
                    record_id=row[5],
                    detail=row[6] if row[6] is not None else "{}",
                    prev_hash=row[7],
                    hash=row[8],
                )
            )
    return rows


def audit_row_count_after(engine: Engine, after_id: int) -> int:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        row = cursor.execute("SELECT count(*) FROM audit_log WHERE id > ?", (after_id,)).fetchone()
        return int(row[0])
