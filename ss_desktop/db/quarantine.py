"""The quarantine: changes head office refused, kept with its reason until someone retries
or dismisses them (docs/design/sync.md: a refused change never blocks the queue).

* :func:`list_entries` — the unresolved entries with what they are about.
* :func:`requeue` — after the record was fixed, send it again: ONE transaction appends an
  outbox row with the record's current values (the whole record if head office never
  accepted it, else the fields of every open entry of that record), marks those entries
  resolved and writes an audit row.
* :func:`dismiss` — give up on an entry (the local record stays as it is).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from ss_core.protocol.hlc import HLC, HLCFormatError, HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import rows as sql
from ss_desktop.db.audit import AuditEntry, append_entries
from ss_desktop.db.codec import (
    decode_row,
    dumps,
    expand_field_hlcs,
    fields_of,
    load_field_hlcs,
    utc_now_iso,
)
from ss_desktop.db.sync_store import read_cursor, write_clock_state, write_cursor

# Head-office reasons for which the old stamp itself was the problem: resend with a new one.
FRESH_STAMP_REASONS = frozenset({"clock_skew"})


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    device_seq: int
    entity: str
    record_id: str
    fields: tuple[str, ...]  # names of the fields the refused change carried
    deleted: bool
    reason: str  # head office's ErrorCode value
    message: str | None  # head office's English detail
    at: str  # when it was refused (UTC ISO)
    label: str  # what the record is (a child's name, a site's name ...), may be ""
    record_exists: bool
    child_id: str | None  # the child the record is, or belongs to (None: not about a child)


class QuarantineEntryMissing(LookupError):
    """No open quarantine entry with that id (already retried or dismissed)."""


_CHILD_NAME = "trim(coalesce(c.surname, '') || coalesce(c.given_name, ''))"
_LABEL_SQL = {
    "child": f"SELECT {_CHILD_NAME}, c.id FROM child c WHERE c.id = ?",
    "guardian": f"SELECT coalesce(x.name, '') || ' / ' || {_CHILD_NAME}, x.child_id"
    " FROM guardian x LEFT JOIN child c ON c.id = x.child_id WHERE x.id = ?",
    "consent": f"SELECT {_CHILD_NAME}, x.child_id FROM consent x"
    " LEFT JOIN child c ON c.id = x.child_id WHERE x.id = ?",
    "enrollment": f"SELECT {_CHILD_NAME}, x.child_id FROM enrollment x"
    " LEFT JOIN child c ON c.id = x.child_id WHERE x.id = ?",
    "attendance_mark": f"SELECT {_CHILD_NAME}, x.child_id FROM attendance_mark x"
    " LEFT JOIN child c ON c.id = x.child_id WHERE x.id = ?",
    "site": "SELECT coalesce(name, ''), NULL FROM site WHERE id = ?",
    "program": "SELECT coalesce(name, ''), NULL FROM program WHERE id = ?",
    "attendance_session": "SELECT coalesce(p.name, ''), NULL FROM attendance_session x"
    " LEFT JOIN program p ON p.id = x.program_id WHERE x.id = ?",
}


def _label(cur: sqlite3.Cursor, entity: str, record_id: str) -> tuple[str, bool, str | None]:
    """(what the record is called, whether it exists here, the child it belongs to)."""
    sql_text = _LABEL_SQL.get(entity)
    if sql_text is None:
        return "", False, None
    row = cur.execute(sql_text, (record_id,)).fetchone()
    if row is None:
        return "", False, None
    return (row[0] or "").strip(" /"), True, row[1]


def _parse_op(text: str) -> dict[str, Any]:
    try:
        op = json.loads(text or "{}")
    except ValueError:
        op = {}
    return op if isinstance(op, dict) else {}


def list_entries(engine: Engine) -> list[QuarantineRow]:
    """Open entries, oldest first."""
    found: list[QuarantineRow] = []
    with read_cursor(engine) as cur:
        rows = cur.execute(
            "SELECT id, device_seq, op, reason, message, at FROM quarantine"
            " WHERE resolved = 0 ORDER BY id"
        ).fetchall()
        for entry_id, seq, op_text, reason, message, at in rows:
            op = _parse_op(op_text)
            entity = str(op.get("entity") or "")
            record_id = str(op.get("record_id") or "")
            label, exists, child_id = _label(cur, entity, record_id)
            found.append(
                QuarantineRow(
                    id=entry_id,
                    device_seq=seq,
                    entity=entity,
                    record_id=record_id,
                    fields=tuple(sorted((op.get("fields") or {}).keys())),
                    deleted=bool(op.get("deleted")),
                    reason=reason or "rejected",
                    message=message,
                    at=at or "",
                    label=label,
                    record_exists=exists,
                    child_id=child_id,
                )
            )
    return found


def _open_entries_of(
    cur: sqlite3.Cursor, entity: str, record_id: str
) -> list[tuple[int, str, dict[str, Any]]]:
    rows = cur.execute(
        "SELECT id, reason, op FROM quarantine WHERE resolved = 0"
        " AND json_extract(op, '$.entity') = ? AND json_extract(op, '$.record_id') = ?",
        (entity, record_id),
    ).fetchall()
    return [(r[0], r[1] or "", _parse_op(r[2])) for r in rows]


@dataclass(frozen=True)
class RequeueResult:
    device_seq: int  # the outbox row that carries the record again
    resolved: tuple[int, ...]  # quarantine entries it replaces
    entity: str
    record_id: str


def requeue(engine: Engine, clock: HybridClock, entry_id: int, *, actor: str) -> RequeueResult:
    """Queue the record of entry *entry_id* again with its current values (see module doc)."""
    with write_cursor(engine) as cur:
        row = cur.execute(
            "SELECT op FROM quarantine WHERE id = ? AND resolved = 0", (entry_id,)
        ).fetchone()
        if row is None:
            raise QuarantineEntryMissing(entry_id)
        op = _parse_op(row[0])
        try:
            entity = Entity(op.get("entity", ""))
        except ValueError:
            raise QuarantineEntryMissing(entry_id) from None
        record_id = str(op.get("record_id") or "")
        entries = _open_entries_of(cur, entity.value, record_id)
        if not any(e[0] == entry_id for e in entries):
            entries.append((entry_id, "", op))
        raw = sql.load_rows(cur, entity, [record_id]).get(record_id)
        if raw is None:
            raise QuarantineEntryMissing(entry_id)
        record = decode_row(entity, raw)
        known = fields_of(entity)
        confirmed = raw.get("server_version") is not None
        if confirmed:
            names = {n for _, _, o in entries for n in (o.get("fields") or {}) if n in known}
        else:  # head office never took this record: send all of it
            names = {n for n in known if record.get(n) is not None or n in op.get("fields", {})}
        fields = {name: record.get(name) for name in sorted(names)}
        stamps = expand_field_hlcs(load_field_hlcs(raw.get("field_hlcs")), names)
        stamp = _newest(stamps.values(), fallback=raw.get("hlc"))
        if stamp is None or any(reason in FRESH_STAMP_REASONS for _, reason, _ in entries):
            stamp = str(clock.now())
            write_clock_state(cur, clock)
        last = cur.execute("SELECT last_device_seq FROM sync_state WHERE id = 1").fetchone()
        seq = (last[0] if last else 0) + 1
        now = utc_now_iso()
        cur.execute(
            "INSERT INTO outbox (device_seq, op_id, entity, record_id, base_version, hlc,"
            " fields, deleted, created_at, acked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                seq,
                new_id(),
                entity.value,
                record_id,
                raw.get("server_version") or 0,
                stamp,
                dumps(fields),
                bool(raw.get("deleted")),
                now,
            ),
        )
        cur.execute("UPDATE sync_state SET last_device_seq = ? WHERE id = 1", (seq,))
        ids = tuple(sorted(e[0] for e in entries))
        _resolve(cur, ids)
        append_entries(
            cur,
            [
                AuditEntry(
                    actor,
                    "sync.retry",
                    entity.value,
                    record_id,
                    {"fields": sorted(fields), "quarantine": list(ids)},
                )
            ],
            at=now,
        )
    return RequeueResult(seq, ids, entity.value, record_id)


def dismiss(engine: Engine, entry_id: int, *, actor: str) -> None:
    """Close entry *entry_id* without sending anything again."""
    with write_cursor(engine) as cur:
        row = cur.execute(
            "SELECT op, reason FROM quarantine WHERE id = ? AND resolved = 0", (entry_id,)
        ).fetchone()
        if row is None:
            raise QuarantineEntryMissing(entry_id)
        op = _parse_op(row[0])
        _resolve(cur, (entry_id,))
        append_entries(
            cur,
            [
                AuditEntry(
                    actor,
                    "sync.dismiss",
                    str(op.get("entity") or "") or None,
                    str(op.get("record_id") or "") or None,
                    {"quarantine": entry_id, "reason": row[1]},
                )
            ],
            at=utc_now_iso(),
        )


def _resolve(cur: sqlite3.Cursor, ids: Sequence[int]) -> None:
    cur.executemany("UPDATE quarantine SET resolved = 1 WHERE id = ?", [(i,) for i in ids])


def _newest(stamps: Any, *, fallback: str | None) -> str | None:
    best: HLC | None = None
    for text in [*stamps, fallback]:
        if not text:
            continue
        try:
            stamp = HLC.parse(text)
        except HLCFormatError:
            continue
        best = stamp if best is None or stamp > best else best
    return str(best) if best is not None else None


def settle(engine: Engine) -> int:
    """Close open entries that a later change already carried to head office: a change of
    the same record, acknowledged and not refused, with the same values for every field the
    refused change had (e.g. a retried record, or a fix that re-sent the refused values).
    Returns how many entries were closed."""
    with read_cursor(engine) as cur:
        entries = cur.execute(
            "SELECT id, device_seq, op FROM quarantine WHERE resolved = 0"
        ).fetchall()
        if not entries:
            return 0
        done: list[int] = []
        for entry_id, seq, op_text in entries:
            op = _parse_op(op_text)
            fields = op.get("fields") or {}
            later = cur.execute(
                "SELECT fields, deleted FROM outbox WHERE acked = 1 AND entity = ?"
                " AND record_id = ? AND device_seq > ?"
                " AND device_seq NOT IN (SELECT device_seq FROM quarantine)",
                (op.get("entity"), op.get("record_id"), seq),
            ).fetchall()
            for later_fields, later_deleted in later:
                carried = json.loads(later_fields or "{}")
                same = all(name in carried and carried[name] == v for name, v in fields.items())
                if same and bool(later_deleted) == bool(op.get("deleted")):
                    done.append(entry_id)
                    break
    if done:
        with write_cursor(engine) as cur:
            cur.executemany(
                "UPDATE quarantine SET resolved = 1 WHERE id = ? AND resolved = 0",
                [(i,) for i in done],
            )
    return len(done)
