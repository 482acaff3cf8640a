"""Builders for the laptop <-> head-office tests: the server process, laptops, fake data."""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select
from stdnum.cn import ric

from ss_core.protocol.hlc import system_ms
from ss_core.protocol.wire import scope_checksum
from ss_desktop.config import AppPaths
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.setup import initialize
from ss_desktop.services.sync import SyncService
from ss_desktop.services.unlock import unlock
from ss_desktop.sync.retry import RetryPolicy
from ss_hq.admin.site_service import add_site
from ss_hq.core.db import make_engine
from ss_hq.core.models import AppliedOp, Device, Record
from ss_hq.sync.device_service import create_enrollment_code
from ss_hq.sync.pull_service import scope_records
from tests.fixtures import cli_process, hq_server
from tests.fixtures.warm_fork import Handle

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Tree-house-42"
_site_numbers = itertools.count(1)

SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
GIVEN = ["小明", "雨涵", "子轩", "欣怡", "浩然", "梓涵", "俊杰", "诗琪", "宇航", "佳怡"]


def fake_id_number(rng: random.Random, dob: date, male: bool) -> str:
    body = f"310115{dob:%Y%m%d}{rng.randint(10, 99)}{rng.choice('13579' if male else '02468')}"
    return body + ric.calc_check_digit(body + "0")


def child_form(site_id: str, rng: random.Random | None = None, **over: Any) -> ChildForm:
    rng = rng or random.Random()
    male = rng.random() < 0.5
    dob = date(2012 + rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28))
    fields = {
        "surname": rng.choice(SURNAMES),
        "given_name": rng.choice(GIVEN),
        "gender": 1 if male else 2,
        "dob": dob.isoformat(),
        "dob_precision": "exact",
        "id_number": fake_id_number(rng, dob, male),
        "site_id": site_id,
        "stage": "primary",
        "grade": rng.randint(1, 6),
        "categories": ["migrant"],
    }
    fields.update(over)
    guardians = [
        {
            "name": "李秀英",
            "relationship": "mother",
            "is_legal_guardian": True,
            "phone": f"139{rng.randint(10_000_000, 99_999_999)}",
        }
    ]
    # PIPL: a child's record syncs only with a registration consent (ss_desktop.db.consent_gate)
    consents = [
        {
            "giver_name": "李秀英",
            "giver_relationship": "mother",
            "giver_role": "legal_guardian",
            "method": "paper_signed",
            "given_on": "2025-09-01",
            "scopes": ["registration"],
        }
    ]
    return ChildForm(fields, guardians, consents)


class HQProcess:
    """``ss-hq serve`` on a free loopback port (tests/fixtures/hq_server.py), plus direct
    database access."""

    def __init__(self, database_url: str, log_dir: Path) -> None:
        self.database_url = database_url
        self.log_dir = log_dir
        self.port = hq_server.free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: Handle | None = None
        self.engine = make_engine(database_url)

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / "server.log"
        self.process = hq_server.start(self.database_url, self.port, log_path)
        try:
            hq_server.wait_until_up(self.url, self.process, log_path)
        except RuntimeError:
            self.process = None
            raise

    def stop(self) -> None:
        if self.process is not None:
            hq_server.stop(self.process)
            self.process = None

    def close(self) -> None:
        self.stop()
        self.engine.dispose()

    # -- head office's data -------------------------------------------------------------
    def site(self, code: str | None = None) -> str:
        code = code or f"S{next(_site_numbers):04d}"
        with Session(self.engine) as session:
            return add_site(
                session,
                code=code,
                name=f"学校 {code}",
                site_type="migrant_school",
                division="310115",
            ).id

    def code(self, *site_ids: str, lifetime_ms: int = 3_600_000, now: int | None = None) -> str:
        with Session(self.engine) as session:
            return create_enrollment_code(
                session, list(site_ids), now=now or system_ms(), lifetime_ms=lifetime_ms
            )

    def records(self, entity: str = "child") -> dict[str, Record]:
        with Session(self.engine) as session:
            rows = session.exec(select(Record).where(Record.entity == entity)).all()
            return {r.id: r for r in rows}

    def applied_count(self, device_id: str | None = None) -> int:
        with Session(self.engine) as session:
            query = select(AppliedOp)
            if device_id:
                query = query.where(col(AppliedOp.device_id) == device_id)
            return len(session.exec(query).all())

    def devices(self) -> dict[str, Device]:
        with Session(self.engine) as session:
            return {d.id: d for d in session.exec(select(Device)).all()}

    def applied_seqs(self, device_id: str) -> list[int]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(AppliedOp.device_seq).where(col(AppliedOp.device_id) == device_id)
            ).all()
            return sorted(int(r) for r in rows)

    def checksum(self, sites: list[str]) -> tuple[int, str]:
        with Session(self.engine) as session:
            return scope_checksum(scope_records(session, set(sites)))

    def revoke(self, device_id: str) -> None:
        with Session(self.engine) as session:
            device = session.get(Device, device_id)
            assert device is not None
            device.revoked_at = system_ms()
            session.add(device)
            session.commit()


class RestorableHQ(HQProcess):
    """Head office on a SQLite file that can be backed up and restored (SQLite's backup API),
    as after a restore drill."""

    def __init__(self, path: Path, log_dir: Path) -> None:
        super().__init__(f"sqlite:///{path}", log_dir)
        self.path = path

    def backup(self, target: Path) -> None:
        with closing(sqlite3.connect(self.path)) as source, closing(sqlite3.connect(target)) as to:
            source.backup(to)

    def restore(self, source: Path) -> None:
        """Stop, put the backup back, start again (same address)."""
        running = self.process is not None
        self.stop()
        self.engine.dispose()
        with closing(sqlite3.connect(source)) as backup, closing(sqlite3.connect(self.path)) as db:
            backup.backup(db)
        if running:
            self.start()


@dataclass
class Laptop:
    name: str
    paths: AppPaths
    app: LocalApp
    session: UserSession

    @property
    def children(self) -> ChildrenService:
        return ChildrenService(self.app, self.session)

    def sync_service(self, **kw: Any) -> SyncService:
        """*give_up_after*: seconds without progress before a round gives up (tests that
        expect a failure make it short)."""
        kw.setdefault("stall_seconds", 10.0)
        give_up_after = kw.pop("give_up_after", None)
        if give_up_after is not None:
            kw["retry"] = RetryPolicy(
                give_up_after=give_up_after, link_delay=0.05, backoff_base=0.1
            )
        return SyncService(self.app, self.session, **kw)

    def sync(self, **kw: Any):
        attempts = kw.pop("attempts", 1)
        return self.sync_service(**kw).sync_round(attempts=attempts, sleep=lambda s: None)

    def enroll(self, hq: HQProcess, *site_ids: str, url: str | None = None) -> str:
        result = self.sync_service().enroll(url or hq.url, hq.code(*site_ids))
        return result.device_id

    def register(self, site_id: str, rng: random.Random | None = None, **over: Any) -> str:
        return self.children.register(child_form(site_id, rng, **over)).child_id

    def register_many(
        self,
        site_id: str,
        count: int,
        seed: int = 0,
        *,
        vary: Callable[[random.Random], dict[str, Any]] | None = None,
    ) -> list[str]:
        """*count* children of *site_id*, each with a guardian and a registration consent
        (three changes each), saved through the write path in batches (its fast path for
        many new records). *vary(rng)* gives fields to set on each child. Returns the
        children's ids."""
        from ss_core.protocol.ids import new_id
        from ss_core.protocol.wire import Entity
        from ss_desktop.db.write import Change

        rng = random.Random(seed)
        ids: list[str] = []
        batch: list[Change] = []
        for _ in range(count):
            form = child_form(site_id, rng, **(vary(rng) if vary else {}))
            child_id = new_id()
            ids.append(child_id)
            batch.append(Change(Entity.CHILD, child_id, form.fields))
            batch += [
                Change(Entity.GUARDIAN, None, {**g, "child_id": child_id}) for g in form.guardians
            ]
            batch += [
                Change(Entity.CONSENT, None, {**c, "child_id": child_id}) for c in form.consents
            ]
            if len(batch) >= 1500:
                self.app.writer.save(batch, actor="admin", action="register")
                batch = []
        if batch:
            self.app.writer.save(batch, actor="admin", action="register")
        return ids

    def cli(self, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        """``ss-desktop --data-dir ... --user admin ARGS`` in its own process, as a volunteer
        runs it (tests/fixtures/cli_process.py; close ``self.app`` first if the command
        writes)."""
        env = {**os.environ, "SS_DESKTOP_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
        argv = ["--data-dir", str(self.paths.data_dir), "--user", "admin", *args]
        return cli_process.run(argv, env=env, timeout=timeout)

    def child_rows(self) -> dict[str, dict[str, Any]]:
        """id -> synced values of every child (what a user would see)."""
        with self.app.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            rows = cur.execute(
                "SELECT id, surname, given_name, grade, status, class_name, notes, deleted,"
                " server_version FROM child"
            ).fetchall()
        names = [
            "surname",
            "given_name",
            "grade",
            "status",
            "class_name",
            "notes",
            "deleted",
            "server_version",
        ]
        return {r[0]: dict(zip(names, r[1:], strict=True)) for r in rows}

    def pending(self) -> int:
        with self.app.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            return cur.execute("SELECT count(*) FROM outbox WHERE acked = 0").fetchone()[0]

    def outbox_fields(self) -> list[str]:
        """The fields (JSON text) of every change in the outbox, sent or not."""
        with self.app.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            return [r[0] for r in cur.execute("SELECT fields FROM outbox")]

    def outbox_seqs(self) -> list[int]:
        with self.app.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            return [r[0] for r in cur.execute("SELECT device_seq FROM outbox ORDER BY 1")]

    def quarantine(self) -> list[tuple[int, str]]:
        with self.app.engine.connect() as conn:
            cur = conn.connection.driver_connection.cursor()
            return cur.execute("SELECT device_seq, reason FROM quarantine").fetchall()


class LaptopFactory:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: list[Laptop] = []

    def new(self, name: str | None = None, *, now_ms: Any = None) -> Laptop:
        name = name or f"laptop{len(self.made) + 1}"
        paths = AppPaths.resolve(self.root / name)
        app = initialize(paths, admin="admin", password=PASSWORD)
        if now_ms is not None:
            app.close()
            app = open_with_clock(paths, now_ms)
        session = Accounts(app).sign_in("admin", PASSWORD)
        laptop = Laptop(name, paths, app, session)
        self.made.append(laptop)
        return laptop

    def reopen(self, laptop: Laptop, *, now_ms: Any = None) -> Laptop:
        laptop.app.close()
        if now_ms:
            laptop.app = open_with_clock(laptop.paths, now_ms)
            laptop.session = Accounts(laptop.app).sign_in("admin", PASSWORD)
        else:
            laptop.app, laptop.session = unlock(laptop.paths, "admin", PASSWORD)
        return laptop

    def close_all(self) -> None:
        for laptop in self.made:
            laptop.app.close()


def open_with_clock(paths: AppPaths, now_ms: Any) -> LocalApp:
    """A LocalApp whose clock reads *now_ms* (a laptop with a wrong system clock)."""
    from ss_desktop.db.write import load_clock

    app, _session = unlock(paths, "admin", PASSWORD)
    app.use_clock(load_clock(app.engine, app.device_id, now_ms=now_ms))
    return app
