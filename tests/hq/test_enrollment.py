"""Enrollment with one-time codes, and bearer-token authentication."""

from __future__ import annotations

import base64

from sqlmodel import Session, select

from ss_core.protocol.hlc import system_ms
from ss_hq.core.models import Device, EnrollmentCode
from ss_hq.sync.device_service import revoke_device


def _enroll(client, code, name="laptop-1"):
    return client.post("/api/v1/devices/enroll", json={"code": code, "device_name": name})


def test_valid_code_enrolls_once_and_second_use_is_refused(hq, engine):
    site = hq.site()
    code = hq.code(site.id)

    first = _enroll(hq.client, code)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["sites"] == [site.id]
    assert len(base64.b64decode(body["server_signing_key"])) == 32
    assert len(base64.b64decode(body["server_encryption_key"])) == 32
    assert abs(body["server_time"] - system_ms()) < 60_000

    again = _enroll(hq.client, code, "laptop-2")
    assert again.status_code == 400
    assert again.json()["code"] == "invalid_code"

    with Session(engine) as session:
        devices = session.exec(select(Device)).all()
        codes = session.exec(select(EnrollmentCode)).all()
    assert [d.id for d in devices] == [body["device_id"]]
    # Neither the token nor the code is stored in clear.
    assert devices[0].token_hash != body["token"] and body["token"] not in devices[0].token_hash
    assert all(code.replace("-", "") not in c.code_hash for c in codes)


def test_code_typed_in_lower_case_without_dashes_still_works(hq):
    site = hq.site()
    code = hq.code(site.id)
    response = _enroll(hq.client, code.replace("-", " ").lower())
    assert response.status_code == 200, response.text


def test_unknown_code_is_invalid(hq):
    hq.site()
    response = _enroll(hq.client, "ABCD-EFGH-JKMN")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_code"
    assert response.json()["message"]


def test_expired_code_is_refused_with_its_own_code(hq):
    site = hq.site()
    code = hq.code(site.id, lifetime_ms=3_600_000, now=system_ms() - 2 * 3_600_000)
    response = _enroll(hq.client, code)
    assert response.status_code == 400
    assert response.json()["code"] == "code_expired"


def test_other_protocol_version_is_refused(hq):
    site = hq.site()
    response = hq.client.post(
        "/api/v1/devices/enroll",
        json={"code": hq.code(site.id), "device_name": "x", "protocol": "v2"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unsupported_version"
    other = hq.client.post("/api/v2/sync/push", json={})
    assert other.status_code == 400
    assert other.json()["code"] == "unsupported_version"


def test_requests_without_a_valid_token_get_401_with_their_code(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    for method, path in (("get", "/api/v1/sync/pull"), ("get", "/api/v1/sync/summary")):
        missing = getattr(hq.client, method)(path)
        assert missing.status_code == 401
        assert missing.json()["code"] == "unauthorized"
        bad = getattr(hq.client, method)(path, headers={"Authorization": "Bearer not-a-token"})
        assert bad.status_code == 401
        assert bad.json()["code"] == "unauthorized"
        assert getattr(hq.client, method)(path, headers=device.headers).status_code == 200

    push = hq.client.post("/api/v1/sync/push", json=device.batch())
    assert push.status_code == 401 and push.json()["code"] == "unauthorized"

    with Session(engine) as session:
        revoke_device(session, device.id, now=system_ms())
    for path in ("/api/v1/sync/pull", "/api/v1/sync/summary"):
        revoked = hq.client.get(path, headers=device.headers)
        assert revoked.status_code == 401
        assert revoked.json()["code"] == "device_revoked"
    revoked_push = hq.push(device, device.op("child", fields={"site_id": site.id}))
    assert revoked_push.status_code == 401
    assert revoked_push.json()["code"] == "device_revoked"
