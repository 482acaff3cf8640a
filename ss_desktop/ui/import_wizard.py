"""The "Import class list" wizard: file and site -> column mapping -> preview with each
problem on its cell -> import with a progress bar and cancel -> summary and error report.

Reading the file (ss_desktop/ui/import_file_page.py), preview and import run on the executor; the import reports progress through a signal and
stops between batches when cancelled (batches already saved stay saved: the summary says so).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ss_desktop.services.importing import (
    IMPORT_FIELDS,
    ImportFileError,
    ImportPreview,
    ImportResult,
    ImportService,
    ImportSource,
    column_letter,
    field_label,
    import_text,
    problem_text,
    write_error_report,
)
from ss_desktop.services.importing.values import cell_text
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.import_file_page import FilePage, qt_translate
from ss_desktop.ui.operation import run_write

log = logging.getLogger(__name__)

PREVIEW_ROWS_SHOWN = 2000
ERROR_COLOUR = QColor("#f8d7da")
WARNING_COLOUR = QColor("#fff3cd")


def _problem(problem: Any) -> str:
    return problem_text(problem, qt_translate)


class _Progress(QObject):
    changed = Signal(int, int)


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Which column holds what?"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                'Check the suggestion; choose "(do not import)" for columns to skip.',
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "Column"),
                QCoreApplication.translate("ImportWizard", "First value"),
                QCoreApplication.translate("ImportWizard", "Import as"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.error = QLabel()
        self.error.setObjectName("mappingError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a61b1b")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        source = self.wiz.source
        assert source is not None
        rows = source.data_rows
        first = rows[0][1] if rows else []
        self.table.setRowCount(source.column_count)
        self.combos = []
        for index, header in enumerate(source.header.cells):
            self.table.setItem(index, 0, QTableWidgetItem(f"{column_letter(index)}  {header}"))
            sample = cell_text(first[index]) if index < len(first) else ""
            self.table.setItem(index, 1, QTableWidgetItem(sample))
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("ImportWizard", "(do not import)"), None)
            for name in IMPORT_FIELDS:
                combo.addItem(field_label(name, qt_translate), name)
            combo.setCurrentIndex(max(0, combo.findData(source.suggested.get(index))))
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.error.clear()

    def mapping(self) -> dict[int, str | None]:
        return {i: c.currentData() for i, c in enumerate(self.combos)}

    def _check(self) -> None:
        from ss_desktop.services.importing.mapping import check_mapping

        source = self.wiz.source
        assert source is not None  # the combos exist once initializePage showed a source
        try:
            check_mapping(self.mapping(), source.header)
        except ImportFileError as exc:
            self.error.setText(import_text(exc.code, exc.params, qt_translate))
        else:
            self.error.clear()

    def validatePage(self) -> bool:
        self._check()
        return not self.error.text()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Preview"))
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("previewTable")
        self.detail = QLabel()  # the problems of the current row, also for keyboard users
        self.detail.setObjectName("previewDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #a61b1b")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.currentCellChanged.connect(self._row_chosen)
        self._ready = False

    def initializePage(self) -> None:
        self._ready = False
        self.table.clear()
        self.summary.setText(QCoreApplication.translate("ImportWizard", "Checking every row…"))
        wiz = self.wiz
        mapping = wiz.mapping_page.mapping()
        service, source, site = wiz.service, wiz.source, wiz.site_id
        assert source is not None and site is not None  # the file page chose both
        wiz.ctx.executor.submit(
            lambda: service.preview(source, mapping, site),
            on_result=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportFileError):
            self.summary.setText(import_text(exc.code, exc.params, qt_translate))
        else:
            self.summary.setText(error_message(exc))

    def _show(self, preview: ImportPreview) -> None:
        self.wiz.preview = preview
        source = preview.source
        shown = preview.rows[:PREVIEW_ROWS_SHOWN]
        self.table.setColumnCount(source.column_count)
        self.table.setRowCount(len(shown))
        self.table.setHorizontalHeaderLabels(
            [
                f"{h}\n→ {field_label(preview.mapping[i], qt_translate)}"
                if i in preview.mapping
                else h
                for i, h in enumerate(source.header.cells)
            ]
        )
        self.table.setVerticalHeaderLabels([str(r.number) for r in shown])
        for r, row in enumerate(shown):
            for c in range(source.column_count):
                item = QTableWidgetItem(cell_text(row.cells[c]) if c < len(row.cells) else "")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                problems = row.problems_in(c)
                if problems:
                    bad = any(p.severity == "error" for p in problems)
                    item.setBackground(QBrush(ERROR_COLOUR if bad else WARNING_COLOUR))
                    item.setToolTip("\n".join(_problem(p) for p in problems))
                self.table.setItem(r, c, item)
            whole = [p for p in row.problems if p.column is None]
            if whole:
                head = self.table.verticalHeaderItem(r)
                head.setBackground(QBrush(ERROR_COLOUR))
                head.setToolTip("\n".join(_problem(p) for p in whole))
        self.table.resizeColumnsToContents()
        summary = QCoreApplication.translate(
            "ImportWizard",
            "{ok} rows can be imported; {bad} rows have problems and will not be imported "
            "({dup} of them are already registered or repeated). Point at a coloured cell "
            "to see what is wrong.",
        ).format(
            ok=len(preview.valid_rows),
            bad=len(preview.rejected_rows),
            dup=preview.duplicate_count,
        )
        if preview.skipped:
            summary += " " + QCoreApplication.translate(
                "ImportWizard", "Rows {rows} are totals or signatures, not children: skipped."
            ).format(rows=", ".join(str(r.number) for r in preview.skipped))
        self.summary.setText(summary)
        self._ready = True
        self.completeChanged.emit()

    def _row_chosen(self, row: int, *_args: Any) -> None:
        preview = self.wiz.preview
        if preview is None or not 0 <= row < len(preview.rows):
            self.detail.clear()
            return
        from ss_desktop.services.importing import row_reasons

        self.detail.setText(row_reasons(preview.rows[row], preview.source.header, qt_translate))

    def isComplete(self) -> bool:
        return self._ready and self.wiz.preview is not None and bool(self.wiz.preview.valid_rows)


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Importing"))
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(
            QCoreApplication.translate("ImportWizard", "Stop after this batch")
        )
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._signals = _Progress()
        self._signals.changed.connect(self._progress)
        self._cancel = threading.Event()
        self._done = False

    def initializePage(self) -> None:
        self._done = False
        self._cancel.clear()
        preview = self.wiz.preview
        assert preview is not None
        self.progress.setRange(0, max(1, len(preview.valid_rows)))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(
            QCoreApplication.translate("ImportWizard", "Saving the rows without problems…")
        )
        service, signals, cancel = self.wiz.service, self._signals, self._cancel
        run_write(
            self.wiz.ctx,
            lambda: service.run(
                preview, progress=signals.changed.emit, should_cancel=cancel.is_set
            ),
            on_done=self._finished,
            on_error=self._failed,
        )

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(
            QCoreApplication.translate(
                "ImportWizard", "Stopping after the current batch; rows already saved stay saved."
            )
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _finished(self, result: ImportResult) -> None:
        self.wiz.result = result
        self._done = True
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_message(exc))
        self.cancel_button.setEnabled(False)

    def isComplete(self) -> bool:
        return self._done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(QCoreApplication.translate("ImportWizard", "Done"))
        self.text = QLabel()
        self.text.setObjectName("importSummary")
        self.text.setWordWrap(True)
        self.save_button = QPushButton(
            QCoreApplication.translate("ImportWizard", "Save error report…")
        )
        self.save_button.setObjectName("saveErrorReport")
        self.save_button.clicked.connect(self.save_report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.wiz.result
        assert result is not None
        lines = [
            QCoreApplication.translate("ImportWizard", "{n} children were imported.").format(
                n=result.imported
            )
        ]
        if result.cancelled:
            lines.append(
                QCoreApplication.translate(
                    "ImportWizard",
                    "The import was stopped: {n} rows without problems were not "
                    "imported. Import the file again to add them; the rows already "
                    "imported will be recognised as duplicates.",
                ).format(n=result.not_attempted)
            )
        if result.rejected:
            lines.append(
                QCoreApplication.translate(
                    "ImportWizard",
                    "{n} rows were not imported. Save the error report, fix the rows "
                    "in Excel and import the report again.",
                ).format(n=len(result.rejected))
            )
        self.text.setText("\n\n".join(lines))
        self.save_button.setVisible(bool(result.rejected))

    def save_report(self, path: str | None = None) -> Path | None:
        result, source = self.wiz.result, self.wiz.source
        if result is None or source is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ImportWizard", "Save error report"),
                str(source.path.with_name(source.path.stem + "-errors.xlsx")),
                QCoreApplication.translate("ImportWizard", "Excel workbook (*.xlsx)"),
            )
        if not path:
            return None
        target = write_error_report(
            Path(path),
            source.header,
            result.rejected,
            qt_translate,
            row_label=QCoreApplication.translate("ImportWizard", "Row"),
        )
        self.text.setText(
            self.text.text()
            + "\n\n"
            + QCoreApplication.translate("ImportWizard", "Saved: {path}").format(path=target)
        )
        return target


class ImportWizard(QWizard):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(QCoreApplication.translate("ImportWizard", "Import class list"))
        self.ctx = ctx
        self.service = ImportService(ctx.app, ctx.require_session())
        self.source: ImportSource | None = None
        self.site_id: str | None = None
        self.preview: ImportPreview | None = None
        # shadows QDialog.result() (unused here); pages and tests read the attribute
        self.result: ImportResult | None = None  # type: ignore[assignment]
        self.file_page = FilePage(ctx.executor, self.service)
        self.file_page.chosen.connect(self._file_chosen)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.summary_page = SummaryPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.run_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)

    def _file_chosen(self, source: ImportSource, site_id: str) -> None:
        self.source, self.site_id = source, site_id

    def reject(self) -> None:
        # Cancel while saving: stop between batches instead of leaving a half-done state.
        if self.currentPage() is self.run_page and not self.run_page.isComplete():
            self.run_page.cancel()
            return
        super().reject()
