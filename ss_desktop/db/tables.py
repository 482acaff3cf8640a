"""The laptop's tables (SQLModel, SQLite).

Every synced entity shares the bookkeeping columns of :class:`SyncedColumns`. The column
names of the data fields are the field names of the domain and of the wire, so a change's
``fields`` map straight onto columns. Lists (categories, scopes ...) are stored as JSON text.
Dates are ISO text (``YYYY-MM-DD``), instants UTC ISO text.

Only :mod:`ss_desktop.db.write` writes the synced tables, the outbox and the audit log.
Migrations (``ss_desktop/db/migrations``) create the schema; ``metadata.create_all`` is never
used on a real database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from ss_core.protocol.wire import Entity

APP_ID = "stepping-stones-registration"
# PRAGMA application_id: the SQLite header names the app (ASCII "SSCR").
SQLITE_APPLICATION_ID = 0x53534352


def _reference(target: str) -> Any:
    """A nullable reference to another synced row, checked at COMMIT (deferred), so one
    transaction may write a child's guardians before the child, as pulled pages may."""
    return Field(
        default=None,
        sa_column=Column(
            String, ForeignKey(target, deferrable=True, initially="DEFERRED"), nullable=True
        ),
    )


class SyncedColumns(SQLModel):
    """Bookkeeping columns shared by every synced table."""

    id: str = Field(primary_key=True, max_length=36)
    version: int = 0  # local count of changes; head office's version once pulled
    hlc: str = ""  # the latest stamp of any field
    field_hlcs: str = "{}"  # JSON {field: hlc}: the per-field stamps of the merge rule
    server_version: int | None = None  # head office's version at the last push/pull
    deleted: bool = False
    created_at: str = ""
    updated_at: str = ""


class Site(SyncedColumns, table=True):
    __tablename__ = "site"
    __table_args__ = (Index("ix_site_code", "code"),)

    code: str | None = None
    name: str | None = None
    site_type: str | None = None
    division_code: str | None = None
    boarding: bool | None = None
    city_tier: int | None = None
    status: str = "pending"  # "pending" until head office confirms, then "confirmed"


class Program(SyncedColumns, table=True):
    __tablename__ = "program"
    __table_args__ = (Index("ix_program_site", "site_id"),)

    name: str | None = None
    program_type: str | None = None
    site_id: str | None = None
    term: str | None = None
    starts_on: str | None = None
    ends_on: str | None = None


class Child(SyncedColumns, table=True):
    __tablename__ = "child"
    __table_args__ = (
        # Since revision 0002: partial indexes over live rows, so lists and counts of the
        # active children read the index only.
        Index("ix_child_live_sort", "status", "name_sort", "id", sqlite_where=text("deleted = 0")),
        Index(
            "ix_child_live_site_sort",
            "site_id",
            "status",
            "name_sort",
            "id",
            sqlite_where=text("deleted = 0"),
        ),
        Index("ix_child_id_number", "id_number"),
        Index("ix_child_names", "surname", "given_name"),
        Index("ix_child_name_sort", "name_sort"),  # since revision 0002
        Index("ix_child_scope", "id", "site_id", "server_version"),  # since revision 0005
        Index(  # since revision 0003: a search sorts its hits from this index alone
            "ix_child_search_cover",
            "search_rowid",
            "status",
            "site_id",
            "name_sort",
            "id",
            sqlite_where=text("deleted = 0"),
        ),
    )

    surname: str | None = None
    given_name: str | None = None
    pinyin: str | None = None
    gender: int | None = None
    dob: str | None = None
    dob_precision: str | None = None
    id_number: str | None = None
    hukou_division: str | None = None
    hukou_type: str | None = None
    residence_division: str | None = None
    site_id: str | None = None
    stage: str | None = None
    grade: int | None = None
    school_system: str | None = None
    class_name: str | None = None
    boarding: bool | None = None
    categories: str = "[]"  # JSON list of Category values
    living_arrangement: str | None = None
    father_status: str | None = None
    mother_status: str | None = None
    father_work_place: str | None = None
    mother_work_place: str | None = None
    parent_visit_frequency: str | None = None
    caregiver_name: str | None = None
    care_placement: str | None = None
    care_since: str | None = None
    disability_types: str = "[]"  # JSON list of DisabilityType values
    disability_grade: int | None = None
    disability_certificate: bool | None = None
    autism: bool | None = None
    hardship: str | None = None
    hardship_evidence_seen: bool | None = None
    notes: str | None = None
    status: str = "active"
    archive_reason: str | None = None
    # Local only (not synced): the full pinyin key lists and keyset pages sort on.
    name_sort: str = ""
    # Local only: the rowid of this child's rows in the FTS search tables (revision 0003).
    search_rowid: int | None = None


class Guardian(SyncedColumns, table=True):
    __tablename__ = "guardian"
    __table_args__ = (
        Index("ix_guardian_child", "child_id"),
        Index("ix_guardian_phone", "phone"),
        Index("ix_guardian_scope", "child_id", "id", "server_version"),  # since revision 0005
    )

    child_id: str | None = _reference("child.id")
    name: str | None = None
    relationship: str | None = None
    is_legal_guardian: bool | None = None
    is_primary_caregiver: bool | None = None
    phone: str | None = None
    status: str | None = None
    work_place: str | None = None
    contact_frequency: str | None = None


class Consent(SyncedColumns, table=True):
    __tablename__ = "consent"
    __table_args__ = (
        Index("ix_consent_child", "child_id"),
        Index("ix_consent_scope", "child_id", "id", "server_version"),  # since revision 0005
    )

    child_id: str | None = _reference("child.id")
    giver_name: str | None = None
    giver_relationship: str | None = None
    giver_role: str | None = None
    method: str | None = None
    given_on: str | None = None
    notice_version: str | None = None
    scopes: str = "[]"  # JSON list of ConsentScope values
    child_assent: bool | None = None
    collector: str | None = None
    withdrawn_on: str | None = None
    withdrawal_reason: str | None = None


class Enrollment(SyncedColumns, table=True):
    __tablename__ = "enrollment"
    __table_args__ = (
        Index("ix_enrollment_child", "child_id"),
        Index("ix_enrollment_scope", "child_id", "id", "server_version"),  # since revision 0005
        Index("ix_enrollment_program", "program_id"),
    )

    child_id: str | None = _reference("child.id")
    program_id: str | None = _reference("program.id")
    since: str | None = None
    until: str | None = None


class AttendanceSession(SyncedColumns, table=True):
    __tablename__ = "attendance_session"
    __table_args__ = (Index("ix_attendance_session_program", "program_id", "held_on"),)

    program_id: str | None = _reference("program.id")
    held_on: str | None = None
    lessons: int = 1
    topic: str | None = None


class AttendanceMark(SyncedColumns, table=True):
    __tablename__ = "attendance_mark"
    __table_args__ = (
        Index("ix_attendance_mark_session", "session_id"),
        Index("ix_attendance_mark_child", "child_id"),
        Index("ix_attendance_mark_scope", "child_id", "id", "server_version"),  # since 0005
    )

    session_id: str | None = _reference("attendance_session.id")
    child_id: str | None = _reference("child.id")
    mark: str | None = None


class LocalUser(SQLModel, table=True):
    __tablename__ = "local_user"

    id: str = Field(primary_key=True, max_length=36)
    username: str = Field(unique=True)
    display_name: str = ""
    role: str = "volunteer"
    password_hash: str = ""  # Argon2 (argon2-cffi PasswordHasher), hashed by services
    site_ids: str = "[]"  # JSON list of site ids
    failed_attempts: int = 0
    locked_until: str | None = None
    active: bool = True
    created_at: str = ""


class AuditLog(SQLModel, table=True):
    """Append-only, hash-chained. ``detail`` holds field NAMES, never personal values."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_record", "entity", "record_id"),
        Index("ix_audit_at", "at"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    at: str = ""
    actor: str = ""
    action: str = ""
    entity: str | None = None
    record_id: str | None = None
    detail: str = "{}"
    prev_hash: str = ""
    hash: str = ""


class Outbox(SQLModel, table=True):
    """Changes not yet acknowledged by head office, in device_seq order (gap-free)."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_acked", "acked", "device_seq"),
        # since revision 0004: the rows parked until a child's consent, by record
        Index("ix_outbox_parked", "record_id", sqlite_where=text("device_seq < 0")),
    )

    device_seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    op_id: str = ""
    entity: str = ""
    record_id: str = ""
    base_version: int = 0
    hlc: str = ""
    fields: str = "{}"
    deleted: bool = False
    created_at: str = ""
    sent_at: str | None = None
    acked: bool = False


class SyncState(SQLModel, table=True):
    """A single row (id = 1)."""

    __tablename__ = "sync_state"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    device_id: str | None = None
    last_device_seq: int = 0
    last_acked_seq: int = 0
    pull_cursor: str | None = None
    hlc_last: str | None = None
    clock_offset_ms: int = 0
    server_url: str | None = None
    last_sync_at: str | None = None
    token: str | None = None


class Quarantine(SQLModel, table=True):
    __tablename__ = "quarantine"
    __table_args__ = (Index("ix_quarantine_resolved", "resolved"),)

    id: int | None = Field(default=None, primary_key=True)
    device_seq: int = 0
    op: str = "{}"
    reason: str = ""
    message: str | None = None
    at: str = ""
    resolved: bool = False


class Division(SQLModel, table=True):
    """GB/T 2260 divisions: level 1 province (2 digits), 2 prefecture (4), 3 county (6)."""

    __tablename__ = "division"
    __table_args__ = (Index("ix_division_parent", "parent_code"),)

    code: str = Field(primary_key=True)
    name: str = ""
    level: int = 3
    parent_code: str | None = None
    province_code: str = ""
    valid_from: str | None = None
    valid_to: str | None = None
    edition: str = ""


class CityTier(SQLModel, table=True):
    __tablename__ = "city_tier"
    __table_args__ = (UniqueConstraint("prefecture_code", "list_year"),)

    id: int | None = Field(default=None, primary_key=True)
    prefecture_code: str = ""
    tier: int = 0
    list_year: int = 0


class AppMeta(SQLModel, table=True):
    __tablename__ = "app_meta"

    key: str = Field(primary_key=True)
    value: str = ""


SYNCED_TABLES: dict[Entity, type[SyncedColumns]] = {
    Entity.SITE: Site,
    Entity.PROGRAM: Program,
    Entity.CHILD: Child,
    Entity.GUARDIAN: Guardian,
    Entity.CONSENT: Consent,
    Entity.ENROLLMENT: Enrollment,
    Entity.ATTENDANCE_SESSION: AttendanceSession,
    Entity.ATTENDANCE_MARK: AttendanceMark,
}

# Write order inside one transaction: parents before children.
ENTITY_ORDER: tuple[Entity, ...] = tuple(SYNCED_TABLES)

BOOKKEEPING_COLUMNS = frozenset(SyncedColumns.model_fields)
LOCAL_ONLY_COLUMNS = {Entity.CHILD: frozenset({"name_sort", "search_rowid"})}
JSON_LIST_FIELDS: dict[Entity, frozenset[str]] = {
    Entity.CHILD: frozenset({"categories", "disability_types"}),
    Entity.CONSENT: frozenset({"scopes"}),
}


def data_fields(entity: Entity) -> tuple[str, ...]:
    """The synced data columns of *entity*, in table order."""
    table = SYNCED_TABLES[entity].__table__  # type: ignore[attr-defined]
    local = LOCAL_ONLY_COLUMNS.get(entity, frozenset())
    return tuple(
        c.name for c in table.columns if c.name not in BOOKKEEPING_COLUMNS and c.name not in local
    )
