"""Sync API v1 routes (docs/design/sync.md). Thin: the work is in the *_service modules."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response

from ss_core.protocol.wire import (
    DEFAULT_PULL_LIMIT,
    INT64_MAX,
    MAX_OPS_PER_PUSH,
    MAX_PULL_LIMIT,
    AuditUploadRequest,
    AuditUploadResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeSummary,
)
from ss_hq.admin import audit_service
from ss_hq.api.deps import DeviceDep, SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.sync import device_service, pull_service, push_service

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody},
    401: {"model": ErrorBody},
    413: {"model": ErrorBody},
    415: {"model": ErrorBody},
    422: {"model": ErrorBody},
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)


@router.post("/devices/enroll", response_model=EnrollResponse, tags=["devices"])
def enroll_device(body: EnrollRequest, session: SessionDep) -> EnrollResponse:
    """Spend a one-time enrollment code; returns the device id and its bearer token."""
    return device_service.enroll(session, body, now=now_ms())


@router.post("/sync/push", response_model=PushResponse, tags=["sync"])
def push_changes(
    body: PushRequest,
    session: SessionDep,
    device: DeviceDep,
    request: Request,
    response: Response,
    background: BackgroundTasks,
) -> PushResponse:
    """Apply a batch of changes; committed before the answer is sent. The duplicate checks
    of its children run after the answer is sent. The ``Server-Timing`` header says how long
    head office took (``apply;dur=`` milliseconds), so a laptop can tell a slow link from a
    busy server."""
    started = time.perf_counter()
    answer = push_service.push(session, device, body, now=now_ms())
    took_ms = (time.perf_counter() - started) * 1000
    response.headers["Server-Timing"] = f"apply;dur={took_ms:.1f}"
    background.add_task(request.app.state.duplicate_checks.request_drain)
    return answer


@router.get("/sync/push/results", response_model=PushResponse, tags=["sync"])
def push_results(
    session: SessionDep,
    device: DeviceDep,
    from_seq: Annotated[int, Query(ge=1, le=INT64_MAX)],
    to_seq: Annotated[int, Query(ge=1, le=INT64_MAX)],
) -> PushResponse:
    """What head office holds of this device's changes *from_seq* to *to_seq* (at most
    ``MAX_OPS_PER_PUSH``): the results a push of them would get for the ones it recorded, and
    ``acked_through_seq``. Asked by a laptop whose push was cut (it may have been applied in
    part), instead of sending the batch again."""
    to_seq = min(to_seq, from_seq + MAX_OPS_PER_PUSH - 1)
    return push_service.held(session, device, from_seq, to_seq, now=now_ms())


@router.get("/sync/pull", response_model=PullResponse, tags=["sync"])
def pull_changes(
    session: SessionDep,
    device: DeviceDep,
    cursor: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    skip_own: bool = False,
) -> PullResponse:
    """Changes in this device's scope after *cursor*, oldest first. With ``skip_own``, the
    records this device created that nobody has changed since are left out (it holds them
    exactly as head office does, and learned their version from the push answer)."""
    return pull_service.pull(
        session, device, cursor=cursor, limit=limit, now=now_ms(), skip_own=skip_own
    )


@router.get("/sync/summary", response_model=ScopeSummary, tags=["sync"])
def scope_summary(session: SessionDep, device: DeviceDep) -> ScopeSummary:
    """Count and checksum over (id, version) of this device's scope."""
    return pull_service.summary(session, device, now=now_ms())


@router.post("/audit", response_model=AuditUploadResponse, tags=["audit"])
def upload_audit(
    body: AuditUploadRequest, session: SessionDep, device: DeviceDep
) -> AuditUploadResponse:
    """Take a batch of the laptop's audit rows (oldest first) and check their hash chain.

    Every row is kept; a chain that does not verify is flagged on the device for staff and
    the answer says where and why (``chain_ok`` false, ``problem``, ``message``)."""
    return audit_service.receive(session, device, body, now=now_ms())
