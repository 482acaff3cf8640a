"""Local accounts: password rules, sign-in, lockout with a growing delay, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.services.accounts import Accounts, lock_seconds
from ss_desktop.services.errors import PasswordRuleError, PermissionDenied, SignInError
from tests.unit.services_fixtures import ADMIN_PASSWORD, make_app


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture()
def app_session(tmp_path):
    app, session = make_app(tmp_path)
    yield app, session
    app.close()


def audit_actions(app) -> list[str]:
    with app.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT action FROM audit_log ORDER BY id").fetchall()
    return [r[0] for r in rows]


def test_five_wrong_passwords_lock_with_growing_delay(app_session) -> None:
    app, _ = app_session
    clock = Clock()
    accounts = Accounts(app, now=clock)
    for _ in range(4):
        with pytest.raises(SignInError) as info:
            accounts.sign_in("admin", "wrong-password")
        assert info.value.code == "sign_in.failed"
    with pytest.raises(SignInError) as info:
        accounts.sign_in("admin", "wrong-password")
    assert info.value.code == "sign_in.locked" and info.value.params["seconds"] == 30
    # even the right password is refused while locked
    with pytest.raises(SignInError) as info:
        accounts.sign_in("admin", ADMIN_PASSWORD)
    assert info.value.code == "sign_in.locked"
    clock.now += timedelta(seconds=31)
    with pytest.raises(SignInError) as info:
        accounts.sign_in("admin", "wrong-again")
    assert info.value.params["seconds"] == 60  # the delay grows
    clock.now += timedelta(seconds=61)
    assert accounts.sign_in("admin", ADMIN_PASSWORD).role == "admin"
    assert audit_actions(app).count("sign_in_failed") == 7  # 6 wrong + 1 refused while locked
    assert verify_audit_chain(app.engine) is None


def test_lock_delay_is_capped() -> None:
    assert lock_seconds(4) == 0
    assert lock_seconds(5) == 30
    assert lock_seconds(40) == 3600


def test_unknown_user_and_password_rules(app_session) -> None:
    app, session = app_session
    accounts = Accounts(app)
    with pytest.raises(SignInError):
        accounts.sign_in("nobody", "whatever-1")
    with pytest.raises(PasswordRuleError) as info:
        accounts.create_user(session, "teacher1", "short", "teacher", [])
    assert info.value.code == "password.too_short"
    with pytest.raises(PasswordRuleError) as info:
        accounts.create_user(session, "teacher1", "password123", "teacher", [])
    assert info.value.code == "password.too_common"


def test_only_admins_manage_users(app_session) -> None:
    app, session = app_session
    accounts = Accounts(app)
    accounts.create_user(session, "teacher1", "Green-apple-7", "teacher", [])
    teacher = accounts.sign_in("teacher1", "Green-apple-7")
    with pytest.raises(PermissionDenied):
        accounts.create_user(teacher, "teacher2", "Green-apple-8", "admin", [])


def test_password_change_keeps_the_account(app_session) -> None:
    app, session = app_session
    accounts = Accounts(app)
    accounts.change_password(session, ADMIN_PASSWORD, "Another-secret-9")
    with pytest.raises(SignInError):
        accounts.sign_in("admin", ADMIN_PASSWORD)
    assert accounts.sign_in("admin", "Another-secret-9").username == "admin"


def test_every_refused_sign_in_is_audited_without_the_password(app_session) -> None:
    app, _ = app_session
    accounts = Accounts(app)
    with pytest.raises(SignInError):
        accounts.sign_in("nobody", "whatever-secret-1")
    for attempt in range(6):  # five wrong, then one while locked
        with pytest.raises(SignInError):
            accounts.sign_in("admin", f"wrong-secret-{attempt}")
    with app.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT actor, detail FROM audit_log WHERE action = 'sign_in_failed' ORDER BY id"
        ).fetchall()
    assert [r[0] for r in rows] == ["(unknown user)"] + ["admin"] * 6
    assert "unknown_user" in rows[0][1] and "locked" in rows[-1][1]
    assert not any("secret" in (detail or "") for _, detail in rows)
