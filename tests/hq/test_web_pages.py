"""Staff web pages through the real app (SQLite and PostgreSQL): sign-in, roles, CSRF,
dashboard, search, export, conflicts, duplicates, devices, sites, erasure."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from ss_hq.core.models import ChangeHistory, Conflict, Record, SuspectedDuplicate
from tests.hq.helpers import child_fields
from tests.hq.test_web_support import (
    PASSWORD,
    add_staff,
    csrf_from,
    seed,
    sign_in,
    signed_in_client,
)

SECURITY_HEADERS = (
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
)


def test_pages_need_sign_in_and_carry_security_headers(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")
    page = client.get("/login")
    for name in SECURITY_HEADERS:
        assert name in page.headers
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    # The JSON API carries them too.
    assert client.get("/healthz").headers["x-frame-options"] == "DENY"


def test_sign_in_sets_a_strict_httponly_cookie_and_sign_out_ends_the_session(client, engine):
    add_staff(engine, "alice", "admin")
    response = sign_in(client, "alice")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "ss_hq_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    dashboard = client.get("/")
    assert dashboard.status_code == 200 and "alice" in dashboard.text
    client.post("/logout", data={"csrf_token": csrf_from(dashboard.text)})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_wrong_password_fails_and_five_failures_lock_the_account(client, engine):
    add_staff(engine, "bob", "staff")
    for _ in range(5):
        response = sign_in(client, "bob", "wrong password")
        assert response.status_code == 401
        assert "ss_hq_session" not in response.headers.get("set-cookie", "")
    # Locked: even the right password is refused now.
    assert sign_in(client, "bob", PASSWORD).status_code == 401
    assert client.get("/", follow_redirects=False).status_code == 303


def test_form_posts_without_the_csrf_token_fail(client, engine, hq):
    data = seed(hq)
    token = signed_in_client(client, engine, "admin")
    child = data.children["lisi"]
    assert client.post(f"/children/{child}/erase", data={"confirm": "ERASE"}).status_code == 403
    assert (
        client.post(
            f"/children/{child}/erase", data={"confirm": "ERASE", "csrf_token": "forged"}
        ).status_code
        == 403
    )
    assert client.post("/logout", data={}).status_code == 403
    assert client.post("/devices/codes", data={"site": data.site_a}).status_code == 403
    with Session(engine) as session:
        assert session.get(Record, child).erased is False
    # The sign-in form needs its token too.
    client.cookies.clear()
    add_staff(engine, "carol", "staff")
    refused = client.post("/login", data={"username": "carol", "password": PASSWORD})
    assert refused.status_code == 403
    # With the token the same erase works.
    token = signed_in_client(client, engine, "admin")
    ok = client.post(
        f"/children/{child}/erase",
        data={"confirm": "ERASE", "reason": "guardian asked", "csrf_token": token},
    )
    assert ok.status_code == 200


def test_dashboard_counts_the_seeded_children(client, engine, hq):
    seed(hq)
    signed_in_client(client, engine, "admin")
    page = client.get("/", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert 'id="total-children">5<' in page.text
    assert "<svg" in page.text and "<script" not in page.text
    # 3 boys, 2 girls; 3 migrant (张三 twice and 李四); province of both sites: Shanghai.
    assert '<td>Male</td><td class="num">3</td>' in page.text
    assert '<td>Female</td><td class="num">2</td>' in page.text
    assert '<td>Migrant</td><td class="num">3</td>' in page.text
    assert '<td>上海市</td><td class="num">5</td>' in page.text


def test_viewer_sees_counts_but_no_names_and_cannot_export(client, engine, hq):
    seed(hq)
    signed_in_client(client, engine, "viewer")
    page = client.get("/")
    assert page.status_code == 200 and 'id="total-children">5<' in page.text
    for name in ("张三", "李四", "雄信", "Zhang"):
        assert name not in page.text
    assert "/children" not in page.text  # no link to the list
    for path in (
        "/children",
        "/children/export.csv",
        "/children/export.xlsx",
        "/conflicts",
        "/duplicates",
        "/devices",
        "/staff",
    ):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "张" not in response.text


def test_staff_may_not_manage_staff_users_or_add_sites(client, engine, hq):
    seed(hq)
    token = signed_in_client(client, engine, "staff")
    assert client.get("/staff").status_code == 403
    refused = client.post(
        "/sites",
        data={
            "csrf_token": token,
            "code": "X1",
            "name": "x",
            "type": "online",
            "division": "310115",
        },
    )
    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", {"张三"}),
        ("ZS", {"张三"}),
        ("zhangsan", {"张三"}),
        ("zhang san", {"张三"}),
        ("张", {"张三"}),
        ("shanxiongxin", {"单雄信"}),
        ("danxiongxin", {"单雄信"}),
        ("雄信", {"单雄信"}),
        ("sxx", {"单雄信"}),
        ("310115201405", {"张三"}),
        ("wf", {"王芳"}),
    ],
)
def test_search_matches_characters_pinyin_initials_and_id(client, engine, hq, query, expected):
    seed(hq)
    signed_in_client(client, engine, "staff")
    page = client.get("/children", params={"q": query})
    assert page.status_code == 200
    names = set()
    for name in ("张三", "李四", "单雄信", "王芳"):
        if f">{name}</a>" in page.text:
            names.add(name)
    assert names == expected


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", "'; DROP TABLE record; --", '" OR ""="', "%", "_", "\\", "zs%' --", "１＝１"],
)
def test_sql_injection_strings_are_just_text(client, engine, hq, query):
    seed(hq)
    signed_in_client(client, engine, "staff")
    page = client.get("/children", params={"q": query})
    assert page.status_code == 200
    assert 'id="result-count">0<' in page.text
    assert client.get("/children").text.count('href="/children/0') + 1  # the list still works
    assert 'id="result-count">5<' in client.get("/children").text


def test_export_of_the_filtered_list_to_csv_and_xlsx(client, engine, hq):
    data = seed(hq)
    signed_in_client(client, engine, "staff")
    response = client.get("/children/export.csv", params={"site": data.site_a})
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["姓名", "拼音", "性别"]
    assert sorted(r[0] for r in rows[1:]) == ["张三", "张三", "李四"]
    response = client.get("/children/export.xlsx", params={"q": "zs"})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert [v[0] for v in values[1:]] == ["张三", "张三"]


def test_merge_of_suspected_duplicates_moves_dependents_and_reaches_laptops(client, engine, hq):
    data = seed(hq)
    twin, keep = data.children["zhangsan_twin"], data.children["zhangsan"]
    guardian = data.other_device.op(
        "guardian", None, {"child_id": twin, "name": "张父", "relationship": "father"}
    )
    assert hq.push(data.other_device, guardian).json()["results"][0]["status"] == "applied"
    token = signed_in_client(client, engine, "staff")
    page = client.get("/duplicates")
    assert page.status_code == 200 and page.text.count(">张三</a>") == 2
    with Session(engine) as session:
        pair = session.exec(select(SuspectedDuplicate)).one()
    response = client.post(
        f"/duplicates/{pair.id}/merge",
        data={"keep": keep, "reason": "same ID number", "csrf_token": token},
    )
    assert response.status_code == 200
    assert (
        "No suspected duplicates"
        in client.get("/duplicates", headers={"Accept-Language": "en"}).text
    )
    with Session(engine) as session:
        tombstone = session.get(Record, twin)
        assert tombstone.deleted and tombstone.merged_into == keep
        moved = session.get(Record, guardian["record_id"])
        assert moved.child_id == keep and moved.fields["child_id"] == keep
        assert session.get(SuspectedDuplicate, pair.id).status == "merged"
    changes = {c["record_id"]: c for c in hq.pull_all(data.other_device)}
    assert changes[twin]["merged_into"] == keep and changes[twin]["deleted"] is True
    assert changes[guardian["record_id"]]["fields"]["child_id"] == keep
    # The list now shows 张三 once.
    assert client.get("/children", params={"q": "zs"}).text.count(">张三</a>") == 1


def test_conflict_inbox_shows_both_values_and_the_choice_is_written(client, engine, hq):
    data = seed(hq)
    child = data.children["lisi"]
    a, b = data.device, data.other_device
    assert (
        hq.push(a, a.op("child", child, {"class_name": "三班"}, base_version=1)).status_code == 200
    )
    result = hq.push(b, b.op("child", child, {"class_name": "四班"}, base_version=1)).json()
    assert result["results"][0]["status"] == "conflict"
    token = signed_in_client(client, engine, "staff")
    page = client.get("/conflicts")
    assert "三班" in page.text and "四班" in page.text
    with Session(engine) as session:
        conflict = session.exec(select(Conflict)).one()
        record = session.get(Record, child)
        losing = conflict.loser_value
        version = record.version
    response = client.post(
        f"/conflicts/{conflict.id}/resolve", data={"choice": "loser", "csrf_token": token}
    )
    assert response.status_code == 200
    with Session(engine) as session:
        record = session.get(Record, child)
        assert record.fields["class_name"] == losing and record.version == version + 1
        resolved = session.get(Conflict, conflict.id)
        assert resolved.status == "resolved" and resolved.resolution == "loser"
        assert resolved.resolved_by.startswith("staff-")
    pulled = {c["record_id"]: c for c in hq.pull_all(a)}
    assert pulled[child]["fields"]["class_name"] == losing
    # A bad choice is refused without a change.
    again = client.post(
        f"/conflicts/{conflict.id}/resolve", data={"choice": "both", "csrf_token": token}
    )
    assert "error=" in str(again.url)


def test_devices_issue_code_enroll_and_revoke(client, engine, hq):
    data = seed(hq)
    token = signed_in_client(client, engine, "admin")
    page = client.post(
        "/devices/codes", data={"csrf_token": token, "site": data.site_b, "days": "3"}
    )
    assert page.status_code == 200
    code = page.text.split('id="new-code">')[1].split("<")[0]
    enrolled = client.post(
        "/api/v1/devices/enroll",
        json={"code": code, "device_name": "new laptop", "app_version": "t"},
    )
    assert enrolled.status_code == 200 and enrolled.json()["sites"] == [data.site_b]
    assert client.post("/devices/codes", data={"csrf_token": token}).status_code == 422
    listing = client.get("/devices")
    assert "new laptop" in listing.text and "laptop A" in listing.text
    device = data.device
    response = client.post(
        f"/devices/{device.id}/revoke", data={"csrf_token": token, "reason": "stolen"}
    )
    assert response.status_code == 200
    refused = client.get("/api/v1/sync/pull", headers=device.headers)
    assert refused.status_code == 401 and refused.json()["code"] == "device_revoked"


def test_revoke_api_for_staff_sessions(client, engine, hq):
    data = seed(hq)
    path = f"/api/v1/devices/{data.other_device.id}/revoke"
    anonymous = client.post(path)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "unauthorized"
    token = signed_in_client(client, engine, "admin")
    assert client.post(path).status_code == 403  # no CSRF header
    assert client.post(path, headers={"X-CSRF-Token": "nope"}).status_code == 403
    assert (
        client.post("/api/v1/devices/nope/revoke", headers={"X-CSRF-Token": token}).status_code
        == 404
    )
    done = client.post(path, headers={"X-CSRF-Token": token})
    assert done.status_code == 200 and done.json()["revoked_at"] > 0
    refused = client.get("/api/v1/sync/pull", headers=data.other_device.headers)
    assert refused.json()["code"] == "device_revoked"


def test_viewer_cannot_revoke_through_the_api(client, engine, hq):
    data = seed(hq)
    token = signed_in_client(client, engine, "viewer")
    path = f"/api/v1/devices/{data.device.id}/revoke"
    assert client.post(path, headers={"X-CSRF-Token": token}).status_code == 403


def test_erasure_wipes_personal_data_keeps_counts_and_beats_later_edits(client, engine, hq):
    data = seed(hq)
    child = data.children["zhangsan"]
    guardian = data.device.op(
        "guardian",
        None,
        {"child_id": child, "name": "张父", "relationship": "father", "phone": "13812345678"},
    )
    hq.push(data.device, guardian)
    hq.push(data.device, data.device.op("child", child, {"notes": "喜欢画画"}, base_version=1))
    token = signed_in_client(client, engine, "admin")
    before = client.get("/", headers={"Accept-Language": "en"}).text
    response = client.post(
        f"/children/{child}/erase",
        data={"confirm": "ERASE", "reason": "the guardian asked", "csrf_token": token},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 200 and "erased" in response.text
    with Session(engine) as session:
        record = session.get(Record, child)
        assert record.erased
        assert record.fields.get("surname") is None and record.fields.get("notes") is None
        assert record.fields.get("id_number") is None
        assert record.fields["dob"] == "2014-01-01" and record.fields["gender"] == 1
        assert record.fields["site_id"] == data.site_a
        erased_ids = [child, guardian["record_id"]]
        texts = [
            repr(h.changes)
            for h in session.exec(select(ChangeHistory)).all()
            if h.record_id in erased_ids
        ]
        assert texts  # the erasure itself is recorded, without values
        assert not any("张" in t or "画画" in t or "1381234" in t for t in texts)
        g = session.get(Record, guardian["record_id"])
        assert g.erased and g.deleted and g.fields.get("name") is None
    after = client.get("/", headers={"Accept-Language": "en"}).text
    assert 'id="total-children">5<' in before and 'id="total-children">5<' in after
    assert ">张三</a>" in client.get("/children", params={"q": "zs"}).text  # the twin only
    assert client.get("/children", params={"q": "zs"}).text.count(">张三</a>") == 1
    # A laptop learns it, and a later edit cannot bring the name back.
    changes = {c["record_id"]: c for c in hq.pull_all(data.device)}
    assert changes[child]["erased"] is True and changes[child]["fields"].get("surname") is None
    late = hq.push(data.device, data.device.op("child", child, {"surname": "张"}, base_version=9))
    assert late.json()["results"][0]["status"] in ("merged", "applied")
    with Session(engine) as session:
        assert session.get(Record, child).fields.get("surname") is None


def test_sites_and_programs(client, engine, hq):
    seed(hq)
    token = signed_in_client(client, engine, "admin")
    ok = client.post(
        "/sites",
        data={
            "csrf_token": token,
            "code": "NEW1",
            "name": "新站点",
            "type": "online",
            "division": "110101",
        },
    )
    assert ok.status_code == 200 and "新站点" in ok.text
    bad = client.post(
        "/sites",
        data={"csrf_token": token, "code": "NEW2", "name": "x", "type": "online", "division": "12"},
    )
    assert "行政区划须为 6 位" in bad.text
    program = client.post(
        "/programs", data={"csrf_token": token, "name": "英语", "program_type": "english"}
    )
    assert program.status_code == 200 and "英语" in program.text


def test_admin_adds_a_staff_user_who_can_sign_in(client, engine):
    token = signed_in_client(client, engine, "admin")
    added = client.post(
        "/staff",
        data={
            "csrf_token": token,
            "username": "dora",
            "password": "long password",
            "role": "viewer",
        },
    )
    assert added.status_code == 200 and "dora" in added.text
    short = client.post(
        "/staff",
        data={"csrf_token": token, "username": "eve", "password": "short", "role": "viewer"},
    )
    assert "密码至少需要 8 个字符" in short.text
    client.cookies.clear()
    assert sign_in(client, "dora", "long password").status_code == 303


def test_language_from_the_browser_and_the_switch(client, engine):
    assert "登录" in client.get("/login").text
    assert "Sign in" in client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert (
        "登录" in client.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}).text
    )
    client.get("/lang/en")
    assert "Sign in" in client.get("/login").text
    # An outside "next" is not followed.
    assert (
        client.get("/lang/en", params={"next": "//evil.example"}, follow_redirects=False).headers[
            "location"
        ]
        == "/"
    )


def test_child_page_shows_the_full_change_history(client, engine, hq):
    data = seed(hq)
    child = data.children["lisi"]
    hq.push(data.device, data.device.op("child", child, {"class_name": "一班"}, base_version=1))
    signed_in_client(client, engine, "staff")
    page = client.get(f"/children/{child}")
    assert page.status_code == 200
    assert "李四" in page.text and "一班" in page.text
    assert page.text.count("<tr") >= 10  # fields and history rows
    assert client.get("/children/not-a-child").status_code == 404


def test_a_child_pushed_twice_from_two_laptops_is_flagged_once(hq, engine):
    data = seed(hq)
    with Session(engine) as session:
        pairs = session.exec(select(SuspectedDuplicate)).all()
    assert len(pairs) == 1
    assert {pairs[0].record_id, pairs[0].other_id} == {
        data.children["zhangsan"],
        data.children["zhangsan_twin"],
    }
    assert "same_name" in pairs[0].reasons and pairs[0].score >= 80
    # An unrelated child is not flagged.
    hq.push(
        data.device,
        data.device.op(
            "child",
            None,
            child_fields(data.site_a, surname="赵", given_name="六", dob="2011-11-11"),
        ),
    )
    with Session(engine) as session:
        assert len(session.exec(select(SuspectedDuplicate)).all()) == 1


def test_every_text_of_every_staff_page_has_a_chinese_translation():
    """Each ``t("...")`` in the templates (the staff pages' words) is in the Chinese table:
    a text without one shows in English on a Chinese page."""
    import re
    from pathlib import Path

    from ss_hq.web.i18n import ZH_CN

    folder = Path(__file__).resolve().parents[2] / "ss_hq/web/templates"
    texts: set[str] = set()
    for template in folder.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        texts |= set(re.findall(r'(?<![\w.])t\("([^"]+)"\)', source))
        texts |= set(re.findall(r"(?<![\w.])t\('([^']+)'\)", source))
    assert len(texts) > 100  # the pattern still finds the pages' texts
    assert sorted(t for t in texts if t not in ZH_CN) == []
