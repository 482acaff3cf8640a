"""Hidden (masked) details in the registration form.

The form reads a child with ``ChildrenService.view``: the ID number, the guardians' phones and
the detail of disability, hardship and care placement arrive masked (``ss_desktop.services
.masking``), for every role. Each section remembers what its masked fields show; a field that
still shows its mask is left out of what the form saves, so a mask is never saved as a value.
Typing a new value over a masked text replaces it. Masked choices (hardship, disability) are
locked until shown. :class:`SensitiveBar` says that details are hidden and, for roles allowed
to see them, offers "Show hidden details", which calls ``ChildrenService.reveal`` (audited).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui.widgets import Texts

CONTEXT = "RegisterPage"
HIDDEN_TEXT_TIP = QT_TRANSLATE_NOOP(
    "RegisterPage", "Hidden to protect the child's data. Type a new value to replace it."
)
HIDDEN_CHOICE_TIP = QT_TRANSLATE_NOOP("RegisterPage", "Hidden to protect the child's data.")


def unmasked_only(values: Mapping[str, Any], shown: Mapping[str, Any]) -> dict[str, Any]:
    """*values* without the masked fields that still show their mask (nothing typed there)."""
    return {k: v for k, v in values.items() if not (k in shown and v == shown[k])}


class MaskedFields:
    """The masked fields of one form section and how to show or lock them.

    *read* gives the section's current values; *setters* put a stored value into a field;
    *locked* are the editors (by field) that stay disabled while masked (choices).
    """

    def __init__(
        self,
        read: Any,
        setters: Mapping[str, Any],
        editors: Mapping[str, QWidget],
        locked: Iterable[str] = (),
    ) -> None:
        self._read = read
        self._setters = dict(setters)
        self._editors = dict(editors)
        self._locked = frozenset(locked)
        self.shown: dict[str, Any] = {}

    def apply(self, names: Iterable[str]) -> None:
        """After a fill: remember what each masked field shows, lock the masked choices."""
        current = self._read()
        self.shown = {n: current.get(n) for n in names if n in self._setters}
        self._decorate()

    def _decorate(self) -> None:
        for name, editor in self._editors.items():
            masked = name in self.shown
            if name in self._locked:
                editor.setEnabled(not masked)
            tip = HIDDEN_CHOICE_TIP if name in self._locked else HIDDEN_TEXT_TIP
            editor.setToolTip(QCoreApplication.translate(CONTEXT, tip) if masked else "")

    def clear(self) -> None:
        self.apply(())

    def reveal(self, values: Mapping[str, Any]) -> None:
        """Put the stored values into the masked fields nobody has typed over; unlock all."""
        current = self._read()
        for name, value in values.items():
            if name in self.shown and current.get(name) == self.shown[name]:
                self._setters[name](value)
        self.clear()

    def is_masked(self) -> bool:
        return bool(self.shown)

    def retranslate(self) -> None:
        self._decorate()


class SensitiveBar(QWidget):
    """ "Some details are hidden" and, with Permission.VIEW_SENSITIVE, a Show button."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensitiveBar")
        self.texts = Texts()
        self.label = QLabel()
        self.label.setObjectName("sensitiveNote")
        self.label.setWordWrap(True)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showSensitive")
        self.texts.add(
            self.show_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "Show hidde&n details"),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_button)
        self.show_button.clicked.connect(self.show_requested)
        self._hidden = False
        self._may_reveal = False
        self.set_state(hidden=False, may_reveal=False)

    def set_state(self, *, hidden: bool, may_reveal: bool) -> None:
        self._hidden, self._may_reveal = hidden, may_reveal
        self.setVisible(hidden)
        self.show_button.setVisible(hidden and may_reveal)
        self.show_button.setEnabled(hidden and may_reveal)
        if may_reveal:
            text = QCoreApplication.translate(
                "RegisterPage",
                "Some details are hidden (ID number, phone, disability, hardship, care "
                "placement). Showing them is written to the audit log.",
            )
        else:
            text = QCoreApplication.translate(
                "RegisterPage",
                "Some details are hidden (ID number, phone, disability, hardship, care "
                "placement); your role may not show them. Typing a new value over a hidden "
                "one replaces it.",
            )
        self.label.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy and self._hidden and self._may_reveal)

    def retranslate(self) -> None:
        self.texts.apply()
        self.set_state(hidden=self._hidden, may_reveal=self._may_reveal)
