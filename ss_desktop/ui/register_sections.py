"""The child's own sections of the registration form: layout, reading and filling values.

Behaviour (validation, saving, duplicates) lives in :mod:`ss_desktop.ui.register_page`.
Every editor sits in a :class:`FieldBox` keyed by the stored field name, so a validation
issue for ``"id_number"`` lands next to the ID number.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ss_core.domain.categories import is_local_hukou, suggest_categories
from ss_core.domain.dates import format_dob
from ss_core.domain.errors import Issue, IssueCode, ValidationFailed
from ss_core.domain.pinyin import display_pinyin
from ss_core.domain.validation import NOTES_MAX_LEN
from ss_desktop.services.sites import SiteInfo
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register_family import FamilyRows
from ss_desktop.ui.register_identity import IdentityRows
from ss_desktop.ui.register_masking import MaskedFields
from ss_desktop.ui.register_needs import NeedsRows
from ss_desktop.ui.widgets import FieldBox, Texts, add_field_row, section_title

CONTEXT = "RegisterPage"
PARENTS_AWAY = "working_away"
MASKED_CHOICES = (
    "disability_types",
    "disability_grade",
    "disability_certificate",
    "autism",
    "hardship",
)


def parse_form_dob(text: str) -> tuple[date, str]:
    """(date, precision) from what was typed; ValidationFailed(dob.format) otherwise."""
    from ss_core.domain.dates import parse_dob

    born, precision = parse_dob(text)
    return born, precision.value


class ChildSections(IdentityRows, FamilyRows, NeedsRows, QWidget):
    """Identity, hukou, school, categories, living, disability, care, hardship, notes.

    The rows of each section group are built by its mixin (register_identity,
    register_family, register_needs); reading, filling and behaviour live here."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self.boxes: dict[str, FieldBox] = {}
        self.sites: list[SiteInfo] = []
        self._pinyin_auto = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._build_identity()
        self._build_hukou()
        self._build_school()
        self._build_categories()
        self._build_living()
        self._build_disability()
        self._build_care()
        self._build_hardship()
        self._connect()
        self._build_masks()
        self.update_visibility()

    # -- building -----------------------------------------------------------------------
    def _section(self, title: str) -> QFormLayout:
        label = section_title()
        self.texts.add(label.setText, CONTEXT, title)
        self._layout.addWidget(label)
        holder = QWidget()
        form = QFormLayout(holder)
        form.setContentsMargins(8, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addWidget(holder)
        self._holders = getattr(self, "_holders", [])
        self._holders.append((label, holder))
        return form

    def _row(self, form: QFormLayout, key: str, label: str, editor: QWidget) -> FieldBox:
        return add_field_row(
            form, self.texts, self.boxes, key, label, editor, object_name=key, context=CONTEXT
        )

    def _build_masks(self) -> None:
        """The fields ChildrenService.view may mask (see register_masking)."""
        setters = {
            "id_number": lambda v: self.id_number.setText(v or ""),
            "care_placement": lambda v: self.care_placement.setText(v or ""),
            "hardship": self.hardship.set_value,
            "disability_types": lambda v: self.disability_types.set_values(v or []),
            "disability_grade": self.disability_grade.set_value,
            "disability_certificate": lambda v: self.disability_certificate.setChecked(bool(v)),
            "autism": lambda v: self.autism.setChecked(bool(v)),
        }
        self.masks = MaskedFields(
            lambda: self.values(include_hidden=True, keep_masked=True),
            setters,
            {name: getattr(self, name) for name in setters},
            locked=MASKED_CHOICES,
        )
        # a masked field in a section the answers hide is cleared like the others
        self._mask_groups = {
            "care_placement": self.care_group,
            **{name: self.disability_group for name in MASKED_CHOICES if name != "hardship"},
        }

    def build_notes(self, layout: QVBoxLayout) -> None:
        """Notes come last, after guardians and consent (added by the page)."""
        label = section_title()
        self.texts.add(label.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        layout.addWidget(label)
        box = FieldBox(self.notes)
        layout.addWidget(box)
        self.boxes["notes"] = box
        self.notes.textChanged.connect(self.changed)

    # -- behaviour ----------------------------------------------------------------------
    def _connect(self) -> None:
        for edit in (self.surname, self.given_name):
            edit.textChanged.connect(self._names_changed)
        self.pinyin.textEdited.connect(self._pinyin_edited)
        self.dob.textChanged.connect(self._dob_changed)
        for w in (
            self.pinyin,
            self.id_number,
            self.class_name,
            self.father_work_place,
            self.mother_work_place,
            self.caregiver_name,
            self.care_placement,
            self.care_since,
        ):
            w.textChanged.connect(self.changed)
        for combo in (
            self.gender,
            self.dob_precision,
            self.hukou_type,
            self.site,
            self.stage,
            self.school_system,
            self.grade,
            self.living_arrangement,
            self.father_status,
            self.mother_status,
            self.parent_visit_frequency,
            self.disability_grade,
            self.hardship,
        ):
            combo.currentIndexChanged.connect(self.changed)
        for box in (
            self.boarding,
            self.disability_certificate,
            self.autism,
            self.hardship_evidence_seen,
        ):
            box.toggled.connect(self.changed)
        for group in (self.categories, self.disability_types):
            group.changed.connect(self.changed)
        for picker in (self.hukou_division, self.residence_division):
            picker.changed.connect(self.changed)
        self.changed.connect(self.update_visibility)
        self.changed.connect(self.update_suggestion)

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

    def update_visibility(self) -> None:
        cats = set(self.categories.values())
        away = PARENTS_AWAY in (self.father_status.value(), self.mother_status.value())
        self.away_group.setVisible(away or "left_behind" in cats)
        disability = "disability" in cats
        self.disability_group.setVisible(disability)
        self._disability_title.setVisible(disability)
        care = "in_care" in cats or self.living_arrangement.value() == "care_home"
        self.care_group.setVisible(care)
        self._care_title.setVisible(care)
        local = is_local_hukou(self.hukou_division.code(), self.residence_division.code())
        if local is None:
            self.local_label.setText("")
        else:
            self.local_label.setText(
                QCoreApplication.translate("RegisterPage", "Local hukou")
                if local
                else QCoreApplication.translate("RegisterPage", "Hukou elsewhere")
            )

    def _site(self) -> SiteInfo | None:
        site_id = self.site.currentData()
        return next((s for s in self.sites if s.id == site_id), None)

    def suggested(self) -> list[str]:
        site = self._site()
        fields = self.values(include_hidden=True)
        fields["dob"], fields["dob_precision"] = self._dob_or_none()
        try:
            found = suggest_categories(
                fields,
                site_type=site.site_type if site else None,
                residence_prefecture=site.division_code if site else None,
                city_tier=site.city_tier if site else None,
            )
        except Exception:  # noqa: BLE001 - suggestions never block typing
            return []
        return [str(c) for c in found]

    def update_suggestion(self) -> None:
        missing = [c for c in self.suggested() if c not in self.categories.values()]
        if missing:
            names = ", ".join(L.enum_label(L.CATEGORY, c) for c in missing)
            self.suggestion.setText(
                QCoreApplication.translate(
                    "RegisterPage", "Suggested from the answers: {names}"
                ).format(names=names)
            )
        self.suggestion.setVisible(bool(missing))
        self.use_suggestion.setVisible(bool(missing))

    def apply_suggestion(self) -> None:
        self.categories.set_values(set(self.categories.values()) | set(self.suggested()))

    # -- sites --------------------------------------------------------------------------
    def set_sites(self, sites: list[SiteInfo]) -> None:
        current = self.site.currentData()
        self.sites = list(sites)
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem("—", None)
        for s in self.sites:
            suffix = (
                QCoreApplication.translate("RegisterPage", " (pending)")
                if s.status == "pending"
                else ""
            )
            self.site.addItem(s.name + suffix, s.id)
        index = self.site.findData(current) if current else -1
        if index < 0 and len(self.sites) == 1:
            index = 1
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)

    # -- values -------------------------------------------------------------------------
    def _dob_or_none(self) -> tuple[str | None, str]:
        try:
            born, precision = parse_form_dob(self.dob.text())
        except ValidationFailed:
            return None, self.dob_precision.value() or "exact"
        return born.isoformat(), self.dob_precision.value() or precision

    def parse_issues(self) -> list[Issue]:
        """Problems found while reading the typed text (before the domain rules)."""
        issues = []
        if self.dob.text().strip():
            try:
                parse_form_dob(self.dob.text())
            except ValidationFailed:
                issues.append(Issue(IssueCode.DOB_FORMAT, "dob"))
        for key, picker in (
            ("hukou_division", self.hukou_division),
            ("residence_division", self.residence_division),
        ):
            if picker.is_incomplete():
                issues.append(Issue(IssueCode.REQUIRED, key))
        return issues

    def values(self, *, include_hidden: bool = False, keep_masked: bool = False) -> dict[str, Any]:
        """What the form holds. A masked field still showing its mask is left out (the
        stored value stays) unless *keep_masked*; typed over, it holds the new value."""
        values = self._values(include_hidden)
        if keep_masked or not self.masks.is_masked():
            return values
        current = self._values(True)
        for name, shown in self.masks.shown.items():
            group = self._mask_groups.get(name)
            visible = include_hidden or group is None or not group.isHidden()
            if visible and current.get(name) == shown:
                values.pop(name, None)
        return values

    def _values(self, include_hidden: bool) -> dict[str, Any]:
        dob, precision = self._dob_or_none()

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        values: dict[str, Any] = {
            "surname": self.surname.text().strip(),
            "given_name": self.given_name.text().strip(),
            "pinyin": text(self.pinyin),
            "gender": self.gender.value(),
            "dob": dob,
            "dob_precision": precision,
            "id_number": text(self.id_number),
            "hukou_division": self.hukou_division.code(),
            "hukou_type": self.hukou_type.value(),
            "residence_division": self.residence_division.code(),
            "site_id": self.site.currentData(),
            "stage": self.stage.value(),
            "school_system": self.school_system.value(),
            "grade": self.grade.currentData(),
            "class_name": text(self.class_name),
            "boarding": self.boarding.isChecked(),
            "categories": self.categories.values(),
            "living_arrangement": self.living_arrangement.value(),
            "father_status": self.father_status.value(),
            "mother_status": self.mother_status.value(),
            "hardship": self.hardship.value(),
            "hardship_evidence_seen": self.hardship_evidence_seen.isChecked(),
            "notes": self.notes.toPlainText().strip() or None,
        }
        away = {
            "father_work_place": text(self.father_work_place),
            "mother_work_place": text(self.mother_work_place),
            "parent_visit_frequency": self.parent_visit_frequency.value(),
            "caregiver_name": text(self.caregiver_name),
        }
        disability = {
            "disability_types": self.disability_types.values(),
            "disability_grade": self.disability_grade.value(),
            "disability_certificate": self.disability_certificate.isChecked(),
            "autism": self.autism.isChecked(),
        }
        care = {"care_placement": text(self.care_placement), "care_since": text(self.care_since)}
        for group, widget in (
            (away, self.away_group),
            (disability, self.disability_group),
            (care, self.care_group),
        ):
            if include_hidden or not widget.isHidden():
                values.update(group)
            else:  # a section the answers hide holds nothing
                values.update({k: ([] if isinstance(v, list) else None) for k, v in group.items()})
                if "disability_certificate" in group:
                    values["disability_certificate"] = None
                    values["autism"] = None
        return values

    def fill(self, child: dict[str, Any]) -> None:
        """Show a stored child (or clear with {}); a masked child's ``masked`` fields keep
        out of what is saved until typed over or shown."""
        self.masks.clear()
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
        self.hukou_division.set_code(child.get("hukou_division"))
        self.hukou_type.set_value(child.get("hukou_type"))
        self.residence_division.set_code(child.get("residence_division"))
        self.set_site(child.get("site_id"))
        self.fill_school(child)
        self.boarding.setChecked(bool(child.get("boarding")))
        self.categories.set_values(child.get("categories") or [])
        self.living_arrangement.set_value(child.get("living_arrangement"))
        self.father_status.set_value(child.get("father_status"))
        self.mother_status.set_value(child.get("mother_status"))
        self.father_work_place.setText(child.get("father_work_place") or "")
        self.mother_work_place.setText(child.get("mother_work_place") or "")
        self.parent_visit_frequency.set_value(child.get("parent_visit_frequency"))
        self.caregiver_name.setText(child.get("caregiver_name") or "")
        self.disability_types.set_values(child.get("disability_types") or [])
        self.disability_grade.set_value(child.get("disability_grade"))
        self.disability_certificate.setChecked(bool(child.get("disability_certificate")))
        self.autism.setChecked(bool(child.get("autism")))
        self.care_placement.setText(child.get("care_placement") or "")
        self.care_since.setText(child.get("care_since") or "")
        self.hardship.set_value(child.get("hardship"))
        self.hardship_evidence_seen.setChecked(bool(child.get("hardship_evidence_seen")))
        self.notes.setPlainText(child.get("notes") or "")
        self.masks.apply(child.get("masked") or ())
        self.update_visibility()
        self.update_suggestion()

    def set_site(self, site_id: str | None) -> None:
        index = self.site.findData(site_id) if site_id else -1
        if index < 0 and not site_id and len(self.sites) == 1:
            index = 1
        self.site.setCurrentIndex(max(index, 0))

    def fill_school(self, values: dict[str, Any]) -> None:
        self.stage.set_value(values.get("stage"))
        self.school_system.set_value(values.get("school_system") or "6-3-3")
        index = self.grade.findData(values.get("grade")) if values.get("grade") else 0
        self.grade.setCurrentIndex(max(index, 0))
        self.class_name.setText(values.get("class_name") or "")

    def retranslate(self) -> None:
        self.texts.apply()
        for combo in (
            self.gender,
            self.dob_precision,
            self.hukou_type,
            self.stage,
            self.school_system,
            self.living_arrangement,
            self.father_status,
            self.mother_status,
            self.parent_visit_frequency,
            self.disability_grade,
            self.hardship,
        ):
            combo.retranslate()
        for group in (self.categories, self.disability_types):
            group.retranslate()
        for picker in (self.hukou_division, self.residence_division):
            picker.retranslate()
        self.masks.retranslate()
        self.set_sites(self.sites)
        self.update_visibility()
        self.update_suggestion()


NOTES_LIMIT = NOTES_MAX_LEN
