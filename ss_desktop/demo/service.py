"""Fill the database with realistic fake data through the one write path.

Sites, programs, children with guardians and consent, enrollments and attendance, all made by
:class:`~ss_desktop.demo.data.DemoGenerator` (deterministic for a seed) and saved in
batches with :meth:`ChangeWriter.save`, exactly as the form or an import would save them
(batches of new records take the writer's create-only fast path, ss_desktop/db/write/bulk.py,
which writes the same rows).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import queries, sync_store
from ss_desktop.db.write import Change, paused_gc
from ss_desktop.demo.data import DemoGenerator, DemoProgram, DemoSite
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.permissions import Permission, require
from ss_desktop.services.sites import SiteInfo, SitesService

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


def _as_demo_site(site: SiteInfo) -> DemoSite:
    return DemoSite(
        site.id,
        site.code or "",
        site.name,
        site.site_type or "public_school",
        site.division_code or "",
        bool(site.boarding),
        site.city_tier,
    )


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

    def _sites(self, gen: DemoGenerator) -> tuple[list[DemoSite], list[DemoSite]]:
        """(the sites children go to, those to create). An enrolled laptop uses its own sites
        (head office refuses records of any other); otherwise the demo's sites, each made
        once: a site with the same code is reused, so a second run adds no site."""
        known = SitesService(self.app, self.session).list_sites()
        enrollment = sync_store.load_enrollment(self.app.engine)
        if enrollment.enrolled:
            own = [_as_demo_site(site) for site in known if site.id in enrollment.sites]
            if not own:
                raise ServiceError("demo.sites_not_here")
            return own, []
        by_code = {site.code: site for site in known if site.code}
        sites: list[DemoSite] = []
        new: list[DemoSite] = []
        for template in gen.sites():
            existing = by_code.get(template.code)
            if existing is not None:
                sites.append(replace(template, id=existing.id))
            else:
                sites.append(template)
                new.append(template)
        return sites, new

    def _programs(
        self, gen: DemoGenerator, sites: list[DemoSite]
    ) -> tuple[list[DemoProgram], list[DemoProgram]]:
        """(the programs children are enrolled in, those to create): a site's own programs
        when it has some, else the demo's programs for it."""
        have: dict[str, list[DemoProgram]] = {}
        for p in queries.list_programs(self.app.engine):
            if p.site_id and p.starts_on and p.ends_on:  # attendance needs the dates
                have.setdefault(p.site_id, []).append(
                    DemoProgram(
                        p.id,
                        p.name or "",
                        p.program_type or "other",
                        p.site_id,
                        p.term or "",
                        p.starts_on or "",
                        p.ends_on or "",
                    )
                )
        bare = [site for site in sites if site.id not in have]
        new = gen.programs(bare) if bare else []
        return [p for site in sites for p in have.get(site.id, [])] + new, new

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
        sites, new_sites = self._sites(gen)
        programs, new_programs = self._programs(gen, sites)
        if new_sites or new_programs:
            writer.save(
                [site_change(s) for s in new_sites] + [program_change(p) for p in new_programs],
                actor=actor,
                action="demo",
            )
        enrolled: dict[str, list[str]] = {p.id: [] for p in programs}
        programs_by_id = {p.id: p for p in programs}
        report = DemoReport(0, 0, 0, 0, len(new_sites), len(new_programs), 0, 0, 0.0)
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
