"""Commands on the data folder itself: ``init``, ``demo``, ``search``, ``stats``, ``backup``,
``restore`` and ``recovery``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ask_password,
    emit,
    signed_in,
)
from ss_desktop.cli.parser import PASSWORD_ENV
from ss_desktop.cli.text import language, translate
from ss_desktop.config import AppPaths

BACKUP_PASSWORD_ENV = "SS_DESKTOP_BACKUP_PASSWORD"


def _backup_password(args: argparse.Namespace) -> str:
    """The user's password as it was when the backup was made (env or prompt; default: now)."""
    value = os.environ.get(BACKUP_PASSWORD_ENV)
    if value:
        return value
    if sys.stdin.isatty() and not os.environ.get(PASSWORD_ENV):
        return getpass.getpass(translate("Cli", "Your password when the backup was made: "))
    return ask_password(translate("Cli", "Password: "))


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.setup import initialize

    password = ask_password(
        translate("Cli", "Password for the new admin {user}: ").format(user=args.admin),
        confirm=True,
    )
    app = initialize(paths, admin=args.admin, password=password)
    try:
        emit(
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
    with signed_in(paths, args) as (app, session):
        report = DemoService(app, session).populate(args.count, seed=args.seed)
        emit(
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
    with signed_in(paths, args) as (app, session):
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
        emit(
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

    with signed_in(paths, args) as (app, session):
        stats = StatusService(app, session).stats()
        line = translate("Cli", "{label}: {value}")
        ordered = [k for k in STAT_LABELS if k in stats] + [
            k for k in stats if k not in STAT_LABELS
        ]
        emit(
            args,
            stats,
            [line.format(label=_stat_label(k), value=_stat_value(stats[k])) for k in ordered],
        )
    return EXIT_OK


# Every key of StatusService.stats(), in the order a person reads them.
STAT_LABELS = {
    "children_active": QT_TRANSLATE_NOOP("Cli", "children (active)"),
    "children_archived": QT_TRANSLATE_NOOP("Cli", "children (archived)"),
    "pending_children": QT_TRANSLATE_NOOP("Cli", "children not yet sent"),
    "waiting_children": QT_TRANSLATE_NOOP("Cli", "children waiting for consent"),
    "pending_records": QT_TRANSLATE_NOOP("Cli", "records not yet sent"),
    "pending_changes": QT_TRANSLATE_NOOP("Cli", "changes not yet sent"),
    "waiting_for_consent": QT_TRANSLATE_NOOP("Cli", "of them waiting for consent"),
    "oldest_pending_at": QT_TRANSLATE_NOOP("Cli", "oldest change not yet sent"),
    "quarantined": QT_TRANSLATE_NOOP("Cli", "changes head office refused"),
    "last_sync": QT_TRANSLATE_NOOP("Cli", "last sync"),
    "last_backup": QT_TRANSLATE_NOOP("Cli", "last backup"),
    "backup_overdue": QT_TRANSLATE_NOOP(
        "Cli", "backup overdue (over a week old while changes wait to be sent)"
    ),
    "device_id": QT_TRANSLATE_NOOP("Cli", "this laptop's device id"),
}


def _stat_label(key: str) -> str:
    return translate("Cli", STAT_LABELS[key]) if key in STAT_LABELS else key


def _stat_value(value: object) -> object:
    if value is None:
        return translate("Cli", "never")
    if isinstance(value, bool):
        return translate("Cli", "yes") if value else translate("Cli", "no")
    return value


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.services.backup import BackupService

    with signed_in(paths, args) as (app, session):
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
        outcome: RestoreOutcome = _restore_data(args, paths, source)
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


def _restore_data(args: argparse.Namespace, paths: AppPaths, source: Path) -> Any:
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
            with signed_in(paths, args) as (app, session):
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
    password = ask_password(
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
