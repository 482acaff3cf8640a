"""The child edit page (GET/POST /children/{id}/edit) through the real app, on SQLite and
PostgreSQL: the form as a browser would submit it, roles, CSRF, validation, tombstones, and
the laptop's pull of the correction."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from sqlmodel import Session, col, select

from ss_hq.core.models import ChangeHistory, Record, field_changes
from tests.hq.test_web_support import seed, signed_in_client

EN = {"Accept-Language": "en"}


class _FormReader(HTMLParser):
    """The fields of the edit form as a browser would post them (ticked boxes only)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and "name" in a:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            else:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select, self._select_value = a["name"], None
        elif tag == "option" and self._select is not None:
            # The selected option, else the first one.
            if "selected" in a or self._select_value is None:
                self._select_value = a.get("value", "")
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            self.fields.append((self._select, self._select_value or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, "".join(self._text)))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)


def form_of(html: str) -> dict[str, Any]:
    """The edit form's values; repeated names (categories) become lists."""
    start = html.index('id="child-edit"')
    reader = _FormReader()
    reader.feed(html[start : html.index("</form>", start)])
    out: dict[str, Any] = {"categories": []}
    for name, value in reader.fields:
        if name == "categories":
            out["categories"].append(value)
        else:
            out[name] = value
    return out


def _record(engine: Any, record_id: str) -> Record:
    with Session(engine) as session:
        record = session.get(Record, record_id)
        assert record is not None
        return record


def _history_by(engine: Any, record_id: str, username: str) -> list[ChangeHistory]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(ChangeHistory)
                .where(ChangeHistory.record_id == record_id)
                .where(ChangeHistory.staff_user == username)
                .order_by(col(ChangeHistory.id))
            ).all()
        )


def _username(client: Any) -> str:
    page = client.get("/", headers=EN).text
    return page.split("Signed in as <b>", 1)[1].split("</b>", 1)[0]


def test_staff_corrects_the_class_and_laptops_pull_it(client, engine, hq):
    data = seed(hq)
    child = data.children["zhangsan"]
    signed_in_client(client, engine, "staff")
    username = _username(client)
    detail = client.get(f"/children/{child}", headers=EN)
    assert f'href="/children/{child}/edit"' in detail.text
    page = client.get(f"/children/{child}/edit", headers=EN)
    assert page.status_code == 200
    form = form_of(page.text)
    before = _record(engine, child)
    # Prefilled with the stored values.
    assert form["surname"] == "张" and form["given_name"] == "三"
    assert form["id_number"] == before.fields["id_number"]
    assert form["gender"] == "1" and form["stage"] == "primary" and form["grade"] == "3"
    assert form["site_id"] == data.site_a
    assert form["categories"] == ["migrant", "left_behind"]
    assert form["version"] == str(before.version)

    form["class_name"] = "三年级二班"
    response = client.post(f"/children/{child}/edit", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith(f"/children/{child}")

    after = _record(engine, child)
    assert after.fields["class_name"] == "三年级二班"
    assert after.version == before.version + 1
    # Only the changed field was written, by the staff member.
    history = _history_by(engine, child, username)
    assert [
        (field, new, h.applied) for h in history for field, _old, new, _hlc in field_changes(h)
    ] == [("class_name", "三年级二班", True)]
    assert {k: v for k, v in after.fields.items() if k != "class_name"} == before.fields
    shown = client.get(f"/children/{child}", headers=EN).text
    assert "三年级二班" in shown and username in shown
    # Both laptops serving site A receive the correction.
    for device in (data.device, data.other_device):
        pulled = {c["record_id"]: c for c in hq.pull_all(device)}
        assert pulled[child]["fields"]["class_name"] == "三年级二班"
        assert pulled[child]["version"] == after.version


def test_an_invalid_id_number_reshows_the_form_and_changes_nothing(client, engine, hq):
    data = seed(hq)
    child = data.children["zhangsan"]
    signed_in_client(client, engine, "admin")
    before = _record(engine, child)
    good = before.fields["id_number"]
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    form = form_of(client.get(f"/children/{child}/edit").text)
    form["id_number"] = bad
    form["class_name"] = "typed but not saved"

    response = client.post(f"/children/{child}/edit", data=form, headers=EN)
    assert response.status_code == 422
    assert "check digit is wrong" in response.text
    assert 'id="error-id_number"' in response.text
    again = form_of(response.text)
    assert again["id_number"] == bad and again["class_name"] == "typed but not saved"
    after = _record(engine, child)
    assert after.version == before.version and after.fields == before.fields

    # In Chinese the same message is translated.
    zh = client.post(f"/children/{child}/edit", data=form, headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 422 and "身份证号校验位不正确" in zh.text
    assert _record(engine, child).version == before.version


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"surname": ""}, "surname", "Enter a name."),
        ({"grade": "9"}, "grade", "not possible for this stage"),
        ({"grade": "three"}, "grade", "Enter a whole number."),
        ({"dob": "2099-01-01"}, "dob", "in the future"),
        ({"hukou_division": "990000"}, "hukou_division", "No county has this code."),
        ({"hukou_division": "31A"}, "hukou_division", "6-digit county code"),
        ({"gender": "7"}, "gender", "Choose a value from the list."),
        ({"site_id": "not-a-site"}, "site_id", "Choose a value from the list."),
        ({"living_arrangement": "on_the_moon"}, "living_arrangement", "Choose a value"),
    ],
)
def test_bad_values_are_refused_with_a_message_next_to_the_field(
    client, engine, hq, changes, field, message
):
    data = seed(hq)
    child = data.children["lisi"]
    signed_in_client(client, engine, "staff")
    before = _record(engine, child)
    form = form_of(client.get(f"/children/{child}/edit").text)
    form.update(changes)
    response = client.post(f"/children/{child}/edit", data=form, headers=EN)
    assert response.status_code == 422, response.text
    assert f'id="error-{field}"' in response.text
    error = response.text.split(f'id="error-{field}">', 1)[1].split("<", 1)[0]
    assert message in error
    assert _record(engine, child).version == before.version


def test_unchanged_form_and_broken_version_write_nothing(client, engine, hq):
    data = seed(hq)
    child = data.children["lisi"]
    signed_in_client(client, engine, "staff")
    before = _record(engine, child)
    form = form_of(client.get(f"/children/{child}/edit").text)
    same = client.post(f"/children/{child}/edit", data=form, headers=EN)
    assert same.status_code == 200 and "Nothing was changed." in same.text
    broken = dict(form, version="x", class_name="new class")
    assert client.post(f"/children/{child}/edit", data=broken).status_code == 400
    assert _record(engine, child).version == before.version


def test_a_laptop_edit_after_the_form_was_shown_is_kept_as_a_conflict(client, engine, hq):
    data = seed(hq)
    child = data.children["lisi"]
    signed_in_client(client, engine, "staff")
    form = form_of(client.get(f"/children/{child}/edit").text)
    shown = int(form["version"])
    # Meanwhile a laptop changes the same field.
    op = data.device.op("child", child, {"class_name": "laptop class"}, base_version=shown)
    assert hq.push(data.device, op).json()["results"][0]["status"] == "applied"
    form["class_name"] = "office class"
    response = client.post(f"/children/{child}/edit", data=form, follow_redirects=False)
    assert response.status_code == 303
    from ss_hq.core.models import Conflict

    with Session(engine) as session:
        record = session.get(Record, child)
        assert record is not None and record.fields["class_name"] == "office class"
        conflicts = session.exec(select(Conflict).where(Conflict.record_id == child)).all()
        assert [(c.winner_value, c.loser_value) for c in conflicts] == [
            ("office class", "laptop class")
        ]


def test_roles_sign_in_and_csrf(client, engine, hq):
    data = seed(hq)
    child = data.children["lisi"]
    before = _record(engine, child)
    # No session: the page sends to sign-in, the post does too and writes nothing.
    response = client.get(f"/children/{child}/edit", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    posted = client.post(f"/children/{child}/edit", data={}, follow_redirects=False)
    assert posted.status_code == 303
    # A viewer may neither open nor post the form.
    token = signed_in_client(client, engine, "viewer")
    assert client.get(f"/children/{child}/edit").status_code == 403
    viewer_post = client.post(
        f"/children/{child}/edit",
        data={"csrf_token": token, "version": str(before.version), "class_name": "x"},
    )
    assert viewer_post.status_code == 403
    # Staff without the right CSRF token: refused.
    client.cookies.clear()
    token = signed_in_client(client, engine, "staff")
    form = form_of(client.get(f"/children/{child}/edit").text)
    assert form["csrf_token"] == token
    form["class_name"] = "forged class"
    for bad_token in (None, "forged"):
        attempt = dict(form)
        if bad_token is None:
            del attempt["csrf_token"]
        else:
            attempt["csrf_token"] = bad_token
        assert client.post(f"/children/{child}/edit", data=attempt).status_code == 403
    assert _record(engine, child).version == before.version
    # Unknown child: not found.
    assert client.get("/children/01900000-0000-7000-8000-000000000000/edit").status_code == 404


def test_an_erased_child_cannot_be_edited(client, engine, hq):
    data = seed(hq)
    child = data.children["wangfang"]
    token = signed_in_client(client, engine, "admin")
    form = form_of(client.get(f"/children/{child}/edit").text)
    erased = client.post(
        f"/children/{child}/erase",
        data={"confirm": "ERASE", "reason": "the guardian asked", "csrf_token": token},
    )
    assert erased.status_code == 200
    before = _record(engine, child)
    assert before.erased
    detail = client.get(f"/children/{child}", headers=EN)
    assert f"/children/{child}/edit" not in detail.text
    page = client.get(f"/children/{child}/edit", headers=EN)
    assert page.status_code == 409 and "cannot be edited" in page.text
    form["surname"] = "赵"
    refused = client.post(f"/children/{child}/edit", data=form, headers=EN)
    assert refused.status_code == 409 and "cannot be edited" in refused.text
    after = _record(engine, child)
    assert after.version == before.version and after.fields.get("surname") is None
