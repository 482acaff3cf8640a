"""Sites (reference data head office owns): stored as ``site`` records so laptops pull them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Record
from ss_hq.core.records import Author, write_record
from ss_hq.core.staff_audit import CLI_ACTOR, Action, clean_reason, record_action
from ss_hq.review.review_service import server_stamp

SITE_TYPES = (
    "public_school",
    "migrant_school",
    "private_school",
    "special_school",
    "vocational_school",
    "teaching_point",
    "care_home",
    "community_centre",
    "online",
)
SITE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
DIVISION_CODE = re.compile(r"^\d{6}$")
# Head office's own HLC node name (laptops use their device id without dashes).
HQ_NODE = "hq"
CLOSED = "closed"  # a closed site takes no new children (ss_hq.core.records refuses them)
OPEN = "confirmed"


class SiteInputError(ValueError):
    """A site that cannot be added; the message says what to fix."""


@dataclass(frozen=True)
class SiteInfo:
    id: str
    code: str
    name: str
    type: str
    division: str
    version: int
    status: str = "confirmed"

    @property
    def closed(self) -> bool:
        return self.status == CLOSED


def _info(record: Record) -> SiteInfo:
    f = record.fields
    return SiteInfo(
        id=record.id,
        code=str(f.get("code", "")),
        name=str(f.get("name", "")),
        type=str(f.get("site_type") or f.get("type") or ""),
        division=str(f.get("division_code") or f.get("division") or ""),
        version=record.version,
        status=str(f.get("status") or "confirmed"),
    )


def list_sites(session: Session) -> list[SiteInfo]:
    rows = session.exec(
        select(Record)
        .where(Record.entity == Entity.SITE.value)
        .where(col(Record.deleted).is_(False))
    ).all()
    return sorted((_info(r) for r in rows), key=lambda s: s.code)


def find_site(session: Session, code: str) -> SiteInfo | None:
    wanted = code.strip().upper()
    for site in list_sites(session):
        if site.code.upper() == wanted:
            return site
    return None


def open_site_names(session: Session, *, also: str | None = None) -> dict[str, str]:
    """{site id: "CODE name"} of the sites that take children (and of *also*, a child's
    current site even when it is closed)."""
    return {
        s.id: f"{s.code} {s.name}".strip()
        for s in list_sites(session)
        if not s.closed or s.id == also
    }


def _check_values(name: str, site_type: str, division: str) -> None:
    if not name or len(name) > 120:
        raise SiteInputError("site name must be 1-120 characters")
    if site_type not in SITE_TYPES:
        raise SiteInputError(f"site type must be one of: {', '.join(SITE_TYPES)}")
    if not DIVISION_CODE.match(division):
        raise SiteInputError("division must be a 6-digit GB/T 2260 code, e.g. 310115")


def add_site(
    session: Session,
    *,
    code: str,
    name: str,
    site_type: str,
    division: str,
    actor: str = CLI_ACTOR,
) -> SiteInfo:
    code, name, division = code.strip(), name.strip(), division.strip()
    if not SITE_CODE.match(code):
        raise SiteInputError(
            "site code must be 1-32 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    _check_values(name, site_type, division)
    log = ChangeLogWriter(session)  # lock first: no two processes add the same code at once
    if find_site(session, code) is not None:
        raise SiteInputError("a site with this code already exists")
    now = now_ms()
    site_id = new_id()
    write_record(
        session,
        log,
        entity=Entity.SITE,
        record_id=site_id,
        # the laptop's field names (ss_desktop.db.tables.Site): records travel as they are
        fields={
            "code": code,
            "name": name,
            "site_type": site_type,
            "division_code": division,
            "status": "confirmed",
        },
        hlc=str(HybridClock(HQ_NODE).now()),
        base_version=0,
        deleted=False,
        author=Author(staff_user="cli" if actor == CLI_ACTOR else actor),
        now=now,
    )
    record_action(
        session,
        actor=actor,
        action=Action.ADD_SITE,
        now=now,
        entity=Entity.SITE.value,
        record_id=site_id,
        detail={"code": code},
    )
    session.commit()
    record = session.get(Record, site_id)
    assert record is not None
    return _info(record)


def _site_record(session: Session, site_id: str) -> Record:
    record = session.get(Record, site_id)
    if record is None or record.entity != Entity.SITE.value or record.deleted:
        raise SiteInputError("no such site")
    return record


def _staff_site_write(
    session: Session,
    record: Record,
    fields: Mapping[str, object],
    *,
    actor: str,
    action: str,
    now: int,
    reason: str = "",
) -> SiteInfo:
    write_record(
        session,
        ChangeLogWriter(session),
        entity=Entity.SITE,
        record_id=record.id,
        fields=dict(fields),
        hlc=server_stamp(record),
        base_version=record.version,
        deleted=False,
        author=Author(staff_user=actor),
        now=now,
    )
    record_action(
        session,
        actor=actor,
        action=action,
        now=now,
        entity=Entity.SITE.value,
        record_id=record.id,
        detail={"fields": sorted(fields), "reason": clean_reason(reason)},
    )
    session.commit()
    return _info(_site_record(session, record.id))


def edit_site(
    session: Session,
    site_id: str,
    *,
    name: str,
    site_type: str,
    division: str,
    actor: str,
    now: int,
) -> SiteInfo | None:
    """Change a site's name, type or division; laptops receive it by pull. Returns None when
    nothing changed."""
    name, division = name.strip(), division.strip()
    _check_values(name, site_type, division)
    record = _site_record(session, site_id)
    stored = record.fields or {}
    wanted = {"name": name, "site_type": site_type, "division_code": division}
    changed = {k: v for k, v in wanted.items() if stored.get(k) != v}
    if not changed:
        return None
    return _staff_site_write(
        session, record, changed, actor=actor, action=Action.EDIT_SITE, now=now
    )


def set_site_closed(
    session: Session, site_id: str, closed: bool, *, actor: str, now: int, reason: str = ""
) -> SiteInfo:
    """Close a site (it takes no new children: laptops are refused them) or open it again.
    Children already there stay, and stay editable."""
    record = _site_record(session, site_id)
    status = CLOSED if closed else OPEN
    if (record.fields or {}).get("status") == status:
        return _info(record)
    return _staff_site_write(
        session,
        record,
        {"status": status},
        actor=actor,
        action=Action.CLOSE_SITE if closed else Action.REOPEN_SITE,
        now=now,
        reason=reason,
    )
