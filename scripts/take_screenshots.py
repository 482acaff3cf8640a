"""Screenshots of the desktop app for docs/screenshots/, in Chinese (or --lang en), at 1366x768.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/take_screenshots.py [--data-dir D] [--lang zh_CN]
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py ...   (the same, without X)

Shots (--shots): list, sorted, search (`wang`: the children surnamed 王 first), form, hidden,
attendance, settings; empty (the list of a laptop with no child yet) and first_run (the
wizard's pages) use a fresh data folder of their own.

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
from ss_desktop.demo import DemoService  # noqa: E402
from ss_desktop.services.accounts import Accounts  # noqa: E402
from ss_desktop.services.children import ChildrenService  # noqa: E402
from ss_desktop.services.setup import initialize  # noqa: E402
from ss_desktop.services.sites import SitesService  # noqa: E402
from ss_desktop.services.unlock import unlock  # noqa: E402
from ss_desktop.ui.app import make_qapplication  # noqa: E402
from ss_desktop.ui.context import AppEvents, UiContext  # noqa: E402
from ss_desktop.ui.executor import DbExecutor  # noqa: E402
from ss_desktop.ui.gc_guard import GuiThreadCollector  # noqa: E402
from ss_desktop.ui.i18n import LanguageSwitcher  # noqa: E402
from ss_desktop.ui.main_window import MainWindow  # noqa: E402
from ss_desktop.ui.models.children_model import COL_DOB  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOT_PASSWORD = "Screen-shot-2026"


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
    parser.add_argument("--size", default="1366x768", help="window size, as a laptop screen")
    parser.add_argument(
        "--shots",
        default="list,sorted,search,register,duplicates,form,hidden,attendance,settings,empty,first_run",
        help="which screenshots (the attendance grid reads best on small data)",
    )
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    password = os.environ.get("SS_DESKTOP_PASSWORD", "Screen-shot-2026")
    size = tuple(int(n) for n in args.size.split("x"))
    shots = set(args.shots.split(","))
    qapp = make_qapplication()
    gc_guard = GuiThreadCollector(qapp)  # as the app runs (ss_desktop/ui/gc_guard.py)
    switcher = LanguageSwitcher(qapp)
    switcher.apply(args.lang)
    if "first_run" in shots:
        first_run_shots(qapp, args.lang, suffix)
    if "empty" in shots:
        empty_shot(switcher, password, size, suffix)
    if not shots - {"first_run", "empty"}:
        gc_guard.stop()
        print(f"screenshots written to {OUT}")
        return 0
    tmp = tempfile.TemporaryDirectory(prefix="ss-shots-")
    if args.data_dir:
        app, session = unlock(AppPaths.resolve(args.data_dir), args.user, password)
    else:
        app = initialize(AppPaths.resolve(tmp.name), admin=args.user, password=password)
        session = Accounts(app).sign_in(args.user, password)
    if not args.data_dir:
        DemoService(app, session).populate(args.demo_count, seed=1)

    executor = DbExecutor()
    ctx = UiContext(app, executor, AppEvents(), session=session, settings={"idle_lock_minutes": 0})
    window = MainWindow(ctx, switcher)
    window.resize(*size)
    window.show()
    window.start_session()
    settle(executor, 1.5)
    if "list" in shots:
        window.grab().save(str(OUT / f"children_list{suffix}.png"))
    if "sorted" in shots:  # a click on "Born": newest first, sorted by the database
        table = window.children_page.table
        table.sortByColumn(COL_DOB, Qt.SortOrder.DescendingOrder)
        settle(executor, 1.0)
        window.grab().save(str(OUT / f"children_sorted{suffix}.png"))
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        settle(executor, 1.0)
    if "search" in shots:  # pinyin of a surname: its children first, rare readings last
        window.children_page.search.setText("wang")
        settle(executor, 1.5)
        window.grab().save(str(OUT / f"children_search_wang{suffix}.png"))
        window.children_page.search.clear()
        settle(executor, 1.0)

    if "register" in shots:
        register_shot(window, executor, suffix)
    if "duplicates" in shots:
        duplicate_shots(window, executor, suffix)
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


def empty_shot(switcher: LanguageSwitcher, password: str, size: tuple, suffix: str) -> None:
    """A laptop with its site but no child yet: the list offers the form and the import."""
    with tempfile.TemporaryDirectory(prefix="ss-shots-empty-") as folder:
        app = initialize(AppPaths.resolve(folder), admin="admin", password=password)
        session = Accounts(app).sign_in("admin", password)
        SitesService(app, session).create_site("阳光随迁子女学校", "migrant_school")
        executor = DbExecutor()
        ctx = UiContext(
            app, executor, AppEvents(), session=session, settings={"idle_lock_minutes": 0}
        )
        window = MainWindow(ctx, switcher)
        window.resize(*size)
        window.show()
        window.start_session()
        settle(executor, 1.5)
        window.grab().save(str(OUT / f"children_empty{suffix}.png"))
        window.close()
        executor.wait_idle(5000)
        app.close()
        window.deleteLater()
        executor.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def first_run_shots(qapp: QApplication, lang: str, suffix: str) -> None:
    """The first-run wizard's pages, in their order: language, admin, head office, site."""
    from ss_desktop.ui.app import AppShell

    with tempfile.TemporaryDirectory(prefix="ss-shots-first-") as folder:
        shell = AppShell(qapp, AppPaths.resolve(folder), lang=lang)
        shell.start()
        wizard = shell.wizard
        executor = shell.ctx.executor
        settle(executor)
        wizard.grab().save(str(OUT / f"first_run_language{suffix}.png"))
        wizard.next()
        settle(executor)
        wizard.admin_page.user.setText("lilaoshi")
        wizard.admin_page.password.setText("Bamboo-river-7")
        wizard.admin_page.repeat.setText("Bamboo-river-7")
        settle(executor)
        wizard.grab().save(str(OUT / f"first_run_admin{suffix}.png"))
        wizard.next()
        settle(executor)
        wizard.grab().save(str(OUT / f"first_run_enrol{suffix}.png"))
        wizard.next()
        settle(executor)
        wizard.site_page.name.setText("阳光随迁子女学校")
        wizard.site_page.code.setText("SH-01")
        kind = wizard.site_page.kind
        kind.setCurrentIndex(kind.findData("migrant_school"))
        settle(executor)
        wizard.grab().save(str(OUT / f"first_run_site{suffix}.png"))
        wizard.hide()  # nothing is written before Finish
        shell.shutdown()
        shell.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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


def type_minimal_child(window: MainWindow, child: dict, guardian: str = "王芳") -> None:
    """The fields of a minimal child, as the keyboard test types them."""
    page = window.register_page
    s = page.sections
    s.surname.setText(child["surname"])
    s.identity.given_name.setText(child["given_name"])
    s.identity.gender.set_value(child.get("gender") or 1)
    s.dob.setText(str(child["dob"]))
    s.identity.id_number.setText(child.get("id_number") or "")
    g = page.guardians[0]
    g.name.setText(guardian)
    g.relationship.set_value("mother")
    g.phone.setText("13812345678")
    page.consent.setChecked(True)


def register_shot(window: MainWindow, executor: DbExecutor, suffix: str) -> None:
    """The form as a teacher fills it: identity, the guardian right after, the consent."""
    window.new_child()
    settle(executor)
    type_minimal_child(window, {"surname": "张", "given_name": "小明", "dob": "2016-05-04"})
    window.register_page.guardians[0].phone.setFocus()
    settle(executor)
    window.grab().save(str(OUT / f"form_register{suffix}.png"))
    window.register_page.new_child()


def duplicate_shots(window: MainWindow, executor: DbExecutor, suffix: str) -> None:
    """The duplicate warning: a match at the user's own site, then one at a site the user
    (a volunteer of one site) may not open."""
    ctx = window.ctx
    admin = ctx.session
    children = ChildrenService(ctx.app, admin)
    sites = SitesService(ctx.app, admin).list_sites()
    rows = children.search("", limit=200).rows
    existing = next(
        child
        for child in (children.get(r.id) for r in rows)
        if child.get("id_number") and child.get("dob_precision") in (None, "exact")
    )
    window.new_child()
    settle(executor)
    page = window.register_page
    type_minimal_child(window, {**existing, "id_number": ""})
    page.sections.set_site(existing["site_id"])
    page.save()
    settle(executor, 1.0)
    window.grab().save(str(OUT / f"form_duplicate_same_site{suffix}.png"))
    page.new_child()

    home = next(s for s in sites if s.id != existing["site_id"])
    accounts = Accounts(ctx.app)
    if "desk" not in {u.username for u in accounts.list_users(admin)}:
        accounts.create_user(admin, "desk", SHOT_PASSWORD, "volunteer", [home.id])
    ctx.session = accounts.sign_in("desk", SHOT_PASSWORD)
    window.new_child()
    settle(executor)
    other = {**existing, "surname": "王", "given_name": "小虎"}
    type_minimal_child(window, other)
    page.sections.set_site(home.id)
    page.save()
    settle(executor, 1.0)
    window.grab().save(str(OUT / f"form_duplicate_other_site{suffix}.png"))
    page.new_child()
    ctx.session = admin


def form_shot(window: MainWindow, executor: DbExecutor, suffix: str) -> None:
    """The registration form with the mistakes a volunteer makes, in the form's own words."""
    window.new_child()
    settle(executor)
    page = window.register_page
    s = page.sections
    s.surname.setText("张")
    s.identity.given_name.setText("小明")
    s.dob.setText("2015-13-40")
    s.identity.id_number.setText("31010420150304123")
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
