"""The registration form shows sensitive fields masked; a coordinator's "Show hidden details"
reveals them (audited); a volunteer has no such button and saving never writes a mask back."""

# ruff: noqa: F811 - the fixtures page and site are imported from form_fixtures

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from ss_desktop.db import queries
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.children import VIEW_UNMASKED, ChildForm, ChildrenService
from tests.ui.form_fixtures import (  # noqa: F401  (page, site are fixtures)
    fake_id_number,
    page,
    press_save,
    site,
    type_text,
    wait_idle,
)
from tests.ui.helpers import PASSWORD

ID_NUMBER = fake_id_number("310104", date(2014, 5, 6), male=True)
PLACEMENT = "上海市儿童福利院"


@pytest.fixture
def child_id(ui_ctx, site):
    form = ChildForm(
        {
            "surname": "周",
            "given_name": "杰",
            "gender": 1,
            "dob": "2014-05-06",
            "site_id": site.id,
            "id_number": ID_NUMBER,
            "class_name": "五(2)班",
            "categories": ["disability", "in_care", "low_income"],
            "disability_types": ["hearing"],
            "disability_grade": 3,
            "disability_certificate": True,
            "hardship": "dibao",
            "care_placement": PLACEMENT,
        },
        guardians=[{"name": "周母", "relationship": "mother", "phone": "13700001111"}],
        consents=[
            {
                "giver_name": "周母",
                "giver_relationship": "mother",
                "giver_role": "legal_guardian",
                "method": "paper_signed",
                "given_on": "2024-09-01",
                "notice_version": "2024-01",
                "scopes": ["registration", "sensitive"],
            },
        ],
    )
    return ChildrenService(ui_ctx.app, ui_ctx.session).register(form).child_id


def signed_in_as(ui_ctx, site, role: str):
    accounts = Accounts(ui_ctx.app)
    accounts.create_user(ui_ctx.session, role[:5], PASSWORD, role, [site.id])
    return accounts.sign_in(role[:5], PASSWORD)


def view_audits(app) -> list[tuple]:
    with app.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        return cursor.execute(
            "SELECT actor, record_id, detail FROM audit_log WHERE action = ?", (VIEW_UNMASKED,)
        ).fetchall()


def open_child(qtbot, page, ui_ctx, child_id):
    page.open_child(child_id)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.child_id == child_id)


def test_a_volunteer_sees_masks_and_no_show_button(qtbot, page, ui_ctx, site, child_id):
    ui_ctx.session = signed_in_as(ui_ctx, site, "volunteer")
    open_child(qtbot, page, ui_ctx, child_id)
    s = page.sections
    assert s.identity.id_number.text() == "**************" + ID_NUMBER[-4:]
    assert page.guardians[0].phone.text() == "137****1111"
    assert s.care.care_placement.text() == "••••••"
    assert not s.hardship.hardship.isEnabled() and s.hardship.hardship.value() is None
    assert (
        not s.disability.disability_types.isEnabled()
        and s.disability.disability_types.values() == []
    )
    assert not page.sensitive.isHidden()
    assert "your role may not show them" in page.sensitive.label.text()
    assert page.sensitive.show_button.isHidden() and not page.sensitive.show_button.isEnabled()
    assert not page.has_unsaved_changes()

    # Change only the class and save: every masked value stays as stored.
    s.school.class_name.clear()
    type_text(s.school.class_name, "五(3)班")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    assert "Saved" in page.message.text()
    stored = queries.get_child(ui_ctx.app.engine, child_id)
    assert stored["class_name"] == "五(3)班"
    assert stored["id_number"] == ID_NUMBER
    assert stored["guardians"][0]["phone"] == "13700001111"
    assert stored["care_placement"] == PLACEMENT
    assert (stored["hardship"], stored["disability_types"]) == ("dibao", ["hearing"])
    assert (stored["disability_grade"], stored["disability_certificate"]) == (3, True)
    assert view_audits(ui_ctx.app) == []


def test_a_volunteer_may_type_over_a_masked_field(qtbot, page, ui_ctx, site, child_id):
    ui_ctx.session = signed_in_as(ui_ctx, site, "volunteer")
    open_child(qtbot, page, ui_ctx, child_id)
    new_phone = "13911112222"
    page.guardians[0].phone.clear()
    type_text(page.guardians[0].phone, new_phone)
    assert page.has_unsaved_changes()
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    stored = queries.get_child(ui_ctx.app.engine, child_id)
    assert stored["guardians"][0]["phone"] == new_phone
    assert stored["id_number"] == ID_NUMBER
    # the reopened record shows the new phone masked
    qtbot.waitUntil(lambda: page.guardians[0].phone.text() == "139****2222")


def test_a_coordinator_shows_hidden_details_and_it_is_audited(qtbot, page, ui_ctx, site, child_id):
    ui_ctx.session = signed_in_as(ui_ctx, site, "coordinator")
    open_child(qtbot, page, ui_ctx, child_id)
    s = page.sections
    assert s.identity.id_number.text().startswith("****")
    button = page.sensitive.show_button
    assert not button.isHidden() and button.isEnabled()
    assert "audit log" in page.sensitive.label.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.identity.id_number.text() == ID_NUMBER)
    wait_idle(qtbot, ui_ctx)
    assert page.guardians[0].phone.text() == "13700001111"
    assert s.care.care_placement.text() == PLACEMENT
    assert s.hardship.hardship.isEnabled() and s.hardship.hardship.value() == "dibao"
    assert s.disability.disability_types.values() == ["hearing"]
    assert s.disability.disability_certificate.isChecked()
    assert page.sensitive.isHidden()
    assert not page.has_unsaved_changes()  # showing is not an edit
    [(actor, record_id, detail)] = view_audits(ui_ctx.app)
    assert (actor, record_id) == ("coord", child_id)
    assert ID_NUMBER not in detail and "13700001111" not in detail
    assert "id_number" in json.loads(detail)["fields"]
    assert verify_audit_chain(ui_ctx.app.engine) is None

    # Saving the shown values changes nothing of them.
    s.school.class_name.clear()
    type_text(s.school.class_name, "五(1)班")
    press_save(qtbot, page)
    wait_idle(qtbot, ui_ctx)
    stored = queries.get_child(ui_ctx.app.engine, child_id)
    assert (stored["class_name"], stored["id_number"]) == ("五(1)班", ID_NUMBER)
    assert stored["guardians"][0]["phone"] == "13700001111"


def test_a_new_child_shows_no_hidden_details_bar(qtbot, page):
    assert page.sensitive.isHidden()
    assert (
        page.sections.hardship.hardship.isEnabled()
        and page.sections.identity.id_number.text() == ""
    )
