"""A whole push batch applied set-based (ss_hq/sync/push_bulk.py): per-op answers, change-log
order, history, search index, duplicates, erasure and site moves inside one batch."""

from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from ss_hq.core.models import (
    AppliedOp,
    ChangeHistory,
    ChangeLog,
    ChildIndex,
    Record,
    SuspectedDuplicate,
)
from ss_hq.review.search_service import ChildFilters, search_children
from tests.hq.helpers import child_fields, fake_id_number


def _statuses(response):
    assert response.status_code == 200, response.text
    return [(r["device_seq"], r["status"], r["reason"]) for r in response.json()["results"]]


def _consent(child_id: str, **over):
    fields = {
        "child_id": child_id,
        "giver_name": "王芳",
        "giver_relationship": "mother",
        "giver_role": "legal_guardian",
        "method": "paper_signed",
        "given_on": "2024-09-01",
        "scopes": ["registration"],
    }
    fields.update(over)
    return fields


def test_mixed_batch_answers_each_op_and_numbers_the_change_log_in_order(hq, engine):
    site, other = hq.site(), hq.site()
    device = hq.device(site.id)
    children = [
        device.op("child", fields=child_fields(site.id, given_name=name, dob=f"2014-0{n}-01"))
        for n, name in enumerate(("小一", "小二", "小三", "小四"), start=1)
    ]
    guardian = device.op(
        "guardian",
        fields={"child_id": children[0]["record_id"], "name": "王芳", "relationship": "mother"},
    )
    edit = device.op("child", children[1]["record_id"], {"given_name": "小红"}, base_version=1)
    invalid = device.op("child", fields=child_fields(site.id, gender="nonsense"))
    forbidden = device.op("child", fields=child_fields(other.id))
    last = device.op("child", fields=child_fields(site.id, given_name="小尾"))
    ops = [*children, guardian, edit, invalid, forbidden, last]
    head_before = _max_seq(engine)

    response = hq.push(device, *ops)

    assert _statuses(response) == [
        (1, "applied", None),
        (2, "applied", None),
        (3, "applied", None),
        (4, "applied", None),
        (5, "applied", None),
        (6, "applied", None),
        (7, "rejected", "validation_failed"),
        (8, "rejected", "forbidden_site"),
        (9, "applied", None),
    ]
    body = response.json()
    assert body["acked_through_seq"] == 9
    assert [r["version"] for r in body["results"][:6]] == [1, 1, 1, 1, 1, 2]
    with Session(engine) as session:
        # One change-log row per applied op, numbered without gaps, in the batch's order.
        rows = session.exec(
            select(ChangeLog).where(ChangeLog.seq > head_before).order_by(col(ChangeLog.seq))
        ).all()
        assert [r.seq for r in rows] == list(range(head_before + 1, head_before + 8))
        expected = [op["record_id"] for op in (*children, guardian, edit, last)]
        assert [r.record_id for r in rows] == expected
        assert [r.version for r in rows] == [1, 1, 1, 1, 1, 2, 1]
        edited = session.get(Record, children[1]["record_id"])
        assert edited.fields["given_name"] == "小红" and edited.version == 2
        assert session.get(Record, guardian["record_id"]).site_id == site.id
        assert session.get(Record, invalid["record_id"]) is None
        assert session.get(Record, forbidden["record_id"]) is None
        history = session.exec(
            select(ChangeHistory)
            .where(ChangeHistory.record_id == children[1]["record_id"])
            .order_by(col(ChangeHistory.id))
        ).all()
        # One row per change: the creation (every field), then the edit (one field).
        assert [len(h.changes) for h in history] == [len(children[1]["fields"]), 1]
        assert [h.version for h in history] == [1, 2]
        assert session.exec(select(func.count()).select_from(AppliedOp)).one() == 9
    # The search index knows the batch's children, with the edit applied.
    with Session(engine) as session:
        found, total = search_children(session, ChildFilters(query="小红"))
    assert total == 1 and found[0].id == children[1]["record_id"]


def test_resending_a_mixed_batch_gives_the_same_answers_without_new_writes(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    good = device.op("child", fields=child_fields(site.id))
    bad = device.op("child", fields=child_fields(site.id, gender="nonsense"))
    batch = device.batch(good, bad)
    first = hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)
    rows = _max_seq(engine)
    second = hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)
    assert _statuses(first) == [(1, "applied", None), (2, "rejected", "validation_failed")]
    assert _statuses(second) == [(1, "duplicate", None), (2, "rejected", "validation_failed")]
    assert _max_seq(engine) == rows


def test_duplicates_within_one_batch_and_against_stored_children_are_suspected(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    same = {"surname": "张", "given_name": "伟", "dob": "2013-05-06"}
    stored = device.op(
        "child", fields=child_fields(site.id, id_number=fake_id_number("20130506"), **same)
    )
    assert _statuses(hq.push(device, stored))[0][1] == "applied"
    twin_a = device.op("child", fields=child_fields(site.id, **same))
    twin_b = device.op("child", fields=child_fields(site.id, **same))
    stranger = device.op(
        "child", fields=child_fields(site.id, surname="欧阳", given_name="娜", dob="2016-12-30")
    )
    assert [s for _, s, _ in _statuses(hq.push(device, twin_a, twin_b, stranger))] == [
        "applied"
    ] * 3
    with Session(engine) as session:
        pairs = {
            frozenset((p.record_id, p.other_id))
            for p in session.exec(select(SuspectedDuplicate)).all()
        }
    ids = [op["record_id"] for op in (stored, twin_a, twin_b)]
    assert pairs == {
        frozenset((ids[0], ids[1])),
        frozenset((ids[0], ids[2])),
        frozenset((ids[1], ids[2])),
    }


def test_withdrawal_in_the_middle_of_a_batch_erases_and_the_rest_still_applies(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id, id_number=fake_id_number()))
    consent = device.op("consent", fields=_consent(child["record_id"]))
    withdrawal = device.op(
        "consent", consent["record_id"], {"withdrawn_on": "2025-01-02"}, base_version=1
    )
    after = device.op("child", fields=child_fields(site.id, given_name="小后"))
    response = hq.push(device, child, consent, withdrawal, after)
    assert [s for _, s, _ in _statuses(response)] == ["applied"] * 4
    with Session(engine) as session:
        erased = session.get(Record, child["record_id"])
        assert erased.erased and erased.fields.get("id_number") is None
        assert erased.fields.get("given_name") is None
        index = session.get(ChildIndex, child["record_id"])
        assert index.search_keys.strip() == ""
        assert session.get(Record, after["record_id"]).fields["given_name"] == "小后"
        seqs = session.exec(select(ChangeLog.seq).order_by(col(ChangeLog.seq))).all()
    assert seqs == sorted(set(seqs)) and seqs == list(range(seqs[0], seqs[0] + len(seqs)))


def test_a_withdrawal_erases_only_when_no_other_registration_consent_is_left(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    child = device.op("child", fields=child_fields(site.id))
    mother = device.op("consent", fields=_consent(child["record_id"]))
    father = device.op(
        "consent",
        fields=_consent(child["record_id"], giver_name="王强", giver_relationship="father"),
    )
    withdraw_mother = device.op(
        "consent", mother["record_id"], {"withdrawn_on": "2025-01-02"}, base_version=1
    )
    # The father's consent is edited in the same batch without touching what decides it.
    note = device.op("consent", father["record_id"], {"collector": "李老师"}, base_version=1)
    response = hq.push(device, child, mother, father, withdraw_mother, note)
    assert [s for _, s, _ in _statuses(response)] == ["applied"] * 5
    with Session(engine) as session:
        assert not session.get(Record, child["record_id"]).erased
        assert session.get(Record, father["record_id"]).fields["collector"] == "李老师"

    withdraw_father = device.op(
        "consent", father["record_id"], {"withdrawn_on": "2025-02-03"}, base_version=2
    )
    assert [s for _, s, _ in _statuses(hq.push(device, withdraw_father))] == ["applied"]
    with Session(engine) as session:
        assert session.get(Record, child["record_id"]).erased


def test_child_moving_site_in_a_batch_takes_its_dependents_along(hq, engine):
    site, other = hq.site(), hq.site()
    device = hq.device(site.id, other.id)
    child = device.op("child", fields=child_fields(site.id))
    guardian = device.op(
        "guardian",
        fields={"child_id": child["record_id"], "name": "王芳", "relationship": "mother"},
    )
    move = device.op("child", child["record_id"], {"site_id": other.id}, base_version=1)
    neighbour = device.op("child", fields=child_fields(site.id, given_name="小邻"))
    response = hq.push(device, child, guardian, move, neighbour)
    assert [s for _, s, _ in _statuses(response)] == ["applied"] * 4
    with Session(engine) as session:
        assert session.get(Record, child["record_id"]).site_id == other.id
        assert session.get(Record, guardian["record_id"]).site_id == other.id
        assert session.get(ChildIndex, child["record_id"]).site_id == other.id
        assert session.get(Record, neighbour["record_id"]).site_id == site.id
        # The old site's laptops hear that the guardian left them.
        sites = set(
            session.exec(
                select(ChangeLog.site_id).where(ChangeLog.record_id == guardian["record_id"])
            ).all()
        )
    assert sites == {site.id, other.id}


def test_a_nul_character_rejects_only_that_op(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    before = device.op("child", fields=child_fields(site.id, given_name="小前"))
    nul = device.op("child", fields=child_fields(site.id, notes="a\x00b"))
    after = device.op("child", fields=child_fields(site.id, given_name="小后"))
    response = hq.push(device, before, nul, after)
    assert _statuses(response) == [
        (1, "applied", None),
        (2, "rejected", "validation_failed"),
        (3, "applied", None),
    ]
    assert response.json()["acked_through_seq"] == 3
    with Session(engine) as session:
        assert session.get(Record, after["record_id"]).fields["given_name"] == "小后"
        assert session.get(Record, nul["record_id"]) is None


REFUSE = """
CREATE FUNCTION refuse_marked() RETURNS trigger AS $$
BEGIN
  IF NEW.fields->>'notes' = 'refuse me' THEN
    RAISE EXCEPTION 'refused' USING ERRCODE = '22000';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER refuse_marked BEFORE INSERT OR UPDATE ON record
  FOR EACH ROW EXECUTE FUNCTION refuse_marked();
"""


@pytest.mark.parametrize(  # a trigger raising a data exception: PostgreSQL only
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_value_the_database_refuses_rejects_only_that_op(hq, engine):
    """The set-based write fails as a whole; the batch is redone op by op, so only the op
    the database refuses (a data exception, as PostgreSQL raises for a value it cannot
    store) is rejected, and nothing of the failed attempt is left."""
    site = hq.site()
    device = hq.device(site.id)
    with engine.begin() as connection:
        connection.exec_driver_sql(REFUSE)
    try:
        before = device.op("child", fields=child_fields(site.id, given_name="小前"))
        bad = device.op("child", fields=child_fields(site.id, notes="refuse me"))
        after = device.op("child", fields=child_fields(site.id, given_name="小后"))
        head = _max_seq(engine)
        response = hq.push(device, before, bad, after)
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP TRIGGER refuse_marked ON record")
            connection.exec_driver_sql("DROP FUNCTION refuse_marked()")
    assert _statuses(response) == [
        (1, "applied", None),
        (2, "rejected", "validation_failed"),
        (3, "applied", None),
    ]
    assert "cannot store" in response.json()["results"][1]["message"]
    with Session(engine) as session:
        assert session.get(Record, bad["record_id"]) is None
        assert session.exec(select(func.count()).select_from(AppliedOp)).one() == 3
        # Two children, two change-log rows: nothing doubled by the first attempt.
        assert _max_seq(engine) == head + 2
        assert session.exec(select(func.count()).select_from(ChildIndex)).one() == 2


def _max_seq(engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.coalesce(func.max(ChangeLog.seq), 0))).one())


def _stored(engine, record_id: str) -> dict:
    """Everything head office keeps of a record, without its id (each path writes its own)."""
    with Session(engine) as session:
        record = session.get(Record, record_id)
        assert record is not None
        history = session.exec(
            select(ChangeHistory).where(ChangeHistory.record_id == record_id)
        ).all()
        log = session.exec(select(ChangeLog).where(ChangeLog.record_id == record_id)).all()
    row = record.model_dump(exclude={"id"})
    return {
        "record": row,
        "history": [h.model_dump(exclude={"id", "record_id"}) for h in history],
        "log": [c.model_dump(exclude={"seq", "record_id"}) for c in log],
    }


@pytest.mark.parametrize(
    ("kind", "deleted"),
    [("child", False), ("one_field", True), ("no_field", True)],
)
def test_a_record_created_in_a_batch_is_stored_as_the_one_op_path_stores_it(
    hq, engine, kind, deleted
):
    """The batch path creates records without running the merge; what it stores (fields,
    stamps, version, history, change log) must be what the general path stores."""
    import uuid

    from ss_core.protocol.hlc import system_ms
    from ss_core.protocol.wire import Entity, PushOp
    from ss_hq.core.change_log import ChangeLogWriter
    from ss_hq.core.records import Author, write_record
    from ss_hq.sync.push_bulk import _Run
    from tests.hq.helpers import stamp

    site = hq.site().id
    fields = {
        "child": child_fields(site),
        "one_field": {"site_id": site},
        "no_field": {},
    }[kind]
    author = Author(device_id=str(uuid.uuid4()), sites=frozenset({site}) if fields else None)
    hlc = stamp(author.device_id)
    ids = [str(uuid.uuid4()), str(uuid.uuid4())]
    now = system_ms()
    with Session(engine) as session:
        write_record(
            session,
            ChangeLogWriter(session),
            entity=Entity.CHILD,
            record_id=ids[0],
            fields=dict(fields),
            hlc=hlc,
            base_version=0,
            deleted=deleted,
            author=author,
            now=now,
        )
        op = PushOp(
            device_seq=1,
            op_id=str(uuid.uuid4()),
            entity=Entity.CHILD,
            record_id=ids[1],
            base_version=0,
            hlc=hlc,
            fields=dict(fields),
            deleted=deleted,
        )
        run = _Run(session, author, "batch", now, apply_one=None)  # type: ignore[arg-type]
        run.load([op])
        assert run.apply(op).status.value == "applied"
        run.flush()
        session.commit()
    one, batch = _stored(engine, ids[0]), _stored(engine, ids[1])
    assert batch == one
    assert batch["record"]["version"] == 1 and batch["record"]["deleted"] is deleted
    assert len(batch["history"]) == (1 if fields else 0)
    assert len(batch["log"]) == 1
