"""Hybrid logical clock (Kulkarni et al.), as used for per-field ordering.

A stamp is (wall milliseconds, counter, node). Its string form is fixed-width so that
string order equals time order: ``"0001732800000000-00000-<node>"``.

The clock is monotonic even when the machine's wall clock jumps backwards, merges stamps
received from other nodes, and applies an *offset* learned from head office's time so a
laptop whose clock says 2009 or 2035 stamps roughly true time after its first contact.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS = 16
COUNTER_DIGITS = 5
MAX_COUNTER = 10**COUNTER_DIGITS - 1
OFFSET_TOLERANCE_MS = 2000  # below this, head office's time and ours are taken as equal


class HLCFormatError(ValueError):
    """A stamp string that is not in our format."""


@dataclass(frozen=True, order=True, slots=True)
class HLC:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> HLC:
        try:
            wall, counter, node = text.split("-", 2)
            if len(wall) != WALL_DIGITS or len(counter) != COUNTER_DIGITS or not node:
                raise ValueError
            return cls(int(wall), int(counter), node)
        except (ValueError, AttributeError) as exc:
            raise HLCFormatError(f"not a hybrid logical clock stamp: {text!r}") from exc


def system_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Thread-safe HLC for one node.

    ``now_ms`` is injectable so tests can make the wall clock jump. ``offset_ms`` is added to
    the wall clock; :meth:`observe_server_time` sets it from head office's time.
    """

    def __init__(
        self,
        node: str,
        *,
        now_ms: Callable[[], int] = system_ms,
        last: HLC | None = None,
        offset_ms: int = 0,
    ) -> None:
        if "-" in node or not node:
            raise ValueError("an HLC node id must be non-empty and contain no '-'")
        self.node = node
        self._now_ms = now_ms
        self._offset_ms = offset_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    @property
    def offset_ms(self) -> int:
        return self._offset_ms

    def physical_ms(self) -> int:
        """The wall clock corrected by the offset learned from head office."""
        return self._now_ms() + self._offset_ms

    def observe_server_time(
        self, server_ms: int, *, tolerance_ms: int = OFFSET_TOLERANCE_MS
    ) -> int:
        """Learn the laptop clock's error from head office's time; returns the new offset.

        A difference within *tolerance_ms* is the noise of measuring over a network (half a
        round trip, a busy machine), not a wrong clock: the offset is then zero, so two
        laptops with correct clocks order their edits by their own clocks.
        """
        error = server_ms - self._now_ms()
        self._offset_ms = error if abs(error) > tolerance_ms else 0
        return self._offset_ms

    def last(self) -> HLC:
        with self._lock:
            return HLC(self._wall, self._counter, self.node)

    def rebase(self, last: HLC) -> None:
        """Make *last* the newest stamp, even backwards in time. Only for repairing stamps
        issued while the wall clock was far ahead (the caller restamps them first)."""
        with self._lock:
            self._wall, self._counter = last.wall_ms, last.counter

    def now(self) -> HLC:
        """A stamp strictly greater than every stamp this clock has issued or received."""
        with self._lock:
            physical = self.physical_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._bump()
            return HLC(self._wall, self._counter, self.node)

    def update(self, remote: HLC) -> HLC:
        """Merge a received stamp; returns a stamp greater than both it and our last one."""
        with self._lock:
            physical = self.physical_ms()
            wall = max(self._wall, remote.wall_ms, physical)
            if wall == self._wall and wall == remote.wall_ms:
                counter = max(self._counter, remote.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._wall, self._counter = wall, counter
            if self._counter > MAX_COUNTER:
                self._wall, self._counter = self._wall + 1, 0
            return HLC(self._wall, self._counter, self.node)

    def _bump(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:
            # Borrow a millisecond from the future rather than overflow the fixed width.
            self._wall, self._counter = self._wall + 1, 0
