"""Head office's staff pages at scale, on PostgreSQL (results in bench/results/hq_pages.json).

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55432/ss_test \\
        .venv/bin/python -m bench.bench_hq_pages [--children 100000]

A fresh database is created next to DATABASE_URL's (and dropped afterwards), migrated, and
seeded with SQL (INSERT ... SELECT generate_series): N children over four sites, each with
one guardian and a phone, their ``child_index`` rows, a few open conflicts and duplicate
pairs. A real ``ss-hq serve`` process on loopback serves the pages to a signed-in admin;
each page is fetched 7 times (the first is a warm-up, not counted): the children list by
name, by registration date and 1,000 pages deep, a search by 8 digits of a guardian's phone
(the query that scans guardians), a child's page, the dashboard with its to-do counts, and
the conflicts page (the navigation's counts run on every page); then one export of every
child to XLSX.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from typing import Any

import httpx
from sqlalchemy import text
from sqlmodel import Session

from bench.common import NEEDS_POSTGRES, scratch_postgres, summary, write_result
from ss_hq.admin.site_service import add_site
from ss_hq.admin.staff_service import create_staff_user
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from tests.fixtures.hq_server import free_port

RUNS = 7
SEED_CHILDREN_SQL = """
INSERT INTO record (id, entity, version, hlc, deleted, erased, site_id, fields, field_meta,
    created_at, updated_at)
SELECT md5(g::text || 'child')::uuid::text, 'child', 1,
       lpad(((:now - g)::text), 16, '0') || '-00000-bench', false, false,
       (ARRAY[:s0, :s1, :s2, :s3])[1 + g % 4],
       jsonb_build_object(
           'surname', (ARRAY['王','李','张','刘','陈','杨','黄','赵'])[1 + g % 8],
           'given_name', (ARRAY['小明','佳怡','子涵','浩然','欣怡','宇轩'])[1 + g % 6],
           'gender', 1 + g % 2, 'dob', (2008 + g % 12)::text || '-03-04',
           'dob_precision', 'exact', 'stage', 'primary', 'grade', 1 + g % 6,
           'categories', '["migrant"]'::jsonb,
           'site_id', (ARRAY[:s0, :s1, :s2, :s3])[1 + g % 4]),
       '{}'::jsonb, :now - g, :now - g
FROM generate_series(1, :n) AS g
"""
SEED_GUARDIANS_SQL = """
INSERT INTO record (id, entity, version, hlc, deleted, erased, site_id, child_id, fields,
    field_meta, created_at, updated_at)
SELECT md5(g::text || 'guardian')::uuid::text, 'guardian', 1,
       lpad(((:now - g)::text), 16, '0') || '-00000-bench', false, false,
       (ARRAY[:s0, :s1, :s2, :s3])[1 + g % 4], md5(g::text || 'child')::uuid::text,
       jsonb_build_object('child_id', md5(g::text || 'child')::uuid::text, 'name', '家长',
           'relationship', 'mother', 'phone', '138' || lpad(g::text, 8, '0')),
       '{}'::jsonb, :now - g, :now - g
FROM generate_series(1, :n) AS g
"""
SEED_INDEX_SQL = """
INSERT INTO child_index (record_id, site_id, active, gender, birth_year, dob, stage, grade,
    hukou_local, cat_migrant, cat_low_income, cat_lower_tier, cat_left_behind, cat_in_care,
    cat_disability, name_key, name_sort, search_keys, updated_at, erased, registered_at)
SELECT md5(g::text || 'child')::uuid::text, (ARRAY[:s0, :s1, :s2, :s3])[1 + g % 4], true,
       1 + g % 2, 2008 + g % 12, (2008 + g % 12)::text || '-03-04', 'primary', 1 + g % 6,
       NULL, true, false, false, false, false, false,
       'bench', md5(g::text), ' bench ', :now - g, false, :now - g
FROM generate_series(1, :n) AS g
"""
SEED_REVIEW_SQL = """
INSERT INTO conflict (record_id, entity, field, winner_value, winner_hlc, loser_value,
    loser_hlc, status, created_at)
SELECT md5(g::text || 'child')::uuid::text, 'child', 'class_name', '"一班"'::jsonb,
       lpad((:now)::text, 16, '0') || '-00001-bench', '"二班"'::jsonb,
       lpad((:now)::text, 16, '0') || '-00000-bench', 'open', :now
FROM generate_series(1, 20) AS g;
INSERT INTO suspected_duplicate (record_id, other_id, score, reasons, status, created_at)
SELECT md5(g::text || 'child')::uuid::text, md5((g + 8)::text || 'child')::uuid::text, 80,
       '["same_name"]'::jsonb, 'open', :now
FROM generate_series(1, 50) AS g
"""


def _serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ss_hq", "--db", url, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("ss-hq serve did not start")


def _page_ms(web: httpx.Client, path: str, expect: str) -> dict[str, Any]:
    samples = []
    for run in range(RUNS):
        start = time.perf_counter()
        response = web.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200 and expect in response.text, (path, response.text[:300])
        if run:
            samples.append(elapsed)
    return summary(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    args = parser.parse_args(argv)
    scratch = scratch_postgres("ss_bench_pages")
    if scratch is None:
        print(NEEDS_POSTGRES)
        return 2
    engine = make_engine(scratch.url)
    process = None
    try:
        upgrade(engine)
        now = int(time.time() * 1000)
        with Session(engine) as session:
            sites = [
                add_site(
                    session,
                    code=f"B{n}",
                    name=f"学校{n}",
                    site_type="public_school",
                    division="310115",
                ).id
                for n in range(4)
            ]
            create_staff_user(session, "bench", "bench password", "admin", now=now)
        params = {"n": args.children, "now": now} | {f"s{i}": s for i, s in enumerate(sites)}
        start = time.perf_counter()
        with engine.begin() as c:
            for sql in (SEED_CHILDREN_SQL, SEED_GUARDIANS_SQL, SEED_INDEX_SQL):
                c.execute(text(sql), params)
            for sql in SEED_REVIEW_SQL.split(";"):
                c.execute(text(sql), {"now": now})
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
        seed_seconds = time.perf_counter() - start
        process, base = _serve(scratch.url)
        web = httpx.Client(base_url=base, timeout=120)
        login = web.get("/login")
        token = login.text.split('name="csrf_token" value="')[1].split('"')[0]
        web.post(
            "/login", data={"username": "bench", "password": "bench password", "csrf_token": token}
        )
        web.cookies.set("ss_hq_lang", "en")
        child = re.search(r'href="/children/([0-9a-f-]{36})"', web.get("/children").text).group(1)
        phone = f"{args.children // 2:08d}"
        count = f'id="result-count">{args.children}<'
        results: dict[str, Any] = {
            "children": args.children,
            "guardians": args.children,
            "seed_seconds": round(seed_seconds, 1),
            "pages": {
                "children_by_name": _page_ms(web, "/children", count),
                "children_by_registration": _page_ms(web, "/children?sort=-registered", count),
                "children_page_1000": _page_ms(web, "/children?page=1000", count),
                "guardian_phone_search": _page_ms(
                    web, f"/children?q={phone}", 'id="result-count">1<'
                ),
                "child_page": _page_ms(web, f"/children/{child}", 'id="history"'),
                "dashboard_with_todo": _page_ms(web, "/", 'id="todo-conflicts"'),
                "conflicts_with_nav_counts": _page_ms(web, "/conflicts", 'class="badge">20<'),
            },
        }
        # The export of every child (one run: it is long), XLSX with guardians and consent.
        start = time.perf_counter()
        exported = web.get("/children/export.xlsx", timeout=1800)
        assert exported.status_code == 200
        results["export_xlsx_all"] = {
            "seconds": round(time.perf_counter() - start, 1),
            "rows": int(exported.headers["x-children-exported"]),
            "bytes": len(exported.content),
        }
        for name, figures in results["pages"].items():
            print(f"{name:28s} p50 {figures['p50_ms']:8.1f} ms  p95 {figures['p95_ms']:8.1f} ms")
        print("export", results["export_xlsx_all"])
        path = write_result("hq_pages", results)
        print(f"written {path}")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        engine.dispose()
        scratch.drop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
