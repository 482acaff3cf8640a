"""The import wizard's first page: the file and the site of its children.

Nothing here waits on the disk or the database in the GUI thread: the user's sites are loaded
on the executor when the page opens, and the file is read there when the user presses Next
(a class list of a few thousand rows takes seconds to read on an old laptop). While it is read
the page says so and Next is disabled; when it is read the wizard moves on by itself. A file
that cannot be read keeps the page, with the message that says what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)
from shiboken6 import isValid

from ss_desktop.services.importing import ImportFileError, ImportService, ImportSource, import_text
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.executor import DbExecutor


def qt_translate(context: str, text: str) -> str:
    """The translate function the import messages take (ss_desktop.services.importing)."""
    return QCoreApplication.translate(context, text)


class FilePage(QWizardPage):
    # The file read (an ImportSource) and the site of its children, once both are chosen.
    chosen = Signal(object, str)

    def __init__(self, executor: DbExecutor, service: ImportService) -> None:
        super().__init__()
        self._executor = executor
        self._service = service
        self.setTitle(QCoreApplication.translate("ImportWizard", "Choose the class list"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard", "An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK)."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        browse = QPushButton(QCoreApplication.translate("ImportWizard", "Browse…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.site_combo = QComboBox()
        self.site_combo.setObjectName("importSite")
        self.status = QLabel()  # "Reading the file…"
        self.status.setObjectName("importFileStatus")
        self.error = QLabel()
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a61b1b")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("ImportWizard", "File:"), row)
        form.addRow(
            QCoreApplication.translate("ImportWizard", "Site of these children:"), self.site_combo
        )
        form.addRow(self.status)
        form.addRow(self.error)
        self.path_edit.textChanged.connect(self._path_changed)
        self._sites_loaded = False
        self._reading: Path | None = None  # the file being read now
        self._read: tuple[Path, ImportSource] | None = None  # the file read last

    # -- sites ---------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._sites_loaded = False
        self.site_combo.clear()
        self.site_combo.setPlaceholderText(QCoreApplication.translate("ImportWizard", "Loading…"))
        self._executor.submit(
            self._service.sites, on_result=self._show_sites, on_error=self._sites_failed
        )

    def _show_sites(self, sites: list[tuple[str, str, Any]]) -> None:
        self.site_combo.clear()
        for site_id, name, _code in sites:
            self.site_combo.addItem(name, site_id)
        self.site_combo.setPlaceholderText("")
        if sites:  # (with a placeholder text, a combo box selects nothing by itself)
            self.site_combo.setCurrentIndex(0)
        self._sites_loaded = True
        self.completeChanged.emit()

    def _sites_failed(self, exc: BaseException) -> None:
        self.error.setText(error_message(exc))

    # -- the file ------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportWizard", "Choose the class list"),
            "",
            QCoreApplication.translate("ImportWizard", "Class lists (*.xlsx *.csv *.xls)"),
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self) -> None:
        self._read = None
        self.error.clear()
        self.completeChanged.emit()

    def is_reading(self) -> bool:
        return self._reading is not None

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self._sites_loaded and not self.is_reading()

    def validatePage(self) -> bool:
        self.error.clear()
        if self.site_combo.currentData() is None:
            self.error.setText(import_text("import.site_required", {}, qt_translate))
            return False
        path = Path(self.path_edit.text().strip())
        if self._read is not None and self._read[0] == path:
            self.chosen.emit(self._read[1], self.site_combo.currentData())
            return True
        if self._reading is None:
            self._start_reading(path)
        return False  # the wizard moves on when the file is read (_file_read)

    def _start_reading(self, path: Path) -> None:
        self._reading = path
        self.status.setText(QCoreApplication.translate("ImportWizard", "Reading the file…"))
        self.completeChanged.emit()
        self._executor.submit(
            self._service.open,
            path,
            on_result=lambda source: self._file_read(path, source),
            on_error=lambda exc: self._read_failed(path, exc),
        )

    def _file_read(self, path: Path, source: ImportSource) -> None:
        if not isValid(self):
            return  # the wizard was closed while the file was read
        self._finish_reading()
        if Path(self.path_edit.text().strip()) != path:
            return  # another file was chosen meanwhile: the user presses Next again
        self._read = (path, source)
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _read_failed(self, path: Path, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._finish_reading()
        if Path(self.path_edit.text().strip()) != path:
            return
        if isinstance(exc, ImportFileError):
            self.error.setText(import_text(exc.code, exc.params, qt_translate))
        else:
            self.error.setText(error_message(exc))

    def _finish_reading(self) -> None:
        self._reading = None
        self.status.clear()
        self.completeChanged.emit()
