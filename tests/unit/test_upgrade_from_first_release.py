"""Upgrading a laptop of the first release: its data folder opens with today's app.

The folder is what the first release (schema revision 0001) left on a laptop: the committed
``tests/fixtures/desktop_rev1.sqlite`` (a site, three children with guardians), an account
made by that release, and its ``settings.json`` — an unencrypted database. At the first
sign-in with the current code, the database is copied to the backup folder, migrated, then
encrypted in place (an encrypted backup replaces every plain copy); the children, the
account, the password and the settings survive, and the app's own services find the old children, by characters,
pinyin, initials and ID number. The same check against the frozen build runs when
``dist/ss-desktop`` exists (``make dist``), and in ``scripts/smoke_frozen.sh``.

    python -m tests.unit.test_upgrade_from_first_release DIR   # writes such a folder to DIR
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from ss_desktop.config import AppPaths
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.db.migrate import is_plaintext
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.errors import SignInError
from ss_desktop.services.settings import load_settings
from ss_desktop.services.unlock import unlock
from tests.fixtures.db_access import raw_connect
from tests.fixtures.make_rev1 import CHILDREN

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "desktop_rev1.sqlite"
FROZEN = ROOT / "dist" / "ss-desktop" / ("ss-desktop.exe" if os.name == "nt" else "ss-desktop")
USER, PASSWORD = "ayi", "First-release-2024"
SHAN, ZENG, OUYANG = (child[0] for child in CHILDREN)
SETTINGS = {"language": "zh_CN", "last_user": USER, "idle_lock_minutes": 10}


def make_first_release_folder(data_dir: Path) -> AppPaths:
    """A data folder as the first release left it (schema 0001, one account, settings)."""
    paths = AppPaths.resolve(data_dir)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE, paths.database)
    db = sqlite3.connect(paths.database)
    with db:  # the account exactly as revision 0001 stores it
        db.execute(
            "INSERT INTO local_user (id, username, display_name, role, password_hash, site_ids,"
            " failed_attempts, locked_until, active, created_at)"
            " VALUES ('0190a000-0000-7000-8000-0000000000a1', ?, '阿姨', 'admin', ?, '[]', 0,"
            " NULL, 1, '2024-07-01T08:00:00+00:00')",
            (USER, PasswordHasher().hash(PASSWORD)),
        )
    db.close()
    paths.settings_file.write_text(json.dumps(SETTINGS, ensure_ascii=False), encoding="utf-8")
    return paths


def revision(path: Path) -> str:
    db = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        db.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_release_folder_upgrades_with_a_backup_and_keeps_everything(tmp_path: Path) -> None:
    paths = make_first_release_folder(tmp_path / "laptop")
    original = sha(paths.database)
    assert revision(paths.database) == "0001"

    # The first sign-in after the upgrade migrates the schema, then encrypts the data in place.
    app, session = unlock(paths, USER, PASSWORD)
    try:
        assert session.role == "admin"  # the first release's account and password still work
        assert paths.keyring.exists()
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            revision(paths.database)  # no longer readable as plain SQLite
        # no plain copy of the children is left behind; the backup taken is encrypted
        backups = sorted(p for p in paths.backup_dir.iterdir() if p.is_file())
        assert len(backups) == 1 and "before-encryption" in backups[0].name
        assert not is_plaintext(backups[0])
        old = raw_connect(backups[0], app.key)
        assert old.execute("SELECT COUNT(*) FROM child").fetchone() == (3,)
        old.close()
        assert verify_audit_chain(app.engine) is None

        children = ChildrenService(app, session)
        everyone = children.search("", limit=10)
        assert sorted(r.id for r in everyone.rows) == sorted([SHAN, ZENG, OUYANG])
        assert [r.id for r in children.search("单雄信").rows] == [SHAN]
        assert [r.id for r in children.search("sxx").rows] == [SHAN]  # initials
        assert [r.id for r in children.search("ouyang").rows] == [OUYANG]  # compound surname
        assert [r.id for r in children.search("12345678").rows] == [SHAN]  # guardian phone
        shan = next(r for r in everyone.rows if r.id == SHAN)
        assert (shan.surname, shan.given_name, shan.dob) == ("单", "雄信", "2014-05-10")
        assert shan.site_name == "Fixture site"
    finally:
        app.close()
    assert sha(paths.database) != original
    assert load_settings(paths.settings_file)["language"] == "zh_CN"
    assert load_settings(paths.settings_file)["last_user"] == USER

    # opening again: nothing left to upgrade or encrypt, so no second backup
    app, _ = unlock(paths, USER, PASSWORD)
    app.close()
    assert len([p for p in paths.backup_dir.iterdir() if p.is_file()]) == 1


def test_wrong_password_at_the_first_sign_in_after_the_upgrade_changes_nothing(
    tmp_path: Path,
) -> None:
    paths = make_first_release_folder(tmp_path / "laptop")
    with pytest.raises(SignInError):
        unlock(paths, USER, "not-the-password")
    assert is_plaintext(paths.database) and not paths.keyring.exists()
    app, _ = unlock(paths, USER, PASSWORD)  # the right one still works afterwards
    app.close()
    assert not is_plaintext(paths.database)


def _search_with(program: list[str], data_dir: Path) -> dict:
    env = {**os.environ, "SS_DESKTOP_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [*program, "--data-dir", str(data_dir), "--user", USER, "search", "单雄信", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_command_line_upgrades_a_first_release_folder(tmp_path: Path) -> None:
    paths = make_first_release_folder(tmp_path / "laptop")
    found = _search_with([sys.executable, "-m", "ss_desktop"], paths.data_dir)
    assert [c["id"] for c in found["children"]] == [SHAN]
    _assert_encrypted_with_one_backup(paths)


def _assert_encrypted_with_one_backup(paths: AppPaths) -> None:
    backups = [p for p in paths.backup_dir.iterdir() if p.is_file()]
    assert [p.name for p in backups if "before-encryption" in p.name] == [backups[0].name]
    assert len(backups) == 1 and not is_plaintext(backups[0])
    assert not is_plaintext(paths.database) and paths.keyring.exists()


@pytest.mark.skipif(not FROZEN.exists(), reason="no frozen build: run make dist")
def test_frozen_build_upgrades_a_first_release_folder(tmp_path: Path) -> None:
    paths = make_first_release_folder(tmp_path / "laptop")
    found = _search_with([str(FROZEN)], paths.data_dir)
    assert [c["id"] for c in found["children"]] == [SHAN]
    _assert_encrypted_with_one_backup(paths)


if __name__ == "__main__":
    folder = make_first_release_folder(Path(sys.argv[1]))
    print(f"first-release data folder (schema 0001) at {folder.data_dir}; {USER} / {PASSWORD}")
