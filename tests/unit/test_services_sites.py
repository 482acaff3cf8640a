"""SitesService against a real laptop database in a temp folder."""

from __future__ import annotations

from datetime import date

import pytest

from ss_core.domain.errors import ValidationFailed
from ss_core.protocol.wire import Entity
from ss_desktop.db.write import Change
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import PermissionDenied
from ss_desktop.services.reference import ReferenceService, division_matches
from ss_desktop.services.sites import SitesService
from tests.fixtures.data_folder import initialized_app

PASSWORD = "correct-horse-42"


@pytest.fixture
def app(tmp_path):
    local = initialized_app(tmp_path / "data", admin="admin", password=PASSWORD)
    yield local
    local.close()


@pytest.fixture
def admin(app) -> UserSession:
    return Accounts(app).sign_in("admin", PASSWORD)


def add_child(app: LocalApp, site_id: str, surname: str, given: str) -> str:
    change_set = app.writer.save(
        [
            Change(
                Entity.CHILD,
                None,
                {
                    "surname": surname,
                    "given_name": given,
                    "gender": 1,
                    "dob": "2015-03-04",
                    "site_id": site_id,
                },
            )
        ],
        actor="test",
    )
    return change_set.created[Entity.CHILD][0]


def test_a_new_site_is_pending_and_listed(app, admin):
    sites = SitesService(app, admin)
    created = sites.create_site("阳光小学", "migrant_school", division_code="340102")
    listed = sites.list_sites()
    assert [s.name for s in listed] == ["阳光小学"]
    assert listed[0].status == "pending"
    assert listed[0].id == created.id
    assert listed[0].division_code == "340102"


@pytest.mark.parametrize(
    ("name", "site_type", "division", "field", "code"),
    [
        ("", "migrant_school", None, "name", "value.required"),
        ("x" * 61, "migrant_school", None, "name", "text.too_long"),
        ("学校", "castle", None, "site_type", "enum.invalid"),
        ("学校", "care_home", "34010", "division_code", "division.format"),
    ],
)
def test_bad_site_input_is_refused_and_nothing_saved(
    app, admin, name, site_type, division, field, code
):
    sites = SitesService(app, admin)
    with pytest.raises(ValidationFailed) as failed:
        sites.create_site(name, site_type, division_code=division)
    assert (failed.value.issues[0].field, failed.value.issues[0].code) == (field, code)
    assert sites.list_sites() == []


def test_a_volunteer_may_not_create_sites_and_sees_only_own_sites(app, admin):
    sites = SitesService(app, admin)
    own = sites.create_site("甲校", "public_school")
    sites.create_site("乙校", "public_school")
    volunteer = UserSession("u2", "vol", "vol", "volunteer", (own.id,))
    with pytest.raises(PermissionDenied):
        SitesService(app, volunteer).create_site("丙校", "public_school")
    assert [s.name for s in SitesService(app, volunteer).list_sites()] == ["甲校"]


def test_programs_are_created_per_site_and_validated(app, admin):
    sites = SitesService(app, admin)
    site = sites.create_site("甲校", "public_school")
    program = sites.create_program("英语 三年级", "english", site.id, term="2024 秋")
    assert [p.name for p in sites.list_programs(site.id)] == ["英语 三年级"]
    assert sites.get_program(program.id).enrolled == 0
    with pytest.raises(ValidationFailed) as failed:
        sites.create_program("阅读", "reading", "no-such-site")
    assert failed.value.issues[0].field == "site_id"
    with pytest.raises(ValidationFailed):
        sites.create_program("阅读", "reading", site.id, starts_on="2024-13-01")
    assert len(sites.list_programs()) == 1


def test_enroll_many_children_once_each(app, admin):
    sites = SitesService(app, admin)
    site = sites.create_site("甲校", "public_school")
    program = sites.create_program("英语", "english", site.id)
    a = add_child(app, site.id, "张", "三")
    b = add_child(app, site.id, "李", "四")
    first = sites.enroll(program.id, [a, b], since=date(2024, 9, 1))
    assert set(first.enrolled) == {a, b}
    again = sites.enroll(program.id, [a])
    assert again.enrolled == () and again.already == (a,)
    enrolled = sites.list_enrollments(program.id)
    assert {e.child_id for e in enrolled} == {a, b}
    assert {e.since for e in enrolled} == {"2024-09-01"}
    assert sites.get_program(program.id).enrolled == 2


def test_enrolling_an_unknown_child_saves_nothing(app, admin):
    sites = SitesService(app, admin)
    site = sites.create_site("甲校", "public_school")
    program = sites.create_program("英语", "english", site.id)
    a = add_child(app, site.id, "张", "三")
    with pytest.raises(ValidationFailed):
        sites.enroll(program.id, [a, "0190aaaa-0000-7000-8000-000000000000"])
    assert sites.list_enrollments(program.id) == []


def test_divisions_filter_by_chinese_pinyin_and_initials(app):
    table = ReferenceService(app).divisions()
    anhui = [p for p in table.provinces if division_matches(p, "anhui")]
    assert [p.name for p in anhui] == ["安徽省"]
    assert "安徽省" in [p.name for p in table.provinces if division_matches(p, "ah")]
    assert [p.name for p in table.provinces if division_matches(p, "安徽")] == ["安徽省"]
    # the districts of a municipality show the province's name, not 市辖区
    assert [p.name for p in table.prefectures("31")] == ["上海市"]
    hefei = [p for p in table.prefectures("34") if division_matches(p, "hf")]
    assert [p.name for p in hefei] == ["合肥市"]
    assert table.label("340102") == "安徽省 合肥市 瑶海区"
    assert table.path_of("340102") == ("34", "3401", "340102")
