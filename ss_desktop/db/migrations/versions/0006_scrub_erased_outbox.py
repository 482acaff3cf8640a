"""Personal values of erased records leave the changes already sent, too.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

An erasure ordered by head office (PIPL) used to scrub only the changes still waiting in the
outbox; a change already sent was kept as it was, with the child's name, ID number and the
guardians' phones. Since this version every kept change of an erased record is scrubbed when
the erasure arrives (``ss_desktop.db.write.remote``). This revision does the same for the erasures
applied before: the erased records are those the audit log says were pulled erased, plus the
guardians and consents of an erased child. The change rows keep their numbers and their other
fields. Nothing to undo on a downgrade: the values are gone, as the erasure wanted.
"""

from __future__ import annotations

import json
import sqlite3

from alembic import op

from ss_desktop.db.codec import PERSONAL_FIELDS, dumps
from ss_desktop.db.engine import raw_cursor

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DEPENDENTS = ("guardian", "consent")


def _erased(cursor: sqlite3.Cursor) -> set[tuple[str, str]]:
    erased: set[tuple[str, str]] = set()
    rows = cursor.execute(
        "SELECT entity, record_id, detail FROM audit_log"
        " WHERE action = 'sync' AND record_id IS NOT NULL AND detail LIKE '%erased%'"
    ).fetchall()
    for entity, record_id, detail in rows:
        try:
            if json.loads(detail or "{}").get("erased") is True:
                erased.add((entity, record_id))
        except (ValueError, AttributeError):
            continue
    children = sorted(rid for entity, rid in erased if entity == "child")
    for start in range(0, len(children), 500):
        part = children[start : start + 500]
        marks = ",".join("?" * len(part))
        for table in DEPENDENTS:
            for (record_id,) in cursor.execute(
                f"SELECT id FROM {table} WHERE child_id IN ({marks})", part
            ).fetchall():
                erased.add((table, record_id))
    return erased


def upgrade() -> None:
    cursor = raw_cursor(op.get_bind())
    try:
        _scrub(cursor)
    finally:
        cursor.close()


def _scrub(cursor: sqlite3.Cursor) -> None:
    personal = {entity.value: set(names) for entity, names in PERSONAL_FIELDS.items()}
    for entity, record_id in sorted(_erased(cursor)):
        names = personal.get(entity)
        if not names:
            continue
        for seq, fields in cursor.execute(
            "SELECT device_seq, fields FROM outbox WHERE entity = ? AND record_id = ?",
            (entity, record_id),
        ).fetchall():
            values = json.loads(fields or "{}")
            kept = {k: v for k, v in values.items() if k not in names}
            if kept != values:
                cursor.execute(
                    "UPDATE outbox SET fields = ? WHERE device_seq = ?",
                    (dumps(kept), seq),
                )


def downgrade() -> None:
    """The scrubbed values cannot come back (and must not)."""
