"""Encryption at rest: the laptop's database is useless without a user's password.

Real SQLCipher files in temporary data folders, opened through the services as the app does.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ss_desktop.config import AppPaths
from ss_desktop.db.audit import verify_audit_chain
from ss_desktop.db.keyring import Keyring
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp
from ss_desktop.services.backup import BackupService
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.data_folder import check_files
from ss_desktop.services.errors import ServiceError, SignInError
from ss_desktop.services.messages import describe_error
from ss_desktop.services.setup import create_new, initialize, needs_first_run
from ss_desktop.services.unlock import unlock
from tests.fixtures.db_access import raw_connect
from tests.unit.services_fixtures import ADMIN_PASSWORD, add_site, child_form

TEACHER_PASSWORD = "Blue-kite-2031"


@pytest.fixture
def laptop(tmp_path: Path):
    """A data folder with an admin, a teacher and one child; the app closed again."""
    paths = AppPaths.resolve(tmp_path / "data")
    app = initialize(paths, admin="admin", password=ADMIN_PASSWORD)
    admin = Accounts(app).sign_in("admin", ADMIN_PASSWORD)
    site = add_site(app)
    Accounts(app).create_user(admin, "teacher1", TEACHER_PASSWORD, "teacher", [site])
    child_id = ChildrenService(app, admin).register(child_form(site)).child_id
    app.close()
    return paths, child_id


def test_plain_sqlite_cannot_read_the_database(laptop) -> None:
    paths, _ = laptop
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(paths.database).execute("SELECT count(*) FROM child").fetchone()
    # Whole values, as a plain file would hold them (in the search index and the outbox): a
    # single character's three UTF-8 bytes turn up in a few MB of ciphertext by chance.
    data = paths.database.read_bytes()
    for secret in ("单雄信", "单建国", "李秀英", "13912345678", "15800001111"):
        assert secret.encode() not in data, secret


def test_every_user_opens_it_with_their_own_password(laptop) -> None:
    paths, child_id = laptop
    for user, password in (("admin", ADMIN_PASSWORD), ("teacher1", TEACHER_PASSWORD)):
        app, session = unlock(paths, user, password)
        with app:
            assert session.username == user
            assert ChildrenService(app, session).get(child_id)["id"] == child_id


def test_a_password_change_re_wraps_the_key_and_keeps_the_data(laptop) -> None:
    paths, child_id = laptop
    salt = paths.database.read_bytes()[:16]  # SQLCipher's per-file salt: new only on re-key
    app, session = unlock(paths, "teacher1", TEACHER_PASSWORD)
    with app:
        Accounts(app).change_password(session, TEACHER_PASSWORD, "Green-river-2032")
    assert paths.database.read_bytes()[:16] == salt  # re-wrapped, not re-encrypted
    with pytest.raises(SignInError):
        unlock(paths, "teacher1", TEACHER_PASSWORD)
    app, session = unlock(paths, "teacher1", "Green-river-2032")
    with app:
        assert ChildrenService(app, session).get(child_id)["id"] == child_id


def test_an_admin_reset_lets_a_forgetful_user_in_again(laptop) -> None:
    paths, _ = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    with app:
        Accounts(app).reset_password(admin, "teacher1", "Fresh-start-2033")
    app, session = unlock(paths, "teacher1", "Fresh-start-2033")
    app.close()
    assert session.role == "teacher"


def test_five_wrong_passwords_lock_before_the_data_is_open_and_are_audited(laptop) -> None:
    paths, _ = laptop
    for attempt in range(1, 5):
        with pytest.raises(SignInError) as err:
            unlock(paths, "teacher1", f"wrong-{attempt}-password")
        assert err.value.code == "sign_in.failed"
    with pytest.raises(SignInError) as err:
        unlock(paths, "teacher1", "wrong-5-password")
    assert err.value.code == "sign_in.locked" and err.value.params["seconds"] == 30
    with pytest.raises(SignInError) as err:  # even the right password waits now
        unlock(paths, "teacher1", TEACHER_PASSWORD)
    assert err.value.code == "sign_in.locked"
    # another user is not locked; their sign-in writes the failures to the audit log
    app, _ = unlock(paths, "admin", ADMIN_PASSWORD)
    with app, app.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT actor FROM audit_log WHERE action = 'sign_in_failed'"
        ).fetchall()
        assert [r[0] for r in rows] == ["teacher1"] * 5
        assert verify_audit_chain(app.engine) is None


def test_a_missing_or_damaged_key_file_is_explained_and_nothing_is_changed(laptop) -> None:
    paths, _ = laptop
    original = paths.keyring.read_bytes()
    db_before = paths.database.read_bytes()
    cases = {
        "truncated": original[: len(original) // 2],
        "foreign": json.dumps({"format": "something-else", "users": {}}).encode(),
    }
    for kind, content in cases.items():
        paths.keyring.write_bytes(content)
        with pytest.raises(ServiceError) as err:
            unlock(paths, "admin", ADMIN_PASSWORD)
        message, exit_code = describe_error(err.value)
        assert exit_code == 2
        assert ("damaged" if kind == "truncated" else "not one of this app") in message
        assert paths.keyring.read_bytes() == content
    paths.keyring.unlink()
    with pytest.raises(ServiceError) as err:
        unlock(paths, "admin", ADMIN_PASSWORD)
    assert "key file is missing" in describe_error(err.value)[0]
    assert paths.database.read_bytes() == db_before
    paths.keyring.write_bytes(original)
    unlock(paths, "admin", ADMIN_PASSWORD)[0].close()


def test_a_database_copied_from_another_laptop_is_refused_untouched(laptop, tmp_path) -> None:
    paths, _ = laptop
    other = AppPaths.resolve(tmp_path / "other")
    initialize(other, admin="admin", password=ADMIN_PASSWORD).close()
    for suffix in ("-wal", "-shm"):
        Path(str(other.database) + suffix).unlink(missing_ok=True)
    shutil.copyfile(paths.database, other.database)  # same user name and password even
    before = other.database.read_bytes()
    with pytest.raises(ServiceError) as err:
        unlock(other, "admin", ADMIN_PASSWORD)
    assert err.value.code == "keyfile.not_this_database"
    assert "copied from another laptop" in describe_error(err.value)[0]
    assert other.database.read_bytes() == before


def test_a_wrap_moved_to_another_user_does_not_open(laptop) -> None:
    paths, _ = laptop
    data = json.loads(paths.keyring.read_bytes())
    data["users"]["teacher1"] = dict(data["users"]["admin"])  # an edited key file
    paths.keyring.write_text(json.dumps(data))
    with pytest.raises(SignInError):
        unlock(paths, "teacher1", ADMIN_PASSWORD)


def test_backup_is_encrypted_and_restores_only_with_the_right_password(laptop, tmp_path) -> None:
    paths, child_id = laptop
    app, admin = unlock(paths, "admin", ADMIN_PASSWORD)
    target = BackupService(app, admin).backup(tmp_path / "copy.ssbackup")
    assert b"SQLite format 3" not in target.read_bytes()
    ChildrenService(app, admin).archive(child_id, "moved away")
    Accounts(app).change_password(admin, ADMIN_PASSWORD, "Later-password-2034")
    before = paths.database.read_bytes()
    with pytest.raises(ServiceError) as err:  # today's password is not the backup's
        BackupService(app, admin).restore(target, "Later-password-2034")
    assert err.value.code == "backup.wrong_password"
    assert "when the backup was made" in describe_error(err.value)[0]
    assert paths.database.read_bytes() == before
    safety = BackupService(app, admin).restore(target, ADMIN_PASSWORD).saved_previous
    assert safety is not None and safety.exists()
    assert ChildrenService(app, admin).get(child_id)["status"] == "active"
    app.close()
    # the restored key file is the backup's: the password of that time opens the data
    unlock(paths, "admin", ADMIN_PASSWORD)[0].close()


def test_unfinished_first_run_is_set_aside_not_deleted(tmp_path) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    app = LocalApp(paths)
    assert needs_first_run(app)
    create_new(app)  # the wizard started (database made), then the window was closed
    app.close()
    assert Keyring.load(paths.keyring).usernames() == []  # no user: the key was never wrapped
    again = LocalApp(paths)
    assert needs_first_run(again)
    create_new(again)
    again.close()
    assert len(list(paths.data_dir.glob("*.unfinished-*"))) == 2  # database and key file


def test_a_database_without_its_key_file_is_refused_before_any_password(laptop) -> None:
    paths, _ = laptop
    paths.keyring.rename(paths.keyring.with_name("elsewhere.json"))
    app = LocalApp(paths)
    assert not needs_first_run(app)  # never offers a fresh start over the children's data
    with pytest.raises(ServiceError) as err:
        check_files(app.paths)
    assert err.value.code == "keyfile.missing"


def test_key_file_holds_no_key_in_clear(laptop) -> None:
    paths, _ = laptop
    app, _ = unlock(paths, "admin", ADMIN_PASSWORD)
    key = app.key
    app.close()
    raw = paths.keyring.read_bytes()
    assert key is not None and key.hex().encode() not in raw and key not in raw
    assert sorted(Keyring.load(paths.keyring).usernames()) == ["admin", "teacher1"]
    conn = raw_connect(paths.database, key)
    assert conn.execute("SELECT count(*) FROM child").fetchone() == (1,)
    conn.close()
