"""The sign-in window when the data file does not open, and automatic backups in the running
app (issue 16): real data folders, the real shell and windows, real key and mouse events."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ss_desktop.config import AppPaths
from ss_desktop.demo import DemoService
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.auto_backup import SIGN_OUT, AutoBackups
from ss_desktop.services.backup_names import find_backups
from ss_desktop.services.setup import initialize
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import PASSWORD

CHILDREN = 15


@pytest.fixture
def backed_up(tmp_path: Path) -> AppPaths:
    """A laptop's data folder with children and the automatic backup of its last sign-out."""
    paths = AppPaths.resolve(tmp_path / "data")
    app = initialize(paths, admin="admin", password=PASSWORD)
    admin = Accounts(app).sign_in("admin", PASSWORD)
    DemoService(app, admin).populate(CHILDREN, seed=4)
    assert AutoBackups(app).run(SIGN_OUT).made is not None
    app.close()
    return paths


@pytest.fixture
def shell(qapp, backed_up):
    from ss_desktop.ui.app import AppShell

    shell = AppShell(qapp, backed_up, lang="en")
    yield shell
    shell.shutdown()
    shell.deleteLater()
    qapp.processEvents()


def cut(path: Path, size: int) -> bytes:
    with path.open("r+b") as handle:
        handle.truncate(size)
    return path.read_bytes()


def restore_through_the_window(qtbot, shell, paths: AppPaths) -> None:
    """Choose the newest backup, type the password of that time, press Restore."""
    dialog = shell.signin
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restore = dialog.restore_dialog
    assert restore is not None and restore.isVisible()
    qtbot.waitUntil(lambda: restore.backups.count() == 1, timeout=10_000)
    item = restore.backups.item(0)
    assert f"{CHILDREN} children" in item.text() and "at sign-out" in item.text()
    rect = restore.backups.visualItemRect(item)
    qtbot.mouseClick(restore.backups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    restore.user.clear()
    qtbot.keyClicks(restore.user, "admin")
    qtbot.keyClicks(restore.password, PASSWORD)
    qtbot.keyClick(restore.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=30_000)


def restored_message(qtbot) -> QMessageBox:
    def box() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "restoredMessage" and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    found = box()
    assert found is not None
    return found


@pytest.mark.parametrize("damage", ["zero", "half"])
def test_the_sign_in_window_brings_back_a_file_cut_before_it_opened(
    qtbot, shell, backed_up, damage
):
    db = backed_up.database
    size = 0 if damage == "zero" else db.stat().st_size // 2 + 100
    bad = cut(db, size)
    assert shell.start()  # the damage is seen before any password
    dialog = shell.signin
    assert dialog is not None and dialog.restore_button.isVisible()
    text = dialog.message.text()
    assert ("empty (0 bytes)" if damage == "zero" else "damaged") in text
    assert "Restore a backup" in text
    restore_through_the_window(qtbot, shell, backed_up)
    box = restored_message(qtbot)
    assert f"({CHILDREN} children)" in box.text() and "nothing was deleted" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    page = shell.window.children_page
    qtbot.waitUntil(lambda: page.model.rowCount() == CHILDREN, timeout=10_000)
    kept = list(backed_up.data_dir.glob("registration.sqlite3.damaged-*"))
    assert [p.read_bytes() for p in kept] == [bad]


def test_a_file_cut_on_a_page_boundary_is_found_at_sign_in_and_restored(qtbot, shell, backed_up):
    db = backed_up.database
    cut(db, db.stat().st_size // 2 // 4096 * 4096)  # looks whole until it is opened
    assert shell.start()
    dialog = shell.signin
    assert not dialog.restore_button.isVisible()
    if not dialog.user.text():
        qtbot.keyClicks(dialog.user, "admin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "damaged" in dialog.message.text(), timeout=20_000)
    assert "Wrong user name or password" not in dialog.message.text()
    restore_through_the_window(qtbot, shell, backed_up)
    restored_message(qtbot).accept()
    page = shell.window.children_page
    qtbot.waitUntil(lambda: page.model.rowCount() == CHILDREN, timeout=10_000)


def test_a_wrong_password_for_the_backup_is_said_and_nothing_changes(qtbot, shell, backed_up):
    db = backed_up.database
    cut(db, 0)
    assert shell.start()
    dialog = shell.signin
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restore = dialog.restore_dialog
    qtbot.waitUntil(lambda: restore.backups.count() == 1, timeout=10_000)
    restore.user.clear()
    qtbot.keyClicks(restore.user, "admin")
    qtbot.keyClicks(restore.password, "Not-the-password-1")
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not open the backup" in restore.message.text(), timeout=20_000)
    assert restore.isVisible() and shell.window is None
    assert db.stat().st_size == 0 and not list(backed_up.data_dir.glob("*.damaged-*"))


def test_sign_out_makes_a_backup_in_the_background_and_copies_it_to_the_drive(
    qtbot, shell, backed_up, tmp_path
):
    drive = tmp_path / "usb"
    drive.mkdir()
    assert shell.start()
    dialog = shell.signin
    if not dialog.user.text():
        qtbot.keyClicks(dialog.user, "admin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
    window = shell.window
    page = window.settings_page
    window.show_page(window.stack.indexOf(page))
    page.set_drive_folder(str(drive))
    qtbot.waitUntil(lambda: "Plugged in" in page.drive_value.text(), timeout=30_000)
    assert str(backed_up.backup_dir) in page.last_backup_value.text()
    # a change, then sign-out: the backup runs while the sign-in window takes typing
    DemoService(shell.ctx.app, shell.ctx.session).populate(1, seed=11)
    before = len(find_backups(backed_up.backup_dir))
    window.request_sign_out(switch_user=False)
    assert window.backups.running  # started, not waited for
    signin = shell.signin
    qtbot.keyClicks(signin.password, "typing")
    assert signin.password.text() == "typing"
    qtbot.waitUntil(lambda: not window.backups.running, timeout=30_000)
    result = window.backups.last_result
    assert result is not None and result.made is not None and result.drive_copy is not None
    assert result.made.manifest.children == CHILDREN + 1
    # the newest of the day is kept (rotation: one a day for a week, one a week for a month)
    assert [b.path for b in find_backups(backed_up.backup_dir)] == [result.made.path]
    assert before == 1
    assert result.drive_copy.is_file() and str(drive) in str(result.drive_copy)


def test_the_status_bar_warns_when_the_last_backup_is_a_week_old(qtbot, main_window, ui_ctx):
    bar = main_window.status_labels.backup_label
    assert not bar.isVisible()
    app = ui_ctx.app
    qtbot.waitUntil(lambda: not main_window.backups.running, timeout=30_000)  # at sign-in
    AutoBackups(app).run(SIGN_OUT, force=True)
    for n, found in enumerate(find_backups(app.paths.backup_dir)):  # as if made long ago
        aged = found.path.with_name(f"auto-2020010{n + 1}T000000Z-sign-out.ssbackup")
        found.path.rename(aged)
        os.utime(aged, (0, 0))
    DemoService(app, ui_ctx.session).populate(1, seed=2)  # changes not yet synced
    main_window.refresh_status()
    wait_for_executor(qtbot, ui_ctx)
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert "Last backup" in bar.text() and "days ago" in bar.text()
    AutoBackups(app).run(SIGN_OUT)  # a fresh backup: the warning goes
    main_window.refresh_status()
    wait_for_executor(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)


def test_a_new_laptop_takes_the_old_laptops_backup_at_first_run(qapp, qtbot, backed_up, tmp_path):
    from PySide6.QtWidgets import QWizard

    from ss_desktop.ui.app import AppShell

    usb = tmp_path / "usb"
    usb.mkdir()
    old_backup = find_backups(backed_up.backup_dir)[0].path
    carried = usb / old_backup.name
    carried.write_bytes(old_backup.read_bytes())
    new_laptop = AppPaths.resolve(tmp_path / "new-laptop")
    shell = AppShell(qapp, new_laptop, lang="en")
    try:
        assert shell.start()
        wizard = shell.wizard
        assert wizard is not None
        button = wizard.button(QWizard.WizardButton.CustomButton1)
        assert button.isVisible() and "Restore a backup" in button.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        restore = wizard.restore_dialog
        assert restore is not None
        wait_for_executor(qtbot, shell.ctx)
        assert restore.backups.count() == 0  # nothing on the new laptop yet
        restore.add_file(carried)  # what "Other file…" does with the file chosen
        qtbot.keyClicks(restore.user, "admin")
        qtbot.keyClicks(restore.password, "Not-the-password-1")
        qtbot.keyClick(restore.password, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: "does not open the backup" in restore.message.text(), timeout=20_000
        )
        assert wizard.isVisible() and shell.ctx.app.is_open  # the wizard can still set up anew
        restore.password.clear()
        qtbot.keyClicks(restore.password, PASSWORD)
        qtbot.keyClick(restore.password, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: shell.window is not None and shell.window.isVisible(), timeout=30_000
        )
        box = restored_message(qtbot)
        assert f"({CHILDREN} children)" in box.text()
        box.accept()
        page = shell.window.children_page
        qtbot.waitUntil(lambda: page.model.rowCount() == CHILDREN, timeout=10_000)
    finally:
        shell.shutdown()
        shell.deleteLater()
        qapp.processEvents()
