"""Migrations run on SQLite and PostgreSQL and match the models exactly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import Session, select

from ss_hq.db import make_engine
from ss_hq.migrate import DatabaseTooNewError, current_revision, head_revision, upgrade
from ss_hq.models import ServerKey, hq_metadata


def test_migrated_schema_matches_the_models(engine):
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, hq_metadata()) == []


def test_upgrade_is_idempotent_and_keys_exist_once(engine):
    upgrade(engine)
    upgrade(engine)
    with Session(engine) as session:
        kinds = sorted(k.kind for k in session.exec(select(ServerKey)).all())
    assert kinds == ["ed25519_signing", "x25519_encryption"]


def test_fresh_sqlite_file_in_a_new_folder(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'a' / 'b' / 'hq.sqlite3'}")
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_a_database_from_a_newer_ss_hq_is_refused(engine):
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    try:
        with pytest.raises(DatabaseTooNewError):
            upgrade(engine)
    finally:  # the PostgreSQL database is shared by the whole test session
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()}
            )
