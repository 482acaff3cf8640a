"""The laptops' audit logs at head office: the upload API (chain check, idempotence, bad
input) and the admin "Audit log" page (filters, pages, chain status, export, roles, headers)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

from ss_core.protocol.audit_chain import GENESIS_HASH, row_hash
from ss_core.protocol.ids import new_id
from ss_hq.web.i18n import ZH_CN
from tests.hq.helpers import HQ, Device
from tests.hq.test_web_support import signed_in_client

AUDIT = "/api/v1/audit"


@dataclass
class FakeLog:
    """A laptop's audit log, built exactly as the laptop builds it."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        action: str,
        *,
        actor: str = "volunteer1",
        entity: str | None = "child",
        record_id: str | None = None,
        detail: dict[str, Any] | None = None,
        at: str = "2026-03-05T08:30:00.000Z",
    ) -> dict[str, Any]:
        row_id = len(self.rows) + 1
        prev = self.rows[-1]["hash"] if self.rows else GENESIS_HASH
        detail_json = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"))
        record_id = record_id if record_id is not None or entity is None else new_id()
        row = {
            "id": row_id,
            "at": at,
            "actor": actor,
            "action": action,
            "entity": entity,
            "record_id": record_id,
            "detail": detail_json,
            "prev_hash": prev,
            "hash": row_hash(prev, row_id, at, actor, action, entity, record_id, detail_json),
        }
        self.rows.append(row)
        return row


def upload(hq: HQ, device: Device, rows: list[dict[str, Any]], **extra: Any) -> Any:
    body = {"device_id": device.id, "rows": rows, **extra}
    return hq.client.post(AUDIT, json=body, headers=device.headers)


def _laptop_with_log(hq: HQ) -> tuple[Device, FakeLog]:
    site = hq.site().id
    device = hq.device(site, name="Laptop Hope")
    log = FakeLog()
    log.add("create", detail={"fields": ["dob", "given_name", "surname"]})
    log.add("edit", detail={"fields": ["grade"]}, at="2026-03-06T09:00:00.000Z")
    log.add("sign_in_failed", actor="volunteer2", entity="local_user", record_id="u1")
    log.add(
        "import",
        entity="child",
        record_id=None,
        detail={"count": 2, "ids": [new_id(), new_id()]},
        at="2026-04-01T10:00:00.000Z",
    )
    log.add("export", entity="child", record_id=None, detail={"count": 40, "format": "xlsx"})
    return device, log


# ------------------------------------------------------------------ the upload API


def test_rows_are_stored_once_and_the_chain_verifies(hq):
    device, log = _laptop_with_log(hq)
    first = upload(hq, device, log.rows[:3])
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["acked_through_id"], body["stored"], body["chain_ok"]) == (3, 3, True)
    # A resend (lost answer) plus the next rows: nothing doubled.
    again = upload(hq, device, log.rows).json()
    assert (again["acked_through_id"], again["stored"], again["duplicates"]) == (5, 2, 3)
    assert again["chain_ok"] is True and again["message"] is None


def test_an_edited_row_is_kept_flagged_and_explained(hq):
    device, log = _laptop_with_log(hq)
    log.rows[1]["actor"] = "someone-else"  # edited after its hash was written
    body = upload(hq, device, log.rows).json()
    assert body["chain_ok"] is False
    assert (body["broken_at_id"], body["problem"]) == (2, "hash_mismatch")
    assert "row 2" in body["message"] and "changed on the laptop" in body["message"]
    assert body["stored"] == 5  # evidence is kept, and the laptop is not asked to resend


def test_removed_rows_and_a_rewritten_row_are_named(hq):
    device, log = _laptop_with_log(hq)
    upload(hq, device, log.rows[:2])
    gap = upload(hq, device, log.rows[3:]).json()  # row 3 removed on the laptop
    assert (gap["chain_ok"], gap["broken_at_id"], gap["problem"]) == (False, 4, "gap")
    assert "missing before row 4" in gap["message"]

    other, other_log = _laptop_with_log(hq)
    upload(hq, other, other_log.rows)
    history = FakeLog(rows=other_log.rows[:2])
    history.add("restore_backup", entity=None, detail={"file": "backup.sqlite3"})
    rewritten = upload(hq, other, history.rows[2:]).json()
    assert (rewritten["broken_at_id"], rewritten["problem"]) == (3, "rewritten")
    assert rewritten["acked_through_id"] == 3  # the laptop's new history is taken from here


def test_a_laptop_reporting_its_own_broken_row_flags_the_chain(hq):
    device, log = _laptop_with_log(hq)
    assert upload(hq, device, log.rows).json()["chain_ok"] is True
    body = upload(hq, device, [], local_broken_at=2).json()
    assert (body["chain_ok"], body["broken_at_id"], body["problem"]) == (
        False,
        2,
        "laptop_reported",
    )
    assert "after it was sent" in body["message"]


def test_bad_uploads_get_clear_errors(hq):
    device, log = _laptop_with_log(hq)
    no_token = hq.client.post(AUDIT, json={"device_id": device.id, "rows": []})
    assert no_token.status_code == 401
    other = hq.device(hq.site().id)  # its own token, but the body names another laptop
    mismatch = hq.client.post(
        AUDIT, json={"device_id": device.id, "rows": []}, headers=other.headers
    )
    assert mismatch.status_code == 422
    assert "does not match the bearer token" in mismatch.json()["message"]
    bad_hash = dict(log.rows[0], hash="not-a-hash")
    shape = upload(hq, device, [bad_hash])
    assert shape.status_code == 422 and shape.json()["code"] == "validation_failed"
    twice = upload(hq, device, [log.rows[0], log.rows[0]])
    assert twice.status_code == 422 and "appears twice" in twice.json()["message"]
    nul = upload(hq, device, [dict(log.rows[0], actor="a\x00b")])
    assert nul.status_code == 422 and "NUL character" in nul.json()["message"]
    # None of the refused uploads left anything behind.
    assert upload(hq, device, log.rows).json()["stored"] == 5


# ------------------------------------------------------------------ the page


def _sign_in(client: Any, engine: Any, role: str = "admin") -> str:
    client.cookies.set("ss_hq_lang", "en")
    return signed_in_client(client, engine, role)


def _seeded(hq: HQ) -> tuple[Device, FakeLog, Device]:
    device, log = _laptop_with_log(hq)
    upload(hq, device, log.rows)
    broken, broken_log = _laptop_with_log(hq)
    broken_log.rows[2]["action"] = "edit"
    upload(hq, broken, broken_log.rows)
    return device, log, broken


def test_admin_sees_chain_status_rows_and_filters(hq, client, engine):
    device, log, broken = _seeded(hq)
    _sign_in(client, engine)
    page = client.get("/audit")
    assert page.status_code == 200
    assert 'href="/audit"' in page.text  # in the navigation
    chains = page.text.split('id="chains"')[1].split("</table>")[0]
    # The intact laptop's chain and head office's own (its sites and codes were recorded).
    assert chains.count("verified") == 2 and 'id="chain-head-office"' in chains
    assert f'id="chain-{broken.id}"' in chains and "row 3 does not match its hash" in chains

    def count(**params: str) -> int:
        found = client.get("/audit", params=params)
        assert found.status_code == 200
        match = re.search(r'id="result-count">(\d+)<', found.text)
        assert match
        return int(match.group(1))

    assert count() == 10 + count(device="head-office") and count(device="head-office") >= 4

    assert count(device=device.id) == 5
    assert count(actor="volunteer2") == 2
    assert count(action="import") == 2
    assert count(**{"from": "2026-03-06", "to": "2026-03-31"}) == 2
    assert count(device=device.id, **{"from": "2026-04-01"}) == 1


def test_bad_dates_get_a_clear_message_in_both_languages(hq, client, engine):
    _seeded(hq)
    _sign_in(client, engine)
    bad = client.get("/audit", params={"from": "2026-13-45"})
    assert bad.status_code == 422
    assert "enter the date as YYYY-MM-DD" in bad.text
    backwards = client.get("/audit", params={"from": "2026-05-01", "to": "2026-04-01"})
    assert "The start date is after the end date." in backwards.text
    client.cookies.set("ss_hq_lang", "zh_CN")
    chinese = client.get("/audit", params={"from": "nope"})
    assert "请按 YYYY-MM-DD 格式填写" in chinese.text and "审计日志" in chinese.text
    export = client.get("/audit/export.csv", params={"to": "31/12/2026"})
    assert export.status_code == 422


def test_the_page_is_paginated(hq, client, engine):
    site = hq.site().id
    device = hq.device(site)
    log = FakeLog()
    for _ in range(130):
        log.add("edit", detail={"fields": ["notes"]})
    upload(hq, device, log.rows)
    _sign_in(client, engine)
    first = client.get("/audit", params={"device": device.id})
    assert first.text.count("<tr class=") == 100 and "1 / 2" in first.text
    second = client.get("/audit", params={"device": device.id, "page": 2})
    assert second.text.count("<tr class=") == 30


def test_export_has_the_processing_records_and_no_personal_values(hq, client, engine):
    device, log, _broken = _seeded(hq)
    _sign_in(client, engine)
    response = client.get("/audit/export.csv", params={"device": device.id})
    assert response.status_code == 200
    assert 'filename="processing-records.csv"' in response.headers["content-disposition"]
    lines = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    # 5 rows, the import expanded to its 2 children.
    assert len(lines) == 6
    create = lines[0]
    assert create["action"] == "create" and create["user"] == "volunteer1"
    # Both laptops are called "Laptop Hope": the end of the id tells them apart.
    assert create["laptop"] == f"Laptop Hope · {device.id[-6:]}"
    assert create["laptop_id"] == device.id
    assert create["record_id"] == log.rows[0]["record_id"]
    assert create["fields"] == "dob,given_name,surname" and create["chain_verified"] == "yes"
    imports = [line for line in lines if line["action"] == "import"]
    assert {line["record_id"] for line in imports} == set(json.loads(log.rows[3]["detail"])["ids"])
    ranged = client.get("/audit/export.xlsx", params={"from": "2026-04-01", "to": "2026-04-30"})
    assert (
        "processing-records-2026-04-01-to-2026-04-30.xlsx" in ranged.headers["content-disposition"]
    )
    sheet = load_workbook(io.BytesIO(ranged.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "when_utc" and len(values) == 1 + 4  # 2 laptops x 2 imported ids
    assert all(v[4] == "import" for v in values[1:])


def test_clearing_a_flag_needs_csrf_and_keeps_the_rows(hq, client, engine):
    _device, _log, broken = _seeded(hq)
    csrf = _sign_in(client, engine)
    refused = client.post(f"/audit/chains/{broken.id}/clear", data={"csrf_token": "wrong"})
    assert refused.status_code == 403
    done = client.post(f"/audit/chains/{broken.id}/clear", data={"csrf_token": csrf})
    assert done.status_code == 200 and "The flag was cleared." in done.text
    chains = done.text.split('id="chains"')[1].split("</table>")[0]
    assert chains.count("verified") == 3  # two laptops and head office
    laptops = client.get("/audit", params={"device": broken.id})
    assert re.search(r'id="result-count">5<', laptops.text)
    cleared = client.get("/audit", params={"action": "clear_chain_flag"}).text
    assert re.search(r'id="result-count">1<', cleared) and "Laptop Hope" in cleared


def test_staff_and_viewers_may_not_open_the_audit_log(hq, client, engine):
    _seeded(hq)
    for role in ("staff", "viewer"):
        client.cookies.clear()
        _sign_in(client, engine, role)
        page = client.get("/audit")
        assert page.status_code == 403
        assert 'href="/audit"' not in client.get("/").text
        assert client.get("/audit/export.csv").status_code == 403
    client.cookies.clear()
    assert client.get("/audit", follow_redirects=False).status_code == 303  # sign in first


def test_the_audit_page_carries_the_security_headers(hq, client, engine):
    _sign_in(client, engine)
    page = client.get("/audit")
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "same-origin"
    policy = page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    export = client.get("/audit/export.csv")
    assert export.headers["x-content-type-options"] == "nosniff"


def test_every_text_of_the_audit_page_has_a_chinese_translation():
    from pathlib import Path

    from ss_hq.admin.audit_service import PROBLEM_TEXT, UNKNOWN_PROBLEM_TEXT

    template = Path(__file__).resolve().parents[2] / "ss_hq/web/templates/audit.html"
    texts = set(re.findall(r't\("([^"]+)"\)', template.read_text()))
    texts |= set(re.findall(r"t\('([^']+)'\)", template.read_text()))
    texts |= set(PROBLEM_TEXT.values()) | {UNKNOWN_PROBLEM_TEXT}
    texts |= {
        "From: enter the date as YYYY-MM-DD.",
        "To: enter the date as YYYY-MM-DD.",
        "The start date is after the end date.",
    }
    missing = sorted(t for t in texts if t not in ZH_CN)
    assert missing == []
