"""What every ``ss-desktop`` command shares: exit codes, errors, passwords, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ss_desktop.cli.parser import PASSWORD_ENV
from ss_desktop.cli.text import translate
from ss_desktop.config import AppPaths

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
BACKUP_PASSWORD_ENV = "SS_DESKTOP_BACKUP_PASSWORD"


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def ask_password(prompt: str, *, confirm: bool = False) -> str:
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


def emit(args: argparse.Namespace, payload: dict[str, Any], lines: Sequence[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        for line in lines:
            print(line)


@contextmanager
def signed_in(paths: AppPaths, args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
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
    app, session = unlock(paths, username or "", ask_password(prompt))
    try:
        yield app, session
    finally:
        app.close()


def backup_password(args: argparse.Namespace) -> str:
    """The user's password as it was when the backup was made (env or prompt; default: now)."""
    value = os.environ.get(BACKUP_PASSWORD_ENV)
    if value:
        return value
    if sys.stdin.isatty() and not os.environ.get(PASSWORD_ENV):
        return getpass.getpass(translate("Cli", "Your password when the backup was made: "))
    return ask_password(translate("Cli", "Password: "))
