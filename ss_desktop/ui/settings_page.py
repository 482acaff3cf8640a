"""Settings: language (switched at once), idle lock, the data folder, back up / restore, about."""

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

from ss_desktop.services.backup import BackupService
from ss_desktop.services.settings import LANGUAGES, MAX_IDLE_LOCK_MINUTES, save_settings
from ss_desktop.services.setup import app_version
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import show_error
from ss_desktop.ui.i18n import LANGUAGE_NAMES, LanguageSwitcher
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
        data = QFormLayout(self.data_box)
        data.addRow(self.folder_label, self.folder_value)
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

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.backup_note.setText("")
            show_error(self, exc, QCoreApplication.translate("SettingsPage", "Backup failed"))

        self.ctx.executor.submit(
            lambda: BackupService(app, session).backup(target),
            write=True,
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

        def done(saved: Any) -> None:
            self.restore_button.setEnabled(True)
            QMessageBox.information(
                self,
                QCoreApplication.translate("SettingsPage", "Restore from backup"),
                QCoreApplication.translate(
                    "SettingsPage",
                    "The data was restored. The data it replaced was saved to {path}. Please sign in again.",
                ).format(path=str(saved)),
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
