"""The command line where data is at stake (issue 16): restoring over a damaged data file,
read-only commands that must create nothing, --limit, progress on long imports and exports,
and the real size in the too-many-rows message. Real processes, real data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ss_desktop.config import AppPaths
from ss_desktop.services.backup_names import find_backups
from tests.unit.import_fixtures import good_rows, write_csv
from tests.unit.test_cli import PASSWORD, run

CHILDREN = 40


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory) -> tuple[Path, Path]:
    """A data folder with demo children and an automatic backup of them, and a spare copy."""
    root = tmp_path_factory.mktemp("cli-safety")
    data = root / "data"
    assert run(data, "init", "--admin", "admin").returncode == 0
    assert run(data, "demo", "--count", str(CHILDREN), "--seed", "2").returncode == 0
    # an automatic backup, as the app makes at sign-out (here: before a restore of itself)
    manual = root / "manual.ssbackup"
    assert run(data, "backup", str(manual)).returncode == 0
    assert run(data, "restore", str(manual), "--yes").returncode == 0
    automatic = [b.path for b in find_backups(AppPaths.resolve(data).backup_dir) if b.automatic]
    assert len(automatic) == 1
    return data, automatic[0]


def children(data: Path) -> int:
    out = run(data, "stats", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["children_active"]


@pytest.mark.parametrize("damage", ["zero", "half"])
def test_restore_brings_the_data_back_after_the_file_was_cut(backed_up, tmp_path, damage) -> None:
    import shutil

    source, backup = backed_up
    data = tmp_path / "data"
    shutil.copytree(source, data)
    db = AppPaths.resolve(data).database
    with db.open("r+b") as handle:  # what `truncate -s 0` or a half-written file leaves
        handle.truncate(0 if damage == "zero" else db.stat().st_size // 2)
    bad = db.read_bytes()
    refused = run(data, "stats", "--json")
    assert refused.returncode == 2
    assert "Wrong user name or password" not in refused.stderr
    assert ("empty" if damage == "zero" else "damaged") in refused.stderr
    out = run(data, "restore", str(backup), "--yes")
    assert out.returncode == 0, out.stderr
    assert "Set aside (not deleted)" in out.stdout and f"with {CHILDREN} children" in out.stdout
    assert children(data) == CHILDREN
    kept = list(data.glob("registration.sqlite3.damaged-*"))
    assert [p.read_bytes() for p in kept] == [bad]


def test_restore_refuses_a_cut_short_backup_and_changes_nothing(backed_up, tmp_path) -> None:
    data, backup = backed_up
    cut = tmp_path / "cut.ssbackup"
    cut.write_bytes(backup.read_bytes()[:50_000])
    out = run(data, "restore", str(cut), "--yes")
    assert out.returncode == 2 and "damaged or incomplete" in out.stderr
    assert "Traceback" not in out.stderr
    assert children(data) == CHILDREN


@pytest.mark.parametrize("command", [["stats", "--json"], ["search", "li"], ["export", "x.csv"]])
def test_a_read_only_command_on_a_missing_folder_creates_nothing(tmp_path, command) -> None:
    missing = tmp_path / "not-here"
    out = run(missing, *command)
    assert out.returncode == 2 and "No data here yet" in out.stderr
    assert not missing.exists()


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_search_limit_must_be_positive(backed_up, limit) -> None:
    data, _ = backed_up
    out = run(data, "search", "li", "--limit", limit)
    assert out.returncode == 2 and "--limit must be 1 or more" in out.stderr
    assert "unexpected error" not in out.stderr


def test_a_long_import_and_export_say_how_far_they_are(backed_up, tmp_path) -> None:
    import shutil

    source, _ = backed_up
    data = tmp_path / "data"
    shutil.copytree(source, data)
    rows = good_rows(1200)
    for n, row in enumerate(rows):  # one class list with unique names
        row[1] = row[1][:1] + chr(0x4E00 + n // 60) + chr(0x4E00 + n % 60)
    path = write_csv(tmp_path / "class.csv", rows)
    out = run(data, "import", str(path), "--site", "SH-MS-01", "--json")
    assert out.returncode in (0, 3), out.stderr
    assert json.loads(out.stdout)["imported"] >= 1000  # stdout stays one JSON object
    checked = [line for line in out.stderr.splitlines() if line.startswith("... checked")]
    saved = [line for line in out.stderr.splitlines() if line.startswith("... imported")]
    assert len(checked) >= 5 and checked[-1] == "... checked 1,200 of 1,200 rows"
    assert len(saved) >= 5
    out = run(data, "export", str(tmp_path / "all.csv"))
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("... exported")]
    assert lines and lines[-1].endswith(" rows") and " of " in lines[-1]


def test_too_many_rows_names_the_real_size(backed_up, tmp_path) -> None:
    data, _ = backed_up
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("姓名,性别,出生日期\n")
        for n in range(60_001):
            handle.write(f"王小明{n},男,2015-03-04,{'备注' * 20}\n")
    size_mb = path.stat().st_size / 1024 / 1024
    assert size_mb > 4
    out = run(data, "import", str(path), "--dry-run")
    assert out.returncode == 2
    assert "60,002 rows" in out.stderr and f"({size_mb:.1f} MB)" in out.stderr
    assert "(0 MB" not in out.stderr


def test_the_cli_password_for_the_restore_is_the_one_of_the_backup(backed_up, tmp_path) -> None:
    import shutil

    source, backup = backed_up
    data = tmp_path / "data"
    shutil.copytree(source, data)
    AppPaths.resolve(data).database.write_bytes(b"")
    out = run(data, "restore", str(backup), "--yes", password="not-" + PASSWORD)
    assert out.returncode == 2 and "does not open the backup" in out.stderr
    assert AppPaths.resolve(data).database.stat().st_size == 0
