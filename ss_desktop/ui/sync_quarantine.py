"""The Sync page's quarantine: the changes head office refused, with what to do about each
(open the record, retry after fixing it, dismiss). Reads and writes run on the executor.

Texts keep the "SyncPage" translation context they had inside :mod:`ss_desktop.ui.sync_page`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.quarantine import QuarantineService
from ss_desktop.ui.context import Touched, UiContext
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.sync_texts import entity_name, local_time, reason_text
from ss_desktop.ui.sync_worker import SyncController
from ss_desktop.ui.widgets import while_alive

log = logging.getLogger(__name__)


class _CompactTable(QTableWidget):
    """Asks for the height of a header and a few rows, not Qt's default 192 pixels: the Sync
    page then fits an 800-pixel-high screen without scrolling, and a stretched table still
    takes whatever room is left."""

    def sizeHint(self) -> QSize:  # Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), 120)


def sync_table(object_name: str, columns: int) -> QTableWidget:
    """A read-only table that selects one whole row (the rounds and the quarantine)."""
    table = _CompactTable(0, columns)
    table.setObjectName(object_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class QuarantinePanel(QGroupBox):
    """The refused changes of this laptop; the Sync page retranslates it."""

    open_child_requested = Signal(str)
    message = Signal(str)

    def __init__(
        self, ctx: UiContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller
        self.entries: list[Any] = []
        self.table = sync_table("quarantineTable", 3)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("quarantineEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
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
        q = QVBoxLayout(self)
        q.addWidget(self.empty_label)
        q.addWidget(self.table)
        q.addLayout(row)

        self.open_button.clicked.connect(self.open_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        ctx.events.data_changed.connect(lambda _touched: self.reload())

    def retranslate(self) -> None:
        self.setTitle(
            QCoreApplication.translate("SyncPage", "Quarantine: changes head office refused")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncPage", "Record"),
                QCoreApplication.translate("SyncPage", "Reason"),
                QCoreApplication.translate("SyncPage", "When"),
            ]
        )
        self.empty_label.setText(QCoreApplication.translate("SyncPage", "No refused changes."))
        self.open_button.setText(QCoreApplication.translate("SyncPage", "&Open the record"))
        self.retry_button.setText(QCoreApplication.translate("SyncPage", "&Retry"))
        self.retry_button.setToolTip(
            QCoreApplication.translate("SyncPage", "Send the record again, after you fixed it")
        )
        self.dismiss_button.setText(QCoreApplication.translate("SyncPage", "&Dismiss"))

    # -- the entries --------------------------------------------------------------------
    def reload(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app
        self.ctx.executor.submit(
            lambda: QuarantineService(app, session).entries(),
            on_result=while_alive(self, self._loaded),
            on_error=lambda exc: log.warning("quarantine unavailable: %s", type(exc).__name__),
        )

    def _loaded(self, entries: list[Any]) -> None:
        self.entries = list(entries)
        self.fill()

    def fill(self) -> None:
        entries = self.entries
        refused_children = {e.record_id for e in entries if e.entity == "child"}
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            kind = entity_name(entry.entity)
            label = entry.label or (entry.record_id[:8] if entry.record_id else "")
            record = QTableWidgetItem(f"{kind}: {label}" if label else kind)
            record.setData(Qt.ItemDataRole.UserRole, entry.id)
            child_refused = entry.entity != "child" and entry.child_id in refused_children
            reason = QTableWidgetItem(reason_text(entry.reason, child_refused=child_refused))
            if entry.message:
                reason.setToolTip(entry.message)
            self.table.setItem(row, 0, record)
            self.table.setItem(row, 1, reason)
            self.table.setItem(row, 2, QTableWidgetItem(local_time(entry.at)))
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(entries))
        self.empty_label.setVisible(not entries)
        self._selection_changed()

    def selected_entry(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        session = self.ctx.session
        may_review = session is not None and allowed(session.role, Permission.REVIEW_QUARANTINE)
        self.open_button.setEnabled(
            entry is not None and entry.record_exists and bool(entry.child_id)
        )
        self.retry_button.setEnabled(entry is not None and may_review and entry.record_exists)
        self.dismiss_button.setEnabled(entry is not None and may_review)

    # -- what to do about one -----------------------------------------------------------
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
            self.reload()
            self.controller.refresh_status()
            self.ctx.publish(Touched())
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
                self,
                lambda _r: self.ctx.publish(Touched()),  # the list reloads on it
            ),
            on_error=while_alive(self, lambda exc: self.message.emit(error_message(exc))),
        )
