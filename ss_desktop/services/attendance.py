"""Attendance: sessions of a program, the grid (children x session dates), marks, lessons.

A mark is one record per (session, child); marking again edits that record, so a change of
mind is a field edit that syncs like any other. Writes go through ChangeWriter.save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.enums import AttendanceMark
from ss_core.domain.errors import Issue, IssueCode, raise_if_errors
from ss_core.domain.normalize import clean_text
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import program_queries
from ss_desktop.db.write import Change, ChangeSet
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import NotFound
from ss_desktop.services.permissions import Permission, require
from ss_desktop.services.sites import SitesService

MAX_LESSONS = 12
TOPIC_MAX = 100


@dataclass(frozen=True)
class SessionInfo:
    id: str
    program_id: str
    held_on: str  # ISO date
    lessons: int
    topic: str | None


@dataclass(frozen=True)
class GridChild:
    child_id: str
    surname: str
    given_name: str
    pinyin: str


@dataclass
class AttendanceGrid:
    """Plain data for the attendance table: rows are children, columns sessions."""

    program_id: str
    children: list[GridChild] = field(default_factory=list)
    sessions: list[SessionInfo] = field(default_factory=list)
    marks: dict[tuple[str, str], str] = field(default_factory=dict)  # (session, child) -> mark


@dataclass(frozen=True)
class MarkResult:
    session_id: str
    child_id: str
    mark: str | None
    changes: ChangeSet


class AttendanceService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session
        self._sites = SitesService(app, session)

    def _check_program(self, program_id: str) -> None:
        self._sites.get_program(program_id)  # NotFound, or outside the user's sites

    # -- sessions -----------------------------------------------------------------------
    def sessions(self, program_id: str) -> list[SessionInfo]:
        self._check_program(program_id)
        rows = program_queries.sessions(self.app.engine, program_id)
        return [SessionInfo(r[0], r[1], r[2] or "", int(r[3] or 1), r[4]) for r in rows]

    def add_session(
        self, program_id: str, held_on: date | str, lessons: int = 1, topic: str | None = None
    ) -> SessionInfo:
        require(self.session.role, Permission.REGISTER)
        self._check_program(program_id)
        issues: list[Issue] = []
        held: date | None = None
        try:
            held = held_on if isinstance(held_on, date) else date.fromisoformat(str(held_on))
        except ValueError:
            issues.append(Issue(IssueCode.DATE_FORMAT, "held_on"))
        if held is not None and held > self.app.writer.today():
            issues.append(Issue(IssueCode.DATE_FUTURE, "held_on"))
        if isinstance(lessons, bool) or not isinstance(lessons, int):
            issues.append(Issue(IssueCode.INVALID_TYPE, "lessons", {"expected": "integer"}))
        elif not 1 <= lessons <= MAX_LESSONS:
            issues.append(Issue(IssueCode.INVALID_TYPE, "lessons", {"expected": "1-12"}))
        if topic is not None and len(clean_text(topic)) > TOPIC_MAX:
            issues.append(Issue(IssueCode.TEXT_TOO_LONG, "topic", {"max": TOPIC_MAX}))
        raise_if_errors(issues)
        assert held is not None
        session_id = new_id()
        fields: dict[str, Any] = {
            "program_id": program_id,
            "held_on": held.isoformat(),
            "lessons": lessons,
            "topic": clean_text(topic) if topic else None,
        }
        self.app.writer.save(
            [Change(Entity.ATTENDANCE_SESSION, session_id, fields)],
            actor=self.session.username,
            action="create",
        )
        return SessionInfo(session_id, program_id, fields["held_on"], lessons, fields["topic"])

    # -- the grid -----------------------------------------------------------------------
    def grid(self, program_id: str) -> AttendanceGrid:
        sessions = self.sessions(program_id)
        children = [
            GridChild(e.child_id, e.surname, e.given_name, e.pinyin)
            for e in self._sites.list_enrollments(program_id)
        ]
        marks: dict[tuple[str, str], str] = {}
        for session_id, child_id, mark in program_queries.marks(self.app.engine, program_id):
            marks[(session_id, child_id)] = mark
        return AttendanceGrid(program_id, children, sessions, marks)

    def mark(self, session_id: str, child_id: str, mark: str | None) -> MarkResult:
        """Set (or clear, with None) one child's mark for one session."""
        require(self.session.role, Permission.REGISTER)
        if mark is not None:
            try:
                mark = AttendanceMark(mark).value
            except ValueError:
                raise_if_errors([Issue(IssueCode.ENUM_INVALID, "mark", {"value": str(mark)[:40]})])
        program_id = program_queries.session_program(self.app.engine, session_id)
        if program_id is None:
            raise NotFound()
        self._check_program(program_id)
        existing = program_queries.mark_id(self.app.engine, session_id, child_id)
        if existing:
            change = Change(Entity.ATTENDANCE_MARK, existing, {"mark": mark})
        elif mark is None:
            return MarkResult(session_id, child_id, None, ChangeSet())
        else:
            change = Change(
                Entity.ATTENDANCE_MARK,
                new_id(),
                {"session_id": session_id, "child_id": child_id, "mark": mark},
            )
        change_set = self.app.writer.save([change], actor=self.session.username, action="mark")
        return MarkResult(session_id, child_id, mark, change_set)

    def lessons_per_child(self, program_id: str) -> dict[str, int]:
        """Lessons attended (present) per enrolled child."""
        return {e.child_id: e.lessons for e in self._sites.list_enrollments(program_id)}
