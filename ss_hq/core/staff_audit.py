"""Head office's own actions in the audit log: merges, conflict resolutions, revocations,
erasures, codes and files issued, staff and site changes, exports...

They are rows of ``audit_entry`` like the laptops' rows, in a chain of their own (the
"device" :data:`HEAD_OFFICE`), hashed exactly as a laptop hashes its rows
(:func:`ss_core.protocol.audit_chain.row_hash`): each row continues from the one before it,
so a row edited or removed in the database breaks the chain at that row. A row is written in
the transaction of the action it records (the caller commits both at once), after a lock
that keeps the chain in order when several server processes act at the same time.

``detail`` names records by id and says what changed (field NAMES, counts, the reason the
staff member gave); the pages show records by name, the exports by id.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, text
from sqlmodel import Session

from ss_core.protocol.audit_chain import GENESIS_HASH, row_hash
from ss_hq.core.models import AuditChain, AuditEntry

HEAD_OFFICE = "head-office"  # the chain's "device" id (no laptop id looks like it)
CLI_ACTOR = "ss-hq command line"
_AUDIT_LOCK_KEY = 0x61756474  # "audt": one audit writer per chain at a time (PostgreSQL)
MAX_REASON = 500


class Action:
    """The actions head office records (stable: they are stored and exported)."""

    MERGE = "merge"
    SPLIT = "split"
    NOT_SAME = "not_same_child"
    REOPEN_PAIR = "reopen_pair"
    RESOLVE_CONFLICT = "resolve_conflict"
    EDIT = "staff_edit"
    ERASE = "erase"
    REVOKE = "revoke_device"
    RENAME_DEVICE = "rename_device"
    ISSUE_CODE = "issue_code"
    CANCEL_CODE = "cancel_code"
    ISSUE_FILE = "issue_enrollment_file"
    ADD_SITE = "add_site"
    EDIT_SITE = "edit_site"
    CLOSE_SITE = "close_site"
    REOPEN_SITE = "reopen_site"
    ADD_PROGRAM = "add_program"
    ADD_STAFF = "add_staff"
    DISABLE_STAFF = "disable_staff"
    ENABLE_STAFF = "enable_staff"
    RESET_PASSWORD = "reset_password"
    CHANGE_ROLE = "change_role"
    EXPORT_CHILDREN = "export_children"
    EXPORT_AUDIT = "export_audit"
    CLEAR_CHAIN_FLAG = "clear_chain_flag"


def lock_chain(session: Session, device_id: str) -> None:
    """Serialize writers of one audit chain until the transaction ends (PostgreSQL; SQLite
    transactions are serialized by ``make_engine``'s BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(CAST(:a AS integer), hashtext(:device))"),
            {"a": _AUDIT_LOCK_KEY, "device": device_id},
        )


def clean_reason(reason: str | None) -> str:
    """A reason as stored: one line of at most :data:`MAX_REASON` characters."""
    return " ".join((reason or "").split())[:MAX_REASON]


def iso_utc(ms: int) -> str:
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def record_action(
    session: Session,
    *,
    actor: str,
    action: str,
    now: int,
    entity: str | None = None,
    record_id: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one row to head office's chain in the caller's transaction; returns its row id.
    Empty values of *detail* are left out."""
    lock_chain(session, HEAD_OFFICE)
    chain = session.get(AuditChain, HEAD_OFFICE)
    if chain is None:
        chain = AuditChain(device_id=HEAD_OFFICE, tip_id=0, tip_hash=GENESIS_HASH, row_count=0)
    body = {k: v for k, v in (detail or {}).items() if v not in (None, "", [], {})}
    detail_json = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row_id = chain.tip_id + 1
    at = iso_utc(now)
    actor = actor[:120]
    digest = row_hash(chain.tip_hash, row_id, at, actor, action, entity, record_id, detail_json)
    session.execute(
        insert(AuditEntry.__table__),  # type: ignore[attr-defined]
        [
            {
                "device_id": HEAD_OFFICE,
                "row_id": row_id,
                "at": at,
                "at_ms": now,
                "actor": actor,
                "action": action,
                "entity": entity,
                "record_id": record_id,
                "detail": detail_json,
                "prev_hash": chain.tip_hash,
                "hash": digest,
                "chain_ok": True,
                "problem": None,
                "received_at": now,
            }
        ],
    )
    chain.tip_id, chain.tip_hash = row_id, digest
    chain.row_count += 1
    chain.last_upload_at = now
    session.add(chain)
    session.flush()
    return row_id
