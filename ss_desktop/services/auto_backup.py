"""Automatic backups: when one is made, where it goes, how many are kept.

- **When**: at sign-out (and when the app closes) if the data changed since the newest
  backup, and at most once a day while someone stays signed in — again only after changes
  (ss_desktop.db.snapshot's *data mark*). Before every schema upgrade (services.opening) and
  before every restore (services.restore) whatever the mark says.
- **Where**: ``auto-STAMP-REASON.ssbackup`` in the backup folder, encrypted like every backup
  and verified after writing (ss_desktop.services.backup_file). When a folder on a removable
  drive is chosen in Settings and the drive is plugged in, a verified copy goes to
  ``SteppingStones-backups/<device id>/`` on it too; an absent drive is not an error.
- **How many**: the newest backup of each of the last 7 days that have one, of each of the
  last 4 weeks, and the 3 newest made before an upgrade and before a restore; then the
  oldest go until the whole set fits :data:`DEFAULT_BUDGET_BYTES` (the newest always stays).
  Backups made by hand are never removed.

A backup is a read of the database (one read transaction): saving goes on meanwhile. The UI
runs these calls off its thread (ss_desktop.ui.auto_backup).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ss_desktop.db.snapshot import data_mark
from ss_desktop.services.app import LocalApp
from ss_desktop.services.backup_file import (
    PARTIAL,
    BackupInfo,
    copy_backup,
    read_manifest,
    write_backup,
)
from ss_desktop.services.backup_names import (
    AUTO_PREFIX,
    FoundBackup,
    automatic_backup_path,
    find_backups,
)
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.messages import error_code_of

log = logging.getLogger(__name__)

SIGN_OUT = "sign-out"
DAILY = "daily"
SPECIAL_REASONS = ("before-upgrade", "before-restore")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EACH_SPECIAL = 3
DEFAULT_BUDGET_BYTES = 2 * 1024**3
DAILY_INTERVAL = timedelta(hours=24)
OVERDUE_AFTER = timedelta(days=7)
DRIVE_FOLDER = "SteppingStones-backups"
LEFTOVER_AGE_SECONDS = 600  # a partial file this old belongs to a backup that was cut short


@dataclass(frozen=True)
class AutoBackupResult:
    made: BackupInfo | None  # None: nothing changed since the newest backup
    drive_copy: Path | None = None
    drive_problem: str | None = None  # an error code: the copy to the drive failed
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class BackupStatus:
    """What Settings and the status bar say about backups."""

    last: FoundBackup | None  # the newest backup in the backup folder
    last_children: int | None
    drive_folder: Path | None  # chosen in Settings
    drive_present: bool
    last_drive_copy: FoundBackup | None
    folder: Path = field(default_factory=Path)

    def overdue(self, pending_changes: int, oldest_pending: str | None, now: datetime) -> bool:
        last = self.last.made_at if self.last is not None else None
        return backup_overdue(last, pending_changes, oldest_pending, now)


def backup_overdue(
    last: datetime | None, pending_changes: int, oldest_pending: str | None, now: datetime
) -> bool:
    """The last good backup is older than a week while changes wait to be synced (with no
    backup at all: the oldest of those changes is older than a week)."""
    if pending_changes <= 0:
        return False
    if last is not None:
        return now - last > OVERDUE_AFTER
    if not oldest_pending:
        return False
    try:
        since = datetime.fromisoformat(oldest_pending)
    except ValueError:
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return now - since > OVERDUE_AFTER


def drive_backup_folder(drive_folder: Path, device_id: str) -> Path:
    return Path(drive_folder) / DRIVE_FOLDER / (device_id or "laptop")


class AutoBackups:
    def __init__(
        self,
        app: LocalApp,
        *,
        drive_folder: Path | str | None = None,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.app = app
        self.drive_folder = Path(drive_folder) if drive_folder else None
        self.budget_bytes = budget_bytes
        self._now = now or (lambda: datetime.now(UTC))

    @property
    def folder(self) -> Path:
        return self.app.paths.backup_dir

    # -- when -------------------------------------------------------------------------------
    def due(self, reason: str) -> bool:
        """A backup for *reason* is due: the data changed since the newest backup (and, for
        the daily one, that backup is a day old)."""
        newest = self._newest_automatic()
        if newest is None:
            return True
        if reason == DAILY and self._now() - newest.made_at < DAILY_INTERVAL:
            return False
        manifest = read_manifest(newest.path)
        if manifest is None or not manifest.data_mark:
            return True
        return data_mark(self.app.paths.database, self.app.key) != manifest.data_mark

    def _newest_automatic(self) -> FoundBackup | None:
        for backup in find_backups(self.folder):
            if backup.automatic:
                return backup
        return None

    # -- making one -------------------------------------------------------------------------
    def run(self, reason: str, *, force: bool = False) -> AutoBackupResult:
        """Make the backup for *reason* if it is due (or *force*), copy it to the drive,
        rotate. Raises ServiceError (or OSError: a full disk) when the local backup fails."""
        if not force and not self.due(reason):
            return AutoBackupResult(None)
        keyring = self.app.keyring
        if keyring is None:
            raise ServiceError("backup.not_possible")
        self._remove_leftovers(self.folder)
        target = automatic_backup_path(self.folder, reason, self._now())
        info = write_backup(self.app.paths.database, self.app.key, keyring, target, reason=reason)
        removed = list(self.rotate(self.folder))
        drive_copy, drive_problem = self._copy_to_drive(info)
        if drive_copy is not None:
            removed += self.rotate(drive_copy.parent)
        return AutoBackupResult(info, drive_copy, drive_problem, tuple(removed))

    def _copy_to_drive(self, info: BackupInfo) -> tuple[Path | None, str | None]:
        if self.drive_folder is None:
            return None, None
        if not self.drive_folder.is_dir():
            return None, "backup.drive_absent"
        folder = drive_backup_folder(self.drive_folder, self.app.device_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._remove_leftovers(folder)
            return copy_backup(info, folder, self.app.key).path, None
        except (OSError, ServiceError) as exc:
            code = error_code_of(exc)[0]
            log.warning("backup copy to the removable drive failed: %s", code)
            return None, "disk.full" if code == "disk.full" else "backup.drive_failed"

    def _remove_leftovers(self, folder: Path) -> None:
        limit = time.time() - LEFTOVER_AGE_SECONDS
        for path in folder.glob(f"{AUTO_PREFIX}*"):
            name = path.name
            if (
                name.endswith(PARTIAL) or name.endswith(".verify")
            ) and path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)

    # -- how many ---------------------------------------------------------------------------
    def rotate(self, folder: Path) -> list[Path]:
        """Remove the automatic backups in *folder* that the policy no longer keeps."""
        backups = [b for b in find_backups(folder) if b.automatic]
        keep = kept_backups(backups, self.budget_bytes)
        removed = []
        for backup in backups:
            if backup.path not in keep:
                backup.path.unlink(missing_ok=True)
                removed.append(backup.path)
        if removed:
            log.info("removed %d old automatic backups", len(removed))
        return removed

    # -- what to show -----------------------------------------------------------------------
    def status(self) -> BackupStatus:
        found = find_backups(self.folder)
        last = found[0] if found else None
        manifest = read_manifest(last.path) if last is not None else None
        drive_last = None
        present = self.drive_folder is not None and self.drive_folder.is_dir()
        if present and self.drive_folder is not None:
            copies = find_backups(drive_backup_folder(self.drive_folder, self.app.device_id))
            drive_last = copies[0] if copies else None
        return BackupStatus(
            last,
            manifest.children if manifest else None,
            self.drive_folder,
            present,
            drive_last,
            self.folder,
        )


def kept_backups(backups: list[FoundBackup], budget_bytes: int) -> set[Path]:
    """Which automatic backups (newest first) the rotation keeps."""
    keep: list[FoundBackup] = []
    days: set[object] = set()
    weeks: set[object] = set()
    for backup in backups:
        local = backup.made_at.astimezone()
        day, week = local.date(), local.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.append(backup)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            if backup not in keep:
                keep.append(backup)
    for reason in SPECIAL_REASONS:
        for backup in [b for b in backups if b.reason == reason][:KEEP_EACH_SPECIAL]:
            if backup not in keep:
                keep.append(backup)
    if backups and backups[0] not in keep:
        keep.append(backups[0])
    keep.sort(key=lambda b: b.made_at, reverse=True)
    while len(keep) > 1 and sum(b.size for b in keep) > budget_bytes:
        keep.pop()  # the oldest goes first; the newest always stays
    return {b.path for b in keep}
