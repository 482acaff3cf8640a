"""Class-list import (.xlsx / .csv): reading, header and column mapping, value normalization,
a preview with each problem on its cell, batched saving through the one write path, and an
error report that can be fixed and imported again. See :mod:`.service` for the flow."""

from __future__ import annotations

from ss_desktop.services.importing.errors import ImportFileError
from ss_desktop.services.importing.mapping import IMPORT_FIELDS, REASON_HEADER, column_letter
from ss_desktop.services.importing.messages import field_label, import_text, problem_text
from ss_desktop.services.importing.preview import CellProblem, PreviewRow
from ss_desktop.services.importing.reading import MAX_FILE_BYTES
from ss_desktop.services.importing.report import row_reasons, write_error_report
from ss_desktop.services.importing.service import (
    BATCH_ROWS,
    ImportPreview,
    ImportResult,
    ImportService,
    ImportSource,
    SkippedRow,
    row_changes,
)

__all__ = [
    "BATCH_ROWS",
    "IMPORT_FIELDS",
    "MAX_FILE_BYTES",
    "REASON_HEADER",
    "CellProblem",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "ImportService",
    "ImportSource",
    "PreviewRow",
    "SkippedRow",
    "column_letter",
    "field_label",
    "import_text",
    "problem_text",
    "row_changes",
    "row_reasons",
    "write_error_report",
]
