"""Aggregate counts for the dashboard: never a name, so viewers may see all of it.

Counts come from ``child_index`` (one narrow row per child). On PostgreSQL a single scan with
GROUPING SETS produces every breakdown at once (about a second for a million children on a
small server; see bench/bench_hq.py); SQLite runs one GROUP BY per breakdown. Province comes
from each site's division code, so counts by site are added up per province in Python.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Row, func, text
from sqlmodel import Session, col, select

from ss_core.domain.enums import Category
from ss_core.protocol.wire import Entity
from ss_core.resources import resource_path
from ss_hq.core.models import ChildIndex, Device, Record
from ss_hq.core.todo import review_counts
from ss_hq.review.search_service import CATEGORY_COLUMNS

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-5", 0, 5),
    ("6-11", 6, 11),
    ("12-14", 12, 14),
    ("15-17", 15, 17),
    ("18+", 18, 200),
)
DIMENSIONS = ("site_id", "gender", "birth_year", "stage", "hukou_local")
_PROVINCES_CSV = resource_path("divisions", "provinces.csv")


@dataclass
class Dashboard:
    total: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    by_site: dict[str, int] = field(default_factory=dict)  # site label -> count
    by_province: dict[str, int] = field(default_factory=dict)
    by_gender: dict[str, int] = field(default_factory=dict)  # "1", "2", "0", "9", "unknown"
    by_age_band: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    by_hukou_local: dict[str, int] = field(default_factory=dict)  # "local", "other", "unknown"
    lessons_delivered: int = 0
    children_attending: int = 0
    attendance_marks: int = 0

    @property
    def lessons_per_child(self) -> float:
        if not self.children_attending:
            return 0.0
        return round(self.attendance_marks_lessons / self.children_attending, 1)

    attendance_marks_lessons: int = 0


@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    try:
        with _PROVINCES_CSV.open(encoding="utf-8") as handle:
            return {row["code"]: row["name"] for row in csv.DictReader(handle)}
    except OSError:
        return {}


def _key(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "local" if value else "other"
    return str(value)


def _grouped_counts_postgres(session: Session) -> dict[str, dict[Any, int]]:
    cats = ", ".join(f"sum(CASE WHEN {c} THEN 1 ELSE 0 END)" for c in CATEGORY_COLUMNS.values())
    sets = ", ".join(f"({d})" for d in DIMENSIONS)
    grouping = ", ".join(DIMENSIONS)
    sql = (
        f"SELECT GROUPING({grouping}) AS g, {grouping}, count(*), {cats} "
        f"FROM child_index WHERE active GROUP BY GROUPING SETS ({sets}, ())"
    )
    out: dict[str, dict[Any, int]] = {d: {} for d in DIMENSIONS}
    out["_total"] = {}
    bits = len(DIMENSIONS)
    for row in session.connection().execute(text(sql)):
        g = int(row[0])
        count = int(row[bits + 1])
        if g == (1 << bits) - 1:
            out["_total"]["count"] = count
            for i, name in enumerate(CATEGORY_COLUMNS):
                out["_total"][name] = int(row[bits + 2 + i] or 0)
            continue
        for i, dim in enumerate(DIMENSIONS):
            # GROUPING() sets bit (n-1-i) for each column NOT grouped in this row.
            if not g & (1 << (bits - 1 - i)):
                out[dim][row[1 + i]] = count
    return out


def _grouped_counts_portable(session: Session) -> dict[str, dict[Any, int]]:
    out: dict[str, dict[Any, int]] = {}
    active = col(ChildIndex.active).is_(True)
    for dim in DIMENSIONS:
        column = getattr(ChildIndex, dim)
        rows = session.exec(select(column, func.count()).where(active).group_by(column)).all()
        out[dim] = {value: int(count) for value, count in rows}
    sums = [
        func.coalesce(func.sum(sa.case((getattr(ChildIndex, c).is_(True), 1), else_=0)), 0)
        for c in CATEGORY_COLUMNS.values()
    ]
    # Several columns, so a row: sqlmodel types select(a, *rest) as if *rest could be empty.
    row = cast("Row[Any]", session.exec(select(func.count(), *sums).where(active)).one())
    out["_total"] = {"count": int(row[0])}
    for i, name in enumerate(CATEGORY_COLUMNS):
        out["_total"][name] = int(row[1 + i] or 0)
    return out


def _age_band(birth_year: int, today: date) -> str:
    age = today.year - birth_year
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return "unknown"


def _sites(session: Session) -> dict[str, tuple[str, str]]:
    """{site id: (label, division)}"""
    out = {}
    for record in session.exec(select(Record).where(Record.entity == Entity.SITE.value)).all():
        f = record.fields or {}
        label = f"{f.get('code') or ''} {f.get('name') or ''}".strip() or record.id[:8]
        division = str(f.get("division") or f.get("division_code") or "")
        out[record.id] = (label, division)
    return out


def _attendance(session: Session, dashboard: Dashboard) -> None:
    sessions = session.exec(
        select(Record.id, Record.fields)
        .where(Record.entity == Entity.ATTENDANCE_SESSION.value)
        .where(col(Record.deleted).is_(False))
    ).all()
    lessons: dict[str, int] = {}
    for record_id, fields in sessions:
        value = (fields or {}).get("lessons", 1)
        lessons[record_id] = value if isinstance(value, int) and not isinstance(value, bool) else 1
    dashboard.lessons_delivered = sum(lessons.values())
    marks = session.exec(
        select(Record.child_id, Record.fields)
        .where(Record.entity == Entity.ATTENDANCE_MARK.value)
        .where(col(Record.deleted).is_(False))
    ).all()
    children: set[str] = set()
    total = 0
    for child_id, fields in marks:
        f = fields or {}
        if f.get("mark") not in ("present", "late"):
            continue
        dashboard.attendance_marks += 1
        total += lessons.get(str(f.get("session_id")), 1)
        if child_id:
            children.add(child_id)
    dashboard.children_attending = len(children)
    dashboard.attendance_marks_lessons = total


def build_dashboard(session: Session, *, today: date | None = None) -> Dashboard:
    today = today or date.today()
    dialect = session.connection().dialect.name
    counts = (
        _grouped_counts_postgres(session)
        if dialect == "postgresql"
        else _grouped_counts_portable(session)
    )
    dashboard = Dashboard(total=counts["_total"].get("count", 0))
    dashboard.categories = {c.value: counts["_total"].get(c.value, 0) for c in Category}
    sites = _sites(session)
    provinces = province_names()
    for site_id, count in sorted(counts["site_id"].items(), key=lambda kv: -kv[1]):
        label, division = sites.get(site_id, ("unknown", "")) if site_id else ("unknown", "")
        dashboard.by_site[label] = dashboard.by_site.get(label, 0) + count
        province = provinces.get(division[:2], "unknown") if division else "unknown"
        dashboard.by_province[province] = dashboard.by_province.get(province, 0) + count
    for gender, count in counts["gender"].items():
        dashboard.by_gender[_key(gender)] = dashboard.by_gender.get(_key(gender), 0) + count
    for label, _low, _high in AGE_BANDS:
        dashboard.by_age_band[label] = 0
    for year, count in counts["birth_year"].items():
        band = _age_band(int(year), today) if year is not None else "unknown"
        dashboard.by_age_band[band] = dashboard.by_age_band.get(band, 0) + count
    dashboard.by_age_band = {k: v for k, v in dashboard.by_age_band.items() if v or k != "unknown"}
    for stage, count in counts["stage"].items():
        dashboard.by_stage[_key(stage)] = count
    for local, count in counts["hukou_local"].items():
        dashboard.by_hukou_local[_key(local)] = count
    _attendance(session, dashboard)
    return dashboard


SILENT_DAYS = 14
WEEK_MS = 7 * 86_400_000


@dataclass(frozen=True)
class Todo:
    """What waits for staff, each with the list it links to."""

    conflicts: int
    duplicates: int
    silent_laptops: int  # active laptops not heard from for more than ``silent_days``
    silent_days: int
    changed_this_week: int  # children registered or changed in the last 7 days
    week_start: int  # ms


def silent_since(now: int, days: int) -> int:
    return now - days * 86_400_000


def build_todo(session: Session, *, now: int, silent_days: int = SILENT_DAYS) -> Todo:
    counts = review_counts(session)
    cutoff = silent_since(now, silent_days)
    silent = session.exec(
        select(func.count())
        .select_from(Device)
        .where(col(Device.revoked_at).is_(None))
        .where(func.coalesce(Device.last_seen_at, Device.created_at) < cutoff)
    ).one()
    week_start = now - WEEK_MS
    changed = session.exec(
        select(func.count())
        .select_from(ChildIndex)
        .where(col(ChildIndex.active).is_(True))
        .where(col(ChildIndex.erased).is_(False))
        .where(col(ChildIndex.updated_at) >= week_start)
    ).one()
    return Todo(
        conflicts=counts["conflicts"],
        duplicates=counts["duplicates"],
        silent_laptops=int(silent),
        silent_days=silent_days,
        changed_this_week=int(changed),
        week_start=week_start,
    )
