"""Export of the filtered children list to XLSX (openpyxl) and CSV (UTF-8 with a BOM, so that
Excel on a Chinese Windows opens it with the right encoding)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session

from ss_hq.core.spreadsheets import csv_bytes, xlsx_bytes
from ss_hq.review.search_service import ChildFilters, ChildRow, iter_children, site_names

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
        yield _cells(row, sites)


def export_csv(session: Session, filters: ChildFilters, header: Sequence[str] = COLUMNS) -> bytes:
    return csv_bytes(header, _rows(session, filters))


def export_xlsx(session: Session, filters: ChildFilters, header: Sequence[str] = COLUMNS) -> bytes:
    return xlsx_bytes("children", header, _rows(session, filters))
