"""Head office's pages speak to people (SQLite and PostgreSQL): labels and values in the
page's language from the tables the laptop and the edit page use, no ids or JSON, one
history entry per change, conflicts with when/where/who and a combined value, laptops by the
name they were given (renamable; the end of the id only to tell two of one name apart)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlmodel import Session, select

from ss_core.domain import labels as L
from ss_hq.core.labels import laptop_translations
from ss_hq.core.models import Conflict, Record
from tests.hq.staff_pages_support import conflicting_edits, two_records_of_one_child
from tests.hq.test_audit_pages import FakeLog, upload
from tests.hq.test_web_support import signed_in_client

EN = {"Accept-Language": "en"}
ZH = {"Accept-Language": "zh-CN"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _visible(html: str) -> str:
    """The page without its markup's attributes (links and form targets carry ids)."""
    return re.sub(r"<[^>]*>", " ", html)


def _laptop_word(english: str) -> str:
    return laptop_translations("zh_CN")[("Enum", english)]


def test_the_child_page_shows_words_not_codes(client, engine, hq):
    data = two_records_of_one_child(hq)
    push = hq.push(
        data.laptop_a,
        data.laptop_a.op(
            "child",
            data.kept,
            {"living_arrangement": "grandparents", "hukou_division": "511502", "boarding": True},
            base_version=1,
        ),
    )
    assert push.status_code == 200
    signed_in_client(client, engine, "admin")
    page = client.get(f"/children/{data.kept}", headers=ZH).text
    text = _visible(page)
    assert not UUID.search(text), UUID.search(text)
    for code in (
        "categories",
        "dob_precision",
        "site_id",
        "giver_role",
        "paper_signed",
        "legal_guardian",
        "migrant",
        '["',
        "None",
    ):
        assert code not in text, code
    # The laptop's words for the codes (its translation file), the edit page's for fields.
    fields = page.split('id="child-fields"')[1].split("</table>")[0]
    assert f"<th>居住情况</th><td>{_laptop_word(L.LIVING['grandparents'])}</td>" in fields
    assert f"<th>性别</th><td>{_laptop_word(L.GENDER[2])}</td>" in fields
    assert f"<th>类别</th><td>{_laptop_word(L.CATEGORY['migrant'])}</td>" in fields
    assert "<th>户籍所在地（区县代码）</th><td>四川省宜宾市翠屏区</td>" in fields
    assert "<th>站点</th><td>PD01 学校 PD01</td>" in fields and "<th>寄宿</th><td>是</td>" in fields
    consent = page.split('id="section-consent"')[1].split("</section>")[0]
    assert _laptop_word(L.GIVER_ROLE["legal_guardian"]) in consent
    assert _laptop_word(L.CONSENT_METHOD["paper_signed"]) in consent
    enrollment = page.split('id="section-enrollment"')[1].split("</section>")[0]
    assert "英语角" in enrollment  # the program by name
    attendance = page.split('id="section-attendance_mark"')[1].split("</section>")[0]
    assert "英语角 2026-10-01" in attendance and _laptop_word(L.ATTENDANCE["absent"]) in attendance
    # The edit page offers the same words.
    edit = client.get(f"/children/{data.kept}/edit", headers=ZH).text
    assert not UUID.search(_visible(edit))
    assert (
        f'<option value="grandparents" selected>{_laptop_word(L.LIVING["grandparents"])}</option>'
        in edit
    )


def test_one_history_entry_per_change(client, engine, hq):
    data = two_records_of_one_child(hq)
    hq.push(
        data.laptop_b,
        data.laptop_b.op("child", data.other, {"class_name": "一班", "grade": 3}, base_version=1),
    )
    signed_in_client(client, engine, "staff")
    page = client.get(f"/children/{data.other}", headers=EN).text
    rows = page.split('id="history"')[1].split("</tbody>")[0].split("<tr")[2:]
    child_rows = [r for r in rows if "<td>Child</td>" in r]
    # The registration (every field in one entry) and the edit (both fields in one entry).
    assert len(child_rows) == 2
    edit, registration = child_rows
    assert "<b>Class</b>: — → 一班" in edit and "<b>Grade</b>: 2 → 3" in edit
    assert "Registered:" in registration and "Surname, Given name, Gender" in registration
    assert "闵行学校" in edit  # by the laptop's name
    guardian_rows = [r for r in rows if "Guardian" in r]
    assert len(guardian_rows) == 2 and any("宋丽" in r for r in guardian_rows)


def test_an_erased_childs_page_has_no_deleted_sections(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    client.post(
        f"/children/{data.other}/erase",
        data={"csrf_token": token, "confirm": "ERASE", "reason": "request"},
    )
    page = client.get(f"/children/{data.other}", headers=EN).text
    assert "deleted" not in _visible(page)
    assert 'id="section-guardian"' not in page and 'id="section-consent"' not in page
    assert "This child&#39;s personal data was erased." in page
    assert 'id="removed-note">' in page and "宋丽" not in page and "许建国" not in page
    # Counted, not listed: the list leaves the erased child out, and says so.
    listing = client.get("/children", headers=EN).text
    assert f"/children/{data.other}" not in listing
    assert "1 erased children are counted on the dashboard" in listing


def test_conflicts_show_when_where_and_who_and_take_a_combined_value(client, engine, hq):
    data = two_records_of_one_child(hq)
    child = conflicting_edits(hq, data)
    # Each laptop's audit log says who made its edit.
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    for laptop, user in ((data.laptop_a, "李老师"), (data.laptop_b, "王老师")):
        log = FakeLog()
        log.add("edit", actor=user, record_id=child, detail={"fields": ["class_name"]}, at=now)
        assert upload(hq, laptop, log.rows).status_code == 200
    token = signed_in_client(client, engine, "staff")
    page = client.get("/conflicts", headers=ZH).text
    section = page.split('class="pair conflict"')[1].split("</section>")[0]
    assert "宋怡可" in section and "· 班级" in section
    sides = section.split('class="side"')[1:]
    assert "四班" in sides[0] and "闵行学校" in sides[0] and "王老师" in sides[0]
    assert "三班" in sides[1] and "浦东教学点" in sides[1] and "李老师" in sides[1]
    assert all(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", side) for side in sides)
    assert not UUID.search(_visible(page))
    with Session(engine) as session:
        conflict = session.exec(select(Conflict)).one()
    empty = client.post(
        f"/conflicts/{conflict.id}/resolve",
        data={"csrf_token": token, "choice": "combined", "combined": "  "},
        headers=EN,
    )
    assert "Enter the combined value." in empty.text
    done = client.post(
        f"/conflicts/{conflict.id}/resolve",
        data={"csrf_token": token, "choice": "combined", "combined": "三班（上午）/四班（下午）"},
        headers=EN,
    )
    assert "Class = 三班（上午）/四班（下午）" in done.text
    with Session(engine) as session:
        assert session.get(Record, child).fields["class_name"] == "三班（上午）/四班（下午）"
        assert session.get(Conflict, conflict.id).resolution == "combined"
    pulled = {c["record_id"]: c for c in hq.pull_all(data.laptop_b)}
    assert pulled[child]["fields"]["class_name"] == "三班（上午）/四班（下午）"


def test_a_conflict_over_a_code_offers_no_combined_value(client, engine, hq):
    data = two_records_of_one_child(hq)
    for laptop, gender in ((data.laptop_a, 1), (data.laptop_b, 9)):
        hq.push(laptop, laptop.op("child", data.other, {"gender": gender}, base_version=1))
    signed_in_client(client, engine, "staff")
    page = client.get("/conflicts", headers=ZH).text
    assert 'name="combined"' not in page
    assert _laptop_word(L.GENDER[9]) in page and _laptop_word(L.GENDER[1]) in page


def test_sites_staff_and_the_header_in_chinese(client, engine, hq):
    two_records_of_one_child(hq)
    signed_in_client(client, engine, "admin")
    sites = client.get("/sites", headers=ZH).text
    table = sites.split('id="sites"')[1].split("</table>")[0]
    assert "<th>站点名称</th>" in table and "<th>姓名</th>" not in table
    assert _laptop_word(
        L.SITE_TYPE["migrant_school"]
    ) in table and "migrant_school" not in _visible(table)
    programs = sites.split('id="programs"')[1].split("</table>")[0]
    assert "<th>项目名称</th>" in programs and _laptop_word(L.PROGRAM_TYPE["english"]) in programs
    staff = client.get("/staff", headers=ZH).text
    assert '(<span id="role">管理员</span>)' in staff
    roles = staff.split('id="staff"')[1].split("</table>")[0]
    assert 'class="role">管理员<' in roles and ">admin<" not in roles


def test_laptops_are_named_the_same_everywhere(client, engine, hq):
    site = hq.site("SJ01").id
    first, second = hq.device(site, name="vm"), hq.device(site, name="vm")
    child = first.op(
        "child",
        None,
        {
            "surname": "钱",
            "given_name": "多多",
            "gender": 1,
            "dob": "2015-01-02",
            "dob_precision": "exact",
            "site_id": site,
        },
    )
    hq.push(first, child)
    hq.push(second, second.op("child", child["record_id"], {"class_name": "一班"}, base_version=1))
    token = signed_in_client(client, engine, "admin")
    label_1 = f"vm · {first.id[-6:]}"
    label_2 = f"vm · {second.id[-6:]}"
    devices = client.get("/devices", headers=EN).text
    assert label_1 in devices and label_2 in devices
    history = client.get(f"/children/{child['record_id']}", headers=EN).text.split('id="history"')[
        1
    ]
    assert label_1 in history and label_2 in history
    audit = client.get("/audit", headers=EN).text
    assert f">{label_1}</option>" in audit
    # Renamed: the new name everywhere, and no suffix once the name is unique.
    client.post(f"/devices/{second.id}/rename", data={"csrf_token": token, "name": "松江二号"})
    history = client.get(f"/children/{child['record_id']}", headers=EN).text.split('id="history"')[
        1
    ]
    assert "松江二号" in history and "<td>vm</td>" in history
    assert label_1 not in history
    devices = client.get("/devices", headers=EN).text
    assert "松江二号" in devices and label_2 not in devices
