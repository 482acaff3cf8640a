"""Merging two records of one child at head office (SQLite and PostgreSQL): one child left,
its guardians, consents, enrollments and attendance without doubles, the kept site stated
before confirming, laptops told by pull, and an admin able to split the two again."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from ss_hq.core.models import MergeLog, Record, SuspectedDuplicate
from ss_hq.review.merge_plan import plan_merge
from ss_hq.review.merge_service import SPLIT_DAYS, split_merge
from ss_hq.review.review_service import ReviewError
from tests.hq.staff_pages_support import MOTHER_PHONE, PHONE, two_records_of_one_child
from tests.hq.test_web_support import signed_in_client

EN = {"Accept-Language": "en"}


def _live(engine, child_id: str, entity: str) -> list[Record]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Record)
                .where(Record.child_id == child_id)
                .where(Record.entity == entity)
                .where(col(Record.deleted).is_(False))
            ).all()
        )


def _merge(client, data, keep: str, token: str, reason: str = "same child, same father"):
    return client.post(
        f"/duplicates/{data.pair_id}/merge",
        data={"keep": keep, "reason": reason, "csrf_token": token},
        headers=EN,
    )


def test_a_merge_keeps_one_of_each_guardian_consent_enrollment_and_mark(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    response = _merge(client, data, data.kept, token)
    assert response.status_code == 200
    # The father appears once (with his phone), the mother came along.
    guardians = _live(engine, data.kept, "guardian")
    assert sorted((g.fields["name"], g.fields["phone"]) for g in guardians) == [
        ("宋丽", MOTHER_PHONE),
        ("许建国", PHONE),
    ]
    assert {g.id for g in guardians} == {data.ids["father_a"], data.ids["mother_b"]}
    # One consent of the father: the stronger one (registration and photos), from MH02.
    consents = _live(engine, data.kept, "consent")
    assert [c.id for c in consents] == [data.ids["consent_b"]]
    assert consents[0].fields["scopes"] == ["registration", "photos"]
    # One enrollment in the program, from the earlier date; one mark per lesson, present.
    enrollments = _live(engine, data.kept, "enrollment")
    assert len(enrollments) == 1 and enrollments[0].fields["since"] == "2025-03-01"
    marks = {
        m.fields["session_id"]: m.fields["mark"]
        for m in _live(engine, data.kept, "attendance_mark")
    }
    assert marks == {data.sessions[0]: "present", data.sessions[1]: "present"}
    # The kept child took the notes it lacked; the other record is a tombstone.
    with Session(engine) as session:
        kept = session.get(Record, data.kept)
        assert kept.fields["notes"] == "爱画画" and kept.site_id == data.site_a
        other = session.get(Record, data.other)
        assert other.deleted and other.merged_into == data.kept
        removed = session.get(Record, data.ids["father_b"])
        assert removed.deleted and removed.merged_into == data.ids["father_a"]
    # The child page lists the father once and the consent once.
    page = client.get(f"/children/{data.kept}", headers=EN).text
    guardians_html = page.split('id="section-guardian"')[1].split("</section>")[0]
    assert guardians_html.count("许建国") == 1
    consents_html = page.split('id="section-consent"')[1].split("</section>")[0]
    assert consents_html.count("许建国") == 1
    # Laptop A (both sites) learns all of it by pull: the removed father is deleted there.
    pulled = {c["record_id"]: c for c in hq.pull_all(data.laptop_a)}
    assert pulled[data.other]["merged_into"] == data.kept and pulled[data.other]["deleted"]
    assert pulled[data.ids["father_b"]]["deleted"] is True
    assert pulled[data.ids["mother_b"]]["fields"]["child_id"] == data.kept
    assert pulled[data.ids["consent_a"]]["deleted"] is True


def test_the_confirmation_states_the_kept_site_and_what_will_change(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    listing = client.get("/duplicates", headers=EN).text
    # The pair's buttons lead to a confirmation, they do not merge at once.
    assert f'href="/duplicates/{data.pair_id}/merge?keep={data.kept}"' in listing
    assert f'action="/duplicates/{data.pair_id}/merge"' not in listing
    page = client.get(f"/duplicates/{data.pair_id}/merge", params={"keep": data.other}, headers=EN)
    assert page.status_code == 200
    summary = page.text.split('id="merge-summary"')[1]
    # Keeping MH02's record: the child will belong to MH02, and the page says so first.
    assert 'id="merge-site">MH02 学校 MH02<' in summary
    assert "After the merge the child belongs to MH02 学校 MH02" in summary
    changes = summary.split('id="merge-changes"')[1].split("</ul>")[0]
    assert changes.count('class="duplicate"') == 4  # father, consent, enrollment, first mark
    assert "Kept once (the same on both records): Guardian 许建国 (Father" in changes
    assert "Moves to the kept child:" not in changes  # the kept record has all of its own...
    assert '<li class="fill">' in changes  # ...and takes the class it lacked
    # Nothing was merged by showing the page; without a reason nothing is merged either.
    with Session(engine) as session:
        assert session.get(SuspectedDuplicate, data.pair_id).status == "open"
    refused = _merge(client, data, data.other, token, reason="  ")
    assert refused.status_code == 422 and "Give the reason for the merge." in refused.text
    with Session(engine) as session:
        assert session.get(Record, data.kept).deleted is False
    done = _merge(client, data, data.other, token)
    notice = done.text.split('id="merged-notice">')[1].split("</p>")[0]
    assert "Merged: 宋怡可 kept" in notice and "0 records moved, 4 duplicates removed" in notice


def test_the_merged_record_names_the_kept_child_not_its_id(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    _merge(client, data, data.kept, token)
    page = client.get(f"/children/{data.other}", headers=EN).text
    banner = page.split('id="merged-banner">')[1].split("</p>")[0]
    assert f'<a href="/children/{data.kept}">宋怡可</a>' in banner
    assert data.kept not in banner.replace(f'href="/children/{data.kept}"', "")
    assert 'id="split-link"' in banner  # an admin may split them again


def test_an_admin_splits_a_merge_again(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "admin")
    _merge(client, data, data.kept, token)
    with Session(engine) as session:
        merge = session.exec(select(MergeLog)).one()
    page = client.get(f"/merges/{merge.id}/split", headers=EN)
    assert page.status_code == 200 and "comes back as a new record" in page.text
    refused = client.post(f"/merges/{merge.id}/split", data={"csrf_token": token}, headers=EN)
    assert refused.status_code == 422 and "Give the reason" in refused.text
    done = client.post(
        f"/merges/{merge.id}/split",
        data={"csrf_token": token, "reason": "twins, the school confirmed"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    new_child = done.headers["location"].split("/children/")[1].split("?")[0]

    # The split child has its own father, mother, consent, enrollment and marks again; the
    # kept child has its own, as before the merge.
    def names(child: str) -> list[str]:
        return sorted(g.fields["name"] for g in _live(engine, child, "guardian"))

    assert names(new_child) == ["宋丽", "许建国"] and names(data.kept) == ["许建国"]
    assert len(_live(engine, new_child, "consent")) == 1
    assert [c.id for c in _live(engine, data.kept, "consent")] != [data.ids["consent_b"]]
    assert len(_live(engine, data.kept, "consent")) == 1
    assert len(_live(engine, new_child, "attendance_mark")) == 2
    kept_marks = _live(engine, data.kept, "attendance_mark")
    assert [m.fields["mark"] for m in kept_marks] == ["absent"]  # given back
    with Session(engine) as session:
        kept = session.get(Record, data.kept)
        assert "notes" not in kept.fields or kept.fields["notes"] is None
        split = session.get(Record, new_child)
        assert split.fields["surname"] == "宋" and split.site_id == data.site_b
        pairs = session.exec(select(SuspectedDuplicate)).all()
        assert {p.status for p in pairs} == {"split", "dismissed"}
        merge = session.get(MergeLog, merge.id)
        assert merge.split_id == new_child and merge.split_reason == "twins, the school confirmed"
    # Laptop B (MH02) receives the new child and its records.
    pulled = {c["record_id"]: c for c in hq.pull_all(data.laptop_b)}
    assert pulled[new_child]["fields"]["given_name"] == "怡可"
    # It cannot be split twice.
    with Session(engine) as session, pytest.raises(ReviewError) as again:
        split_merge(session, merge.id, staff_user="x", now=merge.at + 1000, reason="again")
    assert again.value.code == "already_split"


def test_only_admins_split_and_only_for_a_while(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    _merge(client, data, data.kept, token)
    with Session(engine) as session:
        merge = session.exec(select(MergeLog)).one()
    assert client.get(f"/merges/{merge.id}/split").status_code == 403
    refused = client.post(f"/merges/{merge.id}/split", data={"csrf_token": token, "reason": "x"})
    assert refused.status_code == 403
    assert 'id="split-link"' not in client.get(f"/children/{data.other}").text
    late = merge.at + (SPLIT_DAYS + 1) * 86_400_000
    with Session(engine) as session, pytest.raises(ReviewError) as too_old:
        split_merge(session, merge.id, staff_user="admin", now=late, reason="late")
    assert too_old.value.code == "too_old"


def test_a_plan_of_a_pair_already_merged_is_refused(client, engine, hq):
    data = two_records_of_one_child(hq)
    token = signed_in_client(client, engine, "staff")
    _merge(client, data, data.kept, token)
    with Session(engine) as session, pytest.raises(ReviewError) as done:
        plan_merge(session, data.pair_id, data.kept)
    assert done.value.code == "not_found"
    again = client.get(f"/duplicates/{data.pair_id}/merge", params={"keep": data.kept})
    assert "/duplicates?error=not_found" in str(again.url)
    wrong = client.get(f"/duplicates/{data.pair_id}/merge", params={"keep": "nobody"})
    assert wrong.status_code == 200 and "error=" in str(wrong.url)
