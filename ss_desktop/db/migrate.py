"""Open the laptop database safely: check, back up, migrate.

:func:`open_database` refuses files that are not ours, corrupt, or newer than this app
WITHOUT writing to them (all checks run on a read-only connection), copies the file to the
backup folder before any upgrade, then runs ``alembic upgrade head``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ss_desktop.db.engine import make_engine
from ss_desktop.db.reference import load_divisions_if_empty
from ss_desktop.db.tables import APP_ID, SQLITE_APPLICATION_ID

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseOpenError(Exception):
    """Base class: the database file cannot be used."""


class NotOurDatabaseError(DatabaseOpenError):
    """The file is not SQLite, or an SQLite database of another program."""


class CorruptDatabaseError(DatabaseOpenError):
    """SQLite's quick_check found damage."""


class DatabaseTooNewError(DatabaseOpenError):
    """Written by a newer version of the app (an unknown schema revision)."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"database schema revision {revision!r} is newer than this app")
        self.revision = revision


class MigrationFailedError(DatabaseOpenError):
    """The upgrade failed; the copy made before it is at ``backup_path``."""

    def __init__(self, backup_path: Path | None, cause: BaseException) -> None:
        super().__init__(f"database upgrade failed ({type(cause).__name__}); backup: {backup_path}")
        self.backup_path = backup_path


def alembic_config(connection: object | None = None) -> Config:
    """An Alembic config whose script location is the package's migrations folder."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


# PRAGMA quick_check reads every page: ~0.5 s for 100,000 children (700 MB). It runs at every
# start for files below this size, and always before an upgrade (the backup and migration
# must not start from a damaged file). A damaged page in a large file found later, while
# reading, is reported as a damaged file too (services.messages maps "malformed").
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def _inspect_read_only(path: Path, *, thorough: bool | None = None) -> str | None:
    """Check *path* without writing to it; returns its schema revision (None = fresh file).

    *thorough* forces (True) or skips (False) the page-by-page quick_check; by default it runs
    for files up to QUICK_CHECK_MAX_BYTES.
    """
    if thorough is None:
        thorough = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        return None  # an empty file: SQLite treats it as a new database
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotOurDatabaseError(f"{path.name} is not an SQLite database")
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(str(exc)) from exc
    try:
        if thorough:
            _quick_check(conn)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(str(exc)) from exc
        if not names:
            return None  # an SQLite file with nothing in it yet
        app_id = int.from_bytes(header[68:72], "big")
        marker = None
        if "app_meta" in names:
            row = conn.execute("SELECT value FROM app_meta WHERE key = 'app_id'").fetchone()
            marker = row[0] if row else None
        if marker != APP_ID or app_id not in (0, SQLITE_APPLICATION_ID):
            raise NotOurDatabaseError(f"{path.name} belongs to another program")
        if "alembic_version" not in names:
            raise NotOurDatabaseError(f"{path.name} has no schema revision")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection) -> None:
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(str(exc)) from exc
    if check != [("ok",)]:
        raise CorruptDatabaseError(f"quick_check reported {len(check)} problem(s)")


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of *source* at *target* via SQLite's backup API (safe while the app
    writes); the copy appears under its name only when complete."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    partial.replace(target)


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the main file so the file alone holds all data."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def backup_file(path: Path, backup_dir: Path, *, label: str) -> Path:
    """A consistent, timestamped copy of the database in *backup_dir*; returns its path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{stamp}-{label}.sqlite"
    copy_database(path, target)
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.commit()


def open_database(path: Path, *, backup_dir: Path, read_only: bool = False) -> Engine:
    """Check, back up and migrate the database at *path*; returns a ready engine.

    Raises NotOurDatabaseError, CorruptDatabaseError, DatabaseTooNewError (file untouched) or
    MigrationFailedError (the backup taken before the upgrade is named in it).
    """
    path = Path(path)
    current = _inspect_read_only(path) if path.exists() else None
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(current)
    if read_only:
        if current != head:
            raise DatabaseTooNewError(current or "none")  # cannot migrate read-only
        return make_engine(path, read_only=True)

    backup_path: Path | None = None
    if current is not None and current != head:
        _inspect_read_only(path, thorough=True)  # never back up and migrate a damaged file
        backup_path = backup_file(path, Path(backup_dir), label=f"rev{current}")
        log.info("backed up the database before upgrading from revision %s", current)
    engine = make_engine(path)
    try:
        if current != head:
            upgrade(engine, "head")
        load_divisions_if_empty(engine)
    except Exception as exc:
        engine.dispose()
        log.exception("database upgrade failed")
        raise MigrationFailedError(backup_path, exc) from exc
    return engine
