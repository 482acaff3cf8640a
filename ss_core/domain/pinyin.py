"""Search keys for Chinese names: full pinyin, initials, every heteronym reading.

pypinyin has no surname mode (单 reads "dan", but as a surname it is "shan"), so the surname is
looked up in :data:`SURNAME_READINGS` first; the other readings are indexed too, so that a user
who types "danxiongxin" still finds 单雄信. ü is written "v" in every key and a "u" variant is
added to :meth:`NameKeys.tokens` (吕 -> "lv" and "lu").

Speed: readings are cached per character and per given name, so building keys for 100,000
names takes about a second (see the report in the test module).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ss_core.domain.normalize import to_halfwidth

MAX_READINGS = 32

# Readings of characters when they are used as surnames (where the usual reading differs or
# the character has several readings).
SURNAME_READINGS: dict[str, str] = {
    # single-character surnames
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "覃": "qin", "盖": "ge", "缪": "miao", "乐": "yue", "翟": "zhai",
    "秘": "bi", "种": "chong", "折": "she", "员": "yun", "繁": "po", "句": "gou",
    "阚": "kan", "任": "ren", "华": "hua", "纪": "ji", "召": "shao", "宁": "ning",
    "冼": "xian", "洗": "xian", "谌": "chen", "隗": "wei", "眭": "sui", "尉": "wei",
    "重": "chong", "长": "chang", "朝": "chao", "那": "na", "便": "pian", "厍": "she",
    "逄": "pang", "蕃": "pi", "黑": "he", "藏": "zang", "莘": "shen", "郇": "xun",
    "乜": "nie", "粘": "nian", "柏": "bai", "薄": "bo", "车": "che", "都": "du",
    "和": "he", "贾": "jia", "能": "nai", "燕": "yan", "应": "ying", "曲": "qu",
    "相": "xiang", "褚": "chu", "郗": "xi", "宓": "mi", "訾": "zi", "沈": "shen",
    "卜": "bu", "葛": "ge", "盛": "sheng", "宿": "su", "阙": "que", "叶": "ye",
    "陆": "lu", "角": "jue", "祭": "zhai", "过": "guo", "佴": "nai", "石": "shi",
    "万": "wan", "尹": "yin", "隽": "juan", "芮": "rui", "沙": "sha",
    "传": "chuan",
    "鲜": "xian", "强": "qiang",
    "靳": "jin", "艾": "ai", "牟": "mou", "俞": "yu",
    "龚": "gong", "景": "jing", "吕": "lv", "红": "hong", "涂": "tu",
    "阿": "a", "恽": "yun", "祁": "qi", "於": "yu",
    # compound surnames
    "尉迟": "yuchi", "万俟": "moqi", "长孙": "zhangsun", "单于": "chanyu", "澹台": "tantai",
    "令狐": "linghu", "皇甫": "huangfu", "欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge",
    "上官": "shangguan", "东方": "dongfang", "夏侯": "xiahou", "司徒": "situ",
    "端木": "duanmu", "公孙": "gongsun", "慕容": "murong", "呼延": "huyan", "宇文": "yuwen",
    "闻人": "wenren", "钟离": "zhongli", "公冶": "gongye", "太叔": "taishu", "申屠": "shentu",
    "乐正": "yuezheng", "东郭": "dongguo", "南宫": "nangong", "西门": "ximen",
    "百里": "baili", "第五": "diwu", "司空": "sikong", "司寇": "sikou", "左丘": "zuoqiu",
    "公羊": "gongyang", "谷梁": "guliang", "宗政": "zongzheng", "濮阳": "puyang",
    "淳于": "chunyu", "仲孙": "zhongsun", "轩辕": "xuanyuan", "拓跋": "tuoba",
    "独孤": "dugu", "赫连": "helian", "鲜于": "xianyu", "亓官": "qiguan", "闾丘": "lvqiu",
    "公良": "gongliang", "漆雕": "qidiao", "壤驷": "rangsi", "公西": "gongxi",
    "巫马": "wuma", "梁丘": "liangqiu", "羊舌": "yangshe", "微生": "weisheng",
    "东门": "dongmen", "公输": "gongshu", "颛孙": "zhuansun", "子车": "ziju",
    "段干": "duangan", "哥舒": "geshu", "即墨": "jimo",
}  # fmt: skip

# Two-character surnames: split_name keeps them together (欧阳娜娜 -> 欧阳 + 娜娜).
COMPOUND_SURNAMES: frozenset[str] = frozenset(k for k in SURNAME_READINGS if len(k) == 2)

_CJK_CHAR = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_WORD = re.compile(r"[a-zA-Z\u00c0-\u024f]+")
_UNIT = re.compile(
    r"[\u3007\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]|[a-zA-Z\u00c0-\u024f]+"
)
_ASCII_LOWER = re.compile(r"[a-z]+")
_ACCENTS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝàáâãäåèéêëìíîïòóôõöùúûýÿçñÇÑ",
    "aaaaeeeeiiiioooouuuuvvvvvaaaaaaeeeeiiiiooooouuuvyaaaaaaeeeeiiiiooooouuuyycncn",
)


def split_name(full: str) -> tuple[str, str]:
    """(surname, given name): a known compound surname (欧阳娜娜 -> 欧阳, 娜娜) or the first
    character. A name with a space ("Wang Fang", "Mary Smith") splits at the first space."""
    s = " ".join(full.split())
    if not s:
        return "", ""
    if " " in s:
        surname, given = s.split(" ", 1)
        return surname, given
    if len(s) > 2 and s[:2] in COMPOUND_SURNAMES:
        return s[:2], s[2:]
    return s[:1], s[1:]


def _ascii_key(text: str) -> str:
    return "".join(_ASCII_LOWER.findall(text.lower().translate(_ACCENTS)))


@lru_cache(maxsize=65536)
def _char_readings(ch: str) -> tuple[str, ...]:
    """All readings of one CJK character (most common first), or () if pypinyin has none."""
    # pypinyin is imported where a name is first spelled: loading its phrase dictionary takes
    # about 0.2 s, which every command that spells no name (status, backup, sync) then skips.
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, v_to_u=False, errors="ignore")
    out: list[str] = []
    for group in readings:
        for r in group:
            key = _ascii_key(r)
            if key and key not in out:
                out.append(key)
    return tuple(out)


# A unit is one CJK character or one Latin word; each of its readings is a tuple of syllables
# (one syllable, except a compound surname read from the table: ("ou", "yang")).
Reading = tuple[str, ...]
Unit = tuple[Reading, ...]


@lru_cache(maxsize=131072)
def _units(text: str) -> tuple[Unit, ...]:
    """The name as units with their readings.

    The first reading of each character is the one pypinyin picks in context (phrases), the
    rest are the character's other readings. Units without any reading are left out.
    """
    from pypinyin import Style, lazy_pinyin  # see _char_readings

    parts = _UNIT.findall(to_halfwidth(text))
    cjk = [p for p in parts if _CJK_CHAR.fullmatch(p)]
    contextual = (
        lazy_pinyin("".join(cjk), style=Style.NORMAL, v_to_u=False, errors="ignore") if cjk else []
    )
    ctx = iter(contextual) if len(contextual) == len(cjk) else None
    units: list[Unit] = []
    for part in parts:
        if _CJK_CHAR.fullmatch(part):
            readings = list(_char_readings(part))
            first = _ascii_key(next(ctx)) if ctx is not None else ""
            if first:
                readings = [first] + [r for r in readings if r != first]
            if readings:
                units.append(tuple((r,) for r in readings))
        else:
            key = _ascii_key(part)
            if key:
                units.append(((key,),))
    return tuple(units)


def _combinations(units: Sequence[Unit], limit: int) -> Iterator[tuple[Reading, ...]]:
    """Readings of a whole name, the most likely first: ordered by how many units use a
    less common reading (sum of reading indexes), at most ``limit``."""
    if not units:
        return
    sizes = [len(u) for u in units]
    if all(size == 1 for size in sizes):
        yield tuple(u[0] for u in units)
        return
    max_total = sum(s - 1 for s in sizes)
    last = len(sizes) - 1
    produced = 0

    def with_total(i: int, remaining: int) -> Iterator[tuple[int, ...]]:
        if i == last:
            if remaining < sizes[i]:
                yield (remaining,)
            return
        for k in range(min(remaining, sizes[i] - 1) + 1):
            for rest in with_total(i + 1, remaining - k):
                yield (k, *rest)

    for total in range(max_total + 1):
        for idx in with_total(0, total):
            yield tuple(units[n][k] for n, k in enumerate(idx))
            produced += 1
            if produced >= limit:
                return


def _segment(reading: str, units: Sequence[Unit]) -> Reading:
    """Split a table reading ("yuchi") into syllables along the characters' readings."""
    if len(units) == 2:
        for (first,) in units[0]:
            if reading.startswith(first) and (reading[len(first) :],) in units[1]:
                return (first, reading[len(first) :])
    return (reading,)


@lru_cache(maxsize=4096)
def _surname_units(surname: str) -> tuple[Unit, ...]:
    """Units of the surname with the surname-table reading first.

    A surname in the table becomes one unit: the table reading, then every other combination
    of its characters' readings.
    """
    units = _units(surname)
    table = SURNAME_READINGS.get(surname)
    if not units:
        return units
    if table is None:
        first = SURNAME_READINGS.get(surname[:1]) if len(units) > 1 else None
        if first and (first,) in units[0]:
            units = (((first,), *[r for r in units[0] if r != (first,)]), *units[1:])
        return units
    own = _segment(table, units)
    others = [tuple(s for r in combo for s in r) for combo in _combinations(units, MAX_READINGS)]
    return ((own, *[o for o in others if "".join(o) != table]),)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def _joined(combos: Sequence[tuple[Reading, ...]]) -> list[str]:
    return ["".join(s for reading in combo for s in reading) for combo in combos]


def _initials_of(combos: Sequence[tuple[Reading, ...]]) -> tuple[str, ...]:
    return _dedupe("".join(s[0] for reading in combo for s in reading) for combo in combos)


@dataclass(frozen=True)
class NameKeys:
    """Search keys of one name (lowercase ASCII, ü written v)."""

    display: str  # "Shan Xiongxin"
    full: tuple[str, ...]  # "shanxiongxin", "danxiongxin", ...
    initials: tuple[str, ...]  # "sxx", "dxx", ...
    given_full: tuple[str, ...]  # "xiongxin", "xiongshen"
    given_initials: tuple[str, ...]  # "xx", "xs"

    def tokens(self) -> list[str]:
        """Every key, deduplicated, plus a 'u' variant of each key written with 'v'."""
        base = _dedupe([*self.full, *self.initials, *self.given_full, *self.given_initials])
        variants = [k.replace("v", "u") for k in base if "v" in k]
        return list(_dedupe([*base, *variants]))


def _split_override(override: str) -> tuple[str, str]:
    words = [_ascii_key(w) for w in re.split(r"[\s·]+", to_halfwidth(override).strip())]
    words = [w for w in words if w]
    if not words:
        return "", ""
    return words[0], "".join(words[1:])


def name_keys(surname: str, given: str, *, pinyin_override: str | None = None) -> NameKeys:
    """Search keys of a name. ``pinyin_override`` (the display pinyin staff typed, e.g.
    "Shan Xiongxin") becomes the first full reading and the display form."""
    return _name_keys(surname.strip(), given.strip(), pinyin_override or None)


@lru_cache(maxsize=32768)
def _name_keys(surname: str, given: str, pinyin_override: str | None) -> NameKeys:
    s_units = _surname_units(surname)
    g_units = _units(given)
    combos = list(_combinations((*s_units, *g_units), MAX_READINGS))
    # every surname reading appears at least once: they replace the least likely readings
    if len(s_units) == 1 and len(s_units[0]) > 1:
        g_first = tuple(u[0] for u in g_units)
        present = {c[0] for c in combos}
        missing = [(r, *g_first) for r in s_units[0][:8] if r not in present]
        if missing:
            combos = combos[: MAX_READINGS - len(missing)] + missing
    given_readings, given_initials = _given_keys(given)
    full = list(_joined(combos))
    given_full = list(given_readings)
    display = _display(surname, given, s_units, g_units)
    if pinyin_override and pinyin_override.strip():
        o_surname, o_given = _split_override(pinyin_override)
        if o_surname or o_given:
            full.insert(0, o_surname + o_given)
            if o_given:
                given_full.insert(0, o_given)
            display = " ".join(pinyin_override.split())
    return NameKeys(
        display=display,
        full=_dedupe(full)[:MAX_READINGS],
        initials=_initials_of(combos),
        given_full=_dedupe(given_full),
        given_initials=given_initials,
    )


@lru_cache(maxsize=8192)
def _given_keys(given: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full readings, initials) of a given name alone; cached: a few thousand given names
    make most names."""
    given_combos = list(_combinations(_units(given), MAX_READINGS))
    return tuple(_joined(given_combos)), _initials_of(given_combos)


def _display(surname: str, given: str, s_units: Sequence[Unit], g_units: Sequence[Unit]) -> str:
    parts = []
    for text, units in ((surname, s_units), (given, g_units)):
        if not _CJK_CHAR.search(text):
            parts.append(" ".join(text.split()))  # Latin names are shown as written
        else:
            parts.append("".join(s for u in units for s in u[0]).capitalize())
    return " ".join(p for p in parts if p)


def common_syllables(
    surname: str, given: str, pinyin_override: str | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The most likely reading of a name as syllables, (surname's, given name's): the
    surname-table reading first (欧阳 -> ("ou", "yang")), each character as pypinyin reads it
    in context; a Latin name gives its words ("Smith", "Mary Jane" -> ("smith",),
    ("mary", "jane")). With *pinyin_override* (what staff typed, "Dan Xiongxin"), the
    characters' readings that spell it (("dan",), ("xiong", "xin"))."""
    surname, given = surname.strip(), given.strip()
    s_units, g_units = _surname_units(surname), _units(given)
    if pinyin_override:
        spelled = _spell(_ascii_key(pinyin_override), (*s_units, *g_units))
        if spelled is not None:
            return (
                tuple(s for reading in spelled[: len(s_units)] for s in reading),
                tuple(s for reading in spelled[len(s_units) :] for s in reading),
            )
    return (
        tuple(s for unit in s_units for s in unit[0]),
        tuple(s for unit in g_units for s in unit[0]),
    )


def _spell(text: str, units: Sequence[Unit]) -> tuple[Reading, ...] | None:
    """One reading per unit, together spelling *text* (None if no choice of readings does)."""

    @cache
    def rest(i: int, pos: int) -> tuple[Reading, ...] | None:
        if i == len(units):
            return () if pos == len(text) else None
        for reading in units[i]:
            joined = "".join(reading)
            if text.startswith(joined, pos):
                tail = rest(i + 1, pos + len(joined))
                if tail is not None:
                    return (reading, *tail)
        return None

    found = rest(0, 0)
    rest.cache_clear()
    return found


def display_pinyin(surname: str, given: str) -> str:
    """ "Shan Xiongxin": surname reading from the table, each part capitalised."""
    surname, given = surname.strip(), given.strip()
    return _display(surname, given, _surname_units(surname), _units(given))


def normalize_query(q: str) -> str:
    """A search query as keys are written: lowercase, half-width, no spaces or apostrophes,
    ü (with or without a tone mark) as v, other tone marks dropped. Chinese characters and
    digits are kept."""
    q = to_halfwidth(q).lower().translate(_ACCENTS)
    # "u:" last: an accent dropped or a space removed can make one ("Ù:", "u :")
    return re.sub(r"[\s'’‘`]+", "", q).replace("u:", "v")
