"""``GET /api/v1/sync/pull`` and ``GET /api/v1/sync/summary``: a device's scope, in order.

A device sees the records of its sites plus reference data (records without a site), never
audit entries. The cursor is the change-log seq of the last change returned; see
change_log.py for why no committed row can be skipped.

A laptop may ask to be spared its own new records (``skip_own``): a record it created that
nobody has changed since (version 1, still in the site it was logged for, neither erased nor
merged) is exactly what the laptop holds, field values and stamps, and the push answer told
it the version. Sending it back would double the traffic of every new registration (on a
2G link, the largest share of a round). The laptop asks for this on incremental pulls only:
a pull from zero (a refetch after a checksum mismatch) sends everything.

A stored record that cannot travel as it is (a value written before head office checked
every value, :mod:`ss_hq.core.record_problems`) is left out of the page and listed for staff
to repair; the summary leaves the listed records out too, so laptops' checksums still match.
Once repaired, the record's new version comes in a later page and leaves the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, delete, or_
from sqlmodel import Session, col, select

from ss_core.protocol.wire import (
    MAX_PULL_LIMIT,
    ErrorCode,
    PullChange,
    PullResponse,
    ScopeSummary,
    scope_checksum,
)
from ss_hq.core import record_problems
from ss_hq.core.change_log import head_seq, min_retained_seq
from ss_hq.core.errors import ServiceError
from ss_hq.core.models import ChangeLog, Device, Record, RecordProblem, field_meta_of
from ss_hq.core.records import NOT_PULLED


def parse_cursor(cursor: str | None) -> int:
    if cursor is None or cursor == "":
        return 0
    if not cursor.isascii() or not cursor.isdigit() or len(cursor) > 19:
        raise ServiceError(
            ErrorCode.CURSOR_INVALID,
            "cursor must be a value returned by an earlier pull",
            status=400,
        )
    return int(cursor)


def _change(row: ChangeLog, record: Record, sites: set[str]) -> PullChange:
    field_hlcs = {name: meta[0] for name, meta in field_meta_of(record).items()}
    fields = dict(record.fields)
    if record.site_id is not None and record.site_id not in sites:
        # The record moved to a site this device does not serve: tell it where it went,
        # nothing more.
        fields = {k: v for k, v in fields.items() if k == "site_id"}
        field_hlcs = {k: v for k, v in field_hlcs.items() if k == "site_id"}
    return PullChange(
        seq=row.seq,
        entity=record.entity,
        record_id=record.id,
        version=record.version,
        hlc=record.hlc,
        fields=fields,
        field_hlcs=field_hlcs,
        deleted=record.deleted,
        erased=record.erased,
        merged_into=record.merged_into,
    )


def not_own_creation(device_id: str) -> ColumnElement[bool]:
    """SQL condition over ``change_log`` joined to ``record``: the row is not *device_id*'s own
    unchanged creation. Every nullable column has its own IS NULL test, so the condition is
    never NULL (a NULL would drop the row)."""
    return or_(
        col(Record.created_by_device).is_(None),
        col(Record.created_by_device) != device_id,
        col(Record.version) != 1,
        col(ChangeLog.version) != 1,
        col(Record.site_id).is_(None),
        col(ChangeLog.site_id).is_(None),
        col(Record.site_id) != col(ChangeLog.site_id),
        col(Record.erased).is_(True),
        col(Record.merged_into).is_not(None),
    )


def pull(
    session: Session,
    device: Device,
    *,
    cursor: str | None,
    limit: int,
    now: int,
    skip_own: bool = False,
) -> PullResponse:
    after = parse_cursor(cursor)
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    # Everything at or below the head committed before this statement ran (writers commit
    # in seq order), so the page query below, bounded by it, cannot miss a row.
    head = head_seq(session)
    if (after and after < min_retained_seq(session)) or after > head:
        # Older than what head office keeps, or from another database: start again.
        return PullResponse(
            changes=[], next_cursor="0", has_more=False, must_refetch=True, server_time=now
        )
    sites = set(device.site_ids)
    query = (
        select(ChangeLog, Record)
        .join(Record, col(Record.id) == col(ChangeLog.record_id))
        .where(col(ChangeLog.seq) > after)
        .where(col(ChangeLog.seq) <= head)
        .where(or_(col(ChangeLog.site_id).in_(sites), col(ChangeLog.site_id).is_(None)))
    )
    if skip_own:
        query = query.where(not_own_creation(device.id))
    rows = session.exec(query.order_by(col(ChangeLog.seq)).limit(limit + 1)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    changes = _page(session, rows, sites, now)
    # A short page means nothing else in scope up to the head: skip straight to it.
    next_seq = rows[-1][0].seq if has_more else head
    device.last_seen_at = now
    session.add(device)
    session.commit()
    return PullResponse(
        changes=changes, next_cursor=str(next_seq), has_more=has_more, server_time=now
    )


def _page(
    session: Session, rows: Sequence[tuple[ChangeLog, Record]], sites: set[str], now: int
) -> list[PullChange]:
    """The page's changes, without the records that cannot travel (listed for repair); a
    listed record that travels again (repaired) leaves the list."""
    listed = set(session.exec(select(RecordProblem.record_id)).all())
    changes: list[PullChange] = []
    bad: list[tuple[Record, list[str]]] = []
    repaired: list[str] = []
    for row, record in rows:
        problems = record_problems.problems_of(record)
        if problems:
            if record.id not in listed:
                bad.append((record, problems))
                listed.add(record.id)
            continue
        if record.id in listed:
            repaired.append(record.id)
            listed.discard(record.id)
        changes.append(_change(row, record, sites))
    if bad:
        record_problems.note(session, bad, found_in="pull", now=now)
    if repaired:
        session.exec(delete(RecordProblem).where(col(RecordProblem.record_id).in_(repaired)))
    return changes


def scope_records(session: Session, sites: set[str]) -> list[tuple[str, int]]:
    """(id, version) of every record a device of *sites* holds: the records of its sites and
    reference data, neither audit entries nor records listed for repair."""
    rows = session.exec(
        select(Record.id, Record.version)
        .where(col(Record.entity).not_in(list(NOT_PULLED)))
        .where(or_(col(Record.site_id).in_(sites), col(Record.site_id).is_(None)))
        .where(col(Record.id).not_in(select(RecordProblem.record_id)))
    ).all()
    return [(rid, int(version)) for rid, version in rows]


def summary(session: Session, device: Device, *, now: int) -> ScopeSummary:
    count, checksum = scope_checksum(scope_records(session, set(device.site_ids)))
    return ScopeSummary(count=count, checksum=checksum, server_time=now)
