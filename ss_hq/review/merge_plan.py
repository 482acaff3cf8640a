"""What merging two records of one child will do, worked out before anything is written.

The kept child keeps its site and id; the merged child's guardians, consents, enrollments
and attendance marks go to it without doubling what it already has:

- the same guardian (same name, or same phone, and no conflicting relationship) is kept once:
  the kept child's record stays, takes the values it lacked, and the other is removed;
- of two consents given by the same person (neither withdrawn), the stronger is kept
  (registration scope, then more scopes, then the later date); a withdrawal is never removed;
- one enrollment per program (the earlier start date kept) and one mark per lesson (present
  beats absent);
- the kept child takes the values it lacked from the other record (categories: both sets).

The confirmation page shows the plan; :mod:`ss_hq.review.merge_service` carries it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from ss_core.domain.normalize import normalize_phone
from ss_core.protocol.wire import Entity
from ss_hq.core.models import Record, SuspectedDuplicate
from ss_hq.review.review_service import ReviewError

DEPENDENT_ENTITIES = (
    Entity.GUARDIAN.value,
    Entity.CONSENT.value,
    Entity.ENROLLMENT.value,
    Entity.ATTENDANCE_MARK.value,
)
# Child fields a merge never copies from the merged record.
NOT_FILLED = frozenset({"site_id", "status", "archive_reason", "merged_into"})
MARK_RANK = {"present": 3, "late": 2, "excused": 1, "absent": 0}


@dataclass(frozen=True)
class Dependent:
    """A guardian, consent, enrollment or mark, as the confirmation page lists it."""

    id: str
    entity: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class Duplicate:
    """*removed* goes; *kept* stays (and takes *fill*, the values it lacked)."""

    removed: Dependent
    kept: Dependent
    fill: dict[str, Any]


@dataclass(frozen=True)
class MergePlan:
    pair_id: int
    keep_id: str
    drop_id: str
    keep_fields: dict[str, Any]
    drop_fields: dict[str, Any]
    site_id: str | None  # where the merged child belongs: the kept record's site
    drop_site_id: str | None
    moves: list[Dependent]
    duplicates: list[Duplicate]
    child_fill: dict[str, Any]  # values the kept child takes from the other record
    differences: list[str] = field(default_factory=list)  # fields both have, differently


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _name(value: Any) -> str:
    return "".join(str(value).split()) if isinstance(value, str) else ""


def _compatible(a: Any, b: Any) -> bool:
    return _blank(a) or _blank(b) or a == b


def same_guardian(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """One person: the same name or the same phone, and no conflicting relationship."""
    if not _compatible(a.get("relationship"), b.get("relationship")):
        return False
    name_a, name_b = _name(a.get("name")), _name(b.get("name"))
    if name_a and name_a == name_b:
        return True
    phone_a = normalize_phone(a["phone"]) if isinstance(a.get("phone"), str) else ""
    phone_b = normalize_phone(b["phone"]) if isinstance(b.get("phone"), str) else ""
    return bool(phone_a) and phone_a == phone_b


def _scopes(fields: Mapping[str, Any]) -> list[str]:
    value = fields.get("scopes")
    return [s for s in value if isinstance(s, str)] if isinstance(value, list) else []


def consent_strength(fields: Mapping[str, Any]) -> tuple[int, int, str]:
    scopes = _scopes(fields)
    return ("registration" in scopes, len(set(scopes)), str(fields.get("given_on") or ""))


def same_consent(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two records of one person's consent (neither withdrawn: a withdrawal always stays)."""
    if not _blank(a.get("withdrawn_on")) or not _blank(b.get("withdrawn_on")):
        return False
    name_a, name_b = _name(a.get("giver_name")), _name(b.get("giver_name"))
    return (
        bool(name_a)
        and name_a == name_b
        and _compatible(a.get("giver_relationship"), b.get("giver_relationship"))
    )


def fill_from(kept: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: value
        for name, value in other.items()
        if name != "child_id" and _blank(kept.get(name)) and not _blank(value)
    }


def _dependents(session: Session, child_id: str) -> list[Record]:
    return list(
        session.exec(
            select(Record)
            .where(Record.child_id == child_id)
            .where(col(Record.entity).in_(DEPENDENT_ENTITIES))
            .where(col(Record.deleted).is_(False))
            .order_by(col(Record.created_at), col(Record.id))
        ).all()
    )


def _dep(record: Record) -> Dependent:
    return Dependent(record.id, record.entity, dict(record.fields or {}))


def _match(entity: str, kept: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    if entity == Entity.GUARDIAN.value:
        return same_guardian(kept, other)
    if entity == Entity.CONSENT.value:
        return same_consent(kept, other)
    if entity == Entity.ENROLLMENT.value:
        return bool(kept.get("program_id")) and kept.get("program_id") == other.get("program_id")
    if entity == Entity.ATTENDANCE_MARK.value:
        return bool(kept.get("session_id")) and kept.get("session_id") == other.get("session_id")
    return False


def _pair_duplicate(entity: str, mine: Record, theirs: Record) -> Duplicate:
    """Which of two matching records stays, and what it takes from the other."""
    a, b = dict(mine.fields or {}), dict(theirs.fields or {})
    if entity == Entity.CONSENT.value and consent_strength(b) > consent_strength(a):
        # The merged child's consent is the stronger one: it stays (and moves).
        return Duplicate(removed=_dep(mine), kept=_dep(theirs), fill={})
    fill = fill_from(a, b)
    if entity == Entity.ENROLLMENT.value:
        since_a, since_b = a.get("since"), b.get("since")
        if since_a and since_b and str(since_b) < str(since_a):
            fill["since"] = since_b
    rank_a, rank_b = MARK_RANK.get(str(a.get("mark")), -1), MARK_RANK.get(str(b.get("mark")), -1)
    if entity == Entity.ATTENDANCE_MARK.value and rank_b > rank_a:
        fill["mark"] = b.get("mark")
    if entity == Entity.CONSENT.value:
        fill = {}  # a consent is evidence of what was agreed: never edited by a merge
    return Duplicate(removed=_dep(theirs), kept=_dep(mine), fill=fill)


def open_pair(session: Session, pair_id: int) -> SuspectedDuplicate:
    pair = session.get(SuspectedDuplicate, pair_id)
    if pair is None or pair.status != "open":
        raise ReviewError("not_found", "this pair was already dealt with")
    return pair


def plan_merge(session: Session, pair_id: int, keep_id: str) -> MergePlan:
    """What merging the pair into *keep_id* will do (nothing is written)."""
    pair = open_pair(session, pair_id)
    if keep_id not in (pair.record_id, pair.other_id):
        raise ReviewError("bad_choice", "keep one of the two children of the pair")
    drop_id = pair.other_id if keep_id == pair.record_id else pair.record_id
    keep, drop = session.get(Record, keep_id), session.get(Record, drop_id)
    if keep is None or drop is None or keep.deleted or drop.deleted:
        raise ReviewError("gone", "one of the two children no longer exists")
    if keep.erased or drop.erased:
        raise ReviewError("erased", "one of the two children was erased")
    kept_deps = _dependents(session, keep_id)
    moves: list[Dependent] = []
    duplicates: list[Duplicate] = []
    matched: set[str] = set()
    for theirs in _dependents(session, drop_id):
        mine = next(
            (
                m
                for m in kept_deps
                if m.entity == theirs.entity
                and m.id not in matched
                and _match(m.entity, m.fields or {}, theirs.fields or {})
            ),
            None,
        )
        if mine is None:
            moves.append(_dep(theirs))
            continue
        matched.add(mine.id)
        duplicate = _pair_duplicate(theirs.entity, mine, theirs)
        duplicates.append(duplicate)
        if duplicate.kept.id == theirs.id:
            moves.append(_dep(theirs))
    kf, df = dict(keep.fields or {}), dict(drop.fields or {})
    child_fill = {k: v for k, v in fill_from(kf, df).items() if k not in NOT_FILLED}
    categories = [c for c in kf.get("categories") or [] if isinstance(c, str)]
    extra = [c for c in df.get("categories") or [] if isinstance(c, str) and c not in categories]
    if extra and categories:
        child_fill["categories"] = categories + extra
    differences = sorted(
        name
        for name, value in df.items()
        if name not in NOT_FILLED
        and name != "categories"
        and not _blank(value)
        and not _blank(kf.get(name))
        and kf.get(name) != value
    )
    return MergePlan(
        pair_id=pair_id,
        keep_id=keep_id,
        drop_id=drop_id,
        keep_fields=kf,
        drop_fields=df,
        site_id=keep.site_id,
        drop_site_id=drop.site_id,
        moves=moves,
        duplicates=duplicates,
        child_fill=child_fill,
        differences=differences,
    )
