"""Schemathesis against head office's own ``/openapi.json`` (SQLite and PostgreSQL): generated
requests to every operation, with a valid device token, never get a 5xx and never get a
response that breaks the schema (error responses are declared as ``ErrorBody``)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.hq.fuzzing import CHECKS, fuzz_sync_api


def test_generated_requests_get_no_5xx_and_match_the_schema(client, hq):
    site = hq.site()
    device = hq.device(site.id)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: schemathesis.Case) -> None:
            headers = dict(case.headers or {})
            headers.update(device.headers)  # a real, enrolled device's bearer token
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            statuses.append(response.status_code)

        check()
    # Generated requests really reached the app, and some were accepted.
    assert len(statuses) >= 5 * len(operations)
    assert 200 in statuses and max(statuses) < 500
    print(f"schemathesis: {len(statuses)} requests, statuses {sorted(set(statuses))}")


def test_push_and_audit_as_a_real_device_get_no_5xx_and_match_the_schema(client, hq, engine):
    """Bodies carry the enrolled device's id and token, and ops follow its acknowledged seq,
    so they get past authentication and reach the code that stores (tests/hq/fuzzing.py)."""
    site = hq.site()
    device = hq.device(site.id)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    run = fuzz_sync_api(
        schema, engine, device_id=device.id, token=device.token, site_id=site.id, examples=15
    )
    print("schemathesis as a device:", run.as_dict())
    assert run.cases >= 60
    assert run.server_errors == 0 and run.failures == []
    # Generated requests were stored, not only refused at the door.
    assert run.op_statuses["applied"] > 0 and run.audit_rows_stored > 0
    assert 200 in run.statuses and 422 in run.statuses


def test_the_schema_lists_the_sync_api_and_not_the_web_pages(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/sync/push" in paths and "/api/v1/devices/{device_id}/revoke" in paths
    assert "/login" not in paths and "/children" not in paths
    revoke = paths["/api/v1/devices/{device_id}/revoke"]["post"]["responses"]
    assert {"200", "401", "403", "404"} <= set(revoke)
