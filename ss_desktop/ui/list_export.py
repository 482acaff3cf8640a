"""File > Export list: the children list as it is filtered now, to .xlsx or .csv, written on
the executor. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.exporting import (
    COLUMN_HEADERS,
    EXPORT_CONTEXT,
    ExportService,
    ValueLabel,
)
from ss_desktop.ui import form_labels as labels
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.models.children_model import stage_grade_text

# a child's status as the export writes it
STATUS = {
    "active": QT_TRANSLATE_NOOP("Enum", "Active"),
    "archived": QT_TRANSLATE_NOOP("Enum", "Archived"),
    "merged": QT_TRANSLATE_NOOP("Enum", "Merged"),
}


def ask_export_path(parent: QWidget) -> str:
    """The file to write, or "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Export list"),
        "children.xlsx",
        QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    )
    return path


def export_labels(
    translate: Callable[[str, str], str] = QCoreApplication.translate,
) -> tuple[dict[str, str], ValueLabel]:
    """Column headers and value labels of an export in the language of *translate*: 性别
    男/女, 小学3年级, 父亲, 居民户口 ... (the import reads them back, in both languages)."""
    kinds: dict[str, Mapping[Any, str]] = {
        "gender": labels.GENDER,
        "stage": labels.STAGE,
        "category": labels.CATEGORY,
        "hukou_type": labels.HUKOU_TYPE,
        "living": labels.LIVING,
        "relationship": labels.RELATIONSHIP,
        "status": STATUS,
    }
    value_labels = {
        kind: {code: translate(labels.ENUM_CONTEXT, text) for code, text in table.items()}
        for kind, table in kinds.items()
    }
    headers = {k: translate(EXPORT_CONTEXT, v) for k, v in COLUMN_HEADERS.items()}

    def value_label(kind: str, value: Any) -> str:
        if kind == "grade":
            return stage_grade_text(value[0], value[1], translate)
        return value_labels.get(kind, {}).get(value, "" if value is None else str(value))

    return headers, value_label


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
    headers, value_label = export_labels()

    def done(result: Any) -> None:
        on_done(
            QCoreApplication.translate("MainWindow", "Exported {n} children to {path}").format(
                n=result.rows, path=result.path
            )
        )

    app = ctx.app
    ctx.executor.submit(
        lambda: ExportService(app, session).export(
            Path(path), query, filters=filters, headers=headers, value_label=value_label
        ),
        on_result=done,
        on_error=on_error,
    )
