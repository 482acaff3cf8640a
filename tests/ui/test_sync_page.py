"""Sync in the desktop app against a REAL ``ss-hq serve`` process on loopback: Sync now with
progress and counts, a pulled correction refreshing an open list, head office unreachable
then coming up (automatic sync), the quarantine (reason, retry after fixing, dismiss), and a
save made while a round runs against a slowed server."""

from __future__ import annotations

import random
import shutil
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ss_desktop.services.children import ChildForm, ChildrenService
from ss_desktop.services.quarantine import QuarantineService
from ss_desktop.services.sites import SitesService
from ss_desktop.services.sync import SyncService
from ss_desktop.sync.policy import Backoff
from ss_desktop.ui.main_window import PAGE_CHILDREN, PAGE_SYNC
from ss_desktop.ui.models.children_model import COL_NAME
from tests.hq.conftest import sqlite_template  # noqa: F401 - fixture
from tests.integration.harness import HQProcess, LaptopFactory, child_form
from tests.ui.conftest import wait_for_executor
from tests.ui.helpers import when_dialog_shows


@pytest.fixture
def hq(sqlite_template, tmp_path):  # noqa: F811
    path = tmp_path / "hq.sqlite3"
    shutil.copyfile(sqlite_template, path)
    server = HQProcess(f"sqlite:///{path}", tmp_path / "hq-logs")
    server.start()
    yield server
    server.close()


@pytest.fixture
def others(tmp_path):
    factory = LaptopFactory(tmp_path / "others")
    yield factory
    factory.close_all()


def enroll(ui_ctx, hq, *sites: str, window=None, url: str | None = None) -> str:
    """Enrol through the service (as the CLI would), then let the open window notice."""
    service = SyncService(ui_ctx.app, ui_ctx.session)
    device = service.enroll(url or hq.url, hq.code(*sites)).device_id
    if window is not None:
        window.sync.start()  # what signing in again does: read the status, probe
    return device


def register(ui_ctx, site: str, seed: int, **over) -> str:
    form = child_form(site, random.Random(seed), **over)
    return ChildrenService(ui_ctx.app, ui_ctx.session).register(form).child_id


def round_done(qtbot, window, timeout: int = 20_000) -> None:
    """Wait until no round runs (the automatic one after enrolment included)."""
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=timeout)
    wait_for_executor(qtbot, window.ctx)


def names_in_list(window) -> list[str]:
    model = window.children_page.model
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def test_sync_now_shows_progress_and_ends_with_counts(qtbot, hq, ui_ctx, main_window):
    site = hq.site()
    device = enroll(ui_ctx, hq, site)
    register(ui_ctx, site, 1)
    register(ui_ctx, site, 2)
    page = main_window.sync_page
    progress: list[str] = []
    main_window.sync.progress.connect(lambda *_a: progress.append(page.progress_label.text()))
    # The automatic round after signing in sends these two: waited for, not assumed to have
    # started within a fixed time (it had not on a slow machine, and Sync now sent all 9)
    main_window.sync.start()
    qtbot.waitUntil(lambda: main_window.sync.last_report is not None, timeout=20_000)
    round_done(qtbot, main_window)

    main_window.show_page(PAGE_SYNC)
    register(ui_ctx, site, 3)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sync finished" in page.result_label.text(), timeout=20_000)
    round_done(qtbot, main_window)

    assert "Sending changes: 0 of 3" in progress  # the child, its guardian and consent
    assert "Sending changes: 3 of 3" in progress
    assert page.result_label.text().startswith("Sync finished: 3 sent, ")
    assert page.result_label.text().endswith(" 0 refused.")
    assert page.progress_bar.isHidden()
    assert [page.rounds.item(0, c).text() for c in (1, 3, 5)] == ["3", "0", "matches"]
    assert page.fact_labels["server"][1].text() == hq.url
    assert page.fact_labels["device"][1].text() == device
    qtbot.waitUntil(lambda: page.fact_labels["pending"][1].text() == "0", timeout=10_000)
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Everything sent", timeout=10_000)
    assert main_window.conn_label.text() == "● Online"
    assert "Last sync: never" not in main_window.last_sync_label.text()
    assert hq.applied_seqs(device) == list(range(1, 10))  # 3 children, guardians, consents


def test_the_shortcut_syncs_and_a_second_request_waits_for_the_running_round(
    qtbot, hq, ui_ctx, main_window
):
    site = hq.site()
    enroll(ui_ctx, hq, site, window=main_window)
    round_done(qtbot, main_window)
    main_window.activateWindow()
    with qtbot.waitSignal(main_window.sync.round_finished, timeout=20_000):
        qtbot.keyClick(
            main_window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert main_window.stack.currentIndex() == PAGE_SYNC
        assert main_window.sync.running
        assert not main_window.sync.sync_now()  # one round at a time
    round_done(qtbot, main_window)


def test_pulled_correction_refreshes_the_open_children_list(qtbot, hq, ui_ctx, main_window, others):
    site = hq.site()
    enroll(ui_ctx, hq, site, window=main_window)
    other = others.new("B")
    other.enroll(hq, site)
    child = other.register(site, random.Random(5), surname="周", given_name="雨涵")
    other.sync()
    round_done(qtbot, main_window)
    main_window.sync_page.sync_button.click()
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: "周雨涵" in names_in_list(main_window), timeout=10_000)

    ChildrenService(other.app, other.session).update(
        child, ChildForm({"given_name": "雨晴"}, [], [])
    )
    assert other.sync().pushed == 1
    assert main_window.current_page() is main_window.children_page
    main_window.sync_page.sync_button.click()  # as if the timer or Ctrl+Shift+S did it
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: "周雨晴" in names_in_list(main_window), timeout=10_000)
    assert "周雨涵" not in names_in_list(main_window)


def test_unreachable_head_office_is_explained_then_automatic_sync_runs_when_it_is_up(
    qtbot, hq, ui_ctx, main_window, switcher
):
    site = hq.site()
    device = enroll(ui_ctx, hq, site, window=main_window)
    round_done(qtbot, main_window)
    hq.stop()
    child = register(ui_ctx, site, 7)
    main_window.sync.backoff = Backoff(base_seconds=0.3, cap_seconds=1.0)
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.result_label.text().startswith("Sync stopped"), timeout=20_000)
    assert "Head office cannot be reached" in page.state.text()
    assert main_window.conn_label.text() == "○ Offline"
    qtbot.waitUntil(
        lambda: main_window.pending_label.text() == "Not yet sent: children 1, records 3",
        timeout=10_000,
    )
    switcher.apply("zh_CN")
    qtbot.waitUntil(lambda: main_window.conn_label.text() == "○ 离线", timeout=5000)
    assert "无法连接总部" in page.state.text()
    switcher.apply("en")

    hq.start()  # no click: the probe notices and syncs by itself
    qtbot.waitUntil(lambda: child in hq.records("child"), timeout=30_000)
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: main_window.conn_label.text() == "● Online", timeout=10_000)
    assert page.result_label.text().startswith("Sync finished: 3 sent, ")
    assert hq.applied_seqs(device) == [1, 2, 3]


def test_not_enrolled_page_says_how_to_enrol_and_does_not_sync(qtbot, ui_ctx, main_window):
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    qtbot.waitUntil(lambda: "not enrolled" in page.state.text(), timeout=10_000)
    assert "enrolment code" in page.state.text()
    assert page.enrol_box.isVisible()
    assert not page.sync_button.isEnabled()
    assert main_window.sync.sync_now()  # asked anyway (e.g. the shortcut): a clear answer
    round_done(qtbot, main_window)
    assert "not enrolled with head office" in page.state.text()
    assert main_window.conn_label.text() == "○ Offline"


def test_wrong_code_on_the_sync_page_is_explained_and_a_real_one_enrols(
    qtbot, hq, ui_ctx, main_window
):
    site = hq.site()
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    page.server_edit.setText(hq.url)
    page.code_edit.setText("ABCD-EFGH-JKMN")
    page.enrol_button.click()
    qtbot.waitUntil(
        lambda: "does not know this enrollment code" in page.state.text(), timeout=15_000
    )
    page.code_edit.setText(hq.code(site))
    page.enrol_button.click()
    qtbot.waitUntil(lambda: page.fact_labels["server"][1].text() == hq.url, timeout=15_000)
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: not page.enrol_box.isVisible(), timeout=10_000)
    # The site by its name, as head office sent it (not a count or an id).
    assert page.fact_labels["sites"][1].text() == hq.records("site")[site].fields["name"]


def test_refused_change_shows_in_the_quarantine_and_retry_after_fixing_clears_it(
    qtbot, hq, ui_ctx, main_window
):
    served = hq.site()
    enroll(ui_ctx, hq, served, window=main_window)
    round_done(qtbot, main_window)
    main_window.sync_page.sync_button.click()  # pulls the served site
    round_done(qtbot, main_window)
    # A site made on the laptop that head office has not given this laptop: refused.
    local = SitesService(ui_ctx.app, ui_ctx.session).create_site("河边教学点", "teaching_point")
    child = register(ui_ctx, local.id, 9, surname="吴", given_name="佳怡")
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    page.sync_button.click()
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: page.quarantine.rowCount() == 4, timeout=10_000)
    rows = {
        page.quarantine.item(r, 0).text(): page.quarantine.item(r, 1).text()
        for r in range(page.quarantine.rowCount())
    }
    assert "not enrolled for" in rows["Child: 吴佳怡"]
    assert "not enrolled for" in rows["Site: 河边教学点"]
    # The guardian and consent were refused because head office does not know their child:
    # the page says to deal with the child first, not to correct them.
    for label in ("Guardian: 李秀英 / 吴佳怡", "Consent: 吴佳怡"):
        assert rows[label].startswith("Head office has not accepted the child"), rows[label]
    qtbot.waitUntil(lambda: main_window.quarantine_label.text() == "Quarantined: 4", timeout=10_000)
    assert child not in hq.records("child")

    # Open the record: the child's form.
    page.quarantine.selectRow(_row_of(page, "Child: 吴佳怡"))
    opened: list[str] = []
    page.open_child_requested.connect(opened.append)
    page.open_button.click()
    assert opened == [child]

    # Fix: move the child to the site this laptop serves; then retry the child: its guardian
    # and consent, refused because of it, are sent again with it.
    ChildrenService(ui_ctx.app, ui_ctx.session).update(
        child, ChildForm({"site_id": served}, [], [])
    )
    page.quarantine.selectRow(_row_of(page, "Child: 吴佳怡"))
    assert page.retry_button.isEnabled()
    page.retry_button.click()
    qtbot.waitUntil(lambda: page.quarantine.rowCount() == 1, timeout=10_000)
    assert _row_of(page, "Site: 河边教学点") == 0
    # Dismiss the site, after confirming.
    page.quarantine.selectRow(_row_of(page, "Site: 河边教学点"))
    when_dialog_shows(
        qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), cls=QMessageBox
    )
    page.dismiss_button.click()
    qtbot.waitUntil(lambda: page.quarantine.rowCount() == 0, timeout=10_000)
    assert not page.quarantine_empty.isHidden()

    round_done(qtbot, main_window)
    page.sync_button.click()
    round_done(qtbot, main_window)
    qtbot.waitUntil(lambda: child in hq.records("child"), timeout=10_000)
    assert hq.records("child")[child].fields["site_id"] == served
    assert len(hq.records("guardian")) == 1
    qtbot.waitUntil(lambda: main_window.quarantine_label.text() == "Quarantined: 0", timeout=10_000)
    assert QuarantineService(ui_ctx.app, ui_ctx.session).entries() == []


def _row_of(page, label: str) -> int:
    for row in range(page.quarantine.rowCount()):
        if page.quarantine.item(row, 0).text() == label:
            return row
    return -1


def test_a_save_during_a_slow_round_reaches_head_office_exactly_once(
    qtbot, hq, ui_ctx, main_window
):
    from tests.integration.fault_proxy import FaultProxy, Faults

    proxy = FaultProxy(hq.port).start()
    try:
        site = hq.site()
        device = enroll(ui_ctx, hq, site, window=main_window, url=proxy.url)
        round_done(qtbot, main_window)
        for seed in range(10):
            register(ui_ctx, site, 100 + seed)
        proxy.set(Faults(latency_s=0.3, rate_bps=50_000))  # about a 2G link
        main_window.sync_page.sync_button.click()
        qtbot.waitUntil(lambda: main_window.sync.running, timeout=5000)
        saved: list[str] = []
        saver = threading.Thread(target=lambda: saved.append(register(ui_ctx, site, 999)))
        saver.start()
        saver.join(timeout=10)  # the save does not wait for the round
        assert saved and not saver.is_alive()
        assert main_window.sync.running
        round_done(qtbot, main_window, timeout=60_000)
        proxy.set(Faults())
        main_window.sync_page.sync_button.click()
        round_done(qtbot, main_window)
    finally:
        proxy.stop()
    assert saved[0] in hq.records("child")
    seqs = hq.applied_seqs(device)
    assert seqs == list(range(1, 34))  # 11 children, guardians and consents, each once


def test_an_audit_row_edited_after_it_was_sent_is_reported_on_the_sync_page(
    qtbot, hq, ui_ctx, main_window
):
    from tests.fixtures.db_access import raw_connect

    site = hq.site()
    enroll(ui_ctx, hq, site, window=main_window)
    register(ui_ctx, site, 1)
    round_done(qtbot, main_window)
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sync finished" in page.result_label.text(), timeout=20_000)
    round_done(qtbot, main_window)
    assert page.audit_warning.isHidden()  # the log as written verifies

    conn = raw_connect(ui_ctx.app.paths.database, ui_ctx.app.key)  # someone covers their tracks
    row = conn.execute("SELECT min(id) FROM audit_log WHERE action = 'create'").fetchone()[0]
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = ?", (row,))
    conn.commit()
    conn.close()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.audit_warning.isVisible(), timeout=20_000)
    text = page.audit_warning.text()
    assert f"row {row}" in text and "changed on this laptop" in text
    assert "Head office has been told" in text


def test_changes_a_restored_head_office_lost_are_sent_again_and_the_page_says_so(
    qtbot,
    sqlite_template,  # noqa: F811
    tmp_path,
    ui_ctx,
    main_window,
):
    from tests.integration.harness import RestorableHQ

    path = tmp_path / "restorable.sqlite3"
    shutil.copyfile(sqlite_template, path)
    hq = RestorableHQ(path, tmp_path / "restorable-logs")
    hq.start()
    try:
        site = hq.site()
        device = enroll(ui_ctx, hq, site, window=main_window)
        round_done(qtbot, main_window)
        hq.backup(tmp_path / "backup.sqlite3")
        lost = register(ui_ctx, site, 1)
        page = main_window.sync_page
        main_window.show_page(PAGE_SYNC)
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Sync finished: 3 sent" in page.result_label.text(), timeout=20_000)
        round_done(qtbot, main_window)
        hq.restore(tmp_path / "backup.sqlite3")
        assert lost not in hq.records("child")

        register(ui_ctx, site, 2)
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "sent again" in page.result_label.text(), timeout=20_000)
        round_done(qtbot, main_window)
        assert page.result_label.text().startswith("Sync finished: 6 sent, ")
        assert "Head office had lost 3 change(s) it had already received" in (
            page.result_label.text()
        )
        assert lost in hq.records("child")
        assert hq.applied_seqs(device) == list(range(1, 7))
    finally:
        hq.close()


def _enrollment_file(hq, site: str, folder) -> object:
    """What head office's Devices page (or ``ss-hq enroll-file``) hands over."""
    import json

    from sqlmodel import Session

    from ss_core.protocol.hlc import system_ms
    from ss_hq.sync.bundle_service import create_offline_enrollment

    with Session(hq.engine) as session:
        content = create_offline_enrollment(
            session, [site], device_name="village laptop", server_url=None, now=system_ms()
        )
    path = folder / "laptop.enroll"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def test_a_laptop_without_internet_enrols_with_a_file_and_holds_its_site(
    qtbot, hq, ui_ctx, main_window, tmp_path
):
    site = hq.site()
    page = main_window.sync_page
    main_window.show_page(PAGE_SYNC)
    qtbot.waitUntil(lambda: page.enrol_box.isVisible(), timeout=10_000)
    assert page.enrol_box.file_button.isEnabled()
    # A damaged file: explained, and the laptop stays unenrolled.
    damaged = tmp_path / "damaged.enroll"
    damaged.write_text('{"format": "something else"}', encoding="utf-8")
    page.enrol_box.enrol_with_file(damaged)
    qtbot.waitUntil(lambda: "enrollment file" in page.state.text(), timeout=10_000)
    assert page.enrol_box.isVisible()
    assert not SyncService(ui_ctx.app, ui_ctx.session).status().enrolled

    form = main_window.register_page
    assert form is not None and form.sections.site.findData(site) < 0
    page.enrol_box.enrol_with_file(_enrollment_file(hq, site, tmp_path))
    name = hq.records("site")[site].fields["name"]
    # The registration form, already built, offers the site the file brought.
    qtbot.waitUntil(lambda: form.sections.site.findData(site) > 0, timeout=10_000)
    qtbot.waitUntil(lambda: page.fact_labels["sites"][1].text() == name, timeout=10_000)
    qtbot.waitUntil(lambda: not page.enrol_box.isVisible(), timeout=10_000)
    # The site came with the file: children can be registered there before any sync.
    sites = SitesService(ui_ctx.app, ui_ctx.session).list_sites()
    assert [s.id for s in sites] == [site]
    assert page.export_button.isEnabled()
    # The file named no address: the page says the laptop syncs by USB bundle, and offers
    # no "Sync now" that could only fail.
    assert "syncs by USB bundle" in page.state.text()
    assert page.fact_labels["server"][1].text() == "no address: USB bundles only"
    assert not page.sync_button.isEnabled()
    started: list[bool] = []
    main_window.sync.round_started.connect(lambda: started.append(True))
    main_window.sync_now()  # the shortcut: no round starts, the explanation stays
    qtbot.wait(300)
    assert started == [] and not main_window.sync.running
    assert "syncs by USB bundle" in page.state.text()

    # Internet arrives later: the laptop is given head office's address on the same page.
    assert page.address_box.isVisible()
    page.address_box.address_edit.setText("hq.example.org")
    page.address_box.save_button.click()
    qtbot.waitUntil(lambda: "is not a server address" in page.state.text(), timeout=10_000)
    assert page.fact_labels["server"][1].text() == "no address: USB bundles only"
    page.address_box.address_edit.setText(hq.url)
    page.address_box.save_button.click()
    qtbot.waitUntil(lambda: page.fact_labels["server"][1].text() == hq.url, timeout=10_000)
    assert not page.address_box.isVisible()
    # Head office is reachable: a round runs by itself.
    qtbot.waitUntil(lambda: page.rounds.rowCount() == 1, timeout=20_000)
    round_done(qtbot, main_window)
    assert page.sync_button.isEnabled()


def test_a_receipt_refreshes_the_open_children_list(
    qtbot, hq, ui_ctx, main_window, others, tmp_path
):
    """By USB: the receipt brings a child another laptop registered; the open list shows it
    (as a pulled change does over the network)."""
    from sqlmodel import Session

    from ss_core.protocol.hlc import system_ms
    from ss_hq.sync.bundle_service import import_bundle

    site = hq.site()
    main_window.sync_page.enrol_box.enrol_with_file(_enrollment_file(hq, site, tmp_path))
    qtbot.waitUntil(lambda: SyncService(ui_ctx.app, ui_ctx.session).status().enrolled)
    other = others.new("B")
    other.enroll(hq, site)
    other.register(site, random.Random(8), surname="韩", given_name="思远")
    other.sync()
    main_window.show_page(PAGE_CHILDREN)
    assert "韩思远" not in names_in_list(main_window)

    bundle = tmp_path / "b.ssb"
    SyncService(ui_ctx.app, ui_ctx.session).export_bundle(bundle)
    with Session(hq.engine) as session:
        receipt = import_bundle(session, bundle.read_bytes(), now=system_ms()).receipt
    (tmp_path / "r.ssr").write_bytes(receipt)
    main_window.sync_page.receive_receipt_file(tmp_path / "r.ssr")
    qtbot.waitUntil(lambda: "韩思远" in names_in_list(main_window), timeout=10_000)
    assert main_window.current_page() is main_window.children_page
