"""Text normalisation, including property tests: idempotent, never raising."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ss_core.domain import validate_id_number, validate_mobile
from ss_core.domain.normalize import (
    clean_text,
    normalize_id_number,
    normalize_name,
    normalize_phone,
    to_halfwidth,
)
from ss_core.domain.pinyin import normalize_query


def test_to_halfwidth() -> None:
    assert to_halfwidth("ＡＢＣ１２３\u3000ｘ") == "ABC123 x"
    assert to_halfwidth("张三") == "张三"


def test_clean_text() -> None:
    assert clean_text("  a \t b\n c  ") == "a b c"
    assert clean_text("abcdef", 3) == "abc"
    assert clean_text("e\u0301") == "é"
    assert clean_text(" line one  \n\n\n\n line   two ", multiline=True) == "line one\n\nline two"


def test_normalize_id_number() -> None:
    assert normalize_id_number(" １１０１０１ 2015-0304 001x ") == "11010120150304001X"


def test_normalize_phone() -> None:
    assert normalize_phone("+86 138-1234-5678") == "13812345678"
    assert normalize_phone("0086 13812345678") == "13812345678"
    assert normalize_phone("8613812345678") == "13812345678"
    assert normalize_phone("(021) 1234 5678") == "02112345678"
    assert normalize_phone("１３８ １２３４ ５６７８") == "13812345678"


def test_normalize_name() -> None:
    assert normalize_name(" 阿卜杜 • 热合曼 ") == "阿卜杜·热合曼"
    assert normalize_name("Ｍａｒｙ  Smith") == "Mary Smith"


text = st.text(max_size=60)


@given(text)
@example("Ù:")  # the accent dropped made "u:", read as ü (v) only the second time
@example("u :")
@settings(max_examples=300, deadline=None)
def test_normalizers_are_idempotent(s: str) -> None:
    for fn in (to_halfwidth, clean_text, normalize_id_number, normalize_phone, normalize_name,
               normalize_query):  # fmt: skip
        once = fn(s)
        assert fn(once) == once, fn.__name__
    multi = clean_text(s, multiline=True)
    assert clean_text(multi, multiline=True) == multi
    cut = clean_text(s, 10)
    assert clean_text(cut, 10) == cut and len(cut) <= 10


@given(st.one_of(text, st.from_regex(r"[0-9]{17}[0-9Xx]", fullmatch=True)))
@settings(max_examples=300, deadline=None)
def test_validate_id_number_never_raises(s: str) -> None:
    issues = validate_id_number(s)
    assert isinstance(issues, list)


def test_an_id_number_whose_region_names_no_county_is_an_unknown_birthplace() -> None:
    """216617: a Liaoning code that names no county; stdnum raised KeyError on it (found by
    the property test above), which reached the user as a crash of the form's check."""
    issues = validate_id_number("216617202201032480", today=date(2026, 11, 29))
    assert [(i.code, i.severity) for i in issues] == [("id_number.unknown_birthplace", "warning")]


@given(text)
@settings(max_examples=200, deadline=None)
def test_validate_mobile_never_raises(s: str) -> None:
    assert isinstance(validate_mobile(s), list)
