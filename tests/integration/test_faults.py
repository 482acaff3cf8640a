"""A fault proxy between laptop and head office (issue 5, item 3): cut connections, resets,
garbage, 500s, stalls, a 2G-like link. After the faults stop, every change is at head office
exactly once and nothing is lost on the laptop."""

from __future__ import annotations

import random

import pytest

from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.retry import RetryEvent
from ss_desktop.sync.round_report import RoundObserver
from tests.integration.fault_proxy import BAD_ZSTD, GARBAGE_JSON, HTTP_500, Faults

FAULTS = [
    (Faults(cut_upstream_after=300), {"connection_lost", "unreachable"}),
    (Faults(cut_upstream_after=700), {"connection_lost", "unreachable"}),
    (Faults(cut_downstream_after=60), {"connection_lost", "unreachable"}),
    (Faults(cut_downstream_after=400), {"connection_lost", "bad_response"}),
    (Faults(reset=True), {"connection_lost", "unreachable"}),
    (Faults(garbage=GARBAGE_JSON), {"bad_response"}),
    (Faults(garbage=BAD_ZSTD), {"bad_response"}),
    (Faults(garbage=HTTP_500), {"server_error"}),
]


def _assert_exactly_once(hq, laptop, device_id, children):
    assert laptop.pending() == 0
    seqs = hq.applied_seqs(device_id)
    assert seqs == list(range(1, len(seqs) + 1))  # each change once, none missing
    assert len(seqs) == len(laptop.outbox_seqs())
    assert set(children) <= set(hq.records("child"))


def test_every_fault_gives_a_clear_error_and_nothing_is_lost_or_doubled(hq, laptops, proxy):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site, url=proxy.url)
    rng = random.Random(3)
    children = []
    for faults, codes in FAULTS:
        children += [laptop.register(site, rng) for _ in range(3)]
        proxy.set(faults)
        with pytest.raises(SyncError) as failed:
            laptop.sync(stall_seconds=5, give_up_after=1)
        assert failed.value.code in codes, (faults, failed.value.code)
        assert failed.value.retryable
    proxy.set(Faults())
    report = laptop.sync()
    assert report.checksum_ok is True
    _assert_exactly_once(hq, laptop, device_id, children)


def test_ack_lost_after_head_office_committed_is_resent_as_duplicate(hq, laptops, proxy):
    """The answer to a push is cut: head office applied it, the laptop does not know."""
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site, url=proxy.url)
    laptop.sync()
    children = [laptop.register(site) for _ in range(4)]
    # Let the probe (a pull) through untouched, then cut the push's answer: wait for the
    # pending changes to reach head office before judging.
    proxy.set(Faults(cut_downstream_after=1))
    with pytest.raises(SyncError):
        laptop.sync(give_up_after=1)
    proxy.set(Faults())
    report = laptop.sync()
    assert report.pending == 0 and report.rejected == 0
    assert report.pushed + report.duplicates >= 8
    _assert_exactly_once(hq, laptop, device_id, children)


def test_a_stalled_connection_times_out_instead_of_hanging(hq, laptops, proxy):
    site = hq.site()
    laptop = laptops.new()
    laptop.enroll(hq, site, url=proxy.url)
    laptop.register(site)
    proxy.set(Faults(stall=True))
    with pytest.raises(SyncError) as stalled:
        laptop.sync(stall_seconds=1, give_up_after=1)
    assert stalled.value.code == "timeout"
    proxy.set(Faults())
    assert laptop.sync().pending == 0


def test_a_round_rides_out_resets_until_the_link_comes_back(hq, laptops, proxy):
    """Every connection is reset: the round keeps trying (no new round is needed) and
    finishes once the link comes back; each change is at head office once."""
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site, url=proxy.url)
    children = [laptop.register(site) for _ in range(5)]
    proxy.set(Faults(reset=True))
    retries: list[RetryEvent] = []

    def retrying(event: RetryEvent) -> None:
        retries.append(event)
        if len(retries) == 3:
            proxy.set(Faults())  # the link comes back during the third wait

    service = laptop.sync_service(give_up_after=60)
    report = service.sync_round(observer=RoundObserver(retry=retrying))
    assert report.attempts == 1 and report.pending == 0
    assert report.retries == 3 and [e.attempt for e in retries] == [1, 2, 3]
    assert {e.code for e in retries} <= {"connection_lost", "unreachable"}
    assert all(0 <= e.delay <= 30 for e in retries)
    _assert_exactly_once(hq, laptop, device_id, children)


def test_whole_rounds_are_tried_again_with_backoff(hq, laptops, proxy):
    """The CLI's --retries: a round that gives up is followed by another after a backoff."""
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site, url=proxy.url)
    children = [laptop.register(site) for _ in range(5)]
    proxy.set(Faults(reset=True))
    service = laptop.sync_service(give_up_after=0.5)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            proxy.set(Faults())  # the link comes back during the second wait

    report = service.sync_round(attempts=5, sleep=sleep)
    assert report.attempts == 3 and report.pending == 0
    assert len(waits) == 2 and all(w >= 0 for w in waits)
    assert service.backoff.failures == 0  # reset by the success
    _assert_exactly_once(hq, laptop, device_id, children)


def test_sync_over_a_2g_like_link(hq, laptops, proxy):
    site = hq.site()
    laptop = laptops.new()
    device_id = laptop.enroll(hq, site, url=proxy.url)
    rng = random.Random(5)
    children = [laptop.register(site, rng) for _ in range(20)]
    proxy.set(Faults(latency_s=0.3, rate_bps=50_000))
    report = laptop.sync(stall_seconds=10)
    assert report.pushed == 60 and report.checksum_ok is True
    # zstd bodies: well under a kilobyte per change on the wire
    assert report.bytes_sent / 60 < 400
    _assert_exactly_once(hq, laptop, device_id, children)
