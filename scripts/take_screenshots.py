"""Screenshots of the desktop app for docs/screenshots/, in Chinese (or --lang en).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py [--data-dir D] [--lang zh_CN]

With --data-dir (a folder made by `ss-desktop init` + `demo`, signed in as its admin with
SS_DESKTOP_PASSWORD) the list shows that data; otherwise a small demo folder is made.
Needs a CJK font (Debian: fonts-wqy-microhei) and the built translations (make translations).
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

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ss_desktop.config import AppPaths  # noqa: E402
from ss_desktop.services.accounts import Accounts  # noqa: E402
from ss_desktop.services.demo import DemoService  # noqa: E402
from ss_desktop.services.setup import initialize  # noqa: E402
from ss_desktop.services.unlock import unlock  # noqa: E402
from ss_desktop.ui.app import make_qapplication  # noqa: E402
from ss_desktop.ui.context import AppEvents, UiContext  # noqa: E402
from ss_desktop.ui.executor import DbExecutor  # noqa: E402
from ss_desktop.ui.gc_guard import GuiThreadCollector  # noqa: E402
from ss_desktop.ui.i18n import LanguageSwitcher  # noqa: E402
from ss_desktop.ui.main_window import MainWindow  # noqa: E402
from ss_desktop.ui.models.children_model import COL_DOB  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(executor: DbExecutor, seconds: float = 0.6) -> None:
    end = time.monotonic() + 30
    while executor.pending() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--demo-count", type=int, default=2000)
    parser.add_argument(
        "--shots",
        default="list,sorted,form,hidden,attendance,settings",
        help="which screenshots (the attendance grid reads best on small data)",
    )
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    password = os.environ.get("SS_DESKTOP_PASSWORD", "Screen-shot-2026")
    tmp = tempfile.TemporaryDirectory(prefix="ss-shots-")
    if args.data_dir:
        app, session = unlock(AppPaths.resolve(args.data_dir), args.user, password)
    else:
        app = initialize(AppPaths.resolve(tmp.name), admin=args.user, password=password)
        session = Accounts(app).sign_in(args.user, password)
    if not args.data_dir:
        DemoService(app, session).populate(args.demo_count, seed=1)

    qapp = make_qapplication()
    gc_guard = GuiThreadCollector(qapp)  # as the app runs (ss_desktop/ui/gc_guard.py)
    switcher = LanguageSwitcher(qapp)
    switcher.apply(args.lang)
    executor = DbExecutor()
    ctx = UiContext(app, executor, AppEvents(), session=session, settings={"idle_lock_minutes": 0})
    window = MainWindow(ctx, switcher)
    window.resize(1280, 800)
    window.show()
    window.start_session()
    settle(executor, 1.5)
    shots = set(args.shots.split(","))
    if "list" in shots:
        window.grab().save(str(OUT / f"children_list{suffix}.png"))
    if "sorted" in shots:  # a click on "Born": newest first, sorted by the database
        table = window.children_page.table
        table.sortByColumn(COL_DOB, Qt.SortOrder.DescendingOrder)
        settle(executor, 1.0)
        window.grab().save(str(OUT / f"children_sorted{suffix}.png"))
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        settle(executor, 1.0)

    if "form" in shots:
        form_shot(window, executor, suffix)
    if "hidden" in shots:
        hidden_shot(window, executor, suffix)
    if "attendance" in shots:
        window.show_page(3)
        settle(executor, 1.0)
        window.grab().save(str(OUT / f"attendance{suffix}.png"))
    if "settings" in shots:
        window.show_page(5)
        settle(executor)
        window.grab().save(str(OUT / f"settings{suffix}.png"))
    window.close()
    executor.wait_idle(5000)
    app.close()
    gc_guard.stop()
    # Delete the Qt objects while the application still exists (PySide6 may crash when
    # Python's final garbage collection meets them after QApplication is gone).
    window.deleteLater()
    executor.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    print(f"screenshots written to {OUT}")
    return 0


def hidden_shot(window: MainWindow, executor: DbExecutor, suffix: str) -> None:
    """A registered child opened: ID number, phones and sensitive details hidden."""
    model = window.children_page.model
    child_id = model.child_id(0) if hasattr(model, "child_id") else None
    if child_id is None:
        print("no child to open for the hidden-details screenshot")
        return
    window.open_child(child_id)
    settle(executor, 1.0)
    window.grab().save(str(OUT / f"form_hidden_details{suffix}.png"))
    window.register_page.new_child()


def form_shot(window: MainWindow, executor: DbExecutor, suffix: str) -> None:
    """The registration form with the mistakes a volunteer makes, in the form's own words."""
    window.new_child()
    settle(executor)
    page = window.register_page
    s = page.sections
    s.surname.setText("张")
    s.given_name.setText("小明")
    s.dob.setText("2015-13-40")
    s.id_number.setText("31010420150304123")
    page.guardians[0].name.setText("王芳")
    page.guardians[0].phone.setText("12345")
    page.save()
    settle(executor)
    window.grab().save(str(OUT / f"form_validation{suffix}.png"))
    page.new_child()  # nothing left unsaved, so closing asks nothing


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Everything is written and closed; skip interpreter teardown, where PySide6 can crash
    # while collecting pages that outlive the QApplication (this script builds them by hand).
    os._exit(code)
