"""Child search index: an FTS5 table, filled from the children already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Revision 0001 had no search index: the list could only be filtered by exact name. This adds
the FTS5 tables ``child_search`` (names, pinyin keys) and ``child_digits`` (ID and phone
fragments); revision 0007 fills them.
"""

from __future__ import annotations

from alembic import op

from ss_desktop.db.engine import raw_cursor

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copy of the table definition at this revision (ss_desktop.db.search_index.CREATE_SQL
# may change in later revisions; this one must not).
CREATE_SQL = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, names, keys, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4')",
    "CREATE VIRTUAL TABLE child_digits USING fts5("
    "child_id UNINDEXED, digits, tokenize = 'unicode61 remove_diacritics 0')",
)


def upgrade() -> None:
    # The tables are filled by revision 0007, which rebuilds them in their current form.
    for statement in CREATE_SQL:
        op.execute(statement)
    # duplicate checks look children up by their pinyin key
    op.execute("CREATE INDEX ix_child_name_sort ON child (name_sort)")
    # lists and counts over live rows read only these (partial) indexes
    op.execute("DROP INDEX ix_child_status_sort")
    op.execute("DROP INDEX ix_child_site_status_sort")
    op.execute(
        "CREATE INDEX ix_child_live_sort ON child (status, name_sort, id) WHERE deleted = 0"
    )
    op.execute(
        "CREATE INDEX ix_child_live_site_sort ON child (site_id, status, name_sort, id)"
        " WHERE deleted = 0"
    )
    connection = op.get_bind()
    cursor = raw_cursor(connection)
    try:
        # also fill the sort key, which 0001 left empty for imported rows
        from ss_desktop.db.search_index import sort_key_for

        rows = cursor.execute("SELECT id, surname, given_name, pinyin FROM child").fetchall()
        cursor.executemany(
            "UPDATE child SET name_sort = ? WHERE id = ?",
            [(sort_key_for(s, g, p), cid) for cid, s, g, p in rows],
        )
    finally:
        cursor.close()


def downgrade() -> None:
    op.execute("DROP INDEX ix_child_live_site_sort")
    op.execute("DROP INDEX ix_child_live_sort")
    op.execute("CREATE INDEX ix_child_status_sort ON child (status, name_sort, id)")
    op.execute(
        "CREATE INDEX ix_child_site_status_sort ON child (site_id, status, name_sort, id)"
    )
    op.execute("DROP INDEX ix_child_name_sort")
    op.execute("DROP TABLE child_digits")
    op.execute("DROP TABLE child_search")
