"""Sensitive fields are masked when a child is read for display; showing them is a
permission (coordinator, admin) and every showing is one audit row naming the fields."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ss_desktop.db import queries
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.children import VIEW_UNMASKED, ChildForm, ChildrenService
from ss_desktop.services.errors import PermissionDenied
from ss_desktop.services.masking import (
    SENSITIVE_FIELDS,
    TEXT_MASK,
    mask_id_number,
    mask_phone,
)
from ss_desktop.services.messages import describe_error
from tests.unit.services_fixtures import (
    ADMIN_PASSWORD,
    add_site,
    child_form,
    fake_id_number,
    make_app,
)

ID_NUMBER = fake_id_number("341222", date(2014, 5, 6), male=True)
PLACEMENT = "合肥市儿童福利院"


def _sensitive_form(site: str) -> ChildForm:
    form = child_form(
        site,
        id_number=ID_NUMBER,
        categories=["migrant", "disability", "in_care", "low_income"],
        disability_types=["intellectual"],
        disability_grade=2,
        disability_certificate=True,
        autism=True,
        hardship="dibao",
        hardship_evidence_seen=True,
        care_placement=PLACEMENT,
        care_since="2022-09-01",
    )
    form.consents[0]["scopes"] = ["registration", "sensitive"]  # needed for these fields
    return form


@pytest.fixture()
def env(tmp_path):
    app, admin = make_app(tmp_path)
    site = add_site(app)
    other_site = add_site(app, code="AH-RS-01", division="341222")
    accounts = Accounts(app)
    users = {"admin": admin}
    for name, role in (("vol", "volunteer"), ("teach", "teacher"), ("coord", "coordinator")):
        accounts.create_user(admin, name, ADMIN_PASSWORD, role, [site])
        users[name] = accounts.sign_in(name, ADMIN_PASSWORD)
    child_id = ChildrenService(app, admin).register(_sensitive_form(site)).child_id
    yield app, users, site, other_site, child_id
    app.close()


def _audit_rows(app, action: str | None = None) -> list[tuple]:
    with app.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        rows = cursor.execute(
            "SELECT actor, action, entity, record_id, detail FROM audit_log ORDER BY id"
        ).fetchall()
    return [r for r in rows if action is None or r[1] == action]


def test_masks_keep_only_what_identifies_nothing() -> None:
    assert mask_id_number("31010420150304123X") == "**************123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("02112345678") == "021****5678"
    assert mask_phone("12345") == "*****"
    assert mask_id_number("123") == "***"


@pytest.mark.parametrize("who", ["vol", "teach", "coord", "admin"])
def test_every_role_sees_a_child_masked(env, who) -> None:
    app, users, _site, _other, child_id = env
    child = ChildrenService(app, users[who]).view(child_id)
    assert child["id_number"] == "*" * 14 + ID_NUMBER[-4:]
    assert child["care_placement"] == TEXT_MASK
    assert child["hardship"] is None and child["disability_types"] == []
    assert child["disability_grade"] is None and child["autism"] is None
    assert sorted(child["masked"]) == sorted(
        [
            "id_number",
            "care_placement",
            "hardship",
            "disability_types",
            "disability_grade",
            "disability_certificate",
            "autism",
        ]
    )
    assert sorted(g["phone"] for g in child["guardians"]) == ["139****5678", "158****1111"]
    assert all(g["masked"] == ["phone"] for g in child["guardians"])
    # what is not sensitive is shown as stored
    assert (child["surname"], child["class_name"]) == ("单", "五(2)班")
    assert child["guardians"][0]["name"] == "单建国"
    # viewing writes nothing to the audit log
    assert _audit_rows(app, VIEW_UNMASKED) == []


def test_a_coordinator_reveals_and_one_audit_row_names_the_fields(env) -> None:
    app, users, _site, _other, child_id = env
    revealed = ChildrenService(app, users["coord"]).reveal(child_id)
    assert revealed.child["id_number"] == ID_NUMBER
    assert revealed.child["care_placement"] == PLACEMENT
    assert revealed.child["hardship"] == "dibao"
    assert revealed.child["disability_types"] == ["intellectual"]
    assert revealed.child["disability_certificate"] is True
    assert sorted(v["phone"] for v in revealed.guardians.values()) == [
        "13912345678",
        "15800001111",
    ]
    rows = _audit_rows(app, VIEW_UNMASKED)
    assert len(rows) == 1
    actor, _action, entity, record_id, detail = rows[0]
    assert (actor, entity, record_id) == ("coord", "child", child_id)
    assert json.loads(detail) == {"fields": list(SENSITIVE_FIELDS)}
    # no value anywhere in the audit log, of this row or any other
    everything = json.dumps(_audit_rows(app), ensure_ascii=False)
    for value in (ID_NUMBER, ID_NUMBER[-6:], "13912345678", "15800001111", PLACEMENT):
        assert value not in everything


def test_revealing_some_fields_audits_only_those(env) -> None:
    app, users, _site, _other, child_id = env
    revealed = ChildrenService(app, users["admin"]).reveal(child_id, ["guardian.phone"])
    assert revealed.child == {} and revealed.fields == ("guardian.phone",)
    assert len(revealed.guardians) == 2
    [row] = _audit_rows(app, VIEW_UNMASKED)
    assert json.loads(row[4]) == {"fields": ["guardian.phone"]}
    with pytest.raises(ValueError, match="surname"):
        ChildrenService(app, users["admin"]).reveal(child_id, ["surname"])
    assert len(_audit_rows(app, VIEW_UNMASKED)) == 1


@pytest.mark.parametrize("who", ["vol", "teach"])
def test_volunteers_and_teachers_may_not_reveal(env, who) -> None:
    app, users, _site, _other, child_id = env
    service = ChildrenService(app, users[who])
    assert not service.may_reveal()
    with pytest.raises(PermissionDenied) as refused:
        service.reveal(child_id)
    message, exit_code = describe_error(refused.value)
    assert "may not show hidden details" in message and exit_code == 2
    assert _audit_rows(app, VIEW_UNMASKED) == []


def test_a_volunteer_may_not_open_another_sites_child_at_all(env) -> None:
    app, users, _site, other_site, _child_id = env
    theirs = ChildrenService(app, users["admin"]).register(child_form(other_site)).child_id
    volunteer = ChildrenService(app, users["vol"])
    for call in (
        lambda: volunteer.view(theirs),
        lambda: volunteer.update(theirs, ChildForm({"class_name": "一(1)班"})),
    ):
        with pytest.raises(PermissionDenied) as refused:
            call()
        assert refused.value.code == "site.not_allowed"
    assert queries.get_child(app.engine, theirs)["class_name"] == "五(2)班"


def _form_from_view(child: dict) -> ChildForm:
    """What the registration form sends back: every shown value, masked texts included,
    masked choices left out (they are locked in the form)."""
    masked = set(child["masked"])
    skip = {
        "id",
        "guardians",
        "consents",
        "enrollments",
        "masked",
        "field_hlcs",
        "version",
        "hlc",
        "server_version",
        "deleted",
        "created_at",
        "updated_at",
        "name_sort",
        "search_rowid",
    }
    fields = {
        k: v
        for k, v in child.items()
        if k not in skip and not (k in masked and not isinstance(v, str))
    }
    guardians = [
        {k: v for k, v in g.items() if k in {"id", "name", "relationship", "phone"}}
        for g in child["guardians"]
    ]
    return ChildForm(fields, guardians)


def test_saving_a_masked_child_keeps_the_stored_values(env) -> None:
    app, users, _site, _other, child_id = env
    volunteer = ChildrenService(app, users["vol"])
    form = _form_from_view(volunteer.view(child_id))
    assert form.fields["id_number"].startswith("****")
    form.fields["class_name"] = "五(3)班"
    volunteer.update(child_id, form)
    stored = queries.get_child(app.engine, child_id)
    assert stored["class_name"] == "五(3)班"
    assert stored["id_number"] == ID_NUMBER
    assert stored["care_placement"] == PLACEMENT
    assert stored["hardship"] == "dibao" and stored["disability_types"] == ["intellectual"]
    assert sorted(g["phone"] for g in stored["guardians"]) == ["13912345678", "15800001111"]


def test_a_volunteer_may_type_a_new_value_over_a_masked_one(env) -> None:
    app, users, _site, _other, child_id = env
    volunteer = ChildrenService(app, users["vol"])
    form = _form_from_view(volunteer.view(child_id))
    new_id = fake_id_number("341222", date(2014, 5, 6), male=True, seq=77)
    form.fields["id_number"] = new_id
    form.guardians[0]["phone"] = "13600009999"
    volunteer.update(child_id, form)
    stored = queries.get_child(app.engine, child_id)
    assert stored["id_number"] == new_id
    assert "13600009999" in [g["phone"] for g in stored["guardians"]]


def test_search_by_id_and_phone_fragments_still_finds_the_child(env) -> None:
    app, users, _site, _other, child_id = env
    volunteer = ChildrenService(app, users["vol"])
    assert [r.id for r in volunteer.search(ID_NUMBER[-6:]).rows] == [child_id]
    assert [r.id for r in volunteer.search("15800001111").rows] == [child_id]
    assert volunteer.view(child_id)["id_number"].endswith(ID_NUMBER[-4:])


def test_the_audit_chain_still_verifies_after_reveals(env) -> None:
    app, users, _site, _other, child_id = env
    for who in ("coord", "admin", "coord"):
        ChildrenService(app, users[who]).reveal(child_id)
    ChildrenService(app, users["vol"]).update(child_id, ChildForm({"class_name": "五(1)班"}))
    assert len(_audit_rows(app, VIEW_UNMASKED)) == 3
    assert verify_audit_chain(app.engine) is None


def test_the_screens_read_children_only_masked() -> None:
    """No screen calls ChildrenService.get (the unmasked read kept for the services)."""
    import ast
    from pathlib import Path

    import ss_desktop.ui

    def is_service(node: ast.AST, names: set[str]) -> bool:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return node.func.id == "ChildrenService"
        return isinstance(node, ast.Name) and node.id in names

    offenders = []
    for path in Path(ss_desktop.ui.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and is_service(node.value, set())
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        offenders += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and is_service(node.func.value, names)
        ]
    assert offenders == []
