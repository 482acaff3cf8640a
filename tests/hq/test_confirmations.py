"""Nothing irreversible in one click (SQLite and PostgreSQL): revoke, merge, not-the-same and
erase show what will change and ask for a reason first; messages say what changed; erasure
and revocation are for admins; the erase confirmation works in the page's language; a wrong
"not the same child" can be undone."""

from __future__ import annotations

from sqlmodel import Session, select

from ss_hq.core.models import Device, Record, SuspectedDuplicate
from tests.hq.staff_pages_support import two_records_of_one_child
from tests.hq.test_web_support import signed_in_client

EN = {"Accept-Language": "en"}
ZH = {"Accept-Language": "zh-CN"}


def test_staff_may_neither_erase_nor_revoke(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    child_page = client.get(f"/children/{data.kept}", headers=EN).text
    assert "/erase" not in child_page and 'name="confirm"' not in child_page
    assert client.get(f"/children/{data.kept}/erase").status_code == 403
    refused = client.post(
        f"/children/{data.kept}/erase",
        data={"csrf_token": token, "confirm": "ERASE", "reason": "x"},
    )
    assert refused.status_code == 403
    devices = client.get("/devices", headers=EN).text
    assert "/revoke" not in devices
    assert client.get(f"/devices/{data.laptop_a.id}/revoke").status_code == 403
    refused = client.post(
        f"/devices/{data.laptop_a.id}/revoke", data={"csrf_token": token, "reason": "x"}
    )
    assert refused.status_code == 403
    api = client.post(f"/api/v1/devices/{data.laptop_a.id}/revoke", headers={"X-CSRF-Token": token})
    assert api.status_code == 403
    with Session(engine) as session:
        assert session.get(Record, data.kept).erased is False
        assert session.get(Device, data.laptop_a.id).revoked_at is None


def test_revoking_asks_for_a_reason_and_names_the_laptop(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    devices = client.get("/devices", headers=EN).text
    assert f'href="/devices/{data.laptop_b.id}/revoke"' in devices
    assert f'action="/devices/{data.laptop_b.id}/revoke"' not in devices  # no one-click form
    page = client.get(f"/devices/{data.laptop_b.id}/revoke", headers=EN)
    summary = page.text.split('id="revoke-summary"')[1]
    assert "闵行学校" in summary and "MH02 学校 MH02" in summary
    assert "it can no longer send or receive changes" in summary
    refused = client.post(
        f"/devices/{data.laptop_b.id}/revoke", data={"csrf_token": token}, headers=EN
    )
    assert refused.status_code == 422 and "Give the reason for revoking" in refused.text
    with Session(engine) as session:
        assert session.get(Device, data.laptop_b.id).revoked_at is None
    done = client.post(
        f"/devices/{data.laptop_b.id}/revoke",
        data={"csrf_token": token, "reason": "stolen"},
        headers=ZH,
    )
    assert "电脑“闵行学校”已吊销" in done.text
    assert client.get("/api/v1/sync/pull", headers=data.laptop_b.headers).status_code == 401


def test_erasing_is_confirmed_in_the_pages_language(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    child = client.get(f"/children/{data.other}", headers=ZH).text
    assert f'href="/children/{data.other}/erase"' in child and 'name="confirm"' not in child
    page = client.get(f"/children/{data.other}/erase", headers=ZH)
    assert page.status_code == 200
    assert "ERASE" not in page.text and "输入“删除”确认" in page.text
    summary = page.text.split('id="erase-summary"')[1]
    # What goes: the personal fields by name, the guardians and consents; what stays.
    assert "姓、名" in summary and "备注" in summary
    assert 'id="erase-guardians">2<' in summary and 'id="erase-consents">1<' in summary
    wrong = client.post(
        f"/children/{data.other}/erase",
        data={"csrf_token": token, "confirm": "删", "reason": "监护人要求"},
        headers=ZH,
    )
    assert wrong.status_code == 422 and "请输入所示的词以确认" in wrong.text
    no_reason = client.post(
        f"/children/{data.other}/erase",
        data={"csrf_token": token, "confirm": "删除", "reason": " "},
        headers=ZH,
    )
    assert no_reason.status_code == 422 and "请填写删除的原因" in no_reason.text
    with Session(engine) as session:
        assert session.get(Record, data.other).erased is False
    done = client.post(
        f"/children/{data.other}/erase",
        data={"csrf_token": token, "confirm": "删除", "reason": "监护人要求"},
        headers=ZH,
    )
    assert done.status_code == 200 and "此儿童的个人信息已在总部删除" in done.text
    with Session(engine) as session:
        assert session.get(Record, data.other).erased is True
    # The English page asks for the English word, and it works there too.
    english = client.get(f"/children/{data.kept}/erase", headers=EN).text
    assert "Type ERASE to confirm" in english


def test_not_the_same_child_asks_why_and_can_be_undone(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    listing = client.get("/duplicates", headers=EN).text
    assert f'href="/duplicates/{data.pair_id}/dismiss"' in listing
    assert f'action="/duplicates/{data.pair_id}/dismiss"' not in listing
    page = client.get(f"/duplicates/{data.pair_id}/dismiss", headers=EN).text
    summary = page.split('id="dismiss-summary"')[1]
    assert summary.count("宋怡可") == 2 and "PD01" in summary and "MH02" in summary
    refused = client.post(
        f"/duplicates/{data.pair_id}/dismiss", data={"csrf_token": token}, headers=EN
    )
    assert refused.status_code == 422 and "how do you know they are two children" in refused.text
    done = client.post(
        f"/duplicates/{data.pair_id}/dismiss",
        data={"csrf_token": token, "reason": "twins"},
        headers=EN,
    )
    notice = done.text.split('id="dismissed-notice">')[1].split("</div>")[0]
    assert "Kept as two children:" in notice and notice.count("宋怡可") == 2
    assert "No suspected duplicates." in done.text
    with Session(engine) as session:
        assert session.get(SuspectedDuplicate, data.pair_id).status == "dismissed"
    # Undo, from the notice (or from the list of decisions further down).
    assert f'id="dismissed-{data.pair_id}"' in done.text
    undone = client.post(
        f"/duplicates/{data.pair_id}/reopen", data={"csrf_token": token}, headers=EN
    )
    assert "The pair is back in the list:" in undone.text
    assert f'id="pair-{data.pair_id}"' in undone.text
    with Session(engine) as session:
        pair = session.get(SuspectedDuplicate, data.pair_id)
        assert pair.status == "open" and pair.resolved_by is None


def test_a_resolved_conflict_says_what_was_kept(client, engine, hq):
    from tests.hq.staff_pages_support import conflicting_edits

    data = two_records_of_one_child(hq)
    conflicting_edits(hq, data)
    token = signed_in_client(client, engine, "staff")
    page = client.get("/conflicts", headers=EN).text
    conflict_id = page.split('id="conflict-')[1].split('"')[0]
    done = client.post(
        f"/conflicts/{conflict_id}/resolve",
        data={"csrf_token": token, "choice": "loser"},
        headers=EN,
    )
    notice = done.text.split('id="resolved-notice">')[1].split("</p>")[0]
    assert notice == "Conflict resolved: 宋怡可 · Class = 三班"
    with Session(engine) as session:
        assert (
            session.exec(select(Record).where(Record.id == data.other)).one().fields["class_name"]
            == "三班"
        )
