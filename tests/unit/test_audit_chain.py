"""The audit log's hash chain: the shared check (ss_core) and the laptop's side of the upload
(which rows go next, the acknowledged id per enrollment)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ss_core.protocol.audit_chain import (
    GENESIS_HASH,
    ChainBreak,
    ChainProblem,
    ChainRow,
    check_row,
    first_break,
    row_hash,
)
from ss_core.protocol.ids import new_id
from ss_desktop.db.audit import (
    append_audit,
    audit_acked_id,
    audit_row_count_after,
    audit_rows_after,
    save_audit_acked_id,
    verify_audit_chain,
)
from tests.fixtures.fake_children import add_site, child_with_family, make_writer, open_test_db


def _chain(n: int) -> list[ChainRow]:
    rows: list[ChainRow] = []
    prev = GENESIS_HASH
    for row_id in range(1, n + 1):
        at = f"2026-01-0{1 + row_id % 9}T10:00:00.000Z"
        detail = '{"fields":["grade"]}'
        digest = row_hash(prev, row_id, at, "amy", "edit", "child", f"c{row_id}", detail)
        rows.append(
            ChainRow(row_id, at, "amy", "edit", "child", f"c{row_id}", detail, prev, digest)
        )
        prev = digest
    return rows


def _rehash(rows: list[ChainRow], start: int) -> list[ChainRow]:
    """What a careful forger does: recompute every hash from *start* on."""
    out = rows[:start]
    prev = out[-1].hash if out else GENESIS_HASH
    for row in rows[start:]:
        fixed = replace(row, prev_hash=prev)
        fixed = replace(fixed, hash=fixed.computed_hash())
        out.append(fixed)
        prev = fixed.hash
    return out


def test_an_intact_chain_verifies_from_genesis_and_from_any_row():
    rows = _chain(6)
    assert first_break(rows) is None
    assert first_break(rows[3:], tip_id=3, tip_hash=rows[2].hash) is None


def test_each_kind_of_tampering_is_named_at_its_row():
    rows = _chain(6)
    edited = rows[:2] + [replace(rows[2], actor="mallory")] + rows[3:]
    assert first_break(edited) == ChainBreak(3, ChainProblem.HASH_MISMATCH)
    removed = rows[:2] + rows[3:]
    assert first_break(removed) == ChainBreak(4, ChainProblem.GAP)
    # Edited and every later hash recomputed: the laptop alone cannot tell ...
    forged = _rehash(edited, 2)
    assert first_break(forged) is None
    # ... but head office, which holds the original rows 1-4, sees row 5 not continuing.
    assert first_break(forged[4:], tip_id=4, tip_hash=rows[3].hash) == ChainBreak(
        5, ChainProblem.PREV_MISMATCH
    )


def test_the_first_row_must_start_from_genesis():
    rows = _chain(2)
    assert check_row(rows[1], 0, GENESIS_HASH) is ChainProblem.GAP
    wrong_start = replace(rows[0], prev_hash="f" * 64)
    assert check_row(replace(wrong_start, hash=wrong_start.computed_hash()), 0, GENESIS_HASH) is (
        ChainProblem.PREV_MISMATCH
    )


@pytest.fixture
def laptop_db(tmp_path):
    engine = open_test_db(tmp_path)
    writer = make_writer(engine)
    site = add_site(writer)
    yield engine, writer, site
    engine.dispose()


def _sql(engine, statement: str) -> None:
    with engine.connect() as conn:
        conn.connection.driver_connection.execute(statement)


def test_laptop_check_finds_a_removed_row(laptop_db):
    engine, writer, site = laptop_db
    for name in ("伟", "芳", "娜"):
        writer.save(child_with_family(site, "张", name)[1], actor="amy")
    assert verify_audit_chain(engine) is None
    last = audit_row_count_after(engine, 0)
    _sql(engine, f"DELETE FROM audit_log WHERE id = {last - 1}")
    assert verify_audit_chain(engine) == last


def test_rows_after_the_acknowledged_id_go_next_in_order(laptop_db):
    engine, writer, site = laptop_db
    writer.save(child_with_family(site, "张", "伟")[1], actor="amy")
    append_audit(engine, actor="amy", action="export", entity="child", detail={"count": 1})
    total = audit_row_count_after(engine, 0)
    rows = audit_rows_after(engine, 0, limit=1000)
    assert [r.id for r in rows] == list(range(1, total + 1))
    assert rows[-1].action == "export" and rows[-1].detail == '{"count":1}'
    # What the laptop sends verifies exactly as head office will check it.
    chain = [ChainRow(**r.model_dump()) for r in rows]
    assert first_break(chain) is None
    assert [r.id for r in audit_rows_after(engine, total - 2, limit=1)] == [total - 1]
    # A batch also stops at a size budget, but always carries at least one row.
    assert len(audit_rows_after(engine, 0, limit=1000, max_chars=1)) == 1


def test_the_acknowledged_id_belongs_to_one_enrollment(laptop_db):
    engine, _writer, _site = laptop_db
    device = new_id()
    assert audit_acked_id(engine, device) == 0
    save_audit_acked_id(engine, device, 7)
    assert audit_acked_id(engine, device) == 7
    # Enrolled again under a new device id: head office has nothing of it yet.
    assert audit_acked_id(engine, new_id()) == 0
    _sql(engine, "UPDATE app_meta SET value = 'garbage' WHERE key = 'sync.audit_acked'")
    assert audit_acked_id(engine, device) == 0
