"""Read side: plain dataclasses and dicts out, never ORM objects.

One record with its history, sites, programs, divisions, the facts duplicate scoring needs,
and counts. The children list (search, filters, pages) is in :mod:`ss_desktop.db.child_search`
and its column sorting in :mod:`ss_desktop.db.list_sort`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.duplicates import one_character_apart
from ss_core.domain.pinyin import name_keys
from ss_core.protocol.wire import Entity
from ss_desktop.db.codec import decode_row, expand_field_hlcs, fields_of, load_field_hlcs
from ss_desktop.db.consent_gate import DEPENDENT_TABLES
from ss_desktop.db.engine import raw_cursor
from ss_desktop.db.rows import columns_of


@dataclass(frozen=True)
class SiteRow:
    id: str
    code: str | None
    name: str | None
    site_type: str | None
    division_code: str | None
    status: str


@dataclass(frozen=True)
class ProgramRow:
    id: str
    name: str | None
    program_type: str | None
    site_id: str | None
    term: str | None
    starts_on: str | None
    ends_on: str | None


@dataclass(frozen=True)
class DuplicateFacts:
    """What duplicate scoring needs about one stored child."""

    id: str
    surname: str | None
    given_name: str | None
    pinyin: str | None
    gender: int | None
    dob: str | None
    dob_precision: str | None
    id_number: str | None
    site_id: str | None
    status: str
    guardian_names: list[str] = field(default_factory=list)
    guardian_phones: list[str] = field(default_factory=list)


# DuplicateFacts' columns from id to status, as the child table stores them.
_FactsRow = tuple[
    str,
    str | None,
    str | None,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str,
]


# ---------------------------------------------------------------- records


def get_child(engine: Engine, child_id: str) -> dict[str, Any] | None:
    """All fields of a child plus ``guardians``, ``consents`` and ``enrollments`` lists."""
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        record = _load_one(cursor, Entity.CHILD, "id = ?", (child_id,))
        if not record:
            return None
        child = record[0]
        for key, entity in (
            ("guardians", Entity.GUARDIAN),
            ("consents", Entity.CONSENT),
            ("enrollments", Entity.ENROLLMENT),
        ):
            child[key] = _load_one(
                cursor, entity, "child_id = ? AND deleted = 0 ORDER BY created_at, id", (child_id,)
            )
        return child


def _load_one(
    cursor: sqlite3.Cursor, entity: Entity, where: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    cols = columns_of(entity)
    out = []
    for row in cursor.execute(
        f"SELECT {', '.join(cols)} FROM {entity.value} WHERE {where}", params
    ):
        record = decode_row(entity, dict(zip(cols, row, strict=True)))
        record["deleted"] = bool(record["deleted"])
        record["field_hlcs"] = expand_field_hlcs(
            load_field_hlcs(record["field_hlcs"]), fields_of(entity)
        )
        out.append(record)
    return out


def list_sites(engine: Engine) -> list[SiteRow]:
    with engine.connect() as conn:
        return [
            SiteRow(*r)
            for r in raw_cursor(conn).execute(
                "SELECT id, code, name, site_type, division_code, status FROM site"
                " WHERE deleted = 0 ORDER BY code, name, id"
            )
        ]


def list_programs(engine: Engine, *, site_id: str | None = None) -> list[ProgramRow]:
    sql = (
        "SELECT id, name, program_type, site_id, term, starts_on, ends_on FROM program"
        " WHERE deleted = 0"
    )
    params: list[Any] = []
    if site_id is not None:
        sql += " AND site_id = ?"
        params.append(site_id)
    with engine.connect() as conn:
        return [
            ProgramRow(*r) for r in raw_cursor(conn).execute(sql + " ORDER BY name, id", params)
        ]


def divisions(engine: Engine, parent_code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of the provinces, or of the divisions directly under *parent_code*."""
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        if parent_code is None:
            rows = cursor.execute(
                "SELECT code, name FROM division WHERE level = 1 AND valid_to IS NULL ORDER BY code"
            )
        else:
            rows = cursor.execute(
                "SELECT code, name FROM division WHERE parent_code = ? AND valid_to IS NULL"
                " ORDER BY code",
                (parent_code,),
            )
        return [(r[0], r[1]) for r in rows]


def division_name(engine: Engine, code: str) -> str | None:
    with engine.connect() as conn:
        row = (
            raw_cursor(conn).execute("SELECT name FROM division WHERE code = ?", (code,)).fetchone()
        )
        return row[0] if row else None


# ---------------------------------------------------------------- duplicates


def duplicate_facts(
    engine: Engine,
    *,
    surname: str,
    given_name: str,
    dob: str | None = None,
    id_number: str | None = None,
    phones: Iterable[str] = (),
    exclude_id: str | None = None,
    limit: int = 200,
) -> list[DuplicateFacts]:
    """Candidates for duplicate scoring: same pinyin key, same name, same ID, a shared
    guardian phone, or the same birth date with a name one character apart. Indexed lookups
    only, so it is cheap to call while a form is typed."""
    keys = name_keys(surname or "", given_name or "")
    ids: dict[str, None] = {}
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        full = list(keys.full)[:8]
        if full:
            marks = ",".join("?" * len(full))
            for (cid,) in cursor.execute(
                f"SELECT id FROM child WHERE name_sort IN ({marks}) AND deleted = 0 LIMIT ?",
                [*full, limit],
            ):
                ids[cid] = None
        for (cid,) in cursor.execute(
            "SELECT id FROM child WHERE surname = ? AND given_name = ? AND deleted = 0 LIMIT ?",
            (surname, given_name, limit),
        ):
            ids[cid] = None
        if id_number:
            for (cid,) in cursor.execute(
                "SELECT id FROM child WHERE id_number = ? AND deleted = 0", (id_number,)
            ):
                ids[cid] = None
        if dob:  # born the same day with a name one character apart (陈小敏 / 程小明 for 陈小明)
            for cid, other_surname, other_given in cursor.execute(
                "SELECT id, surname, given_name FROM child WHERE dob = ? AND deleted = 0",
                (dob,),
            ):
                if one_character_apart(surname, given_name, other_surname, other_given):
                    ids[cid] = None
        phone_list = [p for p in phones if p]
        if phone_list:
            marks = ",".join("?" * len(phone_list))
            for (cid,) in cursor.execute(
                f"SELECT child_id FROM guardian WHERE phone IN ({marks}) AND deleted = 0",
                phone_list,
            ):
                ids[cid] = None
        ids.pop(exclude_id or "", None)
        wanted = list(ids)[:limit]
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        guardians: dict[str, tuple[list[str], list[str]]] = {cid: ([], []) for cid in wanted}
        for cid, name, phone in cursor.execute(
            f"SELECT child_id, name, phone FROM guardian WHERE child_id IN ({marks})"
            " AND deleted = 0",
            wanted,
        ):
            if name:
                guardians[cid][0].append(name)
            if phone:
                guardians[cid][1].append(phone)
        out = []
        row: _FactsRow
        for row in cursor.execute(
            "SELECT id, surname, given_name, pinyin, gender, dob, dob_precision, id_number,"
            f" site_id, status FROM child WHERE id IN ({marks})",
            wanted,
        ):
            names, phone_numbers = guardians[row[0]]
            out.append(DuplicateFacts(*row, guardian_names=names, guardian_phones=phone_numbers))
        return out


def child_with_id_number(engine: Engine, id_number: str) -> bool:
    """Whether a live child on this laptop has this (normalized) ID number."""
    with engine.connect() as conn:
        row = (
            raw_cursor(conn)
            .execute(
                "SELECT 1 FROM child WHERE id_number = ? AND deleted = 0 LIMIT 1", (id_number,)
            )
            .fetchone()
        )
    return row is not None


# ---------------------------------------------------------------- counts


def pending_changes(engine: Engine) -> int:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        count: int = cursor.execute("SELECT count(*) FROM outbox WHERE acked = 0").fetchone()[0]
    return count


def quarantined(engine: Engine) -> int:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        count: int = cursor.execute(
            "SELECT count(*) FROM quarantine WHERE resolved = 0"
        ).fetchone()[0]
    return count


def stats(engine: Engine) -> dict[str, Any]:
    """Counts for ``ss-desktop stats --json`` and the status bar."""
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        active, archived = cursor.execute(
            "SELECT coalesce(sum(status = 'active'), 0), coalesce(sum(status <> 'active'), 0)"
            " FROM child WHERE deleted = 0"
        ).fetchone()
        pending, oldest = cursor.execute(
            "SELECT count(*), min(created_at) FROM outbox WHERE acked = 0"
        ).fetchone()
        held = cursor.execute("SELECT count(*) FROM quarantine WHERE resolved = 0").fetchone()[0]
        last_sync = cursor.execute("SELECT last_sync_at FROM sync_state WHERE id = 1").fetchone()
        unsent = _unsent_counts(cursor, str(engine.url)) if pending else {}
    return {
        "children_active": active,
        "children_archived": archived,
        "pending_changes": pending,
        "oldest_pending_at": oldest,
        "pending_records": unsent.get("records", 0),
        "pending_children": unsent.get("children", 0),
        "waiting_children": unsent.get("waiting_children", 0),
        "quarantined": held,
        "last_sync": last_sync[0] if last_sync else None,
    }


# database -> (outbox fingerprint, counts): the status bar asks every 30 s and after every
# change; the counts are made again only when the unacknowledged rows changed.
_UNSENT_COUNTS: dict[str, tuple[tuple[Any, ...], dict[str, int]]] = {}


def _unsent_counts(cursor: sqlite3.Cursor, database: str) -> dict[str, int]:
    fingerprint = tuple(
        cursor.execute(
            "SELECT count(*), max(device_seq), min(device_seq), sum(device_seq < 0)"
            " FROM outbox WHERE acked = 0"
        ).fetchone()
    )
    known = _UNSENT_COUNTS.get(database)
    if known is not None and known[0] == fingerprint:
        return known[1]
    counts = _unsent(cursor)
    _UNSENT_COUNTS[database] = (fingerprint, counts)
    return counts


def _unsent(cursor: sqlite3.Cursor) -> dict[str, int]:
    """What head office does not have yet, as a person counts it: records (however many
    times each was changed), children (a change to a guardian, consent, enrollment or
    attendance mark counts for its child) and the children whose changes wait for consent.

    Read from indexes (revision 0008's partial index of the unacknowledged rows, the
    dependents' (child_id, id) indexes): at 100,000 unsent demo children (543,584 changes)
    about 6x faster than reading the outbox rows; see docs/PERFORMANCE.md."""
    unsent = "outbox INDEXED BY ix_outbox_unsent WHERE acked = 0"
    (records,) = cursor.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT entity, record_id FROM {unsent})"
    ).fetchone()

    # children: every unsent child record, and the children of unsent dependents (a scan of
    # each dependent's small (child_id, id) index against the unsent ids)
    parts = [f"SELECT record_id AS child_id FROM {unsent} AND entity = 'child'"]
    parts += [
        f"SELECT child_id FROM {table} INDEXED BY ix_{table}_scope WHERE id IN"
        f" (SELECT record_id FROM {unsent} AND entity = '{entity.value}')"
        for entity, table in DEPENDENT_TABLES.items()
    ]
    (children,) = cursor.execute(
        f"SELECT count(DISTINCT child_id) FROM ({' UNION ALL '.join(parts)})"
    ).fetchone()
    # waiting for consent: from the parked rows, usually few, to their children
    parked = f"{unsent} AND device_seq < 0"
    parts = [f"SELECT record_id AS child_id FROM {parked} AND entity = 'child'"]
    parts += [
        f"SELECT t.child_id FROM (SELECT record_id FROM {parked} AND entity = '{entity.value}')"
        f" AS o JOIN {table} t ON t.id = o.record_id"
        for entity, table in DEPENDENT_TABLES.items()
    ]
    (waiting,) = cursor.execute(
        f"SELECT count(DISTINCT child_id) FROM ({' UNION ALL '.join(parts)})"
    ).fetchone()
    return {"records": records, "children": children, "waiting_children": waiting}
