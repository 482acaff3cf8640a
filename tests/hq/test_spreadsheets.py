"""The exports' files: Chinese survives in Excel (BOM), and a cell that would run as a formula
is written as text."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from ss_hq.core.spreadsheets import csv_bytes, xlsx_bytes

ROWS = [['=HYPERLINK("http://x")', "王小明", 3], ["+1", "-2", "@cmd"]]


def test_csv_has_a_bom_and_defuses_formulas() -> None:
    data = csv_bytes(["a", "b", "c"], ROWS)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "王小明" in text and "'+1" in text and "'@cmd" in text
    assert text.splitlines()[0] == "a,b,c"


def test_xlsx_cells_are_text_not_formulas() -> None:
    sheet = load_workbook(io.BytesIO(xlsx_bytes("s", ["a", "b", "c"], ROWS))).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["a", "b", "c"]
    assert values[1] == ['\'=HYPERLINK("http://x")', "王小明", 3]
    assert values[2] == ["'+1", "'-2", "'@cmd"]
