"""Initial head-office schema: records, devices, codes, staff, applied ops, history,
conflicts, suspected duplicates, change log, server keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIGINT_PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('applied_op',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('device_seq', sa.BigInteger(), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('result', JSON_TYPE, nullable=False),
    sa.Column('applied_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('device_id', 'device_seq', name='uq_applied_op_seq')
    )
    with op.batch_alter_table('applied_op', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applied_op_device_id'), ['device_id'], unique=False)

    op.create_table('change_history',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', JSON_TYPE, nullable=True),
    sa.Column('new_value', JSON_TYPE, nullable=True),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('staff_user', sa.String(length=64), nullable=True),
    sa.Column('applied', sa.Boolean(), nullable=False),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_history_record_id'), ['record_id'], unique=False)

    op.create_table('change_log',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_site_id'), ['site_id'], unique=False)

    op.create_table('change_log_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('min_retained_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('conflict',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('winner_value', JSON_TYPE, nullable=True),
    sa.Column('winner_hlc', sa.String(length=80), nullable=False),
    sa.Column('winner_device', sa.String(length=36), nullable=True),
    sa.Column('loser_value', JSON_TYPE, nullable=True),
    sa.Column('loser_hlc', sa.String(length=80), nullable=False),
    sa.Column('loser_device', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolution', sa.String(length=200), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('resolved_at', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_status'), ['status'], unique=False)

    op.create_table('device',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('site_ids', JSON_TYPE, nullable=False),
    sa.Column('app_version', sa.String(length=64), nullable=False),
    sa.Column('signing_key', sa.String(length=200), nullable=True),
    sa.Column('acked_seq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('last_seen_at', sa.BigInteger(), nullable=True),
    sa.Column('revoked_at', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('enrollment_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('site_ids', JSON_TYPE, nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('expires_at', sa.BigInteger(), nullable=False),
    sa.Column('used_at', sa.BigInteger(), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('code_hash')
    )
    op.create_table('record',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('erased', sa.Boolean(), nullable=False),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('fields', JSON_TYPE, nullable=False),
    sa.Column('field_meta', JSON_TYPE, nullable=False),
    sa.Column('created_by_device', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_entity'), ['entity'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_site_id'), ['site_id'], unique=False)

    op.create_table('server_key',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('public_key', sa.String(length=200), nullable=False),
    sa.Column('private_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('kind')
    )
    op.create_table('staff_user',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.BigInteger(), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.Column('last_login_at', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('suspected_duplicate',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('other_id', sa.String(length=36), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('reasons', JSON_TYPE, nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('resolved_at', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_id', 'other_id', name='uq_suspected_pair')
    )
    with op.batch_alter_table('suspected_duplicate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suspected_duplicate_other_id'), ['other_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suspected_duplicate_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suspected_duplicate_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('suspected_duplicate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suspected_duplicate_status'))
        batch_op.drop_index(batch_op.f('ix_suspected_duplicate_record_id'))
        batch_op.drop_index(batch_op.f('ix_suspected_duplicate_other_id'))

    op.drop_table('suspected_duplicate')
    op.drop_table('staff_user')
    op.drop_table('server_key')
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_site_id'))
        batch_op.drop_index(batch_op.f('ix_record_entity'))
        batch_op.drop_index(batch_op.f('ix_record_child_id'))

    op.drop_table('record')
    op.drop_table('enrollment_code')
    op.drop_table('device')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_status'))
        batch_op.drop_index(batch_op.f('ix_conflict_record_id'))

    op.drop_table('conflict')
    op.drop_table('change_log_state')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_site_id'))
        batch_op.drop_index(batch_op.f('ix_change_log_record_id'))

    op.drop_table('change_log')
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_history_record_id'))

    op.drop_table('change_history')
    with op.batch_alter_table('applied_op', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applied_op_device_id'))

    op.drop_table('applied_op')
