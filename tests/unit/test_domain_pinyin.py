"""Pinyin search keys for Chinese names."""

from __future__ import annotations

from ss_core.domain.pinyin import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    display_pinyin,
    name_keys,
    normalize_query,
    split_name,
)


def test_surname_table_reading_comes_first_and_dictionary_reading_is_kept() -> None:
    keys = name_keys("单", "雄信")
    assert keys.full[0] == "shanxiongxin"
    assert "danxiongxin" in keys.full
    assert "sxx" in keys.initials and "dxx" in keys.initials
    assert keys.initials[0] == "sxx"
    assert keys.display == "Shan Xiongxin"


def test_zeng_as_surname() -> None:
    keys = name_keys("曾", "小明")
    assert keys.full[0] == "zengxiaoming"
    assert "zxm" in keys.tokens()


def test_more_surname_readings() -> None:
    expected = {"解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "覃": "qin",
                "盖": "ge", "缪": "miao", "乐": "yue", "翟": "zhai"}  # fmt: skip
    for surname, reading in expected.items():
        assert SURNAME_READINGS[surname] == reading
        assert name_keys(surname, "明").full[0] == reading + "ming"


def test_compound_surnames() -> None:
    assert split_name("欧阳娜娜") == ("欧阳", "娜娜")
    assert split_name("司马光") == ("司马", "光")
    assert split_name("诸葛亮") == ("诸葛", "亮")
    assert split_name("张三") == ("张", "三")
    assert split_name("欧阳") == ("欧", "阳")  # a two-character name is surname + given
    assert split_name("  Mary  Smith ") == ("Mary", "Smith")
    assert split_name("") == ("", "")
    assert {"欧阳", "司马", "诸葛", "上官", "尉迟", "澹台"} <= COMPOUND_SURNAMES


def test_compound_surname_keys() -> None:
    keys = name_keys("欧阳", "娜娜")
    assert keys.full[0] == "ouyangnana"
    assert "oynn" in keys.initials
    assert keys.display == "Ouyang Nana"
    assert name_keys("尉迟", "恭").full[0] == "yuchigong"
    assert "ycg" in name_keys("尉迟", "恭").initials
    assert name_keys("万俟", "卨").full[0].startswith("moqi")


def test_lv_and_lu_variants() -> None:
    tokens = name_keys("吕", "布").tokens()
    assert "lvbu" in tokens and "lubu" in tokens
    assert "lb" in tokens
    assert name_keys("吕", "布").display == "Lv Bu"


def test_given_name_keys() -> None:
    keys = name_keys("张", "三")
    assert keys.given_full == ("san",)
    assert keys.given_initials == ("s",)
    assert set(keys.tokens()) == {"zhangsan", "zs", "san", "s"}


def test_latin_name() -> None:
    keys = name_keys("Smith", "Mary Jane")
    assert keys.full == ("smithmaryjane",)
    assert keys.initials == ("smj",)
    assert keys.display == "Smith Mary Jane"
    assert "maryjane" in keys.tokens()


def test_minority_name_with_middle_dot() -> None:
    keys = name_keys("阿卜杜", "热合曼")
    assert keys.full[0] == "abudureheman" or "abudureheman" in keys.full
    assert len(keys.full) <= 40


def test_override_becomes_first_reading_and_display() -> None:
    keys = name_keys("单", "雄信", pinyin_override="Shan Xiong-Xin")
    assert keys.full[0] == "shanxiongxin"
    assert keys.display == "Shan Xiong-Xin"
    keys = name_keys("查", "理", pinyin_override="Cha Li")
    assert keys.full[0] == "chali" and "zhali" in keys.full
    assert keys.given_full[0] == "li"


def test_keys_are_lowercase_ascii() -> None:
    for surname, given in [("吕", "绿女"), ("单", "雄信"), ("Émile", "Zoë"), ("王", "〇")]:
        for token in name_keys(surname, given).tokens():
            assert token.isascii() and token == token.lower() and token.isalpha()


def test_reading_count_is_capped() -> None:
    keys = name_keys("单", "和行长重朝")  # many heteronyms
    assert len(keys.full) <= 32
    assert keys.full[0].startswith("shan")
    assert any(k.startswith("dan") for k in keys.full)
    assert any(k.startswith("chan") for k in keys.full)


def test_normalize_query() -> None:
    assert normalize_query("ＺＨＡＮＧ  San") == "zhangsan"
    assert normalize_query("Lü Bu") == "lvbu"
    assert normalize_query("xi'an") == "xian"
    assert normalize_query("张 三") == "张三"
    assert normalize_query("１１０１０１") == "110101"


def test_display_pinyin() -> None:
    assert display_pinyin("单", "雄信") == "Shan Xiongxin"
    assert display_pinyin("欧阳", "娜娜") == "Ouyang Nana"
