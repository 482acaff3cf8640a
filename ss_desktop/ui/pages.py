"""The main window's pages: their places (Ctrl+1..7), pages this build may lack and what
stands in for them, and navigation names without their mnemonics."""

from __future__ import annotations

import importlib
import logging
import re

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.ui.context import UiContext

log = logging.getLogger(__name__)

(
    PAGE_CHILDREN,
    PAGE_REGISTER,
    PAGE_SITES,
    PAGE_ATTENDANCE,
    PAGE_SYNC,
    PAGE_SETTINGS,
    PAGE_REPORTS,
) = range(7)


class PlaceholderPage(QWidget):
    """Stands in for a page this build does not have yet; says so plainly."""

    def __init__(self, text_source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = text_source
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("MainWindow", self._source))


PAGE_MISSING = QT_TRANSLATE_NOOP("MainWindow", "This page is not available in this version.")


def without_mnemonic(text: str) -> str:
    """'&Children' -> 'Children', '同步(&Y)' -> '同步', 'Sites && &programs' -> 'Sites & programs'."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def optional_page(module: str, name: str, ctx: UiContext) -> QWidget | None:
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        log.info("page %s.%s not available: %s", module, name, type(exc).__name__)
        return None
    page: QWidget = cls(ctx)
    return page
