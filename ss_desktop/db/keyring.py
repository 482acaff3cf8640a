"""The key file (``keys.json`` beside the database): the ways to reach the database key.

The database is encrypted with one random 256-bit key that never changes. The key file holds
it only wrapped (AES-256-GCM):

- once per local user, under a key derived from the user's password with Argon2id — the same
  salt and cost as the user's password hash in the database, so the hash and the wrap always
  agree. Any user can open the database; changing a password re-wraps, never re-encrypts.
- once to head office's recovery key (sealed to its X25519 public key at enrollment), so a
  laptop whose users all forgot their passwords can be recovered (docs/SECURITY.md).

It also keeps each user's wrong-password count and lock time (sign-in happens before the
database can be read) and the failed attempts not yet written to the audit log.

Wrapped values are bound (AEAD associated data) to the database id and the user name: a wrap
copied from another laptop's key file, or to another user's entry, does not open. The file is
written atomically (temporary file, fsync, rename).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ss_core.protocol.sealing import RECOVERY_PURPOSE, SealError, seal
from ss_desktop.db.engine import KEY_BYTES

FORMAT = "ss-desktop-keys"
VERSION = 1
MAX_PENDING_FAILURES = 200


class KeyFileError(Exception):
    """The key file is missing, damaged or of another kind; ``code`` names which."""

    def __init__(self, code: str, path: Path) -> None:
        super().__init__(f"{code}: {path.name}")
        self.code = code
        self.path = path


class WrongPassword(Exception):
    """The password (or user name) does not unwrap the key."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _unb64(text: object) -> bytes:
    return base64.b64decode(str(text).encode(), validate=True)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


@dataclass(frozen=True)
class Argon2Params:
    """The public half of an Argon2id PHC string: everything but the hash."""

    salt: bytes
    time_cost: int
    memory_cost: int
    parallelism: int
    hash_len: int

    @classmethod
    def from_phc(cls, phc: str) -> tuple[Argon2Params, bytes]:
        """Split ``$argon2id$v=19$m=..,t=..,p=..$salt$hash`` into parameters and raw hash."""
        parts = phc.split("$")
        if len(parts) != 6 or parts[1] != "argon2id" or parts[2] != "v=19":
            raise ValueError("not an Argon2id v19 hash")
        costs = dict(item.split("=", 1) for item in parts[3].split(","))
        raw = _unpadded(parts[5])
        params = cls(
            _unpadded(parts[4]), int(costs["t"]), int(costs["m"]), int(costs["p"]), len(raw)
        )
        return params, raw

    def derive(self, password: str) -> bytes:
        return hash_secret_raw(
            password.encode(),
            self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=self.hash_len,
            type=Type.ID,
            version=19,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "salt": _b64(self.salt),
            "t": self.time_cost,
            "m": self.memory_cost,
            "p": self.parallelism,
            "len": self.hash_len,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Argon2Params:
        return cls(
            _unb64(data["salt"]), int(data["t"]), int(data["m"]), int(data["p"]), int(data["len"])
        )


def _unpadded(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _wrapping_key(argon2_raw: bytes, username: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"ss-desktop key wrap v1\x00" + username.encode(),
    ).derive(argon2_raw)


class Keyring:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = Path(path)
        self._data = data

    # -- file ----------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> Keyring:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": secrets.token_hex(16),
            "users": {},
            "recovery": None,
            "failed_sign_ins": [],
        }
        return cls(path, data)

    @classmethod
    def load(cls, path: Path) -> Keyring:
        path = Path(path)
        if not path.exists():
            raise KeyFileError("keyfile.missing", path)
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise KeyFileError("keyfile.damaged", path) from exc
        return cls.from_data(path, data)

    @classmethod
    def from_data(cls, path: Path, data: object) -> Keyring:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError("keyfile.foreign", Path(path))
        if data.get("version") != VERSION:
            raise KeyFileError("keyfile.too_new", Path(path))
        if not isinstance(data.get("users"), dict) or not isinstance(data.get("database_id"), str):
            raise KeyFileError("keyfile.damaged", Path(path))
        data.setdefault("recovery", None)
        data.setdefault("failed_sign_ins", [])
        return cls(path, data)

    def to_bytes(self) -> bytes:
        return json.dumps(self._data, indent=1, sort_keys=True).encode()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        with partial.open("wb") as handle:
            handle.write(self.to_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(partial, 0o600)
        partial.replace(self.path)

    # -- facts ---------------------------------------------------------------------------
    @property
    def database_id(self) -> str:
        return str(self._data["database_id"])

    def usernames(self) -> list[str]:
        return sorted(self._data["users"])

    def has_user(self, username: str) -> bool:
        return username in self._data["users"]

    # -- user wraps ----------------------------------------------------------------------
    def wrap_for_user(self, username: str, password_phc: str, db_key: bytes) -> None:
        """(Re)wrap *db_key* for *username* from their Argon2id password hash (PHC string)."""
        params, raw = Argon2Params.from_phc(password_phc)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(_wrapping_key(raw, username)).encrypt(nonce, db_key, self._aad(username))
        entry = self._data["users"].get(username, {})
        entry.update({"argon2": params.as_dict(), "nonce": _b64(nonce), "wrapped": _b64(wrapped)})
        entry.setdefault("failures", 0)
        entry.setdefault("locked_until", 0)
        self._data["users"][username] = entry

    def remove_user(self, username: str) -> None:
        self._data["users"].pop(username, None)

    def unwrap(self, username: str, password: str) -> bytes:
        """The database key, or WrongPassword. Costs one Argon2id derivation."""
        entry = self._data["users"].get(username)
        if entry is None:
            raise WrongPassword()
        try:
            params = Argon2Params.from_dict(entry["argon2"])
            nonce, wrapped = _unb64(entry["nonce"]), _unb64(entry["wrapped"])
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError("keyfile.damaged", self.path) from exc
        key = _wrapping_key(params.derive(password), username)
        try:
            return AESGCM(key).decrypt(nonce, wrapped, self._aad(username))
        except InvalidTag as exc:
            raise WrongPassword() from exc

    def _aad(self, username: str) -> bytes:
        return f"{self.database_id}\x00{username}".encode()

    # -- lockout (the database is still closed when a password is wrong) ------------------
    def lock_state(self, username: str) -> tuple[int, float]:
        entry = self._data["users"].get(username) or {}
        return int(entry.get("failures", 0)), float(entry.get("locked_until", 0))

    def set_lock_state(self, username: str, failures: int, locked_until: float) -> None:
        entry = self._data["users"].get(username)
        if entry is not None:
            entry["failures"], entry["locked_until"] = failures, locked_until

    def note_failed_sign_in(self, username: str, at: str) -> None:
        """Remember a failed attempt for the audit log (written at the next successful open)."""
        pending = self._data["failed_sign_ins"]
        pending.append({"at": at, "username": username})
        del pending[:-MAX_PENDING_FAILURES]

    def take_failed_sign_ins(self) -> list[dict[str, str]]:
        pending, self._data["failed_sign_ins"] = self._data["failed_sign_ins"], []
        return list(pending)

    # -- recovery ------------------------------------------------------------------------
    def wrap_for_recovery(self, hq_public_b64: str, key_id: str, db_key: bytes) -> None:
        sealed = seal(db_key, hq_public_b64, purpose=RECOVERY_PURPOSE, aad=self._recovery_aad())
        self._data["recovery"] = {"key_id": key_id, **sealed.as_dict()}

    def recovery_entry(self) -> dict[str, str] | None:
        value = self._data.get("recovery")
        return dict(value) if isinstance(value, dict) else None

    def _recovery_aad(self) -> bytes:
        return self.database_id.encode()


__all__ = ["Keyring", "KeyFileError", "WrongPassword", "SealError", "new_database_key"]
