"""What every page of the GUI shares: the open app, who is signed in, the background
executor, and one app-level signal telling views what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.ui.executor import DbExecutor


class Touches(Protocol):
    """A write's ChangeSet as views see it: {entity: [record ids]} created or updated."""

    def touched(self) -> dict[str, list[str]]: ...


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

    def publish(self, change_set: Touches) -> None:
        """Tell every view what a write touched (called by ss_desktop.ui.operation.run_write,
        the one way pages write)."""
        touched = change_set.touched()
        if touched:
            self.events.data_changed.emit(touched)
