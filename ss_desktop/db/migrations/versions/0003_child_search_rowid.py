"""Link each child to its search-index rows by an indexed integer.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Revision 0002 found a search's children through the FTS tables' UNINDEXED ``child_id``
column, which FTS5 reads from its content table row by row (slow when a short prefix like
"z" matches a third of all children). The FTS rowid is already a stable hash of the child
id; storing it on the child, in an index that also holds status, site, sort key and id,
lets a search turn FTS rowids into a sorted page without reading the child rows.
"""

from __future__ import annotations

import hashlib

from alembic import op

from ss_desktop.db.engine import raw_cursor

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _search_rowid(child_id: str) -> int:
    # Frozen copy of ss_desktop.db.search_index.search_rowid at this revision.
    digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def upgrade() -> None:
    op.execute("ALTER TABLE child ADD COLUMN search_rowid INTEGER")
    cursor = raw_cursor(op.get_bind())
    try:
        ids = [r[0] for r in cursor.execute("SELECT id FROM child")]
        cursor.executemany(
            "UPDATE child SET search_rowid = ? WHERE id = ?", [(_search_rowid(i), i) for i in ids]
        )
    finally:
        cursor.close()
    # Covering: a search reads status, site, sort key and id of its hits from the index alone.
    op.execute(
        "CREATE INDEX ix_child_search_cover ON child"
        " (search_rowid, status, site_id, name_sort, id) WHERE deleted = 0"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_child_search_cover")
    with op.batch_alter_table("child") as batch:
        batch.drop_column("search_rowid")
