"""The main window: navigation between pages, the status bar, shortcuts, idle lock.

Pages: Children, Register, Sites & programs, Attendance, Sync, Settings, Reports
(Ctrl+1..7); File menu: Import class list (teacher and up), Export list (coordinator and up);
Ctrl+Shift+S syncs now. The status bar always shows offline/online (the sync controller's
probe of head office), pending and quarantined changes and the last sync, read with
StatusService.stats() on the executor after every change and every 30 s.
"""

from __future__ import annotations

import importlib
import logging
import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.setup import app_version
from ss_desktop.services.status import StatusService
from ss_desktop.ui.children_page import ChildrenPage
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import show_error
from ss_desktop.ui.i18n import LanguageSwitcher
from ss_desktop.ui.reports_page import ReportsPage
from ss_desktop.ui.settings_page import SettingsPage
from ss_desktop.ui.signin import LockDialog
from ss_desktop.ui.sync_page import SyncPage
from ss_desktop.ui.sync_worker import SyncController

log = logging.getLogger(__name__)

(
    PAGE_CHILDREN,
    PAGE_REGISTER,
    PAGE_SITES,
    PAGE_ATTENDANCE,
    PAGE_SYNC,
    PAGE_SETTINGS,
    PAGE_REPORTS,
) = range(7)
STATUS_REFRESH_MS = 30_000

_USER_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class IdleWatcher(QObject):
    """Fires ``idle`` when no key, mouse or input-method event reached the app for a while."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._installed = False

    def set_minutes(self, minutes: float) -> None:
        """0 switches the lock off."""
        if minutes <= 0:
            self._timer.stop()
            self._timer.setInterval(0)
            return
        self._timer.setInterval(max(50, int(minutes * 60_000)))
        self.start()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        if self._timer.interval() > 0:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT and self._timer.isActive():
            self._timer.start()
        return False


class PlaceholderPage(QWidget):
    """Stands in for a page this build does not have yet; says so plainly."""

    def __init__(self, text_source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = text_source
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("MainWindow", self._source))


PAGE_MISSING = QT_TRANSLATE_NOOP("MainWindow", "This page is not available in this version.")


def _without_mnemonic(text: str) -> str:
    """'&Children' -> 'Children', '同步(&Y)' -> '同步', 'Sites && &programs' -> 'Sites & programs'."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _optional_page(module: str, name: str, ctx: UiContext) -> QWidget | None:
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        log.info("page %s.%s not available: %s", module, name, type(exc).__name__)
        return None
    return cls(ctx)


def last_sync_text(value: Any) -> str:
    if not value:
        return QCoreApplication.translate("MainWindow", "never")
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


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
        self.ctx = ctx
        self.switcher = switcher
        self.lock_dialog: LockDialog | None = None
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
        self.register_page = _optional_page("ss_desktop.ui.register_page", "RegisterPage", ctx)
        self.sites_page = _optional_page("ss_desktop.ui.sites_page", "SitesPage", ctx)
        self.attendance_page = _optional_page(
            "ss_desktop.ui.attendance_page", "AttendancePage", ctx
        )
        self.sync = SyncController(ctx, self)
        self._online = False
        self.sync_page = SyncPage(ctx, self.sync)
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
        bar = self.statusBar()
        for label in (
            self.conn_label,
            self.pending_label,
            self.quarantine_label,
            self.last_sync_label,
            self.user_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

        self._make_actions()
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.children_page.open_child_requested.connect(self.open_child)
        self.children_page.new_child_requested.connect(self.new_child)
        self.children_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.settings_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.sync_page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.sync_page.open_child_requested.connect(self.open_child)
        self.sync.online_changed.connect(self._online_changed)
        self.sync.round_finished.connect(lambda _report: self.refresh_status())
        self.sync.round_failed.connect(lambda _code, _params: self.refresh_status())
        self.settings_page.idle_minutes_changed.connect(self.set_idle_minutes)
        self.settings_page.restored.connect(self.restored)

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
    def _action(self, shortcut: QKeySequence | str | None, slot: Any, name: str) -> QAction:
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
            plain = _without_mnemonic(name)
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
                user=session.username, role=self._role_name(session.role)
            )
        )

    @staticmethod
    def _role_name(role: str) -> str:
        names = {
            "volunteer": QCoreApplication.translate("MainWindow", "volunteer"),
            "teacher": QCoreApplication.translate("MainWindow", "teacher"),
            "coordinator": QCoreApplication.translate("MainWindow", "coordinator"),
            "admin": QCoreApplication.translate("MainWindow", "administrator"),
        }
        return names.get(role, role)

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
        self.export_action.setEnabled(allowed(role, Permission.EXPORT))
        self.show_page(PAGE_CHILDREN)
        self.children_page.activate()
        self.refresh_status()
        self._status_timer.start()
        self.set_idle_minutes(float(self.ctx.settings.get("idle_lock_minutes", 10)))
        self.sync.start()

    def end_session(self) -> None:
        self.idle.stop()
        self._status_timer.stop()
        self.sync.stop()
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
    @property
    def is_locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self) -> None:
        session = self.ctx.session
        if session is None or self.lock_dialog is not None:
            return
        self.idle.stop()
        self.centralWidget().setVisible(False)  # no child's data on screen while locked
        dialog = LockDialog(self.ctx.app, self.ctx.executor, session, self)
        dialog.accepted.connect(self._unlocked)
        dialog.sign_out_requested.connect(self._sign_out_from_lock)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
        self.lock_dialog = None
        self.centralWidget().setVisible(True)
        self.idle.start()

    def _sign_out_from_lock(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
        self.lock_dialog = None
        self.centralWidget().setVisible(True)
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
        page = self.stack.currentWidget()
        activate = getattr(page, "activate", None)
        if callable(activate) and page is not self.children_page:
            activate()
        page.setFocus()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

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
        from ss_desktop.services.exporting import COLUMN_HEADERS, EXPORT_CONTEXT, ExportService
        from ss_desktop.ui import form_labels as labels

        session = self.ctx.session
        if session is None or not allowed(session.role, Permission.EXPORT):
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("MainWindow", "Export list"),
                "children.xlsx",
                QCoreApplication.translate(
                    "MainWindow", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"
                ),
            )
        if not path:
            return
        kinds = {
            "gender": labels.GENDER,
            "stage": labels.STAGE,
            "category": labels.CATEGORY,
            "hukou_type": labels.HUKOU_TYPE,
            "living": labels.LIVING,
            "relationship": labels.RELATIONSHIP,
        }
        value_labels = {
            kind: {code: labels.enum_label(table, code) for code in table}
            for kind, table in kinds.items()
        }
        headers = {
            k: QCoreApplication.translate(EXPORT_CONTEXT, v) for k, v in COLUMN_HEADERS.items()
        }

        def value_label(kind: str, value: Any) -> str:
            return value_labels.get(kind, {}).get(value, "" if value is None else str(value))

        app, query = self.ctx.app, self.children_page.search.text().strip()
        filters = self.children_page.filters()

        def done(result: Any) -> None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Exported {n} children to {path}").format(
                    n=result.rows, path=result.path
                ),
                8000,
            )

        self.ctx.executor.submit(
            lambda: ExportService(app, session).export(
                path, query, filters=filters, headers=headers, value_label=value_label
            ),
            on_result=done,
            on_error=lambda exc: show_error(self, exc),
        )

    def find_child(self) -> None:
        self.show_page(PAGE_CHILDREN)
        self.children_page.focus_search()

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

    def _online_changed(self, online: bool) -> None:
        self._online = online
        self._show_stats(self._stats)

    def _show_stats(self, stats: dict[str, Any]) -> None:
        self._stats = dict(stats)
        online = self._online
        self.conn_label.setText(
            QCoreApplication.translate("MainWindow", "● Online")
            if online
            else QCoreApplication.translate("MainWindow", "○ Offline")
        )
        self.conn_label.setToolTip(
            QCoreApplication.translate("MainWindow", "Connection to head office")
        )
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
