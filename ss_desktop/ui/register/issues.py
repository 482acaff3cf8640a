"""The registration form's messages next to its fields: the domain rules run on what is typed
(no database), each issue shown under its field, the first one focused. Texts keep the
"RegisterPage" translation context.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from ss_core.domain.consent import validate_consent
from ss_core.domain.errors import Issue, IssueCode, Severity
from ss_core.domain.validation import validate_child, validate_guardian
from ss_desktop.services.children import ChildForm
from ss_desktop.ui.errors import issue_message
from ss_desktop.ui.register.child import ChildFields
from ss_desktop.ui.register.consent import ConsentSection
from ss_desktop.ui.register.guardians import GuardiansSection
from ss_desktop.ui.widgets import FieldBox, FocusOutWatcher

REQUIRED_CODES = frozenset({IssueCode.NAME_REQUIRED.value, IssueCode.REQUIRED.value})


def issue_text(issue: Issue, form_dob: str | None = None) -> str:
    params = dict(issue.params)
    if issue.code == IssueCode.ID_NUMBER_BIRTH_DATE_MISMATCH:
        params.setdefault("id_dob", params.get("id_birth_date", ""))
        params.setdefault("form_dob", form_dob or "")
    if issue.field == "guardians" and issue.code == IssueCode.REQUIRED:
        return QCoreApplication.translate(
            "RegisterPage",
            "A guardian is required: type at least their name, relationship and phone.",
        )
    if str(issue.code) == "reference.unknown":
        return QCoreApplication.translate(
            "RegisterPage", "This record refers to something that no longer exists."
        )
    return issue_message(str(issue.code), params)


def read_form(
    sections: ChildFields, guardians: GuardiansSection, consent: ConsentSection
) -> ChildForm:
    """What the form holds, as the service takes it."""
    consent_values = consent.values()
    return ChildForm(
        sections.values(), guardians.values(), [consent_values] if consent_values else []
    )


class FieldMessages(QObject):
    """Finds the form's issues and shows each next to its field."""

    def __init__(
        self,
        sections: ChildFields,
        guardians: GuardiansSection,
        consent: ConsentSection,
        scroll: QScrollArea,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sections, self.guardians, self.consent = sections, guardians, consent
        self.scroll = scroll
        self.paused = False  # while a save runs, leaving a field says nothing
        self.watcher = FocusOutWatcher(self._field_left, self)

    def watch(self, widgets: list[QWidget]) -> None:
        """Check a field when the keyboard leaves it."""
        for widget in widgets:
            self.watcher.watch(widget)

    def _all_boxes(self) -> dict[str, FieldBox]:
        """Every field's box by key, in the order shown (the first error is focused)."""
        boxes = dict(self.sections.identity.boxes)
        if self.guardians.editors:
            boxes["guardians"] = self.guardians.required_box()
        for i, editor in enumerate(self.guardians.editors):
            boxes.update({f"guardians.{i}.{k}": b for k, b in editor.boxes.items()})
        boxes.update({f"consent.{k}": b for k, b in self.consent.boxes.items()})
        for section in self.sections.sections()[1:]:
            boxes.update(section.boxes)
        return boxes

    def form(self) -> ChildForm:
        return read_form(self.sections, self.guardians, self.consent)

    def issues(self) -> dict[str, Issue]:
        """The first issue per field key, from the domain rules (no database)."""
        found: dict[str, Issue] = {}

        def add(key: str, issue: Issue) -> None:
            current = found.get(key)
            if current is None or (current.severity == Severity.WARNING and issue.is_error):
                found[key] = issue

        for issue in self.sections.parse_issues():
            add(issue.field, issue)
        form = self.form()
        child_values = form.fields
        for issue in validate_child(child_values):
            if issue.field == "dob" and "dob" in found:
                continue
            add(issue.field, issue)
        filled = self.guardians.filled()
        if not filled:
            add("guardians", Issue(IssueCode.REQUIRED, "guardians"))
        for i in filled:
            values = {**self.guardians.editors[i].values(), "child_id": "new"}
            for issue in validate_guardian(values):
                add(f"guardians.{i}.{issue.field}", issue)
        consent = self.consent.values()
        if consent is not None:
            dob = child_values.get("dob")
            for issue in validate_consent(
                {**consent, "child_id": "new"},
                child_dob=date.fromisoformat(dob) if dob else None,
                child_dob_precision=child_values.get("dob_precision"),
            ):
                add(f"consent.{issue.field}", issue)
        return found

    # -- showing issues -----------------------------------------------------------------
    def clear(self) -> None:
        for box in self._all_boxes().values():
            box.set_error(None)

    def refresh(self, only: set[str] | None) -> dict[str, Issue]:
        """Update the messages: of every field (only=None), or of the fields in *only* plus
        those already showing one (so a fixed field clears)."""
        issues = self.issues()
        form_dob = self.sections.dob.text().strip()
        for key, box in self._all_boxes().items():
            if only is not None and key not in only and not box.error.text():
                continue
            issue = issues.get(key)
            if (
                only is not None
                and issue is not None
                and not box.error.text()
                and str(issue.code) in REQUIRED_CODES
            ):
                continue  # an empty field is said on save, not when tabbing past it
            box.set_error(
                issue_text(issue, form_dob) if issue else None,
                warning=bool(issue and not issue.is_error),
            )
        return issues

    def _field_left(self, widget: QObject) -> None:
        if self.paused:
            return
        try:
            for key, box in self._all_boxes().items():
                if box is widget or box.isAncestorOf(widget):  # type: ignore[arg-type]
                    self.refresh(only={key})
                    return
        except RuntimeError:  # the page is being destroyed
            return

    def focus_first(self, keys: set[str]) -> None:
        for key, box in self._all_boxes().items():
            if key in keys:
                for editor in self.guardians.editors:
                    if editor.details.isAncestorOf(box):
                        editor.show_details(True)
                target: QWidget = box.editor
                if key == "guardians":
                    target = self.guardians.editors[0].name
                target = target.focusProxy() or target
                self.scroll.ensureWidgetVisible(box)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def show_issues(self, issues: list[Issue]) -> None:
        """Issues a service reported (field names without the entity): by their field."""
        boxes = self._all_boxes()
        placed: set[str] = set()
        for issue in issues:
            key = issue.field
            if key not in boxes:
                consent_key = f"consent.{key}"
                guardian_key = f"guardians.0.{key}"
                key = consent_key if consent_key in boxes else guardian_key
            if key in boxes:
                boxes[key].set_error(issue_text(issue), warning=not issue.is_error)
                placed.add(key)
        self.focus_first(placed)
