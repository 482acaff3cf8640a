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
surname table), which a trigger cannot call.

**Rowids in list order** (schema revision 0010). A child's FTS rowid, kept in
``child.search_rowid``, starts with the first letters of the child's sort key (the name's
pinyin, :func:`sort_code`) and ends with a hash of the child id. FTS5 returns the matches
of a query in rowid order and stops when asked, so a search that matches a third of all
children reads its first page in list order from the first few dozen matches instead of
sorting every match (:mod:`ss_desktop.db.child_search`). Rows with the same first letters
(the same *bucket*) are in hash order and are sorted by the reader. Two children whose
rowids would collide get the next free rowid of their bucket (:func:`insert_search_rows`),
so the rowid is not a pure function of the child: it is read from ``child.search_rowid``
whenever a row is replaced or removed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ss_core.domain.name_search import KEY_GROUPS, ranked_keys
from ss_core.domain.pinyin import name_keys

MIN_DIGIT_FRAGMENT = 4

# The current definition (schema revision 0010; migrations keep their own frozen copies).
# Prefix indexes up to 6 letters: without one, a prefix query merges the lists of every
# token it matches ("zhang*": thousands of full names, 2 ms; with one, 0.06 ms).
CREATE_SQL = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, name, short, given, rare, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6')",
    # Digit fragments have >= 4 characters, so a prefix query scans a narrow term range and
    # needs no prefix index; without one, indexing a child costs ~2.5x less.
    "CREATE VIRTUAL TABLE child_digits USING fts5("
    "child_id UNINDEXED, digits, tokenize = 'unicode61 remove_diacritics 0')",
)
SEARCH_COLUMNS: tuple[str, ...] = KEY_GROUPS  # the columns of child_search, in order


SORT_CODE_LETTERS = 9  # letters of the sort key in a rowid's bucket
_HASH_BITS = 19  # 28**9 buckets x 2**19 rowids each < 2**63
_HASH_MASK = (1 << _HASH_BITS) - 1


def sort_code(sort_key: str) -> int:
    """The first letters of *sort_key* as a number that never decreases as the key grows
    (in SQLite's BINARY order, which is code-point order): a-z are 1-26; any other
    character is 0 (below "a") or 27 (above "z") and ends the code, as the characters after
    it could otherwise reverse the order of two keys that differ there."""
    code = 0
    ended = False
    for position in range(SORT_CODE_LETTERS):
        digit = 0
        if not ended and position < len(sort_key):
            char = sort_key[position]
            if "a" <= char <= "z":
                digit = ord(char) - 96
            else:
                digit = 0 if char < "a" else 27
                ended = True
        code = code * 28 + digit
    return code


def bucket_start(sort_key: str) -> int:
    """The smallest rowid of the bucket of *sort_key*."""
    return sort_code(sort_key) << _HASH_BITS


def same_bucket(rowid: int, other: int) -> bool:
    return rowid >> _HASH_BITS == other >> _HASH_BITS


def search_rowid(sort_key: str, child_id: str) -> int:
    """The rowid a child would like: its bucket, then a hash of its id (see the module
    docstring; :func:`insert_search_rows` moves it on a collision)."""
    digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
    return bucket_start(sort_key) | (int.from_bytes(digest, "big") & _HASH_MASK)


def _next_in_bucket(rowid: int) -> int:
    return (rowid & ~_HASH_MASK) | ((rowid + 1) & _HASH_MASK)


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
    """(wanted rowid, child_id, *SEARCH_COLUMNS, digits) for one child."""
    columns, sort_key = name_tokens(surname or "", given or "", pinyin)
    digits: list[str] = digit_suffixes(id_number)
    for phone in phones:
        digits.extend(digit_suffixes(phone))
    return (
        search_rowid(sort_key, child_id),
        child_id,
        *columns,
        " ".join(dict.fromkeys(digits)),
    )


def reindex_children(cursor: sqlite3.Cursor, child_ids: Sequence[str]) -> None:
    """Rebuild the index rows of *child_ids* from the child and guardian tables."""
    if not child_ids:
        return
    ids = list(dict.fromkeys(child_ids))
    delete_search_rows(cursor, ids)
    rows, stored = _rows_of(cursor, ids)
    insert_search_rows(cursor, rows, stored=stored)


def _rows_of(
    cursor: sqlite3.Cursor, ids: Sequence[str]
) -> tuple[list[tuple[Any, ...]], dict[str, int | None]]:
    """Index rows of the live children among *ids*, from the child and guardian tables, and
    the rowid each child row holds now."""
    rows: list[tuple[Any, ...]] = []
    stored: dict[str, int | None] = {}
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
        for cid, surname, given, pinyin, id_number, rowid in cursor.execute(
            "SELECT id, surname, given_name, pinyin, id_number, search_rowid FROM child"
            f" WHERE id IN ({marks}) AND deleted = 0",
            chunk,
        ).fetchall():
            rows.append(search_row(cid, surname, given, pinyin, id_number, phones.get(cid, ())))
            stored[cid] = rowid
    return rows, stored


_INSERT_SEARCH = (
    f"INSERT INTO child_search (rowid, child_id, {', '.join(SEARCH_COLUMNS)})"
    f" VALUES ({', '.join('?' * (2 + len(SEARCH_COLUMNS)))})"
)


def insert_search_rows(
    cursor: sqlite3.Cursor,
    rows: Sequence[tuple[Any, ...]],
    *,
    stored: Mapping[str, int | None] | None = None,
) -> None:
    """Insert rows made by :func:`search_row` (for children not indexed now).

    A row whose wanted rowid is taken (by another child of its bucket, indexed already or
    placed earlier in this batch) gets the next free one; ``child.search_rowid`` is updated wherever the rowid
    differs from what the child row holds (*stored*; by default the wanted rowid, which the
    write path stores with a new child).

    In rowid order: consecutive rows land on the same pages of the FTS tables' b-trees (a
    5,000-child batch indexes about 1.6x faster than in save order)."""
    if not rows:
        return
    holders = _holders(cursor, [row[0] for row in rows])
    batch = {row[1] for row in rows}  # not indexed now: new, or their rows were removed
    used: set[int] = set()
    placed: list[tuple[Any, ...]] = []
    moved: list[tuple[int, str]] = []
    for row in rows:
        rowid, child_id = row[0], row[1]
        while rowid in used or holders.get(rowid, set()) - batch:
            rowid = _next_in_bucket(rowid)
            if rowid == row[0]:
                raise RuntimeError("a search-index bucket is full")
            if rowid not in holders:
                holders.update(_holders(cursor, [rowid]))
        used.add(rowid)
        held = row[0] if stored is None else stored.get(child_id)
        if rowid != held:
            moved.append((rowid, child_id))
        placed.append((rowid, *row[1:]))
    placed.sort(key=itemgetter(0))
    width = 2 + len(SEARCH_COLUMNS)
    cursor.executemany(_INSERT_SEARCH, [row[:width] for row in placed])
    cursor.executemany(
        "INSERT INTO child_digits (rowid, child_id, digits) VALUES (?, ?, ?)",
        [(row[0], row[1], row[width]) for row in placed],
    )
    if moved:
        cursor.executemany("UPDATE child SET search_rowid = ? WHERE id = ?", moved)


def _holders(cursor: sqlite3.Cursor, rowids: Sequence[int]) -> dict[int, set[str]]:
    """The live children holding each of *rowids* (an indexed child holds its index rows'
    rowid; read from the child table's covering index, much faster than FTS5 look-ups)."""
    found: dict[int, set[str]] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        for rowid, child_id in cursor.execute(
            "SELECT search_rowid, id FROM child WHERE deleted = 0"
            f" AND search_rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found.setdefault(rowid, set()).add(child_id)
    for rowid in rowids:
        found.setdefault(rowid, set())
    return found


def delete_search_rows(cursor: sqlite3.Cursor, child_ids: Iterable[str]) -> None:
    """Remove the index rows of *child_ids*: at the rowids their child rows hold, and only
    if they are theirs (a child not indexed yet may hold a rowid another child was given)."""
    ids = list(child_ids)
    params: list[tuple[int, str]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params.extend(
            cursor.execute(
                "SELECT search_rowid, id FROM child"
                f" WHERE id IN ({','.join('?' * len(chunk))}) AND search_rowid IS NOT NULL",
                chunk,
            )
        )
    cursor.executemany("DELETE FROM child_search WHERE rowid = ? AND child_id = ?", params)
    cursor.executemany("DELETE FROM child_digits WHERE rowid = ? AND child_id = ?", params)


def rebuild_all(cursor: sqlite3.Cursor, *, batch: int = 5000) -> int:
    """Index every child again (used by the migrations that change the index)."""
    ids = [row[0] for row in cursor.execute("SELECT id FROM child").fetchall()]
    cursor.execute("DELETE FROM child_search")
    cursor.execute("DELETE FROM child_digits")
    for start in range(0, len(ids), batch):
        rows, stored = _rows_of(cursor, ids[start : start + batch])
        insert_search_rows(cursor, rows, stored=stored)
    return len(ids)
