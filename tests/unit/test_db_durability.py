"""Kill -9 right after save returns: the child, its outbox row and audit row survive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ss_desktop.db.migrate import open_database
from tests.fixtures.db_access import raw_connect

# Forks one saver per save and kills it with SIGKILL: Windows has neither. The same
# durability on Windows rests on SQLite's own (synchronous=FULL, FlushFileBuffers).
pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="POSIX only: os.fork, SIGKILL"
)

REPETITIONS = 50
ROOT = Path(__file__).resolve().parents[2]

# Imports once, then forks one saver process per child id read from stdin: each fork opens
# its own engine, saves through ChangeWriter, prints "saved <id> <pid>" and waits to be killed.
# (Forking keeps 50 repetitions fast; the process killed is still one that just saved.)
SAVER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from ss_core.protocol.wire import Entity
    from ss_desktop.db.engine import make_engine
    from ss_desktop.db.write import Change, ChangeWriter, load_clock

    device = "0190a000-0000-7000-8000-0000000000dd"
    site = sys.argv[2]
    for line in sys.stdin:
        child_id = line.strip()
        pid = os.fork()
        if pid == 0:
            engine = make_engine(Path(sys.argv[1]), bytes.fromhex(sys.argv[3]))
            writer = ChangeWriter(engine, load_clock(engine, device), device)
            writer.save([Change(Entity.CHILD, child_id, {
                "surname": "李", "given_name": "明", "gender": 1, "dob": "2015-06-01",
                "site_id": site})], actor="durability")
            print("saved", child_id, os.getpid(), flush=True)
            time.sleep(60)
            os._exit(0)
        os.waitpid(pid, 0)
    """
)


def test_sigkill_after_save_loses_nothing(tmp_path):
    from ss_core.protocol.ids import new_id
    from tests.fixtures.fake_children import TEST_KEY, add_site, make_writer

    path = tmp_path / "ss.sqlite"
    engine = open_database(path, TEST_KEY, backup_dir=tmp_path / "b")
    site = add_site(make_writer(engine))
    engine.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    saved: list[str] = []
    server = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path), site, TEST_KEY.hex()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        for _ in range(REPETITIONS):
            child_id = new_id()
            server.stdin.write(child_id + "\n")
            server.stdin.flush()
            word, said_id, pid = server.stdout.readline().split()
            os.kill(int(pid), signal.SIGKILL)  # the moment "saved" is read
            assert (word, said_id) == ("saved", child_id)
            saved.append(child_id)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        server.stdout.close()

    conn = raw_connect(path, TEST_KEY)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    marks = ",".join("?" * len(saved))
    assert (
        conn.execute(f"SELECT count(*) FROM child WHERE id IN ({marks})", saved).fetchone()[0]
        == REPETITIONS
    )
    assert (
        conn.execute(
            f"SELECT count(*) FROM outbox WHERE entity = 'child' AND record_id IN ({marks})", saved
        ).fetchone()[0]
        == REPETITIONS
    )
    assert (
        conn.execute(
            f"SELECT count(*) FROM audit_log WHERE record_id IN ({marks})", saved
        ).fetchone()[0]
        == REPETITIONS
    )
    # The children have no consent yet, so their changes are parked under negative numbers
    # (not pushed until consent is recorded); each sequence has no gap and no number twice.
    seqs = [r[0] for r in conn.execute("SELECT device_seq FROM outbox ORDER BY device_seq")]
    sent = [s for s in seqs if s > 0]
    parked = sorted(-s for s in seqs if s < 0)
    assert sent == list(range(1, len(sent) + 1))  # the site
    assert parked == list(range(1, REPETITIONS + 1))
    conn.close()
