"""The registration form by keyboard, as a teacher at the desk uses it.

Keys go to whatever widget has the focus (QApplication.focusWidget()), never to a widget picked
by the test: what Tab, Enter and the Alt-letters reach is what is tested. Chinese text arrives
as an input method delivers it.
"""
# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ss_desktop.services.children import ChildrenService
from tests.ui.form_fixtures import page, site, wait_idle  # noqa: F401  (page, site: fixtures)

NAVIGATION = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter}
TAB_BUDGET = 12


class Keyboard:
    """Sends keys to the focused widget and counts the ones that are not typing."""

    def __init__(self) -> None:
        self.navigation = 0
        self.choosing = 0

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        if key in NAVIGATION and modifiers == Qt.KeyboardModifier.NoModifier:
            self.navigation += 1
        elif modifiers == Qt.KeyboardModifier.NoModifier:
            self.choosing += 1
        QTest.keyClick(self.focused(), key, modifiers)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        if text.isascii():
            QTest.keyClicks(self.focused(), text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(self.focused(), event)
        QApplication.processEvents()


def shown_in_scroll_area(page, widget: QWidget) -> bool:
    viewport = page.scroll_area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


@pytest.fixture
def desk(qtbot, page):
    """The form at a laptop's size, its window active as at the desk."""
    page.resize(1100, 650)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    return page


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_minimal_child_within_the_tab_budget_then_save_and_new(
    qtbot, desk, ui_ctx, switcher, lang
):
    switcher.apply(lang)
    keys = Keyboard()
    assert keys.focused().objectName() == "surname"
    keys.type("张")
    keys.press(Qt.Key.Key_Tab)
    keys.type("小明")
    keys.press(Qt.Key.Key_Tab)  # pinyin, filled in from the name
    keys.press(Qt.Key.Key_Tab)  # gender
    keys.press(Qt.Key.Key_Down)  # male
    keys.press(Qt.Key.Key_Tab)
    keys.type("2016-05-04")
    keys.press(Qt.Key.Key_Tab)  # how precise the date is (found from what was typed)
    keys.press(Qt.Key.Key_Tab)  # ID number (optional)
    keys.press(Qt.Key.Key_Tab)  # guardian 1: name
    assert keys.focused().objectName() == "guardian_name"
    keys.type("王芳")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Down)  # mother
    keys.press(Qt.Key.Key_Tab)
    keys.type("13812345678")
    keys.press(Qt.Key.Key_Return)  # the guardian's last field: on to the consent
    assert keys.focused().objectName() == "consentSection"
    keys.press(Qt.Key.Key_Space)  # consent given (by the guardian, today)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save and new
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: bool(ChildrenService(ui_ctx.app, ui_ctx.session).search("").rows))

    assert keys.navigation <= TAB_BUDGET, f"{keys.navigation} Tab/Enter presses"
    rows = ChildrenService(ui_ctx.app, ui_ctx.session).search("zxm").rows
    assert len(rows) == 1
    child = ChildrenService(ui_ctx.app, ui_ctx.session).get(rows[0].id)
    assert (child["surname"], child["given_name"], child["gender"]) == ("张", "小明", 1)
    assert child["dob"] == "2016-05-04"
    guardian = child["guardians"][0]
    assert (guardian["name"], guardian["relationship"]) == ("王芳", "mother")
    assert guardian["phone"] == "13812345678"
    consent = child["consents"][0]
    assert consent["giver_name"] == "王芳" and consent["given_on"] == date.today().isoformat()
    assert desk.message.text() == QApplication.translate("RegisterPage", "Saved.")  # not pending

    # "Save and new": the next child's surname, focused, visible, at the top of the form
    qtbot.waitUntil(lambda: keys.focused().objectName() == "surname")
    surname = keys.focused()
    assert surname.text() == ""
    assert desk.scroll_area.verticalScrollBar().value() == 0
    viewport = desk.scroll_area.viewport()
    assert shown_in_scroll_area(desk, surname), (
        viewport.rect(),
        surname.mapTo(viewport, surname.rect().topLeft()),
        surname.size(),
    )


def _reading_order_breaks(widgets: list[QWidget], within: QWidget) -> list[str]:
    """Pairs where the next widget is neither below the previous one nor to its right on
    the same line."""
    breaks = []
    for before, after in zip(widgets, widgets[1:], strict=False):
        a = QRect(before.mapTo(within, before.rect().topLeft()), before.size())
        b = QRect(after.mapTo(within, after.rect().topLeft()), after.size())
        below = b.top() >= a.bottom() - 4
        same_line = b.top() < a.bottom() and a.top() < b.bottom() and b.left() > a.left()
        if not (below or same_line):
            breaks.append(
                f"{before.objectName() or type(before).__name__} -> "
                f"{after.objectName() or type(after).__name__}"
            )
    return breaks


def test_tab_follows_the_order_shown_through_every_section(qtbot, desk):
    s = desk.sections
    # every section shown: parents away, disability, care home; two guardians with details
    s.categories.categories.set_values(["left_behind", "disability", "in_care"])
    desk.add_guardian_button.click()
    for editor in desk.guardians:
        editor.more.click()
    QApplication.processEvents()
    content = desk.scroll_area.widget()
    keys = Keyboard()
    desk.sections.surname.setFocus()  # the start: where a new form puts the keyboard
    visited: list[QWidget] = [keys.focused()]
    for _ in range(300):
        keys.press(Qt.Key.Key_Tab)
        widget = keys.focused()
        if not content.isAncestorOf(widget):
            break
        visited.append(widget)
    assert _reading_order_breaks(visited, content) == []
    names = [w.objectName() for w in visited]
    # guardians right after the child's identity, then the consent, then the rest
    assert names.index("guardian_name") < names.index("consentSection") < names.index("site_id")
    assert names.index("id_number") < names.index("guardian_name")
    assert names.count("guardian_name") == 2
    for required in ("hukou_type", "class_name", "caregiver_name", "care_since", "notes"):
        assert required in names
    # and the buttons under the form come after it
    assert keys.focused().objectName() == "newChild"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_field_has_a_mnemonic_and_alt_letters_reach_the_guardian(qtbot, desk, switcher, lang):
    switcher.apply(lang)
    desk.guardians[0].more.click()
    content = desk.scroll_area.widget()
    missing = [
        label.text()
        for label in content.findChildren(QLabel)
        if label.buddy() is not None and not re.search(r"&[^&\s]", label.text())
    ]
    assert missing == []
    keys = Keyboard()
    assert keys.focused().objectName() == "surname"
    keys.press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert keys.focused().objectName() == "guardian_name"
    keys.press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert keys.focused().objectName() == "guardian_phone"
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert keys.focused().objectName() == "surname"


def test_no_consent_banner_on_an_empty_form_until_a_birth_date(qtbot, desk):
    assert desk.consent_banner.isHidden()
    keys = Keyboard()
    for _ in range(4):
        keys.press(Qt.Key.Key_Tab)
    assert keys.focused().objectName() == "dob"
    keys.type("2016-05-04")
    assert not desk.consent_banner.isHidden()
    assert "under 14" in desk.consent_banner.text()
