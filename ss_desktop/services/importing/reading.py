"""Reading a class list from disk: .xlsx (openpyxl) or .csv (UTF-8, UTF-8 with BOM, GBK/GB18030).

The kind of file is told by its first bytes, not its name: ``PK`` is an .xlsx (a zip), the
OLE header ``D0 CF 11 E0`` is an old .xls or a password-protected workbook (Excel wraps
encrypted .xlsx files in OLE too; the ``EncryptionInfo`` stream tells them apart), anything
else is read as text. Files above :data:`MAX_FILE_BYTES` are refused: a class list of 5,000
children is about 0.3 MB, so 20 MB is far beyond any real list and keeps the laptop responsive.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ss_desktop.services.importing.errors import ImportFileError

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 60_000
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class RawTable:
    """Every non-empty row of the first sheet with data; cells as read (str, number, date)."""

    rows: list[list[Any]]
    row_numbers: list[int]  # 1-based row number in the file of each entry of ``rows``
    kind: str  # "xlsx" or "csv"
    encoding: str | None = None


def read_table(path: Path) -> RawTable:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError("import.missing", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError("import.empty")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            "import.too_large", size_mb=megabytes(size), limit_mb=MAX_FILE_BYTES // 1024 // 1024
        )
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(_ole_kind(data))
    try:
        table = _read_xlsx(data) if data.startswith(ZIP_MAGIC) else _read_csv(data)
    except ImportFileError as exc:
        if exc.code == "import.too_many_rows":
            exc.params["size_mb"] = megabytes(size)
        raise
    if not table.rows:
        raise ImportFileError("import.empty")
    return table


def megabytes(size: int) -> str:
    """A file size for a message: '5.2' (MB), '0.3' for a small file, never '0'."""
    return f"{max(size / 1024 / 1024, 0.1):.1f}"


def _ole_kind(data: bytes) -> str:
    if _ENCRYPTION_STREAM in data:
        return "import.password_protected"
    if any(stream in data for stream in _XLS_STREAMS):
        return "import.old_excel"
    return "import.old_excel_or_password"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _keep(rows: list[tuple[int, list[Any]]], kind: str, encoding: str | None = None) -> RawTable:
    kept = [(n, cells) for n, cells in rows if not all(_blank(c) for c in cells)]
    if len(kept) > MAX_ROWS:
        raise ImportFileError("import.too_many_rows", rows=f"{len(kept):,}", limit=f"{MAX_ROWS:,}")
    width = max((len(c) for _, c in kept), default=0)
    while width and all(len(c) < width or _blank(c[width - 1]) for _, c in kept):
        width -= 1
    return RawTable(
        [list(c[:width]) + [None] * (width - len(c)) for _, c in kept],
        [n for n, _ in kept],
        kind,
        encoding,
    )


def _read_xlsx(data: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        log.info("not a readable workbook: %s", type(exc).__name__)
        raise ImportFileError("import.unreadable") from exc
    try:
        for sheet in book.worksheets:
            rows = [
                (n, list(values))
                for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            table = _keep(rows, "xlsx")
            if table.rows:
                return table
        return RawTable([], [], "xlsx")
    finally:
        book.close()


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError("import.encoding")


def _read_csv(data: bytes) -> RawTable:
    if b"\x00" in data[:4096]:
        # UTF-16 text or a binary file: neither decodes as UTF-8 or GB18030.
        raise ImportFileError("import.encoding")
    text, encoding = decode_text(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = [(n, list(r)) for n, r in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise ImportFileError("import.unreadable") from exc
    return _keep(rows, "csv", encoding)
