"""No accidental changes with the mouse wheel, on every page of the app.

Scrolling a long page with the pointer over a drop-down, a spin box or a date field used to
change that field instead of scrolling (a child could be saved under another site, unnoticed).
:class:`WheelGuard` is one event filter installed on the application: a wheel event over such a
field goes to the field only while the field has the keyboard focus and the page is not being
scrolled; otherwise it goes to the field's parents, so the scroll area around it scrolls.
And no such field takes the focus from the wheel itself (Qt's ``WheelFocus`` policy, which
a real wheel event applies before any filter runs): only a click or Tab gives it the focus.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QWidget

# Wheel events less than this far apart belong to one scroll: a field that comes under the
# pointer while the page scrolls does not take the rest of them, even when it has the focus.
SCROLL_GAP_S = 0.6
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
_ATTRIBUTE = "_ss_wheel_guard"


def _guarded_field(widget: QWidget) -> QWidget | None:
    """The drop-down, spin box or slider *widget* belongs to (a spin box's line edit too)."""
    current: QWidget | None = widget
    for _ in range(3):
        if current is None:
            return None
        if isinstance(current, GUARDED) and not _is_scroll_bar(current):
            return current
        current = current.parentWidget()
    return None


def _is_scroll_bar(widget: QWidget) -> bool:
    return widget.inherits("QScrollBar")


def no_wheel_focus(field: QWidget) -> None:
    """Qt gives a real wheel event's focus to a widget whose policy has ``WheelFocus`` (a
    drop-down's default) before any event filter sees the event: the field would then have
    the focus and take the wheel. Such fields take the focus by click or Tab only."""
    policy = field.focusPolicy()
    if policy == Qt.FocusPolicy.WheelFocus:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """The application-wide filter (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last_passed_on = -1e9
        self._forwarding = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.Polish and isinstance(watched, GUARDED):
            no_wheel_focus(watched)
            return False
        if event.type() != QEvent.Type.Wheel or self._forwarding:
            return False
        if not isinstance(watched, QWidget):
            return False
        field = _guarded_field(watched)
        if field is None:
            return False
        now = time.monotonic()
        scrolling = now - self._last_passed_on < SCROLL_GAP_S
        if field.hasFocus() and not scrolling:
            return False  # the field the user is working in: the wheel changes it
        self._last_passed_on = now
        if isinstance(event, QWheelEvent):
            self._pass_on(field, event)
        return True

    def _pass_on(self, field: QWidget, event: QWheelEvent) -> None:
        """Offer the event to the field's parents, nearest first, until one takes it (Qt
        does not pass on an event sent by code, so the walk is done here)."""
        self._forwarding = True
        try:
            parent = field.parentWidget()
            while parent is not None:
                passed_on = QWheelEvent(
                    parent.mapFromGlobal(event.globalPosition()),
                    event.globalPosition(),
                    event.pixelDelta(),
                    event.angleDelta(),
                    event.buttons(),
                    event.modifiers(),
                    event.phase(),
                    event.inverted(),
                    event.source(),
                )
                QCoreApplication.sendEvent(parent, passed_on)
                if passed_on.isAccepted() or parent.isWindow():
                    return
                parent = parent.parentWidget()
        finally:
            self._forwarding = False

    def page_scrolled(self) -> None:
        """A wheel scroll happened somewhere (not over a guarded field)."""
        self._last_passed_on = time.monotonic()


class _ScrollWatcher(QObject):
    """Notes every wheel event not over a guarded field: the page is scrolling."""

    def __init__(self, guard: WheelGuard) -> None:
        super().__init__(guard)
        self._guard = guard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and _guarded_field(watched) is None
        ):
            self._guard.page_scrolled()
        return False


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard on *app* once (later calls return the same guard)."""
    existing = getattr(app, _ATTRIBUTE, None)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.installEventFilter(_ScrollWatcher(guard))
    setattr(app, _ATTRIBUTE, guard)
    return guard
