"""Back up all data to one file, and restore it.

A backup is one file (a zip archive, stored without compression) holding a consistent copy
of the encrypted database, made with SQLite's online backup API while the app runs, and the
key file of that moment. Nothing in it is readable without a password that was valid when the
backup was made. Restoring asks for the restoring user's password *as it was in the backup*,
checks the copy opens with the key it unwraps and is a database of this app (upgrading an
older one), saves the data it replaces to the backup folder, then swaps both files in.
A plain SQLite backup of a release before encryption is still accepted: it is encrypted with
this laptop's key as it is restored.
"""

from __future__ import annotations

import json
import logging
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from ss_desktop.db.audit import append_audit
from ss_desktop.db.keyring import KeyFileError, Keyring, WrongPassword
from ss_desktop.db.migrate import (
    DatabaseOpenError,
    DatabaseTooNewError,
    checkpoint,
    copy_database,
    encrypt_in_place,
    is_plaintext,
    open_database,
)
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.permissions import Permission, require

log = logging.getLogger(__name__)

DATABASE_MEMBER = "database.sqlite3"
KEYRING_MEMBER = "keys.json"


class BackupService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def backup(self, target: Path) -> Path:
        require(self.session.role, Permission.BACKUP)
        target = target.expanduser().resolve()
        if target.exists():
            raise ServiceError("backup.target_exists", path=str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="backup",
            detail={"file": target.name},
        )
        self._write_backup(target)
        log.info("backup written (%d bytes)", target.stat().st_size)
        return target

    def _write_backup(self, target: Path) -> None:
        assert self.app.keyring is not None
        copy = target.with_name(target.name + ".db.partial")
        partial = target.with_name(target.name + ".partial")
        try:
            copy_database(self.app.paths.database, copy, self.app.key)
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr(KEYRING_MEMBER, self.app.keyring.to_bytes())
                archive.write(copy, DATABASE_MEMBER)
            partial.replace(target)
        finally:
            copy.unlink(missing_ok=True)
            partial.unlink(missing_ok=True)

    def restore(self, source: Path, password: str) -> Path:
        """Replace the data with *source*; returns where the replaced data was saved.

        *password* is the signed-in user's password as it was when the backup was made.
        """
        require(self.session.role, Permission.BACKUP)
        source = source.expanduser().resolve()
        if not source.is_file():
            raise ServiceError("backup.missing", path=str(source))
        paths = self.app.paths
        database = paths.database
        staged = database.with_name(database.name + ".restoring")
        try:
            key, keyring = self._stage(source, staged, password)
            try:  # the same checks (and upgrade, for an older backup) as opening the app
                open_database(staged, key, backup_dir=paths.backup_dir).dispose()
            except DatabaseTooNewError as exc:
                raise ServiceError("database.too_new") from exc
            except DatabaseOpenError as exc:
                raise ServiceError("backup.not_a_backup") from exc
            checkpoint(staged, key)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            paths.backup_dir.mkdir(parents=True, exist_ok=True)
            safety = paths.backup_dir / f"before-restore-{stamp}.ssbackup"
            self._write_backup(safety)
            self.app.close()
            checkpoint(database, self.app.key)
            for suffix in ("-wal", "-shm"):
                Path(str(database) + suffix).unlink(missing_ok=True)
            staged.replace(database)
        finally:
            staged.unlink(missing_ok=True)
        keyring.save()
        self.app.attach(key, keyring)
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="restore_backup",
            detail={"file": source.name, "saved_previous": safety.name},
        )
        log.info("restored data from a backup; previous data saved")
        return safety

    def _stage(self, source: Path, staged: Path, password: str) -> tuple[bytes, Keyring]:
        """Copy the backup's database to *staged*; its key and key file (or ours, for a plain
        backup of an older release)."""
        paths = self.app.paths
        if is_plaintext(source):
            assert self.app.key is not None and self.app.keyring is not None
            shutil.copyfile(source, staged)
            try:
                encrypt_in_place(staged, self.app.key, backup_dir=paths.backup_dir)
            except DatabaseOpenError as exc:
                raise ServiceError("backup.not_a_backup") from exc
            return self.app.key, Keyring(paths.keyring, json.loads(self.app.keyring.to_bytes()))
        try:
            with zipfile.ZipFile(source) as archive:
                data = json.loads(archive.read(KEYRING_MEMBER))
                keyring = Keyring.from_data(paths.keyring, data)
                with archive.open(DATABASE_MEMBER) as src, staged.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
        except (zipfile.BadZipFile, KeyError, ValueError, KeyFileError, OSError) as exc:
            raise ServiceError("backup.not_a_backup") from exc
        try:
            key = keyring.unwrap(self.session.username, password)
        except WrongPassword as exc:
            raise ServiceError("backup.wrong_password", user=self.session.username) from exc
        return key, keyring
