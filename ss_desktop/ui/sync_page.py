"""The Sync page: enrolment, server and device, last sync and pending changes, "Sync now"
with a progress bar, the recent rounds, the clock warning, the quarantine of refused changes
(open the record, retry after fixing it, dismiss), and USB bundles.

Rounds run in the sync thread (ss_desktop.ui.sync_worker); everything else here runs on the
executor. The page never waits on the network or the disk. Its texts live in
ss_desktop.ui.sync_texts, the quarantine panel in ss_desktop.ui.sync_quarantine.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.sync import SyncService
from ss_desktop.ui.context import Touched, UiContext
from ss_desktop.ui.sync_enrol import AddressPanel, EnrolPanel
from ss_desktop.ui.sync_quarantine import QuarantinePanel, sync_table
from ss_desktop.ui.sync_texts import (
    audit_warning_message,
    clock_warning_message,
    error_text,
    local_time,
    phase_text,
    retry_message,
    sync_error_message,
)
from ss_desktop.ui.sync_worker import SyncController
from ss_desktop.ui.widgets import while_alive

MAX_ROUNDS_SHOWN = 10


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
        self._error: tuple[str, dict[str, str]] | None = None
        self._build()
        c = self.controller
        c.round_started.connect(self._round_started)
        c.progress.connect(self._progress)
        c.retrying.connect(self._retrying)
        c.round_finished.connect(self._round_finished)
        c.round_failed.connect(self._round_failed)
        c.status_changed.connect(self._status_changed)
        c.online_changed.connect(lambda _online: self._show_state())
        c.running_changed.connect(lambda _running: self._show_state())
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

        self.enrol_box = EnrolPanel(self.ctx)
        self.address_box = AddressPanel(self.ctx)
        self.address_box.hide()
        # the panel's widgets, under the names the page has always had
        self.server_edit = self.enrol_box.server_edit
        self.code_edit = self.enrol_box.code_edit
        self.enrol_button = self.enrol_box.enrol_button

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
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("syncCancelButton")
        self.cancel_button.hide()  # while a round runs
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportBundleButton")
        self.receipt_button = QPushButton()
        self.receipt_button.setObjectName("receiveReceiptButton")
        buttons = QHBoxLayout()
        for button in (
            self.sync_button,
            self.cancel_button,
            self.export_button,
            self.receipt_button,
        ):
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
        self.rounds = sync_table("syncRounds", 6)
        self.rounds.setMaximumHeight(160)
        QVBoxLayout(self.rounds_box).addWidget(self.rounds)

        self.quarantine_box = QuarantinePanel(self.ctx, self.controller)
        # the panel's widgets, under the names the page has always had
        self.quarantine = self.quarantine_box.table
        self.quarantine_empty = self.quarantine_box.empty_label
        self.open_button = self.quarantine_box.open_button
        self.retry_button = self.quarantine_box.retry_button
        self.dismiss_button = self.quarantine_box.dismiss_button

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.clock_warning)
        layout.addWidget(self.audit_warning)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.address_box)
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
        self.cancel_button.clicked.connect(self.cancel)
        self.enrol_box.enrolled.connect(self._enrolled)
        self.enrol_box.state.connect(self.state.setText)
        self.address_box.saved.connect(self._address_saved)
        self.address_box.state.connect(self.state.setText)
        self.export_button.clicked.connect(self.export_bundle)
        self.receipt_button.clicked.connect(self.receive_receipt)
        self.quarantine_box.open_child_requested.connect(self.open_child_requested)
        self.quarantine_box.message.connect(self.message)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SyncPage", "Sync with head office"))
        self.enrol_box.retranslate()
        self.address_box.retranslate()
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
        self.cancel_button.setText(QCoreApplication.translate("SyncPage", "&Cancel sync"))
        self.cancel_button.setToolTip(
            QCoreApplication.translate(
                "SyncPage",
                "Stop this sync. What head office has received stays sent; the rest goes at the next sync.",
            )
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
        self.quarantine_box.retranslate()
        self._show_state()
        self._show_facts()
        self._fill_rounds()
        self.quarantine_box.fill()

    # -- state --------------------------------------------------------------------------
    def activate(self) -> None:
        self.controller.refresh_status()
        self.quarantine_box.reload()

    def show_stats(self, stats: dict[str, Any]) -> None:
        self._stats = dict(stats)
        self._show_facts()
        if int(stats.get("quarantined", 0) or 0) != len(self.quarantine_box.entries):
            self.quarantine_box.reload()

    def _status_changed(self, status: dict[str, Any]) -> None:
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
        # Enrolled with a file that named no address: USB bundles only.
        by_bundle_only = enrolled and not self._status.get("server_url")
        self.enrol_box.setVisible(not enrolled or revoked)
        self.address_box.setVisible(by_bundle_only and not revoked)
        can_sync = enrolled and not by_bundle_only and not revoked and not c.running
        self.sync_button.setEnabled(can_sync)
        self.cancel_button.setVisible(c.running)
        self.export_button.setEnabled(enrolled and not revoked)
        self.receipt_button.setEnabled(enrolled and not revoked)
        if revoked:
            text = sync_error_message("device_revoked")
        elif not self._status:
            text = ""
        elif not enrolled:
            text = QCoreApplication.translate(
                "SyncPage",
                "This laptop is not enrolled with head office yet, so it does not sync. Ask head office for an enrolment code, then enter their address and the code below; where there is no internet, ask for an enrollment file instead. Until then everything you save stays on this laptop as pending changes.",
            )
        elif by_bundle_only:
            text = QCoreApplication.translate(
                "SyncPage",
                "This laptop syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back. Head office gave it no address for syncing over the internet.",
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
            or (
                QCoreApplication.translate("SyncPage", "no address: USB bundles only")
                if status.get("enrolled")
                else QCoreApplication.translate("SyncPage", "not enrolled")
            ),
            "device": status.get("device_id") or "—",
            "sites": QCoreApplication.translate("SyncPage", ", ").join(
                status.get("site_names") or sites
            )
            if sites
            else "—",
            "last_sync": local_time(status.get("last_sync_at") or stats.get("last_sync")),
            "pending": str(stats.get("pending_changes", status.get("pending", 0))),
            "quarantined": str(stats.get("quarantined", status.get("quarantined", 0))),
        }
        for key, (_label, value) in self.fact_labels.items():
            value.setText(values[key])

    # -- a round ------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self._status.get("enrolled") and not self._status.get("server_url"):
            return  # USB bundles only: the page says so, a round could only fail
        if not self.controller.sync_now():
            self.message.emit(QCoreApplication.translate("SyncPage", "A sync is already running."))

    def cancel(self) -> None:
        if self.controller.cancel():
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(QCoreApplication.translate("SyncPage", "Stopping…"))

    def _retrying(self, code: str, delay: float, attempt: int) -> None:
        """A request failed on the way: the round tries again (the bar stays where it is)."""
        self.progress_label.setText(retry_message(code, delay, attempt))

    def _round_started(self) -> None:
        self.cancel_button.setEnabled(True)
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
        self.progress_label.setText(phase_text(phase, done, total))

    def _round_finished(self, report: dict[str, Any]) -> None:
        self.progress_bar.hide()
        self.progress_label.clear()
        result = QCoreApplication.translate(
            "SyncPage", "Sync finished: {pushed} sent, {pulled} received, {rejected} refused."
        ).format(
            pushed=report.get("pushed", 0),
            pulled=report.get("pulled", 0),
            rejected=report.get("rejected", 0),
        )
        if report.get("resent"):
            result += " " + QCoreApplication.translate(
                "SyncPage",
                "Head office had lost {count} change(s) it had already received (it was"
                " restored from a backup): they were sent again.",
            ).format(count=report["resent"])
        self.result_label.setText(result)
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
            if broken
            else ""
        )
        self.audit_warning.setVisible(broken)
        self._show_state()
        self.quarantine_box.reload()

    def _round_failed(self, code: str, params: dict[str, str]) -> None:
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
        self.enrol_box.enrol()

    def _address_saved(self) -> None:
        self.message.emit(
            QCoreApplication.translate(
                "SyncPage", "Saved: the laptop syncs with head office whenever it can reach it."
            )
        )
        self._status = {}
        self.controller.refresh_status()
        self.controller.probe_now()

    def _enrolled(self, online: bool) -> None:
        self._error = None
        self.controller.revoked = False
        self._status = {}
        self.message.emit(
            QCoreApplication.translate("SyncPage", "This laptop is enrolled with head office.")
        )
        self.controller.refresh_status()
        if online:
            self.controller.sync_now()

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
            self.receive_receipt_file(Path(path))

    def receive_receipt_file(self, path: Path) -> None:
        self._bundle_job(
            lambda s: s.receive_receipt(path),
            QCoreApplication.translate("SyncPage", "The receipt was applied."),
        )

    def _bundle_job(self, job: Any, success: str) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app

        def done(result: Any) -> None:
            self.result_label.setText(success)
            # A receipt's changes refresh the open lists they touch (a bundle touches none).
            self.ctx.publish(Touched(getattr(result, "changed", None) or {}))
            self.controller.refresh_status()
            self.quarantine_box.reload()

        self.ctx.executor.submit(
            lambda: job(SyncService(app, session)),
            write=True,
            on_result=while_alive(self, done),
            on_error=while_alive(self, lambda exc: self.result_label.setText(error_text(exc))),
        )
