"""Staff web sessions and the child index (search keys and dashboard columns).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_session',
    sa.Column('id_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('last_seen_at', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id_hash')
    )
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_session_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_session_expires_at'), ['expires_at'], unique=False)

    op.create_table('child_index',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('gender', sa.Integer(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('dob', sa.String(length=10), nullable=True),
    sa.Column('stage', sa.String(length=16), nullable=True),
    sa.Column('grade', sa.Integer(), nullable=True),
    sa.Column('hukou_local', sa.Boolean(), nullable=True),
    sa.Column('cat_migrant', sa.Boolean(), nullable=False),
    sa.Column('cat_low_income', sa.Boolean(), nullable=False),
    sa.Column('cat_lower_tier', sa.Boolean(), nullable=False),
    sa.Column('cat_left_behind', sa.Boolean(), nullable=False),
    sa.Column('cat_in_care', sa.Boolean(), nullable=False),
    sa.Column('cat_disability', sa.Boolean(), nullable=False),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.Column('name_sort', sa.String(length=200), nullable=False),
    sa.Column('search_keys', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('record_id')
    )
    with op.batch_alter_table('child_index', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_index_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_index_active'), ['active'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_index_dob'), ['dob'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_index_name_key'), ['name_key'], unique=False)

    # Children already at head office get their index rows from revision 0005, which adds
    # the last columns of today's index.


def downgrade() -> None:
    op.drop_table('child_index')
    op.drop_table('staff_session')
