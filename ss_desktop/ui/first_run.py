"""First run: language, the first administrator, head-office enrolment (or offline), the site
— or, on a new laptop that replaces one, "Restore a backup…" of the old laptop's data.

The enrolment page enrols with a head-office code when Next is pressed (a wrong or expired
code, or an unreachable server, is explained on the page); an enrolled laptop gets its sites
from head office and skips the site page. Otherwise nothing is written until Finish: then,
on the executor, the admin is created and signed in and the site is created (status
"pending" until head office confirms it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
)

from ss_core.domain.enums import SiteType
from ss_core.domain.labels import QT_TRANSLATE_NOOP
from ss_desktop.services.accounts import USERNAME_RE, check_password_rules
from ss_desktop.services.app import LocalApp, UserSession
from ss_desktop.services.errors import ServiceError
from ss_desktop.services.restore import RestoreOutcome
from ss_desktop.services.settings import LANGUAGES
from ss_desktop.services.setup import FirstRunResult, check_site_input, complete_first_run
from ss_desktop.ui.errors import error_message
from ss_desktop.ui.first_run_base import Page as _Page
from ss_desktop.ui.first_run_base import error_label as _error_label
from ss_desktop.ui.first_run_base import show as _show
from ss_desktop.ui.first_run_enrol import EnrollPage
from ss_desktop.ui.i18n import LANGUAGE_NAMES, LanguageSwitcher
from ss_desktop.ui.restore_dialog import RestoreBackupDialog

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


WIZARD_BUTTONS = {
    QWizard.WizardButton.BackButton: QT_TRANSLATE_NOOP("FirstRun", "< &Back"),
    QWizard.WizardButton.NextButton: QT_TRANSLATE_NOOP("FirstRun", "&Next >"),
    QWizard.WizardButton.CommitButton: QT_TRANSLATE_NOOP("FirstRun", "&Next >"),
    QWizard.WizardButton.FinishButton: QT_TRANSLATE_NOOP("FirstRun", "&Finish"),
    QWizard.WizardButton.CancelButton: QT_TRANSLATE_NOOP("FirstRun", "Cancel"),
}


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
        lang: str = self.combo.currentData()  # the items' data are language codes
        return lang

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
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.restore_button = self.button(QWizard.WizardButton.CustomButton1)
        self.restore_button.setObjectName("firstRunRestoreButton")
        self.customButtonClicked.connect(lambda _which: self.open_restore())
        self.restore_dialog: RestoreBackupDialog | None = None
        self.outcome: RestoreOutcome | None = None
        self.setMinimumSize(640, 460)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("FirstRun", "Set up Stepping Stones"))
        # QWizard names its buttons once, when it is made: name them again in the language
        # chosen on the first page (and whatever Qt's own translations hold)
        for button, text in WIZARD_BUTTONS.items():
            self.setButtonText(button, QCoreApplication.translate("FirstRun", text))
        self.setButtonText(
            QWizard.WizardButton.CustomButton1,
            QCoreApplication.translate("FirstRun", "&Restore a backup…"),
        )

    def open_restore(self) -> None:
        """A new laptop takes the backup of the one it replaces (a file on a USB drive)."""
        dialog = RestoreBackupDialog(
            self.app, self.executor, problem=None, first_run=True, parent=self
        )
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.open()

    def _restored(self, session: UserSession, outcome: RestoreOutcome) -> None:
        self.outcome = outcome
        self._done(FirstRunResult(session, None))

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
