"""The Sync page: enrolment, server and device, last sync and pending changes, "Sync now"
with a progress bar, the recent rounds, the clock warning, the quarantine of refused changes
(open the record, retry after fixing it, dismiss), and USB bundles.

Rounds run in the sync thread (ss_desktop.ui.sync_worker); everything else here runs on the
executor. The page never waits on the network or the disk.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.errors import ServiceError
from ss_desktop.services.messages import fill
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.quarantine import QuarantineService
from ss_desktop.services.sync import SyncService
from ss_desktop.services.sync_messages import SYNC_CONTEXT, SYNC_TEMPLATES, describe_offset
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.sync_worker import SyncController
from ss_desktop.ui.widgets import while_alive

log = logging.getLogger(__name__)
MAX_ROUNDS_SHOWN = 10


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


# Head office's reasons for refusing a change (ss_core.protocol.wire.ErrorCode), in words.
REASONS = {
    "validation_failed": QT_TRANSLATE_NOOP(
        "SyncPage", "Head office found a value it cannot accept. Correct the record, then retry."
    ),
    "forbidden_site": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The record belongs to a site this laptop is not enrolled for. Move it to one of this laptop's sites, or ask head office to add the site, then retry.",
    ),
    "clock_skew": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change was stamped with a date far in the future. Set the laptop's date and time, then retry.",
    ),
    "unknown_entity": QT_TRANSLATE_NOOP(
        "SyncPage", "Head office does not know this kind of record. Update the app, then retry."
    ),
    "malformed": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change could not be read by head office. Retry; if it comes back, dismiss it.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The change refers to a record head office does not have. Retry after the first sync.",
    ),
}
OTHER_REASON = QT_TRANSLATE_NOOP("SyncPage", "Head office refused the change ({reason}).")
ENTITIES = {
    "child": QT_TRANSLATE_NOOP("SyncPage", "Child"),
    "guardian": QT_TRANSLATE_NOOP("SyncPage", "Guardian"),
    "consent": QT_TRANSLATE_NOOP("SyncPage", "Consent"),
    "enrollment": QT_TRANSLATE_NOOP("SyncPage", "Programme enrolment"),
    "site": QT_TRANSLATE_NOOP("SyncPage", "Site"),
    "program": QT_TRANSLATE_NOOP("SyncPage", "Programme"),
    "attendance_session": QT_TRANSLATE_NOOP("SyncPage", "Attendance session"),
    "attendance_mark": QT_TRANSLATE_NOOP("SyncPage", "Attendance mark"),
}
PHASES = {
    "push": QT_TRANSLATE_NOOP("SyncPage", "Sending changes: {done} of {total}"),
    "pull": QT_TRANSLATE_NOOP("SyncPage", "Receiving changes from head office: {done}"),
    "check": QT_TRANSLATE_NOOP("SyncPage", "Comparing with head office…"),
}


def sync_error_message(code: str, params: dict[str, Any] | None = None) -> str:
    """Translated text for a sync error code (ss_desktop.services.sync_messages)."""
    params = dict(params or {})
    if code.startswith("service:"):
        return error_message(ServiceError(code.split(":", 1)[1], **params))
    template = SYNC_TEMPLATES.get(code)
    if template is None:
        return QCoreApplication.translate(
            "Errors",
            "Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.",
        ).format(type=params.get("type", code))
    return fill(QCoreApplication.translate(SYNC_CONTEXT, template), params)


def clock_warning_message(offset_ms: int) -> str:
    amount = describe_offset(offset_ms)
    direction = (
        QCoreApplication.translate("SyncPage", "ahead")
        if offset_ms < 0
        else QCoreApplication.translate("SyncPage", "behind")
    )
    return sync_error_message("clock_off", {"amount": f"{amount} ({direction})"})


def audit_warning_message(problem: str | None, row: int | None) -> str:
    """What the user reads when head office finds this laptop's audit log altered."""
    texts = {
        "hash_mismatch": QCoreApplication.translate(
            "SyncPage", "Audit log row {row} was changed on this laptop before it was sent."),
        "gap": QCoreApplication.translate(
            "SyncPage", "Audit log rows before row {row} were deleted on this laptop."),
        "prev_mismatch": QCoreApplication.translate(
            "SyncPage", "Audit log rows before row {row} were changed on this laptop."),
        "rewritten": QCoreApplication.translate(
            "SyncPage", "This laptop's audit log was rewritten from row {row} (edited, or an "
            "older backup was restored)."),
        "laptop_reported": QCoreApplication.translate(
            "SyncPage", "Audit log row {row} was changed on this laptop after it was sent; head "
            "office keeps the original."),
    }
    detail = texts.get(problem or "", QCoreApplication.translate(
        "SyncPage", "This laptop's audit log does not verify from row {row}."))
    return QCoreApplication.translate(
        "SyncPage", "{detail} Head office has been told. Syncing goes on; tell your coordinator."
    ).format(detail=detail.format(row=row if row is not None else "?"))


def reason_text(reason: str) -> str:
    template = REASONS.get(reason)
    if template is None:
        return _t(OTHER_REASON).format(reason=reason)
    return _t(template)


def local_time(value: Any) -> str:
    if not value:
        return QCoreApplication.translate("SyncPage", "never")
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _table(object_name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(object_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SyncPage(QWidget):
    open_child_requested = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx = ctx
        self.controller = controller or SyncController(ctx, self)
        self._stats: dict[str, Any] = {}
        self._status: dict[str, Any] = {}
        self._rounds: list[dict[str, Any]] = []
        self._entries: list[Any] = []
        self._error: tuple[str, dict] | None = None
        self._build()
        c = self.controller
        c.round_started.connect(self._round_started)
        c.progress.connect(self._progress)
        c.round_finished.connect(self._round_finished)
        c.round_failed.connect(self._round_failed)
        c.status_changed.connect(self._status_changed)
        c.online_changed.connect(lambda _online: self._show_state())
        c.running_changed.connect(lambda _running: self._show_state())
        ctx.events.data_changed.connect(lambda _touched: self._reload_quarantine())
        self.retranslate()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.clock_warning = QLabel()
        self.clock_warning.setObjectName("clockWarning")
        self.clock_warning.setWordWrap(True)
        self.clock_warning.setStyleSheet("color: #8a5a00;")
        self.clock_warning.hide()
        self.audit_warning = QLabel()
        self.audit_warning.setObjectName("auditWarning")
        self.audit_warning.setWordWrap(True)
        self.audit_warning.setStyleSheet("color: #a00000;")
        self.audit_warning.hide()

        self.enrol_box = QGroupBox()
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("enrolServer")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrolCode")
        self.code_edit.setMaxLength(64)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolButton")
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server_edit)
        self.code_label.setBuddy(self.code_edit)
        enrol = QFormLayout(self.enrol_box)
        enrol.addRow(self.server_label, self.server_edit)
        enrol.addRow(self.code_label, self.code_edit)
        enrol.addRow(self.enrol_button)

        self.facts = QGroupBox()
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        facts = QFormLayout(self.facts)
        for key in ("server", "device", "sites", "last_sync", "pending", "quarantined"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"syncFact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = (name, value)
            facts.addRow(name, value)

        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNowButton")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportBundleButton")
        self.receipt_button = QPushButton()
        self.receipt_button.setObjectName("receiveReceiptButton")
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.export_button, self.receipt_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("syncProgressText")
        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)

        self.rounds_box = QGroupBox()
        self.rounds = _table("syncRounds", 6)
        self.rounds.setMaximumHeight(160)
        QVBoxLayout(self.rounds_box).addWidget(self.rounds)

        self.quarantine_box = QGroupBox()
        self.quarantine = _table("quarantineTable", 3)
        self.quarantine.setWordWrap(True)
        self.quarantine.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.quarantine.horizontalHeader().setStretchLastSection(False)
        self.quarantine_empty = QLabel()
        self.quarantine_empty.setObjectName("quarantineEmpty")
        self.open_button = QPushButton()
        self.open_button.setObjectName("quarantineOpen")
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("quarantineRetry")
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("quarantineDismiss")
        row = QHBoxLayout()
        for button in (self.open_button, self.retry_button, self.dismiss_button):
            row.addWidget(button)
        row.addStretch(1)
        q = QVBoxLayout(self.quarantine_box)
        q.addWidget(self.quarantine_empty)
        q.addWidget(self.quarantine)
        q.addLayout(row)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.clock_warning)
        layout.addWidget(self.audit_warning)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.rounds_box)
        layout.addWidget(self.quarantine_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.sync_button.clicked.connect(self.sync_now)
        self.enrol_button.clicked.connect(self.enrol)
        self.code_edit.returnPressed.connect(self.enrol)
        self.export_button.clicked.connect(self.export_bundle)
        self.receipt_button.clicked.connect(self.receive_receipt)
        self.open_button.clicked.connect(self.open_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.quarantine.itemSelectionChanged.connect(self._selection_changed)
        self.quarantine.doubleClicked.connect(lambda _index: self.open_selected())

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SyncPage", "Sync with head office"))
        self.enrol_box.setTitle(QCoreApplication.translate("SyncPage", "Enrol this laptop"))
        self.server_label.setText(QCoreApplication.translate("SyncPage", "Head-office &address:"))
        self.server_edit.setPlaceholderText("https://hq.example.org")
        self.code_label.setText(QCoreApplication.translate("SyncPage", "Enrolment &code:"))
        self.enrol_button.setText(QCoreApplication.translate("SyncPage", "&Enrol"))
        self.facts.setTitle(QCoreApplication.translate("SyncPage", "This laptop"))
        names = {
            "server": QCoreApplication.translate("SyncPage", "Head office:"),
            "device": QCoreApplication.translate("SyncPage", "Device:"),
            "sites": QCoreApplication.translate("SyncPage", "Sites:"),
            "last_sync": QCoreApplication.translate("SyncPage", "Last sync:"),
            "pending": QCoreApplication.translate("SyncPage", "Pending changes:"),
            "quarantined": QCoreApplication.translate("SyncPage", "Quarantined:"),
        }
        for key, (label, _value) in self.fact_labels.items():
            label.setText(names[key])
        self.sync_button.setText(QCoreApplication.translate("SyncPage", "&Sync now"))
        self.sync_button.setToolTip(
            QCoreApplication.translate("SyncPage", "Send and receive changes now (Ctrl+Shift+S)")
        )
        self.export_button.setText(QCoreApplication.translate("SyncPage", "Write USB &bundle…"))
        self.receipt_button.setText(QCoreApplication.translate("SyncPage", "Read &receipt…"))
        self.rounds_box.setTitle(QCoreApplication.translate("SyncPage", "Recent rounds"))
        self.rounds.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncPage", "Time"),
                QCoreApplication.translate("SyncPage", "Sent"),
                QCoreApplication.translate("SyncPage", "Received"),
                QCoreApplication.translate("SyncPage", "Refused"),
                QCoreApplication.translate("SyncPage", "Seconds"),
                QCoreApplication.translate("SyncPage", "Checksum"),
            ]
        )
        self.quarantine_box.setTitle(
            QCoreApplication.translate("SyncPage", "Quarantine: changes head office refused")
        )
        self.quarantine.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncPage", "Record"),
                QCoreApplication.translate("SyncPage", "Reason"),
                QCoreApplication.translate("SyncPage", "When"),
            ]
        )
        self.quarantine_empty.setText(QCoreApplication.translate("SyncPage", "No refused changes."))
        self.open_button.setText(QCoreApplication.translate("SyncPage", "&Open the record"))
        self.retry_button.setText(QCoreApplication.translate("SyncPage", "&Retry"))
        self.retry_button.setToolTip(
            QCoreApplication.translate("SyncPage", "Send the record again, after you fixed it")
        )
        self.dismiss_button.setText(QCoreApplication.translate("SyncPage", "&Dismiss"))
        self._show_state()
        self._show_facts()
        self._fill_rounds()
        self._fill_quarantine()

    # -- state --------------------------------------------------------------------------
    def activate(self) -> None:
        self.controller.refresh_status()
        self._reload_quarantine()

    def show_stats(self, stats: dict[str, Any]) -> None:
        self._stats = dict(stats)
        self._show_facts()
        if int(stats.get("quarantined", 0) or 0) != len(self._entries):
            self._reload_quarantine()

    def _status_changed(self, status: dict) -> None:
        self._status = dict(status)
        report = status.get("last_report")
        if report and not self._rounds:
            self._rounds = [dict(report, at=status.get("last_sync_at"))]
            self._fill_rounds()
        self._show_state()
        self._show_facts()

    def _show_state(self) -> None:
        c = self.controller
        enrolled = bool(self._status.get("enrolled"))
        revoked = bool(self._status.get("revoked")) or c.revoked
        self.enrol_box.setVisible(not enrolled or revoked)
        can_sync = enrolled and not revoked and not c.running
        self.sync_button.setEnabled(can_sync)
        self.export_button.setEnabled(enrolled and not revoked)
        self.receipt_button.setEnabled(enrolled and not revoked)
        if revoked:
            text = sync_error_message("device_revoked")
        elif not self._status:
            text = ""
        elif not enrolled:
            text = QCoreApplication.translate(
                "SyncPage",
                "This laptop is not enrolled with head office yet, so it does not sync. Ask head office for an enrolment code, then enter their address and the code below. Until then everything you save stays on this laptop as pending changes.",
            )
        elif c.running:
            text = QCoreApplication.translate("SyncPage", "Syncing with head office…")
        elif self._error is not None:
            text = sync_error_message(*self._error)
        elif c.online is False:
            text = QCoreApplication.translate(
                "SyncPage",
                "Head office cannot be reached right now. Your changes are kept on this laptop; sync starts by itself when head office can be reached.",
            )
        elif c.online:
            text = QCoreApplication.translate(
                "SyncPage", "Head office can be reached. Sync runs by itself every few minutes."
            )
        else:
            text = QCoreApplication.translate(
                "SyncPage", "Checking whether head office can be reached…"
            )
        self.state.setText(text)

    def _show_facts(self) -> None:
        status, stats = self._status, self._stats
        sites = status.get("sites") or ()
        values = {
            "server": status.get("server_url")
            or QCoreApplication.translate("SyncPage", "not enrolled"),
            "device": status.get("device_id") or "—",
            "sites": str(len(sites)) if sites else "—",
            "last_sync": local_time(status.get("last_sync_at") or stats.get("last_sync")),
            "pending": str(stats.get("pending_changes", status.get("pending", 0))),
            "quarantined": str(stats.get("quarantined", status.get("quarantined", 0))),
        }
        for key, (_label, value) in self.fact_labels.items():
            value.setText(values[key])

    # -- a round ------------------------------------------------------------------------
    def sync_now(self) -> None:
        if not self.controller.sync_now():
            self.message.emit(QCoreApplication.translate("SyncPage", "A sync is already running."))

    def _round_started(self) -> None:
        self._error = None
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.progress_label.setText(
            QCoreApplication.translate("SyncPage", "Connecting to head office…")
        )
        self.result_label.clear()
        self._show_state()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if phase == "push" and total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        else:
            self.progress_bar.setRange(0, 0)
        template = PHASES.get(phase, PHASES["check"])
        self.progress_label.setText(_t(template).format(done=done, total=max(total, done)))

    def _round_finished(self, report: dict) -> None:
        self.progress_bar.hide()
        self.progress_label.clear()
        self.result_label.setText(
            QCoreApplication.translate(
                "SyncPage", "Sync finished: {pushed} sent, {pulled} received, {rejected} refused."
            ).format(
                pushed=report.get("pushed", 0),
                pulled=report.get("pulled", 0),
                rejected=report.get("rejected", 0),
            )
        )
        self._rounds.insert(0, dict(report, at=datetime.now().astimezone().isoformat()))
        del self._rounds[MAX_ROUNDS_SHOWN:]
        self._fill_rounds()
        offset = report.get("clock_offset_ms") or 0
        warn = bool(report.get("clock_warning"))
        self.clock_warning.setText(clock_warning_message(int(offset)) if warn else "")
        self.clock_warning.setVisible(warn)
        broken = report.get("audit_chain_ok") is False
        self.audit_warning.setText(
            audit_warning_message(report.get("audit_problem"), report.get("audit_broken_at"))
            if broken else ""
        )
        self.audit_warning.setVisible(broken)
        self._show_state()
        self._reload_quarantine()

    def _round_failed(self, code: str, params: dict) -> None:
        self.progress_bar.hide()
        self.progress_label.clear()
        self._error = (code, params)
        self.result_label.setText(
            QCoreApplication.translate("SyncPage", "Sync stopped. Nothing was lost.")
        )
        self._show_state()

    def _fill_rounds(self) -> None:
        self.rounds.setRowCount(len(self._rounds))
        for row, report in enumerate(self._rounds):
            ok = report.get("checksum_ok")
            cells = [
                local_time(report.get("at")),
                str(report.get("pushed", 0)),
                str(report.get("pulled", 0)),
                str(report.get("rejected", 0)),
                f"{float(report.get('seconds') or 0):.1f}",
                QCoreApplication.translate("SyncPage", "matches")
                if ok
                else (QCoreApplication.translate("SyncPage", "differs") if ok is False else "—"),
            ]
            for col, text in enumerate(cells):
                self.rounds.setItem(row, col, QTableWidgetItem(text))

    # -- enrolment ----------------------------------------------------------------------
    def enrol(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            self.state.setText(
                QCoreApplication.translate(
                    "SyncPage", "Enter head office's address and the enrolment code."
                )
            )
            return
        self.enrol_button.setEnabled(False)
        self.state.setText(QCoreApplication.translate("SyncPage", "Enrolling…"))
        app = self.ctx.app

        def done(_result: Any) -> None:
            self.enrol_button.setEnabled(True)
            self.code_edit.clear()
            self._error = None
            self.controller.revoked = False
            self._status = {}
            self.message.emit(
                QCoreApplication.translate("SyncPage", "This laptop is enrolled with head office.")
            )
            self.controller.refresh_status()
            self.controller.sync_now()

        def failed(exc: BaseException) -> None:
            self.enrol_button.setEnabled(True)
            self.state.setText(self._error_text(exc))

        self.ctx.executor.submit(
            lambda: SyncService(app, session).enroll(server, code),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(self, failed),
        )

    @staticmethod
    def _error_text(exc: BaseException) -> str:
        code = getattr(exc, "code", None)
        if isinstance(code, str) and code in SYNC_TEMPLATES:
            return sync_error_message(code, getattr(exc, "params", {}))
        return error_message(exc)

    # -- USB bundles --------------------------------------------------------------------
    def export_bundle(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SyncPage", "Write USB bundle"),
            "",
            QCoreApplication.translate("SyncPage", "Sync bundles (*.ssb);;All files (*)"),
        )
        if path:
            self._bundle_job(
                lambda s: s.export_bundle(Path(path)),
                QCoreApplication.translate("SyncPage", "The bundle was written."),
            )

    def receive_receipt(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SyncPage", "Read receipt"),
            "",
            QCoreApplication.translate("SyncPage", "Receipts (*.ssr);;All files (*)"),
        )
        if path:
            self._bundle_job(
                lambda s: s.receive_receipt(Path(path)),
                QCoreApplication.translate("SyncPage", "The receipt was applied."),
            )

    def _bundle_job(self, job: Any, success: str) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app

        def done(_result: Any) -> None:
            self.result_label.setText(success)
            self.ctx.events.data_changed.emit({})
            self.controller.refresh_status()
            self._reload_quarantine()

        self.ctx.executor.submit(
            lambda: job(SyncService(app, session)),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(
                self, lambda exc: self.result_label.setText(self._error_text(exc))
            ),
        )

    # -- quarantine ---------------------------------------------------------------------
    def _reload_quarantine(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app
        self.ctx.executor.submit(
            lambda: QuarantineService(app, session).entries(),
            on_result=while_alive(self, self._quarantine_loaded),
            on_error=lambda exc: log.warning("quarantine unavailable: %s", type(exc).__name__),
        )

    def _quarantine_loaded(self, entries: list[Any]) -> None:
        self._entries = list(entries)
        self._fill_quarantine()

    def _fill_quarantine(self) -> None:
        entries = self._entries
        self.quarantine.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            kind = _t(ENTITIES.get(entry.entity, entry.entity))
            label = entry.label or (entry.record_id[:8] if entry.record_id else "")
            record = QTableWidgetItem(f"{kind}: {label}" if label else kind)
            record.setData(Qt.ItemDataRole.UserRole, entry.id)
            reason = QTableWidgetItem(reason_text(entry.reason))
            if entry.message:
                reason.setToolTip(entry.message)
            self.quarantine.setItem(row, 0, record)
            self.quarantine.setItem(row, 1, reason)
            self.quarantine.setItem(row, 2, QTableWidgetItem(local_time(entry.at)))
        self.quarantine.resizeRowsToContents()
        self.quarantine.setVisible(bool(entries))
        self.quarantine_empty.setVisible(not entries)
        self._selection_changed()

    def selected_entry(self) -> Any:
        rows = self.quarantine.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._entries):
            return None
        return self._entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        session = self.ctx.session
        may_review = session is not None and allowed(session.role, Permission.REVIEW_QUARANTINE)
        self.open_button.setEnabled(
            entry is not None and entry.record_exists and bool(entry.child_id)
        )
        self.retry_button.setEnabled(entry is not None and may_review and entry.record_exists)
        self.dismiss_button.setEnabled(entry is not None and may_review)

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.record_exists and entry.child_id:
            self.open_child_requested.emit(entry.child_id)

    def retry_selected(self) -> None:
        entry = self.selected_entry()
        session = self.ctx.session
        if entry is None or session is None:
            return
        app = self.ctx.app

        def done(_result: Any) -> None:
            self.message.emit(
                QCoreApplication.translate(
                    "SyncPage", "The record will be sent again with the next sync."
                )
            )
            self._reload_quarantine()
            self.controller.refresh_status()
            self.ctx.events.data_changed.emit({})
            if self.controller.online:
                self.controller.sync_now()

        self.ctx.executor.submit(
            lambda: QuarantineService(app, session).retry(entry.id),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(self, lambda exc: self.message.emit(error_message(exc))),
        )

    def dismiss_selected(self) -> None:
        entry = self.selected_entry()
        session = self.ctx.session
        if entry is None or session is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("SyncPage", "Dismiss the refused change"),
            QCoreApplication.translate(
                "SyncPage",
                "Head office will not receive this change. The record stays on this laptop as it is. Dismiss it?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        app = self.ctx.app
        self.ctx.executor.submit(
            lambda: QuarantineService(app, session).dismiss(entry.id),
            write=True,
            on_result=while_alive(
                self, lambda _r: (self._reload_quarantine(), self.ctx.events.data_changed.emit({}))
            ),
            on_error=while_alive(self, lambda exc: self.message.emit(error_message(exc))),
        )
