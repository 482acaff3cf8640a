"""Counts the status bar and ``ss-desktop stats`` show."""

from __future__ import annotations

from typing import Any

from ss_desktop.db import queries, sync_store
from ss_desktop.services.app import LocalApp, UserSession


class StatusService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def stats(self) -> dict[str, Any]:
        counts = dict(queries.stats(self.app.engine))
        counts["waiting_for_consent"] = sync_store.held_count(self.app.engine)
        counts["device_id"] = self.app.device_id
        return counts
