"""Fixtures for the UI tests: a real data folder per test, the real services and executor,
offscreen Qt, and the zh_CN translation built from the committed .ts file."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ss_desktop.config import AppPaths
from ss_desktop.services.accounts import Accounts
from ss_desktop.services.app import LocalApp, UserSession
from tests.fixtures.data_folder import initialized_app
from tests.ui.helpers import PASSWORD

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"


def build_translations() -> None:
    """Compile each .ts to .qm when missing or older (what `make translations` does)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in TRANSLATIONS.glob("ss_desktop_*.ts"):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(scope="session", autouse=True)
def translations_built() -> None:
    build_translations()


@pytest.fixture(autouse=True)
def gc_in_gui_thread(qapp) -> Iterator[None]:
    """As the app does (ss_desktop/ui/gc_guard.py): cycles are freed in the GUI thread,
    never in a worker, which could freeze Qt; automatic collection is back after the test."""
    from ss_desktop.ui.gc_guard import GuiThreadCollector

    # What earlier tests left alive (hundreds of thousands of objects in a worker that ran
    # head office's tests) is set aside while this test runs, so that the full collection
    # the collector makes when it stops looks only at this test's objects: 1-1.5 s per UI
    # test otherwise, in a full run. Put back afterwards for the collections of other tests.
    gc.freeze()
    collector = GuiThreadCollector(qapp)
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()
        gc.unfreeze()


@pytest.fixture
def data_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def local_app(data_paths: AppPaths) -> Iterator[LocalApp]:
    app = initialized_app(data_paths.data_dir, admin="admin", password=PASSWORD)
    yield app
    app.close()


@pytest.fixture
def admin_session(local_app: LocalApp) -> UserSession:
    return Accounts(local_app).sign_in("admin", PASSWORD)


@pytest.fixture
def switcher(qapp):
    from ss_desktop.ui.i18n import LanguageSwitcher

    switcher = LanguageSwitcher(qapp)
    switcher.apply("en")
    yield switcher
    switcher.apply("en")


@pytest.fixture
def ui_ctx(qapp, local_app: LocalApp, admin_session: UserSession, switcher):
    from ss_desktop.ui.context import AppEvents, UiContext
    from ss_desktop.ui.executor import DbExecutor

    executor = DbExecutor()
    ctx = UiContext(
        local_app,
        executor,
        AppEvents(),
        session=admin_session,
        # A round on loopback gives up after 3 s without progress (head office stopped ...).
        settings={
            "language": "en",
            "idle_lock_minutes": 0,
            "last_user": "admin",
            "sync_give_up_seconds": 3,
        },
    )
    yield ctx
    executor.wait_idle(10_000)
    qapp.processEvents()


def wait_for_executor(qtbot, ctx, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: ctx.executor.pending() == 0, timeout=timeout)


@pytest.fixture
def main_window(qtbot, ui_ctx, switcher):
    from ss_desktop.ui.main_window import MainWindow

    window = MainWindow(ui_ctx, switcher)
    qtbot.addWidget(window)
    window.show()
    window.start_session()
    wait_for_executor(qtbot, ui_ctx)
    yield window
    window.end_session()
    window.hide()
    qtbot.wait(400)  # let pages' debounce timers fire before the window goes away
    wait_for_executor(qtbot, ui_ctx)
