"""How a sync round rides out a bad link: every request is tried again until the round stops
making progress for a while, or the user cancels.

A failed request is one of three kinds:

* a *link event* — the connection was cut or reset in the middle, or no byte came for the
  stall time (``connection_lost``, ``timeout``): tried again at once, after a small jittered
  delay (a rural mobile link drops every few dozen kilobytes; waiting would only waste the
  signal there is);
* a *server or network trouble* — head office answered 5xx or 429, an unreadable answer, no
  route or name (``server_error``, ``rate_limited``, ``bad_response``, ``unreachable``,
  ``dns_failure``): tried again after a capped full-jitter backoff (or the ``Retry-After`` head
  office asked for), so a struggling server is not hammered;
* anything else (refused, revoked, not enrolled ...): not tried again; the round stops.

The bytes that moved between two link events estimate how much a connection carries before the
link drops (:attr:`Retrier.link_life`); the round keeps each request to a fraction of that
(:data:`LINK_SHARE`), so a request that dies takes little with it.

The round gives up when it has made no *progress* for ``give_up_after`` seconds. Progress is a
request that succeeded, or bytes that arrived from head office before a link event cut the
answer (so a 50 kbit/s link that delivers every answer slowly never gives up). Bytes sent do
not count: the laptop's own network stack takes them even when the link is dead. The wait
between tries is cut short by a cancel (the GUI's Cancel button), and the round stops.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import Backoff

T = TypeVar("T")

LINK_EVENTS = frozenset({"connection_lost", "timeout"})
SERVER_TROUBLE = frozenset(
    {"server_error", "rate_limited", "bad_response", "unreachable", "dns_failure"}
)
DEFAULT_GIVE_UP_AFTER = 180.0  # seconds without progress
# A request carries at most this share of what the link carries between two drops: a request
# is cut with about this chance, and a cut costs half of it on average.
LINK_SHARE = 0.25
_LIFE_WEIGHT = 0.3  # of a new sample in the running estimate of link_life


@dataclass
class RetryPolicy:
    give_up_after: float = DEFAULT_GIVE_UP_AFTER
    link_delay: float = 0.25  # a link event: a uniform wait in [0, this] (x the repeats, up to 4)
    backoff_base: float = 1.0  # server trouble: full jitter in [0, min(cap, base * 2**n)]
    backoff_cap: float = 30.0
    rng: Callable[[], float] = field(default=random.random, repr=False)


@dataclass(frozen=True)
class RetryEvent:
    """A request failed and is tried again after *delay* seconds (*attempt*: how many tries of
    it failed in a row)."""

    phase: str
    code: str
    attempt: int
    delay: float
    give_up_in: float  # seconds left before the round gives up without progress


class Retrier:
    """The retry loop of one round's requests (see the module)."""

    def __init__(
        self,
        policy: RetryPolicy,
        received: Callable[[], int],
        *,
        sent: Callable[[], int] = lambda: 0,
        cancel: threading.Event | None = None,
        on_retry: Callable[[RetryEvent], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        wait: Callable[[float], bool] | None = None,
    ) -> None:
        self.policy = policy
        self.received = received  # bytes received from head office so far, partial answers too
        self.sent = sent  # bytes of request bodies so far
        self.link_life: float | None = None  # bytes between two link events (estimate)
        self._moved_at_last_drop = sent() + received()
        self.cancel = cancel or threading.Event()
        # wait(seconds) -> True when cancelled meanwhile
        self.wait = wait or self.cancel.wait
        self.on_retry = on_retry or (lambda event: None)
        self.monotonic = monotonic
        self.backoff = Backoff(
            base_seconds=policy.backoff_base, cap_seconds=policy.backoff_cap, rng=policy.rng
        )
        self.last_progress = monotonic()
        self.retries = 0  # requests tried again in this round

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise SyncError("cancelled")

    def progressed(self) -> None:
        self.last_progress = self.monotonic()

    def call(
        self, phase: str, attempt: Callable[[], T], *, failed: Callable[[], None] | None = None
    ) -> T:
        """*attempt()* until it succeeds; *failed()* after each transient failure (to make the
        next try smaller). Raises the last failure when the round gives up, at once when it
        is not transient, and ``SyncError("cancelled")`` on a cancel."""
        in_a_row = 0
        while True:
            self.check_cancel()
            received = self.received()
            try:
                result = attempt()
            except SyncError as exc:
                link = exc.code in LINK_EVENTS
                if not link and exc.code not in SERVER_TROUBLE:
                    raise
                now = self.monotonic()
                if link:
                    if self.received() > received:
                        self.last_progress = now  # part of an answer came before the cut
                    self._dropped()
                left = self.policy.give_up_after - (now - self.last_progress)
                if left <= 0:
                    exc.params.setdefault("gave_up_after", round(self.policy.give_up_after))
                    raise
                in_a_row += 1
                self.retries += 1
                if failed is not None:
                    failed()
                delay = min(self._delay(exc, link, in_a_row), left)
                self.on_retry(RetryEvent(phase, exc.code, in_a_row, delay, left))
                if self.wait(delay):
                    raise SyncError("cancelled") from exc
                continue
            self.progressed()
            self.backoff.reset()
            return result

    def request_bytes(self) -> float | None:
        """The largest request body that fits the link (None: no drop seen yet)."""
        return None if self.link_life is None else self.link_life * LINK_SHARE

    def _dropped(self) -> None:
        moved = self.sent() + self.received()
        sample = float(max(1, moved - self._moved_at_last_drop))
        self._moved_at_last_drop = moved
        if self.link_life is None:
            self.link_life = sample
        else:
            self.link_life += _LIFE_WEIGHT * (sample - self.link_life)

    def _delay(self, exc: SyncError, link: bool, in_a_row: int) -> float:
        if link:
            return self.policy.rng() * self.policy.link_delay * min(in_a_row, 4)
        asked = exc.params.get("retry_after")
        if isinstance(asked, (int, float)) and asked >= 0:
            self.backoff.next_delay()  # still counts toward the next wait
            return min(float(asked), self.policy.backoff_cap)
        return self.backoff.next_delay()
