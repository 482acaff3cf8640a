"""Head office's own actions in the audit log (SQLite and PostgreSQL): each staff action done
through the pages is a row of head office's hash chain, which verifies like a laptop's; the
page names records by name, the export by id, with the reason given."""

from __future__ import annotations

import csv
import io
import json
import re

from sqlmodel import Session, col, select

from ss_core.protocol.audit_chain import ChainRow, first_break
from ss_hq.core.models import AuditChain, AuditEntry, Conflict, Device
from ss_hq.core.staff_audit import HEAD_OFFICE
from tests.hq.staff_pages_support import conflicting_edits, two_records_of_one_child
from tests.hq.test_web_support import PASSWORD, add_staff, csrf_from, sign_in, signed_in_client

EN = {"Accept-Language": "en"}


def _rows(engine) -> list[AuditEntry]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(AuditEntry)
                .where(AuditEntry.device_id == HEAD_OFFICE)
                .order_by(col(AuditEntry.row_id))
            ).all()
        )


def _post(client, path: str, token: str, **data: str):
    response = client.post(path, data={"csrf_token": token, **data}, headers=EN)
    assert response.status_code in (200, 422), (path, response.status_code)
    return response


def test_every_staff_action_is_a_row_of_head_offices_chain(client, engine, hq):
    data = two_records_of_one_child(hq)
    conflicting_edits(hq, data)
    admin_token = signed_in_client(client, engine, "admin")
    admin = re.search(r"<b>([^<]+)</b> \(", client.get("/").text).group(1)
    with Session(engine) as session:
        conflict = session.exec(select(Conflict)).one()
    _post(client, f"/conflicts/{conflict.id}/resolve", admin_token, choice="loser")
    _post(
        client,
        f"/duplicates/{data.pair_id}/dismiss",
        admin_token,
        reason="twins: different ID numbers",
    )
    _post(client, f"/duplicates/{data.pair_id}/reopen", admin_token, reason="undo")
    _post(
        client,
        f"/duplicates/{data.pair_id}/merge",
        admin_token,
        keep=data.kept,
        reason="same child, checked with the school",
    )
    new_code = _post(client, "/devices/codes", admin_token, site=data.site_a, days="3")
    assert 'id="new-code"' in new_code.text
    ref = re.search(r'action="/devices/codes/([0-9a-f]+)/cancel"', new_code.text).group(1)
    _post(client, f"/devices/codes/{ref}/cancel", admin_token)
    file = client.post(
        "/devices/enrollment-file",
        data={"csrf_token": admin_token, "site": data.site_b, "name": "村小"},
    )
    assert file.status_code == 200
    _post(client, f"/devices/{data.laptop_b.id}/rename", admin_token, name="闵行二号机")
    _post(client, f"/devices/{data.laptop_b.id}/revoke", admin_token, reason="laptop stolen")
    _post(
        client, f"/children/{data.kept}/erase", admin_token, confirm="ERASE", reason="request 5/1"
    )
    _post(
        client,
        "/sites",
        admin_token,
        code="QP03",
        name="青浦站",
        type="care_home",
        division="310118",
    )
    _post(
        client,
        f"/sites/{data.site_b}/edit",
        admin_token,
        name="闵行新校",
        type="public_school",
        division="310112",
    )
    _post(client, f"/sites/{data.site_b}/close", admin_token, closed="1", reason="school closed")
    _post(client, f"/sites/{data.site_b}/close", admin_token, closed="0")
    _post(client, "/staff", admin_token, username="zhou", password="long enough 1", role="viewer")
    _post(client, "/staff/zhou/role", admin_token, role="staff")
    _post(client, "/staff/zhou/disable", admin_token, disabled="1", reason="left")
    _post(client, "/staff/zhou/disable", admin_token, disabled="0")
    _post(client, "/staff/zhou/password", admin_token, password="another one 2")
    assert client.get("/children/export.xlsx", params={"q": "宋怡可"}).status_code == 200
    assert client.get("/audit/export.csv").status_code == 200

    rows = _rows(engine)
    actions = [r.action for r in rows]
    for action in (
        "resolve_conflict",
        "not_same_child",
        "reopen_pair",
        "merge",
        "issue_code",
        "cancel_code",
        "issue_enrollment_file",
        "rename_device",
        "revoke_device",
        "erase",
        "add_site",
        "edit_site",
        "close_site",
        "reopen_site",
        "add_staff",
        "change_role",
        "disable_staff",
        "enable_staff",
        "reset_password",
        "export_children",
        "export_audit",
    ):
        assert action in actions, action
    by_action = {r.action: r for r in rows}
    # Who, when, what record, why.
    merge = by_action["merge"]
    assert merge.actor == admin and merge.record_id == data.kept and merge.at_ms
    detail = json.loads(merge.detail)
    assert (
        detail["merged"] == data.other and detail["reason"] == "same child, checked with the school"
    )
    assert json.loads(by_action["revoke_device"].detail)["reason"] == "laptop stolen"
    assert by_action["revoke_device"].record_id == data.laptop_b.id
    assert json.loads(by_action["change_role"].detail) == {"new": "staff", "old": "viewer"}
    assert by_action["change_role"].record_id == "zhou"
    # No password, code or personal value in any row.
    text = " ".join(r.detail + (r.record_id or "") for r in rows)
    for secret in ("long enough 1", "another one 2", "宋怡可", "怡可", "许建国", "15482409465"):
        assert secret not in text
    # The chain verifies exactly as a laptop's does, and its status is kept.
    chain = [
        ChainRow(
            r.row_id, r.at, r.actor, r.action, r.entity, r.record_id, r.detail, r.prev_hash, r.hash
        )
        for r in rows
    ]
    assert first_break(chain) is None and [r.row_id for r in rows] == list(range(1, len(rows) + 1))
    with Session(engine) as session:
        status = session.get(AuditChain, HEAD_OFFICE)
        assert status.tip_id == len(rows) and status.broken_at_id is None
    # A row changed in the database breaks the chain at that row.
    index = merge.row_id - 1
    tampered = list(chain)
    tampered[index] = ChainRow(**{**chain[index].__dict__, "actor": "someone else"})
    assert first_break(tampered).row_id == merge.row_id


def test_the_audit_page_names_records_and_the_export_gives_ids(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    _post(client, f"/duplicates/{data.pair_id}/merge", token, keep=data.kept, reason="same child")
    _post(client, f"/devices/{data.laptop_b.id}/revoke", token, reason="replaced")
    page = client.get("/audit", params={"device": HEAD_OFFICE}, headers=EN).text
    rows = page.split('id="audit-rows"')[1].split("</table>")[0]
    merge_row = next(r for r in rows.split("<tr")[1:] if "Merge" in r or "merge" in r)
    assert f'<a href="/children/{data.kept}">宋怡可</a>' in merge_row
    assert "Head office" in merge_row and "Reason: same child" in merge_row
    assert data.kept not in merge_row.replace(f'href="/children/{data.kept}"', "")
    revoke_row = next(r for r in rows.split("<tr")[1:] if "Revoke a laptop" in r)
    assert "闵行学校" in revoke_row and "Reason: replaced" in revoke_row
    # Chinese: the actions in words.
    chinese = client.get(
        "/audit", params={"device": HEAD_OFFICE}, headers={"Accept-Language": "zh-CN"}
    )
    assert "合并儿童记录" in chinese.text and "吊销电脑" in chinese.text and "总部" in chinese.text
    # The export names the record by id (and carries the reason).
    export = client.get("/audit/export.csv", params={"device": HEAD_OFFICE})
    lines = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    merged = next(line for line in lines if line["action"] == "merge")
    assert merged["record_id"] == data.kept and merged["laptop"] == "head office"
    assert merged["reason"] == "same child"


def test_command_line_actions_are_recorded_too(client, engine, hq):
    site = hq.site("CLI1")
    hq.code(site.id)
    rows = _rows(engine)
    assert [r.action for r in rows] == ["add_site", "issue_code"]
    assert {r.actor for r in rows} == {"ss-hq command line"}
    with Session(engine) as session:
        assert session.exec(select(Device)).first() is None  # a code is not a laptop yet


def test_signing_in_with_a_reset_password_and_a_disabled_account(client, engine):
    token = signed_in_client(client, engine, "admin")
    add_staff(engine, "wu", "staff")
    _post(client, "/staff/wu/password", token, password="brand new pw 9")
    _post(client, "/staff/wu/disable", token, disabled="1", reason="on leave")
    client.cookies.clear()
    assert sign_in(client, "wu", "brand new pw 9").status_code == 401  # disabled
    token = signed_in_client(client, engine, "admin")
    _post(client, "/staff/wu/disable", token, disabled="0")
    client.cookies.clear()
    assert sign_in(client, "wu", PASSWORD).status_code == 401  # the old password is gone
    assert sign_in(client, "wu", "brand new pw 9").status_code == 303
    assert csrf_from(client.get("/").text)
