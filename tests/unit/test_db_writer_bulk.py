"""The create-only fast path (db/write/bulk.py) writes exactly what the general path writes."""

from __future__ import annotations

import gc
import json
import uuid
from dataclasses import asdict

import pytest

from ss_core.domain.errors import ValidationFailed
from ss_core.protocol.wire import Entity
from ss_desktop.db.write import Change
from ss_desktop.db.write import bulk as writer_bulk
from ss_desktop.demo import program_change, site_change
from ss_desktop.demo.data import DemoGenerator
from tests.fixtures.fake_children import TODAY, make_writer, open_test_db, table_counts

DEVICE = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"
NOW_MS = 1_740_000_000_000  # a fixed wall clock: both databases get the same stamps
RECORD_TABLES = ("child", "guardian", "consent", "enrollment")
WALL_CLOCK_COLUMNS = {"created_at", "updated_at", "op_id", "at", "prev_hash", "hash"}


def _demo(count: int, seed: int = 3) -> tuple[list[Change], list[Change]]:
    """(sites and programs, the children's records) as DemoService batches them, with
    reproducible enrollment ids."""
    gen = DemoGenerator(seed, today=TODAY)
    sites = gen.sites()
    programs = gen.programs(sites)
    setup = [site_change(s) for s in sites] + [program_change(p) for p in programs]
    batch: list[Change] = []
    for child in gen.children(count, sites, programs):
        batch.append(Change(Entity.CHILD, child.id, dict(child.fields)))
        for g in child.guardians:
            fields = dict(g)
            batch.append(Change(Entity.GUARDIAN, fields.pop("id"), fields))
        for c in child.consents:
            fields = dict(c)
            batch.append(Change(Entity.CONSENT, fields.pop("id"), fields))
        for i, program_id in enumerate(child.program_ids):
            batch.append(
                Change(
                    Entity.ENROLLMENT,
                    f"{child.id[:30]}{i:06d}",
                    {"child_id": child.id, "program_id": program_id, "since": "2024-09-02"},
                )
            )
    return setup, batch


def _copy(changes: list[Change]) -> list[Change]:
    return [
        Change(c.entity, c.record_id, json.loads(json.dumps(c.fields)), c.deleted) for c in changes
    ]


def _open(tmp_path, name: str, *, bulk: bool):
    folder = tmp_path / name
    folder.mkdir()
    engine = open_test_db(folder)
    writer = make_writer(engine, device_id=DEVICE, now_ms=lambda: NOW_MS)
    writer.bulk_creates = bulk
    return engine, writer


def _dump(engine, table: str, *, skip: set[str] = WALL_CLOCK_COLUMNS, order: str = "rowid"):
    with engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        cur.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        return [
            {n: v for n, v in zip(names, row, strict=True) if n not in skip}
            for row in cur.fetchall()
        ]


def _everything(engine) -> dict[str, list[dict]]:
    out = {t: _dump(engine, t, order="id") for t in RECORD_TABLES}
    out["outbox"] = _dump(engine, "outbox", order="device_seq")
    out["audit_log"] = _dump(engine, "audit_log", order="id")
    out["child_search"] = _dump(engine, "child_search", order="rowid")
    out["child_digits"] = _dump(engine, "child_digits", order="rowid")
    out["sync_state"] = _dump(engine, "sync_state", order="id")
    return out


@pytest.fixture
def spy(monkeypatch):
    """Counts the batches the fast path wrote (the real function runs)."""
    calls: list[bool] = []
    real = writer_bulk.save_creates

    def counting(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(result is not None)
        return result

    monkeypatch.setattr(writer_bulk, "save_creates", counting)
    return calls


def test_fast_path_writes_the_same_rows_as_the_general_path(tmp_path, spy):
    setup, batch = _demo(60)
    assert len(batch) >= writer_bulk.BULK_MIN
    results, dumps = [], []
    for name, bulk in (("fast", True), ("general", False)):
        engine, writer = _open(tmp_path, name, bulk=bulk)
        writer.save(_copy(setup), actor="admin", action="demo")
        results.append(writer.save(_copy(batch), actor="admin", action="demo"))
        dumps.append(_everything(engine))
        engine.dispose()
    # the first database took the fast path (sites and programs, then children), not the second
    assert spy == [True, True]
    fast, general = dumps
    assert len(fast["child"]) == 60 and len(fast["child_search"]) == 60
    assert len(fast["outbox"]) == len(setup) + len(batch)
    for table in general:
        assert fast[table] == general[table], table
    assert asdict(results[0]) == asdict(results[1])


def _follow_up(batch: list[Change]) -> list[Change]:
    """A second batch of new records about stored children: guardians without ids (new
    phones to index), consent for children that had none (their parked outbox rows are
    released), and a child created already deleted."""
    children = [c for c in batch if c.entity is Entity.CHILD]
    consented = {c.fields["child_id"] for c in batch if c.entity is Entity.CONSENT}
    out: list[Change] = []
    for i, child in enumerate(children[:50]):
        out.append(
            Change(
                Entity.GUARDIAN,
                None,
                {
                    "child_id": child.record_id,
                    "name": "周丽",
                    "relationship": "other_relative",
                    "is_legal_guardian": False,
                    "phone": f"1390000{i:04d}",
                },
            )
        )
    for child in children:
        if child.record_id not in consented:
            out.append(
                Change(
                    Entity.CONSENT,
                    None,
                    {
                        "child_id": child.record_id,
                        "giver_name": "周丽",
                        "giver_relationship": "mother",
                        "giver_role": "legal_guardian",
                        "method": "paper_signed",
                        "given_on": "2024-09-01",
                        "scopes": ["registration"],
                        "notice_version": "v1",
                    },
                )
            )
    gone = dict(children[0].fields, given_name="测试")
    out.append(Change(Entity.CHILD, "0190a1b2-0000-7000-8000-00000000dead", gone, deleted=True))
    return out


def test_fast_path_matches_the_general_path_for_records_of_stored_children(tmp_path, spy):
    setup, batch = _demo(60, seed=5)
    follow = _follow_up(batch)
    assert len(follow) >= writer_bulk.BULK_MIN
    assert any(c.entity is Entity.CONSENT for c in follow)  # some child had no consent
    dumps = []
    for name, bulk in (("fast", True), ("general", False)):
        engine, writer = _open(tmp_path, name, bulk=bulk)
        writer.save(_copy(setup), actor="admin", action="demo")
        writer.save(_copy(batch), actor="admin", action="demo")
        with engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            parked = cur.execute("SELECT count(*) FROM outbox WHERE device_seq < 0").fetchone()[0]
        writer.save(_copy(follow), actor="admin", action="import")
        dumps.append((parked, _everything(engine)))
        engine.dispose()
    assert spy == [True, True, True]
    (parked, fast), (_, general) = dumps
    still_parked = [r for r in fast["outbox"] if r["device_seq"] < 0]
    assert 0 < len(still_parked) < parked  # consent released some; the deleted child is held
    assert len(fast["child_search"]) == 60  # the deleted child is not indexed
    phones = " ".join(r["digits"] for r in fast["child_digits"])
    assert "13900000049" in phones  # a new guardian's phone, indexed from the table
    # the guardians and consents without an id got new ones, different in each database:
    # pair them in the order they were made (device_seq) and compare the rest
    known = {c.record_id for c in [*setup, *batch, *follow]}

    def made(dump):
        rows = sorted(dump["outbox"], key=lambda r: r["created_order"])
        return [r["record_id"] for r in rows if r["record_id"] not in known]

    for dump in (fast, general):
        for order, row in enumerate(dump["outbox"]):
            row["created_order"] = order  # rows are dumped in device_seq order
    text = json.dumps(fast, ensure_ascii=False)
    pairs = list(zip(made(fast), made(general), strict=True))
    assert len(pairs) == sum(1 for c in follow if c.record_id is None)
    for mine, theirs in pairs:
        text = text.replace(mine, theirs)
    fast = json.loads(text)
    for table in general:
        assert fast[table] == general[table], table


def test_fast_path_matches_saving_records_one_by_one(tmp_path):
    setup, batch = _demo(12, seed=4)
    engine, writer = _open(tmp_path, "batch", bulk=True)
    writer.save(_copy(setup), actor="admin", action="demo")
    writer.save(_copy(batch), actor="admin", action="demo")
    together = _everything(engine)
    engine.dispose()

    engine, writer = _open(tmp_path, "single", bulk=True)
    writer.save(_copy(setup), actor="admin", action="demo")
    for change in _copy(batch):
        writer.save([change], actor="admin", action="demo")
    single = _everything(engine)
    engine.dispose()

    stamps = {"hlc", "field_hlcs"}  # one stamp per save: different saves, different stamps
    for table in RECORD_TABLES:
        assert [{k: v for k, v in r.items() if k not in stamps} for r in together[table]] == [
            {k: v for k, v in r.items() if k not in stamps} for r in single[table]
        ], table
    assert together["child_search"] == single["child_search"]
    assert together["child_digits"] == single["child_digits"]

    def ops(rows):
        return sorted((r["entity"], r["record_id"], r["fields"], r["deleted"]) for r in rows)

    assert ops(together["outbox"]) == ops(single["outbox"])
    # one audit row per record one by one; one per entity, naming every record, in bulk
    grouped = {
        r["entity"]: json.loads(r["detail"])["ids"]
        for r in together["audit_log"]
        if r["action"] == "demo" and r["record_id"] is None
    }
    for entity in ("child", "guardian", "consent", "enrollment"):
        one_by_one = [
            r["record_id"] for r in single["audit_log"] if r["entity"] == entity and r["record_id"]
        ]
        assert grouped[entity] == one_by_one


def test_a_bad_record_in_a_bulk_batch_writes_nothing(tmp_path, spy):
    setup, batch = _demo(30)
    engine, writer = _open(tmp_path, "bad", bulk=True)
    writer.save(setup, actor="admin", action="demo")
    before = table_counts(engine)
    children = [c for c in batch if c.entity is Entity.CHILD]
    children[7].fields["dob"] = "2099-01-01"  # born in the future
    children[20].fields["surname"] = ""
    with pytest.raises(ValidationFailed) as fast_error:
        writer.save(batch, actor="admin", action="demo")
    assert table_counts(engine) == before
    assert gc.isenabled()  # paused during the batch only, also when it fails

    writer.bulk_creates = False
    with pytest.raises(ValidationFailed) as general_error:
        writer.save(batch, actor="admin", action="demo")
    assert table_counts(engine) == before
    codes = [(i.code, i.field) for i in fast_error.value.issues]
    assert codes == [(i.code, i.field) for i in general_error.value.issues]
    assert ("name.required", "surname") in codes and any(f == "dob" for _, f in codes)
    engine.dispose()


def test_unknown_field_is_refused_by_both_paths(tmp_path):
    setup, batch = _demo(20)
    engine, writer = _open(tmp_path, "unknown", bulk=True)
    writer.save(setup, actor="admin", action="demo")
    batch[3].fields["shoe_size"] = 32
    messages = []
    for bulk in (True, False):
        writer.bulk_creates = bulk
        with pytest.raises(ValueError) as error:
            writer.save(batch, actor="admin", action="demo")
        messages.append(str(error.value))
    assert messages[0] == messages[1] and "shoe_size" in messages[0]
    engine.dispose()


def test_a_batch_that_edits_or_repeats_a_record_takes_the_general_path(tmp_path, spy):
    setup, batch = _demo(60)
    starts = [i for i, c in enumerate(batch) if c.entity is Entity.CHILD]
    first, second, third = batch[: starts[20]], batch[starts[20] : starts[40]], batch[starts[40] :]
    engine, writer = _open(tmp_path, "mixed", bulk=True)
    writer.save(setup, actor="admin", action="demo")
    writer.save(first, actor="admin", action="demo")  # all new: fast path
    edited = first[0].record_id
    edit = Change(Entity.CHILD, edited, {"class_name": "三(4)班"})
    result = writer.save([edit, *second], actor="admin", action="demo")
    assert result.updated == {Entity.CHILD: [edited]}
    repeated = third[0].record_id
    result = writer.save(
        [*third, Change(Entity.CHILD, repeated, {"class_name": "五(1)班"})],
        actor="admin",
        action="demo",
    )
    assert result.created[Entity.CHILD][0] == repeated
    assert spy == [True, True, False, False]  # setup and first batch fast, then general
    with engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        classes = dict(cur.execute("SELECT id, class_name FROM child").fetchall())
    assert len(classes) == 60
    assert classes[edited] == "三(4)班" and classes[repeated] == "五(1)班"
    counts = table_counts(engine)
    assert counts["child_search"] == counts["child"] == 60
    engine.dispose()


def test_op_ids_are_distinct_uuid7():
    ids = writer_bulk.op_ids(2000)
    assert len(set(ids)) == 2000
    for value in ids[:50]:
        parsed = uuid.UUID(value)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122 and str(parsed) == value
