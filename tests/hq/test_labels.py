"""The words head office's pages use: stored codes labelled exactly as the laptop labels them
(its translation file), every field, record kind, action, role and message with a Chinese
text, values shown as people read them, laptops told apart only when their names clash."""

from __future__ import annotations

import re
from pathlib import Path

from ss_core.domain import labels as L
from ss_hq.core.device_names import device_labels
from ss_hq.core.labels import ENTITY_LABELS, FIELD_LABELS, Words, laptop_translations
from ss_hq.core.staff_audit import Action
from ss_hq.review.search_service import SORTS
from ss_hq.web.deps import masked_phone
from ss_hq.web.i18n import EN, ZH_CN, translator

ROOT = Path(__file__).resolve().parents[2]
TABLES = [v for k, v in vars(L).items() if k.isupper() and isinstance(v, dict)]


def test_every_code_label_has_the_laptops_chinese_translation():
    zh = laptop_translations("zh_CN")
    missing = sorted(
        text for table in TABLES for text in table.values() if ("Enum", text) not in zh
    )
    assert missing == []
    assert zh[("Enum", L.LIVING["grandparents"])] == "与祖辈同住"


def test_every_field_kind_action_role_and_message_has_a_chinese_text():
    keys = {text for table in FIELD_LABELS.values() for text in table.values()}
    keys |= set(ENTITY_LABELS.values())
    keys |= {f"action_{v}" for k, v in vars(Action).items() if k.isupper()}
    keys |= {f"role_{r}" for r in ("admin", "staff", "viewer")}
    keys |= {f"sort_{s}" for s in SORTS}
    keys |= {f"staff_done_{d}" for d in ("added", "disabled", "enabled", "password", "role")}
    # The messages services raise (shown on the pages) and the codes of ReviewError.
    for module in ROOT.joinpath("ss_hq").rglob("*_service.py"):
        source = module.read_text(encoding="utf-8")
        keys |= set(re.findall(r'(?:SiteInputError|StaffInputError)\("([^"{]+)"\)', source))
        keys |= {f"error_{c}" for c in re.findall(r'ReviewError\(\s*"([a-z_]+)"', source)}
    keys -= {"error_bad_version", "error_tombstone", "error_program_name", "error_program_site"}
    assert sorted(k for k in keys if k not in ZH_CN) == []
    # Keys that are codes read as English on English pages too.
    english = translator("en")
    for key in keys:
        if key.startswith(("role_", "sort_", "error_", "staff_done_")):
            assert key in EN, key
        assert "_" not in english(key) or key.startswith("error_"), key


def test_values_as_people_read_them():
    words = Words("zh_CN", translator("zh_CN"), names={"s1": "PD01 浦东学校"})
    assert words.value("child", "gender", 2) == "女"
    assert words.value("child", "categories", ["migrant", "left_behind"]) == "流动儿童、留守儿童"
    assert words.value("child", "boarding", True) == "是"
    assert words.value("child", "dob", "2016-04-05T00:00:00") == "2016-04-05"
    assert words.value("child", "hukou_division", "310115") == "上海市浦东新区"
    assert words.value("child", "site_id", "s1") == "PD01 浦东学校"
    assert words.value("child", "site_id", "gone") == "（总部无此记录）"
    assert words.value("consent", "scopes", ["registration", "photos"]).count("、") == 1
    assert words.field("guardian", "phone") == "电话" and words.entity("consent") == "同意书"
    english = Words("en", translator("en"))
    assert english.value("child", "categories", ["migrant"]) == "Migrant"
    assert english.field("child", "dob_precision") == "Date of birth precision"
    assert english.value("child", "notes", "a\nb") == "a\nb"


def test_laptops_are_told_apart_only_when_their_names_clash():
    labels = device_labels(
        [
            ("0190aaaa-0000-7000-8000-00000000a1b2", "vm"),
            ("0190aaaa-0000-7000-8000-00000000c3d4", "VM"),
            ("0190aaaa-0000-7000-8000-0000000000e5", "浦东教学点"),
            ("0190aaaa-0000-7000-8000-0000000000f6", ""),
        ]
    )
    assert list(labels.values()) == ["vm · 00a1b2", "VM · 00c3d4", "浦东教学点", "0000f6"]


def test_phones_are_masked_for_roles_without_the_permission():
    assert masked_phone("15482409465") == "154****9465"
    assert masked_phone("+86 139-1234-5678") == "139****5678"
    assert masked_phone("1234") == "****" and masked_phone(None) == ""


def test_the_compiled_translation_gives_the_same_words_as_its_source():
    """An installed head office has the compiled .qm only (not the .ts): read either, a code
    reads the same."""
    import pytest

    from ss_core.resources import resource_path
    from ss_hq.core.labels import read_qm, read_ts

    qm = resource_path("translations", "ss_desktop_zh_CN.qm")
    if not qm.exists():
        pytest.skip("translations not built (make translations)")
    compiled = read_qm(qm.read_bytes())
    source = read_ts(resource_path("translations", "ss_desktop_zh_CN.ts"))
    assert source and all(compiled.get(key) == text for key, text in source.items())
    assert compiled[("Enum", "Lower-tier city")] == "三线及以下城市"
    assert read_qm(b"not a qm file") == {}
