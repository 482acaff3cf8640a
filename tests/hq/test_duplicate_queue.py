"""Duplicate checks run after the push's commit: the laptop's answer does not wait for them,
and staff still see every suspected pair (ss_hq.review.duplicate_queue)."""

from __future__ import annotations

import time
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import PushRequest
from ss_hq.app import create_app
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Device as DeviceRow
from ss_hq.core.models import DuplicateCheck, SuspectedDuplicate
from ss_hq.sync.push_service import push
from tests.hq.helpers import HQ, child_fields, fake_id_number


def _twins(site_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    person = child_fields(
        site_id,
        surname="张",
        given_name="三",
        gender=1,
        dob="2014-05-06",
        id_number=fake_id_number("20140506"),
    )
    return person, dict(person)


def _pairs(engine: Any) -> list[SuspectedDuplicate]:
    with Session(engine) as session:
        return list(session.exec(select(SuspectedDuplicate)).all())


def _queued(engine: Any) -> int:
    with Session(engine) as session:
        return len(session.exec(select(DuplicateCheck)).all())


def _wait_for_pairs(engine: Any, seconds: float = 15.0) -> list[SuspectedDuplicate]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pairs = _pairs(engine)
        if pairs and not _queued(engine):
            return pairs
        time.sleep(0.1)
    return _pairs(engine)


def test_a_pushed_lookalike_appears_for_review_shortly_after_the_push(hq: HQ, client, engine):
    site = hq.site("DUP-A").id
    laptop_a, laptop_b = hq.device(site, name="a"), hq.device(site, name="b")
    first, second = _twins(site)
    ids = new_id(), new_id()
    # Straight through the API (not hq.push, which serves the checks at once).
    for device, rid, fields in ((laptop_a, ids[0], first), (laptop_b, ids[1], second)):
        response = client.post(
            "/api/v1/sync/push",
            json=device.batch(device.op("child", rid, fields)),
            headers=device.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["results"][0]["status"] == "applied"
        assert response.headers["server-timing"].startswith("apply;dur=")
    # Head office's background thread serves the queue about a second after the last push.
    pairs = _wait_for_pairs(engine)
    assert [{p.record_id, p.other_id} for p in pairs] == [set(ids)]
    assert "same_name" in pairs[0].reasons and pairs[0].status == "open"
    assert _queued(engine) == 0
    # The review page lists the pair.
    with Session(engine) as session:
        from ss_hq.review.duplicates_service import list_open_pairs

        assert [p.id for p in list_open_pairs(session)] == [pairs[0].id]


def test_checks_queued_before_a_crash_are_served_when_the_server_starts(hq: HQ, engine, settings):
    site = hq.site("DUP-B").id
    laptop_a, laptop_b = hq.device(site, name="a"), hq.device(site, name="b")
    first, second = _twins(site)
    ids = new_id(), new_id()
    # Pushed with no server around to serve the queue (as if it stopped right after the
    # commits): the children are stored and their checks are queued, nothing else.
    for device, rid, fields in ((laptop_a, ids[0], first), (laptop_b, ids[1], second)):
        with Session(engine) as session:
            row = session.get(DeviceRow, device.id)
            assert row is not None
            request = PushRequest.model_validate(device.batch(device.op("child", rid, fields)))
            assert push(session, row, request, now=now_ms()).results[0].status.value == "applied"
    assert _queued(engine) == 2 and _pairs(engine) == []
    # A new server process starts: it serves the queue.
    with TestClient(create_app(settings, engine=engine)):
        pairs = _wait_for_pairs(engine)
    assert [{p.record_id, p.other_id} for p in pairs] == [set(ids)]
    assert _queued(engine) == 0


def test_a_child_queued_twice_is_checked_once_and_a_pair_stored_once(hq: HQ, engine):
    site = hq.site("DUP-C").id
    laptop_a, laptop_b = hq.device(site, name="a"), hq.device(site, name="b")
    first, second = _twins(site)
    a_id, b_id = new_id(), new_id()
    hq.push(laptop_a, laptop_a.op("child", a_id, first))
    hq.push(laptop_b, laptop_b.op("child", b_id, second))
    # Both edited again: queued again, checked again; the known pair is not stored twice.
    hq.push(laptop_a, laptop_a.op("child", a_id, {"notes": "x"}, base_version=1))
    hq.push(laptop_b, laptop_b.op("child", b_id, {"notes": "y"}, base_version=1))
    assert [{p.record_id, p.other_id} for p in _pairs(engine)] == [{a_id, b_id}]
    assert _queued(engine) == 0
