"""A real `ss-hq serve` process on a loopback port: enroll, push (zstd), pull over HTTP.

Here the server is ``python -m ss_hq serve`` in a fresh interpreter, exactly as head office
starts it; elsewhere in the suite servers are forked from a warm parent
(tests/fixtures/hq_server.py)."""

from __future__ import annotations

import gc
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import zstandard
from sqlalchemy import func
from sqlmodel import Session, select

from ss_hq.app import GC_THRESHOLD, create_app_from_env
from ss_hq.core.models import AppliedOp, Record
from ss_hq.core.settings import ENV_DATABASE_URL
from tests.hq.helpers import Device, child_fields, running_server, stamp


@pytest.fixture
def server(database_url, tmp_path):
    with running_server(database_url, tmp_path / "server.log", fresh_interpreter=True) as base:
        yield base


def test_enroll_push_pull_over_http(server, engine, hq):
    site = hq.site()
    code = hq.code(site.id)
    with httpx.Client(base_url=server, timeout=30) as http:
        enrolled = http.post(
            "/api/v1/devices/enroll", json={"code": code, "device_name": "village pc"}
        )
        assert enrolled.status_code == 200, enrolled.text
        body = enrolled.json()
        device = Device(id=body["device_id"], token=body["token"], sites=body["sites"])
        ops = [device.op("child", fields=child_fields(site.id)) for _ in range(30)]
        raw = json.dumps(device.batch(*ops)).encode()
        headers = {
            **device.headers,
            "Content-Type": "application/json",
            "Content-Encoding": "zstd",
            "Accept-Encoding": "zstd",
        }
        compressed = zstandard.ZstdCompressor().compress(raw)
        barrier = threading.Barrier(5)

        def send(_: int) -> httpx.Response:
            barrier.wait()
            return http.post("/api/v1/sync/push", content=compressed, headers=headers)

        with ThreadPoolExecutor(5) as pool:
            responses = list(pool.map(send, range(5)))
        assert [r.status_code for r in responses] == [200] * 5
        assert responses[0].headers["content-encoding"] == "zstd"
        applied = sum(
            1 for r in responses for result in r.json()["results"] if result["status"] == "applied"
        )
        assert applied == 30
        with Session(engine) as session:
            assert session.exec(select(func.count()).select_from(AppliedOp)).one() == 30
            assert (
                session.exec(
                    select(func.count()).select_from(Record).where(Record.entity == "child")
                ).one()
                == 30
            )

        pulled = http.get("/api/v1/sync/pull", params={"limit": 10}, headers=headers)
        assert pulled.status_code == 200
        assert pulled.headers["content-encoding"] == "zstd"
        page = pulled.json()  # httpx decodes zstd
        assert page["has_more"] is True and len(page["changes"]) == 10

        bad = http.post("/api/v1/sync/push", content=b"\x28\xb5\x2f\xfdgarbage", headers=headers)
        assert bad.status_code == 400 and bad.json()["code"] == "malformed"
        future = device.op(
            "child", fields=child_fields(site.id), hlc=stamp(device.id, offset_ms=3 * 86_400_000)
        )
        skewed = http.post("/api/v1/sync/push", json=device.batch(future), headers=device.headers)
        assert skewed.json()["results"][0]["reason"] == "clock_skew"
        assert http.get("/healthz").status_code == 200
        assert "/api/v1/sync/push" in http.get("/openapi.json").json()["paths"]


def test_worker_factory_reads_settings_from_the_environment(monkeypatch, database_url):
    monkeypatch.setenv(ENV_DATABASE_URL, database_url)
    thresholds = gc.get_threshold()
    try:
        app = create_app_from_env()
        assert app.state.settings.database_url == database_url
        assert gc.get_threshold()[0] == GC_THRESHOLD  # tuned for a server process
    finally:  # this test process is no server: the other tests get Python's defaults back
        gc.set_threshold(*thresholds)
        gc.unfreeze()
