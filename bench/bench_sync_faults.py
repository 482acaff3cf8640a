"""Sync on a link that keeps dropping (issue 18; results in bench/results/sync_faults.json).

    .venv/bin/python -m bench.bench_sync_faults [--children 2000] [--skip-slow] [--seed 18]
        [--only 1mbit,1mbit_dropping] [--breakdown]

Each scenario: a fresh head office (``ss-hq serve``, SQLite file as installed by default), a
fresh laptop enrolled through the benchmark's proxy (bench/sync_proxy.py, its own process,
every byte counted), N children each with a guardian and a registration consent (3N
changes), pushed by ONE ``ss-desktop sync --json`` (the real command, its own process).

1. *dropping*: the proxy cuts each connection after a random 20-60 KB and resets it at each
   4 KB chunk with chance 1/20 (seeded); unlimited rate;
2. *1 Mbit/s* and *1 Mbit/s dropping*: the same push through the proxy shaped to 1 Mbit/s
   each way (20 ms latency), without and then with the faults of 1: time and bytes ratios;
3. *50 kbit/s*: shaped to 50 kbit/s with 300 ms each way, with the faults of 1 and with the
   default give-up time (the push takes minutes; the round must not give up while bytes
   move). ``--skip-slow`` leaves it out.

After each: exit code, seconds (the command's, start-up included, and the round's own from its
summary; the ratios use the round's), bytes on the wire (both ways, headers included),
connections cut and reset, requests retried (from the command's summary), children held by
head office (must be N), and a second ``ss-desktop sync --json`` (must push 0).
``--breakdown`` adds where the bytes of the first went (:mod:`bench.sync_wire`): by request
kind, headers and bodies, delivered or lost to a fault. ``--only`` runs the scenarios named
(and writes no result file); ``--seed`` draws other faults and other children.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import write_result
from bench.sync_proxy import CountingProxy
from bench.sync_wire import breakdown, print_breakdown
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from tests.integration.harness import HQProcess, LaptopFactory

CUT = (20_000, 60_000)
RESET_PER_MILLE = 50
SEED = 18


def scenario(
    root: Path,
    name: str,
    children: int,
    *,
    rate_bps: int = 0,
    latency_ms: int = 0,
    faults: bool,
    seed: int = SEED,
    capture: bool = False,
) -> dict[str, Any]:
    folder = root / name
    database = folder / "hq.sqlite3"
    database.parent.mkdir(parents=True)
    engine = make_engine(f"sqlite:///{database}")
    upgrade(engine)
    engine.dispose()
    hq = HQProcess(f"sqlite:///{database}", folder / "hq-logs")
    hq.start()
    laptops = LaptopFactory(folder / "laptops")
    try:
        captured = folder / "capture" if capture else None
        if captured is not None:
            captured.mkdir()
        with CountingProxy(hq.port, captured) as proxy:
            site = hq.site()
            laptop = laptops.new()
            laptop.enroll(hq, site, url=proxy.url)
            laptop.register_many(site, children, seed=seed)
            laptop.app.close()  # the command opens the data folder itself
            proxy.link.shape(rate_bps, latency_ms)
            proxy.link.drop(CUT if faults else None, RESET_PER_MILLE if faults else 0, seed)
            before = proxy.link.total()
            first_connection = proxy.link.faults()["connections"] + 1
            started = time.perf_counter()
            first = laptop.cli("sync", "--json", timeout=7200)
            seconds = time.perf_counter() - started
            wire = proxy.link.total() - before
            link_faults = proxy.link.faults()
            proxy.link.drop(None)
            proxy.link.shape(0, 0)
            second = laptop.cli("sync", "--json")
            last_connection = proxy.link.faults()["connections"]
            time.sleep(0.5)  # the proxy writes a connection's capture once it closed
        report = json.loads(first.stdout) if first.returncode == 0 else {}
        again = json.loads(second.stdout) if second.returncode == 0 else {}
        held = len(hq.records("child"))
        result = {
            "children": children,
            "changes": 3 * children,
            "rate_bps": rate_bps,
            "latency_ms": latency_ms,
            "faults": {"cut_bytes": list(CUT), "reset_per_4kb": RESET_PER_MILLE / 1000}
            if faults
            else None,
            "exit_code": first.returncode,
            "error": first.stderr.strip()[-500:] if first.returncode else None,
            "seconds": round(seconds, 1),
            "bytes_on_wire": wire,
            "connections": link_faults["connections"],
            "cuts": link_faults["cuts"],
            "resets": link_faults["resets"],
            "pushed": report.get("pushed"),
            "retries": report.get("retries"),
            "round_seconds": report.get("seconds"),
            "head_office_children": held,
            "next_round_pushed": again.get("pushed"),
            "ok": first.returncode == 0
            and held == children
            and report.get("pending") == 0
            and again.get("pushed") == 0,
        }
        if captured is not None:
            # The first command only: the second's connections come after it.
            for extra in range(last_connection - link_faults["connections"]):
                number = link_faults["connections"] + 1 + extra
                for suffix in ("up", "down", "json"):
                    (captured / f"{number}.{suffix}").unlink(missing_ok=True)
            result["breakdown"] = breakdown(captured, first_connection)
            print(f"{name}: where the bytes went")
            print_breakdown(result["breakdown"])
        print(f"{name}: {json.dumps({k: v for k, v in result.items() if k != 'breakdown'})}")
        return result
    finally:
        laptops.close_all()
        hq.close()


SCENARIOS: dict[str, dict[str, Any]] = {
    "dropping": {"faults": True},
    "1mbit": {"rate_bps": 1_000_000, "latency_ms": 20, "faults": False},
    "1mbit_dropping": {"rate_bps": 1_000_000, "latency_ms": 20, "faults": True},
    "50kbit_dropping": {"rate_bps": 50_000, "latency_ms": 300, "faults": True},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--skip-slow", action="store_true", help="leave out the 50 kbit/s push")
    parser.add_argument("--seed", type=int, default=SEED, help="of the faults and the children")
    parser.add_argument("--only", help="scenarios to run, comma-separated (no result file)")
    parser.add_argument("--breakdown", action="store_true", help="where the bytes went")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(SCENARIOS)
    if args.skip_slow and not args.only:
        names.remove("50kbit_dropping")
    root = Path(tempfile.mkdtemp(prefix="bench-sync-faults-"))
    try:
        results: dict[str, Any] = {"seed": args.seed}
        for name in names:
            results[name] = scenario(
                root,
                name,
                args.children,
                seed=args.seed,
                capture=args.breakdown,
                **SCENARIOS[name],
            )
            if name == "1mbit_dropping" and "1mbit" in results:
                clean, faulty = results["1mbit"], results["1mbit_dropping"]
                results["ratios_at_1mbit"] = {
                    # the round's own time (the command's start-up, the same for both, left out)
                    "time": round(faulty["round_seconds"] / clean["round_seconds"], 2),
                    "time_with_start_up": round(faulty["seconds"] / clean["seconds"], 2),
                    "bytes": round(faulty["bytes_on_wire"] / clean["bytes_on_wire"], 2),
                    "targets": {"time": 3.0, "bytes": 1.5},
                }
                print(f"ratios at 1 Mbit/s: {results['ratios_at_1mbit']}", flush=True)
        if not args.only:
            path = write_result("sync_faults", results)
            print(f"written to {path}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
