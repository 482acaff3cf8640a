"""An export speaks the user's language (headers and values) and imports again unchanged.

``ss-desktop --lang zh_CN export`` writes 姓名/性别 男/女, 小学3年级, 父亲, 居民户口 and place
names; ``--lang en`` writes Name/Gender Male/Female, Primary 3, Father, Resident hukou. Either
file, .csv or .xlsx, imported into another laptop gives back every child with the same
name, gender, birth date, ID number, grade, class, hukou and two guardians.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ss_desktop.db.child_search import child_ids_for_list
from ss_desktop.db.report_queries import export_rows
from ss_desktop.demo import DemoService
from ss_desktop.services.importing import ImportService
from tests.unit.services_fixtures import add_site, make_app
from tests.unit.test_cli import run

COUNT = 150
COMPARED = (
    "surname",
    "given_name",
    "gender",
    "dob",
    "dob_precision",
    "id_number",
    "stage",
    "grade",
    "class_name",
    "hukou_type",
    "hukou_division",
    "residence_division",
)


def _facts(record: dict) -> tuple:
    guardians = tuple((g["name"], g["relationship"], g["phone"]) for g in record["guardians"][:2])
    return (*(record[k] for k in COMPARED), guardians)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export-source")
    app, session = make_app(tmp)
    DemoService(app, session).populate(COUNT, seed=5)
    records = export_rows(app.engine, child_ids_for_list(app.engine, ""))
    app.close()
    return tmp / "data", {(r["surname"], r["given_name"], r["dob"]): _facts(r) for r in records}


def _read(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    sheet = load_workbook(path).active
    return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("lang", "suffix", "header", "words"),
    [
        ("zh_CN", ".csv", ["姓名", "拼音", "性别", "出生日期"], {"男", "女", "父亲", "居民户口"}),
        ("zh_CN", ".xlsx", ["姓名", "拼音", "性别", "出生日期"], {"男", "女", "母亲"}),
        ("en", ".csv", ["Name", "Pinyin", "Gender", "Date of birth"], {"Male", "Female", "Father"}),
        ("en", ".xlsx", ["Name", "Pinyin", "Gender", "Date of birth"], {"Male", "Female"}),
    ],
)
def test_export_in_the_users_language_imports_again(tmp_path, source, lang, suffix, header, words):
    data_dir, expected = source
    target = tmp_path / f"children{suffix}"
    done = run(data_dir, "--lang", lang, "export", str(target))
    assert done.returncode == 0, done.stderr
    rows = _read(target)
    assert rows[0][:4] == header
    cells = {c for row in rows[1:] for c in row}
    assert words <= cells
    codes = {"male", "female", "junior", "primary", "father", "mother", "resident"}
    assert not codes & cells  # no stored code where a label belongs
    if lang == "zh_CN":
        assert any(c.endswith("年级") and c.startswith(("小学", "初中", "高中")) for c in cells)
        assert any("、" in c and "儿童" in c for c in cells)  # categories: 流动儿童、留守儿童

    app, session = make_app(tmp_path / "other")
    try:
        site = add_site(app, code="SH-MS-09")
        service = ImportService(app, session)
        imported = service.open(target)
        preview = service.preview(imported, imported.suggested, site)
        assert preview.rejected_rows == [] and preview.skipped == []
        result = service.run(preview)
        assert result.imported == COUNT
        records = export_rows(app.engine, result.child_ids)
    finally:
        app.close()
    got = {(r["surname"], r["given_name"], r["dob"]): _facts(r) for r in records}
    assert got == expected
