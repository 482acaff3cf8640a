"""Search keys by rank: the child search index gets one column per group of keys.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Up to revision 0006 ``child_search`` held every pinyin reading of a name in one column, so a
search could rank only "whole key" before "start of a key", then by pinyin: ``wang`` listed
方家乐 (方 is also read "wang") before the children surnamed 王, ``sxx`` listed 邓心雪 before
宋秀馨. Since this revision the columns are ``name`` (the name in characters and its common
reading), ``short`` (initials, and initials mixed with syllables: ``oyang``, ``zhangxm``),
``given`` and ``rare`` (other readings); a search ranks by the column a word matches in
(``ss_core.domain.name_search``). Each key with ü also comes with ``u`` and ``yu``
(``lyu`` finds 吕). The table is made again and every child indexed with today's code.
``child_digits`` is unchanged.
"""

from __future__ import annotations

from alembic import op

from ss_desktop.db.engine import raw_cursor

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen copy of ss_desktop.db.search_index.CREATE_SQL[0] at this revision.
CREATE_SEARCH = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, name, short, given, rare, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4')"
)
# The table as revisions 0002-0006 made it (for a downgrade).
CREATE_SEARCH_0002 = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, names, keys, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4')"
)


def upgrade() -> None:
    from ss_desktop.db.search_index import rebuild_all

    op.execute("DROP TABLE child_search")
    op.execute(CREATE_SEARCH)
    cursor = raw_cursor(op.get_bind())
    try:
        rebuild_all(cursor)  # both tables: 0002 left them empty
    finally:
        cursor.close()


def downgrade() -> None:
    """The table of revisions 0002-0006, filled as they filled it (a frozen copy of their
    ``names`` and ``keys``)."""
    from ss_core.domain.pinyin import name_keys

    op.execute("DROP TABLE child_search")
    op.execute(CREATE_SEARCH_0002)
    cursor = raw_cursor(op.get_bind())
    try:
        rows = []
        for rowid, child_id, surname, given, pinyin in cursor.execute(
            "SELECT search_rowid, id, coalesce(surname, ''), coalesce(given_name, ''), pinyin"
            " FROM child WHERE deleted = 0"
        ).fetchall():
            tokens = list(name_keys(surname, given, pinyin_override=pinyin or None).tokens())
            if len(surname) > 1 and given:
                split = name_keys(surname[0], surname[1:] + given)
                tokens.extend(t for t in split.initials if t not in tokens)
            names = " ".join(part for part in (surname + given, given) if part)
            rows.append((rowid, child_id, names, " ".join(tokens)))
        cursor.executemany(
            "INSERT INTO child_search (rowid, child_id, names, keys) VALUES (?, ?, ?, ?)", rows
        )
    finally:
        cursor.close()
