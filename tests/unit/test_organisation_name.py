"""One Chinese name for the organisation everywhere a user reads it: the laptop app, its
command line and startup messages, head office's pages and the user guide."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ss_core.branding import NAME_EN, NAME_ZH
from ss_desktop.startup_checks import MESSAGES
from ss_desktop.ui.i18n import Catalogue
from ss_hq.web.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ss_desktop_zh_CN.ts"
OTHER_NAMES = ("踏脚石", "彩虹桥", "垫脚石", "踏石")


def test_the_laptop_and_head_office_use_the_same_chinese_name():
    zh = Catalogue("zh_CN")
    assert zh("MainWindow", "Stepping Stones registration") == f"{NAME_ZH}儿童登记"
    assert NAME_ZH in zh("FirstRun", "Set up Stepping Stones")
    assert translator("zh_CN")("Stepping Stones head office") == f"{NAME_ZH}总部"
    assert translator("en")("Stepping Stones head office").startswith(NAME_EN)
    guide = (ROOT / "docs" / "user-guide.zh.md").read_text(encoding="utf-8")
    assert NAME_ZH in guide.splitlines()[0]


def test_every_chinese_text_naming_the_organisation_uses_that_name():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if NAME_EN in source and "Stepping Up" not in source:
                assert NAME_ZH in "".join(message.find("translation").itertext()), source
    for texts in MESSAGES.values():
        if NAME_EN in texts["en"]:
            assert NAME_ZH in texts["zh_CN"]


def test_no_other_chinese_name_is_left():
    places = [
        ROOT / "ss_desktop",
        ROOT / "ss_hq",
        ROOT / "ss_core",
        ROOT / "resources",
        ROOT / "docs",
        ROOT / "packaging",  # the Windows installer's names and shortcuts
    ]
    found = []
    for place in places:
        for path in place.rglob("*"):
            if path.suffix not in (".py", ".ts", ".html", ".md", ".json", ".csv", ".nsi", ".sh"):
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            found += [f"{path.relative_to(ROOT)}: {n}" for n in OTHER_NAMES if n in text]
    assert found == []
