"""Sync with head office, for the CLI and the GUI's sync worker: enroll, a sync round,
USB bundles, status. Plain data in and out; errors are ``SyncError`` with a stable code
(text: :mod:`ss_desktop.services.sync_messages`).

The GUI's sync worker builds its own ``SyncService`` (and so its own httpx client) inside
its thread; push/pull batch sizes adapt across rounds of one service object.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from ss_core import version
from ss_desktop.db import queries
from ss_desktop.db import sync_store as store
from ss_desktop.db.audit import append_audit
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.permissions import Permission, require
from ss_desktop.services.recovery import ensure_recovery_wrap
from ss_desktop.services.sync_messages import clock_warning_text
from ss_desktop.sync.client import (
    ConnectionSettings,
    SyncApi,
    make_http_client,
    normalize_server_url,
)
from ss_desktop.sync.enrollment import EnrollmentResult, enroll_from_file, enroll_online
from ss_desktop.sync.errors import SyncError, disk_full_as_sync_error
from ss_desktop.sync.policy import Backoff, BatchSizer
from ss_desktop.sync.runner import ProgressCallback, RoundReport, SyncRunner, run_with_retries


@dataclass
class SyncReport:
    pushed: int
    pulled: int
    rejected: int
    seconds: float
    duplicates: int = 0
    held_back: int = 0
    resent: int = 0  # acknowledged changes sent again: head office was restored from a backup
    pending: int = 0  # not acknowledged yet, those waiting for consent included
    waiting_for_consent: int = 0  # held on this laptop until a guardian's consent is recorded
    checksum_ok: bool | None = None
    local_count: int | None = None
    server_count: int | None = None
    refetched: bool = False
    clock_offset_ms: int = 0
    clock_warning: str | None = None  # English text; None when the clock is fine
    restamped: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    attempts: int = 1
    audit_sent: int = 0
    audit_chain_ok: bool | None = None  # False: head office flags this laptop's audit log
    audit_broken_at: int | None = None  # the first audit row that does not verify
    audit_problem: str | None = None  # ss_core.protocol.audit_chain.ChainProblem value
    audit_message: str | None = None  # head office's English explanation
    changed: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("changed")
        return data

    @classmethod
    def from_round(cls, report: RoundReport, attempts: int) -> SyncReport:
        return cls(
            pushed=report.pushed,
            pulled=report.pulled,
            rejected=report.rejected,
            seconds=report.seconds,
            duplicates=report.duplicates,
            held_back=report.held_back,
            resent=report.resent,
            pending=report.pending,
            checksum_ok=report.checksum_ok,
            local_count=report.local_count,
            server_count=report.server_count,
            refetched=report.refetched,
            clock_offset_ms=report.clock_offset_ms,
            clock_warning=clock_warning_text(report.clock_offset_ms)
            if report.clock_warning
            else None,
            restamped=report.restamped,
            bytes_sent=report.bytes_sent,
            bytes_received=report.bytes_received,
            attempts=attempts,
            audit_sent=report.audit_sent,
            audit_chain_ok=report.audit_chain_ok,
            audit_broken_at=report.audit_broken_at,
            audit_problem=report.audit_problem,
            audit_message=report.audit_message,
            changed=report.changed,
        )


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: str | None
    sites: tuple[str, ...]
    revoked: bool
    pending: int
    quarantined: int
    last_sync_at: str | None
    last_report: dict[str, Any] | None
    site_names: tuple[str, ...] = ()  # of ``sites``, as this laptop knows them

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class SyncService:
    def __init__(
        self,
        app: LocalApp,
        session: UserSession,
        *,
        http_factory: Callable[[ConnectionSettings], httpx.Client] = make_http_client,
        stall_seconds: float = 30.0,
        connect_seconds: float = 15.0,
    ) -> None:
        self.app = app
        self.session = session
        self.http_factory = http_factory
        self.stall_seconds = stall_seconds
        self.connect_seconds = connect_seconds
        self.push_batch = BatchSizer()
        self.pull_batch = BatchSizer(size=500, minimum=10, maximum=2000)
        self.backoff = Backoff()

    # -- enrollment ---------------------------------------------------------------------
    @disk_full_as_sync_error()
    def enroll(
        self,
        server_url: str,
        code: str,
        *,
        device_name: str | None = None,
        ca_bundle: str | None = None,
        allow_insecure: bool = False,
    ) -> EnrollmentResult:
        require(self.session.role, Permission.SETTINGS)
        result = enroll_online(
            self.app.engine,
            self.app.clock,
            server_url=server_url,
            code=code,
            device_name=device_name or socket.gethostname() or "laptop",
            app_version=version(),
            ca_bundle=ca_bundle,
            allow_insecure=allow_insecure,
            http_factory=self.http_factory,
        )
        ensure_recovery_wrap(self.app)  # head office can now recover this laptop's data
        return result

    @disk_full_as_sync_error()
    def enroll_file(self, path: Path) -> EnrollmentResult:
        require(self.session.role, Permission.SETTINGS)
        result = enroll_from_file(self.app.engine, self.app.clock, Path(path))
        ensure_recovery_wrap(self.app)
        return result

    def set_server_url(self, server_url: str) -> str:
        """Give a laptop enrolled with a file that named no address head office's address,
        so it can also sync over the internet once it has a connection. Only then: an
        enrolled laptop's address comes with its enrolment."""
        require(self.session.role, Permission.SETTINGS)
        enrollment = store.load_enrollment(self.app.engine)
        if not enrollment.enrolled:
            raise SyncError("not_enrolled")
        if enrollment.server_url:
            raise SyncError("address_known")
        url = normalize_server_url(server_url, allow_insecure=enrollment.allow_insecure)
        store.save_server_url(self.app.engine, url)
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="sync_address",
            detail={"host": urlsplit(url).hostname},
        )
        return url

    # -- a round ------------------------------------------------------------------------
    @disk_full_as_sync_error()
    def sync_round(
        self,
        progress: ProgressCallback | None = None,
        *,
        attempts: int = 1,
        sleep: Callable[[float], None] = time.sleep,
    ) -> SyncReport:
        """Push then pull; up to *attempts* tries with full-jitter backoff between them."""
        require(self.session.role, Permission.SYNC)
        enrollment = store.load_enrollment(self.app.engine)
        if enrollment.revoked:
            raise SyncError("device_revoked")
        if not enrollment.enrolled:
            raise SyncError("not_enrolled")
        if not enrollment.server_url:
            raise SyncError("bundle_only")
        settings = ConnectionSettings(
            enrollment.server_url,
            ca_bundle=enrollment.ca_bundle,
            allow_insecure=enrollment.allow_insecure,
            stall_seconds=self.stall_seconds,
            connect_seconds=self.connect_seconds,
        )
        api = SyncApi(self.http_factory(settings), enrollment.token)
        tries = 0

        def attempt() -> RoundReport:
            nonlocal tries
            tries += 1
            runner = SyncRunner(
                self.app.engine,
                self.app.clock,
                api,
                push_batch=self.push_batch,
                pull_batch=self.pull_batch,
                progress=progress,
                actor=self.session.username,
            )
            return runner.run_round()

        try:
            report = run_with_retries(attempt, attempts=attempts, backoff=self.backoff, sleep=sleep)
        finally:
            api.close()
        result = SyncReport.from_round(report, tries)
        result.waiting_for_consent = store.held_count(self.app.engine)
        return result

    # -- USB bundles --------------------------------------------------------------------
    @disk_full_as_sync_error()
    def export_bundle(self, path: Path) -> Any:
        require(self.session.role, Permission.SYNC)
        from ss_desktop.sync.bundle import export_bundle

        info = export_bundle(self.app.engine, Path(path))
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="sync_bundle_export",
            detail={"bundle_id": info.bundle_id, "count": info.op_count},
        )
        return info

    @disk_full_as_sync_error()
    def receive_receipt(self, path: Path) -> Any:
        require(self.session.role, Permission.SYNC)
        from ss_desktop.sync.bundle import receive_receipt

        info = receive_receipt(self.app.engine, self.app.clock, Path(path))
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action="sync_receipt",
            detail={"bundle_id": info.bundle_id, "acked": info.acked, "pulled": info.pulled},
        )
        return info

    # -- status -------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        enrollment = store.load_enrollment(self.app.engine)
        quarantined = queries.quarantined(self.app.engine)
        with store.read_cursor(self.app.engine) as cur:
            last = store.get_meta(cur, store.K_LAST_REPORT)
        return SyncStatus(
            enrolled=enrollment.enrolled,
            server_url=enrollment.server_url,
            device_id=enrollment.device_id,
            sites=enrollment.sites,
            revoked=enrollment.revoked,
            pending=store.pending_count(self.app.engine),
            quarantined=quarantined,
            last_sync_at=enrollment.last_sync_at,
            last_report=json.loads(last) if last else None,
            site_names=self._site_names(enrollment.sites),
        )

    def _site_names(self, site_ids: Sequence[str]) -> tuple[str, ...]:
        """Names of *site_ids*; a site not pulled yet shows the start of its id."""
        names = {site.id: site.name for site in queries.list_sites(self.app.engine)}
        return tuple(names.get(site_id) or site_id[:8] for site_id in site_ids)
