"""The duplicate warning of the registration form, for a match at the user's own site and at
a site the user may not open (issue: a volunteer of site B saved a child whose ID number was
already registered at site A, with no warning)."""
# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ss_desktop.services.accounts import Accounts
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.sites import SitesService
from tests.ui.form_fixtures import (  # noqa: F401  (page, site are fixtures)
    children_count,
    fake_id_number,
    fill_child,
    page,
    press_save,
    site,
    type_text,
    wait_idle,
)
from tests.ui.helpers import PASSWORD

DOB = date(2015, 3, 4)
ID_NUMBER = fake_id_number("310104", DOB, True)


@pytest.fixture
def other_sites_child(ui_ctx, site):
    """陈小明 at another site; then the form's user is a volunteer of the fixture's site."""
    admin = ui_ctx.session
    other = SitesService(ui_ctx.app, admin).create_site("希望小学", "public_school")
    ChildrenService(ui_ctx.app, admin).register(
        ChildForm(
            {
                "surname": "陈",
                "given_name": "小明",
                "gender": 1,
                "dob": DOB.isoformat(),
                "id_number": ID_NUMBER,
                "site_id": other.id,
            }
        )
    )
    accounts = Accounts(ui_ctx.app)
    accounts.create_user(admin, "vol", PASSWORD, "volunteer", [site.id])
    ui_ctx.session = accounts.sign_in("vol", PASSWORD)
    return other


def test_a_match_at_another_site_is_said_without_its_details_and_needs_a_reason(
    qtbot, other_sites_child, page, ui_ctx
):
    fill_child(page, surname="王", given="小虎", dob=DOB.isoformat())
    type_text(page.sections.identity.id_number, ID_NUMBER)
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    panel = page.duplicates
    assert panel.isVisible()
    shown = [panel.table.item(0, col).text() for col in range(panel.table.columnCount())]
    assert shown[0] == "A matching child is registered at another site"
    assert "same ID number" in shown[3]
    text = " ".join(shown)
    assert "陈" not in text and "希望小学" not in text and DOB.isoformat() not in text
    assert ID_NUMBER not in text
    assert not panel.open_button.isEnabled()
    assert children_count(ui_ctx) == 0
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "Say why" in panel.reason_box.error.text()
    type_text(panel.reason, "家长核对过身份证号")
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    wait_idle(qtbot, ui_ctx)
    assert children_count(ui_ctx) == 1  # the volunteer sees only their own site's child
    assert not panel.isVisible()


@pytest.mark.parametrize(("surname", "given"), [("陈", "小敏"), ("程", "小明")])
def test_a_name_one_character_apart_born_the_same_day_is_offered(
    qtbot, page, ui_ctx, site, surname, given
):
    ChildrenService(ui_ctx.app, ui_ctx.session).register(
        ChildForm(
            {
                "surname": "陈",
                "given_name": "小明",
                "gender": 1,
                "dob": DOB.isoformat(),
                "site_id": site.id,
            }
        )
    )
    fill_child(page, surname=surname, given=given, dob=DOB.isoformat(), phone="13900001111")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert page.duplicates.isVisible()
    rows = page.duplicates.candidates()
    assert rows[0].name.startswith("陈小明") and rows[0].site == "阳光小学"
    assert page.duplicates.open_button.isEnabled()
    assert children_count(ui_ctx) == 1
