"""The main window's status bar: online or offline, pending and quarantined changes, the last
sync, a warning when the last good backup is over a week old with changes not yet synced,
and who is signed in. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from datetime import UTC, datetime
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
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupStatus")
        self.backup_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.backup_label.hide()
        self.user_label = QLabel()
        self.user_label.setObjectName("userStatus")
        for label in (
            self.backup_label,
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
        self.show_backup_warning(stats)

    def show_backup_warning(self, stats: dict[str, Any]) -> None:
        """Shown only while the last good backup is over a week old with unsynced changes."""
        if not stats.get("backup_overdue"):
            self.backup_label.hide()
            return
        last = stats.get("last_backup")
        if last:
            days = (datetime.now(UTC) - datetime.fromisoformat(str(last))).days
            text = QCoreApplication.translate("MainWindow", "⚠ Last backup {n} days ago").format(
                n=days
            )
        else:
            text = QCoreApplication.translate("MainWindow", "⚠ No backup yet")
        self.backup_label.setText(text)
        self.backup_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "The last good backup is more than a week old and changes are not yet at head office. Sign out to make a backup, sync, or plug in the backup drive (Settings).",
            )
        )
        self.backup_label.show()
