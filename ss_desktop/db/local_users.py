"""Local accounts and the device identity. Password hashing lives in the services; this
module only stores. Every change is audited in the same transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from ss_core.protocol.ids import new_id
from ss_desktop.db.audit import AuditEntry, append_entries
from ss_desktop.db.codec import utc_now_iso
from ss_desktop.db.engine import WRITE_OPTIONS, raw_cursor


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    display_name: str
    role: str
    password_hash: str
    site_ids: tuple[str, ...]
    failed_attempts: int
    locked_until: str | None
    active: bool


_COLUMNS = "id, username, display_name, role, password_hash, site_ids, failed_attempts, locked_until, active"


def _user(row: Any) -> UserRecord:
    return UserRecord(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        tuple(json.loads(row[5] or "[]")),
        row[6],
        row[7],
        bool(row[8]),
    )


@contextmanager
def _write(engine: Engine) -> Iterator[sqlite3.Cursor]:
    with engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
        yield raw_cursor(conn)


def find_user(engine: Engine, username: str) -> UserRecord | None:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        row = cursor.execute(
            f"SELECT {_COLUMNS} FROM local_user WHERE username = ?", (username,)
        ).fetchone()
    return _user(row) if row else None


def list_users(engine: Engine) -> list[UserRecord]:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        rows = cursor.execute(f"SELECT {_COLUMNS} FROM local_user ORDER BY username").fetchall()
    return [_user(r) for r in rows]


def count_users(engine: Engine) -> int:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        count: int = cursor.execute("SELECT COUNT(*) FROM local_user").fetchone()[0]
        return count


def insert_user(
    engine: Engine,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    site_ids: list[str],
    actor: str,
) -> str:
    user_id = new_id()
    with _write(engine) as cursor:
        cursor.execute(
            "INSERT INTO local_user (id, username, display_name, role, password_hash, site_ids,"
            " failed_attempts, locked_until, active, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, 1, ?)",
            (
                user_id,
                username,
                display_name,
                role,
                password_hash,
                json.dumps(site_ids),
                utc_now_iso(),
            ),
        )
        append_entries(
            cursor, [AuditEntry(actor, "create_user", "local_user", user_id, {"role": role})]
        )
    return user_id


def update_user(engine: Engine, user_id: str, *, actor: str, action: str, **fields: Any) -> None:
    allowed = {
        "display_name",
        "role",
        "password_hash",
        "site_ids",
        "failed_attempts",
        "locked_until",
        "active",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not a user field: {sorted(unknown)}")
    values = {k: (json.dumps(v) if k == "site_ids" else v) for k, v in fields.items()}
    assignments = ", ".join(f"{k} = ?" for k in values)
    with _write(engine) as cursor:
        cursor.execute(
            f"UPDATE local_user SET {assignments} WHERE id = ?", (*values.values(), user_id)
        )
        detail: dict[str, Any] = {"fields": sorted(k for k in fields if k != "password_hash")}
        if "password_hash" in fields:
            detail["password_changed"] = True
        append_entries(cursor, [AuditEntry(actor, action, "local_user", user_id, detail)])


def record_sign_in(
    engine: Engine,
    user: UserRecord,
    *,
    success: bool,
    failed_attempts: int,
    locked_until: str | None,
) -> None:
    """Store the attempt counter and write the sign-in audit row in one transaction."""
    with _write(engine) as cursor:
        cursor.execute(
            "UPDATE local_user SET failed_attempts = ?, locked_until = ? WHERE id = ?",
            (failed_attempts, locked_until, user.id),
        )
        action = "sign_in" if success else "sign_in_failed"
        detail = {} if success else {"failed_attempts": failed_attempts}
        append_entries(cursor, [AuditEntry(user.username, action, "local_user", user.id, detail)])


def device_id(engine: Engine) -> str | None:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        row = cursor.execute("SELECT device_id FROM sync_state WHERE id = 1").fetchone()
    return row[0] if row else None


def ensure_device_id(engine: Engine) -> str:
    """The laptop's identity, made once (UUIDv7) and kept for the life of the database."""
    existing = device_id(engine)
    if existing:
        return existing
    made = new_id()
    with _write(engine) as cursor:
        cursor.execute("INSERT OR IGNORE INTO sync_state (id) VALUES (1)")
        cursor.execute(
            "UPDATE sync_state SET device_id = ? WHERE id = 1 AND device_id IS NULL", (made,)
        )
        row = cursor.execute("SELECT device_id FROM sync_state WHERE id = 1").fetchone()
    device: str = row[0]
    return device


def append_audit_entries(engine: Engine, entries: list[AuditEntry]) -> None:
    """Audit rows of what happened before the database could be opened (one transaction)."""
    if entries:
        with _write(engine) as cursor:
            append_entries(cursor, entries)
