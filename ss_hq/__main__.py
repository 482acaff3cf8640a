"""``ss-hq``: the head-office server's command line (docs/design/interfaces.md).

Exit codes: 0 success, 2 unusable input or arguments, 1 anything else.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from ss_hq.core.settings import HQSettings

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
DURATION = re.compile(r"^(\d+)\s*([mhdw])$")
DURATION_MS = {"m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 7 * 86_400_000}


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def parse_duration(text: str) -> int:
    """``30m``, ``12h``, ``7d``, ``2w`` -> milliseconds."""
    match = DURATION.match(text.strip().lower())
    if not match or int(match.group(1)) <= 0:
        raise CliError(
            f"--expires {text!r}: use a number and a unit, e.g. 30m, 12h, 7d or 2w", EXIT_USAGE
        )
    return int(match.group(1)) * DURATION_MS[match.group(2)]


def _settings(args: argparse.Namespace) -> HQSettings:
    try:
        return HQSettings.from_env(database_url=args.db)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc


def _engine(args: argparse.Namespace, *, migrate: bool = True) -> Any:
    from ss_hq.core.db import make_engine
    from ss_hq.core.migrate import upgrade

    settings = _settings(args)
    try:
        engine = make_engine(settings.database_url)
    except (ValueError, ImportError) as exc:
        raise CliError(f"--db: {exc}", EXIT_USAGE) from exc
    if migrate:
        upgrade(engine)
    return engine


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True))


# ------------------------------------------------------------------------------ commands


def cmd_migrate(args: argparse.Namespace) -> int:
    from ss_hq.core.migrate import current_revision

    engine = _engine(args)
    print(f"database schema is up to date (revision {current_revision(engine)})")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = _settings(args)
    engine = _engine(args)  # migrate once, before any worker starts
    engine.dispose()
    print(f"ss-hq serving on http://{args.host}:{args.port} (database: {_safe_url(settings)})")
    sys.stdout.flush()
    if args.workers > 1:
        os.environ.update(settings.to_env())
        uvicorn.run(
            "ss_hq.app:create_app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
        )
    else:
        from ss_hq.app import create_app, tune_gc

        app = create_app(settings)
        tune_gc()
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return EXIT_OK


def _safe_url(settings: HQSettings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)


def cmd_create_staff(args: argparse.Namespace) -> int:
    from ss_hq.admin.staff_service import StaffInputError, create_staff_user
    from ss_hq.core.clock import now_ms

    password = os.environ.get("SS_HQ_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError(
                "set SS_HQ_PASSWORD or run in a terminal to type the password", EXIT_USAGE
            )
        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            raise CliError("the two passwords differ", EXIT_USAGE)
    with Session(_engine(args)) as session:
        try:
            user = create_staff_user(session, args.name, password, args.role, now=now_ms())
        except StaffInputError as exc:
            raise CliError(str(exc), EXIT_USAGE) from exc
    print(f"staff user {user.username} created with role {user.role}")
    return EXIT_OK


def cmd_site_add(args: argparse.Namespace) -> int:
    from ss_hq.admin.site_service import SiteInputError, add_site

    with Session(_engine(args)) as session:
        try:
            site = add_site(
                session,
                code=args.code,
                name=args.name,
                site_type=args.type,
                division=args.division,
            )
        except SiteInputError as exc:
            raise CliError(str(exc), EXIT_USAGE) from exc
    if args.json:
        _print_json(asdict(site))
    else:
        print(f"site {site.code} added: {site.name} ({site.type}, {site.division}) id {site.id}")
    return EXIT_OK


def cmd_site_list(args: argparse.Namespace) -> int:
    from ss_hq.admin.site_service import list_sites

    with Session(_engine(args)) as session:
        sites = list_sites(session)
    if args.json:
        _print_json({"sites": [asdict(s) for s in sites]})
    elif not sites:
        print("no sites yet: add one with `ss-hq site add`")
    else:
        for s in sites:
            print(f"{s.code}\t{s.name}\t{s.type}\t{s.division}\t{s.id}")
    return EXIT_OK


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from ss_hq.admin.site_service import find_site
    from ss_hq.core.clock import now_ms
    from ss_hq.sync.device_service import create_enrollment_code

    lifetime = parse_duration(args.expires)
    with Session(_engine(args)) as session:
        site_ids = []
        for code in args.site:
            site = find_site(session, code)
            if site is None:
                raise CliError(f"no site with code {code!r}; see `ss-hq site list`", EXIT_USAGE)
            site_ids.append(site.id)
        code = create_enrollment_code(session, site_ids, now=now_ms(), lifetime_ms=lifetime)
    print(f"one-time enrollment code for {', '.join(args.site)}, valid for {args.expires}: {code}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from ss_hq.admin.stats_service import stats

    with Session(_engine(args)) as session:
        counts = stats(session)
    if args.json:
        _print_json(counts)
    else:
        for key, value in counts.items():
            print(f"{key}: {value}")
    return EXIT_OK


def cmd_device_list(args: argparse.Namespace) -> int:
    from ss_hq.sync.device_service import list_devices

    with Session(_engine(args)) as session:
        devices = list_devices(session)
    if args.json:
        _print_json({"devices": [asdict(d) for d in devices]})
    elif not devices:
        print("no devices enrolled yet")
    else:
        for d in devices:
            state = "revoked" if d.revoked_at else "active"
            print(f"{d.id}\t{d.name}\t{state}\tacked seq {d.acked_seq}")
    return EXIT_OK


def cmd_device_revoke(args: argparse.Namespace) -> int:
    from ss_hq.core.clock import now_ms
    from ss_hq.core.errors import ServiceError
    from ss_hq.sync.device_service import revoke_device

    with Session(_engine(args)) as session:
        try:
            device = revoke_device(session, args.device_id, now=now_ms())
        except ServiceError as exc:
            raise CliError(exc.message, EXIT_USAGE) from exc
    print(f"device {device.id} ({device.name}) revoked")
    return EXIT_OK


def cmd_recover_key(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ss_hq.sync.recovery_service import RecoveryRefused, answer_request

    source, target = Path(args.file), Path(args.out)
    if not source.is_file():
        raise CliError(f"no such file: {source}", EXIT_USAGE)
    if target.exists():
        raise CliError(f"{target} already exists; choose another answer file name", EXIT_USAGE)
    with Session(_engine(args)) as session:
        try:
            answer = answer_request(session, source.read_bytes())
        except RecoveryRefused as exc:
            raise CliError(f"recovery refused: {exc.message}", EXIT_USAGE) from exc
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(answer.data)
    os.replace(partial, target)
    print(
        f"answer for laptop database {answer.database_id} written to {target}; it opens only "
        "on the laptop that made the request"
    )
    return EXIT_OK


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ss_hq.core.clock import now_ms
    from ss_hq.sync.bundle_service import BundleRefused, import_bundle

    source, target = Path(args.file), Path(args.receipt)
    if not source.is_file():
        raise CliError(f"no such file: {source}", EXIT_USAGE)
    if target.exists():
        raise CliError(f"{target} already exists; choose another receipt file name", EXIT_USAGE)
    with Session(_engine(args)) as session:
        try:
            result = import_bundle(session, source.read_bytes(), now=now_ms())
        except BundleRefused as exc:
            raise CliError(f"bundle refused ({exc.code}): {exc.message}", EXIT_USAGE) from exc
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(result.receipt)
    os.replace(partial, target)
    summary = {
        "bundle_id": result.bundle_id,
        "device_id": result.device_id,
        "ops": result.op_count,
        "statuses": result.statuses,
        "acked_through_seq": result.acked_through_seq,
        "changes_returned": result.changes_returned,
        "receipt": str(target),
    }
    if args.json:
        _print_json(summary)
    else:
        counts = ", ".join(f"{n} {s}" for s, n in sorted(result.statuses.items())) or "no changes"
        print(
            f"bundle {result.bundle_id} from device {result.device_id}: {counts}; "
            f"{result.changes_returned} change(s) for the laptop; receipt written to {target}"
        )
    return EXIT_OK


def cmd_enroll_file(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ss_hq.admin.site_service import find_site
    from ss_hq.core.clock import now_ms
    from ss_hq.sync.bundle_service import create_offline_enrollment, laptop_server_url

    target = Path(args.out)
    if target.exists():
        raise CliError(f"{target} already exists; choose another file name", EXIT_USAGE)
    with Session(_engine(args)) as session:
        site_ids = []
        for code in args.site:
            site = find_site(session, code)
            if site is None:
                raise CliError(f"no site with code {code!r}; see `ss-hq site list`", EXIT_USAGE)
            site_ids.append(site.id)
        try:
            server_url = laptop_server_url(args.server)
        except ValueError as exc:
            raise CliError(f"--server {args.server!r}: {exc}", EXIT_USAGE) from None
        content = create_offline_enrollment(
            session, site_ids, device_name=args.name, server_url=server_url, now=now_ms()
        )
    partial = target.with_name(target.name + ".part")
    partial.write_text(json.dumps(content, indent=2), encoding="utf-8")
    os.replace(partial, target)
    print(
        f"enrollment file for device {content['device_id']} ({', '.join(args.site)}) written to "
        f"{target}; it holds the laptop's credentials: hand it over like a password"
    )
    return EXIT_OK


# ------------------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    db_help = "database URL (sqlite:///FILE or postgresql+psycopg://...); env SS_HQ_DATABASE_URL"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help=db_help)

    parser = argparse.ArgumentParser(
        prog="ss-hq",
        description="Stepping Stones head-office server. Exit codes: 0 ok, 2 bad input, 1 failure.",
    )
    parser.add_argument("--db", default=None, metavar="URL", help=db_help)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str, **kw: Any) -> Any:
        sub = commands.add_parser(
            name, parents=[common], help=help_text, description=help_text, **kw
        )
        sub.set_defaults(func=func)
        return sub

    serve = add("serve", cmd_serve, "run the API (migrates the database first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])

    add("migrate", cmd_migrate, "bring the database schema up to date")

    staff = add(
        "create-staff",
        cmd_create_staff,
        "create a staff web account; password from env SS_HQ_PASSWORD or a prompt",
    )
    staff.add_argument("name")
    staff.add_argument("--role", required=True, choices=["admin", "staff", "viewer"])

    site = commands.add_parser("site", help="sites: add, list")
    site_commands = site.add_subparsers(dest="site_command", metavar="ACTION", required=True)
    site_add = site_commands.add_parser("add", parents=[common], help="add a site")
    site_add.set_defaults(func=cmd_site_add)
    site_add.add_argument("--code", required=True)
    site_add.add_argument("--name", required=True)
    site_add.add_argument("--type", required=True, help="public_school, migrant_school, ...")
    site_add.add_argument("--division", required=True, help="6-digit GB/T 2260 code")
    site_add.add_argument("--json", action="store_true")
    site_list = site_commands.add_parser("list", parents=[common], help="list sites")
    site_list.set_defaults(func=cmd_site_list)
    site_list.add_argument("--json", action="store_true")

    code = add(
        "enroll-code",
        cmd_enroll_code,
        "print a one-time enrollment code (the last word of the output)",
    )
    code.add_argument("--site", required=True, action="append", metavar="CODE")
    code.add_argument("--expires", default="7d", help="lifetime: 30m, 12h, 7d, 2w (default 7d)")

    bundle = add(
        "import-bundle",
        cmd_import_bundle,
        "apply a laptop's USB bundle and write the signed receipt to take back",
    )
    bundle.add_argument("file", metavar="FILE")
    bundle.add_argument("--receipt", required=True, metavar="OUT", help="receipt file to write")
    bundle.add_argument("--json", action="store_true")

    recover = add(
        "recover-key",
        cmd_recover_key,
        "answer a laptop's recovery request (all its passwords forgotten)",
    )
    recover.add_argument("file", metavar="REQUEST")
    recover.add_argument("--out", required=True, metavar="ANSWER", help="answer file to write")

    enroll_file = add(
        "enroll-file",
        cmd_enroll_file,
        "enroll a laptop that has never been online: write an enrollment file for it",
    )
    enroll_file.add_argument("--site", required=True, action="append", metavar="CODE")
    enroll_file.add_argument("--out", required=True, metavar="FILE")
    enroll_file.add_argument("--name", default="offline laptop", help="the laptop's name")
    enroll_file.add_argument(
        "--server",
        default=None,
        metavar="URL",
        help="head office's address, for when the laptop gets online",
    )

    stats = add("stats", cmd_stats, "counts: children, devices, conflicts, duplicates, changes")
    stats.add_argument("--json", action="store_true")

    device = commands.add_parser("device", help="enrolled laptops: list, revoke")
    device_commands = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    device_list = device_commands.add_parser("list", parents=[common], help="list devices")
    device_list.set_defaults(func=cmd_device_list)
    device_list.add_argument("--json", action="store_true")
    device_revoke = device_commands.add_parser("revoke", parents=[common], help="revoke a device")
    device_revoke.set_defaults(func=cmd_device_revoke)
    device_revoke.add_argument("device_id")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("sqlalchemy", "httpx", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"ss-hq: {exc}", file=sys.stderr)
        return exc.exit_code
    except SQLAlchemyError as exc:
        print(
            f"ss-hq: database error: {type(exc).__name__}: {exc.args[0] if exc.args else ''}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as exc:  # the last line of defence: no traceback for users
        log.debug("unexpected error", exc_info=True)
        print(f"ss-hq: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
