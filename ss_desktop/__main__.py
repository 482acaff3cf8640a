"""Command line of the laptop app: the GUI by default, plus the commands of docs/design/interfaces.md.

Exit codes: 0 success, 2 unusable input or arguments, 1 anything else (3: import with
rejected rows). ``--json`` output is one JSON object on stdout (its keys stay English).

What it prints follows ``--lang`` or the system's language (:mod:`ss_desktop.cli_text`); the
options are in :mod:`ss_desktop.cli_parser`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ss_desktop.cli_parser import PASSWORD_ENV, build_parser
from ss_desktop.cli_text import language, set_language, translate
from ss_desktop.config import AppPaths
from ss_desktop.services.messages import QT_TRANSLATE_NOOP

log = logging.getLogger("ss_desktop")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
BACKUP_PASSWORD_ENV = "SS_DESKTOP_BACKUP_PASSWORD"


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _password(prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(
            translate("Cli", "no password: set {env} or run in a terminal").format(
                env=PASSWORD_ENV
            ),
            EXIT_USAGE,
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(translate("Cli", "Repeat the password: ")) != value:
        raise CliError(translate("Cli", "the passwords do not match"), EXIT_USAGE)
    return value


class ProgressLines:
    """``(done, total)`` callbacks of a long import or export as lines on stderr, one per
    tenth of the rows (stdout keeps the result: one JSON object with --json). Files of
    fewer than :attr:`MIN_ROWS` rows finish too soon to need them."""

    MIN_ROWS = 1000

    def __init__(self, template: str) -> None:
        self.template = template  # translated, with {done} and {total}
        self.next_share = 1

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_ROWS or done * 10 < self.next_share * total:
            return
        self.next_share = done * 10 // total + 1
        line = self.template.format(done=f"{done:,}", total=f"{total:,}")
        print(line, file=sys.stderr, flush=True)


def _emit(args: argparse.Namespace, payload: dict[str, Any], lines: Sequence[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        for line in lines:
            print(line)


@contextmanager
def _signed_in(paths: AppPaths, args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    """Open the (encrypted) data as ``--user`` (or the only account) with their password."""
    from ss_desktop.db.keyring import KeyFileError, Keyring
    from ss_desktop.services.unlock import unlock

    username = args.user
    if not username:
        try:
            names = Keyring.load(paths.keyring).usernames()
        except KeyFileError:
            names = []  # signing in says what is wrong with the data folder
        if len(names) > 1:
            raise CliError(translate("Cli", "say which user acts: --user NAME"), EXIT_USAGE)
        username = names[0] if names else ""
    prompt = translate("Cli", "Password for {user}: ").format(user=username)
    app, session = unlock(paths, username or "", _password(prompt))
    try:
        yield app, session
    finally:
        app.close()


def _backup_password(args: argparse.Namespace) -> str:
    """The user's password as it was when the backup was made (env or prompt; default: now)."""
    value = os.environ.get(BACKUP_PASSWORD_ENV)
    if value:
        return value
    if sys.stdin.isatty() and not os.environ.get(PASSWORD_ENV):
        return getpass.getpass(translate("Cli", "Your password when the backup was made: "))
    return _password(translate("Cli", "Password: "))


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.setup import initialize

    password = _password(
        translate("Cli", "Password for the new admin {user}: ").format(user=args.admin),
        confirm=True,
    )
    app = initialize(paths, admin=args.admin, password=password)
    try:
        _emit(
            args,
            {"data_dir": str(paths.data_dir), "device_id": app.device_id, "admin": args.admin},
            [
                translate("Cli", "Created {folder} with admin '{user}'.").format(
                    folder=paths.data_dir, user=args.admin
                )
            ],
        )
    finally:
        app.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.demo import DemoService

    if args.count < 0:
        raise CliError(translate("Cli", "--count must be zero or more"), EXIT_USAGE)
    with _signed_in(paths, args) as (app, session):
        report = DemoService(app, session).populate(args.count, seed=args.seed)
        _emit(
            args,
            report.as_dict(),
            [
                translate(
                    "Cli",
                    "Added {children} children, {sites} sites, {programs} programs, {sessions} attendance sessions in {seconds:.1f} s ({rate:.0f} children/s).",
                ).format(
                    children=report.children,
                    sites=report.sites,
                    programs=report.programs,
                    sessions=report.sessions,
                    seconds=report.seconds,
                    rate=report.children_per_second,
                )
            ],
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.children import ChildrenService

    if args.limit < 1:
        raise CliError(translate("Cli", "--limit must be 1 or more"), EXIT_USAGE)
    with _signed_in(paths, args) as (app, session):
        page = ChildrenService(app, session).search(args.query, limit=args.limit)
        rows = [
            {
                "id": r.id,
                "name": f"{r.surname}{r.given_name}",
                "pinyin": r.pinyin,
                "site": r.site_name,
                "dob": r.dob,
            }
            for r in page.rows
        ]
        _emit(
            args,
            {"query": args.query, "count": len(rows), "children": rows},
            [
                f"{r['id']}  {r['name']}  {r['pinyin']}  {r['site'] or '-'}  {r['dob'] or '-'}"
                for r in rows
            ]
            or [translate("Cli", "No child matches.")],
        )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.status import StatusService

    with _signed_in(paths, args) as (app, session):
        stats = StatusService(app, session).stats()
        never = translate("Cli", "never")
        line = translate("Cli", "{label}: {value}")
        _emit(
            args,
            stats,
            [
                line.format(label=_stat_label(k), value=never if v is None else v)
                for k, v in stats.items()
            ],
        )
    return EXIT_OK


STAT_LABELS = {
    "children_active": QT_TRANSLATE_NOOP("Cli", "children (active)"),
    "children_archived": QT_TRANSLATE_NOOP("Cli", "children (archived)"),
    "pending_changes": QT_TRANSLATE_NOOP("Cli", "changes not yet sent"),
    "waiting_for_consent": QT_TRANSLATE_NOOP("Cli", "of them waiting for consent"),
    "quarantined": QT_TRANSLATE_NOOP("Cli", "changes head office refused"),
    "last_sync": QT_TRANSLATE_NOOP("Cli", "last sync"),
    "device_id": QT_TRANSLATE_NOOP("Cli", "this laptop's device id"),
}


def _stat_label(key: str) -> str:
    return translate("Cli", STAT_LABELS[key]) if key in STAT_LABELS else key


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.backup import BackupService

    with _signed_in(paths, args) as (app, session):
        target = BackupService(app, session).backup(Path(args.file))
        print(translate("Cli", "Backup written to {path}").format(path=target))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.restore import RestoreOutcome

    source = Path(args.file)
    if not args.yes and sys.stdin.isatty():
        answer = input(
            translate("Cli", "Replace all data in {folder} with {path}? [y/N] ").format(
                folder=paths.data_dir, path=source
            )
        )
        if answer.strip().lower() not in ("y", "yes", "是"):
            print(translate("Cli", "Nothing restored."))
            return EXIT_FAILURE
    from ss_desktop.startup_checks import InstanceLock

    lock = InstanceLock(paths.data_dir)
    problem = lock.acquire() if paths.data_dir.exists() else None
    if problem is not None:  # the app is open on this data: replacing it now would lose work
        raise CliError(problem.message(language()), EXIT_USAGE)
    try:
        outcome: RestoreOutcome = _restore(args, paths, source)
    finally:
        lock.release()
    when = translate("Cli", ", made {when}").format(when=outcome.made_at) if outcome.made_at else ""
    children = (
        translate("Cli", " with {n} children").format(n=outcome.children)
        if outcome.children is not None
        else ""
    )
    if outcome.problem is not None:
        from ss_desktop.services.errors import ServiceError
        from ss_desktop.services.messages import describe_error

        reason = describe_error(ServiceError(outcome.problem), translate)[0]
        print(translate("Cli", "The data could not be opened: {reason}").format(reason=reason))
        for path in outcome.set_aside:
            print(translate("Cli", "Set aside (not deleted): {path}").format(path=path))
    restored = translate("Cli", "Restored from {path}{when}{children}.")
    print(restored.format(path=source, when=when, children=children), end="")
    if outcome.saved_previous is not None:
        print(
            " "
            + translate("Cli", "The data it replaced was saved to {path}").format(
                path=outcome.saved_previous
            )
        )
    else:
        print(" " + translate("Cli", "Sign in with the password of that time."))
    return EXIT_OK


def _restore(args: argparse.Namespace, paths: AppPaths, source: Path) -> Any:
    """Over data that opens: signed in as usual. Over data that does not open (empty, cut
    short, damaged, missing, another laptop's): with the backup's password alone."""
    from ss_desktop.services.backup import BackupService
    from ss_desktop.services.backup_file import read_backup
    from ss_desktop.services.restore import diagnose_files, restore_over_damaged

    problem = diagnose_files(paths)
    if problem is None:
        from ss_desktop.services.data_folder import RESTORABLE_CODES
        from ss_desktop.services.messages import error_code_of

        try:
            with _signed_in(paths, args) as (app, session):
                return BackupService(app, session).restore(source, _backup_password(args))
        except Exception as exc:
            problem = error_code_of(exc)[0]
            if problem not in RESTORABLE_CODES:
                raise
    username = args.user
    if not username:
        names = read_backup(source).usernames()
        if len(names) != 1:
            raise CliError(translate("Cli", "say who restores the backup: --user NAME"), EXIT_USAGE)
        username = names[0]
    from ss_desktop.services.app import LocalApp

    with LocalApp(paths) as app:
        _session, outcome = restore_over_damaged(
            app, source, username, _backup_password(args), problem=problem
        )
    return outcome


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
    with _signed_in(paths, args) as (app, session):
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
        _emit(
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
    with _signed_in(paths, args) as (app, session):
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
        _emit(args, report.as_dict(), lines)
    return EXIT_OK


def cmd_bundle(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError

    with _signed_in(paths, args) as (app, session):
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
        _emit(args, info.as_dict(), lines)
    return EXIT_OK


EXIT_REJECTED_ROWS = 3


def cmd_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.importing import (
        ImportFileError,
        ImportService,
        column_letter,
        import_text,
        problem_text,
        write_error_report,
    )

    with _signed_in(paths, args) as (app, session):
        service = ImportService(app, session)
        try:
            source = service.open(Path(args.file))
            site_id = service.site_for(args.site)
            preview = service.preview(
                source,
                source.suggested,
                site_id,
                progress=ProgressLines(translate("Cli", "... checked {done} of {total} rows")),
            )
        except ImportFileError as exc:
            raise CliError(import_text(exc.code, exc.params, translate), EXIT_USAGE) from exc
        if args.dry_run:
            imported, rejected = len(preview.valid_rows), preview.rejected_rows
        else:
            result = service.run(
                preview,
                progress=ProgressLines(translate("Cli", "... imported {done} of {total} rows")),
            )
            imported, rejected = result.imported, result.rejected
        saved_numbers = {r.number for r in rejected}
        doubtful = [r for r in preview.possible_duplicates if r.number not in saved_numbers]
        if args.error_report and (rejected or doubtful):
            write_error_report(
                Path(args.error_report),
                source.header,
                rejected,
                translate,
                row_label=translate("ImportWizard", "Row"),
                possible_duplicates=doubtful,
            )
        listed = []
        for row in rejected:
            reasons = [
                {
                    "column": None if p.column is None else column_letter(p.column),
                    "code": p.code,
                    "reason": problem_text(p, translate),
                }
                for p in row.problems
                if p.severity == "error"
            ]
            listed.append({"row": row.number, "reasons": reasons})
        skipped = [
            {
                "row": row.number,
                "code": row.reason,
                "reason": import_text(row.reason, {}, translate),
            }
            for row in preview.skipped
        ]
        if args.dry_run:
            summary = translate(
                "Cli", "would import {imported} row(s), rejected {rejected} row(s)."
            )
        else:
            summary = translate("Cli", "imported {imported} row(s), rejected {rejected} row(s).")
        lines = [summary.format(imported=imported, rejected=len(rejected))]
        in_column = translate("Import", "{column}: {reason}")
        for entry in listed:
            text = translate("Import", "; ").join(
                dict.fromkeys(
                    in_column.format(column=r["column"], reason=r["reason"])
                    if r["column"]
                    else r["reason"]
                    for r in entry["reasons"]
                )
            )
            lines.append(
                translate("Cli", "  row {row}: {reasons}").format(row=entry["row"], reasons=text)
            )
        for entry in skipped:
            lines.append(
                translate("Cli", "  row {row} skipped: {reason}").format(
                    row=entry["row"], reason=entry["reason"]
                )
            )
        duplicates = [
            {
                "row": row.number,
                "score": p.params.get("score"),
                "reason": problem_text(p, translate),
            }
            for row in doubtful
            for p in row.warnings("import.possible_duplicate")
        ]
        if duplicates:
            lines.append(
                translate("Cli", "{n} row(s) may be a child already registered:").format(
                    n=len(duplicates)
                )
            )
            lines.extend(
                translate("Cli", "  row {row}: {reason} (score {score})").format(
                    row=d["row"], reason=d["reason"], score=d["score"]
                )
                for d in duplicates
            )
        _emit(
            args,
            {
                "imported": imported,
                "rejected": len(rejected),
                "skipped": len(skipped),
                "dry_run": args.dry_run,
                "rejected_rows": listed,
                "possible_duplicates": duplicates,
                "skipped_rows": skipped,
            },
            lines,
        )
    return EXIT_REJECTED_ROWS if rejected else EXIT_OK


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.exporting import ExportService

    target = Path(args.file)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise CliError(translate("Cli", "the export file must end in .xlsx or .csv"), EXIT_USAGE)
    from ss_desktop.ui.list_export import export_labels

    headers, value_label = export_labels(translate)
    with _signed_in(paths, args) as (app, session):
        result = ExportService(app, session).export(
            target,
            filters={"status": "active"},
            headers=headers,
            value_label=value_label,
            progress=ProgressLines(translate("Cli", "... exported {done} of {total} rows")),
        )
        _emit(
            args,
            {"path": str(result.path), "rows": result.rows, "columns": list(result.columns)},
            [
                translate("Cli", "Exported {n} children to {path}.").format(
                    n=result.rows, path=result.path
                )
            ],
        )
    return EXIT_OK


def cmd_recovery(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.recovery import apply_answer, write_request

    if args.recovery_command == "request":
        target = write_request(paths, Path(args.file))
        print(
            translate(
                "Cli",
                "Wrote {path}. Send it to head office; bring back the answer file and run 'ss-desktop recovery apply ANSWER --admin NAME'.",
            ).format(path=target)
        )
        return EXIT_OK
    password = _password(
        translate("Cli", "New password for {user}: ").format(user=args.admin), confirm=True
    )
    app, _session = apply_answer(paths, Path(args.file), admin=args.admin, password=password)
    app.close()
    print(
        translate(
            "Cli", "The data is open again. Sign in as '{user}' with the new password."
        ).format(user=args.admin)
    )
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.selftest import run_self_test

    return run_self_test()


def cmd_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.app import run_gui

    return run_gui(paths, lang=args.lang)


CREATING_COMMANDS = ("init", "restore")

COMMANDS: dict[str | None, Callable[[argparse.Namespace, AppPaths], int]] = {
    None: cmd_gui,
    "init": cmd_init,
    "self-test": cmd_self_test,
    "demo": cmd_demo,
    "search": cmd_search,
    "stats": cmd_stats,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "enroll": cmd_enroll,
    "sync": cmd_sync,
    "bundle": cmd_bundle,
    "import": cmd_import,
    "recovery": cmd_recovery,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    from ss_desktop.console import setup_output_streams
    from ss_desktop.startup_checks import announce_running

    setup_output_streams()
    announce_running()  # Windows: the installer waits for the app to close
    set_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    from ss_desktop.services.messages import describe_error

    try:
        if args.command not in (None, "self-test") and (
            args.command in CREATING_COMMANDS or paths.data_dir.is_dir()
        ):  # a command on a folder that does not exist creates nothing (only init/restore)
            from ss_desktop.logs import setup_logging
            from ss_desktop.startup_checks import check_path_length

            problem = check_path_length(paths.data_dir)
            if problem is not None:
                raise CliError(problem.message(language()), EXIT_USAGE)
            paths.ensure()
            setup_logging(paths.log_dir)
        return COMMANDS[args.command](args, paths)
    except CliError as exc:
        print(f"ss-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ss-desktop: " + translate("Cli", "interrupted"), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # every failure becomes a clear message
        message, code = describe_error(exc, translate)
        if code == EXIT_FAILURE:
            log.exception("command %s failed", args.command)
        print(f"ss-desktop: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
