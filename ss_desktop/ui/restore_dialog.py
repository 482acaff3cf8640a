"""Restoring a backup from the sign-in window, when the data file does not open (empty, cut
short, damaged, missing, another laptop's), or from the first-run window of a new laptop that
takes the backup of the laptop it replaces.

The dialog lists the backups of this laptop — the automatic ones in the backup folder and on
the removable drive when it is plugged in — newest first and chosen; another file can be
picked. The password asked for is the one the user had *when the backup was made*. The
restore runs on the executor (ss_desktop.services.restore.restore_over_damaged): the bad
files are set aside, never deleted, and the user is signed in on the restored data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.app import LocalApp
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.restore import (
    BackupChoice,
    RestoreOutcome,
    available_backups,
    restore_at_first_run,
    restore_over_damaged,
)
from ss_desktop.ui.errors import error_message

REASONS = {
    "sign-out": QT_TRANSLATE_NOOP("Backups", "at sign-out"),
    "daily": QT_TRANSLATE_NOOP("Backups", "daily"),
    "before-upgrade": QT_TRANSLATE_NOOP("Backups", "before an update"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "before a restore"),
    "manual": QT_TRANSLATE_NOOP("Backups", "made by hand"),
}


def reason_text(reason: str) -> str:
    return QCoreApplication.translate("Backups", REASONS.get(reason, reason))


def size_text(size: int) -> str:
    return QCoreApplication.translate("Backups", "{mb} MB").format(
        mb=f"{max(size / 1024 / 1024, 0.1):.1f}"
    )


def choice_text(choice: BackupChoice) -> str:
    parts = [
        choice.made_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        reason_text(choice.reason),
    ]
    if choice.children is not None:
        parts.append(
            QCoreApplication.translate("Backups", "{n} children").format(n=choice.children)
        )
    parts.append(size_text(choice.size))
    if choice.on_drive:
        parts.append(QCoreApplication.translate("Backups", "on the removable drive"))
    return " · ".join(parts)


def outcome_text(outcome: RestoreOutcome) -> str:
    """What a restore did, in the words the person reads afterwards."""
    lines = []
    if outcome.made_at:
        when = outcome.made_at.replace("T", " ")[:16]
        if outcome.children is not None:
            lines.append(
                QCoreApplication.translate(
                    "Backups", "The data was restored from the backup of {when} ({n} children)."
                ).format(when=when, n=outcome.children)
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "Backups", "The data was restored from the backup of {when}."
                ).format(when=when)
            )
    else:
        lines.append(
            QCoreApplication.translate("Backups", "The data was restored from {name}.").format(
                name=outcome.source.name
            )
        )
    names = [p.name for p in outcome.set_aside if ".damaged-" in p.name]
    # the data file itself; its SQLite log files and the key file went aside with it
    kept = [n for n in names if "-wal." not in n and "-shm." not in n and "keys" not in n] or names
    if kept:  # (a new laptop's empty first-run files, set aside too, are not worth a word)
        lines.append(
            QCoreApplication.translate(
                "Backups",
                "The files that did not open were kept in the data folder as {names}; nothing was deleted.",
            ).format(names=", ".join(kept))
        )
    if outcome.saved_previous is not None:
        lines.append(
            QCoreApplication.translate(
                "Backups", "The data it replaced was saved to {path}."
            ).format(path=str(outcome.saved_previous))
        )
    lines.append(
        QCoreApplication.translate(
            "Backups",
            "Changes made after that backup are not in it: enter them again, or sync to get back what head office has.",
        )
    )
    return "\n".join(lines)


class RestoreBackupDialog(QDialog):
    restored = Signal(object, object)  # UserSession, RestoreOutcome

    def __init__(
        self,
        app: LocalApp,
        executor: Any,
        *,
        problem: str | None,
        username: str = "",
        drive_folder: str | None = None,
        first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.app = app
        self.executor = executor
        self.problem = problem
        self.first_run = first_run
        self.drive_folder = drive_folder
        self._busy = False
        self.title = QLabel()
        self.title.setObjectName("restoreTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("restoreProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        self.backups.setMinimumHeight(150)
        self.other_button = QPushButton()
        self.other_button.setObjectName("otherBackupButton")
        self.other_button.clicked.connect(self.choose_other_file)
        self.user = QLineEdit(username)
        self.user.setObjectName("restoreUserEdit")
        self.user.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("restorePasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.user_label = QLabel()
        self.user_label.setBuddy(self.user)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        self.message = QLabel()
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreNowButton")
        self.restore_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.other_button)
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.intro)
        layout.addWidget(self.backups, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self.reload()
        (self.password if username else self.user).setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore a backup"))
        self.title.setText(QCoreApplication.translate("Backups", "Restore a backup"))
        if self.problem:
            self.problem_label.setText(error_message(ServiceError(self.problem, path="")))
        self.problem_label.setVisible(bool(self.problem))
        self.intro.setText(
            QCoreApplication.translate(
                "Backups",
                "Choose a backup (the newest is chosen). The files that do not open are kept, never deleted. Enter your user name and your password as it was when the backup was made.",
            )
        )
        self.other_button.setText(QCoreApplication.translate("Backups", "&Other file…"))
        self.user_label.setText(QCoreApplication.translate("Backups", "&User name:"))
        self.password_label.setText(
            QCoreApplication.translate("Backups", "&Password when the backup was made:")
        )
        self.restore_button.setText(QCoreApplication.translate("Backups", "&Restore"))
        self.cancel_button.setText(QCoreApplication.translate("Backups", "Cancel"))

    # -- the list -----------------------------------------------------------------------------
    def reload(self) -> None:
        paths, drive = self.app.paths, self.drive_folder
        self.executor.submit(lambda: available_backups(paths, drive), on_result=self._show_backups)

    def _show_backups(self, choices: list[BackupChoice]) -> None:
        self.backups.clear()
        for choice in choices:
            self._add(choice_text(choice), choice.path)
        if not choices:
            self.message.setText(
                QCoreApplication.translate(
                    "Backups",
                    "No backup was found in the backup folder. Choose a backup file with “Other file…” (on a USB drive, for example).",
                )
            )
        if self.backups.count():
            self.backups.setCurrentRow(0)

    def _add(self, text: str, path: Path) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.backups.addItem(item)
        return item

    def choose_other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Backups", "Restore data from"),
            str(self.app.paths.backup_dir),
            QCoreApplication.translate("Backups", "Backup files (*.ssbackup);;All files (*)"),
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        item = self._add(path.name, path)
        self.backups.setCurrentItem(item)

    def chosen(self) -> Path | None:
        item = self.backups.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- restoring ------------------------------------------------------------------------------
    def attempt(self) -> None:
        if self._busy:
            return
        source = self.chosen()
        username, password = self.user.text().strip(), self.password.text()
        if source is None:
            self.message.setText(QCoreApplication.translate("Backups", "Choose a backup."))
            return
        if not username or not password:
            self.message.setText(
                QCoreApplication.translate("Backups", "Enter your user name and password.")
            )
            return
        self._busy = True
        self.restore_button.setEnabled(False)
        self.message.setText(QCoreApplication.translate("Backups", "Restoring…"))
        app, problem = self.app, self.problem
        if self.first_run:

            def job() -> Any:
                return restore_at_first_run(app, source, username, password)
        else:

            def job() -> Any:
                return restore_over_damaged(app, source, username, password, problem=problem)

        self.executor.submit(
            job,
            write=True,
            on_result=self._succeeded,
            on_error=self._failed,
        )

    def _succeeded(self, result: tuple[Any, RestoreOutcome]) -> None:
        self._busy = False
        session, outcome = result
        self.password.clear()
        self.restored.emit(session, outcome)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.restore_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_message(exc))

    def accept(self) -> None:  # Enter restores; the dialog closes only after a restore
        self.attempt()
