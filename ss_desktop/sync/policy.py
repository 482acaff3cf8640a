"""Pure, testable policies of the sync loop: retry backoff and push batch size.

:class:`Backoff` is "full jitter" (AWS architecture blog, 2015): the n-th wait is a uniform
random time between 0 and ``min(cap, base * 2**n)``. It is reset by a success and always
gives a next delay, so the loop is always re-armed (never "wait for the next write").

:class:`BatchSizer` grows the push batch while requests come back quickly and halves it on a
failure on the way (a cut, a reset, a time-out, a server error), and otherwise scales it
toward a target time per batch (see the class).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ss_core.protocol.wire import MAX_OPS_PER_PUSH


@dataclass
class Backoff:
    base_seconds: float = 2.0
    cap_seconds: float = 300.0
    rng: Callable[[], float] = field(default=random.random, repr=False)
    failures: int = 0

    def ceiling(self) -> float:
        """The upper bound of the next wait."""
        growth: int = 2 ** min(self.failures, 30)  # failures >= 0: a whole power
        return min(self.cap_seconds, self.base_seconds * growth)

    def next_delay(self) -> float:
        """Record a failure and return how long to wait before the next attempt."""
        ceiling = self.ceiling()
        self.failures += 1
        return self.rng() * ceiling

    def reset(self) -> None:
        self.failures = 0


@dataclass
class BatchSizer:
    """Aim each batch at *target_seconds*: the next size is the current one scaled by
    target / measured time, at most doubled and at least halved. A LAN (answers in
    milliseconds) doubles up to the maximum at once; a 2G link that carries a batch in
    3 s still doubles, so a slow but steady link sends few, large batches (each round trip
    costs the link's latency, and a large body compresses better); a batch that takes longer
    than the target shrinks.

    A failure on the way halves the size, and the link is then treated as one that drops:
    the next successes grow the size by a quarter at most (a batch that crosses the point
    where the link tends to drop is lost whole, and doubling crosses it at once), until
    :data:`CALM_AFTER` successes in a row have passed without a failure."""

    # The first batch: ~18 KB of new children on the wire (3 s at 50 kbit/s), so a slow link
    # needs one round trip fewer than from 100; a LAN doubles from it anyway.
    size: int = 250
    minimum: int = 1
    maximum: int = MAX_OPS_PER_PUSH
    target_seconds: float = 8.0
    cautious: int = 0  # successes still to go at the slow growth after a failure

    def __post_init__(self) -> None:
        self.size = max(self.minimum, min(self.size, self.maximum))

    def succeeded(self, seconds: float) -> None:
        most = CAUTIOUS_GROWTH if self.cautious else 2.0
        self.cautious = max(0, self.cautious - 1)
        factor = most if seconds <= 0 else min(most, max(0.5, self.target_seconds / seconds))
        grown = int(self.size * factor)
        if factor > 1 and grown == self.size:
            grown += 1  # a small batch still grows
        self.size = max(self.minimum, min(self.maximum, grown))

    def failed(self) -> None:
        self.size = max(self.minimum, self.size // 2)
        self.cautious = CALM_AFTER

    timed_out = failed


CAUTIOUS_GROWTH = 1.25
CALM_AFTER = 20


# Request bodies: zstd level 6 on a fast link; on a slow one (below SLOW_LINK_BYTES_PER_S
# measured on the previous push) level 19, ~10 % smaller for a push batch and worth the
# quarter second of CPU it costs per 1,000 changes.
SLOW_LINK_BYTES_PER_S = 256_000
SLOW_LINK_ZSTD_LEVEL = 19
FAST_LINK_ZSTD_LEVEL = 6


def zstd_level_for(bytes_sent: int, seconds: float) -> int:
    """The zstd level for the next request body, from the last one's size and time."""
    if bytes_sent <= 0 or seconds <= 0:
        return FAST_LINK_ZSTD_LEVEL
    slow = bytes_sent / seconds < SLOW_LINK_BYTES_PER_S and seconds > 0.5
    return SLOW_LINK_ZSTD_LEVEL if slow else FAST_LINK_ZSTD_LEVEL
