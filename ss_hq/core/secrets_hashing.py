"""Tokens, enrollment codes and staff passwords: made at random, stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets

from argon2.exceptions import InvalidHashError, VerificationError

from ss_core.passwords import PASSWORDS

# Crockford-like alphabet without 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LEN = 4

_password_hasher = PASSWORDS


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_token() -> str:
    """A bearer token: 32 random bytes, URL-safe base64."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return sha256_hex(token)


def new_enrollment_code() -> str:
    """A one-time code such as ``K7QM-3XPA-R9TD`` (about 74 bits of entropy)."""
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN))
        for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups)


def normalize_code(code: str) -> str:
    """Case, spaces and dashes do not matter when a code is typed back in."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return sha256_hex(normalize_code(code))


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _password_hasher.check_needs_rehash(password_hash)
