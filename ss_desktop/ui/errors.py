"""Errors users see: translated messages for service errors, and a report dialog for bugs.

``error_message(exc)`` turns any exception a service call may raise into translated text
(ServiceError / ValidationFailed codes via ss_desktop.services.messages templates).
``install_excepthook(log_file)`` logs unexpected exceptions and shows a report the user can
copy: the exception type and where it happened — never the exception's message or any
value, which could carry a child's name or ID number.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ss_core.domain.errors import ValidationFailed
from ss_desktop.services.messages import (
    ERROR_CONTEXT,
    ERROR_TEMPLATES,
    ISSUE_CONTEXT,
    ISSUE_TEMPLATES,
    error_code_of,
    fill,
)

log = logging.getLogger(__name__)

# Codes raised by services written for the desktop shell (ss_desktop.services.setup) that
# are not (yet) in ss_desktop.services.messages.


def issue_message(code: str, params: dict[str, Any]) -> str:
    template = ISSUE_TEMPLATES.get(code)
    if template is None:
        return code
    return fill(QCoreApplication.translate(ISSUE_CONTEXT, template), params)


def error_message(exc: BaseException) -> str:
    """Translated text telling the user what went wrong and what to do."""
    code, params = error_code_of(exc)
    if isinstance(exc, ValidationFailed):
        lines = [issue_message(str(i.code), dict(i.params)) for i in exc.issues]
        head = QCoreApplication.translate("Errors", "Some fields need fixing:")
        return "\n".join([head, *(f"• {line}" for line in dict.fromkeys(lines))])
    template = ERROR_TEMPLATES.get(code)
    if template is not None:
        return fill(QCoreApplication.translate(ERROR_CONTEXT, template), params)
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.",
    ).format(type=params.get("type", type(exc).__name__))


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A message box for an error a service call reported."""
    code, _ = error_code_of(exc)
    if code == "unexpected":
        log.error(
            "unexpected error: %s\n%s", type(exc).__name__, getattr(exc, "__traceback_text__", "")
        )
    QMessageBox.warning(
        parent,
        title or QCoreApplication.translate("Errors", "Could not finish"),
        error_message(exc),
    )


def crash_report(exc_type: type[BaseException], tb: TracebackType | None, version: str = "") -> str:
    """What the report dialog shows: no message text, no values — only code locations."""
    frames = traceback.extract_tb(tb)
    lines = [
        f"ss-desktop {version}".strip(),
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.system()} {platform.release()}",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
    ]
    for frame in frames:
        where = Path(frame.filename)
        short = "/".join(where.parts[-3:])
        lines.append(f"  {short}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


class ErrorReportDialog(QDialog):
    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorReportDialog")
        self.setWindowTitle(QCoreApplication.translate("ErrorReport", "Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "ErrorReport",
                "The app met an error it did not expect. What you saved before is safe. Please copy the report below and send it to head office; it contains no names or ID numbers.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setMinimumSize(520, 180)
        layout.addWidget(self.report)
        if log_file is not None:
            where = QLabel(
                QCoreApplication.translate("ErrorReport", "Log file: {path}").format(
                    path=str(log_file)
                )
            )
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(
            QCoreApplication.translate("ErrorReport", "&Copy report"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(
    log_file: Path | None, version: str = "", show_dialog: bool = True
) -> ExceptHook:
    """Log every uncaught exception and show the report dialog; returns the previous hook."""
    previous = sys.excepthook
    showing = {"now": False}

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        app = QApplication.instance()
        if not show_dialog or app is None or showing["now"]:
            return
        showing["now"] = True
        try:
            ErrorReportDialog(
                crash_report(exc_type, tb, version), log_file, QApplication.activeWindow()
            ).exec()
        finally:
            showing["now"] = False

    sys.excepthook = hook
    return previous
