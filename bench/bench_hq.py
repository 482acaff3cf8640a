"""Head-office benchmarks on PostgreSQL (issue 4; results in bench/results/hq.json).

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55434/ss_test \\
        .venv/bin/python -m bench.bench_hq [--children 10000] [--devices 20] [--per-device 2000] \\
        [--dashboard-children 1000000] [--workers 2]

A fresh database is created next to DATABASE_URL's (and dropped afterwards), migrated, and
served by a real ``ss-hq serve --workers N`` process on a loopback port. Measured:

1. ingest: one laptop pushes N new children (19 fields each) in batches of 500, over HTTP
   (JSON, zstd-compressed like the laptop), records/s;
2. concurrent push: D laptops push P children each at the same time (batches of 500);
3. pull: a fresh laptop of the first site pulls all 10,000 children (pages of 1,000);
4. dashboard: M children in ``child_index`` (seeded with INSERT ... SELECT generate_series,
   the fast bulk path; the dashboard reads nothing else about children), then the dashboard
   service itself and the whole dashboard page over HTTP (signed in), p50/p95 of 5 runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import zstandard
from sqlalchemy import text
from sqlmodel import Session

from bench.common import NEEDS_POSTGRES, scratch_postgres, summary, timed_ms, write_result
from ss_core.protocol.hlc import HLC, system_ms
from ss_core.protocol.ids import new_id
from ss_hq.admin.dashboard_service import build_dashboard
from ss_hq.admin.site_service import add_site
from ss_hq.admin.staff_service import create_staff_user
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from ss_hq.sync.device_service import create_enrollment_code
from tests.fixtures.hq_server import free_port

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞鑫宇浩然子涵欣怡梓轩一诺"
BATCH = 500


def _child(rng: random.Random, site_id: str) -> dict[str, Any]:
    year = rng.randint(2008, 2020)
    return {
        "surname": rng.choice(SURNAMES),
        "given_name": "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
        "gender": rng.choice((1, 2)),
        "dob": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "dob_precision": "exact",
        "site_id": site_id,
        "hukou_division": rng.choice(("310115", "510101", "411302", "130102")),
        "hukou_type": "resident",
        "residence_division": "310115",
        "stage": "primary",
        "grade": rng.randint(1, 6),
        "school_system": "6-3-3",
        "class_name": f"{rng.randint(1, 6)}班",
        "boarding": rng.random() < 0.2,
        "categories": rng.sample(["migrant", "left_behind", "low_income"], rng.randint(0, 2)),
        "living_arrangement": rng.choice(("both_parents", "grandparents", "one_parent")),
        "father_status": "working_away",
        "mother_status": "with_child",
        "notes": "基准测试数据",
    }


class Laptop:
    def __init__(self, base: str, code: str, name: str) -> None:
        self.base = base
        body = httpx.post(
            f"{base}/api/v1/devices/enroll",
            json={"code": code, "device_name": name, "app_version": "bench"},
            timeout=30,
        ).json()
        self.id = body["device_id"]
        self.headers = {"Authorization": f"Bearer {body['token']}"}
        self.node = self.id.replace("-", "")
        self.seq = 0
        self.client = httpx.Client(base_url=base, headers=self.headers, timeout=300)
        self.zstd = zstandard.ZstdCompressor()

    def push_children(self, children: list[dict[str, Any]]) -> float:
        """Push in batches of 500; returns seconds."""
        start = time.perf_counter()
        for i in range(0, len(children), BATCH):
            ops = []
            for fields in children[i : i + BATCH]:
                self.seq += 1
                ops.append(
                    {
                        "device_seq": self.seq,
                        "op_id": new_id(),
                        "entity": "child",
                        "record_id": new_id(),
                        "base_version": 0,
                        "hlc": str(HLC(system_ms(), self.seq % 1000, self.node)),
                        "fields": fields,
                        "deleted": False,
                    }
                )
            body = json.dumps(
                {"device_id": self.id, "batch_id": new_id(), "ops": ops}, ensure_ascii=False
            ).encode()
            response = self.client.post(
                "/api/v1/sync/push",
                content=self.zstd.compress(body),
                headers={"Content-Type": "application/json", "Content-Encoding": "zstd"},
            )
            response.raise_for_status()
            statuses = {r["status"] for r in response.json()["results"]}
            if statuses - {"applied"}:
                raise RuntimeError(f"unexpected push results: {statuses}")
        return time.perf_counter() - start

    def pull_all(self, limit: int = 1000) -> tuple[int, float]:
        start = time.perf_counter()
        cursor, count = "", 0
        while True:
            body = self.client.get(
                "/api/v1/sync/pull", params={"cursor": cursor, "limit": limit}
            ).json()
            count += sum(1 for c in body["changes"] if c["entity"] == "child")
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return count, time.perf_counter() - start


SEED_INDEX_SQL = """
INSERT INTO child_index (record_id, site_id, active, gender, birth_year, dob, stage, grade,
    hukou_local, cat_migrant, cat_low_income, cat_lower_tier, cat_left_behind, cat_in_care,
    cat_disability, name_key, name_sort, search_keys, keys_name, keys_short, keys_given,
    updated_at)
SELECT md5(g::text || 'bench')::uuid::text,
       (ARRAY[:s0, :s1, :s2, :s3])[1 + g % 4],
       true,
       1 + g % 2,
       2008 + g % 13,
       NULL,
       (ARRAY['preschool','primary','junior','senior'])[1 + g % 4],
       1 + g % 6,
       CASE WHEN g % 5 = 0 THEN NULL ELSE g % 3 = 0 END,
       g % 3 = 0, g % 7 = 0, g % 11 = 0, g % 4 = 0, g % 50 = 0, g % 40 = 0,
       'bench', 'bench', ' bench ', ' bench ', ' ', ' ', 0
FROM generate_series(1, :n) AS g
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--per-device", type=int, default=2_000)
    parser.add_argument("--dashboard-children", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args(argv)
    scratch = scratch_postgres("ss_hq_bench")
    if scratch is None:
        print(NEEDS_POSTGRES)
        return 2
    url = scratch.url
    engine = make_engine(url)
    upgrade(engine)
    rng = random.Random(1)
    results: dict[str, Any] = {"workers": args.workers}
    process = None
    try:
        with Session(engine) as session:
            sites = [
                add_site(
                    session,
                    code=f"B{i}",
                    name=f"基准 {i}",
                    site_type="migrant_school",
                    division=("310115", "510101", "411302", "130102")[i],
                ).id
                for i in range(4)
            ]
            create_staff_user(session, "bench", "bench password", "viewer", now=system_ms())
        codes = []
        with Session(engine) as session:
            for _ in range(args.devices + 2):
                codes.append(create_enrollment_code(session, [sites[0]], now=system_ms()))
        port = free_port()
        env = dict(os.environ, SS_HQ_DATABASE_URL=url)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ss_hq",
                "--db",
                url,
                "serve",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("ss-hq serve did not start")

        # 1. ingest
        laptop = Laptop(base, codes.pop(), "ingest")
        children = [_child(rng, sites[0]) for _ in range(args.children)]
        seconds = laptop.push_children(children)
        results["ingest"] = {
            "children": args.children,
            "fields_per_child": len(children[0]),
            "batch": BATCH,
            "seconds": round(seconds, 2),
            "records_per_s": round(args.children / seconds, 1),
        }
        print("ingest", results["ingest"], flush=True)

        # 3. pull of those 10,000 by a fresh laptop of the same site
        reader = Laptop(base, codes.pop(), "reader")
        count, seconds = reader.pull_all()
        results["pull"] = {
            "children": count,
            "page": 1000,
            "seconds": round(seconds, 2),
            "records_per_s": round(count / seconds, 1),
        }
        print("pull", results["pull"], flush=True)

        # 2. concurrent pushers
        laptops = [Laptop(base, codes.pop(), f"laptop {i}") for i in range(args.devices)]
        loads = [[_child(rng, sites[0]) for _ in range(args.per_device)] for _ in laptops]
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.devices) as pool:
            per_device = list(
                pool.map(
                    lambda pair: pair[0].push_children(pair[1]), zip(laptops, loads, strict=True)
                )
            )
        wall = time.perf_counter() - start
        total = args.devices * args.per_device
        results["concurrent_push"] = {
            "devices": args.devices,
            "children_each": args.per_device,
            "wall_seconds": round(wall, 2),
            "records_per_s": round(total / wall, 1),
            "slowest_device_seconds": round(max(per_device), 2),
        }
        print("concurrent push", results["concurrent_push"], flush=True)

        # 4. dashboard at scale
        extra = max(0, args.dashboard_children - (args.children + total))
        start = time.perf_counter()
        with engine.begin() as c:
            c.execute(
                text(SEED_INDEX_SQL),
                {"n": extra, "s0": sites[0], "s1": sites[1], "s2": sites[2], "s3": sites[3]},
            )
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE child_index"))
        seed_seconds = time.perf_counter() - start
        with engine.connect() as c:
            indexed = c.execute(text("SELECT count(*) FROM child_index WHERE active")).scalar()
        service_ms = []
        for _ in range(5):
            with Session(engine) as session:
                service_ms.append(timed_ms(lambda s=session: build_dashboard(s)))
        web = httpx.Client(base_url=base, timeout=60)
        login = web.get("/login")
        token = login.text.split('name="csrf_token" value="')[1].split('"')[0]
        web.post(
            "/login", data={"username": "bench", "password": "bench password", "csrf_token": token}
        )
        page_ms = []
        for _ in range(5):
            start = time.perf_counter()
            response = web.get("/")
            page_ms.append((time.perf_counter() - start) * 1000)
            assert (
                response.status_code == 200 and f'id="total-children">{indexed}<' in response.text
            )
        results["dashboard"] = {
            "children": indexed,
            "seeded_rows": extra,
            "seed_seconds": round(seed_seconds, 1),
            "service": summary(service_ms),
            "page_over_http": summary(page_ms),
        }
        print("dashboard", results["dashboard"], flush=True)
        path = write_result("hq", results)
        print(f"written {path}")
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        engine.dispose()
        if args.keep:
            print(f"kept the bench database: {scratch.url}")
        else:
            scratch.drop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
