"""The main window's status bar: online or offline, pending and quarantined changes, the last
sync and who is signed in. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar


def last_sync_text(value: Any) -> str:
    if not value:
        return QCoreApplication.translate("MainWindow", "never")
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class StatusLabels:
    """The permanent labels of the status bar; the window sets the user label itself."""

    def __init__(self, bar: QStatusBar) -> None:
        self.conn_label = QLabel()
        self.conn_label.setObjectName("connectionStatus")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingStatus")
        self.quarantine_label = QLabel()
        self.quarantine_label.setObjectName("quarantineStatus")
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("lastSyncStatus")
        self.user_label = QLabel()
        self.user_label.setObjectName("userStatus")
        for label in (
            self.conn_label,
            self.pending_label,
            self.quarantine_label,
            self.last_sync_label,
            self.user_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def show_stats(self, stats: dict[str, Any], online: bool) -> None:
        """StatusService.stats() and the sync controller's probe of head office, in words."""
        self.conn_label.setText(
            QCoreApplication.translate("MainWindow", "● Online")
            if online
            else QCoreApplication.translate("MainWindow", "○ Offline")
        )
        self.conn_label.setToolTip(
            QCoreApplication.translate("MainWindow", "Connection to head office")
        )
        waiting = stats.get("waiting_for_consent") or 0
        if waiting:
            self.pending_label.setText(
                QCoreApplication.translate(
                    "MainWindow", "Pending: {n} ({m} wait for consent)"
                ).format(n=stats.get("pending_changes", 0), m=waiting)
            )
        else:
            self.pending_label.setText(
                QCoreApplication.translate("MainWindow", "Pending: {n}").format(
                    n=stats.get("pending_changes", 0)
                )
            )
        self.pending_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Changes saved on this laptop, not yet sent to head office"
            )
        )
        self.quarantine_label.setText(
            QCoreApplication.translate("MainWindow", "Quarantined: {n}").format(
                n=stats.get("quarantined", 0)
            )
        )
        self.quarantine_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Changes head office refused; they need a review"
            )
        )
        self.last_sync_label.setText(
            QCoreApplication.translate("MainWindow", "Last sync: {when}").format(
                when=last_sync_text(stats.get("last_sync"))
            )
        )
