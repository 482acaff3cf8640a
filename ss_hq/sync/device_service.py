"""Enrollment codes, device enrollment, bearer-token authentication and revocation."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, select

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import EnrollRequest, EnrollResponse, ErrorCode
from ss_hq.core.errors import ServiceError
from ss_hq.core.migrate import ENCRYPTION_KEY, SIGNING_KEY
from ss_hq.core.models import Device, EnrollmentCode, ServerKey
from ss_hq.core.secrets_hashing import code_hash, new_enrollment_code, new_token, token_hash
from ss_hq.core.staff_audit import CLI_ACTOR, Action, clean_reason, record_action

log = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000
DEFAULT_CODE_LIFETIME_MS = 7 * DAY_MS
CODE_REF_CHARS = 12


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    site_ids: list[str]
    app_version: str
    created_at: int
    last_seen_at: int | None
    revoked_at: int | None
    acked_seq: int


def _info(device: Device) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        name=device.name,
        site_ids=list(device.site_ids),
        app_version=device.app_version,
        created_at=device.created_at,
        last_seen_at=device.last_seen_at,
        revoked_at=device.revoked_at,
        acked_seq=device.acked_seq,
    )


def create_enrollment_code(
    session: Session,
    site_ids: list[str],
    *,
    now: int,
    lifetime_ms: int = DEFAULT_CODE_LIFETIME_MS,
    actor: str = CLI_ACTOR,
) -> str:
    """Store a fresh one-time code (hashed) for *site_ids* and return it in clear, once."""
    if not site_ids:
        raise ValueError("an enrollment code needs at least one site")
    code = new_enrollment_code()
    hashed = code_hash(code)
    session.add(
        EnrollmentCode(
            code_hash=hashed,
            site_ids=list(site_ids),
            created_at=now,
            expires_at=now + lifetime_ms,
        )
    )
    record_action(
        session,
        actor=actor,
        action=Action.ISSUE_CODE,
        now=now,
        entity="enrollment_code",
        record_id=code_ref(hashed),
        detail={"sites": list(site_ids), "days": round(lifetime_ms / DAY_MS, 1)},
    )
    session.commit()
    return code


def code_ref(hashed: str) -> str:
    """How pages and the audit log name a code: the start of its hash (never the code)."""
    return hashed[:CODE_REF_CHARS]


@dataclass(frozen=True)
class PendingCode:
    ref: str
    site_ids: list[str]
    created_at: int
    expires_at: int


def pending_codes(session: Session, *, now: int) -> list[PendingCode]:
    codes = session.exec(
        select(EnrollmentCode)
        .where(col(EnrollmentCode.used_at).is_(None))
        .where(col(EnrollmentCode.expires_at) > now)
        .order_by(col(EnrollmentCode.created_at).desc())
    ).all()
    return [
        PendingCode(code_ref(c.code_hash), list(c.site_ids), c.created_at, c.expires_at)
        for c in codes
    ]


def cancel_code(session: Session, ref: str, *, actor: str, now: int) -> PendingCode:
    """Cancel a pending code: a laptop using it is told it expired."""
    ref = ref.strip().lower()
    if len(ref) != CODE_REF_CHARS or not all(c in "0123456789abcdef" for c in ref):
        raise ServiceError(ErrorCode.NOT_FOUND, "no such pending code", status=404)
    code = session.exec(
        select(EnrollmentCode)
        .where(col(EnrollmentCode.code_hash).startswith(ref))
        .where(col(EnrollmentCode.used_at).is_(None))
        .where(col(EnrollmentCode.expires_at) > now)
    ).first()
    if code is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "no such pending code", status=404)
    pending = PendingCode(ref, list(code.site_ids), code.created_at, code.expires_at)
    code.expires_at = now
    session.add(code)
    record_action(
        session,
        actor=actor,
        action=Action.CANCEL_CODE,
        now=now,
        entity="enrollment_code",
        record_id=ref,
        detail={"sites": list(code.site_ids)},
    )
    session.commit()
    return pending


def server_public_keys(session: Session) -> tuple[str, str]:
    keys = {k.kind: k.public_key for k in session.exec(select(ServerKey)).all()}
    if SIGNING_KEY not in keys or ENCRYPTION_KEY not in keys:
        raise RuntimeError("head office has no keys yet: run `ss-hq migrate`")
    return keys[SIGNING_KEY], keys[ENCRYPTION_KEY]


def enroll(session: Session, request: EnrollRequest, *, now: int) -> EnrollResponse:
    """Spend a one-time code: a new device with a bearer token (returned once, kept hashed)."""
    hashed = code_hash(request.code)
    code = session.get(EnrollmentCode, hashed)
    if code is None or code.used_at is not None:
        raise ServiceError(
            ErrorCode.INVALID_CODE,
            "this enrollment code is unknown or was already used; ask head office for a new one",
            status=400,
        )
    if code.expires_at <= now:
        raise ServiceError(
            ErrorCode.CODE_EXPIRED,
            "this enrollment code has expired; ask head office for a new one",
            status=400,
        )
    device_id = new_id()
    # Spend the code atomically: of two laptops racing with one code, exactly one wins.
    spent = session.execute(
        update(EnrollmentCode)
        .where(col(EnrollmentCode.code_hash) == hashed)
        .where(col(EnrollmentCode.used_at).is_(None))
        .values(used_at=now, device_id=device_id)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise ServiceError(
            ErrorCode.INVALID_CODE, "this enrollment code was already used", status=400
        )
    token = new_token()
    signing, encryption = server_public_keys(session)
    session.add(
        Device(
            id=device_id,
            name=request.device_name,
            token_hash=token_hash(token),
            site_ids=list(code.site_ids),
            app_version=request.app_version[:64],
            signing_key=request.device_signing_key,
            created_at=now,
            last_seen_at=now,
        )
    )
    session.commit()
    log.info("device %s enrolled for %d site(s)", device_id, len(code.site_ids))
    return EnrollResponse(
        device_id=device_id,
        token=token,
        sites=list(code.site_ids),
        server_signing_key=signing,
        server_encryption_key=encryption,
        server_time=now,
    )


def authenticate(session: Session, token: str | None) -> Device:
    """The device a bearer token belongs to, or a 401 refusal with its code."""
    if not token:
        raise ServiceError(
            ErrorCode.UNAUTHORIZED, "a bearer token is required; enroll this device", status=401
        )
    device = session.exec(select(Device).where(Device.token_hash == token_hash(token))).first()
    if device is None:
        raise ServiceError(ErrorCode.UNAUTHORIZED, "unknown bearer token", status=401)
    if device.revoked_at is not None:
        raise ServiceError(
            ErrorCode.DEVICE_REVOKED,
            "head office revoked this device; enroll it again with a new code",
            status=401,
        )
    return device


def get_device(session: Session, device_id: str) -> DeviceInfo:
    device = session.get(Device, device_id)
    if device is None:
        raise ServiceError(ErrorCode.NOT_FOUND, f"no device {device_id}", status=404)
    return _info(device)


def revoke_device(
    session: Session, device_id: str, *, now: int, actor: str = CLI_ACTOR, reason: str = ""
) -> DeviceInfo:
    device = session.get(Device, device_id)
    if device is None:
        raise ServiceError(ErrorCode.NOT_FOUND, f"no device {device_id}", status=404)
    if device.revoked_at is None:
        device.revoked_at = now
        session.add(device)
        record_action(
            session,
            actor=actor,
            action=Action.REVOKE,
            now=now,
            entity="device",
            record_id=device_id,
            detail={"reason": clean_reason(reason)},
        )
        session.commit()
        log.info("device %s revoked", device_id)
    return _info(device)


def rename_device(
    session: Session, device_id: str, name: str, *, now: int, actor: str
) -> DeviceInfo:
    """A laptop's name on the staff pages (first the name given at enrollment)."""
    name = " ".join(name.split())[:120]
    if not name:
        raise ServiceError(ErrorCode.VALIDATION_FAILED, "a laptop needs a name", status=422)
    device = session.get(Device, device_id)
    if device is None:
        raise ServiceError(ErrorCode.NOT_FOUND, f"no device {device_id}", status=404)
    if device.name != name:
        device.name = name
        session.add(device)
        record_action(
            session,
            actor=actor,
            action=Action.RENAME_DEVICE,
            now=now,
            entity="device",
            record_id=device_id,
        )
        session.commit()
    return _info(device)


def list_devices(session: Session) -> list[DeviceInfo]:
    devices = session.exec(select(Device).order_by(col(Device.created_at))).all()
    return [_info(d) for d in devices]
