"""Province -> prefecture -> county pickers that filter as you type Chinese or pinyin.

Each level is a line edit with a completer over a filtering proxy: typing 安徽, ``anhui`` or
``ah`` lists 安徽省; Enter or a click picks; leaving the field picks the typed name when it
matches exactly or when only one division matches. The picker's value is the county's
6-digit GB/T 2260 code. Data come as a plain :class:`DivisionTable` loaded on a worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_core.domain.pinyin import normalize_query
from ss_desktop.services.reference import DivisionOption, DivisionTable, division_matches

OPTION_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_TYPED = 40


class _DivisionFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        option = index.data(OPTION_ROLE)
        return option is not None and division_matches(option, self._query)


class _PlaceEdit(QLineEdit):
    """The typed part of a place. Tab and Shift+Tab first commit what was typed: the next
    part (the prefecture after the province) is enabled by that choice, and Qt picks the next
    field before the focus-out that would otherwise commit it, so the keys went past it."""

    def __init__(self, before_leaving: Callable[[], None]) -> None:
        super().__init__()
        self._before_leaving = before_leaving

    def focusNextPrevChild(self, next: bool) -> bool:
        self._before_leaving()
        return super().focusNextPrevChild(next)


class DivisionField(QWidget):
    """One level: a line edit, a drop-down button and a filtering popup."""

    picked = Signal(object)  # the DivisionOption chosen, or None when cleared

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._options: list[DivisionOption] = []
        self._current: DivisionOption | None = None
        self._model = QStandardItemModel(self)
        self._filter = _DivisionFilter(self)
        self._filter.setSourceModel(self._model)

        self.edit = _PlaceEdit(self._leaving)
        self.edit.setMaxLength(MAX_TYPED)
        self.edit.setPlaceholderText(
            QCoreApplication.translate("DivisionPicker", self._placeholder)
        )
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

        self.completer = QCompleter(self._filter, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        # the QModelIndex overload; PySide6's stubs type no indexing of overloaded signals
        self.completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self.commit_typed)
        self.button.clicked.connect(self.show_all)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        # QLineEdit says nothing (editingFinished) when it loses focus while the popup is up
        if (
            watched is self.edit
            and event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)  # what PySide6 hands over for FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            self._hide_popup()
            self.commit_typed()
        return False

    def _leaving(self) -> None:
        self._hide_popup()
        self.commit_typed()

    # -- data ----------------------------------------------------------------------------
    def set_options(self, options: list[DivisionOption]) -> None:
        self._options = list(options)
        self._model.clear()
        for option in self._options:
            item = QStandardItem(option.name)
            item.setData(option, OPTION_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        self._filter.set_query("")
        self.setEnabled(bool(self._options))
        if self._current is not None and self._current not in self._options:
            self.set_current(None)

    def options(self) -> list[DivisionOption]:
        return list(self._options)

    def current(self) -> DivisionOption | None:
        return self._current

    def set_current(self, option: DivisionOption | None, *, notify: bool = True) -> None:
        changed = option != self._current
        self._current = option
        self.edit.setText(option.name if option else "")
        if changed and notify:
            self.picked.emit(option)

    def set_code(self, code: str | None, *, notify: bool = True) -> None:
        match = next((o for o in self._options if o.code == code), None)
        self.set_current(match, notify=notify)

    def matches(self, text: str) -> list[DivisionOption]:
        return [o for o in self._options if division_matches(o, text)]

    # -- typing --------------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        self._filter.set_query(text)
        if text.strip() and self._filter.rowCount():
            self.completer.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self.completer.popup()  # never None: the completer makes one when asked
        if popup is not None:
            popup.hide()

    def show_all(self) -> None:
        self._filter.set_query("")
        self.edit.setFocus()
        self.completer.complete()

    def _on_activated(self, index: QModelIndex) -> None:
        option = index.data(OPTION_ROLE)
        if option is not None:
            self.set_current(option)

    def commit_typed(self) -> None:
        """Leaving the field: pick the exact name, or the only match; else keep the last
        choice (an empty field clears it)."""
        text = self.edit.text().strip()
        if not text:
            self.set_current(None)
            return
        if self._current is not None and text == self._current.name:
            return
        exact = [o for o in self._options if o.name == text]
        found = exact or self.matches(text)
        if len(found) == 1 or exact:
            self.set_current(found[0])
        elif len(found) > 1:
            key = normalize_query(text)
            starts = [
                o
                for o in found
                if o.name.startswith(text) or o.pinyin.startswith(key) or o.initials.startswith(key)
            ]
            if len(starts) == 1:
                self.set_current(starts[0])

    def has_unmatched_text(self) -> bool:
        text = self.edit.text().strip()
        return bool(text) and (self._current is None or text != self._current.name)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            QCoreApplication.translate("DivisionPicker", self._placeholder)
        )


class DivisionPicker(QWidget):
    """Three linked fields; ``code()`` is the county's code (None until a county is chosen)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: DivisionTable | None = None
        self._pending_code: str | None = None
        self.province = DivisionField(QT_TRANSLATE_NOOP("DivisionPicker", "Province"))
        self.prefecture = DivisionField(QT_TRANSLATE_NOOP("DivisionPicker", "Prefecture / city"))
        self.county = DivisionField(QT_TRANSLATE_NOOP("DivisionPicker", "County / district"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for field in (self.province, self.prefecture, self.county):
            layout.addWidget(field, 1)
            field.setEnabled(False)
        self.province.picked.connect(self._province_picked)
        self.prefecture.picked.connect(self._prefecture_picked)
        self.county.picked.connect(lambda _o: self.changed.emit())
        self.setFocusProxy(self.province)

    def set_table(self, table: DivisionTable) -> None:
        self._table = table
        self.province.set_options(table.provinces)
        if self._pending_code is not None:
            code, self._pending_code = self._pending_code, None
            self.set_code(code)

    def _province_picked(self, option: DivisionOption | None) -> None:
        if self._table is not None:
            self.prefecture.set_options(self._table.prefectures(option.code) if option else [])
            self.prefecture.set_current(None, notify=False)
            self.county.set_options([])
            self.county.set_current(None, notify=False)
        self.changed.emit()

    def _prefecture_picked(self, option: DivisionOption | None) -> None:
        if self._table is not None:
            self.county.set_options(self._table.counties(option.code) if option else [])
            self.county.set_current(None, notify=False)
        self.changed.emit()

    def code(self) -> str | None:
        option = self.county.current()
        return option.code if option else None

    def is_incomplete(self) -> bool:
        """Something typed or chosen, but no county yet."""
        fields = (self.province, self.prefecture, self.county)
        return self.code() is None and any(
            f.current() is not None or f.has_unmatched_text() for f in fields
        )

    def set_code(self, code: str | None) -> None:
        if self._table is None:
            self._pending_code = code
            return
        province, prefecture, county = self._table.path_of(code)
        self.province.set_code(province)
        self.prefecture.set_code(prefecture)
        self.county.set_code(county)
        self.changed.emit()

    def clear(self) -> None:
        self.set_code(None)

    def label(self) -> str:
        return self._table.label(self.code()) if self._table else ""

    def retranslate(self) -> None:
        for field in (self.province, self.prefecture, self.county):
            field.retranslate()
