"""Kill-and-fault campaign: SIGKILL at random moments during save, bulk import, a sync round
(the laptop's process, and head office's ``ss-hq serve``), backup, restore and schema
upgrade; then a disk that fills up during save, import, pull and backup. After each kill the
app must open the data, ``PRAGMA integrity_check`` must pass and nothing committed may be
lost or doubled (bench/reliability_ops.py, bench/reliability_kinds.py); after each fault
the message must say the disk is full, nothing may be lost, and the same work must succeed
once space is freed (bench/reliability_faults.py).

    .venv/bin/python -m bench.bench_reliability --kills 1000          # the campaign
    .venv/bin/python -m bench.bench_reliability --kills 14 --no-disk-full   # a quick look

Each kind is timed once without a kill; kills then land uniformly between its start and
1.1 x that time, which follows the runs that finish before their kill (a busy machine speeds
up or slows down; such a run counts as completed, not as a kill). The figures
go to bench/results/reliability.json and docs/RELIABILITY.md. Not part of the timed test
suite: tests/integration/test_reliability_sample.py runs a small sample of each kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import write_result
from bench.reliability_ops import Trial

KINDS = ("save", "import", "sync-laptop", "sync-head-office", "backup", "restore", "upgrade")
SHARES = {  # of the kills asked for
    "save": 0.2,
    "import": 0.15,
    "sync-laptop": 0.15,
    "sync-head-office": 0.1,
    "backup": 0.15,
    "restore": 0.15,
    "upgrade": 0.1,
}


@dataclass
class KindResult:
    kind: str
    calibrated_s: float = 0.0
    runs: int = 0
    kills: int = 0
    completed: int = 0
    lost: int = 0
    doubled: int = 0
    corrupt: int = 0
    not_opened: int = 0
    faults: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, trial: Trial) -> None:
        self.runs += 1
        self.kills += trial.killed
        self.completed += not trial.killed
        self.lost += trial.lost
        self.doubled += trial.doubled
        self.corrupt += trial.corrupt
        self.not_opened += not trial.opened
        if trial.faults and len(self.faults) < 20:
            self.faults.extend(trial.faults[:3])

    @property
    def clean(self) -> bool:
        return not (self.lost or self.doubled or self.corrupt or self.not_opened or self.faults)


def make_kinds(root: Path, wanted: list[str], *, small: bool, hq_url: str | None) -> dict[str, Any]:
    from bench import reliability_kinds as k
    from bench import reliability_sync as sync

    kinds: dict[str, Any] = {}
    world = None
    for name in wanted:
        print(f"preparing {name} ...", flush=True)
        if name == "save":
            kinds[name] = k.SaveKind(root)
        elif name == "import":
            kinds[name] = k.ImportKind(root)
        elif name == "backup":
            kinds[name] = k.BackupKind(root, children=150 if small else 600)
        elif name == "restore":
            kinds[name] = k.RestoreKind(root, children=60 if small else 300, later=20)
        elif name == "upgrade":
            kinds[name] = k.UpgradeKind(root, children=200 if small else 1500)
        elif name in ("sync-laptop", "sync-head-office"):
            world = world or sync.SyncWorld(root / "sync", hq_url)
            kind_class = sync.SyncLaptopKind if name == "sync-laptop" else sync.SyncHeadOfficeKind
            kinds[name] = kind_class(world)
    return kinds


def run_campaign(
    root: Path,
    quota: dict[str, int],
    *,
    seed: int = 1,
    small: bool = False,
    hq_url: str | None = None,
    log: Any = print,
) -> dict[str, KindResult]:
    """Kill each kind *quota[kind]* times (after one timed run without a kill)."""
    rng = random.Random(seed)
    kinds = make_kinds(root, [k for k in KINDS if quota.get(k)], small=small, hq_url=hq_url)
    results: dict[str, KindResult] = {}
    try:
        for name, kind in kinds.items():
            result = results[name] = KindResult(name)
            started = time.perf_counter()
            first = kind.trial(rng, None)  # the time of a run nobody kills
            result.calibrated_s = first.seconds
            result.add(first)
            span = max(first.seconds, 0.05)
            attempts = 0
            while result.kills < quota[name] and attempts < quota[name] * 4:
                attempts += 1
                trial = kind.trial(rng, rng.uniform(0, span * 1.1))
                result.add(trial)
                if not trial.killed:  # the machine got faster (or slower): follow its pace
                    span = 0.7 * span + 0.3 * max(trial.seconds, 0.05)
            result.seconds = time.perf_counter() - started
            log(
                f"{name}: {result.kills} kills, {result.completed} completed, lost "
                f"{result.lost}, doubled {result.doubled}, corrupt {result.corrupt}, "
                f"not opened {result.not_opened} ({result.seconds:.0f} s)"
            )
            for fault in result.faults[:5]:
                log(f"   {fault}")
    finally:
        world = next((k.world for k in kinds.values() if hasattr(k, "world")), None)
        if world is not None:
            world.close()
    return results


def quotas(total: int, kinds: list[str]) -> dict[str, int]:
    share = sum(SHARES[k] for k in kinds)
    counts = {k: max(1, round(total * SHARES[k] / share)) for k in kinds}
    counts[kinds[0]] += total - sum(counts.values())
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hq-db", help="head office's database URL (default: a SQLite file)")
    parser.add_argument("--no-disk-full", action="store_true")
    parser.add_argument("--no-result", action="store_true", help="do not write the JSON")
    parser.add_argument("--out", default="reliability", help="bench/results/OUT.json")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = [k for k in args.kinds.split(",") if k]
    quota = quotas(args.kills, wanted)
    with tempfile.TemporaryDirectory(prefix="ss-kill-") as tmp:
        results = run_campaign(Path(tmp), quota, seed=args.seed, hq_url=args.hq_db)
    faults: dict[str, Any] = {}
    if not args.no_disk_full:
        from bench.reliability_faults import run_disk_full

        faults = run_disk_full()
    total = {
        key: sum(getattr(r, key) for r in results.values())
        for key in ("kills", "completed", "lost", "doubled", "corrupt", "not_opened")
    }
    print(json.dumps(total))
    if not args.no_result:
        path = write_result(
            args.out,
            {
                "command": "python -m bench.bench_reliability " + " ".join(sys.argv[1:]),
                "kills": {k: vars(r) for k, r in results.items()},
                "total": total,
                "disk_full": faults,
            },
        )
        print(f"wrote {path}")
    clean = all(r.clean for r in results.values()) and all(f.get("ok") for f in faults.values())
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
