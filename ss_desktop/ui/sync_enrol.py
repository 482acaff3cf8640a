"""The Sync page's enrolment box: with head office's address and a one-time code (online), or
with an enrollment file head office wrote for a laptop that has never been online."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ss_desktop.services.sync import SyncService
from ss_desktop.ui.context import Touched, UiContext
from ss_desktop.ui.sync_texts import error_text
from ss_desktop.ui.widgets import while_alive


class EnrolPanel(QGroupBox):
    """Shown while the laptop is not enrolled (or was revoked). Enrolment runs on the
    executor; ``enrolled(online)`` says it worked, ``state`` carries what to tell the user."""

    enrolled = Signal(bool)  # True: by code, head office is reachable; False: from a file
    state = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("enrolServer")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrolCode")
        self.code_edit.setMaxLength(64)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolButton")
        self.file_button = QPushButton()
        self.file_button.setObjectName("enrolFileButton")
        self.file_note = QLabel()
        self.file_note.setWordWrap(True)
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server_edit)
        self.code_label.setBuddy(self.code_edit)
        form = QFormLayout(self)
        form.addRow(self.server_label, self.server_edit)
        form.addRow(self.code_label, self.code_edit)
        form.addRow(self.enrol_button)
        by_file = QHBoxLayout()
        by_file.addWidget(self.file_button)
        by_file.addWidget(self.file_note, 1)
        form.addRow(by_file)
        self.enrol_button.clicked.connect(self.enrol)
        self.code_edit.returnPressed.connect(self.enrol)
        self.file_button.clicked.connect(self.enrol_from_file)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("SyncPage", "Enrol this laptop"))
        self.server_label.setText(QCoreApplication.translate("SyncPage", "Head-office &address:"))
        self.server_edit.setPlaceholderText("https://hq.example.org")
        self.code_label.setText(QCoreApplication.translate("SyncPage", "Enrolment &code:"))
        self.enrol_button.setText(QCoreApplication.translate("SyncPage", "&Enrol"))
        self.file_button.setText(
            QCoreApplication.translate("SyncPage", "Enrol with a &file from head office…")
        )
        self.file_note.setText(
            QCoreApplication.translate(
                "SyncPage",
                "No internet here? Head office can write an enrollment file for this laptop; its changes then travel in USB bundles.",
            )
        )

    def _set_busy(self, busy: bool) -> None:
        self.enrol_button.setEnabled(not busy)
        self.file_button.setEnabled(not busy)

    def enrol(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            self.state.emit(
                QCoreApplication.translate(
                    "SyncPage", "Enter head office's address and the enrolment code."
                )
            )
            return
        self._run(lambda service: service.enroll(server, code), online=True)

    def enrol_from_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SyncPage", "Enrollment file from head office"),
            "",
            QCoreApplication.translate("SyncPage", "Enrollment files (*.enroll);;All files (*)"),
        )
        if path:
            self.enrol_with_file(Path(path))

    def enrol_with_file(self, path: Path) -> None:
        self._run(lambda service: service.enroll_file(path), online=False)

    def _run(self, job: Any, *, online: bool) -> None:
        session = self.ctx.session
        if session is None:
            return
        self._set_busy(True)
        self.state.emit(QCoreApplication.translate("SyncPage", "Enrolling…"))
        app = self.ctx.app

        def done(result: Any) -> None:
            self._set_busy(False)
            self.code_edit.clear()
            # a file's sites: the open lists show them
            self.ctx.publish(Touched(getattr(result, "changed", None) or {}))
            self.enrolled.emit(online)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.state.emit(error_text(exc))

        self.ctx.executor.submit(
            lambda: job(SyncService(app, session)),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(self, failed),
        )


class AddressPanel(QGroupBox):
    """Shown for a laptop enrolled with a file that named no head-office address: entering
    the address lets it also sync over the internet once it has a connection."""

    saved = Signal()
    state = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("syncAddress")
        self.address_edit.setMaxLength(300)
        self.save_button = QPushButton()
        self.save_button.setObjectName("syncAddressSave")
        self.address_label = QLabel()
        self.address_label.setBuddy(self.address_edit)
        row = QHBoxLayout(self)
        row.addWidget(self.address_label)
        row.addWidget(self.address_edit, 1)
        row.addWidget(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.address_edit.returnPressed.connect(self.save)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("SyncPage", "Sync over the internet too"))
        self.address_label.setText(QCoreApplication.translate("SyncPage", "Head-office &address:"))
        self.address_edit.setPlaceholderText("https://hq.example.org")
        self.save_button.setText(QCoreApplication.translate("SyncPage", "&Save the address"))

    def save(self) -> None:
        session = self.ctx.session
        address = self.address_edit.text().strip()
        if session is None or not address:
            return
        self.save_button.setEnabled(False)
        app = self.ctx.app

        def done(_url: Any) -> None:
            self.save_button.setEnabled(True)
            self.address_edit.clear()
            self.saved.emit()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.state.emit(error_text(exc))

        self.ctx.executor.submit(
            lambda: SyncService(app, session).set_server_url(address),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(self, failed),
        )
