"""The export of processing records for the annual compliance audit: who did what to which
record (by id), when, on which laptop or at head office, and why where a reason was given.
Field NAMES only, never values. The export itself is recorded in head office's chain."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from ss_hq.admin.audit_service import AuditFilters, filter_query, parse_detail
from ss_hq.core.device_names import all_device_labels
from ss_hq.core.models import AuditEntry
from ss_hq.core.spreadsheets import csv_bytes, xlsx_bytes
from ss_hq.core.staff_audit import HEAD_OFFICE, Action, record_action

EXPORT_COLUMNS: tuple[str, ...] = (
    "when_utc",
    "laptop",
    "laptop_id",
    "user",
    "action",
    "record_type",
    "record_id",
    "fields",
    "count",
    "audit_row",
    "chain_verified",
    "reason",
)


def _iter_entries(session: Session, filters: AuditFilters) -> Iterator[AuditEntry]:
    query = filter_query(select(AuditEntry), filters).order_by(
        col(AuditEntry.at_ms), col(AuditEntry.device_id), col(AuditEntry.row_id)
    )
    offset = 0
    while True:
        batch = session.exec(query.limit(1000).offset(offset)).all()
        yield from batch
        if len(batch) < 1000:
            return
        offset += len(batch)


def processing_records(session: Session, filters: AuditFilters) -> Iterable[list[object]]:
    """Who did what to which record, when, on which laptop: one line per record (a bulk row,
    e.g. an import, is expanded to its records). Field NAMES only, never values."""
    names = all_device_labels(session)
    names[HEAD_OFFICE] = "head office"
    for entry in _iter_entries(session, filters):
        detail = parse_detail(entry.detail)
        fields = detail.get("fields")
        field_text = ",".join(str(f) for f in fields) if isinstance(fields, list) else ""
        ids = detail.get("ids")
        record_ids = [str(i) for i in ids] if isinstance(ids, list) and ids else [entry.record_id]
        count = detail.get("count")
        when = (
            datetime.fromtimestamp(entry.at_ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S")
            if entry.at_ms is not None
            else entry.at
        )
        for record_id in record_ids:
            cells: list[object] = [
                when,
                names.get(entry.device_id, ""),
                entry.device_id,
                entry.actor,
                entry.action,
                entry.entity or "",
                record_id or "",
                field_text,
                count if isinstance(count, int) and not isinstance(count, bool) else "",
                entry.row_id,
                "yes" if entry.chain_ok else "no",
                detail.get("reason") if isinstance(detail.get("reason"), str) else "",
            ]
            yield cells


def export_csv(session: Session, filters: AuditFilters) -> bytes:
    return csv_bytes(EXPORT_COLUMNS, processing_records(session, filters))


def export_xlsx(session: Session, filters: AuditFilters) -> bytes:
    return xlsx_bytes("processing records", EXPORT_COLUMNS, processing_records(session, filters))


def export_file(
    session: Session, filters: AuditFilters, *, kind: str, actor: str, now: int
) -> bytes:
    """The processing records as ``csv`` or ``xlsx``; the export itself is recorded (after
    the file is made, so it is not in it)."""
    content = export_csv(session, filters) if kind == "csv" else export_xlsx(session, filters)
    record_action(
        session,
        actor=actor,
        action=Action.EXPORT_AUDIT,
        now=now,
        detail={"format": kind, "filters": filters.as_query()},
    )
    session.commit()
    return content
