"""Read side: plain dataclasses and dicts out, never ORM objects.

Lists are keyset-paginated: ``after`` is an opaque cursor from the previous page, so a page
costs the same at row 50 and at row 50,000 and no child is skipped or shown twice while
paging. Search uses the FTS5 tables kept by the write path (see search_index).
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.consent import consent_state
from ss_core.domain.pinyin import name_keys, normalize_query
from ss_core.protocol.wire import Entity
from ss_desktop.db.codec import decode_row, expand_field_hlcs, fields_of, load_field_hlcs
from ss_desktop.db.rows import columns_of

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_DIGITS = re.compile(r"^[0-9]{4,}[xX]?$|^[0-9]{3,}[xX]$")
_ROW_COLUMNS = (
    "c.id, c.surname, c.given_name, c.pinyin, c.gender, c.dob, c.dob_precision, c.site_id,"
    " s.name, c.stage, c.grade, c.class_name, c.status, c.categories, c.updated_at"
)


@dataclass(frozen=True)
class ChildRow:
    id: str
    surname: str | None
    given_name: str | None
    pinyin: str | None
    gender: int | None
    dob: str | None
    dob_precision: str | None
    site_id: str | None
    site_name: str | None
    stage: str | None
    grade: int | None
    class_name: str | None
    status: str
    categories: list[str]
    consent_pending: bool
    updated_at: str


@dataclass(frozen=True)
class SearchPage:
    rows: list[ChildRow]
    next_after: str | None
    total_estimate: int | None = None  # counted on the first page only


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


def _cursor(conn: Any) -> sqlite3.Cursor:
    return conn.connection.driver_connection.cursor()


# ---------------------------------------------------------------- search


def _fts_term(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass
class _Match:
    """FTS5 MATCH expressions (prefix and exact) per table."""

    search: list[tuple[str, str]] = field(default_factory=list)  # child_search
    digits: list[tuple[str, str]] = field(default_factory=list)  # child_digits
    impossible: bool = False


def parse_query(query: str) -> _Match:
    """Chinese characters -> names, 4+ digits -> ID/phone fragments, else pinyin keys."""
    match = _Match()
    text = query.strip()
    if not text:
        return match
    if not _CJK.search(text) and not any(ch.isdigit() for ch in text):
        terms = [normalize_query(text)]  # "Zhang Wei" -> "zhangwei"
    else:
        terms = [t for t in re.split(r"[\s,，、]+", text) if t]
    for term in terms:
        if _CJK.search(term):
            chars = "".join(ch for ch in term if not ch.isspace())
            match.search.append((f"names : {_fts_term(chars)} *", f"names : {_fts_term(chars)}"))
        elif any(ch.isdigit() for ch in term):
            digits = term.lower()
            if not _DIGITS.match(digits):
                match.impossible = True  # fewer than 4 digits: no token can match
                continue
            match.digits.append(
                (f"digits : {_fts_term(digits)} *", f"digits : {_fts_term(digits)}")
            )
        else:
            key = normalize_query(term)
            key = re.sub(r"[^0-9a-z]", "", key)
            if not key:
                continue
            match.search.append((f"keys : {_fts_term(key)} *", f"keys : {_fts_term(key)}"))
    if not match.search and not match.digits:
        match.impossible = True  # only punctuation or emoji: nothing can match
    return match


def _filters(
    site_ids: Sequence[str] | None,
    category: str | None,
    stage: str | None,
    grade: int | None,
    status: str | None,
) -> tuple[list[str], list[Any]]:
    where = ["c.deleted = 0"]
    params: list[Any] = []
    if site_ids is not None:
        if not site_ids:
            where.append("0")
        else:
            where.append(f"c.site_id IN ({','.join('?' * len(site_ids))})")
            params.extend(site_ids)
    if status == "active":
        where.append("c.status = 'active'")
    elif status == "archived":
        where.append("c.status <> 'active'")
    elif status is not None:
        raise ValueError(f"unknown status filter {status!r}")
    if category:
        where.append("EXISTS (SELECT 1 FROM json_each(c.categories) WHERE value = ?)")
        params.append(category)
    if stage:
        where.append("c.stage = ?")
        params.append(stage)
    if grade is not None:
        where.append("c.grade = ?")
        params.append(grade)
    return where, params


def _encode_cursor(rank: int, sort_key: str, child_id: str) -> str:
    raw = json.dumps([rank, sort_key, child_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode()


def _decode_cursor(after: str) -> tuple[int, str, str]:
    try:
        rank, sort_key, child_id = json.loads(base64.urlsafe_b64decode(after.encode()))
        return int(rank), str(sort_key), str(child_id)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a page cursor from search_children") from exc


def _fts_sql(match: _Match, *, exact: bool) -> tuple[str, list[Any]]:
    """SELECT rowid of the children matching every term (FTS rowid = child.search_rowid)."""
    parts: list[str] = []
    params: list[Any] = []
    for table, terms in (("child_search", match.search), ("child_digits", match.digits)):
        if terms:
            parts.append(f"SELECT rowid FROM {table} WHERE {table} MATCH ?")
            params.append(" AND ".join(e if exact else p for p, e in terms))
    return " INTERSECT ".join(parts), params


def _ranked_sql(
    match: _Match, where: list[str], params: list[Any], columns: str, *, scan: bool = False
) -> tuple[str, list[Any]] | None:
    """SELECT <columns>, rank, sort key FROM the children matching, with filters applied.
    *scan*: without search terms, read the child table in its own order rather than through
    an index (for a query that reads most children anyway: about 2.5x faster)."""
    if match.impossible:
        return None
    if match.search or match.digits:
        hits, hit_params = _fts_sql(match, exact=False)
        exact, exact_params = _fts_sql(match, exact=True)
        sql = (
            f"SELECT {columns}, CASE WHEN c.search_rowid IN ({exact}) THEN 0 ELSE 1 END AS rnk,"
            f" c.name_sort AS sk FROM ({hits}) h CROSS JOIN child c ON c.search_rowid = h.rowid"
            f" LEFT JOIN site s ON s.id = c.site_id WHERE {' AND '.join(where)}"
        )
        return sql, [*exact_params, *hit_params, *params]
    table = "child c NOT INDEXED" if scan else "child c"
    sql = (
        f"SELECT {columns}, 0 AS rnk, c.name_sort AS sk FROM {table}"
        f" LEFT JOIN site s ON s.id = c.site_id WHERE {' AND '.join(where)}"
    )
    return sql, list(params)


def _search_page(
    cursor: sqlite3.Cursor,
    match: _Match,
    where: list[str],
    params: list[Any],
    limit: int,
    after: tuple[int, str, str] | None,
) -> tuple[list[tuple], int | None]:
    """Up to limit+1 rows (columns, rnk, sk) ranked exact-token first, then by pinyin.

    The FTS index gives rowids only (cheap); the covering index ix_child_search_cover turns
    them into (status, site, sort key, id) without reading child rows, so even a one-letter
    query matching a third of all children sorts in a few milliseconds. Full rows are read
    for the one page shown.
    """
    hits, hit_params = _fts_sql(match, exact=False)
    exact, exact_params = _fts_sql(match, exact=True)
    filters = " AND ".join(where)
    found: list[tuple[str, int, str]] = []
    if after is None or after[0] == 0:
        page = " AND (c.name_sort, c.id) > (?, ?)" if after else ""
        found = cursor.execute(
            f"SELECT c.id, 0, c.name_sort FROM ({exact}) h"
            f" CROSS JOIN child c ON c.search_rowid = h.rowid WHERE {filters}{page}"
            " ORDER BY c.name_sort, c.id LIMIT ?",
            [*exact_params, *params, *(after[1:] if after else ()), limit + 1],
        ).fetchall()
    if len(found) <= limit:
        resume = after is not None and after[0] == 1
        page = " AND (c.name_sort, c.id) > (?, ?)" if resume else ""
        found += cursor.execute(
            f"SELECT c.id, 1, c.name_sort FROM ({hits}) h"
            f" CROSS JOIN child c ON c.search_rowid = h.rowid WHERE {filters}"
            f" AND c.search_rowid NOT IN ({exact}){page} ORDER BY c.name_sort, c.id LIMIT ?",
            [*hit_params, *params, *exact_params, *(after[1:] if resume else ()),
             limit + 1 - len(found)],
        ).fetchall()
    # Counted only when the first page holds every hit (a broad search shows "more").
    total = len(found) if after is None and len(found) <= limit else None
    if not found:
        return [], total
    marks = ",".join("?" * len(found))
    full = {
        row[0]: row
        for row in cursor.execute(
            f"SELECT {_ROW_COLUMNS} FROM child c LEFT JOIN site s ON s.id = c.site_id"
            f" WHERE c.id IN ({marks})",
            [f[0] for f in found],
        )
    }
    return [(*full[cid], rnk, sk) for cid, rnk, sk in found], total


def search_children(
    engine: Engine,
    query: str = "",
    *,
    site_ids: Sequence[str] | None = None,
    category: str | None = None,
    stage: str | None = None,
    grade: int | None = None,
    status: str | None = "active",
    limit: int = 50,
    after: str | None = None,
) -> SearchPage:
    """One page of children, best match first (exact token, then prefix), then by pinyin.

    An empty query lists every child (filters applied) by pinyin then id. ``total_estimate``
    is given on the first page when counting is cheap (None for very broad searches).
    """
    where, params = _filters(site_ids, category, stage, grade, status)
    match = parse_query(query)
    if match.impossible:
        return SearchPage([], None, 0)
    position = _decode_cursor(after) if after else None
    with engine.connect() as conn:
        cursor = _cursor(conn)
        if match.search or match.digits:
            found, total = _search_page(cursor, match, where, params, limit, position)
        else:
            page = " AND (c.name_sort, c.id) > (?, ?)" if position else ""
            found = cursor.execute(
                f"SELECT {_ROW_COLUMNS}, 0, c.name_sort FROM child c"
                f" LEFT JOIN site s ON s.id = c.site_id WHERE {' AND '.join(where)}{page}"
                " ORDER BY c.name_sort, c.id LIMIT ?",
                [*params, *(position[1:] if position else ()), limit + 1],
            ).fetchall()
            total = None
            if position is None:
                total = cursor.execute(
                    f"SELECT count(*) FROM child c WHERE {' AND '.join(where)}", params
                ).fetchone()[0]
        more = len(found) > limit
        found = found[:limit]
        rows = _child_rows(cursor, found)
    next_after = _encode_cursor(found[-1][-2], found[-1][-1], found[-1][0]) if more else None
    return SearchPage(rows, next_after, total)


def _child_rows(cursor: sqlite3.Cursor, found: Sequence[tuple]) -> list[ChildRow]:
    ids = [r[0] for r in found]
    consents: dict[str, list[dict[str, Any]]] = {cid: [] for cid in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for child_id, giver_role, given_on, scopes, withdrawn_on in cursor.execute(
            "SELECT child_id, giver_role, given_on, scopes, withdrawn_on FROM consent"
            f" WHERE deleted = 0 AND child_id IN ({marks})",
            ids,
        ):
            consents[child_id].append(
                {
                    "giver_role": giver_role,
                    "given_on": given_on,
                    "scopes": scopes,
                    "withdrawn_on": withdrawn_on,
                }
            )
    out = []
    for r in found:
        dob = _date_or_none(r[5])
        state = consent_state(consents[r[0]], child_dob=dob, child_dob_precision=r[6])
        out.append(
            ChildRow(
                id=r[0],
                surname=r[1],
                given_name=r[2],
                pinyin=r[3],
                gender=r[4],
                dob=r[5],
                dob_precision=r[6],
                site_id=r[7],
                site_name=r[8],
                stage=r[9],
                grade=r[10],
                class_name=r[11],
                status=r[12],
                categories=json.loads(r[13] or "[]"),
                consent_pending=not state.registration_ok,
                updated_at=r[14],
            )
        )
    return out


def _date_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def count_children(engine: Engine, query: str = "", **filters: Any) -> int:
    where, params = _filters(**_filter_args(filters))
    built = _ranked_sql(parse_query(query), where, params, "c.id")
    if built is None:
        return 0
    inner, inner_params = built
    with engine.connect() as conn:
        return _cursor(conn).execute(f"SELECT count(*) FROM ({inner})", inner_params).fetchone()[0]


def child_ids_for_list(
    engine: Engine, query: str = "", *, limit: int | None = None, **filters: Any
) -> list[str]:
    """Every matching id in display order (for a table model that builds rows on demand)."""
    where, params = _filters(**_filter_args(filters))
    built = _ranked_sql(parse_query(query), where, params, "c.id AS id")
    if built is None:
        return []
    inner, inner_params = built
    sql = f"SELECT id FROM ({inner}) ORDER BY rnk, sk, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with engine.connect() as conn:
        return [r[0] for r in _cursor(conn).execute(sql, inner_params)]


def _filter_args(filters: dict[str, Any]) -> dict[str, Any]:
    allowed = {"site_ids", "category", "stage", "grade", "status"}
    unknown = set(filters) - allowed
    if unknown:
        raise TypeError(f"unknown filters: {sorted(unknown)}")
    return {
        "site_ids": filters.get("site_ids"),
        "category": filters.get("category"),
        "stage": filters.get("stage"),
        "grade": filters.get("grade"),
        "status": filters.get("status", "active"),
    }


def rows_by_ids(engine: Engine, ids: Sequence[str]) -> list[ChildRow]:
    """Rows for *ids*, in the order given (missing ids are left out)."""
    if not ids:
        return []
    found: dict[str, tuple] = {}
    with engine.connect() as conn:
        cursor = _cursor(conn)
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in cursor.execute(
                f"SELECT {_ROW_COLUMNS} FROM child c LEFT JOIN site s ON s.id = c.site_id"
                f" WHERE c.id IN ({marks})",
                chunk,
            ):
                found[row[0]] = row
        return _child_rows(cursor, [found[i] for i in ids if i in found])


# ---------------------------------------------------------------- records


def get_child(engine: Engine, child_id: str) -> dict[str, Any] | None:
    """All fields of a child plus ``guardians``, ``consents`` and ``enrollments`` lists."""
    with engine.connect() as conn:
        cursor = _cursor(conn)
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
            for r in _cursor(conn).execute(
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
        return [ProgramRow(*r) for r in _cursor(conn).execute(sql + " ORDER BY name, id", params)]


def divisions(engine: Engine, parent_code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of the provinces, or of the divisions directly under *parent_code*."""
    with engine.connect() as conn:
        cursor = _cursor(conn)
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
        row = _cursor(conn).execute("SELECT name FROM division WHERE code = ?", (code,)).fetchone()
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
    """Candidates for duplicate scoring: same pinyin key, same name, same ID, or a shared
    guardian phone. Indexed lookups only, so it is cheap to call while a form is typed."""
    keys = name_keys(surname or "", given_name or "")
    ids: dict[str, None] = {}
    with engine.connect() as conn:
        cursor = _cursor(conn)
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
        for row in cursor.execute(
            "SELECT id, surname, given_name, pinyin, gender, dob, dob_precision, id_number,"
            f" site_id, status FROM child WHERE id IN ({marks})",
            wanted,
        ):
            names, phone_numbers = guardians[row[0]]
            out.append(DuplicateFacts(*row, guardian_names=names, guardian_phones=phone_numbers))
        return out


# ---------------------------------------------------------------- counts


def pending_changes(engine: Engine) -> int:
    with engine.connect() as conn:
        return _cursor(conn).execute("SELECT count(*) FROM outbox WHERE acked = 0").fetchone()[0]


def quarantined(engine: Engine) -> int:
    with engine.connect() as conn:
        return (
            _cursor(conn)
            .execute("SELECT count(*) FROM quarantine WHERE resolved = 0")
            .fetchone()[0]
        )


def stats(engine: Engine) -> dict[str, Any]:
    """Counts for ``ss-desktop stats --json`` and the status bar."""
    with engine.connect() as conn:
        cursor = _cursor(conn)
        active, archived = cursor.execute(
            "SELECT coalesce(sum(status = 'active'), 0), coalesce(sum(status <> 'active'), 0)"
            " FROM child WHERE deleted = 0"
        ).fetchone()
        pending = cursor.execute("SELECT count(*) FROM outbox WHERE acked = 0").fetchone()[0]
        held = cursor.execute("SELECT count(*) FROM quarantine WHERE resolved = 0").fetchone()[0]
        last_sync = cursor.execute("SELECT last_sync_at FROM sync_state WHERE id = 1").fetchone()
    return {
        "children_active": active,
        "children_archived": archived,
        "pending_changes": pending,
        "quarantined": held,
        "last_sync": last_sync[0] if last_sync else None,
    }
