"""The operations of the kill campaign (bench/bench_reliability.py) and what is checked after
each kill.

Each operation runs in a child process forked from the campaign (the modules are imported
once; the child opens the data itself, with the app's own services) and is killed with
SIGKILL after a random delay, anywhere from its start to a little past its usual end. Then
the campaign checks, with the app's code and SQLite's own checks:

- the app opens the data (the same checks, schema upgrade and restore completion as at
  sign-in), and ``PRAGMA integrity_check`` says ok;
- nothing that was committed is lost: every save, import batch or backup the child reported
  as done is there, whole (a child with its guardian and consent, or none of them);
- nothing is doubled: change numbers run without a gap or a repeat; after the next sync
  round head office holds each change exactly once and both sides agree (count and
  checksum).

A kill that lands after the operation finished counts as a completed run, not a kill.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ss_desktop.config import AppPaths
from ss_desktop.db import local_users
from ss_desktop.db.engine import connect
from ss_desktop.db.keyring import Keyring
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.opening import open_data

PASSWORD = "Reliability-2026"
Report = Callable[[str], None]


@dataclass
class Trial:
    op: str
    killed: bool  # the child was killed while the operation ran
    lost: int = 0  # committed records (or a whole backup) missing afterwards
    doubled: int = 0  # a change applied or stored twice
    corrupt: int = 0  # integrity check failed, or a file under a final name is unusable
    opened: bool = True  # the app opened the data afterwards
    faults: list[str] = field(default_factory=list)  # what went wrong, in words
    seconds: float = 0.0  # the operation's time, from its start to its end or the kill

    @property
    def ok(self) -> bool:
        return not (self.lost or self.doubled or self.corrupt or self.faults) and self.opened


@dataclass
class ChildRun:
    killed: bool
    lines: list[str]
    seconds: float  # from "go" to the end (or the kill)


def run_child(
    body: Callable[[Report], None],
    delay: float | None,
    *,
    kill: Callable[[], None] | None = None,
    timeout: float = 180,
) -> ChildRun:
    """Fork; the child runs *body(report)* (report("go") when the operation starts); the
    parent kills it with SIGKILL *delay* seconds after "go" (None: let it finish). With
    *kill*, that is called instead (another process dies: head office) and the child is
    left to finish."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        out = os.fdopen(write_fd, "w", buffering=1)
        code = 0
        try:
            body(lambda line: (out.write(line + "\n"), out.flush()))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            out.write(f"error {type(exc).__name__}: {exc}\n")
            out.flush()
            code = 3
        os._exit(code)
    os.close(write_fd)
    lines: list[str] = []
    went = threading.Event()
    started = [0.0]

    def read() -> None:
        with os.fdopen(read_fd) as stream:
            for line in stream:
                if line.strip() == "go" and not went.is_set():
                    started[0] = time.monotonic()
                    went.set()
                lines.append(line.strip())
        went.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    went.wait(timeout)
    killed = False
    if delay is not None:
        deadline = (started[0] or time.monotonic()) + delay
        while time.monotonic() < deadline:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                reader.join(10)
                return ChildRun(False, lines, time.monotonic() - started[0])
            time.sleep(0.002)
        if kill is not None:
            kill()
            killed = True
        else:
            try:
                os.kill(pid, signal.SIGKILL)
                killed = True
            except ProcessLookupError:
                pass
    end = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > end:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines.append("error timeout")
            break
        time.sleep(0.005)
    reader.join(10)
    if killed and kill is None and os.WIFEXITED(status):
        killed = False  # it had finished just before the signal
    return ChildRun(killed, lines, time.monotonic() - started[0])


# -- a laptop's data folder, opened with its key ----------------------------------------------
@dataclass
class Folder:
    paths: AppPaths
    key: bytes

    @classmethod
    def at(cls, path: Path) -> Folder:
        paths = AppPaths.resolve(path)
        return cls(paths, Keyring.load(paths.keyring).unwrap("admin", PASSWORD))

    def open(self) -> tuple[LocalApp, UserSession]:
        """Open as the app does after a password (checks, upgrade, restore completion)."""
        app = LocalApp(self.paths)
        open_data(app, self.key, Keyring.load(self.paths.keyring))
        user = local_users.find_user(app.engine, "admin")
        assert user is not None
        session = UserSession(user.id, user.username, user.display_name, user.role, user.site_ids)
        return app, session

    def integrity(self) -> bool:
        conn = connect(self.paths.database, self.key)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()

    def query(self, sql: str, *args: Any) -> list[tuple]:
        conn = connect(self.paths.database, self.key, read_only=True)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()

    def counts(self) -> dict[str, int]:
        tables = ("child", "guardian", "consent", "outbox", "audit_log", "local_user")
        return {t: self.query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}

    def copy_to(self, target: Path) -> Folder:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.paths.data_dir, target)
        return Folder(AppPaths.resolve(target), self.key)


def outbox_gaps_and_repeats(folder: Folder) -> tuple[int, int]:
    """Change numbers must run 1..n (positive: ready to send; negative: parked until
    consent) with no gap and no repeat."""
    seqs = [row[0] for row in folder.query("SELECT device_seq FROM outbox")]
    repeats = len(seqs) - len(set(seqs))
    gaps = 0
    for side in ([s for s in seqs if s > 0], sorted(-s for s in seqs if s < 0)):
        ordered = sorted(set(side))
        gaps += (ordered[-1] - len(ordered)) if ordered else 0
    return gaps, repeats


def check_opens(folder: Folder, trial: Trial) -> None:
    try:
        app, _session = folder.open()
        app.close()
    except Exception as exc:  # noqa: BLE001 - recorded as a finding
        trial.opened = False
        trial.faults.append(f"does not open: {type(exc).__name__}: {exc}")
        return
    if not folder.integrity():
        trial.corrupt += 1
        trial.faults.append("integrity_check failed")


def rng_child(site_id: str, rng: random.Random) -> Any:
    from tests.integration.harness import child_form

    return child_form(site_id, rng)
