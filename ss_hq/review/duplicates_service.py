"""Suspected duplicate children across laptops, and merging them.

Detection runs when a child is pushed (or edited at head office): candidates are the children
sharing its full-pinyin key, its birth date or its ID number (all indexed in
``child_index``), scored with the laptop's own rule (``ss_core.domain.duplicates``). Pairs at
or above :data:`THRESHOLD` are stored once in ``suspected_duplicate``.

Staff merge a pair (:mod:`ss_hq.review.merge_service`) or say it is not the same child
(:func:`dismiss_pair`, undone by :func:`reopen_pair`); both are audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from ss_core.domain.duplicates import ChildFacts, rank_candidates
from ss_core.protocol.wire import Entity
from ss_hq.core.models import ChildIndex, Record, SuspectedDuplicate
from ss_hq.core.staff_audit import Action, clean_reason, record_action
from ss_hq.review.review_service import ReviewError
from ss_hq.review.search_service import (
    IN_CHUNK,
    ChildRow,
    child_row,
    id_in,
)

log = logging.getLogger(__name__)

THRESHOLD = 60.0
# The child fields a duplicate score reads (ss_core.domain.duplicates, through _facts).
FACT_FIELDS = ("surname", "given_name", "dob_precision", "id_number", "gender")
MAX_CANDIDATES = 200


def _facts(record: Any, index: Any, phones: tuple[str, ...]) -> ChildFacts:
    from datetime import date

    f = record.fields or {}
    dob = date.fromisoformat(index.dob) if index is not None and index.dob else None
    gender = f.get("gender")
    return ChildFacts(
        record_id=record.id,
        surname=str(f.get("surname") or ""),
        given_name=str(f.get("given_name") or ""),
        name_keys=(index.name_key,) if index is not None and index.name_key else (),
        dob=dob,
        dob_precision=str(f.get("dob_precision") or "exact"),
        id_number=f.get("id_number") if isinstance(f.get("id_number"), str) else None,
        guardian_phones=phones,
        site_id=record.site_id,
        gender=gender if isinstance(gender, int) and not isinstance(gender, bool) else None,
    )


def _phones(session: Session, child_ids: list[str]) -> dict[str, tuple[str, ...]]:
    if not child_ids:
        return {}
    rows = session.exec(
        select(Record.child_id, Record.fields)
        .where(Record.entity == Entity.GUARDIAN.value)
        .where(id_in(session, Record.child_id, child_ids))
    ).all()
    out: dict[str, list[str]] = {}
    for child_id, fields in rows:
        phone = (fields or {}).get("phone")
        if isinstance(phone, str) and phone and child_id:
            out.setdefault(child_id, []).append(phone)
    return {k: tuple(v) for k, v in out.items()}


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + IN_CHUNK] for i in range(0, len(ids), IN_CHUNK)]


@dataclass(frozen=True)
class FoundPair:
    """A suspected pair found by a check: ``a`` < ``b`` (record ids)."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...]


def detect_for_children(
    session: Session, records: dict[str, Any], indexes: dict[str, Any], *, now: int
) -> int:
    """Store new suspected-duplicate pairs for pushed children (:func:`find_pairs`, then
    :func:`store_pairs` in the same transaction). Returns how many pairs were added."""
    pairs = find_pairs(session, records, indexes)
    return store_pairs(session, pairs, known_pairs(session, pairs), now=now)


def find_pairs(
    session: Session, records: dict[str, Any], indexes: dict[str, Any]
) -> list[FoundPair]:
    """The suspected pairs of pushed children (up to MAX_CANDIDATES sharing the full-pinyin
    key or the birth date, scored by the laptop's rule), with one query per candidate key and
    one each for records and phones; it only reads. *records* and *indexes*: the children to
    check, by id, as written. Children are taken in the order given; a pair found twice is
    given once."""
    targets = [
        rid
        for rid, index in indexes.items()
        if index.active
        and rid in records
        and not records[rid].erased
        and (index.name_key or index.dob)
    ]
    if not targets:
        return []
    by_name: dict[str, list[str]] = {}
    by_dob: dict[str, list[str]] = {}
    found: dict[str, ChildIndex] = {}
    for column, values, bucket in (
        (ChildIndex.name_key, {indexes[t].name_key for t in targets} - {""}, by_name),
        (ChildIndex.dob, {indexes[t].dob for t in targets} - {None}, by_dob),
    ):
        for chunk in _chunks(sorted(v for v in values if v)):
            for row in session.exec(
                select(ChildIndex)
                .where(id_in(session, column, chunk))
                .where(col(ChildIndex.active))
            ):
                found[row.record_id] = row
                key = row.name_key if bucket is by_name else row.dob
                if key:
                    bucket.setdefault(key, []).append(row.record_id)
    candidates: dict[str, list[str]] = {}
    for rid in targets:
        index = indexes[rid]
        ids = [*by_name.get(index.name_key, ()), *by_dob.get(index.dob or "", ())]
        ids = [c for c in dict.fromkeys(ids) if c != rid][:MAX_CANDIDATES]
        if ids:
            candidates[rid] = ids
    if not candidates:
        return []
    everyone = sorted({c for ids in candidates.values() for c in ids} | set(candidates))
    others: dict[str, Any] = {}
    wanted = [Record.fields[name] for name in FACT_FIELDS]
    fact_values: list[Any]  # FACT_FIELDS' JSON values (sqlmodel types the rows as 3 columns)
    for chunk in _chunks(everyone):
        # Only the fields the score reads, not the whole record (its JSON is most of the cost).
        for rid, site_id, erased, *fact_values in session.exec(
            select(Record.id, Record.site_id, Record.erased, *wanted).where(
                id_in(session, Record.id, chunk)
            )
        ):
            fields = {k: v for k, v in zip(FACT_FIELDS, fact_values, strict=True) if v is not None}
            others[rid] = SimpleNamespace(id=rid, fields=fields, site_id=site_id, erased=erased)
    phones: dict[str, tuple[str, ...]] = {}
    for chunk in _chunks(everyone):
        phones.update(_phones(session, chunk))
    facts: dict[str, ChildFacts] = {}  # a candidate's facts, built once for the batch

    def facts_of(c: str) -> ChildFacts:
        if c not in facts:
            facts[c] = _facts(others[c], found.get(c), phones.get(c, ()))
        return facts[c]

    pairs: dict[tuple[str, str], FoundPair] = {}
    for rid, ids in candidates.items():
        new = _facts(records[rid], indexes[rid], phones.get(rid, ()))
        existing = [facts_of(c) for c in ids if c in others and not others[c].erased]
        for candidate in rank_candidates(new, existing, limit=10, threshold=THRESHOLD):
            a, b = sorted((rid, candidate.record_id))
            pairs.setdefault((a, b), FoundPair(a, b, candidate.score, tuple(candidate.reasons)))
    return list(pairs.values())


def known_pairs(session: Session, pairs: list[FoundPair]) -> dict[tuple[str, str], Any]:
    """The stored pairs among *pairs*: (a, b) -> (id, status, score)."""
    known: dict[tuple[str, str], Any] = {}
    wanted = {(pair.a, pair.b) for pair in pairs}
    row: Any  # a Row, read by column name (sqlmodel types it as a plain tuple)
    for chunk in _chunks(sorted({pair.a for pair in pairs})):
        for row in session.exec(
            # sqlmodel's select() is typed for up to four columns; at run time it takes any number.
            select(  # type: ignore[call-overload]
                SuspectedDuplicate.id,
                SuspectedDuplicate.record_id,
                SuspectedDuplicate.other_id,
                SuspectedDuplicate.status,
                SuspectedDuplicate.score,
            ).where(id_in(session, SuspectedDuplicate.record_id, chunk))
        ):
            if (row.record_id, row.other_id) in wanted:
                known[(row.record_id, row.other_id)] = row
    return known


def store_pairs(
    session: Session, pairs: list[FoundPair], known: dict[tuple[str, str], Any], *, now: int
) -> int:
    """Store *pairs* (*known*: :func:`known_pairs`, read before): a new pair opens, an open
    pair known with another score takes the new one, a pair staff already decided is left as
    it is. Two statements in all (a drain stores thousands of pairs while holding SQLite's
    write lock); a pair stored meanwhile by another process is not stored twice. Returns how
    many pairs were new."""
    new: list[dict[str, Any]] = []
    rescored: list[dict[str, Any]] = []
    for pair in pairs:
        row = known.get((pair.a, pair.b))
        if row is None:
            new.append(
                {
                    "record_id": pair.a,
                    "other_id": pair.b,
                    "score": pair.score,
                    "reasons": list(pair.reasons),
                    "status": "open",
                    "created_at": now,
                }
            )
        elif row.status == "open" and row.score != pair.score:
            rescored.append({"pair_id": row.id, "score": pair.score, "reasons": list(pair.reasons)})
    connection = session.connection()
    table = SuspectedDuplicate.__table__  # type: ignore[attr-defined]
    if new:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(dialect.insert(table).on_conflict_do_nothing(), new)
    if rescored:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("pair_id"))
            .values(score=bindparam("score"), reasons=bindparam("reasons")),
            rescored,
        )
    return len(new)


@dataclass(frozen=True)
class DuplicatePair:
    id: int
    score: float
    reasons: tuple[str, ...]
    left: ChildRow
    right: ChildRow
    left_device: str | None
    right_device: str | None
    status: str = "open"
    resolved_by: str | None = None
    resolved_at: int | None = None


def _pair_view(session: Session, row: SuspectedDuplicate) -> DuplicatePair | None:
    left, right = child_row(session, row.record_id), child_row(session, row.other_id)
    if left is None or right is None:
        return None
    a, b = session.get(Record, row.record_id), session.get(Record, row.other_id)
    assert row.id is not None
    return DuplicatePair(
        id=row.id,
        score=row.score,
        reasons=tuple(row.reasons),
        left=left,
        right=right,
        left_device=a.created_by_device if a else None,
        right_device=b.created_by_device if b else None,
        status=row.status,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
    )


def list_open_pairs(session: Session, *, limit: int = 100) -> list[DuplicatePair]:
    rows = session.exec(
        select(SuspectedDuplicate)
        .where(SuspectedDuplicate.status == "open")
        .order_by(col(SuspectedDuplicate.score).desc(), col(SuspectedDuplicate.id))
        .limit(limit)
    ).all()
    return [view for row in rows if (view := _pair_view(session, row)) is not None]


def dismiss_pair(
    session: Session, pair_id: int, *, staff_user: str, now: int, reason: str = ""
) -> None:
    """Not the same child: the pair leaves the list (:func:`reopen_pair` brings it back)."""
    pair = session.get(SuspectedDuplicate, pair_id)
    if pair is None or pair.status != "open":
        raise ReviewError("not_found", "no such open pair")
    pair.status = "dismissed"
    pair.resolved_by = staff_user
    pair.resolved_at = now
    session.add(pair)
    record_action(
        session,
        actor=staff_user,
        action=Action.NOT_SAME,
        now=now,
        entity=Entity.CHILD.value,
        record_id=pair.record_id,
        detail={"other": pair.other_id, "pair": pair_id, "reason": clean_reason(reason)},
    )
    session.commit()


def reopen_pair(
    session: Session, pair_id: int, *, staff_user: str, now: int, reason: str = ""
) -> None:
    """Undo a wrong "not the same child": the pair is open again (both children still there)."""
    pair = session.get(SuspectedDuplicate, pair_id)
    if pair is None or pair.status != "dismissed":
        raise ReviewError("not_found", "no such dismissed pair")
    for record_id in (pair.record_id, pair.other_id):
        record = session.get(Record, record_id)
        if record is None or record.deleted or record.erased:
            raise ReviewError("gone", "one of the two children no longer exists")
    pair.status = "open"
    pair.resolved_by = None
    pair.resolved_at = None
    session.add(pair)
    record_action(
        session,
        actor=staff_user,
        action=Action.REOPEN_PAIR,
        now=now,
        entity=Entity.CHILD.value,
        record_id=pair.record_id,
        detail={"other": pair.other_id, "pair": pair_id, "reason": clean_reason(reason)},
    )
    session.commit()


def pair_by_id(session: Session, pair_id: int) -> DuplicatePair | None:
    """One pair (any status) with its two children, for the confirmation pages."""
    row = session.get(SuspectedDuplicate, pair_id)
    return _pair_view(session, row) if row is not None else None


def dismissed_pairs(session: Session, *, limit: int = 20) -> list[DuplicatePair]:
    """The latest "not the same child" decisions, newest first (they can be undone)."""
    rows = session.exec(
        select(SuspectedDuplicate)
        .where(SuspectedDuplicate.status == "dismissed")
        .where(col(SuspectedDuplicate.score) > 0)  # a split's record, not a decision
        .order_by(col(SuspectedDuplicate.resolved_at).desc(), col(SuspectedDuplicate.id).desc())
        .limit(limit)
    ).all()
    return [view for row in rows if (view := _pair_view(session, row)) is not None]
