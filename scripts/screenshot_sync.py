"""Screenshots of enrolling and syncing against a real head office: the Sync page
(docs/screenshots/sync_page.png, sync_page_en.png) and the first-run head-office page with its three
choices (first_run_enrol.png, first_run_enrol_en.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_sync.py [--lang zh_CN|en]

Starts ``ss-hq serve`` on loopback with a throw-away SQLite database and one site, makes a
throw-away laptop data folder, enrolls it, registers a few fake children at head office's
site and, as a volunteer might, a new local site with one child (head office refuses those:
the laptop does not serve that site, so they wait in the quarantine), runs two rounds and
takes the picture. Needs a CJK font (Debian: fonts-wqy-microhei) and the built translations.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlmodel import Session  # noqa: E402

from scripts.take_screenshots import OUT, settle  # noqa: E402
from ss_desktop.config import AppPaths  # noqa: E402
from ss_desktop.services.accounts import Accounts  # noqa: E402
from ss_desktop.services.app import LocalApp  # noqa: E402
from ss_desktop.services.children import ChildrenService  # noqa: E402
from ss_desktop.services.setup import initialize  # noqa: E402
from ss_desktop.services.sites import SitesService  # noqa: E402
from ss_desktop.services.sync import SyncService  # noqa: E402
from ss_desktop.ui.app import make_qapplication  # noqa: E402
from ss_desktop.ui.context import AppEvents, UiContext  # noqa: E402
from ss_desktop.ui.executor import DbExecutor  # noqa: E402
from ss_desktop.ui.first_run import FirstRunWizard  # noqa: E402
from ss_desktop.ui.gc_guard import GuiThreadCollector  # noqa: E402
from ss_desktop.ui.i18n import LanguageSwitcher  # noqa: E402
from ss_desktop.ui.main_window import PAGE_SYNC, MainWindow  # noqa: E402
from ss_hq.admin.site_service import add_site  # noqa: E402
from tests.integration.harness import HQProcess, child_form  # noqa: E402

PASSWORD = "Screen-shot-2026"


def wait_for_round(qapp: QApplication, window: MainWindow, executor: DbExecutor) -> None:
    deadline = time.monotonic() + 60
    time.sleep(0.3)
    while window.sync.running and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.05)
    settle(executor, 0.8)


def first_run_shot(app: LocalApp, executor: DbExecutor, switcher: LanguageSwitcher, suffix: str):
    """The wizard's head-office page, the enrolment-file choice picked."""
    wizard = FirstRunWizard(app, executor, switcher)
    wizard.resize(760, 560)
    wizard.show()
    wizard.next()  # the language page
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.repeat.setText(PASSWORD)
    wizard.next()
    wizard.enroll_page.with_file.setChecked(True)
    wizard.enroll_page.file_path.setText("E:/laptop-3f9c2a1e.enroll")
    settle(executor, 0.5)
    wizard.grab().save(str(OUT / f"first_run_enrol{suffix}.png"))
    print(f"written {OUT / f'first_run_enrol{suffix}.png'}")
    wizard.hide()
    wizard.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else "_en"
    with tempfile.TemporaryDirectory(prefix="ss-shot-sync-") as tmp:
        work = Path(tmp)
        hq = HQProcess(f"sqlite:///{work / 'hq.sqlite3'}", work / "hq-logs")
        hq.start()
        app = initialize(AppPaths.resolve(str(work / "laptop")), admin="admin", password=PASSWORD)
        try:
            with Session(hq.engine) as db:
                site = add_site(
                    db,
                    code="SH001",
                    name="阳光流动儿童学校",
                    site_type="migrant_school",
                    division="310115",
                ).id
            session = Accounts(app).sign_in("admin", PASSWORD)
            qapp = make_qapplication()
            collector = GuiThreadCollector(qapp)
            switcher = LanguageSwitcher(qapp)
            switcher.apply(args.lang)
            executor = DbExecutor()
            ctx = UiContext(app, executor, AppEvents(), session=session, settings={})
            first_run_shot(app, executor, switcher, suffix)
            window = MainWindow(ctx, switcher)
            window.resize(1280, 800)
            window.show()
            window.start_session()
            SyncService(app, session).enroll(hq.url, hq.code(site))
            window.sync.start()
            window.show_page(PAGE_SYNC)
            wait_for_round(qapp, window, executor)
            rng = random.Random(7)
            children = ChildrenService(app, session)
            for _ in range(6):
                children.register(child_form(site, rng))
            local = SitesService(app, session).create_site(
                "河边教学点", "teaching_point", division_code="341221"
            )
            children.register(child_form(local.id, rng))
            for _ in range(2):
                window.sync.sync_now()
                wait_for_round(qapp, window, executor)
            window.grab().save(str(OUT / f"sync_page{suffix}.png"))
            print(f"written {OUT / f'sync_page{suffix}.png'}")
            window.sync.shutdown()
            executor.wait_idle()
            del collector
        finally:
            app.close()
            hq.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
