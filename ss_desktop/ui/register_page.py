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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.consent import PENDING_UNDER_14, consent_state
from ss_core.domain.dates import needs_guardian_consent
from ss_desktop.services.children import ChildForm, ChildrenService, Revealed
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.reference import DivisionTable, ReferenceService
from ss_desktop.services.sites import SiteInfo, SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.duplicates_panel import DuplicatesPanel
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.register_issues import FieldIssues
from ss_desktop.ui.register_masking import SensitiveBar
from ss_desktop.ui.register_people import MAX_GUARDIANS, ConsentSection, GuardianEditor
from ss_desktop.ui.register_saving import SaveFlow
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


class RegisterPage(FieldIssues, SaveFlow, QWidget):
    """The form. Field messages come from FieldIssues (register_issues), saving from
    SaveFlow (register_saving); layout, showing a child, guardians and consent live here."""

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

    def changeEvent(self, event: QEvent) -> None:  # Qt API
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
        hidden = self.sections.masks.is_masked() or any(g.masks.is_masked() for g in self.guardians)
        session = self.ctx.session
        may_reveal = session is not None and allowed(session.role, Permission.VIEW_SENSITIVE)
        self.sensitive.set_state(hidden=hidden, may_reveal=may_reveal)
        self._clear_errors()
        self._set_title()
        self._update_consent_banner()
        self._baseline = self._snapshot()

    def _reveal(self) -> None:
        """ "Show hidden details": the stored values, audited by the service (a write)."""
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
