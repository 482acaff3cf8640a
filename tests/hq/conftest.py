"""Head-office test fixtures: each API test runs on SQLite and, when DATABASE_URL is set, on
PostgreSQL (a fresh database for the test session, dropped afterwards)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from ss_hq.app import create_app
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import ensure_server_state, upgrade
from ss_hq.core.settings import HQSettings
from tests.hq.helpers import HQ

PG_URL = os.environ.get("DATABASE_URL", "").strip()
KEEP_TABLES = {"alembic_version"}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating every time)."""
    path = tmp_path_factory.mktemp("hq-template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection to close checkpoints and removes the WAL file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session."""
    if not PG_URL:
        pytest.skip("DATABASE_URL is not set: PostgreSQL cases skipped")
    base = make_url(PG_URL)
    if base.drivername == "postgresql":
        base = base.set(drivername="postgresql+psycopg")
    name = f"ss_hq_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _clean_postgres(engine: Engine) -> None:
    with engine.begin() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
            if row[0] not in KEEP_TABLES
        ]
        connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY"))
    ensure_server_state(engine)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "hq.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("pg_database_url")
    engine = make_engine(url)
    _clean_postgres(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> HQSettings:
    return HQSettings(database_url=database_url, keys_dir=tmp_path / "keys")


@pytest.fixture
def client(settings: HQSettings, engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings, engine=engine)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def hq(client: TestClient, engine: Engine) -> HQ:
    return HQ(client, engine)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as db_session:
        yield db_session
