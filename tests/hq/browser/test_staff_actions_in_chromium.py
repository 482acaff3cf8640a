"""Head office as program officers use it, in real headless Chromium at 1366x768 against a
real ``ss-hq serve`` process: the to-do dashboard with charts whose labels fit, a merge
confirmed with its reason, the child page and the conflicts page in words, a combined value,
an erasure confirmed in Chinese, the audit log naming head office's actions.

Screenshots (the viewport, 1366x768) of the dashboard, a child page, the conflicts page, a
merge confirmation and the audit log, in Chinese and English, go to the test's folder, and
to docs/screenshots/ when SS_HQ_SCREENSHOTS_DIR names it
(``SS_HQ_SCREENSHOTS_DIR=docs/screenshots pytest tests/hq/browser``)."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from ss_hq.app import create_app
from ss_hq.core.db import make_engine
from ss_hq.core.models import AuditEntry, Record
from ss_hq.core.settings import HQSettings
from ss_hq.core.staff_audit import HEAD_OFFICE
from tests.hq.browser.test_staff_pages_in_chromium import (  # noqa: F401 - fixture
    CHROMIUM,
    _more_children,
    browser,
)
from tests.hq.helpers import HQ, running_server
from tests.hq.staff_pages_support import conflicting_edits, two_records_of_one_child
from tests.hq.test_audit_pages import FakeLog, upload
from tests.hq.test_web_support import PASSWORD, add_staff

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"
)
VIEWPORT = {"width": 1366, "height": 768}

# Every text of each chart (bounding boxes in page pixels), and the chart's own box.
CHART_TEXTS = """() => [...document.querySelectorAll('.chart svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent.trim(), left: r.left, right: r.right, top: r.top,
            bottom: r.bottom, value: (t.getAttribute('class') || '').includes('value')};
  });
  return {id: svg.closest('section').id, left: box.left, right: box.right, texts};
})"""


@pytest.fixture
def officers_server(database_url, tmp_path):
    engine = make_engine(database_url)
    settings = HQSettings(database_url=database_url, keys_dir=tmp_path / "keys")
    with TestClient(create_app(settings, engine=engine)) as client:
        hq = HQ(client, engine)
        data = two_records_of_one_child(hq)
        _more_children(hq, data.laptop_a, [data.site_a, data.site_b], 40)
        child = conflicting_edits(hq, data)
        log = FakeLog()
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        log.add("edit", actor="王老师", record_id=child, detail={"fields": ["class_name"]}, at=now)
        upload(hq, data.laptop_b, log.rows)
    add_staff(engine, "officer", "admin")
    try:
        with running_server(database_url, tmp_path / "server.log") as base:
            yield base, data, engine
    finally:
        engine.dispose()


def _shot(page, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"hq-{name}.png"
    page.screenshot(path=str(target))  # the viewport: what a 1366x768 screen shows
    out = os.environ.get("SS_HQ_SCREENSHOTS_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, Path(out) / target.name)


def _assert_charts_fit(page) -> None:
    charts = page.evaluate(CHART_TEXTS)
    assert len(charts) >= 6
    for chart in charts:
        for text in chart["texts"]:
            # No label starts left of the chart or ends right of it (nothing cut off).
            assert text["left"] >= chart["left"] - 0.5, (chart["id"], text["text"])
            assert text["right"] <= chart["right"] + 0.5, (chart["id"], text["text"])
        numbers = sorted(
            (t for t in chart["texts"] if t["text"].isdigit() and not t["value"]),
            key=lambda t: (round(t["top"]), t["left"]),
        )
        for a, b in zip(numbers, numbers[1:], strict=False):
            if round(a["top"]) == round(b["top"]):  # neighbours on the value axis
                assert a["right"] <= b["left"], (chart["id"], a["text"], b["text"])


def _both_languages(page, base: str, path: str, name: str, tmp_path: Path) -> None:
    """The page at *path* in English, then in Chinese (the language the test goes on in)."""
    from urllib.parse import quote

    for language, suffix in (("en", "en"), ("zh_CN", "zh")):
        page.goto(f"{base}/lang/{language}?next={quote(path, safe='')}")
        page.wait_for_load_state()
        _shot(page, tmp_path, f"{name}-{suffix}")


def test_an_officers_day_in_chinese_and_english(officers_server, browser, tmp_path):  # noqa: F811
    base, data, engine = officers_server
    context = browser.new_context(locale="zh-CN", viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/login")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    # The to-do: what waits, each linking to its list; counts in the navigation. The charts'
    # labels fit, in both languages.
    _both_languages(page, base, "/", "dashboard", tmp_path)
    assert page.locator("#todo-conflicts .n").inner_text() == "1"
    assert page.locator("#todo-duplicates .n").inner_text() == "1"
    assert page.locator("#nav-conflicts .badge").inner_text() == "1"
    assert page.locator("#by-category").get_by_text("三线及以下城市").count() >= 1
    _assert_charts_fit(page)
    page.goto(f"{base}/lang/en?next=/")
    _assert_charts_fit(page)
    assert page.locator("h1").inner_text() == "Dashboard"
    page.goto(f"{base}/lang/zh_CN?next=/")

    # The conflict: both values with when, which laptop and who.
    page.click("#todo-conflicts a")
    page.wait_for_url("**/conflicts")
    _both_languages(page, base, "/conflicts", "conflicts", tmp_path)
    sides = page.locator(".conflict .side")
    assert "四班" in sides.nth(0).inner_text() and "王老师" in sides.nth(0).inner_text()
    assert "闵行学校" in sides.nth(0).inner_text() and "浦东教学点" in sides.nth(1).inner_text()
    page.fill("textarea[name=combined]", "三班/四班（周三）")
    page.click("form.combined button")
    page.wait_for_url("**/conflicts?resolved=*")
    assert "三班/四班（周三）" in page.locator("#resolved-notice").inner_text()

    # The merge: confirmation first, the kept site stated, a reason asked.
    page.click("#nav-duplicates")
    page.locator(f"a[data-keep='{data.kept}']").click()
    page.wait_for_url("**/merge?keep=*")
    confirmation = page.url.removeprefix(base)
    _both_languages(page, base, confirmation, "merge-confirmation", tmp_path)
    assert page.locator("#merge-site").inner_text() == "PD01 学校 PD01"
    assert page.locator("#merge-changes li.duplicate").count() == 4
    page.fill("input[name=reason]", "同一儿童：父亲姓名和电话相同，已与学校核实")
    page.click("#merge-form button[type=submit]")
    page.wait_for_url("**/duplicates?merged=*")
    assert "宋怡可" in page.locator("#merged-notice").inner_text()

    # The kept child's page: words, one father, one consent, no ids.
    _both_languages(page, base, f"/children/{data.kept}", "child", tmp_path)
    assert page.locator("#section-guardian").inner_text().count("许建国") == 1
    assert data.kept not in page.locator("main").inner_text()

    # Erasing a child: confirmed by typing the Chinese word, with a reason.
    zhou = _another_child(engine, data.kept, data.other)
    page.goto(f"{base}/children/{zhou}")
    page.click("#erase-child")
    assert "ERASE" not in page.locator("main").inner_text()
    page.fill("input[name=reason]", "监护人书面要求")
    page.fill("input[name=confirm]", "删除")
    page.click("#erase-form button[type=submit]")
    page.wait_for_url(f"**/children/{zhou}?saved=erased")
    assert page.locator("#erased-notice").is_visible()

    # The audit log: head office's actions, records by name, reasons.
    _both_languages(page, base, f"/audit?device={HEAD_OFFICE}", "audit-log", tmp_path)
    rows = page.locator("#audit-rows tbody").inner_text()
    assert "合并儿童记录" in rows and "宋怡可" in rows and "已与学校核实" in rows
    assert "删除个人信息" in rows and "处理冲突" in rows
    with Session(engine) as session:
        assert session.get(Record, zhou).erased
        actions = set(
            session.exec(select(AuditEntry.action).where(AuditEntry.device_id == HEAD_OFFICE))
        )
    assert {"merge", "erase", "resolve_conflict"} <= actions
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()


def _another_child(engine, *not_ids: str) -> str:
    with Session(engine) as session:
        for record in session.exec(select(Record).where(Record.entity == "child")):
            if record.id not in not_ids and not record.deleted:
                return record.id
    raise AssertionError("no other child")
