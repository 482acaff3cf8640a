"""The registration form's first section group: identity, hukou and residence, site and school.

Mixed into :class:`ss_desktop.ui.register_sections.ChildSections`, which provides
``_section``, ``_row`` and ``texts``; the labels keep the "RegisterPage" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from ss_core.domain.validation import PINYIN_MAX_LEN
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.division_picker import DivisionPicker
from ss_desktop.ui.widgets import EnumCombo, line_edit

CONTEXT = "RegisterPage"
NAME_INPUT_MAX = 21  # one more than the rule allows, so "too long" is said, not silently cut
ID_INPUT_MAX = 24  # spaces and dashes are allowed while typing
CLASS_MAX = 41


class IdentityRows:
    """Builds the identity, hukou and school rows of the child's sections."""

    def _build_identity(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Identity"))
        self.surname = line_edit(NAME_INPUT_MAX)
        self.given_name = line_edit(NAME_INPUT_MAX)
        self.pinyin = line_edit(PINYIN_MAX_LEN + 1)
        self.gender = EnumCombo(L.GENDER)
        self.dob = line_edit(20)
        self.dob_precision = EnumCombo(L.DOB_PRECISION, blank=False)
        self.id_number = line_edit(ID_INPUT_MAX)
        self._row(form, "surname", QT_TRANSLATE_NOOP("RegisterPage", "&Surname"), self.surname)
        self._row(
            form, "given_name", QT_TRANSLATE_NOOP("RegisterPage", "&Given name"), self.given_name
        )
        self._row(form, "pinyin", QT_TRANSLATE_NOOP("RegisterPage", "Pin&yin"), self.pinyin)
        self._row(form, "gender", QT_TRANSLATE_NOOP("RegisterPage", "G&ender"), self.gender)
        dob_row = QWidget()
        h = QHBoxLayout(dob_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.dob, 2)
        h.addWidget(self.dob_precision, 1)
        self.dob_precision.setObjectName("dob_precision")
        box = self._row(form, "dob", QT_TRANSLATE_NOOP("RegisterPage", "&Date of birth"), dob_row)
        box.editor = self.dob
        dob_row.setObjectName("dobRow")
        self.dob.setObjectName("dob")
        self._row(
            form,
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

    def _build_hukou(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Hukou and residence"))
        self.hukou_division = DivisionPicker()
        self.hukou_type = EnumCombo(L.HUKOU_TYPE)
        self.residence_division = DivisionPicker()
        self.local_label = QLabel()
        self.local_label.setObjectName("localHukou")
        self._row(
            form,
            "hukou_division",
            QT_TRANSLATE_NOOP("RegisterPage", "Hukou &place"),
            self.hukou_division,
        )
        self._row(
            form, "hukou_type", QT_TRANSLATE_NOOP("RegisterPage", "Hukou &type"), self.hukou_type
        )
        self._row(
            form,
            "residence_division",
            QT_TRANSLATE_NOOP("RegisterPage", "Lives &in"),
            self.residence_division,
        )
        form.addRow("", self.local_label)

    def _build_school(self) -> None:
        form = self._section(QT_TRANSLATE_NOOP("RegisterPage", "Site and school"))
        self.site = QComboBox()
        self.stage = EnumCombo(L.STAGE)
        self.school_system = EnumCombo(L.SCHOOL_SYSTEM, blank=False)
        self.grade = QComboBox()
        self.grade.addItem("—", None)
        for g in range(1, 10):
            self.grade.addItem(str(g), g)
        self.class_name = line_edit(CLASS_MAX)
        self.boarding = QCheckBox()
        self._row(form, "site_id", QT_TRANSLATE_NOOP("RegisterPage", "Si&te"), self.site)
        self._row(form, "stage", QT_TRANSLATE_NOOP("RegisterPage", "School s&tage"), self.stage)
        self._row(
            form,
            "school_system",
            QT_TRANSLATE_NOOP("RegisterPage", "School system"),
            self.school_system,
        )
        self._row(form, "grade", QT_TRANSLATE_NOOP("RegisterPage", "G&rade"), self.grade)
        self._row(form, "class_name", QT_TRANSLATE_NOOP("RegisterPage", "&Class"), self.class_name)
        self._row(
            form, "boarding", QT_TRANSLATE_NOOP("RegisterPage", "Boards at school"), self.boarding
        )
