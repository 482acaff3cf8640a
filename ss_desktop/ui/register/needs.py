"""Disability and care home (shown only when the answers call for them), hardship, and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_core.domain.validation import NOTES_MAX_LEN
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.family import SHORT_TEXT_MAX
from ss_desktop.ui.register.section import CONTEXT, Section, connect_changed
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, line_edit

NOTES_LIMIT = NOTES_MAX_LEN


class DisabilitySection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Disability"), parent)
        self.setObjectName("disabilityGroup")
        self.disability_types = CheckGroup(L.DISABILITY, columns=4)
        self.disability_grade = EnumCombo(L.DISABILITY_GRADE)
        self.disability_certificate = QCheckBox()
        self.autism = QCheckBox()
        self.row(
            "disability_types", QT_TRANSLATE_NOOP("RegisterPage", "Ty&pes"), self.disability_types
        )
        self.row(
            "disability_grade",
            QT_TRANSLATE_NOOP("RegisterPage", "Disability &grade"),
            self.disability_grade,
        )
        self.row(
            "disability_certificate",
            QT_TRANSLATE_NOOP("RegisterPage", "Has a disability &certificate"),
            self.disability_certificate,
        )
        self.row("autism", QT_TRANSLATE_NOOP("RegisterPage", "Autism dia&gnosis"), self.autism)
        connect_changed(
            self,
            (
                self.disability_types,
                self.disability_grade,
                self.disability_certificate,
                self.autism,
            ),
        )

    def values(self) -> dict[str, Any]:
        return {
            "disability_types": self.disability_types.values(),
            "disability_grade": self.disability_grade.value(),
            "disability_certificate": self.disability_certificate.isChecked(),
            "autism": self.autism.isChecked(),
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.disability_types.set_values(child.get("disability_types") or [])
        self.disability_grade.set_value(child.get("disability_grade"))
        self.disability_certificate.setChecked(bool(child.get("disability_certificate")))
        self.autism.setChecked(bool(child.get("autism")))

    def retranslate(self) -> None:
        super().retranslate()
        self.disability_types.retranslate()
        self.disability_grade.retranslate()


class CareSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Care home"), parent)
        self.setObjectName("careGroup")
        self.care_placement = line_edit(SHORT_TEXT_MAX)
        self.care_since = line_edit(12)
        self.row(
            "care_placement", QT_TRANSLATE_NOOP("RegisterPage", "Pl&acement"), self.care_placement
        )
        self.row("care_since", QT_TRANSLATE_NOOP("RegisterPage", "In care si&nce"), self.care_since)
        self.texts.add(
            self.care_since.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "2022-09-01"),
        )
        connect_changed(self, (self.care_placement, self.care_since))

    def values(self) -> dict[str, Any]:
        return {
            "care_placement": self.care_placement.text().strip() or None,
            "care_since": self.care_since.text().strip() or None,
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.care_placement.setText(child.get("care_placement") or "")
        self.care_since.setText(child.get("care_since") or "")


class HardshipSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Hardship"), parent)
        self.hardship = EnumCombo(L.HARDSHIP)
        self.hardship_evidence_seen = QCheckBox()
        self.row("hardship", QT_TRANSLATE_NOOP("RegisterPage", "Hardship stat&us"), self.hardship)
        self.row(
            "hardship_evidence_seen",
            QT_TRANSLATE_NOOP("RegisterPage", "E&vidence seen (do not write its number)"),
            self.hardship_evidence_seen,
        )
        connect_changed(self, (self.hardship, self.hardship_evidence_seen))

    def values(self) -> dict[str, Any]:
        return {
            "hardship": self.hardship.value(),
            "hardship_evidence_seen": self.hardship_evidence_seen.isChecked(),
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.hardship.set_value(child.get("hardship"))
        self.hardship_evidence_seen.setChecked(bool(child.get("hardship_evidence_seen")))

    def retranslate(self) -> None:
        super().retranslate()
        self.hardship.retranslate()


class NotesSection(Section):
    """Notes come last, after guardians and consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.row("notes", QT_TRANSLATE_NOOP("RegisterPage", "N&otes"), self.notes)
        connect_changed(self, (self.notes,))

    def values(self) -> dict[str, Any]:
        return {"notes": self.notes.toPlainText().strip() or None}

    def fill(self, child: dict[str, Any]) -> None:
        self.notes.setPlainText(child.get("notes") or "")
