"""Sites & programs page: a pending local site, a program, enrolling several children."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.sites import SitesService
from tests.ui.form_fixtures import type_text, wait_idle


def test_create_site_and_program_then_enroll_several_children(qtbot, ui_ctx):
    from ss_desktop.ui.sites_page import SitesPage

    page = SitesPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    wait_idle(qtbot, ui_ctx)
    type_text(page.site_name, "希望小学")
    page.site_type.set_value("migrant_school")
    qtbot.keyClick(page.site_name, Qt.Key.Key_Return)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.site_table.rowCount() == 1)
    assert page.site_table.item(0, 0).text() == "希望小学"
    assert page.site_table.item(0, 2).text().startswith("Pending")
    site_id = page.selected_site()
    children = ChildrenService(ui_ctx.app, ui_ctx.session)
    for surname, given in (("张", "三"), ("李", "四"), ("王", "五")):
        children.register(
            ChildForm(
                {
                    "surname": surname,
                    "given_name": given,
                    "gender": 1,
                    "dob": "2015-03-04",
                    "site_id": site_id,
                }
            )
        )
    type_text(page.program_name, "英语 三年级")
    page.program_type.set_value("english")
    qtbot.mouseClick(page.add_program_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.program_table.rowCount() == 1)
    wait_idle(qtbot, ui_ctx)
    page.search_children()
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.child_list.count() == 3)
    type_text(page.child_search, "zs")  # search by initials narrows the list
    qtbot.waitUntil(lambda: page.child_list.count() == 1)
    page.child_search.clear()
    qtbot.waitUntil(lambda: page.child_list.count() == 3)
    page.child_list.item(0).setSelected(True)
    page.child_list.item(2).setSelected(True)
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.enrolled_table.rowCount() == 2)
    assert "2 enrolled" in page.message.text()
    program = SitesService(ui_ctx.app, ui_ctx.session).list_programs(site_id)[0]
    assert program.enrolled == 2
    assert page.enrolled_table.item(0, 2).text() == "0"  # lessons so far


def test_a_site_without_a_name_is_refused_by_the_field(qtbot, ui_ctx):
    from ss_desktop.ui.sites_page import SitesPage

    page = SitesPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ui_ctx)
    qtbot.mouseClick(page.add_site_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ui_ctx)
    assert page.site_name_box.error.text() == "This field is required."
    assert SitesService(ui_ctx.app, ui_ctx.session).list_sites() == []
