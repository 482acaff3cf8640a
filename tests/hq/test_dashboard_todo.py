"""What waits for staff (SQLite and PostgreSQL): the dashboard's to-do counts, each linking to
its list, the counts in the navigation; the children list sorted, with a page jump and the
registration date, and found by a guardian's phone as on the laptop."""

from __future__ import annotations

import re

from sqlmodel import Session

from ss_hq.core.clock import now_ms
from ss_hq.core.models import Device
from tests.hq.helpers import child_fields
from tests.hq.staff_pages_support import MOTHER_PHONE, conflicting_edits, two_records_of_one_child
from tests.hq.test_web_support import signed_in_client

EN = {"Accept-Language": "en"}
DAY_MS = 86_400_000


def _tile(page: str, tile_id: str) -> str:
    return page.split(f'id="{tile_id}"')[1].split("</div>")[0]


def test_the_dashboard_lists_what_to_do_and_links_to_it(client, engine, hq):
    data = two_records_of_one_child(hq)
    conflicting_edits(hq, data)
    quiet = hq.device(data.site_a, name="山里的电脑")
    with Session(engine) as session:
        device = session.get(Device, quiet.id)
        device.last_seen_at = now_ms() - 20 * DAY_MS
        session.add(device)
        session.commit()
    signed_in_client(client, engine, "staff")
    page = client.get("/", headers=EN).text
    conflicts = _tile(page, "todo-conflicts")
    assert '<span class="n">1</span>' in conflicts and 'href="/conflicts"' in conflicts
    duplicates = _tile(page, "todo-duplicates")
    assert '<span class="n">1</span>' in duplicates and 'href="/duplicates"' in duplicates
    silent = _tile(page, "todo-silent")
    assert '<span class="n">1</span>' in silent and "more than 14 days" in silent
    changed = _tile(page, "todo-changed")
    assert '<span class="n">2</span>' in changed
    # Each link opens its list.
    silent_list = client.get(re.search(r'href="([^"]+)"', silent).group(1), headers=EN).text
    table = silent_list.split('id="devices"')[1].split("</table>")[0]
    assert "山里的电脑" in table and "浦东教学点" not in table
    changed_list = client.get(re.search(r'href="([^"]+)"', changed).group(1).replace("&amp;", "&"))
    assert 'id="result-count">2<' in changed_list.text
    # The navigation of every page counts the conflicts and duplicates waiting.
    children = client.get("/children", headers=EN).text
    nav = children.split("<nav>")[1].split("</nav>")[0]
    assert re.search(r'id="nav-conflicts"[^>]*>Conflicts <span class="badge">1</span>', nav)
    assert re.search(r'id="nav-duplicates"[^>]*>Duplicates <span class="badge">1</span>', nav)


def test_viewers_see_the_counts_without_links(client, engine, hq):
    data = two_records_of_one_child(hq)
    conflicting_edits(hq, data)
    signed_in_client(client, engine, "viewer")
    page = client.get("/", headers=EN).text
    assert '<span class="n">1</span>' in _tile(page, "todo-conflicts")
    assert "href=" not in _tile(page, "todo-conflicts") and "badge" not in page


def test_the_list_sorts_jumps_to_a_page_and_shows_registration_dates(client, engine, hq):
    site = hq.site("LS01").id
    laptop = hq.device(site)
    ops = [
        laptop.op(
            "child",
            None,
            child_fields(
                site, surname="赵", given_name=f"{n:02d}号", dob=f"20{10 + n % 9:02d}-01-01"
            ),
        )
        for n in range(60)
    ]
    # Children cannot have digits in names; use a pinyin-able given name per child.
    names = "安宝晨丹恩芳刚海佳杰凯兰明楠平琪荣珊婷伟欣雅云振"
    for n, op in enumerate(ops):
        op["fields"]["given_name"] = names[n % len(names)] + names[(n // len(names)) % len(names)]
    assert hq.push(laptop, *ops).status_code == 200
    signed_in_client(client, engine, "staff")
    first = client.get("/children", params={"sort": "dob"}, headers=EN).text
    assert 'id="page-count">2<' in first and 'name="page"' in first
    assert '<option value="dob" selected>' in first
    dobs = re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", first)
    assert dobs == sorted(dobs) and len(dobs) == 50
    registered = re.findall(r'<td class="registered">(\d{4}-\d\d-\d\d)</td>', first)
    assert len(registered) == 50 and registered[0] >= "2026-01-01"
    # The page jump keeps the filters and the order.
    assert '<input type="hidden" name="sort" value="dob">' in first
    second = client.get("/children", params={"sort": "dob", "page": "2"}, headers=EN).text
    later = re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", second)
    assert len(later) == 10 and later[0] >= dobs[-1]
    newest = client.get("/children", params={"sort": "-dob"}, headers=EN).text
    assert re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", newest)[0] == max(dobs + later)


def test_a_guardians_phone_finds_the_child(client, engine, hq):
    data = two_records_of_one_child(hq)
    signed_in_client(client, engine, "staff")

    def found(query: str) -> set[str]:
        page = client.get("/children", params={"q": query}).text
        return set(re.findall(r'href="/children/([0-9a-f-]{36})"', page))

    assert found("2409465") == {data.kept, data.other}  # the father's phone, on both
    assert found(MOTHER_PHONE[-6:]) == {data.other}
    assert found(MOTHER_PHONE) == {data.other}
    assert found("139 1234") == {data.other}
    # typed as the laptop's search takes it: dashes, +86, full-width digits
    assert found("139-1234-5678") == {data.other}
    assert found("+86 139 1234 5678") == {data.other}
    assert found("１３９１２３４５６７８") == {data.other}
    assert found("678") == set()  # fewer than 4 digits: not a phone search
