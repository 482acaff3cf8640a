"""Command line of the laptop app: the GUI by default, plus the commands of docs/design/interfaces.md.

Exit codes: 0 success, 2 unusable input or arguments, 1 anything else (3: import with
rejected rows). ``--json`` output is one JSON object on stdout.
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

from ss_desktop.config import AppPaths

log = logging.getLogger("ss_desktop")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PASSWORD_ENV = "SS_DESKTOP_PASSWORD"
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
        raise CliError(f"no password: set {PASSWORD_ENV} or run in a terminal", EXIT_USAGE)
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != value:
        raise CliError("the passwords do not match", EXIT_USAGE)
    return value


def _emit(args: argparse.Namespace, payload: dict[str, Any], lines: Sequence[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        for line in lines:
            print(line)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ss-desktop",
        description="Stepping Stones registration (laptop). With no command, starts the app.",
    )
    parser.add_argument(
        "--data-dir",
        help="keep every file of the app under this folder "
        "(default: the platform's data folder; env SS_DESKTOP_HOME)",
    )
    parser.add_argument(
        "--user", help=f"act as this local user (password from env {PASSWORD_ENV} or a prompt)"
    )
    parser.add_argument("--lang", help="interface language for the GUI (zh_CN or en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create the data folder, database and first admin account")
    p.add_argument("--admin", required=True, metavar="NAME", help="user name of the first admin")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("self-test", help="open a temporary database and the main window, then exit")

    p = sub.add_parser("demo", help="add realistic fake children, sites, programs and attendance")
    p.add_argument("--count", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="search children as the app's search box does")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="counts: children, pending and quarantined changes, last sync")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="write a consistent copy of all data to FILE")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser(
        "restore", help="replace all data with a backup FILE (the current data is backed up first)"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    p = sub.add_parser(
        "enroll",
        help="enroll this laptop with head office (a one-time code, or "
        "an enrollment file for a laptop that was never online)",
    )
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--code", metavar="CODE", help="the one-time enrollment code from head office")
    how.add_argument("--file", metavar="FILE", help="an enrollment file from 'ss-hq enroll-file'")
    p.add_argument(
        "--server", metavar="URL", help="head office's address, e.g. https://hq.example.org"
    )
    p.add_argument("--name", metavar="NAME", help="this laptop's name at head office")
    p.add_argument("--ca-bundle", metavar="FILE", help="trust the certificates in this PEM file")
    p.add_argument(
        "--allow-insecure",
        action="store_true",
        help="allow plain http to a server that is not on this computer",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("sync", help="one full sync round with head office (push, then pull)")
    p.add_argument(
        "--retries",
        type=int,
        default=0,
        metavar="N",
        help="try again up to N times after a network failure (with backoff)",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("bundle", help="USB bundles for sync without a network")
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = bundle_sub.add_parser(
        "export",
        help="write the changes head office has not acknowledged to FILE (signed and encrypted)",
    )
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true")
    q = bundle_sub.add_parser("receive", help="apply head office's receipt FILE")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "recovery",
        help="recover the data when every password is forgotten, "
        "with head office's help (see the user guide)",
    )
    recovery_sub = p.add_subparsers(dest="recovery_command", required=True)
    q = recovery_sub.add_parser("request", help="write the request FILE for head office")
    q.add_argument("file", metavar="FILE")
    q = recovery_sub.add_parser(
        "apply",
        help="open the data with head office's answer FILE and "
        "set a new password for an admin (env SS_DESKTOP_PASSWORD or a "
        "prompt)",
    )
    q.add_argument("file", metavar="FILE")
    q.add_argument(
        "--admin",
        required=True,
        help="this admin account gets the new password (created if missing)",
    )

    p = sub.add_parser(
        "import",
        help="import a class list (.xlsx or .csv); exit 0 all rows "
        "imported, 3 some rows rejected, 2 the file is unusable",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--site",
        metavar="CODE",
        help="the site the children belong to (needed when you have more than one site)",
    )
    p.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
    p.add_argument(
        "--error-report",
        metavar="OUT.xlsx",
        help="write the rejected rows with their reasons to this file (fix it and import it again)",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export the children you may see to FILE.xlsx or FILE.csv")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    return parser


@contextmanager
def _signed_in(paths: AppPaths, args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    """Open the (encrypted) data as ``--user`` (or the only account) with their password."""
    from ss_desktop.db.keyring import KeyFileError, Keyring
    from ss_desktop.services.app import LocalApp

    username = args.user
    if not username:
        try:
            names = Keyring.load(paths.keyring).usernames()
        except KeyFileError:
            names = []  # signing in says what is wrong with the data folder
        if len(names) > 1:
            raise CliError("say which user acts: --user NAME", EXIT_USAGE)
        username = names[0] if names else ""
    app, session = LocalApp.unlock(paths, username or "", _password(f"Password for {username}: "))
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
        return getpass.getpass("Your password when the backup was made: ")
    return _password("Password: ")


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.app import LocalApp

    password = _password(f"Password for the new admin {args.admin}: ", confirm=True)
    app = LocalApp.initialize(paths, admin=args.admin, password=password)
    try:
        _emit(
            args,
            {"data_dir": str(paths.data_dir), "device_id": app.device_id, "admin": args.admin},
            [f"Created {paths.data_dir} with admin '{args.admin}'."],
        )
    finally:
        app.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.demo import DemoService

    if args.count < 0:
        raise CliError("--count must be zero or more", EXIT_USAGE)
    with _signed_in(paths, args) as (app, session):
        report = DemoService(app, session).populate(args.count, seed=args.seed)
        _emit(
            args,
            report.as_dict(),
            [
                f"Added {report.children} children, {report.sites} sites, {report.programs} programs, "
                f"{report.sessions} attendance sessions in {report.seconds:.1f} s "
                f"({report.children_per_second:.0f} children/s)."
            ],
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.children import ChildrenService

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
            or ["No child matches."],
        )
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.status import StatusService

    with _signed_in(paths, args) as (app, session):
        stats = StatusService(app, session).stats()
        _emit(args, stats, [f"{k}: {v}" for k, v in stats.items()])
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.backup import BackupService

    with _signed_in(paths, args) as (app, session):
        target = BackupService(app, session).backup(Path(args.file))
        print(f"Backup written to {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.backup import BackupService

    source = Path(args.file)
    if not args.yes and sys.stdin.isatty():
        answer = input(f"Replace all data in {paths.data_dir} with {source}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing restored.")
            return EXIT_FAILURE
    from ss_desktop.startup_checks import InstanceLock

    lock = InstanceLock(paths.data_dir)
    problem = lock.acquire() if paths.data_dir.exists() else None
    if problem is not None:  # the app is open on this data: replacing it now would lose work
        raise CliError(problem.message("en"), EXIT_USAGE)
    try:
        with _signed_in(paths, args) as (app, session):
            safety = BackupService(app, session).restore(source, _backup_password(args))
    finally:
        lock.release()
    print(f"Restored from {source}. The data it replaced was saved to {safety}")
    return EXIT_OK


def _sync_failure(exc: Exception) -> CliError:
    from ss_desktop.services.sync_messages import sync_error_text

    code = getattr(exc, "code", "unexpected")
    params = getattr(exc, "params", {})
    exit_code = EXIT_USAGE if getattr(exc, "is_usage", False) else EXIT_FAILURE
    return CliError(sync_error_text(code, params), exit_code)


def cmd_enroll(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError

    if args.code is not None and not args.server:
        raise CliError("say where head office is: --server URL", EXIT_USAGE)
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
        lines = [f"Enrolled as device {result.device_id} for {len(result.sites)} site(s)."]
        if result.clock.warning:
            from ss_desktop.services.sync_messages import clock_warning_text

            lines.append(clock_warning_text(result.clock.offset_ms))
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


def cmd_sync(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.sync import SyncService
    from ss_desktop.sync.errors import SyncError

    if args.retries < 0:
        raise CliError("--retries must be zero or more", EXIT_USAGE)
    with _signed_in(paths, args) as (app, session):
        try:
            report = SyncService(app, session).sync_round(attempts=args.retries + 1)
        except SyncError as exc:
            raise _sync_failure(exc) from exc
        lines = [
            f"Pushed {report.pushed}, pulled {report.pulled}, rejected {report.rejected} "
            f"in {report.seconds:.1f} s; {report.pending} change(s) still pending."
        ]
        if report.waiting_for_consent:
            lines.append(
                f"{report.waiting_for_consent} of them wait for a guardian's consent: "
                "see the Needs consent list."
            )
        if report.rejected:
            lines.append("Rejected changes are in the quarantine list: see the Sync page.")
        if report.resent:
            lines.append(
                f"Head office had lost {report.resent} change(s) it once acknowledged "
                "(restored from a backup?): they were sent again."
            )
        if report.checksum_ok is False:
            lines.append(
                f"Warning: this laptop holds {report.local_count} records of its sites, "
                f"head office {report.server_count}; they will be compared again at the "
                "next sync."
            )
        if report.clock_warning:
            lines.append(report.clock_warning)
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
                    f"Wrote {info.op_count} change(s) (seq {info.first_seq}-{info.last_seq}) "
                    f"to {info.path}. Take it to head office; keep it until the receipt "
                    "comes back."
                ]
            else:
                info = service.receive_receipt(Path(args.file))
                lines = [
                    f"Receipt applied: {info.acked} change(s) acknowledged, "
                    f"{info.rejected} rejected, {info.pulled} received from head office."
                ]
                if info.resent:
                    lines.append(
                        f"Head office had lost {info.resent} change(s) it once "
                        "acknowledged (restored from a backup?): export a new bundle "
                        "to carry them again."
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
            preview = service.preview(source, source.suggested, site_id)
        except ImportFileError as exc:
            raise CliError(import_text(exc.code, exc.params), EXIT_USAGE) from exc
        if args.dry_run:
            imported, rejected = len(preview.valid_rows), preview.rejected_rows
        else:
            result = service.run(preview)
            imported, rejected = result.imported, result.rejected
        if args.error_report and rejected:
            write_error_report(Path(args.error_report), source.header, rejected)
        listed = []
        for row in rejected:
            reasons = [
                {
                    "column": None if p.column is None else column_letter(p.column),
                    "code": p.code,
                    "reason": problem_text(p),
                }
                for p in row.problems
                if p.severity == "error"
            ]
            listed.append({"row": row.number, "reasons": reasons})
        verb = "would import" if args.dry_run else "imported"
        lines = [f"{verb} {imported} row(s), rejected {len(rejected)} row(s)."]
        for entry in listed:
            text = "; ".join(
                (f"{r['column']}: " if r["column"] else "") + r["reason"] for r in entry["reasons"]
            )
            lines.append(f"  row {entry['row']}: {text}")
        _emit(
            args,
            {
                "imported": imported,
                "rejected": len(rejected),
                "dry_run": args.dry_run,
                "rejected_rows": listed,
            },
            lines,
        )
    return EXIT_REJECTED_ROWS if rejected else EXIT_OK


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.exporting import ExportService

    target = Path(args.file)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise CliError("the export file must end in .xlsx or .csv", EXIT_USAGE)
    with _signed_in(paths, args) as (app, session):
        result = ExportService(app, session).export(target, filters={"status": "active"})
        _emit(
            args,
            {"path": str(result.path), "rows": result.rows, "columns": list(result.columns)},
            [f"Exported {result.rows} children to {result.path}."],
        )
    return EXIT_OK


def cmd_recovery(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.recovery import apply_answer, write_request

    if args.recovery_command == "request":
        target = write_request(paths, Path(args.file))
        print(
            f"Wrote {target}. Send it to head office; bring back the answer file and run "
            "'ss-desktop recovery apply ANSWER --admin NAME'."
        )
        return EXIT_OK
    password = _password(f"New password for {args.admin}: ", confirm=True)
    app, _session = apply_answer(paths, Path(args.file), admin=args.admin, password=password)
    app.close()
    print(f"The data is open again. Sign in as '{args.admin}' with the new password.")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.selftest import run_self_test

    return run_self_test()


def cmd_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.app import run_gui

    return run_gui(paths, lang=args.lang)


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
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    from ss_desktop.services.messages import describe_error

    try:
        if args.command not in (None, "self-test"):
            from ss_desktop.logs import setup_logging
            from ss_desktop.startup_checks import check_path_length

            problem = check_path_length(paths.data_dir)
            if problem is not None:
                raise CliError(problem.message("en"), EXIT_USAGE)
            paths.ensure()
            setup_logging(paths.log_dir)
        return COMMANDS[args.command](args, paths)
    except CliError as exc:
        print(f"ss-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ss-desktop: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # every failure becomes a clear message
        message, code = describe_error(exc)
        if code == EXIT_FAILURE:
            log.exception("command %s failed", args.command)
        print(f"ss-desktop: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
