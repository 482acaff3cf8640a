"""The reports page on demo data: numbers, charts, filters, export to .xlsx, PNG and PDF."""

from __future__ import annotations

from openpyxl import load_workbook

from ss_desktop.demo import DemoService
from ss_desktop.services.reports import ReportService
from tests.ui.conftest import wait_for_executor


def test_reports_page_shows_and_exports(qtbot, ui_ctx, admin_session, tmp_path):
    from ss_desktop.ui.reports_page import ReportsPage

    DemoService(ui_ctx.app, admin_session).populate(120, seed=3)
    page = ReportsPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    wait_for_executor(qtbot, ui_ctx)
    expected = ReportService(ui_ctx.app, admin_session).build()
    assert f"{expected.total_children} children" in page.summary.text()
    assert page.tables["programs"].rowCount() == len(expected.programs)
    assert page.charts[0].chart().series()[0].barSets()[0].sum() == sum(
        expected.by_category.values()
    )
    # filter by a site
    page.site_combo.setCurrentIndex(1)
    site_id = page.site_combo.currentData()
    qtbot.waitUntil(lambda: page.report.filters.site_id == site_id, timeout=20_000)
    assert page.report.total_children < expected.total_children
    wait_for_executor(qtbot, ui_ctx)
    xlsx = page.export_xlsx(tmp_path / "r.xlsx")
    titles = [r[0] for r in load_workbook(xlsx).active.values]
    assert "Children by category" in titles and "Lessons by program" in titles
    png = page.export_png(tmp_path / "r.png")
    assert png.read_bytes()[:4] == b"\x89PNG"
    pdf = page.export_pdf(tmp_path / "r.pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"


def test_main_window_has_reports_and_import_actions(main_window, qtbot):
    from ss_desktop.ui.main_window import PAGE_REPORTS

    main_window.page_actions[PAGE_REPORTS].trigger()
    assert main_window.current_page() is main_window.reports_page
    assert main_window.page_actions[PAGE_REPORTS].shortcut().toString() == "Ctrl+7"
    assert main_window.import_action.isEnabled() and main_window.export_action.isEnabled()
    wait_for_executor(qtbot, main_window.ctx)


def test_volunteer_cannot_import_or_export(main_window, qtbot):
    from dataclasses import replace

    main_window.ctx.session = replace(main_window.ctx.session, role="volunteer")
    main_window.start_session()
    assert not main_window.import_action.isEnabled()
    assert not main_window.export_action.isEnabled()
    wait_for_executor(qtbot, main_window.ctx)


def test_export_list_uses_the_children_page_filters(main_window, qtbot, tmp_path, admin_session):
    DemoService(main_window.ctx.app, admin_session).populate(30, seed=4)
    main_window.children_page.stage_combo.setCurrentIndex(
        main_window.children_page.stage_combo.findData("primary")
    )
    target = tmp_path / "list.csv"
    main_window.export_list(str(target))
    qtbot.waitUntil(target.exists, timeout=20_000)
    wait_for_executor(qtbot, main_window.ctx)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Name,")
    assert all(",Primary," in line for line in lines[1:])
