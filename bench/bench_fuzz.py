"""Schemathesis against a real head office, as a real enrolled device (issue 18; results in
bench/results/fuzz.json).

    [DATABASE_URL=postgresql+psycopg://...] .venv/bin/python -m bench.bench_fuzz [--examples 500]

A real ``ss-hq serve`` process on a fresh SQLite file (and on a scratch PostgreSQL database
when DATABASE_URL names a server); a device enrolled over HTTP; then the push and audit
endpoints get --examples generated requests per operation and generation mode (positive
and negative: 4 x 500 = 2,000 by default) sent as that device (tests/hq/fuzzing.py: its id
and token, ops following its acknowledged seq). Reported: cases, statuses, 5xx answers,
schema violations (status, content type, body), push ops stored and audit rows stored.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import schemathesis

from bench.common import scratch_postgres, write_result
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from tests.hq.fuzzing import fuzz_sync_api
from tests.integration.harness import HQProcess


def run(root: Path, name: str, url: str, examples: int) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade(engine)
    hq = HQProcess(url, root / name / "hq-logs")
    hq.start()
    try:
        site = hq.site()
        enrolled = httpx.post(
            f"{hq.url}/api/v1/devices/enroll",
            json={"code": hq.code(site), "device_name": "fuzz", "app_version": "bench"},
            timeout=30,
        ).json()
        schema = schemathesis.openapi.from_url(f"{hq.url}/openapi.json")
        started = time.perf_counter()
        result = fuzz_sync_api(
            schema,
            engine,
            device_id=enrolled["device_id"],
            token=enrolled["token"],
            site_id=site,
            examples=examples,
            call=lambda case, headers: case.call(base_url=hq.url, headers=headers),
        )
        out = {"seconds": round(time.perf_counter() - started, 1), **result.as_dict()}
        print(f"{name}: {json.dumps(out)}", flush=True)
        return out
    finally:
        hq.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=500)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-fuzz-"))
    results: dict[str, Any] = {"examples_per_operation_and_mode": args.examples}
    try:
        results["sqlite"] = run(root, "sqlite", f"sqlite:///{root / 'hq.sqlite3'}", args.examples)
        scratch = scratch_postgres("ss_bench_fuzz")
        if scratch is None:
            print("postgresql: skipped (set DATABASE_URL to a PostgreSQL server)")
        else:
            try:
                results["postgresql"] = run(root, "postgresql", scratch.url, args.examples)
            finally:
                scratch.drop()
        print(f"written to {write_result('fuzz', results)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
