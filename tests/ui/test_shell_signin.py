"""Sign-in: success, wrong passwords, the lockout with its seconds, and bad input."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from ss_desktop.ui.signin import SignInDialog
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import PASSWORD, type_text


@pytest.fixture
def dialog(qtbot, ui_ctx):
    dialog = SignInDialog(ui_ctx.app, ui_ctx.executor, last_user="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(qtbot, dialog, password: str) -> None:
    dialog.password.clear()
    type_text(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=10000)


def test_right_password_signs_in(qtbot, dialog):
    with qtbot.waitSignal(dialog.signed_in, timeout=10000) as signal:
        _try(qtbot, dialog, PASSWORD)
    assert signal.args[0].username == "admin"
    assert not dialog.isVisible()


def test_wrong_password_says_so_and_keeps_the_dialog(qtbot, dialog):
    _try(qtbot, dialog, "not-the-password")
    assert dialog.isVisible()
    assert "Wrong user name or password." in dialog.message.text()
    assert "4 more wrong passwords" in dialog.message.text()
    assert dialog.password.text() == ""  # cleared for the next try


def test_five_wrong_passwords_lock_with_a_message_showing_seconds(qtbot, dialog, ui_ctx):
    for _ in range(5):
        _try(qtbot, dialog, "not-the-password")
    text = dialog.message.text()
    assert "Too many wrong passwords" in text
    seconds = int(re.search(r"(\d+) seconds", text).group(1))
    assert 25 <= seconds <= 30
    assert not dialog.sign_in_button.isEnabled()
    # the countdown moves on, and even the right password is refused while locked
    qtbot.waitUntil(lambda: dialog.locked_seconds < seconds, timeout=3000)
    assert f"{dialog.locked_seconds} seconds" in dialog.message.text()
    dialog._locked_seconds = 0  # the dialog would wait; the service must still refuse
    dialog._update_button()
    _try(qtbot, dialog, PASSWORD)
    assert dialog.session is None
    assert "Too many wrong passwords" in dialog.message.text()
    wait_for_executor(qtbot, ui_ctx)


def test_unknown_user_gets_the_same_message_as_a_wrong_password(qtbot, dialog):
    dialog.user.clear()
    type_text(dialog.user, "nobody")
    _try(qtbot, dialog, PASSWORD)
    assert dialog.message.text() == "Wrong user name or password."


@pytest.mark.parametrize("user", ["", "   "])
def test_empty_fields_ask_for_both(qtbot, dialog, user):
    dialog.user.setText(user)
    _try(qtbot, dialog, "")
    assert dialog.message.text() == "Enter your user name and password."


def test_very_long_and_chinese_input_is_handled(qtbot, dialog):
    dialog.user.clear()
    type_text(dialog.user, "张" * 2000)
    assert len(dialog.user.text()) == 64  # max length
    _try(qtbot, dialog, "密码😀" * 100)
    assert len(dialog.password.text()) == 0
    assert "Wrong user name or password." in dialog.message.text()


def test_lockout_message_is_translated(qtbot, dialog, switcher):
    for _ in range(5):
        _try(qtbot, dialog, "not-the-password")
    switcher.apply("zh_CN")
    qtbot.waitUntil(lambda: "秒后重试" in dialog.message.text())
    assert dialog.sign_in_button.text() == "登录(&S)"
