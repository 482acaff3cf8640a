"""Recovering a laptop whose users all forgot their passwords, with head office's help.

At enrollment the database key is sealed to head office's X25519 key and kept in the key file
(:func:`ensure_recovery_wrap`; also at every sign-in, in case the laptop was enrolled before
encryption). Head office never receives the key unless asked:

1. ``ss-desktop recovery request FILE`` (no password needed) writes the sealed key with a
   fresh one-time reply key; its private half stays in the data folder.
2. Head office runs ``ss-hq recover-key FILE --out ANSWER``: it opens the sealed key and seals
   it again to the reply key, so the answer is useless to anyone but this laptop.
3. ``ss-desktop recovery apply ANSWER --admin NAME`` opens the data with the key, sets NAME's
   password (creating the admin account if needed), re-wraps the key and audits it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from ss_core.protocol.sealing import (
    RECOVERY_REPLY_PURPOSE,
    Sealed,
    SealError,
    new_private_key,
    open_sealed,
    private_from_b64,
    private_to_b64,
    public_b64,
)
from ss_desktop.config import AppPaths
from ss_desktop.db.migrate import WrongKeyError
from ss_desktop.db.sync_store import load_enrollment
from ss_desktop.services.accounts import Accounts, check_password_rules
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.data_folder import load_keyring
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.opening import open_data

log = logging.getLogger(__name__)

REQUEST_FORMAT = "ss-recovery-request"
ANSWER_FORMAT = "ss-recovery-answer"
PENDING_FILE = "recovery-pending.json"


def server_key_id(public_b64_text: str) -> str:
    return hashlib.sha256(public_b64_text.encode()).hexdigest()[:16]


def ensure_recovery_wrap(app: LocalApp) -> bool:
    """Seal the database key to head office's key once the laptop is enrolled."""
    keyring, key = app.keyring, app.key
    if keyring is None or key is None:
        return False
    public = load_enrollment(app.engine).server_encryption_key
    if not public:
        return False
    key_id = server_key_id(public)
    entry = keyring.recovery_entry()
    if entry is not None and entry.get("key_id") == key_id:
        return False
    keyring.wrap_for_recovery(public, key_id, key)
    keyring.save()
    log.info("database key sealed for recovery by head office")
    return True


def write_request(paths: AppPaths, target: Path) -> Path:
    """Step 1: the request file for head office (the data stays locked)."""
    keyring = load_keyring(paths)
    entry = keyring.recovery_entry()
    if entry is None:
        raise ServiceError("recovery.no_wrap")
    reply = new_private_key()
    pending = paths.data_dir / PENDING_FILE
    _write_private(
        pending, {"database_id": keyring.database_id, "reply_private": private_to_b64(reply)}
    )
    request = {
        "format": REQUEST_FORMAT,
        "version": 1,
        "database_id": keyring.database_id,
        "recovery": entry,
        "reply_key": public_b64(reply),
    }
    target = Path(target)
    target.write_text(json.dumps(request, indent=1))
    log.info("recovery request written")
    return target


def apply_answer(
    paths: AppPaths, answer_file: Path, *, admin: str, password: str
) -> tuple[LocalApp, UserSession]:
    """Step 3: open the data with head office's answer and give *admin* a new password."""
    check_password_rules(password)
    app = LocalApp(paths)
    keyring = load_keyring(paths)
    pending_path = paths.data_dir / PENDING_FILE
    try:
        pending = json.loads(pending_path.read_text())
        reply = private_from_b64(pending["reply_private"])
    except (OSError, ValueError, KeyError, SealError) as exc:
        raise ServiceError("recovery.no_request") from exc
    answer = _read_answer(Path(answer_file))
    if answer.get("database_id") != keyring.database_id:
        raise ServiceError("recovery.bad_file", reason="another laptop")
    try:
        key = open_sealed(
            Sealed.from_dict(answer.get("sealed")),
            reply,
            purpose=RECOVERY_REPLY_PURPOSE,
            aad=keyring.database_id.encode(),
        )
    except SealError as exc:
        raise ServiceError("recovery.bad_file", reason="does not open") from exc
    try:
        open_data(app, key, keyring)
    except WrongKeyError as exc:
        raise ServiceError("recovery.bad_file", reason="wrong key") from exc
    session = Accounts(app).recover_admin(admin, password)
    pending_path.unlink(missing_ok=True)
    log.info("data recovered with head office's answer")
    return app, session


def _read_answer(path: Path) -> dict[str, Any]:
    try:
        answer = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ServiceError("recovery.bad_file", reason="unreadable") from exc
    if not isinstance(answer, dict) or answer.get("format") != ANSWER_FORMAT:
        raise ServiceError("recovery.bad_file", reason="not an answer")
    return answer


def _write_private(path: Path, data: dict[str, str]) -> None:
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
