"""Sign in, sign out and the language switch."""

from __future__ import annotations

import logging
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from ss_hq.admin.staff_service import check_staff_password
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.security import (
    ABSOLUTE_TIMEOUT_MS,
    LANG_COOKIE,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    csrf_matches,
    end_session,
    start_session,
)
from ss_hq.web.deps import CsrfFailed, CsrfForm, StaffDep, current_staff_or_none, render
from ss_hq.web.i18n import LANGUAGES

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


def secure_cookies(request: Request) -> bool:
    """Mark cookies Secure when the browser talks HTTPS (directly or via the TLS proxy)."""
    return request.url.scheme == "https" or bool(
        getattr(request.app.state.settings, "secure_cookies", False)
    )


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
def login_page(request: Request, session: SessionDep, next: str | None = None) -> Response:
    if current_staff_or_none(request, session) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", {"login_csrf": token, "next": _safe_next(next)})
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        max_age=3600,
    )
    return response


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    if not csrf_matches(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token):
        raise CsrfFailed()
    now = now_ms()
    user = check_staff_password(session, username.strip(), password, now=now)
    if user is None:
        log.info("failed staff sign-in")
        return render(
            request,
            "login.html",
            {
                "login_csrf": csrf_token,
                "next": _safe_next(next),
                "failed": True,
                "username": username,
            },
            status_code=401,
        )
    session_id = start_session(session, user.id, now=now)
    log.info("staff user %s signed in", user.id)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="strict",
        secure=secure_cookies(request),
        max_age=ABSOLUTE_TIMEOUT_MS // 1000,
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(staff: StaffDep, _form: CsrfForm, session: SessionDep) -> Response:
    end_session(session, staff.session_hash)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/lang/{language}")
def switch_language(request: Request, language: str, next: str | None = None) -> Response:
    response = RedirectResponse(_safe_next(next), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE,
            language,
            samesite="lax",
            secure=secure_cookies(request),
            max_age=365 * 86400,
        )
    return response
