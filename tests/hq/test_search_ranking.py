"""Head office's children search ranks as the laptop's does (ss_core.domain.name_search), on
SQLite and PostgreSQL, through the staff page."""

from __future__ import annotations

import re

import pytest

from ss_core.protocol.ids import new_id
from tests.hq.helpers import child_fields, fake_id_number
from tests.hq.test_web_support import signed_in_client

ID_NUMBER = fake_id_number("20161019", seed=7)
PEOPLE = [
    ("王", "芳"),
    ("王", "浩然"),
    ("李", "旺"),
    ("方", "家乐"),  # 方 is also read "wang"
    ("宋", "秀馨"),
    ("邓", "心雪"),  # 邓 is also read "shan"
    ("陈", "华"),
    ("曹", "华"),
    ("吕", "伟"),
    ("陆", "伟"),
    ("欧阳", "娜娜"),
    ("张", "晓明"),
    ("孙", "一鸣"),
]


@pytest.fixture
def listed(client, engine, hq):
    site = hq.site("RANK-A").id
    laptop = hq.device(site, name="laptop")
    ops = []
    for n, (surname, given) in enumerate(PEOPLE):
        dob = "2016-10-19" if given == "一鸣" else f"2015-03-{n + 1:02d}"
        extra = {"id_number": ID_NUMBER} if given == "一鸣" else {}
        fields = child_fields(site, surname=surname, given_name=given, dob=dob, **extra)
        ops.append(laptop.op("child", new_id(), fields))
    response = hq.push(laptop, *ops)
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["results"]} == {"applied"}, response.text
    signed_in_client(client, engine, "staff")

    def names(query: str) -> list[str]:
        page = client.get("/children", params={"q": query})
        assert page.status_code == 200
        known = {s + g for s, g in PEOPLE}
        return [n for n in re.findall(r">([^<>]+)</a>", page.text) if n in known]

    return names


def test_common_reading_before_rare_readings(listed):
    assert listed("wang") == ["王芳", "王浩然", "李旺", "方家乐"]
    assert listed("sxx") == ["宋秀馨", "邓心雪"]
    assert listed("ch") == ["陈华", "曹华"]


@pytest.mark.parametrize("query", ["lv", "lyu", "lü", "lu:"])
def test_lv_typed_every_way(listed, query):
    assert listed(query) == ["吕伟"]


def test_lu_lists_its_own_surname_first(listed):
    assert listed("luwei") == ["陆伟", "吕伟"]


@pytest.mark.parametrize(
    ("query", "name"), [("oyang", "欧阳娜娜"), ("zhangxm", "张晓明"), ("zhang xm", "张晓明")]
)
def test_initials_mixed_with_syllables(listed, query, name):
    assert listed(query) == [name]


@pytest.mark.parametrize(
    "query",
    [
        f"{ID_NUMBER[:6]}-{ID_NUMBER[6:14]}-{ID_NUMBER[14:]}",
        f"{ID_NUMBER[:6]} {ID_NUMBER[6:14]} {ID_NUMBER[14:]}",
        "".join(chr(ord(c) + 0xFEE0) for c in ID_NUMBER),
    ],
)
def test_id_number_typed_with_dashes_spaces_or_full_width_digits(listed, query):
    assert listed(query) == ["孙一鸣"]
