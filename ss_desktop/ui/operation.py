"""The one way a page writes: :func:`run_write`.

A write runs on the executor's write thread (saves keep their order, the GUI never waits) and
returns what it changed: the write path's ``ChangeSet``, or a result that carries one as
``changes`` (``SaveResult``, ``EnrollResult``...). The operation itself tells every open view what was touched
(``AppEvents.data_changed``) before the page's own callback runs, so no page can forget to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtWidgets import QWidget

from ss_desktop.ui.context import Touches, UiContext
from ss_desktop.ui.widgets import while_alive


@runtime_checkable
class ChangeSetLike(Touches, Protocol):
    """What the write path's ChangeSet offers the UI (the UI does not import the db layer)."""


class HasChanges(Protocol):
    @property
    def changes(self) -> Touches: ...


R = TypeVar("R", bound=ChangeSetLike | HasChanges)


def changes_of(result: ChangeSetLike | HasChanges) -> Touches:
    return result if isinstance(result, ChangeSetLike) else result.changes


def run_write(
    ctx: UiContext,
    op: Callable[[], R],
    *,
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QWidget | None = None,
) -> int:
    """Run *op* on the write thread; publish its changes, then call *on_done* (on the GUI
    thread; not when *owner* was closed meanwhile, though the changes are still published)."""
    done = while_alive(owner, on_done) if owner is not None else on_done
    failed = while_alive(owner, on_error) if owner is not None else on_error

    def finished(result: R) -> None:
        ctx.publish(changes_of(result))
        if done is not None:
            done(result)

    return ctx.executor.submit(op, write=True, on_result=finished, on_error=failed)
