"""Counts for funders and head office, computed on the laptop (docs/design/product.md capability 6).

Children: active, not deleted, in the user's sites; by the six categories, site, stage and
grade, gender, age band, hukou local or not, living arrangement. Lessons: per program and per
term, the lessons delivered (sum of ``attendance_session.lessons``), the children present at
least once, the child-lessons (each present mark counts its session's lessons) and lessons per
child (child-lessons / children present).

Filters: site, program (children enrolled in it; its sessions), and a date range: sessions
held in the range; children registered on or before its end.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.categories import is_local_hukou
from ss_core.domain.dates import age_on
from ss_core.domain.enums import Category
from ss_desktop.db import report_queries
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import PermissionDenied

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-5", 0, 5),
    ("6-8", 6, 8),
    ("9-11", 9, 11),
    ("12-14", 12, 14),
    ("15-17", 15, 17),
    ("18+", 18, 200),
)
UNKNOWN = "unknown"
LOCAL, NOT_LOCAL = "local", "not_local"


@dataclass(frozen=True)
class ReportFilters:
    site_id: str | None = None
    program_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class LessonRow:
    key: str  # program id, or the term
    name: str  # program name, or the term
    term: str
    site: str
    sessions: int
    lessons: int
    children: int
    child_lessons: int

    @property
    def lessons_per_child(self) -> float:
        return self.child_lessons / self.children if self.children else 0.0


@dataclass
class Report:
    filters: ReportFilters
    today: date
    total_children: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_site: dict[str, int] = field(default_factory=dict)
    by_stage_grade: dict[tuple[str, int | None], int] = field(default_factory=dict)
    by_gender: dict[int, int] = field(default_factory=dict)
    by_age_band: dict[str, int] = field(default_factory=dict)
    by_hukou: dict[str, int] = field(default_factory=dict)
    by_living: dict[str, int] = field(default_factory=dict)
    programs: list[LessonRow] = field(default_factory=list)
    terms: list[LessonRow] = field(default_factory=list)

    @property
    def lessons_delivered(self) -> int:
        return sum(p.lessons for p in self.programs)


def age_band(dob: str | None, precision: str | None, today: date) -> str:
    if not dob:
        return UNKNOWN
    try:
        born = date.fromisoformat(dob)
    except ValueError:
        return UNKNOWN
    age = age_on(born, precision or "exact", today)
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return UNKNOWN


class ReportService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def _site_ids(self, site_id: str | None) -> list[str] | None:
        scope = ChildrenService(self.app, self.session).site_scope()
        if site_id:
            if scope is not None and site_id not in scope:
                raise PermissionDenied("site.not_allowed")
            return [site_id]
        return scope

    def build(self, filters: ReportFilters | None = None, *, today: date | None = None) -> Report:
        filters = filters or ReportFilters()
        today = today or self.app.writer.today()
        site_ids = self._site_ids(filters.site_id)
        date_from = filters.date_from.isoformat() if filters.date_from else None
        date_to = filters.date_to.isoformat() if filters.date_to else None
        report = Report(filters, today)
        rows = report_queries.child_facts(
            self.app.engine, site_ids=site_ids, program_id=filters.program_id, date_to=date_to
        )
        categories: Counter[str] = Counter({c.value: 0 for c in Category})
        sites: Counter[str] = Counter()
        stage_grade: Counter[tuple[str, int | None]] = Counter()
        genders: Counter[int] = Counter()
        ages: Counter[str] = Counter({name: 0 for name, _, _ in AGE_BANDS})
        hukou: Counter[str] = Counter({LOCAL: 0, NOT_LOCAL: 0, UNKNOWN: 0})
        living: Counter[str] = Counter()
        for (
            _site_id,
            site_name,
            gender,
            dob,
            precision,
            stage,
            grade,
            cats,
            hukou_div,
            residence_div,
            site_div,
            living_arrangement,
        ) in rows:
            report.total_children += 1
            for category in json.loads(cats or "[]"):
                categories[category] += 1
            sites[site_name or UNKNOWN] += 1
            stage_grade[(stage or UNKNOWN, grade if stage else None)] += 1
            genders[gender if gender is not None else 0] += 1
            ages[age_band(dob, precision, today)] += 1
            local = is_local_hukou(hukou_div, residence_div or site_div)
            hukou[UNKNOWN if local is None else (LOCAL if local else NOT_LOCAL)] += 1
            living[living_arrangement or UNKNOWN] += 1
        report.by_category = dict(categories)
        report.by_site = dict(sorted(sites.items(), key=lambda kv: (-kv[1], kv[0])))
        report.by_stage_grade = dict(sorted(stage_grade.items(), key=_stage_order))
        report.by_gender = dict(sorted(genders.items()))
        report.by_age_band = {
            k: ages[k] for k in [*(n for n, _, _ in AGE_BANDS), UNKNOWN] if k in ages
        }
        report.by_hukou = dict(hukou)
        report.by_living = dict(sorted(living.items(), key=lambda kv: (-kv[1], kv[0])))
        args: dict[str, Any] = {
            "site_ids": site_ids,
            "program_id": filters.program_id,
            "date_from": date_from,
            "date_to": date_to,
        }
        report.programs = [
            LessonRow(pid, name or "", term or "", site or "", n, lessons, kids, child_lessons)
            for pid, name, term, site, n, lessons, kids, child_lessons in report_queries.lessons_by_program(
                self.app.engine, **args
            )
        ]
        report.terms = [
            LessonRow(term or "", term or "", term or "", "", n, lessons, kids, child_lessons)
            for term, n, lessons, kids, child_lessons in report_queries.lessons_by_term(
                self.app.engine, **args
            )
        ]
        return report


_STAGES = ("preschool", "primary", "junior", "senior", "vocational", UNKNOWN)


def _stage_order(item: tuple[tuple[str, int | None], int]) -> tuple[int, int]:
    (stage, grade), _count = item
    rank = _STAGES.index(stage) if stage in _STAGES else len(_STAGES)
    return rank, grade or 0


# A report as tables (title, column titles, rows) for the .xlsx export; the GUI builds them
# with translated labels.
Table = tuple[str, list[str], list[list[Any]]]


def write_tables_xlsx(path: Any, tables: list[Table]) -> None:
    """One sheet with every table under the previous one (titles in bold)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "report"
    bold = Font(bold=True)
    for title, headers, rows in tables:
        sheet.append([title])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append(headers)
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in rows:
            sheet.append(row)
        sheet.append([])
    sheet.column_dimensions["A"].width = 28
    book.save(path)
