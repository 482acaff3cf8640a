"""The attendance grid: rows are the enrolled children, columns the sessions of a program.

Column 0 is the child's name, column 1 the lessons attended, then one column per session
(date order). Marks change optimistically (``set_mark``) and are saved by the page; a failed
save puts the old mark back (``set_mark`` again).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.attendance import AttendanceGrid, GridChild, SessionInfo
from ss_desktop.ui.form_labels import ATTENDANCE, enum_label

CONTEXT = "AttendanceModel"
COL_NAME = 0
COL_LESSONS = 1
FIRST_SESSION_COL = 2
HEADERS = (
    QT_TRANSLATE_NOOP("AttendanceModel", "Child"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Lessons"),
)
SHORT = {
    "present": QT_TRANSLATE_NOOP("AttendanceModel", "P"),
    "absent": QT_TRANSLATE_NOOP("AttendanceModel", "A"),
    "excused": QT_TRANSLATE_NOOP("AttendanceModel", "E"),
}
COLORS = {"present": "#d7f0dc", "absent": "#f8d7da", "excused": "#fff0c2"}
MARK_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: list[GridChild] = []
        self._sessions: list[SessionInfo] = []
        self._marks: dict[tuple[str, str], str] = {}
        self.program_id: str | None = None

    # -- data in ------------------------------------------------------------------------
    def set_grid(self, grid: AttendanceGrid | None) -> None:
        self.beginResetModel()
        self.program_id = grid.program_id if grid else None
        self._children = list(grid.children) if grid else []
        self._sessions = list(grid.sessions) if grid else []
        self._marks = dict(grid.marks) if grid else {}
        self.endResetModel()

    def session_at(self, column: int) -> SessionInfo | None:
        i = column - FIRST_SESSION_COL
        return self._sessions[i] if 0 <= i < len(self._sessions) else None

    def child_at(self, row: int) -> GridChild | None:
        return self._children[row] if 0 <= row < len(self._children) else None

    def mark_at(self, row: int, column: int) -> str | None:
        child, session = self.child_at(row), self.session_at(column)
        if child is None or session is None:
            return None
        return self._marks.get((session.id, child.child_id))

    def set_mark(self, row: int, column: int, mark: str | None) -> bool:
        child, session = self.child_at(row), self.session_at(column)
        if child is None or session is None:
            return False
        key = (session.id, child.child_id)
        if mark is None:
            self._marks.pop(key, None)
        else:
            self._marks[key] = mark
        cell = self.index(row, column)
        self.dataChanged.emit(cell, cell)
        lessons = self.index(row, COL_LESSONS)
        self.dataChanged.emit(lessons, lessons)
        return True

    def lessons(self, row: int) -> int:
        child = self.child_at(row)
        if child is None:
            return 0
        return sum(
            s.lessons
            for s in self._sessions
            if self._marks.get((s.id, child.child_id)) == "present"
        )

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIRST_SESSION_COL + len(self._sessions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._children)):
            return None
        row, col = index.row(), index.column()
        child = self._children[row]
        if col == COL_NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{child.surname}{child.given_name}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return child.pinyin
            return None
        if col == COL_LESSONS:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.lessons(row))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        mark = self.mark_at(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, SHORT[mark]) if mark in SHORT else ""
        if role == MARK_ROLE:
            return mark
        if role == Qt.ItemDataRole.ToolTipRole:
            return enum_label(ATTENDANCE, mark) if mark else None
        if role == Qt.ItemDataRole.BackgroundRole and mark in COLORS:
            return QBrush(QColor(COLORS[mark]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._children) else None
        if 0 <= section < FIRST_SESSION_COL:
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        session = self.session_at(section)
        if session is None:
            return None
        text = session.held_on[5:] if len(session.held_on) == 10 else session.held_on
        return f"{text} ×{session.lessons}" if session.lessons > 1 else text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
