"""Export of the children list (the current search and filters) to .xlsx or .csv.

Only coordinators and admins may export (Permission.EXPORT), and each export is written to
the audit log (count, format and columns; never a value). Which columns a role may see is
decided here too, so the rule holds whoever calls: volunteers and teachers never get the ID
number, phone numbers or addresses. CSV is UTF-8 with a BOM so Excel opens it correctly.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_core.domain.pinyin import split_name
from ss_desktop.db import child_search, report_queries
from ss_desktop.db.audit import append_audit
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import PermissionDenied, ServiceError
from ss_desktop.services.permissions import Permission, allowed, require
from ss_desktop.services.reference import ReferenceService

log = logging.getLogger(__name__)

EXPORT_CONTEXT = "Export"
GUARDIANS_EXPORTED = 2
SENSITIVE_COLUMNS = frozenset(
    {"id_number", "hukou_place", "residence_place", "guardian1_phone", "guardian2_phone"}
)

# column key -> English header (the GUI translates it in the "Export" context)
COLUMN_HEADERS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Export", "Name"),
    "pinyin": QT_TRANSLATE_NOOP("Export", "Pinyin"),
    "gender": QT_TRANSLATE_NOOP("Export", "Gender"),
    "dob": QT_TRANSLATE_NOOP("Export", "Date of birth"),
    "id_number": QT_TRANSLATE_NOOP("Export", "ID number"),
    "site": QT_TRANSLATE_NOOP("Export", "Site"),
    "stage": QT_TRANSLATE_NOOP("Export", "Stage"),
    "grade": QT_TRANSLATE_NOOP("Export", "Grade"),
    "class_name": QT_TRANSLATE_NOOP("Export", "Class"),
    "categories": QT_TRANSLATE_NOOP("Export", "Categories"),
    "hukou_type": QT_TRANSLATE_NOOP("Export", "Hukou type"),
    "hukou_place": QT_TRANSLATE_NOOP("Export", "Hukou place"),
    "residence_place": QT_TRANSLATE_NOOP("Export", "Current address (county)"),
    "living_arrangement": QT_TRANSLATE_NOOP("Export", "Living arrangement"),
    "guardian1": QT_TRANSLATE_NOOP("Export", "Guardian 1"),
    "guardian1_relationship": QT_TRANSLATE_NOOP("Export", "Relationship 1"),
    "guardian1_phone": QT_TRANSLATE_NOOP("Export", "Phone 1"),
    "guardian2": QT_TRANSLATE_NOOP("Export", "Guardian 2"),
    "guardian2_relationship": QT_TRANSLATE_NOOP("Export", "Relationship 2"),
    "guardian2_phone": QT_TRANSLATE_NOOP("Export", "Phone 2"),
    "status": QT_TRANSLATE_NOOP("Export", "Status"),
}

# (kind, stored code) -> shown text; kinds: gender, stage, grade (the value is (stage, grade
# in stage)), category, hukou_type, living, relationship, status. The GUI and the command line
# pass translated labels that the import reads back; the default is the code.
ValueLabel = Callable[[str, Any], str]


def _plain(kind: str, value: Any) -> str:
    if kind == "gender":
        return {1: "male", 2: "female", 9: "not stated"}.get(value, "unknown")
    if kind == "grade":  # (stage, grade in stage)
        return str(value[1])
    return "" if value is None else str(value)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    columns: tuple[str, ...]


def columns_for_role(role: str) -> tuple[str, ...]:
    """The columns a role may see, in export order."""
    sees_all = allowed(role, Permission.VIEW_SENSITIVE)  # the roles that may reveal them
    return tuple(c for c in COLUMN_HEADERS if sees_all or c not in SENSITIVE_COLUMNS)


class ExportService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        require(session.role, Permission.EXPORT)
        self.app = app
        self.session = session

    def export(
        self,
        path: Path,
        query: str = "",
        *,
        filters: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        value_label: ValueLabel | None = None,
        place_label: Callable[[str], str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ExportResult:
        """Write the children matching *query* and *filters* (as the children list shows
        them: site_id, category, stage, grade, status) to *path* (.xlsx or .csv).
        *progress(rows written, rows)* is called as the rows are written."""
        path = Path(path)
        kind = path.suffix.lower()
        if kind not in (".xlsx", ".csv"):
            raise ServiceError("export.format", suffix=path.suffix)
        columns = columns_for_role(self.session.role)
        ids = self._ids(query, dict(filters or {}))
        records = report_queries.export_rows(self.app.engine, ids)
        label = value_label or _plain
        place = place_label or self._place_names()
        rows = [self._row(r, columns, label, place) for r in records]
        titles = [(headers or {}).get(c, COLUMN_HEADERS[c]) for c in columns]
        path.parent.mkdir(parents=True, exist_ok=True)
        counted = _counted(rows, progress)
        if kind == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(titles)
                writer.writerows([_safe(v) for v in row] for row in counted)
        else:
            _write_xlsx(path, titles, counted)
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="export",
            entity="child",
            detail={"count": len(rows), "format": kind[1:], "columns": list(columns)},
        )
        log.info("exported %d children (%s)", len(rows), kind[1:])
        return ExportResult(path, len(rows), columns)

    def _place_names(self) -> Callable[[str], str]:
        """ "安徽省 阜阳市 临泉县" for a county code (the import reads it back); the code when
        it is not in the reference table."""
        table = ReferenceService(self.app).divisions()
        return lambda code: table.label(code) or code

    def _ids(self, query: str, filters: dict[str, Any]) -> list[str]:
        scope = ChildrenService(self.app, self.session).site_scope()
        site_id = filters.pop("site_id", None)
        site_ids = scope
        if site_id:
            if scope is not None and site_id not in scope:
                raise PermissionDenied("site.not_allowed")
            site_ids = [site_id]
        allowed = {
            k: v for k, v in filters.items() if k in ("category", "stage", "grade", "status")
        }
        return child_search.child_ids_for_list(self.app.engine, query, site_ids=site_ids, **allowed)

    @staticmethod
    def _row(
        record: dict[str, Any],
        columns: tuple[str, ...],
        label: ValueLabel,
        place: Callable[[str], str],
    ) -> list[Any]:
        guardians = record["guardians"][:GUARDIANS_EXPORTED]
        values: dict[str, Any] = {
            "name": _full_name(record["surname"] or "", record["given_name"] or ""),
            "pinyin": record["pinyin"] or "",
            "gender": label("gender", record["gender"]),
            "dob": _dob(record["dob"], record["dob_precision"]),
            "id_number": record["id_number"] or "",
            "site": record["site_name"] or "",
            "stage": label("stage", record["stage"]) if record["stage"] else "",
            "grade": (
                label("grade", (record["stage"], record["grade"]))
                if record["grade"] is not None
                else ""
            ),
            "class_name": record["class_name"] or "",
            "categories": "、".join(
                label("category", c) for c in json.loads(record["categories"] or "[]")
            ),
            "hukou_type": label("hukou_type", record["hukou_type"]) if record["hukou_type"] else "",
            "hukou_place": place(record["hukou_division"]) if record["hukou_division"] else "",
            "residence_place": (
                place(record["residence_division"]) if record["residence_division"] else ""
            ),
            "living_arrangement": (
                label("living", record["living_arrangement"])
                if record["living_arrangement"]
                else ""
            ),
            "status": label("status", record["status"]),
        }
        for n in range(GUARDIANS_EXPORTED):
            g = guardians[n] if n < len(guardians) else {}
            values[f"guardian{n + 1}"] = g.get("name") or ""
            rel = g.get("relationship")
            values[f"guardian{n + 1}_relationship"] = label("relationship", rel) if rel else ""
            values[f"guardian{n + 1}_phone"] = g.get("phone") or ""
        return [values[c] for c in columns]


def _full_name(surname: str, given: str) -> str:
    """张三; with a space where the import would not split the name back the same way
    (a two-character surname not in the table, a Latin name): 阿约 阿呷, Smith Mary Jane."""
    if split_name(surname + given) == (surname, given):
        return surname + given
    return f"{surname} {given}".strip()


def _dob(dob: str | None, precision: str | None) -> str:
    if not dob:
        return ""
    if precision == "year":
        return dob[:4]
    if precision == "month":
        return dob[:7]
    return dob


def _safe(value: Any) -> Any:
    """Cells starting with = + - @ would run as formulas in Excel: keep them text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _counted(
    rows: list[list[Any]], progress: Callable[[int, int], None] | None, every: int = 1000
) -> Iterator[list[Any]]:
    """The rows, telling *progress* how many were handed on."""
    total = len(rows)
    for n, row in enumerate(rows, start=1):
        yield row
        if progress is not None and (n % every == 0 or n == total):
            progress(n, total)


def _write_xlsx(path: Path, titles: list[str], rows: Iterable[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("children")
    sheet.freeze_panes = "A2"
    header = []
    from openpyxl.cell import WriteOnlyCell

    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    book.save(path)
