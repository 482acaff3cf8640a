"""The one write path: atomic saves, outbox, audit, per-field HLCs, archive, remote merge."""

from __future__ import annotations

import json

import pytest

from ss_core.domain.errors import ValidationFailed
from ss_core.protocol.hlc import HLC
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity, PullChange
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.db.child_search import search_children
from ss_desktop.db.queries import get_child
from ss_desktop.db.write import Change, load_clock
from tests.fixtures.fake_children import (
    add_site,
    child_fields,
    child_with_family,
    make_writer,
    open_test_db,
    table_counts,
)


@pytest.fixture
def db(tmp_path):
    engine = open_test_db(tmp_path)
    writer = make_writer(engine)
    site = add_site(writer)
    yield engine, writer, site
    engine.dispose()


def _rows(engine, sql, params=()):
    with engine.connect() as conn:
        return conn.connection.driver_connection.execute(sql, params).fetchall()


def test_save_writes_child_outbox_and_audit_together(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "单", "雄信", phone="13812345678")
    result = writer.save(changes, actor="alice")

    assert result.created[Entity.CHILD] == [child_id]
    child = get_child(engine, child_id)
    assert child["surname"] == "单" and child["pinyin"] == "Shan Xiongxin"
    assert len(child["guardians"]) == 1 and len(child["consents"]) == 1
    outbox = _rows(engine, "SELECT device_seq, entity, record_id, base_version, fields FROM outbox")
    assert [r[0] for r in outbox] == [1, 2, 3, 4]  # the site, then child, guardian, consent
    child_op = next(r for r in outbox if r[2] == child_id)
    assert child_op[3] == 0 and json.loads(child_op[4])["surname"] == "单"
    audit = _rows(
        engine, "SELECT actor, action, detail FROM audit_log WHERE record_id = ?", (child_id,)
    )
    assert audit[0][:2] == ("alice", "create")
    detail = json.loads(audit[0][2])
    assert "surname" in detail["fields"] and "单" not in audit[0][2]  # names only, no values
    assert result.outbox_seqs == [2, 3, 4]


@pytest.mark.parametrize(
    "bad",
    [
        {"id_number": "31011520150601121X"},  # wrong check digit
        {"surname": ""},  # missing name
        {"hukou_division": "999999"},  # unknown division code
    ],
)
def test_invalid_change_writes_nothing_and_keeps_seq_gap_free(db, bad):
    engine, writer, site = db
    before = table_counts(engine)
    good_id, good = child_with_family(site, "李", "明")
    bad_changes = [Change(Entity.CHILD, None, {**child_fields(site, "张", "伟"), **bad})]
    with pytest.raises(ValidationFailed) as err:
        writer.save(good + bad_changes, actor="alice")
    assert err.value.issues
    assert table_counts(engine) == before
    assert get_child(engine, good_id) is None
    writer.save(good, actor="alice")
    seqs = [r[0] for r in _rows(engine, "SELECT device_seq FROM outbox ORDER BY device_seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_guardian_of_unknown_child_is_rejected(db):
    engine, writer, _ = db
    before = table_counts(engine)
    with pytest.raises(ValidationFailed) as err:
        writer.save(
            [
                Change(
                    Entity.GUARDIAN,
                    None,
                    {"child_id": new_id(), "name": "王芳", "relationship": "mother"},
                )
            ],
            actor="a",
        )
    assert err.value.issues[0].field == "child_id"
    assert table_counts(engine) == before


def test_edit_that_changes_nothing_writes_nothing(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "曾", "小明")
    writer.save(changes, actor="a")
    before = table_counts(engine)
    result = writer.save(
        [Change(Entity.CHILD, child_id, {"surname": " 曾 ", "grade": 3})], actor="a"
    )
    assert result.is_empty and result.outbox_seqs == []
    assert table_counts(engine) == before


def test_edit_stamps_only_changed_fields_with_increasing_hlcs(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "曾", "小明")
    writer.save(changes, actor="a")
    first = get_child(engine, child_id)
    writer.save([Change(Entity.CHILD, child_id, {"grade": 4})], actor="a")
    second = get_child(engine, child_id)
    assert second["grade"] == 4 and second["version"] == first["version"] + 1
    assert HLC.parse(second["field_hlcs"]["grade"]) > HLC.parse(first["field_hlcs"]["grade"])
    assert second["field_hlcs"]["surname"] == first["field_hlcs"]["surname"]
    last_op = _rows(engine, "SELECT fields FROM outbox ORDER BY device_seq DESC LIMIT 1")[0][0]
    assert json.loads(last_op) == {"grade": 4}


def test_clock_continues_after_restart_even_if_wall_clock_went_back(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "曾", "小明")
    writer.save(changes, actor="a")
    stamp = HLC.parse(get_child(engine, child_id)["hlc"])
    again = make_writer(engine, device_id=writer.device_id, now_ms=lambda: 1_000)  # 1970
    again.save([Change(Entity.CHILD, child_id, {"grade": 5})], actor="a")
    assert HLC.parse(get_child(engine, child_id)["hlc"]) > stamp


def test_archive_and_restore_are_audited_edits(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "欧阳", "娜娜")
    writer.save(changes, actor="a")
    writer.save(
        [Change(Entity.CHILD, child_id, {"status": "archived", "archive_reason": "moved away"})],
        actor="a",
    )
    assert search_children(engine, "oyn").rows == []
    assert [r.id for r in search_children(engine, "oyn", status="archived").rows] == [child_id]
    writer.save([Change(Entity.CHILD, child_id, {"status": "active"})], actor="a")
    actions = [
        r[0]
        for r in _rows(
            engine, "SELECT action FROM audit_log WHERE record_id = ? ORDER BY id", (child_id,)
        )
    ]
    assert actions == ["create", "archive", "restore"]
    assert get_child(engine, child_id)["status"] == "active"
    assert verify_audit_chain(engine) is None


def test_apply_remote_merges_per_field(db):
    engine, writer, site = db
    child_id, changes = child_with_family(site, "曾", "小明")
    writer.save(changes, actor="a")
    writer.save([Change(Entity.CHILD, child_id, {"class_name": "3班"})], actor="a")
    local = get_child(engine, child_id)
    outbox_before = table_counts(engine)["outbox"]
    old = HLC.parse(local["field_hlcs"]["class_name"])
    older = str(HLC(old.wall_ms - 60_000, 0, "hq"))
    newer = str(HLC(old.wall_ms + 60_000, 0, "hq"))
    pulled = PullChange(
        seq=1,
        entity=Entity.CHILD,
        record_id=child_id,
        version=7,
        hlc=newer,
        fields={"class_name": "5班", "grade": 6, "notes": "from head office"},
        field_hlcs={"class_name": older, "grade": newer, "notes": newer},
    )
    result = writer.apply_remote([pulled])
    merged = get_child(engine, child_id)
    assert result.updated[Entity.CHILD] == [child_id]
    assert merged["class_name"] == "3班"  # the local edit is newer: kept
    assert merged["grade"] == 6 and merged["notes"] == "from head office"  # remote newer: taken
    assert merged["server_version"] == 7
    assert table_counts(engine)["outbox"] == outbox_before
    audit = _rows(engine, "SELECT actor, detail FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert audit[0] == "sync" and set(json.loads(audit[1])["fields"]) == {"grade", "notes"}
    # the next local edit is based on head office's version
    writer.save([Change(Entity.CHILD, child_id, {"grade": 5})], actor="a")
    base = _rows(engine, "SELECT base_version FROM outbox ORDER BY device_seq DESC LIMIT 1")
    assert base[0][0] == 7


def test_apply_remote_creates_erases_and_merges_into(db):
    engine, writer, site = db
    clock_hlc = str(HLC(2_000_000_000_000, 0, "hq"))
    remote_id = new_id()
    writer.apply_remote(
        [
            PullChange(
                seq=1,
                entity=Entity.CHILD,
                record_id=remote_id,
                version=1,
                hlc=clock_hlc,
                fields={
                    "surname": "解",
                    "given_name": "放",
                    "site_id": site,
                    "gender": 2,
                    "dob": "2016-01-01",
                    "categories": ["left_behind"],
                },
            ),
        ]
    )
    assert [r.id for r in search_children(engine, "xie").rows] == [remote_id]
    assert get_child(engine, remote_id)["categories"] == ["left_behind"]
    later = str(HLC(2_000_000_000_001, 0, "hq"))
    writer.apply_remote(
        [
            PullChange(
                seq=2, entity=Entity.CHILD, record_id=remote_id, version=2, hlc=later, erased=True
            )
        ]
    )
    erased = get_child(engine, remote_id)
    assert erased["surname"] is None and erased["dob"] is None
    assert search_children(engine, "xie").rows == []
    other_id, changes = child_with_family(site, "曾", "小明")
    writer.save(changes, actor="a")
    writer.apply_remote(
        [
            PullChange(
                seq=3,
                entity=Entity.CHILD,
                record_id=other_id,
                version=3,
                hlc=str(HLC(2_000_000_000_002, 0, "hq")),
                merged_into=remote_id,
            )
        ]
    )
    assert get_child(engine, other_id)["status"] == "merged"
    # the clock moved past what it received
    assert load_clock(engine, writer.device_id).last().wall_ms >= 2_000_000_000_002


def test_audit_chain_detects_an_edited_row(db):
    engine, writer, site = db
    _, changes = child_with_family(site, "张", "伟")
    writer.save(changes, actor="a")
    assert verify_audit_chain(engine) is None
    with engine.connect() as conn:
        conn.connection.driver_connection.execute(
            "UPDATE audit_log SET actor = 'mallory' WHERE id = 2"
        )
    assert verify_audit_chain(engine) == 2
