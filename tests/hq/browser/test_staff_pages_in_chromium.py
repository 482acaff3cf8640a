"""The staff pages in real headless Chromium (Debian's, driven by Playwright) against a real
``ss-hq serve`` process: sign in, dashboard counts, search by initials, merge two duplicates,
revoke a device. Screenshots go to the test's folder, and to docs/screenshots/ when
SS_HQ_SCREENSHOTS_DIR names it (``SS_HQ_SCREENSHOTS_DIR=docs/screenshots pytest ...``)."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from ss_core.protocol.ids import new_id
from ss_hq.app import create_app
from ss_hq.core.db import make_engine
from ss_hq.core.models import Record, SuspectedDuplicate
from ss_hq.core.settings import HQSettings
from tests.hq.helpers import HQ, child_fields, running_server
from tests.hq.test_web_support import PASSWORD, add_staff, seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "小明",
    "佳怡",
    "子涵",
    "浩然",
    "欣怡",
    "宇轩",
    "梓萱",
    "俊杰",
    "雨桐",
    "一诺",
    "思远",
    "可馨",
]
CATEGORIES = ["migrant", "low_income", "lower_tier", "left_behind", "in_care", "disability"]


def _more_children(hq: HQ, device, sites: list[str], count: int) -> None:
    rng = random.Random(7)
    ops = []
    for _ in range(count):
        cats = rng.sample(CATEGORIES, rng.choice([0, 1, 1, 2]))
        fields = child_fields(
            rng.choice(sites),
            surname=rng.choice(SURNAMES),
            given_name=rng.choice(GIVEN),
            gender=rng.choice([1, 2]),
            dob=f"{rng.randint(2008, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            categories=cats,
            stage=rng.choice(["primary", "primary", "junior", "preschool"]),
            hukou_division=rng.choice(["310115", "510101", "411302"]),
            residence_division="310115",
        )
        fields.pop("grade", None)
        ops.append(device.op("child", None, fields))
    response = hq.push(device, *ops)
    assert response.status_code == 200, response.text


@pytest.fixture
def seeded_server(database_url, tmp_path):
    engine = make_engine(database_url)
    settings = HQSettings(database_url=database_url, keys_dir=tmp_path / "keys")
    with TestClient(create_app(settings, engine=engine)) as client:
        hq = HQ(client, engine)
        data = seed(hq)
        _more_children(hq, data.device, [data.site_a, data.site_b], 36)
        # A same-field conflict for the inbox.
        child = data.children["lisi"]
        a, b = data.device, data.other_device
        hq.push(a, a.op("child", child, {"class_name": "三班"}, base_version=1))
        hq.push(b, b.op("child", child, {"class_name": "四班"}, base_version=1))
        # Two lessons sessions (2 + 1 lessons); 李四 came to both, 王芳 to the first.
        program = new_id()
        hq.push(a, a.op("program", program, {"name": "英语", "site_id": data.site_a}))
        sessions = [(new_id(), 2), (new_id(), 1)]
        ops = [
            a.op(
                "attendance_session",
                sid,
                {
                    "program_id": program,
                    "held_on": "2026-10-0" + str(i + 1),
                    "lessons": n,
                },
            )
            for i, (sid, n) in enumerate(sessions)
        ]
        marks = [(sessions[0][0], "lisi"), (sessions[1][0], "lisi"), (sessions[0][0], "zhangsan")]
        ops += [
            a.op(
                "attendance_mark",
                None,
                {"session_id": sid, "child_id": data.children[who], "mark": "present"},
            )
            for sid, who in marks
        ]
        result = hq.push(a, *ops).json()["results"]
        assert all(r["status"] == "applied" for r in result), result
    add_staff(engine, "admin1", "admin")
    total = 5 + 36
    try:
        with running_server(database_url, tmp_path / "server.log") as base:
            yield base, data, engine, total
    finally:
        engine.dispose()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield instance
        finally:
            instance.close()


def _shot(page, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"hq-{name}.png"
    page.screenshot(path=str(target), full_page=True)
    out = os.environ.get("SS_HQ_SCREENSHOTS_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, Path(out) / target.name)


def test_sign_in_dashboard_search_merge_and_revoke(seeded_server, browser, tmp_path):
    base, data, engine, total = seeded_server
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Sign in (the page is in Chinese: the browser asks for zh-CN).
    page.goto(f"{base}/")
    assert page.url.startswith(f"{base}/login")
    assert page.locator("h1").inner_text() == "登录"
    _shot(page, tmp_path, "sign-in")
    page.fill("input[name=username]", "admin1")
    page.fill("input[name=password]", "wrong password")
    page.click("button[type=submit]")
    assert page.locator(".notice.error").is_visible()
    page.fill("input[name=username]", "admin1")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    # The dashboard counts the seeded children.
    assert page.locator("#total-children").inner_text() == str(total)
    assert page.locator("#by-province td.num").first.inner_text() == str(total)
    assert page.locator(".chart svg").count() >= 6
    assert page.locator("#lessons-delivered").inner_text() == "3"
    assert page.locator("#lessons-per-child").inner_text() == "2.5"
    _shot(page, tmp_path, "dashboard")

    # Search by initials.
    page.click("text=儿童")
    page.fill("input[name=q]", "zs")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/children?q=zs**")
    names = page.locator("#children tbody tr td:first-child").all_inner_texts()
    assert names.count("张三") == 2 and len(names) == page.locator("#children tbody tr").count()
    assert all(n.startswith(("张", "周")) or n for n in names)
    assert int(page.locator("#result-count").inner_text()) == len(names)
    _shot(page, tmp_path, "search")

    # Conflicts inbox: both values side by side.
    page.click("text=冲突")
    assert page.locator(".conflict .side").count() == 2
    assert "三班" in page.content() and "四班" in page.content()
    _shot(page, tmp_path, "conflicts")

    # Merge two duplicates.
    page.click("nav >> text=疑似重复")
    assert page.locator("section.pair").count() >= 1
    _shot(page, tmp_path, "duplicates")
    keep = data.children["zhangsan"]
    page.locator(f"a[data-keep='{keep}']").click()  # a confirmation first
    page.wait_for_url("**/merge?keep=*")
    page.fill("input[name=reason]", "same ID number")
    page.click("#merge-form button[type=submit]")
    page.wait_for_url("**/duplicates?merged=*")
    assert page.locator(".notice.ok").is_visible()
    with Session(engine) as session:
        twin = session.get(Record, data.children["zhangsan_twin"])
        assert twin.deleted and twin.merged_into == keep
        assert session.exec(select(SuspectedDuplicate)).first().status == "merged"

    # Revoke a device: its next request is refused.
    page.click("text=设备")
    row = page.locator(f"#device-{data.device.id}")
    assert row.locator(".status").inner_text() == "使用中"
    _shot(page, tmp_path, "devices")
    row.locator("a.button.danger").click()  # a confirmation first
    page.wait_for_url("**/revoke")
    page.fill("input[name=reason]", "stolen")
    page.click("#revoke-form button[type=submit]")
    page.wait_for_url("**/devices?done=revoked*")
    assert page.locator(f"#device-{data.device.id} .status").inner_text() == "已吊销"
    refused = httpx.get(f"{base}/api/v1/sync/pull", headers=data.device.headers)
    assert refused.status_code == 401 and refused.json()["code"] == "device_revoked"

    # English, for the record.
    page.click("text=English")
    page.goto(f"{base}/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()
