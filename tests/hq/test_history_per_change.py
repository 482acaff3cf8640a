"""One history row per change, and a new record's field stamps stored once: what staff and
laptops see is unchanged (every field's old and new value, every field's stamp)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ss_hq.core.models import META_DEFAULT, ChangeHistory, Record, field_changes, field_meta_of
from tests.hq.helpers import HQ, child_fields, stamp
from tests.hq.test_web_support import seed, signed_in_client


def test_a_new_child_and_an_edit_are_two_history_rows_with_every_field(hq: HQ, engine):
    site = hq.site().id
    laptop = hq.device(site)
    first = laptop.op("child", fields=child_fields(site, given_name="小明"))
    rid = first["record_id"]
    assert hq.push(laptop, first).json()["results"][0]["status"] == "applied"
    edit = laptop.op(
        "child", rid, {"given_name": "小红"}, base_version=1, hlc=stamp(laptop.id, offset_ms=5)
    )
    assert hq.push(laptop, edit).json()["results"][0]["status"] == "applied"
    with Session(engine) as session:
        rows = session.exec(
            select(ChangeHistory)
            .where(ChangeHistory.record_id == rid)
            .order_by(col(ChangeHistory.id))
        ).all()
        record = session.get(Record, rid)
        assert record is not None
        stored_meta = dict(record.field_meta)
        meta = field_meta_of(record)
    assert [(r.version, r.device_id, r.applied) for r in rows] == [
        (1, laptop.id, True),
        (2, laptop.id, True),
    ]
    created = {name: (old, new, hlc) for name, old, new, hlc in field_changes(rows[0])}
    assert created == {name: (None, value, first["hlc"]) for name, value in first["fields"].items()}
    assert [(n, o, v, h) for n, o, v, h in field_changes(rows[1])] == [
        ("given_name", "小明", "小红", edit["hlc"])
    ]
    # The fields the edit left share one stored stamp; each field still has its own.
    assert stored_meta[META_DEFAULT] == [first["hlc"], 1, laptop.id]
    assert stored_meta["given_name"] == [edit["hlc"], 2, laptop.id]
    assert len(stored_meta) == 2
    assert set(meta) == set(first["fields"])
    assert meta["surname"] == [first["hlc"], 1, laptop.id]
    # A laptop pulling the child gets every field's stamp, as before.
    pulled = [c for c in hq.pull_all(laptop) if c["record_id"] == rid][-1]
    assert pulled["version"] == 2
    assert pulled["field_hlcs"] == {
        name: (edit["hlc"] if name == "given_name" else first["hlc"]) for name in first["fields"]
    }


def test_the_child_page_lists_each_changed_field(hq: HQ, client, engine):
    data = seed(hq)
    child = data.children["lisi"]
    hq.push(data.device, data.device.op("child", child, {"class_name": "一班"}, base_version=1))
    signed_in_client(client, engine, "staff")
    page = client.get(f"/children/{child}", headers={"Accept-Language": "en"}).text
    history = page.split('id="history"', 1)[1].split("</table>", 1)[0]
    # One entry for the change, its field by label; one for the registration, listing its
    # fields by label (not one row per field).
    assert "<b>Class</b>: — → 一班" in history and "class_name" not in history
    registered = [row for row in history.split("<tr")[1:] if "Registered:" in row]
    assert len(registered) == 1
    for label in ("Surname", "Given name", "Date of birth"):
        assert label in registered[0]
    assert history.count("<tr") == 3  # header, change, registration
