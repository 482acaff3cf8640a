"""Command line of the laptop app: the GUI by default, plus the commands of docs/design/interfaces.md.

Exit codes: 0 success, 2 unusable input or arguments, 1 anything else (3: import with
rejected rows). ``--json`` output is one JSON object on stdout (its keys stay English).

The commands live in :mod:`ss_desktop.cli`, one module per group: the data folder
(``local_data``), head office (``sync``), class lists (``files``); their options in
:mod:`ss_desktop.cli.parser`. What they print follows ``--lang`` or the system's language
(:mod:`ss_desktop.cli.text`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from ss_desktop.cli import files, local_data, sync
from ss_desktop.cli.common import EXIT_FAILURE, EXIT_USAGE, CliError
from ss_desktop.cli.parser import build_parser
from ss_desktop.cli.text import language, set_language, translate
from ss_desktop.config import AppPaths

log = logging.getLogger("ss_desktop")


def cmd_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.selftest import run_self_test

    return run_self_test()


def cmd_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    from ss_desktop.ui.app import run_gui

    return run_gui(paths, lang=args.lang)


CREATING_COMMANDS = ("init", "restore")

COMMANDS: dict[str | None, Callable[[argparse.Namespace, AppPaths], int]] = {
    None: cmd_gui,
    "init": local_data.cmd_init,
    "self-test": cmd_self_test,
    "demo": local_data.cmd_demo,
    "search": local_data.cmd_search,
    "stats": local_data.cmd_stats,
    "backup": local_data.cmd_backup,
    "restore": local_data.cmd_restore,
    "enroll": sync.cmd_enroll,
    "sync": sync.cmd_sync,
    "bundle": sync.cmd_bundle,
    "import": files.cmd_import,
    "recovery": local_data.cmd_recovery,
    "export": files.cmd_export,
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
