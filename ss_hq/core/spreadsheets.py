"""Tables as files staff open in Excel or WPS: CSV (UTF-8 with a BOM, so Excel reads the
Chinese correctly) and XLSX (openpyxl, write-only). Text a spreadsheet would run as a formula
(CSV/formula injection) gets a leading apostrophe. A character neither file can hold (a lone
surrogate or a control character in a record stored before head office checked every value)
is written as U+FFFD, so one such record never fails the whole file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

# Control characters XML 1.0 (so XLSX) cannot hold, and any surrogate code point.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = _UNWRITABLE.sub("\ufffd", value)
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for cells in rows:
        writer.writerow([safe_cell(v) for v in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheet_name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(header))
    for cells in rows:
        sheet.append([safe_cell(v) for v in cells])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
