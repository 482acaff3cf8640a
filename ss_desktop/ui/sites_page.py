"""Sites & programs: local sites (pending until head office confirms), programs per site,
enrolling children (several at once, from a searchable list) and lessons per child."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.errors import ValidationFailed
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.sites import EnrolledChild, ProgramInfo, Saved, SiteInfo, SitesService
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.errors import error_message, issue_message
from ss_desktop.ui.operation import run_write
from ss_desktop.ui.widgets import (
    EnumCombo,
    FieldBox,
    Texts,
    banner,
    line_edit,
    section_title,
    show_banner,
    while_alive,
)

log = logging.getLogger(__name__)
CONTEXT = "SitesPage"
SEARCH_LIMIT = 200

SITE_HEADERS = (
    QT_TRANSLATE_NOOP("SitesPage", "Site"),
    QT_TRANSLATE_NOOP("SitesPage", "Kind"),
    QT_TRANSLATE_NOOP("SitesPage", "Status"),
)
PROGRAM_HEADERS = (
    QT_TRANSLATE_NOOP("SitesPage", "Program"),
    QT_TRANSLATE_NOOP("SitesPage", "Kind"),
    QT_TRANSLATE_NOOP("SitesPage", "Term"),
    QT_TRANSLATE_NOOP("SitesPage", "Children"),
)
ENROLLED_HEADERS = (
    QT_TRANSLATE_NOOP("SitesPage", "Child"),
    QT_TRANSLATE_NOOP("SitesPage", "Since"),
    QT_TRANSLATE_NOOP("SitesPage", "Lessons"),
)


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], ids: list[str]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> str | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def _select_id(table: QTableWidget, wanted: str | None) -> None:
    for r in range(table.rowCount()):
        item = table.item(r, 0)  # _fill gives every row one
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == wanted:
            table.selectRow(r)
            return
    if table.rowCount():
        table.selectRow(0)


class SitesPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sitesPage")
        self.ctx = ctx
        self.texts = Texts()
        self.sites: list[SiteInfo] = []
        self.programs: list[ProgramInfo] = []
        self.enrolled: list[EnrolledChild] = []
        outer = QVBoxLayout(self)
        self.message = banner("sitesMessage")
        outer.addWidget(self.message)
        grid = QGridLayout()
        outer.addLayout(grid, 1)

        # sites
        self.sites_title = section_title()
        self.site_table = _table(SITE_HEADERS, "siteTable")
        self.site_name = line_edit(60, "siteName")
        self.site_type = EnumCombo(L.SITE_TYPE, blank=False)
        self.add_site_button = QPushButton()
        self.add_site_button.setObjectName("addSite")
        self.site_name_box = FieldBox(self.site_name)
        col = QVBoxLayout()
        col.addWidget(self.sites_title)
        col.addWidget(self.site_table, 1)
        col.addWidget(self.site_name_box)
        row = QHBoxLayout()
        row.addWidget(self.site_type, 1)
        row.addWidget(self.add_site_button)
        col.addLayout(row)
        grid.addLayout(col, 0, 0)

        # programs
        self.programs_title = section_title()
        self.program_table = _table(PROGRAM_HEADERS, "programTable")
        self.program_name = line_edit(60, "programName")
        self.program_type = EnumCombo(L.PROGRAM_TYPE, blank=False)
        self.program_term = line_edit(40, "programTerm")
        self.add_program_button = QPushButton()
        self.add_program_button.setObjectName("addProgram")
        self.program_name_box = FieldBox(self.program_name)
        col = QVBoxLayout()
        col.addWidget(self.programs_title)
        col.addWidget(self.program_table, 1)
        col.addWidget(self.program_name_box)
        row = QHBoxLayout()
        row.addWidget(self.program_type, 1)
        row.addWidget(self.program_term, 1)
        row.addWidget(self.add_program_button)
        col.addLayout(row)
        grid.addLayout(col, 0, 1)

        # enrollment
        self.enrolled_title = section_title()
        self.enrolled_table = _table(ENROLLED_HEADERS, "enrolledTable")
        self.child_search = line_edit(40, "childSearch")
        self.child_list = QListWidget()
        self.child_list.setObjectName("childList")
        self.child_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.enroll_button = QPushButton()
        self.enroll_button.setObjectName("enrollSelected")
        self.enroll_hint = QLabel()
        self.enroll_hint.setWordWrap(True)
        col = QVBoxLayout()
        col.addWidget(self.enrolled_title)
        col.addWidget(self.enrolled_table, 2)
        col.addWidget(self.enroll_hint)
        col.addWidget(self.child_search)
        col.addWidget(self.child_list, 1)
        col.addWidget(self.enroll_button)
        grid.addLayout(col, 0, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        t = self.texts
        t.add(self.sites_title.setText, CONTEXT, QT_TRANSLATE_NOOP("SitesPage", "Sites"))
        t.add(
            self.programs_title.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "Programs of the site"),
        )
        t.add(
            self.enrolled_title.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "Children in the program"),
        )
        t.add(
            self.site_name.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "New site's name"),
        )
        t.add(self.add_site_button.setText, CONTEXT, QT_TRANSLATE_NOOP("SitesPage", "Add site"))
        t.add(
            self.program_name.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "New program's name"),
        )
        t.add(
            self.program_term.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "Term"),
        )
        t.add(
            self.add_program_button.setText, CONTEXT, QT_TRANSLATE_NOOP("SitesPage", "Add program")
        )
        t.add(
            self.child_search.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "Find children of the site: name, pinyin, initials"),
        )
        t.add(
            self.enroll_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("SitesPage", "Enroll the selected children"),
        )
        t.add(
            self.enroll_hint.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "SitesPage", "Select several children with Ctrl or Shift, then enroll them."
            ),
        )
        self._set_headers()

        self.add_site_button.clicked.connect(self.add_site)
        self.site_name.returnPressed.connect(self.add_site)
        self.add_program_button.clicked.connect(self.add_program)
        self.program_name.returnPressed.connect(self.add_program)
        self.enroll_button.clicked.connect(self.enroll_selected)
        self.site_table.itemSelectionChanged.connect(self._site_selected)
        self.program_table.itemSelectionChanged.connect(self._program_selected)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.search_children)
        self.child_search.textChanged.connect(lambda _t: self._search_timer.start())
        ctx.events.data_changed.connect(self._on_data_changed)
        self.reload()

    # -- helpers ------------------------------------------------------------------------
    def _submit(
        self, fn: Any, on_result: Any, *, write: bool = False, on_error: Any = None
    ) -> None:
        if self.ctx.session is None:
            return
        self.ctx.executor.submit(
            fn,
            on_result=while_alive(self, on_result),
            on_error=while_alive(self, on_error or self._failed),
            write=write,
        )

    def _write(self, op: Any, on_done: Any, *, on_error: Any = None) -> None:
        """A write, through the UI's write operation (it tells the open views)."""
        if self.ctx.session is None:
            return
        run_write(self.ctx, op, on_done=on_done, on_error=on_error or self._failed, owner=self)

    def _service(self) -> SitesService:
        return SitesService(self.ctx.app, self.ctx.session)

    def _failed(self, exc: BaseException) -> None:
        show_banner(self.message, error_message(exc), "error")
        log.warning("sites page action failed: %s", type(exc).__name__)

    def _set_headers(self) -> None:
        for table, headers in (
            (self.site_table, SITE_HEADERS),
            (self.program_table, PROGRAM_HEADERS),
            (self.enrolled_table, ENROLLED_HEADERS),
        ):
            table.setHorizontalHeaderLabels(
                [QCoreApplication.translate(CONTEXT, h) for h in headers]
            )

    def selected_site(self) -> str | None:
        return _selected_id(self.site_table)

    def selected_program(self) -> str | None:
        return _selected_id(self.program_table)

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        app, session = self.ctx.app, self.ctx.session
        self._submit(lambda: SitesService(app, session).list_sites(), self._sites_loaded)

    def _sites_loaded(self, sites: list[SiteInfo], select: str | None = None) -> None:
        current = select or self.selected_site()
        self.sites = sites
        self.site_table.blockSignals(True)
        _fill(
            self.site_table,
            [
                (
                    s.name,
                    L.enum_label(L.SITE_TYPE, s.site_type),
                    L.enum_label(L.SITE_STATUS, s.status),
                )
                for s in sites
            ],
            [s.id for s in sites],
        )
        self.site_table.blockSignals(False)
        _select_id(self.site_table, current)
        self._site_selected()

    def _site_selected(self) -> None:
        site_id = self.selected_site()
        self.add_program_button.setEnabled(site_id is not None)
        if site_id is None:
            self._programs_loaded([])
            return
        app, session = self.ctx.app, self.ctx.session
        self._submit(
            lambda: SitesService(app, session).list_programs(site_id), self._programs_loaded
        )
        self.search_children()

    def _programs_loaded(self, programs: list[ProgramInfo], select: str | None = None) -> None:
        current = select or self.selected_program()
        self.programs = programs
        self.program_table.blockSignals(True)
        _fill(
            self.program_table,
            [
                (
                    p.name,
                    L.enum_label(L.PROGRAM_TYPE, p.program_type),
                    p.term or "",
                    str(p.enrolled),
                )
                for p in programs
            ],
            [p.id for p in programs],
        )
        self.program_table.blockSignals(False)
        _select_id(self.program_table, current)
        self._program_selected()

    def _program_selected(self) -> None:
        program_id = self.selected_program()
        self.enroll_button.setEnabled(program_id is not None)
        if program_id is None:
            self._enrolled_loaded([])
            return
        app, session = self.ctx.app, self.ctx.session
        self._submit(
            lambda: SitesService(app, session).list_enrollments(program_id), self._enrolled_loaded
        )

    def _enrolled_loaded(self, enrolled: list[EnrolledChild]) -> None:
        self.enrolled = enrolled
        _fill(
            self.enrolled_table,
            [(f"{e.surname}{e.given_name}", e.since or "", str(e.lessons)) for e in enrolled],
            [e.child_id for e in enrolled],
        )

    def search_children(self) -> None:
        site_id = self.selected_site()
        if site_id is None:
            self.child_list.clear()
            return
        app, session, query = self.ctx.app, self.ctx.session, self.child_search.text()

        def job() -> list[tuple[str, str]]:
            page = ChildrenService(app, session).search(query, site_id=site_id, limit=SEARCH_LIMIT)
            return [
                (r.id, f"{r.surname or ''}{r.given_name or ''}  {r.pinyin or ''}  {r.dob or ''}")
                for r in page.rows
            ]

        self._submit(job, self._children_found)

    def _children_found(self, rows: list[tuple[str, str]]) -> None:
        self.child_list.clear()
        for child_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, child_id)
            self.child_list.addItem(item)

    def _on_data_changed(self, touched: dict[str, list[str]]) -> None:
        if "site" in touched:
            self.reload()
        elif "program" in touched or "enrollment" in touched:
            self._site_selected()
        elif "child" in touched or "attendance_mark" in touched:
            self._program_selected()
            if "child" in touched:
                self.search_children()

    # -- actions ------------------------------------------------------------------------
    def _show_issues(self, exc: BaseException, box: FieldBox) -> None:
        if isinstance(exc, ValidationFailed) and exc.issues:
            issue = exc.issues[0]
            box.set_error(issue_message(str(issue.code), dict(issue.params)))
        self._failed(exc)

    def add_site(self) -> None:
        name, site_type = self.site_name.text(), self.site_type.value()
        app, session = self.ctx.app, self.ctx.session

        def done(_saved: Saved[SiteInfo]) -> None:
            self.site_name.clear()
            self.site_name_box.set_error(None)
            show_banner(
                self.message,
                QCoreApplication.translate(
                    CONTEXT, 'Site added. It stays "pending" until head office confirms it.'
                ),
                "ok",
            )

        self._write(
            lambda: SitesService(app, session).add_site(name, site_type),
            done,
            on_error=lambda e: self._show_issues(e, self.site_name_box),
        )

    def add_program(self) -> None:
        site_id = self.selected_site()
        if site_id is None:
            return
        name, kind = self.program_name.text(), self.program_type.value()
        term = self.program_term.text().strip() or None
        app, session = self.ctx.app, self.ctx.session

        def done(_saved: Saved[ProgramInfo]) -> None:
            self.program_name.clear()
            self.program_term.clear()
            self.program_name_box.set_error(None)
            show_banner(self.message, None)

        self._write(
            lambda: SitesService(app, session).add_program(name, kind, site_id, term=term),
            done,
            on_error=lambda e: self._show_issues(e, self.program_name_box),
        )

    def enroll_selected(self) -> None:
        program_id = self.selected_program()
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.child_list.selectedItems()]
        if program_id is None or not ids:
            show_banner(
                self.message,
                QCoreApplication.translate("SitesPage", "Select the children to enroll first."),
                "warning",
            )
            return
        app, session = self.ctx.app, self.ctx.session

        def done(result: Any) -> None:
            text = QCoreApplication.translate(
                "SitesPage", "{n} enrolled; {m} were already."
            ).format(n=len(result.enrolled), m=len(result.already))
            show_banner(self.message, text, "ok")
            self.child_list.clearSelection()

        self._write(lambda: SitesService(app, session).enroll(program_id, ids), done)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.texts.apply()
        self._set_headers()
        self.site_type.retranslate()
        self.program_type.retranslate()
        self._sites_loaded(self.sites)

    def changeEvent(self, event: QEvent) -> None:  # Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
