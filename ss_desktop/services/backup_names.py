"""Names of backup files, and the backups found in a folder.

Automatic backups are named ``auto-YYYYMMDDTHHMMSSZ-REASON.ssbackup`` (UTC), so the folder
sorts by age and a listing needs no file to be opened. Other ``*.ssbackup`` files in a
folder (made with "Back up now" or ``ss-desktop backup``) are listed by their modification
time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ss_desktop.services.backup_file import PARTIAL, SUFFIX

AUTO_PREFIX = "auto-"
_AUTO_RE = re.compile(r"^auto-(\d{8}T\d{6})(\d{0,6})Z-([a-z-]+?)(?:-(\d+))?\.ssbackup$")
STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class FoundBackup:
    path: Path
    made_at: datetime  # UTC
    reason: str  # "manual" for backups not made automatically
    size: int
    # the n of a second backup made in the same second ("...-sign-out-2.ssbackup"): later
    same_second: int = 1

    @property
    def automatic(self) -> bool:
        return self.reason != "manual"


def automatic_backup_path(folder: Path, reason: str, now: datetime | None = None) -> Path:
    """A new, unused name for an automatic backup in *folder*."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    # microseconds: two backups in one second (a sign-out right after another) keep their order
    base = f"{AUTO_PREFIX}{moment.strftime(STAMP)}{moment.microsecond:06d}Z-{reason}"
    target = Path(folder) / f"{base}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = Path(folder) / f"{base}-{n}{SUFFIX}"
    return target


def describe(path: Path) -> FoundBackup | None:
    """What the name of *path* says (None: not a backup file)."""
    if path.suffix != SUFFIX or not path.is_file():
        return None
    size = path.stat().st_size
    match = _AUTO_RE.match(path.name)
    if match:
        made = datetime.strptime(match.group(1), STAMP).replace(
            tzinfo=UTC, microsecond=int((match.group(2) or "0").ljust(6, "0"))
        )
        return FoundBackup(path, made, match.group(3), size, int(match.group(4) or 1))
    made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return FoundBackup(path, made, "manual", size)


def find_backups(folder: Path | None) -> list[FoundBackup]:
    """The backup files in *folder*, newest first (none when it is missing)."""
    if folder is None or not Path(folder).is_dir():
        return []
    found = []
    for path in Path(folder).iterdir():
        if path.name.endswith(PARTIAL):
            continue
        backup = describe(path)
        if backup is not None:
            found.append(backup)
    return sorted(found, key=lambda b: (b.made_at, b.same_second), reverse=True)
