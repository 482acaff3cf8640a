"""The SQLAlchemy engine for the laptop's SQLite file.

Pragmas, set on every new connection:

- ``journal_mode=WAL``: readers (the list, search) never block the single writer.
- ``synchronous=FULL``: a volunteer's laptop may be switched off (or its battery die) right
  after they press Save. WAL with ``NORMAL`` survives a crash of the *process* but may lose the
  last transactions on *power loss*, because the WAL is not fsync'ed at each commit. With
  ``FULL`` the WAL is fsync'ed before COMMIT returns, so "Saved" on screen means on disk. The
  cost is one fsync per save (see the report in the db tests for the measured p95); batches
  (import, demo data) pay it once per batch.
- ``foreign_keys=ON``, ``busy_timeout`` (a second connection waits instead of failing),
  ``temp_store=MEMORY`` and a 32 MB page cache (sorting search results).

Encryption: the file is a SQLCipher 4 database (AES-256 pages with an HMAC each). Every
connection is keyed with the raw 256-bit database key (``PRAGMA key = "x'...'"``) as its first
statement, so SQLCipher's own PBKDF2 never runs: the only key derivation is the Argon2id of a
user's password, once per sign-in (ss_desktop.db.keyring). ``key=None`` opens a plain SQLite
file (only to migrate an unencrypted database of an older release).

Transactions: pysqlite's own implicit BEGIN is switched off and SQLAlchemy's "begin" event
emits it instead, so a write can ask for ``BEGIN IMMEDIATE`` (take the write lock up front,
no deadlock between two would-be writers) via the execution option ``sqlite_begin``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2 as sqlcipher_dbapi

BUSY_TIMEOUT_MS = 10_000
CACHE_SIZE_KIB = 32_000

WRITE_OPTIONS = {"sqlite_begin": "IMMEDIATE"}


def raw_cursor(conn: Connection) -> sqlite3.Cursor:
    """The DB-API cursor under a SQLAlchemy connection: the write path and the hot queries
    run plain SQL on it (SQLCipher's cursor has the sqlite3 interface)."""
    driver = conn.connection.driver_connection
    assert driver is not None, "the connection is closed"
    cursor: sqlite3.Cursor = driver.cursor()
    return cursor


KEY_BYTES = 32

# sqlcipher3's exceptions are its own classes: callers catch these, whichever module connected.
DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError
IntegrityError = sqlcipher3.IntegrityError


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(dbapi_connection: Any, key: bytes | None) -> None:
    """Key a fresh connection (must be its first statement); quiet SQLCipher's stderr log."""
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        dbapi_connection.execute(key_pragma(key))


def connect(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    """A plain DB-API connection (checks, copies, checkpoints) on the file at *path*."""
    if read_only:
        conn = sqlcipher_dbapi.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
    else:
        conn = sqlcipher_dbapi.connect(str(path))
    apply_key(conn, key)
    return conn


def _set_pragmas(dbapi_connection: sqlite3.Connection, *, read_only: bool) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
        # Justification in the module docstring: survive power loss right after Save.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
    finally:
        cursor.close()


def make_engine(
    path: Path, key: bytes | None, *, read_only: bool = False, pool_size: int = 4
) -> Engine:
    """An engine on the database at *path* keyed with *key* (created when missing unless
    *read_only*)."""
    path = Path(path)
    if read_only:
        url = "sqlite:///file:" + path.resolve().as_posix() + "?mode=ro&uri=true"
    else:
        url = "sqlite:///" + path.resolve().as_posix()
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=False,
        # Hand out the connection used last: each SQLCipher connection keeps its own cache of
        # decrypted pages, so a warm connection answers the next read without decrypting again.
        pool_use_lifo=True,
        module=sqlcipher_dbapi,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: SQLAlchemy's begin event below issues BEGIN.
        dbapi_connection.isolation_level = None
        apply_key(dbapi_connection, key)
        _set_pragmas(dbapi_connection, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
            raise ValueError(f"unknown BEGIN mode {mode!r}")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
