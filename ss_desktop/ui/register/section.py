"""One titled section of the registration form: labelled fields in the order they are shown.

A section owns its editors, their :class:`FieldBox` (keyed by the stored field name, so an issue
for ``"id_number"`` lands next to the ID number) and its translatable texts. :meth:`fields`
lists the editors a person reaches with the keyboard, in the order they are shown: the page
chains them into the focus order (``ss_desktop.ui.register.focus``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ss_desktop.ui.widgets import FieldBox, Texts, add_field_row, section_title

CONTEXT = "RegisterPage"


def tab_focusable(widget: QWidget) -> bool:
    """Reached by Tab now: shown, enabled, and taking the focus from the keyboard."""
    return widget.isVisible() and widget.isEnabled() and takes_tab(widget)


def focus_targets(widget: QWidget) -> list[QWidget]:
    """The widgets Tab may stop at inside *widget* (itself, or its parts: a date row, a group
    of check boxes, the three fields of a place), in the order they were laid out."""
    if takes_tab(widget) and widget.focusProxy() is None:
        return [widget]
    window = widget.window()
    return [
        w
        for w in widget.findChildren(QWidget)
        if takes_tab(w) and w.focusProxy() is None and w.window() is window  # not a popup
    ]


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


class Section(QWidget):
    """A title and a form of labelled fields. Subclasses add rows with :meth:`row`. Titles
    and labels are source texts (``QT_TRANSLATE_NOOP``), translated and re-translated here."""

    changed = Signal()

    def __init__(self, title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.boxes: dict[str, FieldBox] = {}
        self._order: list[QWidget] = []  # the editors, in the order shown
        self._chain: list[QWidget] = []  # editors and buttons, in the order shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label: QLabel | None = None
        if title is not None:
            self.title_label = section_title()
            self.texts.add(self.title_label.setText, CONTEXT, title)
            layout.addWidget(self.title_label)
        holder = QWidget()
        self.form = QFormLayout(holder)
        self.form.setContentsMargins(8, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(holder)
        self.body = layout

    def row(
        self,
        key: str,
        label: str,
        editor: QWidget,
        *,
        form: QFormLayout | None = None,
        object_name: str | None = None,
    ) -> FieldBox:
        """A labelled row (the label's mnemonic focuses *editor*), in the order shown."""
        box = add_field_row(
            form or self.form,
            self.texts,
            self.boxes,
            key,
            str(label),
            editor,
            object_name=object_name or key,
            context=CONTEXT,
        )
        self._order.append(editor)
        self._chain.append(editor)
        return box

    def add_to_chain(self, widget: QWidget) -> None:
        """A button shown after the rows added so far."""
        self._chain.append(widget)

    def chain(self) -> list[QWidget]:
        """Everything Tab may stop at in this section, shown or not, in the order shown."""
        return [w for item in self._chain for w in focus_targets(item)]

    def fields(self) -> list[QWidget]:
        """The editors Tab stops at now, in the order they are shown."""
        out: list[QWidget] = []
        for editor in self._order:
            out.extend(w for w in focus_targets(editor) if tab_focusable(w))
        return out

    def retranslate(self) -> None:
        self.texts.apply()


def connect_changed(section: Section, widgets: Iterable[QWidget]) -> None:
    """Emit ``section.changed`` when any of *widgets* changes its value."""
    for widget in widgets:
        for name in ("textChanged", "currentIndexChanged", "toggled", "changed"):
            signal = getattr(widget, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(section.changed)
                break


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
