"""Index the outbox rows parked until a child's consent (device_seq < 0) by record.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

A save that makes a child's consent valid releases that child's parked changes. Finding them
by record id must not read every parked row (a laptop may hold thousands, for children whose
paper consent has not come back yet): a partial index holds only the parked rows.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_outbox_parked ON outbox (record_id) WHERE device_seq < 0")


def downgrade() -> None:
    op.execute("DROP INDEX ix_outbox_parked")
