"""The committed Chinese translation is complete: every message translated, every "%n"
message kept as a plural form (a ``make ts-update`` with a lupdate that does not see plural
forms turns them into plain, unfinished entries)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ss_desktop_zh_CN.ts"


def _messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_message_has_a_finished_chinese_translation():
    missing = []
    for context, message in _messages():
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            missing.append(f"{context}: {message.findtext('source')}")
    assert missing == []


def test_every_count_message_is_a_plural_form():
    flat = [
        f"{context}: {message.findtext('source')}"
        for context, message in _messages()
        if "%n" in (message.findtext("source") or "") and message.get("numerus") != "yes"
    ]
    assert flat == []
