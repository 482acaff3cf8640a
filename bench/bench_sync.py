"""Sync benchmarks (issue 5; results in bench/results/sync.json).

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:55436/ss_bench \\
        .venv/bin/python -m bench.bench_sync [--children 10000] [--slow-changes 1000] \\
        [--incremental-children 100000] [--skip-pouch]

1. push: a laptop (its own data folder, SQLite) holding N new children (DemoGenerator, all
   34 child fields) with their registration consents (a child without one never leaves the
   laptop) pushes them to a real ``ss-hq serve`` on PostgreSQL over loopback; records/s
   counts every record (children and consents, about 2N). The CPU time each process used
   during the push (laptop, head office, PostgreSQL, the proxy; from /proc) is noted too.
   The same records, as JSON documents with the same fields, are replicated by PouchDB
   (leveldb, local) to pouchdb-server (leveldb, on disk), both installed from npm into a
   throw-away folder under /tmp, three times with each of two batch sizes; the best of those
   runs is compared with our single run. Both go through the same byte-counting TCP proxy
   (a separate process), so "bytes on the wire" means the same thing for both: every byte of
   every HTTP request and response, headers included.
2. 2G: M more changes (M/2 children and their consents) pushed over the same proxy set to
   a 50 kbit/s link with 300 ms latency each way, delivered segment by segment; compared with the bandwidth floor = zstd-compressed bytes of those
   changes (one PushRequest body, level 6 as the laptop sends) / link rate.
3. incremental: head office holds K children of the laptop's site (bulk-seeded), the laptop
   pulls them all, then 10 of them are edited and one sync round is timed on loopback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import zstandard
from sqlalchemy import insert, text
from sqlmodel import Session

from bench.common import NEEDS_POSTGRES, scratch_postgres, summary, write_result
from bench.sync_proxy import CountingProxy, Link
from ss_core.domain.consent import consent_state
from ss_core.domain.dates import coerce_date
from ss_core.protocol.hlc import HLC, system_ms
from ss_core.protocol.wire import Entity, PushRequest
from ss_desktop.db import sync_store
from ss_desktop.db.write import Change
from ss_desktop.demo.data import DemoGenerator
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from ss_hq.core.models import ChangeLog, ChildIndex, Record
from ss_hq.review.search_service import index_values
from tests.fixtures.hq_server import free_port
from tests.integration.harness import HQProcess, Laptop, LaptopFactory

HERE = Path(__file__).resolve().parent
POUCH_VERSIONS = ("pouchdb@9.0.0", "pouchdb-server@4.2.0")
POUCH_RUNS = 3
LINK_BPS = 50_000
LINK_LATENCY_MS = 300
SAVE_BATCH = 2000


# ----------------------------------------------------------------------- data
def demo_children(count: int, site_id: str, *, skip: int = 0) -> list[tuple[str, dict]]:
    """(id, fields) of DemoGenerator's children skip..skip+count, moved to *site_id*."""
    gen = DemoGenerator(1)
    sites = gen.sites()
    out = []
    for n, child in enumerate(gen.children(skip + count, sites, gen.programs(sites))):
        if n >= skip:
            out.append((child.id, {**child.fields, "site_id": site_id}))
    return out


Doc = tuple[Entity, str, dict]


def demo_records(count: int, site_id: str, *, skip: int = 0) -> list[Doc]:
    """*count* of DemoGenerator's children that have a registration consent (from the skip-th such child),
    moved to *site_id*, each followed by its consents: (entity, id, fields). A child without
    a registration consent never leaves the laptop (consent_gate), so the benchmark pushes
    children together with their consents; every record counts."""
    gen = DemoGenerator(1)
    sites = gen.sites()
    out: list[Doc] = []
    seen = 0
    for child in gen.children((skip + count) * 2 + 100, sites, gen.programs(sites)):
        state = consent_state(
            child.consents,
            child_dob=coerce_date(child.fields["dob"]) if child.fields.get("dob") else None,
            child_dob_precision=child.fields.get("dob_precision"),
        )
        if not state.registration_ok:
            continue
        seen += 1
        if seen <= skip:
            continue
        out.append((Entity.CHILD, child.id, {**child.fields, "site_id": site_id}))
        for consent in child.consents:
            fields = {k: v for k, v in consent.items() if k != "id"}
            out.append((Entity.CONSENT, consent["id"], fields))
        if seen >= skip + count:
            break
    return out


def child_ids(records: list[Doc]) -> list[str]:
    return [rid for entity, rid, _f in records if entity is Entity.CHILD]


def save_children(laptop: Laptop, records: list[Doc]) -> None:
    """Save in chunks of about SAVE_BATCH, never splitting a child from its consents."""
    chunk: list[Change] = []
    for entity, rid, fields in records:
        if entity is Entity.CHILD and len(chunk) >= SAVE_BATCH:
            laptop.app.writer.save(chunk, actor="admin", action="bench")
            chunk = []
        chunk.append(Change(entity, rid, fields))
    if chunk:
        laptop.app.writer.save(chunk, actor="admin", action="bench")


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by the processes *pids* (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().startswith("postgres"):
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


class CpuMeter:
    """CPU seconds used by this process (the laptop), head office's server process and every
    PostgreSQL process, between two points."""

    def __init__(self, server_pid: int, proxy_pid: int | None) -> None:
        self.server_pid, self.proxy_pid = server_pid, proxy_pid

    def now(self) -> dict[str, float]:
        return {
            "laptop": cpu_seconds([os.getpid()]),
            "head_office": cpu_seconds([self.server_pid]),
            "postgresql": cpu_seconds(postgres_pids()),
            "proxy": cpu_seconds([self.proxy_pid] if self.proxy_pid else []),
        }

    @staticmethod
    def spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        out = {k: round(after[k] - before[k], 2) for k in before}
        out["total"] = round(sum(out.values()), 2)
        return out


class PhaseMeter:
    """Progress callback that notes time and proxy bytes when the round reaches each phase
    (and CPU time, with a :class:`CpuMeter`)."""

    def __init__(self, link: Link, cpu: CpuMeter | None = None) -> None:
        self.link = link
        self.cpu = cpu
        self.marks: dict[str, tuple[float, int]] = {}
        self.cpu_marks: dict[str, dict[str, float]] = {}
        self.start = (time.perf_counter(), link.total())
        self.cpu_start = cpu.now() if cpu else {}

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if phase not in self.marks:
            self.marks[phase] = (time.perf_counter(), self.link.total())
            if self.cpu:
                self.cpu_marks[phase] = self.cpu.now()

    def push_cpu(self) -> dict[str, float] | None:
        """CPU seconds of each process from the start of the round to the pull."""
        if not self.cpu or "pull" not in self.cpu_marks:
            return None
        return CpuMeter.spent(self.cpu_start, self.cpu_marks["pull"])

    def push(self) -> tuple[float, int]:
        end = self.marks.get("pull") or (time.perf_counter(), self.link.total())
        return end[0] - self.start[0], end[1] - self.start[1]

    def phases(self, end: float) -> dict[str, float]:
        """Seconds spent in push (with the clock probe), pull, the checksum comparison and the
        audit upload, and the bytes each put on the wire (both ways)."""
        points = [("push", *self.start)] + [
            (p, *self.marks[p]) for p in ("pull", "check", "audit") if p in self.marks
        ]
        points.append(("end", end, self.link.total()))
        out: dict[str, float] = {}
        for i, (name, at, sent) in enumerate(points[:-1]):
            out[f"{name}_seconds"] = round(points[i + 1][1] - at, 3)
            out[f"{name}_bytes"] = points[i + 1][2] - sent
        return out


def timed_round(
    laptop: Laptop, link: Link, cpu: CpuMeter | None = None
) -> tuple[Any, PhaseMeter, float, int]:
    meter = PhaseMeter(link, cpu)
    report = laptop.sync_service(stall_seconds=120.0).sync_round(meter)
    seconds = time.perf_counter() - meter.start[0]
    return report, meter, seconds, link.total() - meter.start[1]


# ----------------------------------------------------------------------- PouchDB
def bench_pouch(records: list[Doc], work: Path, modules: Path | None = None) -> dict[str, Any]:
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        print("npm or node is not installed: skipping the PouchDB comparison", flush=True)
        return {"skipped": "npm or node is not installed: PouchDB part skipped"}
    modules = modules or work / "npm"
    print(f"installing {' '.join(POUCH_VERSIONS)} into {modules} ...", flush=True)
    subprocess.run(
        [
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
            str(modules),
            *POUCH_VERSIONS,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    docs = work / "docs.json"
    docs.write_text(
        json.dumps(
            [{"_id": rid, "type": e.value, **f} for e, rid, f in records], ensure_ascii=False
        )
    )
    port = free_port()
    data = work / "pouchdb-server"
    data.mkdir()
    server = subprocess.Popen(
        [str(modules / "node_modules/.bin/pouchdb-server"), "-p", str(port), "-d", str(data), "-n"],
        cwd=data,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    runs = {}
    try:
        for _ in range(150):
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        with CountingProxy(port) as proxy:
            # PouchDB's default batch and one like ours, each POUCH_RUNS times (its speed
            # varies from run to run): the best run of all is the one compared with ours.
            for batch in (100, 500):
                for attempt in range(1, POUCH_RUNS + 1):
                    name = f"batch_{batch}_run_{attempt}"
                    runs[name] = _pouch_run(
                        node,
                        modules,
                        docs,
                        work / f"local-{batch}-{attempt}",
                        f"{proxy.url}/bench{batch}_{attempt}",
                        batch,
                        proxy.link,
                        len(records),
                        server.pid,
                    )
                    print("pouchdb", name, runs[name], flush=True)
    finally:
        server.terminate()
        server.wait(10)
    best = max(runs.values(), key=lambda r: r["records_per_s"])
    return {
        "versions": list(POUCH_VERSIONS),
        "adapter": "leveldb both sides",
        "runs": runs,
        "best": best,
    }


def _pouch_run(
    node: str,
    modules: Path,
    docs: Path,
    local: Path,
    remote: str,
    batch: int,
    link: Link,
    count: int,
    server_pid: int,
) -> dict[str, Any]:
    env = dict(os.environ, NODE_PATH=str(modules / "node_modules"))
    child = subprocess.Popen(
        [node, str(HERE / "pouch_replicate.js"), str(docs), str(local), remote, str(batch)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert child.stdin and child.stdout
    if child.stdout.readline().strip() != "ready":
        raise RuntimeError("pouch_replicate.js failed to load the documents")
    before = link.total()
    cpu_before = (cpu_seconds([child.pid]), cpu_seconds([server_pid]))
    child.stdin.write("go\n")
    child.stdin.close()
    result = json.loads(child.stdout.readline())
    cpu_after = (cpu_seconds([child.pid]), cpu_seconds([server_pid]))
    wire = link.total() - before
    child.wait(30)
    if result["remote_count"] != count:
        raise RuntimeError(f"pouchdb-server holds {result['remote_count']} of {count} docs")
    return {
        "batch_size": batch,
        "seconds": round(result["seconds"], 2),
        "records_per_s": round(count / result["seconds"], 1),
        "wire_bytes": wire,
        "bytes_per_record": round(wire / count, 1),
        # The replicating process (PouchDB) and pouchdb-server, as for ours (0 without /proc).
        "cpu_seconds": {
            "replicator": round(cpu_after[0] - cpu_before[0], 2),
            "server": round(cpu_after[1] - cpu_before[1], 2),
            "total": round(sum(cpu_after) - sum(cpu_before), 2),
        },
    }


# ----------------------------------------------------------------------- head office seed
def seed_head_office(url: str, site_id: str, children: list[tuple[str, dict]]) -> float:
    """Bulk-insert children at head office as if they had been pushed long ago (record,
    change_log, child_index); the fast path for a large starting state."""
    started = time.perf_counter()
    engine = make_engine(url)
    now = system_ms()
    stamp = str(HLC(now - 86_400_000, 0, "0" * 32))
    with Session(engine) as session:
        head = int(session.execute(text("SELECT coalesce(max(seq), 0) FROM change_log")).scalar())
        for i in range(0, len(children), 5000):
            records, logs, index = [], [], []
            for n, (cid, fields) in enumerate(children[i : i + 5000], start=head + i + 1):
                record = Record(
                    id=cid,
                    entity="child",
                    version=1,
                    hlc=stamp,
                    site_id=site_id,
                    fields=fields,
                    field_meta={k: [stamp, 1, None] for k in fields},
                    created_at=now,
                    updated_at=now,
                )
                records.append(record.model_dump())
                logs.append(
                    {
                        "seq": n,
                        "entity": "child",
                        "record_id": cid,
                        "version": 1,
                        "site_id": site_id,
                        "at": now,
                    }
                )
                index.append({"record_id": cid, **index_values(record)})
            session.execute(insert(Record), records)
            session.execute(insert(ChangeLog), logs)
            session.execute(insert(ChildIndex), index)
        session.commit()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


# ----------------------------------------------------------------------- ours
def duplicate_checks(hq: HQProcess) -> tuple[int, int]:
    """(checks still queued, suspected pairs stored) at head office."""
    with Session(hq.engine) as session:
        left = session.execute(text("SELECT count(*) FROM duplicate_check")).scalar()
        pairs = session.execute(text("SELECT count(*) FROM suspected_duplicate")).scalar()
    return int(left or 0), int(pairs or 0)


def bench_ours(url: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    hq = HQProcess(url, work / "hq-logs")
    hq.start()
    laptops = LaptopFactory(work / "laptops")
    try:
        with CountingProxy(hq.port) as proxy:
            link = proxy.link
            site = hq.site("BENCH1")
            laptop = laptops.new("push")
            laptop.enroll(hq, site, url=proxy.url)
            laptop.sync()  # the site and the cursor, as after any enrollment
            docs = demo_records(args.children, site)
            children = child_ids(docs)
            save_children(laptop, docs)
            # demo_records keeps children with a registration consent: all of them leave.
            sent = len(sync_store.pending_ops(laptop.app.engine, len(docs) + 10))
            assert hq.process is not None
            # CPU accounting reads Linux's /proc; elsewhere the push is timed without it.
            has_proc = Path("/proc/self/stat").exists()
            cpu = CpuMeter(hq.process.pid, proxy.process.pid) if has_proc else None
            report, meter, seconds, wire = timed_round(laptop, link, cpu)
            push_s, push_wire = meter.push()
            assert report.pushed == sent and report.rejected == 0, report
            round_end = meter.start[0] + seconds
            checks_left, pairs = duplicate_checks(hq)
            # Head office serves the checks about a second after the last push: wait for
            # them, to report when staff could see the suspected pairs.
            left = checks_left
            while left and time.perf_counter() - round_end < 120:
                time.sleep(0.2)
                left, pairs = duplicate_checks(hq)
            waited = time.perf_counter() - round_end if checks_left else 0.0
            results["push"] = {
                "children": args.children,
                "records": sent,
                "fields_per_child": len(docs[0][2]),
                "push_seconds": round(push_s, 2),
                "records_per_s": round(sent / push_s, 1),
                "wire_bytes": push_wire,
                "bytes_per_record": round(push_wire / sent, 1),
                # CPU seconds each process used during the push (two cores in all).
                "cpu_seconds": meter.push_cpu(),
                "round_seconds": round(seconds, 2),
                "round_phases": meter.phases(meter.start[0] + seconds),
                "round_wire_bytes": wire,
                "round": {k: v for k, v in report.as_dict().items() if k != "clock_warning"},
                # Head office checks pushed children for duplicates after the push's commits
                # (ss_hq.review.duplicate_queue): still queued when the round ended, pairs found.
                "duplicate_checks_left_after_round": checks_left,
                "duplicate_checks_done_after_round_seconds": round(waited, 1) if not left else None,
                "suspected_pairs": pairs,
            }
            print("ours push", results["push"], flush=True)

            # 2. the 2G link
            slow = demo_records(args.slow_changes // 2, site, skip=args.children)
            save_children(laptop, slow)
            ops = sync_store.pending_ops(laptop.app.engine, len(slow) + 10)
            body = (
                PushRequest(device_id=laptop.app.device_id, batch_id=str(uuid.uuid4()), ops=ops)
                .model_dump_json()
                .encode()
            )
            compressed = len(zstandard.ZstdCompressor(level=6).compress(body))
            floor = compressed * 8 / LINK_BPS
            link.shape(LINK_BPS, LINK_LATENCY_MS)
            try:
                report, meter, seconds, wire = timed_round(laptop, link)
            finally:
                link.shape(0, 0)
            push_s, push_wire = meter.push()
            assert report.pushed == len(ops) and report.rejected == 0, report
            results["link_2g"] = {
                "changes": len(ops),
                "link": f"{LINK_BPS} bit/s each way, {LINK_LATENCY_MS} ms latency each way",
                "compressed_bytes": compressed,
                "floor_seconds": round(floor, 1),
                "push_seconds": round(push_s, 1),
                "push_vs_floor": round(push_s / floor, 2),
                "push_wire_bytes": push_wire,
                "round_seconds": round(seconds, 1),
                "round_vs_floor": round(seconds / floor, 2),
                "round_phases": meter.phases(meter.start[0] + seconds),
                "wire_floor_seconds": round(push_wire * 8 / LINK_BPS, 1),
                "round_wire_bytes": wire,
                "pulled_back": report.pulled,
            }
            print("ours 2G", results["link_2g"], flush=True)

            # 3. incremental sync with many children present
            have = args.children + args.slow_changes // 2  # children at head office
            extra = max(0, args.incremental_children - have)
            # Skip past every child demo_records may have looked at (some lack a consent).
            skip = 2 * have + 100
            seeded = seed_head_office(url, site, demo_children(extra, site, skip=skip))
            pulled = laptop.sync()
            assert pulled.checksum_ok, pulled
            present = len(hq.records("child"))
            samples, rounds = [], []
            for n in range(args.rounds):
                edits = [
                    Change(Entity.CHILD, cid, {"notes": f"bench edit {n}"})
                    for cid in children[n * 10 : n * 10 + 10]
                ]
                laptop.app.writer.save(edits, actor="admin", action="bench")
                report, meter, seconds, wire = timed_round(laptop, link)
                assert report.pushed == 10 and report.checksum_ok, report
                samples.append(seconds * 1000)
                rounds.append(
                    {
                        "seconds": round(seconds, 3),
                        "wire_bytes": wire,
                        **meter.phases(meter.start[0] + seconds),
                    }
                )
            results["incremental"] = {
                "children_present": present,
                "seeded_at_head_office": extra,
                "seed_seconds": round(seeded, 1),
                "first_pull_seconds": round(pulled.seconds, 1),
                "changes": 10,
                "rounds": rounds,
                "round_ms": summary(samples),
            }
            print("ours incremental", results["incremental"], flush=True)
    finally:
        laptops.close_all()
        hq.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--slow-changes", type=int, default=1_000)
    parser.add_argument("--incremental-children", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-pouch", action="store_true")
    parser.add_argument("--skip-ours", action="store_true", help="only the PouchDB part")
    parser.add_argument(
        "--npm-dir", type=Path, help="reuse this /tmp folder for the npm packages (default: new)"
    )
    args = parser.parse_args(argv)
    scratch = scratch_postgres("ss_sync_bench")
    if scratch is None:
        print(NEEDS_POSTGRES)
        return 2
    url = scratch.url
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    work = Path(tempfile.mkdtemp(prefix="ss-bench-sync-"))
    try:
        results: dict[str, Any] = {}
        if not args.skip_ours:
            results["ours"] = bench_ours(url, args, work)
        if args.skip_pouch:
            results["pouchdb"] = {"skipped": "--skip-pouch"}
        else:
            gen_site = "00000000-0000-7000-8000-000000000000"
            results["pouchdb"] = bench_pouch(
                demo_records(args.children, gen_site), work, args.npm_dir
            )
        results["targets"] = targets(results)
        print("targets", results["targets"], flush=True)
        print(f"written {write_result('sync', results)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        scratch.drop()
    return 0


def targets(results: dict[str, Any]) -> dict[str, Any]:
    ours = results.get("ours")
    out: dict[str, Any] = {}
    if ours is None:
        return out
    pouch = results["pouchdb"].get("best")
    if pouch:
        speed = ours["push"]["records_per_s"] / pouch["records_per_s"]
        size = ours["push"]["bytes_per_record"] / pouch["bytes_per_record"]
        out["speed_vs_pouchdb"] = {"ratio": round(speed, 2), "target": ">= 2", "met": speed >= 2}
        cpu = ours["push"].get("cpu_seconds", {}).get("total")
        if cpu:
            # The most the push could reach if every process's work overlapped perfectly on
            # this machine's cores: the records over (CPU seconds / cores).
            ceiling = ours["push"]["records"] / (cpu / (os.cpu_count() or 1))
            out["cpu_ceiling_vs_pouchdb"] = {
                "records_per_s": round(ceiling),
                "ratio": round(ceiling / pouch["records_per_s"], 2),
            }
        out["bytes_vs_pouchdb"] = {"ratio": round(size, 3), "target": "<= 0.5", "met": size <= 0.5}
    ratio = ours["link_2g"]["push_vs_floor"]
    out["push_2g_vs_floor"] = {"ratio": ratio, "target": "<= 1.5", "met": ratio <= 1.5}
    p50 = ours["incremental"]["round_ms"]["p50_ms"]
    out["incremental_p50_ms"] = {"value": p50, "target": "<= 1000", "met": p50 <= 1000}
    return out


if __name__ == "__main__":
    raise SystemExit(main())
