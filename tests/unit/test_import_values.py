"""Normalization of single cells: dates, genders, grades, names, places."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ss_desktop.services.importing import values as v
from ss_desktop.services.importing.mapping import field_for_header, find_header


@pytest.mark.parametrize(
    ("cell", "expected", "precision"),
    [
        (datetime(2015, 3, 4), date(2015, 3, 4), "exact"),
        (42067, date(2015, 3, 4), "exact"),  # Excel serial number
        (42067.0, date(2015, 3, 4), "exact"),
        ("42067", date(2015, 3, 4), "exact"),
        ("2015.3.4", date(2015, 3, 4), "exact"),
        ("2015年3月4日", date(2015, 3, 4), "exact"),
        ("2015/03/04", date(2015, 3, 4), "exact"),
        ("20150304", date(2015, 3, 4), "exact"),
        (20150304, date(2015, 3, 4), "exact"),
        ("２０１５－０３－０４", date(2015, 3, 4), "exact"),  # full-width digits
        ("2015年3月", date(2015, 3, 1), "month"),
        ("201503", date(2015, 3, 1), "month"),
        ("2015", date(2015, 1, 1), "year"),
    ],
)
def test_dates(cell, expected, precision):
    parsed = v.parse_date(cell)
    assert parsed.problem is None
    assert parsed.value == expected
    assert parsed.extra["precision"] == precision


@pytest.mark.parametrize("cell", ["abc", "2015.13.40", "3/4"])
def test_bad_dates_are_problems(cell):
    assert v.parse_date(cell).problem == "import.date_unknown"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("男", 1), ("女", 2), ("M", 1), ("f", 2), ("Male", 1), ("女生", 2), ("Ｍ", 1)],
)
def test_genders(cell, expected):
    assert v.parse_gender(cell).value == expected


def test_unknown_gender():
    assert v.parse_gender("未知x").problem == "import.gender_unknown"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("一年级", ("primary", 1)),
        ("3年级", ("primary", 3)),
        ("六年级", ("primary", 6)),
        ("初一", ("junior", 1)),
        ("初三", ("junior", 3)),
        ("七年级", ("junior", 1)),
        ("九年级", ("junior", 3)),
        ("高二", ("senior", 2)),
        ("高中三年级", ("senior", 3)),
        ("中职一", ("vocational", 1)),
        ("大班", ("preschool", 3)),
        ("Grade 4", ("primary", 4)),
        ("8", ("junior", 2)),
        ("１１", ("senior", 2)),
    ],
)
def test_grades(cell, expected):
    assert v.parse_grade(cell).value == expected


def test_grade_with_class():
    parsed = v.parse_grade("三年级2班")
    assert parsed.value == ("primary", 3)
    assert parsed.extra["class_name"] == "2班"


def test_unknown_grade():
    assert v.parse_grade("十五年级").problem == "import.grade_unknown"


def test_fullwidth_names_and_ids():
    assert v.parse_name("Ｌｉ Ｍｉｎｇ").value == "Li Ming"
    assert v.parse_id_number("３４１２２１２０１５０３０４１２３Ｘ").value == "34122120150304123X"
    assert v.parse_id_number(3.41221201503041e17).problem == "import.id_number_as_number"


def test_relationships():
    assert v.parse_relationship("奶奶").value == "paternal_grandparent"
    assert v.parse_relationship("外婆").value == "maternal_grandparent"
    assert v.parse_relationship("邻居").problem == "import.relationship_unknown"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("姓名", "full_name"),
        ("学生姓名*", "full_name"),
        ("出生日期(年月日)", "dob"),
        ("Date of Birth", "dob"),
        ("身份证号码", "id_number"),
        ("联系电话", "guardian_phone"),
        ("户籍地", "hukou_place"),
        ("Ｇｅｎｄｅｒ", "gender"),
        ("班级", "class_name"),
    ],
)
def test_headers(text, field):
    assert field_for_header(text) == field


def test_header_row_found_below_title_and_blank_rows():
    rows = [
        ["三年级花名册", None, None],
        [None, None, None],
        ["姓名", "性别", "出生日期"],
        ["张三", "男", "2015-01-01"],
    ]
    assert find_header(rows).index == 2
