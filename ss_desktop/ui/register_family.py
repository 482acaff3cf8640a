"""The registration form's second section group: categories (with the suggestion from the
answers) and the living arrangement (with the left-behind rows).

Mixed into :class:`ss_desktop.ui.register_sections.ChildSections`, which provides
``_section``, ``_row``, ``texts`` and ``apply_suggestion``; the labels keep the
"RegisterPage" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ss_desktop.ui import form_labels as L
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, line_edit

CONTEXT = "RegisterPage"
SHORT_TEXT_MAX = 101


class FamilyRows:
    """Builds the categories and living-arrangement rows of the child's sections."""

    def _build_categories(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Categories"))
        self.categories = CheckGroup(L.CATEGORY)
        self._row(
            form, "categories", QT_TRANSLATE_NOOP("RegisterPage", "Categories"), self.categories
        )
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
        form.addRow("", row)
        self.use_suggestion.clicked.connect(self.apply_suggestion)

    def _build_living(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Living arrangement"))
        self.living_arrangement = EnumCombo(L.LIVING)
        self.father_status = EnumCombo(L.PARENT_STATUS)
        self.mother_status = EnumCombo(L.PARENT_STATUS)
        self._row(
            form,
            "living_arrangement",
            QT_TRANSLATE_NOOP("RegisterPage", "Lives &with"),
            self.living_arrangement,
        )
        self._row(
            form, "father_status", QT_TRANSLATE_NOOP("RegisterPage", "Father"), self.father_status
        )
        self._row(
            form, "mother_status", QT_TRANSLATE_NOOP("RegisterPage", "Mother"), self.mother_status
        )
        self.away_group = QWidget()
        self.away_group.setObjectName("leftBehindGroup")
        away = QFormLayout(self.away_group)
        away.setContentsMargins(0, 0, 0, 0)
        self.father_work_place = line_edit(SHORT_TEXT_MAX)
        self.mother_work_place = line_edit(SHORT_TEXT_MAX)
        self.parent_visit_frequency = EnumCombo(L.FREQUENCY)
        self.caregiver_name = line_edit(41)
        self._row(
            away,
            "father_work_place",
            QT_TRANSLATE_NOOP("RegisterPage", "Father works in"),
            self.father_work_place,
        )
        self._row(
            away,
            "mother_work_place",
            QT_TRANSLATE_NOOP("RegisterPage", "Mother works in"),
            self.mother_work_place,
        )
        self._row(
            away,
            "parent_visit_frequency",
            QT_TRANSLATE_NOOP("RegisterPage", "Sees the parents"),
            self.parent_visit_frequency,
        )
        self._row(
            away,
            "caregiver_name",
            QT_TRANSLATE_NOOP("RegisterPage", "Day-to-day caregiver"),
            self.caregiver_name,
        )
        form.addRow(self.away_group)
