"""The main window's status bar: online or offline, pending and quarantined changes, the last
sync, a warning when the last good backup is over a week old with changes not yet synced,
and who is signed in. Texts keep the "MainWindow" translation context."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QStatusBar


def last_sync_text(value: Any) -> str:
    if not value:
        return QCoreApplication.translate("MainWindow", "never")
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def unsent_text(stats: dict[str, Any]) -> str:
    """ "Not yet sent: children 2,000, records 31,423 (waiting for consent: 182)": children
    and records, however many times each was changed (StatusService.stats())."""
    children = int(stats.get("pending_children") or 0)
    records = int(stats.get("pending_records") or 0)
    waiting = int(stats.get("waiting_children") or 0)
    if not records:
        return QCoreApplication.translate("MainWindow", "Everything sent")
    locale = QLocale()
    numbers = {
        "children": locale.toString(children),
        "records": locale.toString(records),
        "waiting": locale.toString(waiting),
    }
    if not children:  # sites, programmes, attendance sessions only
        return QCoreApplication.translate("MainWindow", "Not yet sent: records {records}").format(
            **numbers
        )
    if waiting:
        return QCoreApplication.translate(
            "MainWindow",
            "Not yet sent: children {children}, records {records} (waiting for consent: {waiting})",
        ).format(**numbers)
    return QCoreApplication.translate(
        "MainWindow", "Not yet sent: children {children}, records {records}"
    ).format(**numbers)


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
        self.pending_label.setText(unsent_text(stats))
        self.pending_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Saved on this laptop, not yet at head office: the children concerned and their records (a child, a guardian, a consent…). Children under 14 wait until their guardian's consent is recorded.",
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
