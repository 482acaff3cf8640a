"""Counts the status bar and ``ss-desktop stats`` show, and the last good backup."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ss_desktop.db import queries, sync_store
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.auto_backup import backup_overdue
from ss_desktop.services.backup_names import find_backups


class StatusService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def stats(self) -> dict[str, Any]:
        counts = dict(queries.stats(self.app.engine))
        counts["waiting_for_consent"] = sync_store.held_count(self.app.engine)
        counts["device_id"] = self.app.device_id
        backups = find_backups(self.app.paths.backup_dir)
        last = backups[0].made_at if backups else None
        counts["last_backup"] = last.isoformat(timespec="seconds") if last else None
        counts["backup_overdue"] = backup_overdue(
            last, counts["pending_changes"], counts["oldest_pending_at"], datetime.now(UTC)
        )
        return counts
