"""Checks run before the GUI starts, so a bad environment gets a clear message, not a trace.

- no display (Linux: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM): Qt would abort the
  process inside ``QApplication()``; we say what is missing instead;
- system libraries Qt's X11 platform plugin needs and the computer lacks (a fresh Debian or
  Ubuntu desktop lacks several xcb libraries): Qt would abort with a message naming only one
  of them; we name the exact ``apt-get install`` line;
- a data folder that cannot be written (permissions) or sits on a read-only disk;
- a data folder whose path is so long that the app's files in it would pass Windows' limit
  of 259 characters for a path (MAX_PATH);
- a second copy of the app on the same data folder: :class:`InstanceLock` holds an OS lock on
  ``<data>/ss-desktop.lock`` (with the holder's process id inside) for as long as the app runs.
  The OS drops the lock when the process ends, even after a crash, so no stale lock remains.

Nothing here writes to the user's data: the write probe is a uniquely named empty file that
is removed at once, and the lock file is the app's own. No Qt: the UI shows the messages.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ss_desktop.config import AppPaths

LOCK_FILENAME = "ss-desktop.lock"
# Windows: a named mutex held while any copy of the app runs. The installer and uninstaller
# (packaging/windows/installer.nsi) look for it and ask to close the app first: Windows
# cannot replace the files of a program that is running.
RUNNING_MUTEX = "SteppingStonesRegistration-running"

# code -> language -> text. Shown before the translators are loaded, so both languages live
# here; {path} and {pid} are filled in.
MESSAGES: dict[str, dict[str, str]] = {
    "no_display": {
        "en": "No display found: the Stepping Stones app needs a graphical desktop.\n"
        "Start it from the desktop (not from a remote shell without X forwarding). The "
        "command-line tools (ss-desktop --help) work without a display.",
        "zh_CN": "找不到显示器：“铺路石”登记程序需要图形桌面。\n"
        "请在桌面环境中启动（不要在没有图形转发的远程终端里启动）。"
        "命令行工具（ss-desktop --help）不需要显示器。",
    },
    "qt_libraries_missing": {
        "en": "The Stepping Stones app cannot open its window: this computer lacks system "
        "libraries the graphical interface needs ({libraries}).\nInstall them, then start "
        "the app again:\n\n    sudo apt-get install {packages}\n\nThe command-line tools "
        "(ss-desktop --help) work without them.",
        "zh_CN": "“铺路石”登记程序无法打开窗口：这台电脑缺少图形界面所需的系统库（{libraries}）。\n"
        "请先安装它们，再启动程序：\n\n    sudo apt-get install {packages}\n\n"
        "命令行工具（ss-desktop --help）不需要这些库。",
    },
    "qt_files_missing": {
        "en": "The Stepping Stones app cannot open its window: some of its own files are "
        "missing or damaged ({libraries}). Install the app again; the data folder is kept.",
        "zh_CN": "“铺路石”登记程序无法打开窗口：程序自身的一些文件缺失或损坏（{libraries}）。"
        "请重新安装程序；数据文件夹会保留。",
    },
    "folder_not_writable": {
        "en": "The data folder cannot be written to:\n{path}\n\nYour account has no permission "
        "to change files there. Ask whoever manages this computer to give you write access, "
        "or start the app with another data folder (--data-dir). Nothing was changed.",
        "zh_CN": "无法写入数据文件夹：\n{path}\n\n您的账户没有修改该文件夹的权限。"
        "请让电脑管理员给您写入权限，或用另一个数据文件夹启动（--data-dir）。没有改动任何数据。",
    },
    "read_only_disk": {
        "en": "The disk holding the data folder is read-only:\n{path}\n\nIf it is a USB "
        "drive or memory card, check its write-protect switch; otherwise copy the data folder "
        "to a writable disk. Nothing was changed.",
        "zh_CN": "数据文件夹所在的磁盘是只读的：\n{path}\n\n如果是U盘或存储卡，请检查写保护开关；"
        "否则请把数据文件夹复制到可写的磁盘上。没有改动任何数据。",
    },
    "disk_full": {
        "en": "The disk holding the data folder is full:\n{path}\n\nFree some space and start "
        "the app again. Nothing was changed.",
        "zh_CN": "数据文件夹所在的磁盘已满：\n{path}\n\n请腾出一些空间后再启动。没有改动任何数据。",
    },
    "not_a_folder": {
        "en": "The data folder is not a folder but a file:\n{path}\n\nChoose another data "
        "folder (--data-dir). Nothing was changed.",
        "zh_CN": "数据文件夹的位置是一个文件，不是文件夹：\n{path}\n\n"
        "请选择另一个数据文件夹（--data-dir）。没有改动任何数据。",
    },
    "path_too_long": {
        "en": "The data folder's path is too long for Windows ({length} characters; at most "
        "{limit}):\n{path}\n\nChoose a folder with a shorter path, for example directly in "
        "Documents or on the disk itself. Nothing was changed.",
        "zh_CN": "数据文件夹的路径太长，Windows 无法使用（{length} 个字符，最多 {limit} 个）：\n{path}\n\n"
        "请选择路径较短的文件夹，例如直接放在“文档”里或磁盘根目录下。没有改动任何数据。",
    },
    "already_open": {
        "en": "The Stepping Stones app is already open with this data folder (process {pid}):"
        "\n{path}\n\nSwitch to the window that is already open. Only one copy of the app can "
        "use a data folder at a time.",
        "zh_CN": "“铺路石”登记程序已经打开了这个数据文件夹（进程 {pid}）：\n{path}\n\n"
        "请切换到已经打开的窗口。同一个数据文件夹一次只能由一个程序使用。",
    },
}


@dataclass(frozen=True)
class StartupProblem:
    """Why the app cannot start; ``message(lang)`` is the text for the user."""

    code: str
    path: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        texts = MESSAGES[self.code]
        text = texts.get(lang) or texts["en"]
        return text.format(path=self.path, **self.params)


def check_display(
    environ: dict[str, str] | None = None, platform: str | None = None
) -> StartupProblem | None:
    """A problem when Qt would find no display (Linux and other X11 systems only)."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return StartupProblem("no_display")


# The shared libraries Qt's xcb platform plugin loads (directly or through another library)
# that a desktop may lack, and the Debian/Ubuntu package of each.
QT_XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def xcb_plugin_path() -> Path | None:
    """Qt's X11 platform plugin in this installation (frozen or not), if there is one."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        roots = [Path(frozen_base) / "PySide6" / "Qt"]
    else:
        from importlib.util import find_spec  # finds PySide6 without importing Qt

        spec = find_spec("PySide6")
        locations = spec.submodule_search_locations if spec else None
        roots = [Path(p) / "Qt" for p in locations or ()]
    for root in roots:
        plugin = root / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    """The library names ``ldd`` reports as "not found", in its order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def check_qt_libraries(
    environ: dict[str, str] | None = None,
    platform: str | None = None,
    plugin: Path | None = None,
) -> StartupProblem | None:
    """A problem naming the ``apt-get install`` line when Qt's X11 plugin would not load.

    Only on Linux when Qt would use X11 (no other platform chosen); ``ldd`` lists what the
    plugin needs and what the computer lacks. Anything unexpected (no ldd, no plugin):
    no problem reported here, Qt gives its own message."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen not in ("", "xcb") or (not chosen and not env.get("DISPLAY")):
        return None
    plugin = plugin or xcb_plugin_path()
    if plugin is None:
        return None
    try:
        done = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    missing = missing_libraries(done.stdout)
    if not missing:
        return None
    packages = list(dict.fromkeys(QT_XCB_PACKAGES[n] for n in missing if n in QT_XCB_PACKAGES))
    if not packages:  # none of them comes from the system: the app's own files are damaged
        return StartupProblem("qt_files_missing", params={"libraries": ", ".join(missing)})
    return StartupProblem(
        "qt_libraries_missing",
        params={"libraries": ", ".join(missing), "packages": " ".join(packages)},
    )


# Windows' MAX_PATH is 260 characters with the final NUL; most programs (and Python's open)
# cannot use a longer path unless long paths are switched on for the whole system.
WINDOWS_MAX_PATH = 259
# The longest path the app makes inside its data folder, with room to spare: the backup taken
# when a first-release database is encrypted, "backups\registration.sqlite3-<23-character
# stamp>-before-encryption.sqlite", is 77; with ".partial-journal" while it is written, 93.
LONGEST_INSIDE = 96


def longest_data_folder(platform: str | None = None) -> int | None:
    """How long the data folder's path may be on this system (None: no practical limit)."""
    platform = sys.platform if platform is None else platform
    return WINDOWS_MAX_PATH - LONGEST_INSIDE - 1 if platform == "win32" else None


def check_path_length(folder: Path, platform: str | None = None) -> StartupProblem | None:
    """A problem when the app's files in *folder* would not fit in a Windows path."""
    limit = longest_data_folder(platform)
    length = len(str(folder))
    if limit is None or length <= limit:
        return None
    return StartupProblem(
        "path_too_long", str(folder), {"length": str(length), "limit": str(limit)}
    )


def _os_problem(exc: OSError, path: Path) -> StartupProblem:
    if exc.errno == errno.EROFS:
        return StartupProblem("read_only_disk", str(path))
    if exc.errno == errno.ENOSPC:
        return StartupProblem("disk_full", str(path))
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) or isinstance(exc, NotADirectoryError):
        return StartupProblem("not_a_folder", str(path))
    return StartupProblem("folder_not_writable", str(path))


def check_writable_folder(folder: Path) -> StartupProblem | None:
    """Create *folder* if needed and prove a file can be written in it (then removed)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return StartupProblem("not_a_folder", str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".write-probe-", dir=folder)
        try:
            os.write(handle, b"ok")
            os.fsync(handle)
        finally:
            os.close(handle)
            os.unlink(probe)
    except OSError as exc:
        return _os_problem(exc, folder)
    return None


def check_data_files(paths: AppPaths) -> StartupProblem | None:
    """The data, log and backup folders are writable, and so are the existing data files.

    *paths* is an :class:`ss_desktop.config.AppPaths`.
    """
    problem = check_path_length(paths.data_dir)
    if problem is not None:
        return problem
    for folder in (paths.data_dir, paths.log_dir, paths.backup_dir):
        problem = check_writable_folder(folder)
        if problem is not None:
            return problem
    for existing in (paths.database, paths.settings_file):
        if existing.exists() and not os.access(existing, os.W_OK):
            return StartupProblem("folder_not_writable", str(existing))
    return None


class InstanceLock:
    """One running app per data folder: an OS lock on ``<folder>/ss-desktop.lock``."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_FILENAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> StartupProblem | None:
        """Take the lock; a problem ("already_open", naming the holder's pid) otherwise."""
        handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - kept open while held
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            return StartupProblem("already_open", str(self.path.parent), {"pid": holder})
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return None

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.flush()
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


_running_marker: int | None = None


def announce_running() -> None:
    """Hold the RUNNING_MUTEX until this process ends (Windows; elsewhere nothing)."""
    global _running_marker
    if sys.platform != "win32" or _running_marker is not None:
        return
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p]
    _running_marker = kernel32.CreateMutexW(None, 0, RUNNING_MUTEX)


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        # Lock one byte far past the pid: Windows locks are mandatory, and the second copy
        # must still be able to read who holds the lock.
        handle.seek(1 << 20)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(1 << 20)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
