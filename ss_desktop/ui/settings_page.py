"""Settings: language (switched at once), idle lock, the data folder, backups (the last one
and where it is, the removable drive automatic backups are copied to, back up now, restore),
about."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.auto_backup import AutoBackups, BackupStatus
from ss_desktop.services.backup import BackupService
from ss_desktop.services.settings import LANGUAGES, MAX_IDLE_LOCK_MINUTES, save_settings
from ss_desktop.services.setup import app_version
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import show_error
from ss_desktop.ui.i18n import LANGUAGE_NAMES, LanguageSwitcher
from ss_desktop.ui.restore_dialog import outcome_text, reason_text
from ss_desktop.ui.users_panel import UsersPanel

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(float)
    restored = Signal()  # the data was replaced: everyone must sign in again
    message = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        switcher: LanguageSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.ctx = ctx
        self.switcher = switcher
        self.last_backup: Path | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.general = QGroupBox()
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_label.setBuddy(self.language_combo)
        self.idle_label = QLabel()
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(0, MAX_IDLE_LOCK_MINUTES)
        self.idle_label.setBuddy(self.idle_spin)
        self.language_combo.setMinimumWidth(220)
        self.idle_spin.setMinimumWidth(220)
        general = QFormLayout(self.general)
        general.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        general.addRow(self.language_label, self.language_combo)
        general.addRow(self.idle_label, self.idle_spin)

        self.data_box = QGroupBox()
        self.folder_label = QLabel()
        self.folder_value = QLabel(str(ctx.app.paths.data_dir))
        self.folder_value.setObjectName("dataFolder")
        self.folder_value.setWordWrap(True)
        self.open_folder_button = QPushButton()
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupButton")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackupButton")
        self.backup_note = QLabel()
        self.backup_note.setObjectName("backupNote")
        self.backup_note.setWordWrap(True)
        self.backup_status: BackupStatus | None = None
        self.last_backup_label = QLabel()
        self.last_backup_value = QLabel()
        self.last_backup_value.setObjectName("lastBackup")
        self.last_backup_value.setWordWrap(True)
        self.last_backup_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drive_label = QLabel()
        self.drive_value = QLabel()
        self.drive_value.setObjectName("backupDrive")
        self.drive_value.setWordWrap(True)
        self.drive_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drive_button = QPushButton()
        self.drive_button.setObjectName("chooseDriveButton")
        self.drive_clear_button = QPushButton()
        self.drive_clear_button.setObjectName("clearDriveButton")
        data = QFormLayout(self.data_box)
        data.addRow(self.folder_label, self.folder_value)
        data.addRow(self.last_backup_label, self.last_backup_value)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_value, 1)
        drive_row.addWidget(self.drive_button)
        drive_row.addWidget(self.drive_clear_button)
        data.addRow(self.drive_label, drive_row)
        row = QHBoxLayout()
        row.addWidget(self.open_folder_button)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        data.addRow(row)
        data.addRow(self.backup_note)

        self.about_box = QGroupBox()
        self.version_label = QLabel()
        self.version_value = QLabel(app_version())
        self.revision_label = QLabel()
        self.revision_value = QLabel(ctx.app.schema_revision)
        self.revision_value.setObjectName("schemaRevision")
        self.device_label = QLabel()
        self.device_value = QLabel(ctx.app.device_id)
        self.device_value.setObjectName("deviceId")
        for value in (
            self.version_value,
            self.revision_value,
            self.device_value,
            self.folder_value,
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QFormLayout(self.about_box)
        about.addRow(self.version_label, self.version_value)
        about.addRow(self.revision_label, self.revision_value)
        about.addRow(self.device_label, self.device_value)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.general)
        layout.addWidget(self.data_box)
        self.users_panel = UsersPanel(ctx)
        layout.addWidget(self.users_panel)
        layout.addWidget(self.about_box)
        layout.addStretch(1)

        self._load_values()
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.idle_spin.valueChanged.connect(self._idle_chosen)
        self.open_folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.app.paths.data_dir)))
        )
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.drive_button.clicked.connect(self.choose_drive_folder)
        self.drive_clear_button.clicked.connect(lambda: self.set_drive_folder(""))
        self.retranslate()

    def _load_values(self) -> None:
        lang = self.switcher.language if self.switcher else self.ctx.settings.get("language")
        index = self.language_combo.findData(lang or "en")
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.blockSignals(False)
        minutes = self.ctx.settings.get("idle_lock_minutes", 10)
        self.idle_spin.blockSignals(True)
        self.idle_spin.setValue(int(minutes))
        self.idle_spin.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SettingsPage", "Settings"))
        self.general.setTitle(QCoreApplication.translate("SettingsPage", "General"))
        self.language_label.setText(QCoreApplication.translate("SettingsPage", "&Language:"))
        self.idle_label.setText(QCoreApplication.translate("SettingsPage", "&Lock after idle:"))
        self.idle_spin.setSuffix(QCoreApplication.translate("SettingsPage", " min"))
        self.idle_spin.setSpecialValueText(QCoreApplication.translate("SettingsPage", "Never"))
        self.data_box.setTitle(QCoreApplication.translate("SettingsPage", "Data"))
        self.folder_label.setText(QCoreApplication.translate("SettingsPage", "Data folder:"))
        self.open_folder_button.setText(QCoreApplication.translate("SettingsPage", "Open &folder"))
        self.backup_button.setText(QCoreApplication.translate("SettingsPage", "&Back up now…"))
        self.restore_button.setText(
            QCoreApplication.translate("SettingsPage", "&Restore from backup…")
        )
        self.last_backup_label.setText(QCoreApplication.translate("SettingsPage", "Last backup:"))
        self.drive_label.setText(QCoreApplication.translate("SettingsPage", "Copy backups to:"))
        self.drive_button.setText(QCoreApplication.translate("SettingsPage", "&Choose drive…"))
        self.drive_clear_button.setText(QCoreApplication.translate("SettingsPage", "No copy"))
        self._show_backup_status()
        self.about_box.setTitle(QCoreApplication.translate("SettingsPage", "About"))
        self.version_label.setText(QCoreApplication.translate("SettingsPage", "Version:"))
        self.revision_label.setText(
            QCoreApplication.translate("SettingsPage", "Database revision:")
        )
        self.device_label.setText(QCoreApplication.translate("SettingsPage", "Device ID:"))
        if self.last_backup is not None:
            self.backup_note.setText(
                QCoreApplication.translate("SettingsPage", "Last backup: {path}").format(
                    path=str(self.last_backup)
                )
            )

    def activate(self) -> None:
        self._load_values()
        self.refresh_backup_status()

    # -- automatic backups -------------------------------------------------------------------
    def refresh_backup_status(self) -> None:
        """Read the last backup and the drive's state (on the executor)."""
        if not self.ctx.app.is_open:
            return
        service = AutoBackups(self.ctx.app, drive_folder=self.ctx.settings.get("backup_drive"))
        self.ctx.executor.submit(service.status, on_result=self._backup_status_read)

    def _backup_status_read(self, status: BackupStatus) -> None:
        self.backup_status = status
        self._show_backup_status()

    def _show_backup_status(self) -> None:
        status = self.backup_status
        if status is None:
            return
        last = status.last
        if last is None:
            text = QCoreApplication.translate(
                "SettingsPage", "None yet. A backup is made at every sign-out after changes."
            )
        else:
            text = QCoreApplication.translate("SettingsPage", "{when} ({reason})").format(
                when=last.made_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                reason=reason_text(last.reason),
            )
            if status.last_children is not None:
                text += ", " + QCoreApplication.translate("SettingsPage", "{n} children").format(
                    n=status.last_children
                )
            text += "\n" + str(last.path)
        self.last_backup_value.setText(text)
        drive = status.drive_folder
        if drive is None:
            self.drive_value.setText(
                QCoreApplication.translate(
                    "SettingsPage",
                    "No removable drive chosen: backups stay on this laptop only.",
                )
            )
        elif status.drive_present:
            copy = status.last_drive_copy
            when = (
                copy.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
                if copy is not None
                else QCoreApplication.translate("SettingsPage", "none yet")
            )
            self.drive_value.setText(
                QCoreApplication.translate(
                    "SettingsPage", "{folder}\nPlugged in; last copy: {when}"
                ).format(folder=str(drive), when=when)
            )
        else:
            self.drive_value.setText(
                QCoreApplication.translate(
                    "SettingsPage",
                    "{folder}\nNot plugged in: the next backup is copied when it is.",
                ).format(folder=str(drive))
            )
        self.drive_clear_button.setEnabled(drive is not None)

    def choose_drive_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("SettingsPage", "Copy automatic backups to"),
            str(self.ctx.settings.get("backup_drive") or Path.home()),
        )
        if name:
            self.set_drive_folder(name)

    def set_drive_folder(self, folder: str) -> None:
        """Automatic backups are copied to *folder* (on a removable drive) when it is there;
        "" = no copy."""
        self.ctx.settings["backup_drive"] = folder
        self._save()
        self.refresh_backup_status()

    # -- settings ------------------------------------------------------------------------
    def _save(self) -> None:
        try:
            save_settings(self.ctx.app.paths.settings_file, self.ctx.settings)
        except OSError as exc:
            show_error(self, exc)

    def _language_chosen(self) -> None:
        lang = self.language_combo.currentData()
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        """Switch the interface now; every open window retranslates."""
        if self.switcher is not None:
            self.switcher.apply(lang)
        self.ctx.settings["language"] = lang
        self._save()
        self.ctx.events.language_changed.emit(lang)

    def _idle_chosen(self, minutes: int) -> None:
        self.ctx.settings["idle_lock_minutes"] = minutes
        self._save()
        self.idle_minutes_changed.emit(float(minutes))

    # -- backup and restore ----------------------------------------------------------------
    def default_backup_name(self) -> Path:
        stamp = datetime.now().strftime("%Y-%m-%d_%H%M")
        return self.ctx.app.paths.backup_dir / f"stepping-stones-{stamp}.ssbackup"

    def choose_backup_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SettingsPage", "Back up all data to"),
            str(self.default_backup_name()),
            QCoreApplication.translate("SettingsPage", "Backup files (*.ssbackup)"),
        )
        if name:
            self.backup_to(Path(name))

    def backup_to(self, target: Path) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app
        self.backup_button.setEnabled(False)
        self.backup_note.setText(QCoreApplication.translate("SettingsPage", "Backing up…"))

        def done(path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.last_backup = path
            self.backup_note.setText(
                QCoreApplication.translate("SettingsPage", "Last backup: {path}").format(
                    path=str(path)
                )
            )
            self.message.emit(QCoreApplication.translate("SettingsPage", "Backup written."))
            self.refresh_backup_status()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.backup_note.setText("")
            show_error(self, exc, QCoreApplication.translate("SettingsPage", "Backup failed"))

        self.ctx.executor.submit(
            lambda: BackupService(app, session).backup(target),
            background=True,  # a read: saving goes on meanwhile
            on_result=done,
            on_error=failed,
        )

    def choose_restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SettingsPage", "Restore data from"),
            str(self.ctx.app.paths.backup_dir),
            QCoreApplication.translate(
                "SettingsPage", "Backup files (*.ssbackup *.sqlite3);;All files (*)"
            ),
        )
        if name and self.confirm_restore(Path(name)):
            password = self.ask_backup_password()
            if password:
                self.restore_from(Path(name), password)

    def ask_backup_password(self) -> str:
        """The signed-in user's password as it was when the backup was made."""
        password, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("SettingsPage", "Restore from backup"),
            QCoreApplication.translate(
                "SettingsPage",
                "The backup is encrypted. Enter your password as it was when the backup was made:",
            ),
            QLineEdit.EchoMode.Password,
        )
        return password if ok else ""

    def confirm_restore(self, source: Path) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("SettingsPage", "Restore from backup"),
            QCoreApplication.translate(
                "SettingsPage",
                "Replace ALL data on this laptop with the backup {name}? The current data is saved to the backup folder first. Everyone will need to sign in again.",
            ).format(name=source.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_from(self, source: Path, password: str) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app
        self.restore_button.setEnabled(False)

        def done(outcome: Any) -> None:
            self.restore_button.setEnabled(True)
            QMessageBox.information(
                self,
                QCoreApplication.translate("SettingsPage", "Restore from backup"),
                outcome_text(outcome)
                + "\n\n"
                + QCoreApplication.translate("SettingsPage", "Please sign in again."),
            )
            self.restored.emit()

        def failed(exc: BaseException) -> None:
            self.restore_button.setEnabled(True)
            show_error(self, exc, QCoreApplication.translate("SettingsPage", "Restore failed"))

        self.ctx.executor.submit(
            lambda: BackupService(app, session).restore(source, password),
            write=True,
            on_result=done,
            on_error=failed,
        )
