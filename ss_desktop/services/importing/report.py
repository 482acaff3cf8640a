"""The error report: the rejected rows as they were in the file, plus a reason column.

The columns keep the file's header, so the report can be fixed in Excel and imported again
(the reason column is ignored then, and the remembered mapping of the layout applies). The
rows imported with a warning that they may be a child already registered are listed on a
second sheet, "possible duplicates", to check (not to import again).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ss_desktop.services.importing.mapping import REASON_HEADER, HeaderRow, column_letter
from ss_desktop.services.importing.messages import problem_text
from ss_desktop.services.importing.preview import PreviewRow
from ss_desktop.services.messages import Translate, english


def row_reasons(
    row: PreviewRow, header: HeaderRow, translate: Translate = english, severity: str = "error"
) -> str:
    """ "C 性别: 'x' is not a gender ...; F 联系电话: ..." for one row (its errors, or its
    warnings with *severity* "warning")."""
    parts = []
    for problem in row.problems:
        if problem.severity != severity:
            continue
        text = problem_text(problem, translate)
        if problem.column is not None:
            name = header.cells[problem.column] if problem.column < len(header.cells) else ""
            where = f"{column_letter(problem.column)} {name}".strip()
            text = translate("Import", "{column}: {reason}").format(column=where, reason=text)
        parts.append(text)
    return translate("Import", "; ").join(dict.fromkeys(parts))


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # never let a cell of the list become a formula
    return value


def write_error_report(
    path: Path,
    header: HeaderRow,
    rows: Sequence[PreviewRow],
    translate: Translate = english,
    *,
    row_label: str = "Row",
    possible_duplicates: Sequence[PreviewRow] = (),
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = "errors"
    cells = [c for c in header.cells if c != REASON_HEADER]
    width = len(cells)
    sheet.append([*cells, REASON_HEADER, row_label])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for row in rows:
        values = [_cell(v) for v in list(row.cells)[:width]]
        values += [None] * (width - len(values))
        sheet.append([*values, row_reasons(row, header, translate), row.number])
        for problem in row.problems:
            if (
                problem.column is not None
                and problem.column < width
                and problem.severity == "error"
            ):
                sheet.cell(sheet.max_row, problem.column + 1).fill = fill
    for index in range(1, width + 1):
        letter = column_letter(index - 1)
        sheet.column_dimensions[letter].width = 14
        for cell in sheet[letter][1:]:
            cell.number_format = "@"  # ID numbers and phones stay text when typed again
    reason = column_letter(width)
    sheet.column_dimensions[reason].width = 70
    for cell in sheet[reason][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if possible_duplicates:
        _possible_duplicates_sheet(book, cells, possible_duplicates, header, translate, row_label)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _possible_duplicates_sheet(
    book: Any,
    cells: list[Any],
    rows: Sequence[PreviewRow],
    header: HeaderRow,
    translate: Translate,
    row_label: str,
) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("possible duplicates")
    width = len(cells)
    sheet.append([*cells, REASON_HEADER, row_label])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = [_cell(v) for v in list(row.cells)[:width]]
        values += [None] * (width - len(values))
        sheet.append([*values, row_reasons(row, header, translate, "warning"), row.number])
