"""What each role may do. Enforced in the services, not only by hidden buttons."""

from __future__ import annotations

from enum import StrEnum

from ss_core.domain.enums import Role
from ss_desktop.services.errors import PermissionDenied


class Permission(StrEnum):
    REGISTER = "register"  # create and edit children at the user's own sites
    VIEW_ALL_SITES = "view_all_sites"
    IMPORT = "import"
    EXPORT = "export"
    REVIEW_QUARANTINE = "review_quarantine"
    MANAGE_SITES = "manage_sites"
    MANAGE_USERS = "manage_users"
    SETTINGS = "settings"
    BACKUP = "backup"
    SYNC = "sync"
    # Show the stored ID number, phones and disability/hardship/care detail that every screen
    # masks (services/masking.py). Each showing is audited. Volunteers and teachers work
    # with a child without these values (PIPL minimisation: only who needs them sees them);
    # they may still type a new value over a masked one.
    VIEW_SENSITIVE = "view_sensitive"


_VOLUNTEER = {Permission.REGISTER, Permission.SYNC}
_TEACHER = _VOLUNTEER | {Permission.IMPORT}
_COORDINATOR = _TEACHER | {
    Permission.VIEW_ALL_SITES,
    Permission.EXPORT,
    Permission.REVIEW_QUARANTINE,
    Permission.MANAGE_SITES,
    Permission.BACKUP,
    Permission.VIEW_SENSITIVE,  # coordinators check and correct records: they need the values
}
_ADMIN = _COORDINATOR | {Permission.MANAGE_USERS, Permission.SETTINGS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VOLUNTEER: frozenset(_VOLUNTEER),
    Role.TEACHER: frozenset(_TEACHER),
    Role.COORDINATOR: frozenset(_COORDINATOR),
    Role.ADMIN: frozenset(_ADMIN),
}


def allowed(role: str, permission: Permission) -> bool:
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


def require(role: str, permission: Permission) -> None:
    if not allowed(role, permission):
        raise PermissionDenied(permission=str(permission), role=role)
