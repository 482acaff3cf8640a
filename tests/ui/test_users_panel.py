"""Settings -> Users: an administrator adds a volunteer for one site and resets a password;
the new account really opens the encrypted data with its password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ss_desktop.services.app import LocalApp
from ss_desktop.services.errors import SignInError
from ss_desktop.services.unlock import sign_in
from ss_desktop.ui.main_window import PAGE_SETTINGS
from ss_desktop.ui.users_panel import AddUserDialog, ResetPasswordDialog
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import type_text
from tests.unit.services_fixtures import add_site


def _open_dialog(qtbot, panel, button, kind):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(isinstance(c, kind) and c.isVisible() for c in panel.findChildren(kind)),
        timeout=5000,
    )
    return next(c for c in panel.findChildren(kind) if c.isVisible())


def _ok(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_admin_adds_a_volunteer_who_then_opens_the_data(qtbot, main_window, ui_ctx, data_paths):
    site = add_site(ui_ctx.app)
    main_window.show_page(PAGE_SETTINGS)
    panel = main_window.settings_page.users_panel
    panel.reload()
    wait_for_executor(qtbot, ui_ctx)
    assert panel.isVisible() and panel.table.rowCount() == 1  # the admin

    dialog = _open_dialog(qtbot, panel, panel.add_button, AddUserDialog)
    type_text(dialog.username, "volunteer1")
    dialog.role.setCurrentIndex(dialog.role.findData("volunteer"))
    type_text(dialog.passwords.password, "Paper-crane-2041")
    type_text(dialog.passwords.repeat, "Paper-crane-2041")
    _ok(qtbot, dialog)  # no site ticked: refused with a message, nothing saved
    assert "Tick the site" in dialog.error.text() and dialog.isVisible()
    dialog.sites.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.passwords.repeat.clear()
    type_text(dialog.passwords.repeat, "Paper-crane-2042")
    _ok(qtbot, dialog)
    assert "differ" in dialog.error.text()
    dialog.passwords.repeat.clear()
    type_text(dialog.passwords.repeat, "Paper-crane-2041")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_for_executor(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    row = [panel.table.item(r, 0).text() for r in range(2)].index("volunteer1")
    assert panel.table.item(row, 1).text() == "Volunteer"
    assert panel.table.item(row, 2).text() == "上海市闵行区测试随迁子女学校"
    assert site

    other = LocalApp(data_paths)  # a second start of the app, from disk
    session = sign_in(other, "volunteer1", "Paper-crane-2041")
    other.close()
    assert session.role == "volunteer" and session.site_ids == (site,)


def test_a_weak_password_is_refused_and_a_reset_lets_the_user_in(
    qtbot, main_window, ui_ctx, data_paths
):
    main_window.show_page(PAGE_SETTINGS)
    panel = main_window.settings_page.users_panel
    panel.reload()
    wait_for_executor(qtbot, ui_ctx)
    panel.table.selectRow(0)
    dialog = _open_dialog(qtbot, panel, panel.reset_button, ResetPasswordDialog)
    type_text(dialog.passwords.password, "12345678")
    type_text(dialog.passwords.repeat, "12345678")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "too easy to guess" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible()
    for field in (dialog.passwords.password, dialog.passwords.repeat):
        field.clear()
        type_text(field, "Moon-lantern-2043")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_for_executor(qtbot, ui_ctx)
    other = LocalApp(data_paths)
    with pytest.raises(SignInError):  # the old password no longer opens the data
        sign_in(other, "admin", "Tree-house-42")
    session = sign_in(other, "admin", "Moon-lantern-2043")
    other.close()
    assert session.role == "admin"
