"""The children list sorted by a column in the database (db/list_sort.py), through the
service the list uses: every child in the right order, blanks last, the user's sites only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ss_desktop.demo import DemoService
from ss_desktop.services.children import ChildrenService
from ss_desktop.services.children_views import SortedPages
from ss_desktop.services.errors import PermissionDenied
from tests.unit.services_fixtures import add_site, child_form, make_app

STAGES = ("preschool", "primary", "junior", "senior", "vocational")


def _blank(value) -> bool:
    return value is None or value == ""


KEYS = {  # an independent statement of each column's order, from the rows the list shows
    "dob": lambda r: r.dob,
    "site": lambda r: r.site_name,
    "class": lambda r: r.class_name,
    "gender": lambda r: r.gender,
    "pinyin": lambda r: (r.pinyin or "").lower() or None,
    "status": lambda r: r.status,
    "grade": lambda r: (
        (STAGES.index(r.stage), r.grade if r.grade is not None else -1)
        if r.stage in STAGES
        else None
    ),
}


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    app, session = make_app(tmp_path_factory.mktemp("list-sort"))
    DemoService(app, session).populate(300, seed=5)
    service = ChildrenService(app, session)
    site = add_site(app, code="SORT-01")
    # a child with blanks: no class, no stage
    service.register(
        child_form(
            site,
            class_name=None,
            stage=None,
            grade=None,
            school_system=None,
            surname="安",
            given_name="空白",
        )
    )
    every = service.search("", limit=10_000).rows
    yield app, session, service, every
    app.close()


def _in_order(keys: list, *, descending: bool) -> bool:
    """Non-blank keys sorted (either way), then the blanks."""
    filled = [k for k in keys if not _blank(k)]
    blanks = keys[len(filled) :]
    return all(_blank(k) for k in blanks) and filled == sorted(filled, reverse=descending)


@pytest.mark.parametrize("sort", sorted(KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_child_comes_in_the_column_order(listed, sort, descending):
    _app, _session, service, every = listed
    ids = service.sorted_ids("", sort=sort, descending=descending)
    assert sorted(ids) == sorted(r.id for r in every)
    rows = service.list_rows(ids)
    assert _in_order([KEYS[sort](r) for r in rows], descending=descending)


def test_blanks_go_last_both_ways(listed):
    _app, _session, service, every = listed
    blank = next(r.id for r in every if r.given_name == "空白")
    for descending in (False, True):
        assert service.sorted_ids("", sort="class", descending=descending)[-1] == blank


def test_consent_pending_first_then_given(listed):
    _app, _session, service, every = listed
    rows = service.list_rows(service.sorted_ids("", sort="consent"))
    pending = [r.consent_pending for r in rows]
    assert pending == sorted(pending, reverse=True) and any(pending) and not all(pending)


def test_a_search_is_sorted_within_its_hits(listed):
    _app, _session, service, _every = listed
    hits = {r.id for r in service.search("wang", limit=10_000).rows}
    ids = service.sorted_ids("wang", sort="dob")
    assert hits and set(ids) == hits
    assert _in_order([r.dob for r in service.list_rows(ids)], descending=False)
    assert service.sorted_ids("%%", sort="dob") == []  # nothing can match


def test_a_volunteer_gets_only_their_sites_children(listed):
    app, session, service, every = listed
    site_id = every[0].site_id
    volunteer = ChildrenService(app, replace(session, role="volunteer", site_ids=(site_id,)))
    ids = volunteer.sorted_ids("", sort="site")
    assert ids and {r.site_id for r in service.list_rows(ids)} == {site_id}
    other = next(r for r in every if r.site_id != site_id)
    assert volunteer.list_rows([other.id]) == []  # rows of other sites are left out too
    with pytest.raises(PermissionDenied):
        volunteer.sorted_ids("", sort="dob", site_id=other.site_id)


def test_an_unknown_column_is_refused(listed):
    _app, _session, service, _every = listed
    with pytest.raises(ValueError, match="unknown sort column"):
        service.sorted_ids("", sort="id_number")


def test_sorted_pages_read_the_order_page_by_page(listed):
    _app, _session, service, every = listed
    pages = SortedPages(service, "", "dob", False, {})
    first = pages(None, 50)
    assert first.total_estimate == len(every) and len(first.rows) == 50
    seen = [r.id for r in first.rows]
    after = first.next_after
    while after is not None:
        page = pages(after, 50)
        assert page.total_estimate is None
        seen += [r.id for r in page.rows]
        after = page.next_after
    assert seen == service.sorted_ids("", sort="dob")
