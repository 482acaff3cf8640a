"""Shared helpers for the UI tests.

``type_text`` types any text, Chinese included, the way an input method delivers it: a
QInputMethodEvent with a commit string (``qtbot.keyClicks`` aborts on non-ASCII text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from stdnum.cn import ric

PASSWORD = "Tree-house-42"


def type_text(widget: QWidget, text: str, *, chunk: int = 0) -> None:
    """Commit *text* into *widget* through input-method events (optionally in chunks)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    pieces = [text] if chunk <= 0 else [text[i : i + chunk] for i in range(0, len(text), chunk)]
    for piece in pieces:
        event = QInputMethodEvent("", [])
        event.setCommitString(piece)
        QApplication.sendEvent(widget, event)


def fake_id_number(county: str, dob: date, male: bool, seq: int = 12) -> str:
    """A made-up resident ID number with a valid GB 11643 check digit."""
    body = f"{county}{dob:%Y%m%d}{seq:02d}{1 if male else 2}"
    return body + ric.calc_check_digit(body + "0")


def when_dialog_shows(
    qtbot: Any, act: Callable[[QDialog], None], *, cls: type = QDialog, timeout: int = 5000
) -> None:
    """Arrange for *act* to run on the next modal dialog of type *cls* (for exec()'d dialogs)."""
    from PySide6.QtCore import QTimer

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
