"""The common ending of every local save, on the general write path (``writer``) and the
create-only bulk path (``bulk``) alike: outbox rows numbered by the consent rule, audit rows,
search rows, the device's seq and HLC.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from ss_core.protocol.hlc import HybridClock
from ss_desktop.db.audit import AuditEntry, append_entries
from ss_desktop.db.consent_gate import number_outbox
from ss_desktop.db.search_index import insert_search_rows, reindex_children, search_row
from ss_desktop.db.write.changes import ChangeSet, Plan, batch_children


def finish_local_write(
    cursor: sqlite3.Cursor,
    outbox: list[tuple[Any, ...]],
    seq: int,
    result: ChangeSet,
    *,
    clock: HybridClock,
    today: date,
    grouped: dict[tuple[str, str], list[str]],
    audit: list[AuditEntry],
    actor: str,
    now: str,
    plans: Sequence[Plan],
    new_children: dict[str, list[str]],
    reindex: list[str],
) -> None:
    """What every local save ends with, on the general and the bulk path alike: outbox rows
    numbered by the consent rule (the positive seqs are added to ``result.outbox_seqs``),
    audit rows, search rows, the device's last seq and HLC."""
    # Each row's first item, its child, becomes its device_seq (held back: parked).
    seq = number_outbox(cursor, outbox, seq, result.outbox_seqs, today=today)
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
        (seq, str(clock.last())),
    )
