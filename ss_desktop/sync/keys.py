"""Key material of the sync client, as base64 of the raw key bytes (the wire form)."""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from ss_desktop.sync.errors import SyncError


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def unb64(text: str, *, code: str = "bad_response") -> bytes:
    try:
        return base64.b64decode(text.encode(), validate=True)
    except (binascii.Error, ValueError, AttributeError) as exc:
        raise SyncError(code, detail="base64") from exc


def new_signing_key() -> str:
    """A fresh Ed25519 private key (base64 raw)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return b64(raw)


def signing_key(private_b64: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(unb64(private_b64, code="not_enrolled"))


def public_of(private_b64: str) -> str:
    public = signing_key(private_b64).public_key()
    return b64(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def verify_key(public_b64: str, *, code: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(unb64(public_b64, code=code))
    except ValueError as exc:
        raise SyncError(code, detail="key") from exc


def encryption_key(public_b64: str, *, code: str = "not_enrolled") -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(unb64(public_b64, code=code))
    except ValueError as exc:
        raise SyncError(code, detail="key") from exc


def key_id(public_b64: str) -> str:
    """A short name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_b64.encode()).hexdigest()[:16]
