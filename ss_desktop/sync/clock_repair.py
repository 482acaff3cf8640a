"""Clock correction from head office's time (SYNC.md, "Anki refuses to sync...").

Every answer from head office carries its time. The laptop's clock offset is learned from it
(:meth:`HybridClock.observe_server_time`) and persisted. When the offset changes by more than
:data:`RESTAMP_THRESHOLD_MS` (the laptop said 2009 or 2035 and we only now find out), the
changes not yet sent were stamped with the wrong time: they are shifted by the error, in one
transaction together with the per-field stamps of the records they touched, and the clock is
moved back to true time. So an edit made on a laptop that believed it was 2035 neither gets
refused as "from the future" nor wins every later conflict, and an edit made in "2009" is not
lost to every older value.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from ss_core.protocol.hlc import HLC, HLCFormatError, HybridClock
from ss_desktop.db.codec import dumps
from ss_desktop.db.tables import SYNCED_TABLES
from ss_desktop.sync.store import write_cursor

log = logging.getLogger(__name__)

WARN_OFFSET_MS = 10 * 60 * 1000  # tell the user when the laptop clock is off by more
RESTAMP_THRESHOLD_MS = 10 * 60 * 1000


@dataclass(frozen=True)
class ClockCheck:
    offset_ms: int  # head office's time minus the laptop's clock
    restamped: int  # pending changes whose stamps were corrected

    @property
    def warning(self) -> bool:
        return abs(self.offset_ms) > WARN_OFFSET_MS


def correct_clock(engine: Engine, clock: HybridClock, server_ms: int) -> ClockCheck:
    """Learn the clock error from *server_ms*; fix pending stamps if it changed a lot."""
    old = clock.offset_ms
    new = clock.observe_server_time(server_ms)
    delta = new - old
    restamped = 0
    with write_cursor(engine) as cur:
        if abs(delta) > RESTAMP_THRESHOLD_MS:
            restamped = _restamp_pending(cur, clock, delta, server_ms)
        cur.execute(
            "UPDATE sync_state SET clock_offset_ms = ?, hlc_last = ? WHERE id = 1",
            (clock.offset_ms, str(clock.last())),
        )
    if restamped:
        log.warning(
            "laptop clock was off by %d s: %d pending change(s) restamped",
            delta // 1000,
            restamped,
        )
    return ClockCheck(offset_ms=new, restamped=restamped)


def _restamp_pending(cur, clock: HybridClock, delta: int, server_ms: int) -> int:  # noqa: ANN001
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
    if delta < 0:
        # The clock ran ahead: move the HLC back to true time (never below a fixed stamp).
        floor = newest or HLC(server_ms, 0, clock.node)
        rebase_clock(clock, max(floor, HLC(min(server_ms, floor.wall_ms), 0, clock.node)))
    return len(mapping)


def rebase_clock(clock: HybridClock, last: HLC) -> None:
    """Set the clock's last stamp to *last*, even backwards (only after a clock repair).

    HybridClock has no public method for this yet; the attributes are its own state.
    """
    with clock._lock:  # noqa: SLF001
        clock._wall, clock._counter = last.wall_ms, last.counter  # noqa: SLF001
