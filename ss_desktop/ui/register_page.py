"""The registration form: register a new child or edit one, fully by keyboard.

Validation runs the pure domain rules directly (no database) when a field is left and on
save; each message is shown next to its field and the first one gets the focus. Before a
new child is saved, possible duplicates are looked up on a worker and shown in a panel.
Saves run on the write executor; a failed save keeps everything typed and says why.
"Save and new" (Ctrl+Enter) keeps the site, the school stage, grade and class.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.consent import PENDING_UNDER_14, consent_state, validate_consent
from ss_core.domain.dates import needs_guardian_consent
from ss_core.domain.errors import Issue, IssueCode, Severity, ValidationFailed
from ss_core.domain.validation import validate_child, validate_guardian
from ss_desktop.services.children import ChildForm, ChildrenService, Revealed, SaveResult
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.reference import DivisionTable, ReferenceService
from ss_desktop.services.sites import SiteInfo, SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.duplicates_panel import CandidateView, DuplicatesPanel
from ss_desktop.ui.errors import error_message, issue_message
from ss_desktop.ui.register_masking import SensitiveBar
from ss_desktop.ui.register_people import MAX_GUARDIANS, ConsentSection, GuardianEditor
from ss_desktop.ui.register_sections import ChildSections
from ss_desktop.ui.widgets import (
    FieldBox,
    FocusOutWatcher,
    Texts,
    banner,
    section_title,
    show_banner,
    while_alive,
)

log = logging.getLogger(__name__)
CONTEXT = "RegisterPage"
REQUIRED_CODES = frozenset({IssueCode.NAME_REQUIRED.value, IssueCode.REQUIRED.value})
KEPT_BY_SAVE_AND_NEW = ("site_id", "stage", "school_system", "grade", "class_name")



def issue_text(issue: Issue, form_dob: str | None = None) -> str:
    params = dict(issue.params)
    if issue.code == IssueCode.ID_NUMBER_BIRTH_DATE_MISMATCH:
        params.setdefault("id_dob", params.get("id_birth_date", ""))
        params.setdefault("form_dob", form_dob or "")
    if str(issue.code) == "reference.unknown":
        return QCoreApplication.translate(
            "RegisterPage", "This record refers to something that no longer exists."
        )
    return issue_message(str(issue.code), params)


def find_candidates(app: Any, session: Any, form: ChildForm) -> list[CandidateView]:
    """Worker job: duplicate candidates with what the panel shows about each."""
    children = ChildrenService(app, session)
    found = children.find_duplicates(form)
    if not found:
        return []
    sites = SitesService(app, session).site_names()
    out = []
    for candidate in found:
        child = children.view(candidate.record_id)
        name = f"{child.get('surname') or ''}{child.get('given_name') or ''}"
        if child.get("pinyin"):
            name += f" ({child['pinyin']})"
        out.append(
            CandidateView(
                candidate.record_id,
                name,
                str(child.get("dob") or ""),
                sites.get(child.get("site_id"), ""),
                tuple(candidate.reasons),
                candidate.score,
            )
        )
    return out


class RegisterPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerPage")
        self.ctx = ctx
        self.texts = Texts()
        self.child_id: str | None = None
        self._busy = False
        self._baseline: Any = None
        self._divisions: DivisionTable | None = None
        self._build()
        self._load_reference()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.new_child()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.message = banner("formMessage")
        outer.addWidget(self.message)
        self.consent_banner = banner("consentBanner")
        outer.addWidget(self.consent_banner)
        self.sensitive = SensitiveBar()
        self.sensitive.show_requested.connect(self._reveal)
        outer.addWidget(self.sensitive)
        self.duplicates = DuplicatesPanel()
        self.duplicates.hide()
        outer.addWidget(self.duplicates)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.sections = ChildSections()
        self.content_layout.addWidget(self.sections)

        guardians_title = section_title()
        self.texts.add(
            guardians_title.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Guardians")
        )
        self.content_layout.addWidget(guardians_title)
        self.guardians_layout = QVBoxLayout()
        self.content_layout.addLayout(self.guardians_layout)
        self.add_guardian_button = QPushButton()
        self.add_guardian_button.setObjectName("addGuardian")
        self.texts.add(
            self.add_guardian_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "&Add a guardian"),
        )
        self.guardians_box = FieldBox(self.add_guardian_button)
        self.content_layout.addWidget(self.guardians_box, 0, Qt.AlignmentFlag.AlignLeft)
        self.guardians: list[GuardianEditor] = []

        consent_title = section_title()
        self.texts.add(consent_title.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Consent"))
        self.content_layout.addWidget(consent_title)
        self.consent = ConsentSection()
        self.content_layout.addWidget(self.consent)
        self.sections.build_notes(self.content_layout)
        self.content_layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newChild")
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_new_button = QPushButton()
        self.save_new_button.setObjectName("saveAndNew")
        self.save_button.setDefault(False)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_new_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.texts.add(
            self.new_button.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Clear form")
        )
        self.texts.add(
            self.save_button.setText, CONTEXT, QT_TRANSLATE_NOOP("RegisterPage", "Save (Ctrl+S)")
        )
        self.texts.add(
            self.save_new_button.setText,
            CONTEXT,
            QT_TRANSLATE_NOOP("RegisterPage", "Save and new (Ctrl+Enter)"),
        )

        self.save_button.clicked.connect(lambda: self.save())
        self.save_new_button.clicked.connect(lambda: self.save(and_new=True))
        self.new_button.clicked.connect(self._clear_clicked)
        self.add_guardian_button.clicked.connect(lambda: self._add_guardian(focus=True))
        for keys, and_new in (("Ctrl+S", False), ("Ctrl+Return", True), ("Ctrl+Enter", True)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=and_new: self.save(and_new=n))
        self.duplicates.open_existing.connect(self._open_existing)
        self.duplicates.save_anyway.connect(lambda reason: self.save(duplicate_reason=reason))
        self.duplicates.cancelled.connect(self._back_to_form)

        self.watcher = FocusOutWatcher(self._field_left, self)
        for box in self.sections.boxes.values():
            self._watch(box.editor)
        for box in self.consent.boxes.values():
            self._watch(box.editor)
        self.sections.changed.connect(self._update_consent_banner)
        self.consent.changed.connect(self._update_consent_banner)

    def _watch(self, editor: QWidget) -> None:
        targets = [editor, *editor.findChildren(QWidget)]
        for target in targets:
            if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
                self.watcher.watch(target)

    # -- reference data -----------------------------------------------------------------
    def _load_reference(self) -> None:
        app = self.ctx.app
        self.ctx.executor.submit(
            lambda: ReferenceService(app).divisions(),
            on_result=while_alive(self, self._divisions_loaded),
            on_error=while_alive(self, self._load_failed),
        )
        self._load_sites()

    def _load_sites(self) -> None:
        if self.ctx.session is None:
            return
        app, session = self.ctx.app, self.ctx.session
        self.ctx.executor.submit(
            lambda: SitesService(app, session).list_sites(),
            on_result=while_alive(self, self._sites_loaded),
            on_error=while_alive(self, self._load_failed),
        )

    def _divisions_loaded(self, table: DivisionTable) -> None:
        self._divisions = table
        unchanged = not self.has_unsaved_changes()
        for picker in (self.sections.hukou_division, self.sections.residence_division):
            picker.set_table(table)
        if unchanged:
            self._baseline = self._snapshot()

    def _sites_loaded(self, sites: list[SiteInfo]) -> None:
        unchanged = not self.has_unsaved_changes()
        self.sections.set_sites(sites)
        if unchanged:
            self._baseline = self._snapshot()

    def _load_failed(self, exc: BaseException) -> None:
        show_banner(self.message, error_message(exc), "error")

    def _on_data_changed(self, touched: dict) -> None:
        if "site" in touched:
            self._load_sites()

    # -- public API ---------------------------------------------------------------------
    def new_child(self, *, keep: dict[str, Any] | None = None, keep_message: bool = False) -> None:
        self.child_id = None
        self.duplicates.hide()
        if not keep_message:
            show_banner(self.message, None)
        self.sections.fill({})
        if keep:
            self.sections.set_site(keep.get("site_id"))
            self.sections.fill_school(keep)
        for editor in list(self.guardians):
            self._remove_guardian(editor, force=True)
        self._add_guardian()
        self.consent.fill(None)
        self.sensitive.set_state(hidden=False, may_reveal=False)
        self._clear_errors()
        self._set_title()
        self._update_consent_banner()
        self._baseline = self._snapshot()
        self.sections.surname.setFocus()

    def open_child(self, child_id: str, *, keep_message: bool = False) -> None:
        if self.ctx.session is None:
            return
        app, session = self.ctx.app, self.ctx.session
        self.ctx.executor.submit(
            lambda: ChildrenService(app, session).view(child_id),
            on_result=while_alive(self, lambda child: self._show_child(child, keep_message)),
            on_error=while_alive(self, self._load_failed),
        )

    def has_unsaved_changes(self) -> bool:
        return self._baseline is not None and self._snapshot() != self._baseline

    def retranslate(self) -> None:
        self.texts.apply()
        self.sections.retranslate()
        for editor in self.guardians:
            editor.retranslate()
        self._number_guardians()
        self.consent.retranslate()
        self.duplicates.retranslate()
        self.sensitive.retranslate()
        self._set_title()
        self._update_consent_banner()
        self._refresh_errors(only=set())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a child ----------------------------------------------------------------
    def _show_child(self, child: dict[str, Any], keep_message: bool) -> None:
        self.child_id = child["id"]
        self.duplicates.hide()
        if not keep_message:
            show_banner(self.message, None)
        self.sections.fill(child)
        for editor in list(self.guardians):
            self._remove_guardian(editor, force=True)
        for guardian in child.get("guardians", [])[:MAX_GUARDIANS] or [{}]:
            self._add_guardian().fill(guardian)
        consents = [c for c in child.get("consents", []) if not c.get("deleted")]
        self.consent.fill(consents[-1] if consents else None)
        hidden = self.sections.masks.is_masked() or any(
            g.masks.is_masked() for g in self.guardians
        )
        session = self.ctx.session
        may_reveal = session is not None and allowed(session.role, Permission.VIEW_SENSITIVE)
        self.sensitive.set_state(hidden=hidden, may_reveal=may_reveal)
        self._clear_errors()
        self._set_title()
        self._update_consent_banner()
        self._baseline = self._snapshot()

    def _reveal(self) -> None:
        """"Show hidden details": the stored values, audited by the service (a write)."""
        if self.ctx.session is None or self.child_id is None:
            return
        app, session, child_id = self.ctx.app, self.ctx.session, self.child_id
        self.sensitive.set_busy(True)
        self.ctx.executor.submit(
            lambda: ChildrenService(app, session).reveal(child_id),
            write=True,
            on_result=while_alive(self, self._revealed),
            on_error=while_alive(self, self._reveal_failed),
        )

    def _revealed(self, revealed: Revealed) -> None:
        self.sensitive.set_busy(False)
        if revealed.child_id != self.child_id:
            return  # another child was opened meanwhile
        unchanged = not self.has_unsaved_changes()
        self.sections.masks.reveal(revealed.child)
        for editor in self.guardians:
            if editor.record_id in revealed.guardians:
                editor.masks.reveal(revealed.guardians[editor.record_id])
        self.sensitive.set_state(hidden=False, may_reveal=True)
        if unchanged:
            self._baseline = self._snapshot()
        log.info("hidden details shown (%d fields)", len(revealed.fields))

    def _reveal_failed(self, exc: BaseException) -> None:
        self.sensitive.set_busy(False)
        show_banner(self.message, error_message(exc), "error")

    def _set_title(self) -> None:
        self.title.setText(
            QCoreApplication.translate("RegisterPage", "Edit child")
            if self.child_id
            else QCoreApplication.translate("RegisterPage", "Register a child")
        )

    # -- guardians ----------------------------------------------------------------------
    def _add_guardian(self, *, focus: bool = False) -> GuardianEditor:
        editor = GuardianEditor()
        editor.remove_requested.connect(self._remove_guardian)
        editor.changed.connect(self._guardian_changed)
        for box in editor.boxes.values():
            self._watch(box.editor)
        self.guardians.append(editor)
        self.guardians_layout.addWidget(editor)
        self._number_guardians()
        if focus:
            editor.name.setFocus()
            self.scroll.ensureWidgetVisible(editor)
        return editor

    def _remove_guardian(self, editor: GuardianEditor, force: bool = False) -> None:
        if not force and len(self.guardians) <= 1:
            return
        self.guardians.remove(editor)
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        self._number_guardians()

    def _number_guardians(self) -> None:
        for i, editor in enumerate(self.guardians, start=1):
            editor.set_number(i)
            editor.remove.setEnabled(len(self.guardians) > 1)
        self.add_guardian_button.setEnabled(len(self.guardians) < MAX_GUARDIANS)

    def _guardian_changed(self) -> None:
        if self.guardians:
            first = self.guardians[0]
            if self.consent.isChecked():
                self.consent.offer_giver(first.name.text().strip(), first.relationship.value())

    # -- reading the form ---------------------------------------------------------------
    def form(self) -> ChildForm:
        fields = self.sections.values()
        guardians = [g.values() for g in self.guardians if not g.is_blank() or g.record_id]
        consent = self.consent.values()
        return ChildForm(fields, guardians, [consent] if consent else [])

    def _snapshot(self) -> Any:
        return (
            repr(self.sections.values(include_hidden=True)),
            self.sections.dob.text(),
            repr([g.values() for g in self.guardians]),
            repr(self.consent.values()),
        )

    def _all_boxes(self) -> dict[str, FieldBox]:
        boxes = {k: b for k, b in self.sections.boxes.items() if k != "notes"}
        for i, editor in enumerate(self.guardians):
            boxes.update({f"guardians.{i}.{k}": b for k, b in editor.boxes.items()})
        boxes["guardians"] = self.guardians_box
        boxes.update({f"consent.{k}": b for k, b in self.consent.boxes.items()})
        boxes["notes"] = self.sections.boxes["notes"]
        return boxes

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
        filled = [i for i, g in enumerate(self.guardians) if not g.is_blank() or g.record_id]
        if not filled:
            add("guardians", Issue(IssueCode.REQUIRED, "guardians"))
        for i in filled:
            values = {**self.guardians[i].values(), "child_id": "new"}
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
    def _clear_errors(self) -> None:
        for box in self._all_boxes().values():
            box.set_error(None)

    def _refresh_errors(self, only: set[str] | None) -> dict[str, Issue]:
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
        if self._busy:
            return
        try:
            for key, box in self._all_boxes().items():
                if box is widget or box.isAncestorOf(widget):  # type: ignore[arg-type]
                    self._refresh_errors(only={key})
                    return
        except RuntimeError:  # the page is being destroyed
            return

    def _focus_first_error(self, keys: set[str]) -> None:
        for key, box in self._all_boxes().items():
            if key in keys:
                target = box.editor
                if hasattr(target, "focusProxy") and target.focusProxy() is not None:
                    target = target.focusProxy()
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
        self._focus_first_error(placed)

    # -- consent ------------------------------------------------------------------------
    def _consent_pending_reason(self) -> str | None:
        fields = self.sections.values(include_hidden=True)
        dob = fields.get("dob")
        consent = self.consent.values()
        state = consent_state(
            [consent] if consent else [],
            child_dob=date.fromisoformat(dob) if dob else None,
            child_dob_precision=fields.get("dob_precision"),
        )
        return None if state.registration_ok else state.pending_reason

    def _update_consent_banner(self) -> None:
        reason = self._consent_pending_reason()
        if reason is None:
            show_banner(self.consent_banner, None)
            return
        fields = self.sections.values(include_hidden=True)
        if reason == PENDING_UNDER_14 or needs_guardian_consent(
            fields.get("dob"), fields.get("dob_precision")
        ):
            text = QCoreApplication.translate(
                "RegisterPage",
                "This child is under 14 and no guardian consent is recorded. The record "
                'will be saved as "consent pending": it stays on this laptop and is not '
                "sent to head office until a guardian's consent is recorded.",
            )
        else:
            text = QCoreApplication.translate(
                "RegisterPage",
                'No consent is recorded. The record will be saved as "consent pending" '
                "and is not sent to head office until consent is recorded.",
            )
        show_banner(self.consent_banner, text, "warning")

    # -- saving -------------------------------------------------------------------------
    def save(self, *, and_new: bool | None = None, duplicate_reason: str | None = None) -> bool:
        """Validate, look for duplicates (new children), then save on the write executor.
        Returns False when nothing was submitted (errors shown or busy)."""
        if self._busy or self.ctx.session is None:
            return False
        if and_new is None:
            and_new = getattr(self, "_pending_and_new", False)
        self._pending_and_new = and_new
        issues = self._refresh_errors(only=None)
        errors = {k for k, i in issues.items() if i.is_error}
        if errors:
            show_banner(
                self.message,
                QCoreApplication.translate(
                    "RegisterPage", "Some fields need fixing. Nothing was saved."
                ),
                "error",
            )
            self._focus_first_error(errors)
            return False
        form = self.form()
        app, session = self.ctx.app, self.ctx.session
        self._set_busy(True)
        if self.child_id is None and duplicate_reason is None:
            self.ctx.executor.submit(
                find_candidates,
                app,
                session,
                form,
                on_result=while_alive(self, lambda found: self._duplicates_checked(found, form)),
                on_error=while_alive(self, self._save_failed),
            )
            return True
        self._submit(form, duplicate_reason)
        return True

    def _duplicates_checked(self, found: list[CandidateView], form: ChildForm) -> None:
        if found:
            self._set_busy(False)
            show_banner(self.message, None)
            self.duplicates.show_candidates(found)
            return
        self._submit(form, None)

    def _submit(self, form: ChildForm, duplicate_reason: str | None) -> None:
        app, session, child_id = self.ctx.app, self.ctx.session, self.child_id
        and_new = self._pending_and_new

        def job() -> SaveResult:
            service = ChildrenService(app, session)
            if child_id is None:
                return service.register(form, duplicate_reason=duplicate_reason)
            return service.update(child_id, form)

        self.ctx.executor.submit(
            job,
            write=True,
            on_result=while_alive(self, lambda result: self._saved(result, and_new)),
            on_error=while_alive(self, self._save_failed),
        )

    def _saved(self, result: SaveResult, and_new: bool) -> None:
        self._set_busy(False)
        self.duplicates.hide()
        self.ctx.publish_changes(result.changes)
        if result.consent_pending:
            text = QCoreApplication.translate(
                "RegisterPage",
                "Saved. Consent pending: this record stays on this laptop and is not sent "
                "to head office until consent is recorded.",
            )
            kind = "warning"
        else:
            text = QCoreApplication.translate("RegisterPage", "Saved.")
            kind = "ok"
        if and_new:
            keep = {
                k: v
                for k, v in self.sections.values(include_hidden=True).items()
                if k in KEPT_BY_SAVE_AND_NEW
            }
            self.new_child(keep=keep, keep_message=True)
        else:
            self.child_id = result.child_id
            self._baseline = self._snapshot()
            self._set_title()
            self.open_child(result.child_id, keep_message=True)
        show_banner(self.message, text, kind)
        log.info("child saved (%s)", "consent pending" if result.consent_pending else "ok")

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationFailed):
            self.show_issues(exc.issues)
        show_banner(self.message, error_message(exc), "error")
        log.warning("save failed: %s", type(exc).__name__)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.save_button, self.save_new_button):
            button.setEnabled(not busy)

    def is_busy(self) -> bool:
        return self._busy

    # -- duplicates panel ---------------------------------------------------------------
    def _open_existing(self, child_id: str) -> None:
        self.duplicates.hide()
        self.open_child(child_id)

    def _back_to_form(self) -> None:
        self.duplicates.hide()
        self.sections.surname.setFocus()

    def _clear_clicked(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("RegisterPage", "Discard changes?"),
                QCoreApplication.translate(
                    "RegisterPage", "What you typed in this form has not been saved. Discard it?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.new_child()
