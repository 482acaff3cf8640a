"""The site the child is registered at, and the child's school stage, grade and class."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.sites import SiteInfo
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.section import Section, connect_changed, translate
from ss_desktop.ui.widgets import EnumCombo, line_edit

CLASS_MAX = 41


class SchoolSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Site and school"), parent)
        self.sites: list[SiteInfo] = []
        self.site = QComboBox()
        self.stage = EnumCombo(L.STAGE)
        self.school_system = EnumCombo(L.SCHOOL_SYSTEM, blank=False)
        self.grade = QComboBox()
        self.grade.addItem("—", None)
        for g in range(1, 10):
            self.grade.addItem(str(g), g)
        self.class_name = line_edit(CLASS_MAX)
        self.boarding = QCheckBox()
        self.row("site_id", QT_TRANSLATE_NOOP("RegisterPage", "Si&te"), self.site)
        self.row("stage", QT_TRANSLATE_NOOP("RegisterPage", "School s&tage"), self.stage)
        self.row(
            "school_system",
            QT_TRANSLATE_NOOP("RegisterPage", "School s&ystem"),
            self.school_system,
        )
        self.row("grade", QT_TRANSLATE_NOOP("RegisterPage", "G&rade"), self.grade)
        self.row("class_name", QT_TRANSLATE_NOOP("RegisterPage", "&Class"), self.class_name)
        self.row("boarding", QT_TRANSLATE_NOOP("RegisterPage", "&Boards at school"), self.boarding)
        connect_changed(
            self,
            (self.site, self.stage, self.school_system, self.grade, self.class_name, self.boarding),
        )

    def current_site(self) -> SiteInfo | None:
        site_id = self.site.currentData()
        return next((s for s in self.sites if s.id == site_id), None)

    def set_sites(self, sites: list[SiteInfo]) -> None:
        current = self.site.currentData()
        self.sites = list(sites)
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem("—", None)
        for s in self.sites:
            suffix = translate(" (pending)") if s.status == "pending" else ""
            self.site.addItem(s.name + suffix, s.id)
        index = self.site.findData(current) if current else -1
        if index < 0 and len(self.sites) == 1:
            index = 1
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)

    def set_site(self, site_id: str | None) -> None:
        index = self.site.findData(site_id) if site_id else -1
        if index < 0 and not site_id and len(self.sites) == 1:
            index = 1
        self.site.setCurrentIndex(max(index, 0))

    def fill_school(self, values: dict[str, Any]) -> None:
        self.stage.set_value(values.get("stage"))
        self.school_system.set_value(values.get("school_system") or "6-3-3")
        index = self.grade.findData(values.get("grade")) if values.get("grade") else 0
        self.grade.setCurrentIndex(max(index, 0))
        self.class_name.setText(values.get("class_name") or "")

    def values(self) -> dict[str, Any]:
        return {
            "site_id": self.site.currentData(),
            "stage": self.stage.value(),
            "school_system": self.school_system.value(),
            "grade": self.grade.currentData(),
            "class_name": self.class_name.text().strip() or None,
            "boarding": self.boarding.isChecked(),
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.set_site(child.get("site_id"))
        self.fill_school(child)
        self.boarding.setChecked(bool(child.get("boarding")))

    def retranslate(self) -> None:
        super().retranslate()
        self.stage.retranslate()
        self.school_system.retranslate()
        self.set_sites(self.sites)
