"""Errors become stable codes and clear English text (the GUI translates the same templates)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ss_desktop.db import migrate
from ss_desktop.db.migrate import CorruptDatabaseError, open_database
from ss_desktop.services.messages import describe_error, error_code_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "desktop_rev1.sqlite"


def test_a_damaged_page_met_while_reading_is_a_damaged_file() -> None:
    exc = sqlite3.DatabaseError("database disk image is malformed")
    assert error_code_of(exc)[0] == "database.corrupt"
    message, code = describe_error(exc)
    assert "damaged" in message and code == 2


def test_locked_and_full_are_told_apart() -> None:
    assert error_code_of(sqlite3.OperationalError("database is locked"))[0] == "database.locked"
    assert error_code_of(sqlite3.OperationalError("database or disk is full"))[0] == "disk.full"


def test_a_large_damaged_file_is_still_checked_before_an_upgrade(tmp_path, monkeypatch) -> None:
    # Large files skip the page-by-page check at start, but never before a migration.
    monkeypatch.setattr(migrate, "QUICK_CHECK_MAX_BYTES", 0)
    path = tmp_path / "ss.sqlite"
    shutil.copy(FIXTURE, path)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_database(path, None, backup_dir=tmp_path / "b")  # a plain file of revision 0001
    assert path.read_bytes() == before
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
