"""How a round rides out a bad link (ss_desktop/sync/retry.py): link events are retried at
once, server trouble after a backoff, anything else not at all; the round gives up only when
nothing got through for give_up_after seconds, and a cancel stops it at once."""

from __future__ import annotations

import threading

import pytest

from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import BatchSizer
from ss_desktop.sync.retry import Retrier, RetryEvent, RetryPolicy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _retrier(policy: RetryPolicy, clock: Clock, received: list[int], **kw):
    """A retrier on a fake clock whose waits pass at once (unless a real one is given)."""
    events: list[RetryEvent] = []
    kw.setdefault("wait", lambda seconds: False)
    retrier = Retrier(policy, lambda: received[0], monotonic=clock, on_retry=events.append, **kw)
    return retrier, events


def failing(*errors: SyncError, clock: Clock, step: float = 1.0, then: object = "ok"):
    """An attempt that raises *errors* in turn (the clock moving *step* each try), then
    returns *then*."""
    queue = list(errors)

    def attempt() -> object:
        clock.now += step
        if queue:
            raise queue.pop(0)
        return then

    return attempt


def test_link_events_are_retried_at_once_with_a_small_jitter():
    clock, received = Clock(), [0]
    policy = RetryPolicy(give_up_after=60, link_delay=0.25, rng=lambda: 0.0)
    retrier, events = _retrier(policy, clock, received)
    cuts = [SyncError("connection_lost"), SyncError("timeout"), SyncError("connection_lost")]
    shrunk = []
    assert (
        retrier.call("push", failing(*cuts, clock=clock), failed=lambda: shrunk.append(1)) == "ok"
    )
    assert [(e.code, e.attempt, e.delay) for e in events] == [
        ("connection_lost", 1, 0.0),
        ("timeout", 2, 0.0),
        ("connection_lost", 3, 0.0),
    ]
    assert shrunk == [1, 1, 1] and retrier.retries == 3
    # The jitter: at most link_delay times the failures in a row (4 at most).
    worst = RetryPolicy(link_delay=0.25, rng=lambda: 1.0)
    retrier, events = _retrier(worst, clock, received)
    retrier.call("pull", failing(*[SyncError("connection_lost")] * 6, clock=clock, step=0))
    assert [e.delay for e in events] == [0.25, 0.5, 0.75, 1.0, 1.0, 1.0]


def test_server_trouble_backs_off_and_honours_retry_after():
    clock, received = Clock(), [0]
    policy = RetryPolicy(give_up_after=600, backoff_base=1.0, backoff_cap=30.0, rng=lambda: 1.0)
    retrier, events = _retrier(policy, clock, received)
    errors = [SyncError("server_error", status=503)] * 6 + [
        SyncError("server_error", status=503, retry_after=2),
        SyncError("rate_limited", retry_after=999),
    ]
    retrier.call("push", failing(*errors, clock=clock, step=0))
    assert [e.delay for e in events] == [1, 2, 4, 8, 16, 30, 2, 30]
    assert retrier.backoff.failures == 0  # reset by the success


def test_other_errors_are_not_retried():
    clock, received = Clock(), [0]
    retrier, events = _retrier(RetryPolicy(), clock, received)
    for code in ("refused", "device_revoked", "not_enrolled", "disk_full"):
        with pytest.raises(SyncError) as raised:
            retrier.call("push", failing(SyncError(code), clock=clock))
        assert raised.value.code == code
    assert events == [] and retrier.retries == 0


def test_the_round_gives_up_only_after_no_progress_for_give_up_after():
    clock, received = Clock(), [0]
    policy = RetryPolicy(give_up_after=30, rng=lambda: 0.0)
    retrier, events = _retrier(policy, clock, received)
    # Each try fails 10 s after the last success: the third failure is 30 s in.
    with pytest.raises(SyncError) as gave_up:
        retrier.call("push", failing(*[SyncError("connection_lost")] * 5, clock=clock, step=10))
    assert gave_up.value.code == "connection_lost"
    assert gave_up.value.params["gave_up_after"] == 30
    assert len(events) == 2 and events[-1].give_up_in == pytest.approx(10)


def test_bytes_arriving_before_a_cut_count_as_progress():
    """A slow link that delivers part of each answer before it drops never gives up; one
    that only takes what is sent (nothing comes back) does."""
    clock, received = Clock(), [0]
    policy = RetryPolicy(give_up_after=30, rng=lambda: 0.0)
    retrier, events = _retrier(policy, clock, received)
    tries = 0

    def partly_answered() -> str:
        nonlocal tries
        tries += 1
        clock.now += 20  # each try takes 20 s ...
        if tries < 6:
            received[0] += 1500  # ... and part of the answer arrives before the cut
            raise SyncError("connection_lost")
        return "done"

    assert retrier.call("pull", partly_answered) == "done"
    assert len(events) == 5  # 100 s in all, never 30 s without a byte

    def nothing_comes_back() -> str:
        clock.now += 20
        raise SyncError("timeout")

    with pytest.raises(SyncError):
        retrier.call("push", nothing_comes_back)


def test_a_cancel_stops_the_wait_at_once():
    cancel = threading.Event()
    clock, received = Clock(), [0]
    policy = RetryPolicy(give_up_after=600, backoff_base=300, backoff_cap=300, rng=lambda: 1.0)
    retrier, events = _retrier(policy, clock, received, cancel=cancel, wait=cancel.wait)
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    with pytest.raises(SyncError) as stopped:
        retrier.call("push", failing(SyncError("server_error", status=502), clock=clock))
    assert stopped.value.code == "cancelled"
    assert events[0].delay == 300  # it would have waited five minutes
    with pytest.raises(SyncError) as again:
        retrier.call("push", lambda: "never called")
    assert again.value.code == "cancelled"


def test_a_failure_halves_the_batch_and_it_grows_slowly_afterwards():
    sizer = BatchSizer(size=400, maximum=2000)
    sizer.failed()
    assert sizer.size == 200
    sizer.succeeded(0.05)  # a fast answer: doubling would cross the size that failed
    assert sizer.size == 250
    for _ in range(19):
        sizer.succeeded(0.05)
    grown = sizer.size
    sizer.succeeded(0.05)  # twenty successes in a row: calm again, doubling
    assert sizer.size == min(2000, grown * 2)
    tiny = BatchSizer(size=1)
    tiny.failed()
    tiny.succeeded(0.05)
    assert tiny.size == 2


def test_the_link_life_is_learnt_from_the_bytes_between_drops():
    clock, received, sent = Clock(), [0], [0]
    retrier = Retrier(
        RetryPolicy(rng=lambda: 0.0),
        lambda: received[0],
        sent=lambda: sent[0],
        monotonic=clock,
        wait=lambda seconds: False,
    )
    assert retrier.request_bytes() is None  # no drop yet: no limit

    def moves_then_drops(sent_bytes: int) -> object:
        def attempt() -> object:
            sent[0] += sent_bytes
            received[0] += 1000
            raise SyncError("connection_lost")

        return attempt

    with pytest.raises(SyncError):
        retrier.policy.give_up_after = 0.0
        retrier.call("push", moves_then_drops(39_000))
    assert retrier.link_life == 40_000
    assert retrier.request_bytes() == 10_000  # a quarter of it
    retrier.policy.give_up_after = 60.0
    attempts = iter([moves_then_drops(19_000), lambda: "ok"])
    assert retrier.call("push", lambda: next(attempts)()) == "ok"
    assert retrier.link_life == pytest.approx(40_000 + 0.3 * (20_000 - 40_000))
