"""Fill the database with realistic fake data through the one write path.

Sites, programs, children with guardians and consent, enrollments and attendance, all made by
:class:`~ss_desktop.services.demo_data.DemoGenerator` (deterministic for a seed) and saved in
batches with :meth:`ChangeWriter.save`, exactly as the form or an import would save them
(batches of new records take the writer's create-only fast path, ss_desktop/db/write/bulk.py,
which writes the same rows).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db.write import Change, paused_gc
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.demo_data import DemoGenerator, DemoProgram, DemoSite
from ss_desktop.services.permissions import Permission, require

# Children per transaction (about 25,000 records). Fewer, larger commits: each commit rewrites
# the pages of the search index and the child indexes it touched, and syncs the file.
BATCH_CHILDREN = 5000
CLASS_SIZE = 40  # attendance is kept for one class-sized group per program


@dataclass
class DemoReport:
    children: int
    guardians: int
    consents: int
    enrollments: int
    sites: int
    programs: int
    sessions: int
    marks: int
    seconds: float

    @property
    def children_per_second(self) -> float:
        return self.children / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["children_per_second"] = round(self.children_per_second, 1)
        return out


def site_change(site: DemoSite) -> Change:
    fields = {k: v for k, v in asdict(site).items() if k != "id"}
    return Change(Entity.SITE, site.id, fields)


def program_change(program: DemoProgram) -> Change:
    fields = {k: v for k, v in asdict(program).items() if k != "id"}
    return Change(Entity.PROGRAM, program.id, fields)


def _with_id(entity: Entity, record: dict[str, Any]) -> Change:
    """The generator's dict becomes the change's fields (no copy: nothing else keeps it)."""
    return Change(entity, record.pop("id", None) or new_id(), record)


class DemoService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        require(session.role, Permission.MANAGE_SITES)
        self.app = app
        self.session = session

    def populate(
        self, count: int, *, seed: int = 1, progress: Callable[[int, int], None] | None = None
    ) -> DemoReport:
        with paused_gc():  # batches of ~25,000 live records: see paused_gc
            return self._populate(count, seed, progress)

    def _populate(
        self, count: int, seed: int, progress: Callable[[int, int], None] | None
    ) -> DemoReport:
        started = time.perf_counter()
        gen = DemoGenerator(seed)
        writer, actor = self.app.writer, self.session.username
        sites = gen.sites()
        programs = gen.programs(sites)
        writer.save(
            [site_change(s) for s in sites] + [program_change(p) for p in programs],
            actor=actor,
            action="demo",
        )
        enrolled: dict[str, list[str]] = {p.id: [] for p in programs}
        programs_by_id = {p.id: p for p in programs}
        report = DemoReport(0, 0, 0, 0, len(sites), len(programs), 0, 0, 0.0)
        batch: list[Change] = []
        for child in gen.children(count, sites, programs):
            batch.append(Change(Entity.CHILD, child.id, child.fields))
            batch += [_with_id(Entity.GUARDIAN, g) for g in child.guardians]
            batch += [_with_id(Entity.CONSENT, c) for c in child.consents]
            for program_id in child.program_ids:
                program = programs_by_id[program_id]
                batch.append(
                    Change(
                        Entity.ENROLLMENT,
                        new_id(),
                        {
                            "child_id": child.id,
                            "program_id": program_id,
                            "since": program.starts_on,
                        },
                    )
                )
                enrolled[program_id].append(child.id)
            report.children += 1
            report.guardians += len(child.guardians)
            report.consents += len(child.consents)
            report.enrollments += len(child.program_ids)
            if report.children % BATCH_CHILDREN == 0:
                writer.save(batch, actor=actor, action="demo")
                batch = []
                if progress:
                    progress(report.children, count)
        if batch:
            writer.save(batch, actor=actor, action="demo")
        classes = {pid: kids[:CLASS_SIZE] for pid, kids in enrolled.items() if kids}
        attendance: list[Change] = []
        for session_fields, marks in gen.attendance(programs, classes):
            sid = session_fields.pop("id")
            attendance.append(Change(Entity.ATTENDANCE_SESSION, sid, session_fields))
            attendance += [Change(Entity.ATTENDANCE_MARK, new_id(), m) for m in marks]
            report.sessions += 1
            report.marks += len(marks)
            if len(attendance) >= 2000:
                writer.save(attendance, actor=actor, action="demo")
                attendance = []
        if attendance:
            writer.save(attendance, actor=actor, action="demo")
        if progress:
            progress(report.children, count)
        report.seconds = time.perf_counter() - started
        return report
