"""Local accounts: Argon2id password hashes, sign-in with lockout, roles.

Lockout (services.lockout): after 5 wrong passwords in a row the account is locked for 30 s,
doubling with each further failure (30 s, 60 s, 120 s ... capped at 1 h). A correct password
resets it. Every change of a password hash also re-wraps the database key for that user in
the key file (ss_desktop.db.keyring): the data is never re-encrypted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2.exceptions import InvalidHashError, VerificationError

from ss_core.domain.enums import Role
from ss_core.passwords import PASSWORDS
from ss_desktop.db import local_users
from ss_desktop.db.audit import AuditEntry
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import PasswordRuleError, ServiceError, SignInError
from ss_desktop.services.lockout import MAX_FAILURES, lock_seconds
from ss_desktop.services.permissions import Permission, require

MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{2,32}$")
COMMON_PASSWORDS = frozenset(
    [
        "12345678",
        "123456789",
        "1234567890",
        "password",
        "password1",
        "qwertyuiop",
        "11111111",
        "88888888",
        "66666666",
        "abc12345",
        "abcd1234",
        "a1234567",
        "iloveyou",
        "1qaz2wsx",
        "qwerty123",
        "00000000",
        "12341234",
        "woaini1314",
        "admin123",
        "admin1234",
        "password123",
        "123123123",
        "11223344",
        "asdfghjkl",
        "zxcvbnm1",
        "147258369",
        "987654321",
    ]
)

_hasher = PASSWORDS


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRuleError("password.too_short", min=MIN_PASSWORD_LENGTH)
    if password.lower() in COMMON_PASSWORDS or len(set(password)) <= 2:
        raise PasswordRuleError("password.too_common")


class Accounts:
    def __init__(self, app: LocalApp, *, now: Callable[[], datetime] | None = None) -> None:
        self.app = app
        self._now = now or (lambda: datetime.now(UTC))

    def create_first_admin(self, username: str, password: str) -> str:
        if local_users.count_users(self.app.engine):
            raise ServiceError("setup.already_initialized", path=str(self.app.paths.data_dir))
        return self._create(username, password, Role.ADMIN, [], actor=username)

    def create_user(
        self,
        by: UserSession,
        username: str,
        password: str,
        role: str,
        site_ids: list[str],
        display_name: str = "",
    ) -> str:
        require(by.role, Permission.MANAGE_USERS)
        return self._create(
            username, password, Role(role), site_ids, actor=by.username, display_name=display_name
        )

    def _create(
        self,
        username: str,
        password: str,
        role: Role,
        site_ids: list[str],
        *,
        actor: str,
        display_name: str = "",
    ) -> str:
        if not USERNAME_RE.match(username or ""):
            raise ServiceError("user.name_invalid")
        check_password_rules(password)
        if local_users.find_user(self.app.engine, username):
            raise ServiceError("user.exists")
        password_hash = _hasher.hash(password)
        user_id = local_users.insert_user(
            self.app.engine,
            username=username,
            display_name=display_name or username,
            role=str(role),
            password_hash=password_hash,
            site_ids=site_ids,
            actor=actor,
        )
        self._wrap_key(username, password_hash)
        return user_id

    def _audit_refusal(self, actor: str, user_id: str | None, reason: str) -> None:
        local_users.append_audit_entries(
            self.app.engine,
            [AuditEntry(actor, "sign_in_failed", "local_user", user_id, {"reason": reason})],
        )

    def _wrap_key(self, username: str, password_hash: str) -> None:
        """Let *username* open the database with this password from now on."""
        keyring, key = self.app.keyring, self.app.key
        if keyring is None or key is None:
            return
        keyring.wrap_for_user(username, password_hash, key)
        keyring.save()

    def _mirror_lock(self, username: str, failures: int, seconds: int) -> None:
        """The key file counts wrong passwords too (sign-in before the data is open)."""
        keyring = self.app.keyring
        if keyring is not None and keyring.has_user(username):
            keyring.set_lock_state(
                username, failures, self._now().timestamp() + seconds if seconds else 0
            )
            keyring.save()

    def recover_admin(self, username: str, password: str) -> UserSession:
        """After head office's recovery: *username* becomes (or stays) an admin with *password*."""
        check_password_rules(password)
        password_hash = _hasher.hash(password)
        user = local_users.find_user(self.app.engine, username)
        if user is None:
            if not USERNAME_RE.match(username or ""):
                raise ServiceError("user.name_invalid")
            local_users.insert_user(
                self.app.engine,
                username=username,
                display_name=username,
                role=str(Role.ADMIN),
                password_hash=password_hash,
                site_ids=[],
                actor="recovery",
            )
        else:
            local_users.update_user(
                self.app.engine,
                user.id,
                actor="recovery",
                action="recovery_reset",
                password_hash=password_hash,
                role=str(Role.ADMIN),
                active=1,
                failed_attempts=0,
                locked_until=None,
            )
        self._wrap_key(username, password_hash)
        self._mirror_lock(username, 0, 0)
        return self.session_after_unlock(username)

    def session_after_unlock(self, username: str) -> UserSession:
        """The password already opened the key file: check the account, record the sign-in."""
        user = local_users.find_user(self.app.engine, username)
        if user is None:
            raise SignInError("sign_in.failed")
        if not user.active:
            self._audit_refusal(user.username, user.id, "inactive")
            raise SignInError("sign_in.inactive")
        local_users.record_sign_in(
            self.app.engine, user, success=True, failed_attempts=0, locked_until=None
        )
        return UserSession(user.id, user.username, user.display_name, user.role, user.site_ids)

    def only_admin_name(self) -> str | None:
        """The single account's name when there is exactly one (CLI convenience)."""
        users = local_users.list_users(self.app.engine)
        return users[0].username if len(users) == 1 else None

    def sign_in(self, username: str, password: str) -> UserSession:
        user = local_users.find_user(self.app.engine, username)
        if user is None:
            _hasher.hash(password)  # same cost either way: no user-name probing by timing
            self._audit_refusal("(unknown user)", None, "unknown_user")
            raise SignInError("sign_in.failed")
        now = self._now()
        if user.locked_until and datetime.fromisoformat(user.locked_until) > now:
            remaining = int((datetime.fromisoformat(user.locked_until) - now).total_seconds()) + 1
            self._audit_refusal(user.username, user.id, "locked")
            raise SignInError("sign_in.locked", seconds=remaining)
        if not user.active:
            self._audit_refusal(user.username, user.id, "inactive")
            raise SignInError("sign_in.inactive")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            failures = user.failed_attempts + 1
            seconds = lock_seconds(failures)
            until = (now + timedelta(seconds=seconds)).isoformat() if seconds else None
            local_users.record_sign_in(
                self.app.engine, user, success=False, failed_attempts=failures, locked_until=until
            )
            self._mirror_lock(username, failures, seconds)
            if seconds:
                raise SignInError("sign_in.locked", seconds=seconds) from None
            raise SignInError("sign_in.failed", remaining=MAX_FAILURES - failures) from None
        if _hasher.check_needs_rehash(user.password_hash):
            rehashed = _hasher.hash(password)
            local_users.update_user(
                self.app.engine, user.id, actor=username, action="rehash", password_hash=rehashed
            )
            self._wrap_key(username, rehashed)
        local_users.record_sign_in(
            self.app.engine, user, success=True, failed_attempts=0, locked_until=None
        )
        if user.failed_attempts:
            self._mirror_lock(username, 0, 0)
        return UserSession(user.id, user.username, user.display_name, user.role, user.site_ids)

    def verify_password(self, session: UserSession, password: str) -> bool:
        """Unlock after idle: the same checks and lockout as signing in."""
        try:
            self.sign_in(session.username, password)
        except SignInError:
            return False
        return True

    def change_password(self, session: UserSession, old: str, new: str) -> None:
        self.sign_in(session.username, old)
        check_password_rules(new)
        password_hash = _hasher.hash(new)
        local_users.update_user(
            self.app.engine,
            session.user_id,
            actor=session.username,
            action="change_password",
            password_hash=password_hash,
        )
        self._wrap_key(session.username, password_hash)

    def reset_password(self, by: UserSession, username: str, new: str) -> None:
        require(by.role, Permission.MANAGE_USERS)
        user = local_users.find_user(self.app.engine, username)
        if user is None:
            raise ServiceError("not_found")
        check_password_rules(new)
        password_hash = _hasher.hash(new)
        local_users.update_user(
            self.app.engine,
            user.id,
            actor=by.username,
            action="reset_password",
            password_hash=password_hash,
            failed_attempts=0,
            locked_until=None,
        )
        self._wrap_key(username, password_hash)
        self._mirror_lock(username, 0, 0)

    def list_users(self, by: UserSession) -> list[local_users.UserRecord]:
        require(by.role, Permission.MANAGE_USERS)
        return local_users.list_users(self.app.engine)
