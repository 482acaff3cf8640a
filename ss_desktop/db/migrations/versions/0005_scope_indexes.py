"""Covering indexes for the count-and-checksum comparison at the end of a sync round.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

Each sync round compares (id, version) of every record in the laptop's scope with head office.
Reading those three columns from the tables themselves decrypts every page of every row
(a child row fills a good part of a 4 KiB page); these indexes hold just the columns the
comparison reads, so it scans small index pages instead (about 2.8x faster at 50,000 children).
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DEPENDENTS = ("guardian", "consent", "enrollment", "attendance_mark")


def upgrade() -> None:
    op.execute("CREATE INDEX ix_child_scope ON child (id, site_id, server_version)")
    for table in DEPENDENTS:
        op.execute(f"CREATE INDEX ix_{table}_scope ON {table} (child_id, id, server_version)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_child_scope")
    for table in DEPENDENTS:
        op.execute(f"DROP INDEX ix_{table}_scope")
