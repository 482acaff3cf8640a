"""Help > User guide (F1): the guide in the app's language, shown in the app (it needs no
browser and no network). The guides are docs/user-guide.zh.md and docs/user-guide.en.md
with the screenshots they show; build.spec ships them in the frozen app (docs/ beside
resources/), and ``ss-desktop self-test`` checks they are there."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ss_core.resources import docs_path

GUIDES = {"zh_CN": "user-guide.zh.md", "en": "user-guide.en.md"}
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def guide_path(language: str) -> Path:
    """The guide in *language* (English for a language without its own guide)."""
    return docs_path(GUIDES.get(language, GUIDES["en"]))


def guide_images(path: Path) -> list[Path]:
    """The image files a guide shows, as paths next to it."""
    text = path.read_text(encoding="utf-8")
    return [path.parent / target for target in _IMAGE.findall(text)]


def missing_guide_files() -> list[str]:
    """Guides or their screenshots missing from this installation ([] when complete)."""
    missing = []
    for language in GUIDES:
        path = guide_path(language)
        if not path.is_file():
            missing.append(path.name)
            continue
        missing += [str(p.relative_to(path.parent)) for p in guide_images(path) if not p.is_file()]
    return missing


class UserGuideDialog(QDialog):
    """The guide, with its pictures, links and contents; modeless, so it can stay open
    beside the form."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(True)
        path = guide_path(language)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(980, 680)
