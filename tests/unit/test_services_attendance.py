"""AttendanceService against a real laptop database in a temp folder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ss_core.domain.errors import ValidationFailed
from ss_desktop.services.attendance import AttendanceService
from ss_desktop.services.errors import NotFound
from ss_desktop.services.sites import SitesService
from tests.unit.test_services_sites import PASSWORD, add_child, admin, app  # noqa: F401


@pytest.fixture
def program(app, admin):  # noqa: F811
    sites = SitesService(app, admin)
    site = sites.create_site("甲校", "public_school")
    prog = sites.create_program("英语", "english", site.id)
    children = [add_child(app, site.id, "张", "三"), add_child(app, site.id, "李", "四")]
    sites.enroll(prog.id, children)
    return prog, children


def test_sessions_are_listed_by_date(app, admin, program):  # noqa: F811
    prog, _ = program
    service = AttendanceService(app, admin)
    service.add_session(prog.id, "2024-09-10", lessons=2)
    service.add_session(prog.id, date(2024, 9, 3))
    assert [(s.held_on, s.lessons) for s in service.sessions(prog.id)] == [
        ("2024-09-03", 1),
        ("2024-09-10", 2),
    ]


@pytest.mark.parametrize(
    ("held_on", "lessons", "field"),
    [
        ("2024-02-30", 1, "held_on"),
        ("tomorrow", 1, "held_on"),
        ("2024-09-01", 0, "lessons"),
        ("2024-09-01", 99, "lessons"),
    ],
)
def test_bad_sessions_are_refused(app, admin, program, held_on, lessons, field):  # noqa: F811
    prog, _ = program
    service = AttendanceService(app, admin)
    with pytest.raises(ValidationFailed) as failed:
        service.add_session(prog.id, held_on, lessons=lessons)
    assert failed.value.issues[0].field == field
    assert service.sessions(prog.id) == []


def test_a_future_session_is_refused(app, admin, program):  # noqa: F811
    prog, _ = program
    with pytest.raises(ValidationFailed):
        AttendanceService(app, admin).add_session(prog.id, date.today() + timedelta(days=2))


def test_marks_fill_the_grid_and_count_lessons(app, admin, program):  # noqa: F811
    prog, (a, b) = program
    service = AttendanceService(app, admin)
    s1 = service.add_session(prog.id, "2024-09-03", lessons=2)
    s2 = service.add_session(prog.id, "2024-09-10")
    service.mark(s1.id, a, "present")
    service.mark(s1.id, b, "absent")
    service.mark(s2.id, a, "present")
    service.mark(s1.id, b, "excused")  # change of mind: the same record is edited
    grid = service.grid(prog.id)
    assert {c.child_id for c in grid.children} == {a, b}
    assert [s.id for s in grid.sessions] == [s1.id, s2.id]
    assert grid.marks == {(s1.id, a): "present", (s1.id, b): "excused", (s2.id, a): "present"}
    assert service.lessons_per_child(prog.id) == {a: 3, b: 0}
    service.mark(s2.id, a, None)
    assert (s2.id, a) not in service.grid(prog.id).marks
    assert service.lessons_per_child(prog.id)[a] == 2


def test_bad_marks_are_refused(app, admin, program):  # noqa: F811
    prog, (a, _) = program
    service = AttendanceService(app, admin)
    s1 = service.add_session(prog.id, "2024-09-03")
    with pytest.raises(ValidationFailed):
        service.mark(s1.id, a, "late")
    with pytest.raises(NotFound):
        service.mark("0190aaaa-0000-7000-8000-000000000000", a, "present")
    assert service.grid(prog.id).marks == {}
