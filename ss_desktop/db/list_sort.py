"""The children list sorted by a column, in the database.

The list shows children a page at a time. Sorted by a column other than its search order, the
first page must already be the first in that order, so the order is made here, for every
matching child at once: one query returns the matching ids sorted by the column (SQLite sorts
in C, about half a second for 100,000 children on the encrypted file), and the list then reads
the rows of the ids it shows, page by page (:func:`ss_desktop.db.child_search.rows_by_ids`).

Blank values go last in both directions; ties are broken by the pinyin sort key, then the id,
so the order is stable between reads. Consent is the one column computed in Python (whether a
child's consent is still pending depends on its age and its consents: the same rule as the
list shows, :func:`ss_core.domain.consent.consent_state`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from ss_core.domain.consent import consent_state
from ss_desktop.db.child_search import (
    date_or_none,
    filter_args,
    filter_clause,
    plan_search,
    ranked_sql,
)
from ss_desktop.db.engine import raw_cursor

# sort name -> SQL expression over the child row ``c`` and its site ``s``
_STAGE_ORDER = (
    "CASE c.stage WHEN 'preschool' THEN 0 WHEN 'primary' THEN 1 WHEN 'junior' THEN 2"
    " WHEN 'senior' THEN 3 WHEN 'vocational' THEN 4 END"
)
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("c.name_sort",),
    "pinyin": ("lower(c.pinyin)",),
    "gender": ("c.gender",),
    "dob": ("c.dob",),
    "site": ("s.name",),
    "grade": (_STAGE_ORDER, "c.grade"),
    "class": ("c.class_name",),
    "categories": ("c.categories",),
    "status": ("c.status",),
    # not an order: what the consent rule needs (the order is made in Python, _by_consent)
    "consent": ("c.dob", "c.dob_precision"),
}


def sorted_child_ids(
    engine: Engine, query: str = "", *, sort: str, descending: bool = False, **filters: Any
) -> list[str]:
    """Every child matching *query* and *filters* (as the list's search), sorted by *sort*."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort column {sort!r}")
    args = filter_args(filters)
    where, params = filter_clause(**args)
    keys = SORT_KEYS[sort]
    columns = ", ".join(["c.id AS id", *(f"{k} AS k{i}" for i, k in enumerate(keys))])
    # Most children are active: reading the table straight through beats its indexes; the
    # few archived ones are found through the status index.
    scan = args["status"] != "archived"
    built = ranked_sql(plan_search(query), where, params, columns, scan=scan)
    if built is None:
        return []
    inner, inner_params = built
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        if sort == "consent":
            return _by_consent(cursor, inner, inner_params, descending)
        direction = "DESC" if descending else "ASC"
        order = ", ".join(
            f"(k{i} IS NULL OR k{i} = ''), k{i} {direction}" for i in range(len(keys))
        )
        sql = f"SELECT id FROM ({inner}) ORDER BY {order}, sk, id"
        return [row[0] for row in cursor.execute(sql, inner_params)]


def _by_consent(cursor: Any, inner: str, params: list[Any], descending: bool) -> list[str]:
    """Pending consent first (ascending), then by pinyin. SQLite orders the children by
    pinyin; Python only splits them in two, keeping that order (no long sort holding
    Python's lock while the window waits for it)."""
    found = cursor.execute(f"SELECT id, k0, k1 FROM ({inner}) ORDER BY sk, id", params).fetchall()
    consents: dict[str, list[dict[str, Any]]] = {}
    wanted = {row[0] for row in found}
    for child_id, giver_role, given_on, scopes, withdrawn_on in cursor.execute(
        "SELECT child_id, giver_role, given_on, scopes, withdrawn_on FROM consent WHERE deleted = 0"
    ):
        if child_id in wanted:
            consents.setdefault(child_id, []).append(
                {
                    "giver_role": giver_role,
                    "given_on": given_on,
                    "scopes": scopes,
                    "withdrawn_on": withdrawn_on,
                }
            )
    pending: list[str] = []
    given: list[str] = []
    for child_id, dob, precision in found:
        ok = (
            child_id in consents
            and consent_state(
                consents[child_id], child_dob=date_or_none(dob), child_dob_precision=precision
            ).registration_ok
        )
        (given if ok else pending).append(child_id)
    return given + pending if descending else pending + given
