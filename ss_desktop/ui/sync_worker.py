"""Sync in the background: a worker in its own QThread, and the controller that decides when
a round runs.

``SyncWorker`` lives in its own ``QThread``. It builds its OWN ``SyncService`` (and so its own
httpx client) inside that thread; only plain data crosses threads: the session (a frozen
dataclass) and the round's cancel flag (a ``threading.Event``) go in, progress counts, the
retries, the round report as a dict, an error code with its parameters, and the probe's
yes/no come out, through queued signals.

A round rides out a bad link by itself (:mod:`ss_desktop.sync.retry`): it tries each failed
request again until nothing got through for ``sync_give_up_seconds`` (setting, default three
minutes) or the user cancels (:meth:`SyncController.cancel`, the page's Cancel button).

``SyncController`` lives in the GUI thread. It runs a round:
* when "Sync now" is asked for;
* when head office becomes reachable — a cheap ``GET /healthz`` probe, re-armed with a
  full-jitter backoff while head office cannot be reached, plus Qt's network-reachability
  signal (QNetworkInformation) where a backend exists;
* every N minutes (setting ``sync_interval_minutes``, default 15).
A laptop that is not enrolled never syncs by itself; a revoked laptop stops.
Saving never waits for any of this: the outbox is read and acknowledged in short
transactions of their own.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import httpx
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.sync import SyncService
from ss_desktop.sync.client import ConnectionSettings, make_http_client
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import Backoff
from ss_desktop.sync.retry import DEFAULT_GIVE_UP_AFTER, RetryEvent, RetryPolicy
from ss_desktop.sync.round_report import RoundObserver
from ss_desktop.ui.context import Touched

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 15
ONLINE_PROBE_MS = 60_000  # while online: check now and then that it still is
PROBE_SECONDS = 5.0

# Sync threads have no Qt parent: they are stopped when their controller goes away (or the
# app quits) and kept referenced here until then.
_THREADS: set[QThread] = set()


def _stop_thread(thread: QThread, wait_ms: int = 30_000) -> None:
    if thread in _THREADS:
        _THREADS.discard(thread)
        thread.quit()
        thread.wait(wait_ms)


class SyncWorker(QObject):
    """Runs in the sync thread. Never touches a widget."""

    progress = Signal(str, int, int)  # phase ("push", "pull", "check"), done, total (-1: unknown)
    retrying = Signal(str, float, int)  # what failed, seconds until the next try, tries failed
    finished = Signal(dict)  # SyncReport.as_dict() plus "changed": {entity: [ids]}
    failed = Signal(str, dict)  # SyncError code and its parameters
    probed = Signal(bool, bool, bool)  # reachable, enrolled, revoked
    status_read = Signal(dict)  # SyncStatus.as_dict()

    def __init__(
        self,
        app: LocalApp,
        *,
        stall_seconds: float = 30.0,
        connect_seconds: float = 15.0,
        give_up_after: float = DEFAULT_GIVE_UP_AFTER,
    ) -> None:
        super().__init__()
        self.app = app
        self.stall_seconds = stall_seconds
        self.connect_seconds = connect_seconds
        self.give_up_after = give_up_after
        self._service: SyncService | None = None

    def _service_for(self, session: UserSession) -> SyncService:
        # Made in this thread; kept per user so push/pull batch sizes adapt across rounds.
        if self._service is None or self._service.session != session:
            self._service = SyncService(
                self.app,
                session,
                stall_seconds=self.stall_seconds,
                connect_seconds=self.connect_seconds,
                retry=RetryPolicy(give_up_after=self.give_up_after),
            )
        return self._service

    @Slot(object, object)
    def run_round(self, session: UserSession, cancel: threading.Event) -> None:
        service = self._service_for(session)

        def report_progress(phase: str, done: int, total: int | None) -> None:
            self.progress.emit(phase, int(done), -1 if total is None else int(total))

        def report_retry(event: RetryEvent) -> None:
            self.retrying.emit(event.code, float(event.delay), int(event.attempt))

        observer = RoundObserver(progress=report_progress, retry=report_retry)
        try:
            report = service.sync_round(attempts=1, observer=observer, cancel=cancel)
        except SyncError as exc:
            log.info("sync round failed: %s", exc.code)
            self.failed.emit(exc.code, {k: str(v) for k, v in exc.params.items()})
            return
        except Exception as exc:  # reported to the GUI, never lost
            log.error("sync round failed unexpectedly: %s", type(exc).__name__, exc_info=True)
            code = getattr(exc, "code", None)
            self.failed.emit(
                "service:" + code if isinstance(code, str) else "unexpected",
                {
                    "type": type(exc).__name__,
                    **{k: str(v) for k, v in getattr(exc, "params", {}).items()},
                },
            )
            return
        data = report.as_dict()
        data["changed"] = {k: list(v) for k, v in report.changed.items()}
        self.finished.emit(data)

    @Slot(float)
    def set_give_up_after(self, seconds: float) -> None:
        self.give_up_after = seconds
        if self._service is not None:
            self._service.retry = RetryPolicy(give_up_after=seconds)

    @Slot(object)
    def read_status(self, session: UserSession) -> None:
        try:
            self.status_read.emit(self._service_for(session).status().as_dict())
        except Exception as exc:  # noqa: BLE001
            log.warning("sync status unavailable: %s", type(exc).__name__)

    @Slot(object)
    def probe(self, session: UserSession) -> None:
        """Is head office reachable? (GET /healthz; no data is sent)."""
        try:
            status = self._service_for(session).status()
        except Exception as exc:  # noqa: BLE001
            log.warning("sync status unavailable: %s", type(exc).__name__)
            self.probed.emit(False, False, False)
            return
        if not status.enrolled or not status.server_url or status.revoked:
            self.probed.emit(False, status.enrolled, status.revoked)
            return
        reachable = False
        try:
            settings = ConnectionSettings(
                status.server_url,
                allow_insecure=True,  # the probe carries no data
                stall_seconds=PROBE_SECONDS,
                connect_seconds=PROBE_SECONDS,
            )
            with make_http_client(settings) as client:
                reachable = client.get("/healthz").status_code < 500
        except (httpx.HTTPError, SyncError, OSError) as exc:
            log.debug("head office not reachable: %s", type(exc).__name__)
        self.probed.emit(reachable, True, False)


class SyncController(QObject):
    """GUI-thread side of sync: owns the sync thread and decides when rounds run."""

    # to the worker (queued into the sync thread)
    _round_requested = Signal(object, object)
    _give_up_changed = Signal(float)
    _probe_requested = Signal(object)
    _status_requested = Signal(object)

    # to the pages
    round_started = Signal()
    progress = Signal(str, int, int)
    retrying = Signal(str, float, int)  # a request failed on the way; tried again in N s
    round_finished = Signal(dict)
    round_failed = Signal(str, dict)
    online_changed = Signal(bool)
    status_changed = Signal(dict)  # SyncStatus.as_dict()
    running_changed = Signal(bool)

    def __init__(
        self,
        ctx: Any,
        parent: QObject | None = None,
        *,
        probe_backoff: Backoff | None = None,
        online_probe_ms: int = ONLINE_PROBE_MS,
        stall_seconds: float = 30.0,
        connect_seconds: float = 15.0,
        give_up_after: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.online: bool | None = None
        self.enrolled = False
        self.revoked = False
        self.running = False
        self.last_report: dict[str, Any] | None = None
        self.last_error: tuple[str, dict[str, str]] | None = None
        self._again = False
        self._active = False
        self._cancel: threading.Event | None = None  # the running round's
        self.backoff = probe_backoff or Backoff(base_seconds=5.0, cap_seconds=300.0)
        self.online_probe_ms = online_probe_ms

        # not "thread": that name is QObject.thread(), the thread this controller lives in
        self.sync_thread = QThread()
        self.sync_thread.setObjectName("syncThread")
        _THREADS.add(self.sync_thread)
        thread = self.sync_thread
        self.destroyed.connect(lambda *_args: _stop_thread(thread))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if give_up_after is None:
            give_up_after = float(ctx.settings.get("sync_give_up_seconds", DEFAULT_GIVE_UP_AFTER))
        self.worker = SyncWorker(
            ctx.app,
            stall_seconds=stall_seconds,
            connect_seconds=connect_seconds,
            give_up_after=give_up_after,
        )
        self.worker.moveToThread(self.sync_thread)
        self.sync_thread.finished.connect(self.worker.deleteLater)
        self._round_requested.connect(self.worker.run_round)
        self._probe_requested.connect(self.worker.probe)
        self._status_requested.connect(self.worker.read_status)
        self._give_up_changed.connect(self.worker.set_give_up_after)
        self.worker.progress.connect(self.progress)
        self.worker.retrying.connect(self.retrying)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.probed.connect(self._probed)
        self.worker.status_read.connect(self._status_read)
        self.sync_thread.start()

        self.probe_timer = QTimer(self)
        self.probe_timer.setSingleShot(True)
        self.probe_timer.timeout.connect(self.probe_now)
        self.interval_timer = QTimer(self)
        self.interval_timer.timeout.connect(self._interval_elapsed)
        self.set_interval_minutes(
            float(ctx.settings.get("sync_interval_minutes", DEFAULT_INTERVAL_MINUTES))
        )
        self._network = _load_network_information()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._reachability_changed)

    # -- life ---------------------------------------------------------------------------
    def start(self) -> None:
        """A user signed in: read the status, probe head office, arm the timers."""
        self._active = True
        self.refresh_status()
        self.probe_now()
        if self.interval_timer.interval() > 0:
            self.interval_timer.start()

    def stop(self) -> None:
        """Signed out or locked away: no new rounds (a running one finishes)."""
        self._active = False
        self.probe_timer.stop()
        self.interval_timer.stop()

    def shutdown(self, wait_ms: int = 30_000) -> None:
        """Stop the timers and the sync thread (a running round finishes first)."""
        self.stop()
        _stop_thread(self.sync_thread, wait_ms)

    def set_interval_minutes(self, minutes: float) -> None:
        """0 switches periodic sync off."""
        if minutes <= 0:
            self.interval_timer.stop()
            self.interval_timer.setInterval(0)
            return
        self.interval_timer.setInterval(max(1000, int(minutes * 60_000)))
        if self._active:
            self.interval_timer.start()

    # -- requests -----------------------------------------------------------------------
    def sync_now(self) -> bool:
        """Start a round now (False when none can start: no user, or one is running)."""
        session = self.ctx.session
        if session is None:
            return False
        if self.running:
            self._again = True  # changes saved meanwhile go in the next round
            return False
        self.running = True
        self.last_error = None
        self._cancel = threading.Event()
        self.running_changed.emit(True)
        self.round_started.emit()
        self._round_requested.emit(session, self._cancel)
        return True

    def set_give_up_after(self, seconds: float) -> None:
        """Rounds from now on stop after *seconds* without progress."""
        self._give_up_changed.emit(float(seconds))

    def cancel(self) -> bool:
        """Stop the running round at its next step (the wait before a retry ends at once; a
        request on the way finishes or times out first). False when none runs."""
        if not self.running or self._cancel is None:
            return False
        self._again = False
        self._cancel.set()
        return True

    def probe_now(self) -> None:
        session = self.ctx.session
        if session is None or not self._active:
            return
        self.probe_timer.stop()
        self._probe_requested.emit(session)

    def refresh_status(self) -> None:
        session = self.ctx.session
        if session is not None:
            self._status_requested.emit(session)

    # -- answers ------------------------------------------------------------------------
    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    @Slot(bool, bool, bool)
    def _probed(self, reachable: bool, enrolled: bool, revoked: bool) -> None:
        self.enrolled, self.revoked = enrolled, revoked
        was_online = self.online
        self._set_online(reachable)
        if not self._active or not enrolled or revoked:
            return  # nothing to sync with: no automatic rounds, no probing
        if reachable:
            self.backoff.reset()
            if not was_online and not self.running:
                log.info("head office is reachable: syncing")
                self.sync_now()
            self.probe_timer.start(self.online_probe_ms)
        else:
            self.probe_timer.start(int(self.backoff.next_delay() * 1000) + 200)

    @Slot(dict)
    def _finished(self, report: dict[str, Any]) -> None:
        self.running = False
        self.last_report = report
        self.running_changed.emit(False)
        self._set_online(True)
        self.backoff.reset()
        self.round_finished.emit(report)
        self.ctx.publish(Touched(report.get("changed") or {}))
        self.refresh_status()
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.sync_now)

    @Slot(str, dict)
    def _failed(self, code: str, params: dict[str, str]) -> None:
        self.running = False
        self._again = False
        self.last_error = (code, params)
        self.running_changed.emit(False)
        if code == "device_revoked":
            self.revoked = True
            self.stop()
        elif code == "not_enrolled":
            self.enrolled = False
        elif code == "cancelled":
            pass  # the user's choice: nothing to probe, the next round comes as planned
        elif code in ("unreachable", "dns_failure", "timeout", "connection_lost"):
            self._set_online(False)
            if self._active:  # re-armed: probe again after a backoff
                self.probe_timer.start(int(self.backoff.next_delay() * 1000) + 200)
        self.round_failed.emit(code, params)
        self.refresh_status()

    @Slot(dict)
    def _status_read(self, status: dict[str, Any]) -> None:
        self.enrolled = bool(status.get("enrolled"))
        self.revoked = bool(status.get("revoked"))
        self.status_changed.emit(status)

    def _interval_elapsed(self) -> None:
        if self._active and self.enrolled and not self.revoked:
            self.sync_now()

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            log.info("the network is back: probing head office")
            self.backoff.reset()
            self.probe_now()
        elif reachability == QNetworkInformation.Reachability.Disconnected:
            self._set_online(False)


def _load_network_information() -> Any:
    """Qt's reachability signal, where this platform has a backend (None otherwise)."""
    try:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return None
        return QNetworkInformation.instance()
    except Exception as exc:  # noqa: BLE001 - an optional convenience
        log.info("no network-reachability backend: %s", type(exc).__name__)
        return None
