"""Duplicate checks run after the push's commit: the laptop's answer does not wait for them,
and staff still see every suspected pair (ss_hq.review.duplicate_queue)."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import threading
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import PushRequest
from ss_hq.app import create_app
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Device as DeviceRow
from ss_hq.core.models import DuplicateCheck, SuspectedDuplicate
from ss_hq.review.duplicate_queue import drain_checks
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


def _push_quietly(engine: Any, device: Any, ops: list[dict[str, Any]]) -> None:
    """Push straight through the service: the checks are queued and nobody serves them (the
    test stops the app's own drainer first)."""
    with Session(engine) as session:
        row = session.get(DeviceRow, device.id)
        request = PushRequest.model_validate(device.batch(*ops))
        push(session, row, request, now=now_ms())


def test_a_long_drain_never_keeps_a_push_waiting_for_the_sqlite_lock(hq: HQ, engine):
    """600 near-identical children (one surname, three given names, four birth dates): the
    drain scores every child against 200 candidates. Meanwhile another connection writes
    again and again, each time waiting at most 2 s for the write lock (a push does the same,
    with a longer wait): none of its writes fails with "database is locked". (Before, the
    drain held the lock for the whole scoring of a chunk of 2,000 children.)"""
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's single write lock")
    hq.client.app.state.duplicate_checks.stop()  # type: ignore[attr-defined]
    site = hq.site("DUP-LOAD").id
    laptop = hq.device(site, name="a")
    rng = random.Random(7)
    for _batch in range(3):
        _push_quietly(
            engine,
            laptop,
            [
                laptop.op(
                    "child",
                    fields=child_fields(
                        site,
                        surname="王",
                        given_name=rng.choice(["小明", "小红", "小刚"]),
                        dob=f"2015-0{rng.randint(1, 2)}-0{rng.randint(1, 2)}",
                    ),
                )
                for _ in range(200)
            ],
        )
    assert _queued(engine) == 600
    failures: list[str] = []
    writes = 0
    done = threading.Event()

    def another_writer() -> None:
        nonlocal writes
        path = engine.url.database
        with contextlib.closing(sqlite3.connect(path, timeout=2, isolation_level=None)) as db:
            while not done.is_set():
                try:
                    db.execute("BEGIN IMMEDIATE")
                    db.execute("UPDATE device SET last_seen_at = last_seen_at")
                    db.execute("COMMIT")
                    writes += 1
                except sqlite3.OperationalError as exc:
                    failures.append(str(exc))
                time.sleep(0.02)

    writer = threading.Thread(target=another_writer)
    writer.start()
    try:
        added = drain_checks(engine, now=now_ms)
    finally:
        done.set()
        writer.join()
    assert failures == [] and writes > 10
    assert added > 600 and _queued(engine) == 0
    assert len(_pairs(engine)) == added


def test_a_child_edited_while_its_check_runs_is_checked_again(hq: HQ, engine, monkeypatch):
    hq.client.app.state.duplicate_checks.stop()  # type: ignore[attr-defined]
    site = hq.site("DUP-D").id
    laptop_a, laptop_b = hq.device(site, name="a"), hq.device(site, name="b")
    first, second = _twins(site)
    a_id, b_id = new_id(), new_id()
    _push_quietly(engine, laptop_a, [laptop_a.op("child", a_id, first)])
    _push_quietly(engine, laptop_b, [laptop_b.op("child", b_id, second)])
    from ss_hq.review import duplicate_queue

    real_find = duplicate_queue.find_pairs
    edited = []

    def find_then_edit(*args: Any, **kwargs: Any) -> Any:
        pairs = real_find(*args, **kwargs)
        if not edited:  # the laptop's edit commits while the drain is scoring
            edited.append(True)
            _push_quietly(
                engine, laptop_a, [laptop_a.op("child", a_id, {"notes": "x"}, base_version=1)]
            )
        return pairs

    monkeypatch.setattr(duplicate_queue, "find_pairs", find_then_edit)
    assert (
        drain_checks(engine, now=now_ms, stopping=lambda: bool(edited) and _queued(engine) < 2) == 1
    )
    # The edited child is still queued: its new version gets a check of its own.
    with Session(engine) as session:
        assert [r.record_id for r in session.exec(select(DuplicateCheck))] == [a_id]
    assert drain_checks(engine, now=now_ms) == 0
    assert _queued(engine) == 0 and len(_pairs(engine)) == 1
