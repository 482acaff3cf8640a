"""First-run steps the desktop wizard needs: is there any account yet, create the admin and
sign in, and create the laptop's first local site through the one write path.

The site is "pending" until head office confirms it on the first sync.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ss_core import version
from ss_core.domain.enums import SiteType
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)

SITE_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
MAX_SITE_NAME = 100


@dataclass(frozen=True)
class FirstRunResult:
    session: UserSession
    site_id: str | None


def needs_first_run(app: LocalApp) -> bool:
    """True while the data folder has no account at all."""
    return app.needs_first_run()


def app_version() -> str:
    return version()


def create_local_site(
    app: LocalApp, session: UserSession, *, name: str, code: str, site_type: str
) -> str:
    """A site made on this laptop: status "pending" until head office confirms it."""
    from ss_desktop.services.sites import SitesService

    name, code = check_site_input(name=name, code=code, site_type=site_type)
    site = SitesService(app, session).create_site(name, site_type, code=code or None)
    log.info("created local site %s", site.id)
    return site.id


def check_site_input(*, name: str, code: str, site_type: str) -> tuple[str, str]:
    """The cleaned name and code, or a ServiceError naming what to fix."""
    name = (name or "").strip()
    code = (code or "").strip()
    if not name:
        raise ServiceError("site.name_required")
    if len(name) > MAX_SITE_NAME:
        raise ServiceError("site.name_too_long", max=MAX_SITE_NAME)
    if code and not SITE_CODE_RE.match(code):
        raise ServiceError("site.code_invalid")
    try:
        SiteType(site_type)
    except ValueError:
        raise ServiceError("site.type_invalid") from None
    return name, code


def complete_first_run(
    app: LocalApp, *, username: str, password: str, site: dict[str, str] | None
) -> FirstRunResult:
    """Create the first admin, sign them in, and create the first site (if one was given)."""
    if site:  # check everything before anything is written
        check_site_input(
            name=site.get("name", ""),
            code=site.get("code", ""),
            site_type=site.get("site_type", ""),
        )
    accounts = Accounts(app)
    accounts.create_first_admin(username, password)
    session = accounts.sign_in(username, password)
    site_id = None
    if site:
        site_id = create_local_site(
            app,
            session,
            name=site.get("name", ""),
            code=site.get("code", ""),
            site_type=site.get("site_type", ""),
        )
    return FirstRunResult(session, site_id)
