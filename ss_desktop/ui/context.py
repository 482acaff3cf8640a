"""What every page of the GUI shares: the open app, who is signed in, the background
executor, and one app-level signal telling views what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.ui.executor import DbExecutor


class AppEvents(QObject):
    # {entity value: [record ids]} of what a save or a sync changed; pages refresh only that.
    data_changed = Signal(dict)
    session_changed = Signal(object)  # UserSession | None
    language_changed = Signal(str)
    status_changed = Signal(dict)  # counts for the status bar


@dataclass
class UiContext:
    app: LocalApp
    executor: DbExecutor
    events: AppEvents
    session: UserSession | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def require_session(self) -> UserSession:
        if self.session is None:
            raise RuntimeError("no user is signed in")
        return self.session

    def publish_changes(self, change_set: Any) -> None:
        """Tell every view what a ChangeSet touched."""
        touched: dict[str, list[str]] = {}
        for bucket in (getattr(change_set, "created", {}), getattr(change_set, "updated", {})):
            for entity, ids in bucket.items():
                touched.setdefault(str(entity), []).extend(ids)
        if touched:
            self.events.data_changed.emit(touched)
