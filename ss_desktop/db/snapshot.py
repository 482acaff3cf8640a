"""Consistent copies of the database for backups, and the checks a copy must pass.

:func:`snapshot` copies the database with SQLite's online backup API inside one read
transaction, and counts the rows of every table in that same transaction: the counts
describe exactly the copy, even while the app keeps saving (WAL: the writer is never
blocked). :func:`inspect_copy` opens a copy read-only, runs ``PRAGMA quick_check`` and
counts again, so a backup is only kept once the file it holds is known to open and to hold
what was copied.

The *data mark* names the state of the data: the clock's last stamp (every local save and
every pulled change moves it) and the newest audit entry that records a change (sign-ins,
sync rounds, exports and backups change nothing). Two copies with the same mark hold the
same records, so a backup with the mark of the current data need not be made again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ss_desktop.db.engine import DatabaseError, connect

# audit actions that record no change of the data
READ_ONLY_ACTIONS = ("sign_in", "sign_in_failed", "sync_round", "export", "backup")


class CopyCheckError(Exception):
    """A copy does not open, is damaged, or does not hold what was copied."""


@dataclass(frozen=True)
class Snapshot:
    counts: dict[str, int]  # table -> rows
    mark: str
    revision: str | None
    device_id: str = ""

    @property
    def children(self) -> int:
        return self.counts.get("child", 0)


def _facts(conn: Any) -> Snapshot:
    names = sorted(
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    )
    counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    present = set(names)
    device = ""
    if "sync_state" in present:
        row = conn.execute("SELECT device_id FROM sync_state WHERE id = 1").fetchone()
        device = (row[0] if row else None) or ""
    return Snapshot(counts, _mark(conn, present), _revision(conn, present), device)


def _mark(conn: Any, names: set[str]) -> str:
    if not {"sync_state", "audit_log"} <= names:
        return ""
    row = conn.execute("SELECT hlc_last FROM sync_state WHERE id = 1").fetchone()
    marks = ",".join("?" * len(READ_ONLY_ACTIONS))
    audit = conn.execute(
        f"SELECT max(id) FROM audit_log WHERE action NOT IN ({marks})", READ_ONLY_ACTIONS
    ).fetchone()
    return f"{row[0] if row else ''}|{audit[0] or 0}"


def _revision(conn: Any, names: set[str]) -> str | None:
    if "alembic_version" not in names:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def data_mark(path: Path, key: bytes | None) -> str:
    """The data mark of the database at *path* (read-only)."""
    conn = connect(path, key, read_only=True)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        return _mark(conn, names)
    finally:
        conn.close()


def snapshot(source: Path, target: Path, key: bytes | None) -> Snapshot:
    """Copy *source* to *target* (same key) in one read transaction; the copy's facts."""
    Path(target).unlink(missing_ok=True)
    src = connect(source, key, read_only=True)
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        facts = _facts(src)
        dest = connect(target, key)
        try:
            src.backup(dest)
            # a copy that opens read-only without leaving -wal and -shm files beside it
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        src.execute("COMMIT")
    finally:
        src.close()
    with Path(target).open("rb+") as handle:
        os.fsync(handle.fileno())
    return facts


def inspect_copy(path: Path, key: bytes | None) -> Snapshot:
    """Open the copy at *path* read-only: quick_check, then its facts."""
    try:
        conn = connect(path, key, read_only=True)
    except DatabaseError as exc:
        raise CopyCheckError(str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise CopyCheckError(f"quick_check reported {len(check)} problem(s)")
        return _facts(conn)
    except DatabaseError as exc:
        raise CopyCheckError(str(exc)) from exc
    finally:
        conn.close()
