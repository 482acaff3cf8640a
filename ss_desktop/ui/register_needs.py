"""The registration form's third section group: disability and care home (shown only when
the answers call for them) and hardship.

Mixed into :class:`ss_desktop.ui.register_sections.ChildSections`, which provides
``_section``, ``_row``, ``_layout`` and ``texts``; the labels keep the "RegisterPage"
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register_family import SHORT_TEXT_MAX
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, line_edit, section_title

CONTEXT = "RegisterPage"


class NeedsRows:
    """Builds the disability, care-home and hardship rows of the child's sections."""

    def _build_disability(self) -> None:
        label = section_title()
        self.texts.add(label.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Disability"))
        self.disability_group = QWidget()
        self.disability_group.setObjectName("disabilityGroup")
        form = QFormLayout(self.disability_group)
        form.setContentsMargins(8, 0, 0, 0)
        self.disability_types = CheckGroup(L.DISABILITY, columns=4)
        self.disability_grade = EnumCombo(L.DISABILITY_GRADE)
        self.disability_certificate = QCheckBox()
        self.autism = QCheckBox()
        self._row(
            form,
            "disability_types",
            QT_TRANSLATE_NOOP("RegisterPage", "Types"),
            self.disability_types,
        )
        self._row(
            form,
            "disability_grade",
            QT_TRANSLATE_NOOP("RegisterPage", "Grade"),
            self.disability_grade,
        )
        self._row(
            form,
            "disability_certificate",
            QT_TRANSLATE_NOOP("RegisterPage", "Has a disability certificate"),
            self.disability_certificate,
        )
        self._row(
            form, "autism", QT_TRANSLATE_NOOP("RegisterPage", "Autism diagnosis"), self.autism
        )
        self._disability_title = label
        self._layout.addWidget(label)
        self._layout.addWidget(self.disability_group)

    def _build_care(self) -> None:
        label = section_title()
        self.texts.add(label.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Care home"))
        self.care_group = QWidget()
        self.care_group.setObjectName("careGroup")
        form = QFormLayout(self.care_group)
        form.setContentsMargins(8, 0, 0, 0)
        self.care_placement = line_edit(SHORT_TEXT_MAX)
        self.care_since = line_edit(12)
        self._row(
            form,
            "care_placement",
            QT_TRANSLATE_NOOP("RegisterPage", "Placement"),
            self.care_placement,
        )
        self._row(
            form, "care_since", QT_TRANSLATE_NOOP("RegisterPage", "In care since"), self.care_since
        )
        self.texts.add(
            self.care_since.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "2022-09-01"),
        )
        self._care_title = label
        self._layout.addWidget(label)
        self._layout.addWidget(self.care_group)

    def _build_hardship(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Hardship"))
        self.hardship = EnumCombo(L.HARDSHIP)
        self.hardship_evidence_seen = QCheckBox()
        self._row(
            form, "hardship", QT_TRANSLATE_NOOP("RegisterPage", "Hardship status"), self.hardship
        )
        self._row(
            form,
            "hardship_evidence_seen",
            QT_TRANSLATE_NOOP("RegisterPage", "Evidence seen (do not write its number)"),
            self.hardship_evidence_seen,
        )
