"""Sites edited and closed (a closed site takes no new children: laptops are refused them
with a reason), staff accounts disabled, reset and re-roled by an admin, pending codes
cancelled, the enrollment-file form keeping its address, and a favicon (SQLite and
PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from ss_hq.core.models import Record
from tests.hq.helpers import child_fields
from tests.hq.test_web_support import PASSWORD, add_staff, sign_in, signed_in_client

EN = {"Accept-Language": "en"}


def test_an_admin_edits_a_site_and_laptops_receive_it(client, engine, hq):
    site = hq.site("ED01")
    laptop = hq.device(site.id)
    token = signed_in_client(client, engine, "admin")
    done = client.post(
        f"/sites/{site.id}/edit",
        data={
            "csrf_token": token,
            "name": "河边教学点",
            "type": "teaching_point",
            "division": "511502",
        },
        headers=EN,
    )
    assert done.status_code == 200
    row = done.text.split(f'id="site-{site.id}"')[1].split("</tr>")[0]
    assert "河边教学点" in row and "Teaching point" in row and "四川省宜宾市翠屏区" in row
    bad = client.post(
        f"/sites/{site.id}/edit",
        data={"csrf_token": token, "name": "x", "type": "teaching_point", "division": "12"},
        headers=EN,
    )
    assert "division must be a 6-digit" in bad.text
    pulled = {c["record_id"]: c for c in hq.pull_all(laptop)}
    assert pulled[site.id]["fields"]["name"] == "河边教学点"
    assert pulled[site.id]["fields"]["site_type"] == "teaching_point"


def test_a_closed_site_takes_no_new_children(client, engine, hq):
    site, other_site = hq.site("CL01"), hq.site("CL02")
    laptop = hq.device(site.id, other_site.id)
    before = laptop.op("child", None, child_fields(site.id))
    assert hq.push(laptop, before).json()["results"][0]["status"] == "applied"
    token = signed_in_client(client, engine, "admin")
    closed = client.post(
        f"/sites/{site.id}/close",
        data={"csrf_token": token, "closed": "1", "reason": "the school moved"},
        headers=EN,
    )
    assert "Site closed: it takes no new children" in closed.text
    # A laptop's new child there is refused, with a reason it shows in words.
    refused = hq.push(laptop, laptop.op("child", None, child_fields(site.id, surname="周")))
    result = refused.json()["results"][0]
    assert (result["status"], result["reason"]) == ("rejected", "site_closed")
    assert "closed at head office" in result["message"]
    # Moving a child there is refused too; the children already there stay editable.
    elsewhere = laptop.op("child", None, child_fields(other_site.id, surname="吴"))
    hq.push(laptop, elsewhere)
    moved = hq.push(
        laptop, laptop.op("child", elsewhere["record_id"], {"site_id": site.id}, base_version=1)
    )
    assert moved.json()["results"][0]["reason"] == "site_closed"
    edited = hq.push(
        laptop, laptop.op("child", before["record_id"], {"class_name": "三班"}, base_version=1)
    )
    assert edited.json()["results"][0]["status"] == "applied"
    # Laptops learn the site is closed; the edit page offers it only to its own children.
    pulled = {c["record_id"]: c for c in hq.pull_all(laptop)}
    assert pulled[site.id]["fields"]["status"] == "closed"
    form = client.get(f"/children/{elsewhere['record_id']}/edit").text
    assert f'value="{site.id}"' not in form
    assert f'value="{site.id}"' in client.get(f"/children/{before['record_id']}/edit").text
    # Open again: new children are taken.
    client.post(f"/sites/{site.id}/close", data={"csrf_token": token, "closed": "0"})
    again = hq.push(laptop, laptop.op("child", None, child_fields(site.id, surname="郑")))
    assert again.json()["results"][0]["status"] == "applied"


def test_staff_may_not_edit_or_close_sites(client, engine, hq):
    site = hq.site("NS01")
    token = signed_in_client(client, engine, "staff")
    page = client.get("/sites").text
    assert f'action="/sites/{site.id}/close"' not in page
    for path in (f"/sites/{site.id}/close", f"/sites/{site.id}/edit"):
        refused = client.post(path, data={"csrf_token": token, "closed": "1", "name": "x"})
        assert refused.status_code == 403
    with Session(engine) as session:
        assert session.get(Record, site.id).fields["status"] == "confirmed"


def test_an_admin_changes_roles_disables_and_resets(client, engine):
    token = signed_in_client(client, engine, "admin")
    add_staff(engine, "hu", "viewer")
    other = TestClient(client.app)
    assert sign_in(other, "hu").status_code == 303
    assert other.get("/children").status_code == 403
    client.post("/staff/hu/role", data={"csrf_token": token, "role": "staff"})
    assert other.get("/children").status_code == 200  # the new role, at once
    page = client.post(
        "/staff/hu/disable",
        data={"csrf_token": token, "disabled": "1", "reason": "left"},
        headers=EN,
    )
    assert "hu disabled: their sessions ended." in page.text
    assert other.get("/children", follow_redirects=False).status_code == 303  # signed out
    # An admin cannot lock head office out.
    me = client.get("/").text.split("<b>")[1].split("</b>")[0]
    own = client.post(
        f"/staff/{me}/disable", data={"csrf_token": token, "disabled": "1"}, headers=EN
    )
    assert "you cannot disable or demote your own account" in own.text
    short = client.post(
        "/staff/hu/password", data={"csrf_token": token, "password": "short"}, headers=EN
    )
    assert "password must have at least 8 characters" in short.text
    assert sign_in(TestClient(client.app), "nobody", PASSWORD).status_code == 401


def test_a_pending_code_can_be_cancelled(client, engine, hq):
    site = hq.site("PC01")
    token = signed_in_client(client, engine, "staff")
    page = client.post(
        "/devices/codes", data={"csrf_token": token, "site": site.id}, headers=EN
    ).text
    code = page.split('id="new-code">')[1].split("<")[0]
    pending = page.split('id="pending-codes"')[1].split("</table>")[0]
    assert "PC01" in pending and code not in pending
    ref = pending.split('action="/devices/codes/')[1].split("/")[0]
    done = client.post(f"/devices/codes/{ref}/cancel", data={"csrf_token": token}, headers=EN)
    assert "The enrollment code was cancelled" in done.text
    assert "PC01" not in done.text.split('id="pending-codes"')[1].split("</table>")[0]
    refused = client.post(
        "/api/v1/devices/enroll", json={"code": code, "device_name": "x", "app_version": "t"}
    )
    assert refused.status_code == 400 and refused.json()["code"] == "code_expired"
    assert (
        client.post(f"/devices/codes/{ref}/cancel", data={"csrf_token": token}).status_code == 404
    )


def test_the_enrollment_file_form_keeps_its_address_after_a_code(client, engine, hq):
    site = hq.site("EF01")
    token = signed_in_client(client, engine, "staff")
    before = client.get("/devices").text.split('id="enrollment-file"')[1]
    assert 'name="server" maxlength="300" value="http://testserver"' in before
    after = client.post("/devices/codes", data={"csrf_token": token, "site": site.id}).text
    form = after.split('id="enrollment-file"')[1]
    assert 'name="server" maxlength="300" value="http://testserver"' in form


def test_a_favicon(client, engine):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in icon.content
    assert client.get("/static/favicon.svg").status_code == 200
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/login").text
