"""Shared by the staff web page tests (no tests here): staff accounts, signing in, CSRF
tokens from pages, and a small seeded data set pushed through the real sync API."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session
from stdnum.cn import ric

from ss_core.protocol.hlc import system_ms
from ss_core.protocol.ids import new_id
from ss_hq.admin.staff_service import create_staff_user
from tests.hq.helpers import HQ, Device, child_fields

PASSWORD = "correct horse 1"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def made_up_id_number(birth: str, serial: str = "011") -> str:
    """A fake resident ID (Pudong) with a valid check digit (calc_check_digit wants 18 chars)."""
    body = f"310115{birth}{serial}"
    return body + ric.calc_check_digit(body + "0")


def csrf_from(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def add_staff(engine: Engine, username: str, role: str) -> None:
    with Session(engine) as session:
        create_staff_user(session, username, PASSWORD, role, now=system_ms())


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> Any:
    page = client.get("/login")
    assert page.status_code == 200
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )


def signed_in_client(client: TestClient, engine: Engine, role: str) -> str:
    """Create a *role* user, sign in; returns the session's CSRF token."""
    username = f"{role}-{new_id()[-6:]}"
    add_staff(engine, username, role)
    response = sign_in(client, username)
    assert response.status_code == 303, response.text
    return csrf_from(client.get("/").text)


@dataclass
class Seeded:
    device: Device
    other_device: Device
    site_a: str
    site_b: str
    children: dict[str, str] = field(default_factory=dict)  # label -> record id


def seed(hq: HQ) -> Seeded:
    """Two sites, two laptops, five children (one registered twice, on both laptops)."""
    a = hq.site("WEB-A").id
    b = hq.site("WEB-B").id
    laptop = hq.device(a, b, name="laptop A")
    other = hq.device(a, name="laptop B")
    data = Seeded(laptop, other, a, b)
    people = {
        "zhangsan": child_fields(
            a,
            surname="张",
            given_name="三",
            gender=1,
            dob="2014-05-06",
            categories=["migrant", "left_behind"],
            stage="primary",
            grade=3,
            id_number=made_up_id_number("20140506"),
        ),
        "lisi": child_fields(
            a,
            surname="李",
            given_name="四",
            gender=2,
            dob="2012-01-02",
            categories=["migrant"],
            stage="junior",
            grade=1,
        ),
        "shan": child_fields(
            b,
            surname="单",
            given_name="雄信",
            gender=1,
            dob="2016-07-08",
            categories=["low_income"],
            stage="primary",
            grade=1,
        ),
        "wangfang": child_fields(
            b,
            surname="王",
            given_name="芳",
            gender=2,
            dob="2010-09-10",
            categories=[],
            stage="junior",
            grade=3,
        ),
    }
    ops = []
    for label, fields in people.items():
        record_id = new_id()
        data.children[label] = record_id
        ops.append(laptop.op("child", record_id, fields))
    response = hq.push(laptop, *ops)
    assert response.status_code == 200, response.text
    assert all(r["status"] == "applied" for r in response.json()["results"]), response.text
    # The same child entered again on the other laptop: a suspected duplicate.
    twin = new_id()
    data.children["zhangsan_twin"] = twin
    response = hq.push(other, other.op("child", twin, dict(people["zhangsan"])))
    assert response.json()["results"][0]["status"] == "applied", response.text
    return data
