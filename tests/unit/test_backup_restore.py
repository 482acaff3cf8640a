"""A data file that is empty, cut short, missing or another laptop's, and backups that are
cut short, of another laptop or of a newer version: what the services do with each (issue
16). Real data folders, real encrypted databases, real backup files."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ss_desktop.config import AppPaths
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.demo import DemoService
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp
from ss_desktop.services.auto_backup import SIGN_OUT, AutoBackups, kept_backups
from ss_desktop.services.backup import BackupService
from ss_desktop.services.backup_names import automatic_backup_path, find_backups
from ss_desktop.services.errors import PermissionDenied, ServiceError
from ss_desktop.services.messages import describe_error
from ss_desktop.services.restore import restore_over_damaged
from ss_desktop.services.setup import initialize
from ss_desktop.services.status import StatusService
from ss_desktop.services.unlock import unlock
from tests.fixtures.db_access import raw_connect
from tests.unit.services_fixtures import ADMIN_PASSWORD

CHILDREN = 12
TEACHER_PASSWORD = "Blue-kite-2031"


@pytest.fixture
def laptop(tmp_path: Path):
    """A data folder with demo children and an automatic backup; the app closed again."""
    paths = AppPaths.resolve(tmp_path / "data")
    app = initialize(paths, admin="admin", password=ADMIN_PASSWORD)
    admin = Accounts(app).sign_in("admin", ADMIN_PASSWORD)
    DemoService(app, admin).populate(CHILDREN, seed=3)
    Accounts(app).create_user(admin, "teacher1", TEACHER_PASSWORD, "teacher", [])
    made = AutoBackups(app).run(SIGN_OUT).made
    app.close()
    assert made is not None
    return paths, made.path


def children(paths: AppPaths) -> int:
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    try:
        return StatusService(app, admin).stats()["children_active"]
    finally:
        app.close()


def truncate(path: Path, size: int) -> None:
    with path.open("r+b") as handle:
        handle.truncate(size)


def half(path: Path) -> int:
    return path.stat().st_size // 2


# -- a data file that does not open --------------------------------------------------------
@pytest.mark.parametrize("damage", ["empty", "half", "half_page_aligned", "missing"])
def test_a_damaged_data_file_is_called_damaged_and_left_as_it_is(laptop, damage) -> None:
    paths, _ = laptop
    db = paths.database
    if damage == "empty":
        truncate(db, 0)
    elif damage == "half":
        truncate(db, half(db) + 100)
    elif damage == "half_page_aligned":
        truncate(db, half(db) // 4096 * 4096)
    else:
        db.unlink()
    before = db.read_bytes() if db.exists() else None
    with pytest.raises(Exception) as err:
        unlock(paths, "admin", ADMIN_PASSWORD)  # the right password
    message, exit_code = describe_error(err.value)
    assert "Wrong user name or password" not in message
    expected = {
        "empty": "data file is empty",
        "half": "data file is damaged",
        "half_page_aligned": "data file is damaged",
        "missing": "data file is missing",
    }[damage]
    assert expected in message and exit_code == 2
    assert (db.read_bytes() if db.exists() else None) == before  # never replaced by a new file
    names = {p.name for p in paths.data_dir.iterdir() if "registration" in p.name}
    if damage == "missing":
        assert names == set()
    else:  # a read-only look may leave SQLite's empty log beside it, nothing else
        assert names <= {db.name, db.name + "-wal", db.name + "-shm"}
        assert not Path(str(db) + "-wal").exists() or Path(str(db) + "-wal").stat().st_size == 0


@pytest.mark.parametrize("damage", ["empty", "half", "half_page_aligned", "missing", "foreign"])
def test_an_automatic_backup_brings_the_data_back_and_the_bad_file_is_kept(
    laptop, damage, tmp_path
) -> None:
    paths, backup = laptop
    db = paths.database
    if damage == "missing":
        db.unlink()
        bad = None
    elif damage == "foreign":  # another laptop's database copied over this one's
        other = AppPaths.resolve(tmp_path / "other")
        initialize(other, admin="admin", password=ADMIN_PASSWORD).close()
        shutil.copyfile(other.database, db)
        bad = db.read_bytes()
        with pytest.raises(ServiceError) as err:
            unlock(paths, "admin", ADMIN_PASSWORD)
        assert err.value.code == "keyfile.not_this_database"
    else:
        size = {"empty": 0, "half": half(db) + 100, "half_page_aligned": half(db) // 4096 * 4096}
        truncate(db, size[damage])
        bad = db.read_bytes()
    app = LocalApp(paths)
    session, outcome = restore_over_damaged(app, backup, "admin", ADMIN_PASSWORD)
    try:
        assert session.username == "admin"
        assert StatusService(app, session).stats()["children_active"] == CHILDREN
        assert verify_audit_chain(app.engine) is None
        with app.engine.connect() as conn:
            detail = conn.exec_driver_sql(
                "SELECT detail FROM audit_log WHERE action = 'restore_backup'"
            ).scalar_one()
    finally:
        app.close()
    assert outcome.children == CHILDREN and outcome.made_at
    assert outcome.problem in (
        "database.empty",
        "database.corrupt",
        "database.missing",
        "keyfile.not_this_database",
    )
    if bad is not None:  # set aside, byte for byte, never deleted
        kept = [p for p in outcome.set_aside if p.name.startswith(db.name + ".damaged-")]
        assert len(kept) == 1 and kept[0].read_bytes() == bad
        assert json.loads(detail)["set_aside"]
    assert children(paths) == CHILDREN  # and it opens again later with the same password


def test_restoring_over_damage_needs_the_backups_password_and_a_coordinator(laptop) -> None:
    paths, backup = laptop
    truncate(paths.database, 0)
    with pytest.raises(ServiceError) as err:
        restore_over_damaged(LocalApp(paths), backup, "admin", "not-the-password")
    assert err.value.code == "backup.wrong_password"
    with pytest.raises(PermissionDenied):  # a teacher may not replace the laptop's data
        restore_over_damaged(LocalApp(paths), backup, "teacher1", TEACHER_PASSWORD)
    assert paths.database.stat().st_size == 0  # nothing changed
    assert not list(paths.data_dir.glob("*.restoring"))


def test_data_that_opens_is_not_replaced_without_signing_in(laptop) -> None:
    paths, backup = laptop
    before = paths.database.read_bytes()
    with pytest.raises(ServiceError) as err:
        restore_over_damaged(LocalApp(paths), backup, "admin", ADMIN_PASSWORD)
    assert err.value.code == "restore.data_opens"
    assert paths.database.read_bytes() == before


def test_a_new_laptop_takes_an_old_laptops_backup(laptop, tmp_path) -> None:
    _, backup = laptop
    fresh = AppPaths.resolve(tmp_path / "new-laptop")
    app = LocalApp(fresh)
    _session, outcome = restore_over_damaged(app, backup, "admin", ADMIN_PASSWORD)
    app.close()
    assert outcome.problem == "database.missing"
    assert children(fresh) == CHILDREN


# -- backups that must be refused ----------------------------------------------------------
def _tamper(backup: Path, target: Path, **manifest_changes) -> Path:
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(manifest_changes)
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    return target


@pytest.mark.parametrize("broken", ["truncated", "other_laptop", "newer_version", "flipped"])
@pytest.mark.parametrize("data", ["opens", "empty"])
def test_a_bad_backup_is_refused_with_its_own_message_and_changes_nothing(
    laptop, tmp_path, broken, data
) -> None:
    paths, backup = laptop
    if broken == "truncated":
        bad = tmp_path / "cut.ssbackup"
        bad.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
        code, words = "backup.damaged", "damaged or incomplete"
    elif broken == "flipped":  # one byte changed inside the database: the checksum says so
        bad = tmp_path / "flipped.ssbackup"
        raw = bytearray(backup.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        bad.write_bytes(bytes(raw))
        code, words = "backup.damaged", "damaged or incomplete"
    elif broken == "newer_version":
        bad = _tamper(backup, tmp_path / "newer.ssbackup", schema_revision="9999_future")
        code, words = "backup.too_new", "newer version"
    else:
        other = AppPaths.resolve(tmp_path / "other")
        app = initialize(other, admin="admin", password=ADMIN_PASSWORD)
        bad = BackupService(app, Accounts(app).sign_in("admin", ADMIN_PASSWORD)).backup(
            tmp_path / "other.ssbackup"
        )
        app.close()
        code, words = "backup.other_laptop", "made on another laptop"
    if data == "empty":
        truncate(paths.database, 0)
    before = {p.name: p.read_bytes() for p in paths.data_dir.iterdir() if p.is_file()}
    with pytest.raises(ServiceError) as err:
        if data == "opens":
            app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
            before = {p.name: p.read_bytes() for p in paths.data_dir.iterdir() if p.is_file()}
            try:
                BackupService(app, admin).restore(bad, ADMIN_PASSWORD)
            finally:
                app.close()
        else:
            restore_over_damaged(LocalApp(paths), bad, "admin", ADMIN_PASSWORD)
    assert err.value.code == code
    message, exit_code = describe_error(err.value)
    assert words in message and "Nothing was changed" in message and exit_code == 2
    after = {p.name: p.read_bytes() for p in paths.data_dir.iterdir() if p.is_file()}
    if data == "empty":
        assert after == before
    else:  # closing the app folds its log into the file; the data and key file are the same
        assert after["keys.json"] == before["keys.json"]
        assert children(paths) == CHILDREN


# -- backups made automatically -------------------------------------------------------------
def test_a_schema_upgrade_is_preceded_by_a_full_backup_that_restores(laptop) -> None:
    paths, _ = laptop
    app, _ = unlock(paths, "admin", ADMIN_PASSWORD)
    key = app.key
    app.close()
    conn = raw_connect(paths.database, key)
    # as the previous release: revision 0008, without the index 0009 adds
    conn.execute("DROP INDEX ix_child_dob")
    conn.execute("UPDATE alembic_version SET version_num = '0008'")
    conn.commit()
    conn.close()
    assert children(paths) == CHILDREN  # upgraded on opening
    made = [b for b in find_backups(paths.backup_dir) if b.reason == "before-upgrade"]
    assert len(made) == 1
    with zipfile.ZipFile(made[0].path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["schema_revision"] == "0008" and manifest["counts"]["child"] == CHILDREN


def test_a_restore_over_good_data_backs_it_up_first(laptop) -> None:
    paths, backup = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    DemoService(app, admin).populate(3, seed=9)
    outcome = BackupService(app, admin).restore(backup, ADMIN_PASSWORD)
    app.close()
    saved = outcome.saved_previous
    assert saved is not None and saved.name.startswith("auto-") and "before-restore" in saved.name
    assert children(paths) == CHILDREN
    fresh = AppPaths.resolve(paths.data_dir.parent / "check")
    shutil.copytree(paths.data_dir, fresh.data_dir)
    (fresh.database).unlink()
    with LocalApp(fresh) as app:
        restore_over_damaged(app, saved, "admin", ADMIN_PASSWORD)
    assert children(fresh) == CHILDREN + 3  # the data it replaced is in that backup


def test_no_second_backup_without_changes_and_one_after(laptop) -> None:
    paths, _ = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    try:
        backups = AutoBackups(app)
        assert backups.run(SIGN_OUT).made is None  # signing in changed nothing
        DemoService(app, admin).populate(1, seed=5)
        made = backups.run(SIGN_OUT).made
        assert made is not None and made.manifest.children == CHILDREN + 1
    finally:
        app.close()


def test_a_backup_cut_short_leaves_no_file_under_a_backup_name(laptop, monkeypatch) -> None:
    paths, _ = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    DemoService(app, admin).populate(1, seed=6)
    from ss_desktop.services import backup_file

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_file, "verify_backup", fail)
    try:
        with pytest.raises(OSError) as err:
            AutoBackups(app).run(SIGN_OUT)
        assert describe_error(err.value)[0].startswith("The disk is full")
    finally:
        app.close()
    assert len(find_backups(paths.backup_dir)) == 1  # only the fixture's backup
    assert not [p for p in paths.backup_dir.iterdir() if "partial" in p.name]


def test_a_copy_goes_to_the_removable_drive_when_it_is_plugged_in(laptop, tmp_path) -> None:
    paths, _ = laptop
    drive = tmp_path / "usb" / "backups"
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    try:
        DemoService(app, admin).populate(1, seed=7)
        result = AutoBackups(app, drive_folder=drive).run(SIGN_OUT)
        assert result.made is not None and result.drive_problem == "backup.drive_absent"
        assert not drive.exists()  # an absent drive is never created on the laptop's disk
        drive.mkdir(parents=True)
        DemoService(app, admin).populate(1, seed=8)
        result = AutoBackups(app, drive_folder=drive).run(SIGN_OUT)
        assert result.drive_copy is not None and result.drive_problem is None
        assert result.drive_copy.read_bytes() == result.made.path.read_bytes()
        status = AutoBackups(app, drive_folder=drive).status()
        assert status.drive_present and status.last_drive_copy is not None
        assert status.last is not None and status.last.path == result.made.path
        assert status.last_children == CHILDREN + 2
    finally:
        app.close()
    fresh = AppPaths.resolve(tmp_path / "from-the-drive")
    copied = result.drive_copy
    with LocalApp(fresh) as app:
        restore_over_damaged(app, copied, "admin", ADMIN_PASSWORD)
    assert children(fresh) == CHILDREN + 2


def test_the_status_says_when_the_last_backup_is_a_week_old_with_unsynced_changes(laptop):
    paths, backup = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    try:
        stats = StatusService(app, admin).stats()
        assert stats["pending_changes"] > 0 and stats["last_backup"] is not None
        assert stats["backup_overdue"] is False
        week_ago = backup.stat().st_mtime - 8 * 86400
        old = backup.with_name("auto-20000101T000000Z-sign-out.ssbackup")
        backup.rename(old)
        os.utime(old, (week_ago, week_ago))
        stats = StatusService(app, admin).stats()
        assert stats["backup_overdue"] is True
    finally:
        app.close()


def test_backups_made_in_one_second_keep_their_order_and_the_newest_stays(tmp_path) -> None:
    """Sign-outs a moment apart: the newest backup is never the one the rotation removes."""
    moment = datetime(2026, 12, 7, 1, 6, 55, 100_000, tzinfo=UTC)
    made = []
    for n in range(3):
        path = automatic_backup_path(tmp_path, SIGN_OUT, moment + timedelta(milliseconds=n))
        path.write_bytes(b"x")
        made.append(path)
    found = find_backups(tmp_path)
    assert [b.path for b in found] == made[::-1]
    assert kept_backups(found, budget_bytes=10**9) == {made[-1]}  # one a day: the newest
    made[-1].unlink()  # rotation removed one; the next name must still sort as the newest
    later = automatic_backup_path(tmp_path, SIGN_OUT, moment + timedelta(milliseconds=5))
    later.write_bytes(b"x")
    assert find_backups(tmp_path)[0].path == later
