"""The ss-desktop command line, run as a real process (docs/design/interfaces.md)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ss_desktop.config import AppPaths
from tests.fixtures import cli_process
from tests.fixtures.db_access import key_of, raw_connect

PASSWORD = "Tree-house-42"


def run(
    data_dir: Path,
    *args: str,
    password: str = PASSWORD,
    user: str | None = "admin",
) -> subprocess.CompletedProcess[str]:
    """``ss-desktop --data-dir DATA_DIR [--user USER] ARGS`` in its own process
    (tests/fixtures/cli_process.py), the password in the environment."""
    env = {**os.environ, "SS_DESKTOP_PASSWORD": password, "QT_QPA_PLATFORM": "offscreen"}
    argv = ["--data-dir", str(data_dir)]
    if user and args[0] != "init":
        argv += ["--user", user]
    return cli_process.run(argv + list(args), env=env)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "data"
    assert run(data, "init", "--admin", "admin").returncode == 0
    done = run(data, "demo", "--count", "300", "--seed", "7", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["children"] == 300
    return data


def test_stats_reports_children_and_pending_changes(demo_dir: Path) -> None:
    out = run(demo_dir, "stats", "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["children_active"] == 300
    assert stats["pending_changes"] > 300 * 3  # child, guardians, consent, enrollments ...
    assert stats["quarantined"] == 0


def test_search_prints_matches_best_first(demo_dir: Path) -> None:
    out = run(demo_dir, "search", "wang", "--json", "--limit", "5")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)["children"]
    assert 0 < len(found) <= 5
    assert all(c["pinyin"].lower().startswith("wang") for c in found)
    plain = run(demo_dir, "search", "王")
    assert plain.returncode == 0 and "王" in plain.stdout


def test_wrong_password_exits_2_and_changes_nothing(demo_dir: Path) -> None:
    out = run(demo_dir, "stats", "--json", password="not-the-password")
    assert out.returncode == 2
    assert "Wrong user name or password" in out.stderr
    assert "Traceback" not in out.stderr


def test_init_twice_is_refused(demo_dir: Path) -> None:
    out = run(demo_dir, "init", "--admin", "other")
    assert out.returncode == 2 and "already set up" in out.stderr


def test_commands_before_init_say_what_to_do(tmp_path: Path) -> None:
    out = run(tmp_path / "empty", "stats", "--json")
    assert out.returncode == 2 and "ss-desktop init" in out.stderr


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    out = run(tmp_path, "demo", "--count", "many")
    assert out.returncode == 2


def test_weak_password_at_init_is_refused(tmp_path: Path) -> None:
    out = run(tmp_path / "d", "init", "--admin", "admin", password="1234")
    assert out.returncode == 2 and "at least 8" in out.stderr


def test_backup_and_restore_round_trip(demo_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copy.sqlite3"
    assert run(demo_dir, "backup", str(backup)).returncode == 0
    assert run(demo_dir, "backup", str(backup)).returncode == 2  # never overwrites
    restored = run(demo_dir, "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(run(demo_dir, "stats", "--json").stdout)["children_active"] == 300


def test_restore_refuses_a_file_that_is_not_a_backup(demo_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("these are not the data you are looking for")
    out = run(demo_dir, "restore", str(junk), "--yes")
    assert out.returncode == 2 and "not a backup" in out.stderr
    # the data is still there (signing in wrote an audit row, so the file is not byte-equal)
    assert json.loads(run(demo_dir, "stats", "--json").stdout)["children_active"] == 300


@pytest.mark.parametrize("kind", ["text", "foreign", "newer"])
def test_a_database_that_is_not_usable_is_refused_and_untouched(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    if kind == "newer":
        assert run(data, "init", "--admin", "admin").returncode == 0
        paths = AppPaths.resolve(data)
        conn = raw_connect(paths.database, key_of(paths, "admin", PASSWORD))
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
        conn.close()
    else:
        data.mkdir()
        db = data / "registration.sqlite3"
        if kind == "text":
            db.write_text("hello")
        else:
            conn = sqlite3.connect(db)
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
            conn.commit()
            conn.close()
    db = data / "registration.sqlite3"
    before = sha(db)
    out = run(data, "stats", "--json")
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    expected = {
        "text": "not a database of this app",
        "foreign": "not a database of this app",
        "newer": "newer version",
    }[kind]
    assert expected in out.stderr
    assert sha(db) == before


def test_restore_is_refused_while_the_app_is_open(demo_dir: Path, tmp_path: Path) -> None:
    from ss_desktop.startup_checks import InstanceLock

    backup = tmp_path / "copy.sqlite3"
    assert run(demo_dir, "backup", str(backup)).returncode == 0
    lock = InstanceLock(demo_dir)
    assert lock.acquire() is None  # as the running app holds it
    try:
        out = run(demo_dir, "restore", str(backup), "--yes")
    finally:
        lock.release()
    assert out.returncode == 2 and "already open" in out.stderr
    assert "Traceback" not in out.stderr
