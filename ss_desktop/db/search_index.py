"""The child search index (FTS5 table ``child_search``), kept current by the write path.

Two FTS5 tables, one row per child in each (same rowid), so a query searches only where it can
match: ``child_search`` (prefix indexes 1-4 characters) holds

- ``names``: the whole name as one CJK token (unicode61 keeps a run of Han characters as one
  token, so the prefix query ``单雄*`` finds 单雄信) and the given name alone;
- ``keys``: every pinyin reading and initials from :func:`ss_core.domain.pinyin.name_keys`
  (lv/lu variants included), plus per-syllable initials of compound surnames (欧阳娜娜 ->
  ``oynn``, so "oyn" finds her);
- and ``child_digits.digits`` (no prefix index): every suffix of length >= 4 of the ID number and of each guardian's phone, so
  any fragment of 4+ digits (e.g. the last 6 of the ID) is a *prefix* of some token.

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

from ss_core.domain.pinyin import name_keys

MIN_DIGIT_FRAGMENT = 4

CREATE_SQL = (
    "CREATE VIRTUAL TABLE child_search USING fts5("
    "child_id UNINDEXED, names, keys, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4')",
    # Digit fragments have >= 4 characters, so a prefix query scans a narrow term range and
    # needs no prefix index; without one, indexing a child costs ~2.5x less.
    "CREATE VIRTUAL TABLE child_digits USING fts5("
    "child_id UNINDEXED, digits, tokenize = 'unicode61 remove_diacritics 0')",
)


def search_rowid(child_id: str) -> int:
    digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


@lru_cache(maxsize=65536)
def name_tokens(surname: str, given: str, pinyin: str | None) -> tuple[str, str, str]:
    """(names, keys, sort key) for one name; cached because names repeat a lot."""
    keys = name_keys(surname, given, pinyin_override=pinyin or None)
    tokens = list(keys.tokens())
    if len(surname) > 1 and given:
        # per-syllable initials of a compound surname: 欧阳娜娜 -> "oynn"
        split = name_keys(surname[0], surname[1:] + given)
        tokens.extend(t for t in split.initials if t not in tokens)
    names = " ".join(part for part in (surname + given, given) if part)
    sort_key = keys.full[0] if keys.full else (surname + given).lower()
    return names, " ".join(tokens), sort_key


def sort_key_for(surname: str | None, given: str | None, pinyin: str | None) -> str:
    return name_tokens(surname or "", given or "", pinyin)[2]


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
) -> tuple[int, str, str, str, str]:
    """(rowid, child_id, names, keys, digits) for one child."""
    names, keys, _ = name_tokens(surname or "", given or "", pinyin)
    digits: list[str] = digit_suffixes(id_number)
    for phone in phones:
        digits.extend(digit_suffixes(phone))
    return (search_rowid(child_id), child_id, names, keys, " ".join(dict.fromkeys(digits)))


def reindex_children(cursor: sqlite3.Cursor, child_ids: Sequence[str]) -> None:
    """Rebuild the index rows of *child_ids* from the child and guardian tables."""
    if not child_ids:
        return
    ids = list(dict.fromkeys(child_ids))
    delete_search_rows(cursor, ids)
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
    insert_search_rows(cursor, rows)


def insert_search_rows(cursor: sqlite3.Cursor, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows made by :func:`search_row` (for children not indexed yet).

    In rowid order: the rowids are hashes, so a batch in save order writes all over the FTS
    tables' b-trees; sorted, consecutive rows land on the same pages (a 5,000-child batch
    indexes about 1.6x faster)."""
    rows = sorted(rows, key=itemgetter(0))
    cursor.executemany(
        "INSERT INTO child_search (rowid, child_id, names, keys) VALUES (?, ?, ?, ?)",
        [row[:4] for row in rows],
    )
    cursor.executemany(
        "INSERT INTO child_digits (rowid, child_id, digits) VALUES (?, ?, ?)",
        [(row[0], row[1], row[4]) for row in rows],
    )


def delete_search_rows(cursor: sqlite3.Cursor, child_ids: Iterable[str]) -> None:
    params = [(search_rowid(i),) for i in child_ids]
    cursor.executemany("DELETE FROM child_search WHERE rowid = ?", params)
    cursor.executemany("DELETE FROM child_digits WHERE rowid = ?", params)


def rebuild_all(cursor: sqlite3.Cursor) -> int:
    """Index every child (used by the migration that adds the index)."""
    ids = [row[0] for row in cursor.execute("SELECT id FROM child").fetchall()]
    cursor.execute("DELETE FROM child_search")
    cursor.execute("DELETE FROM child_digits")
    reindex_children(cursor, ids)
    return len(ids)
