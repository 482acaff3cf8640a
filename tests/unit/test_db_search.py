"""Search: Chinese characters, full pinyin, initials, ID and phone fragments; keyset pages."""

from __future__ import annotations

from datetime import date

import pytest

from ss_core.protocol.wire import Entity
from ss_desktop.db.child_search import (
    child_ids_for_list,
    count_children,
    rows_by_ids,
    search_children,
)
from ss_desktop.db.queries import duplicate_facts, stats
from ss_desktop.db.write import Change
from tests.fixtures.fake_children import (
    add_site,
    child_with_family,
    fake_id_number,
    make_writer,
    open_test_db,
)

DIGITS = "一二三四五六七八九十"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    engine = open_test_db(tmp_path_factory.mktemp("search"))
    writer = make_writer(engine)
    site_a, site_b = add_site(writer, "A"), add_site(writer, "B")
    ids = {}
    people = [
        ("单", "雄信", site_a, "13812345678", {}),
        ("曾", "小明", site_a, None, {"stage": "junior", "grade": 2}),
        ("欧阳", "娜娜", site_b, None, {"gender": 2, "categories": ["left_behind"]}),
        ("吕", "伟", site_b, "13900001111", {}),
        ("张", "伟", site_a, None, {}),
        ("张", "伟东", site_a, None, {}),
    ]
    changes = []
    for surname, given, site, phone, extra in people:
        if extra.get("gender") == 2:
            extra["id_number"] = fake_id_number(date(2015, 6, 1), male=False, serial=34)
        child_id, more = child_with_family(site, surname, given, phone=phone, **extra)
        ids[surname + given] = child_id
        changes += more
    for i in range(40):  # filler for paging
        child_id, more = child_with_family(site_b, "王", DIGITS[i // 10] + DIGITS[i % 10])
        changes += more[:1]
    writer.save(changes, actor="test")
    yield engine, writer, ids, (site_a, site_b)
    engine.dispose()


def _names(page):
    return [r.surname + r.given_name for r in page.rows]


@pytest.mark.parametrize("query", ["shanxiongxin", "sxx", "单雄", "单雄信", "Shan Xiongxin"])
def test_finds_shan_xiongxin(world, query):
    engine, _, ids, _ = world
    assert ids["单雄信"] in [r.id for r in search_children(engine, query).rows]


@pytest.mark.parametrize(
    ("query", "name"), [("zeng", "曾小明"), ("oyn", "欧阳娜娜"), ("lv", "吕伟"), ("lu", "吕伟")]
)
def test_surname_readings_and_initials(world, query, name):
    engine, _, ids, _ = world
    assert ids[name] in [r.id for r in search_children(engine, query).rows]


def test_exact_match_before_prefix_match(world):
    engine, _, _, _ = world
    names = _names(search_children(engine, "张伟"))
    assert names == ["张伟", "张伟东"]
    assert _names(search_children(engine, "zhangwei")) == ["张伟", "张伟东"]


def test_id_and_phone_fragments(world):
    engine, _, ids, _ = world
    id_number = fake_id_number(date(2015, 6, 1), male=False, serial=34)
    assert [r.id for r in search_children(engine, id_number[-6:]).rows] == [ids["欧阳娜娜"]]
    assert [r.id for r in search_children(engine, "12345678").rows] == [ids["单雄信"]]
    assert [r.id for r in search_children(engine, "0000111").rows] == [ids["吕伟"]]
    assert search_children(engine, "138").rows == []  # under 4 digits: no match


def test_filters(world):
    engine, _, ids, (site_a, site_b) = world
    junior = search_children(engine, "", stage="junior")
    assert [r.id for r in junior.rows] == [ids["曾小明"]]
    left = search_children(engine, "", category="left_behind")
    assert [r.id for r in left.rows] == [ids["欧阳娜娜"]]
    only_a = search_children(engine, "", site_ids=[site_a], limit=100)
    assert {r.site_id for r in only_a.rows} == {site_a} and len(only_a.rows) == 4
    assert search_children(engine, "", site_ids=[]).rows == []
    assert count_children(engine, "", site_ids=[site_b]) == 42
    assert search_children(engine, "zeng", grade=2).rows[0].id == ids["曾小明"]


def test_keyset_pages_return_every_child_once(world):
    engine, _, _, _ = world
    seen, after = [], None
    while True:
        page = search_children(engine, "", limit=7, after=after)
        seen += [r.id for r in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert len(seen) == len(set(seen)) == 46
    assert seen == child_ids_for_list(engine, "")
    sort_keys = [r.pinyin.lower().replace(" ", "") for r in rows_by_ids(engine, seen)]
    assert sort_keys == sorted(sort_keys)
    wang, after = [], None
    while True:
        page = search_children(engine, "王", limit=6, after=after)
        wang += [r.id for r in page.rows]
        if not page.next_after:
            break
        after = page.next_after
    assert len(wang) == len(set(wang)) == 40


def test_bad_cursor_is_refused(world):
    engine, _, _, _ = world
    with pytest.raises(ValueError):
        search_children(engine, "", after="not-a-cursor")


def test_rows_carry_site_name_and_consent_state(world):
    engine, writer, ids, _ = world
    row = rows_by_ids(engine, [ids["单雄信"]])[0]
    assert row.site_name == "Site A" and row.consent_pending is False
    writer.save(
        [
            Change(
                Entity.CHILD,
                None,
                {
                    "surname": "赵",
                    "given_name": "六",
                    "gender": 1,
                    "dob": "2016-01-01",
                    "site_id": row.site_id,
                },
            )
        ],
        actor="t",
    )
    no_consent = search_children(engine, "赵六").rows[0]
    assert no_consent.consent_pending is True
    assert stats(engine)["children_active"] == 47


def test_guardian_phone_change_updates_search(world):
    engine, writer, ids, _ = world
    child = ids["张伟东"]
    guardian = writer.save(
        [
            Change(
                Entity.GUARDIAN,
                None,
                {
                    "child_id": child,
                    "name": "张三",
                    "relationship": "father",
                    "phone": "15055556666",
                },
            )
        ],
        actor="t",
    ).created[Entity.GUARDIAN][0]
    assert [r.id for r in search_children(engine, "55556666").rows] == [child]
    writer.save([Change(Entity.GUARDIAN, guardian, {"phone": "15077778888"})], actor="t")
    assert search_children(engine, "55556666").rows == []
    assert [r.id for r in search_children(engine, "77778888").rows] == [child]


def test_duplicate_facts_by_name_id_and_phone(world):
    engine, _, ids, _ = world
    by_name = duplicate_facts(engine, surname="单", given_name="雄信")
    assert [f.id for f in by_name] == [ids["单雄信"]]
    assert by_name[0].guardian_phones == ["13812345678"]
    by_phone = duplicate_facts(engine, surname="某", given_name="人", phones=["13900001111"])
    assert [f.id for f in by_phone] == [ids["吕伟"]]
    id_number = fake_id_number(date(2015, 6, 1), male=False, serial=34)
    by_id = duplicate_facts(engine, surname="某", given_name="人", id_number=id_number)
    assert [f.id for f in by_id] == [ids["欧阳娜娜"]]
