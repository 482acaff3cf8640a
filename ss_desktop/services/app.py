"""The laptop's data as the services see it: locked (paths only) or open (an engine, the key,
the device identity, the clock and the one write path).

``LocalApp`` only holds that state; what changes it are use cases in their own modules, each
importing this one and never the other way round:

- :mod:`ss_desktop.services.data_folder`: what the folder holds before it opens (a new
  folder, an unfinished first run, a damaged or missing data file), setting bad files aside;
- :mod:`ss_desktop.services.opening`: opening the database with a key (checks, a backup
  before a schema upgrade, the migration, the device id and clock);
- :mod:`ss_desktop.services.unlock`: signing in (the password unwraps the key);
- :mod:`ss_desktop.services.setup`: a new data folder and its first admin;
- :mod:`ss_desktop.services.recovery` and :mod:`ss_desktop.services.restore`: head office's
  key recovery, and restoring a backup (also over a damaged data file).

Services receive an open ``LocalApp`` and a signed-in ``UserSession``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from ss_core.protocol.hlc import HybridClock
from ss_desktop.config import AppPaths
from ss_desktop.db.keyring import Keyring
from ss_desktop.db.migrate import head_revision
from ss_desktop.db.write import ChangeWriter


@dataclass(frozen=True)
class UserSession:
    """Who is signed in. Plain data: safe to hand to the UI and to worker threads."""

    user_id: str
    username: str
    display_name: str
    role: str
    site_ids: tuple[str, ...]


class DataLockedError(RuntimeError):
    """The data is not open: nobody has signed in yet (or it was closed)."""


@dataclass(frozen=True)
class OpenData:
    """Everything that exists only while the database is open."""

    engine: Engine
    key: bytes | None  # None: a plain database of a release before encryption
    keyring: Keyring | None
    device_id: str
    clock: HybridClock
    writer: ChangeWriter


class LocalApp:
    """The data folder's paths, and the open database once someone has signed in."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._open: OpenData | None = None

    # -- state ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open is not None

    def opened(self) -> OpenData:
        if self._open is None:
            raise DataLockedError("the data is locked: nobody has signed in")
        return self._open

    @property
    def engine(self) -> Engine:
        return self.opened().engine

    @property
    def writer(self) -> ChangeWriter:
        return self.opened().writer

    @property
    def clock(self) -> HybridClock:
        return self.opened().clock

    @property
    def key(self) -> bytes | None:
        return self._open.key if self._open is not None else None

    @property
    def keyring(self) -> Keyring | None:
        return self._open.keyring if self._open is not None else None

    @property
    def device_id(self) -> str:
        return self._open.device_id if self._open is not None else ""

    @property
    def schema_revision(self) -> str:
        return head_revision()

    # -- changes of state ----------------------------------------------------------------
    def hold(self, data: OpenData) -> None:
        """Keep *data* as the open database (closing whatever was open before)."""
        if self._open is not None and self._open.engine is not data.engine:
            self._open.engine.dispose()
        self._open = data

    def use_clock(self, clock: HybridClock) -> None:
        """Stamp changes with *clock* from now on (a new write path over the same engine)."""
        data = self.opened()
        writer = ChangeWriter(data.engine, clock, data.device_id, today=date.today)
        self._open = OpenData(data.engine, data.key, data.keyring, data.device_id, clock, writer)

    def close(self) -> None:
        """Close the database; the app is locked again (the key leaves memory with it)."""
        if self._open is not None:
            self._open.engine.dispose()
            self._open = None

    def __enter__(self) -> LocalApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
