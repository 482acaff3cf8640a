"""The first-run wizard enrols with a real head-office code (a real ``ss-hq serve``), and a
wrong code is explained on the page."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from ss_desktop.services.sync import SyncService
from ss_desktop.services.unlock import unlock
from ss_desktop.ui.app import AppShell
from tests.hq.conftest import sqlite_template  # noqa: F401 - fixture
from tests.integration.harness import HQProcess
from tests.ui.helpers import type_text


@pytest.fixture
def hq(sqlite_template, tmp_path):  # noqa: F811
    path = tmp_path / "hq.sqlite3"
    shutil.copyfile(sqlite_template, path)
    server = HQProcess(f"sqlite:///{path}", tmp_path / "hq-logs")
    server.start()
    yield server
    server.close()


@pytest.fixture
def shell(qapp, data_paths):
    shell = AppShell(qapp, data_paths, lang="en")
    yield shell
    shell.shutdown()
    shell.switcher.apply("en")
    shell.deleteLater()
    qapp.processEvents()


def _to_enroll_page(qtbot, shell) -> QWizard:
    """Start the app on an empty folder and fill in the administrator: the head-office page."""
    assert shell.start()
    wizard = shell.wizard
    _next(qtbot, wizard)
    type_text(wizard.admin_page.password, "Bamboo-river-7")
    type_text(wizard.admin_page.repeat, "Bamboo-river-7")
    _next(qtbot, wizard)
    return wizard


def _next(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_wizard_enrols_with_a_real_code_after_a_wrong_one_is_explained(
    qtbot, shell, hq, data_paths
):
    site = hq.site()
    assert shell.start()
    wizard = shell.wizard
    _next(qtbot, wizard)
    page = wizard.admin_page
    type_text(page.password, "Bamboo-river-7")
    type_text(page.repeat, "Bamboo-river-7")
    _next(qtbot, wizard)
    enroll = wizard.enroll_page
    assert wizard.currentPage() is enroll
    enroll.with_code.setChecked(True)
    _next(qtbot, wizard)  # nothing typed yet
    assert "address and the enrolment code" in enroll.error.text()
    type_text(enroll.server, hq.url)
    type_text(enroll.code, "ABCD-EFGH-JKMN")
    _next(qtbot, wizard)
    qtbot.waitUntil(
        lambda: "does not know this enrollment code" in enroll.error.text(), timeout=15_000
    )
    assert wizard.currentPage() is enroll
    assert shell.window is None

    enroll.code.clear()
    type_text(enroll.code, hq.code(site))
    _next(qtbot, wizard)
    # Enrolled: the sites come from head office, so the wizard finishes without a site page.
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
    status = SyncService(shell.ctx.app, shell.ctx.session).status()
    assert status.enrolled and status.server_url == hq.url
    assert status.sites == (site,)
    # The main window syncs by itself as head office is reachable: the site arrives.
    from ss_desktop.services.sites import SitesService

    qtbot.waitUntil(
        lambda: (
            [s.id for s in SitesService(shell.ctx.app, shell.ctx.session).list_sites()] == [site]
        ),
        timeout=20_000,
    )
    shell.shutdown()  # the data is reopened from disk, with the admin's password
    app, session = unlock(data_paths, shell.ctx.session.username, "Bamboo-river-7")
    with app:
        assert SyncService(app, session).status().device_id == status.device_id


def test_unreachable_server_in_the_wizard_is_explained(qtbot, shell):
    wizard = _to_enroll_page(qtbot, shell)
    enroll = wizard.enroll_page
    enroll.with_code.setChecked(True)
    type_text(enroll.server, "http://10.1.2.3:8700")
    type_text(enroll.code, "ABCD-EFGH-JKMN")
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: "is not encrypted" in enroll.error.text(), timeout=15_000)
    assert wizard.currentPage() is enroll


def test_wizard_enrols_a_laptop_without_internet_with_head_offices_file(qtbot, shell, hq, tmp_path):
    from tests.ui.test_sync_page import _enrollment_file

    site = hq.site()
    path = _enrollment_file(hq, site, tmp_path)
    hq.stop()  # no network from here on: the file is all the laptop gets
    wizard = _to_enroll_page(qtbot, shell)
    enroll = wizard.enroll_page
    enroll.with_file.setChecked(True)
    assert enroll.file_fields.isEnabled() and not enroll.fields.isEnabled()
    _next(qtbot, wizard)  # no file chosen yet
    assert "Choose the enrollment file" in enroll.error.text()
    assert wizard.currentPage() is enroll
    enroll.file_path.setText(str(path))
    _next(qtbot, wizard)
    # Enrolled from the file: no site page; the site is on the laptop at once.
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
    status = SyncService(shell.ctx.app, shell.ctx.session).status()
    assert status.enrolled and status.sites == (site,)
    from ss_desktop.services.sites import SitesService

    assert [s.id for s in SitesService(shell.ctx.app, shell.ctx.session).list_sites()] == [site]
