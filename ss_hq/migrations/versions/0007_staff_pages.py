"""Head office's staff pages: merges that can be split again (``merge_log``), and two
``child_index`` columns: ``erased`` (an erased child is counted, never listed or exported)
and ``registered_at`` (the list's registration date, and its sort), and an index that
serves the list's first pages by name.

Existing index rows take ``erased`` from their record and, as registration time, the time
head office first stored the record.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIGINT_PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('merge_log',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('pair_id', sa.BigInteger(), nullable=True),
    sa.Column('kept_id', sa.String(length=36), nullable=False),
    sa.Column('merged_id', sa.String(length=36), nullable=False),
    sa.Column('moved', sa.JSON(), nullable=False),
    sa.Column('removed', sa.JSON(), nullable=False),
    sa.Column('filled', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.Column('split_id', sa.String(length=36), nullable=True),
    sa.Column('split_by', sa.String(length=64), nullable=True),
    sa.Column('split_at', sa.BigInteger(), nullable=True),
    sa.Column('split_reason', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('merge_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merge_log_kept_id'), ['kept_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_merge_log_merged_id'), ['merged_id'], unique=False)

    with op.batch_alter_table('child_index', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('registered_at', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_child_index_registered_at'), ['registered_at'], unique=False)
        batch_op.create_index('ix_child_index_name_sort', ['name_sort', 'record_id'], unique=False)
    op.execute(
        "UPDATE child_index SET"
        " erased = (SELECT record.erased FROM record WHERE record.id = child_index.record_id),"
        " registered_at = (SELECT record.created_at FROM record WHERE record.id = child_index.record_id)"
        " WHERE EXISTS (SELECT 1 FROM record WHERE record.id = child_index.record_id)"
    )
    # The model has no server defaults: drop them once the rows are filled.
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        batch_op.alter_column('erased', server_default=None)
        batch_op.alter_column('registered_at', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        batch_op.drop_index('ix_child_index_name_sort')
        batch_op.drop_index(batch_op.f('ix_child_index_registered_at'))
        batch_op.drop_column('registered_at')
        batch_op.drop_column('erased')
    with op.batch_alter_table('merge_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merge_log_merged_id'))
        batch_op.drop_index(batch_op.f('ix_merge_log_kept_id'))
    op.drop_table('merge_log')
