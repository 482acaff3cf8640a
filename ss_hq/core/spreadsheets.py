"""Tables as files staff open in Excel or WPS: CSV (UTF-8 with a BOM, so Excel reads the
Chinese correctly) and XLSX (openpyxl, write-only: the header row frozen, columns as wide as
their contents, dates as dates). Text a spreadsheet would run as a formula (CSV/formula
injection) gets a leading apostrophe. A character neither file can hold (a lone surrogate or
a control character in a record stored before head office checked every value) is written as
U+FFFD, so one such record never fails the whole file."""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Control characters XML 1.0 (so XLSX) cannot hold, and any surrogate code point.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
WIDTH_SAMPLE_ROWS = 500  # column widths are measured on the header and the first rows
MIN_WIDTH, MAX_WIDTH = 6, 60


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


def text_width(value: object) -> int:
    """Columns a value takes in a spreadsheet: a Chinese character counts two."""
    if value is None:
        return 0
    if isinstance(value, date | datetime):
        return 10
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(sheet: object, value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return safe_cell(value)


def xlsx_bytes(
    sheet_name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    notes: Sequence[tuple[str, object]] = (),
    notes_sheet: str = "notes",
) -> bytes:
    """One sheet: *header* (bold, frozen) and *rows*; *notes* (label, value) on a second
    sheet when given."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name[:31])
    iterator = iter(rows)
    sample = [list(r) for r in itertools.islice(iterator, WIDTH_SAMPLE_ROWS)]
    for index, title in enumerate(header, start=1):
        widest = max(
            [text_width(title), *(text_width(r[index - 1]) for r in sample if len(r) >= index)]
        )
        sheet.column_dimensions[get_column_letter(index)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, widest + 2)
        )
    sheet.freeze_panes = "A2"
    titles = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(title))
        cell.font = Font(bold=True)
        titles.append(cell)
    sheet.append(titles)
    for cells in itertools.chain(sample, iterator):
        sheet.append([_cell(sheet, v) for v in cells])
    if notes:
        info = workbook.create_sheet(notes_sheet[:31])
        info.column_dimensions["A"].width = max(text_width(label) for label, _ in notes) + 2
        info.column_dimensions["B"].width = 16
        for label, value in notes:
            info.append([safe_cell(label), safe_cell(value)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
