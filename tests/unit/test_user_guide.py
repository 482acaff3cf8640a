"""The user guide (docs/user-guide.en.md, .zh.md) as the app is: the first-run pages in the
wizard's order, duplicates looked for at save, every picture it shows present."""

from __future__ import annotations

import re

import pytest

from ss_desktop.ui.user_guide import GUIDES, guide_images, guide_path, missing_guide_files

WIZARD_ORDER = ["first_run_language", "first_run_admin", "first_run_enrol", "first_run_site"]


def _section(text: str, number: int) -> str:
    return re.split(r"\n## ", text)[number]


@pytest.mark.parametrize("language", list(GUIDES))
def test_first_run_pages_in_the_wizards_order(language):
    first_run = _section(guide_path(language).read_text(encoding="utf-8"), 1)
    shots = re.findall(r"screenshots/(first_run_[a-z]+)", first_run)
    assert shots == WIZARD_ORDER


@pytest.mark.parametrize(
    ("language", "at_save"),
    [("en", "When you save a new child"), ("zh_CN", "保存新儿童时")],
)
def test_duplicates_are_described_as_the_app_checks_them(language, at_save):
    registering = _section(guide_path(language).read_text(encoding="utf-8"), 2)
    assert at_save in registering


def test_every_picture_of_the_guides_is_there():
    assert missing_guide_files() == []
    for language in GUIDES:
        names = [p.name for p in guide_images(guide_path(language))]
        assert ("children_empty_en.png" if language == "en" else "children_empty.png") in names
