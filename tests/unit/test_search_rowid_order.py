"""Search-index rowids in list order (schema revision 0010): a broad search reads its first
page from the first hits FTS5 returns, so the order of the rowids must be the order of the
list, collisions must not lose a child, and a rename must move the child's rowid."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ss_core.protocol.ids import new_id
from ss_core.protocol.wire import Entity
from ss_desktop.db.child_search import child_ids_for_list, search_children
from ss_desktop.db.engine import raw_cursor
from ss_desktop.db.search_index import CREATE_SQL, reindex_children, sort_code
from ss_desktop.db.write import Change
from tests.fixtures.fake_children import add_site, child_with_family, make_writer, open_test_db

_TABLE_SQL = "SELECT sql FROM sqlite_master WHERE name = 'child_search'"
GIVEN = ["小明", "小敏", "小民", "晓明", "晓敏", "筱明", "小梅", "小萌", "小毛", "小猫", "潇", "笑"]


def _low_bits(child_id: str) -> int:
    digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & ((1 << 19) - 1)


def _colliding_ids() -> tuple[str, str]:
    """Two child ids whose rowids collide when the names sort alike (same hash bits)."""
    seen: dict[int, str] = {}
    while True:
        child_id = new_id()
        other = seen.setdefault(_low_bits(child_id), child_id)
        if other != child_id:
            return other, child_id


def _all_pages(engine, query: str, limit: int) -> list[str]:
    ids, after = [], None
    while True:
        page = search_children(engine, query, limit=limit, after=after)
        ids += [row.id for row in page.rows]
        if page.next_after is None:
            return ids
        after = page.next_after


def _index_matches_children(engine) -> None:
    with engine.connect() as conn:
        cursor = raw_cursor(conn)
        live = dict(cursor.execute("SELECT id, search_rowid FROM child WHERE deleted = 0"))
        names = {
            cid: rowid for rowid, cid in cursor.execute("SELECT rowid, child_id FROM child_search")
        }
        digits = {
            cid: rowid for rowid, cid in cursor.execute("SELECT rowid, child_id FROM child_digits")
        }
    assert names == live == digits


@pytest.fixture()
def world(tmp_path):
    engine = open_test_db(tmp_path)
    writer = make_writer(engine)
    site = add_site(writer, "A")
    first, second = _colliding_ids()
    changes = []
    for child_id in (first, second):  # same name, same bucket, same hash bits
        _, family = child_with_family(site, "王", "小明")
        family[0] = Change(Entity.CHILD, child_id, family[0].fields)
        for change in family[1:]:
            change.fields["child_id"] = child_id
        changes += family
    for index in range(60):  # many children in few buckets ("wangxiaom", "wangxiaox"...)
        _, family = child_with_family(site, "王", GIVEN[index % len(GIVEN)])
        changes += family[:1]
    for surname in ("李", "张", "安", "欧阳"):
        _, family = child_with_family(site, surname, "小明")
        changes += family[:1]
    writer.save(changes, actor="test")
    yield engine, writer, first, second
    engine.dispose()


@given(
    st.text(alphabet="abcxyz ü'-1王Z", max_size=12), st.text(alphabet="abcxyz ü'-1王Z", max_size=12)
)
def test_the_sort_code_never_reverses_the_order_of_two_keys(left, right):
    if left <= right:
        assert sort_code(left) <= sort_code(right)
    else:
        assert sort_code(left) >= sort_code(right)


def test_children_whose_rowids_collide_are_both_indexed_and_found(world):
    engine, _, first, second = world
    _index_matches_children(engine)
    with engine.connect() as conn:
        rowids = [
            raw_cursor(conn)
            .execute("SELECT search_rowid FROM child WHERE id = ?", (i,))
            .fetchone()[0]
            for i in (first, second)
        ]
    assert rowids[0] != rowids[1] and rowids[0] >> 19 == rowids[1] >> 19  # one moved on
    found = [row.id for row in search_children(engine, "王小明").rows]
    assert first in found and second in found


@pytest.mark.parametrize("query", ["王", "wang", "wangxiao", "wxm", "小明", "xiaoming", "", "w"])
@pytest.mark.parametrize("limit", [1, 3, 7, 50])
def test_every_page_follows_the_list_order(world, query, limit):
    engine, _, _, _ = world
    pages = _all_pages(engine, query, limit)
    assert pages == child_ids_for_list(engine, query)
    assert len(pages) == len(set(pages))


def test_a_rename_moves_the_child_and_leaves_the_other_found(world):
    engine, writer, first, second = world
    writer.save([Change(Entity.CHILD, first, {"surname": "安"})], actor="test")
    _index_matches_children(engine)
    assert first in [row.id for row in search_children(engine, "anxiaoming").rows]
    assert first not in [row.id for row in search_children(engine, "王小明").rows]
    assert second in [row.id for row in search_children(engine, "王小明").rows]
    assert _all_pages(engine, "小明", 2) == child_ids_for_list(engine, "小明")


def test_reindexing_a_child_does_not_remove_another_at_the_rowid_it_holds(world):
    """A child arriving from head office holds the rowid it would like, which another child
    may have been given; indexing it must not remove that other child's row."""
    engine, _, first, second = world
    with engine.begin() as conn:
        cursor = raw_cursor(conn)
        rowid = cursor.execute("SELECT search_rowid FROM child WHERE id = ?", (first,)).fetchone()[
            0
        ]
        cursor.execute("DELETE FROM child_search WHERE child_id = ?", (second,))
        cursor.execute("DELETE FROM child_digits WHERE child_id = ?", (second,))
        cursor.execute("UPDATE child SET search_rowid = ? WHERE id = ?", (rowid, second))
        reindex_children(cursor, [second])
    _index_matches_children(engine)
    found = [row.id for row in search_children(engine, "王小明").rows]
    assert first in found and second in found


def test_revision_0010_rewrites_the_rowids_and_back(tmp_path, world):
    from alembic import command

    from ss_desktop.db.engine import make_engine
    from ss_desktop.db.migrate import alembic_config, open_database
    from tests.fixtures.fake_children import TEST_KEY

    engine, _, first, second = world
    before = child_ids_for_list(engine, "王")
    path = tmp_path / "ss.sqlite"
    engine.dispose()
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    old = make_engine(copy, TEST_KEY)
    with old.connect() as conn:
        command.downgrade(alembic_config(conn), "0009")
        conn.commit()
        hashed = dict(conn.exec_driver_sql("SELECT id, search_rowid FROM child").fetchall())
        table = conn.exec_driver_sql(_TABLE_SQL).scalar()
    assert "prefix = '1 2 3 4')" in table  # the table of revision 0007 again
    _index_matches_children(old)
    old.dispose()
    for child_id, rowid in hashed.items():  # the hash of revisions 0003-0009
        digest = hashlib.blake2b(child_id.encode(), digest_size=8).digest()
        assert rowid == int.from_bytes(digest, "big") >> 1
    upgraded = open_database(copy, TEST_KEY, backup_dir=tmp_path / "backups")
    _index_matches_children(upgraded)
    with upgraded.connect() as conn:
        assert conn.exec_driver_sql(_TABLE_SQL).scalar() == CREATE_SQL[0]
    assert child_ids_for_list(upgraded, "王") == before == _all_pages(upgraded, "王", 4)
    upgraded.dispose()
