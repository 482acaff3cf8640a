"""First run: language, the first administrator, head-office enrolment (or offline), the site.

The enrolment page enrols with a head-office code when Next is pressed (a wrong or expired
code, or an unreachable server, is explained on the page); an enrolled laptop gets its sites
from head office and skips the site page. Otherwise nothing is written until Finish: then,
on the executor, the admin is created and signed in and the site is created (status
"pending" until head office confirms it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ss_core.domain.enums import SiteType
from ss_desktop.services.accounts import USERNAME_RE, check_password_rules
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.settings import LANGUAGES
from ss_desktop.services.setup import check_site_input, complete_first_run
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.i18n import LANGUAGE_NAMES, LanguageSwitcher

SITE_TYPES = {
    SiteType.PUBLIC_SCHOOL: QT_TRANSLATE_NOOP("FirstRun", "Public school"),
    SiteType.MIGRANT_SCHOOL: QT_TRANSLATE_NOOP("FirstRun", "Migrant school"),
    SiteType.PRIVATE_SCHOOL: QT_TRANSLATE_NOOP("FirstRun", "Private school"),
    SiteType.SPECIAL_SCHOOL: QT_TRANSLATE_NOOP("FirstRun", "Special education school"),
    SiteType.VOCATIONAL_SCHOOL: QT_TRANSLATE_NOOP("FirstRun", "Vocational school"),
    SiteType.TEACHING_POINT: QT_TRANSLATE_NOOP("FirstRun", "Teaching point"),
    SiteType.CARE_HOME: QT_TRANSLATE_NOOP("FirstRun", "Care home"),
    SiteType.COMMUNITY_CENTRE: QT_TRANSLATE_NOOP("FirstRun", "Community centre"),
    SiteType.ONLINE: QT_TRANSLATE_NOOP("FirstRun", "Online"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("FirstRun", text)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class _Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


class LanguagePage(_Page):
    def __init__(self, switcher: LanguageSwitcher | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self.switcher = switcher
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("wizardLanguage")
        for lang in LANGUAGES:
            self.combo.addItem(LANGUAGE_NAMES[lang], lang)
        current = switcher.language if switcher else "en"
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.label.setBuddy(self.combo)
        form = QFormLayout(self)
        form.addRow(self.label, self.combo)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    def language(self) -> str:
        return self.combo.currentData()

    def _chosen(self) -> None:
        if self.switcher is not None:
            self.switcher.apply(self.language())

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Welcome"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun",
                "This laptop is not set up yet. Choose the language of the app; you can change it later in Settings.",
            )
        )
        self.label.setText(QCoreApplication.translate("FirstRun", "&Language:"))


class AdminPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.user = QLineEdit("admin")
        self.user.setObjectName("adminUser")
        self.user.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("adminRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setMaxLength(128)
        self.user_label, self.password_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
        self.repeat_label.setBuddy(self.repeat)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.error = _error_label()
        self.error.setObjectName("adminError")
        form = QFormLayout(self)
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        form.addRow(self.repeat_label, self.repeat)
        form.addRow(self.rules)
        form.addRow(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Administrator"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun",
                "Create the first account. The administrator manages users and settings on this laptop.",
            )
        )
        self.user_label.setText(QCoreApplication.translate("FirstRun", "&User name:"))
        self.password_label.setText(QCoreApplication.translate("FirstRun", "&Password:"))
        self.repeat_label.setText(QCoreApplication.translate("FirstRun", "&Repeat password:"))
        self.rules.setText(
            QCoreApplication.translate(
                "FirstRun",
                "User names use letters, digits, dots, dashes or underscores (2 to 32). Passwords need at least 8 characters and must not be easy to guess.",
            )
        )

    def problem(self) -> str:
        """What is wrong with the typed account, in the user's language ('' if nothing)."""
        if not USERNAME_RE.match(self.user.text().strip()):
            return error_message(ServiceError("user.name_invalid"))
        try:
            check_password_rules(self.password.text())
        except ServiceError as exc:
            return error_message(exc)
        if self.password.text() != self.repeat.text():
            return QCoreApplication.translate("FirstRun", "The two passwords are not the same.")
        return ""

    def validatePage(self) -> bool:
        text = self.problem()
        _show(self.error, text)
        return not text


# During first run nobody is signed in yet: enrolment runs as the administrator being set up.
SETUP_SESSION = UserSession(
    user_id="", username="setup", display_name="", role="admin", site_ids=()
)


class EnrollPage(_Page):
    """Enrol with a code from head office (done when Next is pressed), or work offline.
    An enrolled laptop gets its sites from head office, so the site page is skipped."""

    def __init__(
        self, app: LocalApp | None = None, executor: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrollPage")
        self.app = app
        self.executor = executor
        self.enrolled: Any = None  # EnrollmentResult once enrolment worked
        self._busy = False
        self.offline = QRadioButton()
        self.offline.setObjectName("workOffline")
        self.with_code = QRadioButton()
        self.with_code.setObjectName("enrollWithCode")
        group = QButtonGroup(self)
        group.addButton(self.offline)
        group.addButton(self.with_code)
        self.offline.setChecked(True)
        self.server = QLineEdit()
        self.server.setObjectName("enrollServer")
        self.server.setMaxLength(300)
        self.code = QLineEdit()
        self.code.setObjectName("enrollCode")
        self.code.setMaxLength(64)
        self.server_label, self.code_label = QLabel(), QLabel()
        self.server_label.setBuddy(self.server)
        self.code_label.setBuddy(self.code)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.addRow(self.server_label, self.server)
        form.addRow(self.code_label, self.code)
        self.fields.setEnabled(False)
        self.note = QLabel()
        self.note.setObjectName("enrollNote")
        self.note.setWordWrap(True)
        self.error = _error_label()
        self.error.setObjectName("enrollError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline)
        layout.addWidget(self.with_code)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.with_code.toggled.connect(self.fields.setEnabled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Head office"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Laptops send their records to head office when they can."
            )
        )
        self.offline.setText(QCoreApplication.translate("FirstRun", "&Work offline for now"))
        self.with_code.setText(
            QCoreApplication.translate("FirstRun", "I have an &enrolment code from head office")
        )
        self.server_label.setText(QCoreApplication.translate("FirstRun", "Head-office &address:"))
        self.server.setPlaceholderText("https://hq.example.org")
        self.code_label.setText(QCoreApplication.translate("FirstRun", "Enrolment &code:"))
        self.code.setPlaceholderText(QCoreApplication.translate("FirstRun", "Enrolment code"))
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Working offline, you register children on this laptop and they wait as pending changes; you can enrol later on the Sync page. With a code, the laptop enrols when you press Next and gets its sites from head office.",
            )
        )

    def nextId(self) -> int:
        return -1 if self.enrolled is not None else super().nextId()

    def validatePage(self) -> bool:
        if self.offline.isChecked() or self.enrolled is not None:
            return True
        if self._busy:
            return False
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server or not code:
            _show(
                self.error,
                QCoreApplication.translate(
                    "FirstRun", "Enter head office's address and the enrolment code."
                ),
            )
            return False
        if self.app is None or self.executor is None:
            return False
        from ss_desktop.services.sync import SyncService

        self._busy = True
        _show(self.error, QCoreApplication.translate("FirstRun", "Enrolling…"))
        app = self.app
        self.executor.submit(
            lambda: SyncService(app, SETUP_SESSION).enroll(server, code),
            write=True,
            on_result=self._enrolled,
            on_error=self._enrol_failed,
        )
        return False

    def _enrolled(self, result: Any) -> None:
        self._busy = False
        self.enrolled = result
        self.with_code.setEnabled(False)
        self.offline.setEnabled(False)
        self.fields.setEnabled(False)
        _show(self.error, "")
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Enrolled with head office as device {device} for {count} site(s). Press Finish; the sites and children arrive with the first sync.",
            ).format(device=result.device_id, count=len(result.sites))
        )
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.accept()

    def _enrol_failed(self, exc: BaseException) -> None:
        self._busy = False
        from ss_desktop.ui.sync_page import sync_error_message

        code = getattr(exc, "code", None)
        params = getattr(exc, "params", {})
        text = (
            sync_error_message(code, params)
            if isinstance(code, str) and "." not in code
            else error_message(exc)
        )
        _show(self.error, text)


class SitePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sitePage")
        self.name = QLineEdit()
        self.name.setObjectName("siteName")
        self.name.setMaxLength(100)
        self.code = QLineEdit()
        self.code.setObjectName("siteCode")
        self.code.setMaxLength(32)
        self.kind = QComboBox()
        self.kind.setObjectName("siteType")
        for value in SITE_TYPES:
            self.kind.addItem("", str(value))
        self.name_label, self.code_label, self.kind_label = QLabel(), QLabel(), QLabel()
        self.name_label.setBuddy(self.name)
        self.code_label.setBuddy(self.code)
        self.kind_label.setBuddy(self.kind)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = _error_label()
        self.error.setObjectName("siteError")
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.code_label, self.code)
        form.addRow(self.note)
        form.addRow(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Site"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Where is this laptop used? (a school, care home or community centre)"
            )
        )
        self.name_label.setText(QCoreApplication.translate("FirstRun", "Site &name:"))
        self.kind_label.setText(QCoreApplication.translate("FirstRun", "&Kind of site:"))
        self.code_label.setText(QCoreApplication.translate("FirstRun", "Site &code (optional):"))
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun",
                'The site is marked "pending" until head office confirms it. More sites can be added on the Sites & programs page.',
            )
        )
        for i in range(self.kind.count()):
            key = SiteType(self.kind.itemData(i))
            self.kind.setItemText(i, QCoreApplication.translate("FirstRun", SITE_TYPES[key]))

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "code": self.code.text(),
            "site_type": self.kind.currentData(),
        }

    def validatePage(self) -> bool:
        try:
            check_site_input(**self.values())
        except ServiceError as exc:
            _show(self.error, error_message(exc))
            return False
        _show(self.error, "")
        return True


class FirstRunWizard(QWizard):
    """Emits ``completed(FirstRunResult)`` once the admin and the site exist."""

    completed = Signal(object)

    def __init__(
        self,
        app: LocalApp,
        executor: Any,
        switcher: LanguageSwitcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.app = app
        self.executor = executor
        self.result_value: Any = None
        self._busy = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.language_page = LanguagePage(switcher)
        self.admin_page = AdminPage()
        self.enroll_page = EnrollPage(app, executor)
        self.site_page = SitePage()
        for page in (self.language_page, self.admin_page, self.enroll_page, self.site_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 460)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("FirstRun", "Set up Stepping Stones"))

    def language(self) -> str:
        return self.language_page.language()

    def accept(self) -> None:
        """Finish: create everything on the executor; close only when it worked."""
        if self.result_value is not None:
            super().accept()
            return
        if self._busy or not self.validateCurrentPage():
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        busy = self.enroll_page if self.enroll_page.enrolled is not None else self.site_page
        _show(busy.error, QCoreApplication.translate("FirstRun", "Setting up…"))
        app = self.app
        username = self.admin_page.user.text().strip()
        password = self.admin_page.password.text()
        site = None if self.enroll_page.enrolled is not None else self.site_page.values()
        self.executor.submit(
            lambda: complete_first_run(app, username=username, password=password, site=site),
            write=True,
            on_result=self._done,
            on_error=self._failed,
        )

    def _done(self, result: Any) -> None:
        self._busy = False
        self.result_value = result
        self.completed.emit(result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        page = self.enroll_page if self.enroll_page.enrolled is not None else self.site_page
        _show(page.error, error_message(exc))
