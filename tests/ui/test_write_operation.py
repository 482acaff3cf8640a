"""The UI's one write operation publishes what the write changed, itself, before the page's
own callback, and even when the page that asked was closed meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ss_desktop.services.sites import SitesService
from ss_desktop.ui.operation import run_write
from tests.ui.conftest import wait_for_executor


def test_a_write_publishes_its_changes_before_the_page_hears_of_it(qtbot, ui_ctx):
    heard: list[tuple[str, object]] = []
    ui_ctx.events.data_changed.connect(lambda touched: heard.append(("published", touched)))
    service = SitesService(ui_ctx.app, ui_ctx.session)
    run_write(
        ui_ctx,
        lambda: service.add_site("阳光小学", "migrant_school"),
        on_done=lambda saved: heard.append(("done", saved.value.id)),
    )
    wait_for_executor(qtbot, ui_ctx)
    assert [kind for kind, _ in heard] == ["published", "done"]
    site_id = heard[1][1]
    assert heard[0][1] == {"site": [site_id]}


def test_a_closed_page_still_tells_the_other_views(qtbot, ui_ctx):
    heard: list[dict] = []
    ui_ctx.events.data_changed.connect(heard.append)
    page = QWidget()
    called: list[object] = []
    service = SitesService(ui_ctx.app, ui_ctx.session)
    run_write(
        ui_ctx,
        lambda: service.add_site("希望小学", "public_school"),
        on_done=called.append,
        owner=page,
    )
    page.deleteLater()
    qtbot.waitUntil(lambda: bool(heard), timeout=10_000)
    wait_for_executor(qtbot, ui_ctx)
    assert called == [] and list(heard[0]) == ["site"]
