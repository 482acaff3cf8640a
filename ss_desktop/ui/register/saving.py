"""Saving the registration form: look for possible duplicates of a new child on a worker,
then save with the UI's write operation (which tells every open view what changed). A failed
save keeps everything typed; the page says why.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from ss_desktop.services.children import ChildForm, ChildrenService, SaveResult
from ss_desktop.services.sites import SitesService
from ss_desktop.ui.context import UiContext
from ss_desktop.ui.duplicates_panel import CandidateView
from ss_desktop.ui.operation import run_write

log = logging.getLogger(__name__)
KEPT_BY_SAVE_AND_NEW = ("site_id", "stage", "school_system", "grade", "class_name")


def find_candidates(app: Any, session: Any, form: ChildForm) -> list[CandidateView]:
    """Worker job: duplicate candidates with what the panel shows about each (of a child at
    a site the user may not open, only why it matches)."""
    children = ChildrenService(app, session)
    found = children.find_duplicates(form)
    if not found:
        return []
    sites = SitesService(app, session).site_names()
    out = []
    for candidate in found:
        if candidate.record_id is None:
            out.append(CandidateView(None, "", "", "", candidate.reasons, candidate.score))
            continue
        child = children.view(candidate.record_id)
        name = f"{child.get('surname') or ''}{child.get('given_name') or ''}"
        if child.get("pinyin"):
            name += f" ({child['pinyin']})"
        out.append(
            CandidateView(
                candidate.record_id,
                name,
                str(child.get("dob") or ""),
                sites.get(child.get("site_id") or "", ""),
                tuple(candidate.reasons),
                candidate.score,
            )
        )
    return out


class SaveFlow(QObject):
    """One save at a time: duplicates first for a new child, then the write.

    Signals: ``duplicates_found(candidates, form)`` (nothing saved yet), ``saved(result)``,
    ``failed(exception)``; ``busy_changed(bool)`` while a save runs.
    """

    duplicates_found = Signal(list, object)
    saved = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def start(
        self, form: ChildForm, child_id: str | None, duplicate_reason: str | None = None
    ) -> bool:
        """Check for duplicates (a new child without a reason given), then save. False when
        a save is already running or nobody is signed in."""
        if self.busy or self.ctx.session is None:
            return False
        self._set_busy(True)
        if child_id is None and duplicate_reason is None:
            self.ctx.executor.submit(
                find_candidates,
                self.ctx.app,
                self.ctx.session,
                form,
                on_result=lambda found: self._checked(found, form),
                on_error=self._failed,
            )
        else:
            self._submit(form, child_id, duplicate_reason)
        return True

    def _checked(self, found: list[CandidateView], form: ChildForm) -> None:
        if found:
            self._set_busy(False)
            self.duplicates_found.emit(found, form)
            return
        self._submit(form, None, None)

    def _submit(self, form: ChildForm, child_id: str | None, reason: str | None) -> None:
        app, session = self.ctx.app, self.ctx.require_session()

        def job() -> SaveResult:
            service = ChildrenService(app, session)
            if child_id is None:
                return service.register(form, duplicate_reason=reason)
            return service.update(child_id, form)

        run_write(self.ctx, job, on_done=self._saved, on_error=self._failed)

    def _saved(self, result: SaveResult) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        log.info("child saved (%s)", "consent pending" if result.consent_pending else "ok")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(exc)
        log.warning("save failed: %s", type(exc).__name__)
