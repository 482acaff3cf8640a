"""Where the push time goes (issue 5): the laptop side, head office in-process, and the rest.

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55435/ss_push \\
        .venv/bin/python -m bench.profile_sync_push [--children 10000] [--batch 2000] [--cprofile]

A laptop data folder holds N demo children with their consents (as in ``bench_sync``); its
outbox is read batch by batch exactly as the sync runner reads it (consent filter included),
serialized and compressed; head office applies each batch in-process on a fresh PostgreSQL
database (``push_service.push``, one commit per batch); the laptop then records the answers.
Every phase is timed; ``--cprofile`` prints the top functions of head office's apply.
Nothing is written to ``bench/results``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import zstandard
from sqlmodel import Session

from bench.bench_sync import demo_records, save_children
from bench.common import NEEDS_POSTGRES, scratch_postgres
from ss_core.protocol.hlc import system_ms
from ss_core.protocol.wire import PushRequest, PushResponse
from ss_desktop.db import sync_store
from ss_hq.admin.site_service import add_site
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import ensure_server_state, upgrade
from ss_hq.core.models import Device
from ss_hq.review.duplicate_queue import drain_checks
from ss_hq.sync.push_service import push
from tests.integration.harness import LaptopFactory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--gc", type=int, default=0, help="gc threshold 0 (default: as is)")
    parser.add_argument("--phases", action="store_true", help="time head office's phases")
    args = parser.parse_args(argv)
    scratch = scratch_postgres("ss_sync_profile")
    if scratch is None:
        print(NEEDS_POSTGRES)
        return 2
    url = scratch.url
    work = Path(tempfile.mkdtemp(prefix="ss-profile-push-"))
    laptops = LaptopFactory(work)
    engine = make_engine(url)
    try:
        upgrade(engine)
        ensure_server_state(engine)
        with Session(engine) as session:
            site = add_site(
                session, code="PROF1", name="学校", site_type="migrant_school", division="310115"
            ).id
            device = Device(
                id=str(uuid.uuid4()),
                name="profile",
                token_hash=uuid.uuid4().hex,
                site_ids=[site],
                created_at=system_ms(),
            )
            session.add(device)
            session.commit()
            device_id = device.id
        laptop = laptops.new("profile")
        docs = demo_records(args.children, site)
        save_children(laptop, docs)
        lengine = laptop.app.engine
        times = dict.fromkeys(
            (
                "outbox_read",
                "request_build",
                "serialize",
                "compress",
                "hq_parse",
                "hq_apply",
                "hq_answer",
                "record_answers",
            ),
            0.0,
        )
        sizes = 0
        compressor = zstandard.ZstdCompressor(level=6)
        profile = cProfile.Profile() if args.cprofile else None
        if args.gc:
            import gc

            gc.set_threshold(args.gc, *gc.get_threshold()[1:])
        phase_times = _patch_phases() if args.phases else {}
        total = 0
        started = time.perf_counter()
        while True:
            t0 = time.perf_counter()
            ops = sync_store.pending_ops(lengine, args.batch)
            t1 = time.perf_counter()
            if not ops:
                break
            request = PushRequest(device_id=device_id, batch_id=str(uuid.uuid4()), ops=ops)
            t2 = time.perf_counter()
            raw = request.model_dump_json().encode()
            t3 = time.perf_counter()
            sizes += len(compressor.compress(raw))
            t4 = time.perf_counter()
            parsed = PushRequest.model_validate_json(raw)
            t5 = time.perf_counter()
            with Session(engine) as session:
                dev = session.get(Device, device_id)
                assert dev is not None
                if profile:
                    profile.enable()
                response = push(session, dev, parsed, now=system_ms())
                if profile:
                    profile.disable()
            t6 = time.perf_counter()
            answer = response.model_dump_json().encode()
            response = PushResponse.model_validate_json(answer)
            t7 = time.perf_counter()
            sync_store.record_push_results(
                lengine, ops, response.results, response.acked_through_seq
            )
            t8 = time.perf_counter()
            total += len(ops)
            for key, (a, b) in zip(
                times,
                ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6), (t6, t7), (t7, t8)),
                strict=True,
            ):
                times[key] += b - a
        wall = time.perf_counter() - started
        drained = time.perf_counter()
        pairs = drain_checks(engine, now=system_ms)
        drained = time.perf_counter() - drained
        print(
            f"{total} records in {wall:.2f} s = {total / wall:.0f} records/s; "
            f"{sizes / total:.1f} compressed bytes/record"
        )
        for key, seconds in times.items():
            print(
                f"  {key:15s} {seconds:6.2f} s  {seconds / wall:5.1%}  "
                f"({total / seconds if seconds else 0:,.0f} records/s alone)"
            )
        print(f"  then the duplicate checks (after the commits): {drained:.2f} s, {pairs} pairs")
        for key, seconds in phase_times.items():
            print(f"  hq {key:28s} {seconds:6.2f} s")
        if profile:
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.print_callees("write_record")
            stats.sort_stats("tottime").print_stats(args.top)
    finally:
        laptops.close_all()
        engine.dispose()
        shutil.rmtree(work, ignore_errors=True)
        scratch.drop()
    return 0


def _patch_phases() -> dict[str, float]:
    """Wrap head office's phases in timers (cumulative seconds by name)."""
    import importlib

    spent: dict[str, float] = {}
    targets = [
        ("ss_hq.review.duplicate_queue", "detect_for_children"),
        ("ss_hq.sync.push_bulk", "enqueue_checks"),
        ("ss_hq.sync.push_bulk", "refresh_child_indexes"),
        ("ss_hq.sync.push_bulk", "write_record"),
        ("ss_hq.core.records", "check_fields"),
        ("ss_hq.core.records", "merge_incoming"),
        ("ss_hq.sync.push_service", "lock_for_writing"),
    ]
    for module_name, attr in targets:
        module = importlib.import_module(module_name)
        original = getattr(module, attr)

        def timed(*a, __f=original, __k=attr, **kw):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return __f(*a, **kw)
            finally:
                spent[__k] = spent.get(__k, 0.0) + time.perf_counter() - t

        setattr(module, attr, timed)
    from ss_hq.sync import push_bulk

    original_insert = push_bulk.bulk_insert

    def bulk_insert(connection, table, rows):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return original_insert(connection, table, rows)
        finally:
            key = f"bulk_insert {table.name}"
            spent[key] = spent.get(key, 0.0) + time.perf_counter() - t

    push_bulk.bulk_insert = bulk_insert
    for method in ("load", "flush"):
        original = getattr(push_bulk._Run, method)

        def timed_method(self, *a, __f=original, __k=method, **kw):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return __f(self, *a, **kw)
            finally:
                spent["run." + __k] = spent.get("run." + __k, 0.0) + time.perf_counter() - t

        setattr(push_bulk._Run, method, timed_method)
    original_commit = Session.commit

    def commit(self, __f=original_commit):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return __f(self)
        finally:
            spent["commit"] = spent.get("commit", 0.0) + time.perf_counter() - t

    Session.commit = commit  # type: ignore[method-assign]
    return spent


if __name__ == "__main__":
    raise SystemExit(main())
