"""Schemathesis against the push and audit endpoints with a real enrolled device.

Generated bodies are sent as that device: its bearer token, its ``device_id`` in the body, and
the push ops renumbered to follow what head office already acknowledged, so the requests pass
authentication and the seq checks and reach the code that stores (every other op is made a
child of the device's site with a stamp that parses, keeping the generated values of the
fields a child has, so many are stored and the rest refused by the field rules).
Positive cases (valid per the schema) and negative ones (not) alternate.

Checks: no 5xx, the status code and content type are the declared ones, the body matches the
declared schema. Used by tests/hq/test_schemathesis.py (a small run) and bench/bench_fuzz.py
(thousands of cases against a real server process).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ss_core.protocol.hlc import HLC, system_ms
from ss_core.protocol.ids import new_id
from ss_core.protocol.record_fields import RECORD_FIELDS
from ss_core.protocol.wire import Entity
from ss_hq.core.models import Device as DeviceRow
from tests.hq.helpers import child_fields

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
PATHS = ("/api/v1/sync/push", "/api/v1/audit")


@dataclass
class FuzzRun:
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    op_statuses: Counter[str] = field(default_factory=Counter)  # push ops: applied, rejected ...
    reasons: Counter[str] = field(default_factory=Counter)  # why push ops were rejected
    audit_rows_stored: int = 0
    failures: list[str] = field(default_factory=list)  # the check that failed, per case

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_errors": self.server_errors,
            "schema_violations": len(self.failures),
            "push_op_statuses": dict(self.op_statuses),
            "push_op_reasons": dict(self.reasons),
            "audit_rows_stored": self.audit_rows_stored,
            "failures": self.failures[:20],
        }


def _acked_seq(engine: Engine, device_id: str) -> int:
    with Session(engine) as session:
        row = session.get(DeviceRow, device_id)
        return row.acked_seq if row is not None else 0


def as_device(body: Any, *, path: str, device_id: str, site_id: str, acked: int) -> Any:
    """The generated *body* sent as the enrolled device (see the module)."""
    if not isinstance(body, dict):
        return body
    body = dict(body, device_id=device_id)
    if path.endswith("/push") and isinstance(body.get("ops"), list):
        seqs = itertools.count(acked + 1)
        ops = []
        for number, op in enumerate(body["ops"]):
            if isinstance(op, dict):
                op = dict(op, device_seq=next(seqs), record_id=new_id())
                fields = op.get("fields")
                if number % 2 == 0 and isinstance(fields, dict):
                    # Every other op: a child of the device's site with a stamp that parses,
                    # and the generated values of the fields a child has.
                    known = RECORD_FIELDS[Entity.CHILD]
                    op["entity"] = "child"
                    op["hlc"] = str(HLC(system_ms(), number, "fuzz"))
                    op["fields"] = {
                        **child_fields(site_id),
                        **{k: v for k, v in fields.items() if k in known and k != "site_id"},
                    }
            ops.append(op)
        body["ops"] = ops
    return body


def fuzz_sync_api(
    schema: Any,
    engine: Engine,
    *,
    device_id: str,
    token: str,
    site_id: str,
    examples: int,
    call: Callable[[Case, dict[str, str]], Any] | None = None,
) -> FuzzRun:
    """Run *examples* generated cases per operation and generation mode against the push and
    audit endpoints of *schema*; failed checks are collected, not raised."""
    run = FuzzRun()
    headers = {"Authorization": f"Bearer {token}"}
    operations = [
        result.ok() for result in schema.get_all_operations() if result.ok().path in PATHS
    ]
    assert {op.path for op in operations} == set(PATHS)
    for operation, mode in itertools.product(
        operations, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    ):
        _fuzz_operation(operation, mode, run, engine, device_id, site_id, headers, examples, call)
    return run


def _fuzz_operation(
    operation: Any,
    mode: GenerationMode,
    run: FuzzRun,
    engine: Engine,
    device_id: str,
    site_id: str,
    headers: dict[str, str],
    examples: int,
    call: Callable[[Case, dict[str, str]], Any] | None,
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def one(case: Case) -> None:
        case.body = as_device(
            case.body,
            path=operation.path,
            device_id=device_id,
            site_id=site_id,
            acked=_acked_seq(engine, device_id),
        )
        merged = {**dict(case.headers or {}), **headers}
        response = call(case, merged) if call is not None else case.call(headers=merged)
        run.cases += 1
        run.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=merged)
        except Exception as exc:  # noqa: BLE001 - every failed check is counted
            run.failures.append(f"{operation.path} {response.status_code}: {exc}"[:300])
            return
        if response.status_code != 200:
            return
        answer = response.json()
        for result in answer.get("results", []):
            run.op_statuses[result["status"]] += 1
            if result.get("reason"):
                run.reasons[result["reason"]] += 1
        run.audit_rows_stored += int(answer.get("stored", 0))

    one()
