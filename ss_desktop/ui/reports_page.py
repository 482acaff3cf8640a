"""The reports page: counts of children by category, site, stage and grade, gender, age band,
hukou and living arrangement; lessons by program and term; charts (QtCharts) and tables;
filters by site, program and dates; export to .xlsx, PNG or PDF."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.reports import Report, ReportFilters, ReportService, write_tables_xlsx
from ss_desktop.services.sites import SitesService
from ss_desktop.ui import form_labels as labels
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.errors import show_error
from ss_desktop.ui.report_charts import bar_chart, pie_chart

log = logging.getLogger(__name__)

_EXTRA = {
    "unknown": QT_TRANSLATE_NOOP("ReportsPage", "Unknown"),
    "local": QT_TRANSLATE_NOOP("ReportsPage", "Local hukou"),
    "not_local": QT_TRANSLATE_NOOP("ReportsPage", "Hukou elsewhere"),
}


def _label(kind: Mapping[Any, str], value: Any) -> str:
    if value in _EXTRA:
        return QCoreApplication.translate("ReportsPage", _EXTRA[value])
    return labels.enum_label(kind, value)


class ReportsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.ctx = ctx
        self.report: Report | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.site_combo = QComboBox()
        self.site_combo.setObjectName("reportSite")
        self.program_combo = QComboBox()
        self.program_combo.setObjectName("reportProgram")
        self.use_dates = QCheckBox()
        self.use_dates.setObjectName("reportUseDates")
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-12))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("reportRefresh")
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("reportExportXlsx")
        self.png_button = QPushButton()
        self.png_button.setObjectName("reportExportPng")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("reportExportPdf")
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")

        filters = QHBoxLayout()
        self.site_label, self.program_label = QLabel(), QLabel()
        for widget in (
            self.site_label,
            self.site_combo,
            self.program_label,
            self.program_combo,
            self.use_dates,
            self.date_from,
            QLabel("–"),
            self.date_to,
            self.refresh_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        exports = QHBoxLayout()
        exports.addWidget(self.summary, 1)
        for button in (self.xlsx_button, self.png_button, self.pdf_button):
            exports.addWidget(button)

        self.content = QWidget()
        self.content.setObjectName("reportContent")
        self.grid = QGridLayout(self.content)
        self.charts = [QChartView() for _ in range(4)]
        for n, view in enumerate(self.charts):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            self.grid.addWidget(view, n // 2, n % 2)
        self.tables = {
            name: self._table(name) for name in ("sites", "grades", "living", "programs", "terms")
        }
        self.grid.addWidget(self.tables["programs"], 2, 0, 1, 2)
        self.grid.addWidget(self.tables["terms"], 3, 0)
        self.grid.addWidget(self.tables["sites"], 3, 1)
        self.grid.addWidget(self.tables["grades"], 4, 0)
        self.grid.addWidget(self.tables["living"], 4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addLayout(exports)
        layout.addWidget(scroll, 1)

        self.use_dates.toggled.connect(self._dates_toggled)
        self.refresh_button.clicked.connect(self.refresh)
        self.site_combo.currentIndexChanged.connect(self.refresh)
        self.program_combo.currentIndexChanged.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.png_button.clicked.connect(lambda: self.export_png())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self._dates_toggled(False)
        self.retranslate()

    @staticmethod
    def _table(name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(f"report_{name}")
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setMinimumHeight(180)
        return table

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("ReportsPage", "Reports"))
        self.site_label.setText(QCoreApplication.translate("ReportsPage", "Site:"))
        self.program_label.setText(QCoreApplication.translate("ReportsPage", "Program:"))
        self.use_dates.setText(QCoreApplication.translate("ReportsPage", "Dates:"))
        self.refresh_button.setText(QCoreApplication.translate("ReportsPage", "Refresh"))
        self.xlsx_button.setText(QCoreApplication.translate("ReportsPage", "Export .xlsx…"))
        self.png_button.setText(QCoreApplication.translate("ReportsPage", "Save as PNG…"))
        self.pdf_button.setText(QCoreApplication.translate("ReportsPage", "Save as PDF…"))
        if self.site_combo.count():
            self.site_combo.setItemText(0, QCoreApplication.translate("ReportsPage", "All sites"))
        if self.program_combo.count():
            self.program_combo.setItemText(
                0, QCoreApplication.translate("ReportsPage", "All programs")
            )
        if self.report is not None:
            self._show(self.report)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    # -- data ----------------------------------------------------------------------------
    def activate(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        app = self.ctx.app

        def load() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
            service = SitesService(app, session)
            return (
                [(s.id, s.name) for s in service.list_sites()],
                [(p.id, f"{p.name} {p.term or ''}".strip()) for p in service.list_programs()],
            )

        self.ctx.executor.submit(
            load, on_result=self._set_choices, on_error=lambda e: show_error(self, e)
        )

    def _set_choices(self, choices: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        sites, programs = choices
        for combo, items, first in (
            (self.site_combo, sites, QCoreApplication.translate("ReportsPage", "All sites")),
            (
                self.program_combo,
                programs,
                QCoreApplication.translate("ReportsPage", "All programs"),
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for key, name in items:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.refresh()

    def filters(self) -> ReportFilters:
        dates = self.use_dates.isChecked()
        # QDate.toPython() gives a datetime.date; PySide6 types it as object
        return ReportFilters(
            site_id=self.site_combo.currentData(),
            program_id=self.program_combo.currentData(),
            date_from=cast(date, self.date_from.date().toPython()) if dates else None,
            date_to=cast(date, self.date_to.date().toPython()) if dates else None,
        )

    def refresh(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        app, filters = self.ctx.app, self.filters()
        self.ctx.executor.submit(
            lambda: ReportService(app, session).build(filters),
            on_result=self._show,
            on_error=lambda e: show_error(self, e),
        )

    # -- showing -------------------------------------------------------------------------
    def _show(self, report: Report) -> None:
        self.report = report
        self.summary.setText(
            QCoreApplication.translate(
                "ReportsPage", "{children} children; {lessons} lessons delivered"
            ).format(children=report.total_children, lessons=report.lessons_delivered)
        )
        cats = list(report.by_category.items())
        self.charts[0].setChart(
            bar_chart(
                QCoreApplication.translate("ReportsPage", "Children by category"),
                [_label(labels.CATEGORY, k) for k, _ in cats],
                [v for _, v in cats],
            )
        )
        genders = list(report.by_gender.items())
        self.charts[1].setChart(
            pie_chart(
                QCoreApplication.translate("ReportsPage", "Gender"),
                [_label(labels.GENDER, k) for k, _ in genders],
                [v for _, v in genders],
            )
        )
        ages = list(report.by_age_band.items())
        self.charts[2].setChart(
            bar_chart(
                QCoreApplication.translate("ReportsPage", "Age"),
                [_label({}, k) for k, _ in ages],
                [v for _, v in ages],
            )
        )
        hukou = list(report.by_hukou.items())
        self.charts[3].setChart(
            pie_chart(
                QCoreApplication.translate("ReportsPage", "Hukou"),
                [_label({}, k) for k, _ in hukou],
                [v for _, v in hukou],
            )
        )
        for name, (headers, rows) in self._tables(report).items():
            self._fill(self.tables[name], headers, rows)

    def _tables(self, report: Report) -> dict[str, tuple[list[str], list[list[Any]]]]:
        def grade_name(stage: str, grade: int | None) -> str:
            text = _label(labels.STAGE, stage)
            return f"{text} {grade}" if grade else text

        lesson_headers = [
            QCoreApplication.translate("ReportsPage", "Sessions"),
            QCoreApplication.translate("ReportsPage", "Lessons delivered"),
            QCoreApplication.translate("ReportsPage", "Children present"),
            QCoreApplication.translate("ReportsPage", "Child-lessons"),
            QCoreApplication.translate("ReportsPage", "Lessons per child"),
        ]
        return {
            "programs": (
                [
                    QCoreApplication.translate("ReportsPage", "Program"),
                    QCoreApplication.translate("ReportsPage", "Term"),
                    QCoreApplication.translate("ReportsPage", "Site"),
                    *lesson_headers,
                ],
                [
                    [
                        p.name,
                        p.term,
                        p.site,
                        p.sessions,
                        p.lessons,
                        p.children,
                        p.child_lessons,
                        round(p.lessons_per_child, 1),
                    ]
                    for p in report.programs
                ],
            ),
            "terms": (
                [QCoreApplication.translate("ReportsPage", "Term"), *lesson_headers],
                [
                    [
                        t.term,
                        t.sessions,
                        t.lessons,
                        t.children,
                        t.child_lessons,
                        round(t.lessons_per_child, 1),
                    ]
                    for t in report.terms
                ],
            ),
            "sites": (
                [
                    QCoreApplication.translate("ReportsPage", "Site"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label({}, k), v] for k, v in report.by_site.items()],
            ),
            "grades": (
                [
                    QCoreApplication.translate("ReportsPage", "Stage and grade"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[grade_name(s, g), v] for (s, g), v in report.by_stage_grade.items()],
            ),
            "living": (
                [
                    QCoreApplication.translate("ReportsPage", "Living arrangement"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label(labels.LIVING, k), v] for k, v in report.by_living.items()],
            ),
        }

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[Any]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if isinstance(value, (int, float)):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)

    # -- export --------------------------------------------------------------------------
    def _target(self, suffix: str, kind: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ReportsPage", "Save report"), f"report{suffix}", kind
        )
        return Path(path) if path else None

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        if self.report is None:
            return None
        path = path or self._target(
            ".xlsx", QCoreApplication.translate("ReportsPage", "Excel workbook (*.xlsx)")
        )
        if path is None:
            return None
        report = self.report
        tables = [
            (
                QCoreApplication.translate("ReportsPage", "Children by category"),
                [
                    QCoreApplication.translate("ReportsPage", "Category"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label(labels.CATEGORY, k), v] for k, v in report.by_category.items()],
            ),
            (
                QCoreApplication.translate("ReportsPage", "Gender"),
                [
                    QCoreApplication.translate("ReportsPage", "Gender"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label(labels.GENDER, k), v] for k, v in report.by_gender.items()],
            ),
            (
                QCoreApplication.translate("ReportsPage", "Age"),
                [
                    QCoreApplication.translate("ReportsPage", "Age"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label({}, k), v] for k, v in report.by_age_band.items()],
            ),
            (
                QCoreApplication.translate("ReportsPage", "Hukou"),
                [
                    QCoreApplication.translate("ReportsPage", "Hukou"),
                    QCoreApplication.translate("ReportsPage", "Children"),
                ],
                [[_label({}, k), v] for k, v in report.by_hukou.items()],
            ),
        ]
        titles = {
            "programs": QCoreApplication.translate("ReportsPage", "Lessons by program"),
            "terms": QCoreApplication.translate("ReportsPage", "Lessons by term"),
            "sites": QCoreApplication.translate("ReportsPage", "Children by site"),
            "grades": QCoreApplication.translate("ReportsPage", "Children by stage and grade"),
            "living": QCoreApplication.translate("ReportsPage", "Living arrangement"),
        }
        for name, (headers, rows) in self._tables(report).items():
            tables.append((titles[name], headers, rows))
        try:
            write_tables_xlsx(path, tables)
        except OSError as exc:
            show_error(self, exc)
            return None
        return path

    def export_png(self, path: Path | None = None) -> Path | None:
        path = path or self._target(
            ".png", QCoreApplication.translate("ReportsPage", "PNG image (*.png)")
        )
        if path is None:
            return None
        self.content.grab().save(str(path), "PNG")
        return path

    def export_pdf(self, path: Path | None = None) -> Path | None:
        path = path or self._target(
            ".pdf", QCoreApplication.translate("ReportsPage", "PDF document (*.pdf)")
        )
        if path is None:
            return None
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(150)
        image = self.content.grab()
        painter = QPainter(writer)
        page = painter.viewport()
        scaled = image.scaled(
            page.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawPixmap(0, 0, scaled)
        painter.end()
        return path
