"""Open the laptop database safely: check, back up, migrate.

:func:`open_database` refuses files that are not ours, corrupt, or newer than this app
WITHOUT writing to them (all checks run on a read-only connection), copies the file to the
backup folder before any upgrade, then runs ``alembic upgrade head``.

Every function takes the database key (``None`` only for a plain SQLite file of a release
before encryption, which :func:`encrypt_in_place` converts). An encrypted file has no
readable header: a key that does not open it raises :class:`WrongKeyError`.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ss_desktop.db.engine import DatabaseError, connect, make_engine
from ss_desktop.db.reference import load_divisions_if_empty
from ss_desktop.db.tables import APP_ID, SQLITE_APPLICATION_ID

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseOpenError(Exception):
    """Base class: the database file cannot be used."""


class NotOurDatabaseError(DatabaseOpenError):
    """The file is not SQLite, or an SQLite database of another program."""


class WrongKeyError(NotOurDatabaseError):
    """The key does not open the file: another laptop's database, or not a database at all."""


class PlaintextDatabaseError(NotOurDatabaseError):
    """An unencrypted database (a release before encryption): migrate it with the key."""


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


@functools.cache
def head_revision() -> str:
    """The newest revision of this app (the scripts are read once per process: ~30 ms)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@functools.cache
def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


# PRAGMA quick_check reads every page: ~0.5 s for 100,000 children (700 MB). It runs at every
# start for files below this size, and always before an upgrade (the backup and migration
# must not start from a damaged file). A damaged page in a large file found later, while
# reading, is reported as a damaged file too (services.messages maps "malformed").
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def is_plaintext(path: Path) -> bool:
    """Whether *path* is an unencrypted SQLite file (an encrypted one starts with random salt)."""
    with Path(path).open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def _inspect_read_only(
    path: Path, key: bytes | None, *, thorough: bool | None = None
) -> str | None:
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
    plain = header.startswith(SQLITE_HEADER)
    if plain and key is not None:
        _check_plain_ours(path, header)
        raise PlaintextDatabaseError(f"{path.name} is not encrypted yet")
    if not plain and key is None:
        raise NotOurDatabaseError(f"{path.name} is not an SQLite database")
    size = path.stat().st_size
    if not plain and (size < 1024 or size % 512):  # encrypted pages are 4 KiB
        raise NotOurDatabaseError(f"{path.name} is not a database")
    if len(header) < 100:
        raise NotOurDatabaseError(f"{path.name} is too short to be a database")
    try:
        conn = connect(path, key, read_only=True)
    except DatabaseError as exc:
        raise CorruptDatabaseError(str(exc)) from exc
    try:
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except DatabaseError as exc:
            if not plain and "not a database" in str(exc):
                raise WrongKeyError(f"{path.name} does not open with this key") from exc
            raise CorruptDatabaseError(str(exc)) from exc
        if thorough:
            _quick_check(conn)
        if not names:
            return None  # a database with nothing in it yet
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
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


def check_database(path: Path, key: bytes | None) -> str | None:
    """Check the whole file at *path* read-only (page by page); its schema revision.

    Raises NotOurDatabaseError, WrongKeyError or CorruptDatabaseError; writes nothing.
    """
    return _inspect_read_only(Path(path), key, thorough=True)


def check_plain_database(path: Path) -> None:
    """Raise if the unencrypted file at *path* is not a database of ours, or too new."""
    current = _inspect_read_only(Path(path), None, thorough=False)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(current)


def _check_plain_ours(path: Path, header: bytes) -> None:
    """A plain SQLite file is only migrated when it is one of ours."""
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, SQLITE_APPLICATION_ID):
        raise NotOurDatabaseError(f"{path.name} belongs to another program")
    _inspect_read_only(path, None, thorough=False)


def _quick_check(conn: object) -> None:
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()  # type: ignore[attr-defined]
    except DatabaseError as exc:
        raise CorruptDatabaseError(str(exc)) from exc
    if check != [("ok",)]:
        raise CorruptDatabaseError(f"quick_check reported {len(check)} problem(s)")


def copy_database(source: Path, target: Path, key: bytes | None) -> None:
    """A consistent copy of *source* at *target* via SQLite's backup API (safe while the app
    writes), encrypted with the same key; the copy appears under its name only when complete."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = connect(source, key, read_only=True)
    try:
        dest = connect(partial, key)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    partial.replace(target)


def checkpoint(path: Path, key: bytes | None) -> None:
    """Fold the write-ahead log into the main file so the file alone holds all data."""
    conn = connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def encrypt_in_place(path: Path, key: bytes, *, backup_dir: Path) -> Path:
    """Turn the unencrypted database at *path* into an encrypted one keyed with *key*.

    The plain file is checked first; an encrypted copy is written beside it and verified
    (same tables, same row counts); an encrypted backup of it goes to *backup_dir*; only then
    does the copy replace the plain file (an atomic rename) and the plain file's WAL go.
    Until the rename the plain file is untouched, so a failure anywhere leaves it as it was.
    Returns the backup's path.
    """
    path = Path(path)
    _inspect_read_only(path, None, thorough=True)
    checkpoint(path, None)
    staged = path.with_name(path.name + ".encrypting")
    staged.unlink(missing_ok=True)
    plain = connect(path, None)
    try:
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(staged),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        app_id = plain.execute("PRAGMA application_id").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
        plain.execute(f"PRAGMA encrypted.application_id = {int(app_id)}")
        plain.execute("DETACH DATABASE encrypted")
        counts = _row_counts(plain)
    finally:
        plain.close()
    enc = connect(staged, key)
    try:
        if _row_counts(enc) != counts:
            raise DatabaseError("the encrypted copy differs from the original")
        _quick_check(enc)
    finally:
        enc.close()
    backup = backup_file(staged, Path(backup_dir), key, label="before-encryption")
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())
    staged.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    log.info("database encrypted in place")
    return backup


def _row_counts(conn: object) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    ]
    return {
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[attr-defined]
        for name in sorted(names)
    }


def backup_file(path: Path, backup_dir: Path, key: bytes | None, *, label: str) -> Path:
    """A consistent, timestamped copy of the database in *backup_dir*; returns its path."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{stamp}-{label}.sqlite"
    copy_database(path, target, key)
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.commit()


def open_database(
    path: Path,
    key: bytes | None,
    *,
    backup_dir: Path,
    read_only: bool = False,
    before_upgrade: Callable[[str], Path | None] | None = None,
) -> Engine:
    """Check, back up and migrate the database at *path*; returns a ready engine.

    The backup before an upgrade is *before_upgrade(current_revision)* when given (the
    services write a full backup file with the key file), else a copy of the database file
    in *backup_dir*.

    Raises NotOurDatabaseError, CorruptDatabaseError, DatabaseTooNewError (file untouched) or
    MigrationFailedError (the backup taken before the upgrade is named in it).
    """
    path = Path(path)
    current = _inspect_read_only(path, key) if path.exists() else None
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(current)
    if read_only:
        if current != head:
            raise DatabaseTooNewError(current or "none")  # cannot migrate read-only
        return make_engine(path, key, read_only=True)

    backup_path: Path | None = None
    if current is not None and current != head:
        _inspect_read_only(path, key, thorough=True)  # never back up and migrate a damaged file
        if before_upgrade is not None:
            backup_path = before_upgrade(current)
        else:
            backup_path = backup_file(path, Path(backup_dir), key, label=f"rev{current}")
        log.info("backed up the database before upgrading from revision %s", current)
    engine = make_engine(path, key)
    try:
        if current != head:
            upgrade(engine, "head")
        load_divisions_if_empty(engine)
    except Exception as exc:
        engine.dispose()
        log.exception("database upgrade failed")
        raise MigrationFailedError(backup_path, exc) from exc
    return engine
