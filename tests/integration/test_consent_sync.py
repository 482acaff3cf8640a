"""Consent rules that hold across sync, against a real ``ss-hq serve`` (issue #7, part 3).

(a) a child under 14 without a guardian's consent stays on the laptop; once consent is
    recorded the next round brings it to head office, exactly once;
(b) a withdrawal recorded on one laptop reaches head office, which wipes the child's personal
    fields; the other laptop, after its next sync, no longer holds them nor finds the child.
"""

from __future__ import annotations

import random

from sqlmodel import Session, col, select

from ss_desktop.services.children import ChildForm
from ss_hq.core.models import AppliedOp
from tests.integration.harness import child_form


def guardian_consent(**over: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "giver_name": "李秀英",
        "giver_relationship": "mother",
        "giver_role": "legal_guardian",
        "method": "paper_signed",
        "given_on": "2025-09-01",
        "notice_version": "2025-01",
        "scopes": ["registration"],
        "child_assent": True,
    }
    fields.update(over)
    return fields


def child_applied_ops(hq, child_id: str) -> int:
    with Session(hq.engine) as session:
        return len(
            session.exec(select(AppliedOp).where(col(AppliedOp.record_id) == child_id)).all()
        )


def test_child_under_14_is_pushed_only_once_consent_is_recorded(hq, laptops):
    site = hq.site()
    laptop = laptops.new("a")
    laptop.enroll(hq, site)
    form = child_form(site, random.Random(3), surname="欧阳", given_name="可欣", dob="2016-04-02")
    form.fields["id_number"] = None
    form.consents = []
    child_id = laptop.children.register(form).child_id
    other = laptop.register(site, random.Random(4))  # no consent either: held too
    laptop.children.update(other, ChildForm({}, [], [guardian_consent()]))

    report = laptop.sync()
    assert report.rejected == 0 and report.checksum_ok is True
    assert child_id not in hq.records("child")
    assert other in hq.records("child")  # the consented child went
    assert all(g.child_id != child_id for g in hq.records("guardian").values())
    assert laptop.pending() == 2  # the child and its guardian wait on the laptop
    assert report.pending == laptop.pending()

    laptop.children.update(child_id, ChildForm({}, [], [guardian_consent()]))
    report = laptop.sync()
    assert report.rejected == 0 and report.checksum_ok is True
    children = [r for r in hq.records("child").values() if r.fields.get("surname") == "欧阳"]
    assert [r.id for r in children] == [child_id]  # there, exactly once
    assert child_applied_ops(hq, child_id) == 1
    assert [
        g.fields["name"] for g in hq.records("guardian").values() if g.child_id == child_id
    ] == ["李秀英"]
    assert [c.child_id for c in hq.records("consent").values()].count(child_id) == 1
    assert laptop.pending() == 0
    assert laptop.sync().pushed == 0  # nothing sent twice


def test_withdrawal_wipes_the_personal_fields_at_head_office_and_on_other_laptops(hq, laptops):
    site = hq.site()
    a, b = laptops.new("a"), laptops.new("b")
    a.enroll(hq, site)
    b.enroll(hq, site)
    form = child_form(
        site,
        random.Random(5),
        surname="覃",
        given_name="思远",
        class_name="三(2)班",
        notes="喜欢画画",
        hukou_division="450102",
    )
    form.consents = [guardian_consent()]
    child_id = a.children.register(form).child_id
    phone = form.guardians[0]["phone"]
    id_number = form.fields["id_number"]
    a.sync()
    b.sync()
    assert [r.id for r in b.children.search("覃思远").rows] == [child_id]
    assert [r.id for r in b.children.search(phone[-4:]).rows] == [child_id]

    consent_id = a.children.get(child_id)["consents"][0]["id"]
    result = a.children.withdraw_consent(
        child_id, consent_id, withdrawn_on="2026-10-01", reason="监护人要求停止处理"
    )
    assert result.consent_pending
    report = a.sync()
    assert report.rejected == 0

    record = hq.records("child")[child_id]
    assert record.erased
    for name in (
        "surname",
        "given_name",
        "pinyin",
        "id_number",
        "hukou_division",
        "residence_division",
        "class_name",
        "notes",
    ):
        assert record.fields.get(name) is None, name
    assert record.fields["dob"] == form.fields["dob"][:4] + "-01-01"  # the year stays, for counts
    assert record.fields["site_id"] == site and record.fields["grade"] == form.fields["grade"]
    guardians = [g for g in hq.records("guardian").values() if g.child_id == child_id]
    assert guardians and all(
        g.fields.get("name") is None and g.fields.get("phone") is None for g in guardians
    )
    (consent,) = [c for c in hq.records("consent").values() if c.child_id == child_id]
    assert consent.fields["withdrawn_on"] == "2026-10-01"  # proof of the withdrawal stays
    assert consent.fields.get("giver_name") is None and not consent.deleted

    report = b.sync()
    assert report.checksum_ok is True
    for laptop in (a, b):
        row = laptop.child_rows()[child_id]
        assert row["surname"] is None and row["given_name"] is None and row["notes"] is None
        child = laptop.children.get(child_id)
        assert child["id_number"] is None and child["hukou_division"] is None
        assert all(g["phone"] is None and g["name"] is None for g in child["guardians"])
        for query in ("覃思远", "qsy", "qin siyuan", phone[-4:], id_number[-6:]):
            assert child_id not in [r.id for r in laptop.children.search(query).rows], query
        # Nor does any change kept in the outbox, sent or not.
        kept = laptop.outbox_fields()
        assert not [f for f in kept if "覃" in f or phone in f or id_number in f]
    assert len(a.outbox_fields()) >= 3  # the registration a sent is kept, scrubbed
    assert a.pending() == 0 and b.pending() == 0


def test_edits_after_a_withdrawal_send_nothing_personal(hq, laptops):
    site = hq.site()
    a, b = laptops.new("a"), laptops.new("b")
    a.enroll(hq, site)
    b.enroll(hq, site)
    form = child_form(site, random.Random(6))
    form.consents = [guardian_consent()]
    child_id = a.children.register(form).child_id
    a.sync()
    b.sync()
    # b edits offline while a records the withdrawal
    grandma = {"name": "王桂兰", "relationship": "maternal_grandparent", "phone": "13700001234"}
    b.children.update(child_id, ChildForm({"notes": "新的备注"}, [grandma]))
    consent_id = a.children.get(child_id)["consents"][0]["id"]
    a.children.withdraw_consent(child_id, consent_id, withdrawn_on="2026-10-01", reason="搬家")
    a.sync()
    report = b.sync()
    assert report.rejected == 0
    assert hq.records("child")[child_id].fields.get("notes") is None
    assert b.child_rows()[child_id]["notes"] is None
    assert all(g.fields.get("name") != "王桂兰" for g in hq.records("guardian").values())
    assert all(g["name"] is None for g in b.children.get(child_id)["guardians"])
    assert b.pending() == 0 and report.checksum_ok is True


def test_withdrawal_before_the_first_sync_sends_nothing_personal(hq, laptops):
    site = hq.site()
    laptop = laptops.new("a")
    laptop.enroll(hq, site)
    form = child_form(site, random.Random(8), surname="翟", given_name="文静")
    form.consents = [guardian_consent()]
    child_id = laptop.children.register(form).child_id
    consent_id = laptop.children.get(child_id)["consents"][0]["id"]
    laptop.children.withdraw_consent(
        child_id, consent_id, withdrawn_on="2026-10-01", reason="不再参加"
    )
    report = laptop.sync()
    assert report.rejected == 0 and report.checksum_ok is True
    record = hq.records("child").get(child_id)
    assert record is None or (record.deleted and record.fields.get("surname") is None)
    for entity in ("guardian", "consent"):
        for other in hq.records(entity).values():
            assert other.fields.get("name") is None and other.fields.get("giver_name") is None
    assert laptop.child_rows()[child_id]["surname"] == "翟"  # the laptop still shows it
