"""Screenshots of automatic backups and of restoring over a damaged data file, for
docs/screenshots/ (the whole 1366x768 screen, as a volunteer sees it).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_backups.py --lang zh_CN
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_backups.py --lang en

Makes a demo data folder with an automatic backup, shows Settings (the last backup and the
removable drive), then cuts the data file short as a power cut would and shows the sign-in
window, the choice of backup, and the data back. Needs a CJK font (fonts-wqy-microhei) and
the built translations (make translations).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtGui import QFont, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ss_desktop.config import AppPaths  # noqa: E402
from ss_desktop.demo import DemoService  # noqa: E402
from ss_desktop.services.accounts import Accounts  # noqa: E402
from ss_desktop.services.auto_backup import SIGN_OUT, AutoBackups  # noqa: E402
from ss_desktop.services.settings import save_settings  # noqa: E402
from ss_desktop.services.setup import initialize  # noqa: E402
from ss_desktop.ui.app import AppShell, make_qapplication  # noqa: E402
from ss_desktop.ui.gc_guard import GuiThreadCollector  # noqa: E402
from ss_desktop.ui.main_window import PAGE_SETTINGS  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "Screen-shot-2026"


def settle(shell: AppShell, seconds: float = 0.8) -> None:
    end = time.monotonic() + 30
    while shell.ctx is not None and shell.ctx.executor.pending() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def fill_screen(widget: QWidget) -> None:
    """Xvfb has no window manager: "maximized" is the screen's size, set by hand."""
    widget.setGeometry(QGuiApplication.primaryScreen().availableGeometry())


def screen(name: str, suffix: str) -> None:
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}{suffix}.png"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--demo-count", type=int, default=400)
    parser.add_argument(
        "--root", help="make the data folder here (its path shows in Settings; default: temp)"
    )
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    tmp = tempfile.TemporaryDirectory(prefix="ss-shots-")
    root = Path(args.root or tmp.name)
    paths = AppPaths.resolve(root / "SteppingStones")
    drive = root / "U盘" / "铺路石备份"
    drive.mkdir(parents=True)
    app = initialize(paths, admin="admin", password=PASSWORD)
    session = Accounts(app).sign_in("admin", PASSWORD)
    DemoService(app, session).populate(args.demo_count, seed=1)
    AutoBackups(app, drive_folder=drive).run(SIGN_OUT)
    app.close()
    save_settings(
        paths.settings_file,
        {
            "language": args.lang,
            "idle_lock_minutes": 0,
            "last_user": "admin",
            "backup_drive": str(drive),
        },
    )

    qapp = make_qapplication()
    qapp.setFont(QFont("WenQuanYi Micro Hei", 10))
    gc_guard = GuiThreadCollector(qapp)

    # 1. Settings: the last backup and the removable drive.
    shell = AppShell(qapp, paths, lang=args.lang)
    assert shell.start()
    dialog = shell.signin
    assert dialog is not None
    dialog.password.setText(PASSWORD)
    dialog.attempt()
    settle(shell, 1.5)
    window = shell.window
    assert window is not None
    fill_screen(window)
    window.show_page(PAGE_SETTINGS)
    settle(shell, 1.5)
    screen("backup_settings", suffix)
    shell.shutdown()
    shell.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # 2. A power cut left the data file cut in half: sign-in says so and offers a backup.
    with paths.database.open("r+b") as handle:
        handle.truncate(paths.database.stat().st_size // 2)
    shell = AppShell(qapp, paths, lang=args.lang)
    assert shell.start()
    dialog = shell.signin
    assert dialog is not None
    dialog.password.setText(PASSWORD)
    dialog.attempt()  # the file looks whole until it is opened: the sign-in finds the damage
    settle(shell, 2.0)
    screen("restore_sign_in", suffix)
    dialog.open_restore()
    restore = dialog.restore_dialog
    assert restore is not None
    settle(shell)
    restore.password.setText(PASSWORD)
    settle(shell, 0.3)
    screen("restore_choose_backup", suffix)
    restore.attempt()
    settle(shell, 3.0)
    window = shell.window
    assert window is not None
    fill_screen(window)
    settle(shell, 1.5)
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "restoredMessage":
            widget.raise_()
    settle(shell, 0.5)
    screen("restore_done", suffix)
    shell.shutdown()
    gc_guard.stop()
    shell.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    os.environ.pop("QT_QPA_PLATFORM", None)  # a real X server (Xvfb), not offscreen
    sys.exit(main())
