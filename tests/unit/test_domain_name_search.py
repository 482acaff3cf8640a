"""Search keys by rank and the reading of a search query (ss_core.domain.name_search)."""

from __future__ import annotations

import pytest

from ss_core.domain.name_search import (
    SearchQuery,
    number_digits,
    parse_search_query,
    ranked_keys,
    syllable_mixes,
)


def test_common_reading_first_rare_readings_last() -> None:
    keys = ranked_keys("方", "家乐")
    assert keys.name == ("方家乐", "fangjiale")
    assert "wangjiale" in keys.rare and "wangjiale" not in (*keys.name, *keys.short)
    assert "fjl" in keys.short and "wjl" in keys.rare
    assert keys.given[:2] == ("家乐", "jiale")
    shan = ranked_keys("邓", "心雪")
    assert "sxx" in shan.rare and "dxx" in shan.short


def test_surname_table_reading_is_the_common_one() -> None:
    keys = ranked_keys("单", "雄信")
    assert keys.name == ("单雄信", "shanxiongxin")
    assert "sxx" in keys.short and "danxiongxin" in keys.rare


def test_staff_pinyin_spells_the_common_reading() -> None:
    keys = ranked_keys("单", "雄信", pinyin_override="Dan Xiong-xin")
    assert keys.name[:2] == ("单雄信", "danxiongxin")
    assert "dxx" in keys.short and "sxx" in keys.rare


def test_mixes_of_syllables_and_initials() -> None:
    assert syllable_mixes(("ou", "yang", "na", "na"))[0] == "ouyangnana"
    assert {"oyangnn", "oynana", "ouyangnn", "oynn"} <= set(
        syllable_mixes(("ou", "yang", "na", "na"))
    )
    assert len(syllable_mixes(("zhang", "xiao", "ming"))) == 8
    long = syllable_mixes(tuple("abcdefgh"))  # long names: the end or the start cut short
    assert "abcdefgh" in long and len(long) < 2**8


def test_u_forms_of_lv_are_rare() -> None:
    keys = ranked_keys("吕", "伟")
    assert "lvwei" in keys.name
    assert {"luwei", "lyuwei"} <= set(keys.rare)
    assert not any("yu" in k or k.startswith("lu") for k in (*keys.name, *keys.short))


def test_latin_names() -> None:
    keys = ranked_keys("Smith", "Mary Jane")
    assert keys.name == ("smithmaryjane",)
    assert "smj" in keys.short and "smithmj" in keys.short


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("145-1737-4590", "14517374590"),
        ("145 1737 4590", "14517374590"),
        ("+8614517374590", "14517374590"),
        ("+86 145 1737 4590", "14517374590"),
        ("0086-145-1737-4590", "14517374590"),
        ("１４５１７３７４５９０", "14517374590"),
        ("(021) 1234-5678", "02112345678"),
        ("341221-20161019-891X", "34122120161019891x"),
    ],
)
def test_numbers_as_the_forms_accept_them(typed: str, digits: str) -> None:
    assert parse_search_query(typed) == SearchQuery(numbers=(digits,))
    assert number_digits(typed) == digits


@pytest.mark.parametrize(
    ("typed", "words", "numbers"),
    [
        ("Zhang Wei", ("zhangwei",), ()),
        ("ＺＨＡＮＧ  xm", ("zhangxm",), ()),
        ("王 xm", ("王", "xm"), ()),
        ("zhang, wei", ("zhang", "wei"), ()),
        ("lǚ", ("lv",), ()),
        ("lu:", ("lv",), ()),
        ("xi'an", ("xian",), ()),
        ("王 1737 4590", ("王",), ("17374590",)),
        ("阿卜杜·热合曼", ("阿卜杜·热合曼",), ()),
    ],
)
def test_words_and_numbers(typed: str, words: tuple, numbers: tuple) -> None:
    assert parse_search_query(typed) == SearchQuery(words=words, numbers=numbers)


@pytest.mark.parametrize(
    "typed", ["%", "_", "zs%", "\\", "１＝１", "123", "wang 12", "' OR 1=1 --"]
)
def test_nothing_can_match(typed: str) -> None:
    assert parse_search_query(typed).impossible


def test_empty_query_lists_everything() -> None:
    assert parse_search_query("  ").empty
