"""Starting the desktop app: Qt, translations, the excepthook, logging, the data, and the
first window (the first-run wizard when no account exists, otherwise sign-in).

``AppShell`` owns the flow between windows: wizard or sign-in -> main window -> sign out
or switch user -> sign-in again. Opening the data happens before any window is shown;
if it fails (not our file, too new, damaged, upgrade failed) a dialog says why and the
data is left untouched.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ss_core.resources import resource_path
from ss_desktop.config import APP_AUTHOR, APP_NAME, AppPaths
from ss_desktop.logs import setup_logging
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.settings import load_settings, save_settings
from ss_desktop.services.setup import app_version, needs_first_run
from ss_desktop.startup_checks import (
    InstanceLock,
    StartupProblem,
    check_data_files,
    check_display,
    check_qt_libraries,
)
from ss_desktop.ui.context import AppEvents, UiContext
from ss_desktop.ui.errors import error_message, install_excepthook
from ss_desktop.ui.executor import DbExecutor
from ss_desktop.ui.first_run import FirstRunWizard
from ss_desktop.ui.gc_guard import GuiThreadCollector
from ss_desktop.ui.i18n import LanguageSwitcher, resolve_language
from ss_desktop.ui.main_window import MainWindow
from ss_desktop.ui.signin import SignInDialog

log = logging.getLogger(__name__)

# Benchmarks (bench/bench_build.py): print "READY <time.time()>" and quit once the first
# window (sign-in, or the first-run wizard) is shown and the event loop runs.
EXIT_WHEN_READY_ENV = "SS_DESKTOP_EXIT_WHEN_READY"


class AppShell(QObject):
    """Which window is up, who is signed in, and the shared UiContext."""

    def __init__(self, qapp: QApplication, paths: AppPaths, lang: str | None = None) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.paths = paths
        self.settings = load_settings(paths.settings_file)
        self.switcher = LanguageSwitcher(qapp)
        self.switcher.apply(resolve_language(lang, self.settings.get("language")))
        self.ctx: UiContext | None = None
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.signin: SignInDialog | None = None

    # -- opening ------------------------------------------------------------------------
    def open_data(self) -> LocalApp | None:
        """The data, still locked (sign-in opens it); a new folder is created for the first run."""
        try:
            app = LocalApp(self.paths)
            if app.needs_first_run():
                app.create_new()
            else:
                app.check_files()  # a folder that cannot open is refused before sign-in
            return app
        except Exception as exc:  # every failure gets a clear dialog
            log.error("could not open the data: %s", type(exc).__name__, exc_info=True)
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Cannot open the data"),
                QCoreApplication.translate("App", "{problem}\n\nData folder: {path}").format(
                    problem=error_message(exc), path=str(self.paths.data_dir)
                ),
            )
            return None

    def start(self) -> bool:
        """Open the data and show the first window; False if the app cannot start."""
        app = self.open_data()
        if app is None:
            return False
        self.ctx = UiContext(
            app=app, executor=DbExecutor(self), events=AppEvents(self), settings=self.settings
        )
        if app.is_open and needs_first_run(app):
            self.show_first_run()
        else:
            self.show_sign_in(self.settings.get("last_user", ""))
        return True

    def show_first_run(self) -> None:
        assert self.ctx is not None
        self.wizard = FirstRunWizard(self.ctx.app, self.ctx.executor, self.switcher)
        self.wizard.completed.connect(self._first_run_done)
        self.wizard.rejected.connect(self.qapp.quit)
        self.wizard.show()

    def _first_run_done(self, result: Any) -> None:
        self.settings["language"] = self.switcher.language
        self._signed_in(result.session)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None

    def show_sign_in(self, last_user: str = "") -> None:
        assert self.ctx is not None
        dialog = SignInDialog(self.ctx.app, self.ctx.executor, last_user=last_user)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._sign_in_cancelled)
        self.signin = dialog
        dialog.show()
        dialog.raise_()

    def _sign_in_cancelled(self) -> None:
        if self.ctx is not None and self.ctx.session is None:
            self.qapp.quit()

    # -- the session --------------------------------------------------------------------
    def _signed_in(self, session: UserSession) -> None:
        assert self.ctx is not None
        log.info("signed in as user %s (%s)", session.user_id, session.role)
        self.ctx.session = session
        self.settings["last_user"] = session.username
        self._save_settings()
        self.ctx.events.session_changed.emit(session)
        if self.signin is not None:
            self.signin.deleteLater()
            self.signin = None
        if self.window is None:
            self.window = MainWindow(self.ctx, self.switcher)
            self.window.sign_out_requested.connect(self.sign_out)
            self.window.restored.connect(lambda: self.sign_out(False))
        self.window.show()
        self.window.start_session()

    def sign_out(self, switch_user: bool = False) -> None:
        assert self.ctx is not None
        session = self.ctx.session
        if self.window is not None:
            self.window.end_session()
            self.window.hide()
        self.ctx.session = None
        self.ctx.events.session_changed.emit(None)
        log.info("signed out")
        last = "" if switch_user or session is None else session.username
        self.show_sign_in(last)

    def _save_settings(self) -> None:
        try:
            save_settings(self.paths.settings_file, self.settings)
        except OSError as exc:
            log.warning("settings not saved: %s", type(exc).__name__)

    def shutdown(self) -> None:
        """Close every window, let running jobs finish, close the data."""
        for widget in (self.wizard, self.signin, self.window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if self.window is not None:
            self.window.end_session()
        self.wizard = self.signin = self.window = None
        if self.ctx is None:
            return
        self.ctx.executor.wait_idle(10_000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.ctx.app.close()  # the key stays in memory only while the app runs


def make_qapplication() -> QApplication:
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName(APP_NAME)
    qapp.setOrganizationName(APP_AUTHOR)
    qapp.setApplicationVersion(app_version())
    icon = resource_path("icons", "app.svg")
    if icon.exists():
        qapp.setWindowIcon(QIcon(str(icon)))
    return qapp


def _problem_language(paths: AppPaths, lang: str | None) -> str:
    saved = None
    try:
        if paths.settings_file.is_file():
            saved = load_settings(paths.settings_file).get("language")
    except Exception:  # noqa: BLE001 - an unreadable settings file must not hide the problem
        saved = None
    return resolve_language(lang, saved)


def report_startup_problem(
    problem: StartupProblem, paths: AppPaths, lang: str | None, *, dialog: bool
) -> int:
    """Say why the app cannot start: on stderr, and in a dialog when someone can see one."""
    text = problem.message(_problem_language(paths, lang))
    print(f"ss-desktop: {text}", file=sys.stderr, flush=True)
    headless = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal")
    if dialog and not headless:
        make_qapplication()
        QMessageBox.critical(None, "Stepping Stones", text)
    return 1


def _exit_when_ready(shell: AppShell) -> None:
    def report() -> None:
        shown = [w for w in (shell.signin, shell.wizard) if w is not None and w.isVisible()]
        if not shown:
            QTimer.singleShot(2, report)
            return
        print(f"READY {time.time():.4f}", flush=True)
        shell.qapp.exit(0)

    QTimer.singleShot(0, report)


def run_gui(paths: AppPaths, lang: str | None) -> int:
    # before QApplication: without a display, or without the libraries of Qt's X11 plugin,
    # Qt aborts the process (and no dialog could be shown either)
    problem = check_display() or check_qt_libraries()
    if problem is not None:
        return report_startup_problem(problem, paths, lang, dialog=False)
    problem = check_data_files(paths)
    if problem is not None:
        return report_startup_problem(problem, paths, lang, dialog=True)
    lock = InstanceLock(paths.data_dir)
    problem = lock.acquire()
    if problem is not None:
        return report_startup_problem(problem, paths, lang, dialog=True)
    try:
        paths.ensure()
        log_file = setup_logging(paths.log_dir)
        log.info("starting ss-desktop %s", app_version())
        qapp = make_qapplication()
        # cycles of Qt objects are freed in the GUI thread only (see gc_guard)
        gc_guard = GuiThreadCollector(qapp)
        install_excepthook(log_file, app_version())
        shell = AppShell(qapp, paths, lang)
        if not shell.start():
            return 1
        if os.environ.get(EXIT_WHEN_READY_ENV):
            _exit_when_ready(shell)
        try:
            return qapp.exec()
        finally:
            shell.shutdown()
            gc_guard.stop()
    finally:
        lock.release()
