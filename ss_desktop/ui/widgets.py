"""Small widgets the form, sites and attendance pages share.

- :class:`Texts`: remembers (setter, context, source text) so ``retranslate()`` is one call.
- :class:`FieldBox`: an editor with its translated error message right under it.
- :class:`EnumCombo` / :class:`CheckGroup`: choose one / several stored codes, labels translated.
- :func:`line_edit`: a QLineEdit with a maximum length (pasting 2,000 characters is cut).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.ui.form_labels import enum_label

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


class Texts:
    """Every translatable text of a page, re-applied on a language switch."""

    def __init__(self) -> None:
        self._items: list[tuple[Callable[[str], Any], str, str]] = []

    def add(self, setter: Callable[[str], Any], context: str, text: str) -> None:
        self._items.append((setter, context, text))
        setter(QCoreApplication.translate(context, text))

    def apply(self) -> None:
        for setter, context, source in self._items:
            setter(QCoreApplication.translate(context, source))


def line_edit(max_length: int, object_name: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if object_name:
        edit.setObjectName(object_name)
    return edit


class FocusOutWatcher(QObject):
    """Calls ``callback(widget)`` when a watched widget loses focus."""

    def __init__(self, callback: Callable[[QObject], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.FocusOut:
            self._callback(watched)
        return False


class FieldBox(QWidget):
    """An editor and, under it, the message that says what is wrong with it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setObjectName("fieldError")
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, text: str | None, *, warning: bool = False) -> None:
        if text:
            self.error.setText(text)
            self.error.setStyleSheet(WARNING_STYLE if warning else ERROR_STYLE)
            self.error.show()
        else:
            self.error.clear()
            self.error.hide()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() or self.error.text() else ""


class EnumCombo(QComboBox):
    """Choose one stored code; shows translated labels. An optional blank entry means
    "not given"."""

    def __init__(
        self,
        labels: Mapping[Any, str],
        *,
        blank: bool = True,
        parent: QWidget | None = None,
        order: Iterable[Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._labels = labels
        self._blank = blank
        self._order = list(order) if order is not None else list(labels)
        self._fill()

    def _fill(self) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self._blank:
            self.addItem("—", None)
        for value in self._order:
            self.addItem(enum_label(self._labels, value), value)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.currentData() if self.count() else None

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value is not None else (0 if self._blank else -1)
        if index < 0:
            index = 0 if self._blank or self.count() else -1
        self.setCurrentIndex(index)

    def retranslate(self) -> None:
        self._fill()


class CheckGroup(QWidget):
    """Choose several stored codes with check boxes laid out in a grid."""

    changed = Signal()

    def __init__(
        self, labels: Mapping[Any, str], *, columns: int = 3, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._labels = labels
        self.boxes: dict[Any, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, value in enumerate(labels):
            box = QCheckBox(enum_label(labels, value))
            box.setObjectName(f"check_{value}")
            box.toggled.connect(self.changed)
            self.boxes[value] = box
            layout.addWidget(box, i // columns, i % columns)

    def values(self) -> list[Any]:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_values(self, values: Iterable[Any]) -> None:
        wanted = set(values or ())
        for value, box in self.boxes.items():
            box.setChecked(value in wanted)

    def retranslate(self) -> None:
        for value, box in self.boxes.items():
            box.setText(enum_label(self._labels, value))


def section_title(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


def banner(object_name: str) -> QLabel:
    """A message strip (consent pending, save errors, saved)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_banner(label: QLabel, text: str | None, kind: str = "info") -> None:
    colors = {
        "info": "background: #e8f1fb; color: #123;",
        "ok": "background: #e6f4ea; color: #0b3d1c;",
        "warning": "background: #fff4e0; color: #5a3b00;",
        "error": "background: #fde8e8; color: #7a0010;",
    }
    if not text:
        label.clear()
        label.hide()
        return
    label.setText(text)
    label.setStyleSheet(colors.get(kind, colors["info"]) + " padding: 6px; border-radius: 4px;")
    label.show()


def while_alive(widget: QWidget, callback: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """Wrap a worker callback so it does nothing once *widget* is destroyed (a page closed
    while its job was still running)."""
    if callback is None:
        return None
    from shiboken6 import isValid

    def run(*args: Any) -> Any:
        if isValid(widget):
            return callback(*args)
        return None

    return run


def add_field_row(
    form: QFormLayout,
    texts: Texts,
    boxes: dict[str, FieldBox],
    key: str,
    label: str,
    editor: QWidget,
    *,
    object_name: str,
    context: str,
) -> FieldBox:
    """One labelled form row: a caption bound to *editor* (mnemonics work), the editor in a
    FieldBox that shows its error, the caption translated (and retranslated) via *texts*."""
    editor.setObjectName(object_name)
    caption = QLabel()
    caption.setBuddy(editor)
    caption.setWordWrap(True)
    texts.add(caption.setText, context, label)
    box = FieldBox(editor)
    form.addRow(caption, box)
    boxes[key] = box
    return box
