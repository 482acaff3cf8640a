"""The children list: one search box, filters, views, a lazy sortable table; open, archive
and restore. Every read and write runs on the executor; the GUI thread never waits."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ss_desktop.services.children import ChildrenService, SaveResult
from ss_desktop.services.children_views import (
    SortedPages,
    needs_consent_page,
    possible_duplicates,
)
from ss_desktop.ui.children_empty import FirstChildPanel
from ss_desktop.ui.children_filters import VIEW_ALL, VIEW_CONSENT, VIEW_DUPLICATES, FilterCombos
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import show_error
from ss_desktop.ui.models.children_model import (
    CHILD_ID_ROLE,
    COL_CATEGORIES,
    COL_CLASS,
    COL_CONSENT,
    COL_DOB,
    COL_GENDER,
    COL_GRADE,
    COL_NAME,
    COL_PINYIN,
    COL_SITE,
    ChildrenTableModel,
)
from ss_desktop.ui.operation import run_write
from ss_desktop.ui.reason_dialog import ReasonDialog  # tests import it from here

log = logging.getLogger(__name__)

# Typing: the first keystroke searches at once; keystrokes that arrive while a search runs
# are folded into one search started as soon as it finishes (the latest text wins), so the
# list follows the typing without a fixed delay and never queues stale searches.
SEARCH_DELAY_MS = 15
MAX_QUERY = 100

# starting column widths, in average character widths (CJK glyphs are about two)
COLUMN_CHARS = {
    COL_NAME: 10,
    COL_PINYIN: 14,
    COL_GENDER: 7,
    COL_DOB: 11,
    COL_SITE: 22,
    COL_GRADE: 10,
    COL_CLASS: 9,
    COL_CATEGORIES: 22,
    COL_CONSENT: 8,
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ChildrenPage", text)


class ChildrenPage(QWidget):
    open_child_requested = Signal(str)
    new_child_requested = Signal()
    import_requested = Signal()
    message = Signal(str)  # a short note for the status bar

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childrenPage")
        self.ctx = ctx
        self._sites: list[tuple[str, str]] = []
        self._refresh_pending = False

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("childSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_QUERY)
        self.search_label.setBuddy(self.search)

        self.view_label = QLabel()
        self.view_combo = QComboBox()
        self.view_combo.setObjectName("viewCombo")
        self.view_label.setBuddy(self.view_combo)
        self.site_label = QLabel()
        self.site_combo = QComboBox()
        self.site_combo.setObjectName("siteFilter")
        self.site_label.setBuddy(self.site_combo)
        self.category_label = QLabel()
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryFilter")
        self.category_label.setBuddy(self.category_combo)
        self.stage_label = QLabel()
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("stageFilter")
        self.stage_label.setBuddy(self.stage_combo)
        self.grade_spin = QSpinBox()
        self.grade_spin.setObjectName("gradeFilter")
        self.grade_spin.setRange(0, 12)
        self.status_label = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_label.setBuddy(self.status_combo)

        self.model = ChildrenTableModel(ctx.executor, self)
        self.table = QTableView()
        self.table.setObjectName("childrenTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        for column, chars in COLUMN_CHARS.items():
            self.table.setColumnWidth(
                column, self.fontMetrics().horizontalAdvance("0") * chars + 12
            )

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openButton")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newButton")
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archiveButton")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreButton")

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 3)
        top.addWidget(self.view_label)
        top.addWidget(self.view_combo, 1)
        filters = QHBoxLayout()
        for label, widget in (
            (self.site_label, self.site_combo),
            (self.category_label, self.category_combo),
            (self.stage_label, self.stage_combo),
        ):
            filters.addWidget(label)
            filters.addWidget(widget, 1)
        filters.addWidget(self.grade_spin)
        filters.addWidget(self.status_label)
        filters.addWidget(self.status_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.open_button, self.new_button, self.archive_button, self.restore_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(filters)
        # while no child is registered, the list's place offers the two ways to start
        self.first_child = FirstChildPanel()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.first_child)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)

        self.setTabOrder(self.search, self.view_combo)
        self.setTabOrder(self.view_combo, self.site_combo)
        self.setTabOrder(self.site_combo, self.category_combo)
        self.setTabOrder(self.category_combo, self.stage_combo)
        self.setTabOrder(self.stage_combo, self.grade_spin)
        self.setTabOrder(self.grade_spin, self.status_combo)
        self.setTabOrder(self.status_combo, self.table)
        self.setTabOrder(self.table, self.open_button)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.run_search)

        self._typed_while_busy = False
        self.search.textChanged.connect(self._text_typed)
        self.model.loading_changed.connect(self._search_finished)
        self.search.returnPressed.connect(self._search_now)
        for combo in (
            self.view_combo,
            self.site_combo,
            self.category_combo,
            self.stage_combo,
            self.status_combo,
        ):
            combo.currentIndexChanged.connect(self._search_now)
        self.grade_spin.valueChanged.connect(self._search_now)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_child_requested)
        self.first_child.register_requested.connect(self.new_child_requested)
        self.first_child.import_requested.connect(self.import_requested)
        self.archive_button.clicked.connect(self.archive_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.model.loading_changed.connect(lambda _busy: self._update_count())
        self.model.total_changed.connect(lambda _total: self._update_count())
        self.model.modelReset.connect(self._update_buttons)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_current)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._focus_table)
        ctx.events.data_changed.connect(self._on_data_changed)

        self.combos = FilterCombos(
            view=self.view_combo,
            site=self.site_combo,
            category=self.category_combo,
            stage=self.stage_combo,
            status=self.status_combo,
        )
        # Filling the choices must not search: the first search runs when the page is shown
        # (activate); at sign-in five searches of 100,000 encrypted children would compete.
        combos = (
            self.view_combo,
            self.site_combo,
            self.category_combo,
            self.stage_combo,
            self.status_combo,
        )
        for combo in combos:
            combo.blockSignals(True)
        self.combos.fill()
        for combo in combos:
            combo.blockSignals(False)
        self.retranslate()

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("ChildrenPage", "Children"))
        self.search_label.setText(QCoreApplication.translate("ChildrenPage", "&Search:"))
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "ChildrenPage", "Name, pinyin, initials (zs) or 4+ digits of an ID or phone"
            )
        )
        self.view_label.setText(QCoreApplication.translate("ChildrenPage", "&View:"))
        self.site_label.setText(QCoreApplication.translate("ChildrenPage", "S&ite:"))
        self.category_label.setText(QCoreApplication.translate("ChildrenPage", "&Category:"))
        self.stage_label.setText(QCoreApplication.translate("ChildrenPage", "Sta&ge:"))
        self.grade_spin.setSpecialValueText(QCoreApplication.translate("ChildrenPage", "Any grade"))
        self.grade_spin.setPrefix("")
        self.grade_spin.setToolTip(
            QCoreApplication.translate("ChildrenPage", "Grade within the school stage")
        )
        self.status_label.setText(QCoreApplication.translate("ChildrenPage", "Stat&us:"))
        self.open_button.setText(QCoreApplication.translate("ChildrenPage", "&Open"))
        self.open_button.setToolTip(
            QCoreApplication.translate("ChildrenPage", "Open the selected child (Enter)")
        )
        self.new_button.setText(QCoreApplication.translate("ChildrenPage", "&New child"))
        self.new_button.setToolTip(
            QCoreApplication.translate("ChildrenPage", "Register a new child (Ctrl+N)")
        )
        self.archive_button.setText(QCoreApplication.translate("ChildrenPage", "&Archive…"))
        self.restore_button.setText(QCoreApplication.translate("ChildrenPage", "&Restore…"))
        self.combos.retranslate()
        self.model.retranslate()
        self._update_count()

    # -- searching -----------------------------------------------------------------------
    def activate(self) -> None:
        """Called when the page is shown: load sites and the list (first time or stale)."""
        self._load_sites()
        self.run_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _text_typed(self, _text: str) -> None:
        if self.model.loading:
            self._typed_while_busy = True
        else:
            self._search_timer.start()  # a few ms: lets an input method's burst arrive

    def _search_finished(self, busy: bool) -> None:
        if not busy and self._typed_while_busy:
            self._typed_while_busy = False
            self._search_timer.start()

    def _search_now(self, *_args: Any) -> None:
        self._search_timer.stop()
        self.run_search()

    def filters(self) -> dict[str, Any]:
        grade = self.grade_spin.value()
        return {
            "site_id": self.site_combo.currentData(),
            "category": self.category_combo.currentData(),
            "stage": self.stage_combo.currentData(),
            "grade": grade or None,
            "status": self.status_combo.currentData(),
        }

    def stop(self) -> None:
        """Signed out: no pending search or refresh may run."""
        self._search_timer.stop()
        self._refresh_timer.stop()
        self.model.set_source(None)

    def run_search(self) -> None:
        session = self.ctx.session
        if session is None:
            self.model.set_source(None)
            return
        app, query, filters = self.ctx.app, self.search.text().strip(), self.filters()
        view = self.view_combo.currentData()

        def fetch(after: str | None, limit: int) -> Any:
            service = ChildrenService(app, session)
            if view == VIEW_CONSENT:
                return needs_consent_page(service, query, after=after, limit=limit, **filters)
            if view == VIEW_DUPLICATES:
                return possible_duplicates(service, query, **filters)
            return service.search(query, limit=limit, after=after, **filters)

        def sorter(sort: str, descending: bool) -> Any:
            return SortedPages(ChildrenService(app, session), query, sort, descending, filters)

        # the views computed in Python are sorted in memory; the whole list by the database
        in_python = view in (VIEW_CONSENT, VIEW_DUPLICATES)
        self.model.set_source(fetch, sorter=None if in_python else sorter)

    def _load_sites(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        from ss_desktop.services.sites import SitesService

        app = self.ctx.app
        self.ctx.executor.submit(
            lambda: [(s.id, s.name) for s in SitesService(app, session).list_sites()],
            on_result=self._set_sites,
            on_error=lambda exc: log.warning("site list unavailable: %s", type(exc).__name__),
        )

    def _set_sites(self, sites: list[tuple[str, str]]) -> None:
        if not isValid(self) or sites == self._sites:
            return
        self._sites = sites
        self.combos.set_sites(sites)

    def _on_data_changed(self, touched: dict[str, list[str]]) -> None:
        if touched.keys() & {"child", "guardian", "consent", "site"}:
            if "site" in touched:
                self._load_sites()
            self._refresh_timer.start()

    def _update_count(self) -> None:
        if self.model.loading and self.model.rowCount() == 0:
            self.count_label.setText(QCoreApplication.translate("ChildrenPage", "Searching…"))
            return
        total = self.model.total
        shown = self.model.rowCount()
        if total is None and self.model.canFetchMore():
            self.count_label.setText(
                QCoreApplication.translate(
                    "ChildrenPage", "More than %n children match", None, shown
                )
            )
            return
        if total is None:
            total = shown
        first = total == 0 and not self._filtered()
        self.list_stack.setCurrentWidget(self.first_child if first else self.table)
        if first:
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(
                QCoreApplication.translate("ChildrenPage", "No child matches.")
            )
        else:
            self.count_label.setText(
                QCoreApplication.translate("ChildrenPage", "%n child(ren)", None, total)
            )

    def _filtered(self) -> bool:
        """True when a query, a filter or a special view narrows the list."""
        narrowed = any(v is not None for k, v in self.filters().items() if k != "status")
        return (
            bool(self.search.text().strip())
            or narrowed
            or (
                self.view_combo.currentData() != VIEW_ALL
                or self.status_combo.currentData() != "active"
            )
        )

    def _update_buttons(self) -> None:
        row = self.model.child_row(self.table.currentIndex().row())
        self.open_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None and row.status == "active")
        self.restore_button.setEnabled(row is not None and row.status != "active")

    # -- actions -------------------------------------------------------------------------
    def current_child_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(CHILD_ID_ROLE) if index.isValid() else None

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        child_id = self.model.child_id(row)
        if child_id:
            self.open_child_requested.emit(child_id)

    def archive_current(self) -> None:
        self._change_status(archive=True)

    def restore_current(self) -> None:
        self._change_status(archive=False)

    def ask_reason(self, archive: bool) -> str | None:
        if archive:
            dialog = ReasonDialog(
                QCoreApplication.translate("ChildrenPage", "Archive child"),
                QCoreApplication.translate(
                    "ChildrenPage",
                    "Why is this record archived? (e.g. left the school, moved away)",
                ),
                self,
            )
        else:
            dialog = ReasonDialog(
                QCoreApplication.translate("ChildrenPage", "Restore child"),
                QCoreApplication.translate("ChildrenPage", "Why is this record restored?"),
                self,
            )
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _change_status(self, *, archive: bool) -> None:
        child_id = self.current_child_id()
        session = self.ctx.session
        if child_id is None or session is None:
            return
        reason = self.ask_reason(archive)
        if not reason:
            return
        app = self.ctx.app

        def work() -> SaveResult:
            service = ChildrenService(app, session)
            return (
                service.archive(child_id, reason) if archive else service.restore(child_id, reason)
            )

        def done(_result: SaveResult) -> None:
            self.message.emit(
                QCoreApplication.translate("ChildrenPage", "Archived.")
                if archive
                else QCoreApplication.translate("ChildrenPage", "Restored.")
            )

        run_write(
            self.ctx, work, on_done=done, on_error=lambda exc: show_error(self, exc), owner=self
        )
