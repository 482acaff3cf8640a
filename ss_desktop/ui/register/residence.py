"""Where the child's hukou is registered and where the child lives (local or elsewhere)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from ss_core.domain.categories import is_local_hukou
from ss_core.domain.errors import Issue, IssueCode
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.reference import DivisionTable
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.division_picker import DivisionPicker
from ss_desktop.ui.register.section import Section, connect_changed, translate
from ss_desktop.ui.widgets import EnumCombo


class HukouSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Hukou and residence"), parent)
        self.hukou_division = DivisionPicker()
        self.hukou_type = EnumCombo(L.HUKOU_TYPE)
        self.residence_division = DivisionPicker()
        self.local_label = QLabel()
        self.local_label.setObjectName("localHukou")
        self.row(
            "hukou_division",
            QT_TRANSLATE_NOOP("RegisterPage", "Hukou &place"),
            self.hukou_division,
        )
        self.row("hukou_type", QT_TRANSLATE_NOOP("RegisterPage", "Hukou &type"), self.hukou_type)
        self.row(
            "residence_division",
            QT_TRANSLATE_NOOP("RegisterPage", "Lives &in"),
            self.residence_division,
        )
        self.form.addRow("", self.local_label)
        connect_changed(self, (self.hukou_division, self.hukou_type, self.residence_division))
        self.changed.connect(self.update_local)

    def set_table(self, table: DivisionTable) -> None:
        for picker in (self.hukou_division, self.residence_division):
            picker.set_table(table)

    def update_local(self) -> None:
        local = is_local_hukou(self.hukou_division.code(), self.residence_division.code())
        if local is None:
            self.local_label.setText("")
        else:
            self.local_label.setText(
                translate("Local hukou") if local else translate("Hukou elsewhere")
            )

    def parse_issues(self) -> list[Issue]:
        return [
            Issue(IssueCode.REQUIRED, key)
            for key, picker in (
                ("hukou_division", self.hukou_division),
                ("residence_division", self.residence_division),
            )
            if picker.is_incomplete()
        ]

    def values(self) -> dict[str, Any]:
        return {
            "hukou_division": self.hukou_division.code(),
            "hukou_type": self.hukou_type.value(),
            "residence_division": self.residence_division.code(),
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.hukou_division.set_code(child.get("hukou_division"))
        self.hukou_type.set_value(child.get("hukou_type"))
        self.residence_division.set_code(child.get("residence_division"))
        self.update_local()

    def retranslate(self) -> None:
        super().retranslate()
        self.hukou_type.retranslate()
        for picker in (self.hukou_division, self.residence_division):
            picker.retranslate()
        self.update_local()
