"""Class-list import end to end on a real data folder: files, preview, saving, duplicates,
error report, bad input, and the ``ss-desktop import`` exit codes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ss_desktop.__main__ import main
from ss_desktop.db import queries
from ss_desktop.services.importing import REASON_HEADER, ImportFileError, ImportService
from ss_desktop.services.importing.reading import MAX_FILE_BYTES, OLE_MAGIC
from tests.unit.import_fixtures import HEADER, good_rows, write_csv, write_xlsx
from tests.unit.services_fixtures import ADMIN_PASSWORD, add_site, make_app


@pytest.fixture
def env(tmp_path):
    app, session = make_app(tmp_path)
    site = add_site(app)
    yield app, session, site, tmp_path
    app.close()


def _import(app, session, site, path):
    service = ImportService(app, session)
    source = service.open(path)
    preview = service.preview(source, source.suggested, site)
    return service, preview, service.run(preview)


def test_three_bad_rows_import_the_rest_and_are_listed(env):
    app, session, site, tmp = env
    rows = good_rows(20)
    original = [list(r) for r in rows]
    rows[2][2] = "X"  # gender: file row 6 (title, blank, header above)
    rows[9][3] = "2015.13.45"  # date: row 13
    rows[14][9] = "12345"  # phone: row 18
    path = write_xlsx(tmp / "class.xlsx", rows)
    service, preview, result = _import(app, session, site, path)
    assert result.imported == 17
    assert [r.number for r in result.rejected] == [6, 13, 18]
    codes = [[p.code for p in r.problems if p.severity == "error"] for r in result.rejected]
    assert codes == [["import.gender_unknown"], ["import.date_unknown"], ["phone.format"]]
    assert [r.problems[0].column for r in result.rejected] == [2, 3, 9]
    assert queries.stats(app.engine)["children_active"] == 17
    child = queries.get_child(app.engine, result.child_ids[0])
    assert child["guardians"][0]["relationship"] == "father"
    assert child["hukou_division"] == "341221"
    # the error report lists the three rows with their reasons and can be imported again
    report = tmp / "errors.xlsx"
    from ss_desktop.services.importing import write_error_report

    write_error_report(report, preview.source.header, result.rejected)
    sheet = load_workbook(report).active
    values = list(sheet.values)
    assert values[0][: len(HEADER)] == tuple(HEADER) and REASON_HEADER in values[0]
    reasons = [r[len(HEADER)] for r in values[1:]]
    assert "C 性别" in reasons[0] and "not a gender" in reasons[0]
    assert [r[len(HEADER) + 1] for r in values[1:]] == [6, 13, 18]
    sheet.cell(2, 3).value = original[2][2]
    sheet.cell(3, 4).value = original[9][3]
    sheet.cell(4, 10).value = original[14][9]
    fixed = tmp / "fixed.xlsx"
    book = sheet.parent
    book.save(fixed)
    source = service.open(fixed)
    assert source.remembered  # the layout's mapping was remembered
    again = service.run(service.preview(source, source.suggested, site))
    assert again.imported == 3 and not again.rejected


def test_importing_the_same_file_again_reports_duplicates(env):
    app, session, site, tmp = env
    path = write_xlsx(tmp / "class.xlsx", good_rows(10))
    _, _, first = _import(app, session, site, path)
    assert first.imported == 10
    _, preview, second = _import(app, session, site, path)
    assert second.imported == 0
    assert preview.duplicate_count == 10
    assert {r.problems[0].code for r in second.rejected} == {"import.duplicate_existing"}
    assert queries.stats(app.engine)["children_active"] == 10


def test_duplicate_within_the_file(env):
    app, session, site, tmp = env
    rows = good_rows(3)
    rows.append(list(rows[0]))
    rows[-1][0] = 4
    path = write_xlsx(tmp / "class.xlsx", rows, title=None)
    _, preview, result = _import(app, session, site, path)
    assert result.imported == 3
    problem = result.rejected[0].problems[0]
    assert problem.code == "import.duplicate_in_file" and problem.params["row"] == 2


def test_gbk_csv_reads_correctly(env):
    app, session, site, tmp = env
    path = write_csv(tmp / "gbk.csv", good_rows(5), encoding="gbk")
    service = ImportService(app, session)
    source = service.open(path)
    assert source.table.encoding == "gb18030"
    preview = service.preview(source, source.suggested, site)
    assert (
        preview.rows[0].form.fields["surname"] + preview.rows[0].form.fields["given_name"]
        == good_rows(5)[0][1]
    )
    assert service.run(preview).imported == 5


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_csv_with_and_without_bom(env, encoding):
    app, session, site, tmp = env
    path = write_csv(tmp / "u.csv", good_rows(3), encoding=encoding)
    _, preview, result = _import(app, session, site, path)
    assert result.imported == 3
    assert preview.source.header.cells[1] == "姓名"


def test_row_with_twelve_bad_cells_lists_all_twelve(env):
    app, session, site, tmp = env
    header = [
        "姓名",
        "性别",
        "出生日期",
        "身份证号",
        "年级",
        "班级",
        "监护人",
        "关系",
        "联系电话",
        "户籍地",
        "现住址",
        "户口类型",
        "同意日期",
    ]
    bad = [
        "张3!",
        "?",
        "昨天",
        "123",
        "十五年级",
        "班" * 50,
        "李" * 70,
        "邻居",
        "12",
        "火星",
        "月球",
        "外星",
        "明天",
    ]
    path = write_xlsx(tmp / "bad.xlsx", [bad], header=header, title=None)
    service = ImportService(app, session)
    source = service.open(path)
    preview = service.preview(source, source.suggested, site)
    row = preview.rows[0]
    bad_columns = {p.column for p in row.problems if p.severity == "error"}
    assert bad_columns == set(range(13)), [(p.column, p.code) for p in row.problems]
    assert service.run(preview).imported == 0


def test_column_mapped_twice_is_refused(env):
    app, session, site, tmp = env
    path = write_xlsx(tmp / "class.xlsx", good_rows(2))
    service = ImportService(app, session)
    source = service.open(path)
    mapping = dict(source.suggested)
    mapping[0] = "dob"  # 序号 as the date of birth too
    with pytest.raises(ImportFileError) as err:
        service.preview(source, mapping, site)
    assert err.value.code == "import.mapped_twice"
    assert err.value.params["first"].startswith("A")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "import.empty"),
        (b"\n\n ,, \n", "import.empty"),
        (
            OLE_MAGIC + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le"),
            "import.password_protected",
        ),
        (OLE_MAGIC + b"\x00" * 100 + "Workbook".encode("utf-16-le"), "import.old_excel"),
        (OLE_MAGIC + b"\x00" * 600, "import.old_excel_or_password"),
        ("名单\n甲,乙\n".encode(), "import.no_header"),
        (b"\xff\xfe\x80\x81abc\x80", "import.encoding"),
        ("姓名,性别\n张三,男\n".encode("utf-16"), "import.encoding"),
        (b"PK\x03\x04 not really a zip", "import.unreadable"),
    ],
)
def test_bad_files_give_clear_errors_and_import_nothing(env, content, code):
    app, session, site, tmp = env
    path = tmp / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as err:
        ImportService(app, session).open(path)
    assert err.value.code == code
    assert queries.stats(app.engine)["children_active"] == 0


def test_file_above_the_size_limit_is_refused(env):
    app, session, site, tmp = env
    path = tmp / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: 50 MB would behave the same
    with pytest.raises(ImportFileError) as err:
        ImportService(app, session).open(path)
    assert err.value.code == "import.too_large"


def test_real_password_protected_style_file_extension_does_not_matter(env):
    app, session, site, tmp = env
    path = write_xlsx(tmp / "list.csv", good_rows(2))  # an .xlsx saved under a wrong name
    assert zipfile.is_zipfile(path)
    _, _, result = _import(app, session, site, path)
    assert result.imported == 2


def test_cancel_between_batches_keeps_saved_batches_only(env):
    app, session, site, tmp = env
    path = write_xlsx(tmp / "class.xlsx", good_rows(30))
    service = ImportService(app, session)
    source = service.open(path)
    preview = service.preview(source, source.suggested, site)
    calls = []
    result = service.run(
        preview,
        batch_rows=10,
        progress=lambda d, t: calls.append(d),
        should_cancel=lambda: len(calls) >= 2,
    )
    assert result.cancelled and result.imported == 20 and result.not_attempted == 10
    assert queries.stats(app.engine)["children_active"] == 20
    assert calls == [10, 20]


def test_volunteer_may_not_import(env):
    app, session, site, tmp = env
    from dataclasses import replace

    from ss_desktop.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        ImportService(app, replace(session, role="volunteer"))


def _cli(tmp, *args):
    return main(["--data-dir", str(tmp / "data"), "--user", "admin", *args])


def test_cli_exit_codes(env, monkeypatch, capsys):
    app, session, site, tmp = env
    app.close()
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", ADMIN_PASSWORD)
    good = write_xlsx(tmp / "good.xlsx", good_rows(4))
    rows = good_rows(8, seed=9)
    rows[1][2] = "?"
    mixed = write_csv(tmp / "mixed.csv", rows)
    empty = tmp / "empty.csv"
    empty.write_bytes(b"")
    assert _cli(tmp, "import", str(good), "--dry-run") == 0
    assert _cli(tmp, "import", str(good)) == 0
    capsys.readouterr()
    assert _cli(tmp, "import", str(mixed), "--json", "--error-report", str(tmp / "e.xlsx")) == 3
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 7 and out["rejected"] == 1
    assert out["rejected_rows"][0]["row"] == 3
    assert out["rejected_rows"][0]["reasons"][0]["column"] == "C"
    assert (tmp / "e.xlsx").exists()
    assert _cli(tmp, "import", str(empty)) == 2
    assert "empty" in capsys.readouterr().err
    assert _cli(tmp, "import", str(good), "--site", "NO-SUCH") == 2


def test_cli_import_needs_a_site_when_there_are_several(env, monkeypatch, capsys):
    app, session, site, tmp = env
    add_site(app, code="SH-MS-02")
    app.close()
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", ADMIN_PASSWORD)
    good = write_xlsx(tmp / "good.xlsx", good_rows(2))
    assert _cli(tmp, "import", str(good)) == 2
    assert "site" in capsys.readouterr().err
    assert _cli(tmp, "import", str(good), "--site", "SH-MS-02") == 0


def test_xlsx_with_merged_title_and_workbook_kinds(env):
    app, session, site, tmp = env
    book = Workbook()
    sheet = book.active
    sheet.append(["Class 3 list"])
    sheet.append(["Name", "Gender", "Date of birth", "Grade", "Guardian", "Phone"])
    sheet.append(["Li Ming", "M", 42067, "Grade 3", "Li Qiang", "13912345678"])
    book.save(tmp / "en.xlsx")
    _, preview, result = _import(app, session, site, tmp / "en.xlsx")
    assert result.imported == 1
    fields = preview.rows[0].form.fields
    assert (fields["surname"], fields["given_name"], fields["dob"]) == ("Li", "Ming", "2015-03-04")


def test_layout_is_remembered(env):
    app, session, site, tmp = env
    path = write_xlsx(tmp / "class.xlsx", good_rows(2))
    service = ImportService(app, session)
    source = service.open(path)
    mapping = dict(source.suggested)
    mapping.pop(10)  # do not import the hukou place
    service.run(service.preview(source, mapping, site))
    again = service.open(path)
    assert again.remembered and 10 not in again.suggested
    assert Path(app.paths.data_dir / "import_layouts.json").exists()


def test_cli_reports_the_possible_duplicates_it_imports(env, monkeypatch, capsys):
    """A row that looks like a child already registered is imported with a warning: the text
    output, --json and the error report say which row (they said nothing)."""
    app, session, site, tmp = env
    app.close()
    monkeypatch.setenv("SS_DESKTOP_PASSWORD", ADMIN_PASSWORD)
    first = good_rows(3)
    assert _cli(tmp, "import", str(write_xlsx(tmp / "first.xlsx", first))) == 0
    # the second list has the first list's second child typed with one character different,
    # without ID number or phone, after a child who is new
    again = list(first[1])
    again[0], again[1], again[4], again[9] = 1, "程" + again[1][1:], "", "13700000001"
    if again[1] == first[1][1]:
        again[1] = "陈" + first[1][1][1:]
    fresh = good_rows(1, seed=99)[0]
    fresh[0] = 2
    second = write_xlsx(tmp / "second.xlsx", [fresh, again])
    capsys.readouterr()

    report = tmp / "report.xlsx"
    assert _cli(tmp, "import", str(second), "--dry-run", "--error-report", str(report)) == 0
    text = capsys.readouterr().out
    assert "1 row(s) may be a child already registered:" in text
    assert "  row 5: A child with a similar name or the same birth date" in text  # under a title
    sheet = load_workbook(report)["possible duplicates"]
    listed = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(listed) == 1 and listed[0][-1] == 5 and listed[0][1] == again[1]
    assert "similar name" in listed[0][-2]

    assert _cli(tmp, "import", str(second), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 2 and out["rejected"] == 0
    assert [(d["row"], d["score"]) for d in out["possible_duplicates"]] == [(5, 70)]
