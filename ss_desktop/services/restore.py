"""Restoring a backup: over data that opens (someone signed in), or over a data file that
does not open — empty, cut short, damaged, missing, or another laptop's.

Either way the backup is checked before anything changes (ss_desktop.services.backup_file:
whole, of this app, not of a newer version, made on this laptop), the password *as it was
when the backup was made* unwraps its key, and its database is copied beside the data file,
opened and (for an older backup) upgraded. Then:

- over data that opens, a verified automatic backup of the current data is made first
  ("before-restore"); the old data file makes way once the new one is in place;
- over a data file that does not open, the bad files are set aside (renamed
  ``…damaged-STAMP``, never deleted) and the person restoring must be a coordinator or an
  administrator *in the backup*; they are signed in at once.

The swap itself is all or nothing (ss_desktop.services.data_folder.commit_restore). Every
restore is audited.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ss_desktop.config import AppPaths
from ss_desktop.db import local_users
from ss_desktop.db.audit import AuditEntry, append_audit
from ss_desktop.db.durable import fsync_file
from ss_desktop.db.engine import DatabaseError
from ss_desktop.db.keyring import KeyFileError, Keyring, WrongPassword
from ss_desktop.db.migrate import (
    CorruptDatabaseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    WrongKeyError,
    check_database,
    checkpoint,
    encrypt_in_place,
    open_database,
)
from ss_desktop.db.snapshot import CopyCheckError
from ss_desktop.services import data_folder
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.auto_backup import DRIVE_FOLDER
from ss_desktop.services.backup_file import BackupFile, read_backup, read_manifest, write_backup
from ss_desktop.services.backup_names import automatic_backup_path, find_backups
from ss_desktop.services.data_folder import RestorePlan, commit_restore, staged
from ss_desktop.services.errors import PermissionDenied, ServiceError
from ss_desktop.services.messages import error_code_of
from ss_desktop.services.opening import open_data
from ss_desktop.services.permissions import Permission, allowed, require
from ss_desktop.services.unlock import sign_in

log = logging.getLogger(__name__)

BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did, for the message the person sees."""

    source: Path
    made_at: str | None  # when the backup was made (None: a backup of an older release)
    children: int | None  # children in the backup
    saved_previous: Path | None  # the backup of the data it replaced (when that data opened)
    set_aside: tuple[Path, ...]  # bad files renamed out of the way
    problem: str | None  # what was wrong with the data (an error code), if anything


def _check_same_laptop(paths: AppPaths, backup: BackupFile) -> None:
    """A backup of another laptop would replace this laptop's own data and identity."""
    try:
        current = Keyring.load(paths.keyring)
    except KeyFileError:
        return  # no key file (a new laptop) or a damaged one: nothing to compare with
    if not current.usernames():
        return  # a first run never finished: no data of its own yet
    if backup.database_id and backup.database_id != current.database_id:
        raise ServiceError("backup.other_laptop")


def _stage(
    paths: AppPaths, backup: BackupFile, username: str, password: str, *, check_role: bool
) -> tuple[bytes, Keyring]:
    """The backup's database and key file beside the data's, opened and checked."""
    key = backup.unwrap(username, password)
    db = staged(paths.database)
    backup.extract_database(db)
    try:
        engine = open_database(db, key, backup_dir=paths.backup_dir, before_upgrade=lambda _r: None)
    except DatabaseTooNewError as exc:
        raise ServiceError("backup.too_new", version="?") from exc
    except (WrongKeyError, CorruptDatabaseError) as exc:
        raise ServiceError("backup.damaged") from exc
    except DatabaseOpenError as exc:
        raise ServiceError("backup.not_a_backup") from exc
    try:
        if check_role:
            user = local_users.find_user(engine, username)
            if user is None or not user.active or not allowed(user.role, Permission.BACKUP):
                raise PermissionDenied(permission=str(Permission.BACKUP))
    finally:
        engine.dispose()
    checkpoint(db, key)
    fsync_file(db)
    keyring = backup.keyring(paths.keyring)
    keys = staged(paths.keyring)
    keys.write_bytes(keyring.to_bytes())
    if os.name == "posix":
        os.chmod(keys, 0o600)
    fsync_file(keys)
    return key, keyring


def _stage_plain(app: LocalApp, backup: BackupFile) -> tuple[bytes, Keyring]:
    """A plain backup of a release before encryption: encrypted with this laptop's key."""
    paths = app.paths
    key, keyring = app.key, app.keyring
    assert key is not None and keyring is not None
    db = staged(paths.database)
    backup.extract_database(db)
    try:
        encrypt_in_place(db, key, backup_dir=paths.backup_dir)
        open_database(
            db, key, backup_dir=paths.backup_dir, before_upgrade=lambda _r: None
        ).dispose()
    except DatabaseTooNewError as exc:
        raise ServiceError("backup.too_new", version="?") from exc
    except DatabaseOpenError as exc:
        raise ServiceError("backup.not_a_backup") from exc
    checkpoint(db, key)
    fsync_file(db)
    copy = Keyring(paths.keyring, json.loads(keyring.to_bytes()))
    staged(paths.keyring).write_bytes(copy.to_bytes())
    return key, copy


def _drop_uncommitted(paths: AppPaths) -> None:
    """A restore that stopped before its journal leaves nothing behind (once the journal is
    written the staged files are kept: the restore is completed at the next start)."""
    if not (paths.data_dir / data_folder.JOURNAL).exists():
        for path in (staged(paths.database), staged(paths.keyring)):
            path.unlink(missing_ok=True)


def _outcome(
    backup: BackupFile,
    saved: Path | None,
    aside: list[Path],
    problem: str | None,
) -> RestoreOutcome:
    manifest = backup.manifest
    return RestoreOutcome(
        backup.path,
        manifest.made_at if manifest else None,
        manifest.children if manifest else None,
        saved,
        tuple(aside),
        problem,
    )


def restore_signed_in(
    app: LocalApp, session: UserSession, source: Path, password: str
) -> RestoreOutcome:
    """Replace the open data with the backup *source*.

    *password* is the signed-in user's password as it was when the backup was made.
    """
    require(session.role, Permission.BACKUP)
    paths = app.paths
    backup = read_backup(Path(source).expanduser().resolve())
    try:
        if backup.plain:
            key, keyring = _stage_plain(app, backup)
        else:
            _check_same_laptop(paths, backup)
            key, keyring = _stage(paths, backup, session.username, password, check_role=False)
        old_key, old_keyring = app.key, app.keyring
        assert old_keyring is not None
        saved: Path | None = None
        why, problem = "replaced", None
        try:
            target = automatic_backup_path(paths.backup_dir, BEFORE_RESTORE)
            saved = write_backup(
                paths.database, old_key, old_keyring, target, reason=BEFORE_RESTORE
            ).path
        except (CopyCheckError, DatabaseError) as exc:  # damage found while copying it
            log.warning("the data to be replaced is damaged (%s): set aside", type(exc).__name__)
            why, problem = "damaged", "database.corrupt"
        app.close()
        stamp = data_folder.stamp_now()
        aside = commit_restore(paths, RestorePlan(why, stamp, drop_replaced=saved is not None))
    finally:
        _drop_uncommitted(paths)
    open_data(app, key, keyring)
    append_audit(
        app.engine,
        actor=session.username,
        action="restore_backup",
        detail={
            "file": backup.path.name,
            "saved_previous": saved.name if saved else None,
            "set_aside": [p.name for p in aside],
        },
    )
    log.info("restored data from a backup; previous data saved")
    return _outcome(backup, saved, aside, problem)


def diagnose_files(paths: AppPaths) -> str | None:
    """What keeps the data from opening whatever the password (an error code; a folder
    without any data is ``database.missing``), or None when its files look whole.
    Problems a backup cannot put right (a newer version's data ...) are raised."""
    try:
        if data_folder.needs_first_run(paths):
            return "database.missing"
        data_folder.check_files(paths)
    except (ServiceError, DatabaseOpenError) as exc:
        code = error_code_of(exc)[0]
        if code == "setup.not_initialized":
            return "database.missing"
        if code in data_folder.RESTORABLE_CODES:
            return code
        raise
    return None


def diagnose(paths: AppPaths, username: str, password: str) -> str | None:
    """As :func:`diagnose_files`, then the whole database checked with the key this user's
    password unwraps: None only when the data opens."""
    problem = diagnose_files(paths)
    if problem is not None:
        return problem
    keyring = data_folder.load_keyring(paths)
    try:
        key = keyring.unwrap(username, password)
    except (WrongPassword, KeyFileError) as exc:  # the data cannot be shown not to open
        raise ServiceError("restore.data_looks_whole") from exc
    try:
        check_database(paths.database, key)
    except DatabaseOpenError as exc:
        return error_code_of(exc)[0]
    return None


def restore_over_damaged(
    app: LocalApp,
    source: Path,
    username: str,
    password: str,
    *,
    problem: str | None = None,
    why: str = "damaged",
) -> tuple[UserSession, RestoreOutcome]:
    """Restore *source* where the data of the locked *app* does not open, then sign
    *username* in on the result (the app is open afterwards).

    *problem* is what an attempt to open the data found (an error code); without it the
    data folder is examined, and data that opens is refused: sign in and restore instead.
    """
    if app.is_open:
        raise ServiceError("restore.data_opens")
    paths = app.paths
    problem = problem or diagnose(paths, username, password)
    if problem is None:
        raise ServiceError("restore.data_opens")
    backup = read_backup(Path(source).expanduser().resolve())
    if backup.plain:
        raise ServiceError("backup.too_old")
    _check_same_laptop(paths, backup)
    paths.ensure()
    try:
        _stage(paths, backup, username, password, check_role=True)
        aside = commit_restore(paths, RestorePlan(why, data_folder.stamp_now(), False))
    finally:
        _drop_uncommitted(paths)
    session = sign_in(app, username, password)
    local_users.append_audit_entries(
        app.engine,
        [
            AuditEntry(
                username,
                "restore_backup",
                None,
                None,
                {
                    "file": backup.path.name,
                    "problem": problem,
                    "set_aside": [p.name for p in aside],
                },
            )
        ],
    )
    log.warning("restored a backup over a data file that did not open (%s)", problem)
    return session, _outcome(backup, None, aside, problem)


def restore_at_first_run(
    app: LocalApp, source: Path, username: str, password: str
) -> tuple[UserSession, RestoreOutcome]:
    """A new laptop (the first run has made an empty data folder) takes a backup, for
    example the one of the laptop it replaces. The empty folder's files are set aside as
    ``…unfinished-STAMP``; if the restore is refused, the new folder is open again as it was.
    """
    key, keyring = app.key, app.keyring
    app.close()
    try:
        return restore_over_damaged(
            app, source, username, password, problem="database.missing", why="unfinished"
        )
    except BaseException:
        if not app.is_open and key is not None and keyring is not None:
            open_data(app, key, keyring)  # the wizard goes on with the new, empty data
        raise


@dataclass(frozen=True)
class BackupChoice:
    """A backup the sign-in window offers (newest first)."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    children: int | None
    on_drive: bool


def available_backups(
    paths: AppPaths, drive_folder: Path | str | None = None
) -> list[BackupChoice]:
    """The backups in the backup folder and on the removable drive (when plugged in) that
    belong to this laptop's data (all of them when its key file is gone)."""
    try:
        own_id: str | None = Keyring.load(paths.keyring).database_id
    except KeyFileError:
        own_id = None
    places: list[tuple[Path, bool]] = [(paths.backup_dir, False)]
    if drive_folder and Path(drive_folder, DRIVE_FOLDER).is_dir():
        places += [(p, True) for p in Path(drive_folder, DRIVE_FOLDER).iterdir() if p.is_dir()]
    choices = []
    for folder, on_drive in places:
        for found in find_backups(folder):
            manifest = read_manifest(found.path)
            if own_id and manifest is not None and manifest.database_id != own_id:
                continue
            children = manifest.children if manifest is not None else None
            choices.append(
                BackupChoice(
                    found.path, found.made_at, found.reason, found.size, children, on_drive
                )
            )
    return sorted(choices, key=lambda c: c.made_at, reverse=True)
