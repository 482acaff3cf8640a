"""Staff sign-in sessions, CSRF tokens, roles and the security headers of every response.

Sessions live in the database (``staff_session``), so any number of server processes can
serve the same staff member: nothing is kept in a process's memory. The cookie carries a
random 256-bit id; the table keeps only its SHA-256, so a copy of the database does not let
anyone sign in. Each session has its own random CSRF token, which every form post (and the
cookie-authenticated JSON API) must send back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from ss_hq.core.models import StaffSession, StaffUser

SESSION_COOKIE = "ss_hq_session"
LOGIN_CSRF_COOKIE = "ss_hq_login_csrf"
LANG_COOKIE = "ss_hq_lang"
IDLE_TIMEOUT_MS = 2 * 3600 * 1000
ABSOLUTE_TIMEOUT_MS = 12 * 3600 * 1000
# last_seen_at is written at most this often (one write per request would be wasteful).
TOUCH_EVERY_MS = 60 * 1000

ADMIN, STAFF, VIEWER = "admin", "staff", "viewer"
# What each role may do. Viewer: the aggregate dashboard only (no names, no export). Only
# admins erase children, revoke laptops, split merges, manage sites and staff accounts and
# see guardians' phone numbers in full (others see 138****5678 and export no phones).
ADMIN_ONLY = frozenset({"staff_users", "erase", "revoke", "split", "phones", "manage_sites"})
PERMISSIONS: dict[str, frozenset[str]] = {
    ADMIN: frozenset(
        {"dashboard", "children", "edit", "review", "export", "devices", "sites"} | ADMIN_ONLY
    ),
    STAFF: frozenset({"dashboard", "children", "edit", "review", "export", "devices", "sites"}),
    VIEWER: frozenset({"dashboard"}),
}


@dataclass(frozen=True)
class SignedInStaff:
    """The staff member behind a request (role read from the database on every request)."""

    session_hash: str
    user_id: int
    username: str
    role: str
    csrf_token: str

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def start_session(session: Session, user_id: int, *, now: int) -> str:
    """A new session for *user_id*; returns the cookie value (shown to no one else)."""
    session_id = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            id_hash=_hash(session_id),
            user_id=user_id,
            csrf_token=new_csrf_token(),
            created_at=now,
            last_seen_at=now,
            expires_at=now + ABSOLUTE_TIMEOUT_MS,
        )
    )
    # Sweep expired sessions of everyone now and then (cheap: indexed on expires_at).
    session.exec(delete(StaffSession).where(col(StaffSession.expires_at) < now))
    session.commit()
    return session_id


def load_session(session: Session, session_id: str | None, *, now: int) -> SignedInStaff | None:
    """The signed-in staff member for a cookie value, or None (unknown, expired, disabled)."""
    if not session_id or len(session_id) > 128:
        return None
    row = session.get(StaffSession, _hash(session_id))
    if row is None:
        return None
    if row.expires_at <= now or row.last_seen_at + IDLE_TIMEOUT_MS <= now:
        session.delete(row)
        session.commit()
        return None
    user = session.get(StaffUser, row.user_id)
    if user is None or user.disabled:
        return None
    if now - row.last_seen_at >= TOUCH_EVERY_MS:
        row.last_seen_at = now
        session.add(row)
        session.commit()
    return SignedInStaff(
        session_hash=row.id_hash,
        user_id=row.user_id,
        username=user.username,
        role=user.role,
        csrf_token=row.csrf_token,
    )


def end_session(session: Session, session_hash: str) -> None:
    session.exec(delete(StaffSession).where(col(StaffSession.id_hash) == session_hash))
    session.commit()


def end_sessions_of(session: Session, user_id: int) -> None:
    session.exec(delete(StaffSession).where(col(StaffSession.user_id) == user_id))
    session.commit()


def csrf_matches(expected: str | None, given: Any) -> bool:
    """Constant-time comparison; anything but a non-empty string fails."""
    if not expected or not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def count_sessions(session: Session) -> int:
    return len(session.exec(select(StaffSession.id_hash)).all())


# ------------------------------------------------------------------ headers on every response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# Pages and API answers hold children's data: no browser or proxy may keep a copy. Only the
# static files (style sheet) may be cached.
NO_STORE = (b"cache-control", b"no-store")
CACHEABLE_PREFIX = "/static/"


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response (pages, API, static files, errors),
    and ``Cache-Control: no-store`` to every response but a static file's that does not say
    otherwise. The outermost middleware of the app, so that errors answered by the others
    carry them too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = str(scope.get("path", "")).startswith(CACHEABLE_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                if not cacheable and NO_STORE[0] not in present:
                    headers.append(NO_STORE)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
