"""The panel shown before saving a new child who looks like one already registered.

It lists the candidates (name, birth date, site, why they match, score). A child at a site
the user may not open is listed only as "a matching child at another site" (no name, birth
date or ID number). The user either opens an existing record or saves anyway, which needs a
reason (written to the audit log).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui.widgets import FieldBox, Texts, line_edit

CONTEXT = "DuplicatesPanel"
REASON_MAX = 200

REASONS = {
    "same_id_number": QT_TRANSLATE_NOOP("DuplicatesPanel", "same ID number"),
    "same_name": QT_TRANSLATE_NOOP("DuplicatesPanel", "same name"),
    "similar_name": QT_TRANSLATE_NOOP("DuplicatesPanel", "similar name"),
    "same_dob": QT_TRANSLATE_NOOP("DuplicatesPanel", "same birth date"),
    "close_dob": QT_TRANSLATE_NOOP("DuplicatesPanel", "close birth date"),
    "same_guardian_phone": QT_TRANSLATE_NOOP("DuplicatesPanel", "same guardian phone"),
    "same_site": QT_TRANSLATE_NOOP("DuplicatesPanel", "same site"),
    "same_gender": QT_TRANSLATE_NOOP("DuplicatesPanel", "same gender"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("DuplicatesPanel", "Name"),
    QT_TRANSLATE_NOOP("DuplicatesPanel", "Birth date"),
    QT_TRANSLATE_NOOP("DuplicatesPanel", "Site"),
    QT_TRANSLATE_NOOP("DuplicatesPanel", "Why it matches"),
    QT_TRANSLATE_NOOP("DuplicatesPanel", "Score"),
)


@dataclass(frozen=True)
class CandidateView:
    """One candidate as the panel shows it (plain data built on a worker)."""

    child_id: str | None  # None: a child at a site the user may not open
    name: str
    dob: str
    site: str
    reasons: tuple[str, ...]
    score: float

    @property
    def other_site(self) -> bool:
        return self.child_id is None


class DuplicatesPanel(QFrame):
    open_existing = Signal(str)  # child id
    save_anyway = Signal(str)  # the reason typed
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#duplicatesPanel { background: #fff8e6; border: 1px solid #e0b040; }")
        self._texts = Texts()
        self._candidates: list[CandidateView] = []
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("duplicatesTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.currentCellChanged.connect(lambda *_a: self._update_open())
        layout.addWidget(self.table)

        self.reason = line_edit(REASON_MAX, "duplicateReason")
        self.reason_box = FieldBox(self.reason)
        reason_row = QHBoxLayout()
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason_box, 1)
        layout.addLayout(reason_row)

        buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("openExisting")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveAnyway")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("backToForm")
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.cancelled)
        self.reason.returnPressed.connect(self._save)

        t = self._texts
        t.add(self.reason_label.setText, CONTEXT, QT_TRANSLATE_NOOP("DuplicatesPanel", "&Reason:"))
        t.add(
            self.reason.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "DuplicatesPanel", "e.g. twins; a different child with the same name"
            ),
        )
        t.add(
            self.open_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("DuplicatesPanel", "&Open existing"),
        )
        t.add(
            self.save_button.setText, CONTEXT, QT_TRANSLATE_NOOP("DuplicatesPanel", "Save &anyway")
        )
        t.add(
            self.cancel_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("DuplicatesPanel", "Back to the form"),
        )
        self._set_headers()

    def _set_headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate(CONTEXT, h) for h in HEADERS]
        )

    def show_candidates(self, candidates: list[CandidateView]) -> None:
        self._candidates = list(candidates)
        self.reason.clear()
        self.reason_box.set_error(None)
        self._fill()
        if candidates:
            self.table.selectRow(0)
        self.show()
        self.table.setFocus()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._candidates))
        for row, c in enumerate(self._candidates):
            reasons = ", ".join(
                QCoreApplication.translate(CONTEXT, REASONS.get(r, r)) for r in c.reasons
            )
            if c.other_site:
                name = QCoreApplication.translate(
                    "DuplicatesPanel", "A matching child is registered at another site"
                )
                values = (name, "", "", reasons, f"{c.score:.0f}")
            else:
                values = (c.name, c.dob, c.site, reasons, f"{c.score:.0f}")
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self._fit_height()
        self._set_title()

        self._update_open()

    def _fit_height(self) -> None:
        """As tall as its rows (up to five), so the form stays in view under it."""
        rows = max(1, min(5, self.table.rowCount()))
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(rows)) or rows * 30
        self.table.setFixedHeight(height + 2)

    def _set_title(self) -> None:
        if self._candidates and all(c.other_site for c in self._candidates):
            text = QCoreApplication.translate(
                "DuplicatesPanel",
                "A child registered at another site matches this one. You may not open that "
                "record; if this is a different child, say why and save anyway.",
            )
        else:
            text = QCoreApplication.translate(
                "DuplicatesPanel",
                "This child may already be registered. Open the existing record, or save "
                "anyway and say why.",
            )
        self.title.setText(text)

    def candidates(self) -> list[CandidateView]:
        return list(self._candidates)

    def _current(self) -> CandidateView | None:
        row = self.table.currentRow()
        return self._candidates[row] if 0 <= row < len(self._candidates) else None

    def _update_open(self) -> None:
        current = self._current()
        self.open_button.setEnabled(current is not None and not current.other_site)

    def _open(self) -> None:
        current = self._current()
        if current is not None and current.child_id is not None:
            self.open_existing.emit(current.child_id)

    def _save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.reason_box.set_error(
                QCoreApplication.translate(
                    CONTEXT, "Say why this is a different child before saving."
                )
            )
            self.reason.setFocus()
            return
        self.reason_box.set_error(None)
        self.save_anyway.emit(reason)

    def retranslate(self) -> None:
        self._texts.apply()
        self._set_headers()
        self._fill()
