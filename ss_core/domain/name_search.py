"""How a search box finds children, shared by the laptop and head office.

**Keys by rank.** A child's name gives search keys in four groups, from the most to the
least likely thing a person types (:func:`ranked_keys`):

- ``name``: the name in characters and its common full reading (the surname-table reading
  of the surname, each character as pypinyin reads it in context), plus the pinyin staff
  typed: 王芳 -> ``王芳``, ``wangfang``;
- ``short``: the common reading with any syllable cut to its initial: initials (``wf``),
  and initials mixed with whole syllables (欧阳娜娜 -> ``oyangnn``, ``ouyangnn``, ``oynana``;
  张晓明 -> ``zhangxm``);
- ``given``: the given name alone, in characters and in the same forms (``芳``, ``fang``,
  ``f``);
- ``rare``: every other reading of the characters (方 is also read "wang", 邓 also "shan"),
  with their initials.

ü is written ``v``; each key with a ``v`` also comes with ``u`` and ``yu`` in its place (with
the rare readings), so ``lv``, ``lu``, ``lyu`` and ``lü`` all find 吕.

**Ranks.** :data:`TIERS` lists, best first, where a query word may match: the whole word in
``name`` (exact), the start of a ``name`` key (prefix), then ``short``, ``given`` and
``rare`` likewise. A child ranks at the first tier where every word of the query matches;
within a tier, children are in pinyin order. So ``wang`` lists the children surnamed 王
before 方家乐 (方 read "wang"), and ``sxx`` lists 宋秀馨 before 邓心雪.

**Queries.** :func:`parse_search_query` splits what was typed into Chinese words, pinyin
words and numbers. A number may be typed as the forms accept it: with spaces, dashes, dots or
brackets between digits, a ``+86`` / ``0086`` prefix, full-width digits (``145-1737-4590``,
``+86 145 1737 4590``, ``341221-20161019-8919``): it becomes its digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from ss_core.domain.normalize import normalize_phone, to_halfwidth
from ss_core.domain.pinyin import common_syllables, name_keys, normalize_query

NAME, SHORT, GIVEN, RARE = "name", "short", "given", "rare"
KEY_GROUPS: tuple[str, ...] = (NAME, SHORT, GIVEN, RARE)
# (group, whole word only) per rank, best first. Rank n matches a word when it matches any of
# the first n+1 entries (a child's rank is the first that every word of the query matches).
TIERS: tuple[tuple[str, bool], ...] = (
    (NAME, True),
    (NAME, False),
    (SHORT, True),
    (SHORT, False),
    (GIVEN, True),
    (GIVEN, False),
    (RARE, False),
)
# The groups holding Chinese characters (a word in characters can match only there).
CJK_GROUPS = frozenset({NAME, GIVEN})
MIN_NUMBER_DIGITS = 4
# Up to this many syllables every mix of whole syllables and initials is a key (2**n keys);
# longer names get the mixes that cut the end or the start short.
_ALL_MIXES_UP_TO = 6

_CJK = "\u3007\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RUN = re.compile(f"[{_CJK}][{_CJK}\u00b7]*")
_CJK_CHAR = re.compile(f"[{_CJK}]")
# Digits with spaces, dashes, dots or brackets between them, an optional + or ( before, and
# an ID number's final X.
_NUMBER = re.compile(r"(?:\(?\+)?\d(?:[\s\-\u2010-\u2015().]*\d)*(?:[xX](?![A-Za-z]))?")
_WORD_BREAK = re.compile(r"[,，、;；/|]+")
_PUNCTUATION_ONLY = re.compile(r"[\s()\[\]+\-\u2010-\u2015.·]*")
# What pinyin or a Latin name may be typed with: letters (accents, ü), spaces, apostrophes,
# hyphens, dots ("u:" is ü).
_NOT_IN_NAMES = re.compile(r"[^A-Za-z\u00c0-\u024f\s'’‘`\-\u00b7.:]")
_WORD = re.compile(f"[{_CJK}][{_CJK}\u00b7]*|{_NUMBER.pattern}|[^{_CJK}0-9]+")


@dataclass(frozen=True)
class RankedKeys:
    """A name's search keys by group (lowercase ASCII, or the name in characters)."""

    name: tuple[str, ...]
    short: tuple[str, ...]
    given: tuple[str, ...]
    rare: tuple[str, ...]

    def group(self, group: str) -> tuple[str, ...]:
        return {NAME: self.name, SHORT: self.short, GIVEN: self.given, RARE: self.rare}[group]

    def all(self) -> tuple[str, ...]:
        return _dedupe([*self.name, *self.short, *self.given, *self.rare])


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def _with_u_forms(keys: Iterable[str]) -> tuple[str, ...]:
    """Each key, and for a key with ü (written v) the same with u and with yu."""
    out: list[str] = []
    for key in keys:
        out.append(key)
        if "v" in key and key.isascii():
            out += [key.replace("v", "u"), key.replace("v", "yu")]
    return _dedupe(out)


def syllable_mixes(syllables: Sequence[str]) -> tuple[str, ...]:
    """Every way to write the syllables with some cut to their initial, the whole reading
    first: ("zhang", "xiao", "ming") -> zhangxiaoming, ..., zhangxm, ..., zxm."""
    if not syllables:
        return ()
    if len(syllables) <= _ALL_MIXES_UP_TO:
        return _dedupe(
            "".join(s if whole else s[0] for s, whole in zip(syllables, pattern, strict=True))
            for pattern in product((True, False), repeat=len(syllables))
        )
    n = len(syllables)
    mixes = ["".join(syllables)]
    for cut in range(n + 1):
        mixes.append("".join(syllables[:cut]) + "".join(s[0] for s in syllables[cut:]))
        mixes.append("".join(s[0] for s in syllables[:cut]) + "".join(syllables[cut:]))
    return _dedupe(mixes)


def _characters(text: str) -> str:
    return normalize_query(text) if _CJK_CHAR.search(text) else ""


def ranked_keys(surname: str, given: str, *, pinyin_override: str | None = None) -> RankedKeys:
    """The search keys of a name, by group (see the module's docstring)."""
    return _ranked_keys(surname.strip(), given.strip(), pinyin_override or None)


@lru_cache(maxsize=32768)
def _ranked_keys(surname: str, given: str, pinyin_override: str | None) -> RankedKeys:
    every = name_keys(surname, given, pinyin_override=pinyin_override)
    s_syllables, g_syllables = common_syllables(surname, given, pinyin_override)
    whole = syllable_mixes((*s_syllables, *g_syllables))
    common = whole[:1]
    computed = name_keys(surname, given).full[:1] if pinyin_override else ()
    name = _dedupe([_characters(surname + given), *common, *every.full[:1], *computed])
    short = whole[1:]
    given_keys = _dedupe([_characters(given), *syllable_mixes(g_syllables)])
    if len(surname) > 1 and given:
        # a compound surname's syllables cut apart also when pypinyin reads it char by char
        split = name_keys(surname[0], surname[1:] + given)
        extra: Sequence[str] = (*split.full, *split.initials)
    else:
        extra = ()
    taken = {*name, *short, *given_keys}
    # The u and yu forms of ü rank with the rare readings: "ly" is first of all the initials
    # of 李阳, not the start of "lyu" (吕).
    every_form = _with_u_forms([*name, *short, *given_keys, *every.tokens(), *extra])
    rare = tuple(k for k in every_form if k not in taken)
    return RankedKeys(name=name, short=short, given=given_keys, rare=rare)


@dataclass(frozen=True)
class SearchQuery:
    """What a search box was given: words to find in names (Chinese characters or pinyin,
    every one must match) and numbers (digits of an ID number or a phone, ``x`` for an ID
    number's last character). ``impossible``: nothing can match (only punctuation, or a
    number of fewer than 4 digits)."""

    words: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    impossible: bool = False

    @property
    def empty(self) -> bool:
        return not self.words and not self.numbers and not self.impossible

    def all_characters(self) -> bool:
        """Every word is in Chinese characters (they match only the name and given name)."""
        return all(is_characters(w) for w in self.words)


def is_characters(word: str) -> bool:
    return bool(_CJK_CHAR.search(word))


def number_digits(text: str) -> str:
    """The digits of a typed number, as stored: ``+86 145-1737-4590`` -> ``14517374590``,
    ``341221-20161019-891x`` -> ``34122120161019891x``."""
    text = to_halfwidth(text).strip()
    if text[-1:] in ("x", "X"):
        return re.sub(r"[^0-9]", "", text) + "x"
    return normalize_phone(text)


def parse_search_query(text: str) -> SearchQuery:
    """Split a query into words and numbers (see the module's docstring).

    Pinyin typed with spaces is one word ("Zhang Wei" -> ``zhangwei``); Chinese characters,
    pinyin and numbers typed one after the other are separate words, as are words between
    commas. A word with a symbol no name is written with ("zs%") matches nothing.
    """
    text = to_halfwidth(text or "").strip()
    if not text:
        return SearchQuery()
    words: list[str] = []
    numbers: list[str] = []
    impossible = False
    for part in _WORD.findall(text):
        if _CJK_CHAR.match(part):
            words.append(normalize_query(part))
        elif _NUMBER.fullmatch(part):
            digits = number_digits(part)
            if len(digits.rstrip("x")) < MIN_NUMBER_DIGITS and not (
                digits.endswith("x") and len(digits) > MIN_NUMBER_DIGITS - 1
            ):
                impossible = True  # too short to be in any index
            else:
                numbers.append(digits)
        else:
            for piece in _WORD_BREAK.split(part):
                if _PUNCTUATION_ONLY.fullmatch(piece):
                    continue  # brackets or a plus around a number, a lone dash
                if _NOT_IN_NAMES.search(piece):
                    impossible = True  # a symbol no name is written with: "%", "=", "_"
                    continue
                key = re.sub(r"[^a-z]", "", normalize_query(piece))
                if key:
                    words.append(key)
    words_t, numbers_t = _dedupe(words), _dedupe(numbers)
    if not words_t and not numbers_t:
        impossible = True
    return SearchQuery(words_t, numbers_t, impossible)
