"""The guardian's consent of the registration form (checkable: unticked = no consent yet)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.section import CONTEXT, focus_targets, tab_focusable
from ss_desktop.ui.widgets import CheckGroup, EnumCombo, FieldBox, Texts, add_field_row, line_edit


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
            ("giver_name", QT_TRANSLATE_NOOP("RegisterPage", "Given &by"), self.giver_name),
            (
                "giver_relationship",
                QT_TRANSLATE_NOOP("RegisterPage", "Re&lationship to the child"),
                self.giver_relationship,
            ),
            ("giver_role", QT_TRANSLATE_NOOP("RegisterPage", "A&s"), self.giver_role),
            ("method", QT_TRANSLATE_NOOP("RegisterPage", "Ho&w"), self.method),
            ("given_on", QT_TRANSLATE_NOOP("RegisterPage", "Da&te"), self.given_on),
            (
                "notice_version",
                QT_TRANSLATE_NOOP("RegisterPage", "Notice &version"),
                self.notice_version,
            ),
            ("scopes", QT_TRANSLATE_NOOP("RegisterPage", "Agreed t&o"), self.scopes),
            (
                "child_assent",
                QT_TRANSLATE_NOOP("RegisterPage", "The child a&grees too"),
                self.child_assent,
            ),
            ("withdrawn_on", QT_TRANSLATE_NOOP("RegisterPage", "Withdrawn o&n"), self.withdrawn_on),
            (
                "withdrawal_reason",
                QT_TRANSLATE_NOOP("RegisterPage", "Why with&drawn"),
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
            self.setTitle, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "&Consent recorded")
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

    def fields(self) -> list[QWidget]:
        """The tick (Space records a consent), then its fields while it is ticked."""
        out: list[QWidget] = [self] if tab_focusable(self) else []
        for box in self.boxes.values():
            out.extend(w for w in focus_targets(box.editor) if tab_focusable(w))
        return out

    def chain(self) -> list[QWidget]:
        return [self] + [w for box in self.boxes.values() for w in focus_targets(box.editor)]

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
