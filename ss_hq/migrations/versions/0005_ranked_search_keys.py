"""Search keys by rank in the child index, and the index rebuilt with today's keys.

Up to revision 0004 a search ranked only "the query is the child's whole pinyin" before the
rest, then by pinyin: ``wang`` listed 方家乐 (方 is also read "wang") among the children
surnamed 王. The laptop's search ranks by the group of keys a word matches in
(``ss_core.domain.name_search``); ``keys_name``, ``keys_short`` and ``keys_given`` hold the
first three groups so head office ranks the same way. Every child's index row is computed
again (also the new keys in ``search_keys``: initials mixed with syllables, ü as u and yu).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ('keys_name', 'keys_short', 'keys_given')


def upgrade() -> None:
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.alter_column(name, server_default=None)

    from sqlmodel import Session

    from ss_hq.review.search_service import rebuild_child_index

    session = Session(bind=op.get_bind())
    rebuild_child_index(session)
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)
