"""Search relevance on the laptop: the children a person means come first.

A surname's common reading before rare readings of other characters (方 is also read "wang",
邓 also "shan"), the whole name before initials before the given name, ü typed four ways,
initials mixed with syllables, and phones and ID numbers typed as the forms accept them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ss_desktop.db.child_search import child_ids_for_list, search_children
from ss_desktop.db.list_sort import sorted_child_ids
from tests.fixtures.fake_children import (
    add_site,
    child_with_family,
    fake_id_number,
    make_writer,
    open_test_db,
)

GIVEN = "浩然子涵雨轩梓萱欣怡俊杰思远佳琪文博"
WANG_COUNT = 60  # more than a page of 50
PHONE = "14517374590"
ID_DOB = date(2016, 10, 19)
ID_NUMBER = fake_id_number(ID_DOB, male=True, area="341221", serial=89)


def _id_typed_with_dashes() -> str:
    return f"{ID_NUMBER[:6]}-{ID_NUMBER[6:14]}-{ID_NUMBER[14:]}"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    engine = open_test_db(tmp_path_factory.mktemp("ranking"))
    writer = make_writer(engine)
    site = add_site(writer, "A")
    ids: dict[str, str] = {}
    changes = []
    born = date(2014, 1, 1)

    def add(surname: str, given: str, **extra) -> None:
        nonlocal born
        born += timedelta(days=1)
        extra.setdefault("id_number", None)
        extra.setdefault("dob", born)
        child_id, more = child_with_family(site, surname, given, **extra)
        ids[surname + given] = child_id
        changes.extend(more)

    for i in range(WANG_COUNT):
        add("王", GIVEN[i % 16] + GIVEN[(i // 16 * 5 + 1) % 16])
    for surname, given in [
        ("方", "家乐"),  # 方: also read "wang" (rare)
        ("方", "心雨"),
        ("李", "旺"),  # "wang" is her given name
        ("宋", "秀馨"),  # sxx
        ("邓", "心雪"),  # sxx only through a rare reading of 邓 ("shan")
        ("赵", "伟"),  # zw exactly
        ("张", "伟东"),  # zw at the start
        ("张", "伟"),
        ("陈", "华"),  # ch at the start of the whole name
        ("曹", "华"),  # ch as initials
        ("吕", "伟"),
        ("陆", "伟"),
        ("李", "阳"),  # ly as initials
        ("欧阳", "娜娜"),
        ("张", "晓明"),
    ]:
        add(surname, given)
    add("周", "小雨", phone=PHONE)
    add("孙", "一鸣", id_number=ID_NUMBER, dob=ID_DOB)
    writer.save(changes, actor="test")
    yield engine, ids
    engine.dispose()


def _all_pages(engine, query: str, limit: int = 50) -> list[str]:
    names, after = [], None
    while True:
        page = search_children(engine, query, limit=limit, after=after)
        names += [r.surname + r.given_name for r in page.rows]
        if page.next_after is None:
            return names
        after = page.next_after


def test_wang_lists_every_child_surnamed_wang_before_rare_readings(world):
    engine, ids = world
    first_page = search_children(engine, "wang", limit=50)
    assert [r.surname for r in first_page.rows] == ["王"] * 50
    names = _all_pages(engine, "wang")
    assert [n[0] for n in names[:WANG_COUNT]] == ["王"] * WANG_COUNT
    # then the given name 旺, then 方 (read "wang" only as a rare reading)
    assert names[WANG_COUNT:] == ["李旺", "方家乐", "方心雨"]
    # the export and the sorted list keep the same order
    by_id = {v: k for k, v in ids.items()}
    listed = [by_id[i] for i in child_ids_for_list(engine, "wang")]
    assert listed == names
    assert len(sorted_child_ids(engine, "wang", sort="name")) == len(names)


def test_initials_of_the_common_reading_before_a_rare_reading(world):
    engine, _ = world
    assert _all_pages(engine, "sxx") == ["宋秀馨", "邓心雪"]


def test_whole_name_before_initials_before_given_name(world):
    engine, _ = world
    # the start of the whole reading (陈华 chenhua) before initials (曹华 caohua: c-h)
    assert _all_pages(engine, "ch")[:2] == ["陈华", "曹华"]
    # initials exactly (张伟, 赵伟) before initials that only begin with the query (张伟东)
    assert _all_pages(engine, "zw")[:3] == ["张伟", "赵伟", "张伟东"]
    # the whole name exactly, then names that begin with it
    assert _all_pages(engine, "zhangwei") == ["张伟", "张伟东"]
    assert _all_pages(engine, "张伟") == ["张伟", "张伟东"]


@pytest.mark.parametrize("query", ["lv", "lyu", "lü", "LÜ", "lu:", "lǚ", "lu"])
def test_lv_typed_every_way_finds_lu_wei(world, query):
    engine, ids = world
    assert ids["吕伟"] in [r.id for r in search_children(engine, query).rows]


def test_lu_lists_its_own_surname_before_the_u_form_of_lv(world):
    engine, _ = world
    assert _all_pages(engine, "luwei") == ["陆伟", "吕伟"]
    # "ly" is first of all the initials of 李阳, not the start of "lyu"
    assert _all_pages(engine, "ly")[0] == "李阳"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("oyang", "欧阳娜娜"),
        ("oyangnn", "欧阳娜娜"),
        ("ouyangn", "欧阳娜娜"),
        ("oynana", "欧阳娜娜"),
        ("zhangxm", "张晓明"),
        ("zxming", "张晓明"),
        ("zhang xm", "张晓明"),
    ],
)
def test_initials_mixed_with_syllables(world, query, name):
    engine, _ = world
    assert _all_pages(engine, query)[0] == name


@pytest.mark.parametrize(
    "query",
    [
        "145-1737-4590",
        "145 1737 4590",
        "+8614517374590",
        "+86 145 1737 4590",
        "0086 145 1737 4590",
        "１４５１７３７４５９０",
        "（145）1737-4590",
        "1737 4590",
    ],
)
def test_phone_typed_as_the_forms_accept_it(world, query):
    engine, _ = world
    assert _all_pages(engine, query) == ["周小雨"]


@pytest.mark.parametrize(
    "query",
    [
        _id_typed_with_dashes(),
        _id_typed_with_dashes().replace("-", " "),
        "".join(chr(ord(c) + 0xFEE0) for c in ID_NUMBER),  # full-width digits
        ID_NUMBER[-8:-4] + "-" + ID_NUMBER[-4:],
    ],
)
def test_id_number_typed_with_spaces_dashes_or_full_width_digits(world, query):
    engine, _ = world
    assert _all_pages(engine, query) == ["孙一鸣"]


@pytest.mark.parametrize("query", ["zs%", "14-5", "%", "_", "wang = 1", "1 2 3"])
def test_symbols_and_too_short_numbers_find_nothing(world, query):
    engine, _ = world
    page = search_children(engine, query)
    assert page.rows == [] and page.total_estimate == 0
