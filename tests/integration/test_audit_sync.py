"""The laptop's audit log reaches head office with each sync round (issue 7, part 4), against
a real ``ss-hq serve`` process: the rows arrive once, their hash chain verifies there, and a
row tampered with on the laptop after it was sent is reported with a clear message."""

from __future__ import annotations

import random
from typing import Any

from sqlmodel import Session, col, select

from ss_core.protocol.audit_chain import GENESIS_HASH, row_hash
from ss_hq.core.models import AuditChain, AuditEntry


def laptop_log(laptop: Any) -> list[tuple]:
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        return cur.execute(
            "SELECT id, at, actor, action, entity, record_id, detail, prev_hash, hash"
            " FROM audit_log ORDER BY id"
        ).fetchall()


def hq_rows(hq: Any, device_id: str) -> list[AuditEntry]:
    with Session(hq.engine) as session:
        return list(
            session.exec(
                select(AuditEntry)
                .where(AuditEntry.device_id == device_id)
                .order_by(col(AuditEntry.row_id), col(AuditEntry.id))
            ).all()
        )


def hq_chain(hq: Any, device_id: str) -> AuditChain | None:
    with Session(hq.engine) as session:
        return session.get(AuditChain, device_id)


def sql(laptop: Any, statement: str, params: tuple = ()) -> None:
    with laptop.app.engine.connect() as conn:
        conn.connection.driver_connection.execute(statement, params)


def test_audit_rows_reach_head_office_once_with_a_verified_chain(hq, laptops):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    rng = random.Random(7)
    children = [laptop.register(site, rng) for _ in range(3)]
    laptop.children.archive(children[0], "moved away")

    report = laptop.sync()
    assert report.audit_chain_ok is True and report.audit_message is None
    local = laptop_log(laptop)
    received = hq_rows(hq, device_id)
    # Every laptop row, the round's own "sync_round" row included, exactly as written.
    assert [(r.row_id, r.hash) for r in received] == [(row[0], row[8]) for row in local]
    assert report.audit_sent == len(local)
    actions = {(r.action, r.entity) for r in received}
    assert {("create", "child"), ("create", "guardian"), ("archive", "child")} <= actions
    assert ("sign_in", "local_user") in actions and ("sync_round", None) in actions
    archived = [r for r in received if r.action == "archive"]
    assert [r.record_id for r in archived] == [children[0]]
    assert all(r.actor == "admin" for r in received if r.action in ("create", "archive"))
    chain = hq_chain(hq, device_id)
    assert chain is not None and chain.broken_at_id is None
    assert (chain.tip_id, chain.tip_hash) == (local[-1][0], local[-1][8])
    # Personal values never travel in the audit log: field names only.
    assert not any("李秀英" in r.detail or "139" in r.detail for r in received)

    # A second round sends only what is new (its own sync_round row), nothing twice.
    again = laptop.sync()
    assert again.audit_chain_ok is True
    after = hq_rows(hq, device_id)
    local = laptop_log(laptop)
    assert [(r.row_id, r.hash) for r in after] == [(row[0], row[8]) for row in local]
    assert len({r.row_id for r in after}) == len(after)
    assert again.audit_sent == len(after) - len(received) >= 1


def test_a_row_edited_on_the_laptop_after_upload_is_reported(hq, laptops):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    laptop.register(site, random.Random(3))
    assert laptop.sync().audit_chain_ok is True
    original = hq_rows(hq, device_id)[1]

    # Someone with the laptop's database hides who did something.
    sql(laptop, "UPDATE audit_log SET actor = 'nobody' WHERE id = 2")
    report = laptop.sync()  # the children's records still sync

    assert report.audit_chain_ok is False
    assert report.audit_message is not None
    assert "audit row 2" in report.audit_message
    assert "changed on the laptop after it was sent" in report.audit_message
    chain = hq_chain(hq, device_id)
    assert chain is not None
    assert (chain.broken_at_id, chain.problem) == (2, "laptop_reported")
    kept = [r for r in hq_rows(hq, device_id) if r.row_id == 2]
    assert [(r.actor, r.hash) for r in kept] == [(original.actor, original.hash)]
    # The laptop keeps hearing about it on later rounds until staff look into it.
    assert laptop.sync().audit_chain_ok is False


def test_a_careful_forgery_that_recomputes_every_hash_is_caught_by_head_office(hq, laptops):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site)
    laptop.register(site, random.Random(4))
    laptop.sync()
    # Rewrite row 2 and recompute the hash of every row after it: the laptop's own check
    # passes again, but the next row no longer continues the chain head office holds.
    rows = laptop_log(laptop)
    prev = rows[0][8]
    for row_id, at, _actor, action, entity, record_id, detail, _prev, _hash in rows[1:]:
        actor = "nobody" if row_id == 2 else _actor
        digest = row_hash(prev, row_id, at, actor, action, entity, record_id, detail)
        sql(
            laptop,
            "UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
            (actor, prev, digest, row_id),
        )
        prev = digest
    assert rows[0][7] == GENESIS_HASH

    report = laptop.sync()
    assert report.audit_chain_ok is False
    chain = hq_chain(hq, device_id)
    assert chain is not None and chain.problem == "prev_mismatch"
    assert chain.broken_at_id == rows[-1][0] + 1
    assert "does not continue from the row before it" in (report.audit_message or "")


def test_a_large_pull_is_audited_per_entity_not_per_record(hq, laptops):
    """A first pull can bring tens of thousands of records: the audit log names every one of
    them, in one row per entity and page, so checking and sending the log stays cheap."""
    import json

    site = hq.site()
    writer, reader = laptops.new(), laptops.new()
    writer.enroll(hq, site)
    reader.enroll(hq, site)
    rng = random.Random(7)
    children = [writer.register(site, rng) for _ in range(30)]
    assert writer.sync().pushed == 90  # child, guardian, consent each
    reader.sync()
    with reader.app.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT entity, record_id, detail FROM audit_log WHERE action = 'sync'"
        ).fetchall()
    named = {}
    for entity, record_id, detail in rows:
        ids = json.loads(detail).get("ids") or [record_id]
        named.setdefault(entity, set()).update(ids)
    assert set(children) <= named["child"]
    assert len(named["guardian"]) == len(named["consent"]) == 30
    assert len(rows) < 10  # one row per entity (and page), not one per record
    from ss_desktop.db.audit import verify_audit_chain

    assert verify_audit_chain(reader.app.engine) is None
