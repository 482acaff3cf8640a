"""The children search of two versions of the app on the same data, at the same time.

    .venv/bin/python -m bench.compare_search --data-dir D --old-src OLD [--old-revision 0006]

D: a data folder of this version (`ss-desktop init` + `demo`, its admin's password in
SS_DESKTOP_PASSWORD). OLD: a checkout of the earlier version (`git worktree add OLD <commit>`).
A copy of D is downgraded to *old-revision* (the schema, and its search index, as that version
kept them) and read by OLD's code; D is read by this code. Each version runs in its own
processes, alternately (--processes each), so both meet the same load on a shared machine:
each warms its cache with one pass over the 20 typical queries of bench_foundation, then
times --rounds passes. Prints and writes the p50 and p95 of each version and per query
(bench/results/compare_search.json).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import percentile, summary, write_result

ROOT = Path(__file__).resolve().parent.parent

# Run inside each process (with that version's code first on sys.path).
PROBE = """
import json, sys, time
import ss_desktop
from ss_desktop.config import AppPaths
from ss_desktop.services.unlock import unlock
from ss_desktop.services.children import ChildrenService
folder, user, password, rounds, queries = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
app, session = unlock(AppPaths.resolve(folder), user, password)
service = ChildrenService(app, session)
for q in queries:
    service.search(q, limit=50)
out = {q: [] for q in queries}
for _ in range(rounds):
    for q in queries:
        start = time.perf_counter()
        service.search(q, limit=50)
        out[q].append((time.perf_counter() - start) * 1000)
app.close()
print(json.dumps({"code": ss_desktop.__file__, "samples": out}))
"""

DOWNGRADE = """
import sys
from alembic import command
from ss_desktop.config import AppPaths
from ss_desktop.db.migrate import alembic_config
from ss_desktop.services.unlock import unlock
app, _ = unlock(AppPaths.resolve(sys.argv[1]), sys.argv[2], sys.argv[3])
with app.engine.connect() as conn:
    command.downgrade(alembic_config(conn), sys.argv[4])
    conn.commit()
app.close()
"""


def run(code: str, src: Path, *args: str) -> str:
    """*code* with *src*'s packages first on the path (``python -c`` puts the working folder
    first: run it in *src*)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=src,
        check=True,
    )
    return done.stdout


def main() -> None:
    from bench.bench_foundation import QUERIES

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--old-src", required=True)
    parser.add_argument("--old-revision", default="0006")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    password = os.environ["SS_DESKTOP_PASSWORD"]
    old_src = Path(args.old_src).resolve()
    samples: dict[str, dict[str, list[float]]] = {"old": {}, "new": {}}
    with tempfile.TemporaryDirectory(prefix="ss-compare-") as tmp:
        old_data = Path(tmp) / "old"
        shutil.copytree(args.data_dir, old_data)
        run(DOWNGRADE, ROOT, str(old_data), args.user, password, args.old_revision)
        for _ in range(args.processes):
            for name, src, folder in (
                ("old", old_src, old_data),
                ("new", ROOT, Path(args.data_dir)),
            ):
                got = json.loads(
                    run(
                        PROBE,
                        src,
                        str(folder),
                        args.user,
                        password,
                        str(args.rounds),
                        json.dumps(QUERIES, ensure_ascii=False),
                    )
                )
                if not Path(got["code"]).resolve().is_relative_to(src):
                    raise SystemExit(f"the {name} version ran {got['code']}, not {src}'s code")
                for query, values in got["samples"].items():
                    samples[name].setdefault(query, []).extend(values)
    result = {}
    for name, per_query in samples.items():
        every = [v for values in per_query.values() for v in values]
        result[name] = {
            "overall": summary(every),
            "per_query": {q: summary(v) for q, v in per_query.items()},
        }
        print(
            f"{name}: p95 {percentile(every, 95):.1f} ms, p50 {percentile(every, 50):.1f} ms"
            f" over {len(every)} searches"
        )
    write_result("compare_search", result)


if __name__ == "__main__":
    main()
