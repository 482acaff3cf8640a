"""Clock correction from head office's time (docs/design/sync.md, "Clock correction").

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

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from ss_core.protocol.hlc import HLC, HybridClock
from ss_desktop.db import sync_store as store

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
    with store.write_cursor(engine) as cur:
        if abs(delta) > RESTAMP_THRESHOLD_MS:
            restamped, newest = store.restamp_pending(cur, delta, server_ms)
            if restamped and delta < 0:
                # The clock ran ahead: move the HLC back to true time (never below a fixed
                # stamp).
                floor = newest or HLC(server_ms, 0, clock.node)
                rebase_clock(clock, max(floor, HLC(min(server_ms, floor.wall_ms), 0, clock.node)))
        store.write_clock_state(cur, clock)
    if restamped:
        log.warning(
            "laptop clock was off by %d s: %d pending change(s) restamped",
            delta // 1000,
            restamped,
        )
    return ClockCheck(offset_ms=new, restamped=restamped)


def rebase_clock(clock: HybridClock, last: HLC) -> None:
    """Set the clock's last stamp to *last*, even backwards (only after a clock repair)."""
    clock.rebase(last)
