"""The sync client's local bookkeeping: the enrollment (sync_state and ``sync.*`` keys of
app_meta), reading the outbox, recording push answers and pulled pages.

Every function that records progress does it in ONE ``BEGIN IMMEDIATE`` transaction with the
effect it covers: acknowledged outbox rows with ``last_acked_seq``, a pulled page with the
cursor after it. A crash at any moment leaves either both or neither.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Engine

from ss_core.protocol.hlc import HLC, HLCFormatError, HybridClock
from ss_core.protocol.wire import ErrorCode, OpResult, OpStatus, PullChange, PushOp
from ss_desktop.db.codec import dumps, utc_now_iso
from ss_desktop.db.consent_gate import filter_ops, parked_count
from ss_desktop.db.engine import WRITE_OPTIONS, OperationalError, raw_cursor
from ss_desktop.db.tables import SYNCED_TABLES
from ss_desktop.db.write import ChangeSet
from ss_desktop.db.write.remote import apply_pulled

META_PREFIX = "sync."
K_DEVICE_ID = "sync.device_id"  # head office's id for this laptop (the wire device_id)
K_SIGNING_KEY = "sync.device_signing_key"  # base64 raw Ed25519 private key (bundles)
K_SERVER_SIGNING_KEY = "sync.server_signing_key"
K_SERVER_ENCRYPTION_KEY = "sync.server_encryption_key"
K_SITES = "sync.sites"  # JSON list of site ids
K_REVOKED = "sync.revoked"
K_CA_BUNDLE = "sync.ca_bundle"
K_ALLOW_INSECURE = "sync.allow_insecure"
K_LAST_REPORT = "sync.last_report"
K_CLOCK_WARNING = "sync.clock_warning"
_SHIFT = 1 << 40  # above any device_seq: renumbering moves rows out of the way first


class DiskFullError(OSError):
    """SQLite could not write: the disk is full. Nothing of the transaction was kept."""

    def __init__(self) -> None:
        super().__init__(errno.ENOSPC, "the disk is full")


@contextmanager
def write_cursor(engine: Engine) -> Iterator[sqlite3.Cursor]:
    """A cursor inside one BEGIN IMMEDIATE transaction (committed on leaving)."""
    try:
        with engine.connect().execution_options(**WRITE_OPTIONS) as conn, conn.begin():
            yield raw_cursor(conn)
    except (sqlite3.OperationalError, OperationalError) as exc:
        if "full" in str(exc).lower():
            raise DiskFullError() from exc
        raise
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise DiskFullError() from exc
        raise


@contextmanager
def read_cursor(engine: Engine) -> Iterator[sqlite3.Cursor]:
    with engine.connect() as conn:
        yield raw_cursor(conn)


# ------------------------------------------------------------------------------ enrollment


@dataclass(frozen=True)
class Enrollment:
    """What this laptop knows about its enrollment with head office."""

    server_url: str | None
    device_id: str | None
    token: str | None
    sites: tuple[str, ...]
    device_signing_key: str | None
    server_signing_key: str | None
    server_encryption_key: str | None
    ca_bundle: str | None
    allow_insecure: bool
    revoked: bool
    last_device_seq: int
    last_acked_seq: int
    pull_cursor: str | None
    clock_offset_ms: int
    last_sync_at: str | None

    @property
    def enrolled(self) -> bool:
        return bool(self.device_id and self.token)


def get_meta(cursor: sqlite3.Cursor, key: str) -> str | None:
    row = cursor.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(cursor: sqlite3.Cursor, key: str, value: str | None) -> None:
    if value is None:
        cursor.execute("DELETE FROM app_meta WHERE key = ?", (key,))
    else:
        cursor.execute(
            "INSERT INTO app_meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def load_enrollment(engine: Engine) -> Enrollment:
    with read_cursor(engine) as cur:
        meta = dict(
            cur.execute(
                "SELECT key, value FROM app_meta WHERE key LIKE ?", (META_PREFIX + "%",)
            ).fetchall()
        )
        row = cur.execute(
            "SELECT server_url, token, last_device_seq, last_acked_seq, pull_cursor,"
            " clock_offset_ms, last_sync_at FROM sync_state WHERE id = 1"
        ).fetchone() or (None, None, 0, 0, None, 0, None)
    return Enrollment(
        server_url=row[0],
        device_id=meta.get(K_DEVICE_ID),
        token=row[1],
        sites=tuple(json.loads(meta.get(K_SITES) or "[]")),
        device_signing_key=meta.get(K_SIGNING_KEY),
        server_signing_key=meta.get(K_SERVER_SIGNING_KEY),
        server_encryption_key=meta.get(K_SERVER_ENCRYPTION_KEY),
        ca_bundle=meta.get(K_CA_BUNDLE),
        allow_insecure=meta.get(K_ALLOW_INSECURE) == "1",
        revoked=meta.get(K_REVOKED) == "1",
        last_device_seq=row[2] or 0,
        last_acked_seq=row[3] or 0,
        pull_cursor=row[4],
        clock_offset_ms=row[5] or 0,
        last_sync_at=row[6],
    )


def save_enrollment(
    engine: Engine,
    *,
    server_url: str | None,
    device_id: str,
    token: str,
    sites: Sequence[str],
    device_signing_key: str,
    server_signing_key: str,
    server_encryption_key: str,
    ca_bundle: str | None,
    allow_insecure: bool,
    clock_offset_ms: int,
) -> None:
    """Record a (new) enrollment. Head office numbers a device's changes from 1, so the
    changes not acknowledged yet are renumbered from 1 in the same transaction."""
    with write_cursor(engine) as cur:
        cur.execute("INSERT OR IGNORE INTO sync_state (id) VALUES (1)")
        acked = cur.execute("SELECT last_acked_seq FROM sync_state WHERE id = 1").fetchone()[0]
        acked = acked or 0
        cur.execute(
            "DELETE FROM outbox WHERE acked = 1 OR (device_seq > 0 AND device_seq <= ?)", (acked,)
        )
        if acked:
            # Two steps, so no number is ever taken twice; parked rows (device_seq < 0, held
            # back for consent: ss_desktop.db.consent_gate) keep theirs.
            cur.execute(
                "UPDATE outbox SET device_seq = device_seq + ? WHERE device_seq > 0", (_SHIFT,)
            )
            cur.execute(
                "UPDATE outbox SET device_seq = device_seq - ? WHERE device_seq > ?",
                (_SHIFT + acked, _SHIFT),
            )
        last = cur.execute("SELECT coalesce(max(device_seq), 0) FROM outbox").fetchone()[0]
        cur.execute(
            "UPDATE sync_state SET server_url = ?, token = ?, last_device_seq = ?,"
            " last_acked_seq = 0, pull_cursor = NULL, clock_offset_ms = ? WHERE id = 1",
            (server_url, token, last, clock_offset_ms),
        )
        values = {
            K_DEVICE_ID: device_id,
            K_SITES: json.dumps(list(sites)),
            K_SIGNING_KEY: device_signing_key,
            K_SERVER_SIGNING_KEY: server_signing_key,
            K_SERVER_ENCRYPTION_KEY: server_encryption_key,
            K_CA_BUNDLE: ca_bundle,
            K_ALLOW_INSECURE: "1" if allow_insecure else None,
            K_REVOKED: None,
            K_CLOCK_WARNING: None,
        }
        for key, value in values.items():
            set_meta(cur, key, value)


def save_server_url(engine: Engine, server_url: str) -> None:
    """Head office's address for a laptop enrolled with a file that named none."""
    with write_cursor(engine) as cur:
        cur.execute("UPDATE sync_state SET server_url = ? WHERE id = 1", (server_url,))


def mark_revoked(engine: Engine) -> None:
    with write_cursor(engine) as cur:
        set_meta(cur, K_REVOKED, "1")


def save_meta(engine: Engine, key: str, value: str | None) -> None:
    with write_cursor(engine) as cur:
        set_meta(cur, key, value)


# ------------------------------------------------------------------------------ outbox / push


def pending_ops(engine: Engine, limit: int, *, after: int = 0) -> list[PushOp]:
    """Unacknowledged changes in device_seq order, as consent lets them leave the laptop:
    parked changes (device_seq < 0) never; personal and sensitive values only as allowed
    (:func:`ss_desktop.db.consent_gate.filter_ops`)."""
    with read_cursor(engine) as cur:
        rows = cur.execute(
            "SELECT device_seq, op_id, entity, record_id, base_version, hlc, fields, deleted"
            " FROM outbox WHERE acked = 0 AND device_seq > ? ORDER BY device_seq LIMIT ?",
            (max(after, 0), limit),
        ).fetchall()
        return filter_ops(cur, [op_from_row(row) for row in rows])


def op_from_row(row: Sequence[Any]) -> PushOp:
    return PushOp(
        device_seq=row[0],
        op_id=row[1],
        entity=row[2],
        record_id=row[3],
        base_version=row[4] or 0,
        hlc=row[5],
        fields=json.loads(row[6] or "{}"),
        deleted=bool(row[7]),
    )


def pending_count(engine: Engine) -> int:
    """Changes not acknowledged yet, those held back for consent included."""
    with read_cursor(engine) as cur:
        count: int = cur.execute("SELECT count(*) FROM outbox WHERE acked = 0").fetchone()[0]
        return count


@dataclass(frozen=True)
class OutboxMark:
    """What a batch read ahead of time depends on: every local write appends an outbox row
    with the next device_seq (a consent that lets held changes go renumbers them after it),
    so an unchanged highest seq and pending count (less the rows just acknowledged) mean the
    outbox rows after the sent batch, and the consent filter's view of them, are as read."""

    highest_seq: int
    pending: int

    def after_ack(self, acked: int) -> OutboxMark:
        return OutboxMark(self.highest_seq, self.pending - acked)


def outbox_mark(engine: Engine) -> OutboxMark:
    with read_cursor(engine) as cur:
        highest, pending = cur.execute(
            "SELECT coalesce(max(device_seq), 0), count(*) FILTER (WHERE acked = 0) FROM outbox"
        ).fetchone()
    return OutboxMark(int(highest), int(pending))


def held_count(engine: Engine) -> int:
    """Changes held back until a child's registration consent is recorded."""
    with read_cursor(engine) as cur:
        return parked_count(cur)


@dataclass
class AckOutcome:
    acked: int = 0
    rejected: int = 0
    duplicates: int = 0
    held_back: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


def record_push_results(
    engine: Engine,
    ops: Sequence[PushOp],
    results: Sequence[OpResult],
    acked_through: int,
) -> AckOutcome:
    """In ONE transaction: rejected ops to the quarantine, acknowledged ops marked in the
    outbox, ``last_acked_seq`` raised, and head office's version noted on the records."""
    outcome = AckOutcome()
    by_seq = {op.device_seq: op for op in ops}
    now = utc_now_iso()
    versions: dict[str, list[tuple[int, str, int]]] = {}  # table -> (version, id, version)
    with write_cursor(engine) as cur:
        for result in results:
            outcome.statuses[result.status.value] = outcome.statuses.get(result.status.value, 0) + 1
            op = by_seq.get(result.device_seq)
            if op is None:
                continue
            if result.status is OpStatus.REJECTED and result.reason is ErrorCode.SEQ_GAP:
                outcome.held_back += 1
                continue
            if result.device_seq > acked_through:
                continue
            if result.status is OpStatus.REJECTED:
                outcome.rejected += 1
                known = cur.execute(
                    "SELECT 1 FROM quarantine WHERE device_seq = ? AND resolved = 0",
                    (result.device_seq,),
                ).fetchone()
                if not known:
                    cur.execute(
                        "INSERT INTO quarantine (device_seq, op, reason, message, at, resolved)"
                        " VALUES (?, ?, ?, ?, ?, 0)",
                        (
                            result.device_seq,
                            op.model_dump_json(),
                            (result.reason.value if result.reason else "rejected"),
                            result.message,
                            now,
                        ),
                    )
            elif result.status is OpStatus.DUPLICATE:
                outcome.duplicates += 1
            if result.version is not None and op.entity in SYNCED_TABLES:
                # Every synced table names itself with a plain string (not a declared_attr).
                table = cast(str, SYNCED_TABLES[op.entity].__tablename__)
                versions.setdefault(table, []).append(
                    (result.version, op.record_id, result.version)
                )
        for table, rows in versions.items():
            cur.executemany(
                f"UPDATE {table} SET server_version = ? WHERE id = ?"
                " AND (server_version IS NULL OR server_version < ?)",
                rows,
            )
        marked = cur.execute(
            "UPDATE outbox SET acked = 1, sent_at = ?"
            " WHERE acked = 0 AND device_seq > 0 AND device_seq <= ?",
            (now, acked_through),
        ).rowcount
        outcome.acked = marked
        cur.execute(
            "UPDATE sync_state SET last_acked_seq = max(last_acked_seq, ?) WHERE id = 1",
            (acked_through,),
        )
    return outcome


def requeue_forgotten(engine: Engine, acked_through: int) -> int:
    """Head office acknowledges this laptop's changes only through *acked_through*, below what
    it acknowledged before (``last_acked_seq``): it was restored from an older backup and lost
    the changes after that. Mark the acknowledged changes after *acked_through* as not sent,
    in ONE transaction with ``last_acked_seq`` lowered to it, so they are pushed (or put in
    the next bundle) again, in their order and with their numbers. Head office answers
    "duplicate" for any it still has, so nothing is doubled. Returns how many."""
    with write_cursor(engine) as cur:
        last = cur.execute("SELECT last_acked_seq FROM sync_state WHERE id = 1").fetchone()
        if last is None or acked_through >= (last[0] or 0):
            return 0
        count = cur.execute(
            "UPDATE outbox SET acked = 0, sent_at = NULL WHERE acked = 1 AND device_seq > ?",
            (acked_through,),
        ).rowcount
        cur.execute(
            "UPDATE sync_state SET last_acked_seq = ? WHERE id = 1", (max(acked_through, 0),)
        )
    return count


# ------------------------------------------------------------------------------ pull


def apply_page(
    engine: Engine, clock: HybridClock, changes: Sequence[PullChange], next_cursor: str
) -> ChangeSet:
    """Merge a pulled page and save the cursor after it, in ONE transaction."""
    result = ChangeSet()
    with write_cursor(engine) as cur:
        if changes:
            apply_pulled(cur, clock, changes, result, actor="sync")
        cur.execute(
            "UPDATE sync_state SET pull_cursor = ?, hlc_last = ? WHERE id = 1",
            (next_cursor, str(clock.last())),
        )
    return result


def save_cursor(engine: Engine, cursor_value: str | None) -> None:
    with write_cursor(engine) as cur:
        cur.execute("UPDATE sync_state SET pull_cursor = ? WHERE id = 1", (cursor_value,))


def save_clock(engine: Engine, clock: HybridClock) -> None:
    with write_cursor(engine) as cur:
        cur.execute(
            "UPDATE sync_state SET clock_offset_ms = ?, hlc_last = ? WHERE id = 1",
            (clock.offset_ms, str(clock.last())),
        )


def finish_round(engine: Engine, report_json: str) -> None:
    with write_cursor(engine) as cur:
        cur.execute("UPDATE sync_state SET last_sync_at = ? WHERE id = 1", (utc_now_iso(),))
        set_meta(cur, K_LAST_REPORT, report_json)


# ------------------------------------------------------------------------------ checksum

# (record id, head office version, the site that puts it in scope) of each synced table; the
# covering indexes of schema revision 0005 hold exactly these columns.
_SCOPE_SQL = {
    "site": "SELECT id AS rid, server_version AS ver, id AS site FROM site",
    "program": "SELECT id AS rid, server_version AS ver, site_id AS site FROM program",
    "child": "SELECT id AS rid, server_version AS ver, site_id AS site FROM child",
    "guardian": "SELECT g.id AS rid, g.server_version AS ver, c.site_id AS site FROM guardian g"
    " LEFT JOIN child c INDEXED BY ix_child_scope ON c.id = g.child_id",
    "consent": "SELECT g.id AS rid, g.server_version AS ver, c.site_id AS site FROM consent g"
    " LEFT JOIN child c INDEXED BY ix_child_scope ON c.id = g.child_id",
    "enrollment": "SELECT g.id AS rid, g.server_version AS ver, c.site_id AS site"
    " FROM enrollment g LEFT JOIN child c INDEXED BY ix_child_scope ON c.id = g.child_id",
    "attendance_session": "SELECT s.id AS rid, s.server_version AS ver, p.site_id AS site"
    " FROM attendance_session s LEFT JOIN program p ON p.id = s.program_id",
    "attendance_mark": "SELECT g.id AS rid, g.server_version AS ver, c.site_id AS site"
    " FROM attendance_mark g LEFT JOIN child c INDEXED BY ix_child_scope ON c.id = g.child_id",
}


def scope_lines(engine: Engine, sites: Sequence[str]) -> list[str]:
    """ "id:version" of every record this laptop holds from its scope (head office's version;
    records it never had are left out), built and filtered by SQLite: at 100,000 children
    this is the bulk of a sync round's count-and-checksum comparison."""
    marks = ",".join("?" * len(sites)) or "NULL"
    lines: list[str] = []
    with read_cursor(engine) as cur:
        for sql in _SCOPE_SQL.values():
            lines.extend(
                row[0]
                for row in cur.execute(
                    f"SELECT q.rid || ':' || q.ver FROM ({sql}) AS q WHERE q.ver IS NOT NULL"
                    f" AND (q.site IS NULL OR q.site IN ({marks}))",
                    tuple(sites),
                )
            )
    return lines


# -- clock repair (ss_desktop.sync.clock_repair decides when) ---------------------------


def restamp_pending(cur: sqlite3.Cursor, delta: int, server_ms: int) -> tuple[int, HLC | None]:
    """Shift the stamps of unsent changes (and of their records' fields) by *delta* ms,
    never past *server_ms*. Returns how many stamps changed and the newest one."""
    rows = cur.execute(
        "SELECT device_seq, entity, record_id, hlc FROM outbox WHERE acked = 0 ORDER BY device_seq"
    ).fetchall()
    mapping: dict[str, str] = {}
    touched: set[tuple[str, str]] = set()
    newest: HLC | None = None
    for seq, entity, record_id, text in rows:
        try:
            stamp = HLC.parse(text)
        except HLCFormatError:
            continue
        wall = max(0, min(stamp.wall_ms + delta, server_ms))
        fixed = HLC(wall, stamp.counter, stamp.node)
        mapping[text] = str(fixed)
        newest = fixed if newest is None or fixed > newest else newest
        cur.execute("UPDATE outbox SET hlc = ? WHERE device_seq = ?", (str(fixed), seq))
        touched.add((entity, record_id))
    for entity, record_id in touched:
        table_type = SYNCED_TABLES.get(entity)  # type: ignore[call-overload]
        if table_type is None:
            continue
        table = table_type.__tablename__
        found = cur.execute(
            f"SELECT field_hlcs, hlc FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()
        if not found:
            continue
        stamps = json.loads(found[0] or "{}")
        stamps = {name: mapping.get(value, value) for name, value in stamps.items()}
        row_hlc = mapping.get(found[1], found[1])
        if stamps:
            row_hlc = max(stamps.values())
        cur.execute(
            f"UPDATE {table} SET field_hlcs = ?, hlc = ? WHERE id = ?",
            (dumps(stamps), row_hlc, record_id),
        )
    return len(mapping), newest


def write_clock_state(cur: sqlite3.Cursor, clock: HybridClock) -> None:
    cur.execute(
        "UPDATE sync_state SET clock_offset_ms = ?, hlc_last = ? WHERE id = 1",
        (clock.offset_ms, str(clock.last())),
    )
