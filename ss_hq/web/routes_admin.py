"""Devices (enrollment codes, revocation), sites and programs, staff users."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session, col, select

from ss_hq.admin.site_service import SITE_TYPES, SiteInputError, add_site, list_sites
from ss_hq.admin.staff_service import ROLES, StaffInputError, create_staff_user
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.errors import ServiceError
from ss_hq.core.models import EnrollmentCode, StaffUser
from ss_hq.core.security import ADMIN, SignedInStaff
from ss_hq.review.review_service import ReviewError, add_program, list_programs
from ss_hq.review.search_service import site_names
from ss_hq.sync import device_service
from ss_hq.sync.bundle_service import create_offline_enrollment, laptop_server_url
from ss_hq.web.deps import CsrfForm, NotAllowed, PageNotFound, allowed, render

router = APIRouter(include_in_schema=False)
DeviceStaff = Annotated[SignedInStaff, allowed("devices")]
SiteStaff = Annotated[SignedInStaff, allowed("sites")]
AdminStaff = Annotated[SignedInStaff, allowed("staff_users")]
DAY_MS = 86_400_000


def devices_context(session: Session, now: int) -> dict[str, object]:
    codes = session.exec(
        select(EnrollmentCode)
        .where(col(EnrollmentCode.used_at).is_(None))
        .where(col(EnrollmentCode.expires_at) > now)
        .order_by(col(EnrollmentCode.created_at).desc())
    ).all()
    return {
        "devices": device_service.list_devices(session),
        "sites": site_names(session),
        "site_list": list_sites(session),
        "pending_codes": [(c.site_ids, c.created_at, c.expires_at) for c in codes],
    }


@router.get("/devices")
def devices_page(request: Request, staff: DeviceStaff, session: SessionDep) -> Response:
    context = devices_context(session, now_ms())
    context["server_url"] = str(request.base_url).rstrip("/")
    context["done"] = request.query_params.get("done")
    return render(request, "devices.html", context)


@router.post("/devices/codes")
async def issue_code(
    request: Request, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    submitted = await request.form()
    wanted = [s for s in submitted.getlist("site") if isinstance(s, str)]
    known = {s.id for s in list_sites(session)}
    site_ids = [s for s in wanted if s in known]
    try:
        days = min(30, max(1, int(form.get("days", "7"))))
    except ValueError:
        days = 7
    now = now_ms()
    context = devices_context(session, now)
    if not site_ids:
        context["code_error"] = True
        return render(request, "devices.html", context, status_code=422)
    code = device_service.create_enrollment_code(
        session, site_ids, now=now, lifetime_ms=days * DAY_MS
    )
    context = devices_context(session, now)
    context["new_code"] = code
    return render(request, "devices.html", context)


@router.post("/devices/enrollment-file")
async def enrollment_file(
    request: Request, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    """Enroll a laptop that has never been online: its credentials come back as a file to
    carry to it (``ss-hq enroll-file`` on the web)."""
    submitted = await request.form()
    wanted = [s for s in submitted.getlist("site") if isinstance(s, str)]
    known = {s.id for s in list_sites(session)}
    site_ids = [s for s in wanted if s in known]
    name = " ".join(str(form.get("name", "")).split())[:120] or "offline laptop"
    now = now_ms()
    problem = None if site_ids else "site"
    try:
        server = laptop_server_url(str(form.get("server", ""))[:300])
    except ValueError:
        server, problem = None, problem or "address"
    if problem:
        context = devices_context(session, now)
        context["file_error"] = problem
        context["server_url"] = str(form.get("server", ""))[:300]
        return render(request, "devices.html", context, status_code=422)
    content = create_offline_enrollment(
        session, site_ids, device_name=name, server_url=server, now=now
    )
    return Response(
        json.dumps(content, indent=2),
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="laptop-{content["device_id"][-8:]}.enroll"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/devices/{device_id}/revoke")
def revoke_device_page(
    device_id: str, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    try:
        device_service.revoke_device(session, device_id[:36], now=now_ms())
    except ServiceError:
        raise PageNotFound() from None
    return RedirectResponse("/devices?done=revoked", status_code=303)


@router.get("/sites")
def sites_page(request: Request, staff: SiteStaff, session: SessionDep) -> Response:
    return render(
        request,
        "sites.html",
        {
            "site_list": list_sites(session),
            "programs": list_programs(session),
            "site_types": SITE_TYPES,
            "error": request.query_params.get("error"),
            "done": request.query_params.get("done"),
        },
    )


@router.post("/sites")
def add_site_page(staff: SiteStaff, form: CsrfForm, session: SessionDep) -> Response:
    if staff.role != ADMIN:
        raise NotAllowed()
    try:
        add_site(
            session,
            code=form.get("code", ""),
            name=form.get("name", ""),
            site_type=form.get("type", ""),
            division=form.get("division", "").strip(),
        )
    except SiteInputError as exc:
        session.rollback()
        from urllib.parse import quote

        return RedirectResponse(f"/sites?error={quote(str(exc))}", status_code=303)
    return RedirectResponse("/sites?done=1", status_code=303)


@router.post("/programs")
def add_program_page(staff: SiteStaff, form: CsrfForm, session: SessionDep) -> Response:
    try:
        add_program(
            session,
            name=form.get("name", ""),
            program_type=form.get("program_type", ""),
            site_id=form.get("site_id") or None,
            staff_user=staff.username,
            now=now_ms(),
        )
    except ReviewError as exc:
        from urllib.parse import quote

        return RedirectResponse(f"/sites?error={quote(str(exc))}", status_code=303)
    return RedirectResponse("/sites?done=1", status_code=303)


@router.get("/staff")
def staff_page(request: Request, staff: AdminStaff, session: SessionDep) -> Response:
    users = session.exec(select(StaffUser).order_by(col(StaffUser.username))).all()
    return render(
        request,
        "staff.html",
        {
            "users": [(u.username, u.role, u.disabled, u.last_login_at) for u in users],
            "roles": ROLES,
            "error": request.query_params.get("error"),
            "done": request.query_params.get("done"),
        },
    )


@router.post("/staff")
def add_staff_page(staff: AdminStaff, form: CsrfForm, session: SessionDep) -> Response:
    try:
        create_staff_user(
            session,
            form.get("username", "").strip(),
            form.get("password", ""),
            form.get("role", ""),
            now=now_ms(),
        )
    except StaffInputError as exc:
        from urllib.parse import quote

        return RedirectResponse(f"/staff?error={quote(str(exc))}", status_code=303)
    return RedirectResponse("/staff?done=1", status_code=303)
