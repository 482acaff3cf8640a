"""Views of the children list beyond its search order: sorted by a column, "needs consent"
and "possible duplicates".

All are built on ChildrenService (so the user's site scope and the filters apply), run on a
worker thread, and return the same ``SearchPage`` the list shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ss_desktop.db.child_search import ChildRow, SearchPage
from ss_desktop.services.children import ChildrenService

SCAN_PAGE = 1000
_NOT_LETTERS = re.compile(r"[^a-z]")


def needs_consent_page(
    service: ChildrenService,
    query: str = "",
    *,
    after: str | None = None,
    limit: int = 200,
    **filters: Any,
) -> SearchPage:
    """Children whose registration still waits for guardian consent (saved, not synced).

    Scans the search order page by page until at least *limit* such children are found;
    the cursor continues the scan.
    """
    found: list[ChildRow] = []
    cursor = after
    while True:
        page = service.search(query, limit=max(limit, SCAN_PAGE), after=cursor, **filters)
        found.extend(r for r in page.rows if r.consent_pending)
        cursor = page.next_after
        if cursor is None or len(found) >= limit:
            return SearchPage(found, cursor, None)


def duplicate_key(row: ChildRow) -> tuple[str, str] | None:
    """Children who share this key look alike: same pinyin letters and same birth year."""
    letters = _NOT_LETTERS.sub("", (row.pinyin or "").lower())
    if not letters:
        return None
    year = (row.dob or "")[:4]
    return letters, year


def possible_duplicates(service: ChildrenService, query: str = "", **filters: Any) -> SearchPage:
    """Children who have a look-alike (same name sound and birth year) within the list.

    Groups stay together, largest groups first. The registration form's duplicate check
    scores candidates in detail; this view is the quick sweep for a coordinator.
    """
    groups: dict[tuple[str, str], list[ChildRow]] = defaultdict(list)
    cursor: str | None = None
    while True:
        page = service.search(query, limit=SCAN_PAGE, after=cursor, **filters)
        for row in page.rows:
            key = duplicate_key(row)
            if key is not None:
                groups[key].append(row)
        cursor = page.next_after
        if cursor is None:
            break
    pairs = [g for g in groups.values() if len(g) > 1]
    pairs.sort(key=lambda g: (-len(g), g[0].pinyin or "", g[0].id))
    rows = [row for group in pairs for row in group]
    return SearchPage(rows, None, len(rows))


class SortedPages:
    """The list's pages sorted by a column, for a lazy table model: the first page sorts
    every matching child in the database (:meth:`ChildrenService.sorted_ids`) and keeps the
    ids; each page then reads the rows of its ids. The cursor is the position in that order.
    Called again from the start (a refresh), it sorts again."""

    def __init__(
        self,
        service: ChildrenService,
        query: str,
        sort: str,
        descending: bool,
        filters: dict[str, Any],
    ) -> None:
        self._service = service
        self._query = query
        self._sort = sort
        self._descending = descending
        self._filters = filters
        self._ids: list[str] | None = None

    def __call__(self, after: str | None, limit: int) -> SearchPage:
        if after is None or self._ids is None:
            self._ids = self._service.sorted_ids(
                self._query, sort=self._sort, descending=self._descending, **self._filters
            )
            start = 0
        else:
            start = int(after)
        ids = self._ids[start : start + limit]
        end = start + len(ids)
        return SearchPage(
            self._service.list_rows(ids),
            str(end) if end < len(self._ids) else None,
            len(self._ids) if start == 0 else None,
        )
