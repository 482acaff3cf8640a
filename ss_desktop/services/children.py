"""Register, find, edit, archive and restore children (docs/design/product.md capabilities 1-3).

Every write goes through the one write path (ChangeWriter.save) in one transaction: the
child, its guardians and its consent records are saved together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.consent import check_sensitive_consent, sensitive_fields_set
from ss_core.domain.duplicates import ChildFacts, DuplicateCandidate, rank_candidates
from ss_core.domain.errors import Issue, ValidationFailed
from ss_core.domain.normalize import normalize_id_number, normalize_phone
from ss_core.domain.pinyin import name_keys
from ss_core.domain.validation import consent_state
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db import child_search, queries
from ss_desktop.db.audit import append_audit
from ss_desktop.db.list_sort import sorted_child_ids
from ss_desktop.db.write import Change, ChangeSet
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from ss_desktop.services.masking import (
    CHILD_SENSITIVE,
    GUARDIAN_PREFIX,
    GUARDIAN_SENSITIVE,
    SENSITIVE_FIELDS,
    check_field_names,
    drop_masked_echoes,
    mask_child,
)
from ss_desktop.services.permissions import Permission, allowed, require

VIEW_UNMASKED = "view_unmasked"  # the audit action of ChildrenService.reveal


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


@dataclass(frozen=True)
class Revealed:
    """Stored values of sensitive fields, from ChildrenService.reveal (audited)."""

    child_id: str
    fields: tuple[str, ...]  # what was shown: child field names and "guardian.<field>"
    child: dict[str, Any]  # child field name -> stored value
    guardians: dict[str, dict[str, Any]]  # guardian id -> {field name: stored value}


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
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        after: str | None = None,
        category: str | None = None,
        stage: str | None = None,
        grade: int | None = None,
        status: str | None = "active",
        site_id: str | None = None,
    ) -> child_search.SearchPage:
        return child_search.search_children(
            self.app.engine,
            query,
            site_ids=self._listed_sites(site_id),
            category=category,
            stage=stage,
            grade=grade,
            status=status,
            limit=limit,
            after=after,
        )

    def sorted_ids(
        self,
        query: str,
        *,
        sort: str,
        descending: bool = False,
        category: str | None = None,
        stage: str | None = None,
        grade: int | None = None,
        status: str | None = "active",
        site_id: str | None = None,
    ) -> list[str]:
        """The ids :meth:`search` would list, all of them, sorted by a column of the list
        (:data:`ss_desktop.db.list_sort.SORT_KEYS`)."""
        return sorted_child_ids(
            self.app.engine,
            query,
            sort=sort,
            descending=descending,
            site_ids=self._listed_sites(site_id),
            category=category,
            stage=stage,
            grade=grade,
            status=status,
        )

    def list_rows(self, ids: Sequence[str]) -> list[child_search.ChildRow]:
        """The list's rows of children in *ids* (from :meth:`sorted_ids`), in that order;
        children outside the user's sites are left out."""
        scope = self.site_scope()
        rows = child_search.rows_by_ids(self.app.engine, ids)
        return rows if scope is None else [r for r in rows if r.site_id in scope]

    def _listed_sites(self, site_id: str | None) -> list[str] | None:
        """The sites a list may show: the user's, or the one chosen among them."""
        scope = self.site_scope()
        if site_id:
            if scope is not None and site_id not in scope:
                raise PermissionDenied("site.not_allowed")
            return [site_id]
        return scope

    def get(self, child_id: str) -> dict[str, Any]:
        """The stored child, unmasked: for the services' own checks and for tests. Screens
        read a child with :meth:`view` and show hidden values with :meth:`reveal`."""
        child = queries.get_child(self.app.engine, child_id)
        if child is None:
            raise NotFound()
        self._check_site(child.get("site_id"))
        return child

    def view(self, child_id: str) -> dict[str, Any]:
        """A child for display (form, duplicate panel): sensitive fields masked for every
        role; ``masked`` on the child and on each guardian lists what is hidden."""
        return mask_child(self.get(child_id))

    def may_reveal(self) -> bool:
        return allowed(self.session.role, Permission.VIEW_SENSITIVE)

    def reveal(self, child_id: str, fields: Sequence[str] | None = None) -> Revealed:
        """The stored values of a child's sensitive *fields* (default: all of them).

        Only with Permission.VIEW_SENSITIVE, and only for a child of the user's sites. Each
        call writes one audit row (action ``view_unmasked``) naming the fields, never their
        values; the values are returned only after that row is written.
        """
        if not self.may_reveal():
            raise PermissionDenied("permission.view_sensitive")
        names = check_field_names(SENSITIVE_FIELDS if fields is None else fields)
        child = self.get(child_id)
        child_values = {n: child.get(n) for n in names if n in CHILD_SENSITIVE}
        guardian_names = [n[len(GUARDIAN_PREFIX) :] for n in names if n.startswith(GUARDIAN_PREFIX)]
        guardians = {
            g["id"]: {n: g.get(n) for n in guardian_names}
            for g in child.get("guardians", [])
            if guardian_names
        }
        append_audit(
            self.app.engine,
            actor=self.session.username,
            action=VIEW_UNMASKED,
            entity=Entity.CHILD.value,
            record_id=child_id,
            detail={"fields": list(names)},
        )
        return Revealed(child_id, names, child_values, guardians)

    # -- duplicates ---------------------------------------------------------------------
    def find_duplicates(
        self, form: ChildForm, *, exclude_id: str | None = None, limit: int = 5
    ) -> list[DuplicateCandidate]:
        f = form.fields
        surname, given = (f.get("surname") or "").strip(), (f.get("given_name") or "").strip()
        if not surname and not given and not f.get("id_number"):
            return []
        phones = tuple(
            p for p in (normalize_phone(g.get("phone") or "") for g in form.guardians) if p
        )
        id_number = normalize_id_number(f.get("id_number") or "") or None
        dob = _parse_date(f.get("dob"))
        keys = name_keys(surname, given).full if surname or given else ()
        new = ChildFacts(
            record_id=exclude_id or "",
            surname=surname,
            given_name=given,
            name_keys=tuple(keys),
            dob=dob,
            dob_precision=f.get("dob_precision") or "exact",
            id_number=id_number,
            guardian_phones=phones,
            site_id=f.get("site_id"),
            gender=f.get("gender"),
        )
        scope = self.site_scope()
        existing = [
            ChildFacts(
                record_id=d.id,
                surname=d.surname or "",
                given_name=d.given_name or "",
                name_keys=tuple(name_keys(d.surname or "", d.given_name or "").full),
                dob=_parse_date(d.dob),
                dob_precision=d.dob_precision or "exact",
                id_number=d.id_number,
                guardian_phones=tuple(d.guardian_phones),
                site_id=d.site_id,
                gender=d.gender,
            )
            for d in queries.duplicate_facts(
                self.app.engine,
                surname=surname,
                given_name=given,
                dob=f.get("dob"),
                id_number=id_number,
                phones=phones,
                exclude_id=exclude_id,
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
        apply_consent_rules(changes, None)
        action = "create" if not duplicate_reason else "create_despite_duplicate"
        change_set = self.app.writer.save(changes, actor=self.session.username, action=action)
        return self._result(child_id, change_set)

    def update(self, child_id: str, form: ChildForm) -> SaveResult:
        require(self.session.role, Permission.REGISTER)
        current = self.get(child_id)
        if "site_id" in form.fields:
            self._check_site(form.fields["site_id"])
        # a masked value shown by the form and saved unchanged keeps the stored value
        fields = drop_masked_echoes(form.fields, current, CHILD_SENSITIVE)
        changes = [Change(Entity.CHILD, child_id, fields)]
        changes += self._related_changes(child_id, form, current=current)
        apply_consent_rules(changes, current)
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
        change = Change(
            Entity.CHILD, child_id, {"status": status, "archive_reason": reason.strip()}
        )
        change_set = self.app.writer.save([change], actor=self.session.username, action=action)
        return self._result(child_id, change_set)

    def _related_changes(
        self, child_id: str, form: ChildForm, current: dict[str, Any] | None = None
    ) -> list[Change]:
        existing_guardians = {g["id"]: g for g in (current or {}).get("guardians", [])}
        existing_consents = {c["id"] for c in (current or {}).get("consents", [])}
        out: list[Change] = []
        for guardian in form.guardians:
            fields = {k: v for k, v in guardian.items() if k != "id"}
            gid = guardian.get("id")
            if gid and gid in existing_guardians:
                fields = drop_masked_echoes(fields, existing_guardians[gid], GUARDIAN_SENSITIVE)
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

    # -- consent ------------------------------------------------------------------------
    def withdraw_consent(
        self, child_id: str, consent_id: str, *, withdrawn_on: date | str, reason: str
    ) -> SaveResult:
        """Record that a consent was withdrawn (date and reason required, the domain rules
        check them). With no registration consent left, the child's personal values stop
        going to head office, and head office, told by this change, wipes them everywhere."""
        current = self.get(child_id)
        if consent_id not in {c["id"] for c in current.get("consents", [])}:
            raise NotFound()
        on = withdrawn_on.isoformat() if isinstance(withdrawn_on, date) else withdrawn_on
        consent = {"id": consent_id, "withdrawn_on": on, "withdrawal_reason": reason}
        return self.update(child_id, ChildForm({}, [], [consent]))

    def _result(self, child_id: str, change_set: ChangeSet) -> SaveResult:
        child = queries.get_child(self.app.engine, child_id) or {}
        state = consent_state(
            child.get("consents", []),
            child_dob=_parse_date(child.get("dob")),
            child_dob_precision=child.get("dob_precision"),
        )
        return SaveResult(
            child_id, tuple(change_set.warnings), not state.registration_ok, change_set
        )


def apply_consent_rules(changes: list[Change], current: dict[str, Any] | None) -> None:
    """Sensitive details need a consent with the sensitive scope (PIPL Art. 28, 29).

    A new sensitive value (disability, health, income, care) without such a consent, after
    this save, is refused: ValidationFailed naming each field, nothing saved. When this save
    ends the sensitive consent (a withdrawal), the stored sensitive values are cleared in the
    same save, so the laptop keeps none and the clearing syncs. *changes[0]* is the child.
    """
    child_change = changes[0]
    merged: dict[str, dict[str, Any]] = {
        c["id"]: dict(c) for c in (current or {}).get("consents", [])
    }
    for change in changes[1:]:
        if change.entity is Entity.CONSENT:
            merged.setdefault(change.record_id or "", {}).update(change.fields)
    child = {**(current or {}), **child_change.fields}
    dob, precision = _parse_date(child.get("dob")), child.get("dob_precision")
    after = consent_state(merged.values(), child_dob=dob, child_dob_precision=precision)
    stored = current or {}
    new_values = {
        k: v for k, v in child_change.fields.items() if current is None or v != stored.get(k)
    }
    issues = check_sensitive_consent(new_values, after)
    if issues:
        raise ValidationFailed(issues)
    if current is not None and not after.sensitive_ok:
        before = consent_state(
            current.get("consents", []), child_dob=dob, child_dob_precision=precision
        )
        if before.sensitive_ok:
            for name in sensitive_fields_set(child):
                child_change.fields[name] = [] if name == "disability_types" else None


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def children_fields(forms: Sequence[ChildForm]) -> list[dict[str, Any]]:
    return [f.fields for f in forms]
