"""Shared by the staff-page tests (no tests here): one child registered on two laptops at two
sites, each record with its guardian (the same person), consent, enrollment and attendance,
pushed through the real sync API; plus a same-field conflict. All names and numbers are made
up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from ss_core.protocol.ids import new_id
from ss_hq.core.models import SuspectedDuplicate
from tests.hq.helpers import HQ, Device, child_fields

PHONE = "15482409465"
MOTHER_PHONE = "13912345678"


@dataclass
class TwoRecords:
    laptop_a: Device  # site A (PD01)
    laptop_b: Device  # site B (MH02)
    site_a: str
    site_b: str
    kept: str  # 宋怡可 at site A
    other: str  # 宋怡可 again, at site B
    pair_id: int
    program: str
    sessions: list[str]
    ids: dict[str, str] = field(default_factory=dict)  # label -> record id


def consent_fields(child_id: str, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "child_id": child_id,
        "giver_name": "许建国",
        "giver_relationship": "father",
        "giver_role": "legal_guardian",
        "method": "paper_signed",
        "given_on": "2024-09-01",
        "scopes": ["registration"],
    }
    fields.update(over)
    return fields


def _ok(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert all(r["status"] in ("applied", "merged") for r in results), results
    return results


def two_records_of_one_child(hq: HQ) -> TwoRecords:
    """宋怡可 registered at PD01 by laptop A and again at MH02 by laptop B: the same father
    (name and phone) on both, a consent by him on both (the second with more scopes), the
    same program and lesson on both (absent on A, present on B), and a mother on B only."""
    a = hq.site("PD01").id
    b = hq.site("MH02").id
    laptop_a = hq.device(a, b, name="浦东教学点")
    laptop_b = hq.device(b, name="闵行学校")
    program, sessions = new_id(), [new_id(), new_id()]
    ids: dict[str, str] = {}
    child = dict(
        surname="宋",
        given_name="怡可",
        gender=2,
        dob="2016-04-05",
        stage="primary",
        grade=2,
        categories=["migrant"],
    )
    kept, other = new_id(), new_id()
    ops = [
        laptop_a.op(
            "program", program, {"name": "英语角", "site_id": a, "program_type": "english"}
        ),
        *[
            laptop_a.op(
                "attendance_session",
                sid,
                {"program_id": program, "held_on": f"2026-10-0{n + 1}", "lessons": 1},
            )
            for n, sid in enumerate(sessions)
        ],
        laptop_a.op("child", kept, child_fields(a, **child, class_name="二班")),
    ]
    for label, op in (
        (
            "father_a",
            laptop_a.op(
                "guardian",
                None,
                {"child_id": kept, "name": "许建国", "relationship": "father", "phone": PHONE},
            ),
        ),
        ("consent_a", laptop_a.op("consent", None, consent_fields(kept))),
        (
            "enrollment_a",
            laptop_a.op(
                "enrollment", None, {"child_id": kept, "program_id": program, "since": "2025-09-01"}
            ),
        ),
        (
            "mark_a",
            laptop_a.op(
                "attendance_mark",
                None,
                {"session_id": sessions[0], "child_id": kept, "mark": "absent"},
            ),
        ),
    ):
        ids[label] = op["record_id"]
        ops.append(op)
    _ok(hq.push(laptop_a, *ops))
    ops = [laptop_b.op("child", other, child_fields(b, **child, notes="爱画画"))]
    for label, op in (
        (
            "father_b",
            laptop_b.op(
                "guardian",
                None,
                {"child_id": other, "name": "许建国", "relationship": "father", "phone": PHONE},
            ),
        ),
        (
            "mother_b",
            laptop_b.op(
                "guardian",
                None,
                {
                    "child_id": other,
                    "name": "宋丽",
                    "relationship": "mother",
                    "phone": MOTHER_PHONE,
                },
            ),
        ),
        (
            "consent_b",
            laptop_b.op(
                "consent",
                None,
                consent_fields(other, given_on="2024-09-03", scopes=["registration", "photos"]),
            ),
        ),
        (
            "enrollment_b",
            laptop_b.op(
                "enrollment",
                None,
                {"child_id": other, "program_id": program, "since": "2025-03-01"},
            ),
        ),
        (
            "mark_b",
            laptop_b.op(
                "attendance_mark",
                None,
                {"session_id": sessions[0], "child_id": other, "mark": "present"},
            ),
        ),
        (
            "mark_b2",
            laptop_b.op(
                "attendance_mark",
                None,
                {"session_id": sessions[1], "child_id": other, "mark": "present"},
            ),
        ),
    ):
        ids[label] = op["record_id"]
        ops.append(op)
    _ok(hq.push(laptop_b, *ops))
    with Session(hq.engine) as session:
        pair = session.exec(
            select(SuspectedDuplicate).where(
                SuspectedDuplicate.record_id.in_([kept, other])  # type: ignore[attr-defined]
            )
        ).one()
    assert pair.id is not None
    return TwoRecords(laptop_a, laptop_b, a, b, kept, other, pair.id, program, sessions, ids)


def conflicting_edits(hq: HQ, data: TwoRecords, child_id: str | None = None) -> str:
    """Both laptops change a child's class (MH02, both serve it) from the same version: a
    conflict. Returns the child's id."""
    child_id = child_id or data.other
    for laptop, value in ((data.laptop_a, "三班"), (data.laptop_b, "四班")):
        op = laptop.op("child", child_id, {"class_name": value}, base_version=1)
        response = hq.push(laptop, op)
        assert response.status_code == 200, response.text
    return child_id
