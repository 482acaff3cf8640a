"""Attendance: choose a program, add sessions, mark the grid by keyboard.

One key marks the current cell — P or 1 present, A or 2 absent, E or 3 excused, Delete or 0
clears — and the cursor moves down to the next child; the arrow keys move freely. Every mark
is saved through AttendanceService on the write executor; a failed save puts the old mark
back and says why.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.attendance import MAX_LESSONS, AttendanceGrid, AttendanceService
from ss_desktop.services.sites import ProgramInfo, SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.models.attendance_model import FIRST_SESSION_COL, AttendanceModel
from ss_desktop.ui.widgets import Texts, banner, line_edit, show_banner, while_alive

log = logging.getLogger(__name__)
CONTEXT = "AttendancePage"

KEY_MARKS: dict[int, str | None] = {
    Qt.Key.Key_P: "present",
    Qt.Key.Key_1: "present",
    Qt.Key.Key_A: "absent",
    Qt.Key.Key_2: "absent",
    Qt.Key.Key_E: "excused",
    Qt.Key.Key_3: "excused",
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
    Qt.Key.Key_0: None,
}


class AttendanceGridView(QTableView):
    """A table where one key marks the current cell."""

    mark_requested = Signal(int, int, object)  # row, column, mark or None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        index = self.currentIndex()
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key in KEY_MARKS and plain and index.isValid() and index.column() >= FIRST_SESSION_COL:
            self.mark_requested.emit(index.row(), index.column(), KEY_MARKS[key])
            below = self.model().index(index.row() + 1, index.column())
            if below.isValid():
                self.setCurrentIndex(below)
            event.accept()
            return
        super().keyPressEvent(event)


class AttendancePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePage")
        self.ctx = ctx
        self.texts = Texts()
        self.programs: list[ProgramInfo] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.program_label = QLabel()
        self.program = QComboBox()
        self.program.setObjectName("program")
        self.program.setMinimumContentsLength(24)
        self.program_label.setBuddy(self.program)
        top.addWidget(self.program_label)
        top.addWidget(self.program, 1)
        layout.addLayout(top)

        add = QHBoxLayout()
        self.date_label = QLabel()
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setObjectName("heldOn")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setMaximumDate(QDate.currentDate())
        self.lessons_label = QLabel()
        self.lessons = QSpinBox()
        self.lessons.setObjectName("lessons")
        self.lessons.setRange(1, MAX_LESSONS)
        self.topic = line_edit(100, "topic")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addSession")
        self.date_label.setBuddy(self.held_on)
        self.lessons_label.setBuddy(self.lessons)
        for w in (self.date_label, self.held_on, self.lessons_label, self.lessons):
            add.addWidget(w)
        add.addWidget(self.topic, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)

        self.message = banner("attendanceMessage")
        layout.addWidget(self.message)
        self.model = AttendanceModel(self)
        self.view = AttendanceGridView()
        self.view.setObjectName("attendanceGrid")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setMinimumSectionSize(56)
        layout.addWidget(self.view, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)

        t = self.texts
        t.add(self.program_label.setText, CONTEXT, QT_TRANSLATE_NOOP("AttendancePage", "&Program:"))
        t.add(self.date_label.setText, CONTEXT, QT_TRANSLATE_NOOP("AttendancePage", "&Date:"))
        t.add(self.lessons_label.setText, CONTEXT, QT_TRANSLATE_NOOP("AttendancePage", "&Lessons:"))
        t.add(
            self.topic.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("AttendancePage", "Topic (optional)"),
        )
        t.add(self.add_button.setText, CONTEXT, QT_TRANSLATE_NOOP("AttendancePage", "Add &session"))
        t.add(
            self.legend.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "AttendancePage",
                "Keys: P or 1 present, A or 2 absent, E or 3 excused, Delete clears. "
                "Arrow keys move.",
            ),
        )

        self.program.currentIndexChanged.connect(self._program_changed)
        self.add_button.clicked.connect(self.add_session)
        self.view.mark_requested.connect(self.mark)
        ctx.events.data_changed.connect(self._on_data_changed)
        self.reload_programs()

    # -- loading ------------------------------------------------------------------------
    def reload_programs(self) -> None:
        if self.ctx.session is None:
            return
        app, session = self.ctx.app, self.ctx.session
        self.ctx.executor.submit(
            lambda: SitesService(app, session).list_programs(),
            on_result=while_alive(self, self._programs_loaded),
            on_error=while_alive(self, self._failed),
        )

    def _programs_loaded(self, programs: list[ProgramInfo]) -> None:
        current = self.program.currentData()
        self.programs = programs
        self.program.blockSignals(True)
        self.program.clear()
        for p in programs:
            self.program.addItem(p.name, p.id)
        index = self.program.findData(current) if current else -1
        self.program.setCurrentIndex(index if index >= 0 else (0 if programs else -1))
        self.program.blockSignals(False)
        self._program_changed()

    def _program_changed(self, *_args: object) -> None:
        self.reload_grid()

    def current_program(self) -> str | None:
        program_id: str | None = self.program.currentData()  # the items' data are program ids
        return program_id

    def select_program(self, program_id: str) -> None:
        index = self.program.findData(program_id)
        if index >= 0:
            self.program.setCurrentIndex(index)

    def reload_grid(self) -> None:
        program_id = self.current_program()
        if program_id is None or self.ctx.session is None:
            self.model.set_grid(None)
            return
        app, session = self.ctx.app, self.ctx.session
        self.ctx.executor.submit(
            lambda: AttendanceService(app, session).grid(program_id),
            on_result=while_alive(self, self._grid_loaded),
            on_error=while_alive(self, self._failed),
        )

    def _grid_loaded(self, grid: AttendanceGrid) -> None:
        if grid.program_id != self.current_program():
            return
        current = self.view.currentIndex()
        self.model.set_grid(grid)
        if self.model.rowCount() and self.model.columnCount() > FIRST_SESSION_COL:
            row = current.row() if current.isValid() else 0
            col = current.column() if current.isValid() else self.model.columnCount() - 1
            row = min(row, self.model.rowCount() - 1)
            col = min(max(col, FIRST_SESSION_COL), self.model.columnCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, col))

    def _on_data_changed(self, touched: dict[str, list[str]]) -> None:
        if "program" in touched:
            self.reload_programs()
        elif {"enrollment", "child"} & touched.keys():
            self.reload_grid()

    # -- actions ------------------------------------------------------------------------
    def add_session(self) -> None:
        program_id = self.current_program()
        if program_id is None or self.ctx.session is None:
            return
        app, session = self.ctx.app, self.ctx.session
        held_on = self.held_on.date().toString("yyyy-MM-dd")
        lessons, topic = self.lessons.value(), self.topic.text().strip() or None

        def added(_info: object) -> None:
            show_banner(self.message, None)
            self.topic.clear()
            self.view.setCurrentIndex(QModelIndex())
            self.reload_grid()
            self.view.setFocus()

        self.ctx.executor.submit(
            lambda: AttendanceService(app, session).add_session(
                program_id, held_on, lessons, topic
            ),
            write=True,
            on_result=while_alive(self, added),
            on_error=while_alive(self, self._failed),
        )

    def mark(self, row: int, column: int, mark: str | None) -> None:
        child, session_info = self.model.child_at(row), self.model.session_at(column)
        if child is None or session_info is None or self.ctx.session is None:
            return
        before = self.model.mark_at(row, column)
        if before == mark:
            return
        self.model.set_mark(row, column, mark)
        app, session = self.ctx.app, self.ctx.session

        def failed(exc: BaseException) -> None:
            if self.model.child_at(row) == child and self.model.session_at(column) == session_info:
                self.model.set_mark(row, column, before)
            self._failed(exc)

        self.ctx.executor.submit(
            lambda: AttendanceService(app, session).mark(session_info.id, child.child_id, mark),
            write=True,
            on_error=while_alive(self, failed),
        )

    def _failed(self, exc: BaseException) -> None:
        show_banner(self.message, error_message(exc), "error")
        log.warning("attendance action failed: %s", type(exc).__name__)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.texts.apply()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
