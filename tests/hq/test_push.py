"""Push: applied once, duplicates, conflicts, merges, gaps and per-op rejections."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from ss_core.protocol.ids import new_id
from ss_hq.core.models import (
    AppliedOp,
    ChangeHistory,
    ChangeLog,
    Conflict,
    Device,
    Record,
    field_changes,
)
from tests.hq.helpers import child_fields, fake_id_number, stamp

DAY_MS = 24 * 3600 * 1000


def _statuses(response):
    assert response.status_code == 200, response.text
    return [(r["device_seq"], r["status"], r["reason"]) for r in response.json()["results"]]


def _count(engine, model, *where):
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def _record(engine, record_id):
    with Session(engine) as session:
        return session.get(Record, record_id)


def test_new_child_is_applied_and_stored_with_its_history(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    op = device.op("child", fields=child_fields(site.id, id_number=fake_id_number()))
    response = hq.push(device, op)
    assert _statuses(response) == [(1, "applied", None)]
    body = response.json()
    assert body["acked_through_seq"] == 1
    assert body["results"][0]["version"] == 1
    record = _record(engine, op["record_id"])
    assert record.fields["given_name"] == "小明"
    assert record.site_id == site.id and record.version == 1
    # One history row for the change, holding every field it set (old value: none).
    with Session(engine) as session:
        history = session.exec(
            select(ChangeHistory).where(ChangeHistory.record_id == op["record_id"])
        ).one()
    assert [(f, old, new) for f, old, new, _hlc in field_changes(history)] == [
        (name, None, value) for name, value in op["fields"].items()
    ]
    assert history.applied and history.version == 1 and history.device_id == device.id


def test_same_push_again_answers_duplicate_and_changes_nothing(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    ops = [device.op("child", fields=child_fields(site.id)) for _ in range(3)]
    batch = device.batch(*ops)
    first = hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)
    assert [s for _, s, _ in _statuses(first)] == ["applied"] * 3
    log_rows = _count(engine, ChangeLog)

    second = hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)
    assert [s for _, s, _ in _statuses(second)] == ["duplicate"] * 3
    assert [r["version"] for r in second.json()["results"]] == [1, 1, 1]
    assert second.json()["acked_through_seq"] == 3
    assert _count(engine, ChangeLog) == log_rows
    assert _count(engine, AppliedOp) == 3


def test_concurrent_same_field_edits_conflict_and_higher_hlc_wins(hq, engine):
    site = hq.site()
    a, b = hq.device(site.id, name="a"), hq.device(site.id, name="b")
    child = a.op("child", fields=child_fields(site.id))
    assert _statuses(hq.push(a, child))[0][1] == "applied"
    rid = child["record_id"]

    # Both edited version 1 offline; B's edit is later.
    edit_a = a.op(
        "child", rid, {"given_name": "小红"}, base_version=1, hlc=stamp(a.id, offset_ms=1000)
    )
    edit_b = b.op(
        "child", rid, {"given_name": "小兰"}, base_version=1, hlc=stamp(b.id, offset_ms=2000)
    )
    assert _statuses(hq.push(a, edit_a))[0][1] == "applied"
    assert _statuses(hq.push(b, edit_b)) == [(1, "conflict", None)]

    record = _record(engine, rid)
    assert record.fields["given_name"] == "小兰"
    with Session(engine) as session:
        conflicts = session.exec(select(Conflict).where(Conflict.record_id == rid)).all()
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert (conflict.field, conflict.status) == ("given_name", "open")
    assert (conflict.winner_value, conflict.winner_device) == ("小兰", b.id)
    assert (conflict.loser_value, conflict.loser_device) == ("小红", a.id)


def test_conflicting_edit_with_lower_hlc_loses_but_is_kept(hq, engine):
    site = hq.site()
    a, b = hq.device(site.id), hq.device(site.id)
    child = a.op("child", fields=child_fields(site.id))
    hq.push(a, child)
    rid = child["record_id"]
    late = a.op(
        "child", rid, {"class_name": "三(2)班"}, base_version=1, hlc=stamp(a.id, offset_ms=5000)
    )
    early = b.op(
        "child", rid, {"class_name": "三(1)班"}, base_version=1, hlc=stamp(b.id, offset_ms=1000)
    )
    hq.push(a, late)
    response = hq.push(b, early)
    assert _statuses(response) == [(1, "conflict", None)]
    assert _record(engine, rid).fields["class_name"] == "三(2)班"
    with Session(engine) as session:
        conflict = session.exec(select(Conflict).where(Conflict.record_id == rid)).one()
        lost = session.exec(
            select(ChangeHistory)
            .where(ChangeHistory.record_id == rid)
            .where(ChangeHistory.applied == False)  # noqa: E712
        ).one()
    assert (conflict.winner_value, conflict.loser_value) == ("三(2)班", "三(1)班")
    assert (conflict.winner_device, conflict.loser_device) == (a.id, b.id)
    assert [(f, old, new) for f, old, new, _hlc in field_changes(lost)] == [
        ("class_name", "三(2)班", "三(1)班")
    ]


def test_concurrent_edits_of_different_fields_are_both_kept(hq, engine):
    site = hq.site()
    a, b = hq.device(site.id), hq.device(site.id)
    child = a.op("child", fields=child_fields(site.id))
    hq.push(a, child)
    rid = child["record_id"]
    r1 = hq.push(a, a.op("child", rid, {"notes": "喜欢画画"}, base_version=1))
    r2 = hq.push(b, b.op("child", rid, {"class_name": "四(3)班"}, base_version=1))
    assert _statuses(r1)[0][1] in ("applied", "merged")
    assert _statuses(r2)[0][1] in ("applied", "merged")
    record = _record(engine, rid)
    assert record.fields["notes"] == "喜欢画画"
    assert record.fields["class_name"] == "四(3)班"
    assert record.version == 3
    assert _count(engine, Conflict) == 0


def test_an_edit_is_checked_against_the_stored_record(hq, engine):
    """A laptop sends only what changed: a new grade is checked against the stored stage."""
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id, stage="primary", grade=3))
    hq.push(device, child)
    rid = child["record_id"]
    ok = hq.push(device, device.op("child", rid, {"grade": 4}, base_version=1))
    assert _statuses(ok)[0][1] == "applied"
    bad = hq.push(device, device.op("child", rid, {"grade": 9}, base_version=2))
    assert _statuses(bad)[0][1:] == ("rejected", "validation_failed")
    assert "grade.out_of_range" in bad.json()["results"][0]["message"]
    assert _record(engine, rid).fields["grade"] == 4


def test_edit_older_than_the_stored_value_is_merged_not_applied(hq, engine):
    site = hq.site()
    a, b = hq.device(site.id), hq.device(site.id)
    child = a.op("child", fields=child_fields(site.id, class_name="一班"), hlc=stamp(a.id))
    hq.push(a, child)
    # B saw version 1 but its (slow) clock stamps the edit before A's write.
    stale = b.op(
        "child",
        child["record_id"],
        {"class_name": "二班"},
        base_version=1,
        hlc=stamp(b.id, offset_ms=-60_000),
    )
    assert _statuses(hq.push(b, stale)) == [(1, "merged", None)]
    assert _record(engine, child["record_id"]).fields["class_name"] == "一班"


def test_seq_gap_is_held_back_until_the_missing_op_arrives(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    op1 = device.op("child", fields=child_fields(site.id))
    op2 = device.op("child", fields=child_fields(site.id))
    op3 = device.op("child", fields=child_fields(site.id))

    held = hq.push(device, op2, op3)
    assert _statuses(held) == [(2, "rejected", "seq_gap"), (3, "rejected", "seq_gap")]
    assert held.json()["acked_through_seq"] == 0
    assert _count(engine, AppliedOp) == 0
    assert _record(engine, op2["record_id"]) is None

    partial = hq.push(device, op1, op3)
    assert _statuses(partial) == [(1, "applied", None), (3, "rejected", "seq_gap")]
    assert partial.json()["acked_through_seq"] == 1

    rest = hq.push(device, op2, op3)
    assert _statuses(rest) == [(2, "applied", None), (3, "applied", None)]
    assert rest.json()["acked_through_seq"] == 3
    with Session(engine) as session:
        assert session.get(Device, device.id).acked_seq == 3


def test_child_for_another_site_is_rejected_forbidden_site(hq, engine):
    mine, other = hq.site(), hq.site()
    device = hq.device(mine.id)
    foreign = device.op("child", fields=child_fields(other.id))
    ok = device.op("child", fields=child_fields(mine.id))
    response = hq.push(device, foreign, ok)
    assert _statuses(response) == [(1, "rejected", "forbidden_site"), (2, "applied", None)]
    assert response.json()["acked_through_seq"] == 2
    assert _record(engine, foreign["record_id"]) is None
    # Moving one of my children to another site is forbidden too.
    move = device.op("child", ok["record_id"], {"site_id": other.id}, base_version=1)
    assert _statuses(hq.push(device, move)) == [(3, "rejected", "forbidden_site")]
    assert _record(engine, ok["record_id"]).site_id == mine.id
    # A device may not write head office's reference data.
    program = device.op("program", fields={"name": "英语"})
    assert _statuses(hq.push(device, program))[0][2] == "forbidden_site"


def test_invalid_child_is_rejected_without_blocking_later_ops(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    bad_gender = device.op("child", fields=child_fields(site.id, gender=7))
    bad_date = device.op("child", fields=child_fields(site.id, dob="not a date"))
    missing = device.op("child", fields={"surname": "李", "site_id": site.id})
    bad_ref = device.op("child", fields=child_fields("not-an-id"))
    bad_name = device.op("child", fields=child_fields(site.id) | {"Bad Field": 1})
    good = device.op("child", fields=child_fields(site.id))
    response = hq.push(device, bad_gender, bad_date, missing, bad_ref, bad_name, good)
    statuses = _statuses(response)
    assert [s[1:] for s in statuses[:5]] == [("rejected", "validation_failed")] * 5
    assert statuses[5] == (6, "applied", None)
    assert response.json()["acked_through_seq"] == 6
    assert all(r["message"] for r in response.json()["results"][:5])
    assert _count(engine, Record, Record.entity == "child") == 1
    # Rejected ops are recorded: a resend (the laptop lost the answer) gets the same refusal,
    # so the laptop still quarantines it, and nothing is applied twice.
    again = hq.push(device, bad_gender)
    assert _statuses(again) == [(1, "rejected", "validation_failed")]
    assert again.json()["acked_through_seq"] == 6
    assert _count(engine, Record, Record.entity == "child") == 1


def test_hlc_two_days_ahead_is_rejected_clock_skew(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    future = device.op(
        "child", fields=child_fields(site.id), hlc=stamp(device.id, offset_ms=2 * DAY_MS)
    )
    fine = device.op(
        "child", fields=child_fields(site.id), hlc=stamp(device.id, offset_ms=3600_000)
    )
    garbage = device.op("child", fields=child_fields(site.id), hlc="x" * 30)
    response = hq.push(device, future, fine, garbage)
    assert _statuses(response) == [
        (1, "rejected", "clock_skew"),
        (2, "applied", None),
        (3, "rejected", "validation_failed"),
    ]
    assert _record(engine, future["record_id"]) is None


def test_consent_is_checked_against_its_childs_age(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id, dob="2015-03-04"))  # under 14
    consent = {
        "child_id": child["record_id"],
        "giver_name": "王芳",
        "giver_relationship": "mother",
        "giver_role": "legal_guardian",
        "method": "paper_signed",
        "given_on": "2024-09-01",
        "scopes": ["registration"],
    }
    by_guardian = device.op("consent", fields=consent)
    by_child = device.op("consent", fields=consent | {"giver_role": "self"})
    response = hq.push(device, child, by_guardian, by_child)
    assert _statuses(response) == [
        (1, "applied", None),
        (2, "applied", None),
        (3, "rejected", "validation_failed"),
    ]
    assert "consent.self_under_14" in response.json()["results"][2]["message"]


def test_dependents_need_a_known_child_and_follow_its_scope(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id))
    guardian = device.op(
        "guardian",
        fields={"child_id": child["record_id"], "name": "王芳", "relationship": "mother"},
    )
    orphan = device.op(
        "guardian", fields={"child_id": new_id(), "name": "李四", "relationship": "father"}
    )
    response = hq.push(device, child, guardian, orphan)
    assert _statuses(response) == [
        (1, "applied", None),
        (2, "applied", None),
        (3, "rejected", "validation_failed"),
    ]
    stored = _record(engine, guardian["record_id"])
    assert (stored.site_id, stored.child_id) == (site.id, child["record_id"])


def test_delete_leaves_a_tombstone_that_pull_reports(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id))
    hq.push(device, child)
    gone = device.op("child", child["record_id"], base_version=1, deleted=True)
    assert _statuses(hq.push(device, gone)) == [(2, "applied", None)]
    assert _record(engine, child["record_id"]).deleted
    latest = [c for c in hq.pull_all(device) if c["record_id"] == child["record_id"]][-1]
    assert latest["deleted"] is True and latest["version"] == 2
