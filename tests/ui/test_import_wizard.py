"""The import wizard, driven like a user: file and site, mapping, preview with coloured
problem cells, import with a progress bar, summary and error report."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QWizard

from ss_desktop.db import queries
from ss_desktop.ui.import_wizard import ImportWizard
from tests.ui.conftest import wait_for_executor
from tests.unit.import_fixtures import good_rows, write_xlsx
from tests.unit.services_fixtures import add_site


def _wizard(qtbot, ui_ctx, path):
    add_site(ui_ctx.app)
    wizard = ImportWizard(ui_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)  # the sites are loaded
    return wizard


def _past_file_page(qtbot, wizard):
    """Next on the first page: the file is read off the GUI thread, then the wizard moves on."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)


def test_import_with_bad_rows_progress_and_error_report(qtbot, ui_ctx, tmp_path):
    rows = good_rows(60)
    rows[4][2] = "?"
    path = write_xlsx(tmp_path / "class.xlsx", rows)
    wizard = _wizard(qtbot, ui_ctx, path)
    page = wizard.file_page
    wizard.next()
    # the file is read on a worker: the page says so, Next waits, the window stays live
    assert wizard.currentPage() is page and not page.isComplete()
    assert page.status.text() == "Reading the file…"
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    assert page.status.text() == ""
    assert wizard.mapping_page.combos[1].currentData() == "full_name"
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert "59 rows can be imported" in page.summary.text()
    bad = page.table.item(4, 2)  # fifth child, gender column
    assert "not a gender" in bad.toolTip()
    assert bad.background().color().name() == "#f8d7da"
    assert page.table.item(0, 2).toolTip() == ""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    progress = wizard.run_page.progress
    assert progress.value() == progress.maximum() == 59
    assert "59 children were imported" in wizard.summary_page.text.text()
    assert wizard.summary_page.save_button.isVisibleTo(wizard)
    report = wizard.summary_page.save_report(str(tmp_path / "errors.xlsx"))
    values = list(load_workbook(report).active.values)
    assert (
        len(values) == 2 and values[1][-1] == 8
    )  # the row number in the file (title, blank, header above)
    assert queries.stats(ui_ctx.app.engine)["children_active"] == 59
    wait_for_executor(qtbot, ui_ctx)


def test_bad_file_message_stays_on_first_page(qtbot, ui_ctx, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64 + "Workbook".encode("utf-16-le")
    )
    wizard = _wizard(qtbot, ui_ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: "Save as" in wizard.file_page.error.text(), timeout=10_000)
    assert wizard.currentPage() is wizard.file_page and wizard.file_page.isComplete()
    # a good file chosen next clears the message and goes on
    good = write_xlsx(tmp_path / "class.xlsx", good_rows(3))
    wizard.file_page.path_edit.setText(str(good))
    assert wizard.file_page.error.text() == ""
    _past_file_page(qtbot, wizard)


def test_column_mapped_twice_shows_a_message(qtbot, ui_ctx, tmp_path):
    path = write_xlsx(tmp_path / "class.xlsx", good_rows(3))
    wizard = _wizard(qtbot, ui_ctx, path)
    _past_file_page(qtbot, wizard)
    combo = wizard.mapping_page.combos[0]
    combo.setCurrentIndex(combo.findData("dob"))
    assert "two columns" in wizard.mapping_page.error.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combo.setCurrentIndex(0)
    assert wizard.mapping_page.error.text() == ""


def test_cancel_during_import_leaves_nothing_half_done(qtbot, ui_ctx, tmp_path):
    path = write_xlsx(tmp_path / "class.xlsx", good_rows(20))
    wizard = _wizard(qtbot, ui_ctx, path)
    _past_file_page(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=20_000)
    wizard.next()
    wizard.reject()  # the wizard's Cancel while saving: stop between batches
    assert wizard.isVisible() and not wizard.run_page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    result = wizard.result
    assert result.imported + result.not_attempted == 20
    assert queries.stats(ui_ctx.app.engine)["children_active"] == result.imported
    child_ids = result.child_ids
    for child_id in child_ids:  # every saved child came with its guardian
        assert queries.get_child(ui_ctx.app.engine, child_id)["guardians"]
    assert isinstance(wizard, QWizard)


def test_closing_the_wizard_while_the_file_is_read_is_harmless(qtbot, ui_ctx, tmp_path):
    path = write_xlsx(tmp_path / "class.xlsx", good_rows(300))
    add_site(ui_ctx.app)
    wizard = ImportWizard(ui_ctx)  # not handed to qtbot: this test deletes it
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    assert wizard.file_page.is_reading()
    wizard.reject()
    wizard.deleteLater()
    qtbot.wait(50)  # the wizard is gone; the read ends after it
    wait_for_executor(qtbot, ui_ctx)  # its answer must not touch the deleted page


def test_total_and_signature_rows_are_skipped_not_refused(qtbot, ui_ctx, tmp_path):
    rows = good_rows(5)
    rows += [[], ["合计", "5人", "男3人", "女2人", None, None, None, "班主任：李老师"]]
    rows += [["制表人：王老师", None, None, "2024年9月1日"]]
    path = write_xlsx(tmp_path / "class.xlsx", rows)
    wizard = _wizard(qtbot, ui_ctx, path)
    _past_file_page(qtbot, wizard)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    summary = page.summary.text()
    assert "5 rows can be imported; 0 rows have problems" in summary
    assert "Rows 10, 11 are totals or signatures, not children: skipped." in summary
    assert page.table.rowCount() == 5
    wait_for_executor(qtbot, ui_ctx)
