"""Signing in to a locked laptop: the password unwraps the database key, which opens the data.

One Argon2id derivation per sign-in (the key file's wrap); every query after it runs on the
raw key. Wrong passwords count in the key file (the database cannot be read yet) with the
same lockout as on an open database, and become audit rows at the next successful sign-in.

An unencrypted database of an older release is encrypted here, at the first sign-in after the
upgrade: the password is checked against the plain database, every account's password hash
wraps the new key (so every user can still sign in), the key file is written *before* the
database is converted (a crash in between resumes at the next sign-in), an encrypted backup
is made, and plain copies that older releases left in the backup folder are removed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from ss_desktop.config import AppPaths
from ss_desktop.db import local_users
from ss_desktop.db.audit import AuditEntry
from ss_desktop.db.codec import utc_now_iso
from ss_desktop.db.keyring import Keyring, WrongPassword, new_database_key
from ss_desktop.db.migrate import WrongKeyError, encrypt_in_place, is_plaintext
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.data_folder import check_files, load_keyring
from ss_desktop.services.errors import ServiceError, SignInError
from ss_desktop.services.lockout import MAX_FAILURES, lock_seconds
from ss_desktop.services.opening import open_data
from ss_desktop.services.recovery import ensure_recovery_wrap

log = logging.getLogger(__name__)

UNKNOWN_USER = "(unknown user)"


def unlock(paths: AppPaths, username: str, password: str) -> tuple[LocalApp, UserSession]:
    """Open the data folder at *paths* as *username*: the open app and the session."""
    app = LocalApp(paths)
    session = sign_in(app, username, password)
    return app, session


def _plain_database(app: LocalApp) -> bool:
    db = app.paths.database
    return db.exists() and db.stat().st_size > 0 and is_plaintext(db)


def sign_in(app: LocalApp, username: str, password: str) -> UserSession:
    """Open the data as *username* (or, when open already, check their password)."""
    if app.is_open:
        return Accounts(app).sign_in(username, password)
    paths = app.paths
    check_files(paths)
    if not paths.keyring.exists():  # check_files: a plain database of an older release
        _keyring_from_plain_database(app, username, password)
    keyring = load_keyring(paths)
    key = unwrap_with_lockout(keyring, username, password)
    encrypted_now = False
    if _plain_database(app):
        encrypt_in_place(paths.database, key, backup_dir=paths.backup_dir)
        _remove_plain_backups(paths.backup_dir)
        encrypted_now = True
    try:
        open_data(app, key, keyring)
    except WrongKeyError as exc:
        raise ServiceError("keyfile.not_this_database", path=str(paths.keyring)) from exc
    failed = keyring.take_failed_sign_ins()
    keyring.set_lock_state(username, 0, 0)
    keyring.save()
    entries = [
        AuditEntry(
            f["username"],
            "sign_in_failed",
            "local_user",
            None,
            {"at": f["at"], "before_unlock": True},
        )
        for f in failed
    ]
    if encrypted_now:
        entries.append(AuditEntry(username, "encrypt_database"))
    local_users.append_audit_entries(app.engine, entries)
    ensure_recovery_wrap(app)
    try:
        return Accounts(app).session_after_unlock(username)
    except ServiceError:
        app.close()
        raise


def unwrap_with_lockout(keyring: Keyring, username: str, password: str) -> bytes:
    failures, locked_until = keyring.lock_state(username)
    now = time.time()
    if locked_until > now:
        raise SignInError("sign_in.locked", seconds=int(locked_until - now) + 1)
    try:
        return keyring.unwrap(username, password)
    except WrongPassword:
        known = keyring.has_user(username)
        seconds = 0
        if known:
            failures += 1
            seconds = lock_seconds(failures)
            keyring.set_lock_state(username, failures, now + seconds if seconds else 0)
        keyring.note_failed_sign_in(username if known else UNKNOWN_USER, utc_now_iso())
        keyring.save()
        if seconds:
            raise SignInError("sign_in.locked", seconds=seconds) from None
        if known:
            raise SignInError("sign_in.failed", remaining=MAX_FAILURES - failures) from None
        raise SignInError("sign_in.failed") from None


def _keyring_from_plain_database(app: LocalApp, username: str, password: str) -> None:
    """First sign-in after the upgrade to encryption: make the key file from the accounts."""
    plain = LocalApp(app.paths)
    open_data(plain, None, None)  # schema upgrade (with its backup) happens here, still plain
    try:
        Accounts(plain).sign_in(username, password)  # the plain database's own check
        key = new_database_key()
        keyring = Keyring.create(app.paths.keyring)
        for user in local_users.list_users(plain.engine):
            if not user.active:
                continue
            try:
                keyring.wrap_for_user(user.username, user.password_hash, key)
            except ValueError:
                log.warning("account %s has an old password hash; an admin must reset it", user.id)
        keyring.save()
    finally:
        plain.close()
    log.info("key file created for the unencrypted database")


def _remove_plain_backups(backup_dir: Path) -> None:
    removed = 0
    for path in Path(backup_dir).glob("*"):
        if path.is_file() and path.stat().st_size > 0 and is_plaintext(path):
            path.unlink()
            removed += 1
    if removed:
        log.info("removed %d unencrypted backup copies", removed)
