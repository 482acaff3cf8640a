"""Row-level SQL shared by the write path (local saves and pulled changes).

Plain DBAPI cursors and ``executemany``: one statement per table and batch, never one ORM
object per row (a 500-child import is ~2,500 rows).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ss_core.protocol.wire import Entity
from ss_desktop.db.tables import SYNCED_TABLES

BOOKKEEPING = (
    "id",
    "version",
    "hlc",
    "field_hlcs",
    "server_version",
    "deleted",
    "created_at",
    "updated_at",
)
_COLUMNS: dict[Entity, tuple[str, ...]] = {
    entity: tuple(c.name for c in model.__table__.columns)  # type: ignore[attr-defined]
    for entity, model in SYNCED_TABLES.items()
}
_INSERT_SQL: dict[Entity, str] = {
    entity: f"INSERT INTO {entity.value} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for entity, cols in _COLUMNS.items()
}
CHUNK = 500


def columns_of(entity: Entity) -> tuple[str, ...]:
    return _COLUMNS[entity]


def load_rows(
    cursor: sqlite3.Cursor, entity: Entity, ids: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Stored rows (raw column values) by id."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, dict[str, Any]] = {}
    cols = _COLUMNS[entity]
    select = ", ".join(cols)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in cursor.execute(
            f"SELECT {select} FROM {entity.value} WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = dict(zip(cols, row, strict=True))
    return found


def existing_ids(cursor: sqlite3.Cursor, entity: Entity, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in cursor.execute(f"SELECT id FROM {entity.value} WHERE id IN ({marks})", chunk)
        )
    return found


def insert_rows(cursor: sqlite3.Cursor, entity: Entity, rows: Sequence[dict[str, Any]]) -> None:
    """Insert full rows (every column present in each dict)."""
    if rows:
        cols = _COLUMNS[entity]
        cursor.executemany(_INSERT_SQL[entity], [tuple(r[c] for c in cols) for r in rows])


def update_rows(
    cursor: sqlite3.Cursor, entity: Entity, updates: Sequence[tuple[str, dict[str, Any]]]
) -> None:
    """``UPDATE ... SET <columns> WHERE id = ?`` grouped by the set of columns changed."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for record_id, values in updates:
        names = tuple(values)
        groups[names].append((*values.values(), record_id))
    for names, params in groups.items():
        assignments = ", ".join(f"{name} = ?" for name in names)
        cursor.executemany(f"UPDATE {entity.value} SET {assignments} WHERE id = ?", params)
