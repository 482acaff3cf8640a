"""Signing in, and unlocking after the idle lock.

Both ask Accounts.sign_in on the executor (Argon2 takes a moment; the GUI never waits) and
show the service's own translated message. After 5 wrong passwords the account pauses:
the dialog says for how many seconds and counts down, with the button off meanwhile.

When the data file does not open (empty, cut short, damaged, missing, another laptop's) —
found before the password is asked for, or by a sign-in — the sign-in window says so and
offers "Restore a backup…" (ss_desktop.ui.restore_dialog); a restore signs the user in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.data_folder import offers_restore
from ss_desktop.services.errors import SignInError
from ss_desktop.services.messages import error_code_of
from ss_desktop.services.restore import RestoreOutcome
from ss_desktop.services.unlock import sign_in
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.restore_dialog import RestoreBackupDialog

MAX_INPUT = 128


def _t(text: str) -> str:
    return QCoreApplication.translate("SignIn", text)


class _PasswordDialog(QDialog):
    """What signing in and unlocking share: the password check and the lockout countdown."""

    signed_in = Signal(object)  # UserSession

    def __init__(self, app: LocalApp, executor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.executor = executor
        self.session: UserSession | None = None
        self._locked_seconds = 0
        self._busy = False
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.password = QLineEdit()
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_INPUT)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def username(self) -> str:
        raise NotImplementedError

    def _submit_button(self) -> QPushButton:
        raise NotImplementedError

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if self.isVisible():
            self.adjustSize()  # a long message (several lines) is shown whole

    def attempt(self) -> None:
        if self._busy or self._locked_seconds > 0:
            return
        username, password = self.username().strip(), self.password.text()
        if not username or not password:
            self._show_message(
                QCoreApplication.translate("SignIn", "Enter your user name and password.")
            )
            return
        self._busy = True
        self._update_button()
        self._show_message(QCoreApplication.translate("SignIn", "Checking…"))
        app = self.app
        self.executor.submit(
            lambda: sign_in(app, username, password),  # opens the data when still locked
            write=True,
            on_result=self._succeeded,
            on_error=self._failed,
        )

    def _succeeded(self, session: UserSession) -> None:
        self._busy = False
        self.session = session
        self.password.clear()
        self._show_message("")
        self._update_button()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.password.clear()
        self.password.setFocus()
        if self._offer_restore(exc):
            pass
        elif isinstance(exc, SignInError) and exc.code == "sign_in.locked":
            self._locked_seconds = int(exc.params.get("seconds", 30))
            self._countdown.start()
            self._show_locked()
        else:
            text = error_message(exc)
            remaining = exc.params.get("remaining") if isinstance(exc, SignInError) else None
            if isinstance(remaining, int) and 0 < remaining < 5:
                text += " " + QCoreApplication.translate(
                    "SignIn", "%n more wrong password(s) will pause sign-in.", None, remaining
                )
            self._show_message(text)
        self._update_button()

    def _offer_restore(self, exc: BaseException) -> bool:
        """True when *exc* says the data file does not open and a backup is offered."""
        return False

    def _show_locked(self) -> None:
        self._show_message(
            error_message(SignInError("sign_in.locked", seconds=self._locked_seconds))
        )

    def _tick(self) -> None:
        self._locked_seconds -= 1
        if self._locked_seconds <= 0:
            self._locked_seconds = 0
            self._countdown.stop()
            self._show_message(QCoreApplication.translate("SignIn", "You can try again now."))
        else:
            self._show_locked()
        self._update_button()

    @property
    def locked_seconds(self) -> int:
        return self._locked_seconds

    def _update_button(self) -> None:
        self._submit_button().setEnabled(not self._busy and self._locked_seconds <= 0)


class SignInDialog(_PasswordDialog):
    def __init__(
        self,
        app: LocalApp,
        executor: Any,
        *,
        last_user: str = "",
        problem: BaseException | None = None,
        drive_folder: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, executor, parent)
        self.problem: str | None = None
        self.drive_folder = drive_folder
        self.outcome: RestoreOutcome | None = None
        self.restore_dialog: RestoreBackupDialog | None = None
        self.setObjectName("signInDialog")
        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.user = QLineEdit(last_user)
        self.user.setObjectName("userEdit")
        self.user.setMaxLength(64)
        self.user_label = QLabel()
        self.user_label.setBuddy(self.user)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("signInRestoreButton")
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.open_restore)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        (self.password if last_user else self.user).setFocus()
        if problem is not None:
            self.show_problem(problem)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("SignIn", "Sign in — Stepping Stones"))
        self.title.setText(QCoreApplication.translate("SignIn", "Stepping Stones registration"))
        self.user_label.setText(QCoreApplication.translate("SignIn", "&User name:"))
        self.password_label.setText(QCoreApplication.translate("SignIn", "&Password:"))
        self.sign_in_button.setText(QCoreApplication.translate("SignIn", "&Sign in"))
        self.quit_button.setText(QCoreApplication.translate("SignIn", "&Quit"))
        self.restore_button.setText(QCoreApplication.translate("SignIn", "&Restore a backup…"))
        if self._locked_seconds > 0:
            self._show_locked()
        elif self.problem is not None:
            self._show_problem_text()

    # -- a data file that does not open -----------------------------------------------------
    def _offer_restore(self, exc: BaseException) -> bool:
        if not offers_restore(self.app.paths, error_code_of(exc)[0]):
            return False
        self.show_problem(exc)
        return True

    def show_problem(self, exc: BaseException) -> None:
        """The data file does not open: say why and offer a backup."""
        self.problem = error_code_of(exc)[0]
        self._problem_text = error_message(exc)
        self._show_problem_text()
        self.restore_button.show()
        self.restore_button.setDefault(True)
        self.sign_in_button.setDefault(False)
        self.restore_button.setFocus()

    def _show_problem_text(self) -> None:
        self._show_message(
            self._problem_text
            + "\n\n"
            + QCoreApplication.translate(
                "SignIn",
                "Restore a backup to go on working: the app keeps a backup at every sign-out.",
            )
        )

    def open_restore(self) -> None:
        dialog = RestoreBackupDialog(
            self.app,
            self.executor,
            problem=self.problem,
            username=self.user.text().strip(),
            drive_folder=self.drive_folder,
            parent=self,
        )
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.open()

    def _restored(self, session: UserSession, outcome: RestoreOutcome) -> None:
        self.outcome = outcome
        self.problem = None
        self.restore_button.hide()
        self._succeeded(session)

    def username(self) -> str:
        return self.user.text()

    def _submit_button(self) -> QPushButton:
        return self.sign_in_button

    def accept(self) -> None:  # Enter/OK only closes after a successful sign-in
        if self.session is not None:
            super().accept()
        else:
            self.attempt()


class LockDialog(_PasswordDialog):
    """Shown over the main window after the idle time: the same user's password unlocks."""

    sign_out_requested = Signal()

    def __init__(
        self, app: LocalApp, executor: Any, session: UserSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, executor, parent)
        self.setObjectName("lockDialog")
        self.setModal(True)
        self._user = session.username
        self._display = session.display_name or session.username
        self.explanation = QLabel()
        self.explanation.setObjectName("lockExplanation")
        self.explanation.setWordWrap(True)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.sign_out_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        self.sign_out_button.setObjectName("lockSignOutButton")
        self.buttons.accepted.connect(self.attempt)
        self.sign_out_button.clicked.connect(self._sign_out)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.retranslate()
        self.password.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("SignIn", "Locked"))
        self.explanation.setText(
            QCoreApplication.translate(
                "SignIn",
                "The app was locked because nobody used it for a while. {user}, enter your password to continue.",
            ).format(user=self._display)
        )
        self.password_label.setText(QCoreApplication.translate("SignIn", "&Password:"))
        self.unlock_button.setText(QCoreApplication.translate("SignIn", "&Unlock"))
        self.sign_out_button.setText(QCoreApplication.translate("SignIn", "Sign &out"))
        if self._locked_seconds > 0:
            self._show_locked()

    def username(self) -> str:
        return self._user

    def _submit_button(self) -> QPushButton:
        return self.unlock_button

    def accept(self) -> None:
        if self.session is not None:
            super().accept()
        else:
            self.attempt()

    def reject(self) -> None:  # Escape does not unlock
        pass

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        super().reject()
