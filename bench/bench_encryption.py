"""Encryption at rest: the cost of opening the encrypted database (key derivation included)
and of searching it, against the same data unencrypted, in the same run.

    .venv/bin/python -m bench.bench_encryption --children 100000
    .venv/bin/python -m bench.bench_encryption --data-dir D --user admin   # reuse a folder

The unencrypted twin is an exact copy made with ``sqlcipher_export`` (same pages, same
indexes). Opening = ``unlock`` as the sign-in dialog calls it: read the key file,
Argon2id of the password, unwrap the key, open and check the database, load the device
identity and the clock, record the sign-in. Search = the app's search (ChildrenService) over
the 20 queries of bench_foundation, both databases interleaved query by query.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_foundation import QUERIES
from bench.common import percentile, summary, timed_ms, write_result

PASSWORD = "Bench-password-2026"


def make_folder(root: Path, children: int) -> tuple[Path, str, str]:
    from ss_desktop.config import AppPaths
    from ss_desktop.demo import DemoService
    from ss_desktop.services.accounts import Accounts
    from ss_desktop.services.setup import initialize

    paths = AppPaths.resolve(root / "encrypted")
    app = initialize(paths, admin="admin", password=PASSWORD)
    session = Accounts(app).sign_in("admin", PASSWORD)
    report = DemoService(app, session).populate(children, seed=1)
    print(f"made {report.children} children in {report.seconds:.0f} s", flush=True)
    app.close()
    return paths.data_dir, "admin", PASSWORD


def plain_twin(encrypted: Path, key: bytes, target: Path) -> None:
    from ss_desktop.db.engine import connect
    from ss_desktop.db.migrate import checkpoint

    checkpoint(encrypted, key)
    conn = connect(encrypted, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument(
        "--data-dir",
        help="an existing data folder (its database is not changed except for sign-in audit rows)",
    )
    parser.add_argument("--user", default="admin")
    parser.add_argument("--opens", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    password = os.environ.get("SS_DESKTOP_PASSWORD", PASSWORD)

    from ss_desktop.config import AppPaths
    from ss_desktop.db.keyring import Keyring
    from ss_desktop.services.app import LocalApp
    from ss_desktop.services.children import ChildrenService
    from ss_desktop.services.opening import open_data
    from ss_desktop.services.unlock import unlock

    with tempfile.TemporaryDirectory(prefix="ss-bench-enc-") as tmp:
        root = Path(tmp)
        if args.data_dir:
            data_dir, user = Path(args.data_dir), args.user
        else:
            data_dir, user, password = make_folder(root, args.children)
        paths = AppPaths.resolve(data_dir)

        keyring = Keyring.load(paths.keyring)
        derive_ms = [timed_ms(lambda: keyring.unwrap(user, password)) for _ in range(args.opens)]
        open_ms: list[float] = []
        for _ in range(args.opens):
            start = time.perf_counter()
            opened, _session = unlock(paths, user, password)
            open_ms.append((time.perf_counter() - start) * 1000)
            opened.close()
        print(
            f"open incl. key derivation: p50 {percentile(open_ms, 50):.0f} ms, "
            f"p95 {percentile(open_ms, 95):.0f} ms (Argon2id alone p50 "
            f"{percentile(derive_ms, 50):.0f} ms)",
            flush=True,
        )

        app, session = unlock(paths, user, password)
        plain_paths = AppPaths.resolve(root / "plain")
        plain_paths.ensure()
        plain_twin(paths.database, app.key or b"", plain_paths.database)
        plain = LocalApp(plain_paths)
        open_data(plain, None, None)
        services = {
            "encrypted": ChildrenService(app, session),
            "plain": ChildrenService(plain, session),
        }
        cold = {
            name: sum(timed_ms(lambda s=s, q=q: s.search(q, limit=50)) for q in QUERIES)
            for name, s in services.items()
        }
        samples: dict[str, list[float]] = {name: [] for name in services}
        for _ in range(args.rounds):
            for q in QUERIES:
                for name, service in services.items():
                    samples[name].append(timed_ms(lambda s=service, q=q: s.search(q, limit=50)))
        hits = {q: len(services["encrypted"].search(q, limit=50).rows) for q in QUERIES}
        same = all(
            [r.id for r in services["encrypted"].search(q, limit=50).rows]
            == [r.id for r in services["plain"].search(q, limit=50).rows]
            for q in QUERIES
        )
        with app.engine.connect() as conn:
            children = conn.exec_driver_sql("SELECT count(*) FROM child").scalar()
        app.close()
        plain.close()

    enc, pln = samples["encrypted"], samples["plain"]
    ratio_p95 = percentile(enc, 95) / percentile(pln, 95)
    ratio_mean = statistics.fmean(enc) / statistics.fmean(pln)
    print(
        f"search p95: encrypted {percentile(enc, 95):.1f} ms, plain {percentile(pln, 95):.1f} ms "
        f"(x{ratio_p95:.2f}); mean x{ratio_mean:.2f}; first pass over the 20 queries "
        f"{cold['encrypted']:.0f} ms vs {cold['plain']:.0f} ms; same results: {same}"
    )
    write_result(
        "encryption",
        {
            "children": children,
            "open_including_kdf": summary(open_ms),
            "argon2id_unwrap": summary(derive_ms),
            "search_encrypted": summary(enc),
            "search_plain": summary(pln),
            "search_ratio_p95": round(ratio_p95, 3),
            "search_ratio_mean": round(ratio_mean, 3),
            "first_pass_ms": {k: round(v, 1) for k, v in cold.items()},
            "same_results": same,
            "hits": hits,
        },
    )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
