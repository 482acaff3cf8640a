"""The main window: pages and shortcuts, the status bar, language switching, the idle lock,
settings (backup, idle minutes), sign out; and `ss-desktop self-test`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sysconfig
import zipfile

import pytest
from PySide6.QtCore import Qt

from ss_desktop.services.settings import default_language, load_settings, save_settings
from ss_desktop.ui.main_window import PAGE_CHILDREN, PAGE_SETTINGS, PAGE_SYNC
from tests.fixtures.db_access import raw_connect
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import PASSWORD, type_text


def test_ctrl_number_shortcuts_switch_pages(qtbot, main_window):
    main_window.activateWindow()
    for n in range(6):
        qtbot.keyClick(main_window, Qt.Key(Qt.Key.Key_1 + n), Qt.KeyboardModifier.ControlModifier)
        assert main_window.stack.currentIndex() == n
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentIndex() == PAGE_CHILDREN
    assert main_window.children_page.search.hasFocus()


def test_status_bar_counts_children_and_records_not_changes(qtbot, main_window, ui_ctx):
    """What waits to be sent, as a person counts it: children and records, however many
    times each was changed; the children (not the changes) that wait for consent."""
    from ss_desktop.services.children import ChildForm, ChildrenService
    from ss_desktop.services.sites import SitesService
    from tests.unit.services_fixtures import child_form

    label = main_window.pending_label
    qtbot.waitUntil(lambda: label.text() == "Everything sent", timeout=10000)
    assert main_window.conn_label.text() == "○ Offline"
    assert main_window.quarantine_label.text() == "Quarantined: 0"
    assert main_window.last_sync_label.text() == "Last sync: never"

    site = SitesService(ui_ctx.app, ui_ctx.session).create_site("新站点", "online").id
    ui_ctx.events.data_changed.emit({"site": [site]})
    qtbot.waitUntil(lambda: label.text() == "Not yet sent: records 1", timeout=10000)

    children = ChildrenService(ui_ctx.app, ui_ctx.session)
    form = child_form(site)
    child = children.register(form).child_id  # the child, two guardians, a consent
    for note in ("一", "二", "三"):  # three more changes to the same record
        children.update(child, ChildForm({**form.fields, "notes": note}, [], []))
    ui_ctx.events.data_changed.emit({"child": [child]})
    qtbot.waitUntil(lambda: label.text() == "Not yet sent: children 1, records 5", timeout=10000)

    # a child registered without a guardian's consent waits on the laptop, and says so
    other = child_form(site, given_name="小红", gender=2, id_number=None)
    children.register(ChildForm(other.fields, other.guardians))
    ui_ctx.events.data_changed.emit({"child": []})
    qtbot.waitUntil(
        lambda: label.text() == "Not yet sent: children 2, records 8 (waiting for consent: 1)",
        timeout=10000,
    )


def test_switching_language_retranslates_the_open_window(qtbot, main_window, ui_ctx):
    main_window.show_page(PAGE_SETTINGS)
    settings = main_window.settings_page
    assert main_window.children_page.title.text() == "Children"
    assert main_window.nav.item(PAGE_SYNC).text() == "Sync"
    assert main_window.user_label.text().endswith("(Administrator)")
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: main_window.children_page.title.text() == "儿童名单", timeout=5000)
    # the role is named as in Settings -> Users (one list of role names)
    assert "管理员" in main_window.user_label.text()
    assert main_window.nav.item(PAGE_SYNC).text() == "同步"
    assert settings.title.text() == "设置"
    assert main_window.conn_label.text() == "○ 离线"
    header = main_window.children_page.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "姓名"
    assert load_settings(ui_ctx.app.paths.settings_file)["language"] == "zh_CN"
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("en"))
    qtbot.waitUntil(lambda: main_window.children_page.title.text() == "Children", timeout=5000)


def test_idle_lock_appears_and_the_password_unlocks(qtbot, main_window, ui_ctx):
    main_window.set_idle_minutes(0.004)  # about a quarter of a second
    qtbot.waitUntil(lambda: main_window.is_locked, timeout=5000)
    dialog = main_window.lock_dialog
    assert dialog.isVisible()
    assert not main_window.centralWidget().isVisible()  # no data on screen while locked
    type_text(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong user name or password." in dialog.message.text(), timeout=10000)
    assert main_window.is_locked
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)  # Escape does not unlock
    assert main_window.is_locked
    type_text(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not main_window.is_locked, timeout=10000)
    assert main_window.centralWidget().isVisible()
    main_window.set_idle_minutes(0)


def test_activity_keeps_the_lock_away(qtbot, main_window):
    main_window.set_idle_minutes(0.01)  # 600 ms
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(main_window.children_page.search, Qt.Key.Key_A)
    assert not main_window.is_locked
    main_window.set_idle_minutes(0)


def test_sign_out_from_the_lock_dialog(qtbot, main_window):
    main_window.lock()
    with qtbot.waitSignal(main_window.sign_out_requested) as signal:
        qtbot.mouseClick(main_window.lock_dialog.sign_out_button, Qt.MouseButton.LeftButton)
    assert signal.args == [False]
    assert not main_window.is_locked


def test_idle_minutes_setting_is_saved_and_applied(qtbot, main_window, ui_ctx):
    main_window.show_page(PAGE_SETTINGS)
    main_window.settings_page.idle_spin.setValue(7)
    assert main_window.idle.interval_ms == 7 * 60_000
    assert load_settings(ui_ctx.app.paths.settings_file)["idle_lock_minutes"] == 7


def test_backup_now_writes_an_encrypted_backup_file(qtbot, main_window, ui_ctx, tmp_path):
    target = tmp_path / "backups" / "copy.ssbackup"
    page = main_window.settings_page
    page.backup_to(target)
    qtbot.waitUntil(lambda: page.last_backup is not None, timeout=10000)
    assert target.exists()
    with zipfile.ZipFile(target) as archive:  # the database inside is the encrypted copy
        copy = tmp_path / "inside.sqlite3"
        copy.write_bytes(archive.read("database.sqlite3"))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT count(*) FROM local_user").fetchone()
    conn = raw_connect(copy, ui_ctx.app.key)
    assert conn.execute("SELECT count(*) FROM local_user").fetchone()[0] == 1
    conn.close()
    assert str(target) in page.backup_note.text()


def test_backup_over_an_existing_file_is_refused_with_a_message(
    qtbot, main_window, tmp_path, monkeypatch
):
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep me")
    shown = []
    monkeypatch.setattr(
        "ss_desktop.ui.errors.QMessageBox.warning", lambda parent, title, text: shown.append(text)
    )
    main_window.settings_page.backup_to(target)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "A file already exists there" in shown[0]
    assert target.read_bytes() == b"keep me"


def test_about_shows_revision_and_device(main_window, ui_ctx):
    page = main_window.settings_page
    assert page.revision_value.text() == ui_ctx.app.schema_revision
    assert page.device_value.text() == ui_ctx.app.device_id
    assert page.folder_value.text() == str(ui_ctx.app.paths.data_dir)


def test_sign_out_and_sign_in_again_through_the_shell(qtbot, qapp, local_app, data_paths):
    local_app.close()
    from ss_desktop.ui.app import AppShell

    shell = AppShell(qapp, data_paths, lang="en")
    try:
        assert shell.start()
        dialog = shell.signin
        type_text(dialog.user, "admin")
        type_text(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: shell.window is not None and shell.window.isVisible(), timeout=10000
        )
        shell.window.request_sign_out(switch_user=False)
        assert shell.ctx.session is None and not shell.window.isVisible()
        assert shell.signin is not None and shell.signin.user.text() == "admin"
        assert load_settings(data_paths.settings_file)["last_user"] == "admin"
    finally:
        shell.shutdown()
        shell.deleteLater()
        qapp.processEvents()


# -- the settings file ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        "[1, 2]",
        json.dumps({"language": "fr", "idle_lock_minutes": -3}),
        json.dumps({"idle_lock_minutes": "ten", "last_user": 5}),
        "\x00\xff",
    ],
)
def test_a_bad_settings_file_falls_back_to_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert load_settings(path) == {
        "language": None,
        "idle_lock_minutes": 10,
        "last_user": "",
        "backup_drive": "",
    }


def test_settings_round_trip(tmp_path):
    path = tmp_path / "deep" / "settings.json"
    save_settings(
        path,
        {
            "language": "zh_CN",
            "idle_lock_minutes": 3,
            "last_user": "张老师",
            "backup_drive": "/media/usb/backups",
            "unknown": 1,
        },
    )
    assert load_settings(path) == {
        "language": "zh_CN",
        "idle_lock_minutes": 3,
        "last_user": "张老师",
        "backup_drive": "/media/usb/backups",
    }


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_TW", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("en_US", "en"),
        ("de_DE", "en"),
        ("C", "en"),
    ],
)
def test_default_language_follows_the_system(system, expected):
    assert default_language(system) == expected


# -- self-test -----------------------------------------------------------------------------
def test_self_test_command_exits_zero():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # the installed command: bin/ss-desktop, or Scripts\ss-desktop.exe on Windows
    exe = shutil.which("ss-desktop", path=sysconfig.get_path("scripts"))
    assert exe is not None, f"no ss-desktop in {sysconfig.get_path('scripts')}"
    done = subprocess.run([exe, "self-test"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "self-test OK" in done.stdout


def test_enter_on_a_child_opens_it_in_the_register_page(qtbot, main_window, ui_ctx):
    from ss_desktop.ui.main_window import PAGE_REGISTER

    if main_window.register_page is None:
        pytest.skip("the registration page is not in this build")
    from ss_desktop.services.children import ChildrenService
    from ss_desktop.services.sites import SitesService
    from tests.ui.test_shell_children import _form

    site = SitesService(ui_ctx.app, ui_ctx.session).create_site("阳光学校", "migrant_school")
    result = ChildrenService(ui_ctx.app, ui_ctx.session).register(
        _form(site.id, "张", "三", "2015-03-04")
    )
    ui_ctx.publish(result.changes)
    page = main_window.children_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert main_window.stack.currentIndex() == PAGE_REGISTER
    main_window.show_page(PAGE_CHILDREN)
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentIndex() == PAGE_REGISTER
    wait_for_executor(qtbot, ui_ctx)


def test_help_opens_the_user_guide_in_the_apps_language(qtbot, main_window, switcher):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from ss_desktop.ui.user_guide import UserGuideDialog

    main_window.activateWindow()
    qtbot.waitUntil(lambda: main_window.isActiveWindow())
    assert [a.text() for a in main_window.help_menu.actions()] == ["&User guide", "&About"]
    qtbot.keyClick(main_window, Qt.Key.Key_F1)  # Help > User guide's key
    qtbot.waitUntil(lambda: main_window.guide is not None and main_window.guide.isVisible())
    guide = main_window.guide
    assert isinstance(guide, UserGuideDialog)
    document = guide.browser.document()
    assert "Stepping Stones registration" in document.toPlainText()
    assert "Importing a class list" in document.toPlainText()
    image = document.resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/first_run_admin_en.png")
    )
    assert image is not None and not image.isNull()  # its screenshots show
    guide.close()

    switcher.apply("zh_CN")
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: main_window.guide is not guide and main_window.guide.isVisible())
    text = main_window.guide.browser.document().toPlainText()
    assert "铺路石" in text and "导入班级名单" in text
    main_window.guide.close()
    switcher.apply("en")
