"""What every ``ss-desktop`` command shares: exit codes, errors, the password, output."""

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
