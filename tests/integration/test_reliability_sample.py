"""A small sample of the kill-and-fault campaign (bench/bench_reliability.py, issue 16): one
SIGKILL at a random moment of each kind — save, bulk import, a sync round killed on the
laptop and on head office (a real ``ss-hq serve``), backup, restore, schema upgrade — and a
disk that fills up during save, import, pull and backup. The campaign itself (1,000 kills)
is a benchmark; its figures are in docs/RELIABILITY.md."""

from __future__ import annotations

import pytest

from bench.bench_reliability import KINDS, run_campaign
from bench.reliability_faults import SCENARIOS, run_disk_full


def test_one_kill_of_each_kind_loses_doubles_and_corrupts_nothing(tmp_path) -> None:
    results = run_campaign(tmp_path, dict.fromkeys(KINDS, 1), seed=16, small=True)
    assert set(results) == set(KINDS)
    for kind, result in results.items():
        assert result.kills >= 1, kind  # really killed half-way, not only run to the end
        assert (result.lost, result.doubled, result.corrupt, result.not_opened) == (0, 0, 0, 0)
        assert result.faults == [], (kind, result.faults)


def test_a_full_disk_is_said_and_loses_nothing_and_space_freed_makes_it_work() -> None:
    results = run_disk_full()
    if not results:
        pytest.skip("no private mount namespace here (unshare) for a small tmpfs")
    assert set(results) == set(SCENARIOS)
    for scenario, result in results.items():
        assert result.get("ok"), (scenario, result)
        assert "The disk is full" in result["message"]
