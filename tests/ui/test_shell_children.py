"""The children list: pinyin-initial search typed by the user, filters, views, the lazy
model (qtmodeltester, pages fetched while scrolling), sorting, archive and restore."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ss_desktop.demo import DemoService
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.sites import SitesService
from ss_desktop.ui.children_page import SEARCH_DELAY_MS, VIEW_CONSENT, ChildrenPage, ReasonDialog
from ss_desktop.ui.models.children_model import COL_DOB, COL_NAME, ChildrenTableModel
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import fake_id_number, type_text, when_dialog_shows


def _form(
    site_id: str,
    surname: str,
    given: str,
    dob: str,
    *,
    consent: bool = True,
    male: bool = True,
    class_name: str = "三(1)班",
) -> ChildForm:
    fields = {
        "surname": surname,
        "given_name": given,
        "gender": 1 if male else 2,
        "dob": dob,
        "dob_precision": "exact",
        "site_id": site_id,
        "stage": "primary",
        "grade": 3,
        "school_system": "6-3-3",
        "class_name": class_name,
        "hukou_type": "resident",
        "categories": ["migrant"],
        "id_number": fake_id_number("310112", date.fromisoformat(dob), male),
    }
    guardians = [
        {
            "name": "王芳",
            "relationship": "mother",
            "is_legal_guardian": True,
            "is_primary_caregiver": True,
            "phone": "13800001234",
            "status": "with_child",
        }
    ]
    consents = (
        []
        if not consent
        else [
            {
                "giver_name": "王芳",
                "giver_relationship": "mother",
                "giver_role": "legal_guardian",
                "method": "paper_signed",
                "given_on": "2024-09-01",
                "notice_version": "2024-01",
                "scopes": ["registration"],
                "child_assent": True,
            }
        ]
    )
    return ChildForm(fields, guardians, consents)


@pytest.fixture
def children(local_app, admin_session) -> dict[str, str]:
    site = SitesService(local_app, admin_session).create_site("阳光学校", "migrant_school")
    service = ChildrenService(local_app, admin_session)
    made = {}
    for surname, given, dob, consent in [
        ("张", "三", "2015-03-04", True),
        ("李", "小红", "2014-07-09", True),
        ("欧阳", "娜娜", "2016-01-20", False),
    ]:
        made[surname + given] = service.register(
            _form(site.id, surname, given, dob, consent=consent, male=given != "小红")
        ).child_id
    return made


@pytest.fixture
def page(qtbot, ui_ctx, children):
    page = ChildrenPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    return page


def _names(page: ChildrenPage) -> list[str]:
    model = page.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def _search(qtbot, page: ChildrenPage, text: str, expected: list[str]) -> None:
    page.search.clear()
    type_text(page.search, text)
    qtbot.waitUntil(lambda: sorted(_names(page)) == sorted(expected), timeout=10000)


def test_typing_pinyin_initials_finds_the_child(qtbot, page):
    _search(qtbot, page, "zs", ["张三"])
    assert page.count_label.text() == "1 child"


def test_typing_chinese_and_id_digits_finds_children(qtbot, page, children):
    _search(qtbot, page, "欧阳", ["欧阳娜娜"])
    _search(qtbot, page, "oyn", ["欧阳娜娜"])
    _search(qtbot, page, "20150304", ["张三"])  # birth date digits inside the ID number
    _search(qtbot, page, "xyz", [])
    assert page.count_label.text() == "No child matches."


def test_search_waits_for_the_typing_to_pause(qtbot, page, ui_ctx):
    """Each keystroke restarts the 150 ms timer: one search runs for a burst of typing."""
    page.search.clear()
    wait_for_executor(qtbot, ui_ctx)
    calls = []
    page.model.loading_changed.connect(lambda busy: busy and calls.append(1))
    for ch in "zha":
        qtbot.keyClicks(page.search, ch)
    qtbot.waitUntil(lambda: bool(calls) and not page.model.loading, timeout=5000)
    assert len(calls) == 1
    assert _names(page) == ["张三"]


def test_very_long_or_odd_search_text_is_handled(qtbot, page):
    type_text(page.search, "张" * 2000)
    assert len(page.search.text()) == 100
    qtbot.waitUntil(lambda: _names(page) == [], timeout=10000)
    errors = []
    page.model.failed.connect(errors.append)
    page.search.clear()
    type_text(page.search, "😀'\"%_*")  # nothing searchable: no error, the list stays usable
    qtbot.wait(SEARCH_DELAY_MS + 50)
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10000)
    assert errors == []
    _search(qtbot, page, "ＺＳ", ["张三"])  # full-width letters typed by an IME


def test_needs_consent_view_lists_children_without_consent(qtbot, page):
    page.view_combo.setCurrentIndex(page.view_combo.findData("consent"))
    qtbot.waitUntil(lambda: _names(page) == ["欧阳娜娜"], timeout=10000)
    assert page.model.index(0, 8).data() == "Pending"


def test_possible_duplicates_view_groups_look_alikes(qtbot, page, ui_ctx, local_app, admin_session):
    site_id = SitesService(local_app, admin_session).list_sites()[0].id
    ChildrenService(local_app, admin_session).register(_form(site_id, "章", "三", "2015-05-01"))
    page.view_combo.setCurrentIndex(page.view_combo.findData("duplicates"))
    qtbot.waitUntil(lambda: sorted(_names(page)) == ["张三", "章三"], timeout=10000)


def test_filters_by_status_and_category(qtbot, page):
    page.category_combo.setCurrentIndex(page.category_combo.findData("left_behind"))
    qtbot.waitUntil(lambda: _names(page) == [], timeout=10000)
    page.category_combo.setCurrentIndex(page.category_combo.findData("migrant"))
    qtbot.waitUntil(lambda: len(_names(page)) == 3, timeout=10000)
    page.status_combo.setCurrentIndex(page.status_combo.findData("archived"))
    qtbot.waitUntil(lambda: _names(page) == [], timeout=10000)


def _select(page: ChildrenPage, name: str) -> None:
    row = _names(page).index(name)
    page.table.setCurrentIndex(page.model.index(row, 0))


def test_archive_and_restore_with_a_reason(qtbot, page, ui_ctx, local_app, admin_session, children):
    _select(page, "张三")
    assert page.archive_button.isEnabled()

    def give_reason(dialog: ReasonDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no archive
        type_text(dialog.reason, "已转学")
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_dialog_shows(qtbot, give_reason, cls=ReasonDialog)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "张三" not in _names(page), timeout=10000)
    stored = ChildrenService(local_app, admin_session).get(children["张三"])
    assert (stored["status"], stored["archive_reason"]) == ("archived", "已转学")

    page.status_combo.setCurrentIndex(page.status_combo.findData("archived"))
    qtbot.waitUntil(lambda: _names(page) == ["张三"], timeout=10000)
    _select(page, "张三")
    assert page.restore_button.isEnabled() and not page.archive_button.isEnabled()

    def give_restore_reason(dialog: ReasonDialog) -> None:
        type_text(dialog.reason, "回到本校")
        dialog.accept()

    when_dialog_shows(qtbot, give_restore_reason, cls=ReasonDialog)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(page) == [], timeout=10000)
    assert ChildrenService(local_app, admin_session).get(children["张三"])["status"] == "active"


def test_cancelling_the_reason_archives_nothing(
    qtbot, page, ui_ctx, local_app, admin_session, children
):
    _select(page, "李小红")
    when_dialog_shows(qtbot, lambda d: d.reject(), cls=ReasonDialog)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    wait_for_executor(qtbot, ui_ctx)
    assert ChildrenService(local_app, admin_session).get(children["李小红"])["status"] == "active"
    assert "李小红" in _names(page)


def test_enter_opens_the_selected_child(qtbot, page, children):
    _select(page, "李小红")
    page.table.setFocus()
    with qtbot.waitSignal(page.open_child_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [children["李小红"]]


def test_the_model_passes_qtmodeltester(qtbot, qtmodeltester, page):
    qtmodeltester.check(page.model, force_py=True)


@pytest.fixture
def many(local_app, admin_session):
    return DemoService(local_app, admin_session).populate(450, seed=3)


def test_lazy_model_fetches_pages_while_scrolling(qtbot, qtmodeltester, ui_ctx, many):
    model = ChildrenTableModel(ui_ctx.executor)
    service = ChildrenService(ui_ctx.app, ui_ctx.session)
    model.set_source(lambda after, limit: service.search("", after=after, limit=limit))
    qtbot.waitUntil(lambda: model.rowCount() == model.PAGE_SIZE, timeout=10000)
    total = model.total
    assert total is not None and total > model.PAGE_SIZE
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore() or model.loading:
        if model.canFetchMore():
            model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    ids = [model.child_id(r) for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == total


def test_sorting_by_birth_date_covers_every_child(qtbot, ui_ctx, many):
    page = ChildrenPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading, timeout=10000)
    model = page.model
    total = model.total
    every_dob = sorted(
        (row.dob or "")
        for row in ChildrenService(ui_ctx.app, ui_ctx.session).search("", limit=10_000).rows
    )
    page.table.sortByColumn(COL_DOB, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.sorted_in_database and not model.loading, timeout=10000)
    # the first page shown is already the first in birth-date order, of ALL the children
    first = [model.child_row(r).dob or "" for r in range(model.rowCount())]
    assert len(first) == model.PAGE_SIZE < total
    assert first == every_dob[: model.PAGE_SIZE]
    while model.canFetchMore() or model.loading:  # scrolling down reads the rest, in order
        if model.canFetchMore():
            model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    dobs = [model.child_row(r).dob or "" for r in range(model.rowCount())]
    ids = {model.child_id(r) for r in range(model.rowCount())}
    assert dobs == every_dob and len(ids) == total
    # descending, then back to the search order (pinyin)
    page.table.sortByColumn(COL_DOB, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: not model.loading and model.rowCount() == model.PAGE_SIZE, timeout=10000
    )
    assert model.child_row(0).dob == every_dob[-1]
    page.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.sorted_in_database and not model.loading, timeout=10000)
    search_order = ChildrenService(ui_ctx.app, ui_ctx.session).search("", limit=20).rows
    assert [model.child_id(r) for r in range(20)] == [row.id for row in search_order]


def test_the_needs_consent_view_sorts_in_memory(qtbot, ui_ctx, many):
    page = ChildrenPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.view_combo.setCurrentIndex(page.view_combo.findData(VIEW_CONSENT))
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=10000)
    page.table.sortByColumn(COL_DOB, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.loading and not model.canFetchMore(), timeout=10000)
    assert not model.sorted_in_database
    rows = [model.child_row(r) for r in range(model.rowCount())]
    assert rows and all(r.consent_pending for r in rows)
    dobs = [r.dob or "" for r in rows]
    assert dobs == sorted(dobs)


def test_the_empty_list_offers_to_register_a_child_or_import_a_class_list(
    qtbot, main_window, ui_ctx
):
    from ss_desktop.ui.import_wizard import ImportWizard
    from ss_desktop.ui.main_window import PAGE_REGISTER

    page = main_window.children_page
    panel = page.first_child
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is panel, timeout=10_000)
    assert panel.register_button.isVisible() and panel.import_button.isVisible()
    assert panel.register_button.text() == "Register a child (Ctrl+N)"
    assert panel.import_button.text() == "Import a class &list…"
    assert "import a whole class list" in panel.text.text()

    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in main_window.findChildren(ImportWizard)), timeout=5000
    )
    wizard = next(w for w in main_window.findChildren(ImportWizard) if w.isVisible())
    wizard.reject()
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    assert main_window.stack.currentIndex() == PAGE_REGISTER

    # once a child is registered, the list takes the panel's place
    site = SitesService(ui_ctx.app, ui_ctx.session).create_site("新站点", "online").id
    ChildrenService(ui_ctx.app, ui_ctx.session).register(_form(site, "王", "小明", "2015-03-04"))
    ui_ctx.events.data_changed.emit({"child": []})
    main_window.show_page(0)
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.table, timeout=10_000)
    assert page.model.rowCount() == 1
