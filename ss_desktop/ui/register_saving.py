"""Saving the registration form: validate, look for possible duplicates of a new child on a
worker, then save on the write executor; a failed save keeps everything typed and says why.

Mixed into :class:`ss_desktop.ui.register_page.RegisterPage`, which provides the form, its
message banner, the duplicates panel and the save buttons. Texts keep the "RegisterPage"
translation context.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from ss_core.domain.errors import ValidationFailed
from ss_desktop.services.children import ChildForm, ChildrenService, SaveResult
from ss_desktop.services.sites import SitesService
from ss_desktop.ui.duplicates_panel import CandidateView
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.widgets import show_banner, while_alive

log = logging.getLogger(__name__)
KEPT_BY_SAVE_AND_NEW = ("site_id", "stage", "school_system", "grade", "class_name")


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


class SaveFlow:
    """Save, Save and new, and the answers of the duplicates panel."""

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
