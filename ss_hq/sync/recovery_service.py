"""Answering a laptop's recovery request (every password on it forgotten).

The laptop sealed its database key to head office's X25519 key at enrollment; its request
carries that sealed key and a one-time reply key. Head office opens the seal with its private
key and seals the database key again to the reply key — so the answer file opens only on the
laptop that asked, and the key is never written anywhere in clear. See docs/SECURITY.md.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlmodel import Session

from ss_core.protocol.sealing import (
    RECOVERY_PURPOSE,
    RECOVERY_REPLY_PURPOSE,
    Sealed,
    SealError,
    open_sealed,
    seal,
)
from ss_hq.core.migrate import ENCRYPTION_KEY
from ss_hq.core.models import ServerKey

log = logging.getLogger(__name__)

REQUEST_FORMAT = "ss-recovery-request"
ANSWER_FORMAT = "ss-recovery-answer"


class RecoveryRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RecoveryAnswer:
    database_id: str
    data: bytes


def _key_id(public_b64: str) -> str:
    return hashlib.sha256(public_b64.encode()).hexdigest()[:16]


def answer_request(session: Session, request_bytes: bytes) -> RecoveryAnswer:
    try:
        request: Any = json.loads(request_bytes)
    except ValueError as exc:
        raise RecoveryRefused("the file is not a recovery request (not JSON)") from exc
    if not isinstance(request, dict) or request.get("format") != REQUEST_FORMAT:
        raise RecoveryRefused("the file is not a recovery request of the laptop app")
    database_id = request.get("database_id")
    entry = request.get("recovery")
    if not isinstance(database_id, str) or not isinstance(entry, dict):
        raise RecoveryRefused("the recovery request is incomplete")
    stored = session.get(ServerKey, ENCRYPTION_KEY)
    if stored is None:
        raise RecoveryRefused("head office has no keys yet: run `ss-hq migrate`")
    private = X25519PrivateKey.from_private_bytes(base64.b64decode(stored.private_key))
    public = base64.b64encode(
        private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
    ).decode()
    if entry.get("key_id") not in (None, _key_id(public)):
        raise RecoveryRefused("the laptop's key was sealed to another head office key")
    try:
        db_key = open_sealed(
            Sealed.from_dict(entry), private, purpose=RECOVERY_PURPOSE, aad=database_id.encode()
        )
        sealed = seal(
            db_key,
            str(request.get("reply_key")),
            purpose=RECOVERY_REPLY_PURPOSE,
            aad=database_id.encode(),
        )
    except SealError as exc:
        raise RecoveryRefused(f"the request does not open with head office's key ({exc})") from exc
    log.info("recovery answered for laptop database %s", database_id)
    answer = {
        "format": ANSWER_FORMAT,
        "version": 1,
        "database_id": database_id,
        "sealed": sealed.as_dict(),
    }
    return RecoveryAnswer(database_id, json.dumps(answer, indent=1).encode())
