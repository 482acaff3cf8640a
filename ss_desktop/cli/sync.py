"""Commands that talk to head office: ``enroll``, ``sync`` and ``bundle`` (USB)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ss_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, emit, signed_in
from ss_desktop.cli.text import translate
from ss_desktop.config import AppPaths


def _sync_failure(exc: Exception) -> CliError:
    from ss_desktop.services.sync_messages import sync_error_text

    code = getattr(exc, "code", "unexpected")
    params = getattr(exc, "params", {})
    exit_code = EXIT_USAGE if getattr(exc, "is_usage", False) else EXIT_FAILURE
    return CliError(sync_error_text(code, params, translate), exit_code)


def cmd_enroll(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError

    if args.code is not None and not args.server:
        raise CliError(translate("Cli", "say where head office is: --server URL"), EXIT_USAGE)
    with signed_in(paths, args) as (app, session):
        service = SyncService(app, session)
        try:
            if args.file:
                result = service.enroll_file(Path(args.file))
            else:
                result = service.enroll(
                    args.server,
                    args.code,
                    device_name=args.name,
                    ca_bundle=args.ca_bundle,
                    allow_insecure=args.allow_insecure,
                )
        except SyncError as exc:
            raise _sync_failure(exc) from exc
        lines = [
            translate("Cli", "Enrolled as device {device} for {n} site(s).").format(
                device=result.device_id, n=len(result.sites)
            )
        ]
        if result.clock.warning:
            from ss_desktop.services.sync_messages import clock_warning_text

            lines.append(clock_warning_text(result.clock.offset_ms, translate))
        emit(
            args,
            {
                "device_id": result.device_id,
                "sites": list(result.sites),
                "server": result.server_url,
                "clock_offset_ms": result.clock.offset_ms,
            },
            lines,
        )
    return EXIT_OK


def _sync_lines(args: argparse.Namespace) -> Any:
    """A round's observer that prints a line per batch and per retry (plain mode only)."""
    from ss_desktop.services.messages import fill
    from ss_desktop.services.sync_messages import RETRY_CONTEXT, RETRY_TEMPLATES, retry_params
    from ss_desktop.sync.round_report import RoundObserver

    if args.json:
        return None
    templates = {
        "push": translate("Cli", "push: {done}{total} changes sent"),
        "pull": translate("Cli", "pull: {done}{total} changes received"),
        "audit": translate("Cli", "audit: {done}{total} audit rows sent"),
    }
    phases = {
        "push": translate("Cli", "push"),
        "pull": translate("Cli", "pull"),
        "audit": translate("Cli", "audit"),
        "check": translate("Cli", "check"),
    }
    detail = translate(
        "Cli", " (batch of {size}, {seconds} s; {sent} KB sent, {received} KB received)"
    )

    def batch(event: Any) -> None:
        total = (
            translate("Cli", " of {total}").format(total=event.total)
            if event.total is not None
            else ""
        )
        line = templates.get(event.phase, event.phase + ": {done}{total}").format(
            done=event.done, total=total
        )
        print(
            line
            + detail.format(
                size=event.size,
                seconds=f"{event.seconds:.1f}",
                sent=f"{event.bytes_sent / 1000:.1f}",
                received=f"{event.bytes_received / 1000:.1f}",
            ),
            flush=True,
        )

    def retry(event: Any) -> None:
        template = RETRY_TEMPLATES.get(event.code, RETRY_TEMPLATES["connection_lost"])
        text = fill(translate(RETRY_CONTEXT, template), retry_params(event.delay, event.attempt))
        print(f"{phases.get(event.phase, event.phase)}: {text}", flush=True)

    return RoundObserver(batch=batch, retry=retry)


def cmd_sync(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError
    from ss_desktop.sync.retry import RetryPolicy

    if args.retries < 0:
        raise CliError(translate("Cli", "--retries must be zero or more"), EXIT_USAGE)
    if args.give_up_after is not None and not args.give_up_after > 0:
        raise CliError(translate("Cli", "--give-up-after must be more than 0 seconds"), EXIT_USAGE)
    policy = RetryPolicy() if args.give_up_after is None else RetryPolicy(args.give_up_after)
    with signed_in(paths, args) as (app, session):
        service = SyncService(app, session, retry=policy)
        try:
            report = service.sync_round(attempts=args.retries + 1, observer=_sync_lines(args))
        except SyncError as exc:
            raise _sync_failure(exc) from exc
        except KeyboardInterrupt:
            pending = service.status().pending
            raise CliError(
                translate(
                    "Cli",
                    "sync stopped; {pending} change(s) still pending. Nothing was lost: what head "
                    "office acknowledged stays sent, the rest goes at the next sync.",
                ).format(pending=pending)
            ) from None
        lines = [
            translate(
                "Cli",
                "Pushed {pushed}, pulled {pulled}, rejected {rejected} in {seconds:.1f} s; {pending} change(s) still pending.",
            ).format(
                pushed=report.pushed,
                pulled=report.pulled,
                rejected=report.rejected,
                seconds=report.seconds,
                pending=report.pending,
            )
        ]
        if report.retries:
            lines.append(
                translate(
                    "Cli",
                    "The connection failed {n} time(s) on the way; each failed request was "
                    "sent again.",
                ).format(n=report.retries)
            )
        if report.waiting_for_consent:
            lines.append(
                translate(
                    "Cli",
                    "{n} of them wait for a guardian's consent: see the Needs consent list.",
                ).format(n=report.waiting_for_consent)
            )
        if report.rejected:
            lines.append(
                translate("Cli", "Rejected changes are in the quarantine list: see the Sync page.")
            )
        if report.resent:
            lines.append(
                translate(
                    "Cli",
                    "Head office had lost {n} change(s) it once acknowledged (restored from a backup?): they were sent again.",
                ).format(n=report.resent)
            )
        if report.checksum_ok is False:
            lines.append(
                translate(
                    "Cli",
                    "Warning: this laptop holds {local} records of its sites, head office {server}; they will be compared again at the next sync.",
                ).format(local=report.local_count, server=report.server_count)
            )
        if report.clock_warning:
            from ss_desktop.services.sync_messages import clock_warning_text

            lines.append(clock_warning_text(report.clock_offset_ms, translate))
        emit(args, report.as_dict(), lines)
    return EXIT_OK


def cmd_bundle(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError

    with signed_in(paths, args) as (app, session):
        service = SyncService(app, session)
        try:
            if args.bundle_command == "export":
                info = service.export_bundle(Path(args.file))
                lines = [
                    translate(
                        "Cli",
                        "Wrote {n} change(s) (seq {first}-{last}) to {path}. Take it to head office; keep it until the receipt comes back.",
                    ).format(
                        n=info.op_count, first=info.first_seq, last=info.last_seq, path=info.path
                    )
                ]
            else:
                info = service.receive_receipt(Path(args.file))
                lines = [
                    translate(
                        "Cli",
                        "Receipt applied: {acked} change(s) acknowledged, {rejected} rejected, {pulled} received from head office.",
                    ).format(acked=info.acked, rejected=info.rejected, pulled=info.pulled)
                ]
                if info.resent:
                    lines.append(
                        translate(
                            "Cli",
                            "Head office had lost {n} change(s) it once acknowledged (restored from a backup?): export a new bundle to carry them again.",
                        ).format(n=info.resent)
                    )
        except SyncError as exc:
            raise _sync_failure(exc) from exc
        emit(args, info.as_dict(), lines)
    return EXIT_OK
