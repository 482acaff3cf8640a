"""``ss-desktop self-test``: can this installation start? (also in the frozen build)

A temporary data folder is initialized, the translations are loaded, the main window is
shown with the children list read through the executor, then closed; the user guides (zh,
en) and their screenshots must be there. Exit 0 when all of
that worked; otherwise the reason is printed and the exit code is 1.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path


def _fail(reason: str) -> int:
    print(f"self-test FAILED: {reason}", file=sys.stderr)
    return 1


def run_self_test() -> int:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QCoreApplication

        from ss_desktop.config import AppPaths
        from ss_desktop.services.accounts import Accounts
        from ss_desktop.services.setup import initialize
        from ss_desktop.ui.app import make_qapplication
        from ss_desktop.ui.context import AppEvents, UiContext
        from ss_desktop.ui.executor import DbExecutor
        from ss_desktop.ui.i18n import LanguageSwitcher
        from ss_desktop.ui.main_window import MainWindow
    except Exception as exc:  # noqa: BLE001 - a broken install is what we test for
        return _fail(f"cannot import the app ({type(exc).__name__}: {exc})")

    with tempfile.TemporaryDirectory(prefix="ss-selftest-") as tmp:
        paths = AppPaths.resolve(Path(tmp))
        password = "self-test-" + secrets.token_hex(8)
        try:
            app = initialize(paths, admin="selftest", password=password)
            session = Accounts(app).sign_in("selftest", password)
        except Exception as exc:  # noqa: BLE001
            return _fail(f"cannot create a database ({type(exc).__name__}: {exc})")
        try:
            qapp = make_qapplication()
            switcher = LanguageSwitcher(qapp)
            if not switcher.apply("zh_CN"):
                return _fail("the Chinese translation file is missing (run: make translations)")
            executor = DbExecutor()
            ctx = UiContext(
                app, executor, AppEvents(), session=session, settings={"idle_lock_minutes": 0}
            )
            window = MainWindow(ctx, switcher)
            window.show()
            window.start_session()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and (
                executor.pending() or window.children_page.model.loading
            ):
                QCoreApplication.processEvents()
                time.sleep(0.01)
            if executor.pending():
                return _fail("the children list did not load within 10 s")
            if not window.isVisible():
                return _fail("the main window did not show")
            from ss_desktop.ui.user_guide import missing_guide_files

            missing = missing_guide_files()
            if missing:
                return _fail(f"the user guide is incomplete: {', '.join(missing)} missing")
            window.close()
            switcher.apply("en")
            executor.wait_idle(5000)
        except Exception as exc:  # noqa: BLE001
            return _fail(f"the main window failed ({type(exc).__name__}: {exc})")
        finally:
            app.close()
    print("self-test OK")
    return 0
