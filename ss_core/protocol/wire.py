"""Wire messages, protocol version "v1" (docs/design/sync.md). JSON bodies, optionally zstd or gzip.

Times on the wire are integer milliseconds since the Unix epoch (UTC). Record ids are
UUIDv7 strings; HLCs are the fixed-width strings of :mod:`ss_core.protocol.hlc`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = "v1"

# Upper bounds that both sides enforce.
MAX_OPS_PER_PUSH = 2000
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_BODY_BYTES = 16 * 1024 * 1024  # decompressed
MAX_FUTURE_SKEW_MS = 24 * 3600 * 1000  # head office rejects HLCs more than a day ahead
# Integers on the wire fit a signed 64-bit column (SQLite INTEGER, PostgreSQL BIGINT).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# A NUL or any UTF-16 surrogate code point (in a Python str, always a lone one): JSON encoders
# and UTF-8 text columns cannot hold a lone surrogate, PostgreSQL no NUL.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(value: str) -> bool:
    """A string of Unicode scalar values without NUL. (UTF-8 encoding refuses exactly the
    surrogates, and is several times faster than a search.)"""
    if "\x00" in value:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unstorable_replaced(value: str) -> str:
    """*value* with each NUL and lone surrogate replaced by U+FFFD (for display only)."""
    return _UNSTORABLE.sub("\ufffd", value)


UNSTORABLE_TEXT = "text must not hold a NUL character or a lone surrogate"


def _storable(value: str) -> str:
    if not storable_text(value):
        raise ValueError(UNSTORABLE_TEXT)
    return value


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
    BUSY = "busy"  # 503: head office is busy; try again after Retry-After seconds
    INTERNAL_ERROR = "internal_error"  # 500: a fault of head office's, logged there
    SITE_CLOSED = "site_closed"  # a new child at a site head office closed


Uuid = Annotated[str, StringConstraints(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")]
HlcStr = Annotated[str, StringConstraints(min_length=24, max_length=80)]
# Free text of the envelope (names, audit rows): storable (see storable_text).
Text = Annotated[str, AfterValidator(_storable)]
# A device_seq, an audit row id ...: positive and inside a 64-bit column.
PositiveInt64 = Annotated[int, Field(ge=1, le=INT64_MAX)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class ErrorBody(WireModel):
    code: ErrorCode
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class EnrollRequest(WireModel):
    code: Annotated[Text, StringConstraints(min_length=4, max_length=64)]
    device_name: Annotated[Text, StringConstraints(min_length=1, max_length=120)]
    app_version: Annotated[Text, StringConstraints(max_length=200)] = ""
    protocol: Literal["v1"] = "v1"
    # base64 Ed25519 public key (USB bundles)
    device_signing_key: Annotated[Text, StringConstraints(max_length=200)] | None = None


class EnrollResponse(WireModel):
    device_id: Uuid
    token: str
    sites: list[str]
    server_signing_key: str  # base64 Ed25519 public key: receipts are signed with it
    server_encryption_key: str  # base64 X25519 public key: bundles are encrypted to it
    server_time: int


class PushOp(WireModel):
    device_seq: PositiveInt64
    op_id: Uuid
    entity: Entity
    record_id: Uuid
    base_version: Annotated[int, Field(ge=0, le=INT64_MAX)] = 0
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
    return scope_checksum_of_lines([f"{rid}:{version}" for rid, version in pairs])


def scope_checksum_of_lines(lines: list[str]) -> tuple[int, str]:
    """The same from ready-made "id:version" lines (sorted here, in place): SHA-256 over each
    line followed by a newline, in sorted order."""
    lines.sort()
    text = "\n".join(lines) + "\n" if lines else ""
    return len(lines), hashlib.sha256(text.encode()).hexdigest()


# ------------------------------------------------------------------ audit log upload

MAX_AUDIT_ROWS_PER_UPLOAD = 2000
HashStr = Annotated[str, StringConstraints(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]


class AuditRow(WireModel):
    """One row of a laptop's hash-chained audit log, exactly as stored there (``detail`` is
    the JSON text the hash covers; it names fields and counts, never personal values)."""

    id: PositiveInt64
    at: Annotated[Text, StringConstraints(min_length=1, max_length=40)]
    actor: Annotated[Text, StringConstraints(max_length=120)]
    action: Annotated[Text, StringConstraints(min_length=1, max_length=40)]
    entity: Annotated[Text, StringConstraints(max_length=40)] | None = None
    record_id: Annotated[Text, StringConstraints(max_length=64)] | None = None
    detail: Annotated[Text, StringConstraints(max_length=4_000_000)] = "{}"
    prev_hash: HashStr
    hash: HashStr


class AuditUploadRequest(WireModel):
    """``POST /api/v1/audit``: audit rows head office has not acknowledged, oldest first.

    ``local_broken_at`` is the first row id at which the laptop's own check of its whole
    chain fails (None: it verifies), so an edit of a row sent earlier is reported too."""

    device_id: Uuid
    rows: Annotated[list[AuditRow], Field(max_length=MAX_AUDIT_ROWS_PER_UPLOAD)]
    local_broken_at: PositiveInt64 | None = None


class AuditUploadResponse(WireModel):
    """Every row received is kept (evidence is never thrown away); a chain that does not
    verify is flagged on the device for staff, with ``problem`` and a human ``message``."""

    acked_through_id: int  # rows up to this id are held by head office
    stored: int
    duplicates: int
    chain_ok: bool
    broken_at_id: int | None = None
    problem: str | None = None
    message: str | None = None
    server_time: int
