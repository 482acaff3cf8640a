"""An index of live children by birth date, for the duplicate check.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

A child registered twice is often typed with one character different (陈小敏 for 陈小明, 程小明
for 陈小明). The duplicate check looks up the children born the same day and compares their
names; this index holds the birth date with the name columns, so that look-up reads a few
index entries instead of every (encrypted) child row.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_child_dob ON child (dob, surname, given_name, id) WHERE deleted = 0"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_child_dob")
