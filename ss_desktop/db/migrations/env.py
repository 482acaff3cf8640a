"""Alembic environment for the laptop database.

Run through :func:`ss_desktop.db.migrate.open_database` (or ``alembic_config``), which passes
an open connection in ``config.attributes["connection"]``; there is no alembic.ini and the
script location is found from the package, so this works from any working directory and in
the frozen app.
"""

from __future__ import annotations

from alembic import context

from ss_desktop.db import tables

target_metadata = tables.SyncedColumns.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through ss_desktop.db.migrate, not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        transactional_ddl=True,  # SQLite DDL is transactional: a failed step rolls back
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
