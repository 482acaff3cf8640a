"""Records that cannot be sent to laptops as stored (``record_problem``), and a scan of the
records stored before head office checked every value, so staff see them at once.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('record_problem',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('problems', JSON_TYPE, nullable=False),
    sa.Column('found_in', sa.String(length=16), nullable=False),
    sa.Column('found_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('record_id')
    )
    from ss_hq.core.record_problems import scan_connection

    scan_connection(op.get_bind())


def downgrade() -> None:
    op.drop_table('record_problem')
