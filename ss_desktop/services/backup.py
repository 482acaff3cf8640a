"""Back up all data to one file, and restore it.

A backup is a consistent SQLite copy made with SQLite's online backup API (safe while the
app runs). Restoring first checks the file is a database of this app, then saves the data
it replaces to the backup folder, then swaps the file in.
"""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

from ss_desktop.db.audit import append_audit
from ss_desktop.db.migrate import (
    DatabaseOpenError,
    DatabaseTooNewError,
    checkpoint,
    copy_database,
    open_database,
)
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.permissions import Permission, require

log = logging.getLogger(__name__)


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
        copy_database(self.app.paths.database, target)
        log.info("backup written (%d bytes)", target.stat().st_size)
        return target

    def restore(self, source: Path) -> Path:
        """Replace the data with *source*; returns where the replaced data was saved."""
        require(self.session.role, Permission.BACKUP)
        source = source.expanduser().resolve()
        if not source.is_file():
            raise ServiceError("backup.missing", path=str(source))
        database = self.app.paths.database
        staged = database.with_name(database.name + ".restoring")
        shutil.copyfile(source, staged)
        try:  # the same checks (and upgrade, for an older backup) as opening the app
            open_database(staged, backup_dir=self.app.paths.backup_dir).dispose()
        except DatabaseTooNewError as exc:
            staged.unlink(missing_ok=True)
            raise ServiceError("database.too_new") from exc
        except DatabaseOpenError as exc:
            staged.unlink(missing_ok=True)
            raise ServiceError("backup.not_a_backup") from exc
        checkpoint(staged)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        safety = self.app.paths.backup_dir / f"before-restore-{stamp}.sqlite3"
        self.app.paths.backup_dir.mkdir(parents=True, exist_ok=True)
        copy_database(database, safety)
        self.app.close()
        checkpoint(database)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        staged.replace(database)
        reopened = LocalApp.open(self.app.paths)
        append_audit(
            reopened.engine,
            actor=self.session.username,
            action="restore_backup",
            detail={"file": source.name, "saved_previous": safety.name},
        )
        reopened.close()
        log.info("restored data from a backup; previous data saved")
        return safety
