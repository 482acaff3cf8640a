"""Children search at head office, with the laptop's semantics, and the ``child_index`` table.

``child_index`` holds one narrow row per child, derived from its ``record``: the search keys
(Chinese characters, every full-pinyin reading, initials, ID number) and the few columns the
dashboard counts by (site, gender, birth year, stage, local hukou, the six categories). It is
refreshed by :func:`refresh_child_index` whenever head office writes a child (push, staff
edits, merges, erasure), in the same transaction as the write.

A query is read like the laptop's (:func:`ss_core.domain.name_search.parse_search_query`:
words in characters or pinyin, and numbers typed with spaces, dashes or ``+86``); each word
matches when it is the start of any key, or, for Chinese characters, any part of the name;
a number matches any part of the ID number. Children are ranked as on the laptop
(:data:`ss_core.domain.name_search.TIERS`): the common reading of the whole name, then
initials and mixes (``keys_short``), then the given name, then rare readings, each by pinyin.
Values are always bound parameters; LIKE wildcards in the query are escaped, so a query such
as ``' OR 1=1 --`` or ``%_`` is just text that matches nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy import and_, func, or_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Session, col, select

from ss_core.domain.categories import is_local_hukou
from ss_core.domain.dates import coerce_date
from ss_core.domain.enums import Category
from ss_core.domain.name_search import (
    GIVEN,
    NAME,
    SHORT,
    TIERS,
    SearchQuery,
    is_characters,
    parse_search_query,
    ranked_keys,
)
from ss_core.domain.pinyin import display_pinyin, name_keys
from ss_core.protocol.hlc import HLC, HLCFormatError
from ss_core.protocol.wire import Entity
from ss_hq.core.models import ChildIndex, Record

MAX_QUERY_LEN = 100
MAX_PAGE = 500
IN_CHUNK = 2000  # ids per IN (...) list
CATEGORY_COLUMNS: dict[str, str] = {c.value: f"cat_{c.value}" for c in Category}


# The list's orders: name (best match first), registration date, date of birth.
SORTS = ("name", "-registered", "registered", "dob", "-dob")
MIN_PHONE_FRAGMENT = 4  # as on the laptop: any 4+ digits of a guardian's phone


@dataclass(frozen=True)
class ChildFilters:
    query: str = ""
    site_id: str | None = None
    category: str | None = None
    stage: str | None = None
    gender: int | None = None
    include_inactive: bool = False
    sort: str = "name"
    changed_since: int | None = None  # ms: children registered or changed since then


@dataclass(frozen=True)
class ChildRow:
    id: str
    surname: str
    given_name: str
    pinyin: str
    gender: int | None
    dob: str
    site_id: str | None
    stage: str | None
    grade: int | None
    categories: tuple[str, ...]
    hukou_local: bool | None
    deleted: bool
    erased: bool
    merged_into: str | None
    registered_at: int = 0


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _categories(value: Any) -> set[str]:
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError:
            return set()
    if not isinstance(value, list):
        return set()
    return {v for v in value if isinstance(v, str) and v in CATEGORY_COLUMNS}


def _birth(fields: dict[str, Any]) -> date | None:
    raw = fields.get("dob")
    if not raw:
        return None
    try:
        return coerce_date(raw)
    except (TypeError, ValueError):
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _spaced(keys: Iterable[str]) -> str:
    """Keys as one text column: " key key " (so " key" finds the start of any key)."""
    return " " + " ".join(k for k in dict.fromkeys(keys) if k) + " "


def index_values(record: Record) -> dict[str, Any]:
    """The ``child_index`` columns for one child record."""
    f = record.fields or {}
    surname, given = _text(f.get("surname")), _text(f.get("given_name"))
    born = _birth(f)
    keys: list[str] = []
    groups: dict[str, tuple[str, ...]] = {NAME: (), SHORT: (), GIVEN: ()}
    name_key = ""
    display = ""
    if surname or given:
        override = _text(f.get("pinyin")) or None
        try:
            nk = name_keys(surname, given, pinyin_override=override)
            ranked = ranked_keys(surname, given, pinyin_override=override)
            keys = list(ranked.all())
            groups = {group: ranked.group(group) for group in groups}
            name_key = nk.full[0] if nk.full else ""
            display = _text(f.get("pinyin")) or display_pinyin(surname, given)
        except (ValueError, TypeError):
            keys = []
    id_number = _text(f.get("id_number")).upper()
    if id_number:
        keys.append(id_number.lower())
    cats = _categories(f.get("categories"))
    values: dict[str, Any] = {
        "site_id": record.site_id,
        "active": not record.deleted,
        "gender": _int(f.get("gender")),
        "birth_year": born.year if born else None,
        "dob": born.isoformat() if born else None,
        "stage": _text(f.get("stage"))[:16] or None,
        "grade": _int(f.get("grade")),
        "hukou_local": is_local_hukou(f.get("hukou_division"), f.get("residence_division"))
        if isinstance(f.get("hukou_division"), str) and isinstance(f.get("residence_division"), str)
        else None,
        "name_key": name_key[:120],
        "name_sort": (display or name_key)[:200].lower(),
        "search_keys": _spaced(keys),
        "keys_name": _spaced(groups[NAME]),
        "keys_short": _spaced(groups[SHORT]),
        "keys_given": _spaced(groups[GIVEN]),
        "updated_at": record.updated_at,
        "erased": record.erased,
        "registered_at": registered_at(record),
    }
    for value, column in CATEGORY_COLUMNS.items():
        values[column] = value in cats
    if record.erased:
        # Aggregates stay; nothing that names the child does.
        values.update(
            name_key="",
            name_sort="",
            search_keys=" ",
            keys_name=" ",
            keys_short=" ",
            keys_given=" ",
            dob=None,
        )
    return values


def registered_at(record: Any) -> int:
    """When the child was registered: the laptop's stamp of the record's creation (its
    version-1 fields), never later than head office first stored it."""
    earliest = record.created_at
    for meta in (record.field_meta or {}).values():
        if isinstance(meta, list) and len(meta) > 1 and meta[1] == 1:
            try:
                wall = HLC.parse(str(meta[0])).wall_ms
            except HLCFormatError:
                continue
            if 0 < wall < earliest:
                earliest = wall
    return int(earliest or 0)


def refresh_child_index(session: Session, record_id: str) -> None:
    """Bring the index row of one child up to date with its record (same transaction)."""
    record = session.get(Record, record_id)
    row = session.get(ChildIndex, record_id)
    if record is None or record.entity != Entity.CHILD.value:
        if row is not None:
            session.delete(row)
        return
    values = index_values(record)
    if row is None:
        row = ChildIndex(record_id=record_id, **values)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.add(row)
    session.flush()


def id_in(session: Session, column: Any, values: Sequence[str]) -> Any:
    """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``, one parameter however
    long the list (thousands of IN parameters cost more to send than to look up)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == sa.any_(sa.bindparam(None, list(values), type_=ARRAY(sa.String)))
    return col(column).in_(list(values))


def refresh_child_indexes(
    session: Session,
    records: Sequence[Any],
    *,
    insert_rows: Callable[[Any, sa.Table, list[dict[str, Any]]], None] | None = None,
) -> dict[str, Any]:
    """:func:`refresh_child_index` for many children at once (one query, one flush); returns
    their index rows by record id. With *insert_rows(connection, table, rows)*, new rows are
    inserted with it (and returned as plain objects with the same attributes)."""
    rows: dict[str, Any] = {}
    ids = [r.id for r in records]
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        for found in session.exec(
            select(ChildIndex).where(id_in(session, ChildIndex.record_id, chunk))
        ):
            rows[found.record_id] = found
    new: list[dict[str, Any]] = []
    for record in records:
        values = index_values(record)
        row = rows.get(record.id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
        elif insert_rows is not None:
            new.append({"record_id": record.id, **values})
            rows[record.id] = SimpleNamespace(**new[-1])
        else:
            row = rows[record.id] = ChildIndex(record_id=record.id, **values)
            session.add(row)
    session.flush()
    if new and insert_rows is not None:
        insert_rows(session.connection(), ChildIndex.__table__, new)  # type: ignore[attr-defined]
    return rows


def rebuild_child_index(session: Session) -> int:
    """Recompute every row (after a restore or an upgrade); returns the number of children."""
    ids = session.exec(select(Record.id).where(Record.entity == Entity.CHILD.value)).all()
    for record_id in ids:
        refresh_child_index(session, record_id)
    return len(ids)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_GROUP_COLUMNS = {NAME: "keys_name", SHORT: "keys_short", GIVEN: "keys_given"}


def _parsed(query: str) -> SearchQuery:
    return parse_search_query((query or "")[: MAX_QUERY_LEN * 2])


def _like(column: str, pattern: str) -> Any:
    return col(getattr(ChildIndex, column)).like(pattern, escape="\\")


def _query_condition(parsed: SearchQuery) -> Any:
    """Every word at the start of a key (characters: anywhere in the name), every number
    anywhere in the ID number; None for an empty query."""
    if parsed.impossible:
        return sa.false()
    if parsed.empty:
        return None
    conditions = []
    for word in parsed.words:
        escaped = _escape_like(word[:MAX_QUERY_LEN])
        # The start of any key ("zs" -> " zs..."): keys are space-separated, with a leading space.
        anywhere = is_characters(word)
        conditions.append(_like("search_keys", f"%{'' if anywhere else ' '}{escaped}%"))
    for number in parsed.numbers:
        conditions.append(_like("search_keys", f"%{_escape_like(number[:MAX_QUERY_LEN])}%"))
    return and_(*conditions)


def _rank(parsed: SearchQuery) -> Any:
    """The laptop's rank of a child for the query's words (0 best); the last rank for every
    other match (rare readings, characters inside a name, numbers)."""
    if not parsed.words:
        return sa.literal(0)
    cases = []
    for rank in range(len(TIERS)):
        column, _whole = TIERS[rank]
        if column not in _GROUP_COLUMNS:
            break
        per_word = []
        for word in parsed.words:
            escaped = _escape_like(word[:MAX_QUERY_LEN])
            per_word.append(
                or_(
                    *(
                        _like(_GROUP_COLUMNS[c], f"% {escaped}{' ' if whole else ''}%")
                        for c, whole in TIERS[: rank + 1]
                    )
                )
            )
        cases.append((and_(*per_word), rank))
    return sa.case(*cases, else_=len(cases))


def _phone_condition(parsed: SearchQuery) -> Any:
    """Children with a guardian whose phone holds the query's number (4 or more digits),
    typed as the laptop's search takes it: ``139-1234-5678``, ``+86 139 1234 5678``,
    full-width digits (:func:`ss_core.domain.name_search.parse_search_query`)."""
    if parsed.words or len(parsed.numbers) != 1:
        return None
    digits = parsed.numbers[0]
    if len(digits) < MIN_PHONE_FRAGMENT or not digits.isdigit():
        return None
    phone = col(Record.fields)["phone"].as_string()
    guardians = (
        select(Record.child_id)
        .where(Record.entity == Entity.GUARDIAN.value)
        .where(col(Record.deleted).is_(False))
        .where(phone.like(f"%{_escape_like(digits)}%", escape="\\"))
    )
    return col(ChildIndex.record_id).in_(guardians)


def filter_conditions(filters: ChildFilters) -> list[Any]:
    conditions: list[Any] = []
    if not filters.include_inactive:
        conditions.append(col(ChildIndex.active).is_(True))
        conditions.append(col(ChildIndex.erased).is_(False))
    parsed = _parsed(filters.query or "")
    query_condition = _query_condition(parsed)
    phone_condition = _phone_condition(parsed)
    if query_condition is not None and phone_condition is not None:
        conditions.append(or_(query_condition, phone_condition))
    elif query_condition is not None:
        conditions.append(query_condition)
    if filters.changed_since is not None:
        conditions.append(col(ChildIndex.updated_at) >= filters.changed_since)
    if filters.site_id:
        conditions.append(col(ChildIndex.site_id) == filters.site_id)
    if filters.category in CATEGORY_COLUMNS:
        conditions.append(getattr(ChildIndex, CATEGORY_COLUMNS[filters.category]).is_(True))
    if filters.stage:
        conditions.append(col(ChildIndex.stage) == filters.stage)
    if filters.gender is not None:
        conditions.append(col(ChildIndex.gender) == filters.gender)
    return conditions


def _row(record: Record, index: ChildIndex | None) -> ChildRow:
    f = record.fields or {}
    cats = _categories(f.get("categories"))
    return ChildRow(
        id=record.id,
        surname=_text(f.get("surname")),
        given_name=_text(f.get("given_name")),
        pinyin=_text(f.get("pinyin"))
        or (display_pinyin(_text(f.get("surname")), _text(f.get("given_name"))) if f else ""),
        gender=_int(f.get("gender")),
        dob=_text(f.get("dob")),
        site_id=record.site_id,
        stage=_text(f.get("stage")) or None,
        grade=_int(f.get("grade")),
        categories=tuple(c.value for c in Category if c.value in cats),
        hukou_local=index.hukou_local if index else None,
        deleted=record.deleted,
        erased=record.erased,
        merged_into=record.merged_into,
        registered_at=index.registered_at if index else record.created_at,
    )


def _order(filters: ChildFilters) -> list[Any]:
    """The list's order: best match first (the laptop's ranks, then by pinyin), or the sort the
    staff member chose; the record id last, so the order is total."""
    orders: dict[str, list[Any]] = {
        "name": [col(ChildIndex.name_sort)],
        "-registered": [col(ChildIndex.registered_at).desc()],
        "registered": [col(ChildIndex.registered_at)],
        "dob": [col(ChildIndex.dob).is_(None), col(ChildIndex.dob)],
        "-dob": [col(ChildIndex.dob).is_(None), col(ChildIndex.dob).desc()],
    }
    order = list(orders.get(filters.sort, orders["name"]))
    if filters.query and filters.sort in ("name", ""):
        order.insert(0, _rank(_parsed(filters.query)))  # the laptop's ranks, best first
    return [*order, col(ChildIndex.record_id)]


def _where(filters: ChildFilters) -> Any:
    conditions = filter_conditions(filters)
    return and_(*conditions) if conditions else sa.true()


def search_children(
    session: Session, filters: ChildFilters, *, limit: int = 50, offset: int = 0
) -> tuple[list[ChildRow], int]:
    """Matching children in the list's order (one page of them: best first, by the laptop's
    ranks, unless the staff member chose a sort), and the total count."""
    limit = max(1, min(limit, MAX_PAGE))
    where = _where(filters)
    total = int(session.exec(select(func.count()).select_from(ChildIndex).where(where)).one())
    pairs = session.exec(
        select(ChildIndex, Record)
        .join(Record, col(Record.id) == col(ChildIndex.record_id))
        .where(where)
        .order_by(*_order(filters))
        .offset(max(0, offset))
        .limit(limit)
    ).all()
    return [_row(record, index) for index, record in pairs], total


def iter_children(
    session: Session, filters: ChildFilters, *, chunk: int = MAX_PAGE
) -> Iterable[ChildRow]:
    """Every matching child, in the list's order (for exports): the ids in one sorted query,
    then the rows *chunk* at a time (paging with OFFSET would sort everything once per page)."""
    ids = list(
        session.exec(
            select(ChildIndex.record_id).where(_where(filters)).order_by(*_order(filters))
        ).all()
    )
    for start in range(0, len(ids), chunk):
        wanted = ids[start : start + chunk]
        pairs = {
            index.record_id: (index, record)
            for index, record in session.exec(
                select(ChildIndex, Record)
                .join(Record, col(Record.id) == col(ChildIndex.record_id))
                .where(id_in(session, ChildIndex.record_id, wanted))
            ).all()
        }
        for record_id in wanted:
            if record_id in pairs:
                index, record = pairs[record_id]
                yield _row(record, index)


def child_row(session: Session, record_id: str) -> ChildRow | None:
    record = session.get(Record, record_id)
    if record is None or record.entity != Entity.CHILD.value:
        return None
    return _row(record, session.get(ChildIndex, record_id))


def site_names(session: Session, site_ids: Sequence[str | None] | None = None) -> dict[str, str]:
    """{site id: "CODE name"} for display."""
    statement = select(Record).where(Record.entity == Entity.SITE.value)
    if site_ids is not None:
        wanted = [s for s in site_ids if s]
        if not wanted:
            return {}
        statement = statement.where(col(Record.id).in_(wanted))
    out: dict[str, str] = {}
    for record in session.exec(statement).all():
        f = record.fields or {}
        code, name = _text(f.get("code")), _text(f.get("name"))
        out[record.id] = f"{code} {name}".strip() or record.id
    return out
