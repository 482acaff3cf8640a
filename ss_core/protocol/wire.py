"""Wire messages, protocol version "v1" (SYNC.md). JSON bodies, optionally zstd or gzip.

Times on the wire are integer milliseconds since the Unix epoch (UTC). Record ids are
UUIDv7 strings; HLCs are the fixed-width strings of :mod:`ss_core.protocol.hlc`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = "v1"

# Upper bounds that both sides enforce.
MAX_OPS_PER_PUSH = 2000
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_BODY_BYTES = 16 * 1024 * 1024  # decompressed
MAX_FUTURE_SKEW_MS = 24 * 3600 * 1000  # head office rejects HLCs more than a day ahead


class Entity(StrEnum):
    SITE = "site"
    PROGRAM = "program"
    CHILD = "child"
    GUARDIAN = "guardian"
    CONSENT = "consent"
    ENROLLMENT = "enrollment"
    ATTENDANCE_SESSION = "attendance_session"
    ATTENDANCE_MARK = "attendance_mark"
    AUDIT = "audit"


class OpStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    MERGED = "merged"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class ErrorCode(StrEnum):
    INVALID_CODE = "invalid_code"
    CODE_EXPIRED = "code_expired"
    DEVICE_REVOKED = "device_revoked"
    UNAUTHORIZED = "unauthorized"
    CLOCK_SKEW = "clock_skew"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_VERSION = "unsupported_version"
    UNSUPPORTED_ENCODING = "unsupported_encoding"
    VALIDATION_FAILED = "validation_failed"
    MALFORMED = "malformed"
    UNKNOWN_ENTITY = "unknown_entity"
    SEQ_GAP = "seq_gap"
    FORBIDDEN_SITE = "forbidden_site"
    NOT_FOUND = "not_found"
    CURSOR_INVALID = "cursor_invalid"


Uuid = Annotated[str, StringConstraints(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")]
HlcStr = Annotated[str, StringConstraints(min_length=24, max_length=80)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class ErrorBody(WireModel):
    code: ErrorCode
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class EnrollRequest(WireModel):
    code: Annotated[str, StringConstraints(min_length=4, max_length=64)]
    device_name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    app_version: str = ""
    protocol: Literal["v1"] = "v1"
    device_signing_key: str | None = None  # base64 Ed25519 public key (USB bundles)


class EnrollResponse(WireModel):
    device_id: Uuid
    token: str
    sites: list[str]
    server_signing_key: str  # base64 Ed25519 public key: receipts are signed with it
    server_encryption_key: str  # base64 X25519 public key: bundles are encrypted to it
    server_time: int


class PushOp(WireModel):
    device_seq: Annotated[int, Field(ge=1)]
    op_id: Uuid
    entity: Entity
    record_id: Uuid
    base_version: Annotated[int, Field(ge=0)] = 0
    hlc: HlcStr
    fields: dict[str, Any] = Field(default_factory=dict)
    deleted: bool = False


class PushRequest(WireModel):
    device_id: Uuid
    batch_id: Uuid
    ops: Annotated[list[PushOp], Field(max_length=MAX_OPS_PER_PUSH)]


class OpResult(WireModel):
    device_seq: int
    status: OpStatus
    reason: ErrorCode | None = None
    message: str | None = None
    version: int | None = None


class PushResponse(WireModel):
    results: list[OpResult]
    acked_through_seq: int
    server_time: int


class PullChange(WireModel):
    seq: int
    entity: Entity
    record_id: Uuid
    version: int
    hlc: HlcStr
    fields: dict[str, Any] = Field(default_factory=dict)
    field_hlcs: dict[str, str] = Field(default_factory=dict)
    deleted: bool = False
    erased: bool = False
    merged_into: Uuid | None = None


class PullResponse(WireModel):
    changes: list[PullChange]
    next_cursor: str
    has_more: bool
    must_refetch: bool = False
    server_time: int


class ScopeSummary(WireModel):
    """Count and checksum over (record id, version) of a device's scope."""

    count: int
    checksum: str
    server_time: int


def scope_checksum(pairs: Iterable[tuple[str, int]]) -> tuple[int, str]:
    """Order-independent count and SHA-256 checksum over (record id, version) pairs."""
    lines = sorted(f"{rid}:{version}" for rid, version in pairs)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode())
        digest.update(b"\n")
    return len(lines), digest.hexdigest()
