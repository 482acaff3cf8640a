"""Bad input in the registration form: long pastes, emoji, full-width digits, a failed save."""

# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

from datetime import date

import pytest

from ss_desktop.config import AppPaths
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.setup import initialize
from tests.fixtures.db_access import raw_connect
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
from tests.ui.helpers import PASSWORD


def test_pasting_2000_characters_is_cut_and_said(qtbot, page, ui_ctx):
    fill_child(page)
    page.sections.identity.given_name.clear()
    type_text(page.sections.identity.given_name, "明" * 2000)
    assert len(page.sections.identity.given_name.text()) == 21  # the line edit's limit
    leave(page.sections.identity.given_name)
    assert "too long" in page.sections.boxes["given_name"].error.text()
    page.sections.notes.notes.setPlainText("备注" * 1001)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "too long" in page.sections.boxes["notes"].error.text()
    assert children_count(ui_ctx) == 0


def test_emoji_in_a_name_is_refused_with_the_name_message(qtbot, page, ui_ctx):
    fill_child(page, given="小明😀")
    leave(page.sections.identity.given_name)
    assert "Chinese characters or letters only" in page.sections.boxes["given_name"].error.text()
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == 0


def test_full_width_digits_are_normalized(qtbot, page, ui_ctx):
    fill_child(page, phone="１３８１２３４５６７８", dob="２０１５－０３－０４")
    number = fake_id_number("310104", date(2015, 3, 4), male=True)
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number)
    type_text(page.sections.identity.id_number, full_width)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "Saved" in page.message.text()
    row = ChildrenService(ui_ctx.app, ui_ctx.session).search("zxm").rows[0]
    child = ChildrenService(ui_ctx.app, ui_ctx.session).get(row.id)
    assert child["id_number"] == number
    assert child["dob"] == "2015-03-04"
    assert child["guardians"][0]["phone"] == "13812345678"


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("dob", "2015-13-40", "year-month-day"),
        ("dob", "2099-01-01", "in the future"),
        ("care_since", "yesterday", "year-month-day"),
    ],
)
def test_bad_dates_say_what_to_fix(qtbot, page, ui_ctx, field, text, message):
    fill_child(page)
    if field == "care_since":
        page.sections.living.living_arrangement.set_value("care_home")
    editor = page.sections.boxes[field].editor
    editor.clear()
    type_text(editor, text)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert message in page.sections.boxes[field].error.text()
    assert children_count(ui_ctx) == 0


def test_a_fourth_guardian_cannot_be_added(qtbot, page):
    page.add_guardian_button.click()
    page.add_guardian_button.click()
    assert len(page.guardians) == 3
    assert not page.add_guardian_button.isEnabled()


def test_a_child_needs_a_guardian(qtbot, page, ui_ctx):
    fill_child(page)
    page.guardians[0].name.clear()
    page.guardians[0].phone.clear()
    page.guardians[0].relationship.set_value(None)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    # said in the empty guardian's own box, where the keyboard goes
    required = page.guardians[0].required
    assert page.guardians[0].isAncestorOf(required.error) and required.error.isVisible()
    assert required.error.text() == (
        "A guardian is required: type at least their name, relationship and phone."
    )
    assert page.guardians[0].name.hasFocus()
    assert children_count(ui_ctx) == 0


@pytest.fixture
def local_app(data_paths: AppPaths, monkeypatch):
    """The app with a short busy timeout, so a locked database fails fast."""
    import ss_desktop.db.engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    app = initialize(data_paths, admin="admin", password=PASSWORD)
    yield app
    app.close()


def test_a_failed_save_keeps_everything_typed_and_says_why(qtbot, page, ui_ctx, data_paths):
    fill_child(page, surname="欧阳", given="娜娜", dob="2016-07-08", gender_index=2)
    type_text(page.sections.school.class_name, "一(3)班")
    blocker = raw_connect(data_paths.database, ui_ctx.app.key)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        press_save(qtbot, page)
        wait_idle(qtbot, ui_ctx)
        assert "busy" in page.message.text()
        assert page.sections.surname.text() == "欧阳"
        assert page.sections.identity.given_name.text() == "娜娜"
        assert page.sections.school.class_name.text() == "一(3)班"
        assert page.guardians[0].name.text() == "王芳"
        assert page.consent.isChecked()
        assert page.has_unsaved_changes()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert children_count(ui_ctx) == 0
    press_save(qtbot, page)  # try again once the lock is gone
    wait_idle(qtbot, ui_ctx)
    assert "Saved" in page.message.text()
    assert children_count(ui_ctx) == 1
