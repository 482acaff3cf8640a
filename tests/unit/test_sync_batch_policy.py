"""Push batch sizing and request compression on fast and slow links (ss_desktop/sync/policy.py)."""

from __future__ import annotations

from ss_desktop.sync.client import server_seconds
from ss_desktop.sync.policy import (
    FAST_LINK_ZSTD_LEVEL,
    SLOW_LINK_ZSTD_LEVEL,
    BatchSizer,
    zstd_level_for,
)


def test_a_lan_reaches_the_largest_batch_in_a_few_round_trips():
    sizer = BatchSizer(size=100, maximum=2000)
    for _ in range(5):
        sizer.succeeded(0.05)
    assert sizer.size == 2000


def test_a_slow_but_steady_link_grows_toward_the_target_time():
    # 100 changes took 2 s on a 2G link: 400 would take about the 8 s target.
    sizer = BatchSizer(size=100, target_seconds=8.0)
    sizer.succeeded(3.0)
    assert sizer.size == 200
    sizer.succeeded(5.0)  # 200 in 5 s: 320 should take about 8 s
    assert sizer.size == 320
    sizer.succeeded(8.0)
    assert sizer.size == 320


def test_a_batch_slower_than_the_target_shrinks_and_a_time_out_halves():
    sizer = BatchSizer(size=400, target_seconds=8.0)
    sizer.succeeded(10.0)
    assert sizer.size == 320
    sizer.succeeded(60.0)  # never below half in one step
    assert sizer.size == 160
    sizer.timed_out()
    assert sizer.size == 80
    tiny = BatchSizer(size=1)
    tiny.timed_out()
    assert tiny.size == 1


def test_slow_links_get_the_stronger_compression():
    assert zstd_level_for(0, 0.0) == FAST_LINK_ZSTD_LEVEL  # nothing measured yet
    assert zstd_level_for(500_000, 0.2) == FAST_LINK_ZSTD_LEVEL  # 2.5 MB/s
    assert zstd_level_for(20_000, 3.0) == SLOW_LINK_ZSTD_LEVEL  # ~7 KB/s: 2G
    assert zstd_level_for(2_000, 0.1) == FAST_LINK_ZSTD_LEVEL  # too short to judge


def test_head_office_time_is_read_from_server_timing():
    assert server_seconds("apply;dur=1250.5") == 1.2505
    assert server_seconds('db;dur=3, apply;desc="push";dur=40') == 0.04
    # An older head office sends no header; a broken one is ignored, not trusted.
    for header in (None, "", "apply", "apply;dur=soon", "apply;dur=-5", "other;dur=9"):
        assert server_seconds(header) is None


def test_a_busy_head_office_on_a_fast_link_keeps_the_fast_compression():
    # 140 KB took 0.9 s, of which head office spent 0.8 s applying the batch: the link
    # carried it in 0.1 s, so it is fast (level 19 would only cost the laptop CPU).
    took, server = 0.9, server_seconds("apply;dur=800")
    assert zstd_level_for(140_000, took) == SLOW_LINK_ZSTD_LEVEL  # the time alone misleads
    assert zstd_level_for(140_000, took - (server or 0.0)) == FAST_LINK_ZSTD_LEVEL
