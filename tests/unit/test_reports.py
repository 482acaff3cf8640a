"""Report numbers against counts computed independently (plain Python and own SQL) on a
seeded demo data set."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from ss_core.domain.categories import is_local_hukou
from ss_desktop.demo import DemoService
from ss_desktop.services.reports import ReportFilters, ReportService, age_band
from tests.unit.services_fixtures import make_app

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    app, session = make_app(tmp_path_factory.mktemp("reports"))
    DemoService(app, session).populate(300, seed=5)
    yield app, session
    app.close()


def _rows(app, sql, params=()):
    with app.engine.connect() as conn:
        return conn.connection.driver_connection.cursor().execute(sql, params).fetchall()


def _children(app, site_id=None):
    sql = (
        "SELECT c.id, c.gender, c.dob, c.dob_precision, c.stage, c.grade, c.categories,"
        " c.hukou_division, c.residence_division, s.division_code, c.living_arrangement,"
        " c.site_id FROM child c JOIN site s ON s.id = c.site_id"
        " WHERE c.deleted = 0 AND c.status = 'active'"
    )
    rows = _rows(app, sql)
    return [r for r in rows if site_id is None or r[11] == site_id]


def test_child_counts_match_independent_counts(seeded):
    app, session = seeded
    report = ReportService(app, session).build(today=TODAY)
    kids = _children(app)
    assert report.total_children == len(kids) == 300
    categories = Counter(c for k in kids for c in json.loads(k[6]))
    assert {k: v for k, v in report.by_category.items() if v} == dict(categories)
    assert report.by_gender == dict(Counter(k[1] for k in kids))
    assert sum(report.by_stage_grade.values()) == 300
    assert report.by_stage_grade[("primary", 3)] == sum(
        1 for k in kids if k[4] == "primary" and k[5] == 3
    )
    ages = Counter(age_band(k[2], k[3], TODAY) for k in kids)
    assert {k: v for k, v in report.by_age_band.items() if v} == dict(ages)
    local = Counter(
        {None: "unknown", True: "local", False: "not_local"}[is_local_hukou(k[7], k[8] or k[9])]
        for k in kids
    )
    assert {k: v for k, v in report.by_hukou.items() if v} == dict(local)
    assert report.by_living == dict(Counter(k[10] or "unknown" for k in kids))
    assert sum(report.by_site.values()) == 300


def test_lessons_match_own_sql(seeded):
    app, session = seeded
    report = ReportService(app, session).build(today=TODAY)
    sessions = _rows(
        app, "SELECT program_id, lessons, id, held_on FROM attendance_session WHERE deleted = 0"
    )
    marks = _rows(
        app,
        "SELECT session_id, child_id FROM attendance_mark WHERE deleted = 0 AND mark = 'present'",
    )
    lessons = Counter()
    for program_id, n, _sid, _held in sessions:
        lessons[program_id] += n
    by_session = {sid: (pid, n) for pid, n, sid, _ in sessions}
    kids: dict[str, set] = {}
    child_lessons = Counter()
    for sid, child in marks:
        pid, n = by_session[sid]
        kids.setdefault(pid, set()).add(child)
        child_lessons[pid] += n
    assert report.programs, "the demo data has attendance"
    for row in report.programs:
        assert row.lessons == lessons[row.key]
        assert row.children == len(kids.get(row.key, ()))
        assert row.child_lessons == child_lessons[row.key]
        if row.children:
            assert row.lessons_per_child == pytest.approx(child_lessons[row.key] / row.children)
    assert report.lessons_delivered == sum(lessons.values())
    assert sum(t.lessons for t in report.terms) == sum(lessons.values())


def test_filters_by_site_program_and_dates(seeded):
    app, session = seeded
    service = ReportService(app, session)
    site_id = _rows(app, "SELECT id FROM site ORDER BY id LIMIT 1")[0][0]
    report = service.build(ReportFilters(site_id=site_id), today=TODAY)
    assert report.total_children == len(_children(app, site_id))
    (program_id,) = _rows(app, "SELECT program_id FROM attendance_session LIMIT 1")[0]
    enrolled = _rows(
        app,
        "SELECT count(DISTINCT e.child_id) FROM enrollment e JOIN child c"
        " ON c.id = e.child_id WHERE e.program_id = ? AND e.deleted = 0"
        " AND c.deleted = 0 AND c.status = 'active'",
        (program_id,),
    )[0][0]
    by_program = service.build(ReportFilters(program_id=program_id), today=TODAY)
    assert by_program.total_children == enrolled
    assert [p.key for p in by_program.programs] == [program_id]
    held = sorted(
        r[0]
        for r in _rows(
            app, "SELECT held_on FROM attendance_session WHERE program_id = ?", (program_id,)
        )
    )
    middle = date.fromisoformat(held[len(held) // 2])
    first_half = service.build(ReportFilters(program_id=program_id, date_to=middle), today=TODAY)
    expected = sum(
        r[0]
        for r in _rows(
            app,
            "SELECT lessons FROM attendance_session WHERE program_id = ? AND held_on <= ?",
            (program_id, middle.isoformat()),
        )
    )
    assert first_half.lessons_delivered == expected
    none = service.build(
        ReportFilters(date_from=date(1990, 1, 1), date_to=date(1990, 2, 1)), today=TODAY
    )
    assert none.lessons_delivered == 0 and none.total_children == 0
