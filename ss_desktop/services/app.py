"""The open laptop database and what every service needs with it.

``LocalApp.open(paths)`` checks, backs up and migrates the database (ss_desktop.db.migrate),
loads the device identity and the hybrid logical clock, and builds the one write path.
Services receive a ``LocalApp`` and a signed-in ``UserSession``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_desktop.config import AppPaths
from ss_desktop.db import local_users
from ss_desktop.db.migrate import head_revision, open_database
from ss_desktop.db.writer import ChangeWriter, load_clock
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
    def __init__(self, paths: AppPaths, engine: Engine, device_id: str, clock: HybridClock) -> None:
        self.paths = paths
        self.engine = engine
        self.device_id = device_id
        self.clock = clock
        self.writer = ChangeWriter(engine, clock, device_id, today=date.today)

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, paths: AppPaths, *, must_exist: bool = True) -> LocalApp:
        if must_exist and not paths.database.exists():
            raise SetupError("setup.not_initialized", path=str(paths.data_dir))
        paths.ensure()
        engine = open_database(paths.database, backup_dir=paths.backup_dir)
        device_id = local_users.ensure_device_id(engine)
        clock = load_clock(engine, device_id)
        return cls(paths, engine, device_id, clock)

    @classmethod
    def initialize(cls, paths: AppPaths, *, admin: str, password: str) -> LocalApp:
        """Create the data folder, the database and the first admin account."""
        from ss_desktop.services.accounts import Accounts

        if paths.database.exists():
            app = cls.open(paths)
            if local_users.count_users(app.engine):
                app.close()
                raise SetupError("setup.already_initialized", path=str(paths.data_dir))
        else:
            app = cls.open(paths, must_exist=False)
        try:
            Accounts(app).create_first_admin(admin, password)
        except ServiceError:
            app.close()
            raise
        log.info("initialized data folder for device %s", app.device_id)
        return app

    # -- facts ------------------------------------------------------------------------
    @property
    def schema_revision(self) -> str:
        return head_revision()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> LocalApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
