"""Export of the filtered children list to XLSX (openpyxl) and CSV (UTF-8 with a BOM, so that
Excel on a Chinese Windows opens it with the right encoding)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from sqlmodel import Session

from ss_hq.search_service import ChildFilters, ChildRow, iter_children, site_names

COLUMNS: tuple[str, ...] = (
    "id",
    "surname",
    "given_name",
    "pinyin",
    "gender",
    "dob",
    "site",
    "stage",
    "grade",
    "categories",
    "hukou_local",
)
# Text a spreadsheet would run as a formula (CSV/formula injection) gets a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cells(row: ChildRow, sites: dict[str, str]) -> list[object]:
    return [
        row.id,
        row.surname,
        row.given_name,
        row.pinyin,
        row.gender if row.gender is not None else "",
        row.dob,
        sites.get(row.site_id or "", ""),
        row.stage or "",
        row.grade if row.grade is not None else "",
        ",".join(row.categories),
        "" if row.hukou_local is None else ("yes" if row.hukou_local else "no"),
    ]


def _rows(session: Session, filters: ChildFilters) -> Iterable[list[object]]:
    sites = site_names(session)
    for row in iter_children(session, filters):
        yield [_safe(v) for v in _cells(row, sites)]


def export_csv(session: Session, filters: ChildFilters, header: Sequence[str] = COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for cells in _rows(session, filters):
        writer.writerow(cells)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(session: Session, filters: ChildFilters, header: Sequence[str] = COLUMNS) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("children")
    sheet.append(list(header))
    for cells in _rows(session, filters):
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
