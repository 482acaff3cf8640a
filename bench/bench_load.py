"""Head office under load (issue 18; results in bench/results/load.json).

    [DATABASE_URL=postgresql+psycopg://...] .venv/bin/python -m bench.bench_load \\
        [--laptops 20] [--seconds 60] [--per-laptop 1500]

Twenty laptops (the real sync client: ``SyncService``, each with its own data folder, httpx
client and thread) push at once to one ``ss-hq serve`` for 60 s, in batches of 50 children
(150 changes: each child has a guardian and a registration consent), round after round until
the time is up (then each is cancelled). Scenarios:

* ``sqlite``: the default head office on a SQLite file; each laptop holds ``--per-laptop``
  children (more than it can push in the time);
* ``postgresql``: the same on PostgreSQL (when DATABASE_URL names a server);
* ``sqlite_near_identical``: 2,000 near-identical children in all (one surname, three given
  names, four birth dates: each has about 200 duplicate candidates), the laptops syncing again
  and again (pulls, comparisons) for the 60 s while head office's duplicate checks run.

Reported per scenario: errors (rounds that failed), requests retried (by what failed: a 503
``busy`` would be one), batches pushed and their p50/p95/max time, changes acknowledged, and
the checks: every change a laptop holds as acknowledged is at head office (0 lost), every
child once (0 doubled).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from bench.common import scratch_postgres, summary, write_result
from ss_desktop.sync.errors import SyncError
from ss_desktop.sync.policy import BatchSizer
from ss_desktop.sync.retry import RetryEvent
from ss_desktop.sync.round_report import BatchDone, RoundObserver
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from ss_hq.core.models import AppliedOp, Record
from tests.integration.harness import HQProcess, Laptop, LaptopFactory

BATCH_CHANGES = 150  # 50 children with a guardian and a consent each
NEAR_IDENTICAL = 2000


def near_identical(rng: random.Random) -> dict[str, Any]:
    return {
        "surname": "王",
        "given_name": rng.choice(["小明", "小红", "小刚"]),
        "dob": f"2015-0{rng.randint(1, 2)}-0{rng.randint(1, 2)}",
        "id_number": None,
    }


class Load:
    """One laptop's share: rounds until *deadline*, with its batches and failures noted."""

    def __init__(self, laptop: Laptop, stop: threading.Event, deadline: float) -> None:
        self.laptop, self.stop, self.deadline = laptop, stop, deadline
        self.batches: list[float] = []
        self.retries: Counter[str] = Counter()
        self.errors: list[str] = []
        self.rounds = 0
        self.thread = threading.Thread(target=self.run, name=f"load-{laptop.name}")

    def run(self) -> None:
        service = self.laptop.sync_service(stall_seconds=60)
        service.push_batch = BatchSizer(
            size=BATCH_CHANGES, minimum=BATCH_CHANGES, maximum=BATCH_CHANGES
        )
        observer = RoundObserver(batch=self._batch, retry=self._retry)
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            try:
                service.sync_round(observer=observer, cancel=self.stop)
                self.rounds += 1
            except SyncError as exc:
                if exc.code != "cancelled":
                    self.errors.append(exc.code)
                    time.sleep(1)

    def _batch(self, event: BatchDone) -> None:
        if event.phase == "push":
            self.batches.append(event.seconds * 1000)

    def _retry(self, event: RetryEvent) -> None:
        self.retries[event.code] += 1


def _acked_children(laptop: Laptop) -> set[str]:
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        rows = cur.execute(
            "SELECT record_id FROM outbox WHERE acked = 1 AND entity = 'child'"
        ).fetchall()
    return {r[0] for r in rows}


def _acked_seqs(laptop: Laptop) -> set[int]:
    with laptop.app.engine.connect() as conn:
        cur = conn.connection.driver_connection.cursor()
        return {r[0] for r in cur.execute("SELECT device_seq FROM outbox WHERE acked = 1")}


_FAILURE = re.compile(
    r"\b(GET|POST|PUT|PATCH|DELETE) (\S+)(?:: database busy \((\S+)\)| failed: (\S+))"
)


def server_failures(log: Path) -> dict[str, int]:
    """What head office answered with a 5xx, from its log: "503 busy" or "500" with the
    request and the exception's type (the log never holds an exception's text)."""
    found: Counter[str] = Counter()
    if log.exists():
        for line in log.read_text(errors="replace").splitlines():
            match = _FAILURE.search(line)
            if match:
                method, path, busy, failed = match.groups()
                status = f"503 busy ({busy})" if busy else f"500 ({failed})"
                found[f"{status}: {method} {path}"] += 1
    return dict(found)


def scenario(
    root: Path, name: str, url: str, *, laptops: int, seconds: float, per_laptop: int, similar: bool
) -> dict[str, Any]:
    folder = root / name
    folder.mkdir(parents=True)
    engine = make_engine(url)
    upgrade(engine)
    hq = HQProcess(url, folder / "hq-logs")
    hq.start()
    factory = LaptopFactory(folder / "laptops")
    try:
        site = hq.site()
        fleet: list[tuple[Laptop, str]] = []
        count = NEAR_IDENTICAL // laptops if similar else per_laptop
        for n in range(laptops):
            laptop = factory.new(f"laptop{n + 1:02d}")
            device = laptop.enroll(hq, site)
            laptop.register_many(site, count, seed=n, vary=near_identical if similar else None)
            fleet.append((laptop, device))
        print(f"{name}: {laptops} laptops with {count} children each, go", flush=True)
        stop = threading.Event()
        loads = [Load(laptop, stop, time.monotonic() + seconds) for laptop, _d in fleet]
        started = time.monotonic()
        for load in loads:
            load.thread.start()
        time.sleep(seconds)
        stop.set()
        for load in loads:
            load.thread.join()
        took = time.monotonic() - started
        lost = doubled = 0
        held = hq.records("child")
        with Session(hq.engine) as session:
            for laptop, device in fleet:
                applied = set(
                    session.exec(
                        select(AppliedOp.device_seq).where(col(AppliedOp.device_id) == device)
                    ).all()
                )
                lost += len(_acked_seqs(laptop) - applied)
                mine = {rid for rid, r in held.items() if r.created_by_device == device}
                lost += len(_acked_children(laptop) - mine)
            ids = session.exec(select(Record.id).where(Record.entity == "child")).all()
            doubled = len(ids) - len(set(ids))
        batches = [ms for load in loads for ms in load.batches]
        retries: Counter[str] = Counter()
        for load in loads:
            retries.update(load.retries)
        result = {
            "database": "postgresql" if url.startswith("postgresql") else "sqlite",
            "laptops": laptops,
            "seconds": round(took, 1),
            "children_per_laptop": count,
            "near_identical": similar,
            "errors": sum(len(load.errors) for load in loads),
            "error_codes": dict(Counter(code for load in loads for code in load.errors)),
            "retries": dict(retries),
            "server_failures": server_failures(folder / "hq-logs" / "server.log"),
            "rounds": sum(load.rounds for load in loads),
            "batches": len(batches),
            "batch_ms": summary(batches) if batches else None,
            "children_at_head_office": len(held),
            "lost": lost,
            "doubled": doubled,
        }
        print(f"{name}: {json.dumps(result)}", flush=True)
        return result
    finally:
        factory.close_all()
        hq.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--per-laptop", type=int, default=1500)
    parser.add_argument("--only", choices=["sqlite", "postgresql", "sqlite_near_identical"])
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-load-"))
    common = {"laptops": args.laptops, "seconds": args.seconds, "per_laptop": args.per_laptop}
    results: dict[str, Any] = {"batch_changes": BATCH_CHANGES}
    try:
        if args.only in (None, "sqlite"):
            url = f"sqlite:///{root / 'plain.sqlite3'}"
            results["sqlite"] = scenario(root, "sqlite", url, similar=False, **common)
        if args.only in (None, "postgresql"):
            scratch = scratch_postgres("ss_bench_load")
            if scratch is None:
                print("postgresql: skipped (set DATABASE_URL to a PostgreSQL server)")
            else:
                try:
                    results["postgresql"] = scenario(
                        root, "postgresql", scratch.url, similar=False, **common
                    )
                finally:
                    scratch.drop()
        if args.only in (None, "sqlite_near_identical"):
            url = f"sqlite:///{root / 'similar.sqlite3'}"
            results["sqlite_near_identical"] = scenario(
                root, "sqlite_near_identical", url, similar=True, **common
            )
        path = write_result("load" if args.only is None else f"load_{args.only}", results)
        print(f"written to {path}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
