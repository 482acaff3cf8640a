"""The child's own fields, across their sections: reading, filling, and what one answer changes
in another section (which sections show, which categories are suggested, masked values).

:class:`ChildFields` holds the sections (it does not lay them out: the page places them, with
the guardians and consent between identity and the rest). Field keys are the stored names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit

from ss_core.domain.categories import suggest_categories
from ss_core.domain.errors import Issue
from ss_desktop.services.sites import SiteInfo
from ss_desktop.ui import form_labels as L
from ss_desktop.ui.register.family import CategoriesSection, LivingSection
from ss_desktop.ui.register.identity import IdentitySection
from ss_desktop.ui.register.masking import MaskedFields
from ss_desktop.ui.register.needs import (
    CareSection,
    DisabilitySection,
    HardshipSection,
    NotesSection,
)
from ss_desktop.ui.register.residence import HukouSection
from ss_desktop.ui.register.school import SchoolSection
from ss_desktop.ui.register.section import Section
from ss_desktop.ui.widgets import FieldBox

MASKED_CHOICES = (
    "disability_types",
    "disability_grade",
    "disability_certificate",
    "autism",
    "hardship",
)


class ChildFields(QObject):
    """Identity, hukou, school, categories, living, disability, care, hardship, notes."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.identity = IdentitySection()
        self.hukou = HukouSection()
        self.school = SchoolSection()
        self.categories = CategoriesSection()
        self.living = LivingSection()
        self.disability = DisabilitySection()
        self.care = CareSection()
        self.hardship = HardshipSection()
        self.notes = NotesSection()
        for section in self.sections():
            section.changed.connect(self.changed)
        self.categories.use_suggestion_requested.connect(self.apply_suggestion)
        self.changed.connect(self.update_visibility)
        self.changed.connect(self.update_suggestion)
        self.boxes: dict[str, FieldBox] = {}
        for section in self.sections():
            self.boxes.update(section.boxes)
        self.masks = self._masks()
        self.update_visibility()

    def sections(self) -> list[Section]:
        """Every section of the child's own fields (the page decides where each goes)."""
        return [
            self.identity,
            self.hukou,
            self.school,
            self.categories,
            self.living,
            self.disability,
            self.care,
            self.hardship,
            self.notes,
        ]

    # -- the shortcuts the page and its tests use --------------------------------------
    @property
    def surname(self) -> QLineEdit:
        return self.identity.surname

    @property
    def dob(self) -> QLineEdit:
        return self.identity.dob

    @property
    def site(self) -> QComboBox:
        return self.school.site

    def _masks(self) -> MaskedFields:
        """The fields ChildrenService.view may mask (see register.masking)."""
        d = self.disability
        setters = {
            "id_number": lambda v: self.identity.id_number.setText(v or ""),
            "care_placement": lambda v: self.care.care_placement.setText(v or ""),
            "hardship": self.hardship.hardship.set_value,
            "disability_types": lambda v: d.disability_types.set_values(v or []),
            "disability_grade": d.disability_grade.set_value,
            "disability_certificate": lambda v: d.disability_certificate.setChecked(bool(v)),
            "autism": lambda v: d.autism.setChecked(bool(v)),
        }
        editors = {
            "id_number": self.identity.id_number,
            "care_placement": self.care.care_placement,
            "hardship": self.hardship.hardship,
            "disability_types": d.disability_types,
            "disability_grade": d.disability_grade,
            "disability_certificate": d.disability_certificate,
            "autism": d.autism,
        }
        return MaskedFields(
            lambda: self.values(include_hidden=True, keep_masked=True),
            setters,
            editors,
            locked=MASKED_CHOICES,
        )

    # -- what one answer changes elsewhere ----------------------------------------------
    def update_visibility(self) -> None:
        cats = set(self.categories.categories.values())
        self.living.away_group.setVisible(self.living.parents_away() or "left_behind" in cats)
        self.disability.setVisible("disability" in cats)
        care = "in_care" in cats or self.living.living_arrangement.value() == "care_home"
        self.care.setVisible(care)

    def suggested(self) -> list[str]:
        site = self.school.current_site()
        fields = self.values(include_hidden=True)
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
        chosen = self.categories.categories.values()
        missing = [c for c in self.suggested() if c not in chosen]
        self.categories.show_suggestion([L.enum_label(L.CATEGORY, c) for c in missing])

    def apply_suggestion(self) -> None:
        group = self.categories.categories
        group.set_values(set(group.values()) | set(self.suggested()))

    # -- sites --------------------------------------------------------------------------
    def set_sites(self, sites: list[SiteInfo]) -> None:
        self.school.set_sites(sites)

    def set_site(self, site_id: str | None) -> None:
        self.school.set_site(site_id)

    def fill_school(self, values: dict[str, Any]) -> None:
        self.school.fill_school(values)

    # -- values -------------------------------------------------------------------------
    def parse_issues(self) -> list[Issue]:
        """Problems found while reading the typed text (before the domain rules)."""
        return self.identity.parse_issues() + self.hukou.parse_issues()

    def values(self, *, include_hidden: bool = False, keep_masked: bool = False) -> dict[str, Any]:
        """What the form holds. A masked field still showing its mask is left out (the
        stored value stays) unless *keep_masked*; typed over, it holds the new value. A
        section the answers hide holds nothing (unless *include_hidden*)."""
        values = self._values(include_hidden)
        if keep_masked or not self.masks.is_masked():
            return values
        current = self._values(True)
        hiding: dict[str, Section] = {"care_placement": self.care}
        hiding.update({name: self.disability for name in MASKED_CHOICES if name != "hardship"})
        for name, shown in self.masks.shown.items():
            section = hiding.get(name)
            visible = include_hidden or section is None or not section.isHidden()
            if visible and current.get(name) == shown:
                values.pop(name, None)
        return values

    def _values(self, include_hidden: bool) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for section in (self.identity, self.hukou, self.school, self.categories, self.living):
            values.update(section.values())
        values.update(self.hardship.values())
        values.update(self.notes.values())
        for group, widget in (
            (self.living.away_values(), self.living.away_group),
            (self.disability.values(), self.disability),
            (self.care.values(), self.care),
        ):
            if include_hidden or not widget.isHidden():
                values.update(group)
            else:
                values.update({k: ([] if isinstance(v, list) else None) for k, v in group.items()})
        return values

    def fill(self, child: dict[str, Any]) -> None:
        """Show a stored child (or clear with {}); a masked child's ``masked`` fields keep
        out of what is saved until typed over or shown."""
        self.masks.clear()
        for section in self.sections():
            section.fill(child)  # type: ignore[attr-defined]
        self.masks.apply(child.get("masked") or ())
        self.update_visibility()
        self.update_suggestion()

    def retranslate(self) -> None:
        for section in self.sections():
            section.retranslate()
        self.masks.retranslate()
        self.update_visibility()
        self.update_suggestion()
