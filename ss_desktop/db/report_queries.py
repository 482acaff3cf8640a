"""Read side of the reports and the list export: counts and rows as plain tuples and dicts.

Children counted are live (not deleted) and active. Filters: ``site_ids`` (None = all),
``program_id`` (children enrolled in it), ``date_from``/``date_to`` (ISO dates): attendance
sessions held in the range; children registered (created) on or before ``date_to``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine

from ss_desktop.db.engine import raw_cursor


def _child_where(
    site_ids: Sequence[str] | None, program_id: str | None, date_to: str | None
) -> tuple[str, list[Any]]:
    where = ["c.deleted = 0", "c.status = 'active'"]
    params: list[Any] = []
    if site_ids is not None:
        if not site_ids:
            where.append("0")
        else:
            where.append(f"c.site_id IN ({','.join('?' * len(site_ids))})")
            params.extend(site_ids)
    if program_id:
        where.append(
            "EXISTS (SELECT 1 FROM enrollment e WHERE e.child_id = c.id AND e.deleted = 0"
            " AND e.program_id = ?)"
        )
        params.append(program_id)
    if date_to:
        where.append("substr(c.created_at, 1, 10) <= ?")
        params.append(date_to)
    return " AND ".join(where), params


def child_facts(
    engine: Engine,
    *,
    site_ids: Sequence[str] | None = None,
    program_id: str | None = None,
    date_to: str | None = None,
) -> list[tuple[Any, ...]]:
    """(site_id, site name, gender, dob, dob_precision, stage, grade, categories JSON,
    hukou_division, residence_division, site division, living_arrangement) per child."""
    where, params = _child_where(site_ids, program_id, date_to)
    with engine.connect() as conn:
        return (
            raw_cursor(conn)
            .execute(
                "SELECT c.site_id, s.name, c.gender, c.dob, c.dob_precision, c.stage, c.grade,"
                " c.categories, c.hukou_division, c.residence_division, s.division_code,"
                " c.living_arrangement FROM child c LEFT JOIN site s ON s.id = c.site_id"
                f" WHERE {where}",
                params,
            )
            .fetchall()
        )


def _session_where(
    site_ids: Sequence[str] | None,
    program_id: str | None,
    date_from: str | None,
    date_to: str | None,
) -> tuple[str, list[Any]]:
    where = ["a.deleted = 0", "p.deleted = 0"]
    params: list[Any] = []
    if site_ids is not None:
        if not site_ids:
            where.append("0")
        else:
            where.append(f"p.site_id IN ({','.join('?' * len(site_ids))})")
            params.extend(site_ids)
    if program_id:
        where.append("p.id = ?")
        params.append(program_id)
    if date_from:
        where.append("a.held_on >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.held_on <= ?")
        params.append(date_to)
    return " AND ".join(where), params


_LESSON_CTE = (
    "WITH sessions AS (SELECT a.id, a.program_id, p.term, a.lessons FROM attendance_session a"
    " JOIN program p ON p.id = a.program_id WHERE {where}),"
    " present AS (SELECT s.program_id, s.term, m.child_id, s.lessons FROM sessions s"
    " JOIN attendance_mark m ON m.session_id = s.id"
    " JOIN child c ON c.id = m.child_id AND c.deleted = 0"
    " WHERE m.deleted = 0 AND m.mark = 'present')"
)


def lessons_by_program(
    engine: Engine,
    *,
    site_ids: Sequence[str] | None = None,
    program_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[tuple[Any, ...]]:
    """(program id, name, term, site name, sessions, lessons delivered, children present at
    least once, child-lessons = the lessons of every session each child was present at)."""
    where, params = _session_where(site_ids, program_id, date_from, date_to)
    sql = _LESSON_CTE.format(where=where) + (
        " SELECT p.id, p.name, p.term, st.name,"
        " (SELECT count(*) FROM sessions s WHERE s.program_id = p.id),"
        " (SELECT coalesce(sum(s.lessons), 0) FROM sessions s WHERE s.program_id = p.id),"
        " (SELECT count(DISTINCT child_id) FROM present x WHERE x.program_id = p.id),"
        " (SELECT coalesce(sum(x.lessons), 0) FROM present x WHERE x.program_id = p.id)"
        " FROM program p LEFT JOIN site st ON st.id = p.site_id"
        " WHERE p.id IN (SELECT program_id FROM sessions)"
        " ORDER BY p.term, p.name, p.id"
    )
    with engine.connect() as conn:
        return raw_cursor(conn).execute(sql, params).fetchall()


def lessons_by_term(
    engine: Engine,
    *,
    site_ids: Sequence[str] | None = None,
    program_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[tuple[Any, ...]]:
    """(term, sessions, lessons delivered, distinct children present, child-lessons)."""
    where, params = _session_where(site_ids, program_id, date_from, date_to)
    sql = _LESSON_CTE.format(where=where) + (
        " SELECT t.term,"
        " (SELECT count(*) FROM sessions s WHERE s.term IS t.term),"
        " (SELECT coalesce(sum(s.lessons), 0) FROM sessions s WHERE s.term IS t.term),"
        " (SELECT count(DISTINCT child_id) FROM present x WHERE x.term IS t.term),"
        " (SELECT coalesce(sum(x.lessons), 0) FROM present x WHERE x.term IS t.term)"
        " FROM (SELECT DISTINCT term FROM sessions) t ORDER BY t.term"
    )
    with engine.connect() as conn:
        return raw_cursor(conn).execute(sql, params).fetchall()


EXPORT_COLUMNS = (
    "id",
    "surname",
    "given_name",
    "pinyin",
    "gender",
    "dob",
    "dob_precision",
    "id_number",
    "site_name",
    "stage",
    "grade",
    "class_name",
    "categories",
    "hukou_division",
    "hukou_type",
    "residence_division",
    "living_arrangement",
    "status",
)


def export_rows(engine: Engine, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Children by id (in the order given) with their guardians' names, relationships and
    phones, for the list export."""
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in cursor.execute(
                "SELECT c.id, c.surname, c.given_name, c.pinyin, c.gender, c.dob,"
                " c.dob_precision, c.id_number, s.name, c.stage, c.grade, c.class_name,"
                " c.categories, c.hukou_division, c.hukou_type, c.residence_division,"
                " c.living_arrangement, c.status FROM child c"
                f" LEFT JOIN site s ON s.id = c.site_id WHERE c.id IN ({marks})",
                chunk,
            ):
                record = dict(zip(EXPORT_COLUMNS, row, strict=True))
                record["guardians"] = []
                out[row[0]] = record
            for child_id, name, relationship, phone in cursor.execute(
                "SELECT child_id, name, relationship, phone FROM guardian"
                f" WHERE deleted = 0 AND child_id IN ({marks}) ORDER BY created_at, id",
                chunk,
            ):
                if child_id in out:
                    out[child_id]["guardians"].append(
                        {"name": name, "relationship": relationship, "phone": phone}
                    )
    return [out[i] for i in ids if i in out]
