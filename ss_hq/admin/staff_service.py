"""Staff web accounts: Argon2 password hashes, roles, lockout after repeated failures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from ss_hq.core.models import StaffUser
from ss_hq.core.secrets_hashing import (
    dummy_password_hash,
    hash_password,
    password_needs_rehash,
    verify_password,
)

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


def create_staff_user(
    session: Session, username: str, password: str, role: str, *, now: int
) -> StaffInfo:
    if not USERNAME.match(username):
        raise StaffInputError("user name: 1-64 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise StaffInputError(f"role must be one of: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LEN:
        raise StaffInputError(f"password must have at least {MIN_PASSWORD_LEN} characters")
    if session.exec(select(StaffUser).where(StaffUser.username == username)).first():
        raise StaffInputError(f"a staff user named {username!r} already exists")
    user = StaffUser(
        username=username, password_hash=hash_password(password), role=role, created_at=now
    )
    session.add(user)
    session.commit()
    assert user.id is not None
    return StaffInfo(id=user.id, username=user.username, role=user.role)


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
