"""Sites (reference data head office owns): stored as ``site`` records so laptops pull them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ss_core.protocol.hlc import HybridClock
from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.clock import now_ms
from ss_hq.core.models import Record
from ss_hq.core.records import Author, write_record

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


def _info(record: Record) -> SiteInfo:
    f = record.fields
    return SiteInfo(
        id=record.id,
        code=str(f.get("code", "")),
        name=str(f.get("name", "")),
        type=str(f.get("site_type") or f.get("type") or ""),
        division=str(f.get("division_code") or f.get("division") or ""),
        version=record.version,
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


def add_site(session: Session, *, code: str, name: str, site_type: str, division: str) -> SiteInfo:
    code, name = code.strip(), name.strip()
    if not SITE_CODE.match(code):
        raise SiteInputError(
            "site code must be 1-32 letters, digits, '-', '_' or '.', starting with a letter or digit"
        )
    if not name or len(name) > 120:
        raise SiteInputError("site name must be 1-120 characters")
    if site_type not in SITE_TYPES:
        raise SiteInputError(f"site type must be one of: {', '.join(SITE_TYPES)}")
    if not DIVISION_CODE.match(division):
        raise SiteInputError("division must be a 6-digit GB/T 2260 code, e.g. 310115")
    log = ChangeLogWriter(session)  # lock first: no two processes add the same code at once
    if find_site(session, code) is not None:
        raise SiteInputError(f"a site with code {code!r} already exists")
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
        author=Author(staff_user="cli"),
        now=now,
    )
    session.commit()
    record = session.get(Record, site_id)
    assert record is not None
    return _info(record)
