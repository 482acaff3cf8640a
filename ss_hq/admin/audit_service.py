"""The audit logs at head office: receiving the laptops' (``POST /api/v1/audit``), checking
their hash chain, browsing them with head office's own (:mod:`ss_hq.core.staff_audit`); the
export of processing records is :mod:`ss_hq.admin.audit_export`.

Receiving: rows are taken in id order. Each row must give its own hash and continue from the
last row head office holds for that laptop (the *tip*). A row that does not is still KEPT
(the evidence matters more than a tidy table) and marked ``chain_ok = False``; the laptop's
chain is flagged with the first break, what kind of break it was and when head office saw it,
and the answer says so in plain words. A resend of a row head office already holds (same id,
same hash) is a duplicate and changes nothing. The laptop also reports where its own check of
its whole log fails, which catches a row edited on the laptop after it was sent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from ss_core.protocol.audit_chain import GENESIS_HASH, ChainProblem, ChainRow, check_row
from ss_core.protocol.wire import AuditRow, AuditUploadRequest, AuditUploadResponse, ErrorCode
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.errors import ServiceError
from ss_hq.core.models import AuditChain, AuditEntry, Device, Record
from ss_hq.core.staff_audit import HEAD_OFFICE, Action, lock_chain, record_action

log = logging.getLogger(__name__)

# English texts (the staff pages translate them); {row} is the audit row id.
PROBLEM_TEXT: dict[str, str] = {
    ChainProblem.HASH_MISMATCH: "Audit row {row} does not match its hash: it was changed on the laptop before it was sent.",
    ChainProblem.PREV_MISMATCH: "Audit row {row} does not continue from the row before it: earlier rows were changed or replaced on the laptop.",
    ChainProblem.GAP: "Audit rows are missing before row {row}: they were removed on the laptop.",
    ChainProblem.REWRITTEN: "Audit row {row} arrived again with different contents: the laptop's log was rewritten (edited, or restored from an older backup).",
    ChainProblem.LAPTOP_REPORTED: "The laptop's own copy of audit row {row} no longer matches its hash: it was changed on the laptop after it was sent. Head office keeps the row as first received.",
}
UNKNOWN_PROBLEM_TEXT = "The audit log does not verify at row {row}."


def problem_message(problem: str | None, row_id: int | None) -> str | None:
    if problem is None:
        return None
    return PROBLEM_TEXT.get(problem, UNKNOWN_PROBLEM_TEXT).replace("{row}", str(row_id))


def at_ms_of(at: str) -> int | None:
    """Milliseconds since the epoch of an ISO 8601 instant ("Z" or an offset); None if not one."""
    try:
        moment = datetime.fromisoformat(at.strip().replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return int(moment.timestamp() * 1000)
    except (ValueError, OverflowError):
        return None


# ------------------------------------------------------------------------------ receiving


def _chain_row(row: AuditRow) -> ChainRow:
    return ChainRow(
        row.id,
        row.at,
        row.actor,
        row.action,
        row.entity,
        row.record_id,
        row.detail,
        row.prev_hash,
        row.hash,
    )


def receive(
    session: Session, device: Device, request: AuditUploadRequest, *, now: int
) -> AuditUploadResponse:
    if request.device_id != device.id:
        raise ServiceError(
            ErrorCode.VALIDATION_FAILED,
            "device_id in the body does not match the bearer token",
            status=422,
        )
    rows = sorted(request.rows, key=lambda r: r.id)
    ids = [r.id for r in rows]
    if len(set(ids)) != len(ids):
        raise ServiceError(
            ErrorCode.VALIDATION_FAILED, "an audit row id appears twice in one upload", status=422
        )
    for row in rows:
        texts = (row.at, row.actor, row.action, row.entity, row.record_id, row.detail)
        if any(value and "\x00" in value for value in texts):
            raise ServiceError(
                ErrorCode.VALIDATION_FAILED,
                f"audit row {row.id} contains a NUL character, which no laptop writes",
                status=422,
            )
    lock_chain(session, device.id)
    chain = session.get(AuditChain, device.id)
    if chain is None:
        chain = AuditChain(device_id=device.id, tip_id=0, tip_hash=GENESIS_HASH, row_count=0)
    held: dict[int, set[str]] = {}
    if ids:
        for row_id, digest in session.exec(
            select(AuditEntry.row_id, AuditEntry.hash)
            .where(AuditEntry.device_id == device.id)
            .where(col(AuditEntry.row_id).in_(ids))
        ).all():
            held.setdefault(int(row_id), set()).add(digest)
    stored = duplicates = 0
    first_break: tuple[int, str] | None = None
    new_rows: list[dict[str, Any]] = []  # one multi-row INSERT, not an ORM object per row
    for row in rows:
        if row.hash in held.get(row.id, set()):
            duplicates += 1
            continue
        chain_row = _chain_row(row)
        problem: str | None = None
        if row.id in held or row.id <= chain.tip_id:
            problem = (
                ChainProblem.HASH_MISMATCH
                if chain_row.computed_hash() != row.hash
                else ChainProblem.REWRITTEN
            )
        else:
            found = check_row(chain_row, chain.tip_id, chain.tip_hash)
            problem = found.value if found else None
        new_rows.append(
            {
                "device_id": device.id,
                "row_id": row.id,
                "at": row.at,
                "at_ms": at_ms_of(row.at),
                "actor": row.actor,
                "action": row.action,
                "entity": row.entity,
                "record_id": row.record_id,
                "detail": row.detail,
                "prev_hash": row.prev_hash,
                "hash": row.hash,
                "chain_ok": problem is None and chain.broken_at_id is None and first_break is None,
                "problem": problem,
                "received_at": now,
            }
        )
        stored += 1
        chain.tip_id, chain.tip_hash = row.id, row.hash
        if problem is not None and first_break is None:
            first_break = (row.id, str(problem))
    newly_reported = request.local_broken_at not in (None, chain.laptop_broken_at_id)
    if first_break is None and newly_reported and request.local_broken_at is not None:
        first_break = (request.local_broken_at, ChainProblem.LAPTOP_REPORTED.value)
    if request.local_broken_at is not None:
        chain.laptop_broken_at_id = request.local_broken_at
    if first_break is not None and chain.broken_at_id is None:
        chain.broken_at_id, chain.problem = first_break
        chain.broken_seen_at = now
    if new_rows:
        session.execute(insert(AuditEntry.__table__), new_rows)  # type: ignore[attr-defined]
    chain.row_count += stored
    chain.last_upload_at = now
    session.add(chain)
    session.commit()
    ok = chain.broken_at_id is None
    if first_break is not None:
        log.warning(
            "audit chain of device %s broken at row %d (%s)",
            device.id,
            first_break[0],
            first_break[1],
        )
    reported = first_break or ((chain.broken_at_id, chain.problem) if not ok else None)
    return AuditUploadResponse(
        acked_through_id=chain.tip_id,
        stored=stored,
        duplicates=duplicates,
        chain_ok=ok,
        broken_at_id=reported[0] if reported else None,
        problem=reported[1] if reported else None,
        message=problem_message(reported[1], reported[0]) if reported else None,
        server_time=now,
    )


def clear_flag(
    session: Session, device_id: str, *, actor: str = "", now: int | None = None
) -> bool:
    """Staff looked into a broken chain: clear the flag (the rows keep their marks)."""
    chain = session.get(AuditChain, device_id)
    if chain is None or chain.broken_at_id is None:
        return False
    row, problem = chain.broken_at_id, chain.problem
    chain.broken_at_id = chain.problem = chain.broken_seen_at = None
    session.add(chain)
    if now is not None:
        record_action(
            session,
            actor=actor,
            action=Action.CLEAR_CHAIN_FLAG,
            now=now,
            entity="device",
            record_id=device_id,
            detail={"row": row, "problem": problem},
        )
    session.commit()
    return True


# ------------------------------------------------------------------------------ browsing


@dataclass(frozen=True)
class ChainStatus:
    device_id: str
    device_name: str
    rows: int
    tip_id: int
    last_upload_at: int | None
    broken_at_id: int | None
    problem: str | None
    broken_seen_at: int | None

    @property
    def ok(self) -> bool:
        return self.broken_at_id is None

    @property
    def message(self) -> str | None:
        return problem_message(self.problem, self.broken_at_id)

    @property
    def problem_text(self) -> str:
        """The English text with a ``{row}`` placeholder (the page translates it first)."""
        return PROBLEM_TEXT.get(self.problem or "", UNKNOWN_PROBLEM_TEXT)


def chain_statuses(session: Session) -> list[ChainStatus]:
    names = all_device_labels(session)
    chains = session.exec(select(AuditChain).order_by(col(AuditChain.device_id))).all()
    return [
        ChainStatus(
            device_id=c.device_id,
            device_name=names.get(c.device_id, ""),
            rows=c.row_count,
            tip_id=c.tip_id,
            last_upload_at=c.last_upload_at,
            broken_at_id=c.broken_at_id,
            problem=c.problem,
            broken_seen_at=c.broken_seen_at,
        )
        for c in sorted(
            chains,
            key=lambda c: (
                c.broken_at_id is None,
                c.device_id != HEAD_OFFICE,
                names.get(c.device_id, ""),
            ),
        )
    ]


class AuditFilterError(ValueError):
    """A filter the page cannot use; the text (English) says what to fix."""


@dataclass(frozen=True)
class AuditFilters:
    device_id: str | None = None
    actor: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive

    def as_query(self) -> dict[str, str]:
        values = {
            "device": self.device_id or "",
            "actor": self.actor or "",
            "action": self.action or "",
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
        }
        return {k: v for k, v in values.items() if v}


def _parse_day(value: str | None, label: str) -> date | None:
    text_value = (value or "").strip()
    if not text_value:
        return None
    try:
        return date.fromisoformat(text_value)
    except ValueError:
        raise AuditFilterError(f"{label}: enter the date as YYYY-MM-DD.") from None


def parse_filters(
    device: str | None,
    actor: str | None,
    action: str | None,
    date_from: str | None,
    date_to: str | None,
) -> AuditFilters:
    start = _parse_day(date_from, "From")
    end = _parse_day(date_to, "To")
    if start and end and start > end:
        raise AuditFilterError("The start date is after the end date.")
    return AuditFilters(
        device_id=(device or "").strip()[:36] or None,
        actor=(actor or "").strip()[:120] or None,
        action=(action or "").strip()[:40] or None,
        date_from=start,
        date_to=end,
    )


def _day_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def filter_query(query: Any, filters: AuditFilters) -> Any:
    if filters.device_id:
        query = query.where(AuditEntry.device_id == filters.device_id)
    if filters.actor:
        query = query.where(AuditEntry.actor == filters.actor)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.date_from:
        query = query.where(col(AuditEntry.at_ms) >= _day_ms(filters.date_from))
    if filters.date_to:
        query = query.where(col(AuditEntry.at_ms) < _day_ms(filters.date_to + timedelta(days=1)))
    return query


@dataclass(frozen=True)
class AuditView:
    device_id: str
    device_name: str
    row_id: int
    at: str
    at_ms: int | None
    actor: str
    action: str
    entity: str | None
    record_id: str | None
    fields: list[str]
    count: int | None
    chain_ok: bool
    problem: str | None
    detail: dict[str, Any]

    @property
    def reason(self) -> str:
        value = self.detail.get("reason")
        return value if isinstance(value, str) else ""

    @property
    def at_head_office(self) -> bool:
        return self.device_id == HEAD_OFFICE


def parse_detail(text_value: str) -> dict[str, Any]:
    try:
        value = json.loads(text_value or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _view(entry: AuditEntry, names: dict[str, str]) -> AuditView:
    detail = parse_detail(entry.detail)
    fields = detail.get("fields")
    count = detail.get("count")
    return AuditView(
        device_id=entry.device_id,
        device_name=names.get(entry.device_id, ""),
        row_id=entry.row_id,
        at=entry.at,
        at_ms=entry.at_ms,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        record_id=entry.record_id,
        fields=[str(f) for f in fields] if isinstance(fields, list) else [],
        count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        chain_ok=entry.chain_ok,
        problem=entry.problem,
        detail=detail,
    )


def _ordered(query: Any) -> Any:
    return query.order_by(col(AuditEntry.at_ms).desc(), col(AuditEntry.id).desc())


def search(
    session: Session, filters: AuditFilters, *, limit: int, offset: int
) -> tuple[list[AuditView], int]:
    total = session.exec(filter_query(select(func.count()).select_from(AuditEntry), filters)).one()
    entries = session.exec(
        _ordered(filter_query(select(AuditEntry), filters)).limit(limit).offset(offset)
    )
    names = all_device_labels(session)
    return [_view(e, names) for e in entries.all()], int(total)


def record_names(session: Session, rows: Iterable[AuditView]) -> dict[str, str]:
    """{record id: what staff call it} for the records *rows* name (a child by name, a site
    by code and name, a laptop by its label; an erased child has no name any more)."""
    ids = {r.record_id for r in rows if r.record_id}
    for row in rows:
        for key in ("merged", "other", "kept"):
            value = row.detail.get(key)
            if isinstance(value, str):
                ids.add(value)
    names: dict[str, str] = {}
    devices = all_device_labels(session)
    wanted = [i for i in ids if len(i) == 36]
    for chunk in (wanted[i : i + 500] for i in range(0, len(wanted), 500)):
        for record in session.exec(select(Record).where(col(Record.id).in_(chunk))).all():
            f = record.fields or {}
            if record.entity == "child":
                name = f"{f.get('surname') or ''}{f.get('given_name') or ''}".strip()
            elif record.entity == "site":
                name = f"{f.get('code') or ''} {f.get('name') or ''}".strip()
            else:
                name = str(f.get("name") or f.get("giver_name") or "")
            names[record.id] = name if not record.erased else ""
    for device_id in ids & devices.keys():
        names[device_id] = devices[device_id]
    return names


def known_actions(session: Session) -> list[str]:
    return sorted(session.exec(select(AuditEntry.action).distinct()).all())
