"""What every staff page needs: the signed-in staff member, the role check, CSRF, rendering."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlmodel import Session

from ss_core.domain.normalize import normalize_phone
from ss_core.protocol.wire import storable_text, unstorable_replaced
from ss_hq.api.deps import SessionDep
from ss_hq.core.clock import now_ms
from ss_hq.core.labels import Words
from ss_hq.core.security import (
    LANG_COOKIE,
    SESSION_COOKIE,
    SignedInStaff,
    csrf_matches,
    load_session,
)
from ss_hq.core.todo import review_counts
from ss_hq.web.i18n import choose_language, translator

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


class SignInRequired(Exception):
    """No valid session: pages redirect to the sign-in page, the JSON API answers 401."""


class NotAllowed(Exception):
    """Signed in, but the role does not allow this."""


class CsrfFailed(Exception):
    """A state-changing request without the session's CSRF token."""


class PageNotFound(Exception):
    pass


def _format_ms(value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        return ""
    return datetime.fromtimestamp(value / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def showable(value: Any) -> Any:
    """A text a page can carry: a record stored before head office checked every value may
    hold a lone surrogate (no UTF-8 page can) or a NUL; each is shown as U+FFFD. Such a
    record is in the list of records to repair."""
    if isinstance(value, str) and not storable_text(value):
        log.warning("a stored text that cannot be shown as it is was replaced on a page")
        return unstorable_replaced(value)
    return value


def _format_day(value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        return ""
    return datetime.fromtimestamp(value / 1000, tz=UTC).strftime("%Y-%m-%d")


def masked_phone(value: Any) -> str:
    """A phone as roles without the "phones" permission see it: 138****5678."""
    if not isinstance(value, str) or not value:
        return ""
    digits = normalize_phone(value)
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.filters["ms"] = _format_ms
    templates.env.finalize = showable  # before any template is compiled
    templates.env.filters["day"] = _format_day
    templates.env.filters["masked_phone"] = masked_phone
    return templates


def language_of(request: Request) -> str:
    return choose_language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))


def words_for(request: Request, names: dict[str, str] | None = None) -> Words:
    """Labels and values in the request's language (*names*: display names of ids)."""
    language = language_of(request)
    return Words(language, translator(language), names=names)


def current_staff_or_none(request: Request, session: Session) -> SignedInStaff | None:
    return load_session(session, request.cookies.get(SESSION_COOKIE), now=now_ms())


def signed_in(request: Request, session: SessionDep) -> SignedInStaff:
    staff = current_staff_or_none(request, session)
    if staff is None:
        raise SignInRequired()
    request.state.staff = staff
    if staff.may("review"):
        # Open conflicts and suspected duplicates: counted in the navigation of every page.
        request.state.todo = review_counts(session)
    return staff


StaffDep = Annotated[SignedInStaff, Depends(signed_in)]


def allowed(permission: str) -> Any:
    """A dependency: the signed-in staff member, if their role grants *permission*."""

    def check(staff: StaffDep) -> SignedInStaff:
        if not staff.may(permission):
            raise NotAllowed()
        return staff

    return Depends(check)


async def check_csrf_form(request: Request, staff: StaffDep) -> dict[str, Any]:
    """The posted form, once its CSRF token matched the session's."""
    form = await request.form()
    if not csrf_matches(staff.csrf_token, form.get("csrf_token")):
        raise CsrfFailed()
    return {k: v for k, v in form.items() if isinstance(v, str)}


CsrfForm = Annotated[dict[str, Any], Depends(check_csrf_form)]


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    language = language_of(request)
    staff: SignedInStaff | None = getattr(request.state, "staff", None)
    t = translator(language)
    full = {
        "t": t,
        "lang": language,
        "staff": staff,
        "csrf_token": staff.csrf_token if staff else "",
        "path": request.url.path,
        "role_label": t(f"role_{staff.role}") if staff else "",
        "todo": getattr(request.state, "todo", {}),
    }
    full.update(context or {})
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, full, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response
