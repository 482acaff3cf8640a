"""Backing up all data to a file chosen by the user, and restoring one while signed in.

A backup file (ss_desktop.services.backup_file) holds a consistent copy of the encrypted
database, made while the app runs, and the key file of that moment; it is verified after
writing. Nothing in it is readable without a password that was valid when it was made.
Restoring (ss_desktop.services.restore) asks for the restoring user's password *as it was in
the backup*, backs up the data it replaces first, then swaps the files in. Automatic backups
are ss_desktop.services.auto_backup.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ss_desktop.db.audit import append_audit
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.backup_file import write_backup
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.permissions import Permission, require
from ss_desktop.services.restore import RestoreOutcome, restore_signed_in

log = logging.getLogger(__name__)

MANUAL = "manual"


class BackupService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def backup(self, target: Path) -> Path:
        require(self.session.role, Permission.BACKUP)
        target = target.expanduser().resolve()
        if target.exists():
            raise ServiceError("backup.target_exists", path=str(target))
        keyring = self.app.keyring
        assert keyring is not None
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="backup",
            detail={"file": target.name},
        )
        info = write_backup(self.app.paths.database, self.app.key, keyring, target, reason=MANUAL)
        return info.path

    def restore(self, source: Path, password: str) -> RestoreOutcome:
        """Replace the data with *source*; *password* is the signed-in user's password as it
        was when the backup was made."""
        return restore_signed_in(self.app, self.session, source, password)
