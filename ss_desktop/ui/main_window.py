"""The main window: navigation between pages, the status bar, shortcuts, idle lock.

Pages: Children, Register, Sites & programs, Attendance, Sync, Settings, Reports
(Ctrl+1..7); File menu: Import class list (teacher and up), Export list (coordinator and up);
Ctrl+Shift+S syncs now. The status bar always shows offline/online (the sync controller's
probe of head office), pending and quarantined changes and the last sync, read with
StatusService.stats() on the executor after every change and every 30 s, and a warning when
the last good backup is more than a week old while changes wait to be synced. Automatic
backups (ss_desktop.ui.auto_backup) run at sign-out and once a day after changes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ss_desktop.services.errors import ServiceError
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.setup import app_version
from ss_desktop.services.status import StatusService
from ss_desktop.ui.auto_backup import AutoBackupRunner
from ss_desktop.ui.children_page import ChildrenPage
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import error_message, show_error
from ss_desktop.ui.form_labels import ROLE, enum_label
from ss_desktop.ui.i18n import LanguageSwitcher
from ss_desktop.ui.idle_lock import IdleWatcher
from ss_desktop.ui.pages import (
    PAGE_ATTENDANCE,
    PAGE_CHILDREN,
    PAGE_MISSING,
    PAGE_REGISTER,
    PAGE_REPORTS,
    PAGE_SETTINGS,
    PAGE_SITES,
    PAGE_SYNC,
    PlaceholderPage,
    optional_page,
    without_mnemonic,
)
from ss_desktop.ui.reports_page import ReportsPage
from ss_desktop.ui.settings_page import SettingsPage
from ss_desktop.ui.signin import LockDialog
from ss_desktop.ui.status_bar import StatusLabels
from ss_desktop.ui.sync_page import SyncPage
from ss_desktop.ui.sync_worker import SyncController
from ss_desktop.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:  # the build may lack the form: optional_page imports it when it exists
    from ss_desktop.ui.register import RegisterPage

log = logging.getLogger(__name__)

# tests import the pages' places (PAGE_*) from here
__all__ = [
    "PAGE_ATTENDANCE",
    "PAGE_CHILDREN",
    "PAGE_REGISTER",
    "PAGE_REPORTS",
    "PAGE_SETTINGS",
    "PAGE_SITES",
    "PAGE_SYNC",
    "IdleWatcher",
    "MainWindow",
    "PlaceholderPage",
]

STATUS_REFRESH_MS = 30_000


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    sign_out_requested = Signal(bool)  # True = switch user (forget the last user name)
    restored = Signal()  # data restored from a backup: sign in again

    def __init__(
        self,
        ctx: UiContext,
        switcher: LanguageSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        qt_app = QApplication.instance()
        assert qt_app is not None  # no widget exists without one
        install_wheel_guard(qt_app)  # every page: no change by the wheel
        self.ctx = ctx
        self.switcher = switcher
        self.lock_dialog: LockDialog | None = None
        self.guide: QDialog | None = None  # Help > User guide, once opened
        self._stats: dict[str, Any] = {}
        self._stats_busy = False

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(3)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        self.children_page = ChildrenPage(ctx)
        self.register_page = cast(  # the named class, when this build has it
            "RegisterPage | None", optional_page("ss_desktop.ui.register", "RegisterPage", ctx)
        )
        self.sites_page = optional_page("ss_desktop.ui.sites_page", "SitesPage", ctx)
        self.attendance_page = optional_page("ss_desktop.ui.attendance_page", "AttendancePage", ctx)
        self.sync = SyncController(ctx, self)
        self._online = False
        self.sync_page = SyncPage(ctx, self.sync)
        self.backups = AutoBackupRunner(ctx, self)
        self.settings_page = SettingsPage(ctx, switcher)
        self.reports_page = ReportsPage(ctx)
        pages: list[QWidget] = [
            self.children_page,
            self.register_page or PlaceholderPage(PAGE_MISSING),
            self.sites_page or PlaceholderPage(PAGE_MISSING),
            self.attendance_page or PlaceholderPage(PAGE_MISSING),
            self.sync_page,
            self.settings_page,
            self.reports_page,
        ]
        for page in pages:
            self.stack.addWidget(page)
            self.nav.addItem(QListWidgetItem())

        body = QWidget()
        row = QHBoxLayout(body)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.status_labels = StatusLabels(self.statusBar())
        self.conn_label = self.status_labels.conn_label
        self.pending_label = self.status_labels.pending_label
        self.quarantine_label = self.status_labels.quarantine_label
        self.last_sync_label = self.status_labels.last_sync_label
        self.user_label = self.status_labels.user_label

        self._make_actions()
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.children_page.open_child_requested.connect(self.open_child)
        self.children_page.new_child_requested.connect(self.new_child)
        self.children_page.import_requested.connect(self.import_class_list)
        self.children_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.settings_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.sync_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.sync_page.open_child_requested.connect(self.open_child)
        self.sync.online_changed.connect(self._online_changed)
        self.sync.round_finished.connect(lambda _report: self.refresh_status())
        self.sync.round_failed.connect(lambda _code, _params: self.refresh_status())
        self.settings_page.idle_minutes_changed.connect(self.set_idle_minutes)
        self.settings_page.restored.connect(self.restored)
        self.backups.finished.connect(self._backup_made)
        self.backups.failed.connect(self._backup_failed)

        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_soon = QTimer(self)
        self._status_soon.setSingleShot(True)
        self._status_soon.setInterval(400)
        self._status_soon.timeout.connect(self.refresh_status)
        ctx.events.data_changed.connect(lambda _touched: self._status_soon.start())
        ctx.events.status_changed.connect(self._show_stats)

        self.retranslate()
        self.resize(1180, 720)

    # -- actions and shortcuts -----------------------------------------------------------
    def _action(
        self,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
        name: str,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.page_actions = [
            self._action(f"Ctrl+{n + 1}", lambda _c=False, i=n: self.show_page(i), f"goPage{n + 1}")
            for n in range(7)
        ]
        self.new_action = self._action("Ctrl+N", self.new_child, "newChildAction")
        self.find_action = self._action(
            QKeySequence.StandardKey.Find, self.find_child, "findAction"
        )
        self.lock_action = self._action("Ctrl+L", self.lock, "lockAction")
        self.switch_action = self._action(
            "Ctrl+Shift+U", lambda: self.request_sign_out(True), "switchUserAction"
        )
        self.sign_out_action = self._action(
            "Ctrl+Shift+O", lambda: self.request_sign_out(False), "signOutAction"
        )
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close, "quitAction")
        self.about_action = self._action(None, self.about, "aboutAction")
        self.guide_action = self._action(
            QKeySequence.StandardKey.HelpContents, self.show_user_guide, "userGuideAction"
        )
        self.sync_action = self._action("Ctrl+Shift+S", self.sync_now, "syncNowAction")
        self.import_action = self._action(None, self.import_class_list, "importAction")
        self.export_action = self._action(None, self.export_list, "exportAction")
        self.file_menu = self.menuBar().addMenu("")
        for action in (self.new_action, self.find_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        for action in (self.lock_action, self.switch_action, self.sign_out_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu("")
        for action in self.page_actions:
            self.go_menu.addAction(action)
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_menu.addAction(self.sync_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = [
            QCoreApplication.translate("MainWindow", "&Children"),
            QCoreApplication.translate("MainWindow", "&Register"),
            QCoreApplication.translate("MainWindow", "Sites && &programs"),
            QCoreApplication.translate("MainWindow", "&Attendance"),
            QCoreApplication.translate("MainWindow", "S&ync"),
            QCoreApplication.translate("MainWindow", "Se&ttings"),
            QCoreApplication.translate("MainWindow", "Re&ports"),
        ]
        for n, name in enumerate(names):
            plain = without_mnemonic(name)
            self.nav.item(n).setText(plain)
            self.nav.item(n).setToolTip(f"{plain} (Ctrl+{n + 1})")
            self.page_actions[n].setText(name)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 28))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "&New child"))
        self.find_action.setText(QCoreApplication.translate("MainWindow", "&Find child"))
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "&Lock now"))
        self.switch_action.setText(QCoreApplication.translate("MainWindow", "S&witch user…"))
        self.sign_out_action.setText(QCoreApplication.translate("MainWindow", "Sign &out"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.import_action.setText(QCoreApplication.translate("MainWindow", "&Import class list…"))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export list…"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About"))
        self.guide_action.setText(QCoreApplication.translate("MainWindow", "&User guide"))
        self.sync_action.setText(QCoreApplication.translate("MainWindow", "&Sync now"))
        self.sync_menu.setTitle(QCoreApplication.translate("MainWindow", "S&ync"))
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.go_menu.setTitle(QCoreApplication.translate("MainWindow", "&Go"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self._update_title()
        self._show_stats(self._stats)

    def _update_title(self) -> None:
        session = self.ctx.session
        if session is None:
            self.setWindowTitle(
                QCoreApplication.translate("MainWindow", "Stepping Stones registration")
            )
            self.user_label.setText("")
            return
        self.setWindowTitle(
            QCoreApplication.translate(
                "MainWindow", "Stepping Stones registration — {user}"
            ).format(user=session.display_name or session.username)
        )
        self.user_label.setText(
            QCoreApplication.translate("MainWindow", "Signed in: {user} ({role})").format(
                user=session.username, role=enum_label(ROLE, session.role)
            )
        )

    # -- session -------------------------------------------------------------------------
    def start_session(self) -> None:
        """Called after a sign-in: fresh pages, status, the idle lock armed."""
        session = self.ctx.session
        self._update_title()
        can_settings = session is not None and allowed(session.role, Permission.BACKUP)
        self.settings_page.backup_button.setEnabled(can_settings)
        self.settings_page.restore_button.setEnabled(can_settings)
        role = session.role if session is not None else ""
        self.import_action.setEnabled(allowed(role, Permission.IMPORT))
        self.children_page.first_child.set_import_allowed(allowed(role, Permission.IMPORT))
        self.export_action.setEnabled(allowed(role, Permission.EXPORT))
        self.show_page(PAGE_CHILDREN)
        self.children_page.activate()
        self.refresh_status()
        self._status_timer.start()
        self.set_idle_minutes(float(self.ctx.settings.get("idle_lock_minutes", 10)))
        self.sync.start()
        self.backups.start_session()

    def end_session(self, *, backup: bool = True) -> None:
        """After a sign-out (a backup if the data changed; *backup* False: the app closes
        and makes it itself)."""
        self.idle.stop()
        self._status_timer.stop()
        self.sync.stop()
        if backup:
            self.backups.end_session()
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        self.children_page.stop()

    def set_idle_minutes(self, minutes: float) -> None:
        self.idle.set_minutes(minutes)

    def request_sign_out(self, switch_user: bool = False) -> None:
        if not self._may_leave():
            return
        self.sign_out_requested.emit(switch_user)

    def _may_leave(self) -> bool:
        page = self.register_page
        if page is not None and getattr(page, "has_unsaved_changes", lambda: False)():
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("MainWindow", "Unsaved changes"),
                QCoreApplication.translate(
                    "MainWindow",
                    "The registration form has changes that are not saved. Leave without saving them?",
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Discard
        return True

    # -- locking -------------------------------------------------------------------------
    def _body(self) -> QWidget:
        body = self.centralWidget()
        assert body is not None  # set once in __init__
        return body

    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self) -> None:
        session = self.ctx.session
        if session is None or self.lock_dialog is not None:
            return
        self.idle.stop()
        self._body().setVisible(False)  # no child's data on screen while locked
        dialog = LockDialog(self.ctx.app, self.ctx.executor, session, self)
        dialog.accepted.connect(self._unlocked)
        dialog.sign_out_requested.connect(self._sign_out_from_lock)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
        self.lock_dialog = None
        self._body().setVisible(True)
        self.idle.start()

    def _sign_out_from_lock(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
        self.lock_dialog = None
        self._body().setVisible(True)
        self.sign_out_requested.emit(False)

    # -- navigation ----------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        if self.is_locked:
            return
        self.nav.setCurrentRow(index)

    def _page_chosen(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        page = self.current_page()
        activate = getattr(page, "activate", None)
        if callable(activate) and page is not self.children_page:
            activate()
        page.setFocus()

    def current_page(self) -> QWidget:
        page = self.stack.currentWidget()
        assert page is not None  # the stack holds the seven pages
        return page

    def open_child(self, child_id: str) -> None:
        if self.register_page is None:
            self.statusBar().showMessage(_t(PAGE_MISSING), 5000)
            return
        self.show_page(PAGE_REGISTER)
        self.register_page.open_child(child_id)

    def new_child(self) -> None:
        if self.register_page is None:
            self.statusBar().showMessage(_t(PAGE_MISSING), 5000)
            return
        self.show_page(PAGE_REGISTER)
        self.register_page.new_child()

    def sync_now(self) -> None:
        """Ctrl+Shift+S: a sync round now, shown on the Sync page."""
        if self.is_locked or self.ctx.session is None:
            return
        self.show_page(PAGE_SYNC)
        self.sync_page.sync_now()

    def import_class_list(self) -> None:
        from ss_desktop.ui.import_wizard import ImportWizard

        session = self.ctx.session
        if session is None or not allowed(session.role, Permission.IMPORT):
            return
        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def export_list(self, path: str | None = None) -> None:
        """The children list as it is filtered now, to .xlsx or .csv."""
        from ss_desktop.ui.list_export import ask_export_path, export_children

        session = self.ctx.session
        if session is None or not allowed(session.role, Permission.EXPORT):
            return
        path = path or ask_export_path(self)
        if not path:
            return
        export_children(
            self.ctx,
            session,
            path,
            self.children_page.search.text().strip(),
            self.children_page.filters(),
            on_done=lambda text: self.statusBar().showMessage(text, 8000),
            on_error=lambda exc: show_error(self, exc),
        )

    def find_child(self) -> None:
        self.show_page(PAGE_CHILDREN)
        self.children_page.focus_search()

    def show_user_guide(self) -> None:
        """F1: the user guide in the app's language, in a window beside this one."""
        from ss_desktop.ui.user_guide import UserGuideDialog

        if self.guide is not None and self.guide.isVisible():
            self.guide.raise_()
            self.guide.activateWindow()
            return
        self.guide = UserGuideDialog(self.switcher.language if self.switcher else "en", self)
        self.guide.show()

    def about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About"),
            QCoreApplication.translate(
                "MainWindow",
                "Stepping Stones registration {version}\nDatabase revision {revision}\nDevice {device}",
            ).format(
                version=app_version(),
                revision=self.ctx.app.schema_revision,
                device=self.ctx.app.device_id,
            ),
        )

    # -- status bar ----------------------------------------------------------------------
    def refresh_status(self) -> None:
        session = self.ctx.session
        if session is None or self._stats_busy:
            return
        self._stats_busy = True
        app = self.ctx.app

        def done(stats: dict[str, Any]) -> None:
            self._stats_busy = False
            self.ctx.events.status_changed.emit(stats)

        def failed(exc: BaseException) -> None:
            self._stats_busy = False
            log.warning("status unavailable: %s", type(exc).__name__)

        self.ctx.executor.submit(
            lambda: StatusService(app, session).stats(), on_result=done, on_error=failed
        )

    def _backup_made(self, result: Any) -> None:
        if result.made is not None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backup made and checked."), 5000
            )
        if result.drive_problem == "backup.drive_failed":
            self.statusBar().showMessage(error_message(ServiceError(result.drive_problem)), 10000)
        self.settings_page.refresh_backup_status()
        self.refresh_status()

    def _backup_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The automatic backup failed: {why}").format(
                why=error_message(exc)
            ),
            15000,
        )
        self.settings_page.refresh_backup_status()

    def _online_changed(self, online: bool) -> None:
        self._online = online
        self._show_stats(self._stats)

    def _show_stats(self, stats: dict[str, Any]) -> None:
        self._stats = dict(stats)
        self.status_labels.show_stats(stats, self._online)
        self.sync_page.show_stats(stats)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: Any) -> None:
        if self._may_leave():
            self.idle.stop()
            self._status_timer.stop()
            self.sync.shutdown()
            event.accept()
        else:
            event.ignore()
