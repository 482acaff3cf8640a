"""Guardians (1 to 3) of the registration form.

Each guardian's name, relationship and phone come first; the rest (legal guardian, primary
caregiver, situation, work place, how often they see the child) sits behind "More about this
guardian", opened by itself when a stored guardian has any of it or a message is about it.
"A guardian is required" is said in the first (empty) guardian's box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.masking import MaskedFields, unmasked_only
from ss_desktop.ui.register.section import CONTEXT, Section, focus_targets, tab_focusable
from ss_desktop.ui.widgets import EnumCombo, FieldBox, Texts, add_field_row, line_edit

MAX_GUARDIANS = 3
DETAILS = ("is_legal_guardian", "is_primary_caregiver", "status", "work_place", "contact_frequency")


class GuardianEditor(QFrame):
    """One guardian. Field keys: ``guardians.<index>.<field>``."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("guardianEditor")
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
        # "A guardian is required" (said here, in the empty guardian's own box)
        self.required = FieldBox(QWidget())
        self.required.setObjectName("guardianRequired")
        layout.addWidget(self.required)
        main = QFormLayout()
        main.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(main)
        self.more = QToolButton()
        self.more.setObjectName("moreAboutGuardian")
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.setArrowType(Qt.ArrowType.RightArrow)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        layout.addWidget(self.more)
        self.details = QWidget()
        self.details.setObjectName("guardianDetails")
        details = QFormLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.details)
        self.details.hide()

        self.name = line_edit(61)
        self.relationship = EnumCombo(L.RELATIONSHIP)
        self.phone = line_edit(24)
        self.is_legal_guardian = QCheckBox()
        self.is_primary_caregiver = QCheckBox()
        self.status = EnumCombo(L.PARENT_STATUS)
        self.work_place = line_edit(101)
        self.contact_frequency = EnumCombo(L.FREQUENCY)
        rows = (
            (main, "name", QT_TRANSLATE_NOOP("RegisterPage", "Na&me"), self.name),
            (
                main,
                "relationship",
                QT_TRANSLATE_NOOP("RegisterPage", "&Relationship"),
                self.relationship,
            ),
            (main, "phone", QT_TRANSLATE_NOOP("RegisterPage", "P&hone"), self.phone),
            (
                details,
                "is_legal_guardian",
                QT_TRANSLATE_NOOP("RegisterPage", "&Legal guardian"),
                self.is_legal_guardian,
            ),
            (
                details,
                "is_primary_caregiver",
                QT_TRANSLATE_NOOP("RegisterPage", "Primar&y caregiver"),
                self.is_primary_caregiver,
            ),
            (details, "status", QT_TRANSLATE_NOOP("RegisterPage", "Si&tuation"), self.status),
            (
                details,
                "work_place",
                QT_TRANSLATE_NOOP("RegisterPage", "&Works in"),
                self.work_place,
            ),
            (
                details,
                "contact_frequency",
                QT_TRANSLATE_NOOP("RegisterPage", "Sees the chil&d"),
                self.contact_frequency,
            ),
        )
        self._order: list[QWidget] = []
        for form, key, label, editor in rows:
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
            self._order.append(editor)
        self.texts.add(self.remove.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Remove"))
        self.texts.add(
            self.more.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "More about this guardian"),
        )
        self.texts.add(
            self.phone.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "13812345678 or 021-12345678"),
        )
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.more.toggled.connect(self.show_details)
        for widget in self._order:
            for name in ("textChanged", "currentIndexChanged", "toggled"):
                signal = getattr(widget, name, None)
                if signal is not None:
                    signal.connect(self.changed)
                    break
        self.masks = MaskedFields(
            self._values,
            {"phone": lambda v: self.phone.setText(v or "")},
            {"phone": self.phone},
        )

    def show_details(self, shown: bool = True) -> None:
        self.details.setVisible(shown)
        self.more.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if self.more.isChecked() != shown:
            self.more.setChecked(shown)

    def fields(self) -> list[QWidget]:
        """Name, relationship, phone and, when open, the details: in the order shown."""
        out: list[QWidget] = []
        for editor in self._order:
            out.extend(w for w in focus_targets(editor) if tab_focusable(w))
        return out

    def chain(self) -> list[QWidget]:
        """Remove (top right), the fields, "More about this guardian", the details."""
        main, details = self._order[:3], self._order[3:]
        items = [self.remove, *main, self.more, *details]
        return [w for item in items for w in focus_targets(item)]

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
        self.show_details(any(guardian.get(k) for k in DETAILS))
        # a saved guardian is not deleted from the form (no hard deletes from the UI)
        self.remove.setVisible(not self.record_id)

    def retranslate(self) -> None:
        self.texts.apply()
        for combo in (self.relationship, self.status, self.contact_frequency):
            combo.retranslate()
        self.masks.retranslate()


class GuardiansSection(Section):
    """The guardian editors and "Add a guardian"; at least one guardian is required."""

    added = Signal(object)  # the new GuardianEditor
    removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Guardians"), parent)
        self.editors: list[GuardianEditor] = []
        self._editors_layout = QVBoxLayout()
        self.body.insertLayout(self.body.count() - 1, self._editors_layout)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addGuardian")
        self.texts.add(
            self.add_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "&Add a guardian"),
        )
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add(focus=True))

    def add(self, *, focus: bool = False) -> GuardianEditor:
        editor = GuardianEditor()
        editor.remove_requested.connect(self.remove)
        editor.changed.connect(self.changed)
        self.editors.append(editor)
        self._editors_layout.addWidget(editor)
        self._number()
        self.added.emit(editor)
        if focus:
            editor.name.setFocus()
        return editor

    def remove(self, editor: GuardianEditor, force: bool = False) -> None:
        if not force and len(self.editors) <= 1:
            return
        self.editors.remove(editor)
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        self._number()
        self.removed.emit()

    def reset(self, guardians: list[dict[str, Any]]) -> None:
        """Show these guardians (one empty editor when none)."""
        for editor in list(self.editors):
            self.remove(editor, force=True)
        for guardian in guardians[:MAX_GUARDIANS] or [{}]:
            self.add().fill(guardian)

    def _number(self) -> None:
        for i, editor in enumerate(self.editors, start=1):
            editor.set_number(i)
            editor.remove.setEnabled(len(self.editors) > 1)
        self.add_button.setEnabled(len(self.editors) < MAX_GUARDIANS)

    def required_box(self) -> FieldBox:
        """Where "a guardian is required" is said: inside the first guardian's box."""
        return self.editors[0].required

    def filled(self) -> list[int]:
        return [i for i, g in enumerate(self.editors) if not g.is_blank() or g.record_id]

    def values(self) -> list[dict[str, Any]]:
        return [self.editors[i].values() for i in self.filled()]

    def fields(self) -> list[QWidget]:
        return [w for editor in self.editors for w in editor.fields()]

    def chain(self) -> list[QWidget]:
        return [w for editor in self.editors for w in editor.chain()] + [self.add_button]

    def retranslate(self) -> None:
        super().retranslate()
        for editor in self.editors:
            editor.retranslate()
        self._number()
