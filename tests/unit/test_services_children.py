"""Registering, finding, editing, archiving children through the services."""

from __future__ import annotations

import pytest

from ss_core.domain.errors import ValidationFailed
from ss_desktop.db import queries
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.errors import PermissionDenied, ServiceError
from ss_desktop.services.status import StatusService
from tests.unit.services_fixtures import (
    ADMIN_PASSWORD,
    add_site,
    child_form,
    fake_id_number,
    make_app,
)


@pytest.fixture()
def env(tmp_path):
    app, session = make_app(tmp_path)
    site = add_site(app)
    yield app, session, site
    app.close()


def names(page) -> list[str]:
    return [f"{r.surname}{r.given_name}" for r in page.rows]


def test_register_saves_child_guardians_consent_and_outbox(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    before = StatusService(app, session).stats()["pending_changes"]
    result = service.register(child_form(site))
    child = service.get(result.child_id)
    assert child["surname"] == "单" and child["given_name"] == "雄信"
    assert len(child["guardians"]) == 2 and len(child["consents"]) == 1
    assert not result.consent_pending
    # one outbox entry per record: child + 2 guardians + consent
    assert StatusService(app, session).stats()["pending_changes"] == before + 4


def test_search_by_pinyin_initials_and_fragments(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    id_number = fake_id_number("341222", __import__("datetime").date(2014, 5, 6), male=True)
    service.register(child_form(site, id_number=id_number))
    service.register(child_form(site, surname="曾", given_name="小明", id_number=None))
    form = child_form(site, surname="欧阳", given_name="娜娜", gender=2)
    form.guardians[0]["phone"] = "13700002222"
    service.register(form)
    assert "单雄信" in names(service.search("shanxiongxin"))
    assert "单雄信" in names(service.search("sxx"))
    assert "单雄信" in names(service.search("单雄"))
    assert "曾小明" in names(service.search("zeng"))
    assert "欧阳娜娜" in names(service.search("oyn"))
    assert names(service.search(id_number[-6:])) == ["单雄信"]
    assert "欧阳娜娜" in names(service.search("13700002222"))


def test_invalid_input_saves_nothing(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    stats = StatusService(app, session)
    before = stats.stats()
    bad_id = fake_id_number("341222", __import__("datetime").date(2014, 5, 6), male=True)
    bad_id = bad_id[:-1] + ("0" if bad_id[-1] != "0" else "1")
    cases = {
        "id_number.check_digit": child_form(site, id_number=bad_id),
        "name.required": child_form(site, given_name=""),
        "dob.future": child_form(site, dob="2099-01-01"),
        "division.unknown": child_form(site, hukou_division="999999"),
    }
    bad_phone = child_form(site)
    bad_phone.guardians[0]["phone"] = "1391234567"  # 10 digits
    cases["phone.format"] = bad_phone
    for code, form in cases.items():
        with pytest.raises(ValidationFailed) as info:
            service.register(form)
        assert code in info.value.codes, (code, info.value.codes)
    assert stats.stats() == before


def test_child_under_14_without_consent_is_consent_pending(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    form = child_form(site)
    form.consents = []
    result = service.register(form)
    assert result.consent_pending


def test_edit_archive_restore(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    child_id = service.register(child_form(site)).child_id
    service.update(child_id, ChildForm({"class_name": "五(3)班"}))
    assert service.get(child_id)["class_name"] == "五(3)班"
    with pytest.raises(ServiceError) as info:
        service.archive(child_id, "  ")
    assert info.value.code == "archive.reason_required"
    service.archive(child_id, "moved away")
    assert names(service.search("sxx")) == []
    assert names(service.search("sxx", status="archived")) == ["单雄信"]
    service.restore(child_id, "came back")
    assert names(service.search("sxx")) == ["单雄信"]


def test_duplicates_are_found_before_saving(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    first = service.register(child_form(site)).child_id
    candidates = service.find_duplicates(child_form(site))
    assert candidates and candidates[0].record_id == first
    assert "same_dob" in candidates[0].reasons


def test_volunteer_cannot_touch_another_sites_children(env) -> None:
    app, session, site = env
    other_site = add_site(app, code="AH-RS-01", division="341222")
    accounts = Accounts(app)
    accounts.create_user(session, "vol", ADMIN_PASSWORD, "volunteer", [site])
    volunteer = accounts.sign_in("vol", ADMIN_PASSWORD)
    admin_service = ChildrenService(app, session)
    theirs = admin_service.register(child_form(other_site)).child_id
    mine = admin_service.register(child_form(site, surname="曾", given_name="小明")).child_id
    service = ChildrenService(app, volunteer)
    with pytest.raises(PermissionDenied):
        service.get(theirs)
    with pytest.raises(PermissionDenied):
        service.archive(theirs, "not mine")
    with pytest.raises(PermissionDenied):
        service.register(child_form(other_site))
    assert service.get(mine)["given_name"] == "小明"
    visible = {r.id for r in service.search("").rows}
    assert mine in visible and theirs not in visible
    assert queries.get_child(app.engine, theirs)["status"] == "active"


def test_a_query_with_nothing_searchable_finds_nothing(env) -> None:
    app, session, site = env
    service = ChildrenService(app, session)
    service.register(child_form(site))
    assert names(service.search("😀")) == []
    assert names(service.search("--")) == []
    assert names(service.search("")) == ["单雄信"]  # an empty box lists everyone
