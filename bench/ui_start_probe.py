"""Probe for bench_ui: start a program and report when its first window is interactive.

    python -m bench.ui_start_probe bare            # a bare PySide6 QMainWindow
    python -m bench.ui_start_probe app DATA_DIR    # ss-desktop, up to its sign-in window

The parent passes its clock reading in SS_BENCH_T0 (time.time() just before spawning); the
probe prints the seconds from then until the window is shown and the event loop is idle,
i.e. ready for the first keystroke. Interpreter start and every import are included.
"""

from __future__ import annotations

import os
import sys
import time


def _report_and_quit(qapp) -> None:
    print(f"READY {time.time() - float(os.environ['SS_BENCH_T0']):.4f}", flush=True)
    qapp.exit(0)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(800, 600)
    window.show()
    QTimer.singleShot(0, lambda: _report_and_quit(qapp))
    return qapp.exec()


def app(data_dir: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ss_desktop.__main__ import main

    qapp = QApplication(sys.argv[:1])

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if type(widget).__name__ == "SignInDialog" and widget.isVisible():
                timer.stop()
                QTimer.singleShot(0, lambda: _report_and_quit(qapp))
                return

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(poll)
    timer.start()
    return main(["--data-dir", data_dir, "--lang", "zh_CN"])


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app(sys.argv[2]))
