"""A data folder whose path is near Windows' limit of 259 characters (MAX_PATH).

On Windows a file whose full path is longer than that cannot be opened by most programs,
Python's ``open`` and SQLite included, unless long paths are switched on for the whole system.
The app refuses a data folder so deep that its own files would not fit, before it writes
anything, with a message that says what to do. The frozen Windows app is checked with real
paths under Wine (packaging/windows/smoke.sh); here the rule and the files it protects.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ss_desktop import __main__ as cli
from ss_desktop import startup_checks
from ss_desktop.startup_checks import (
    LONGEST_INSIDE,
    WINDOWS_MAX_PATH,
    check_path_length,
    longest_data_folder,
)
from tests.fixtures import cli_process
from tests.unit.test_upgrade_from_first_release import PASSWORD, USER, make_first_release_folder


def folder_of_length(base: Path, length: int) -> Path:
    """A path of exactly *length* characters under *base* (Chinese names and spaces)."""
    parent = base / "学校 数据"
    room = length - len(str(parent)) - 1
    return parent / (("资料 文件夹 " * 100)[: room - 1] + "x")


def test_the_limit_is_windows_only_and_leaves_room_for_the_app_files(tmp_path: Path) -> None:
    limit = longest_data_folder("win32")
    assert limit == WINDOWS_MAX_PATH - LONGEST_INSIDE - 1
    assert longest_data_folder("linux") is None and longest_data_folder("darwin") is None
    at_limit = folder_of_length(tmp_path, limit)
    assert len(str(at_limit)) == limit
    assert check_path_length(at_limit, "win32") is None
    assert check_path_length(Path(str(at_limit) + "y"), "linux") is None


def test_a_longer_folder_is_refused_with_a_message_in_both_languages(tmp_path: Path) -> None:
    limit = longest_data_folder("win32")
    too_long = folder_of_length(tmp_path, limit + 1)
    problem = check_path_length(too_long, "win32")
    assert problem is not None and problem.code == "path_too_long"
    english, chinese = problem.message("en"), problem.message("zh_CN")
    assert f"{limit + 1} characters; at most {limit}" in english
    assert "shorter path" in english and str(too_long) in english
    assert f"{limit + 1} 个字符，最多 {limit} 个" in chinese and "路径较短" in chinese


def test_the_command_line_refuses_it_before_writing_anything(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    # the rule as Windows applies it
    limit = longest_data_folder("win32")
    monkeypatch.setattr(startup_checks, "longest_data_folder", lambda platform=None: limit)
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", "Tree-house-42")
    too_long = folder_of_length(tmp_path, longest_data_folder("win32") + 1)
    assert cli.main(["--data-dir", str(too_long), "init", "--admin", "admin"]) == 2
    assert "too long for Windows" in capsys.readouterr().err
    assert not too_long.exists() and not too_long.parent.exists()


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``ss-desktop`` in its own process (tests/fixtures/cli_process.py)."""
    env = {**os.environ, "SS_DESKTOP_PASSWORD": PASSWORD, "SS_DESKTOP_BACKUP_PASSWORD": PASSWORD}
    argv = ["--data-dir", str(data_dir), "--user", USER, *args]
    return cli_process.run(argv, env=env)


@pytest.mark.slow
def test_every_file_the_app_makes_fits_in_the_room_left(tmp_path: Path) -> None:
    """Upgrade of a first-release folder (its backup has the longest name), a backup and a
    restore: every file left in the folder, with a journal suffix, fits in LONGEST_INSIDE."""
    data = make_first_release_folder(tmp_path / "d").data_dir
    for args in (
        ["search", "sxx"],
        ["backup", str(tmp_path / "b.ssbackup")],
        ["restore", str(tmp_path / "b.ssbackup"), "--yes"],
    ):
        done = run(data, *args)
        assert done.returncode == 0, done.stderr
    inside = [p.relative_to(data) for p in data.rglob("*")]
    assert any("before-encryption" in str(p) for p in inside)
    assert any("before-restore" in str(p) for p in inside)
    longest = max(len(str(p)) + len(".partial-journal") for p in inside)
    assert longest <= LONGEST_INSIDE, max(inside, key=lambda p: len(str(p)))
