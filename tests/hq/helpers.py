"""Small builders shared by the head-office tests (sites, devices, push ops)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session
from stdnum.cn import ric

from ss_core.protocol.hlc import HLC, system_ms
from ss_core.protocol.ids import new_id
from ss_hq.admin.site_service import SiteInfo, add_site
from ss_hq.sync.device_service import create_enrollment_code
from tests.fixtures import hq_server

_site_numbers = itertools.count(1)


def fake_id_number(birth: str = "20150304", seed: int = 0) -> str:
    """A made-up resident ID number with a valid check digit (Pudong, 310115)."""
    rng = random.Random(seed)
    body = f"310115{birth}{rng.randint(0, 99):02d}{rng.choice('13579')}"
    return body + ric.calc_check_digit(body + "0")  # it reads the first 17 of 18 characters


def stamp(node: str, *, offset_ms: int = 0, counter: int = 0) -> str:
    return str(HLC(system_ms() + offset_ms, counter, node.replace("-", "")))


def child_fields(site_id: str, **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "surname": "王",
        "given_name": "小明",
        "gender": 1,
        "dob": "2015-03-04",
        "dob_precision": "exact",
        "site_id": site_id,
    }
    fields.update(extra)
    return fields


@dataclass
class Device:
    id: str
    token: str
    sites: list[str]
    seq: int = 0
    node: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def op(
        self,
        entity: str,
        record_id: str | None = None,
        fields: dict[str, Any] | None = None,
        *,
        base_version: int = 0,
        hlc: str | None = None,
        seq: int | None = None,
        deleted: bool = False,
    ) -> dict[str, Any]:
        if seq is None:
            self.seq += 1
            seq = self.seq
        return {
            "device_seq": seq,
            "op_id": new_id(),
            "entity": entity,
            "record_id": record_id or new_id(),
            "base_version": base_version,
            "hlc": hlc or stamp(self.node or self.id, counter=seq % 1000),
            "fields": fields or {},
            "deleted": deleted,
        }

    def batch(self, *ops: dict[str, Any]) -> dict[str, Any]:
        return {"device_id": self.id, "batch_id": new_id(), "ops": list(ops)}


@dataclass
class HQ:
    client: TestClient
    engine: Engine
    sites: dict[str, SiteInfo] = field(default_factory=dict)

    def site(self, code: str | None = None) -> SiteInfo:
        code = code or f"S{next(_site_numbers):04d}"
        with Session(self.engine) as session:
            info = add_site(
                session,
                code=code,
                name=f"学校 {code}",
                site_type="migrant_school",
                division="310115",
            )
        self.sites[code] = info
        return info

    def code(self, *site_ids: str, lifetime_ms: int = 3_600_000, now: int | None = None) -> str:
        with Session(self.engine) as session:
            return create_enrollment_code(
                session, list(site_ids), now=now or system_ms(), lifetime_ms=lifetime_ms
            )

    def device(self, *site_ids: str, name: str = "laptop") -> Device:
        response = self.client.post(
            "/api/v1/devices/enroll",
            json={"code": self.code(*site_ids), "device_name": name, "app_version": "test"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Device(id=body["device_id"], token=body["token"], sites=body["sites"])

    def push(self, device: Device, *ops: dict[str, Any], **kw: Any) -> Any:
        response = self.client.post(
            "/api/v1/sync/push", json=device.batch(*ops), headers=device.headers, **kw
        )
        # The duplicate checks the push queued, served now rather than a second later (what
        # the server's background thread does), so a test sees their pairs at once.
        self.client.app.state.duplicate_checks.drain_now()  # type: ignore[attr-defined]
        return response

    def pull_all(self, device: Device, *, limit: int = 500) -> list[dict[str, Any]]:
        cursor = ""
        changes: list[dict[str, Any]] = []
        while True:
            response = self.client.get(
                "/api/v1/sync/pull",
                params={"cursor": cursor, "limit": limit},
                headers=device.headers,
            )
            assert response.status_code == 200, response.text
            body = response.json()
            changes.extend(body["changes"])
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return changes


@contextmanager
def running_server(
    database_url: str, log_path: Path, *, fresh_interpreter: bool = False
) -> Iterator[str]:
    """A real `ss-hq serve` process on a free loopback port (tests/fixtures/hq_server.py);
    yields its base URL. *fresh_interpreter*: ``python -m ss_hq serve`` itself, not forked."""
    port = hq_server.free_port()
    base = f"http://127.0.0.1:{port}"
    process = hq_server.start(database_url, port, log_path, fresh_interpreter=fresh_interpreter)
    try:
        hq_server.wait_until_up(base, process, log_path)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield base
    finally:
        hq_server.stop(process)
