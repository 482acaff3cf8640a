"""Bad requests get a 4xx with a stable code, apply nothing, and the server keeps serving."""

from __future__ import annotations

import gzip
import json

import pytest
import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from ss_hq.app import create_app
from ss_hq.core.models import AppliedOp, ChangeLog
from tests.hq.helpers import child_fields


def _log_rows(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(ChangeLog)).one()


@pytest.fixture
def ready(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    return hq, device, site


def _post(hq, device, content: bytes, **headers):
    return hq.client.post(
        "/api/v1/sync/push",
        content=content,
        headers={"Content-Type": "application/json", **device.headers, **headers},
    )


def _assert_still_serving(hq, device, site):
    response = hq.push(device, device.op("child", fields=child_fields(site.id)))
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "applied"


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    return body


def _valid_batch(device, site, n=2):
    """A good batch of the device's next seqs, without consuming them (it may be refused)."""
    return device.batch(
        *[
            device.op("child", fields=child_fields(site.id), seq=device.seq + i + 1)
            for i in range(n)
        ]
    )


def test_malformed_json_is_400_malformed(ready, engine):
    hq, device, site = ready
    before = _log_rows(engine)
    for raw in (b'{"device_id": ', b"\xff\xfe not json", b"[1, 2", b"{'a': 1}"):
        _error(_post(hq, device, raw), 400, "malformed")
    # No body at all is a missing field, like any other.
    _error(_post(hq, device, b""), 422, "validation_failed")
    assert _log_rows(engine) == before
    _assert_still_serving(hq, device, site)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda b: b["ops"][1].update(device_seq="two"), id="seq-not-int"),
        pytest.param(lambda b: b["ops"][1].update(fields=["a"]), id="fields-not-object"),
        pytest.param(lambda b: b["ops"][1].update(record_id=12), id="record-id-number"),
        pytest.param(lambda b: b["ops"][1].update(device_seq=0), id="seq-zero"),
        pytest.param(lambda b: b.update(ops="x"), id="ops-not-list"),
        pytest.param(lambda b: b.update(surprise=1), id="unknown-top-field"),
        pytest.param(lambda b: b["ops"][1].update(colour="red"), id="unknown-op-field"),
        pytest.param(lambda b: b.pop("batch_id"), id="missing-batch-id"),
        pytest.param(lambda b: b.update(ops=b["ops"] * 1001), id="too-many-ops"),
    ],
)
def test_wrong_shapes_are_422_validation_failed_and_nothing_is_half_applied(ready, engine, mutate):
    hq, device, site = ready
    before = _log_rows(engine)
    batch = _valid_batch(device, site)
    mutate(batch)
    response = hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers)
    body = _error(response, 422, "validation_failed")
    assert body["details"]["errors"]
    assert "小明" not in response.text  # offending values are not echoed back
    assert _log_rows(engine) == before
    _assert_still_serving(hq, device, site)


def test_unknown_entity_is_422_unknown_entity(ready, engine):
    hq, device, site = ready
    batch = _valid_batch(device, site)
    batch["ops"][1]["entity"] = "spaceship"
    before = _log_rows(engine)
    _error(
        hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers),
        422,
        "unknown_entity",
    )
    assert _log_rows(engine) == before
    _assert_still_serving(hq, device, site)


def test_device_id_not_matching_the_token_is_refused(ready, engine):
    hq, device, site = ready
    batch = _valid_batch(device, site)
    batch["device_id"] = batch["batch_id"]
    _error(
        hq.client.post("/api/v1/sync/push", json=batch, headers=device.headers),
        422,
        "validation_failed",
    )
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(AppliedOp)).one() == 0


def test_garbage_compressed_bodies_are_400_malformed(ready):
    hq, device, site = ready
    _error(
        _post(hq, device, b"definitely not zstd", **{"Content-Encoding": "zstd"}), 400, "malformed"
    )
    _error(
        _post(hq, device, b"definitely not gzip", **{"Content-Encoding": "gzip"}), 400, "malformed"
    )
    truncated = gzip.compress(json.dumps(_valid_batch(device, site)).encode())[:-12]
    assert _post(hq, device, truncated, **{"Content-Encoding": "gzip"}).status_code == 400
    _error(_post(hq, device, b"{}", **{"Content-Encoding": "br"}), 415, "unsupported_encoding")
    _assert_still_serving(hq, device, site)


def test_zstd_and_gzip_bodies_are_accepted(ready):
    hq, device, site = ready
    for encoding, compress in (
        ("zstd", zstandard.ZstdCompressor().compress),
        ("gzip", gzip.compress),
    ):
        raw = json.dumps(_valid_batch(device, site)).encode()
        response = _post(hq, device, compress(raw), **{"Content-Encoding": encoding})
        assert response.status_code == 200, response.text
        assert {r["status"] for r in response.json()["results"]} == {"applied"}
        device.seq += 2


@pytest.fixture
def small_client(settings, engine):
    from dataclasses import replace

    app = create_app(replace(settings, max_body_bytes=64 * 1024), engine=engine)
    with TestClient(app) as client:
        yield client


def test_huge_bodies_are_413_payload_too_large(ready, small_client, engine):
    hq, device, site = ready
    batch = _valid_batch(device, site)
    batch["ops"][0]["fields"]["notes"] = "x" * 100_000
    raw = json.dumps(batch).encode()
    headers = {"Content-Type": "application/json", **device.headers}
    _error(
        small_client.post("/api/v1/sync/push", content=raw, headers=headers),
        413,
        "payload_too_large",
    )
    # A small compressed body that inflates past the cap (a "zip bomb") is stopped too.
    bomb = zstandard.ZstdCompressor().compress(b" " * 10_000_000)
    assert len(bomb) < 64 * 1024
    _error(
        small_client.post(
            "/api/v1/sync/push", content=bomb, headers={**headers, "Content-Encoding": "zstd"}
        ),
        413,
        "payload_too_large",
    )
    gzip_bomb = gzip.compress(b" " * 10_000_000)
    _error(
        small_client.post(
            "/api/v1/sync/push", content=gzip_bomb, headers={**headers, "Content-Encoding": "gzip"}
        ),
        413,
        "payload_too_large",
    )
    assert _log_rows(engine) == 1  # only the site
    _assert_still_serving(hq, device, site)


def test_values_the_database_cannot_store_reject_only_that_op(ready):
    hq, device, site = ready
    nul = device.op("attendance_session", fields={"site_id": site.id, "topic": "a\u0000b"})
    good = device.op("child", fields=child_fields(site.id))
    response = hq.push(device, nul, good)
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0]["status"] == "applied" or results[0]["reason"] == "validation_failed"
    assert results[1]["status"] == "applied"


def test_bad_pull_parameters(ready):
    hq, device, _site = ready
    for cursor in ("abc", "-1", "1.5", "١٢"):
        response = hq.client.get(
            "/api/v1/sync/pull", params={"cursor": cursor}, headers=device.headers
        )
        _error(response, 400, "cursor_invalid")
    for limit in ("0", "100000", "many"):
        response = hq.client.get(
            "/api/v1/sync/pull", params={"limit": limit}, headers=device.headers
        )
        _error(response, 422, "validation_failed")


def test_unknown_paths_and_methods_are_error_bodies(ready):
    hq, device, _site = ready
    _error(hq.client.get("/api/v1/nothing-here", headers=device.headers), 404, "not_found")
    _error(hq.client.get("/api/v1/sync/push", headers=device.headers), 405, "malformed")


def test_openapi_and_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    spec = client.get("/openapi.json").json()
    assert "/api/v1/sync/push" in spec["paths"]
    assert "/api/v1/sync/pull" in spec["paths"]
