"""JSON actions for signed-in staff (cookie session + ``X-CSRF-Token`` header)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Header, Path, Request
from pydantic import BaseModel

from ss_core.protocol.wire import ErrorBody
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.security import csrf_matches
from ss_hq.sync import device_service
from ss_hq.web.deps import CsrfFailed, NotAllowed, SignInRequired, current_staff_or_none

router = APIRouter(prefix="/api/v1", tags=["staff"])


class RevokedDevice(BaseModel):
    id: str
    name: str
    site_ids: list[str]
    revoked_at: int | None
    last_seen_at: int | None


@router.post(
    "/devices/{device_id}/revoke",
    response_model=RevokedDevice,
    responses={
        401: {"model": ErrorBody, "description": "no staff session"},
        403: {"model": ErrorBody, "description": "role or CSRF token refused"},
        404: {"model": ErrorBody, "description": "no such device"},
        422: {"model": ErrorBody},
    },
)
def revoke_device(
    request: Request,
    session: SessionDep,
    device_id: Annotated[str, Path(min_length=1, max_length=36)],
    x_csrf_token: Annotated[str | None, Header(max_length=128)] = None,
    x_reason: Annotated[str | None, Header(max_length=1500)] = None,
) -> RevokedDevice:
    """Revoke a laptop (an admin's session; send the page's CSRF token in X-CSRF-Token).

    The laptop's next request gets 401 ``device_revoked``. Recorded in head office's audit
    log with the reason given in ``X-Reason`` (URL-encoded), if any."""
    staff = current_staff_or_none(request, session)
    if staff is None:
        raise SignInRequired()
    if not staff.may("revoke"):
        raise NotAllowed()
    if not csrf_matches(staff.csrf_token, x_csrf_token):
        raise CsrfFailed()
    info = device_service.revoke_device(
        session, device_id, now=now_ms(), actor=staff.username, reason=unquote(x_reason or "")
    )
    return RevokedDevice(
        id=info.id,
        name=info.name,
        site_ids=info.site_ids,
        revoked_at=info.revoked_at,
        last_seen_at=info.last_seen_at,
    )
