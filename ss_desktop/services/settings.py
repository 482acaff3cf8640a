"""The laptop app's own preferences: a small JSON file at ``AppPaths.settings_file``.

Plain Python (no Qt): the language, the idle-lock minutes, the last user who signed in and
the folder on a removable drive that automatic backups are copied to.
A missing, unreadable or half-written file never stops the app: bad values fall back to
their defaults, and the file is written atomically (temp file + rename).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 240

DEFAULTS: dict[str, Any] = {
    "language": None,  # None = follow the system (zh_CN on a Chinese system, else en)
    "idle_lock_minutes": DEFAULT_IDLE_LOCK_MINUTES,  # 0 = never lock
    "last_user": "",
    "backup_drive": "",  # "" = no copy to a removable drive
}


def _clean(raw: dict[str, Any]) -> dict[str, Any]:
    values = dict(DEFAULTS)
    language = raw.get("language")
    if language in LANGUAGES:
        values["language"] = language
    minutes = raw.get("idle_lock_minutes")
    if (
        isinstance(minutes, int | float)
        and not isinstance(minutes, bool)
        and 0 <= minutes <= MAX_IDLE_LOCK_MINUTES
    ):
        values["idle_lock_minutes"] = minutes
    user = raw.get("last_user")
    if isinstance(user, str) and len(user) <= 64:
        values["last_user"] = user
    drive = raw.get("backup_drive")
    if isinstance(drive, str) and len(drive) <= 1024:
        values["backup_drive"] = drive
    return values


def load_settings(path: Path) -> dict[str, Any]:
    """The saved settings, with defaults for anything missing or invalid."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return dict(DEFAULTS)
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        return dict(DEFAULTS)
    if not isinstance(raw, dict):
        log.warning("settings file is not a JSON object; using defaults")
        return dict(DEFAULTS)
    return _clean(raw)


def save_settings(path: Path, values: dict[str, Any]) -> None:
    """Write the known settings atomically (unknown keys are dropped)."""
    clean = _clean(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(clean, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def default_language(system_locale: str) -> str:
    """zh_CN on a Chinese system (zh, zh_CN, zh_Hans...), English otherwise."""
    return "zh_CN" if system_locale.lower().replace("-", "_").startswith("zh") else "en"
