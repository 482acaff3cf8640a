"""Staff sign-in answer times by kind of attempt (issue 18; results in bench/results/signin.json).

    .venv/bin/python -m bench.bench_signin [--rounds 40]

Head office's app (SQLite file, migrated) served in process; each round posts the sign-in
form once for each kind, in a shuffled order: a wrong password for a known account, a name
that does not exist, a disabled account, a locked account (right password), and the right
password (then signs out). Reported per kind: p50/p95 of the answer time, and the largest
difference between the medians of the failing kinds (what an attacker could measure).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from bench.common import summary, write_result
from ss_hq.app import create_app
from ss_hq.core.db import make_engine
from ss_hq.core.migrate import upgrade
from ss_hq.core.models import StaffUser
from ss_hq.core.settings import HQSettings
from tests.hq.test_web_support import PASSWORD, add_staff, csrf_from

KINDS = ("wrong password", "unknown name", "disabled", "locked", "right password")
ACCOUNT = {
    "wrong password": ("known", "not-the-password"),
    "unknown name": ("nobody-by-this-name", PASSWORD),
    "disabled": ("disabled", PASSWORD),
    "locked": ("locked", PASSWORD),
    "right password": ("known", PASSWORD),
}


def _post(client: TestClient, username: str, password: str) -> tuple[float, int]:
    token = csrf_from(client.get("/login").text)
    started = time.perf_counter()
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    took = (time.perf_counter() - started) * 1000
    if response.status_code == 303:
        client.cookies.clear()
    return took, response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-signin-"))
    url = f"sqlite:///{folder / 'hq.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    for name in ("known", "disabled", "locked"):
        add_staff(engine, name, "staff")
    with Session(engine) as session:
        user = session.exec(select(StaffUser).where(StaffUser.username == "disabled")).one()
        user.disabled = True
        session.add(user)
        session.commit()
    app = create_app(HQSettings(database_url=url, keys_dir=folder / "keys"), engine=engine)
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    rng = random.Random(18)
    with TestClient(app) as client:
        for _ in range(5):
            _post(client, "locked", "wrong")  # five failures lock it
        for _ in range(args.rounds):
            # Keep the lock on (15 minutes from its last failure).
            with Session(engine) as session:
                user = session.exec(select(StaffUser).where(StaffUser.username == "locked")).one()
                user.locked_until = int(time.time() * 1000) + 15 * 60_000
                session.add(user)
                session.commit()
            order = list(KINDS)
            rng.shuffle(order)
            for kind in order:
                took, status = _post(client, *ACCOUNT[kind])
                assert status == (303 if kind == "right password" else 401), (kind, status)
                samples[kind].append(took)
    results = {kind: summary(values) for kind, values in samples.items()}
    failing = [results[k]["p50_ms"] for k in KINDS if k != "right password"]
    payload = {
        "rounds": args.rounds,
        "kinds": results,
        "largest_median_gap_between_failures_ms": round(max(failing) - min(failing), 2),
    }
    path = write_result("signin", payload)
    for kind, result in results.items():
        print(f"{kind:16} p50 {result['p50_ms']:7.1f} ms  p95 {result['p95_ms']:7.1f} ms")
    print(
        f"largest median gap between failing kinds: {payload['largest_median_gap_between_failures_ms']} ms"
    )
    print(f"written to {path}")


if __name__ == "__main__":
    main()
