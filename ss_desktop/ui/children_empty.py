"""What the children list shows while no child is registered yet: the two ways to start,
side by side — register a child (Ctrl+N), or import a whole class list (teachers and up).
Texts keep the "ChildrenPage" translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class FirstChildPanel(QWidget):
    register_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstChildPanel")
        self.text = QLabel()
        self.text.setObjectName("emptyListText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerFirstChild")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importClassList")
        for button in (self.register_button, self.import_button):
            button.setMinimumHeight(self.fontMetrics().height() * 3)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(self.register_requested)
        self.import_button.clicked.connect(self.import_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.register_button, 2)
        buttons.addWidget(self.import_button, 2)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.retranslate()

    def set_import_allowed(self, allowed: bool) -> None:
        """Volunteers may not import: the panel then offers only the form."""
        self.import_button.setVisible(allowed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text.setText(
            QCoreApplication.translate(
                "ChildrenPage",
                "No children registered yet. Register them one by one, or import a whole class list from Excel (.xlsx) or CSV.",
            )
        )
        self.register_button.setText(
            QCoreApplication.translate("ChildrenPage", "Register a child (Ctrl+N)")
        )
        self.import_button.setText(
            QCoreApplication.translate("ChildrenPage", "Import a class &list…")
        )
