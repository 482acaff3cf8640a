"""Consent decides what leaves the laptop (PIPL; rules in :mod:`ss_core.domain.consent`).

* Held back: the changes of a child without a registration consent (and of its guardians,
  consents, enrollments and attendance marks) are written to the outbox *parked*, under a
  negative ``device_seq`` that no push or bundle reads. Head office numbers a device's
  changes without gaps, so a held change cannot simply be skipped. When a save makes the
  registration consent valid, the same transaction gives the parked rows fresh sequence
  numbers, in the order they were written, before the save's own changes.
* Stripped at push: values of sensitive fields without an active sensitive consent; after a
  withdrawal, every personal value (head office learns of the withdrawal from the consent
  change and wipes the child). A record head office never had goes out as an empty
  tombstone, so nothing personal reaches it and the device's sequence has no gap.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ss_core.domain.consent import (
    PENDING_WITHDRAWN,
    SYNC_HOLD,
    ConsentState,
    consent_state,
    holds_sensitive_value,
    sync_gate,
)
from ss_core.protocol.wire import Entity, PushOp
from ss_desktop.db.codec import PERSONAL_FIELDS

CHUNK = 500
# Records that belong to one child, with the table that says which.
DEPENDENT_TABLES = {
    Entity.GUARDIAN: "guardian",
    Entity.CONSENT: "consent",
    Entity.ENROLLMENT: "enrollment",
    Entity.ATTENDANCE_MARK: "attendance_mark",
}
# Records that name a person: sent as an empty tombstone if head office never had them.
_PERSONAL_RECORDS = {
    Entity.CHILD: "site_id",
    Entity.GUARDIAN: "child_id",
    Entity.CONSENT: "child_id",
}


@dataclass(frozen=True)
class ChildGate:
    state: ConsentState
    known: bool  # head office has the child (it acknowledged or sent a version of it)

    @property
    def gate(self) -> str:
        return sync_gate(self.state, known_at_head_office=self.known)

    @property
    def withdrawn(self) -> bool:
        return not self.state.registration_ok and self.state.pending_reason == PENDING_WITHDRAWN


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def child_of(entity: Entity, record_id: str, full: dict[str, Any]) -> str | None:
    """The child a record belongs to (None: not a child's record)."""
    if entity is Entity.CHILD:
        return record_id
    if entity in DEPENDENT_TABLES:
        return full.get("child_id")
    return None


def child_gates(
    cursor: sqlite3.Cursor, child_ids: Collection[str], *, today: date | None = None
) -> dict[str, ChildGate]:
    """Consent state of each child (from the consents stored now, deleted ones excluded)."""
    found: dict[str, tuple[Any, Any, Any]] = {}
    consents: dict[str, list[dict[str, Any]]] = {}
    for part in _chunks(set(child_ids)):
        for cid, dob, precision, server_version in cursor.execute(
            f"SELECT id, dob, dob_precision, server_version FROM child WHERE id IN ({_marks(len(part))})",
            part,
        ):
            found[cid] = (dob, precision, server_version)
        for child_id, role, given_on, scopes, withdrawn_on in cursor.execute(
            "SELECT child_id, giver_role, given_on, scopes, withdrawn_on FROM consent"
            f" WHERE deleted = 0 AND child_id IN ({_marks(len(part))})",
            part,
        ):
            consents.setdefault(child_id, []).append(
                {
                    "giver_role": role,
                    "given_on": given_on,
                    "scopes": scopes,
                    "withdrawn_on": withdrawn_on,
                }
            )
    gates = {}
    for cid, (dob, precision, server_version) in found.items():
        state = consent_state(
            consents.get(cid, []), child_dob=_date(dob), child_dob_precision=precision, today=today
        )
        gates[cid] = ChildGate(state, server_version is not None)
    return gates


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


# ------------------------------------------------------------------------------ parking


def held_children(gates: dict[str, ChildGate]) -> set[str]:
    return {cid for cid, g in gates.items() if g.gate == SYNC_HOLD}


def next_parked_seq(cursor: sqlite3.Cursor) -> int:
    """A device_seq below every parked row (parked rows count down from -1)."""
    low = cursor.execute("SELECT min(device_seq) FROM outbox").fetchone()[0]
    return min(low or 0, 0) - 1


def release_parked(cursor: sqlite3.Cursor, child_ids: Collection[str], seq: int) -> int:
    """Give the parked rows of *child_ids* sequence numbers after *seq*, oldest first;
    returns the last number given."""
    if (
        not child_ids
        or not cursor.execute("SELECT 1 FROM outbox WHERE device_seq < 0 LIMIT 1").fetchone()
    ):
        return seq
    records = set(child_ids)  # the children, and their dependents (indexed by child_id)
    for table in DEPENDENT_TABLES.values():
        for part in _chunks(child_ids):
            records.update(
                r[0]
                for r in cursor.execute(
                    f"SELECT id FROM {table} WHERE child_id IN ({_marks(len(part))})", part
                )
            )
    # Only these records' parked rows (ix_outbox_parked), never every parked row: a save
    # costs the same whether 10 or 10,000 changes wait for consent.
    parked_rows: list[tuple[int, str]] = []
    for part in _chunks(records):
        parked_rows.extend(
            cursor.execute(
                "SELECT device_seq, record_id FROM outbox INDEXED BY ix_outbox_parked"
                f" WHERE device_seq < 0 AND record_id IN ({_marks(len(part))})",
                part,
            )
        )
    for parked, _record_id in sorted(parked_rows, reverse=True):  # -1 was parked first
        seq += 1
        cursor.execute("UPDATE outbox SET device_seq = ? WHERE device_seq = ?", (seq, parked))
    return seq


def number_outbox(
    cursor: sqlite3.Cursor,
    rows: list[tuple[Any, ...]],
    seq: int,
    numbered: list[int],
    *,
    today: date,
) -> int:
    """Replace each new outbox row's first item (its child id, or None) with its device_seq,
    after releasing the parked rows of children whose consent is now valid; rows of a child
    held back get parked numbers. Appends the positive numbers to *numbered*; returns the
    last one. Runs after the save's rows are written (same transaction)."""
    children = {row[0] for row in rows if row[0]}
    gates = child_gates(cursor, children, today=today) if children else {}
    held = held_children(gates)
    seq = release_parked(cursor, [c for c, g in gates.items() if g.state.registration_ok], seq)
    parked = next_parked_seq(cursor) + 1 if held else 0
    for i, row in enumerate(rows):
        if row[0] in held:
            parked -= 1
            rows[i] = (parked, *row[1:])
        else:
            seq += 1
            rows[i] = (seq, *row[1:])
            numbered.append(seq)
    return seq


def release_after_pull(cursor: sqlite3.Cursor, child_ids: Collection[str]) -> int:
    """A pulled consent (made on another laptop) may let this laptop's held-back changes of
    the child go: release them, numbered after the last device_seq. Returns how many."""
    if (
        not child_ids
        or not cursor.execute("SELECT 1 FROM outbox WHERE device_seq < 0 LIMIT 1").fetchone()
    ):
        return 0
    ok = [c for c, g in child_gates(cursor, child_ids).items() if g.state.registration_ok]
    row = cursor.execute("SELECT last_device_seq FROM sync_state WHERE id = 1").fetchone()
    last = (row[0] if row else 0) or 0
    seq = release_parked(cursor, ok, last)
    if seq != last:
        cursor.execute("UPDATE sync_state SET last_device_seq = ? WHERE id = 1", (seq,))
    return seq - last


def parked_count(cursor: sqlite3.Cursor) -> int:
    row = cursor.execute(
        "SELECT count(*) FROM outbox WHERE acked = 0 AND device_seq < 0"
    ).fetchone()
    return int(row[0])


def _owners(
    cursor: sqlite3.Cursor, records: Sequence[tuple[Entity, str]]
) -> dict[tuple[str, str], str]:
    """(entity, record id) -> child id, for child records and their dependents."""
    out: dict[tuple[str, str], str] = {}
    by_entity: dict[Entity, set[str]] = {}
    for entity, record_id in records:
        if entity is Entity.CHILD:
            out[(entity.value, record_id)] = record_id
        elif entity in DEPENDENT_TABLES:
            by_entity.setdefault(entity, set()).add(record_id)
    for entity, ids in by_entity.items():
        table = DEPENDENT_TABLES[entity]
        for part in _chunks(ids):
            for record_id, child_id in cursor.execute(
                f"SELECT id, child_id FROM {table} WHERE id IN ({_marks(len(part))})", part
            ):
                if child_id:
                    out[(entity.value, record_id)] = child_id
    return out


# ------------------------------------------------------------------------------ push


def filter_ops(cursor: sqlite3.Cursor, ops: Sequence[PushOp]) -> list[PushOp]:
    """The ops as they may leave the laptop (see the module docstring)."""
    if not ops:
        return list(ops)
    owner = _owners(cursor, [(Entity(op.entity), op.record_id) for op in ops])
    gates = child_gates(cursor, set(owner.values()))
    if not any(g.withdrawn or not g.state.sensitive_ok for g in gates.values()):
        return list(ops)
    known, sites = _known(cursor, ops)
    out = []
    for op in ops:
        entity = Entity(op.entity)
        gate = gates.get(owner.get((entity.value, op.record_id), ""))
        if gate is None:
            out.append(op)
            continue
        fields = dict(op.fields)
        deleted = op.deleted
        if gate.withdrawn:  # whether head office knows the child or not
            if entity in _PERSONAL_RECORDS and (entity.value, op.record_id) not in known:
                ref = _PERSONAL_RECORDS[entity]
                value = fields.get(ref) or sites.get((entity.value, op.record_id))
                fields, deleted = ({ref: value} if value else {}), True
            else:
                for name in PERSONAL_FIELDS.get(entity, ()):
                    fields.pop(name, None)
        if entity is Entity.CHILD and not gate.state.sensitive_ok:
            fields = {k: v for k, v in fields.items() if not holds_sensitive_value(k, v)}
        if fields != op.fields or deleted != op.deleted:
            op = op.model_copy(update={"fields": fields, "deleted": deleted})
        out.append(op)
    return out


def _known(
    cursor: sqlite3.Cursor, ops: Sequence[PushOp]
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], str]]:
    """Records of *ops* head office has a version of; and each record's tombstone link."""
    known: set[tuple[str, str]] = set()
    links: dict[tuple[str, str], str] = {}
    by_entity: dict[Entity, set[str]] = {}
    for op in ops:
        entity = Entity(op.entity)
        if entity in _PERSONAL_RECORDS:
            by_entity.setdefault(entity, set()).add(op.record_id)
    for entity, ids in by_entity.items():
        table, ref = entity.value, _PERSONAL_RECORDS[entity]
        for part in _chunks(ids):
            for record_id, link, server_version in cursor.execute(
                f"SELECT id, {ref}, server_version FROM {table} WHERE id IN ({_marks(len(part))})",
                part,
            ):
                if server_version is not None:
                    known.add((entity.value, record_id))
                if link:
                    links[(entity.value, record_id)] = link
    return known, links
