"""The laptops' audit logs (hash-chained rows) and each laptop's chain status.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('row_id', sa.BigInteger(), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('at_ms', sa.BigInteger(), nullable=True),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=True),
    sa.Column('record_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('chain_ok', sa.Boolean(), nullable=False),
    sa.Column('problem', sa.String(length=32), nullable=True),
    sa.Column('received_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('device_id', 'row_id', 'hash', name='uq_audit_entry_row')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_device_row', ['device_id', 'row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at_ms'), ['at_ms'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_actor'), ['actor'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_record_id'), ['record_id'], unique=False)

    op.create_table('audit_chain',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('tip_id', sa.BigInteger(), nullable=False),
    sa.Column('tip_hash', sa.String(length=64), nullable=False),
    sa.Column('row_count', sa.BigInteger(), nullable=False),
    sa.Column('broken_at_id', sa.BigInteger(), nullable=True),
    sa.Column('problem', sa.String(length=32), nullable=True),
    sa.Column('broken_seen_at', sa.BigInteger(), nullable=True),
    sa.Column('laptop_broken_at_id', sa.BigInteger(), nullable=True),
    sa.Column('last_upload_at', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('device_id')
    )


def downgrade() -> None:
    op.drop_table('audit_chain')
    op.drop_table('audit_entry')
