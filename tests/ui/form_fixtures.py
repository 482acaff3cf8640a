"""Fixtures and helpers of the registration form and attendance tests (pytest-qt, real
services and executor on a temp data folder; fixtures ui_ctx/local_app come from conftest)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ss_desktop.services.children import ChildrenService
from ss_desktop.services.sites import SiteInfo, SitesService
from tests.ui.helpers import fake_id_number, type_text

__all__ = ["fake_id_number", "type_text"]


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: ctx.executor.pending() == 0, timeout=timeout)
    QApplication.processEvents()


def leave(widget: QWidget) -> None:
    """Leave *widget* with the Tab key, as a user would."""
    reactivate(widget)
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    QApplication.processEvents()
    reactivate(widget)


def reactivate(widget: QWidget) -> None:
    """The offscreen platform leaves a closed completer popup as the active window; a real
    window manager gives the activation back to the form's window."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()


@pytest.fixture
def site(ui_ctx) -> SiteInfo:
    return SitesService(ui_ctx.app, ui_ctx.session).create_site(
        "阳光小学", "migrant_school", division_code="310104"
    )


@pytest.fixture
def page(qtbot, ui_ctx, site):
    from ss_desktop.ui.register import RegisterPage

    widget = RegisterPage(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: widget.sections.site.count() > 1)
    return widget


def children_count(ctx) -> int:
    return len(ChildrenService(ctx.app, ctx.session).search("", limit=500).rows)


def fill_child(
    page,
    *,
    surname="张",
    given="小明",
    dob="2015-03-04",
    gender_index=1,
    guardian="王芳",
    phone="13812345678",
    consent=True,
) -> None:
    """Type a complete child the way a volunteer would (Chinese through input-method events)."""
    s = page.sections
    type_text(s.surname, surname)
    type_text(s.identity.given_name, given)
    s.identity.gender.setCurrentIndex(gender_index)  # 1 = male
    s.dob.clear()
    type_text(s.dob, dob)
    g = page.guardians[0]
    type_text(g.name, guardian)
    g.relationship.set_value("mother")
    type_text(g.phone, phone)
    if consent:
        page.consent.setChecked(True)
        page.consent.giver_name.clear()
        type_text(page.consent.giver_name, guardian)
        page.consent.given_on.setText(date.today().isoformat())


def press_save(qtbot, page, and_new: bool = False) -> None:
    """Ctrl+S / Ctrl+Enter from wherever the keyboard focus is (the surname if nowhere)."""
    key = Qt.Key.Key_Return if and_new else Qt.Key.Key_S
    target = QApplication.focusWidget()
    if target is None or not page.isAncestorOf(target):
        target = page.sections.surname
        target.setFocus()
    qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)
