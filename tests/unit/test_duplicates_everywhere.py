"""Duplicates at save: every child on the laptop is checked, the sites the user may not open
included (of those, only that a match exists is told); a name one character apart with the
same birth date is a candidate; a second child with an ID number already on the laptop needs
a reason, for admins too, and the reason is in the audit log."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ss_desktop.db.audit import audit_rows_after
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import ServiceError
from tests.unit.services_fixtures import (
    ADMIN_PASSWORD,
    add_site,
    child_form,
    fake_id_number,
    make_app,
)

DOB = date(2016, 3, 14)


@pytest.fixture
def env(tmp_path):
    app, session = make_app(tmp_path)
    site_a = add_site(app)
    site_b = add_site(app, code="AH-RS-01", division="341222")
    yield app, session, site_a, site_b
    app.close()


def volunteer_of(app, admin, site: str):
    accounts = Accounts(app)
    accounts.create_user(admin, "vol", ADMIN_PASSWORD, "volunteer", [site])
    return accounts.sign_in("vol", ADMIN_PASSWORD)


def audit(app, action: str) -> list[dict]:
    rows = audit_rows_after(app.engine, 0, limit=10_000)
    return [{"record_id": r.record_id, **json.loads(r.detail)} for r in rows if r.action == action]


def test_a_child_at_a_site_the_user_may_not_open_is_found_but_not_shown(env):
    app, admin, site_a, site_b = env
    id_number = fake_id_number("341222", DOB, True)
    ChildrenService(app, admin).register(
        child_form(site_a, dob=DOB.isoformat(), id_number=id_number)
    )
    volunteer = volunteer_of(app, admin, site_b)
    service = ChildrenService(app, volunteer)
    form = child_form(
        site_b, surname="王", given_name="小虎", dob=DOB.isoformat(), id_number=id_number
    )

    found = service.find_duplicates(form)
    assert len(found) == 1 and found[0].other_site and found[0].record_id is None
    assert "same_id_number" in found[0].reasons

    with pytest.raises(ServiceError) as refused:
        service.register(form)
    assert refused.value.code == "duplicate.id_number_needs_reason"
    saved = service.register(form, duplicate_reason="ID number checked with the parents")
    assert audit(app, "duplicate_reason") == [
        {"record_id": saved.child_id, "reason": "ID number checked with the parents"}
    ]


def test_an_admin_needs_a_reason_for_a_second_child_with_the_same_id_number(env):
    app, admin, site_a, _site_b = env
    service = ChildrenService(app, admin)
    id_number = fake_id_number("341222", DOB, True)
    born = DOB.isoformat()
    service.register(child_form(site_a, dob=born, id_number=id_number))
    for _ in range(2):
        with pytest.raises(ServiceError) as refused:
            service.register(child_form(site_a, surname="李", dob=born, id_number=id_number))
        assert refused.value.code == "duplicate.id_number_needs_reason"
        with pytest.raises(ServiceError):
            service.register(
                child_form(site_a, dob=born, id_number=id_number), duplicate_reason="   "
            )
    service.register(
        child_form(site_a, dob=born, id_number=id_number), duplicate_reason="twins: typo"
    )
    assert [a["reason"] for a in audit(app, "duplicate_reason")] == ["twins: typo"]
    assert len(service.search("").rows) == 2


@pytest.mark.parametrize(
    ("surname", "given_name"), [("陈", "小敏"), ("陈", "小朋"), ("程", "小明")]
)
def test_a_name_one_character_apart_with_the_same_birth_date_is_a_candidate(
    env, surname, given_name
):
    app, admin, site_a, _site_b = env
    service = ChildrenService(app, admin)
    first = service.register(
        child_form(site_a, surname="陈", given_name="小明", dob=DOB.isoformat())
    ).child_id
    # another child born that day with another name, and the same name a year later
    service.register(child_form(site_a, surname="赵", given_name="丽丽", dob=DOB.isoformat()))
    service.register(child_form(site_a, surname="陈", given_name="小明", dob="2015-03-14"))
    form = child_form(site_a, surname=surname, given_name=given_name, dob=DOB.isoformat())
    form.guardians = []  # no shared phone: only the name and the birth date speak
    found = service.find_duplicates(form)
    assert found and found[0].record_id == first
    assert {"similar_name", "same_dob"} <= set(found[0].reasons)
    assert found[0].score >= 60


def test_one_character_apart_is_not_a_different_name_altogether(env):
    app, admin, site_a, _site_b = env
    service = ChildrenService(app, admin)
    service.register(child_form(site_a, surname="陈", given_name="小明", dob=DOB.isoformat()))
    for surname, given in (("程", "大朋"), ("王", "丽"), ("陈", "明")):
        form = child_form(site_a, surname=surname, given_name=given, dob=DOB.isoformat())
        form.guardians = []
        assert service.find_duplicates(form) == []
