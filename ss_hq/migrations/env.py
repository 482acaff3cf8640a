"""Alembic environment for head office. Run through :func:`ss_hq.core.migrate.upgrade`.

The caller passes an open connection in ``config.attributes["connection"]``; there is no
alembic.ini and no URL here, so migrations run from any folder (and inside a frozen app).
"""

from __future__ import annotations

from alembic import context

from ss_hq.core.models import hq_metadata

config = context.config
target_metadata = hq_metadata()


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; use `ss-hq migrate`")
run_migrations_online()
