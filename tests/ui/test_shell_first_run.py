"""First run: the wizard creates the admin and the site, then the main window opens."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from ss_desktop.services.accounts import Accounts
from ss_desktop.services.sites import SitesService
from ss_desktop.services.unlock import unlock
from ss_desktop.ui.app import AppShell
from tests.ui.helpers import type_text


@pytest.fixture
def shell(qapp, data_paths):
    shell = AppShell(qapp, data_paths, lang="en")
    yield shell
    shell.shutdown()
    shell.switcher.apply("en")
    shell.deleteLater()
    qapp.processEvents()


def _next(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _fill_admin(wizard, user: str, password: str, repeat: str | None = None) -> None:
    page = wizard.admin_page
    page.user.clear()
    page.password.clear()
    page.repeat.clear()
    type_text(page.user, user)
    type_text(page.password, password)
    type_text(page.repeat, password if repeat is None else repeat)


def test_first_run_creates_admin_and_site_then_shows_main_window(qtbot, shell, data_paths):
    assert shell.start()
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentPage() is wizard.language_page
    _next(qtbot, wizard)
    _fill_admin(wizard, "coordinator1", "Bamboo-river-7")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.enroll_page
    assert wizard.enroll_page.offline.isChecked()
    assert "Sync page" in wizard.enroll_page.note.text()
    _next(qtbot, wizard)
    type_text(wizard.site_page.name, "阳光随迁子女学校")
    type_text(wizard.site_page.code, "SH-01")
    wizard.site_page.kind.setCurrentIndex(wizard.site_page.kind.findData("migrant_school"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    assert shell.ctx.session.username == "coordinator1"
    assert shell.ctx.session.role == "admin"
    assert "coordinator1" in shell.window.user_label.text()
    sites = SitesService(shell.ctx.app, shell.ctx.session).list_sites()
    assert [(s.name, s.code, s.status) for s in sites] == [("阳光随迁子女学校", "SH-01", "pending")]
    # the account really works with its password
    shell.shutdown()  # the encrypted data opens from disk with the new admin's password
    app, session = unlock(data_paths, "coordinator1", "Bamboo-river-7")
    with app:
        assert session.role == "admin"
        assert Accounts(app).sign_in("coordinator1", "Bamboo-river-7").role == "admin"


@pytest.mark.parametrize(
    ("user", "password", "repeat", "expected"),
    [
        ("a", "Bamboo-river-7", None, "2 to 32 letters"),
        ("张三", "Bamboo-river-7", None, "2 to 32 letters"),
        ("admin", "short", None, "at least 8 characters"),
        ("admin", "12345678", None, "too easy to guess"),
        ("admin", "Bamboo-river-7", "Bamboo-river-8", "not the same"),
    ],
)
def test_bad_admin_input_keeps_the_wizard_on_the_admin_page(
    qtbot, shell, user, password, repeat, expected
):
    assert shell.start()
    wizard = shell.wizard
    _next(qtbot, wizard)
    _fill_admin(wizard, user, password, repeat)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin_page
    assert expected in wizard.admin_page.error.text()
    assert shell.ctx is not None and Accounts(shell.ctx.app).only_admin_name() is None


def test_site_name_is_required(qtbot, shell):
    assert shell.start()
    wizard = shell.wizard
    _next(qtbot, wizard)
    _fill_admin(wizard, "admin", "Bamboo-river-7")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    type_text(wizard.site_page.name, "   ")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible()
    assert "site's name" in wizard.site_page.error.text()
    assert Accounts(shell.ctx.app).only_admin_name() is None  # nothing was written


def test_choosing_chinese_in_the_wizard_translates_it_at_once(qtbot, shell, qapp):
    """From its first page: the page, the window title and the wizard's own buttons."""
    assert shell.start()
    wizard = shell.wizard
    qtbot.waitExposed(wizard)
    assert wizard.language_page.title() == "Welcome"
    button = wizard.button
    assert button(QWizard.WizardButton.NextButton).text() == "&Next >"
    combo = wizard.language_page.combo
    wizard.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWidget() is not None)
    assert qapp.focusWidget() is combo  # the first thing a person can change
    while combo.currentData() != "zh_CN":  # arrow keys to 简体中文, as a person would
        key = Qt.Key.Key_Up if combo.findData("zh_CN") < combo.currentIndex() else Qt.Key.Key_Down
        qtbot.keyClick(qapp.focusWidget(), key)
    qtbot.waitUntil(lambda: wizard.language_page.title() == "欢迎")
    assert wizard.windowTitle() == "设置铺路石儿童登记"
    assert button(QWizard.WizardButton.NextButton).text() == "下一步(&N) >"
    assert button(QWizard.WizardButton.CancelButton).text() == "取消"
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin_page
    assert button(QWizard.WizardButton.BackButton).text() == "< 上一步(&B)"


def test_a_file_that_is_not_our_database_is_refused_and_left_unchanged(qtbot, shell, data_paths):
    data_paths.ensure()
    data_paths.database.write_bytes(b"this is a spreadsheet, not a database\n" * 50)
    before = hashlib.sha256(data_paths.database.read_bytes()).hexdigest()
    seen: list[str] = []

    def close_box() -> None:
        box = next(
            (w for w in qtbot_top_level() if isinstance(w, QMessageBox) and w.isVisible()), None
        )
        if box is None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, close_box)
            return
        seen.append(box.text())
        box.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, close_box)
    assert shell.start() is False
    assert seen and "not a database of this app" in seen[0]
    assert hashlib.sha256(data_paths.database.read_bytes()).hexdigest() == before


def qtbot_top_level():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
