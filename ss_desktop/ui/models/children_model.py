"""The children list's table model: lazy, page by page, never waiting on the database.

It keeps the rows of the pages fetched so far (a page is a ``SearchPage`` from
ChildrenService.search: plain ``ChildRow`` data plus a keyset cursor). Qt asks for more
through ``canFetchMore``/``fetchMore`` as the user scrolls; each page is read on the
executor's read pool and appended with beginInsertRows. A new search replaces everything
with begin/endResetModel. Results of a superseded search are dropped (generation counter).

Sorting by a column: when the source comes with a *sorter* (the whole list), the database
sorts every matching child and the list reads its pages in that order, lazily as before: the
first rows shown are the first in that order (about a quarter of a second at 100,000 children).
Views computed in Python ("needs consent", "possible duplicates") have no sorter: their
remaining pages are fetched in the background (large pages), then sorted in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from shiboken6 import isValid

from ss_core.domain.labels import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "ChildrenModel"

COL_NAME = 0
COL_PINYIN = 1
COL_GENDER = 2
COL_DOB = 3
COL_SITE = 4
COL_GRADE = 5
COL_CLASS = 6
COL_CATEGORIES = 7
COL_CONSENT = 8
COL_STATUS = 9
COLUMN_COUNT = 10

HEADERS = {
    COL_NAME: QT_TRANSLATE_NOOP("ChildrenModel", "Name"),
    COL_PINYIN: QT_TRANSLATE_NOOP("ChildrenModel", "Pinyin"),
    COL_GENDER: QT_TRANSLATE_NOOP("ChildrenModel", "Gender"),
    COL_DOB: QT_TRANSLATE_NOOP("ChildrenModel", "Born"),
    COL_SITE: QT_TRANSLATE_NOOP("ChildrenModel", "Site"),
    COL_GRADE: QT_TRANSLATE_NOOP("ChildrenModel", "Grade"),
    COL_CLASS: QT_TRANSLATE_NOOP("ChildrenModel", "Class"),
    COL_CATEGORIES: QT_TRANSLATE_NOOP("ChildrenModel", "Categories"),
    COL_CONSENT: QT_TRANSLATE_NOOP("ChildrenModel", "Consent"),
    COL_STATUS: QT_TRANSLATE_NOOP("ChildrenModel", "Status"),
}

GENDERS = {
    0: QT_TRANSLATE_NOOP("ChildrenModel", "Unknown"),
    1: QT_TRANSLATE_NOOP("ChildrenModel", "Male"),
    2: QT_TRANSLATE_NOOP("ChildrenModel", "Female"),
    9: QT_TRANSLATE_NOOP("ChildrenModel", "Not stated"),
}

STAGES = {
    "preschool": QT_TRANSLATE_NOOP("ChildrenModel", "Preschool"),
    "primary": QT_TRANSLATE_NOOP("ChildrenModel", "Primary"),
    "junior": QT_TRANSLATE_NOOP("ChildrenModel", "Junior secondary"),
    "senior": QT_TRANSLATE_NOOP("ChildrenModel", "Senior secondary"),
    "vocational": QT_TRANSLATE_NOOP("ChildrenModel", "Vocational"),
}

CATEGORIES = {
    "migrant": QT_TRANSLATE_NOOP("ChildrenModel", "Migrant"),
    "low_income": QT_TRANSLATE_NOOP("ChildrenModel", "Low income"),
    "lower_tier": QT_TRANSLATE_NOOP("ChildrenModel", "Lower-tier city"),
    "left_behind": QT_TRANSLATE_NOOP("ChildrenModel", "Left-behind"),
    "in_care": QT_TRANSLATE_NOOP("ChildrenModel", "In care"),
    "disability": QT_TRANSLATE_NOOP("ChildrenModel", "Disability"),
}

STATUSES = {
    "active": QT_TRANSLATE_NOOP("ChildrenModel", "Active"),
    "archived": QT_TRANSLATE_NOOP("ChildrenModel", "Archived"),
    "merged": QT_TRANSLATE_NOOP("ChildrenModel", "Merged"),
}

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

PageFetcher = Callable[[str | None, int], Any]  # (after, limit) -> SearchPage
# (sort name, descending) -> the pages in that order (ss_desktop.services.children_views)
Sorter = Callable[[str, bool], PageFetcher]
SORT_NAMES = {
    COL_NAME: "name",
    COL_PINYIN: "pinyin",
    COL_GENDER: "gender",
    COL_DOB: "dob",
    COL_SITE: "site",
    COL_GRADE: "grade",
    COL_CLASS: "class",
    COL_CATEGORIES: "categories",
    COL_CONSENT: "consent",
    COL_STATUS: "status",
}


# The list the user is looking at goes before background loads of other pages.
LIST_PRIORITY = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def stage_grade_text(
    stage: str | None,
    grade: int | None,
    translate: Callable[[str, str], str] = QCoreApplication.translate,
) -> str:
    """ "Primary 3" / "小学3年级" (the import reads it back)."""
    if not stage:
        return ""
    label = translate(CONTEXT, STAGES.get(stage, stage))
    if grade is None:
        return label
    return translate("ChildrenModel", "{stage} {grade}").format(stage=label, grade=grade)


def dob_text(dob: str | None, precision: str | None) -> str:
    if not dob:
        return ""
    if precision == "year":
        return dob[:4]
    if precision == "month":
        return dob[:7]
    return dob


class ChildrenTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    SORT_PAGE_SIZE = 5000

    loading_changed = Signal(bool)
    total_changed = Signal(object)  # int | None: how many children match (estimate)
    failed = Signal(object)  # the exception of a failed page read

    def __init__(self, executor: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._rows: list[Any] = []
        self._arrival: dict[str, int] = {}
        self._fetch: PageFetcher | None = None  # what is read now
        self._base_fetch: PageFetcher | None = None  # the source in its own order
        self._sorter: Sorter | None = None
        self._next_after: str | None = None
        self._generation = 0
        self._loading = False
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.total: int | None = None

    # -- what Qt asks --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            text = HEADERS.get(section)
            return _tr(text) if text else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == CHILD_ID_ROLE:
            return row.id
        if role == SORT_KEY_ROLE:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CONSENT and row.consent_pending:
            return QCoreApplication.translate(
                "ChildrenModel", "Guardian consent is missing: this record is saved but not synced."
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.status != "active":
            return QBrush(QColor("#777777"))
        return None

    def _display(self, row: Any, col: int) -> str:
        if col == COL_NAME:
            return f"{row.surname or ''}{row.given_name or ''}"
        if col == COL_PINYIN:
            return row.pinyin or ""
        if col == COL_GENDER:
            return _tr(GENDERS[row.gender]) if row.gender in GENDERS else ""
        if col == COL_DOB:
            return dob_text(row.dob, row.dob_precision)
        if col == COL_SITE:
            return row.site_name or ""
        if col == COL_GRADE:
            return stage_grade_text(row.stage, row.grade)
        if col == COL_CLASS:
            return row.class_name or ""
        if col == COL_CATEGORIES:
            return ", ".join(_tr(CATEGORIES.get(c, c)) for c in row.categories or ())
        if col == COL_CONSENT:
            return (
                QCoreApplication.translate("ChildrenModel", "Pending")
                if row.consent_pending
                else QCoreApplication.translate("ChildrenModel", "Given")
            )
        if col == COL_STATUS:
            return _tr(STATUSES.get(row.status, row.status))
        return ""

    def _sort_key(self, row: Any, col: int) -> tuple[Any, ...]:
        order = ("preschool", "primary", "junior", "senior", "vocational")
        if col == COL_GRADE:
            stage = order.index(row.stage) if row.stage in order else 99
            return (stage, row.grade if row.grade is not None else 99)
        if col == COL_NAME:
            return ((row.pinyin or "").lower(), self._display(row, col))
        if col == COL_CONSENT:
            return (not row.consent_pending,)
        return (self._display(row, col).lower(),)

    # -- loading -------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._loading

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def set_source(self, fetch: PageFetcher | None, sorter: Sorter | None = None) -> None:
        """Show the results of *fetch* (after, limit) -> SearchPage; None empties the list.
        *sorter* gives the same children sorted by a column in the database."""
        self._base_fetch = fetch
        self._sorter = sorter if fetch is not None else None
        self._start(self._sorted_fetch() or fetch)

    def _sorted_fetch(self) -> PageFetcher | None:
        if self._sorter is None or self._sort_column < 0:
            return None
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return self._sorter(SORT_NAMES[self._sort_column], descending)

    @property
    def sorted_in_database(self) -> bool:
        return self._fetch is not None and self._fetch is not self._base_fetch

    def _start(self, fetch: PageFetcher | None) -> None:
        self._generation += 1
        self._fetch = fetch
        self._next_after = None
        if fetch is None:
            self._replace([])
            self._set_loading(False)
            return
        generation = self._generation
        self._set_loading(True)
        self._executor.submit(
            fetch,
            None,
            self._page_size(),
            on_result=lambda page: self._first_page(generation, page),
            on_error=lambda exc: self._page_failed(generation, exc),
            priority=LIST_PRIORITY,
        )

    def refresh(self) -> None:
        """Read the current query again (after a save or a sync changed children)."""
        self._start(self._fetch)

    def _page_size(self) -> int:
        in_memory = self._sort_column >= 0 and not self.sorted_in_database
        return self.SORT_PAGE_SIZE if in_memory else self.PAGE_SIZE

    def _first_page(self, generation: int, page: Any) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._next_after = page.next_after
        self.total = page.total_estimate
        self._replace(list(page.rows))
        self._set_loading(False)
        self.total_changed.emit(self.total)
        self._continue_for_sort()

    def _replace(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._arrival = {r.id: i for i, r in enumerate(rows)}
        self._apply_sort()
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        return self._next_after is not None and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._fetch is None or not self.canFetchMore(parent):
            return
        generation = self._generation
        self._set_loading(True)
        self._executor.submit(
            self._fetch,
            self._next_after,
            self._page_size(),
            on_result=lambda page: self._more_rows(generation, page),
            on_error=lambda exc: self._page_failed(generation, exc),
            priority=LIST_PRIORITY,
        )

    def _more_rows(self, generation: int, page: Any) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._next_after = page.next_after
        known = self._arrival
        fresh = [r for r in page.rows if r.id not in known]
        if fresh:
            if self._sort_column >= 0 and not self.sorted_in_database:
                self._add_arrivals(fresh)

                def append_sorted() -> None:
                    self._rows.extend(fresh)
                    self._apply_sort()

                self._relayout(append_sorted)
            else:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                self._add_arrivals(fresh)
                self._rows.extend(fresh)
                self.endInsertRows()
        self._set_loading(False)
        self._continue_for_sort()

    def _add_arrivals(self, rows: list[Any]) -> None:
        base = len(self._arrival)
        for i, r in enumerate(rows):
            self._arrival[r.id] = base + i

    def _continue_for_sort(self) -> None:
        """In-memory sorting needs every row: fetch the rest (not when the database sorts)."""
        if self._sort_column >= 0 and self._next_after is not None and not self.sorted_in_database:
            self.fetchMore(QModelIndex())

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._set_loading(False)
        self._next_after = None
        log.warning("reading a page of children failed: %s", type(exc).__name__)
        self.failed.emit(exc)

    # -- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        was_in_database = self.sorted_in_database
        self._sort_column = column if 0 <= column < COLUMN_COUNT else -1
        self._sort_order = order
        if self._sorter is not None and (self._sort_column >= 0 or was_in_database):
            # read again from the first page, in the new order (or the source's own)
            self._start(self._sorted_fetch() or self._base_fetch)
            return
        self._relayout(self._apply_sort)
        self._continue_for_sort()

    def _relayout(self, change: Callable[[], Any]) -> None:
        """Reorder rows keeping selections and the current row on the same children."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [
            (self._rows[i.row()].id, i.column()) if i.row() < len(self._rows) else None
            for i in persistent
        ]
        change()
        where = {r.id: n for n, r in enumerate(self._rows)}
        moved = [
            self.index(where[h[0]], h[1]) if h and h[0] in where else QModelIndex() for h in held
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self.sorted_in_database:
            return  # the pages arrive in order
        if self._sort_column < 0:
            self._rows.sort(key=lambda r: self._arrival.get(r.id, 0))
            return
        column = self._sort_column
        self._rows.sort(
            key=lambda r: (self._sort_key(r, column), self._arrival.get(r.id, 0)),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    # -- for the page --------------------------------------------------------------------
    def child_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def child_row(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, child_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == child_id:
                return i
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )
