"""Index the changes not yet acknowledged by record, for the status bar's counts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

The status bar counts what head office does not have yet as a person counts it: records and
children, not changes (ss_desktop.db.queries.stats). Counting distinct records read every
unacknowledged outbox row, each with its fields (seconds at 100,000 demo children with
543,584 rows); this partial index holds just (entity, record id, seq) of those rows, so the
counts read a small index, and a row leaves it when head office acknowledges it.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_outbox_unsent ON outbox (entity, record_id, device_seq) WHERE acked = 0"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_outbox_unsent")
