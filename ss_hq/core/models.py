"""Head-office tables (SQLModel).

Synced records (site, program, child, guardian, consent, enrollment, attendance session and
mark, audit entry) are stored generically in ``record``: the current value of each field in
``fields`` and, per field, the HLC, the record version and the device that wrote it in
``field_meta`` (``{name: [hlc, version, device_id]}``) — exactly what the merge rule needs.
(a new record's fields share one entry, ``"*"``: :func:`field_meta_of` spells it out).
``site_id`` is the site whose devices may see the record (NULL: reference data everyone sees);
``child_id`` links guardians, consents, enrollments and attendance marks to their child.

Times are integer milliseconds since the Unix epoch (UTC), as on the wire.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")
# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _json(nullable: bool = False) -> Any:
    return Field(default=None, sa_type=JSONType, nullable=nullable)


class Record(SQLModel, table=True):
    __tablename__ = "record"

    id: str = Field(primary_key=True, max_length=36)
    entity: str = Field(max_length=32, index=True)
    version: int = Field(default=0, sa_type=sa.BigInteger)
    hlc: str = Field(max_length=80)
    deleted: bool = False
    erased: bool = False
    merged_into: str | None = Field(default=None, max_length=36)
    site_id: str | None = Field(default=None, max_length=36, index=True)
    child_id: str | None = Field(default=None, max_length=36, index=True)
    fields: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType, nullable=False)
    field_meta: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType, nullable=False)
    created_by_device: str | None = Field(default=None, max_length=36)
    created_at: int = Field(sa_type=sa.BigInteger)
    updated_at: int = Field(sa_type=sa.BigInteger)


# In ``field_meta``, the entry shared by every field without one of its own: a new record's
# 34 fields all carry the same [hlc, version, device], stored once instead of 34 times.
META_DEFAULT = "*"


def field_meta_of(record: Any) -> dict[str, Any]:
    """``{field: [hlc, version, device_id]}`` of *record*, its shared entry spelled out for
    each field (a record written before the shared entry existed reads as stored)."""
    meta = record.field_meta or {}
    default = meta.get(META_DEFAULT)
    if default is None:
        return dict(meta)
    out = {name: default for name in record.fields or {} if name not in meta}
    out.update((name, value) for name, value in meta.items() if name != META_DEFAULT)
    return out


def compact_field_meta(meta: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """*meta* (one entry per field) as stored: the most common entry of *fields* once, under
    :data:`META_DEFAULT`, and the others by name. :func:`field_meta_of` reads it back."""
    counts: dict[tuple[Any, ...], int] = {}
    try:
        for name, value in meta.items():
            if name in fields:
                key = tuple(value)
                counts[key] = counts.get(key, 0) + 1
    except TypeError:  # an entry of an unexpected shape: keep it all as it is
        return dict(meta)
    if not counts:
        return dict(meta)
    shared, uses = max(counts.items(), key=lambda item: item[1])
    if uses < 2:
        return dict(meta)
    out: dict[str, Any] = {META_DEFAULT: list(shared)}
    for name, value in meta.items():
        if name not in fields or tuple(value) != shared:
            out[name] = value
    return out


class Device(SQLModel, table=True):
    __tablename__ = "device"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=120)
    token_hash: str = Field(max_length=64, unique=True)
    site_ids: list[str] = Field(default_factory=list, sa_type=JSONType, nullable=False)
    app_version: str = Field(default="", max_length=64)
    signing_key: str | None = Field(default=None, max_length=200)
    acked_seq: int = Field(default=0, sa_type=sa.BigInteger)
    created_at: int = Field(sa_type=sa.BigInteger)
    last_seen_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    revoked_at: int | None = Field(default=None, sa_type=sa.BigInteger)


class EnrollmentCode(SQLModel, table=True):
    __tablename__ = "enrollment_code"

    code_hash: str = Field(primary_key=True, max_length=64)
    site_ids: list[str] = Field(default_factory=list, sa_type=JSONType, nullable=False)
    created_at: int = Field(sa_type=sa.BigInteger)
    expires_at: int = Field(sa_type=sa.BigInteger)
    used_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    device_id: str | None = Field(default=None, max_length=36)


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    username: str = Field(max_length=64, unique=True)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=16)
    failed_attempts: int = 0
    locked_until: int | None = Field(default=None, sa_type=sa.BigInteger)
    disabled: bool = False
    created_at: int = Field(sa_type=sa.BigInteger)
    last_login_at: int | None = Field(default=None, sa_type=sa.BigInteger)


class AppliedOp(SQLModel, table=True):
    """One (device, seq) taken into account: the unique key makes apply idempotent."""

    __tablename__ = "applied_op"
    __table_args__ = (sa.UniqueConstraint("device_id", "device_seq", name="uq_applied_op_seq"),)

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    device_id: str = Field(max_length=36, index=True)
    device_seq: int = Field(sa_type=sa.BigInteger)
    op_id: str = Field(max_length=36)
    batch_id: str = Field(max_length=36)
    entity: str = Field(max_length=32)
    record_id: str = Field(max_length=36)
    status: str = Field(max_length=16)
    result: dict[str, Any] = Field(default_factory=dict, sa_type=JSONType, nullable=False)
    applied_at: int = Field(sa_type=sa.BigInteger)


class ChangeHistory(SQLModel, table=True):
    """Every change head office saw, one row per change of one record: ``changes`` holds
    ``{field: [old value, new value]}`` for each field it changed, ``[old, new, hlc]`` when
    the field's stamp is not the row's ``hlc``. ``applied`` is False for a row keeping the
    incoming values that lost to later ones (:func:`field_changes` reads a row back field
    by field)."""

    __tablename__ = "change_history"

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    record_id: str = Field(max_length=36, index=True)
    entity: str = Field(max_length=32)
    # Plain JSON (not JSONB on PostgreSQL): written once, read whole, never queried inside.
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    hlc: str = Field(max_length=80)
    version: int = Field(sa_type=sa.BigInteger)
    device_id: str | None = Field(default=None, max_length=36)
    staff_user: str | None = Field(default=None, max_length=64)
    applied: bool = True
    at: int = Field(sa_type=sa.BigInteger)


def field_changes(row: ChangeHistory) -> list[tuple[str, Any, Any, str]]:
    """(field, old value, new value, hlc) of each field a history row changed, in order."""
    return [
        (name, change[0], change[1], change[2] if len(change) > 2 else row.hlc)
        for name, change in (row.changes or {}).items()
    ]


class DuplicateCheck(SQLModel, table=True):
    """A child whose duplicate check is still due: written in the push's transaction, served
    after its commit (:func:`ss_hq.review.duplicate_queue.drain_checks`)."""

    __tablename__ = "duplicate_check"

    record_id: str = Field(primary_key=True, max_length=36)
    queued_at: int = Field(sa_type=sa.BigInteger)


class RecordProblem(SQLModel, table=True):
    """A stored record that cannot be sent to laptops or shown as it is (a value written
    before head office checked every value: a lone surrogate, a NUL, an integer beyond 64
    bits ...). Pulls leave it out and staff see it in the list of records to repair. Only
    field names and problem codes are kept, never a value."""

    __tablename__ = "record_problem"

    record_id: str = Field(primary_key=True, max_length=36)
    entity: str = Field(max_length=32)
    site_id: str | None = Field(default=None, max_length=36)
    problems: list[str] = Field(default_factory=list, sa_type=JSONType, nullable=False)
    found_in: str = Field(max_length=16)  # "pull", "scan"
    found_at: int = Field(sa_type=sa.BigInteger)


class Conflict(SQLModel, table=True):
    """Concurrent edits of one field: the higher HLC won, the losing value is kept here."""

    __tablename__ = "conflict"

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    record_id: str = Field(max_length=36, index=True)
    entity: str = Field(max_length=32)
    field: str = Field(max_length=64)
    winner_value: Any = _json(nullable=True)
    winner_hlc: str = Field(max_length=80)
    winner_device: str | None = Field(default=None, max_length=36)
    loser_value: Any = _json(nullable=True)
    loser_hlc: str = Field(max_length=80)
    loser_device: str | None = Field(default=None, max_length=36)
    status: str = Field(default="open", max_length=16, index=True)
    resolution: str | None = Field(default=None, max_length=200)
    resolved_by: str | None = Field(default=None, max_length=64)
    resolved_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    created_at: int = Field(sa_type=sa.BigInteger)


class SuspectedDuplicate(SQLModel, table=True):
    __tablename__ = "suspected_duplicate"
    __table_args__ = (sa.UniqueConstraint("record_id", "other_id", name="uq_suspected_pair"),)

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    record_id: str = Field(max_length=36, index=True)
    other_id: str = Field(max_length=36, index=True)
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list, sa_type=JSONType, nullable=False)
    status: str = Field(default="open", max_length=16, index=True)
    resolved_by: str | None = Field(default=None, max_length=64)
    resolved_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    created_at: int = Field(sa_type=sa.BigInteger)


class ChangeLog(SQLModel, table=True):
    """Head office's change sequence, the pull cursor. ``seq`` is allocated under a lock."""

    __tablename__ = "change_log"

    seq: int = Field(
        primary_key=True, sa_type=sa.BigInteger, sa_column_kwargs={"autoincrement": False}
    )
    entity: str = Field(max_length=32)
    record_id: str = Field(max_length=36, index=True)
    version: int = Field(sa_type=sa.BigInteger)
    site_id: str | None = Field(default=None, max_length=36, index=True)
    at: int = Field(sa_type=sa.BigInteger)


class ChangeLogState(SQLModel, table=True):
    """One row: the oldest seq still kept. A cursor below it must refetch everything."""

    __tablename__ = "change_log_state"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    min_retained_seq: int = Field(default=0, sa_type=sa.BigInteger)


class ServerKey(SQLModel, table=True):
    """Head office's key pairs (base64 raw bytes).

    The private keys sit in the database for now; protect the database (and its backups)
    accordingly. Moving them to a key file or a KMS is a later step.
    """

    __tablename__ = "server_key"

    kind: str = Field(primary_key=True, max_length=32)
    public_key: str = Field(max_length=200)
    private_key: str = Field(max_length=200)
    created_at: int = Field(sa_type=sa.BigInteger)


class AuditEntry(SQLModel, table=True):
    """One row of a laptop's audit log, as received (``at`` and ``detail`` verbatim: the hash
    covers them). A row head office already held arriving with other contents is kept too
    (same ``row_id``, another ``hash``); ``chain_ok`` is False from where the chain broke."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        sa.UniqueConstraint("device_id", "row_id", "hash", name="uq_audit_entry_row"),
        sa.Index("ix_audit_entry_device_row", "device_id", "row_id"),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    device_id: str = Field(max_length=36)
    row_id: int = Field(sa_type=sa.BigInteger)
    at: str = Field(max_length=40)
    at_ms: int | None = Field(default=None, sa_type=sa.BigInteger, index=True)
    actor: str = Field(max_length=120, index=True)
    action: str = Field(max_length=40, index=True)
    entity: str | None = Field(default=None, max_length=40)
    record_id: str | None = Field(default=None, max_length=64, index=True)
    detail: str = Field(default="{}", sa_type=sa.Text)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
    chain_ok: bool = True
    problem: str | None = Field(default=None, max_length=32)
    received_at: int = Field(sa_type=sa.BigInteger)


class AuditChain(SQLModel, table=True):
    """Per laptop: the last audit row received (the chain continues from it) and whether the
    chain verified. The first break stays recorded until staff clear it."""

    __tablename__ = "audit_chain"

    device_id: str = Field(primary_key=True, max_length=36)
    tip_id: int = Field(default=0, sa_type=sa.BigInteger)
    tip_hash: str = Field(default="0" * 64, max_length=64)
    row_count: int = Field(default=0, sa_type=sa.BigInteger)
    broken_at_id: int | None = Field(default=None, sa_type=sa.BigInteger)
    problem: str | None = Field(default=None, max_length=32)
    broken_seen_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    laptop_broken_at_id: int | None = Field(default=None, sa_type=sa.BigInteger)
    last_upload_at: int | None = Field(default=None, sa_type=sa.BigInteger)


class StaffSession(SQLModel, table=True):
    __tablename__ = "staff_session"

    id_hash: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(sa_type=sa.BigInteger, index=True)
    csrf_token: str = Field(max_length=64)
    created_at: int = Field(sa_type=sa.BigInteger)
    last_seen_at: int = Field(sa_type=sa.BigInteger)
    expires_at: int = Field(sa_type=sa.BigInteger, index=True)


# One narrow row per child for head office's search and dashboard counts
# (ss_hq.review.search_service keeps it current).
class ChildIndex(SQLModel, table=True):
    __tablename__ = "child_index"
    # Since revision 0005: the list's first page by name, read from the index in order.
    __table_args__ = (sa.Index("ix_child_index_name_sort", "name_sort", "record_id"),)

    record_id: str = Field(primary_key=True, max_length=36)
    site_id: str | None = Field(default=None, max_length=36, index=True)
    active: bool = Field(default=True, index=True)
    gender: int | None = None
    birth_year: int | None = None
    dob: str | None = Field(default=None, max_length=10, index=True)
    stage: str | None = Field(default=None, max_length=16)
    grade: int | None = None
    hukou_local: bool | None = None
    cat_migrant: bool = False
    cat_low_income: bool = False
    cat_lower_tier: bool = False
    cat_left_behind: bool = False
    cat_in_care: bool = False
    cat_disability: bool = False
    name_key: str = Field(default="", max_length=120, index=True)
    name_sort: str = Field(default="", max_length=200)
    search_keys: str = Field(default="", sa_type=sa.Text)
    # the keys of the three best-ranked groups, " key key ", for ranking (since revision 0005)
    keys_name: str = Field(default="", sa_type=sa.Text)
    keys_short: str = Field(default="", sa_type=sa.Text)
    keys_given: str = Field(default="", sa_type=sa.Text)
    updated_at: int = Field(default=0, sa_type=sa.BigInteger)
    # Since revision 0005: an erased child is counted on the dashboard but never listed;
    # when the child was registered (the laptop's stamp of its creation), for the list.
    erased: bool = False
    registered_at: int = Field(default=0, sa_type=sa.BigInteger, index=True)


class MergeLog(SQLModel, table=True):
    """One merge of two children (``merged_id`` into ``kept_id``) and what it did, so that an
    admin can split them again: the dependents that moved (``moved``), the duplicates that
    were removed (``removed``: {removed id: {"kept": the record it duplicated, "owner": the
    child it belonged to}}) and the values
    the kept records took from their duplicates (``filled``: {kept id: {field: old value}}).
    A split re-creates the merged child as ``split_id``."""

    __tablename__ = "merge_log"

    id: int | None = Field(default=None, primary_key=True, sa_type=BigIntPK)
    pair_id: int | None = Field(default=None, sa_type=sa.BigInteger)
    kept_id: str = Field(max_length=36, index=True)
    merged_id: str = Field(max_length=36, index=True)
    moved: list[str] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    removed: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    filled: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    reason: str = Field(default="", max_length=500)
    by: str = Field(max_length=64)
    at: int = Field(sa_type=sa.BigInteger)
    split_id: str | None = Field(default=None, max_length=36)
    split_by: str | None = Field(default=None, max_length=64)
    split_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    split_reason: str | None = Field(default=None, max_length=500)


def hq_metadata() -> sa.MetaData:
    """Head office's tables only. SQLModel keeps one global metadata, which also holds the
    laptop's tables when both packages are imported in one process (the test suite)."""
    metadata = sa.MetaData()
    for mapper in SQLModel._sa_registry.mappers:
        cls = mapper.class_
        table = getattr(cls, "__table__", None)
        if table is not None and cls.__module__.startswith("ss_hq."):
            table.to_metadata(metadata)
    return metadata
