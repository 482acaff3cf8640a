"""The laptop's data, locked until someone signs in, and what every service needs with it.

The database is encrypted (SQLCipher); its key is reachable only through a user's password
(ss_desktop.db.keyring). So a ``LocalApp`` starts *locked* — paths only — and opens when a
user signs in: ``LocalApp.unlock(paths, username, password)`` gives the open app and the
session (the CLI and tests), ``app.sign_in(username, password)`` does the same on a locked app
the GUI already holds. Opening checks, backs up and migrates the database
(ss_desktop.db.migrate), encrypts an unencrypted database of an older release in place, loads
the device identity and the hybrid logical clock, and builds the one write path.
Services receive an open ``LocalApp`` and a signed-in ``UserSession``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_desktop.config import AppPaths
from ss_desktop.db import local_users
from ss_desktop.db.keyring import KeyFileError, Keyring, new_database_key
from ss_desktop.db.migrate import head_revision, open_database
from ss_desktop.db.write import ChangeWriter, load_clock
from ss_desktop.services.errors import ServiceError, SetupError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserSession:
    """Who is signed in. Plain data: safe to hand to the UI and to worker threads."""

    user_id: str
    username: str
    display_name: str
    role: str
    site_ids: tuple[str, ...]


class LocalApp:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.engine: Engine = None  # type: ignore[assignment]  # set when opened
        self.key: bytes | None = None
        self.keyring: Keyring | None = None
        self.device_id = ""
        self.clock: HybridClock = None  # type: ignore[assignment]
        self.writer: ChangeWriter = None  # type: ignore[assignment]

    # -- state ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.engine is not None

    def needs_first_run(self) -> bool:
        """No account yet: no data at all, or a first run that was left unfinished (a key file
        without a user). An older unencrypted database has accounts: it needs a sign-in."""
        if self.is_open:
            return local_users.count_users(self.engine) == 0
        if self.paths.keyring.exists():
            try:
                return not Keyring.load(self.paths.keyring).usernames()
            except KeyFileError:
                return False  # check_files says what is wrong with it
        db = self.paths.database
        return not db.exists() or db.stat().st_size == 0

    def check_files(self) -> None:
        """Before asking for a password: refuse at once a data folder that cannot open."""
        from ss_desktop.services.unlock import check_files

        check_files(self)

    # -- opening -------------------------------------------------------------------------
    def attach(
        self, key: bytes | None, keyring: Keyring | None, *, clock: HybridClock | None = None
    ) -> None:
        """Open the database with *key* (checks, backup, migration)."""
        self.paths.ensure()
        engine = open_database(self.paths.database, key, backup_dir=self.paths.backup_dir)
        self.engine, self.key, self.keyring = engine, key, keyring
        self.device_id = local_users.ensure_device_id(engine)
        self.use_clock(clock or load_clock(engine, self.device_id))

    def use_clock(self, clock: HybridClock) -> None:
        self.clock = clock
        self.writer = ChangeWriter(self.engine, clock, self.device_id, today=date.today)

    def create_new(self) -> None:
        """A new data folder: a fresh key and database, no account yet (first run).

        The key file is written first, with no user in it: the key itself is only in memory
        until the first account wraps it. A first run left unfinished (a key file without a
        user) is set aside — renamed, never deleted — and started afresh.
        """
        if self.is_open:
            return
        if not self.needs_first_run():
            raise SetupError("setup.already_initialized", path=str(self.paths.data_dir))
        self._set_aside_unfinished()
        self.paths.ensure()
        keyring = Keyring.create(self.paths.keyring)
        keyring.save()
        self.attach(new_database_key(), keyring)

    def _set_aside_unfinished(self) -> None:
        from ss_desktop.services.unlock import set_aside

        for path in (self.paths.database, self.paths.keyring):
            if path.exists() and path.stat().st_size > 0:
                set_aside(path)

    def sign_in(self, username: str, password: str) -> UserSession:
        """Open the data as *username* (or, when open already, check their password)."""
        from ss_desktop.services.unlock import sign_in

        return sign_in(self, username, password)

    @classmethod
    def unlock(cls, paths: AppPaths, username: str, password: str) -> tuple[LocalApp, UserSession]:
        app = cls(paths)
        session = app.sign_in(username, password)
        return app, session

    @classmethod
    def initialize(cls, paths: AppPaths, *, admin: str, password: str) -> LocalApp:
        """Create the data folder, the encrypted database and the first admin account."""
        from ss_desktop.services.accounts import Accounts

        app = cls(paths)
        if not app.needs_first_run():
            raise SetupError("setup.already_initialized", path=str(paths.data_dir))
        app.create_new()
        try:
            Accounts(app).create_first_admin(admin, password)
        except ServiceError:
            app.close()
            raise
        log.info("initialized data folder for device %s", app.device_id)
        return app

    # -- facts ---------------------------------------------------------------------------
    @property
    def schema_revision(self) -> str:
        return head_revision()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()

    def __enter__(self) -> LocalApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
