"""One sync round: push the outbox, pull head office's changes, compare checksums, then
send the audit log's new rows.

Delivery is at-least-once and apply is idempotent (docs/design/sync.md, "Proof that nothing is lost or
doubled"): an outbox row stays until head office acknowledges it, and each acknowledgement is
recorded in the same local transaction as ``last_acked_seq``; each pulled page is applied in
the same local transaction as the cursor after it. A round can therefore be cut at any point
(network, time-out, SIGKILL) and the next round continues where this one stopped.

:class:`SyncRunner` rides out a bad link within the round (:mod:`ss_desktop.sync.retry`):
each request that fails on the way is tried again — at once after a cut, after a backoff
after a server error — with a smaller batch after a failure (larger again after successes),
until the round has made no progress for ``give_up_after`` seconds or the user cancels; then
it raises :class:`SyncError`. Head office answers ``duplicate`` for every change of a retried
batch it already has, so each change still takes effect once. :func:`run_with_retries` tries
whole rounds again (the CLI's ``--retries``).

Audit rows: each successful round appends a ``sync_round`` audit row, then sends every row
head office has not acknowledged (``POST /api/v1/audit``, batched), with the result of the
laptop's own check of its whole chain. Head office keeps every row and flags a chain that does
not verify; the round still succeeds (a broken audit chain must not stop children's records
from syncing), and the report carries head office's message.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import (
    DEFAULT_PULL_LIMIT,
    MAX_AUDIT_ROWS_PER_UPLOAD,
    MAX_PULL_LIMIT,
    AuditUploadRequest,
    AuditUploadResponse,
    PushRequest,
    PushResponse,
    scope_checksum_of_lines,
)
from ss_desktop.db import audit
from ss_desktop.db import sync_store as store
from ss_desktop.db.write import ChangeSet
from ss_desktop.sync.client import SyncApi
from ss_desktop.sync.clock_repair import ClockCheck, correct_clock
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import SLOW_LINK_ZSTD_LEVEL, Backoff, BatchSizer, zstd_level_for
from ss_desktop.sync.retry import Retrier, RetryPolicy
from ss_desktop.sync.round_report import (
    BatchDone,
    ProgressCallback,
    RoundObserver,
    RoundReport,
)

log = logging.getLogger(__name__)

# What a head office without GET /sync/push/results answers it.
_NO_RESULTS_CALL = frozenset({"not_found", "unsupported_version", "malformed"})


@dataclass
class _Sent:
    """The push batch that went through: its changes, head office's answer, bytes sent."""

    ops: list[Any]
    response: Any = None
    bytes: int = 0


class SyncRunner:
    def __init__(
        self,
        engine: Engine,
        clock: HybridClock,
        api: SyncApi,
        *,
        push_batch: BatchSizer | None = None,
        pull_batch: BatchSizer | None = None,
        audit_batch: BatchSizer | None = None,
        progress: ProgressCallback | None = None,
        observer: RoundObserver | None = None,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        actor: str = "sync",
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.api = api
        self.push_batch = push_batch or BatchSizer()
        self.pull_batch = pull_batch or BatchSizer(
            size=DEFAULT_PULL_LIMIT, minimum=10, maximum=MAX_PULL_LIMIT
        )
        # Audit batches are sized in kilobytes of rows: one row of a large import lists
        # thousands of record ids, another is a sign-in.
        self.audit_batch = audit_batch or audit_batch_sizer()
        observer = observer or RoundObserver(progress=progress)
        self.progress = observer.progress or (lambda phase, done, total: None)
        self.on_batch = observer.batch or (lambda event: None)
        self.monotonic = monotonic
        self.actor = actor  # the signed-in user who started the round (audit rows)
        self.cancel = cancel or threading.Event()
        self._round_bytes = (0, 0)  # bytes sent and received before the round began
        # Bytes on the wire per push op, per pulled record, per audit character (last seen).
        self._unit_bytes: dict[str, float] = {}
        # Head office applies a cut push as far as it arrived and says what it holds (None:
        # not known yet; False: an older head office, whose pushes are kept to the link).
        self._resumable: bool | None = None
        # Bytes of answers that are no progress (head office holds none of a cut batch): a
        # push that can never get through must still give up.
        self._idle_bytes = 0
        self.retry = Retrier(
            retry or RetryPolicy(),
            lambda: self.api.bytes_received - self._idle_bytes,
            sent=lambda: self.api.bytes_sent,
            cancel=self.cancel,
            on_retry=observer.retry,
            monotonic=monotonic,
        )

    # ------------------------------------------------------------------------- a round
    def run_round(self) -> RoundReport:
        enrollment = store.load_enrollment(self.engine)
        if enrollment.revoked:
            raise SyncError("device_revoked")
        if not enrollment.enrolled:
            raise SyncError("not_enrolled")
        self.api.token = enrollment.token
        self.api.cancel = self.cancel
        report = RoundReport()
        started = self.monotonic()
        sent0, received0 = self.api.bytes_sent, self.api.bytes_received
        self._round_bytes = (sent0, received0)
        try:
            if store.pending_count(self.engine):
                # Learn head office's time before sending anything stamped with ours.
                cursor = enrollment.pull_cursor or "0"
                probe = self.retry.call("push", lambda: self.api.pull(cursor, 1))
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
            report.retries = self.retry.retries
        report.seconds = round(self.monotonic() - started, 3)
        report.pending = store.pending_count(self.engine)
        summary = {k: v for k, v in report.as_dict().items() if k != "changed"}
        store.finish_round(self.engine, json.dumps(summary, default=str))
        log.info(
            "sync round: pushed %d, pulled %d, rejected %d, %.1f s, checksum %s, %d retries",
            report.pushed,
            report.pulled,
            report.rejected,
            report.seconds,
            report.checksum_ok,
            report.retries,
        )
        return report

    def _batch_done(
        self, phase: str, size: int, done: int, total: int | None, seconds: float
    ) -> None:
        sent0, received0 = self._round_bytes
        self.on_batch(
            BatchDone(
                phase,
                size,
                done,
                total,
                round(seconds, 3),
                self.api.bytes_sent - sent0,
                self.api.bytes_received - received0,
            )
        )

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
        read again. A batch that fails on the way is sent again, smaller (its first half: the
        changes head office already took come back ``duplicate``)."""
        total = store.pending_count(self.engine)
        self.progress("push", 0, total)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push-read-ahead") as pool:
            ops = store.pending_ops(self.engine, self.push_batch.size)
            while ops:
                mark = store.outbox_mark(self.engine)
                # As many as the next batch can hold: the sizer at most doubles it.
                ahead = pool.submit(
                    store.pending_ops,
                    self.engine,
                    min(self.push_batch.maximum, self.push_batch.size * 2),
                    after=ops[-1].device_seq,
                )
                sent, took, on_link = self._send_batch(device_id, ops)
                response = sent.response
                self.push_batch.succeeded(took)
                # The link's speed, not head office's: its own time on the batch is left out.
                # A link that drops gets the strongest compression too: its batches are
                # small (the level costs little CPU there) and every byte saved is one that
                # cannot be lost.
                self.api.compression_level = (
                    SLOW_LINK_ZSTD_LEVEL
                    if self.retry.link_life is not None
                    else zstd_level_for(sent.bytes, on_link)
                )
                restamped = report.restamped
                self._observe(response.server_time, report)
                # Acknowledged only as far as this batch went: a change after it that head
                # office took from an earlier try (whose answer was lost) is sent again, so
                # the laptop learns its answer (a refusal goes to the quarantine).
                outcome = store.record_push_results(
                    self.engine,
                    sent.ops,
                    response.results,
                    min(response.acked_through_seq, sent.ops[-1].device_seq),
                )
                report.pushed += outcome.acked
                report.rejected += outcome.rejected
                report.duplicates += outcome.duplicates
                report.held_back += outcome.held_back
                self.progress("push", report.pushed, max(total, report.pushed))
                self._batch_done("push", len(sent.ops), report.pushed, total, took)
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
                    len(sent.ops) == len(ops)
                    and response.acked_through_seq >= ops[-1].device_seq
                    and report.restamped == restamped
                    and store.outbox_mark(self.engine) == mark.after_ack(outcome.acked)
                ):
                    ops = read_ahead[: self.push_batch.size]
                else:
                    # Sent smaller, held back, re-stamped or written meanwhile: read the
                    # outbox again.
                    ops = store.pending_ops(self.engine, self.push_batch.size)

    def _send_batch(self, device_id: str, ops: list[Any]) -> tuple[_Sent, float, float]:
        """Push *ops*: what was sent and answered, the time of the try that got through and
        its share on the link. After a failure on the way, head office is first asked what
        it holds of *ops* (a cut push is applied as far as it arrived): the ops it holds
        are answered by that, and the rest goes in the next batch. A head office without
        that question gets the batch again, smaller."""
        sent = _Sent(ops)
        timing = [0.0, 0.0]
        cut = [False]

        def attempt() -> PushResponse:
            began = self.monotonic()
            if cut[0] and self._resumable is not False:
                cut[0] = False
                held = self._held(ops)
                if held is not None:
                    sent.ops, sent.bytes = held[0], 0
                    timing[0] = timing[1] = self.monotonic() - began
                    return held[1]
            size = self.push_batch.size
            sent.ops = ops[: size if self._resumable else self._fitting("push", size)]
            request = PushRequest(device_id=device_id, batch_id=new_id(), ops=sent.ops)
            before = self.api.bytes_sent
            response = self.api.push(request)
            timing[0] = self.monotonic() - began
            timing[1] = max(0.0, timing[0] - (self.api.last_server_seconds or 0.0))
            sent.bytes = self.api.bytes_sent - before
            return response

        def failed() -> None:
            cut[0] = True
            if not self._resumable:
                self.push_batch.failed()

        sent.response = self.retry.call("push", attempt, failed=failed)
        if sent.bytes:
            self._unit_bytes["push"] = sent.bytes / len(sent.ops)
        return sent, timing[0], timing[1]

    def _held(self, ops: list[Any]) -> tuple[list[Any], PushResponse] | None:
        """The first of *ops* head office holds, with their results; None when it holds
        none of them or cannot say (an older head office: remembered for the round)."""
        received = self.api.bytes_received
        try:
            response = self.api.push_results(ops[0].device_seq, ops[-1].device_seq)
        except SyncError as exc:
            if exc.code == "refused" and exc.params.get("reason") in _NO_RESULTS_CALL:
                self._resumable = False
                return None
            raise
        self._resumable = True
        held = {result.device_seq for result in response.results}
        count = 0
        while count < len(ops) and ops[count].device_seq in held:
            count += 1
        if not count:
            self._idle_bytes += self.api.bytes_received - received
            return None
        last = ops[count - 1].device_seq
        response.results = [r for r in response.results if r.device_seq <= last]
        return ops[:count], response

    def _audit_chars(self) -> int:
        return self._fitting("audit", self.audit_batch.size * 1000)

    def _fitting(self, kind: str, size: int) -> int:
        """*size* units (push ops, pulled records, audit characters), or fewer when the link
        drops: as many as fit :meth:`~ss_desktop.sync.retry.Retrier.request_bytes`."""
        room = self.retry.request_bytes()
        if room is None:
            return size
        # Not measured yet: as if nothing compressed (the first audit rows of a round).
        unit = self._unit_bytes.get(kind) or 1.0
        return max(1, min(size, int(room / unit)))

    # ------------------------------------------------------------------------- pull
    def _pull(self, report: RoundReport, *, from_zero: bool) -> None:
        enrollment = store.load_enrollment(self.engine)
        cursor = "0" if from_zero else (enrollment.pull_cursor or "0")
        refetches = 0
        self.progress("pull", report.pulled, None)
        while True:
            began = self.monotonic()
            # Spared the records this laptop created and nobody changed since, except on a
            # pull from zero (the refetch after a checksum mismatch sends everything).
            received = self.api.bytes_received
            page = self.retry.call(
                "pull",
                lambda cursor=cursor: self.api.pull(  # type: ignore[misc]
                    cursor, self._fitting("pull", self.pull_batch.size), skip_own=not from_zero
                ),
                failed=self.pull_batch.failed,
            )
            self.pull_batch.succeeded(self.monotonic() - began)
            if page.changes:
                self._unit_bytes["pull"] = (self.api.bytes_received - received) / len(page.changes)
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
            if page.changes:
                took = self.monotonic() - began
                self._batch_done("pull", len(page.changes), report.pulled, None, took)
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
        (the records already synced); a transport failure is tried again, with fewer rows."""
        local_broken = audit.verify_audit_chain(self.engine)
        if local_broken is not None:
            log.warning("this laptop's audit log does not verify from row %d", local_broken)
        acked = audit.audit_acked_id(self.engine, device_id)
        total = audit.audit_row_count_after(self.engine, acked)
        self.progress("audit", 0, total)
        sent_once = False
        while True:
            rows = audit.audit_rows_after(
                self.engine,
                acked,
                limit=MAX_AUDIT_ROWS_PER_UPLOAD,
                max_chars=self.audit_batch.size * 1000,
            )
            if not rows and (sent_once or local_broken is None):
                return
            began = self.monotonic()

            before = [0]

            def attempt(rows: list[Any] = rows, before: list[int] = before) -> AuditUploadResponse:
                request = AuditUploadRequest(
                    device_id=device_id,
                    rows=audit_rows_within(rows, self._audit_chars()),
                    local_broken_at=local_broken,
                )
                before[0] = self.api.bytes_sent
                return self.api.upload_audit(request)

            try:
                response = self.retry.call("audit", attempt, failed=self.audit_batch.failed)
            except SyncError as exc:
                if exc.code != "refused":
                    raise
                report.audit_chain_ok = None
                report.audit_message = str(exc.params.get("message") or exc.code)
                log.warning("head office refused the audit rows: %s", exc.params.get("reason"))
                return
            rows = audit_rows_within(rows, self._audit_chars())
            took = self.monotonic() - began
            chars = sum(len(row.detail) + 200 for row in rows)
            self._unit_bytes["audit"] = (self.api.bytes_sent - before[0]) / chars
            self.audit_batch.succeeded(took)
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
            self._batch_done("audit", len(rows), min(total, report.audit_sent), total, took)

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
            summary = self.retry.call("check", self.api.summary)
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


def audit_batch_sizer() -> BatchSizer:
    """Audit upload batches, in kilobytes of rows (at least one row goes)."""
    return BatchSizer(size=64, minimum=1, maximum=4000)


def audit_rows_within(rows: list[Any], max_chars: int) -> list[Any]:
    """The first of *rows* that hold about *max_chars* characters (at least one), counted
    as :func:`ss_desktop.db.audit.audit_rows_after` counts them."""
    size = 0
    for count, row in enumerate(rows):
        size += len(row.detail) + 200
        if count and size > max_chars:
            return rows[:count]
    return rows


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
