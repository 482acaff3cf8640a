"""Register, find, edit, archive and restore children (PRODUCT.md capabilities 1-3).

Every write goes through the one write path (ChangeWriter.save) in one transaction: the
child, its guardians and its consent records are saved together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.duplicates import ChildFacts, DuplicateCandidate, rank_candidates
from ss_core.domain.errors import Issue
from ss_core.domain.normalize import normalize_id_number, normalize_phone
from ss_core.domain.pinyin import name_keys
from ss_core.domain.validation import consent_state
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import queries
from ss_desktop.db.writer import Change, ChangeSet
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from ss_desktop.services.permissions import Permission, allowed, require


@dataclass
class ChildForm:
    """What the registration form (or an import row) hands to the service."""

    fields: dict[str, Any]
    guardians: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class SaveResult:
    child_id: str
    warnings: tuple[Issue, ...]
    consent_pending: bool
    changes: ChangeSet


class ChildrenService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    # -- scope --------------------------------------------------------------------------
    def site_scope(self) -> list[str] | None:
        """None = every site; otherwise the only sites this user may see."""
        if allowed(self.session.role, Permission.VIEW_ALL_SITES) or not self.session.site_ids:
            return None if allowed(self.session.role, Permission.VIEW_ALL_SITES) else []
        return list(self.session.site_ids)

    def _check_site(self, site_id: str | None) -> None:
        scope = self.site_scope()
        if scope is not None and site_id not in scope:
            raise PermissionDenied("site.not_allowed")

    # -- reading ------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50, after: str | None = None,
               category: str | None = None, stage: str | None = None, grade: int | None = None,
               status: str | None = "active", site_id: str | None = None) -> queries.SearchPage:
        scope = self.site_scope()
        site_ids = scope
        if site_id:
            if scope is not None and site_id not in scope:
                raise PermissionDenied("site.not_allowed")
            site_ids = [site_id]
        return queries.search_children(
            self.app.engine, query, site_ids=site_ids, category=category, stage=stage,
            grade=grade, status=status, limit=limit, after=after,
        )

    def get(self, child_id: str) -> dict[str, Any]:
        child = queries.get_child(self.app.engine, child_id)
        if child is None:
            raise NotFound()
        self._check_site(child.get("site_id"))
        return child

    # -- duplicates ---------------------------------------------------------------------
    def find_duplicates(self, form: ChildForm, *, exclude_id: str | None = None,
                        limit: int = 5) -> list[DuplicateCandidate]:
        f = form.fields
        surname, given = (f.get("surname") or "").strip(), (f.get("given_name") or "").strip()
        if not surname and not given and not f.get("id_number"):
            return []
        phones = tuple(p for p in (normalize_phone(g.get("phone") or "") for g in form.guardians) if p)
        id_number = normalize_id_number(f.get("id_number") or "") or None
        dob = _parse_date(f.get("dob"))
        keys = name_keys(surname, given).full if surname or given else ()
        new = ChildFacts(
            record_id=exclude_id or "", surname=surname, given_name=given, name_keys=tuple(keys),
            dob=dob, dob_precision=f.get("dob_precision") or "exact", id_number=id_number,
            guardian_phones=phones, site_id=f.get("site_id"), gender=f.get("gender"),
        )
        scope = self.site_scope()
        existing = [
            ChildFacts(
                record_id=d.id, surname=d.surname or "", given_name=d.given_name or "",
                name_keys=tuple(name_keys(d.surname or "", d.given_name or "").full),
                dob=_parse_date(d.dob), dob_precision=d.dob_precision or "exact",
                id_number=d.id_number, guardian_phones=tuple(d.guardian_phones),
                site_id=d.site_id, gender=d.gender,
            )
            for d in queries.duplicate_facts(
                self.app.engine, surname=surname, given_name=given,
                dob=f.get("dob"), id_number=id_number, phones=phones, exclude_id=exclude_id,
            )
            if scope is None or d.site_id in scope
        ]
        return rank_candidates(new, existing, limit=limit)

    # -- writing ------------------------------------------------------------------------
    def register(self, form: ChildForm, *, duplicate_reason: str | None = None) -> SaveResult:
        require(self.session.role, Permission.REGISTER)
        self._check_site(form.fields.get("site_id"))
        child_id = new_id()
        changes = [Change(Entity.CHILD, child_id, dict(form.fields))]
        changes += self._related_changes(child_id, form)
        action = "create" if not duplicate_reason else "create_despite_duplicate"
        change_set = self.app.writer.save(changes, actor=self.session.username, action=action)
        return self._result(child_id, change_set)

    def update(self, child_id: str, form: ChildForm) -> SaveResult:
        require(self.session.role, Permission.REGISTER)
        current = self.get(child_id)
        if "site_id" in form.fields:
            self._check_site(form.fields["site_id"])
        changes = [Change(Entity.CHILD, child_id, dict(form.fields))]
        changes += self._related_changes(child_id, form, current=current)
        change_set = self.app.writer.save(changes, actor=self.session.username, action="edit")
        return self._result(child_id, change_set)

    def archive(self, child_id: str, reason: str) -> SaveResult:
        return self._set_status(child_id, "archived", reason, "archive")

    def restore(self, child_id: str, reason: str) -> SaveResult:
        return self._set_status(child_id, "active", reason, "restore")

    def _set_status(self, child_id: str, status: str, reason: str, action: str) -> SaveResult:
        require(self.session.role, Permission.REGISTER)
        if not (reason or "").strip():
            raise ServiceError("archive.reason_required")
        self.get(child_id)
        change = Change(Entity.CHILD, child_id, {"status": status, "archive_reason": reason.strip()})
        change_set = self.app.writer.save([change], actor=self.session.username, action=action)
        return self._result(child_id, change_set)

    def _related_changes(self, child_id: str, form: ChildForm,
                         current: dict[str, Any] | None = None) -> list[Change]:
        existing_guardians = {g["id"] for g in (current or {}).get("guardians", [])}
        existing_consents = {c["id"] for c in (current or {}).get("consents", [])}
        out: list[Change] = []
        for guardian in form.guardians:
            fields = {k: v for k, v in guardian.items() if k != "id"}
            gid = guardian.get("id")
            if gid and gid in existing_guardians:
                out.append(Change(Entity.GUARDIAN, gid, fields))
            else:
                fields["child_id"] = child_id
                out.append(Change(Entity.GUARDIAN, new_id(), fields))
        for consent in form.consents:
            fields = {k: v for k, v in consent.items() if k != "id"}
            fields.setdefault("collector", self.session.username)
            cid = consent.get("id")
            if cid and cid in existing_consents:
                out.append(Change(Entity.CONSENT, cid, fields))
            else:
                fields["child_id"] = child_id
                out.append(Change(Entity.CONSENT, new_id(), fields))
        return out

    def _result(self, child_id: str, change_set: ChangeSet) -> SaveResult:
        child = queries.get_child(self.app.engine, child_id) or {}
        state = consent_state(
            child.get("consents", []), child_dob=_parse_date(child.get("dob")),
            child_dob_precision=child.get("dob_precision"),
        )
        return SaveResult(child_id, tuple(change_set.warnings), not state.registration_ok, change_set)


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def children_fields(forms: Sequence[ChildForm]) -> list[dict[str, Any]]:
    return [f.fields for f in forms]
