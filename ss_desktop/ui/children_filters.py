"""The children list's choice boxes: the view (all, needs consent, possible duplicates) and
the site, category, stage and status filters, with their translated texts.

Texts keep the "ChildrenPage" (and "ChildrenModel") translation contexts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from ss_desktop.ui.models.children_model import CATEGORIES, STAGES

VIEW_ALL, VIEW_CONSENT, VIEW_DUPLICATES = "all", "consent", "duplicates"


@dataclass(frozen=True)
class FilterCombos:
    """The page's combo boxes; this fills and translates their items."""

    view: QComboBox
    site: QComboBox
    category: QComboBox
    stage: QComboBox
    status: QComboBox

    def fill(self) -> None:
        """The fixed choices, once; their texts come from retranslate()."""
        for key in (VIEW_ALL, VIEW_CONSENT, VIEW_DUPLICATES):
            self.view.addItem("", key)
        self.site.addItem("", None)
        self.category.addItem("", None)
        for key in CATEGORIES:
            self.category.addItem("", key)
        self.stage.addItem("", None)
        for key in STAGES:
            self.stage.addItem("", key)
        for status in ("active", "archived", None):
            self.status.addItem("", status)

    def retranslate(self) -> None:
        views = {
            VIEW_ALL: QCoreApplication.translate("ChildrenPage", "All children"),
            VIEW_CONSENT: QCoreApplication.translate("ChildrenPage", "Needs consent"),
            VIEW_DUPLICATES: QCoreApplication.translate("ChildrenPage", "Possible duplicates"),
        }
        for i in range(self.view.count()):
            self.view.setItemText(i, views[self.view.itemData(i)])
        self.site.setItemText(0, QCoreApplication.translate("ChildrenPage", "All sites"))
        self.category.setItemText(0, QCoreApplication.translate("ChildrenPage", "All categories"))
        for i in range(1, self.category.count()):
            key = self.category.itemData(i)
            self.category.setItemText(
                i, QCoreApplication.translate("ChildrenModel", CATEGORIES[key])
            )
        self.stage.setItemText(0, QCoreApplication.translate("ChildrenPage", "All stages"))
        for i in range(1, self.stage.count()):
            key = self.stage.itemData(i)
            self.stage.setItemText(i, QCoreApplication.translate("ChildrenModel", STAGES[key]))
        statuses = {
            "active": QCoreApplication.translate("ChildrenPage", "Active"),
            "archived": QCoreApplication.translate("ChildrenPage", "Archived"),
            None: QCoreApplication.translate("ChildrenPage", "All"),
        }
        for i in range(self.status.count()):
            self.status.setItemText(i, statuses[self.status.itemData(i)])

    def set_sites(self, sites: list[tuple[str, str]]) -> None:
        """Replace the sites (id, name) after "All sites", keeping the chosen one."""
        current = self.site.currentData()
        self.site.blockSignals(True)
        while self.site.count() > 1:
            self.site.removeItem(1)
        for site_id, name in sites:
            self.site.addItem(name, site_id)
        found = self.site.findData(current)
        self.site.setCurrentIndex(max(found, 0))
        self.site.blockSignals(False)
