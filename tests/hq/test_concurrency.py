"""Exactly-once under concurrency, and a pull cursor that never skips a row."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from ss_core.protocol.hlc import system_ms
from ss_core.protocol.wire import PushRequest
from ss_hq.core.models import AppliedOp, ChangeLog, Device, Record
from ss_hq.sync import pull_service, push_service
from tests.hq.helpers import child_fields


def test_same_push_sent_five_times_at_once_is_applied_once(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    ops = [device.op("child", fields=child_fields(site.id)) for _ in range(10)]
    batch = device.batch(*ops)
    barrier = threading.Barrier(5)

    def send(_: int):
        barrier.wait()
        return hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)

    with ThreadPoolExecutor(5) as pool:
        responses = list(pool.map(send, range(5)))
    assert [r.status_code for r in responses] == [200] * 5
    for seq in range(1, 11):
        statuses = sorted(r.json()["results"][seq - 1]["status"] for r in responses)
        assert statuses == ["applied"] + ["duplicate"] * 4
    assert all(r.json()["acked_through_seq"] == 10 for r in responses)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(AppliedOp)).one() == 10
        assert (
            session.exec(
                select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "child")
            ).one()
            == 10
        )
        versions = session.exec(select(Record.version).where(Record.entity == "child")).all()
    assert versions == [1] * 10


PUSHERS = 8
BATCHES = 6
OPS_PER_BATCH = 15


def test_eight_pushers_and_a_puller_see_every_change_exactly_once(hq, engine):
    """Out-of-order commits must not make the puller skip a row (see change_log.py).

    Each pusher thread has its own session (its own connection), like separate server
    processes; the puller pulls continuously while they run, then drains.
    """
    site = hq.site()
    devices = [hq.device(site.id, name=f"pusher-{i}") for i in range(PUSHERS)]
    reader = hq.device(site.id, name="reader")
    pushed: list[str] = []
    pushed_lock = threading.Lock()
    done = threading.Event()
    errors: list[BaseException] = []

    def pusher(device) -> None:
        try:
            for _ in range(BATCHES):
                ops = [
                    device.op("child", fields=child_fields(site.id)) for _ in range(OPS_PER_BATCH)
                ]
                request = PushRequest.model_validate(device.batch(*ops))
                with Session(engine, expire_on_commit=False) as session:
                    db_device = session.get(Device, device.id)
                    response = push_service.push(session, db_device, request, now=system_ms())
                assert {r.status.value for r in response.results} == {"applied"}
                with pushed_lock:
                    pushed.extend(op["record_id"] for op in ops)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    seen: list[tuple[int, str]] = []

    def pull_once(cursor: str) -> tuple[str, bool]:
        with Session(engine, expire_on_commit=False) as session:
            db_device = session.get(Device, reader.id)
            page = pull_service.pull(session, db_device, cursor=cursor, limit=37, now=system_ms())
        seen.extend((c.seq, c.record_id) for c in page.changes)
        return page.next_cursor, page.has_more

    def puller() -> None:
        cursor = ""
        try:
            while not done.is_set():
                cursor, _ = pull_once(cursor)
            more = True
            while more:
                cursor, more = pull_once(cursor)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    pull_thread = threading.Thread(target=puller)
    pull_thread.start()
    threads = [threading.Thread(target=pusher, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    done.set()
    pull_thread.join(timeout=120)
    assert not errors, errors

    seqs = [seq for seq, _ in seen]
    assert len(seqs) == len(set(seqs)), "a change was delivered twice"
    assert seqs == sorted(seqs)
    child_ids = [rid for _, rid in seen if rid != site.id]
    assert len(pushed) == PUSHERS * BATCHES * OPS_PER_BATCH
    assert sorted(child_ids) == sorted(pushed), "a change was skipped or doubled"


@pytest.mark.postgres
def test_enrollment_code_spent_by_two_laptops_at_once_enrolls_one(hq):
    site = hq.site()
    code = hq.code(site.id)
    barrier = threading.Barrier(4)

    def enroll(i: int):
        barrier.wait()
        return hq.client.post(
            "/api/v1/devices/enroll", json={"code": code, "device_name": f"laptop-{i}"}
        ).status_code

    with ThreadPoolExecutor(4) as pool:
        codes = sorted(pool.map(enroll, range(4)))
    assert codes == [200, 400, 400, 400]
