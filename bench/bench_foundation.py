"""Foundation benchmarks at 100,000 children (docs/PERFORMANCE.md).

    .venv/bin/python -m bench.bench_foundation [--children 100000] [--seed 1] [--no-floors]

``--no-floors`` skips the raw-write floors of step 1 (they take longer than the rest) and
writes ``bench/results/foundation_no_floors.json``.

Measured in one run, on one fresh data folder:
1. demo generation through the one write path (validation, per-field HLCs, outbox, audit,
   search index) in children/s — and, as the floor, a raw ``executemany`` of the same rows
   into the same schema (no validation, no outbox, no audit, no search index), with the ratio;
   and a second floor: a raw ``executemany`` of every row the demo run stored (records,
   outbox, audit, both search tables), copied from its database into a fresh one, in the
   demo's transactions of 5,000 children, with the shipped settings — what writing those
   rows costs with no Python work at all;
2. search: p95 over 20 typical queries (1-3 Chinese characters, pinyin prefix, initials, ID
   fragment) and 10 more forms (initials mixed with syllables, ``lyu``, numbers typed with
   dashes, spaces, +86 or full-width digits), first page of 50, through the same service the
   GUI and CLI use;
3. saving one child with two guardians and consent (synchronous=FULL, as shipped), p95.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from bench.common import percentile, summary, timed_ms, write_result
from ss_core.protocol.wire import Entity
from ss_desktop.config import AppPaths
from ss_desktop.db.codec import defaults_of, to_column
from ss_desktop.db.engine import CACHE_SIZE_KIB
from ss_desktop.db.engine import connect as db_connect
from ss_desktop.db.migrate import open_database
from ss_desktop.db.rows import columns_of
from ss_desktop.db.search_index import SEARCH_COLUMNS
from ss_desktop.demo import BATCH_CHILDREN, DemoService
from ss_desktop.demo.data import DemoGenerator
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.setup import initialize

PASSWORD = "Bench-mark-2026"
QUERIES = [
    "王",
    "李",
    "张子",
    "王浩然",
    "陈雨涵",
    "欧阳",
    "单",
    "曾",  # 1-3 Chinese characters
    "wang",
    "zhang",
    "liu",
    "chen",
    "ouyang",
    "zeng",  # pinyin prefixes
    "zw",
    "wxm",
    "ly",
    "sxx",  # initials
    "1234",
    "20150",  # ID / phone fragments
]
# The forms issue 15 added: initials mixed with syllables, ü typed as yu or ü, phone and ID
# numbers typed with dashes, spaces, +86 or full-width digits.
MORE_QUERIES = [
    "oyang",
    "zhangxm",
    "zxm",
    "wangf",
    "lyu",
    "lü",
    "130-0041-0485",
    "+86 130 0041",
    "１３０００４１",
    "110101-2015",
]


def raw_floor(db: Path, count: int, seed: int, key: bytes | None = None) -> float:
    """children/s for a bare executemany of the same rows (child, guardians, consent,
    enrollments) — the cost of the bytes alone; encrypted like the app's database when
    *key* is given (SQLCipher), else plain SQLite (the floor of earlier reports)."""
    gen = DemoGenerator(seed)
    sites = gen.sites()
    programs = gen.programs(sites)
    now = "2026-01-01T00:00:00Z"

    def row(entity: Entity, record_id: str, fields: dict) -> tuple:
        full = {
            "id": record_id,
            "version": 1,
            "hlc": "",
            "field_hlcs": "{}",
            "server_version": None,
            "deleted": 0,
            "created_at": now,
            "updated_at": now,
            "name_sort": "",
        }
        for name, value in defaults_of(entity).items():
            full.setdefault(name, to_column(entity, name, value))
        for name, value in fields.items():
            full[name] = to_column(entity, name, value)
        return tuple(full.get(c) for c in columns_of(entity))

    def sql(entity: Entity) -> str:
        cols = columns_of(entity)
        return (
            f"INSERT INTO {entity.value} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        )

    conn = db_connect(db, key)
    conn.isolation_level = None
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("BEGIN")
    conn.executemany(
        sql(Entity.SITE),
        [row(Entity.SITE, s.id, {k: v for k, v in vars(s).items() if k != "id"}) for s in sites],
    )
    conn.executemany(
        sql(Entity.PROGRAM),
        [
            row(Entity.PROGRAM, p.id, {k: v for k, v in vars(p).items() if k != "id"})
            for p in programs
        ],
    )
    conn.execute("COMMIT")
    children = list(gen.children(count, sites, programs))  # generation is not what we time
    started = time.perf_counter()
    for start in range(0, count, 500):
        batch = children[start : start + 500]
        conn.execute("BEGIN")
        conn.executemany(sql(Entity.CHILD), [row(Entity.CHILD, c.id, c.fields) for c in batch])
        conn.executemany(
            sql(Entity.GUARDIAN),
            [
                row(Entity.GUARDIAN, g["id"], {k: v for k, v in g.items() if k != "id"})
                for c in batch
                for g in c.guardians
            ],
        )
        conn.executemany(
            sql(Entity.CONSENT),
            [
                row(Entity.CONSENT, k["id"], {x: v for x, v in k.items() if x != "id"})
                for c in batch
                for k in c.consents
            ],
        )
        conn.executemany(
            sql(Entity.ENROLLMENT),
            [
                row(Entity.ENROLLMENT, f"{c.id[:30]}{i:06d}", {"child_id": c.id, "program_id": p})
                for c in batch
                for i, p in enumerate(c.program_ids)
            ],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return count / elapsed


# Every table the demo generator writes, and the two search tables (read as FTS5 rows).
STORED_TABLES = (
    "site",
    "program",
    "child",
    "guardian",
    "consent",
    "enrollment",
    "attendance_session",
    "attendance_mark",
    "outbox",
    "audit_log",
)
SEARCH_TABLES = {
    "child_search": ("child_id", *SEARCH_COLUMNS),
    "child_digits": ("child_id", "digits"),
}


def stored_rows(source: Path, key: bytes | None) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """table -> (columns, rows) of everything stored in *source*, in the order it was
    written; search rows in the order of their children."""
    conn = db_connect(source, key, read_only=True)
    try:
        order = {
            cid: n for n, (cid,) in enumerate(conn.execute("SELECT id FROM child ORDER BY rowid"))
        }
        out: dict[str, tuple[tuple[str, ...], list[tuple]]] = {}
        for table in STORED_TABLES:
            cols = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
            out[table] = (
                cols,
                conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid").fetchall(),
            )
        for table, cols in SEARCH_TABLES.items():
            rows = conn.execute(f"SELECT rowid, {', '.join(cols)} FROM {table}").fetchall()
            rows.sort(key=lambda r: order[r[1]])
            out[table] = (("rowid", *cols), rows)
        return out
    finally:
        conn.close()


def stored_floor(
    source: Path, source_key: bytes | None, db: Path, key: bytes | None, count: int
) -> dict[str, float]:
    """children/s for a bare executemany of every row stored in *source* (a demo database of
    *count* children) into *db* (fresh, same schema, encrypted with *key*), with the app's settings (WAL,
    synchronous=FULL, its cache size), in transactions of BATCH_CHILDREN children holding
    each table's share of rows, search rows in rowid order within a transaction (as the
    write path inserts them). Also the seconds per table and for the commits."""
    data = stored_rows(source, source_key)
    conn = db_connect(db, key)
    conn.isolation_level = None
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        "foreign_keys=OFF",
        f"cache_size=-{CACHE_SIZE_KIB}",
    ):
        conn.execute(f"PRAGMA {pragma}")
    chunks = max(1, count // BATCH_CHILDREN)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    for i in range(chunks):
        conn.execute("BEGIN")
        for table, (cols, rows) in data.items():
            part = rows[len(rows) * i // chunks : len(rows) * (i + 1) // chunks]
            if table in SEARCH_TABLES:
                part.sort()
            began = time.perf_counter()
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                part,
            )
            seconds[table] = seconds.get(table, 0.0) + time.perf_counter() - began
        began = time.perf_counter()
        conn.execute("COMMIT")
        seconds["commits"] = seconds.get("commits", 0.0) + time.perf_counter() - began
    elapsed = time.perf_counter() - started
    conn.close()
    return {
        "children_per_second": round(count / elapsed, 1),
        "seconds": round(elapsed, 2),
        "rows": sum(len(rows) for _cols, rows in data.values()),
        "seconds_by_table": {k: round(v, 2) for k, v in seconds.items()},
    }


def measure_floors(
    app: LocalApp, tmp: Path, args: argparse.Namespace, demo_rate: float, children: int
) -> dict[str, object]:
    """The raw-write floors of step 1, measured after the demo run, with their ratios."""
    floor_key = os.urandom(32)
    floor_db = tmp / "floor.sqlite3"
    open_database(floor_db, floor_key, backup_dir=tmp / "floor-backups").dispose()
    floor_rate = raw_floor(floor_db, args.children, args.seed, floor_key)
    print(f"raw executemany floor (encrypted): {floor_rate:.0f} children/s")
    plain_db = tmp / "floor-plain.sqlite3"
    open_database(plain_db, None, backup_dir=tmp / "floor-backups").dispose()
    plain_rate = raw_floor(plain_db, args.children, args.seed)
    print(f"raw executemany floor (plain SQLite): {plain_rate:.0f} children/s")
    stored_db = tmp / "floor-stored.sqlite3"
    open_database(stored_db, floor_key, backup_dir=tmp / "floor-backups").dispose()
    stored = stored_floor(app.paths.database, app.key, stored_db, floor_key, children)
    print(
        f"raw executemany of every stored row (encrypted): {stored['children_per_second']:.0f} children/s"
    )
    return {
        "raw_executemany_floor_children_per_second": round(floor_rate, 1),
        "demo_to_floor_ratio": round(demo_rate / floor_rate, 3),
        "raw_executemany_floor_plain_sqlite_children_per_second": round(plain_rate, 1),
        "demo_to_plain_floor_ratio": round(demo_rate / plain_rate, 3),
        "raw_executemany_of_every_stored_row": stored,
        "demo_to_stored_rows_floor_ratio": round(demo_rate / stored["children_per_second"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search-rounds", type=int, default=10)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--no-floors", action="store_true", help="skip the raw-write floors")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ss-bench-") as tmp:
        paths = AppPaths.resolve(Path(tmp) / "data")
        app = initialize(paths, admin="bench", password=PASSWORD)
        session = Accounts(app).sign_in("bench", PASSWORD)

        report = DemoService(app, session).populate(args.children, seed=args.seed)
        demo_rate = report.children_per_second
        print(f"demo: {report.children} children in {report.seconds:.1f} s = {demo_rate:.0f}/s")

        floors: dict[str, object] = {}
        if not args.no_floors:
            floors = measure_floors(app, Path(tmp), args, demo_rate, report.children)

        service = ChildrenService(app, session)
        queries = [*QUERIES, *MORE_QUERIES]
        per_query: dict[str, list[float]] = {q: [] for q in queries}
        hits: dict[str, int] = {}
        for q in queries:  # warm the page cache once, as a user's first keystroke would
            hits[q] = len(service.search(q, limit=50).rows)
        for _ in range(args.search_rounds):
            for q in queries:
                per_query[q].append(timed_ms(lambda q=q: service.search(q, limit=50)))
        typical = [ms for q in QUERIES for ms in per_query[q]]
        more = [ms for q in MORE_QUERIES for ms in per_query[q]]
        all_search = typical + more
        print(
            f"search p95 {percentile(all_search, 95):.1f} ms over {len(all_search)} queries"
            f" (the 20 typical: {percentile(typical, 95):.1f} ms,"
            f" the 10 more forms: {percentile(more, 95):.1f} ms)"
        )

        site_id = service.search("", limit=1).rows[0].site_id
        save_ms: list[float] = []
        for i in range(args.saves):
            form = ChildForm(
                {
                    "surname": "韩",
                    "given_name": f"测{chr(0x4E00 + i)}",
                    "gender": 2,
                    "dob": "2015-03-04",
                    "dob_precision": "exact",
                    "site_id": site_id,
                    "stage": "primary",
                    "grade": 4,
                    "school_system": "6-3-3",
                    "class_name": "四(1)班",
                },
                [
                    {
                        "name": "韩建军",
                        "relationship": "father",
                        "is_legal_guardian": True,
                        "is_primary_caregiver": False,
                        "phone": "13900000000",
                    },
                    {
                        "name": "周丽",
                        "relationship": "mother",
                        "is_legal_guardian": True,
                        "is_primary_caregiver": True,
                        "phone": "13900000001",
                    },
                ],
                [
                    {
                        "giver_name": "周丽",
                        "giver_relationship": "mother",
                        "giver_role": "legal_guardian",
                        "method": "paper_signed",
                        "given_on": "2025-09-01",
                        "scopes": ["registration"],
                    }
                ],
            )
            save_ms.append(timed_ms(lambda form=form: service.register(form)))
        print(f"save p95 {percentile(save_ms, 95):.1f} ms")
        app.close()

    result = {
        "children": args.children,
        "demo": {
            "children_per_second": round(demo_rate, 1),
            "seconds": round(report.seconds, 1),
            "guardians": report.guardians,
            "consents": report.consents,
            "enrollments": report.enrollments,
            "attendance_marks": report.marks,
        },
        **floors,
        "search": {
            "overall": summary(all_search),
            "typical_20": summary(typical),
            "more_forms_10": summary(more),
            "per_query": {q: {**summary(s), "hits": hits[q]} for q, s in per_query.items()},
        },
        "save_child_two_guardians_consent": summary(save_ms),
    }
    path = write_result("foundation_no_floors" if args.no_floors else "foundation", result)
    print(json.dumps({k: v for k, v in result.items() if k != "search"}, indent=2))
    print(f"written to {path}")


if __name__ == "__main__":
    main()
