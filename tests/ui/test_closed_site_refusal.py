"""A child registered on the laptop at a site head office has since closed: the push is
refused and the Sync page's quarantine says why, in words, against a REAL ``ss-hq serve``."""

from __future__ import annotations

from sqlmodel import Session

from ss_desktop.ui.main_window import PAGE_SYNC
from ss_hq.admin.site_service import set_site_closed
from ss_hq.core.clock import now_ms
from tests.hq.conftest import sqlite_template  # noqa: F401 - fixture
from tests.ui.test_sync_page import enroll, hq, register, round_done  # noqa: F401 - fixture


def test_a_new_child_at_a_closed_site_is_refused_with_the_reason(qtbot, hq, ui_ctx, main_window):  # noqa: F811
    site = hq.site()
    enroll(ui_ctx, hq, site, window=main_window)
    round_done(qtbot, main_window)
    main_window.sync_page.sync_button.click()  # pulls the site
    round_done(qtbot, main_window)
    with Session(hq.engine) as session:  # an admin closes the site at head office
        set_site_closed(session, site, True, actor="admin", now=now_ms(), reason="moved")
    child = register(ui_ctx, site, 3, surname="冯", given_name="小雨")
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    page.sync_button.click()
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: page.quarantine.rowCount() >= 1, timeout=10_000)
    rows = {
        page.quarantine.item(r, 0).text(): page.quarantine.item(r, 1).text()
        for r in range(page.quarantine.rowCount())
    }
    assert rows["Child: 冯小雨"].startswith("Head office has closed this child's site"), rows
    assert child not in hq.records("child")
