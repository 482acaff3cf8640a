"""The audit log's hash chain, shared by the laptop (which writes it) and head office (which
checks every row it receives).

Each row's ``hash`` is SHA-256 over the previous row's hash and the canonical JSON of
``[id, at, actor, action, entity, record_id, detail]`` where ``detail`` is the JSON text as
stored. Row ids count up from 1 without a gap; the first row's previous hash is
:data:`GENESIS_HASH`. Editing, removing or inserting a row therefore breaks the chain at that
row (unless every later hash is recomputed, which head office notices because it already holds
the earlier rows).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

GENESIS_HASH = "0" * 64


class ChainProblem(StrEnum):
    """Why a chain does not verify at a row."""

    HASH_MISMATCH = "hash_mismatch"  # the row's contents do not give its hash: it was edited
    PREV_MISMATCH = "prev_mismatch"  # the row does not continue from the row before it
    GAP = "gap"  # rows are missing before this one (removed)
    REWRITTEN = "rewritten"  # a row head office holds arrived again with other contents
    LAPTOP_REPORTED = "laptop_reported"  # the laptop's own check fails at a row sent earlier


def row_hash(
    prev_hash: str,
    row_id: int,
    at: str,
    actor: str,
    action: str,
    entity: str | None,
    record_id: str | None,
    detail_json: str,
) -> str:
    body = json.dumps(
        [row_id, at, actor, action, entity, record_id, detail_json],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


@dataclass(frozen=True)
class ChainRow:
    id: int
    at: str
    actor: str
    action: str
    entity: str | None
    record_id: str | None
    detail: str
    prev_hash: str
    hash: str

    def computed_hash(self) -> str:
        return row_hash(
            self.prev_hash,
            self.id,
            self.at,
            self.actor,
            self.action,
            self.entity,
            self.record_id,
            self.detail,
        )


@dataclass(frozen=True)
class ChainBreak:
    row_id: int
    problem: ChainProblem


def check_row(row: ChainRow, tip_id: int, tip_hash: str) -> ChainProblem | None:
    """Whether *row* is the intact successor of the row (*tip_id*, *tip_hash*); tip_id 0 and
    :data:`GENESIS_HASH` stand for "no row yet"."""
    if row.computed_hash() != row.hash:
        return ChainProblem.HASH_MISMATCH
    if row.id != tip_id + 1:
        return ChainProblem.GAP
    if row.prev_hash != tip_hash:
        return ChainProblem.PREV_MISMATCH
    return None


def first_break(
    rows: Iterable[ChainRow], *, tip_id: int = 0, tip_hash: str = GENESIS_HASH
) -> ChainBreak | None:
    """The first row (in id order) that does not verify, or None when all of them do."""
    for row in rows:
        problem = check_row(row, tip_id, tip_hash)
        if problem is not None:
            return ChainBreak(row.id, problem)
        tip_id, tip_hash = row.id, row.hash
    return None
