"""Settings -> Users (administrators): the laptop's accounts, adding one, resetting a password.

Each account can open the encrypted data with its own password (the services wrap the
database key for it); a reset re-wraps the key for the new password.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.accounts import Accounts
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.sites import SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.form_labels import ROLE, enum_label

ROLES = tuple(ROLE)  # least to most trusted


class _PasswordFields:
    """Password and repeat, with the check that they match."""

    def __init__(self, form: QFormLayout) -> None:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        form.addRow(QCoreApplication.translate("UsersPanel", "&Password:"), self.password)
        form.addRow(QCoreApplication.translate("UsersPanel", "&Repeat password:"), self.repeat)

    def mismatch(self) -> str | None:
        if self.password.text() != self.repeat.text():
            return QCoreApplication.translate("UsersPanel", "The two passwords differ.")
        return None


class _AccountDialog(QDialog):
    """A small form whose OK runs *action* on the write thread and closes only if it worked."""

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def action(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def problem(self) -> str | None:
        return None

    def _submit(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        self.buttons.setEnabled(False)
        self.error.setText(QCoreApplication.translate("UsersPanel", "Saving…"))
        self.ctx.executor.submit(
            self.action(), write=True, on_result=lambda _r: self.accept(), on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_message(exc))


class AddUserDialog(_AccountDialog):
    def __init__(self, ctx: UiContext, sites: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("UsersPanel", "Add a user"), parent)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(enum_label(ROLE, role), role)
        self.sites = QListWidget()
        self.sites.setMaximumHeight(120)
        for site in sites:
            item = QListWidgetItem(site.name)
            item.setData(Qt.ItemDataRole.UserRole, site.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sites.addItem(item)
        self.form.addRow(QCoreApplication.translate("UsersPanel", "&User name:"), self.username)
        self.form.addRow(QCoreApplication.translate("UsersPanel", "&Full name:"), self.display_name)
        self.form.addRow(QCoreApplication.translate("UsersPanel", "R&ole:"), self.role)
        self.form.addRow(QCoreApplication.translate("UsersPanel", "&Sites:"), self.sites)
        self.passwords = _PasswordFields(self.form)

    def site_ids(self) -> list[str]:
        return [
            self.sites.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.sites.count())
            if self.sites.item(i).checkState() == Qt.CheckState.Checked
        ]

    def problem(self) -> str | None:
        if self.role.currentData() in ("volunteer", "teacher") and not self.site_ids():
            return QCoreApplication.translate(
                "UsersPanel",
                "Tick the site(s) this person works at: volunteers and teachers "
                "see only the children of their sites.",
            )
        return self.passwords.mismatch()

    def action(self) -> Any:
        app, session = self.ctx.app, self.ctx.require_session()  # only admins reach this form
        values = (
            self.username.text().strip(),
            self.passwords.password.text(),
            self.role.currentData(),
            self.site_ids(),
            self.display_name.text().strip(),
        )
        return lambda: Accounts(app).create_user(session, *values[:4], display_name=values[4])


class ResetPasswordDialog(_AccountDialog):
    def __init__(self, ctx: UiContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UsersPanel", "New password for {user}").format(
                user=username
            ),
            parent,
        )
        self.username = username
        self.passwords = _PasswordFields(self.form)

    def problem(self) -> str | None:
        return self.passwords.mismatch()

    def action(self) -> Any:
        app, session, username = self.ctx.app, self.ctx.require_session(), self.username
        password = self.passwords.password.text()
        return lambda: Accounts(app).reset_password(session, username, password)


class UsersPanel(QGroupBox):
    COLUMNS = 3

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("usersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(180)
        self.add_button = QPushButton()
        self.reset_button = QPushButton()
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._sites: list[Any] = []
        self._users: list[Any] = []
        ctx.events.session_changed.connect(lambda _s: self.reload())
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("UsersPanel", "Users"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("UsersPanel", "User name"),
                QCoreApplication.translate("UsersPanel", "Role"),
                QCoreApplication.translate("UsersPanel", "Sites"),
            ]
        )
        self.add_button.setText(QCoreApplication.translate("UsersPanel", "&Add user…"))
        self.reset_button.setText(QCoreApplication.translate("UsersPanel", "Reset &password…"))
        self._fill()

    def reload(self) -> None:
        session = self.ctx.session
        may = session is not None and allowed(session.role, Permission.MANAGE_USERS)
        self.setVisible(may)
        if session is None or not may:
            return
        app = self.ctx.app

        def read() -> tuple[list[Any], list[Any]]:
            return Accounts(app).list_users(session), SitesService(app, session).list_sites()

        self.ctx.executor.submit(read, on_result=self._loaded)

    def _loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        self._users, self._sites = result
        self._fill()

    def _fill(self) -> None:
        names = {s.id: s.name for s in self._sites}
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            sites = ", ".join(names.get(s, s) for s in user.site_ids) or QCoreApplication.translate(
                "UsersPanel", "all sites"
            )
            for col, text in enumerate((user.username, enum_label(ROLE, user.role), sites)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.reset_button.setEnabled(bool(self._users))

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self._sites, self)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def reset_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._users):
            QMessageBox.information(
                self,
                self.title(),
                QCoreApplication.translate("UsersPanel", "Choose a user in the list first."),
            )
            return
        dialog = ResetPasswordDialog(self.ctx, self._users[row].username, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
