"""Migrations run on SQLite and PostgreSQL and match the models exactly."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import Session, select

from ss_hq.core.db import make_engine
from ss_hq.core.migrate import DatabaseTooNewError, current_revision, head_revision, upgrade
from ss_hq.core.models import ServerKey, hq_metadata


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


def _alembic(engine, direction: str, revision: str) -> None:
    from alembic import command

    from ss_hq.core.migrate import alembic_config

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)


def _insert_per_field_rows(engine) -> None:
    """History as revision 0003 kept it: one row per field."""
    rows = [
        # record A, version 1: created from a laptop (two fields)
        ("a", "child", "surname", None, '"张"', "h1", 1, "dev", None, True, 10),
        ("a", "child", "dob", None, '"2015-01-02"', "h1", 1, "dev", None, True, 10),
        # record A, version 2: a staff correction of one field
        ("a", "child", "surname", '"张"', '"章"', "h2", 2, None, "staff", True, 20),
        # record A: an incoming value that lost (kept, not applied)
        ("a", "child", "grade", '"g3"', '{"x": [1, 2]}', "h0", 2, "dev2", None, False, 30),
    ]
    with engine.begin() as connection:
        for row in rows:
            connection.execute(
                text(
                    "INSERT INTO change_history (record_id, entity, field, old_value, new_value,"
                    " hlc, version, device_id, staff_user, applied, at) VALUES (:r, :e, :f,"
                    + (" CAST(:o AS jsonb), CAST(:n AS jsonb)," if _pg(engine) else " :o, :n,")
                    + " :h, :v, :d, :s, :a, :t)"
                ),
                dict(zip("refonhvdsat", row, strict=True)),
            )


def _pg(engine) -> bool:
    return engine.dialect.name == "postgresql"


def test_history_rows_become_one_row_per_change_and_back(engine):
    from ss_hq.core.models import ChangeHistory, field_changes

    with engine.begin() as connection:  # the shared PostgreSQL database may hold rows
        connection.execute(text("DELETE FROM change_history"))
    _alembic(engine, "downgrade", "0003")
    try:
        _insert_per_field_rows(engine)
        _alembic(engine, "upgrade", "head")
        with Session(engine) as session:
            rows = session.exec(select(ChangeHistory).order_by(ChangeHistory.id)).all()
            got = [
                (r.version, r.applied, r.device_id, r.staff_user, r.at, sorted(field_changes(r)))
                for r in rows
            ]
        assert got == [
            (
                1,
                True,
                "dev",
                None,
                10,
                [("dob", None, "2015-01-02", "h1"), ("surname", None, "张", "h1")],
            ),
            (2, True, None, "staff", 20, [("surname", "张", "章", "h2")]),
            (2, False, "dev2", None, 30, [("grade", "g3", {"x": [1, 2]}, "h0")]),
        ]
        # And back: the same per-field rows (values as JSON, not text).
        _alembic(engine, "downgrade", "0003")
        with engine.connect() as connection:
            back = connection.execute(
                text(
                    "SELECT field, old_value, new_value, hlc, version, applied"
                    " FROM change_history ORDER BY at, field"
                )
            ).all()
        decode = (lambda v: v) if _pg(engine) else (lambda v: None if v is None else json.loads(v))
        assert [(f, decode(o), decode(n), h, v, bool(a)) for f, o, n, h, v, a in back] == [
            ("dob", None, "2015-01-02", "h1", 1, True),
            ("surname", None, "张", "h1", 1, True),
            ("surname", "张", "章", "h2", 2, True),
            ("grade", "g3", {"x": [1, 2]}, "h0", 2, False),
        ]
    finally:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM change_history"))
        _alembic(engine, "upgrade", "head")
