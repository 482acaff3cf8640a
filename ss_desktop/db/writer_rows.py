"""What a local save writes besides the records themselves, shared by the general write path
(ss_desktop.db.writer) and the create-only bulk path (ss_desktop.db.writer_bulk): the plan of
each change, its audit action, which children to re-index, and the common ending of every save
(outbox rows numbered by the consent rule, audit rows, search rows, the device's seq and HLC).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ss_core.domain.pinyin import display_pinyin as _display_pinyin
from ss_core.protocol.wire import Entity
from ss_desktop.db.audit import AuditEntry, append_entries
from ss_desktop.db.codec import from_column
from ss_desktop.db.consent_gate import number_outbox
from ss_desktop.db.search_index import insert_search_rows, reindex_children, search_row

# Fields whose change re-indexes the child for search.
_SEARCH_FIELDS = frozenset({"surname", "given_name", "pinyin", "id_number", "deleted"})


@dataclass
class _Plan:
    """A validated change ready to write."""

    entity: Entity
    record_id: str
    created: bool
    changed: dict[str, Any]  # normalized values of the fields that change
    full: dict[str, Any]  # the record after the change (domain values)
    stored: dict[str, Any] | None  # raw stored row (edits)
    deleted: bool


@lru_cache(maxsize=65536)
def display_pinyin(surname: str, given: str) -> str:
    """The pinyin shown in lists ("Shan Xiongxin"), cached: names repeat a lot."""
    return _display_pinyin(surname, given)


def batch_children(plans: Sequence[_Plan]) -> dict[str, dict[str, Any]]:
    return {p.record_id: p.full for p in plans if p.entity is Entity.CHILD}


def _action_for(plan: _Plan) -> str:
    if plan.stored is None:
        return "create"
    if plan.deleted and not plan.stored["deleted"]:
        return "delete"
    if plan.entity is Entity.CHILD and "status" in plan.changed:
        old = plan.stored.get("status")
        new = plan.changed["status"]
        if new == "archived":
            return "archive"
        if old == "archived" and new == "active":
            return "restore"
    return "edit"


def _children_to_reindex(plan: _Plan, names: Sequence[str]) -> list[str]:
    if plan.entity is Entity.CHILD:
        return [plan.record_id] if plan.stored is None or _SEARCH_FIELDS & set(names) else []
    if plan.entity is Entity.GUARDIAN and (
        plan.stored is None or {"phone", "child_id", "deleted"} & set(names)
    ):
        ids = [plan.full.get("child_id")]
        if plan.stored is not None:
            ids.append(from_column(Entity.GUARDIAN, "child_id", plan.stored.get("child_id")))
        return [i for i in ids if i]
    return []


def finish_local_write(
    cursor: sqlite3.Cursor,
    writer: Any,  # the ChangeWriter: its clock and today()
    outbox: list[tuple],
    seq: int,
    result: Any,  # the save's ChangeSet: the positive seqs are appended to its outbox_seqs
    *,
    grouped: dict[tuple[str, str], list[str]],
    audit: list[AuditEntry],
    actor: str,
    now: str,
    plans: Any,
    new_children: dict[str, list[str]],
    reindex: list[str],
) -> None:
    """What every local save ends with, on the general and the bulk path alike: outbox rows
    numbered by the consent rule, audit rows, search rows, the device's last seq and HLC."""
    # Each row's first item, its child, becomes its device_seq (held back: parked).
    seq = number_outbox(cursor, outbox, seq, result.outbox_seqs, today=writer.today())
    cursor.executemany(
        "INSERT INTO outbox (device_seq, op_id, entity, record_id, base_version, hlc, fields,"
        " deleted, created_at, acked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        outbox,
    )
    for (what, entity_name), ids in grouped.items():
        # A bulk save (import, demo data) is audited as one row per action and entity,
        # naming every record it touched.
        audit.append(AuditEntry(actor, what, entity_name, None, {"count": len(ids), "ids": ids}))
    append_entries(cursor, audit, at=now)
    if new_children:
        children = batch_children(plans)
        insert_search_rows(
            cursor,
            [
                search_row(cid, c["surname"], c["given_name"], c["pinyin"], c["id_number"], p)
                for cid, p in new_children.items()
                for c in (children[cid],)
            ],
        )
    reindex_children(cursor, [i for i in reindex if i not in new_children])
    cursor.execute(
        "UPDATE sync_state SET last_device_seq = ?, hlc_last = ? WHERE id = 1",
        (seq, str(writer.clock.last())),
    )
