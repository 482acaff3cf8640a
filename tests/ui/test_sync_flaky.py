"""The Sync page on a link that drops (issue 18), against a REAL ``ss-hq serve``: a round keeps
going through resets and says so, the user can cancel it, and nothing is lost or doubled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ss_desktop.ui.main_window import PAGE_SYNC
from tests.hq.conftest import sqlite_template  # noqa: F401 - fixture
from tests.integration.fault_proxy import FaultProxy, Faults
from tests.ui.test_sync_page import enroll, hq, register, round_done  # noqa: F401 - fixture

CLICK = Qt.MouseButton.LeftButton


def test_a_round_says_it_tries_again_and_cancel_stops_it_without_loss(
    qtbot,
    hq,  # noqa: F811 - the fixture imported above
    ui_ctx,
    main_window,
    switcher,
):
    proxy = FaultProxy(hq.port).start()
    try:
        site = hq.site()
        device = enroll(ui_ctx, hq, site, window=main_window, url=proxy.url)
        round_done(qtbot, main_window)
        children = [register(ui_ctx, site, 40 + n) for n in range(3)]
        page = main_window.sync_page
        main_window.show_page(PAGE_SYNC)
        main_window.sync.set_give_up_after(300)  # a long patience: the user decides
        proxy.set(Faults(reset=True))  # every connection is reset from now on
        assert page.cancel_button.isHidden()
        # every text the label shows on a retry (a short jittered wait may show "(try 3)" for
        # a few milliseconds only, between two polls of waitUntil)
        shown: list[str] = []
        main_window.sync.retrying.connect(lambda *_a: shown.append(page.progress_label.text()))
        qtbot.mouseClick(page.sync_button, CLICK)
        qtbot.waitUntil(lambda: "sending again in" in page.progress_label.text(), timeout=20_000)
        assert page.cancel_button.isVisible() and not page.sync_button.isEnabled()
        qtbot.waitUntil(lambda: any("(try 3)" in text for text in shown), timeout=60_000)
        switcher.apply("zh_CN")
        shown.clear()
        qtbot.waitUntil(lambda: any("重新发送" in text for text in shown), timeout=20_000)
        switcher.apply("en")

        qtbot.mouseClick(page.cancel_button, CLICK)
        round_done(qtbot, main_window)
        assert page.result_label.text() == "Sync stopped. Nothing was lost."
        assert page.state.text().startswith("Sync cancelled. Nothing was lost")
        assert page.cancel_button.isHidden() and page.sync_button.isEnabled()
        assert main_window.pending_label.text() == "Not yet sent: children 3, records 9"

        proxy.set(Faults())  # the link comes back
        qtbot.mouseClick(page.sync_button, CLICK)
        qtbot.waitUntil(lambda: "Sync finished" in page.result_label.text(), timeout=30_000)
        round_done(qtbot, main_window)
    finally:
        proxy.stop()
    assert set(children) <= set(hq.records("child"))
    assert hq.applied_seqs(device) == list(range(1, 10))  # each change once


def test_a_round_rides_out_a_cut_in_the_middle_of_a_batch(
    qtbot,
    hq,  # noqa: F811 - the fixture imported above
    ui_ctx,
    main_window,
):
    """The answer to the push is cut after head office applied it: the round sends again
    (head office answers "duplicate") and finishes without the user doing anything."""
    proxy = FaultProxy(hq.port).start()
    try:
        site = hq.site()
        device = enroll(ui_ctx, hq, site, window=main_window, url=proxy.url)
        round_done(qtbot, main_window)
        register(ui_ctx, site, 60)
        page = main_window.sync_page
        main_window.show_page(PAGE_SYNC)
        retries: list[str] = []
        main_window.sync.retrying.connect(lambda code, *_a: retries.append(code))
        proxy.set(Faults(cut_downstream_after=200))  # every answer is cut
        qtbot.mouseClick(page.sync_button, CLICK)
        qtbot.waitUntil(lambda: len(retries) >= 2, timeout=20_000)
        proxy.set(Faults())
        qtbot.waitUntil(lambda: "Sync finished" in page.result_label.text(), timeout=30_000)
        round_done(qtbot, main_window)
    finally:
        proxy.stop()
    assert set(retries) <= {"connection_lost", "bad_response"}
    assert hq.applied_seqs(device) == [1, 2, 3]
    assert main_window.pending_label.text() == "Everything sent"
