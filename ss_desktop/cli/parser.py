"""The options of ``ss-desktop`` (docs/design/interfaces.md), their help in the command line's language."""

from __future__ import annotations

import argparse

from ss_desktop.cli.text import translate

PASSWORD_ENV = "SS_DESKTOP_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ss-desktop",
        description=translate(
            "Cli", "Stepping Stones registration (laptop). With no command, starts the app."
        ),
    )
    parser.add_argument(
        "--data-dir",
        help=translate(
            "Cli",
            "keep every file of the app under this folder (default: the platform's data folder; env SS_DESKTOP_HOME)",
        ),
    )
    parser.add_argument(
        "--user",
        help=translate(
            "Cli", "act as this local user (password from env {env} or a prompt)"
        ).format(env=PASSWORD_ENV),
    )
    parser.add_argument(
        "--lang",
        help=translate(
            "Cli",
            "language of the app and of this command's messages (zh_CN or en; default: the system's)",
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    json_help = translate("Cli", "print one JSON object")

    p = sub.add_parser(
        "init",
        help=translate("Cli", "create the data folder, database and first admin account"),
    )
    p.add_argument(
        "--admin",
        required=True,
        metavar="NAME",
        help=translate("Cli", "user name of the first admin"),
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "self-test",
        help=translate("Cli", "open a temporary database and the main window, then exit"),
    )

    p = sub.add_parser(
        "demo",
        help=translate("Cli", "add realistic fake children, sites, programs and attendance"),
    )
    p.add_argument("--count", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "search", help=translate("Cli", "search children as the app's search box does")
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "stats",
        help=translate("Cli", "counts: children, pending and quarantined changes, last sync"),
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "backup", help=translate("Cli", "write a consistent copy of all data to FILE")
    )
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser(
        "restore",
        help=translate(
            "Cli",
            "replace all data with a backup FILE (the current data is backed up first)",
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--yes", action="store_true", help=translate("Cli", "do not ask for confirmation")
    )

    p = sub.add_parser(
        "enroll",
        help=translate(
            "Cli",
            "enroll this laptop with head office (a one-time code, or an enrollment file for a laptop that was never online)",
        ),
    )
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--code",
        metavar="CODE",
        help=translate("Cli", "the one-time enrollment code from head office"),
    )
    how.add_argument(
        "--file",
        metavar="FILE",
        help=translate("Cli", "an enrollment file from 'ss-hq enroll-file'"),
    )
    p.add_argument(
        "--server",
        metavar="URL",
        help=translate("Cli", "head office's address, e.g. https://hq.example.org"),
    )
    p.add_argument(
        "--name", metavar="NAME", help=translate("Cli", "this laptop's name at head office")
    )
    p.add_argument(
        "--ca-bundle",
        metavar="FILE",
        help=translate("Cli", "trust the certificates in this PEM file"),
    )
    p.add_argument(
        "--allow-insecure",
        action="store_true",
        help=translate("Cli", "allow plain http to a server that is not on this computer"),
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "sync",
        help=translate("Cli", "one full sync round with head office (push, then pull)"),
        description=translate(
            "Cli",
            "One full sync round: push, pull, compare. A request that fails on the way (a cut "
            "or reset connection, a time-out, 502/503/504) is tried again, with a smaller "
            "batch, until the round makes no progress for --give-up-after seconds. Prints a "
            "line per batch; --json prints only the summary. Ctrl+C stops the round: whatever "
            "head office acknowledged stays sent.",
        ),
    )
    p.add_argument(
        "--retries",
        type=int,
        default=0,
        metavar="N",
        help=translate("Cli", "after a round gives up, start up to N more rounds (with backoff)"),
    )
    p.add_argument(
        "--give-up-after",
        type=float,
        default=None,
        metavar="SECONDS",
        help=translate(
            "Cli", "stop when nothing got through for this long (default: 180, three minutes)"
        ),
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser("bundle", help=translate("Cli", "USB bundles for sync without a network"))
    bundle_sub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    q = bundle_sub.add_parser(
        "export",
        help=translate(
            "Cli",
            "write the changes head office has not acknowledged to FILE (signed and encrypted)",
        ),
    )
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true", help=json_help)
    q = bundle_sub.add_parser("receive", help=translate("Cli", "apply head office's receipt FILE"))
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "recovery",
        help=translate(
            "Cli",
            "recover the data when every password is forgotten, with head office's help (see the user guide)",
        ),
    )
    recovery_sub = p.add_subparsers(dest="recovery_command", required=True)
    q = recovery_sub.add_parser(
        "request", help=translate("Cli", "write the request FILE for head office")
    )
    q.add_argument("file", metavar="FILE")
    q = recovery_sub.add_parser(
        "apply",
        help=translate(
            "Cli",
            "open the data with head office's answer FILE and set a new password for an admin (env SS_DESKTOP_PASSWORD or a prompt)",
        ),
    )
    q.add_argument("file", metavar="FILE")
    q.add_argument(
        "--admin",
        required=True,
        help=translate("Cli", "this admin account gets the new password (created if missing)"),
    )

    p = sub.add_parser(
        "import",
        help=translate(
            "Cli",
            "import a class list (.xlsx or .csv); exit 0 all rows imported, 3 some rows rejected, 2 the file is unusable",
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--site",
        metavar="CODE",
        help=translate(
            "Cli", "the site the children belong to (needed when you have more than one site)"
        ),
    )
    p.add_argument(
        "--dry-run", action="store_true", help=translate("Cli", "check every row, save nothing")
    )
    p.add_argument(
        "--error-report",
        metavar="OUT.xlsx",
        help=translate(
            "Cli",
            "write the rejected rows with their reasons to this file (fix it and import it again)",
        ),
    )
    p.add_argument("--json", action="store_true", help=json_help)

    p = sub.add_parser(
        "export",
        help=translate(
            "Cli",
            "export the children you may see to FILE.xlsx or FILE.csv (headers and values in the command's language; the file can be imported again)",
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=json_help)
    return parser
