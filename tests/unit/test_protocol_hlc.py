"""The hybrid logical clock: monotonic under any wall-clock behaviour, sortable strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ss_core.protocol.hlc import HLC, HLCFormatError, HybridClock

YEAR_2009 = 1_230_768_000_000
YEAR_2026 = 1_780_000_000_000
YEAR_2035 = 2_051_222_400_000


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_string_form_sorts_in_time_order() -> None:
    stamps = [HLC(5, 0, "b"), HLC(10, 0, "a"), HLC(10, 2, "a"), HLC(10, 10, "a"), HLC(1000, 0, "a")]
    assert sorted(stamps, key=str) == sorted(stamps)
    assert str(HLC(10, 2, "a")) < str(HLC(10, 10, "a"))


def test_parse_round_trip_and_rejects_garbage() -> None:
    stamp = HLC(YEAR_2026, 42, "laptop1")
    assert HLC.parse(str(stamp)) == stamp
    for bad in ["", "abc", "123-45-x", "0000000000000001-00001-", None]:
        with pytest.raises(HLCFormatError):
            HLC.parse(bad)  # type: ignore[arg-type]


def test_clock_keeps_increasing_when_the_wall_clock_jumps_back() -> None:
    wall = FakeWall(YEAR_2026)
    clock = HybridClock("dev", now_ms=wall)
    first = clock.now()
    wall.ms = YEAR_2009  # someone set the laptop to 2009
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert str(first) < str(second) < str(third)


def test_update_moves_past_a_remote_stamp() -> None:
    clock = HybridClock("dev", now_ms=FakeWall(YEAR_2026))
    remote = HLC(YEAR_2026 + 5000, 7, "hq")
    merged = clock.update(remote)
    assert merged > remote
    assert clock.now() > merged


def test_offset_from_head_office_corrects_a_wrong_clock() -> None:
    wall = FakeWall(YEAR_2035)  # laptop thinks it is 2035
    clock = HybridClock("dev", now_ms=wall)
    offset = clock.observe_server_time(YEAR_2026)
    assert offset == YEAR_2026 - YEAR_2035
    stamp = clock.now()
    assert abs(stamp.wall_ms - YEAR_2026) < 1000


def test_a_small_difference_is_measurement_noise_not_a_wrong_clock() -> None:
    clock = HybridClock("dev", now_ms=FakeWall(YEAR_2026))
    assert clock.observe_server_time(YEAR_2026 + 800) == 0
    assert clock.observe_server_time(YEAR_2026 - 1500) == 0
    assert clock.observe_server_time(YEAR_2026 + 5 * 60_000) == 5 * 60_000


def test_restored_clock_continues_after_last_stamp() -> None:
    last = HLC(YEAR_2035, 3, "dev")
    clock = HybridClock("dev", now_ms=FakeWall(YEAR_2026), last=last)
    assert clock.now() > last


def test_counter_overflow_stays_fixed_width() -> None:
    clock = HybridClock("dev", now_ms=FakeWall(0), last=HLC(10, 99_999, "dev"))
    stamp = clock.now()
    assert stamp > HLC(10, 99_999, "dev")
    assert len(str(stamp)) == len(str(HLC(10, 99_999, "dev")))


def test_node_id_must_not_contain_separator() -> None:
    with pytest.raises(ValueError):
        HybridClock("a-b")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["now", "update"]),
            st.integers(min_value=0, max_value=4_000_000_000_000),
            st.integers(min_value=0, max_value=50),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_monotonic_under_arbitrary_clock_jumps_and_remote_stamps(steps) -> None:
    wall = FakeWall(YEAR_2026)
    clock = HybridClock("dev", now_ms=wall)
    previous = clock.now()
    for kind, ms, counter in steps:
        wall.ms = ms
        stamp = clock.now() if kind == "now" else clock.update(HLC(ms, counter, "other"))
        assert stamp > previous
        assert str(stamp) > str(previous)
        previous = stamp
