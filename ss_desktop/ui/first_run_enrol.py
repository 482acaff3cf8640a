"""The first-run wizard's head-office page: enrol with a one-time code (when Next is pressed),
with an enrollment file head office wrote for a laptop without internet, or work offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.app import LocalApp
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.first_run_base import SETUP_SESSION, Page
from ss_desktop.ui.first_run_base import error_label as _error_label
from ss_desktop.ui.first_run_base import show as _show


class EnrollPage(Page):
    """Enrol with a code from head office (done when Next is pressed), or work offline.
    An enrolled laptop gets its sites from head office, so the site page is skipped."""

    def __init__(
        self, app: LocalApp | None = None, executor: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrollPage")
        self.app = app
        self.executor = executor
        self.enrolled: Any = None  # EnrollmentResult once enrolment worked
        self._busy = False
        self.offline = QRadioButton()
        self.offline.setObjectName("workOffline")
        self.with_code = QRadioButton()
        self.with_code.setObjectName("enrollWithCode")
        self.with_file = QRadioButton()
        self.with_file.setObjectName("enrollWithFile")
        group = QButtonGroup(self)
        for button in (self.offline, self.with_code, self.with_file):
            group.addButton(button)
        self.offline.setChecked(True)
        self.server = QLineEdit()
        self.server.setObjectName("enrollServer")
        self.server.setMaxLength(300)
        self.code = QLineEdit()
        self.code.setObjectName("enrollCode")
        self.code.setMaxLength(64)
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server)
        self.code_label.setBuddy(self.code)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.addRow(self.server_label, self.server)
        form.addRow(self.code_label, self.code)
        self.fields.setEnabled(False)
        # An enrollment file head office wrote for a laptop without internet.
        self.file_path = QLineEdit()
        self.file_path.setObjectName("enrollFile")
        self.browse = QPushButton()
        self.browse.setObjectName("enrollBrowse")
        self.file_fields = QWidget()
        by_file = QHBoxLayout(self.file_fields)
        by_file.addWidget(self.file_path, 1)
        by_file.addWidget(self.browse)
        self.file_fields.setEnabled(False)
        self.note = QLabel()
        self.note.setObjectName("enrollNote")
        self.note.setWordWrap(True)
        self.error = _error_label()
        self.error.setObjectName("enrollError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline)
        layout.addWidget(self.with_code)
        layout.addWidget(self.fields)
        layout.addWidget(self.with_file)
        layout.addWidget(self.file_fields)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.with_code.toggled.connect(self.fields.setEnabled)
        self.with_file.toggled.connect(self.file_fields.setEnabled)
        self.browse.clicked.connect(self._choose_file)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Head office"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Laptops send their records to head office when they can."
            )
        )
        self.offline.setText(QCoreApplication.translate("FirstRun", "&Work offline for now"))
        self.with_code.setText(
            QCoreApplication.translate("FirstRun", "I have an &enrolment code from head office")
        )
        self.server_label.setText(QCoreApplication.translate("FirstRun", "Head-office &address:"))
        self.server.setPlaceholderText("https://hq.example.org")
        self.code_label.setText(QCoreApplication.translate("FirstRun", "Enrolment &code:"))
        self.code.setPlaceholderText(QCoreApplication.translate("FirstRun", "Enrolment code"))
        self.with_file.setText(
            QCoreApplication.translate(
                "FirstRun", "I have an enrolment &file from head office (no internet here)"
            )
        )
        self.browse.setText(QCoreApplication.translate("FirstRun", "&Browse…"))
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Working offline, you register children on this laptop and they wait as pending changes; you can enrol later on the Sync page. With a code or a file, the laptop enrols when you press Next and gets its sites from head office; with a file, its changes travel to head office in USB bundles.",
            )
        )

    def nextId(self) -> int:
        return -1 if self.enrolled is not None else super().nextId()

    def validatePage(self) -> bool:
        if self.offline.isChecked() or self.enrolled is not None:
            return True
        if self._busy:
            return False
        if self.with_file.isChecked():
            path = self.file_path.text().strip()
            if not path:
                return self._refuse(
                    QT_TRANSLATE_NOOP("FirstRun", "Choose the enrollment file from head office.")
                )
            self._enrol(lambda service: service.enroll_file(Path(path)))
            return False
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server or not code:
            return self._refuse(
                QT_TRANSLATE_NOOP("FirstRun", "Enter head office's address and the enrolment code.")
            )
        self._enrol(lambda service: service.enroll(server, code))
        return False

    def _refuse(self, text: str) -> bool:
        _show(self.error, QCoreApplication.translate("FirstRun", text))
        return False

    def _enrol(self, job: Any) -> None:
        """Run *job* (given the SyncService) on the executor; Next waits for its answer."""
        if self.app is None or self.executor is None:
            return
        from ss_desktop.services.sync import SyncService

        self._busy = True
        _show(self.error, QCoreApplication.translate("FirstRun", "Enrolling…"))
        app = self.app
        self.executor.submit(
            lambda: job(SyncService(app, SETUP_SESSION)),
            write=True,
            on_result=self._enrolled,
            on_error=self._enrol_failed,
        )

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("FirstRun", "Enrollment file from head office"),
            "",
            QCoreApplication.translate("FirstRun", "Enrollment files (*.enroll);;All files (*)"),
        )
        if path:
            self.file_path.setText(path)

    def _enrolled(self, result: Any) -> None:
        self._busy = False
        self.enrolled = result
        for widget in (self.with_code, self.with_file, self.offline, self.fields, self.file_fields):
            widget.setEnabled(False)
        _show(self.error, "")
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Enrolled with head office as device {device} for {count} site(s). Press Finish; the sites and children arrive with the first sync.",
            ).format(device=result.device_id, count=len(result.sites))
        )
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.accept()

    def _enrol_failed(self, exc: BaseException) -> None:
        self._busy = False
        from ss_desktop.ui.sync_texts import sync_error_message

        code = getattr(exc, "code", None)
        params = getattr(exc, "params", {})
        text = (
            sync_error_message(code, params)
            if isinstance(code, str) and "." not in code
            else error_message(exc)
        )
        _show(self.error, text)
