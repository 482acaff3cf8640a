"""The children export as program officers open it (SQLite and PostgreSQL), read back with
openpyxl: headers and values in the page's language, dates as dates, guardians with phones
(for roles that may see them) and the consent, widths set, the header row frozen, erased
children left out and counted."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from openpyxl import load_workbook

from ss_core.domain import labels as L
from ss_hq.core.labels import laptop_translations
from tests.hq.staff_pages_support import PHONE, two_records_of_one_child
from tests.hq.test_web_support import signed_in_client

ZH = {"Accept-Language": "zh-CN"}
EN = {"Accept-Language": "en"}


def _word(english: str) -> str:
    return laptop_translations("zh_CN")[("Enum", english)]


def _workbook(response):
    assert response.status_code == 200, response.text
    return load_workbook(io.BytesIO(response.content))


def test_the_xlsx_is_in_chinese_with_guardians_consent_and_dates(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    client.post(
        f"/children/{data.other}/erase",
        data={"csrf_token": token, "confirm": "删除", "reason": "监护人要求"},
    )
    book = _workbook(client.get("/children/export.xlsx", headers=ZH))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:12] == [
        "姓名",
        "拼音",
        "性别",
        "出生日期",
        "站点",
        "学段",
        "年级",
        "班级",
        "类别",
        "户籍地",
        "本地户籍",
        "登记日期",
    ]
    assert header[12:] == [
        "监护人 1",
        "关系 1",
        "电话 1",
        "监护人 2",
        "关系 2",
        "电话 2",
        "同意书",
        "记录编号",
    ]
    # The erased child is left out: one row, 宋怡可 at PD01.
    assert len(rows) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert row["姓名"] == "宋怡可" and row["拼音"] == "Song Yike"
    assert row["性别"] == _word(L.GENDER[2]) and row["学段"] == _word(L.STAGE["primary"])
    assert row["类别"] == _word(L.CATEGORY["migrant"]) and row["站点"] == "PD01 学校 PD01"
    assert isinstance(row["出生日期"], datetime) and row["出生日期"].date() == date(2016, 4, 5)
    assert isinstance(row["登记日期"], datetime) and row["登记日期"].year >= 2026
    assert row["监护人 1"] == "许建国" and row["关系 1"] == _word(L.RELATIONSHIP["father"])
    assert row["电话 1"] == PHONE and row["监护人 2"] is None
    assert row["同意书"] == f"已同意：{_word(L.CONSENT_SCOPE['registration'])}"
    assert row["记录编号"] == data.kept
    # Dates shown as dates, columns as wide as their text, the header row frozen.
    assert sheet.cell(row=2, column=4).number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert widths["A"] >= 8 and widths["M"] >= 8 and widths["T"] >= 38  # 记录编号: a full id
    # The erased child is counted on the notes sheet.
    notes = {r[0]: r[1] for r in book.worksheets[1].iter_rows(values_only=True)}
    assert notes == {"导出儿童数": 1, "已删除个人信息的儿童（计入统计，不导出）": 1}


def test_staff_export_has_no_phones_and_english_pages_export_english(client, engine, hq):
    two_records_of_one_child(hq)
    signed_in_client(client, engine, "staff")
    book = _workbook(client.get("/children/export.xlsx", params={"site": ""}, headers=EN))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:4] == ("Name", "Pinyin", "Gender", "Date of birth")
    assert "Phone 1" not in rows[0] and "Guardian 2" in rows[0]
    flat = " ".join(str(v) for row in rows for v in row)
    assert PHONE not in flat and "13912345678" not in flat
    assert "Female" in flat and "Father" in flat and "Given: Registration, Photos" in flat
    # CSV: the same columns, dates as YYYY-MM-DD.
    response = client.get("/children/export.csv", headers=ZH)
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:4] == ["姓名", "拼音", "性别", "出生日期"] and "电话 1" not in lines[0]
    assert {line[3] for line in lines[1:]} == {"2016-04-05"}
