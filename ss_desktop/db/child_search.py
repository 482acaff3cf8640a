"""The children list's reads: one search box over the FTS5 index kept by the write path
(:mod:`ss_desktop.db.search_index`), filters, keyset pages, and the rows the list shows.

Pages are keyset-paginated: ``after`` is an opaque cursor from the previous page, so a page
costs the same at row 50 and at row 50,000 and no child is skipped or shown twice while paging.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.consent import consent_state
from ss_core.domain.pinyin import normalize_query
from ss_desktop.db.queries import _cursor

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
            [
                *hit_params,
                *params,
                *exact_params,
                *(after[1:] if resume else ()),
                limit + 1 - len(found),
            ],
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
