"""What every page of the GUI shares: the open app, who is signed in, the background
executor, and one app-level signal telling views what changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.ui.executor import DbExecutor


class Touches(Protocol):
    """A write's ChangeSet as views see it: {entity: [record ids]} created or updated."""

    def touched(self) -> dict[str, list[str]]: ...


@dataclass(frozen=True)
class Touched:
    """{entity: ids} a sync round, an enrollment file or a receipt changed (their results
    carry a dict, not the write path's ChangeSet); empty for a write that changed no record
    (a refused change dismissed or queued again) but changed what the status bar counts."""

    records: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def touched(self) -> dict[str, list[str]]:
        return {entity: list(ids) for entity, ids in self.records.items() if ids}


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
        the one way pages write, and by the sync pages with :class:`Touched`). Views refresh
        only what the entities they show; the status bar recounts after every write."""
        self.events.data_changed.emit(change_set.touched())
