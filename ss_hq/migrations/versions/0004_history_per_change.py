"""The change history keeps one row per change (its fields in one JSON column) instead of one
row per field; duplicate checks of pushed children are queued and served after the push's
commit.

Existing history rows are converted: the rows of one change (same record, version, author,
time and ``applied``) become one row whose ``changes`` is ``{field: [old, new, hlc]}``
(plain JSON, also on PostgreSQL: it is written once and read whole).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIGINT_PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
GROUP = "record_id, version, device_id, staff_user, applied, at"


def _per_change_table() -> None:
    op.create_table('change_history',
    sa.Column('id', BIGINT_PK, nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('staff_user', sa.String(length=64), nullable=True),
    sa.Column('applied', sa.Boolean(), nullable=False),
    sa.Column('at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def _per_field_table() -> None:
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


def _swap_out() -> None:
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_history_record_id'))
    op.rename_table('change_history', 'change_history_old')


def _finish() -> None:
    op.drop_table('change_history_old')
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_history_record_id'), ['record_id'], unique=False)


def upgrade() -> None:
    _swap_out()
    _per_change_table()
    if op.get_bind().dialect.name == "postgresql":
        changes = "json_object_agg(field, json_build_array(old_value, new_value, hlc))"
    else:
        changes = "json_group_object(field, json_array(json(old_value), json(new_value), hlc))"
    op.execute(
        "INSERT INTO change_history"
        " (record_id, entity, changes, hlc, version, device_id, staff_user, applied, at)"
        f" SELECT record_id, min(entity), {changes}, max(hlc), version, device_id, staff_user,"
        f" applied, at FROM change_history_old GROUP BY {GROUP} ORDER BY min(id)"
    )
    _finish()
    op.create_table('duplicate_check',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('queued_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('record_id')
    )


def downgrade() -> None:
    op.drop_table('duplicate_check')
    _swap_out()
    _per_field_table()
    if op.get_bind().dialect.name == "postgresql":
        each = "json_each(h.changes) AS c(key, value)"
    else:
        each = "json_each(h.changes) AS c"  # the -> operator: SQLite 3.38 or later
    old, new, hlc = "c.value -> 0", "c.value -> 1", "c.value ->> 2"
    if op.get_bind().dialect.name == "postgresql":
        old, new = f"({old})::jsonb", f"({new})::jsonb"
    op.execute(
        "INSERT INTO change_history (record_id, entity, field, old_value, new_value, hlc,"
        " version, device_id, staff_user, applied, at)"
        f" SELECT h.record_id, h.entity, c.key, {old}, {new}, coalesce({hlc}, h.hlc),"
        f" h.version, h.device_id, h.staff_user, h.applied, h.at FROM change_history_old h, {each}"
        " ORDER BY h.id"
    )
    _finish()
