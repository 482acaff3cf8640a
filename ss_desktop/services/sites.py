"""Sites, programs and enrollment (docs/design/product.md capability 4).

A site created on the laptop is "pending" until head office confirms it (a pulled change sets
"confirmed"). Programs belong to a site; children are enrolled in a program from a date.
Writes go through the one write path (ChangeWriter.save).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from ss_core.domain.enums import ProgramType, SiteType
from ss_core.domain.errors import Issue, IssueCode, raise_if_errors
from ss_core.domain.normalize import clean_text
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import program_queries
from ss_desktop.db.write import Change, ChangeSet
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import NotFound, PermissionDenied
from ss_desktop.services.permissions import Permission, allowed, require

SITE_NAME_MAX = 60
SITE_CODE_MAX = 32
PROGRAM_NAME_MAX = 60
TERM_MAX = 40
STATUS_PENDING = "pending"
STATUS_CONFIRMED = "confirmed"


@dataclass(frozen=True)
class SiteInfo:
    id: str
    code: str | None
    name: str
    site_type: str | None
    division_code: str | None
    boarding: bool | None
    city_tier: int | None
    status: str  # "pending" | "confirmed"


@dataclass(frozen=True)
class ProgramInfo:
    id: str
    name: str
    program_type: str | None
    site_id: str | None
    term: str | None
    starts_on: str | None
    ends_on: str | None
    enrolled: int


@dataclass(frozen=True)
class EnrolledChild:
    enrollment_id: str
    child_id: str
    surname: str
    given_name: str
    pinyin: str
    since: str | None
    lessons: int  # lessons attended (present) in this program


T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What a create returned, with the ChangeSet of its write."""

    value: T
    changes: ChangeSet


@dataclass(frozen=True)
class EnrollResult:
    enrolled: tuple[str, ...]  # child ids newly enrolled
    already: tuple[str, ...]  # child ids that were enrolled before
    changes: ChangeSet


def _text_issues(value: Any, field: str, max_len: int, *, required: bool) -> list[Issue]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Issue(IssueCode.REQUIRED, field)] if required else []
    if not isinstance(value, str):
        return [Issue(IssueCode.INVALID_TYPE, field, {"expected": "text"})]
    if len(clean_text(value)) > max_len:
        return [Issue(IssueCode.TEXT_TOO_LONG, field, {"max": max_len})]
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
        return [Issue(IssueCode.TEXT_INVALID_CHARACTERS, field)]
    return []


def _date_issues(value: Any, field: str) -> list[Issue]:
    if value in (None, ""):
        return []
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return [Issue(IssueCode.DATE_FORMAT, field)]
    return []


class SitesService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    # -- scope --------------------------------------------------------------------------
    def _scope(self) -> list[str] | None:
        if allowed(self.session.role, Permission.VIEW_ALL_SITES):
            return None
        return list(self.session.site_ids)

    def _check_site(self, site_id: str | None) -> None:
        scope = self._scope()
        if scope is not None and site_id not in scope:
            raise PermissionDenied("site.not_allowed")

    # -- sites --------------------------------------------------------------------------
    def list_sites(self) -> list[SiteInfo]:
        rows = program_queries.sites(self.app.engine)
        scope = self._scope()
        return [
            SiteInfo(
                r[0],
                r[1],
                r[2] or "",
                r[3],
                r[4],
                None if r[5] is None else bool(r[5]),
                r[6],
                r[7] or STATUS_PENDING,
            )
            for r in rows
            if scope is None or r[0] in scope
        ]

    def site_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.list_sites()}

    def create_site(
        self,
        name: str,
        site_type: str,
        *,
        division_code: str | None = None,
        code: str | None = None,
        boarding: bool | None = None,
    ) -> SiteInfo:
        """A local site, "pending" until head office confirms it."""
        return self.add_site(
            name, site_type, division_code=division_code, code=code, boarding=boarding
        ).value

    def add_site(
        self,
        name: str,
        site_type: str,
        *,
        division_code: str | None = None,
        code: str | None = None,
        boarding: bool | None = None,
    ) -> Saved[SiteInfo]:
        """:meth:`create_site`, with what the write changed (for the UI's write operation)."""
        require(self.session.role, Permission.MANAGE_SITES)
        issues = _text_issues(name, "name", SITE_NAME_MAX, required=True)
        issues += _text_issues(code, "code", SITE_CODE_MAX, required=False)
        try:
            SiteType(site_type)
        except ValueError:
            issues.append(
                Issue(IssueCode.ENUM_INVALID, "site_type", {"value": str(site_type)[:40]})
            )
        if division_code not in (None, "") and not re.fullmatch(r"[1-9][0-9]{5}", division_code):
            issues.append(Issue(IssueCode.DIVISION_FORMAT, "division_code"))
        raise_if_errors(issues)
        site_id = new_id()
        fields: dict[str, Any] = {
            "name": clean_text(name, SITE_NAME_MAX),
            "site_type": str(site_type),
            "division_code": division_code or None,
            "code": clean_text(code) if code else None,
            "boarding": boarding,
            "status": STATUS_PENDING,
        }
        changes = self.app.writer.save(
            [Change(Entity.SITE, site_id, fields)], actor=self.session.username, action="create"
        )
        info = SiteInfo(
            site_id,
            fields["code"],
            fields["name"],
            fields["site_type"],
            fields["division_code"],
            boarding,
            None,
            STATUS_PENDING,
        )
        return Saved(info, changes)

    # -- programs -----------------------------------------------------------------------
    def list_programs(self, site_id: str | None = None) -> list[ProgramInfo]:
        rows = program_queries.programs(self.app.engine)
        scope = self._scope()
        out = []
        for r in rows:
            if site_id is not None and r[3] != site_id:
                continue
            if scope is not None and r[3] not in scope:
                continue
            out.append(ProgramInfo(r[0], r[1] or "", r[2], r[3], r[4], r[5], r[6], r[7]))
        return out

    def get_program(self, program_id: str) -> ProgramInfo:
        for program in self.list_programs():
            if program.id == program_id:
                return program
        raise NotFound()

    def create_program(
        self,
        name: str,
        program_type: str,
        site_id: str,
        *,
        term: str | None = None,
        starts_on: str | None = None,
        ends_on: str | None = None,
    ) -> ProgramInfo:
        return self.add_program(
            name, program_type, site_id, term=term, starts_on=starts_on, ends_on=ends_on
        ).value

    def add_program(
        self,
        name: str,
        program_type: str,
        site_id: str,
        *,
        term: str | None = None,
        starts_on: str | None = None,
        ends_on: str | None = None,
    ) -> Saved[ProgramInfo]:
        """:meth:`create_program`, with what the write changed (for the UI's write
        operation)."""
        require(self.session.role, Permission.MANAGE_SITES)
        issues = _text_issues(name, "name", PROGRAM_NAME_MAX, required=True)
        issues += _text_issues(term, "term", TERM_MAX, required=False)
        try:
            ProgramType(program_type)
        except ValueError:
            issues.append(
                Issue(IssueCode.ENUM_INVALID, "program_type", {"value": str(program_type)[:40]})
            )
        if not site_id:
            issues.append(Issue(IssueCode.REQUIRED, "site_id"))
        elif not program_queries.site_exists(self.app.engine, site_id):
            issues.append(Issue(IssueCode.ENUM_INVALID, "site_id", {"value": "?"}))
        issues += _date_issues(starts_on, "starts_on") + _date_issues(ends_on, "ends_on")
        raise_if_errors(issues)
        self._check_site(site_id)
        program_id = new_id()
        fields: dict[str, Any] = {
            "name": clean_text(name, PROGRAM_NAME_MAX),
            "program_type": str(program_type),
            "site_id": site_id,
            "term": clean_text(term) if term else None,
            "starts_on": starts_on or None,
            "ends_on": ends_on or None,
        }
        changes = self.app.writer.save(
            [Change(Entity.PROGRAM, program_id, fields)],
            actor=self.session.username,
            action="create",
        )
        info = ProgramInfo(
            program_id,
            fields["name"],
            fields["program_type"],
            site_id,
            fields["term"],
            fields["starts_on"],
            fields["ends_on"],
            0,
        )
        return Saved(info, changes)

    # -- enrollment ---------------------------------------------------------------------
    def enroll(
        self, program_id: str, child_ids: Iterable[str], *, since: date | str | None = None
    ) -> EnrollResult:
        """Enroll children (several at once) in a program; children already enrolled are
        left as they are. One transaction for all."""
        require(self.session.role, Permission.REGISTER)
        program = self.get_program(program_id)
        self._check_site(program.site_id)
        wanted = list(dict.fromkeys(child_ids))
        since_text = (since.isoformat() if isinstance(since, date) else since) or (
            self.app.writer.today().isoformat()
        )
        raise_if_errors(_date_issues(since_text, "since"))
        current = program_queries.enrolled_child_ids(self.app.engine, program_id)
        scope = self._scope()
        if scope is not None and wanted:
            sites = program_queries.child_sites(self.app.engine, wanted)
            if any(sites.get(cid) not in scope for cid in wanted):
                raise PermissionDenied("site.not_allowed")
        new = [cid for cid in wanted if cid not in current]
        changes = [
            Change(
                Entity.ENROLLMENT,
                new_id(),
                {"child_id": cid, "program_id": program_id, "since": since_text},
            )
            for cid in new
        ]
        change_set = self.app.writer.save(changes, actor=self.session.username, action="enroll")
        return EnrollResult(tuple(new), tuple(c for c in wanted if c in current), change_set)

    def list_enrollments(self, program_id: str) -> list[EnrolledChild]:
        """Children enrolled in a program, by name, with the lessons each attended."""
        rows = program_queries.enrollments(self.app.engine, program_id)
        return [
            EnrolledChild(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], int(r[6] or 0))
            for r in rows
        ]
