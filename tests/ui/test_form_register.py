"""The registration form driven as a volunteer would: typing Chinese through input-method
events, keyboard shortcuts, the real services and executor on a temp data folder."""

# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ss_desktop.services.children import ChildForm, ChildrenService
from tests.ui.form_fixtures import (  # noqa: F401  (page, site are fixtures)
    children_count,
    fake_id_number,
    fill_child,
    leave,
    page,
    press_save,
    site,
    type_text,
    wait_idle,
)


def search(ctx, text):
    return ChildrenService(ctx.app, ctx.session).search(text).rows


def test_register_with_two_guardians_and_consent_then_find_by_initials(qtbot, page, ui_ctx):
    fill_child(page, surname="张", given="小明", guardian="王芳")
    qtbot.mouseClick(page.add_guardian_button, Qt.MouseButton.LeftButton)
    second = page.guardians[1]
    type_text(second.name, "张建国")
    second.relationship.set_value("father")
    type_text(second.phone, "021-12345678")
    type_text(page.sections.school.class_name, "三(2)班")
    assert page.sections.identity.pinyin.text() == "Zhang Xiaoming"
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "Saved" in page.message.text()
    found = search(ui_ctx, "zxm")
    assert [(r.surname, r.given_name) for r in found] == [("张", "小明")]
    assert found[0].consent_pending is False
    child = ChildrenService(ui_ctx.app, ui_ctx.session).get(found[0].id)
    assert sorted(g["name"] for g in child["guardians"]) == ["张建国", "王芳"]
    assert sorted(g["phone"] for g in child["guardians"]) == ["02112345678", "13812345678"]
    assert child["class_name"] == "三(2)班"
    assert child["consents"][0]["scopes"] == ["registration"]
    # after Save the record stays open for editing, with nothing unsaved
    qtbot.waitUntil(lambda: page.child_id == found[0].id and bool(page.guardians[0].record_id))
    assert not page.has_unsaved_changes()


def test_an_invalid_id_number_is_shown_by_the_field_and_nothing_is_saved(qtbot, page, ui_ctx):
    fill_child(page)
    good = fake_id_number("310104", date(2015, 3, 4), male=True)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    type_text(page.sections.identity.id_number, bad)
    before = children_count(ui_ctx)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    box = page.sections.boxes["id_number"]
    assert box.error.isVisible()
    assert "last character does not match" in box.error.text()
    assert page.sections.identity.id_number.hasFocus()  # focus on the first error
    assert children_count(ui_ctx) == before
    assert "Nothing was saved" in page.message.text()
    # fixing it and leaving the field clears the message; saving works
    page.sections.identity.id_number.clear()
    type_text(page.sections.identity.id_number, good)
    leave(page.sections.identity.id_number)
    assert not box.error.isVisible()
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == before + 1


def test_leaving_a_field_shows_its_message_at_once(qtbot, page):
    guardian = page.guardians[0]
    type_text(guardian.phone, "12345")
    leave(guardian.phone)
    assert "11-digit mobile" in guardian.boxes["phone"].error.text()
    # fields not yet visited stay quiet
    assert not page.sections.boxes["surname"].error.isVisible()
    guardian.phone.clear()
    type_text(guardian.phone, "13912345678")
    leave(guardian.phone)
    assert not guardian.boxes["phone"].error.isVisible()


def test_duplicate_panel_then_save_anyway_needs_a_reason(qtbot, page, ui_ctx, site):
    ChildrenService(ui_ctx.app, ui_ctx.session).register(
        ChildForm(
            {
                "surname": "张",
                "given_name": "小明",
                "gender": 1,
                "dob": "2015-03-04",
                "site_id": site.id,
            }
        )
    )
    before = children_count(ui_ctx)
    fill_child(page, surname="张", given="小明", dob="2015-03-04")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    panel = page.duplicates
    assert panel.isVisible()
    rows = panel.candidates()
    assert len(rows) == 1 and rows[0].name.startswith("张小明")
    assert rows[0].site == "阳光小学" and rows[0].dob == "2015-03-04"
    assert "same name" in panel.table.item(0, 3).text()
    assert children_count(ui_ctx) == before
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "Say why" in panel.reason_box.error.text()
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == before
    type_text(panel.reason, "双胞胎中的另一个")
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == before + 1
    assert not panel.isVisible()


def test_duplicate_panel_opens_the_existing_record(qtbot, page, ui_ctx, site):
    existing = ChildrenService(ui_ctx.app, ui_ctx.session).register(
        ChildForm(
            {
                "surname": "李",
                "given_name": "娜",
                "gender": 2,
                "dob": "2014-06-01",
                "site_id": site.id,
                "class_name": "四(1)班",
            }
        )
    )
    fill_child(page, surname="李", given="娜", dob="2014-06-01", gender_index=2)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert page.duplicates.isVisible()
    qtbot.mouseClick(page.duplicates.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ui_ctx)
    assert page.child_id == existing.child_id
    assert page.sections.school.class_name.text() == "四(1)班"
    assert page.title.text() == "Edit child"
    assert children_count(ui_ctx) == 1


def test_save_and_new_keeps_site_grade_and_class(qtbot, page, ui_ctx, site):
    fill_child(page, surname="赵", given="一")
    s = page.sections
    s.school.stage.set_value("primary")
    s.school.grade.setCurrentIndex(s.school.grade.findData(3))
    type_text(s.school.class_name, "三(2)班")
    press_save(qtbot, page, and_new=True)
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == 1
    assert page.child_id is None
    assert s.surname.text() == "" and s.identity.given_name.text() == "" and s.dob.text() == ""
    assert page.guardians[0].name.text() == ""
    assert s.school.class_name.text() == "三(2)班"
    assert s.school.grade.currentData() == 3 and s.school.stage.value() == "primary"
    assert s.site.currentData() == site.id
    assert s.surname.hasFocus()
    assert "Saved" in page.message.text()
    # the next child of the class, by keyboard only
    fill_child(page, surname="钱", given="二", dob="2015-05-06")
    press_save(qtbot, page, and_new=True)
    wait_idle(qtbot, ui_ctx)
    rows = search(ui_ctx, "")
    assert sorted(r.class_name for r in rows) == ["三(2)班", "三(2)班"]


def test_a_child_under_14_without_consent_is_saved_as_consent_pending(qtbot, page, ui_ctx):
    fill_child(page, surname="孙", given="小红", dob="2016-01-02", gender_index=2, consent=False)
    banner = page.consent_banner
    assert banner.isVisible() and "under 14" in banner.text()  # said before saving
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "Consent pending" in page.message.text()  # and after
    rows = search(ui_ctx, "sxh")
    assert len(rows) == 1 and rows[0].consent_pending is True
    # recording the guardian's consent afterwards lifts it
    qtbot.waitUntil(lambda: page.child_id == rows[0].id)
    page.consent.setChecked(True)
    type_text(page.consent.giver_name, "王芳")
    assert not banner.isVisible()
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert search(ui_ctx, "sxh")[0].consent_pending is False


def test_a_child_of_14_cannot_be_saved_with_self_consent_under_14(qtbot, page, ui_ctx):
    fill_child(page, dob="2016-01-02")
    page.consent.giver_role.set_value("self")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "under 14 cannot consent alone" in page.consent.boxes["giver_role"].error.text()
    assert children_count(ui_ctx) == 0


def test_pinyin_is_derived_and_can_be_corrected(qtbot, page, ui_ctx):
    fill_child(page, surname="单", given="雄信")
    assert page.sections.identity.pinyin.text() == "Shan Xiongxin"
    page.sections.identity.pinyin.selectAll()
    qtbot.keyClicks(page.sections.identity.pinyin, "Dan Xiongxin")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    rows = search(ui_ctx, "单雄信")
    assert rows and rows[0].pinyin == "Dan Xiongxin"


def test_edit_an_existing_child_and_guard_against_unsaved_changes(qtbot, page, ui_ctx, site):
    saved = ChildrenService(ui_ctx.app, ui_ctx.session).register(
        ChildForm(
            {
                "surname": "周",
                "given_name": "杰",
                "gender": 1,
                "dob": "2013-02-03",
                "site_id": site.id,
            },
            guardians=[{"name": "周母", "relationship": "mother", "phone": "13700001111"}],
        )
    )
    page.open_child(saved.child_id)
    wait_idle(qtbot, ui_ctx)
    assert page.sections.identity.given_name.text() == "杰"
    assert page.guardians[0].phone.text() == "137****1111"  # masked for every role
    assert not page.has_unsaved_changes()
    page.sections.identity.given_name.clear()
    type_text(page.sections.identity.given_name, "杰伦")
    assert page.has_unsaved_changes()
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    child = ChildrenService(ui_ctx.app, ui_ctx.session).get(saved.child_id)
    assert child["given_name"] == "杰伦"
    assert len(child["guardians"]) == 1  # the guardian was edited in place, not duplicated
    assert children_count(ui_ctx) == 1
    assert not page.has_unsaved_changes()


def test_conditional_sections_follow_the_answers(qtbot, page):
    s = page.sections
    assert s.living.away_group.isHidden() and s.disability.isHidden() and s.care.isHidden()
    s.living.father_status.set_value("working_away")
    assert not s.living.away_group.isHidden()
    s.living.father_status.set_value(None)
    assert s.living.away_group.isHidden()
    s.categories.categories.boxes["disability"].setChecked(True)
    assert not s.disability.isHidden()
    s.living.living_arrangement.set_value("care_home")
    assert not s.care.isHidden()


def test_categories_are_suggested_and_confirmed_by_the_user(qtbot, page, ui_ctx):
    fill_child(page, dob="2015-03-04")
    s = page.sections
    s.living.father_status.set_value("working_away")
    s.living.mother_status.set_value("working_away")
    assert not s.categories.suggestion.isHidden()
    assert "Left-behind" in s.categories.suggestion.text()
    assert "left_behind" not in s.categories.categories.values()  # only a suggestion
    qtbot.mouseClick(s.categories.use_suggestion, Qt.MouseButton.LeftButton)
    assert {"left_behind", "migrant"} <= set(
        s.categories.categories.values()
    )  # migrant: the site type
    type_text(s.living.caregiver_name, "张奶奶")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    row = search(ui_ctx, "zxm")[0]
    assert set(row.categories) >= {"left_behind", "migrant"}
