"""Pure, testable policies of the sync loop: retry backoff and push batch size.

:class:`Backoff` is "full jitter" (AWS architecture blog, 2015): the n-th wait is a uniform
random time between 0 and ``min(cap, base * 2**n)``. It is reset by a success and always
gives a next delay, so the loop is always re-armed (never "wait for the next write").

:class:`BatchSizer` grows the push batch while requests come back quickly and halves it on a
time-out or a slow answer, so a 2G link sends small batches that finish and a LAN sends big
ones.
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
        return min(self.cap_seconds, self.base_seconds * (2 ** min(self.failures, 30)))

    def next_delay(self) -> float:
        """Record a failure and return how long to wait before the next attempt."""
        ceiling = self.ceiling()
        self.failures += 1
        return self.rng() * ceiling

    def reset(self) -> None:
        self.failures = 0


@dataclass
class BatchSizer:
    size: int = 100
    minimum: int = 1
    maximum: int = MAX_OPS_PER_PUSH
    fast_seconds: float = 2.0  # a batch answered faster than this: double the next one
    slow_seconds: float = 10.0  # slower than this: halve

    def __post_init__(self) -> None:
        self.size = max(self.minimum, min(self.size, self.maximum))

    def succeeded(self, seconds: float) -> None:
        if seconds < self.fast_seconds:
            self.size = min(self.maximum, self.size * 2)
        elif seconds > self.slow_seconds:
            self.size = max(self.minimum, self.size // 2)

    def timed_out(self) -> None:
        self.size = max(self.minimum, self.size // 2)
