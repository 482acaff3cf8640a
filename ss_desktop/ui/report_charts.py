"""The reports page's charts (QtCharts): bars with their values, and pies."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor


def bar_chart(title: str, names: list[str], values: list[int]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSet(title)
    bars.append([float(v) for v in values])
    bars.setLabelColor(QColor("#333333"))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(names)
    axis_y = QValueAxis()
    axis_y.setRange(0, max([1, *values]) * 1.15)
    axis_y.setLabelFormat("%d")
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def pie_chart(title: str, names: list[str], values: list[int]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    series = QPieSeries()
    for name, value in zip(names, values, strict=True):
        if value:
            piece = series.append(f"{name} {value}", float(value))
            piece.setLabelVisible(False)
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart
