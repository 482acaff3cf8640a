"""Command line of the laptop app: the GUI by default, plus the commands of INTERFACES.md.

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ss_desktop.config import AppPaths

log = logging.getLogger("ss_desktop")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PASSWORD_ENV = "SS_DESKTOP_PASSWORD"


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
    parser.add_argument("--data-dir", help="keep every file of the app under this folder "
                        "(default: the platform's data folder; env SS_DESKTOP_HOME)")
    parser.add_argument("--user", help="act as this local user (password from env "
                        f"{PASSWORD_ENV} or a prompt)")
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

    p = sub.add_parser("restore", help="replace all data with a backup FILE (the current data is "
                       "backed up first)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _open_app(paths: AppPaths):
    from ss_desktop.services.app import LocalApp

    return LocalApp.open(paths)


def _signed_in(app, args: argparse.Namespace):
    from ss_desktop.services.accounts import Accounts

    accounts = Accounts(app)
    username = args.user or accounts.only_admin_name()
    if not username:
        raise CliError("say which user acts: --user NAME", EXIT_USAGE)
    return accounts.sign_in(username, _password(f"Password for {username}: "))


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.app import LocalApp

    password = _password(f"Password for the new admin {args.admin}: ", confirm=True)
    app = LocalApp.initialize(paths, admin=args.admin, password=password)
    try:
        _emit(args, {"data_dir": str(paths.data_dir), "device_id": app.device_id, "admin": args.admin},
              [f"Created {paths.data_dir} with admin '{args.admin}'."])
    finally:
        app.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.demo import DemoService

    if args.count < 0:
        raise CliError("--count must be zero or more", EXIT_USAGE)
    with _open_app(paths) as app:
        session = _signed_in(app, args)
        report = DemoService(app, session).populate(args.count, seed=args.seed)
        _emit(args, report.as_dict(),
              [f"Added {report.children} children, {report.sites} sites, {report.programs} programs, "
               f"{report.sessions} attendance sessions in {report.seconds:.1f} s "
               f"({report.children_per_second:.0f} children/s)."])
    return EXIT_OK


def cmd_search(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.children import ChildrenService

    with _open_app(paths) as app:
        session = _signed_in(app, args)
        page = ChildrenService(app, session).search(args.query, limit=args.limit)
        rows = [
            {"id": r.id, "name": f"{r.surname}{r.given_name}", "pinyin": r.pinyin,
             "site": r.site_name, "dob": r.dob}
            for r in page.rows
        ]
        _emit(args, {"query": args.query, "count": len(rows), "children": rows},
              [f"{r['id']}  {r['name']}  {r['pinyin']}  {r['site'] or '-'}  {r['dob'] or '-'}"
               for r in rows] or ["No child matches."])
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.status import StatusService

    with _open_app(paths) as app:
        session = _signed_in(app, args)
        stats = StatusService(app, session).stats()
        _emit(args, stats, [f"{k}: {v}" for k, v in stats.items()])
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.backup import BackupService

    with _open_app(paths) as app:
        session = _signed_in(app, args)
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
    with _open_app(paths) as app:
        session = _signed_in(app, args)
        safety = BackupService(app, session).restore(source)
    print(f"Restored from {source}. The data it replaced was saved to {safety}")
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
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    from ss_desktop.services.messages import describe_error

    try:
        if args.command not in (None, "self-test"):
            from ss_desktop.logs import setup_logging

            paths.ensure()
            setup_logging(paths.log_dir)
        return COMMANDS[args.command](args, paths)
    except CliError as exc:
        print(f"ss-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ss-desktop: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # noqa: BLE001 - every failure becomes a clear message
        message, code = describe_error(exc)
        if code == EXIT_FAILURE:
            log.exception("command %s failed", args.command)
        print(f"ss-desktop: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
