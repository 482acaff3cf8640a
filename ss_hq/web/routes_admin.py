"""Devices (enrollment codes and files, renaming, revocation), sites and programs, staff
accounts. Every change is audited by the service that makes it."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from ss_core.domain import labels as L
from ss_core.domain.enums import ProgramType
from ss_hq.admin.dashboard_service import SILENT_DAYS, silent_since
from ss_hq.admin.site_service import (
    SITE_TYPES,
    SiteInputError,
    add_site,
    edit_site,
    list_sites,
    set_site_closed,
)
from ss_hq.admin.staff_service import (
    ROLES,
    StaffInputError,
    change_role,
    create_staff_user,
    list_staff,
    reset_password,
    set_disabled,
)
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.errors import ServiceError
from ss_hq.core.security import SignedInStaff
from ss_hq.review.review_service import ReviewError, add_program, list_programs
from ss_hq.review.search_service import site_names
from ss_hq.sync import device_service
from ss_hq.sync.bundle_service import create_offline_enrollment, laptop_server_url
from ss_hq.web.deps import CsrfForm, PageNotFound, allowed, render, words_for

router = APIRouter(include_in_schema=False)
DeviceStaff = Annotated[SignedInStaff, allowed("devices")]
RevokeStaff = Annotated[SignedInStaff, allowed("revoke")]
SiteStaff = Annotated[SignedInStaff, allowed("sites")]
SiteAdmin = Annotated[SignedInStaff, allowed("manage_sites")]
AdminStaff = Annotated[SignedInStaff, allowed("staff_users")]
DAY_MS = 86_400_000


def devices_context(request: Request, session: Session, now: int) -> dict[str, Any]:
    return {
        "devices": device_service.list_devices(session),
        "labels": all_device_labels(session),
        "sites": site_names(session),
        "site_list": [s for s in list_sites(session) if not s.closed],
        "pending_codes": device_service.pending_codes(session, now=now),
        "silent_before": silent_since(now, SILENT_DAYS),
        "silent_days": SILENT_DAYS,
        "only_silent": request.query_params.get("silent") == "1",
        # The enrollment-file form offers this server's address (kept as typed after an error).
        "server_url": str(request.base_url).rstrip("/"),
    }


def _devices_page(
    request: Request, session: Session, status_code: int = 200, **extra: Any
) -> Response:
    context = devices_context(request, session, now_ms()) | extra
    return render(request, "devices.html", context, status_code=status_code)


@router.get("/devices")
def devices_page(request: Request, staff: DeviceStaff, session: SessionDep) -> Response:
    done = request.query_params.get("done")
    device = request.query_params.get("device", "")[:36]
    return _devices_page(
        request,
        session,
        done=done,
        done_device=all_device_labels(session).get(device, "") if device else "",
    )


async def _posted_sites(request: Request, session: Session) -> list[str]:
    submitted = await request.form()
    wanted = [s for s in submitted.getlist("site") if isinstance(s, str)]
    known = {s.id for s in list_sites(session) if not s.closed}
    return [s for s in wanted if s in known]


@router.post("/devices/codes")
async def issue_code(
    request: Request, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    site_ids = await _posted_sites(request, session)
    try:
        days = min(30, max(1, int(form.get("days", "7"))))
    except ValueError:
        days = 7
    if not site_ids:
        return _devices_page(request, session, 422, code_error=True)
    code = device_service.create_enrollment_code(
        session, site_ids, now=now_ms(), lifetime_ms=days * DAY_MS, actor=staff.username
    )
    return _devices_page(request, session, new_code=code, new_code_sites=site_ids)


@router.post("/devices/codes/{ref}/cancel")
def cancel_code(ref: str, staff: DeviceStaff, form: CsrfForm, session: SessionDep) -> Response:
    try:
        device_service.cancel_code(session, ref[:40], actor=staff.username, now=now_ms())
    except ServiceError:
        raise PageNotFound() from None
    return RedirectResponse("/devices?done=cancelled#codes", status_code=303)


@router.post("/devices/enrollment-file")
async def enrollment_file(
    request: Request, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    """Enroll a laptop that has never been online: its credentials come back as a file to
    carry to it (``ss-hq enroll-file`` on the web)."""
    site_ids = await _posted_sites(request, session)
    name = " ".join(str(form.get("name", "")).split())[:120] or "offline laptop"
    typed = str(form.get("server", ""))[:300]
    problem = None if site_ids else "site"
    try:
        server = laptop_server_url(typed)
    except ValueError:
        server, problem = None, problem or "address"
    if problem:
        return _devices_page(request, session, 422, file_error=problem, server_url=typed)
    content = create_offline_enrollment(
        session, site_ids, device_name=name, server_url=server, now=now_ms(), actor=staff.username
    )
    return Response(
        json.dumps(content, indent=2),
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="laptop-{content["device_id"][-8:]}.enroll"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/devices/{device_id}/rename")
def rename_device_page(
    device_id: str, staff: DeviceStaff, form: CsrfForm, session: SessionDep
) -> Response:
    try:
        info = device_service.rename_device(
            session, device_id[:36], form.get("name", ""), now=now_ms(), actor=staff.username
        )
    except ServiceError as exc:
        if exc.status == 404:
            raise PageNotFound() from None
        return RedirectResponse("/devices?done=name_missing#devices", status_code=303)
    return RedirectResponse(f"/devices?done=renamed&device={info.id}#devices", status_code=303)


def _revoke_page(
    request: Request, session: Session, device_id: str, status_code: int = 200, **extra: Any
) -> Response:
    try:
        device = device_service.get_device(session, device_id[:36])
    except ServiceError:
        raise PageNotFound() from None
    context = {
        "device": device,
        "label": all_device_labels(session).get(device.id, device.name),
        "sites": site_names(session),
        "reason": "",
    } | extra
    return render(request, "revoke_confirm.html", context, status_code=status_code)


@router.get("/devices/{device_id}/revoke")
def revoke_confirmation(
    request: Request, device_id: str, staff: RevokeStaff, session: SessionDep
) -> Response:
    return _revoke_page(request, session, device_id)


@router.post("/devices/{device_id}/revoke")
def revoke_device_page(
    request: Request, device_id: str, staff: RevokeStaff, form: CsrfForm, session: SessionDep
) -> Response:
    reason = form.get("reason", "").strip()
    if not reason:
        return _revoke_page(request, session, device_id, 422, problem="reason")
    try:
        info = device_service.revoke_device(
            session, device_id[:36], now=now_ms(), actor=staff.username, reason=reason
        )
    except ServiceError:
        raise PageNotFound() from None
    return RedirectResponse(f"/devices?done=revoked&device={info.id}#devices", status_code=303)


# ------------------------------------------------------------------------------ sites


def _site_error(exc: Exception, anchor: str = "") -> Response:
    return RedirectResponse(f"/sites?error={quote(str(exc))}{anchor}", status_code=303)


@router.get("/sites")
def sites_page(request: Request, staff: SiteStaff, session: SessionDep) -> Response:
    words = words_for(request)
    return render(
        request,
        "sites.html",
        {
            "site_list": list_sites(session),
            "programs": list_programs(session),
            "site_types": [(st, words.code(L.SITE_TYPE, st)) for st in SITE_TYPES],
            "program_types": [p.value for p in ProgramType],
            "words": words,
            "editing": request.query_params.get("edit", "")[:36],
            "error": request.query_params.get("error"),
            "done": request.query_params.get("done"),
        },
    )


@router.post("/sites")
def add_site_page(staff: SiteAdmin, form: CsrfForm, session: SessionDep) -> Response:
    try:
        add_site(
            session,
            code=form.get("code", ""),
            name=form.get("name", ""),
            site_type=form.get("type", ""),
            division=form.get("division", ""),
            actor=staff.username,
        )
    except SiteInputError as exc:
        session.rollback()
        return _site_error(exc)
    return RedirectResponse("/sites?done=added", status_code=303)


@router.post("/sites/{site_id}/edit")
def edit_site_page(site_id: str, staff: SiteAdmin, form: CsrfForm, session: SessionDep) -> Response:
    try:
        edit_site(
            session,
            site_id[:36],
            name=form.get("name", ""),
            site_type=form.get("type", ""),
            division=form.get("division", ""),
            actor=staff.username,
            now=now_ms(),
        )
    except SiteInputError as exc:
        session.rollback()
        return _site_error(exc, f"&edit={site_id[:36]}")
    return RedirectResponse(f"/sites?done=edited#site-{site_id[:36]}", status_code=303)


@router.post("/sites/{site_id}/close")
def close_site_page(
    site_id: str, staff: SiteAdmin, form: CsrfForm, session: SessionDep
) -> Response:
    closing = form.get("closed", "1") == "1"
    try:
        set_site_closed(
            session,
            site_id[:36],
            closing,
            actor=staff.username,
            now=now_ms(),
            reason=form.get("reason", ""),
        )
    except SiteInputError as exc:
        return _site_error(exc)
    done = "closed" if closing else "reopened"
    return RedirectResponse(f"/sites?done={done}#site-{site_id[:36]}", status_code=303)


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
        return _site_error(exc)
    return RedirectResponse("/sites?done=program", status_code=303)


# ------------------------------------------------------------------------------ staff


@router.get("/staff")
def staff_page(request: Request, staff: AdminStaff, session: SessionDep) -> Response:
    return render(
        request,
        "staff.html",
        {
            "users": list_staff(session, now=now_ms()),
            "roles": ROLES,
            "error": request.query_params.get("error"),
            "done": request.query_params.get("done"),
            "who": request.query_params.get("user", "")[:64],
        },
    )


def _staff_done(done: str, username: str) -> Response:
    return RedirectResponse(f"/staff?done={done}&user={quote(username)}", status_code=303)


def _staff_error(exc: Exception) -> Response:
    return RedirectResponse(f"/staff?error={quote(str(exc))}", status_code=303)


@router.post("/staff")
def add_staff_page(staff: AdminStaff, form: CsrfForm, session: SessionDep) -> Response:
    username = form.get("username", "").strip()
    try:
        create_staff_user(
            session,
            username,
            form.get("password", ""),
            form.get("role", ""),
            now=now_ms(),
            actor=staff.username,
        )
    except StaffInputError as exc:
        return _staff_error(exc)
    return _staff_done("added", username)


@router.post("/staff/{username}/disable")
def disable_staff_page(
    username: str, staff: AdminStaff, form: CsrfForm, session: SessionDep
) -> Response:
    disabling = form.get("disabled", "1") == "1"
    try:
        set_disabled(
            session,
            username[:64],
            disabling,
            actor=staff.username,
            now=now_ms(),
            reason=form.get("reason", ""),
        )
    except StaffInputError as exc:
        return _staff_error(exc)
    return _staff_done("disabled" if disabling else "enabled", username[:64])


@router.post("/staff/{username}/password")
def reset_password_page(
    username: str, staff: AdminStaff, form: CsrfForm, session: SessionDep
) -> Response:
    try:
        reset_password(
            session, username[:64], form.get("password", ""), actor=staff.username, now=now_ms()
        )
    except StaffInputError as exc:
        return _staff_error(exc)
    return _staff_done("password", username[:64])


@router.post("/staff/{username}/role")
def change_role_page(
    username: str, staff: AdminStaff, form: CsrfForm, session: SessionDep
) -> Response:
    try:
        change_role(
            session, username[:64], form.get("role", ""), actor=staff.username, now=now_ms()
        )
    except StaffInputError as exc:
        return _staff_error(exc)
    return _staff_done("role", username[:64])
