"""Read side of sites, programs, enrollments and attendance (used by the sites and attendance
services). Plain tuples out, in the column order each docstring gives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine

from ss_desktop.db.engine import raw_cursor


def _rows(engine: Engine, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        return cursor.execute(sql, tuple(params)).fetchall()


def sites(engine: Engine) -> list[tuple[Any, ...]]:
    """(id, code, name, site_type, division_code, boarding, city_tier, status) by name."""
    return _rows(
        engine,
        "SELECT id, code, name, site_type, division_code, boarding, city_tier, status"
        " FROM site WHERE deleted = 0 ORDER BY name, id",
    )


def site_exists(engine: Engine, site_id: str) -> bool:
    return bool(_rows(engine, "SELECT 1 FROM site WHERE id = ? AND deleted = 0", (site_id,)))


def programs(engine: Engine) -> list[tuple[Any, ...]]:
    """(id, name, program_type, site_id, term, starts_on, ends_on, enrolled count) by name."""
    return _rows(
        engine,
        "SELECT p.id, p.name, p.program_type, p.site_id, p.term, p.starts_on, p.ends_on,"
        " (SELECT COUNT(*) FROM enrollment e WHERE e.program_id = p.id AND e.deleted = 0)"
        " FROM program p WHERE p.deleted = 0 ORDER BY p.name, p.id",
    )


def enrolled_child_ids(engine: Engine, program_id: str) -> set[str]:
    """Children currently enrolled (no end date) in *program_id*."""
    return {
        r[0]
        for r in _rows(
            engine,
            "SELECT child_id FROM enrollment WHERE program_id = ? AND deleted = 0"
            " AND until IS NULL",
            (program_id,),
        )
    }


def child_sites(engine: Engine, child_ids: Sequence[str]) -> dict[str, str | None]:
    if not child_ids:
        return {}
    marks = ",".join("?" * len(child_ids))
    return dict(_rows(engine, f"SELECT id, site_id FROM child WHERE id IN ({marks})", child_ids))


def enrollments(engine: Engine, program_id: str) -> list[tuple[Any, ...]]:
    """(enrollment id, child id, surname, given name, pinyin, since, lessons attended), by
    pinyin: the children currently enrolled and the lessons they were present for."""
    return _rows(
        engine,
        "SELECT e.id, c.id, c.surname, c.given_name, c.pinyin, e.since,"
        " COALESCE((SELECT SUM(s.lessons) FROM attendance_mark m"
        "   JOIN attendance_session s ON s.id = m.session_id"
        "   WHERE m.child_id = c.id AND s.program_id = e.program_id AND m.mark = 'present'"
        "   AND m.deleted = 0 AND s.deleted = 0), 0)"
        " FROM enrollment e JOIN child c ON c.id = e.child_id"
        " WHERE e.program_id = ? AND e.deleted = 0 AND e.until IS NULL AND c.deleted = 0"
        " ORDER BY c.name_sort, c.id",
        (program_id,),
    )


def sessions(engine: Engine, program_id: str) -> list[tuple[Any, ...]]:
    """(id, program_id, held_on, lessons, topic) of a program's sessions, by date."""
    return _rows(
        engine,
        "SELECT id, program_id, held_on, lessons, topic FROM attendance_session"
        " WHERE program_id = ? AND deleted = 0 ORDER BY held_on, id",
        (program_id,),
    )


def marks(engine: Engine, program_id: str) -> list[tuple[Any, ...]]:
    """(session id, child id, mark) of every mark of a program."""
    return _rows(
        engine,
        "SELECT m.session_id, m.child_id, m.mark FROM attendance_mark m"
        " JOIN attendance_session s ON s.id = m.session_id"
        " WHERE s.program_id = ? AND m.deleted = 0 AND m.mark IS NOT NULL",
        (program_id,),
    )


def session_program(engine: Engine, session_id: str) -> str | None:
    found = _rows(
        engine,
        "SELECT program_id FROM attendance_session WHERE id = ? AND deleted = 0",
        (session_id,),
    )
    return found[0][0] if found else None


def mark_id(engine: Engine, session_id: str, child_id: str) -> str | None:
    found = _rows(
        engine,
        "SELECT id FROM attendance_mark WHERE session_id = ? AND child_id = ?"
        " AND deleted = 0 ORDER BY id LIMIT 1",
        (session_id, child_id),
    )
    return found[0][0] if found else None


def divisions(engine: Engine) -> list[tuple[str, str, int, str | None]]:
    """(code, name, level, parent_code) of every current GB/T 2260 division."""
    return _rows(
        engine,
        "SELECT code, name, level, parent_code FROM division WHERE valid_to IS NULL ORDER BY code",
    )
