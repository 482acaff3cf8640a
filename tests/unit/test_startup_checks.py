"""Starting the app in a bad environment: a clear message, no stack trace, data untouched.

Each case starts the real app (``python -m ss_desktop``) in a subprocess, as a user would.
Running as root (CI), file permissions do not stop writes, so the unwritable folder belongs to
a user id that is not mapped inside a user namespace (``unshare -r``); the read-only disk is a
read-only bind mount in a private mount namespace. Where the kernel forbids user namespaces,
those two cases are skipped with that reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ss_desktop.config import AppPaths
from ss_desktop.startup_checks import (
    LOCK_FILENAME,
    InstanceLock,
    check_data_files,
    check_display,
)

ROOT = Path(__file__).resolve().parents[2]
APP = [sys.executable, "-m", "ss_desktop"]


def app_env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("SS_DESKTOP_HOME", None)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_app(args: list[str], env: dict[str, str], prefix: list[str] | None = None):
    return subprocess.run(
        (prefix or []) + APP + args,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under *folder* with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_clear_failure(done: subprocess.CompletedProcess, *phrases: str) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # not a signal (Qt abort = -6) and not 0
    assert "Traceback" not in output
    for phrase in phrases:
        assert phrase in output, output


def made_data_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    (data / "backups").mkdir()
    (data / "settings.json").write_text('{"language": "en", "last_user": "ayi"}', "utf-8")
    (data / "registration.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x01" * 4080)
    return data


def user_namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=20)
    return done.returncode == 0


needs_userns = pytest.mark.skipif(
    not user_namespaces_work(), reason="user namespaces (unshare -rm) are not available here"
)


# -- a missing display ------------------------------------------------------------------
def test_no_display_gives_a_message_not_a_qt_abort(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("only X11/Wayland systems can lack a display")
    data = tmp_path / "data"
    env = app_env(QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None)
    done = run_app(["--data-dir", str(data), "--lang", "en"], env)
    assert_clear_failure(done, "No display found", "ss-desktop --help")
    assert not data.exists()  # nothing was created


def test_check_display_rules() -> None:
    problem = check_display({}, "linux")
    assert problem is not None and problem.code == "no_display"
    assert "找不到显示器" in problem.message("zh_CN")
    assert check_display({"DISPLAY": ":0"}, "linux") is None
    assert check_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert check_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert check_display({}, "win32") is None
    assert check_display({}, "darwin") is None


# -- the data folder ------------------------------------------------------------------------
def test_data_folder_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_bytes(b"precious")
    done = run_app(["--data-dir", str(target), "--lang", "en"], app_env())
    assert_clear_failure(done, "not a folder but a file", str(target))
    assert target.read_bytes() == b"precious"


@needs_userns
def test_unwritable_data_folder(tmp_path: Path) -> None:
    data = made_data_folder(tmp_path)
    before = snapshot(data)
    prefix: list[str] = []
    if os.geteuid() == 0:
        # root ignores permissions; inside a user namespace, files of an unmapped user
        # are protected from it like from anyone else
        for path in [data, *data.rglob("*")]:
            os.chown(path, 54321, 54321)
        prefix = ["unshare", "-r"]
    for path in [*data.rglob("*"), data]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        done = run_app(["--data-dir", str(data), "--lang", "en"], app_env(), prefix)
    finally:
        for path in [data, *data.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert_clear_failure(done, "cannot be written to", str(data))
    assert snapshot(data) == before


@needs_userns
def test_read_only_disk(tmp_path: Path) -> None:
    data = made_data_folder(tmp_path)
    before = snapshot(data)
    script = (
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@" '
        '--data-dir "$0" --lang en'
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, str(data), str(data), *APP],
        env=app_env(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )
    assert_clear_failure(done, "read-only", "write-protect", str(data))
    assert snapshot(data) == before


def test_check_data_files_accepts_a_new_folder_and_leaves_nothing(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "fresh")
    assert check_data_files(paths) is None
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["backups", "logs"]
    assert snapshot(paths.data_dir) == {}  # the write probe was removed


# -- a second copy on the same data folder ------------------------------------------------
def test_second_instance_says_already_open_and_leaves_the_first_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = subprocess.Popen(
        APP + ["--data-dir", str(data), "--lang", "en"],
        env=app_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    lock_file = data / LOCK_FILENAME
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if lock_file.exists() and lock_file.read_text().strip() == str(first.pid):
                break
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.1)
        else:
            pytest.fail("the first instance never took the lock")
        settings_before = snapshot(data).get("settings.json")
        second = run_app(["--data-dir", str(data), "--lang", "en"], app_env())
        assert_clear_failure(second, "already open", f"process {first.pid}", str(data))
        assert first.poll() is None  # the first copy is unaffected
        assert lock_file.read_text().strip() == str(first.pid)
        assert snapshot(data).get("settings.json") == settings_before
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_lock_names_the_holder_and_frees_on_release(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path)
    assert first.acquire() is None
    problem = InstanceLock(tmp_path).acquire()
    assert problem is not None and problem.code == "already_open"
    assert problem.params["pid"] == str(os.getpid())
    assert "already open" in problem.message("en")
    assert "已经打开" in problem.message("zh_CN")
    first.release()
    with InstanceLock(tmp_path) as again:
        assert again.acquire() is None


def test_lock_left_by_a_crashed_app_does_not_block(tmp_path: Path) -> None:
    code = (
        "import os, sys; from pathlib import Path; from ss_desktop.startup_checks import "
        "InstanceLock; lock = InstanceLock(Path(sys.argv[1])); assert lock.acquire() is None; "
        "os._exit(9)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=app_env(), timeout=60
    )
    assert done.returncode == 9
    assert (tmp_path / LOCK_FILENAME).read_text().strip()  # the crashed app's pid is still there
    lock = InstanceLock(tmp_path)
    assert lock.acquire() is None
    lock.release()


# -- the system libraries of Qt's X11 platform plugin -------------------------------------

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffc1d9f6000)
\tlibQt6XcbQpa.so.6 => /opt/app/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f3a1c400000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f3a1c3f0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3a1c000000)
"""


def test_ldd_output_gives_each_missing_library_once() -> None:
    from ss_desktop.startup_checks import missing_libraries

    assert missing_libraries(LDD_MISSING) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="the X11 libraries are checked with ldd, on Linux only; the stand-in is a shell script",
)
def test_missing_system_libraries_are_named_by_the_apt_get_line(tmp_path: Path) -> None:
    """A stand-in ldd prints what ldd printed on a fresh Debian desktop."""
    from ss_desktop import startup_checks

    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "ldd").write_text("#!/bin/sh\ncat <<'EOF'\n" + LDD_MISSING + "EOF\n")
    (fake_bin / "ldd").chmod(0o755)
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    env = {"DISPLAY": ":0", "PATH": f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    old_path = os.environ["PATH"]
    os.environ["PATH"] = env["PATH"]
    try:
        problem = startup_checks.check_qt_libraries(env, "linux", plugin)
    finally:
        os.environ["PATH"] = old_path
    assert problem is not None and problem.code == "qt_libraries_missing"
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in problem.message("en")
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in problem.message("zh_CN")


def _real_plugin() -> Path:
    from ss_desktop.startup_checks import xcb_plugin_path

    plugin = xcb_plugin_path()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("no X11 platform plugin or no ldd here (not Linux)")
    return plugin


def test_every_x11_library_of_qts_plugin_has_its_debian_package() -> None:
    """What a fresh desktop may lack must be named by its package, not by a file name."""
    from ss_desktop.startup_checks import QT_XCB_PACKAGES

    out = subprocess.run(["ldd", str(_real_plugin())], capture_output=True, text=True).stdout
    needed = {line.split()[0] for line in out.splitlines() if "=>" in line}
    x11 = {n for n in needed if re.search(r"xcb|X11|xkb|EGL|GL|Xau|Xdmcp|fontconfig|dbus", n)}
    assert x11, out
    assert sorted(x11 - QT_XCB_PACKAGES.keys()) == []


def test_a_missing_library_of_the_apps_own_is_named(tmp_path: Path) -> None:
    """The real plugin, copied with the Qt library it needs renamed to one that does not
    exist (the same length, so the file stays valid): the real ldd reports it missing.

    On a computer that also lacks some of the plugin's system libraries (a fresh desktop),
    the apt-get line comes first, and the app's own missing file is named with them."""
    from ss_desktop.startup_checks import check_qt_libraries, missing_libraries

    real = _real_plugin()
    out = subprocess.run(["ldd", str(real)], capture_output=True, text=True).stdout
    system_missing = missing_libraries(out)
    plugin = tmp_path / "libqxcb.so"
    data = real.read_bytes()
    assert b"libQt6XcbQpa.so.6" in data
    plugin.write_bytes(data.replace(b"libQt6XcbQpa.so.6", b"libQt6XcbQpz.so.6"))
    problem = check_qt_libraries({"DISPLAY": ":0"}, "linux", plugin)
    expected = "qt_libraries_missing" if system_missing else "qt_files_missing"
    assert problem is not None and problem.code == expected
    for name in system_missing:
        assert name in problem.message("en")
    assert "libQt6XcbQpz.so.6" in problem.message("en")
    assert "libQt6XcbQpz.so.6" in problem.message("zh_CN")


def test_the_libraries_are_checked_only_where_qt_uses_x11(tmp_path: Path) -> None:
    from ss_desktop.startup_checks import check_qt_libraries

    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not an ELF file")
    assert check_qt_libraries({"DISPLAY": ":0"}, "win32", broken) is None
    assert check_qt_libraries({"QT_QPA_PLATFORM": "offscreen"}, "linux", broken) is None
    assert check_qt_libraries({"WAYLAND_DISPLAY": "wayland-0"}, "linux", broken) is None
