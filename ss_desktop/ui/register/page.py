"""The registration form: register a new child or edit one, fully by keyboard.

One widget tree, laid out from one ordered list of parts: the child's identity, the guardians,
the consent, then the rest of the child's sections and the notes. The same list sets the Tab
order (``focus.FocusChain``), so the keyboard follows what the eye sees; Enter in the last
field of a part moves on to the next. Validation runs the pure domain rules (no database) when
a field is left and on save; each message is shown next to its field and the first one gets
the focus. Before a new child is saved, possible duplicates are shown in a panel. A failed save
keeps everything typed and says why. "Save and new" (Ctrl+Enter) keeps the site, the school
stage, grade and class, and puts the keyboard back in the surname at the top of the form.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.consent import PENDING_UNDER_14, consent_state
from ss_core.domain.dates import needs_guardian_consent
from ss_core.domain.errors import Issue, ValidationFailed
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.children import ChildForm, ChildrenService, Revealed, SaveResult
from ss_desktop.services.permissions import Permission, allowed
from ss_desktop.services.reference import DivisionTable, ReferenceService
from ss_desktop.services.sites import SiteInfo, SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.duplicates_panel import CandidateView, DuplicatesPanel
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.register.child import ChildFields
from ss_desktop.ui.register.consent import ConsentSection
from ss_desktop.ui.register.focus import FocusChain, FormPart
from ss_desktop.ui.register.guardians import GuardianEditor, GuardiansSection
from ss_desktop.ui.register.issues import FieldMessages
from ss_desktop.ui.register.masking import SensitiveBar
from ss_desktop.ui.register.saving import KEPT_BY_SAVE_AND_NEW, SaveFlow
from ss_desktop.ui.widgets import Texts, banner, show_banner, while_alive

log = logging.getLogger(__name__)
CONTEXT = "RegisterPage"


class RegisterPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerPage")
        self.ctx = ctx
        self.texts = Texts()
        self.child_id: str | None = None
        self._pending_and_new = False
        self._baseline: Any = None
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

        self.sections = ChildFields(self)
        self.guardian_list = GuardiansSection()
        self.consent = ConsentSection()
        consent_part = QWidget()
        consent_layout = QVBoxLayout(consent_part)
        consent_layout.setContentsMargins(0, 10, 0, 0)
        consent_layout.addWidget(self.consent)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        content = QWidget()
        content.setObjectName("formContent")
        self.content_layout = QVBoxLayout(content)
        for widget in self._shown_parts():
            self.content_layout.addWidget(consent_part if widget is self.consent else widget)
        self.content_layout.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newChild")
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_new_button = QPushButton()
        self.save_new_button.setObjectName("saveAndNew")
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_new_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        for button, text in (
            (self.new_button, QT_TRANSLATE_NOOP("RegisterPage", "Clear form")),
            (self.save_button, QT_TRANSLATE_NOOP("RegisterPage", "Save (Ctrl+S)")),
            (self.save_new_button, QT_TRANSLATE_NOOP("RegisterPage", "Save and new (Ctrl+Enter)")),
        ):
            self.texts.add(button.setText, CONTEXT, text)

        self.focus_chain = FocusChain(
            self._parts,
            before=[self.sensitive.show_button],
            after=[self.new_button, self.save_new_button, self.save_button],
            on_moved=self._show_field,
            parent=self,
        )
        self.messages = FieldMessages(
            self.sections, self.guardian_list, self.consent, self.scroll_area, self
        )
        self.saving = SaveFlow(self.ctx, self)
        self._connect()

    def _shown_parts(self) -> list[QWidget]:
        """The parts of the form, top to bottom: this one list lays them out and, through
        :meth:`_parts`, sets the keyboard order."""
        s = self.sections
        return [
            s.identity,
            self.guardian_list,
            self.consent,
            s.hukou,
            s.school,
            s.categories,
            s.living,
            s.disability,
            s.care,
            s.hardship,
            s.notes,
        ]

    def _parts(self) -> list[FormPart]:
        """The form's parts for the keyboard: each guardian is a part of its own."""
        parts: list[FormPart] = []
        for widget in self._shown_parts():
            if widget is self.guardian_list:
                parts.extend(self.guardian_list.editors)
                parts.append(_AddGuardianPart(self.guardian_list))
            else:
                parts.append(widget)  # type: ignore[arg-type]
        return parts

    def _connect(self) -> None:
        self.save_button.clicked.connect(lambda: self.save(and_new=False))
        self.save_new_button.clicked.connect(lambda: self.save(and_new=True))
        self.new_button.clicked.connect(self._clear_clicked)
        for keys, and_new in (("Ctrl+S", False), ("Ctrl+Return", True), ("Ctrl+Enter", True)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=and_new: self.save(and_new=n))
        self.duplicates.open_existing.connect(self._open_existing)
        self.duplicates.save_anyway.connect(lambda reason: self.save(duplicate_reason=reason))
        self.duplicates.cancelled.connect(self._back_to_form)
        self.guardian_list.added.connect(self._guardian_added)
        self.guardian_list.removed.connect(self.focus_chain.apply)
        self.guardian_list.changed.connect(self._guardian_changed)
        self.sections.changed.connect(self._update_consent_banner)
        self.consent.changed.connect(self._update_consent_banner)
        self.consent.toggled.connect(self._consent_toggled)
        self.saving.busy_changed.connect(self._set_busy)
        self.saving.duplicates_found.connect(self._duplicates_found)
        self.saving.saved.connect(self._saved)
        self.saving.failed.connect(self._save_failed)
        for section in self.sections.sections():
            self.messages.watch(section.chain())
        self.messages.watch(self.consent.chain())
        self.focus_chain.apply()

    def _guardian_added(self, editor: GuardianEditor) -> None:
        self.messages.watch(editor.chain())
        editor.more.toggled.connect(lambda _on: self.focus_chain.apply())
        self.focus_chain.apply()
        if editor.name.hasFocus() or self.isVisible():
            self.scroll_area.ensureWidgetVisible(editor)

    def _show_field(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget)

    # -- the names the page's callers and tests use -------------------------------------
    @property
    def guardians(self) -> list[GuardianEditor]:
        return self.guardian_list.editors

    @property
    def add_guardian_button(self) -> QPushButton:
        return self.guardian_list.add_button

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
        unchanged = not self.has_unsaved_changes()
        self.sections.hukou.set_table(table)
        self.focus_chain.apply()
        if unchanged:
            self._baseline = self._snapshot()

    def _sites_loaded(self, sites: list[SiteInfo]) -> None:
        unchanged = not self.has_unsaved_changes()
        self.sections.set_sites(sites)
        if unchanged:
            self._baseline = self._snapshot()

    def _load_failed(self, exc: BaseException) -> None:
        show_banner(self.message, error_message(exc), "error")

    def _on_data_changed(self, touched: dict[str, list[str]]) -> None:
        if "site" in touched:
            self._load_sites()

    # -- public API ---------------------------------------------------------------------
    def new_child(self, *, keep: dict[str, Any] | None = None, keep_message: bool = False) -> None:
        """An empty form (keeping *keep*'s site and school), the keyboard in the surname at the
        top of the form."""
        self.child_id = None
        self.duplicates.hide()
        if not keep_message:
            show_banner(self.message, None)
        self.sections.fill({})
        if keep:
            self.sections.set_site(keep.get("site_id"))
            self.sections.fill_school(keep)
        self.guardian_list.reset([])
        self.consent.fill(None)
        self.sensitive.set_state(hidden=False, may_reveal=False)
        self.messages.clear()
        self._set_title()
        self._update_consent_banner()
        self._baseline = self._snapshot()
        self.focus_chain.apply()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.sections.surname.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def form(self) -> ChildForm:
        return self.messages.form()

    def issues(self) -> dict[str, Issue]:
        return self.messages.issues()

    def is_busy(self) -> bool:
        return self.saving.busy

    def retranslate(self) -> None:
        self.texts.apply()
        self.sections.retranslate()
        self.guardian_list.retranslate()
        self.consent.retranslate()
        self.duplicates.retranslate()
        self.sensitive.retranslate()
        self._set_title()
        self._update_consent_banner()
        self.messages.refresh(only=set())

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
        self.guardian_list.reset(child.get("guardians", []))
        consents = [c for c in child.get("consents", []) if not c.get("deleted")]
        self.consent.fill(consents[-1] if consents else None)
        hidden = self.sections.masks.is_masked() or any(g.masks.is_masked() for g in self.guardians)
        session = self.ctx.session
        may_reveal = session is not None and allowed(session.role, Permission.VIEW_SENSITIVE)
        self.sensitive.set_state(hidden=hidden, may_reveal=may_reveal)
        self.messages.clear()
        self._set_title()
        self._update_consent_banner()
        self._baseline = self._snapshot()
        self.focus_chain.apply()

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

    # -- guardians and consent ----------------------------------------------------------
    def _guardian_changed(self) -> None:
        self._offer_giver()

    def _consent_toggled(self, on: bool) -> None:
        if on:
            self._offer_giver()

    def _offer_giver(self) -> None:
        if self.guardians and self.consent.isChecked():
            first = self.guardians[0]
            self.consent.offer_giver(first.name.text().strip(), first.relationship.value())

    def _snapshot(self) -> Any:
        return (
            repr(self.sections.values(include_hidden=True)),
            self.sections.dob.text(),
            repr([g.values() for g in self.guardians]),
            repr(self.consent.values()),
        )

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
        """Said once a birth date is known (not on an empty form): whether the record will
        wait for consent."""
        fields = self.sections.values(include_hidden=True)
        reason = self._consent_pending_reason() if fields.get("dob") else None
        if reason is None:
            show_banner(self.consent_banner, None)
            return
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

    # -- saving -------------------------------------------------------------------------
    def save(self, *, and_new: bool | None = None, duplicate_reason: str | None = None) -> bool:
        """Check the fields, then save (a new child is first checked for duplicates).
        Returns False when nothing was submitted (messages shown, or a save is running)."""
        if self.saving.busy or self.ctx.session is None:
            return False
        if and_new is not None:
            self._pending_and_new = and_new
        issues = self.messages.refresh(only=None)
        errors = {k for k, i in issues.items() if i.is_error}
        if errors:
            show_banner(
                self.message,
                QCoreApplication.translate(
                    "RegisterPage", "Some fields need fixing. Nothing was saved."
                ),
                "error",
            )
            self.messages.focus_first(errors)
            return False
        return self.saving.start(self.form(), self.child_id, duplicate_reason)

    def _set_busy(self, busy: bool) -> None:
        self.messages.paused = busy
        for button in (self.save_button, self.save_new_button):
            button.setEnabled(not busy)

    def _duplicates_found(self, found: list[CandidateView], _form: ChildForm) -> None:
        show_banner(self.message, None)
        self.duplicates.show_candidates(found)

    def _saved(self, result: SaveResult) -> None:
        self.duplicates.hide()
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
        if self._pending_and_new:
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

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.messages.show_issues(exc.issues)
        show_banner(self.message, error_message(exc), "error")

    def _open_existing(self, child_id: str) -> None:
        self.duplicates.hide()
        self.open_child(child_id)

    def _back_to_form(self) -> None:
        self.duplicates.hide()
        self.sections.surname.setFocus()


class _AddGuardianPart:
    """ "Add a guardian" in the keyboard order (after the guardians, before the consent)."""

    def __init__(self, guardians: GuardiansSection) -> None:
        self._guardians = guardians

    def chain(self) -> list[QWidget]:
        return [self._guardians.add_button]

    def fields(self) -> list[QWidget]:
        return []
