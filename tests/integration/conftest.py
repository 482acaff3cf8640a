"""Integration fixtures: a real ``ss-hq serve`` process on loopback (SQLite, and PostgreSQL
when DATABASE_URL is set) and laptops with their own data folders."""

from __future__ import annotations

import pytest

# The head-office database fixtures (SQLite template copy per test; a fresh PostgreSQL
# database per session when DATABASE_URL is set).
from tests.hq.conftest import database_url, pg_database_url, sqlite_template  # noqa: F401
from tests.integration.harness import HQProcess, LaptopFactory


@pytest.fixture
def hq(database_url, tmp_path):  # noqa: F811
    server = HQProcess(database_url, tmp_path / "hq-logs")
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def laptops(tmp_path):
    factory = LaptopFactory(tmp_path / "laptops")
    try:
        yield factory
    finally:
        factory.close_all()


@pytest.fixture
def proxy(hq):
    from tests.integration.fault_proxy import FaultProxy

    running = FaultProxy(hq.port).start()
    try:
        yield running
    finally:
        running.stop()
