"""Messy class lists made on the fly (fake children only) for the import tests."""

from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.unit.services_fixtures import fake_id_number

HEADER = [
    "序号",
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
]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def good_rows(count: int, seed: int = 7) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for n in range(1, count + 1):
        male = rng.random() < 0.5
        born = date(2012 + rng.randrange(4), rng.randrange(1, 13), rng.randrange(1, 28))
        surname = _SURNAMES[rng.randrange(len(_SURNAMES))]
        given = "".join(rng.choice(_GIVEN) for _ in range(2))
        rows.append(
            [
                n,
                surname + given,
                "男" if male else "女",
                f"{born.year}.{born.month}.{born.day}",  # 2013.5.7: no zero padding
                fake_id_number("341221", born, male, seq=n % 100),
                rng.choice(["三年级", "四年级", "五年级"]),
                f"{rng.randrange(1, 5)}班",
                surname + "建国",
                "父亲",
                f"139{n:08d}",
                "安徽省阜阳市临泉县",
            ]
        )
    return rows


def write_xlsx(
    path: Path,
    rows: list[list],
    *,
    header: list[str] = HEADER,
    title: str | None = "2024学年 花名册",
) -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(
    path: Path, rows: list[list], *, encoding: str = "utf-8-sig", header: list[str] = HEADER
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
