"""Erasure of a child on request (PIPL): personal data gone, aggregate counts kept.

The child record keeps only what cannot identify the child and the dashboard counts by: site,
gender, birth year (as a year-precision date), stage, grade, school system, the six categories
and status. Every other field is written as null with head office's stamp, a new version and a
change-log row (directly, not through ``write_record``: an erasure is not a merge, and the
field rules would refuse a null name), and the record is marked ``erased``: from then on
``write_record`` ignores any edit of it, however late its stamp; laptops get ``erased=True``. The child's guardians and
consents are erased the same way and deleted; enrollments and attendance marks (which name no
one) stay, so lessons delivered still add up. The change history and the conflicts of every
erased record are removed: old values must not survive in them.

A withdrawn consent ends the same way (:func:`erase_on_withdrawal`, called by the push that
brings the withdrawal): when no registration consent of the child is left, the child is
erased as above, except that its consent records stay, stripped to the facts of consent and
withdrawal. Laptops learn it from the pull and wipe their copies.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from ss_core.domain.consent import PENDING_WITHDRAWN, consent_state
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.labels import FIELD_LABELS
from ss_hq.core.models import ChangeHistory, Conflict, Record, SuspectedDuplicate, field_meta_of
from ss_hq.core.staff_audit import Action, clean_reason, record_action
from ss_hq.review.review_service import ReviewError, server_stamp
from ss_hq.review.search_service import refresh_child_index

log = logging.getLogger(__name__)

KEPT_CHILD_FIELDS = frozenset(
    {"site_id", "gender", "stage", "grade", "school_system", "categories", "status"}
)
PERSONAL_DEPENDENTS = (Entity.GUARDIAN.value, Entity.CONSENT.value)
# What a consent keeps when its child is erased because it was withdrawn (the proof of
# consent and withdrawal a compliance audit asks for; nothing that names a person).
KEPT_CONSENT_FIELDS = frozenset(
    {
        "child_id",
        "giver_role",
        "giver_relationship",
        "method",
        "given_on",
        "notice_version",
        "scopes",
        "child_assent",
        "withdrawn_on",
    }
)


@dataclass(frozen=True)
class ErasureResult:
    child_id: str
    fields_wiped: int
    dependents_erased: int
    history_rows_removed: int


def _erase_record(
    session: Session,
    writer: ChangeLogWriter,
    record: Record,
    keep: frozenset[str],
    *,
    now: int,
    deleted: bool,
    replace: dict[str, object] | None = None,
) -> int:
    """Overwrite every field not in *keep* with null (or *replace*); returns fields changed.

    Not a merge: an erasure must win over every stamp, and the field rules would refuse a
    null name. So the record is written here directly, with head office's stamp, a new
    version and a change-log row, exactly as ``write_record`` would publish it.
    """
    stamp = server_stamp(record)
    version = record.version + 1
    fields = dict(record.fields or {})
    changed = 0
    for name, value in list(fields.items()):
        new_value = (replace or {}).get(name, value if name in keep else None)
        if new_value != value:
            fields[name] = new_value
            changed += 1
    for name, value in (replace or {}).items():
        if name not in fields:
            fields[name] = value
            changed += 1
    meta = field_meta_of(record)
    for name in fields:
        if name not in meta or fields[name] != (record.fields or {}).get(name):
            meta[name] = [stamp, version, None]
    record.fields = fields
    record.field_meta = meta
    record.version = version
    record.hlc = max(record.hlc, stamp)
    record.erased = True
    record.deleted = record.deleted or deleted
    record.updated_at = now
    session.add(record)
    session.flush()
    writer.append(
        entity=record.entity, record_id=record.id, version=version, site_id=record.site_id, at=now
    )
    return changed


def _forget(session: Session, record_ids: list[str]) -> int:
    removed = session.exec(
        delete(ChangeHistory).where(col(ChangeHistory.record_id).in_(record_ids))
    ).rowcount
    session.exec(delete(Conflict).where(col(Conflict.record_id).in_(record_ids)))
    return int(removed or 0)


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure will wipe (the confirmation page's summary)."""

    child_id: str
    personal_fields: list[str]  # the child's fields that hold something and will be wiped
    kept_fields: list[str]
    guardians: int
    consents: int
    history_rows: int


def plan_erasure(session: Session, child_id: str) -> ErasurePlan:
    child = session.get(Record, child_id)
    if child is None or child.entity != Entity.CHILD.value:
        raise ReviewError("not_found", "no such child")
    if child.erased:
        raise ReviewError("already_erased", "this child was already erased")
    fields = child.fields or {}
    dependents = session.exec(
        select(Record.id, Record.entity)
        .where(Record.child_id == child_id)
        .where(col(Record.entity).in_(PERSONAL_DEPENDENTS))
    ).all()
    ids = [child_id, *(d[0] for d in dependents)]
    history = session.exec(
        select(func.count()).select_from(ChangeHistory).where(col(ChangeHistory.record_id).in_(ids))
    ).one()
    order = {name: n for n, name in enumerate(FIELD_LABELS["child"])}
    by_label = sorted(fields, key=lambda name: (order.get(name, len(order)), name))
    return ErasurePlan(
        child_id=child_id,
        personal_fields=[
            k for k in by_label if k not in KEPT_CHILD_FIELDS and fields[k] not in (None, "", [])
        ],
        kept_fields=[k for k in by_label if k in KEPT_CHILD_FIELDS],
        guardians=sum(1 for d in dependents if d[1] == Entity.GUARDIAN.value),
        consents=sum(1 for d in dependents if d[1] == Entity.CONSENT.value),
        history_rows=int(history),
    )


def erase_child(
    session: Session, child_id: str, *, staff_user: str, now: int, reason: str = ""
) -> ErasureResult:
    writer = ChangeLogWriter(session)
    plan_erasure(session, child_id)  # refuses an unknown or already erased child
    child = session.get(Record, child_id)
    assert child is not None
    result = _erase_child(session, writer, child, staff_user=staff_user, device_id=None, now=now)
    record_action(
        session,
        actor=staff_user,
        action=Action.ERASE,
        now=now,
        entity=Entity.CHILD.value,
        record_id=child_id,
        detail={
            "fields_wiped": result.fields_wiped,
            "dependents": result.dependents_erased,
            "history_removed": result.history_rows_removed,
            "reason": clean_reason(reason),
        },
    )
    session.commit()
    log.info("child %s erased on request (%d dependents)", child_id, result.dependents_erased)
    return result


def erase_on_withdrawal(
    session: Session, writer: ChangeLogWriter, child_id: str, *, device_id: str | None, now: int
) -> ErasureResult | None:
    """Erase a child whose consent was withdrawn (called by the push that brought the
    withdrawal, inside its transaction; no commit here). Does nothing while another
    registration consent is still active, or when the child is already erased.

    Like :func:`erase_child`, except that the consent records stay (not deleted) with the
    facts a compliance audit needs: scopes, role, method, notice, given and withdrawn dates;
    who gave and who collected the consent and the reason given are wiped.
    """
    child = session.get(Record, child_id)
    if child is None or child.entity != Entity.CHILD.value or child.erased:
        return None
    consents = session.exec(
        select(Record)
        .where(Record.child_id == child_id)
        .where(Record.entity == Entity.CONSENT.value)
        .where(col(Record.deleted).is_(False))
    ).all()
    fields = child.fields or {}
    state = consent_state(
        [c.fields or {} for c in consents],
        child_dob=_date_or_none(fields.get("dob")),
        child_dob_precision=fields.get("dob_precision"),
    )
    if state.registration_ok or state.pending_reason != PENDING_WITHDRAWN:
        return None
    result = _erase_child(
        session,
        writer,
        child,
        staff_user=None,
        device_id=device_id,
        now=now,
        consent_keep=KEPT_CONSENT_FIELDS,
    )
    log.info(
        "child %s erased: consent withdrawn (%d dependents)", child_id, result.dependents_erased
    )
    return result


def _erase_child(
    session: Session,
    writer: ChangeLogWriter,
    child: Record,
    *,
    staff_user: str | None,
    device_id: str | None,
    now: int,
    consent_keep: frozenset[str] | None = None,
) -> ErasureResult:
    """Wipe *child* and its guardians and consents (deleted, unless *consent_keep* names the
    consent fields to keep); no commit."""
    child_id = child.id
    replace: dict[str, object] = {}
    dob = (child.fields or {}).get("dob")
    if isinstance(dob, str) and len(dob) >= 4 and dob[:4].isdigit():
        replace = {"dob": f"{dob[:4]}-01-01", "dob_precision": "year"}
    wiped = _erase_record(
        session, writer, child, KEPT_CHILD_FIELDS, now=now, deleted=False, replace=replace
    )
    erased_ids = [child_id]
    dependents = session.exec(
        select(Record)
        .where(Record.child_id == child_id)
        .where(col(Record.entity).in_(PERSONAL_DEPENDENTS))
    ).all()
    for dependent in dependents:
        if not dependent.erased:
            keep, deleted = frozenset({"child_id"}), True
            if consent_keep is not None and dependent.entity == Entity.CONSENT.value:
                keep, deleted = consent_keep, dependent.deleted
            _erase_record(session, writer, dependent, keep, now=now, deleted=deleted)
        erased_ids.append(dependent.id)
    removed = _forget(session, erased_ids)
    session.add(
        ChangeHistory(
            record_id=child_id,
            entity=Entity.CHILD.value,
            changes={"erased": [None, True, child.hlc]},
            hlc=child.hlc,
            version=child.version,
            device_id=device_id,
            staff_user=staff_user,
            applied=True,
            at=now,
        )
    )
    for pair in session.exec(
        select(SuspectedDuplicate).where(
            (col(SuspectedDuplicate.record_id) == child_id)
            | (col(SuspectedDuplicate.other_id) == child_id)
        )
    ).all():
        if pair.status == "open":
            pair.status = "obsolete"
            pair.resolved_by = staff_user or "consent_withdrawn"
            pair.resolved_at = now
            session.add(pair)
    refresh_child_index(session, child_id)
    session.flush()
    return ErasureResult(
        child_id=child_id,
        fields_wiped=wiped,
        dependents_erased=len(erased_ids) - 1,
        history_rows_removed=removed,
    )


def _date_or_none(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
