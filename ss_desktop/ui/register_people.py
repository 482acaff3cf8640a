"""Guardians (1 to 3) and the consent record of the registration form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register_masking import MaskedFields, unmasked_only
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, FieldBox, Texts, add_field_row, line_edit

CONTEXT = "RegisterPage"
MAX_GUARDIANS = 3


class GuardianEditor(QFrame):
    """One guardian. Field keys: ``guardians.<index>.<field>``."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.record_id: str | None = None
        self.texts = Texts()
        self.boxes: dict[str, FieldBox] = {}
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        self.remove = QPushButton()
        self.remove.setObjectName("removeGuardian")
        head.addWidget(self.title, 1)
        head.addWidget(self.remove)
        layout.addLayout(head)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.name = line_edit(61)
        self.relationship = EnumCombo(L.RELATIONSHIP)
        self.is_legal_guardian = QCheckBox()
        self.is_primary_caregiver = QCheckBox()
        self.phone = line_edit(24)
        self.status = EnumCombo(L.PARENT_STATUS)
        self.work_place = line_edit(101)
        self.contact_frequency = EnumCombo(L.FREQUENCY)
        rows = (
            ("name", QT_TRANSLATE_NOOP("RegisterPage", "Name"), self.name),
            ("relationship", QT_TRANSLATE_NOOP("RegisterPage", "Relationship"), self.relationship),
            (
                "is_legal_guardian",
                QT_TRANSLATE_NOOP("RegisterPage", "Legal guardian"),
                self.is_legal_guardian,
            ),
            (
                "is_primary_caregiver",
                QT_TRANSLATE_NOOP("RegisterPage", "Primary caregiver"),
                self.is_primary_caregiver,
            ),
            ("phone", QT_TRANSLATE_NOOP("RegisterPage", "Phone"), self.phone),
            ("status", QT_TRANSLATE_NOOP("RegisterPage", "Situation"), self.status),
            ("work_place", QT_TRANSLATE_NOOP("RegisterPage", "Works in"), self.work_place),
            (
                "contact_frequency",
                QT_TRANSLATE_NOOP("RegisterPage", "Sees the child"),
                self.contact_frequency,
            ),
        )
        for key, label, editor in rows:
            add_field_row(
                form,
                self.texts,
                self.boxes,
                key,
                label,
                editor,
                object_name=f"guardian_{key}",
                context=CONTEXT,
            )
        self.texts.add(self.remove.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Remove"))
        self.texts.add(
            self.phone.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "13812345678 or 021-12345678"),
        )
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        for edit in (self.name, self.phone, self.work_place):
            edit.textChanged.connect(self.changed)
        for combo in (self.relationship, self.status, self.contact_frequency):
            combo.currentIndexChanged.connect(self.changed)
        for check in (self.is_legal_guardian, self.is_primary_caregiver):
            check.toggled.connect(self.changed)
        self.masks = MaskedFields(
            self._values,
            {"phone": lambda v: self.phone.setText(v or "")},
            {"phone": self.phone},
        )

    def set_number(self, number: int) -> None:
        self.title.setText(
            QCoreApplication.translate("RegisterPage", "Guardian {n}").format(n=number)
        )

    def is_blank(self) -> bool:
        return not any(
            (
                self.name.text().strip(),
                self.phone.text().strip(),
                self.work_place.text().strip(),
                self.relationship.value(),
            )
        )

    def values(self) -> dict[str, Any]:
        """What the editor holds; a masked phone still showing its mask is left out."""
        return unmasked_only(self._values(), self.masks.shown)

    def _values(self) -> dict[str, Any]:
        values = {
            "name": self.name.text().strip() or None,
            "relationship": self.relationship.value(),
            "is_legal_guardian": self.is_legal_guardian.isChecked(),
            "is_primary_caregiver": self.is_primary_caregiver.isChecked(),
            "phone": self.phone.text().strip() or None,
            "status": self.status.value(),
            "work_place": self.work_place.text().strip() or None,
            "contact_frequency": self.contact_frequency.value(),
        }
        if self.record_id:
            values["id"] = self.record_id
        return values

    def fill(self, guardian: dict[str, Any]) -> None:
        self.masks.clear()
        self.record_id = guardian.get("id")
        self.name.setText(guardian.get("name") or "")
        self.relationship.set_value(guardian.get("relationship"))
        self.is_legal_guardian.setChecked(bool(guardian.get("is_legal_guardian")))
        self.is_primary_caregiver.setChecked(bool(guardian.get("is_primary_caregiver")))
        self.phone.setText(guardian.get("phone") or "")
        self.status.set_value(guardian.get("status"))
        self.work_place.setText(guardian.get("work_place") or "")
        self.contact_frequency.set_value(guardian.get("contact_frequency"))
        self.masks.apply(guardian.get("masked") or ())
        # a saved guardian is not deleted from the form (no hard deletes from the UI)
        self.remove.setVisible(not self.record_id)

    def retranslate(self) -> None:
        self.texts.apply()
        for combo in (self.relationship, self.status, self.contact_frequency):
            combo.retranslate()
        self.masks.retranslate()


class ConsentSection(QGroupBox):
    """The guardian's consent (checkable: unticked = no consent recorded yet).
    Field keys: ``consent.<field>``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentSection")
        self.setCheckable(True)
        self.setChecked(False)
        self.record_id: str | None = None
        self.texts = Texts()
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.giver_name = line_edit(61)
        self.giver_relationship = EnumCombo(L.RELATIONSHIP)
        self.giver_role = EnumCombo(L.GIVER_ROLE, blank=False)
        self.method = EnumCombo(L.CONSENT_METHOD, blank=False)
        self.given_on = line_edit(12)
        self.notice_version = line_edit(41)
        self.scopes = CheckGroup(L.CONSENT_SCOPE, columns=2)
        self.child_assent = QCheckBox()
        self.withdrawn_on = line_edit(12)
        self.withdrawal_reason = line_edit(501)
        rows = (
            ("giver_name", QT_TRANSLATE_NOOP("RegisterPage", "Given by"), self.giver_name),
            (
                "giver_relationship",
                QT_TRANSLATE_NOOP("RegisterPage", "Relationship"),
                self.giver_relationship,
            ),
            ("giver_role", QT_TRANSLATE_NOOP("RegisterPage", "As"), self.giver_role),
            ("method", QT_TRANSLATE_NOOP("RegisterPage", "How"), self.method),
            ("given_on", QT_TRANSLATE_NOOP("RegisterPage", "Date"), self.given_on),
            (
                "notice_version",
                QT_TRANSLATE_NOOP("RegisterPage", "Notice version"),
                self.notice_version,
            ),
            ("scopes", QT_TRANSLATE_NOOP("RegisterPage", "Agreed to"), self.scopes),
            (
                "child_assent",
                QT_TRANSLATE_NOOP("RegisterPage", "The child agrees too"),
                self.child_assent,
            ),
            ("withdrawn_on", QT_TRANSLATE_NOOP("RegisterPage", "Withdrawn on"), self.withdrawn_on),
            (
                "withdrawal_reason",
                QT_TRANSLATE_NOOP("RegisterPage", "Why withdrawn"),
                self.withdrawal_reason,
            ),
        )
        for key, label, editor in rows:
            add_field_row(
                form,
                self.texts,
                self.boxes,
                key,
                label,
                editor,
                object_name=f"consent_{key}",
                context=CONTEXT,
            )
        self.texts.add(
            self.setTitle, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Consent recorded")
        )
        self.texts.add(
            self.given_on.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "2024-09-01"),
        )
        self.reset()
        self.toggled.connect(self._toggled)
        for edit in (
            self.giver_name,
            self.given_on,
            self.notice_version,
            self.withdrawn_on,
            self.withdrawal_reason,
        ):
            edit.textChanged.connect(self.changed)
        for combo in (self.giver_relationship, self.giver_role, self.method):
            combo.currentIndexChanged.connect(self.changed)
        self.scopes.changed.connect(self.changed)
        self.child_assent.toggled.connect(self.changed)

    def _toggled(self, on: bool) -> None:
        if on and not self.given_on.text().strip():
            self.given_on.setText(date.today().isoformat())
        self.changed.emit()

    def reset(self) -> None:
        self.record_id = None
        self.setChecked(False)
        for edit in (
            self.giver_name,
            self.given_on,
            self.notice_version,
            self.withdrawn_on,
            self.withdrawal_reason,
        ):
            edit.clear()
        self.giver_relationship.set_value(None)
        self.giver_role.set_value("legal_guardian")
        self.method.set_value("paper_signed")
        self.scopes.set_values(["registration"])
        self.child_assent.setChecked(False)

    def offer_giver(self, name: str, relationship: str | None) -> None:
        """Prefill who consented from the first guardian, when still empty."""
        if not self.giver_name.text().strip() and name:
            self.giver_name.setText(name)
            if relationship and self.giver_relationship.value() is None:
                self.giver_relationship.set_value(relationship)

    def values(self) -> dict[str, Any] | None:
        if not self.isChecked():
            return None
        values = {
            "giver_name": self.giver_name.text().strip() or None,
            "giver_relationship": self.giver_relationship.value(),
            "giver_role": self.giver_role.value(),
            "method": self.method.value(),
            "given_on": self.given_on.text().strip() or None,
            "notice_version": self.notice_version.text().strip() or None,
            "scopes": self.scopes.values(),
            "child_assent": self.child_assent.isChecked(),
            "withdrawn_on": self.withdrawn_on.text().strip() or None,
            "withdrawal_reason": self.withdrawal_reason.text().strip() or None,
        }
        if self.record_id:
            values["id"] = self.record_id
        return values

    def fill(self, consent: dict[str, Any] | None) -> None:
        self.reset()
        if not consent:
            return
        self.setChecked(True)
        self.record_id = consent.get("id")
        self.giver_name.setText(consent.get("giver_name") or "")
        self.giver_relationship.set_value(consent.get("giver_relationship"))
        self.giver_role.set_value(consent.get("giver_role") or "legal_guardian")
        self.method.set_value(consent.get("method") or "paper_signed")
        self.given_on.setText(consent.get("given_on") or "")
        self.notice_version.setText(consent.get("notice_version") or "")
        self.scopes.set_values(consent.get("scopes") or [])
        self.child_assent.setChecked(bool(consent.get("child_assent")))
        self.withdrawn_on.setText(consent.get("withdrawn_on") or "")
        self.withdrawal_reason.setText(consent.get("withdrawal_reason") or "")

    def retranslate(self) -> None:
        self.texts.apply()
        for combo in (self.giver_relationship, self.giver_role, self.method):
            combo.retranslate()
        self.scopes.retranslate()
