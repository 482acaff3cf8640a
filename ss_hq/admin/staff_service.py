"""Staff web accounts: Argon2 password hashes, roles, lockout after repeated failures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col, select

from ss_hq.core.models import StaffSession, StaffUser
from ss_hq.core.secrets_hashing import (
    dummy_password_hash,
    hash_password,
    password_needs_rehash,
    verify_password,
)
from ss_hq.core.staff_audit import CLI_ACTOR, Action, clean_reason, record_action

ROLES = ("admin", "staff", "viewer")
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
MIN_PASSWORD_LEN = 8
MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MS = 15 * 60 * 1000


class StaffInputError(ValueError):
    """An account that cannot be created; the message says what to fix."""


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    role: str


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise StaffInputError(f"role must be one of: {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LEN:
        raise StaffInputError(f"password must have at least {MIN_PASSWORD_LEN} characters")


def create_staff_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    *,
    now: int,
    actor: str = CLI_ACTOR,
) -> StaffInfo:
    if not USERNAME.match(username):
        raise StaffInputError("user name: 1-64 letters, digits, '.', '_', '@' or '-'")
    _check_role(role)
    _check_password(password)
    if session.exec(select(StaffUser).where(StaffUser.username == username)).first():
        raise StaffInputError("a staff user with this name already exists")
    user = StaffUser(
        username=username, password_hash=hash_password(password), role=role, created_at=now
    )
    session.add(user)
    session.flush()
    assert user.id is not None
    record_action(
        session,
        actor=actor,
        action=Action.ADD_STAFF,
        now=now,
        entity="staff_user",
        record_id=username,
        detail={"role": role},
    )
    session.commit()
    return StaffInfo(id=user.id, username=user.username, role=user.role)


@dataclass(frozen=True)
class StaffAccount:
    id: int
    username: str
    role: str
    disabled: bool
    locked: bool
    last_login_at: int | None
    created_at: int


def list_staff(session: Session, *, now: int) -> list[StaffAccount]:
    users = session.exec(select(StaffUser).order_by(col(StaffUser.username))).all()
    return [
        StaffAccount(
            id=u.id or 0,
            username=u.username,
            role=u.role,
            disabled=u.disabled,
            locked=u.locked_until is not None and u.locked_until > now,
            last_login_at=u.last_login_at,
            created_at=u.created_at,
        )
        for u in users
    ]


def _account(session: Session, username: str) -> StaffUser:
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if user is None:
        raise StaffInputError("no staff user with this name")
    return user


def _active_admins(session: Session) -> int:
    return len(
        session.exec(
            select(StaffUser.id)
            .where(StaffUser.role == "admin")
            .where(col(StaffUser.disabled).is_(False))
        ).all()
    )


def _keeps_an_admin(session: Session, user: StaffUser, actor: str) -> None:
    """Nobody locks head office out: an admin cannot disable or demote themselves, and
    the last active admin stays an admin."""
    if user.username == actor:
        raise StaffInputError("you cannot disable or demote your own account")
    if user.role == "admin" and not user.disabled and _active_admins(session) <= 1:
        raise StaffInputError("head office needs at least one active admin")


def _audit_staff(
    session: Session, user: StaffUser, action: str, *, actor: str, now: int, **detail: object
) -> None:
    record_action(
        session,
        actor=actor,
        action=action,
        now=now,
        entity="staff_user",
        record_id=user.username,
        detail=detail,
    )


def set_disabled(
    session: Session, username: str, disabled: bool, *, actor: str, now: int, reason: str = ""
) -> StaffAccount:
    """Disable an account (its sessions end at once) or enable it again."""
    user = _account(session, username)
    if disabled and not user.disabled:
        _keeps_an_admin(session, user, actor)
    if user.disabled != disabled:
        user.disabled = disabled
        session.add(user)
        if disabled:
            session.exec(delete(StaffSession).where(col(StaffSession.user_id) == user.id))
        _audit_staff(
            session,
            user,
            Action.DISABLE_STAFF if disabled else Action.ENABLE_STAFF,
            actor=actor,
            now=now,
            reason=clean_reason(reason),
        )
        session.commit()
    return next(a for a in list_staff(session, now=now) if a.username == username)


def reset_password(session: Session, username: str, password: str, *, actor: str, now: int) -> None:
    """A new password set by an admin (tell it to the user); the lockout is lifted and the
    account's sessions end."""
    _check_password(password)
    user = _account(session, username)
    user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    session.add(user)
    session.exec(delete(StaffSession).where(col(StaffSession.user_id) == user.id))
    _audit_staff(session, user, Action.RESET_PASSWORD, actor=actor, now=now)
    session.commit()


def change_role(session: Session, username: str, role: str, *, actor: str, now: int) -> None:
    _check_role(role)
    user = _account(session, username)
    if user.role == role:
        return
    if user.role == "admin":
        _keeps_an_admin(session, user, actor)
    old = user.role
    user.role = role
    session.add(user)
    _audit_staff(session, user, Action.CHANGE_ROLE, actor=actor, now=now, old=old, new=role)
    session.commit()


def check_staff_password(
    session: Session, username: str, password: str, *, now: int
) -> StaffInfo | None:
    """The user when the password is right and the account is not locked; None otherwise.

    Five wrong passwords in a row lock the account for 15 minutes. Every sign-in costs one
    Argon2 verification, whether the account exists, is disabled or locked (then against a
    dummy hash, or its own while locked): the time of the answer does not tell them apart.
    """
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    may_sign_in = (
        user is not None
        and not user.disabled
        and (user.locked_until is None or user.locked_until <= now)
    )
    stored = user.password_hash if user is not None and user.password_hash else None
    matches = verify_password(stored or dummy_password_hash(), password)
    if user is None or not may_sign_in:
        return None
    if not matches:
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCKOUT_MS
            user.failed_attempts = 0
        session.add(user)
        session.commit()
        return None
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.add(user)
    session.commit()
    assert user.id is not None
    return StaffInfo(id=user.id, username=user.username, role=user.role)
