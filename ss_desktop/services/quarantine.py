"""The quarantine of changes head office refused: see them with their reason, send a record
again after fixing it, or dismiss an entry. Plain data in and out.

Seeing the list needs the sync permission; retry and dismiss need ``REVIEW_QUARANTINE``
(coordinators and administrators).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any

from ss_desktop.db import quarantine as store
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import NotFound
from ss_desktop.services.permissions import Permission, require

log = logging.getLogger(__name__)
# Head office's reason for a guardian, consent ... whose child it does not know.
CHILD_UNKNOWN_REASON = "validation_failed"


@dataclass(frozen=True)
class QuarantineEntry:
    id: int
    device_seq: int
    entity: str  # "child", "guardian", "site" ...
    record_id: str
    fields: tuple[str, ...]
    deleted: bool
    reason: str  # head office's reason code (ss_core.protocol.wire.ErrorCode value)
    message: str | None  # head office's detail (English)
    at: str  # UTC ISO time it was refused
    label: str  # the record's name as this laptop has it ("" if unknown)
    record_exists: bool
    child_id: str | None  # the child the record is or belongs to, for "Open the record"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RetryResult:
    device_seq: int
    resolved: tuple[int, ...]
    entity: str
    record_id: str


class QuarantineService:
    def __init__(self, app: LocalApp, session: UserSession) -> None:
        self.app = app
        self.session = session

    def entries(self) -> list[QuarantineEntry]:
        """Open entries, oldest first (entries a later accepted change made moot are closed)."""
        require(self.session.role, Permission.SYNC)
        settled = store.settle(self.app.engine)
        if settled:
            log.info("%d quarantine entries were already carried by later changes", settled)
        return [QuarantineEntry(**vars_of(row)) for row in store.list_entries(self.app.engine)]

    def retry(self, entry_id: int) -> RetryResult:
        """Queue the entry's record again with its current values; the entry (and any other
        open entry of the same record) is closed. The next sync sends it.

        Retrying a child also queues again, after it, the child's guardians, consents ...
        that head office refused as invalid while it did not know the child (a dependent
        names a child head office must have): they were refused because of the child."""
        require(self.session.role, Permission.REVIEW_QUARANTINE)
        followers = [
            row.id
            for row in store.list_entries(self.app.engine)
            if row.entity != "child"
            and row.reason == CHILD_UNKNOWN_REASON
            and row.record_exists
            and row.id != int(entry_id)
        ]
        try:
            done = store.requeue(
                self.app.engine, self.app.clock, int(entry_id), actor=self.session.username
            )
        except store.QuarantineEntryMissing:
            raise NotFound() from None
        log.info("quarantine entry %s queued again as change %d", entry_id, done.device_seq)
        resolved = list(done.resolved)
        if done.entity == "child":
            dependents = {
                row.id
                for row in store.list_entries(self.app.engine)
                if row.id in followers and row.child_id == done.record_id
            }
            for dependent in sorted(dependents):
                try:
                    again = store.requeue(
                        self.app.engine, self.app.clock, dependent, actor=self.session.username
                    )
                except store.QuarantineEntryMissing:  # closed meanwhile with another entry
                    continue
                resolved.extend(again.resolved)
            if dependents:
                log.info("%d entries of the child queued again with it", len(dependents))
        return RetryResult(done.device_seq, tuple(sorted(resolved)), done.entity, done.record_id)

    def dismiss(self, entry_id: int) -> None:
        require(self.session.role, Permission.REVIEW_QUARANTINE)
        try:
            store.dismiss(self.app.engine, int(entry_id), actor=self.session.username)
        except store.QuarantineEntryMissing:
            raise NotFound() from None
        log.info("quarantine entry %s dismissed", entry_id)


def vars_of(row: store.QuarantineRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in QuarantineEntry.__dataclass_fields__}
