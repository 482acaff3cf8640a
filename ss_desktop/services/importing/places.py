"""Written places ("安徽省阜阳市临泉县", "阜阳临泉县", "临泉县", "341221") to county codes."""

from __future__ import annotations

import re
from collections import defaultdict

from ss_desktop.services.reference import DivisionOption, DivisionTable, short_name


def _names(option: DivisionOption) -> list[str]:
    names = {option.name, short_name(option.name)}
    return sorted((n for n in names if n), key=len, reverse=True)


def _strip_prefix(text: str, option: DivisionOption) -> str | None:
    for name in _names(option):
        if text.startswith(name):
            return text[len(name) :]
    return None


class PlaceIndex:
    def __init__(self, table: DivisionTable) -> None:
        self.table = table
        self._counties_by_name: dict[str, list[str]] = defaultdict(list)
        self._prefectures: list[DivisionOption] = []
        for option in table.by_code.values():
            if option.level == 3:
                for name in _names(option):
                    self._counties_by_name[name].append(option.code)
            elif option.level == 2:
                self._prefectures.append(option)

    def lookup(self, text: str) -> str | None:
        text = re.sub(r"\s+", "", text)
        if re.fullmatch(r"\d{6}", text):
            found = self.table.by_code.get(text)
            return text if found is not None and found.level == 3 else None
        for province in self.table.provinces:
            rest = _strip_prefix(text, province)
            if rest is not None:
                return self._in_province(province.code, rest)
        for prefecture in self._prefectures:
            rest = _strip_prefix(text, prefecture)
            if rest:
                code = self._county_under(prefecture.code, rest)
                if code:
                    return code
        return self._unique_county(text)

    def _in_province(self, province: str, rest: str) -> str | None:
        for prefecture in self.table.children.get(province, []):
            after = _strip_prefix(rest, prefecture)
            if after:
                code = self._county_under(prefecture.code, after)
                if code:
                    return code
        # municipalities and skipped prefectures: a county directly after the province
        candidates = [
            c
            for p in self.table.children.get(province, [])
            for c in self.table.children.get(p.code, [])
            if _strip_prefix(rest, c) is not None
        ]
        return candidates[0].code if len(candidates) == 1 else None

    def _county_under(self, prefecture: str, rest: str) -> str | None:
        for county in self.table.children.get(prefecture, []):
            if _strip_prefix(rest, county) is not None:
                return county.code
        return None

    def _unique_county(self, text: str) -> str | None:
        for name, codes in self._counties_by_name.items():
            if len(name) >= 2 and text.startswith(name) and len(codes) == 1:
                return codes[0]
        return None
