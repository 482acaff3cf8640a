"""One volunteer's whole first day, as a user would do it: first run -> admin -> register a
child with guardians and consent -> find it by pinyin initials -> edit -> archive -> restore."""

# ruff: noqa: F811 - the shell fixture is imported from test_shell_first_run

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from ss_desktop.services.children import ChildrenService
from ss_desktop.ui.children_page import ReasonDialog
from tests.ui.form_fixtures import fill_child, press_save
from tests.ui.helpers import type_text, when_dialog_shows
from tests.ui.test_shell_children import _names, _select
from tests.ui.test_shell_first_run import _fill_admin, _next, shell  # noqa: F401


def test_first_day_from_first_run_to_restore(qtbot, shell):
    # First run: language, the admin, work offline, the site.
    assert shell.start()
    wizard = shell.wizard
    _next(qtbot, wizard)
    _fill_admin(wizard, "laoshi", "Bamboo-river-7")
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # work offline for now
    type_text(wizard.site_page.name, "阳光随迁子女学校")
    type_text(wizard.site_page.code, "SH-01")
    wizard.site_page.kind.setCurrentIndex(wizard.site_page.kind.findData("migrant_school"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    window, ctx = shell.window, shell.ctx

    # Register a child with two guardians and the guardian's consent, typed in Chinese.
    window.new_child()
    form = window.register_page
    qtbot.waitUntil(lambda: form.sections.site.count() > 1, timeout=10000)
    form.sections.site.setCurrentIndex(1)
    fill_child(form, surname="单", given="雄信", guardian="李秀英", phone="13812345678")
    form.add_guardian_button.click()
    second = form.guardians[1]
    type_text(second.name, "单建国")
    second.relationship.set_value("father")
    type_text(second.phone, "13912345678")
    press_save(qtbot, form)
    qtbot.waitUntil(lambda: "Saved" in form.message.text(), timeout=10000)
    service = ChildrenService(ctx.app, ctx.session)
    [row] = service.search("单雄信").rows
    stored = service.get(row.id)
    assert len(stored["guardians"]) == 2 and len(stored["consents"]) == 1

    # Find it by pinyin initials in the children list and open it with Enter.
    window.show_page(0)
    page = window.children_page
    page.search.clear()
    type_text(page.search, "sxx")
    qtbot.waitUntil(lambda: _names(page) == ["单雄信"], timeout=10000)
    _select(page, "单雄信")
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: form.isVisible() and form.sections.identity.given_name.text() == "雄信",
        timeout=10000,
    )

    # Edit the class.
    form.sections.school.class_name.clear()
    type_text(form.sections.school.class_name, "五(3)班")
    press_save(qtbot, form)
    qtbot.waitUntil(lambda: service.get(row.id)["class_name"] == "五(3)班", timeout=10000)

    # Archive with a reason, then restore it from the archived view.
    window.show_page(0)
    qtbot.waitUntil(lambda: _names(page) == ["单雄信"], timeout=10000)
    _select(page, "单雄信")

    def reason(text):
        def give(dialog: ReasonDialog) -> None:
            type_text(dialog.reason, text)
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

        return give

    when_dialog_shows(qtbot, reason("随父母回老家"), cls=ReasonDialog)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: service.get(row.id)["status"] == "archived", timeout=10000)
    qtbot.waitUntil(lambda: _names(page) == [], timeout=10000)
    page.status_combo.setCurrentIndex(page.status_combo.findData("archived"))
    qtbot.waitUntil(lambda: _names(page) == ["单雄信"], timeout=10000)
    _select(page, "单雄信")
    when_dialog_shows(qtbot, reason("回到本校"), cls=ReasonDialog)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: service.get(row.id)["status"] == "active", timeout=10000)
    assert service.get(row.id)["class_name"] == "五(3)班"
