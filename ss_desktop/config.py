"""Where the laptop app keeps its files.

One place decides every path: the platformdirs folders by default, or everything under one
folder given by ``--data-dir`` / ``SS_DESKTOP_HOME`` (demo data, tests, portable installs).
Nothing here runs at import time: ``AppPaths.resolve()`` is called from ``main()``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "SteppingStones"
APP_AUTHOR = "SteppingStonesChina"
ENV_HOME = "SS_DESKTOP_HOME"
DB_FILENAME = "registration.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path
    backup_dir: Path
    settings_file: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def keyring(self) -> Path:
        """The key file: the database key wrapped per user and for recovery."""
        return self.data_dir / "keys.json"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get(ENV_HOME)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "logs", root / "backups", root / "settings.json")
        data = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        logs = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        return cls(data, logs, data / "backups", data / "settings.json")

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
