"""Opening the database: refuse what is not ours, corrupt or too new (file untouched);
back up before upgrading; upgrade a saved revision-1 file with its data intact."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from ss_desktop.db.child_search import search_children
from ss_desktop.db.migrate import (
    CorruptDatabaseError,
    DatabaseTooNewError,
    MigrationFailedError,
    NotOurDatabaseError,
    PlaintextDatabaseError,
    WrongKeyError,
    encrypt_in_place,
    head_revision,
    is_plaintext,
    open_database,
)
from ss_desktop.db.queries import get_child
from tests.fixtures.db_access import raw_connect
from tests.fixtures.fake_children import TEST_KEY, make_writer, open_test_db

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "desktop_rev1.sqlite"
SHAN = "0190a000-0000-7000-8000-000000000101"
OUYANG = "0190a000-0000-7000-8000-000000000103"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(
    path: Path, backups: Path, error: type[Exception], key: bytes | None = TEST_KEY
) -> None:
    before = _sha(path)
    with pytest.raises(error):
        open_database(path, key, backup_dir=backups)
    assert _sha(path) == before
    assert not backups.exists() or not any(backups.iterdir())


def test_text_file_is_not_ours(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: rice, eggs\n" * 10, encoding="utf-8")
    _refused(path, tmp_path / "b", NotOurDatabaseError)


@pytest.mark.parametrize("key", [TEST_KEY, None])
def test_foreign_sqlite_database_is_not_ours(tmp_path, key):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x', '1')")
    conn.commit()
    conn.close()
    _refused(path, tmp_path / "b", NotOurDatabaseError, key=key)


def test_newer_revision_is_refused(tmp_path):
    path = tmp_path / "ss.sqlite"
    open_test_db(tmp_path).dispose()
    conn = raw_connect(path, TEST_KEY)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _refused(path, tmp_path / "b", DatabaseTooNewError)
    with pytest.raises(DatabaseTooNewError) as err:
        open_database(path, TEST_KEY, backup_dir=tmp_path / "b")
    assert err.value.revision == "9999"


def test_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):  # scribble over most pages
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    _refused(path, tmp_path / "b", CorruptDatabaseError, key=None)  # a plain file of 0001


def test_rev1_fixture_upgrades_with_data_and_backup(tmp_path):
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    original = _sha(path)
    engine = open_database(path, None, backup_dir=tmp_path / "backups")  # plain, as released
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and "rev0001" in backups[0].name
    assert _sha(backups[0]) != "" and sqlite3.connect(backups[0]).execute(
        "SELECT version_num FROM alembic_version"
    ).fetchone() == ("0001",)
    with engine.connect() as conn:
        rev = conn.connection.driver_connection.execute(
            "SELECT version_num FROM alembic_version"
        ).fetchone()[0]
    assert rev == head_revision() and original != _sha(path)
    child = get_child(engine, SHAN)
    assert child["given_name"] == "雄信" and child["guardians"][0]["phone"] == "13812345678"
    # the new search index was filled from the old rows
    assert [r.id for r in search_children(engine, "sxx").rows] == [SHAN]
    assert [r.id for r in search_children(engine, "12345678").rows] == [SHAN]
    assert len(search_children(engine, "").rows) == 3
    make_writer(engine)  # and it can be written to
    engine.dispose()
    # opening again: nothing to upgrade, no second backup
    open_database(path, None, backup_dir=tmp_path / "backups").dispose()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_failed_migration_names_the_backup(tmp_path):
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE child_search (x)")  # makes revision 0002 fail
    conn.commit()
    conn.close()
    with pytest.raises(MigrationFailedError) as err:
        open_database(path, None, backup_dir=tmp_path / "backups")
    backup = err.value.backup_path
    assert backup is not None and backup.exists()
    restored = sqlite3.connect(backup)
    assert restored.execute("SELECT count(*) FROM child").fetchone() == (3,)
    # the failed upgrade rolled back: the file is still at revision 0001
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == (
        "0001",
    )


def test_fresh_database_and_reference_data(tmp_path):
    engine = open_test_db(tmp_path)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert raw.execute("SELECT name FROM division WHERE code = '310115'").fetchone() == (
            "浦东新区",
        )
    assert not (tmp_path / "backups").exists()  # nothing to back up on a new file


def test_migrations_run_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_database(Path("relative.sqlite"), TEST_KEY, backup_dir=Path("b")).dispose()
    assert (tmp_path / "relative.sqlite").exists()


def test_plain_file_opened_with_a_key_is_not_our_encrypted_database(tmp_path):
    """A dump of children in plain SQLite is never read as if it were the encrypted data."""
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    _refused(path, tmp_path / "b", PlaintextDatabaseError)


def test_another_key_does_not_open_the_database_and_leaves_it_untouched(tmp_path):
    open_test_db(tmp_path).dispose()
    path = tmp_path / "ss.sqlite"
    _refused(path, tmp_path / "b", WrongKeyError, key=bytes(32))


def test_encrypted_file_is_not_readable_without_the_key(tmp_path):
    open_test_db(tmp_path).dispose()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(tmp_path / "ss.sqlite").execute("SELECT * FROM sqlite_master").fetchall()


def test_plain_database_is_encrypted_in_place_with_an_encrypted_backup(tmp_path):
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    open_database(path, None, backup_dir=tmp_path / "backups").dispose()  # upgraded, still plain
    backup = encrypt_in_place(path, TEST_KEY, backup_dir=tmp_path / "backups")
    assert not is_plaintext(path) and not is_plaintext(backup)
    engine = open_database(path, TEST_KEY, backup_dir=tmp_path / "backups")
    assert get_child(engine, SHAN)["given_name"] == "雄信"
    assert [r.id for r in search_children(engine, "sxx").rows] == [SHAN]
    engine.dispose()
    copy = open_database(backup, TEST_KEY, backup_dir=tmp_path / "other")
    assert get_child(copy, SHAN)["given_name"] == "雄信"
    copy.dispose()


def test_revision_0006_scrubs_sent_changes_of_records_erased_before_it(tmp_path):
    """A laptop that applied an erasure before revision 0006 kept the erased child's name
    and its guardian's phone in the changes it had already sent; the upgrade removes them
    and leaves every other change as it was."""
    import json

    from ss_desktop.db.engine import make_engine as plain_engine
    from ss_desktop.db.migrate import upgrade

    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    engine = plain_engine(path, None)
    upgrade(engine, "0005")
    engine.dispose()
    erased, kept = SHAN, "0190a000-0000-7000-8000-000000000102"
    conn = sqlite3.connect(path)
    guardian = conn.execute("SELECT id FROM guardian WHERE child_id = ?", (erased,)).fetchone()[0]
    sent = [
        (1, "child", erased, {"surname": "单", "given_name": "雄信", "grade": 3}),
        (2, "guardian", guardian, {"child_id": erased, "name": "单父", "phone": "13812345678"}),
        (3, "child", kept, {"surname": "曾", "given_name": "小明", "grade": 2}),
    ]
    for seq, entity, record_id, fields in sent:
        conn.execute(
            "INSERT INTO outbox (device_seq, op_id, entity, record_id, base_version, hlc,"
            " fields, deleted, acked, created_at) VALUES (?, ?, ?, ?, 0, '', ?, 0, 1, '')",
            (seq, f"op-{seq}", entity, record_id, json.dumps(fields, ensure_ascii=False)),
        )
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, record_id, detail, prev_hash, hash)"
        " VALUES ('', 'sync', 'sync', 'child', ?, ?, '', '')",
        (erased, json.dumps({"fields": ["surname"], "version": 3, "erased": True})),
    )
    conn.commit()
    conn.close()

    open_database(path, None, backup_dir=tmp_path / "backups").dispose()
    rows = {
        seq: json.loads(fields)
        for seq, fields in sqlite3.connect(path).execute("SELECT device_seq, fields FROM outbox")
    }
    assert rows == {
        1: {"grade": 3},
        2: {"child_id": erased},
        3: {"surname": "曾", "given_name": "小明", "grade": 2},
    }


def test_revision_0007_rebuilds_the_search_index_by_rank_and_back(tmp_path):
    """A laptop at revision 0006 has one pinyin column per child: its search knows no
    mixed initials (``oyang``) and no ``lyu``. The upgrade makes the index again by rank;
    a downgrade gives back the old table, filled."""
    from alembic import command

    from ss_desktop.db.engine import make_engine as plain_engine
    from ss_desktop.db.migrate import alembic_config, upgrade

    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    engine = plain_engine(path, None)
    upgrade(engine, "0007")
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0006")
        conn.commit()
    engine.dispose()
    conn = sqlite3.connect(path)
    old = dict(conn.execute("SELECT child_id, keys FROM child_search").fetchall())
    assert "oynn" in old[OUYANG] and "oyang" not in old[OUYANG]  # the 0006 keys, filled
    conn.close()

    engine = open_database(path, None, backup_dir=tmp_path / "backups")
    assert [r.id for r in search_children(engine, "oyang").rows] == [OUYANG]
    assert [r.id for r in search_children(engine, "sxx").rows] == [SHAN]
    assert [r.id for r in search_children(engine, "138-1234-5678").rows] == [SHAN]
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(child_search)")]
    assert columns == ["child_id", "name", "short", "given", "rare"]
    engine.dispose()
