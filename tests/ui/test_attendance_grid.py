"""The attendance grid: the table model (qtmodeltester) and marking by keyboard only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ss_desktop.services.attendance import AttendanceService
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.sites import SitesService
from ss_desktop.ui.models.attendance_model import COL_LESSONS, FIRST_SESSION_COL, AttendanceModel
from tests.ui.form_fixtures import wait_idle


@pytest.fixture
def program(ui_ctx):
    app, session = ui_ctx.app, ui_ctx.session
    sites = SitesService(app, session)
    site = sites.create_site("阳光小学", "migrant_school")
    prog = sites.create_program("英语 三年级", "english", site.id)
    children = ChildrenService(app, session)
    ids = [
        children.register(
            ChildForm(
                {
                    "surname": s,
                    "given_name": g,
                    "gender": 1,
                    "dob": "2015-03-04",
                    "site_id": site.id,
                }
            )
        ).child_id
        for s, g in (("张", "三"), ("李", "四"), ("王", "五"))
    ]
    sites.enroll(prog.id, ids)
    attendance = AttendanceService(app, session)
    attendance.add_session(prog.id, "2024-09-03", lessons=2)
    attendance.add_session(prog.id, "2024-09-10")
    return prog


def test_the_model_passes_qtmodeltester(qtmodeltester, ui_ctx, program):
    service = AttendanceService(ui_ctx.app, ui_ctx.session)
    sessions = service.sessions(program.id)
    child = service.grid(program.id).children[0]
    service.mark(sessions[0].id, child.child_id, "present")
    model = AttendanceModel()
    model.set_grid(service.grid(program.id))
    assert (model.rowCount(), model.columnCount()) == (3, FIRST_SESSION_COL + 2)
    qtmodeltester.check(model)
    model.set_mark(1, FIRST_SESSION_COL, "absent")
    model.set_grid(None)
    qtmodeltester.check(model)


def test_attendance_is_marked_by_keyboard_only(qtbot, ui_ctx, program):
    from ss_desktop.ui.attendance_page import AttendancePage

    page = AttendancePage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(800, 500)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    view = page.view
    view.setFocus()
    # the cursor starts on the first child in the latest session
    assert view.currentIndex().row() == 0
    assert view.currentIndex().column() == FIRST_SESSION_COL + 1
    rows = [page.model.index(r, 0).data() for r in range(3)]
    assert rows == ["李四", "王五", "张三"]  # by pinyin
    qtbot.keyClick(view, Qt.Key.Key_P)  # 李四 present, the cursor moves down
    qtbot.keyClick(view, Qt.Key.Key_2)  # 王五 absent
    qtbot.keyClick(view, Qt.Key.Key_E)  # 张三 excused
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # the first session, first child
    qtbot.keyClick(view, Qt.Key.Key_1)  # 李四 present
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_A)  # change of mind: 李四 absent
    qtbot.keyClick(view, Qt.Key.Key_3)  # 王五 excused
    wait_idle(qtbot, ui_ctx)
    grid = AttendanceService(ui_ctx.app, ui_ctx.session).grid(program.id)
    names = {c.child_id: c.surname + c.given_name for c in grid.children}
    first, second = grid.sessions
    saved = {(s, names[c]): m for (s, c), m in grid.marks.items()}
    assert saved == {
        (second.id, "李四"): "present",
        (second.id, "王五"): "absent",
        (second.id, "张三"): "excused",
        (first.id, "李四"): "absent",
        (first.id, "王五"): "excused",
    }
    assert page.model.index(0, COL_LESSONS).data() == "1"  # present once, in a 1-lesson session
    assert page.model.index(0, FIRST_SESSION_COL + 1).data() == "P"
    row = 0
    # Delete clears a mark
    view.setCurrentIndex(page.model.index(row, FIRST_SESSION_COL + 1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    wait_idle(qtbot, ui_ctx)
    marks = AttendanceService(ui_ctx.app, ui_ctx.session).grid(program.id).marks
    assert (second.id, grid.children[row].child_id) not in marks


def test_adding_a_session_adds_a_column(qtbot, ui_ctx, program):
    from ss_desktop.ui.attendance_page import AttendancePage

    page = AttendancePage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.model.columnCount() == FIRST_SESSION_COL + 2)
    page.lessons.setValue(2)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.model.columnCount() == FIRST_SESSION_COL + 3)
    sessions = AttendanceService(ui_ctx.app, ui_ctx.session).sessions(program.id)
    assert sessions[-1].lessons == 2
