"""The children list's reads: one search box over the FTS5 index kept by the write path
(:mod:`ss_desktop.db.search_index`), filters, keyset pages, and the rows the list shows.

Pages are keyset-paginated: ``after`` is an opaque cursor from the previous page, so a page
costs the same at row 50 and at row 50,000 and no child is skipped or shown twice while paging.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine

from ss_core.domain.consent import consent_state
from ss_core.domain.name_search import CJK_GROUPS, TIERS, is_characters, parse_search_query
from ss_desktop.db.engine import raw_cursor
from ss_desktop.db.search_index import bucket_start, same_bucket

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


@dataclass(frozen=True)
class RankQuery:
    """One rank's FTS5 query: *match* on *table*; with *digits*, a hit must also match that
    expression in ``child_digits`` (a query of words and numbers)."""

    table: str
    match: str
    digits: str | None = None

    def rowids(self) -> tuple[str, tuple[str, ...]]:
        """SELECT of the rowids of the hits, and its parameters."""
        sql = f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH ?"
        if self.digits is None:
            return sql, (self.match,)
        return (
            f"{sql} INTERSECT SELECT rowid FROM child_digits WHERE child_digits MATCH ?",
            (self.match, self.digits),
        )


@dataclass(frozen=True)
class SearchPlan:
    """A query as FTS5 queries: per rank, best first, the children matching at that rank *or
    a better one* (so rank n's children are those of ``ranks[n]`` not in ``ranks[n-1]``).
    No ranks: the query lists every child (``impossible``: none)."""

    ranks: tuple[RankQuery, ...] = ()
    impossible: bool = False

    @property
    def searching(self) -> bool:
        return bool(self.ranks)


def _word_match(word: str, tiers: Sequence[tuple[str, bool]]) -> str:
    """FTS5 expression: *word* in any of the columns of *tiers* (whole or as a prefix)."""
    prefix: dict[str, bool] = {}
    for column, whole in tiers:
        if is_characters(word) and column not in CJK_GROUPS:
            continue  # characters are only in the name and given-name columns
        prefix[column] = prefix.get(column, False) or not whole
    return (
        "("
        + " OR ".join(f"{c} : {_fts_term(word)}{' *' if p else ''}" for c, p in prefix.items())
        + ")"
    )


def plan_search(query: str) -> SearchPlan:
    """Chinese characters and pinyin -> the name columns by rank
    (:data:`ss_core.domain.name_search.TIERS`); numbers -> ID and phone fragments (a whole
    suffix of a number before a part of one)."""
    parsed = parse_search_query(query)
    if parsed.impossible:
        return SearchPlan(impossible=True)
    if parsed.empty:
        return SearchPlan()
    numbers = [f"digits : {_fts_term(n)}" for n in parsed.numbers]
    ranks: list[RankQuery] = []
    if not parsed.words:
        for whole in (True, False):
            terms = numbers if whole else [f"{n} *" for n in numbers]
            ranks.append(RankQuery("child_digits", " AND ".join(terms)))
        return SearchPlan(tuple(ranks))
    digits = " AND ".join(f"{n} *" for n in numbers) if numbers else None
    for rank, (column, _whole) in enumerate(TIERS):
        if parsed.all_characters() and column not in CJK_GROUPS:
            continue  # nothing new can match at this rank
        expression = " AND ".join(_word_match(w, TIERS[: rank + 1]) for w in parsed.words)
        ranks.append(RankQuery("child_search", expression, digits))
    return SearchPlan(tuple(ranks))


def filter_clause(
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


def ranked_sql(
    plan: SearchPlan, where: list[str], params: list[Any], columns: str, *, scan: bool = False
) -> tuple[str, list[Any]] | None:
    """SELECT <columns>, rank, sort key FROM the children matching, with filters applied.
    *scan*: without search terms, read the child table in its own order rather than through
    an index (for a query that reads most children anyway: about 2.5x faster)."""
    if plan.impossible:
        return None
    if plan.searching:
        better = [query.rowids() for query in plan.ranks[:-1]]
        cases = " ".join(
            f"WHEN c.search_rowid IN ({sql}) THEN {rank}" for rank, (sql, _p) in enumerate(better)
        )
        rank_sql = f"CASE {cases} ELSE {len(plan.ranks) - 1} END" if cases else "0"
        hits, hit_params = plan.ranks[-1].rowids()
        sql = (
            f"SELECT {columns}, {rank_sql} AS rnk, c.name_sort AS sk FROM ({hits}) h"
            " CROSS JOIN child c ON c.search_rowid = h.rowid"
            f" LEFT JOIN site s ON s.id = c.site_id WHERE {' AND '.join(where)}"
        )
        rank_params = [p for _sql, ps in better for p in ps]
        return sql, [*rank_params, *hit_params, *params]
    table = "child c NOT INDEXED" if scan else "child c"
    sql = (
        f"SELECT {columns}, 0 AS rnk, c.name_sort AS sk FROM {table}"
        f" LEFT JOIN site s ON s.id = c.site_id WHERE {' AND '.join(where)}"
    )
    return sql, list(params)


def _search_page(
    cursor: sqlite3.Cursor,
    plan: SearchPlan,
    where: list[str],
    params: list[Any],
    limit: int,
    after: tuple[int, str, str] | None,
) -> tuple[list[tuple[Any, ...]], int | None]:
    """Up to limit+1 rows (columns, rank, sort key), best rank first, then by pinyin.

    Ranks are read one after the other until the page is full: rank n's children are the
    FTS hits of ``plan.ranks[n]`` minus those of ``plan.ranks[n-1]``; each rank is read
    in list order (:func:`_read_rank`). Full rows are read for the one page shown.
    """
    filters = " AND ".join(where)
    found: list[tuple[str, int, str]] = []
    first = after[0] if after else 0
    for rank in range(first, len(plan.ranks)):
        if len(found) > limit:
            break
        leave_out = ""
        args: list[Any] = []
        if rank and after is None:
            # from the first page on, every child of the better ranks is in `found` (their
            # reads returned fewer rows than asked): leave those out, no need to search again
            if found:
                leave_out = f" AND c.id NOT IN ({','.join('?' * len(found))})"
                args = [f[0] for f in found]
        elif rank:
            better, better_params = plan.ranks[rank - 1].rowids()
            leave_out = f" AND c.search_rowid NOT IN ({better})"
            args = list(better_params)
        start = after[1:] if after is not None and rank == first else None
        found += _read_rank(
            cursor,
            plan.ranks[rank],
            rank,
            filters + leave_out,
            [*params, *args],
            limit + 1 - len(found),
            start,
        )
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


def _read_rank(
    cursor: sqlite3.Cursor,
    query: RankQuery,
    rank: int,
    filters: str,
    params: list[Any],
    count: int,
    start: tuple[str, str] | None,
) -> list[tuple[str, int, str]]:
    """The first *count* children of one rank by (sort key, id), after *start*.

    The index's rowids are in list order by bucket (:mod:`ss_desktop.db.search_index`) and
    FTS5 returns hits in rowid order, so the read stops once it holds *count* children and
    has finished the bucket of the last: nothing after that bucket can sort before it. A
    broad query (a third of all children) reads a few dozen hits instead of sorting all.
    """
    sql = (
        f"SELECT c.id, c.name_sort, h.rowid FROM {query.table} h"
        " CROSS JOIN child c ON c.search_rowid = h.rowid"
        f" WHERE {query.table} MATCH ? AND {filters}"
    )
    args: list[Any] = [query.match, *params]
    if query.digits is not None:
        sql += " AND h.rowid IN (SELECT rowid FROM child_digits WHERE child_digits MATCH ?)"
        args.append(query.digits)
    if start is not None:
        sql += " AND h.rowid >= ? AND (c.name_sort, c.id) > (?, ?)"
        args += [bucket_start(start[0]), *start]
    rows: list[tuple[str, int, str]] = []
    last: int | None = None
    for child_id, sort_key, rowid in cursor.execute(sql + " ORDER BY h.rowid", args):
        if last is not None and not same_bucket(rowid, last):
            break
        rows.append((child_id, rank, sort_key))
        if last is None and len(rows) >= count:
            last = rowid
    rows.sort(key=lambda row: (row[2] or "", row[0]))
    return rows[:count]


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
    """One page of children, best match first (:func:`plan_search`), then by pinyin.

    An empty query lists every child (filters applied) by pinyin then id. ``total_estimate``
    is given on the first page when counting is cheap (None for very broad searches).
    """
    where, params = filter_clause(site_ids, category, stage, grade, status)
    plan = plan_search(query)
    if plan.impossible:
        return SearchPage([], None, 0)
    position = _decode_cursor(after) if after else None
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        if plan.searching:
            found, total = _search_page(cursor, plan, where, params, limit, position)
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


def _child_rows(cursor: sqlite3.Cursor, found: Sequence[tuple[Any, ...]]) -> list[ChildRow]:
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
        dob = date_or_none(r[5])
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


def date_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def count_children(engine: Engine, query: str = "", **filters: Any) -> int:
    where, params = filter_clause(**filter_args(filters))
    built = ranked_sql(plan_search(query), where, params, "c.id")
    if built is None:
        return 0
    inner, inner_params = built
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        count: int = cursor.execute(f"SELECT count(*) FROM ({inner})", inner_params).fetchone()[0]
    return count


def child_ids_for_list(
    engine: Engine, query: str = "", *, limit: int | None = None, **filters: Any
) -> list[str]:
    """Every matching id in display order (for a table model that builds rows on demand)."""
    where, params = filter_clause(**filter_args(filters))
    built = ranked_sql(plan_search(query), where, params, "c.id AS id")
    if built is None:
        return []
    inner, inner_params = built
    sql = f"SELECT id FROM ({inner}) ORDER BY rnk, sk, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with engine.connect() as conn:
        return [r[0] for r in raw_cursor(conn).execute(sql, inner_params)]


def filter_args(filters: dict[str, Any]) -> dict[str, Any]:
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
    found: dict[str, tuple[Any, ...]] = {}
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
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
