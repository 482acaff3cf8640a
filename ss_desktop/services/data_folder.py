"""What the data folder holds before anyone signs in, and the files set aside in it.

Before a password is asked for, :func:`check_files` refuses what cannot open whatever the
password: a damaged or foreign key file, an encrypted database without its key file, a plain
database of another program or of a newer version, and — the cases a power cut or a failing
disk leaves — a data file that is empty (0 bytes), cut short, or gone while its key file
still names users. Those last ones are :class:`DataFileError`; the sign-in window and
``ss-desktop restore`` offer a backup for them (ss_desktop.services.restore). Nothing here
overwrites a data file: a file that must make way is renamed (:func:`set_aside`), never
deleted.

A restore replaces the data file and the key file together. It stages both beside the old
ones, writes a journal, then renames; :func:`finish_interrupted_restore` completes a restore
whose process died after the journal was written (and drops the staged copies of one that
died before), so a restore is all or nothing even when the laptop loses power half-way.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ss_desktop.config import AppPaths
from ss_desktop.db.durable import fsync_file, fsync_folder
from ss_desktop.db.keyring import KeyFileError, Keyring
from ss_desktop.db.migrate import NotOurDatabaseError, check_plain_database, is_plaintext
from ss_desktop.services.errors import ServiceError, SetupError

log = logging.getLogger(__name__)

JOURNAL = "restore-journal.json"
STAGED_SUFFIX = ".restoring"
DATABASE_COMPANIONS = ("-wal", "-shm")  # SQLite's files beside the database


class DataFileError(ServiceError):
    """The data file is empty, cut short, unreadable or missing: restore a backup.

    Codes: ``database.empty``, ``database.corrupt``, ``database.missing``.
    """

    code = "database.corrupt"


# Codes of the problems a backup can put right (the data file itself is bad or not ours).
RESTORABLE_CODES = frozenset(
    {
        "database.empty",
        "database.corrupt",
        "database.missing",
        "database.not_ours",
        "keyfile.not_this_database",
        "keyfile.missing",
        "keyfile.damaged",
    }
)


def offers_restore(paths: AppPaths, code: str) -> bool:
    """Whether the problem *code* is one a backup puts right in this folder: a data file
    that does not open, in a folder that is ours (a key file or backups in it; a folder
    holding only another program's file is refused, not offered a restore)."""
    if code not in RESTORABLE_CODES:
        return False
    if code != "database.not_ours" or paths.keyring.exists():
        return True
    backups = paths.backup_dir
    return backups.is_dir() and any(p.suffix == ".ssbackup" for p in backups.iterdir())


def stamp_now() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def set_aside(path: Path, why: str, stamp: str | None = None) -> Path:
    """Rename *path* out of the way (never delete data): ``NAME.WHY-STAMP``; returns it."""
    target = path.with_name(f"{path.name}.{why}-{stamp or stamp_now()}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp or stamp_now()}-{n}")
    path.replace(target)
    log.info("set aside %s as %s (%s)", path.name, target.name, why)
    return target


def load_keyring(paths: AppPaths) -> Keyring:
    try:
        return Keyring.load(paths.keyring)
    except KeyFileError as exc:
        raise ServiceError(exc.code, path=str(exc.path)) from exc


def keyring_users(paths: AppPaths) -> list[str]:
    """The user names of the key file; [] without a readable one."""
    try:
        return Keyring.load(paths.keyring).usernames()
    except KeyFileError:
        return []


def needs_first_run(paths: AppPaths) -> bool:
    """No account yet: no data at all, or a first run that was left unfinished (a key file
    without a user). An older unencrypted database has accounts: it needs a sign-in."""
    finish_interrupted_restore(paths)
    if paths.keyring.exists():
        try:
            return not Keyring.load(paths.keyring).usernames()
        except KeyFileError:
            return False  # check_files says what is wrong with it
    db = paths.database
    return not db.exists() or db.stat().st_size == 0


def encrypted_size_is_whole(size: int) -> bool:
    """An encrypted database is made of 4 KiB pages: any other size was cut short."""
    return size >= 1024 and size % 512 == 0


def check_files(paths: AppPaths) -> None:
    """Before asking for a password: refuse at once a data folder that cannot open.

    Nothing is written (beyond completing a restore that was interrupted).
    """
    finish_interrupted_restore(paths)
    db = paths.database
    users: list[str] = []
    if paths.keyring.exists():
        users = load_keyring(paths).usernames()
    if not db.exists():
        if users:  # the key file names users, so there was a data file
            raise DataFileError("database.missing", path=str(db))
        if not paths.keyring.exists():
            raise SetupError("setup.not_initialized", path=str(paths.data_dir))
        return  # a first run left unfinished
    size = db.stat().st_size
    if size == 0:
        if users:
            raise DataFileError("database.empty", path=str(db))
        if not paths.keyring.exists():
            raise SetupError("setup.not_initialized", path=str(paths.data_dir))
        return
    if is_plaintext(db):
        check_plain_database(db)
        return
    if not encrypted_size_is_whole(size):
        if paths.keyring.exists():
            raise DataFileError("database.corrupt", path=str(db))
        raise NotOurDatabaseError(f"{db.name} is not a database")
    if not paths.keyring.exists():
        raise ServiceError("keyfile.missing", path=str(paths.keyring))


# -- restoring: staged files, the journal, and completing it -------------------------------
def staged(path: Path) -> Path:
    return path.with_name(path.name + STAGED_SUFFIX)


@dataclass(frozen=True)
class RestorePlan:
    """What a committed restore renames: the old files get ``.WHY-STAMP``; with
    ``drop_replaced`` (a healthy database, saved in a verified backup first) the old data
    file is removed once the new one is in place."""

    why: str
    stamp: str
    drop_replaced: bool

    def as_json(self) -> str:
        return json.dumps(
            {"why": self.why, "stamp": self.stamp, "drop_replaced": self.drop_replaced}
        )


def commit_restore(paths: AppPaths, plan: RestorePlan) -> list[Path]:
    """Swap the staged data file and key file in (both already complete and on disk).

    The journal is written first; from then on the swap is completed even if this process
    dies (:func:`finish_interrupted_restore`). Returns the files set aside.
    """
    missing = [p.name for p in (staged(paths.database), staged(paths.keyring)) if not p.exists()]
    if missing:
        raise FileNotFoundError(f"staged files missing: {missing}")
    journal = paths.data_dir / JOURNAL
    partial = journal.with_name(JOURNAL + ".partial")
    partial.write_text(plan.as_json(), encoding="utf-8")
    fsync_file(partial)
    partial.replace(journal)
    fsync_folder(paths.data_dir)
    return _apply_journal(paths, plan)


def _apply_journal(paths: AppPaths, plan: RestorePlan) -> list[Path]:
    aside: list[Path] = []
    db, keys = paths.database, paths.keyring
    if staged(db).exists():
        # the old database's log goes with it: never replayed into the restored file
        for suffix in (*DATABASE_COMPANIONS, ""):
            old = Path(str(db) + suffix)
            if old.exists():
                aside.append(set_aside(old, plan.why, plan.stamp))
        staged(db).replace(db)
    if staged(keys).exists():
        if keys.exists():
            aside.append(set_aside(keys, plan.why, plan.stamp))
        staged(keys).replace(keys)
    fsync_folder(paths.data_dir)
    if plan.drop_replaced:
        for suffix in (*DATABASE_COMPANIONS, ""):
            for old in paths.data_dir.glob(f"{db.name}{suffix}.{plan.why}-{plan.stamp}*"):
                old.unlink(missing_ok=True)
        aside = [p for p in aside if p.exists()]
    (paths.data_dir / JOURNAL).unlink(missing_ok=True)
    fsync_folder(paths.data_dir)
    return aside


def finish_interrupted_restore(paths: AppPaths) -> bool:
    """Complete a restore whose journal was written. (The staged copies of a restore that
    stopped before its journal are left alone: the next restore writes over them.)"""
    journal = paths.data_dir / JOURNAL
    if not journal.exists():
        return False
    data = json.loads(journal.read_text(encoding="utf-8"))
    plan = RestorePlan(str(data["why"]), str(data["stamp"]), bool(data["drop_replaced"]))
    _apply_journal(paths, plan)
    log.warning("completed a restore that was interrupted")
    return True
