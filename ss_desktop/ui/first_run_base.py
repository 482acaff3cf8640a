"""What the first-run wizard's pages share: their texts' context, the error label, the page
that retranslates itself, and the session enrolment runs as before anyone is signed in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWizardPage

from ss_desktop.services.app import UserSession


def t(text: str) -> str:
    return QCoreApplication.translate("FirstRun", text)


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


# During first run nobody is signed in yet: enrolment runs as the administrator being set up.
SETUP_SESSION = UserSession(
    user_id="", username="setup", display_name="", role="admin", site_ids=()
)
