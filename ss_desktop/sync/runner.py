"""One sync round: push the outbox, pull head office's changes, compare checksums, then
send the audit log's new rows.

Delivery is at-least-once and apply is idempotent (docs/design/sync.md, "Proof that nothing is lost or
doubled"): an outbox row stays until head office acknowledges it, and each acknowledgement is
recorded in the same local transaction as ``last_acked_seq``; each pulled page is applied in
the same local transaction as the cursor after it. A round can therefore be cut at any point
(network, time-out, SIGKILL) and the next round continues where this one stopped.

:class:`SyncRunner` makes a single attempt and raises :class:`SyncError`; the retry loop with
backoff is :func:`run_with_retries` (and the GUI's sync worker).

Audit rows: each successful round appends a ``sync_round`` audit row, then sends every row
head office has not acknowledged (``POST /api/v1/audit``, batched), with the result of the
laptop's own check of its whole chain. Head office keeps every row and flags a chain that does
not verify; the round still succeeds (a broken audit chain must not stop children's records
from syncing), and the report carries head office's message.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    AuditUploadRequest,
    PushRequest,
    scope_checksum_of_lines,
)
from ss_desktop.db import audit
from ss_desktop.db import sync_store as store
from ss_desktop.db.write import ChangeSet
from ss_desktop.sync.client import SyncApi
from ss_desktop.sync.clock_repair import ClockCheck, correct_clock
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import Backoff, BatchSizer, zstd_level_for

log = logging.getLogger(__name__)

# progress(phase, done, total): phase is "push", "pull" or "check"; total may be None.
ProgressCallback = Callable[[str, int, int | None], None]


@dataclass
class RoundReport:
    pushed: int = 0  # changes head office acknowledged in this round
    pulled: int = 0  # changes received and merged
    rejected: int = 0  # changes head office refused: now in the quarantine
    duplicates: int = 0  # changes head office already had (a resend)
    held_back: int = 0  # changes head office asked to send again later
    resent: int = 0  # acknowledged changes sent again (head office restored from a backup)
    seconds: float = 0.0
    pending: int = 0  # changes still waiting for an acknowledgement
    checksum_ok: bool | None = None
    local_count: int | None = None
    server_count: int | None = None
    refetched: bool = False  # pulled everything again (cursor too old, or a mismatch)
    clock_offset_ms: int = 0
    clock_warning: bool = False
    restamped: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    audit_sent: int = 0  # audit rows head office took in this round
    audit_chain_ok: bool | None = None  # None: nothing sent
    audit_broken_at: int | None = None  # the first audit row id that does not verify
    audit_problem: str | None = None  # ss_core.protocol.audit_chain.ChainProblem value
    audit_message: str | None = None  # head office's English explanation
    changed: dict[str, list[str]] = field(default_factory=dict)  # entity -> record ids

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class SyncRunner:
    def __init__(
        self,
        engine: Engine,
        clock: HybridClock,
        api: SyncApi,
        *,
        push_batch: BatchSizer | None = None,
        pull_batch: BatchSizer | None = None,
        progress: ProgressCallback | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        actor: str = "sync",
        audit_batch: int = 500,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.api = api
        self.push_batch = push_batch or BatchSizer()
        self.pull_batch = pull_batch or BatchSizer(
            size=DEFAULT_PULL_LIMIT, minimum=10, maximum=MAX_PULL_LIMIT
        )
        self.progress = progress or (lambda phase, done, total: None)
        self.monotonic = monotonic
        self.actor = actor  # the signed-in user who started the round (audit rows)
        self.audit_batch = audit_batch

    # ------------------------------------------------------------------------- a round
    def run_round(self) -> RoundReport:
        enrollment = store.load_enrollment(self.engine)
        if enrollment.revoked:
            raise SyncError("device_revoked")
        if not enrollment.enrolled:
            raise SyncError("not_enrolled")
        self.api.token = enrollment.token
        report = RoundReport()
        started = self.monotonic()
        sent0, received0 = self.api.bytes_sent, self.api.bytes_received
        try:
            if store.pending_count(self.engine):
                # Learn head office's time before sending anything stamped with ours.
                probe = self.api.pull(enrollment.pull_cursor or "0", 1)
                self._observe(probe.server_time, report)
            self._push(enrollment.device_id or "", report)
            self._pull(report, from_zero=False)
            self._compare(enrollment.sites, report)
            self._audit_round(report)
            self._upload_audit(enrollment.device_id or "", report)
        except SyncError as exc:
            if exc.code == "device_revoked":
                store.mark_revoked(self.engine)
            raise
        finally:
            report.bytes_sent = self.api.bytes_sent - sent0
            report.bytes_received = self.api.bytes_received - received0
        report.seconds = round(self.monotonic() - started, 3)
        report.pending = store.pending_count(self.engine)
        summary = {k: v for k, v in report.as_dict().items() if k != "changed"}
        store.finish_round(self.engine, json.dumps(summary, default=str))
        log.info(
            "sync round: pushed %d, pulled %d, rejected %d, %.1f s, checksum %s",
            report.pushed,
            report.pulled,
            report.rejected,
            report.seconds,
            report.checksum_ok,
        )
        return report

    def _observe(self, server_ms: int, report: RoundReport) -> ClockCheck:
        check = correct_clock(self.engine, self.clock, server_ms)
        report.clock_offset_ms = check.offset_ms
        report.clock_warning = report.clock_warning or check.warning
        report.restamped += check.restamped
        return check

    # ------------------------------------------------------------------------- push
    def _push(self, device_id: str, report: RoundReport) -> None:
        """Send the outbox batch by batch. While head office applies a batch, the next one
        is read from the outbox in a second thread (reading it through the consent filter
        is the laptop's largest share of a push); it is used only if nothing it depends on
        changed meanwhile (see :func:`ss_desktop.db.sync_store.outbox_mark`), else the batch is
        read again."""
        total = store.pending_count(self.engine)
        self.progress("push", 0, total)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push-read-ahead") as pool:
            ops = store.pending_ops(self.engine, self.push_batch.size)
            while ops:
                request = PushRequest(device_id=device_id, batch_id=new_id(), ops=ops)
                mark = store.outbox_mark(self.engine)
                # As many as the next batch can hold: the sizer at most doubles it.
                ahead = pool.submit(
                    store.pending_ops,
                    self.engine,
                    min(self.push_batch.maximum, self.push_batch.size * 2),
                    after=ops[-1].device_seq,
                )
                began, sent_before = self.monotonic(), self.api.bytes_sent
                try:
                    response = self.api.push(request)
                except SyncError as exc:
                    if exc.code in ("timeout", "connection_lost"):
                        self.push_batch.timed_out()
                    raise
                took = self.monotonic() - began
                self.push_batch.succeeded(took)
                # The link's speed, not head office's: its own time on the batch is left out.
                on_link = max(0.0, took - (self.api.last_server_seconds or 0.0))
                self.api.compression_level = zstd_level_for(
                    self.api.bytes_sent - sent_before, on_link
                )
                restamped = report.restamped
                self._observe(response.server_time, report)
                outcome = store.record_push_results(
                    self.engine, ops, response.results, response.acked_through_seq
                )
                report.pushed += outcome.acked
                report.rejected += outcome.rejected
                report.duplicates += outcome.duplicates
                report.held_back += outcome.held_back
                self.progress("push", report.pushed, max(total, report.pushed))
                if outcome.acked == 0:
                    forgotten = store.requeue_forgotten(self.engine, response.acked_through_seq)
                    if forgotten:
                        # Head office waits for changes it had acknowledged: it was restored
                        # from an older backup. Send them again, from where it stands.
                        log.warning(
                            "head office acknowledges changes only through %d: %d change(s)"
                            " it lost are sent again",
                            response.acked_through_seq,
                            forgotten,
                        )
                        report.resent += forgotten
                        ops = store.pending_ops(self.engine, self.push_batch.size)
                        continue
                    # Head office took nothing from this batch (it waits for earlier
                    # changes): stop instead of sending the same batch forever; the next
                    # round retries.
                    log.warning("push made no progress (%d held back)", outcome.held_back)
                    return
                read_ahead = ahead.result()
                if (
                    response.acked_through_seq >= ops[-1].device_seq
                    and report.restamped == restamped
                    and store.outbox_mark(self.engine) == mark.after_ack(outcome.acked)
                ):
                    ops = read_ahead[: self.push_batch.size]
                else:
                    # Held back, re-stamped or written meanwhile: read the outbox again.
                    ops = store.pending_ops(self.engine, self.push_batch.size)

    # ------------------------------------------------------------------------- pull
    def _pull(self, report: RoundReport, *, from_zero: bool) -> None:
        enrollment = store.load_enrollment(self.engine)
        cursor = "0" if from_zero else (enrollment.pull_cursor or "0")
        refetches = 0
        self.progress("pull", report.pulled, None)
        while True:
            try:
                # Spared the records this laptop created and nobody changed since, except on
                # a pull from zero (the refetch after a checksum mismatch sends everything).
                page = self.api.pull(cursor, self.pull_batch.size, skip_own=not from_zero)
            except SyncError as exc:
                if exc.code in ("timeout", "connection_lost"):
                    self.pull_batch.timed_out()
                raise
            self._observe(page.server_time, report)
            if page.must_refetch:
                refetches += 1
                if refetches > 1:
                    raise SyncError("bad_response", detail="must_refetch twice")
                report.refetched = True
                cursor = "0"
                continue
            if not page.next_cursor.isdigit():
                raise SyncError("bad_response", detail="cursor")
            changes = store.apply_page(self.engine, self.clock, page.changes, page.next_cursor)
            report.pulled += len(page.changes)
            _merge_changed(report.changed, changes)
            cursor = page.next_cursor
            self.progress("pull", report.pulled, None)
            if not page.has_more:
                return

    # ------------------------------------------------------------------------- audit log
    def _audit_round(self, report: RoundReport) -> None:
        audit.append_audit(
            self.engine,
            actor=self.actor,
            action="sync_round",
            detail={
                "pushed": report.pushed,
                "pulled": report.pulled,
                "rejected": report.rejected,
                "duplicates": report.duplicates,
                "checksum_ok": report.checksum_ok,
            },
        )

    def _upload_audit(self, device_id: str, report: RoundReport) -> None:
        """Send the rows head office has not acknowledged; a refusal is reported, not raised
        (the records already synced); a transport failure fails the round (retried)."""
        local_broken = audit.verify_audit_chain(self.engine)
        if local_broken is not None:
            log.warning("this laptop's audit log does not verify from row %d", local_broken)
        acked = audit.audit_acked_id(self.engine, device_id)
        total = audit.audit_row_count_after(self.engine, acked)
        self.progress("audit", 0, total)
        sent_once = False
        while True:
            rows = audit.audit_rows_after(self.engine, acked, limit=self.audit_batch)
            if not rows and (sent_once or local_broken is None):
                return
            request = AuditUploadRequest(
                device_id=device_id, rows=rows, local_broken_at=local_broken
            )
            try:
                response = self.api.upload_audit(request)
            except SyncError as exc:
                if exc.code != "refused":
                    raise
                report.audit_chain_ok = None
                report.audit_message = str(exc.params.get("message") or exc.code)
                log.warning("head office refused the audit rows: %s", exc.params.get("reason"))
                return
            sent_once = True
            self._observe(response.server_time, report)
            report.audit_sent += response.stored
            ok = response.chain_ok and report.audit_chain_ok is not False
            report.audit_chain_ok = ok
            if not response.chain_ok and report.audit_broken_at is None:
                report.audit_broken_at = response.broken_at_id
                report.audit_problem = response.problem
                report.audit_message = response.message
                log.warning(
                    "head office flags this laptop's audit chain at row %s (%s)",
                    response.broken_at_id,
                    response.problem,
                )
            last_sent = rows[-1].id if rows else acked
            if response.acked_through_id != acked:
                audit.save_audit_acked_id(self.engine, device_id, response.acked_through_id)
            if not rows or response.acked_through_id < last_sent:
                if rows:
                    log.warning(
                        "head office holds audit rows only through %d", response.acked_through_id
                    )
                return
            acked = response.acked_through_id
            self.progress("audit", min(total, report.audit_sent), total)

    # ------------------------------------------------------------------------- checksum
    def _compare(self, sites: tuple[str, ...], report: RoundReport) -> None:
        self.progress("check", 0, None)
        for attempt in ("as is", "incremental", "from zero"):
            if attempt == "incremental":
                self._pull(report, from_zero=False)
            elif attempt == "from zero":
                log.warning("checksum mismatch with head office: pulling everything again")
                report.refetched = True
                self._pull(report, from_zero=True)
            summary = self.api.summary()
            self._observe(summary.server_time, report)
            count, checksum = scope_checksum_of_lines(store.scope_lines(self.engine, sites))
            report.local_count, report.server_count = count, summary.count
            report.checksum_ok = count == summary.count and checksum == summary.checksum
            if report.checksum_ok:
                return
        log.warning(
            "checksum still differs after a full pull (local %d, head office %d records)",
            report.local_count,
            report.server_count,
        )


def _merge_changed(target: dict[str, list[str]], changes: ChangeSet) -> None:
    for entity, ids in changes.touched().items():
        target.setdefault(entity, []).extend(ids)


def run_with_retries(
    attempt: Callable[[], RoundReport],
    *,
    attempts: int,
    backoff: Backoff | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RoundReport:
    """Call *attempt* until it succeeds, at most *attempts* times, sleeping a full-jitter
    backoff between retryable failures. Non-retryable errors are raised at once."""
    backoff = backoff or Backoff()
    for number in range(1, max(1, attempts) + 1):
        try:
            report = attempt()
        except SyncError as exc:
            if not exc.retryable or number >= attempts:
                raise
            delay = backoff.next_delay()
            log.info("sync attempt %d failed (%s); retrying in %.1f s", number, exc.code, delay)
            sleep(delay)
            continue
        backoff.reset()
        return report
    raise AssertionError("unreachable")
