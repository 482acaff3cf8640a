"""Consent rules (PIPL Art. 28, 29, 31 and the children's personal information rules).

Under 14 every field of a child is sensitive and needs a separate, explicit consent from the
legal guardian (or a caregiver the guardian entrusted). From 14 the child consents themselves.
A consent record has separate scopes; a withdrawn consent no longer counts.
The age that decides whether a child could consent themselves is the age *on the day the
consent was given*, computed conservatively (see :mod:`ss_core.domain.dates`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ss_core.domain.dates import coerce_date, needs_guardian_consent
from ss_core.domain.enums import ConsentGiverRole, ConsentMethod, ConsentScope, Relationship
from ss_core.domain.errors import Issue, IssueCode

PENDING_UNDER_14 = "under_14_no_guardian_consent"
PENDING_NO_CONSENT = "no_consent"
PENDING_WITHDRAWN = "withdrawn"

CONSENT_REQUIRED = ("child_id", "giver_name", "giver_role", "method", "given_on", "scopes")
_TEXT_LIMITS = {"giver_name": 60, "notice_version": 40, "collector": 60, "withdrawal_reason": 500}


@dataclass(frozen=True)
class ConsentState:
    """What the consents on file allow for one child today."""

    registration_ok: bool  # the record may be synced to head office
    sensitive_ok: bool  # disability, health, income and care fields may be recorded
    pending_reason: str | None  # why registration is not ok (PENDING_* constants)
    active_scopes: frozenset[str] = field(default_factory=frozenset)


def parse_scopes(value: Any) -> list[str]:
    """Scopes from a list, or from a JSON array / comma-separated string as stored."""
    if value is None:
        return []
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("["):
            try:
                loaded = json.loads(s)
            except ValueError:
                return [s]
            return [str(x) for x in loaded] if isinstance(loaded, list) else [s]
        return [part.strip() for part in s.split(",") if part.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(x) for x in value]
    return []


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date_or_none(value: Any) -> date | None:
    try:
        return coerce_date(value)
    except ValueError:
        return None


def validate_consent(
    fields: Mapping[str, Any],
    *,
    child_dob: date | None,
    child_dob_precision: str | None,
    today: date | None = None,
    partial: bool = False,
) -> list[Issue]:
    """Issues of one consent record.

    Rules: required fields present; given_on a date not in the future; scopes non-empty and
    valid; a child under 14 on the day of consent cannot consent themselves (SELF);
    withdrawn_on needs a withdrawal_reason, is not before given_on and not in the future.
    """
    now = today if today is not None else date.today()
    issues: list[Issue] = []

    def given(name: str) -> bool:
        return name in fields and not _blank(fields[name])

    if not partial:
        for name in CONSENT_REQUIRED:
            if name == "scopes":
                continue
            if not given(name):
                code = IssueCode.NAME_REQUIRED if name == "giver_name" else IssueCode.REQUIRED
                issues.append(Issue(code, name))
    for name, max_len in _TEXT_LIMITS.items():
        value = fields.get(name)
        if not _blank(value):
            if not isinstance(value, str):
                issues.append(Issue(IssueCode.INVALID_TYPE, name, {"expected": "text"}))
            elif len(value.strip()) > max_len:
                issues.append(Issue(IssueCode.TEXT_TOO_LONG, name, {"max": max_len}))

    role = None
    for name, enum_cls in (
        ("giver_role", ConsentGiverRole),
        ("method", ConsentMethod),
        ("giver_relationship", Relationship),
    ):
        if given(name):
            if (
                name == "giver_relationship"
                and fields[name] == "self"
                and role == ConsentGiverRole.SELF
            ):
                continue  # a child of 14-17 consenting for themselves
            try:
                parsed = enum_cls(fields[name])
            except ValueError:
                issues.append(
                    Issue(IssueCode.ENUM_INVALID, name, {"value": str(fields[name])[:40]})
                )
            else:
                if name == "giver_role":
                    role = parsed

    if not partial or "scopes" in fields:
        scopes = parse_scopes(fields.get("scopes"))
        if not scopes:
            issues.append(Issue(IssueCode.CONSENT_SCOPES_REQUIRED, "scopes"))
        for scope in scopes:
            if scope not in ConsentScope.__members__.values():
                issues.append(Issue(IssueCode.ENUM_INVALID, "scopes", {"value": scope[:40]}))

    given_on = None
    if given("given_on"):
        given_on = _date_or_none(fields["given_on"])
        if given_on is None:
            issues.append(Issue(IssueCode.DATE_FORMAT, "given_on"))
        elif given_on > now:
            issues.append(Issue(IssueCode.DATE_FUTURE, "given_on"))

    if role == ConsentGiverRole.SELF and needs_guardian_consent(
        child_dob, child_dob_precision, given_on if given_on and given_on <= now else now
    ):
        issues.append(Issue(IssueCode.CONSENT_SELF_UNDER_14, "giver_role", {"min_age": 14}))

    if given("withdrawn_on"):
        withdrawn_on = _date_or_none(fields["withdrawn_on"])
        if withdrawn_on is None:
            issues.append(Issue(IssueCode.DATE_FORMAT, "withdrawn_on"))
        else:
            if withdrawn_on > now:
                issues.append(Issue(IssueCode.DATE_FUTURE, "withdrawn_on"))
            if given_on is not None and withdrawn_on < given_on:
                issues.append(Issue(IssueCode.CONSENT_WITHDRAWN_BEFORE_GIVEN, "withdrawn_on"))
        if not given("withdrawal_reason"):
            issues.append(Issue(IssueCode.CONSENT_WITHDRAWAL_REASON_REQUIRED, "withdrawal_reason"))
    return issues


def _counts_for(
    consent: Mapping[str, Any], child_dob: date | None, precision: str | None, now: date
) -> bool:
    """Whether this (not withdrawn) consent was given by someone entitled to give it."""
    try:
        role = ConsentGiverRole(str(consent.get("giver_role")))
    except ValueError:
        return False
    if role != ConsentGiverRole.SELF:
        return True
    given_on = _date_or_none(consent.get("given_on")) or now
    return not needs_guardian_consent(child_dob, precision, min(given_on, now))


def consent_state(
    consents: Iterable[Mapping[str, Any]],
    *,
    child_dob: date | None,
    child_dob_precision: str | None,
    today: date | None = None,
) -> ConsentState:
    """What the child's consent records allow today.

    registration_ok: a consent with the REGISTRATION scope, not withdrawn, given by a legal
    guardian or entrusted caregiver, or by the child if they were 14 or older that day.
    sensitive_ok: the same with the SENSITIVE scope.
    """
    now = today if today is not None else date.today()
    active: set[str] = set()
    withdrawn_any = False
    for consent in consents:
        scopes = parse_scopes(consent.get("scopes"))
        if not _blank(consent.get("withdrawn_on")):
            withdrawn_any = withdrawn_any or ConsentScope.REGISTRATION in scopes
            continue
        if _counts_for(consent, child_dob, child_dob_precision, now):
            active.update(s for s in scopes if s in ConsentScope.__members__.values())
    registration_ok = ConsentScope.REGISTRATION in active
    reason = None
    if not registration_ok:
        if withdrawn_any:
            reason = PENDING_WITHDRAWN
        elif needs_guardian_consent(child_dob, child_dob_precision, now):
            reason = PENDING_UNDER_14
        else:
            reason = PENDING_NO_CONSENT
    return ConsentState(
        registration_ok=registration_ok,
        sensitive_ok=registration_ok and ConsentScope.SENSITIVE in active,
        pending_reason=reason,
        active_scopes=frozenset(active),
    )


# -- sensitive categories ------------------------------------------------------------------

SENSITIVE_SCOPE_REQUIRED = "consent.sensitive_scope_required"

# The child's fields that hold a sensitive category (docs/design/domain.md: disability/health, income,
# care). They may be stored and synced only under an active consent with the SENSITIVE scope.
# The six beneficiary categories are not among them: they are the coarse, aggregate tags that
# reports count and an erasure keeps.
SENSITIVE_CHILD_FIELDS = (
    "disability_types",
    "disability_grade",
    "disability_certificate",
    "autism",
    "hardship",
    "hardship_evidence_seen",
    "care_placement",
    "care_since",
)
# Values that say nothing about the child: "no", "none", "not known", empty.
_UNINFORMATIVE = frozenset({"", "none", "unknown", "[]"})


def holds_sensitive_value(name: str, value: Any) -> bool:
    """Whether *value* of field *name* tells something sensitive about the child."""
    if name not in SENSITIVE_CHILD_FIELDS or value is None or value is False:
        return False
    if isinstance(value, str):
        return value.strip().lower() not in _UNINFORMATIVE
    if isinstance(value, (list, tuple, set, frozenset)):
        return bool(value)
    return True


def sensitive_fields_set(fields: Mapping[str, Any]) -> list[str]:
    """The sensitive fields of *fields* that hold a value (in SENSITIVE_CHILD_FIELDS order)."""
    return [
        n for n in SENSITIVE_CHILD_FIELDS if n in fields and holds_sensitive_value(n, fields[n])
    ]


def check_sensitive_consent(fields: Mapping[str, Any], state: ConsentState) -> list[Issue]:
    """One issue per sensitive field given a value without an active SENSITIVE consent."""
    if state.sensitive_ok:
        return []
    return [Issue(SENSITIVE_SCOPE_REQUIRED, name) for name in sensitive_fields_set(fields)]


# -- what may go to head office -----------------------------------------------------------

SYNC_SEND = "send"  # registration consent on file: the record syncs
SYNC_HOLD = "hold"  # no consent yet: nothing of the child leaves the laptop
SYNC_WITHDRAWN = "withdrawn"  # consent withdrawn after head office got the child


def sync_gate(state: ConsentState, *, known_at_head_office: bool) -> str:
    """How a child's changes go to head office (PIPL: consent before processing).

    SYNC_SEND with a registration consent (sensitive values only with the sensitive scope);
    SYNC_HOLD without one, or when it was withdrawn before head office ever got the child;
    SYNC_WITHDRAWN when head office has the child and must learn of the withdrawal: the
    consent change goes, personal values do not, and head office wipes what it holds.
    """
    if state.registration_ok:
        return SYNC_SEND
    if state.pending_reason == PENDING_WITHDRAWN and known_at_head_office:
        return SYNC_WITHDRAWN
    return SYNC_HOLD
