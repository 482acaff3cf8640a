"""Opening the laptop's database with its key: checks, a backup before a schema upgrade, the
migration, the device identity, the hybrid logical clock and the one write path.

The backup before an upgrade is a full backup file (ss_desktop.services.backup_file, with the
key file of that moment) in the backup folder, verified like every automatic backup, so the
data of the older version can be restored with the sign-in window or ``ss-desktop restore``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ss_core.protocol.hlc import HybridClock
from ss_desktop.db import local_users
from ss_desktop.db.keyring import Keyring
from ss_desktop.db.migrate import open_database
from ss_desktop.db.write import ChangeWriter, load_clock
from ss_desktop.services.app import LocalApp, OpenData
from ss_desktop.services.backup_file import write_backup
from ss_desktop.services.backup_names import automatic_backup_path

BEFORE_UPGRADE = "before-upgrade"


def open_data(
    app: LocalApp, key: bytes | None, keyring: Keyring | None, *, clock: HybridClock | None = None
) -> None:
    """Open the database of *app* with *key*; the app holds it open afterwards."""
    paths = app.paths
    paths.ensure()

    def backup_before_upgrade(revision: str) -> Path:
        assert keyring is not None
        target = automatic_backup_path(paths.backup_dir, BEFORE_UPGRADE)
        return write_backup(paths.database, key, keyring, target, reason=BEFORE_UPGRADE).path

    engine = open_database(
        paths.database,
        key,
        backup_dir=paths.backup_dir,
        before_upgrade=backup_before_upgrade if keyring is not None else None,
    )
    device_id = local_users.ensure_device_id(engine)
    clock = clock or load_clock(engine, device_id)
    writer = ChangeWriter(engine, clock, device_id, today=date.today)
    app.hold(OpenData(engine, key, keyring, device_id, clock, writer))
