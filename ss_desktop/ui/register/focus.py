"""The registration form's keyboard order, made from the order its parts are shown.

:class:`FocusChain` is given the parts of the form in the order the page lays them out (each
with ``chain()``, everything Tab may stop at in the order shown, and ``fields()``, the editors
Tab stops at now). It sets the Tab order from that one list, so the keyboard follows what the
eye sees, including guardians added later (Qt would otherwise put a new widget last).
Enter in the last field of a part moves on to the first field of the next part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormPart(Protocol):
    def chain(self) -> list[QWidget]: ...

    def fields(self) -> list[QWidget]: ...


class FocusChain(QObject):
    def __init__(
        self,
        parts: Callable[[], Sequence[FormPart]],
        before: Sequence[QWidget] = (),
        after: Sequence[QWidget] = (),
        on_moved: Callable[[QWidget], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._parts = parts
        self._before = list(before)
        self._after = list(after)
        self._on_moved = on_moved

    def widgets(self) -> list[QWidget]:
        chain = [*self._before]
        for part in self._parts():
            chain.extend(part.chain())
        return chain + self._after

    def apply(self) -> None:
        """Set Qt's Tab order to the order shown (call after parts are added or removed)."""
        chain = self.widgets()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for part in self._parts():
            for widget in part.chain():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QWidget)
            and not isinstance(watched, QPlainTextEdit)
        ):
            target = self.next_part_start(watched)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                if self._on_moved is not None:
                    self._on_moved(target)
                return True
        return False

    def next_part_start(self, widget: QWidget) -> QWidget | None:
        """The first field of the part after *widget*'s, when *widget* is its part's last."""
        parts = list(self._parts())
        for index, part in enumerate(parts):
            fields = part.fields()
            if widget in fields:
                if widget is not fields[-1]:
                    return None
                for later in parts[index + 1 :]:
                    later_fields = later.fields()
                    if later_fields:
                        return later_fields[0]
                return None
        return None
