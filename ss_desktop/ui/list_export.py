"""File > Export list: the children list as it is filtered now, to .xlsx or .csv, written on
the executor. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ss_desktop.services.exporting import COLUMN_HEADERS, EXPORT_CONTEXT, ExportService
from ss_desktop.ui import form_labels as labels
from ss_desktop.ui.context import UiContext


def ask_export_path(parent: QWidget) -> str:
    """The file to write, or "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Export list"),
        "children.xlsx",
        QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    )
    return path


def export_children(
    ctx: UiContext,
    session: Any,
    path: str,
    query: str,
    filters: dict[str, Any],
    *,
    on_done: Callable[[str], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Write the list with translated headers and value labels; *on_done* gets the line the
    status bar shows."""
    kinds = {
        "gender": labels.GENDER,
        "stage": labels.STAGE,
        "category": labels.CATEGORY,
        "hukou_type": labels.HUKOU_TYPE,
        "living": labels.LIVING,
        "relationship": labels.RELATIONSHIP,
    }
    value_labels = {
        kind: {code: labels.enum_label(table, code) for code in table}
        for kind, table in kinds.items()
    }
    headers = {k: QCoreApplication.translate(EXPORT_CONTEXT, v) for k, v in COLUMN_HEADERS.items()}

    def value_label(kind: str, value: Any) -> str:
        return value_labels.get(kind, {}).get(value, "" if value is None else str(value))

    def done(result: Any) -> None:
        on_done(
            QCoreApplication.translate("MainWindow", "Exported {n} children to {path}").format(
                n=result.rows, path=result.path
            )
        )

    app = ctx.app
    ctx.executor.submit(
        lambda: ExportService(app, session).export(
            path, query, filters=filters, headers=headers, value_label=value_label
        ),
        on_result=done,
        on_error=on_error,
    )
