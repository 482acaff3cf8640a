"""The child's categories (with a suggestion from the answers) and living arrangement (with the
rows about parents working away)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.section import CONTEXT, Section, connect_changed, translate
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, line_edit

SHORT_TEXT_MAX = 101
PARENTS_AWAY = "working_away"


class CategoriesSection(Section):
    """The categories ticked; "Tick the suggested" asks the form for its suggestion."""

    use_suggestion_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Categories"), parent)
        self.categories = CheckGroup(L.CATEGORY)
        self.row("categories", QT_TRANSLATE_NOOP("RegisterPage", "C&ategories"), self.categories)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("categorySuggestion")
        self.suggestion.setWordWrap(True)
        self.use_suggestion = QPushButton()
        self.use_suggestion.setObjectName("useSuggestion")
        self.texts.add(
            self.use_suggestion.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "Tick the suggested"),
        )
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.suggestion, 1)
        h.addWidget(self.use_suggestion)
        self.form.addRow("", row)
        self.add_to_chain(self.use_suggestion)
        self.use_suggestion.clicked.connect(self.use_suggestion_requested)
        connect_changed(self, (self.categories,))
        self.show_suggestion([])

    def show_suggestion(self, labels: list[str]) -> None:
        if labels:
            self.suggestion.setText(
                translate("Suggested from the answers: {names}").format(names=", ".join(labels))
            )
        self.suggestion.setVisible(bool(labels))
        self.use_suggestion.setVisible(bool(labels))

    def values(self) -> dict[str, Any]:
        return {"categories": self.categories.values()}

    def fill(self, child: dict[str, Any]) -> None:
        self.categories.set_values(child.get("categories") or [])

    def retranslate(self) -> None:
        super().retranslate()
        self.categories.retranslate()


class LivingSection(Section):
    """Who the child lives with; the parents-away rows show when they apply."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Living arrangement"), parent)
        self.living_arrangement = EnumCombo(L.LIVING)
        self.father_status = EnumCombo(L.PARENT_STATUS)
        self.mother_status = EnumCombo(L.PARENT_STATUS)
        self.row(
            "living_arrangement",
            QT_TRANSLATE_NOOP("RegisterPage", "Lives &with"),
            self.living_arrangement,
        )
        self.row("father_status", QT_TRANSLATE_NOOP("RegisterPage", "&Father"), self.father_status)
        self.row("mother_status", QT_TRANSLATE_NOOP("RegisterPage", "M&other"), self.mother_status)
        self.away_group = QWidget()
        self.away_group.setObjectName("leftBehindGroup")
        away = QFormLayout(self.away_group)
        away.setContentsMargins(0, 0, 0, 0)
        self.father_work_place = line_edit(SHORT_TEXT_MAX)
        self.mother_work_place = line_edit(SHORT_TEXT_MAX)
        self.parent_visit_frequency = EnumCombo(L.FREQUENCY)
        self.caregiver_name = line_edit(41)
        for key, label, editor in (
            (
                "father_work_place",
                QT_TRANSLATE_NOOP("RegisterPage", "Father &works in"),
                self.father_work_place,
            ),
            (
                "mother_work_place",
                QT_TRANSLATE_NOOP("RegisterPage", "Mother wor&ks in"),
                self.mother_work_place,
            ),
            (
                "parent_visit_frequency",
                QT_TRANSLATE_NOOP("RegisterPage", "Sees the &parents"),
                self.parent_visit_frequency,
            ),
            (
                "caregiver_name",
                QT_TRANSLATE_NOOP("RegisterPage", "Day-to-day &caregiver"),
                self.caregiver_name,
            ),
        ):
            self.row(key, label, editor, form=away)
        self.form.addRow(self.away_group)
        connect_changed(
            self,
            (
                self.living_arrangement,
                self.father_status,
                self.mother_status,
                self.father_work_place,
                self.mother_work_place,
                self.parent_visit_frequency,
                self.caregiver_name,
            ),
        )

    def parents_away(self) -> bool:
        return PARENTS_AWAY in (self.father_status.value(), self.mother_status.value())

    def values(self) -> dict[str, Any]:
        return {
            "living_arrangement": self.living_arrangement.value(),
            "father_status": self.father_status.value(),
            "mother_status": self.mother_status.value(),
        }

    def away_values(self) -> dict[str, Any]:
        return {
            "father_work_place": self.father_work_place.text().strip() or None,
            "mother_work_place": self.mother_work_place.text().strip() or None,
            "parent_visit_frequency": self.parent_visit_frequency.value(),
            "caregiver_name": self.caregiver_name.text().strip() or None,
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.living_arrangement.set_value(child.get("living_arrangement"))
        self.father_status.set_value(child.get("father_status"))
        self.mother_status.set_value(child.get("mother_status"))
        self.father_work_place.setText(child.get("father_work_place") or "")
        self.mother_work_place.setText(child.get("mother_work_place") or "")
        self.parent_visit_frequency.set_value(child.get("parent_visit_frequency"))
        self.caregiver_name.setText(child.get("caregiver_name") or "")

    def retranslate(self) -> None:
        super().retranslate()
        for combo in (
            self.living_arrangement,
            self.father_status,
            self.mother_status,
            self.parent_visit_frequency,
        ):
            combo.retranslate()
