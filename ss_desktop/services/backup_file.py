"""The backup file: writing one that is known to restore, and reading one before trusting it.

A backup is a zip archive (stored, not compressed: the database is encrypted and would not
shrink) of three members:

- ``manifest.json``: what the backup is — when and why it was made, by which version, the
  data's id (the key file's ``database_id``) and device id, the schema revision and the row
  count of every table. No personal data: counts and ids only.
- ``keys.json``: the key file of that moment (the database key, wrapped per user);
- ``database.sqlite3``: a consistent copy of the encrypted database (ss_desktop.db.snapshot).

:func:`write_backup` writes the archive under a temporary name, then *verifies* it: reads it
back (the zip's checksums), opens the database it holds with the key, runs SQLite's
quick_check and compares the row counts with those of the copy. Only then does the file get
its name, so a backup file under its final name always restores. A failure (a full disk, a
pulled USB drive, a process killed half-way) leaves no file but the temporary one, which the
next backup removes.

:func:`read_backup` checks a file before a restore trusts it, each problem with its own code:
``backup.missing``, ``backup.not_a_backup``, ``backup.damaged`` (a truncated or altered
archive), ``backup.too_new`` (a newer app's schema or format). Backups of older releases
(no manifest; or a plain SQLite file from before encryption) are still read.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ss_core import version
from ss_desktop.db.durable import fsync_file, fsync_folder
from ss_desktop.db.engine import DatabaseError
from ss_desktop.db.keyring import KeyFileError, Keyring, WrongPassword
from ss_desktop.db.migrate import SQLITE_HEADER, known_revisions
from ss_desktop.db.snapshot import CopyCheckError, Snapshot, inspect_copy, snapshot
from ss_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)

FORMAT = "ss-desktop-backup"
VERSION = 1
MANIFEST_MEMBER = "manifest.json"
DATABASE_MEMBER = "database.sqlite3"
KEYRING_MEMBER = "keys.json"
SUFFIX = ".ssbackup"
PARTIAL = ".partial"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class BackupManifest:
    made_at: str  # UTC, ISO 8601
    reason: str  # manual, daily, sign-out, before-upgrade, before-restore
    app_version: str
    schema_revision: str | None
    database_id: str
    device_id: str
    counts: dict[str, int] = field(default_factory=dict)
    data_mark: str = ""
    format: str = FORMAT
    version: int = VERSION

    @property
    def children(self) -> int:
        return self.counts.get("child", 0)

    def as_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BackupManifest:
        counts = data.get("counts") or {}
        return cls(
            made_at=str(data.get("made_at", "")),
            reason=str(data.get("reason", "")),
            app_version=str(data.get("app_version", "")),
            schema_revision=data.get("schema_revision"),
            database_id=str(data.get("database_id", "")),
            device_id=str(data.get("device_id", "")),
            counts={str(k): int(v) for k, v in counts.items()},
            data_mark=str(data.get("data_mark", "")),
            format=str(data.get("format", "")),
            version=int(data.get("version", 0)),
        )


@dataclass(frozen=True)
class BackupInfo:
    """A backup written and verified."""

    path: Path
    manifest: BackupManifest
    size: int


def partial_name(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL)


def write_backup(
    database: Path,
    key: bytes | None,
    keyring: Keyring,
    target: Path,
    *,
    reason: str,
) -> BackupInfo:
    """Write a verified backup of *database* to *target* (which must not exist yet)."""
    target = Path(target)
    if target.exists():
        raise ServiceError("backup.target_exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = target.with_name(target.name + ".db" + PARTIAL)
    partial = partial_name(target)
    try:
        facts = snapshot(database, copy, key)
        manifest = BackupManifest(
            made_at=datetime.now(UTC).isoformat(timespec="seconds"),
            reason=reason,
            app_version=version(),
            schema_revision=facts.revision,
            database_id=keyring.database_id,
            device_id=facts.device_id,
            counts=facts.counts,
            data_mark=facts.mark,
        )
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST_MEMBER, manifest.as_json())
            archive.writestr(KEYRING_MEMBER, keyring.to_bytes())
            archive.write(copy, DATABASE_MEMBER)
        copy.unlink()
        fsync_file(partial)
        verify_backup(partial, key, facts)
        partial.replace(target)
        fsync_folder(target.parent)
    finally:
        copy.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    size = target.stat().st_size
    log.info(
        "backup written and verified (%s, %d bytes, %d children)", reason, size, facts.children
    )
    return BackupInfo(target, manifest, size)


def verify_backup(path: Path, key: bytes | None, expected: Snapshot) -> None:
    """Read the archive at *path* back and open the database in it: it must hold *expected*."""
    scratch = path.with_name(path.name + ".verify")
    try:
        backup = read_backup(path)
        backup.extract_database(scratch)
        try:
            found = inspect_copy(scratch, key)
        except CopyCheckError as exc:
            raise ServiceError("backup.verify_failed", reason=str(exc)) from exc
        if found.counts != expected.counts:
            raise ServiceError("backup.verify_failed", reason="row counts differ")
    finally:
        scratch.unlink(missing_ok=True)


def copy_backup(info: BackupInfo, folder: Path, key: bytes | None) -> BackupInfo:
    """A verified copy of the backup *info* in *folder* (a removable drive, for example)."""
    target = Path(folder) / info.path.name
    if target.exists():
        return BackupInfo(target, info.manifest, target.stat().st_size)
    partial = partial_name(target)
    try:
        with info.path.open("rb") as src, partial.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        verify_backup(partial, key, Snapshot(info.manifest.counts, info.manifest.data_mark, None))
        partial.replace(target)
        fsync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(target, info.manifest, target.stat().st_size)


def read_manifest(path: Path) -> BackupManifest | None:
    """The manifest of the backup at *path* (None for a backup without one)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return BackupManifest.from_dict(json.loads(archive.read(MANIFEST_MEMBER)))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


# -- reading --------------------------------------------------------------------------------
@dataclass
class BackupFile:
    """A backup file that looks whole; nothing in it is trusted before :meth:`unwrap`."""

    path: Path
    manifest: BackupManifest | None  # None: a backup of a release before manifests
    keyring_data: dict[str, Any] | None  # None: a plain database from before encryption

    @property
    def plain(self) -> bool:
        return self.keyring_data is None

    @property
    def database_id(self) -> str | None:
        if self.keyring_data is None:
            return None
        return str(self.keyring_data.get("database_id") or "") or None

    def keyring(self, path: Path) -> Keyring:
        """The backup's key file, to be saved at *path*."""
        assert self.keyring_data is not None
        try:
            return Keyring.from_data(path, json.loads(json.dumps(self.keyring_data)))
        except KeyFileError as exc:
            code = "backup.too_new" if exc.code == "keyfile.too_new" else "backup.damaged"
            raise ServiceError(code, version="?") from exc

    def usernames(self) -> list[str]:
        if self.keyring_data is None:
            return []
        users = self.keyring_data.get("users")
        return sorted(users) if isinstance(users, dict) else []

    def unwrap(self, username: str, password: str) -> bytes:
        """The database key, with *username*'s password as it was when the backup was made."""
        keyring = self.keyring(self.path)
        try:
            return keyring.unwrap(username, password)
        except WrongPassword as exc:
            raise ServiceError("backup.wrong_password", user=username) from exc
        except KeyFileError as exc:
            raise ServiceError("backup.damaged") from exc

    def extract_database(self, target: Path) -> None:
        """Write the database in the backup to *target* (checksums verified)."""
        target = Path(target)
        try:
            if self.plain:
                shutil.copyfile(self.path, target)
                return
            with (
                zipfile.ZipFile(self.path) as archive,
                archive.open(DATABASE_MEMBER) as src,
                target.open("wb") as dst,
            ):
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
        except (zipfile.BadZipFile, KeyError, EOFError, ValueError) as exc:
            target.unlink(missing_ok=True)
            raise ServiceError("backup.damaged") from exc


def read_backup(source: Path) -> BackupFile:
    """Check *source* is a whole backup of this app (or of an older release)."""
    source = Path(source)
    if not source.is_file():
        raise ServiceError("backup.missing", path=str(source))
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return BackupFile(source, None, None)  # a plain backup of a release before encryption
    if not head.startswith(ZIP_MAGIC):
        raise ServiceError("backup.not_a_backup")
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            manifest = _manifest(archive) if MANIFEST_MEMBER in names else None
            if not {KEYRING_MEMBER, DATABASE_MEMBER} <= names:
                if manifest is not None:
                    raise ServiceError("backup.damaged")
                raise ServiceError("backup.not_a_backup")
            keyring_data = json.loads(archive.read(KEYRING_MEMBER))
            info = archive.getinfo(DATABASE_MEMBER)
    except zipfile.BadZipFile as exc:  # an archive cut short: its directory at the end is gone
        raise ServiceError("backup.damaged") from exc
    except (ValueError, EOFError, OSError) as exc:
        raise ServiceError("backup.damaged") from exc
    if not isinstance(keyring_data, dict):
        raise ServiceError("backup.damaged")
    if keyring_data.get("format") not in (None, "ss-desktop-keys"):
        raise ServiceError("backup.not_a_backup")
    if isinstance(keyring_data.get("version"), int) and keyring_data["version"] > 1:
        raise ServiceError("backup.too_new", version=manifest.app_version if manifest else "?")
    if info.file_size < 1024:
        raise ServiceError("backup.damaged")
    return BackupFile(source, manifest, keyring_data)


def _manifest(archive: zipfile.ZipFile) -> BackupManifest:
    try:
        data = json.loads(archive.read(MANIFEST_MEMBER))
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ServiceError("backup.damaged") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ServiceError("backup.not_a_backup")
    manifest = BackupManifest.from_dict(data)
    revision = manifest.schema_revision
    if manifest.version > VERSION or (revision is not None and revision not in known_revisions()):
        raise ServiceError("backup.too_new", version=manifest.app_version)
    return manifest


def check_database_error(exc: BaseException) -> ServiceError:
    """The message for a backup's database that does not open (after the key unwrapped)."""
    if isinstance(exc, DatabaseError | CopyCheckError):
        return ServiceError("backup.damaged")
    return ServiceError("backup.not_a_backup")
