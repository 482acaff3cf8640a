"""Reference data for the pickers: administrative divisions (GB/T 2260) with pinyin keys.

``ReferenceService(app).divisions()`` reads the division table once and returns a
:class:`DivisionTable` (plain data, safe to hand to the GUI thread) in which every province,
prefecture and county carries its full pinyin and its initials, so a picker can filter as
the user types 安徽, ``anhui`` or ``ah``. Prefecture rows named "市辖区" (the districts of a
municipality) show the province's name instead (docs/design/domain.md).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from ss_core.domain.pinyin import normalize_query
from ss_desktop.db import program_queries
from ss_desktop.services.app import LocalApp

log = logging.getLogger(__name__)

MUNICIPAL_DISTRICTS = "市辖区"
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@dataclass(frozen=True)
class DivisionOption:
    code: str  # 2 digits (province), 4 (prefecture) or 6 (county)
    name: str  # as shown (市辖区 replaced by the province's name)
    level: int  # 1 province, 2 prefecture, 3 county
    parent_code: str | None
    pinyin: str  # "anhuisheng"
    initials: str  # "ahs"


@dataclass
class DivisionTable:
    """Every current division, grouped for the three pickers."""

    provinces: list[DivisionOption] = field(default_factory=list)
    children: dict[str, list[DivisionOption]] = field(default_factory=dict)
    by_code: dict[str, DivisionOption] = field(default_factory=dict)

    def prefectures(self, province_code: str) -> list[DivisionOption]:
        return self.children.get(province_code, [])

    def counties(self, prefecture_code: str) -> list[DivisionOption]:
        return self.children.get(prefecture_code, [])

    def path_of(self, code: str | None) -> tuple[str | None, str | None, str | None]:
        """(province, prefecture, county) codes of a stored 6-digit county code."""
        if not code or not re.fullmatch(r"[0-9]{6}", code):
            return None, None, None
        county = code if code in self.by_code else None
        prefecture = code[:4] if code[:4] in self.by_code else None
        province = code[:2] if code[:2] in self.by_code else None
        return province, prefecture, county

    def label(self, code: str | None) -> str:
        """ "安徽省 合肥市 瑶海区" for a county code; "" when unknown."""
        province, prefecture, county = self.path_of(code)
        names: list[str] = []
        for part in (province, prefecture, county):
            if part is not None:
                name = self.by_code[part].name
                if not names or names[-1] != name:
                    names.append(name)
        return " ".join(names)


def division_matches(option: DivisionOption, query: str) -> bool:
    """Whether a typed text selects this division: Chinese characters anywhere in the name,
    full pinyin from the start of the name or of a word-part, or the initials' prefix."""
    q = normalize_query(query or "")
    if not q:
        return True
    if re.search(r"[\u3400-\u9fff]", q):
        return q in option.name
    if q.isdigit():
        return option.code.startswith(q)
    return option.pinyin.startswith(q) or option.initials.startswith(q) or q in option.pinyin


@lru_cache(maxsize=8192)
def _keys(name: str) -> tuple[str, str]:
    syllables = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower().replace("ü", "v"), "".join(initials).lower()


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a place name, lowercase ASCII."""
    return _keys(name)


def short_name(name: str) -> str:
    """ "安徽省" -> "安徽" (for compact labels); names of two characters stay whole."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


_TABLES: dict[str, DivisionTable] = {}


class ReferenceService:
    def __init__(self, app: LocalApp) -> None:
        self.app = app

    def divisions(self, *, fresh: bool = False) -> DivisionTable:
        """Current divisions with pinyin keys (about 3,300 rows; run it on a worker).
        Kept per database file; ``fresh=True`` re-reads (after head office changed codes)."""
        key = str(self.app.paths.database)
        if not fresh and key in _TABLES:
            return _TABLES[key]
        table = self._read()
        _TABLES[key] = table
        return table

    def _read(self) -> DivisionTable:
        return build_table(program_queries.divisions(self.app.engine))


def build_table(rows: list[tuple[str, str, int, str | None]]) -> DivisionTable:
    table = DivisionTable()
    province_names = {code: name for code, name, level, _ in rows if level == 1}
    for code, name, level, parent in rows:
        shown = name
        if level == 2 and name == MUNICIPAL_DISTRICTS:
            shown = province_names.get(parent or code[:2], name)
        full, initials = _keys(shown)
        option = DivisionOption(code, shown, level, parent, full, initials)
        table.by_code[code] = option
        if level == 1:
            table.provinces.append(option)
        elif parent:
            table.children.setdefault(parent, []).append(option)
    return table
