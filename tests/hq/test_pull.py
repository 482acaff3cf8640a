"""Pull: pages, cursor, scoping, must_refetch, compressed responses; the scope summary."""

from __future__ import annotations

import gzip

import httpx
import zstandard
from sqlmodel import Session

from ss_core.protocol.hlc import system_ms
from ss_core.protocol.wire import Entity, scope_checksum
from ss_hq.core.change_log import ChangeLogWriter
from ss_hq.core.models import ChangeLogState
from ss_hq.core.records import Author, write_record
from tests.hq.helpers import child_fields, stamp


def _pull(hq, device, cursor="", limit=500, **kw):
    response = hq.client.get(
        "/api/v1/sync/pull", params={"cursor": cursor, "limit": limit}, headers=device.headers, **kw
    )
    assert response.status_code == 200, response.text
    return response.json()


def move_child(engine, child_id: str, site_id: str) -> None:
    """Head office staff move a child (version 1) to another site."""
    with Session(engine) as session:
        write_record(
            session,
            ChangeLogWriter(session),
            entity=Entity.CHILD,
            record_id=child_id,
            fields={"site_id": site_id},
            hlc=stamp("hq"),
            base_version=1,
            deleted=False,
            author=Author(staff_user="tester"),
            now=system_ms(),
        )
        session.commit()


def test_pages_follow_the_cursor_without_gaps_or_repeats(hq):
    site = hq.site()
    device = hq.device(site.id)
    ops = [device.op("child", fields=child_fields(site.id)) for _ in range(5)]
    hq.push(device, *ops)

    seen, cursor, pages = [], "", 0
    while True:
        page = _pull(hq, device, cursor, limit=2)
        pages += 1
        assert len(page["changes"]) <= 2
        seen.extend(page["changes"])
        assert int(page["next_cursor"]) >= int(cursor or 0)
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert pages == 3  # site + 5 children = 6 changes
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(set(seqs))
    assert [c["record_id"] for c in seen if c["entity"] == "child"] == [o["record_id"] for o in ops]
    # Nothing new: the same cursor gives an empty last page.
    empty = _pull(hq, device, cursor)
    assert (empty["changes"], empty["has_more"], empty["next_cursor"]) == ([], False, cursor)
    later = device.op("child", fields=child_fields(site.id))
    hq.push(device, later)
    assert [c["record_id"] for c in _pull(hq, device, cursor)["changes"]] == [later["record_id"]]


def test_pull_carries_fields_and_their_hlcs(hq):
    site = hq.site()
    device = hq.device(site.id)
    op = device.op("child", fields=child_fields(site.id))
    hq.push(device, op)
    change = [c for c in hq.pull_all(device) if c["record_id"] == op["record_id"]][0]
    assert change["fields"] == op["fields"]
    assert set(change["field_hlcs"].values()) == {op["hlc"]}
    assert (change["version"], change["entity"], change["deleted"]) == (1, "child", False)


def test_a_device_sees_only_its_sites(hq):
    site_a, site_b = hq.site(), hq.site()
    a, b = hq.device(site_a.id), hq.device(site_b.id)
    child_a = a.op("child", fields=child_fields(site_a.id))
    child_b = b.op("child", fields=child_fields(site_b.id))
    guardian_b = b.op(
        "guardian",
        fields={"child_id": child_b["record_id"], "name": "赵敏", "relationship": "mother"},
    )
    hq.push(a, child_a)
    hq.push(b, child_b, guardian_b)

    seen_by_a = {c["record_id"] for c in hq.pull_all(a)}
    seen_by_b = {c["record_id"] for c in hq.pull_all(b)}
    assert seen_by_a == {site_a.id, child_a["record_id"]}
    assert seen_by_b == {site_b.id, child_b["record_id"], guardian_b["record_id"]}


def test_a_child_moved_away_tells_the_old_site_only_where_it_went(hq, engine):
    old, new = hq.site(), hq.site()
    device = hq.device(old.id)
    child = device.op("child", fields=child_fields(old.id, notes="private"))
    hq.push(device, child)
    cursor = _pull(hq, device)["next_cursor"]
    move_child(engine, child["record_id"], new.id)
    changes = _pull(hq, device, cursor)["changes"]
    assert [c["record_id"] for c in changes] == [child["record_id"]]
    assert changes[0]["fields"] == {"site_id": new.id}


def test_cursor_older_than_what_is_kept_or_unknown_must_refetch(hq, engine):
    site = hq.site()
    device = hq.device(site.id)
    hq.push(device, *[device.op("child", fields=child_fields(site.id)) for _ in range(4)])
    with Session(engine) as session:
        state = session.get(ChangeLogState, 1)
        state.min_retained_seq = 3
        session.add(state)
        session.commit()
    stale = _pull(hq, device, "2")
    assert stale["must_refetch"] is True and stale["changes"] == [] and stale["next_cursor"] == "0"
    assert _pull(hq, device, "3")["must_refetch"] is False
    assert _pull(hq, device, "")["must_refetch"] is False
    assert _pull(hq, device, "999999")["must_refetch"] is True


def test_responses_are_compressed_when_the_client_allows(hq):
    site = hq.site()
    device = hq.device(site.id)
    hq.push(device, *[device.op("child", fields=child_fields(site.id)) for _ in range(20)])
    url = "/api/v1/sync/pull"
    for accept, expected in (("zstd, gzip", "zstd"), ("gzip", "gzip"), ("identity", None)):
        # stream=True keeps the raw bytes so we can check them ourselves.
        with hq.client.stream(
            "GET", url, headers={**device.headers, "Accept-Encoding": accept}
        ) as response:
            raw = b"".join(response.iter_raw())
            assert response.headers.get("content-encoding") == expected
        if expected == "zstd":
            body = zstandard.ZstdDecompressor().decompress(raw, max_output_size=10_000_000)
        elif expected == "gzip":
            body = gzip.decompress(raw)
        else:
            body = raw
        assert len(httpx.Response(200, content=body).json()["changes"]) == 21


def test_summary_matches_what_the_device_pulled(hq):
    site_a, site_b = hq.site(), hq.site()
    a, b = hq.device(site_a.id), hq.device(site_b.id)
    hq.push(a, *[a.op("child", fields=child_fields(site_a.id)) for _ in range(3)])
    hq.push(b, b.op("child", fields=child_fields(site_b.id)))
    latest = {c["record_id"]: c["version"] for c in hq.pull_all(a)}
    summary = hq.client.get("/api/v1/sync/summary", headers=a.headers).json()
    count, checksum = scope_checksum(latest.items())
    assert (summary["count"], summary["checksum"]) == (count, checksum) == (4, checksum)


def _ids(page):
    return [c["record_id"] for c in page["changes"]]


def test_skip_own_leaves_out_only_the_devices_unchanged_creations(hq, engine):
    site, elsewhere = hq.site(), hq.site()
    a, b = hq.device(site.id), hq.device(site.id)
    start = _pull(hq, a)["next_cursor"]  # the site itself (made by head office)
    mine = a.op("child", fields=child_fields(site.id))
    edited = a.op("child", fields=child_fields(site.id, given_name="小红"))
    moved = a.op("child", fields=child_fields(site.id, given_name="小刚"))
    guardian = a.op(
        "guardian",
        fields={"child_id": moved["record_id"], "name": "赵敏", "relationship": "mother"},
    )
    theirs = b.op("child", fields=child_fields(site.id, given_name="小兰"))
    assert hq.push(a, mine, edited, moved, guardian).status_code == 200
    hq.push(b, theirs)
    # b edits one of a's children; head office moves another (its guardian follows, its
    # version unchanged) to a site a does not serve.
    hq.push(b, b.op("child", edited["record_id"], {"class_name": "二班"}, base_version=1))
    move_child(engine, moved["record_id"], elsewhere.id)

    everything = _pull(hq, a, start)
    spared = hq.client.get(
        "/api/v1/sync/pull",
        params={"cursor": start, "limit": 500, "skip_own": "true"},
        headers=a.headers,
    ).json()
    # a's untouched child is left out; everything else still reaches it: b's child, the
    # child b edited, and where the moved child and its guardian went.
    assert mine["record_id"] in _ids(everything)
    assert mine["record_id"] not in _ids(spared)
    for kept in (theirs, edited, moved, guardian):
        assert kept["record_id"] in _ids(spared)
    assert [c for c in spared["changes"] if c["record_id"] == moved["record_id"]][-1]["fields"] == {
        "site_id": elsewhere.id
    }
    assert spared["next_cursor"] == everything["next_cursor"]
    # Another laptop of the site is not spared a's records; nor is a when it pulls from zero
    # without asking (a refetch), and head office's own records (the site) always come.
    assert mine["record_id"] in _ids(_pull(hq, b, start))
    assert site.id in _ids(
        hq.client.get(
            "/api/v1/sync/pull", params={"cursor": "", "skip_own": "true"}, headers=a.headers
        ).json()
    )


def test_skip_own_must_be_a_boolean(hq):
    site = hq.site()
    device = hq.device(site.id)
    response = hq.client.get(
        "/api/v1/sync/pull", params={"skip_own": "perhaps"}, headers=device.headers
    )
    assert response.status_code == 422
