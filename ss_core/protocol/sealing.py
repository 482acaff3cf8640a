"""Sealing a small secret to an X25519 public key (the laptop's database key to head office's
recovery key, and back to a laptop's one-time reply key).

ECIES: a fresh ephemeral X25519 key agrees a secret with the recipient's key; HKDF-SHA256
(info = purpose + both public keys) makes an AES-256-GCM key; *aad* binds the sealed value to
its context (e.g. the database id), so a sealed key cannot be replayed for another database.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# The laptop's database key sealed to head office's X25519 key (the recovery wrap), and back.
RECOVERY_PURPOSE = b"ss-desktop database key recovery v1"
RECOVERY_REPLY_PURPOSE = b"ss-desktop database key recovery reply v1"


class SealError(ValueError):
    """A sealed value that does not open: wrong key, altered bytes, or another context."""


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _unb64(text: object) -> bytes:
    try:
        return base64.b64decode(str(text).encode(), validate=True)
    except (ValueError, TypeError) as exc:
        raise SealError("not base64") from exc


def _derive(shared: bytes, purpose: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=purpose + ephemeral + recipient
    ).derive(shared)


@dataclass(frozen=True)
class Sealed:
    ephemeral: str  # base64 raw X25519 public key
    nonce: str
    ciphertext: str

    def as_dict(self) -> dict[str, str]:
        return {"ephemeral": self.ephemeral, "nonce": self.nonce, "ciphertext": self.ciphertext}

    @classmethod
    def from_dict(cls, data: object) -> Sealed:
        if not isinstance(data, dict):
            raise SealError("not a sealed value")
        try:
            return cls(str(data["ephemeral"]), str(data["nonce"]), str(data["ciphertext"]))
        except KeyError as exc:
            raise SealError("a part is missing") from exc


def new_private_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def private_to_b64(key: X25519PrivateKey) -> str:
    return _b64(
        key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )


def private_from_b64(text: str) -> X25519PrivateKey:
    try:
        return X25519PrivateKey.from_private_bytes(_unb64(text))
    except ValueError as exc:
        raise SealError("not a private key") from exc


def public_b64(key: X25519PrivateKey) -> str:
    return _b64(_raw_public(key.public_key()))


def seal(secret: bytes, recipient_b64: str, *, purpose: bytes, aad: bytes) -> Sealed:
    try:
        recipient = X25519PublicKey.from_public_bytes(_unb64(recipient_b64))
    except ValueError as exc:
        raise SealError("not a public key") from exc
    ephemeral = X25519PrivateKey.generate()
    eph_raw = _raw_public(ephemeral.public_key())
    key = _derive(ephemeral.exchange(recipient), purpose, eph_raw, _raw_public(recipient))
    nonce = os.urandom(12)
    return Sealed(_b64(eph_raw), _b64(nonce), _b64(AESGCM(key).encrypt(nonce, secret, aad)))


def open_sealed(sealed: Sealed, private: X25519PrivateKey, *, purpose: bytes, aad: bytes) -> bytes:
    try:
        eph_raw = _unb64(sealed.ephemeral)
        ephemeral = X25519PublicKey.from_public_bytes(eph_raw)
        key = _derive(
            private.exchange(ephemeral), purpose, eph_raw, _raw_public(private.public_key())
        )
        return AESGCM(key).decrypt(_unb64(sealed.nonce), _unb64(sealed.ciphertext), aad)
    except (InvalidTag, ValueError) as exc:
        raise SealError("the sealed value does not open with this key") from exc
