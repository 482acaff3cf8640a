"""Stored records that cannot travel as they are: found, kept out of pulls, listed for staff.

Since head office checks every incoming value (:mod:`ss_core.protocol.record_fields`), no new
record can hold a value a laptop could not store. Records written before that check may: a
lone surrogate in a note (a JSON encoder refuses it: the whole pull page failed), an integer
of 2**63 or more (a laptop's SQLite refuses it), a NaN. Such a record is

* found by a scan of every record (run once by the migration that made this list, and again
  on demand from the staff page) or by a pull that meets it;
* left out of pull pages, so every other record still reaches the laptops of its site;
* listed for staff (record, entity, site, field names and problem codes; never a value) until
  a repair makes it fit again.

Nothing here logs or keeps a value: a log line names the record id and the problem codes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from ss_core.protocol.record_fields import stored_problems
from ss_hq.core.models import JSONType, Record, RecordProblem, field_meta_of

log = logging.getLogger(__name__)

SCAN_BATCH = 2000


@dataclass(frozen=True)
class ProblemRecord:
    record_id: str
    entity: str
    site_id: str | None
    child_id: str | None
    problems: tuple[str, ...]
    found_in: str
    found_at: int


def problems_of(record: Any) -> list[str]:
    """Problem codes of a stored record (empty: it can travel as it is)."""
    meta = field_meta_of(record)
    stamps = [record.hlc, *(m[0] for m in meta.values() if isinstance(m, list) and m)]
    return stored_problems(record.entity, record.fields or {}, stamps)


def _insert(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(RecordProblem.__table__)  # type: ignore[attr-defined]
    statement = statement.on_conflict_do_update(
        index_elements=["record_id"],
        set_={"problems": statement.excluded.problems, "site_id": statement.excluded.site_id},
    )
    connection.execute(statement, rows)


def note(
    session: Session, records: Iterable[tuple[Any, list[str]]], *, found_in: str, now: int
) -> None:
    """Keep (record, problems) pairs in the list, in the caller's transaction."""
    rows = [
        {
            "record_id": record.id,
            "entity": record.entity,
            "site_id": record.site_id,
            "problems": problems,
            "found_in": found_in,
            "found_at": now,
        }
        for record, problems in records
    ]
    for record, problems in records:
        log.warning(
            "record %s (%s) cannot be sent as stored: %s", record.id, record.entity, problems
        )
    _insert(session.connection(), rows)


_RECORDS = sa.table(
    "record",
    sa.column("id", sa.String),
    sa.column("entity", sa.String),
    sa.column("site_id", sa.String),
    sa.column("hlc", sa.String),
    sa.column("fields", JSONType),
    sa.column("field_meta", JSONType),
)


def scan_connection(connection: Connection, *, now: int | None = None) -> int:
    """Check every stored record, batch by batch, and list those with problems (the list is
    rewritten). Returns how many are listed. Used by the migration too: plain SQL only."""
    import time

    stamp = now if now is not None else time.time_ns() // 1_000_000
    connection.execute(delete(RecordProblem))
    found = 0
    after = ""
    while True:
        rows = connection.execute(
            sa.select(_RECORDS)
            .where(_RECORDS.c.id > after)
            .order_by(_RECORDS.c.id)
            .limit(SCAN_BATCH)
        ).all()
        if not rows:
            return found
        listed = []
        for row in rows:
            problems = problems_of(row)
            if problems:
                log.warning("record %s (%s) needs repair: %s", row.id, row.entity, problems)
                listed.append(
                    {
                        "record_id": row.id,
                        "entity": row.entity,
                        "site_id": row.site_id,
                        "problems": problems,
                        "found_in": "scan",
                        "found_at": stamp,
                    }
                )
        _insert(connection, listed)
        found += len(listed)
        after = rows[-1].id


def scan(session: Session, *, now: int) -> int:
    """:func:`scan_connection` in the session's transaction (committed here)."""
    found = scan_connection(session.connection(), now=now)
    session.commit()
    return found


def listed(session: Session, *, limit: int = 500) -> list[ProblemRecord]:
    """The records to repair, oldest finding first; a record repaired (or gone) since it was
    listed is left out (the next scan removes its row)."""
    rows = session.exec(
        select(RecordProblem).order_by(col(RecordProblem.found_at), col(RecordProblem.record_id))
    ).all()
    out: list[ProblemRecord] = []
    for row in rows:
        record = session.get(Record, row.record_id)
        if record is None:
            continue
        problems = problems_of(record)
        if not problems:
            continue
        out.append(
            ProblemRecord(
                record_id=record.id,
                entity=record.entity,
                site_id=record.site_id,
                child_id=record.id if record.entity == "child" else record.child_id,
                problems=tuple(problems),
                found_in=row.found_in,
                found_at=row.found_at,
            )
        )
        if len(out) >= limit:
            break
    return out
