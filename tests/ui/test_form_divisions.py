"""Province -> prefecture -> county pickers: filtering by Chinese, pinyin and initials."""

# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

from PySide6.QtCore import Qt

from ss_desktop.services.children import ChildrenService
from tests.ui.form_fixtures import (  # noqa: F401  (page, site are fixtures)
    fill_child,
    leave,
    page,
    press_save,
    reactivate,
    site,
    type_text,
    wait_idle,
)


def picker_ready(qtbot, page):
    qtbot.waitUntil(lambda: page.sections.hukou.hukou_division.province.isEnabled())
    return page.sections.hukou.hukou_division


def test_pinyin_and_initials_find_anhui(qtbot, page):
    picker = picker_ready(qtbot, page)
    province = picker.province
    assert [o.name for o in province.matches("anhui")] == ["安徽省"]
    assert "安徽省" in [o.name for o in province.matches("ah")]
    province.edit.setFocus()
    qtbot.keyClicks(province.edit, "anhui")
    assert province.completer.popup().isVisible()
    assert province.completer.completionCount() == 1
    assert province.completer.popup().model().index(0, 0).data() == "安徽省"
    leave(province.edit)
    assert province.current().name == "安徽省"
    assert province.edit.text() == "安徽省"


def test_typing_a_whole_place_by_keyboard(qtbot, page, ui_ctx):
    picker = picker_ready(qtbot, page)
    picker.province.edit.setFocus()
    qtbot.keyClicks(picker.province.edit, "ah")
    leave(picker.province.edit)
    assert picker.province.current().name == "安徽省"
    type_text(picker.prefecture.edit, "合肥")  # Chinese, through the input method
    leave(picker.prefecture.edit)
    assert picker.prefecture.current().name == "合肥市"
    picker.county.edit.setFocus()
    qtbot.keyClicks(picker.county.edit, "yaohai")
    leave(picker.county.edit)
    assert picker.code() == "340102"
    fill_child(page)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    row = ChildrenService(ui_ctx.app, ui_ctx.session).search("zxm").rows[0]
    child = ChildrenService(ui_ctx.app, ui_ctx.session).get(row.id)
    assert child["hukou_division"] == "340102"
    # the place is shown again when the record is opened
    qtbot.waitUntil(lambda: page.child_id == row.id)
    wait_idle(qtbot, ui_ctx)
    assert page.sections.hukou.hukou_division.label() == "安徽省 合肥市 瑶海区"


def test_a_municipality_shows_its_name_not_shixiaqu(qtbot, page):
    picker = picker_ready(qtbot, page)
    type_text(picker.province.edit, "上海")
    leave(picker.province.edit)
    names = [o.name for o in picker.prefecture.options()]
    assert names == ["上海市"]
    assert "市辖区" not in names


def test_an_unfinished_place_is_said_on_save(qtbot, page, ui_ctx):
    picker = picker_ready(qtbot, page)
    picker.province.edit.setFocus()
    qtbot.keyClicks(picker.province.edit, "zj")  # 浙江 — no county chosen
    leave(picker.province.edit)
    fill_child(page)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert page.sections.boxes["hukou_division"].error.text() == "This field is required."
    assert ChildrenService(ui_ctx.app, ui_ctx.session).search("").rows == []


def test_the_drop_down_button_lists_every_province(qtbot, page):
    picker = picker_ready(qtbot, page)
    qtbot.mouseClick(picker.province.button, Qt.MouseButton.LeftButton)
    assert picker.province.completer.popup().isVisible()
    assert picker.province.completer.completionCount() == 31  # GB/T 2260 mainland provinces


def test_tab_after_each_part_of_a_place_goes_to_the_next_part(qtbot, page):
    """A volunteer types the province, Tab, the prefecture, Tab, the county, Tab: the next
    part must take the keys. It used to stay disabled until the province was committed, which
    happened only once the focus had already jumped past it (to the hukou type)."""
    from PySide6.QtWidgets import QApplication

    picker = picker_ready(qtbot, page)
    qtbot.mouseClick(picker.province.edit, Qt.MouseButton.LeftButton)
    for typed in ("ah", "hefei", "yaohai"):
        focused = QApplication.focusWidget()
        qtbot.keyClicks(focused, typed)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reactivate(page)
    assert picker.province.current().name == "安徽省"
    assert picker.prefecture.current().name == "合肥市"
    assert picker.code() == "340102"
    assert QApplication.focusWidget() is page.sections.hukou.hukou_type
