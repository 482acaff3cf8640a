"""The kill campaign's sync kinds: a round killed on the laptop's side (the writer while it
pushes, the reader while it pulls) and on head office's side (``ss-hq serve`` killed while a
laptop pushes, then started again on the same database). After each, the next rounds must
leave both laptops and head office in agreement with every change applied exactly once.
"""

from __future__ import annotations

import random
import signal
import sqlite3
from pathlib import Path
from typing import Any

from bench.reliability_kinds import errors_of
from bench.reliability_ops import (
    PASSWORD,
    Folder,
    Report,
    Trial,
    check_opens,
    outbox_gaps_and_repeats,
    rng_child,
    run_child,
)
from ss_desktop.config import AppPaths
from ss_desktop.services.accounts import Accounts
from ss_desktop.sync.retry import RetryPolicy

# -- a sync round --------------------------------------------------------------------------
# A round with head office gone gives up after 10 s without progress (3 min by default).
PATIENCE = RetryPolicy(give_up_after=10)


class SyncWorld:
    """Head office (a real ``ss-hq serve``) and two laptops of one site: one registers
    children and pushes them, the other only pulls."""

    RENEW_EVERY = 20  # trials: every round compares all records, so the data is kept small

    def __init__(self, root: Path, hq_url: str | None = None) -> None:
        self.base = root
        self.hq_url = hq_url
        self.generation = 0
        self.trials = 0
        self._build()

    def _build(self) -> None:
        from tests.integration.harness import HQProcess

        self.generation += 1
        self.root = root = self.base / f"world-{self.generation}"
        self.hq_file = root / "hq.sqlite3"
        url = self.hq_url or f"sqlite:///{self.hq_file}"
        self.hq = HQProcess(url, root / "hq-logs")
        self.start_head_office()
        self.site = self.hq.site(f"KILL-{self.generation}")
        self.writer, self.device = self._laptop("writer")
        self.reader, _device = self._laptop("reader")

    def begin_trial(self) -> None:
        """A new head office and laptops every RENEW_EVERY trials (on SQLite: a database
        named by --hq-db keeps what it has, so its world is not renewed)."""
        self.trials += 1
        if self.hq_url is None and self.trials % self.RENEW_EVERY == 0:
            self.hq.close()
            self._build()

    def start_head_office(self, tries: int = 3) -> None:
        """Start ``ss-hq serve`` (again): a busy machine may need more than one wait."""
        for attempt in range(tries):
            try:
                self.hq.start()
                return
            except RuntimeError:
                if attempt == tries - 1:
                    raise

    def _laptop(self, name: str) -> tuple[Folder, str]:
        """A laptop enrolled with head office; its device id there."""
        from ss_desktop.services.setup import initialize
        from ss_desktop.services.sync import SyncService

        paths = AppPaths.resolve(self.root / name)
        app = initialize(paths, admin="admin", password=PASSWORD)
        try:
            session = Accounts(app).sign_in("admin", PASSWORD)
            enrolled = SyncService(app, session).enroll(self.hq.url, self.hq.code(self.site))
        finally:
            app.close()
        return Folder.at(paths.data_dir), enrolled.device_id

    def register(self, count: int, rng: random.Random) -> None:
        from ss_desktop.services.children import ChildrenService
        from ss_desktop.services.errors import ServiceError

        app, session = self.writer.open()
        try:
            service = ChildrenService(app, session)
            for _ in range(count):
                form = rng_child(self.site, rng)
                try:
                    service.register(form)
                except ServiceError as exc:  # a random ID number drawn twice in a long campaign
                    if exc.code != "duplicate.id_number_needs_reason":
                        raise
                    service.register(form, duplicate_reason="twins")
        finally:
            app.close()

    def round(self, folder: Folder) -> Any:
        from ss_desktop.services.sync import SyncService

        app, session = folder.open()
        try:
            return SyncService(app, session, stall_seconds=10, retry=PATIENCE).sync_round()
        finally:
            app.close()

    def hq_integrity(self) -> bool:
        if not self.hq_file.exists():
            return True  # PostgreSQL: crash-safe by its own log
        conn = sqlite3.connect(self.hq_file)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()

    def agree(self, trial: Trial) -> None:
        """The next rounds: both laptops and head office agree, every change once."""
        try:
            reports = [self.round(f) for f in (self.writer, self.reader, self.writer)]
        except Exception as exc:  # noqa: BLE001 - a fault of the trial, not of the campaign
            trial.faults.append(f"the rounds after the kill failed: {exc}")
            return
        for report in reports[1:]:
            if report.pending or report.rejected or report.checksum_ok is not True:
                trial.faults.append(
                    f"after the next round: pending {report.pending}, rejected "
                    f"{report.rejected}, checksum {report.checksum_ok}"
                )
        seqs = self.hq.applied_seqs(self.device)
        last = self.writer.query("SELECT max(device_seq) FROM outbox")[0][0] or 0
        trial.doubled += len(seqs) - len(set(seqs))
        trial.lost += len(set(range(1, last + 1)) - set(seqs))
        mine = {r[0] for r in self.writer.query("SELECT id FROM child")}
        theirs = set(self.hq.records("child"))
        pulled = {r[0] for r in self.reader.query("SELECT id FROM child")}
        trial.lost += len(mine - theirs) + len(theirs - pulled)
        for folder in (self.writer, self.reader):
            gaps, repeats = outbox_gaps_and_repeats(folder)
            trial.doubled += repeats

    def close(self) -> None:
        self.hq.close()


class SyncLaptopKind:
    """The laptop's ``sync`` killed: the writer while it pushes, the reader while it pulls."""

    name = "sync-laptop"

    def __init__(self, world: SyncWorld) -> None:
        self.world = world
        self.turn = 0

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        world = self.world
        world.begin_trial()
        world.register(rng.randint(5, 25), rng)
        self.turn += 1
        if self.turn % 2:
            folder = world.writer
        else:
            world.round(world.writer)  # something to pull
            world.register(rng.randint(5, 25), rng)
            world.round(world.writer)
            folder = world.reader

        def body(report: Report) -> None:
            from ss_desktop.services.sync import SyncService

            app, session = folder.open()
            report("go")
            SyncService(app, session, stall_seconds=10, retry=PATIENCE).sync_round()
            report("synced")

        run = run_child(body, delay)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        check_opens(folder, trial)
        world.agree(trial)
        return trial


class SyncHeadOfficeKind:
    """``ss-hq serve`` killed while a laptop's round runs; started again on the same data."""

    name = "sync-head-office"

    def __init__(self, world: SyncWorld) -> None:
        self.world = world

    def trial(self, rng: random.Random, delay: float | None) -> Trial:
        world = self.world
        world.begin_trial()
        world.register(rng.randint(10, 40), rng)
        folder = world.writer

        def body(report: Report) -> None:
            from ss_desktop.services.sync import SyncService

            app, session = folder.open()
            report("go")
            try:
                SyncService(app, session, stall_seconds=10, retry=PATIENCE).sync_round()
                report("synced")
            except Exception as exc:  # noqa: BLE001 - head office went away: expected
                report(f"failed {type(exc).__name__}")

        def kill_head_office() -> None:
            assert world.hq.process is not None
            world.hq.process.send_signal(signal.SIGKILL)
            world.hq.process.wait(timeout=60)  # gone before anyone checks whether it runs

        run = run_child(body, delay, kill=kill_head_office if delay is not None else None)
        trial = Trial(self.name, run.killed, seconds=run.seconds)
        errors_of(run.lines, trial)
        if world.hq.process is not None and world.hq.process.poll() is not None:
            world.hq.process = None
            if not world.hq_integrity():
                trial.corrupt += 1
                trial.faults.append("head office's database fails integrity_check")
            world.start_head_office()
        check_opens(folder, trial)
        world.agree(trial)
        return trial
