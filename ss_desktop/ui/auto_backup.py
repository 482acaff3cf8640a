"""Automatic backups in the running app: at sign-out, once a day while someone stays signed
in, and when the app closes — each only if the data changed since the newest backup
(ss_desktop.services.auto_backup decides, writes, verifies and rotates).

A backup runs on the executor's background thread: typing, saving and searching go on
meanwhile. One backup at a time; a request while one runs is dropped (the next check
makes it if it is still due).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ss_desktop.services.auto_backup import DAILY, SIGN_OUT, AutoBackupResult, AutoBackups
from ss_desktop.ui.context import UiContext

log = logging.getLogger(__name__)

DAILY_CHECK_MS = 15 * 60 * 1000


class AutoBackupRunner(QObject):
    finished = Signal(object)  # AutoBackupResult
    failed = Signal(object)  # the exception (a full disk ...)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.last_result: AutoBackupResult | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(DAILY_CHECK_MS)
        self._timer.timeout.connect(lambda: self.run(DAILY))

    def service(self) -> AutoBackups:
        return AutoBackups(self.ctx.app, drive_folder=self.ctx.settings.get("backup_drive") or None)

    def start_session(self) -> None:
        self._timer.start()
        self.run(DAILY)

    def end_session(self) -> None:
        """At sign-out: a backup if anything changed."""
        self._timer.stop()
        self.run(SIGN_OUT)

    def run(self, reason: str) -> bool:
        """Start a backup for *reason* in the background (if due); False if one runs."""
        if self.running or not self.ctx.app.is_open:
            return False
        self.running = True
        service = self.service()
        self.ctx.executor.submit(
            lambda: service.run(reason),
            background=True,
            on_result=self._done,
            on_error=self._failed,
        )
        return True

    def run_now_and_wait(self) -> None:
        """When the app closes: finish a running backup, then make the sign-out one (no
        window is left to type in)."""
        self._timer.stop()
        self.ctx.executor.wait_idle(120_000)
        if not self.ctx.app.is_open:
            return
        try:
            result = self.service().run(SIGN_OUT)
        except Exception as exc:  # noqa: BLE001 - logged: the app is closing anyway
            log.warning("backup at closing failed: %s", type(exc).__name__)
            return
        if result.made is not None:
            log.info("backup made at closing")

    def _done(self, result: Any) -> None:
        self.running = False
        self.last_result = result
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("automatic backup failed: %s", type(exc).__name__)
        self.failed.emit(exc)
