"""The child search index (FTS5 tables ``child_search`` and ``child_digits``), kept current
by the write path.

Two FTS5 tables, one row per child in each (same rowid), so a query searches only where it can
match: ``child_search`` (prefix indexes 1-4 characters) holds the name's keys by group, one
column per group of :func:`ss_core.domain.name_search.ranked_keys` — ``name`` (the whole name
in characters, as one token: unicode61 keeps a run of Han characters together, so the prefix
query ``单雄*`` finds 单雄信; and its common full reading), ``short`` (initials, and initials
mixed with whole syllables), ``given`` (the given name alone) and ``rare`` (every other
reading). A search ranks children by the column a query word matches in
(:data:`ss_core.domain.name_search.TIERS`). ``child_digits.digits`` (no prefix index) holds
every suffix of length >= 4 of the ID number and of each guardian's phone, so any fragment
of 4+ digits (e.g. the last 6 of the ID) is a *prefix* of some token.

Why the write path and not triggers: the pinyin keys come from Python (pypinyin and our
surname table), which a trigger cannot call. The FTS rowid is a 63-bit hash of the child id
(stable across VACUUM, unlike the child table's implicit rowid), so a child's row is
replaced with two indexed statements.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ss_core.domain.name_search import KEY_GROUPS, ranked_keys
from ss_core.domain.pinyin import name_keys

MIN_DIGIT_FRAGMENT = 4

# The current definition (schema revision 0007; migrations keep their own frozen copies).
CREATE_SQL = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, name, short, given, rare, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4')",
    # Digit fragments have >= 4 characters, so a prefix query scans a narrow term range and
    # needs no prefix index; without one, indexing a child costs ~2.5x less.
    "CREATE VIRTUAL TABLE child_digits USING fts5("
    "child_id UNINDEXED, digits, tokenize = 'unicode61 remove_diacritics 0')",
)
SEARCH_COLUMNS: tuple[str, ...] = KEY_GROUPS  # the columns of child_search, in order


def search_rowid(child_id: str) -> int:
    digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


@lru_cache(maxsize=65536)
def name_tokens(surname: str, given: str, pinyin: str | None) -> tuple[tuple[str, ...], str]:
    """(text of each column of SEARCH_COLUMNS, sort key) for one name; cached because names
    repeat a lot."""
    keys = ranked_keys(surname, given, pinyin_override=pinyin or None)
    columns = tuple(" ".join(keys.group(group)) for group in SEARCH_COLUMNS)
    full = name_keys(surname, given, pinyin_override=pinyin or None).full
    sort_key = full[0] if full else (surname + given).lower()
    return columns, sort_key


def sort_key_for(surname: str | None, given: str | None, pinyin: str | None) -> str:
    return name_tokens(surname or "", given or "", pinyin)[1]


def digit_suffixes(value: str | None) -> list[str]:
    if not value:
        return []
    text = "".join(ch for ch in value.lower() if ch.isalnum())
    return [text[i:] for i in range(0, len(text) - MIN_DIGIT_FRAGMENT + 1)]


def search_row(
    child_id: str,
    surname: str | None,
    given: str | None,
    pinyin: str | None,
    id_number: str | None,
    phones: Iterable[str | None],
) -> tuple[Any, ...]:
    """(rowid, child_id, *SEARCH_COLUMNS, digits) for one child."""
    columns, _ = name_tokens(surname or "", given or "", pinyin)
    digits: list[str] = digit_suffixes(id_number)
    for phone in phones:
        digits.extend(digit_suffixes(phone))
    return (search_rowid(child_id), child_id, *columns, " ".join(dict.fromkeys(digits)))


def reindex_children(cursor: sqlite3.Cursor, child_ids: Sequence[str]) -> None:
    """Rebuild the index rows of *child_ids* from the child and guardian tables."""
    if not child_ids:
        return
    ids = list(dict.fromkeys(child_ids))
    delete_search_rows(cursor, ids)
    insert_search_rows(cursor, _rows_of(cursor, ids))


def _rows_of(cursor: sqlite3.Cursor, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """Index rows of the live children among *ids*, from the child and guardian tables."""
    rows: list[tuple[Any, ...]] = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        phones: dict[str, list[str]] = {}
        for child_id, phone in cursor.execute(
            f"SELECT child_id, phone FROM guardian WHERE child_id IN ({marks})"
            " AND deleted = 0 AND phone IS NOT NULL",
            chunk,
        ):
            phones.setdefault(child_id, []).append(phone)
        for cid, surname, given, pinyin, id_number in cursor.execute(
            f"SELECT id, surname, given_name, pinyin, id_number FROM child WHERE id IN ({marks})"
            " AND deleted = 0",
            chunk,
        ).fetchall():
            rows.append(search_row(cid, surname, given, pinyin, id_number, phones.get(cid, ())))
    return rows


_INSERT_SEARCH = (
    f"INSERT INTO child_search (rowid, child_id, {', '.join(SEARCH_COLUMNS)})"
    f" VALUES ({', '.join('?' * (2 + len(SEARCH_COLUMNS)))})"
)


def insert_search_rows(cursor: sqlite3.Cursor, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows made by :func:`search_row` (for children not indexed yet).

    In rowid order: the rowids are hashes, so a batch in save order writes all over the FTS
    tables' b-trees; sorted, consecutive rows land on the same pages (a 5,000-child batch
    indexes about 1.6x faster)."""
    rows = sorted(rows, key=itemgetter(0))
    width = 2 + len(SEARCH_COLUMNS)
    cursor.executemany(_INSERT_SEARCH, [row[:width] for row in rows])
    cursor.executemany(
        "INSERT INTO child_digits (rowid, child_id, digits) VALUES (?, ?, ?)",
        [(row[0], row[1], row[width]) for row in rows],
    )


def delete_search_rows(cursor: sqlite3.Cursor, child_ids: Iterable[str]) -> None:
    params = [(search_rowid(i),) for i in child_ids]
    cursor.executemany("DELETE FROM child_search WHERE rowid = ?", params)
    cursor.executemany("DELETE FROM child_digits WHERE rowid = ?", params)


def rebuild_all(cursor: sqlite3.Cursor, *, batch: int = 5000) -> int:
    """Index every child again (used by the migrations that change the index)."""
    ids = [row[0] for row in cursor.execute("SELECT id FROM child").fetchall()]
    cursor.execute("DELETE FROM child_search")
    cursor.execute("DELETE FROM child_digits")
    for start in range(0, len(ids), batch):
        insert_search_rows(cursor, _rows_of(cursor, ids[start : start + batch]))
    return len(ids)
