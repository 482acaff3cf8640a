"""Desktop responsiveness benchmarks (docs/PERFORMANCE.md), with 100,000 children.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_ui [--data-dir D] [--children 100000]

Without --data-dir a data folder with --children demo children is made first (slow: minutes).
Measured in one run:
1. start to an interactive sign-in window, from source, against a bare PySide6 QMainWindow
   started the same way (both: fresh processes, interpreter start and imports included);
2. opening the Children page: from the page asking for its list to the first rows shown;
3. a keystroke in the search box to updated rows, end to end through the worker thread
   (input-method events for Chinese, key events for letters and digits);
4. a click on a column header to the first rows in that column's order (both directions;
   consent, computed in Python, apart);
5. opening the registration form (a new, empty form shown and ready).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import percentile, summary, write_result

PASSWORD = "Bench-mark-2026"
ROOT = Path(__file__).resolve().parent.parent


def start_probe(kind: str, data_dir: str | None, runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = []
    for _ in range(runs):
        env["SS_BENCH_T0"] = repr(time.time())
        args = [sys.executable, "-m", "bench.ui_start_probe", kind] + (
            [data_dir] if data_dir else []
        )
        done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("READY")]
        if not line:
            raise RuntimeError(f"probe {kind} failed: {done.stderr[-2000:]}")
        out.append(float(line[0].split()[1]) * 1000)
    return out


def make_data(children: int) -> tuple[str, tempfile.TemporaryDirectory]:
    from ss_desktop.config import AppPaths
    from ss_desktop.demo import DemoService
    from ss_desktop.services.accounts import Accounts
    from ss_desktop.services.setup import initialize

    tmp = tempfile.TemporaryDirectory(prefix="ss-bench-ui-")
    paths = AppPaths.resolve(Path(tmp.name) / "data")
    app = initialize(paths, admin="admin", password=PASSWORD)
    session = Accounts(app).sign_in("admin", PASSWORD)
    DemoService(app, session).populate(children, seed=1)
    app.close()
    return str(paths.data_dir), tmp


def in_process(data_dir: str, password: str, rounds: int) -> dict:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QInputMethodEvent, QKeyEvent
    from PySide6.QtWidgets import QApplication

    from ss_desktop.config import AppPaths
    from ss_desktop.services.unlock import unlock
    from ss_desktop.ui.app import make_qapplication
    from ss_desktop.ui.context import AppEvents, UiContext
    from ss_desktop.ui.executor import DbExecutor
    from ss_desktop.ui.gc_guard import GuiThreadCollector
    from ss_desktop.ui.i18n import LanguageSwitcher
    from ss_desktop.ui.main_window import MainWindow
    from ss_desktop.ui.register import RegisterPage

    app, session = unlock(AppPaths.resolve(data_dir), "admin", password)
    qapp = make_qapplication()
    gc_guard = GuiThreadCollector(qapp)  # as the app runs (ss_desktop/ui/gc_guard.py)
    switcher = LanguageSwitcher(qapp)
    switcher.apply("zh_CN")
    executor = DbExecutor()
    ctx = UiContext(app, executor, AppEvents(), session=session, settings={"idle_lock_minutes": 0})
    window = MainWindow(ctx, switcher)
    window.resize(1280, 800)
    window.show()
    page = window.children_page
    model = page.model

    def spin_until(cond, timeout=30.0) -> None:
        end = time.perf_counter() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError("the window did not answer in time")
            time.sleep(0.0005)

    # 1. the Children page, first rows: cold (first open after sign-in), then warm
    first_rows = []
    started = time.perf_counter()
    window.start_session()
    spin_until(lambda: model.rowCount() > 0 and not model.loading)
    first_rows.append((time.perf_counter() - started) * 1000)
    for _ in range(rounds):
        window.show_page(5)
        QCoreApplication.processEvents()
        started = time.perf_counter()
        window.show_page(0)
        page.run_search()  # what opening the page does when its data changed meanwhile
        spin_until(lambda: model.rowCount() > 0 and not model.loading)
        first_rows.append((time.perf_counter() - started) * 1000)

    # 2. keystrokes in the search box, each to its updated rows
    def type_and_wait(text: str) -> float:
        generation = model._generation  # the benchmark reads the model's counter
        started = time.perf_counter()
        if text.isascii():
            key = QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, text)
            QApplication.sendEvent(page.search, key)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(page.search, event)
        spin_until(lambda: model._generation != generation and not model.loading)
        return (time.perf_counter() - started) * 1000

    typed = ["zhang", "wxm", "sxx", "1234", "ouyang", "liu", "chen"]
    chinese = ["王", "李", "张", "欧阳", "陈"]
    keystrokes: list[float] = []
    per_word: dict[str, list[float]] = {}
    for _ in range(rounds):
        for word in typed + chinese:
            page.search.clear()
            spin_until(lambda: not model.loading)
            page.search.setFocus()
            pieces = list(word) if word.isascii() else [word]
            for piece in pieces:
                ms = type_and_wait(piece)
                keystrokes.append(ms)
                per_word.setdefault(word, []).append(ms)
                time.sleep(0.12)  # a fast typist's pace

    # 3. a click on a column header to the first rows in that order (the database sorts
    # every matching child), with nothing else queued; then back to the search order
    def sort_and_wait(column: int, order) -> float:
        spin_until(lambda: not executor.pending())
        generation = model._generation
        started = time.perf_counter()
        page.table.sortByColumn(column, order)
        spin_until(
            lambda: model._generation != generation and not model.loading and model.rowCount() > 0
        )
        return (time.perf_counter() - started) * 1000

    page.search.clear()
    spin_until(lambda: not model.loading)
    sort_columns = {"born": 3, "site": 4, "grade": 5, "class": 6, "name": 0}
    sorted_ms: list[float] = []
    per_column: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, column in sort_columns.items():
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                ms = sort_and_wait(column, order)
                sorted_ms.append(ms)
                per_column.setdefault(name, []).append(ms)
    consent_ms = [sort_and_wait(8, Qt.SortOrder.AscendingOrder) for _ in range(rounds)]
    page.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    spin_until(lambda: not model.loading)

    # 4. the registration form
    form_open = []
    for _ in range(rounds):
        window.show_page(0)
        QCoreApplication.processEvents()
        started = time.perf_counter()
        window.new_child()
        spin_until(lambda: window.register_page.isVisible() and not executor.pending())
        form_open.append((time.perf_counter() - started) * 1000)
    form_build = []
    for _ in range(rounds):
        started = time.perf_counter()
        fresh = RegisterPage(ctx)
        fresh.show()
        spin_until(lambda fresh=fresh: fresh.isVisible() and not executor.pending())
        form_build.append((time.perf_counter() - started) * 1000)
        fresh.close()
        fresh.deleteLater()
    window.close()
    executor.wait_idle(10_000)
    app.close()
    gc_guard.stop()
    return {
        "children_first_rows_ms": {"cold": round(first_rows[0], 1), **summary(first_rows[1:])},
        "keystroke_to_rows_ms": summary(keystrokes),
        "keystroke_per_word_p95_ms": {w: round(percentile(v, 95), 1) for w, v in per_word.items()},
        "sort_by_column_first_rows_ms": summary(sorted_ms),
        "sort_per_column_p95_ms": {c: round(percentile(v, 95), 1) for c, v in per_column.items()},
        "sort_by_consent_first_rows_ms": summary(consent_ms),
        "form_open_ms": summary(form_open),
        "form_first_build_ms": summary(form_build),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--password", default=os.environ.get("SS_DESKTOP_PASSWORD", PASSWORD))
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--start-runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = None
    data_dir, password = args.data_dir, args.password
    if not data_dir:
        data_dir, tmp = make_data(args.children)
        password = PASSWORD

    bare = start_probe("bare", None, args.start_runs)
    ours = start_probe("app", data_dir, args.start_runs)
    start = {
        "bare_qmainwindow_ms": summary(bare),
        "sign_in_window_ms": summary(ours),
        "ratio_median": round(statistics.median(ours) / statistics.median(bare), 2),
    }
    print(json.dumps(start, indent=2))
    measured = in_process(data_dir, password, args.rounds)
    print(json.dumps(measured, indent=2))
    path = write_result(
        "ui", {"data_dir_children": args.children if tmp else "given", "start": start, **measured}
    )
    print(f"written to {path}")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
