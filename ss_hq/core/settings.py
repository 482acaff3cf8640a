"""Head-office settings: command-line arguments first, then the environment, then defaults.

pydantic-settings is not a dependency; a frozen dataclass is enough for the few values we need.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from ss_core.protocol.wire import MAX_BODY_BYTES

ENV_DATABASE_URL = "SS_HQ_DATABASE_URL"
ENV_KEYS_DIR = "SS_HQ_KEYS_DIR"
ENV_MAX_BODY_BYTES = "SS_HQ_MAX_BODY_BYTES"
APP_NAME = "ss-hq"


def data_dir() -> Path:
    """The platformdirs folder where the default SQLite database and keys live."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'ss-hq.sqlite3'}"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number of bytes, not {raw!r}") from exc
    if value <= 0:
        raise ValueError(f"{name} must be positive")
    return value


@dataclass(frozen=True)
class HQSettings:
    """Everything the app factory and the command line need to know."""

    database_url: str = field(default_factory=default_database_url)
    keys_dir: Path = field(default_factory=lambda: data_dir() / "keys")
    max_body_bytes: int = MAX_BODY_BYTES
    # Responses smaller than this are sent uncompressed: compressing them costs more than it saves.
    compress_min_bytes: int = 512
    # Duplicate checks of pushed children run this long after the last push (0: at once,
    # in the push's request, after its answer); see ss_hq.review.duplicate_queue.
    duplicate_check_delay_ms: int = 1000

    @classmethod
    def from_env(cls, *, database_url: str | None = None, **overrides: object) -> HQSettings:
        """Settings from the environment; explicit arguments (e.g. ``--db``) win."""
        url = database_url or os.environ.get(ENV_DATABASE_URL, "").strip() or default_database_url()
        keys = os.environ.get(ENV_KEYS_DIR, "").strip()
        settings = cls(
            database_url=normalize_database_url(url),
            keys_dir=Path(keys) if keys else data_dir() / "keys",
            max_body_bytes=_env_int(ENV_MAX_BODY_BYTES, MAX_BODY_BYTES),
        )
        return replace(settings, **overrides) if overrides else settings  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The environment that makes :meth:`from_env` rebuild these settings (uvicorn workers)."""
        return {
            ENV_DATABASE_URL: self.database_url,
            ENV_KEYS_DIR: str(self.keys_dir),
            ENV_MAX_BODY_BYTES: str(self.max_body_bytes),
        }


def normalize_database_url(url: str) -> str:
    """Accept the short spellings people type and map them to the drivers we ship.

    ``postgresql://`` and ``postgres://`` become ``postgresql+psycopg://`` (psycopg 3); a plain
    file path becomes a SQLite URL.
    """
    url = url.strip()
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
