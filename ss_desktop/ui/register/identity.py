"""The child's identity: name, pinyin (filled in from the name), gender, birth date, ID number."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ss_core.domain.dates import format_dob, parse_dob
from ss_core.domain.errors import Issue, IssueCode, ValidationFailed
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_core.domain.pinyin import display_pinyin
from ss_core.domain.validation import PINYIN_MAX_LEN
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.section import CONTEXT, Section, connect_changed
from ss_desktop.ui.widgets import EnumCombo, line_edit

NAME_INPUT_MAX = 21  # one more than the rule allows, so "too long" is said, not silently cut
ID_INPUT_MAX = 24  # spaces and dashes are allowed while typing


def parse_form_dob(text: str) -> tuple[date, str]:
    """(date, precision) from what was typed; ValidationFailed(dob.format) otherwise."""
    born, precision = parse_dob(text)
    return born, precision.value


class IdentitySection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("RegisterPage", "Identity"), parent)
        self._pinyin_auto = True
        self.surname = line_edit(NAME_INPUT_MAX)
        self.given_name = line_edit(NAME_INPUT_MAX)
        self.pinyin = line_edit(PINYIN_MAX_LEN + 1)
        self.gender = EnumCombo(L.GENDER)
        self.dob = line_edit(20)
        self.dob_precision = EnumCombo(L.DOB_PRECISION, blank=False)
        self.id_number = line_edit(ID_INPUT_MAX)
        self.row("surname", QT_TRANSLATE_NOOP("RegisterPage", "&Surname"), self.surname)
        self.row("given_name", QT_TRANSLATE_NOOP("RegisterPage", "&Given name"), self.given_name)
        self.row("pinyin", QT_TRANSLATE_NOOP("RegisterPage", "Pin&yin"), self.pinyin)
        self.row("gender", QT_TRANSLATE_NOOP("RegisterPage", "G&ender"), self.gender)
        dob_row = QWidget()
        dob_row.setObjectName("dobRow")
        h = QHBoxLayout(dob_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.dob, 2)
        h.addWidget(self.dob_precision, 1)
        box = self.row("dob", QT_TRANSLATE_NOOP("RegisterPage", "&Date of birth"), dob_row)
        box.editor = self.dob
        dob_row.setFocusProxy(self.dob)
        self.dob.setObjectName("dob")
        self.dob_precision.setObjectName("dob_precision")
        self.row(
            "id_number",
            QT_TRANSLATE_NOOP("RegisterPage", "&ID number (optional)"),
            self.id_number,
        )
        self.texts.add(
            self.dob.setPlaceholderText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "2015-03-04, 2015-03 or 2015"),
        )
        self.texts.add(
            self.pinyin.setToolTip,
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "RegisterPage", "Filled in from the name; correct it if the reading is wrong."
            ),
        )
        for edit in (self.surname, self.given_name):
            edit.textChanged.connect(self._names_changed)
        self.pinyin.textEdited.connect(self._pinyin_edited)
        self.dob.textChanged.connect(self._dob_changed)
        connect_changed(self, (self.pinyin, self.id_number, self.gender, self.dob_precision))

    def _names_changed(self) -> None:
        if self._pinyin_auto:
            surname, given = self.surname.text().strip(), self.given_name.text().strip()
            try:
                auto = display_pinyin(surname, given) if surname or given else ""
            except Exception:  # noqa: BLE001 - odd input (emoji): the validator speaks
                auto = ""
            self.pinyin.setText(auto)
        self.changed.emit()

    def _pinyin_edited(self, text: str) -> None:
        self._pinyin_auto = not text.strip()

    def _dob_changed(self, text: str) -> None:
        try:
            _born, precision = parse_form_dob(text)
        except ValidationFailed:
            pass
        else:
            self.dob_precision.set_value(precision)
        self.changed.emit()

    def dob_or_none(self) -> tuple[str | None, str]:
        """The typed birth date as ISO text (None when not a date) and its precision."""
        try:
            born, precision = parse_form_dob(self.dob.text())
        except ValidationFailed:
            return None, self.dob_precision.value() or "exact"
        return born.isoformat(), self.dob_precision.value() or precision

    def parse_issues(self) -> list[Issue]:
        if self.dob.text().strip():
            try:
                parse_form_dob(self.dob.text())
            except ValidationFailed:
                return [Issue(IssueCode.DOB_FORMAT, "dob")]
        return []

    def values(self) -> dict[str, Any]:
        dob, precision = self.dob_or_none()
        return {
            "surname": self.surname.text().strip(),
            "given_name": self.given_name.text().strip(),
            "pinyin": self.pinyin.text().strip() or None,
            "gender": self.gender.value(),
            "dob": dob,
            "dob_precision": precision,
            "id_number": self.id_number.text().strip() or None,
        }

    def fill(self, child: dict[str, Any]) -> None:
        self.surname.setText(child.get("surname") or "")
        self.given_name.setText(child.get("given_name") or "")
        stored_pinyin = child.get("pinyin") or ""
        auto = display_pinyin(child.get("surname") or "", child.get("given_name") or "")
        self._pinyin_auto = not stored_pinyin or stored_pinyin == auto
        self.pinyin.setText(stored_pinyin)
        self.gender.set_value(child.get("gender"))
        dob = child.get("dob")
        precision = child.get("dob_precision") or "exact"
        if dob:
            born = dob if isinstance(dob, date) else date.fromisoformat(str(dob))
            self.dob.setText(format_dob(born, precision))
        else:
            self.dob.clear()
        self.dob_precision.set_value(precision)
        self.id_number.setText(child.get("id_number") or "")

    def retranslate(self) -> None:
        super().retranslate()
        self.gender.retranslate()
        self.dob_precision.retranslate()
